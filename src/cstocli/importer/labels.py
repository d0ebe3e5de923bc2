r"""Recognise speaker labels: the "Name, Role:" lines that say who speaks next.

The forms read here, on a line of their own or inline before the speech:

- ``Name, Role:``  (``Alexander Lukashenko, President of Belarus:``)
- ``Name:``        (``Alexander Lukashenko:``, ``MS SMITH:``, ``Łukasz Nowak:``); a record's
  ``Mr. SMITH.`` (see ``markup``); ``Name (Role):`` (``John Smith (R-Ohio):``)
- ``Role Name:``   (``President of Russia Vladimir Putin:``, ``CHIEF JUSTICE ROBERTS:``,
  ``SEC.-GEN. ANN LEE:``), when a title word stands before the last word; the name is then
  the last two capitalised words after the last title word (an initial does not count), a
  guess the roster revisits with the article's text and with a later plain ``Name:`` label
- interviews: ``Question:`` / ``QUESTION:`` / ``Q:`` / ``Q    `` / ``Q<tab>`` / ``Q.`` /
  ``Interviewer:`` and ``Answer:`` / ``A:`` / ``A.``: the question side keeps the word the
  article writes ("Question", "Q"); the answer side is resolved by the roster
- placeholders (``Speaker 1:``, ``UNIDENTIFIED FEMALE:``, ``Audience questioner:``,
  ``Member of the public:``, ``Reporter (Daily Meridian):``): the name as written, no role;
  ``CALLER (Margaret, Leeds):`` keeps its brackets, one caller of several
- dressed labels (see ``markup``): ``\\[00:01:02\\] **Name:**``, ``**Name**:``,
  ``Name (00:22):``, ``Name: (00:22)``, ``NAME (voice-over):``, ``[*] NAME:``

A title before the name goes to the role in every form (``Senator John Smith (R-Ohio):``
is John Smith, ``Senator (R-Ohio)``), split as in ``Role Name:``; an honorific before a name
of two words or more is dropped (``Dr. Anna Brown:``), as ``naming`` ignores it when merging.

A name is one to seven words (twenty with a title before it), each capitalised (any script)
or a name particle ("von", "de", "bin", "los"); sentences ("The leaders of six states:
..."), lines that open with a function word ("In Minsk, the leaders said:") and page
furniture ("Share:", "Font size:", "APPEARANCES:") are no labels.
An inline label with a one-word name ("Note: ...") is too easily a sentence, so inline names
need two words, capitals (``SMITH:``), an interview word, or a word the article labels with
elsewhere (``known``: "Spokesman:" twice); a role with a digit is a dateline ("Minsk, May 3:").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from cstocli.importer.label_words import (
    CONVERSATION_ROLES,
    FUNCTION_WORDS,
    FURNITURE,
    NAME_PARTICLES,
    POST_NOMINALS,
    PRESIDING,
    REPORTING_WORDS,
    ROLE_LINKS,
    SIDE_WORDS,
)
from cstocli.importer.markup import (
    bold_label,
    clean_head,
    dash_label,
    period_label,
    skip_leading_stamp,
    skip_stamp_after,
    tabbed_label,
    voice_label,
)
from cstocli.importer.names import (
    HONORIFICS,
    bracket_office,
    is_party,
    is_place,
    names_holder,
    without_party,
)
from cstocli.importer.titles import is_title_word, with_title
from cstocli.model import Span, is_placeholder

InterviewPart = Literal["question", "answer"]

_INTERVIEW_WORDS: dict[str, InterviewPart] = {
    "question": "question",
    "q": "question",
    "interviewer": "question",
    "answer": "answer",
    "a": "answer",
}


# The colon ending a label head; not one inside a timestamp ("Jane Doe (00:22):").
_COLON = re.compile(r"(?<!\d):|:(?!\d)")
# "Q    text", "Q\ttext", "Q. text", "A. text": the interview sides without a colon.
_QA_MARK = re.compile(r"(Q|A)(?:\.[ \t]+|\t[ \t]*|[ \t]{2,})(?=\S)")
_INITIAL = re.compile(r"[^\W\d_]\.\Z")
_BRACKETED = re.compile(r"([^()]+?)\s*\(([^()]+)\)\Z")
_TOKEN = re.compile(r"[^\W\d_][\w'\u2019.\-]*\Z")


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label found at the start of a line."""

    text: str
    """The label verbatim, colon included (``Alexander Lukashenko, President of Belarus:``)."""
    span: Span
    """Where the label stands in the article."""
    name: str
    """The speaker's name as written, less any title or honorific before it (for
    interviews, ``Interviewer`` or ``Interviewee``)."""
    role: str | None
    """The role as written (a title before the name included), or None."""
    role_first: bool
    """Whether the label put the role before the name, so the split is a guess."""
    interview: InterviewPart | None
    """Which side of an interview the label marks, if it is ``Question:``/``Answer:``."""
    speech_start: int | None
    """For an inline label, where the speech starts on the same line; None when alone."""


