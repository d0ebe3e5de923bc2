"""How one line of an article names people: full names, with the role stated around them.

``people`` reads the top of a transcript line by line through ``mentions``; the forms:

- ``Role: Name`` ("Chair: Dame Philippa Crowhurst", "President: Ms. Ann Lee ..... (Ostmark)",
  a record's header, whose dot leaders and bracketed country are no part of the name);
- ``Name - Role`` (participant lists) and a name line followed by a role-only line;
- a capitalised run of two to five words, with title words and lower-case role words before
  it ("Press Secretary Dorian Vasquez-Hale", "marine ecologist Dr. Hal Ness") and an
  apposition after it (", Spokesman for the Secretary-General"); a possessive ends the name
  ("Spokesperson Ann Lee's Regular Press Conference");
- a list of the members present ("Members present: Dame Ann Lee (Chair); Mr Bo Vale",
  "Members in attendance: Senators Lee, Vale (Chair)": each a person, the bracket or the
  list's plural title their role), a panel of several people on one line, each part up to
  its semicolon read as a line of its own, and a witness list with the surname first in
  capitals ("LEE-VALE, Dr Ann, Director, Census Division"), as parliaments index them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cstocli.importer.markup import split_dashes
from cstocli.importer.names import HONORIFICS
from cstocli.importer.titles import is_title_word
from cstocli.model import is_placeholder

_NOT_WORD = r"\s,;:?!()\[\]\"\u201c\u201d\u2018*|/"
_WORD = re.compile(rf"[^{_NOT_WORD}]+")
# Where a capitalised run of two words or more may begin (see ``_in_run``): a word whose
# first character may be a capital, white space, then another such word, or any word (a
# particle or link) and then one. A superset: only a word beginning with a-z, a digit or a
# separator is ruled out as a capital. Prose lines have none, and skip the word-by-word walk.
_MAYBE_CAPITAL = rf"[^{_NOT_WORD}a-z0-9]"
_MAYBE_RUN = re.compile(
    rf"(?<![^{_NOT_WORD}]){_MAYBE_CAPITAL}[^{_NOT_WORD}]*\s+"
    rf"(?:{_MAYBE_CAPITAL}|[^{_NOT_WORD}]+[{_NOT_WORD}]+{_MAYBE_CAPITAL})"
)
# What follows a name after a comma without being a role ("Ann Lee, Esq.").
_SUFFIXES = frozenset(["esq", "jr", "sr", "ii", "iii", "iv", "phd", "md", "qc", "kc", "mp"])
# An honorific and a name, then dot leaders: a meeting record's header names its chair so.
_HEADER = re.compile(
    r"\s*((?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,3})"
    r"\s*(?:\.\s*){3,}"
)
# Time words that stand before a role without being part of it ("this week host NAME").
_WHEN = frozenset(
    "week weekend month year season episode night morning evening afternoon today".split()  # noqa: SIM905
)
_QA_START = re.compile(r"\A[QA]\.\s+")
_PARTICLES = frozenset(
    "von van der den de da di du la le bin ibn al el del della dos das los y".split()  # noqa: SIM905 -- a word list reads best as prose
)
LINKS = frozenset(["of", "the", "for"])
# Words a role does not end with: a line ending in one was wrapped ("Ann Lee, Chief").
_DANGLING = frozenset(
    "of the for and to at in chief vice deputy senior assistant acting".split()  # noqa: SIM905
)
_STOP = frozenset(
    """
    a an and by with to from at in on as is was are were but or our my your his her their its
    this that who which said says told met held gave the of for has have had will how
    what when where why whose it also i i'm we're thank thanks please welcome
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)


