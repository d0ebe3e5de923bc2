"""Who "A.", "THE WITNESS:" and "THE COURT:" are in a trial or hearing transcript.

A trial transcript labels the people in the room by what they are there for: the judge is
"THE COURT", the person testifying answers as "A." or "THE WITNESS", and each of them is
named once, the judge in the caption ("BEFORE THE HONORABLE ANN LEE, CIRCUIT JUDGE") and
each witness where they are sworn in ("ANN LEE, called as a witness ..., having been first
duly sworn, testified as follows:", "MR DESMOND FAIRWEATHER (sworn)"). A careful reader
takes the answers for the witness sworn last before them: a trial calls one witness after
another, so the answer side changes at each swearing-in. The witnesses are read from the
whole text (one linear scan), since a long trial swears its last witness far from the top.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from cstocli.importer.markup import lower_as_ignorecase
from cstocli.text import line_of

_NAME = (
    r"(?:(?:MR|MRS|MS|MISS|DR|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?"
    r"(?P<name>[A-Z\u00c0-\u00de][\w'\u2019.-]*(?:[ \t]+[A-Z\u00c0-\u00de][\w'\u2019.-]*){1,4})"
)
# What swears a witness in, on the name's line or the next one.
_OATH = (
    r"(?i:\((?:sworn|affirmed|duly\s+sworn)\)|called\s+as\s+a\s+witness|"
    r"having\s+been\s+(?:first\s+)?(?:duly\s+)?(?:sworn|affirmed)|"
    r"(?:being\s+)?(?:first\s+)?duly\s+sworn|sworn\s+and\s+examined)"
)
_OATH_WORDS = ("sworn", "affirmed", "witness")
"""One of these is in every oath ``_OATH`` reads."""
_WITNESS = re.compile(
    rf"^[ \t]*{_NAME}[ \t]*(?:,[ \t]*(?:\n[ \t]*)?|[ \t]+|[ \t]*\n[ \t]*){_OATH}",
    re.MULTILINE,
)
_COURT = frozenset(["court", "the court"])
_WITNESS_LABEL = frozenset(["witness", "the witness"])
# The roles a judge is named with in the caption.
_BENCH = frozenset(["judge", "justice", "magistrate", "recorder"])


@dataclass(frozen=True, slots=True)
class Witness:
    """A person sworn in to testify, and where."""

    name: str
    line: int
    """The 1-based line of the swearing-in."""


def read_witnesses(text: str) -> list[Witness]:
    """The witnesses sworn in the text, in order."""
    found: list[Witness] = []
    lowered = lower_as_ignorecase(text)
    if not any(word in lowered for word in _OATH_WORDS):
        return found  # no oath in the text: no pattern run over it
    for match in _WITNESS.finditer(text):
        name = match["name"].strip()
        if len(name.split()) < 2 or name.casefold().startswith(("the ", "by ")):
            continue
        found.append(Witness(_title_case(name), line_of(text, match.start())))
    return found


def witness_at(witnesses: Sequence[Witness], line: int) -> Witness | None:
    """The witness sworn last before ``line``, or None when none was yet."""
    index = bisect.bisect_right(witnesses, line, key=lambda witness: witness.line)
    return witnesses[index - 1] if index else None  # in order of lines: a binary search


def is_witness_label(name: str) -> bool:
    """Whether a label names the witness by that word only ("THE WITNESS")."""
    return " ".join(name.casefold().split()) in _WITNESS_LABEL


def is_court_label(name: str) -> bool:
    """Whether a label names the judge by the court only ("THE COURT")."""
    return " ".join(name.casefold().split()) in _COURT


def on_the_bench(roles: Sequence[tuple[str, str | None]]) -> tuple[str, str] | None:
    """The one (name, role) among ``roles`` whose role is a judge's, or None."""
    judges = {
        (name, role)
        for name, role in roles
        if role is not None and set(re.findall(r"[a-z]+", role.casefold())) & _BENCH
    }
    return judges.pop() if len(judges) == 1 else None


def _title_case(name: str) -> str:
    """A caps name as a name is written ("KATRIN OYELARAN-BOSE" -> "Katrin Oyelaran-Bose")."""
    if not name.isupper():
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m[0][:1] + m[0][1:].lower(), name)