# The parts a cast line gives a person ("Host: Jane Roe", "Speaker: The Hon. Ann Lee"; an
# oral history's "Narrator: NAME" is the one who tells their story).
_PARTS = CONVERSATION_ROLES | PRESIDING | {"moderator", "interviewer", "narrator", "respondent"}
_CACHED_LINE = 1000
"""The longest line whose label is remembered (4,096 lines: a few MB at most)."""


def read_label(line: str, start: int, known: frozenset[str] = frozenset()) -> Label | None:
    """Read the label opening ``line`` (which starts at offset ``start``), if there is one.

    ``known`` holds the one-word names (folded) the article uses as labels elsewhere, so an
    inline "Spokesman:" or "Obrenko:" reads as a label there (see ``turns.label_words``).
    """
    # Remembered: an import reads each line twice (its turns, then the people at the top).
    read = _read_label if len(line) <= _CACHED_LINE else _read_label.__wrapped__
    return read(line, start, known)


@functools.lru_cache(maxsize=4096)
def _read_label(line: str, start: int, known: frozenset[str]) -> Label | None:
    """See ``read_label``."""
    stripped = line.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    period = period_label(stripped, lead)  # "Mr. LATHAM. The subcommittee will ..."
    read = None if period is None else label_from_head(period[0], alone=False, known=known)
    if period is not None and read is not None:
        end = period[1] + len(stripped[period[1] :]) - len(stripped[period[1] :].lstrip())
        return Label(
            stripped[lead : period[1]], (start + lead, start + period[1]), *read, start + end
        )
    dashed = dash_label(stripped, lead)  # "Ann Lee, Member of the Commission. - Madam"
    if ":" not in stripped and stripped[lead : lead + 1] not in ("Q", "A", "<") and not dashed:
        return None  # the common case, a line of speech: no colon, no "Q    ", no "<v "
    head_start = skip_leading_stamp(stripped, lead)
    # "<v Jane Doe>", a table's speaker cell: a name, marked up as one
    voice = voice_label(stripped, head_start) or tabbed_label(stripped, head_start)
    bold = voice or dashed or bold_label(stripped, head_start)
    if bold is not None:
        head, end = bold
    else:
        # No colon, no search (a line opening with "A" or "Q" comes here: "As we said...").
        colon = _COLON.search(stripped, head_start) if ":" in stripped else None
        if colon is None or colon.start() <= head_start:
            return _question_or_answer(stripped, lead, start)
        if stripped[colon.start() + 1 : colon.start() + 3] == "//":
            return None
        head, end = stripped[head_start : colon.start()], colon.start() + 1
    end = skip_stamp_after(stripped, end)
    rest = stripped[end:]
    speech_start = None if not rest.strip() else start + end + (len(rest) - len(rest.lstrip()))
    alone = speech_start is None or voice is not None
    found = label_from_head(clean_head(head), alone=alone, known=known)
    # "Chair: Dame Ann Lee", "Guest: Jo Vale, hydrologist": who holds a part, no turn.
    cast = found is not None and found[0].casefold() in _PARTS and names_holder(rest)
    if found is None or cast:
        return None if bold is not None or cast else _question_or_answer(stripped, lead, start)
    name, role, role_first, interview = found
    text = stripped[lead:end]
    return Label(text, (start + lead, start + end), name, role, role_first, interview, speech_start)


@functools.lru_cache(maxsize=4096)  # a transcript repeats its few labels thousands of times
def label_from_head(
    head: str, *, alone: bool, known: frozenset[str] = frozenset()
) -> tuple[str, str | None, bool, InterviewPart | None] | None:
    """Name, role, whether role came first, interview side, from a label head (or None)."""
    bare = head.strip()
    interview = _INTERVIEW_WORDS.get(bare.casefold())
    if interview is not None:
        return as_written(bare), None, False, interview
    bracketed = _BRACKETED.match(bare)
    placeholder = bracketed[1] if bracketed and is_placeholder(bracketed[1]) else bare
    if is_placeholder(placeholder) and len(placeholder) <= 40:
        # "Reporter (Daily Meridian)" is the anonymous reporter; "Caller (Ann, Leeds)" one caller.
        who = f" ({bracketed[2].strip()})" if bracketed and "," in bracketed[2] else ""
        return as_written(placeholder.strip()) + who, None, False, None
    parsed = _parse_head(bare, inline=not alone, known=known)
    if parsed is None:
        return None
    return (*parsed, None)