# "Members present:", "Members in attendance:", "Also present:": who sits on the committee.
_MEMBERS = re.compile(
    r"(?i)\s*(?:members\s+(?:present|in\s+attendance)|(?:also\s+)?present|in\s+attendance)"
    r"\s*:\s*(?P<list>.+)"
)
# "LEE-VALE, Dr Ann Marie, Director": a surname in capitals, then honorific, given names, role.
_SURNAME_FIRST = re.compile(
    r"(?P<surname>[A-Z][A-Z'\u2019-]+(?: [A-Z][A-Z'\u2019-]+)?),\s+"
    r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Mx)\.?\s+"
    r"(?P<given>[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){0,2})(?:,\s*(?P<role>[^.;:()]{2,80}))?"
)
_PANEL_PART_WORDS = 14
"""A part of a line up to its semicolon this long or shorter may name one panel member."""


def mentions(line: str, previous: str, text: str) -> list[tuple[str, str | None, bool]]:
    """The (name, role, formal) triples one line states."""
    stripped = _QA_START.sub("", line.strip().strip("*_#> "))
    found: list[tuple[str, str | None, bool]] = []
    listed = _listed(stripped, text) or _after_role(stripped)
    if listed is not None:
        return listed
    parts = split_dashes(stripped)
    if len(parts) > 1 and is_personal_name(parts[0]):
        role = parts[1]
        if role and not any(c.isdigit() for c in role):
            return [(parts[0], role, True)]
    if is_role_line(stripped) and is_personal_name(previous.strip()):
        return [(previous.strip(), stripped, True)]  # a participant block: name, then role
    if _MAYBE_RUN.search(stripped) is None:
        return found
    words = list(_WORD.finditer(stripped))
    # Only a capital begins a run (``_in_run`` at its start), and most words have none.
    capitals = [i for i, word in enumerate(words) if word[0][:1].isupper()]
    end = 0
    for index in capitals:
        if index < end:
            continue  # inside the run just read
        end = index + 1
        while end < len(words) and _in_run(words, index, end):
            end += 1
        if end - index > 1:  # one word alone (a sentence's first) names nobody: see _from_run
            found.extend(_from_run(stripped, words, index, end, text))
    return found


def _after_role(line: str) -> list[tuple[str, str | None, bool]] | None:
    """The person of a "Role: Name" line, or None."""
    head, colon, rest = line.partition(":")
    rest = re.sub(
        r"\A\s*The\s+(?:Right\s+)?Hon(?:ourable|orable|\.)?\s+", "", rest
    )  # "The Hon. NAME"
    if colon and is_personal_name(rest.strip()) and len(head.split()) <= 4:
        return [(rest.strip(), head.strip(), True)]  # "Chair: Dame Philippa Crowhurst"
    header = _HEADER.match(rest) if colon and is_role_line(head.strip()) else None
    if header is not None:  # a record's "President: Ms. Ann Lee . . . . (Ostmark)"
        return [(header[1], head.strip(), True)]
    return None


def _listed(line: str, text: str) -> list[tuple[str, str | None, bool]] | None:
    """The people of a members list, a surname-first witness line or a panel line, or None."""
    members = _MEMBERS.match(line)
    if members is not None:
        return _members(members["list"])
    witness = _SURNAME_FIRST.fullmatch(line.rstrip(" ."))
    if witness is not None:
        name = f"{witness['given']} {_title_case(witness['surname'])}"
        return [(name, witness["role"].strip() if witness["role"] else None, True)]
    parts = [part.strip(" .") for part in line.split(";")]
    if len(parts) == 2 and is_personal_name(parts[0]) and is_role_line(parts[1]):
        return [(parts[0], parts[1], True)]  # a participant list's "Ann Lee; Chief Executive"
    if len(parts) > 1 and all(len(part.split()) <= _PANEL_PART_WORDS for part in parts):
        # "Dr Ann Lee, Director, Agency; and Bo Vale, Leader, Council.": one person a part.
        return [
            person
            for part in parts
            for person in mentions(re.sub(r"\A(?:and|&)\s+", "", part), "", text)
        ]
    return None


