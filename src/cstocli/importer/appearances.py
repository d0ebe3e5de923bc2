"""Who is who in a record's header: counsel, the chair, a key to short labels.

Besides counsel (below), a header may say who is in the chair ("IN THE CHAIR: NAME", "NAME
took the chair": ``in_chair``) and give a key to the labels ("H. = Full Name, role":
``key_entry``, compared by ``short_form``).

An argument transcript names counsel once, in its list of appearances, and labels them
tersely after ("MS. RIKELSTAD:"). The list comes in two layouts, both read here:

- one entry a sentence, wrapped over lines: "LISE RIKELSTAD, ESQ., Chicago, Illinois; on
  behalf of the Petitioner." or "ANN LEE, Assistant to the Solicitor General, ...; for the
  United States, as amicus curiae, supporting the Respondent.";
- a heading per side and the names under it: "ON BEHALF OF THE PETITIONER:" (or "For the
  Respondent:") then "JANE DOE, ESQ." and the firm's address lines;
- an English court's sentence per counsel, with no heading: "MR DAVID LEE KC (instructed by
  Firm LLP) appeared on behalf of the Claimant." (the rank after the name dropped).

The role is the side as written ("on behalf of the Petitioner"), whatever the case: that is
what the transcript says the person is there for. Only the list after an "APPEARANCES"
heading is read, up to the proceedings, so a sentence in the argument gives nobody a role.
"""

from __future__ import annotations

import re

from cstocli.importer.persons import is_personal_name

_HEADING = re.compile(r"\s*APPEARANCES\s*(?::\s*|\Z)", re.IGNORECASE)
# Where the list ends: the contents, the proceedings, the first speaker label.
_END = re.compile(
    r"\A\s*(?:C\s?O\s?N\s?T\s?E\s?N\s?T\s?S|P\s?R\s?O\s?C\s?E\s?E\s?D\s?I\s?N\s?G\s?S"
    r"|INDEX|[A-Z][A-Z .'-]{1,40}:\s+\S)"
)
_LIST_LINES = 40
"""An appearances list is a few lines; no more than this many are read after its heading."""
_NAME = (
    r"(?:(?:MR|MRS|MS|DR|Mr|Mrs|Ms|Dr)\.?\s+)?"
    r"[A-Z\u00c0-\u00de][\w'\u2019.-]*(?:\s+[A-Z\u00c0-\u00de][\w'\u2019.-]*){1,4}"
)
_SIDE = r"(?i:on\s+behalf\s+(?:of\s+)?|for\s+(?:the\s+)?)"
# "NAME, ESQ., City; on behalf of the Petitioner." (the entry a sentence).
_ENTRY = re.compile(
    rf"(?:\A|(?<=[.;])\s+|\n)\s*(?P<name>{_NAME})\s*,\s*(?:[^;]{{0,200}}?[;,]\s*)?"
    rf"(?P<role>{_SIDE}[^.;:]{{2,120}}?)\s*(?:\.(?=\s|\Z)|;|\Z)"
)
# "ON BEHALF OF THE PETITIONER:" / "For the Respondent:" (a heading per side).
_SIDE_HEADING = re.compile(rf"\A\s*(?P<role>{_SIDE}[^:]{{2,80}}?)\s*:\s*(?P<rest>.*)\Z")
_COUNSEL = re.compile(
    rf"\A\s*(?P<name>{_NAME})\s*"
    r"(?:,\s*(?P<esq>ESQ\.?|Esq\.?)|,\s*(?P<title>[A-Z][\w'\u2019 .-]{2,60}?)\s*\Z|\s*\Z)"
)
# The words of a lawyer's office written after counsel's name on a side's line ("ANN LEE,
# Assistant State's Attorney"): then that office is the role, saying more than the side.
_OFFICES = frozenset(
    "attorney attorneys counsel solicitor defender prosecutor advocate barrister lawyer".split()  # noqa: SIM905
)


# An English court's line: "MR DAVID LEE KC (instructed by X) appeared on behalf of the Y."
_APPEARED = re.compile(
    rf"\s*(?:(?:MR|MRS|MS|DR|Mr|Mrs|Ms|Dr)\.?\s+)?(?P<name>{_NAME}?)(?:\s+(?:KC|QC|SC))?"
    rf"\s*(?:\([^()]{{0,120}}\)\s*)?appeared\s+(?P<role>{_SIDE}[^.;]{{2,80}}?)\s*\.?\s*\Z"
)


def read_appearances(lines: list[tuple[int, str]]) -> list[tuple[str, str, int]]:
    """The (name, role as written, line) of each person an appearances list names."""
    appeared = [
        (found["name"], " ".join(found["role"].split()), number)
        for number, text in lines
        if " appeared " in text and (found := _APPEARED.match(text)) and _is_name(found["name"])
    ]
    return appeared or _listed(lines)