def _question_or_answer(line: str, lead: int, start: int) -> Label | None:
    """``Q    text``, ``Q<tab>text``, ``Q. text``, ``A. text``: interview labels, no colon."""
    found = _QA_MARK.match(line, lead)
    if found is None:
        return None
    mark = found[1] + ("." if line.startswith(".", lead + 1) else "")
    span = (start + lead, start + lead + len(mark))
    side: InterviewPart = "question" if found[1] == "Q" else "answer"
    return Label(mark, span, found[1], None, False, side, start + found.end())


def as_written(name: str) -> str:
    """A placeholder or interview label as the article writes it, capitals tamed.

    "QUESTION" is "Question", "UNIDENTIFIED FEMALE" "Unidentified Female"; "Q" stays.
    """
    return name.title() if name.isupper() and len(name) > 1 else name


def is_furniture(line: str) -> bool:
    """Whether a line is website chrome ending in a colon ("Share:", "Font size:")."""
    stripped = line.strip()
    if not stripped.endswith(":") or read_label(line, 0) is not None:
        return False
    head = " ".join(stripped[:-1].casefold().replace("\u2019", "'").split())
    return head in FURNITURE or len(stripped.split()) <= 3


def credit_prefix(paragraph: str) -> str | None:
    """The furniture word and colon opening a credit or note line ("Source: Rail Weekly").

    Such a line is the publisher's, never a speaker's, whatever stands after the colon.
    """
    head, colon, _ = paragraph.partition(":")
    if not colon or len(head.split()) > 3:
        return None
    folded = " ".join(head.casefold().replace("\u2019", "'").split())
    return f"{head.strip()}:" if folded in FURNITURE else None


def affiliation_of(role: str | None) -> str | None:
    """The state or organisation a role names after its last "of" ("President of Belarus")."""
    if role is None:
        return None
    found = re.search(
        r"\bof\s+(?:the\s+)?((?:[A-Z][\w'\u2019.\-]*)(?:\s+[A-Z][\w'\u2019.\-]*)*)\s*$", role
    )
    return found[1] if found else None


def _parse_head(
    head: str, *, inline: bool, known: frozenset[str] = frozenset()
) -> tuple[str, str | None, bool] | None:
    """Split a label head into (name, role, role_first), or None when it is no label."""
    bracketed = _BRACKETED.match(head)
    if bracketed and _names_in_brackets(bracketed[1], bracketed[2]):
        # "The Minister of State for Transport (Sir Bob Vale)": the role, then the name.
        inside = bracketed[2].split()
        while len(inside) > 2 and is_title_word(inside[0]):
            inside = inside[1:]
        return _without_honorifics(inside), bracketed[1].strip(), False
    if bracketed:  # "John Smith (R-Ohio):" gives its role in brackets
        name_part, role_part = bracketed[1], without_party(bracketed[2])
        role = bracket_office(role_part)
        comma = "," if role else ""
    else:
        name_part, comma, role_part = head.partition(",")
        role = role_part.strip() or None
    untitled = not any(is_title_word(t) for t in name_part.split()[:-1])
    if bracketed and (is_place(role_part) or (untitled and is_party(role_part))):
        # "Mr. Kasabian (Ruritania):" names the country he speaks for, "Dr. Ann Lee
        # (CDU/CSU):" her party: where they sit, not what they are ("SEN. LEE (R-OH)" keeps
        # it with the title, "Senator (R-OH)").
        role, comma = None, ""
    tokens = name_part.split()
    while len(tokens) > 1 and tokens[-1].rstrip(".,").casefold() in POST_NOMINALS:
        tokens.pop()  # "MR ABERNETHY KC": the rank after the name is no part of it
    opens = _may_open_label(tokens, inline, known)
    if _is_sentence(name_part if bracketed else head) or not opens:
        return None
    if comma and not _is_role(role, bracketed=bracketed is not None):
        return None
    if role is not None and role.casefold().startswith("on behalf of "):
        role = None  # "Ann Lee, on behalf of the X Group": whom she speaks for, no office
    titled = any(is_title_word(t) for t in tokens[:-1])
    if titled:
        split = _split_role_first(tokens)
        if split is not None:
            return split[0], with_title(split[1], role, bracketed=bracketed is not None), True
    if len(tokens) > 7 or not all(_is_name_token(t, allow_links=False) for t in tokens):
        return None
    return _without_honorifics(tokens), role, False