def _in_run(words: list[re.Match[str]], start: int, index: int) -> bool:
    """Whether word ``index`` continues a capitalised run begun at ``start``."""
    word = words[index][0]
    if index > start:
        before = words[index - 1]
        if before.string[before.end() : words[index].start()].strip():
            return False  # punctuation between two words ends a run
        if before[0].endswith(".") and len(before[0].rstrip(".")) > 3:
            return False  # so does a full stop ("Thursday. Give")
    if index > start and words[index - 1][0].endswith(("'s", "\u2019s")):
        return False  # a possessive ends a name ("Ann Lee's Regular Press Conference")
    if word[:1].isupper():
        return True
    lower = word.casefold()
    inner = index > start and index + 1 < len(words) and words[index + 1][0][:1].isupper()
    return inner and (lower in _PARTICLES or lower in LINKS)


def _from_run(
    line: str, words: list[re.Match[str]], start: int, end: int, text: str
) -> list[tuple[str, str | None, bool]]:
    """The person a capitalised run names, with the role around it."""
    tokens = [w[0] for w in words[start:end]]
    role_start = 0
    for i, token in enumerate(tokens):
        # "A Conversation With Forester Ann Lee", "I'm Ann Lee": no role before the name
        if token.casefold().replace("\u2019", "'") in _STOP - LINKS:
            role_start = i + 1
    cut = role_start
    for i, token in enumerate(tokens):
        if i >= role_start and (is_title_word(token) or token.casefold() in LINKS):
            cut = i + 1
    name_tokens = tokens[cut:]
    formal = False
    while name_tokens and name_tokens[0].rstrip(".").casefold() in HONORIFICS:
        name_tokens = name_tokens[1:]
        formal = True
    if len(name_tokens) > 5 and cut > role_start:  # "President Ann Lee Before Marine One"
        name_tokens = name_tokens[:2]
    for size in range(2, len(name_tokens)):
        if _stands_alone(name_tokens[-size:], text):  # the shortest ending written alone
            cut += len(name_tokens) - size
            name_tokens = name_tokens[-size:]
            break
    if name_tokens and name_tokens[-1].endswith(("'s", "\u2019s")):
        name_tokens[-1] = name_tokens[-1][:-2]
    if name_tokens and name_tokens[-1].endswith(".") and len(name_tokens[-1]) > 2:
        name_tokens[-1] = name_tokens[-1][:-1]  # the sentence's full stop, not an initial
    if not 2 <= len(name_tokens) <= 5 or not is_personal_name(" ".join(name_tokens)):
        return []
    role_words = [t for t in tokens[role_start:cut] if t.rstrip(".").casefold() not in HONORIFICS]
    if {t.casefold() for t in role_words} & {t.casefold() for t in name_tokens}:
        role_words = []  # the name twice ("Ann Lee Portrait Ms Ann Lee"): no role in that
    lower = [] if role_words else _lower_role(line, words, start)
    role = " ".join(lower + role_words) or None
    fronted = None if role else _role_before_comma(line[: words[start].start()])
    # "Lorvik's fisheries minister, NAME, talks about ...": after a role set off before the
    # name, the words after it are the predicate. Else an apposition says more than a title
    # ("Admiral Leif Kjellberg, commander of the task force"; "SEN. NAME (R-KS), CHAIRMAN").
    role = fronted or _role_after(line, words[end - 1].end()) or role
    return [(" ".join(name_tokens), role, formal or fronted is not None)]


def _role_before_comma(head: str) -> str | None:
    """A role set off before a name, opened by a possessive or an article.

    "Lorvik's fisheries minister, NAME," and "The port's director, NAME,": the name is
    the apposition. Lower-case words or titles after the opening word; "the" is dropped.
    """
    head = head.rstrip()
    if not head.endswith(","):
        return None
    words = re.split(r"[.!?;:,]\s+", head[:-1])[-1].split()
    owned = bool(words) and words[0].endswith(("'s", "\u2019s")) and words[0][:1].isupper()
    if not 2 <= len(words) <= 6 or not (owned or words[0].casefold() in ("the", "a", "an")):
        return None
    rest = words[1:]
    if not all(w.islower() or is_title_word(w) or w.endswith(("'s", "\u2019s")) for w in rest):
        return None
    return " ".join(rest if words[0].casefold() in ("the", "a", "an") else words)