def _listed(lines: list[tuple[int, str]]) -> list[tuple[str, str, int]]:
    """The entries of the list after an "APPEARANCES" heading."""
    for position, (_, text) in enumerate(lines):
        heading = _HEADING.match(text)
        if heading is None:
            continue
        listed: list[tuple[int, str]] = []
        rest = text[heading.end() :]
        if rest.strip():
            listed.append((lines[position][0], rest))
        for number, line in lines[position + 1 : position + 1 + _LIST_LINES]:
            if _END.match(line) and not _SIDE_HEADING.match(line):
                break
            listed.append((number, line))
        return _by_sides(listed) or _sentences(listed)
    return []


def _sentences(listed: list[tuple[int, str]]) -> list[tuple[str, str, int]]:
    """Entries written as sentences, each naming counsel and the side they are for."""
    joined = "\n".join(text.strip() for _, text in listed)
    starts = [0]
    for _, text in listed:
        starts.append(starts[-1] + len(text.strip()) + 1)
    found = []
    for match in _ENTRY.finditer(joined):
        name = match["name"].strip()
        if not _is_name(name):
            continue
        line = listed[_line_of(starts, match.start("name"))][0]
        found.append((name, " ".join(match["role"].split()), line))
    return found


def _by_sides(listed: list[tuple[int, str]]) -> list[tuple[str, str, int]]:
    """Entries under a heading per side: each counsel named under it, with "Esq." or first."""
    found = []
    role: str | None = None
    first = False
    for number, line in listed:
        text = line
        side = _SIDE_HEADING.match(line)
        if side is not None:
            role, first = " ".join(side["role"].split()), True
            text = side["rest"]
            if not text.strip():
                continue
        counsel = _COUNSEL.match(text)
        office = _office(counsel["title"] if counsel is not None else None)
        named = counsel is not None and (first or counsel["esq"]) and _is_name(counsel["name"])
        if role is not None and counsel is not None and named and (office or not counsel["title"]):
            found.append((counsel["name"].strip(), office or role, number))
        first = False
    return found


def _office(title: str | None) -> str | None:
    """The lawyer's office written after a name, or None when the words are not one."""
    if title is None:
        return None
    words = {w.casefold().rstrip("'\u2019s") for w in re.findall(r"[\w'\u2019]+", title)}
    words |= {w.casefold() for w in re.findall(r"\w+", title)}
    return " ".join(title.split()) if words & _OFFICES else None


def _is_name(name: str) -> bool:
    """Whether the words before the comma are a person's name, not a place or a side."""
    words = [w for w in name.split() if w.rstrip(".").casefold() not in {"mr", "mrs", "ms", "dr"}]
    blocked = {"on", "behalf", "of", "for", "the", "appearances", "esq", "esq."}
    return 2 <= len(words) <= 5 and not {w.casefold() for w in words} & blocked


def _line_of(starts: list[int], offset: int) -> int:
    """Which of the joined lines an offset falls in."""
    line = 0
    while line + 1 < len(starts) - 1 and starts[line + 1] <= offset:
        line += 1
    return line


# "H. = Hedda Lindqvist, interviewer", "P2 = Ann Lee": a label's short form, then who it is.
_KEY_ENTRY = re.compile(
    r"\s*([^\W\d_][\w.]{0,5})\s*=\s*([^=,]{3,60}?)\s*(?:,\s*([^=]{1,80}?))?\s*\Z"
)
# Who chairs: "IN THE CHAIR: Ilse VANDERMEULEN", "The SPEAKER (Hon. Ann Lee) took the chair".
_CHAIR = re.compile(
    r"(?i:\s*in\s+the\s+chair\s*:\s*)(?P<after>[^\n]{3,60}?)\s*\Z"
    r"|(?:\((?:the\s+)?(?i:hon\.?\s+)?)?(?P<before>[A-Z][^()\n]{2,60}?)\)?\s+took\s+the\s+chair\b"
)


def key_entry(line: str) -> tuple[str, str, str | None] | None:
    """The short form, the full name and the role of a key's line ("H. = Ann Lee, chair")."""
    found = _KEY_ENTRY.match(line) if "=" in line[:12] else None
    if found is None or not is_personal_name(found[2]):
        return None
    return found[1], found[2], found[3]


def in_chair(line: str) -> str | None:
    """The name of the person a record's line puts in the chair, if it does."""
    found = _CHAIR.match(line) if "chair" in line[:200].casefold() else None
    if found is None:
        found = _CHAIR.search(line[:200]) if "took the chair" in line[:200] else None
    name = None if found is None else (found["after"] or found["before"] or "").strip()
    return name if name and is_personal_name(name) else None


def short_form(label: str) -> str:
    """A label's short form as a key compares it: "H." and "h" alike."""
    return label.replace(".", "").strip().casefold()