def _names_in_brackets(outside: str, inside: str) -> bool:
    """Whether brackets hold the name and the words before them a role (parliaments)."""
    tokens = inside.split()
    while len(tokens) > 2 and is_title_word(tokens[0]):
        tokens = tokens[1:]  # "Minister for Transport (Deputy Ann Lee)": her seat's title
    names = [t for t in tokens if t.rstrip(".").casefold() not in HONORIFICS]
    return (
        2 <= len(names) <= 6
        and all(_is_name_token(t, allow_links=False) and not is_title_word(t) for t in names)
        and any(is_title_word(word) for word in outside.split())
    )


def _without_honorifics(tokens: list[str]) -> str:
    """The name without leading "Mr", "Dr."... (``naming`` ignores them when merging too).

    A lone surname keeps its honorific: "MS SMITH" is how the transcript names her.
    """
    start = 0
    while len(tokens) - start > 2 and tokens[start].rstrip(".").casefold() in HONORIFICS:
        start += 1
    return " ".join(tokens[start:])


def _is_role(role: str | None, *, bracketed: bool) -> bool:
    """Whether the words after a name's comma (or in its brackets) can be a role."""
    if role is None or set(role.casefold().split()) & REPORTING_WORDS:
        return False
    # "Minsk, November 30:" is a dateline; "John Smith (R-Ohio 2):" may hold a district.
    return bracketed or not any(char.isdigit() for char in role)


def _is_sentence(head: str) -> bool:
    """Whether the text before a colon reads as prose rather than a label."""
    if len(head) > 150 or "\t" in head or re.search(r"[!?;\"\u201c\u201d()\[\]]", head):
        return True
    # A full stop after a long word ends a sentence; "Mr.", "J." and "SEC.-GEN." do not.
    return any(
        word.endswith(".") and len(re.split(r"[.\-]", word[:-1])[-1]) > 4 for word in head.split()
    )


def _may_open_label(tokens: list[str], inline: bool, known: frozenset[str]) -> bool:
    """Whether these words, before any comma, can be the name part of a label."""
    if not 1 <= len(tokens) <= 20:
        return False
    shouting = _is_shouting(tokens)
    first = tokens[0].casefold()
    # "The President:", "The Chair:": a role-only label in any case.
    role_only = first == "the" and len(tokens) > 1 and all(is_title_word(t) for t in tokens[1:])
    role_only = role_only or " ".join(tokens).casefold() in known  # the article's convention
    if first in SIDE_WORDS or (first in FUNCTION_WORDS and not shouting and not role_only):
        return False
    if " ".join(tokens).casefold().replace("\u2019", "'") in FURNITURE:
        return False
    # Inline, "Note: ..." is prose rather than a name, unless the article labels with it or
    # it names a part in the talk ("Host: ...").
    if inline and len(tokens) == 1 and not shouting:
        return first in known or first in CONVERSATION_ROLES
    return True


def _is_shouting(tokens: list[str]) -> bool:
    """Whether a label is written in capitals (``MS SMITH``), as transcripts often are."""
    letters = [t for t in tokens if any(c.isalpha() for c in t)]
    return bool(letters) and all(t.upper() == t for t in letters)


def _split_role_first(tokens: list[str]) -> tuple[str, str] | None:
    """Split ``President of Russia Vladimir Putin`` into name and role, or None if no name."""
    if not all(_is_name_token(t, allow_links=True) for t in tokens):
        return None
    name: list[str] = []
    capitals = 0
    index = len(tokens)
    while index > 1 and capitals < 2:
        token = tokens[index - 1]
        lower = token.casefold()
        if is_title_word(token) or lower in ROLE_LINKS:
            break
        if lower not in NAME_PARTICLES and not _INITIAL.match(token):
            capitals += 1
        name.insert(0, token)
        index -= 1
    while name and name[0].casefold() in NAME_PARTICLES:
        index += 1
        name.pop(0)
    if not name:
        return None
    return _without_honorifics(name), " ".join(tokens[:index])


def _is_name_token(token: str, *, allow_links: bool) -> bool:
    """Whether a word can stand in a name (or, with ``allow_links``, in a role before one)."""
    lower = token.casefold()
    if lower in NAME_PARTICLES or (allow_links and lower in ROLE_LINKS):
        return True
    if all(unicodedata.category(c)[0] in "SM" for c in token):
        return True  # an emoji inside a podcast host's name
    return bool(_TOKEN.match(token)) and token[0].isupper()