def _lower_role(line: str, words: list[re.Match[str]], start: int) -> list[str]:
    """Lower-case role words just before a name ("marine ecologist Dr. Hal Ness")."""
    back = start - 1
    lower: list[str] = []
    while (
        back >= 0
        and len(lower) < 3
        and words[back][0].islower()
        and words[back][0] not in _STOP
        and not words[back][0].endswith(".")
    ):
        if line[words[back].end() : words[back + 1].start()].strip():
            break  # punctuation between: another clause
        lower.insert(0, words[back][0])
        back -= 1
    while lower and lower[0] in _WHEN:
        lower.pop(0)  # "This week host Ann Lee": the time is no part of the role
    subject = back >= 0 and words[back][0][:1].isupper() and words[back][0].casefold() not in _STOP
    if lower and subject and _touching(line, words, back):
        return []  # "The State calls Ann Lee": after a capitalised subject, a verb
    return lower


def _touching(line: str, words: list[re.Match[str]], index: int) -> bool:
    """Whether word ``index`` runs straight into the next, with no punctuation between."""
    return not line[words[index].end() : words[index + 1].start()].strip()


def _role_after(line: str, index: int) -> str | None:
    """The role in an apposition after a name: ", Spokesman for the Secretary-General"."""
    rest = line[index:]
    found = re.match(r"(?:\s*\([^()]*\))?,\s*([^,.;:()]{2,80}?)\s*(?:[,.;:)]|\Z)", rest)
    whole = re.match(r"(?:\s*\([^()]*\))?,\s*([^.;:()?!]{2,80})\Z", rest.rstrip())
    if whole is not None and len(whole[1].split()) <= 9:
        found = whole  # a participant list's line: the rest is the role, commas and all
    if found is None:
        return None
    # "NAME, our Chief Executive Officer": the possessive is the speaker's, the role theirs.
    role = re.sub(r"\A(?:our|their|its)\s+(?=[A-Z])", "", found[1].strip())
    # "NAME, a glaciologist at X": the article is no part of the role.
    role = re.sub(r"\A(?:a|an)\s+(?=[a-z])", "", role)
    if not role:
        return None
    first = role.split()[0].casefold()
    if first in _STOP or first in {"we", "i"} or len(role.split()) > 9 or _names_people(role):
        return None
    if any(c.isdigit() for c in role) or role.casefold().rstrip(".") in _SUFFIXES:
        return None
    if found.end() >= len(rest.rstrip()) and role.split()[-1].casefold() in _DANGLING:
        return None  # "NAME, Chief" at a hard wrap: the role goes on the next line
    return role


def _names_people(role: str) -> bool:
    """Whether the words after a name's comma are more names ("Bo Vale, Unknown Speaker")."""
    listed = [part.strip() for part in role.split(",")]
    return is_placeholder(listed[0]) or (
        len(listed) > 1 and all(is_personal_name(p) or is_placeholder(p) for p in listed)
    )


def _stands_alone(tokens: list[str], text: str) -> bool:
    """Whether the text also writes these words as a name on their own.

    On its own: with no capitalised word just before them.
    """
    for start in _written(tokens, text):
        same_line = text[max(0, start - 40) : start].rsplit("\n", 1)[-1]
        before = re.search(r"(\S+)\s*\Z", same_line)
        if before is None or not before[1][:1].isupper() or before[1][-1] in ",.:;([":
            return True
    return False


def _written(tokens: list[str], text: str) -> Iterator[int]:
    r"""Where the text writes the words, white space between, no other word glued to them.

    What ``finditer`` of ``(?<![\w-])WORD\s+WORD...(?![\w-])`` finds, without compiling a
    pattern per name: a headline's capitalised run is new in every article, and compiling
    its patterns cost more than the rest of reading its people.
    """
    first = tokens[0]
    at = text.find(first)
    while at != -1:
        end = None if at and _glued(text[at - 1]) else _words_end(tokens, text, at + len(first))
        if end is None:
            at = text.find(first, at + 1)
        else:
            yield at
            at = text.find(first, end)  # as ``finditer``: the next match after this one


def _words_end(tokens: list[str], text: str, at: int) -> int | None:
    """Where the words after the first end, from ``at`` (just past the first), or None."""
    for token in tokens[1:]:
        space = _SPACE.match(text, at)
        if space is None or not text.startswith(token, space.end()):
            return None
        at = space.end() + len(token)
    return None if at < len(text) and _glued(text[at]) else at


def _glued(char: str) -> bool:
    r"""Whether a character next to a word makes it part of a longer one (``[\w-]``)."""
    return char.isalnum() or char in "_-"


_SPACE = re.compile(r"\s+")


def is_personal_name(text: str) -> bool:
    """Whether ``text`` is a personal name: two to five capitalised words, honorifics aside."""
    tokens = [t for t in text.split() if t.rstrip(".").casefold() not in HONORIFICS]
    if not 2 <= len(tokens) <= 5 or "," in text:  # "ANN LEE, Counsel" is a name and a role
        return False
    return all(
        (t[:1].isupper() and not is_title_word(t) and t.casefold() not in _STOP)
        or t.casefold() in _PARTICLES
        for t in tokens
    ) and not any(c.isdigit() for c in text)


def is_surname_first(text: str) -> bool:
    """Whether a line lists one person surname first ("LEE-VALE, Dr Ann, Director")."""
    return _SURNAME_FIRST.fullmatch(text.strip().rstrip(" .")) is not None


def is_role_line(text: str) -> bool:
    """Whether a short line is a role only ("Spokesperson", "Special Envoy for X")."""
    words = text.split()
    return (
        1 <= len(words) <= 8
        and not text.endswith((".", "?", "!", ":"))
        and (any(is_title_word(w) for w in words) or words[0].casefold() in {"spokesperson"})
    )


def _members(listing: str) -> list[tuple[str, str | None, bool]]:
    """The people of a members list: "Dame Ann Lee (Chair); Mr Bo Vale", "Senators Lee, Vale".

    A plural title opening the list is each member's ("Senators" -> "Senator"); a bracket
    after a name is that member's role ("(Chair)"). With such a title, one surname names a
    member; otherwise a name has two words or more, as everywhere.
    """
    items = [re.sub(r"\A(?:and|&)\s+", "", item.strip(" .")) for item in re.split(r"[;,]", listing)]
    first = items[0].split() if items else []
    title = None
    if len(first) > 1 and first[0].endswith("s") and is_title_word(first[0][:-1]):
        title = first[0][:-1]
        items[0] = " ".join(first[1:])
    people: list[tuple[str, str | None, bool]] = []
    for item in items:
        bracket = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", item)
        name, role = (bracket[1], bracket[2].strip()) if bracket else (item, None)
        tokens = [t for t in name.split() if t.rstrip(".").casefold() not in HONORIFICS]
        name = " ".join(tokens)
        single = title is not None and len(tokens) == 1 and tokens[0][:1].isupper()
        if single or is_personal_name(name):
            people.append((name, role or title, True))
    return people


def _title_case(surname: str) -> str:
    """A surname a list writes in capitals, as a name is written ("LEE-VALE" -> "Lee-Vale")."""
    return re.sub(r"[^\W\d_]+", lambda word: word[0].capitalize(), surname.lower())
