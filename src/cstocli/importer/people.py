"""Who is who: the full names and roles an article states outside its speaker labels.

Transcripts label speakers tersely ("MS KELLAWAY:", "THE PRESIDENT:", "SELBY:", "A.") and
name them fully once, in the headline, byline, intro or a participant list. This module
reads those mentions from the top of the article (its first ``SCAN_LINES`` non-blank lines,
so a long transcript costs no more) and links a terse label to the one person it fits:

- ``Role Name`` ("Press Secretary Dorian Vasquez-Hale", "marine ecologist Dr. Hal Ness"):
  the title and lower-case role words just before a name are the role;
- ``Name, role`` ("Ruben Achterhof-Mensah, Spokesman for the Secretary-General", "By Ann
  Lee, Books Editor") and ``Name - Role`` lines of participant lists;
- ``Role: Name`` lines ("Chair: Dame Philippa Crowhurst");
- a name on a line of its own followed by a line that is only a role (participant blocks);
- a court's appearances list (``appearances``): counsel with the side they are for.

A name is two to five capitalised words; a longer run keeps its shortest ending that the
text also writes on its own ("Forester Wanjiru Kamau" when "Wanjiru Kamau" stands alone
elsewhere: "Forester" is then her role). A label is linked when its words, honorifics and
titles aside, are the ending of exactly one person's name ("KELLAWAY", "Mr Trelawney"),
or, for a role-only label ("THE PRESIDENT", "Spokesman", "MINISTER"), when exactly one
person's role holds that word. Nothing else is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cstocli.importer.appearances import read_appearances
from cstocli.importer.labels import Label, is_title_word
from cstocli.importer.markup import split_dashes
from cstocli.importer.names import HONORIFICS, name_words

SCAN_LINES = 120
"""How many non-blank lines from the top are read for names."""

_WORD = re.compile(r"[^\s,;:?!()\[\]\"\u201c\u201d\u2018*|/]+")
# What follows a name after a comma without being a role ("Ann Lee, Esq.").
_SUFFIXES = frozenset(["esq", "jr", "sr", "ii", "iii", "iv", "phd", "md", "qc", "kc", "mp"])
_QA_START = re.compile(r"\A[QA]\.\s+")
_PARTICLES = frozenset(
    "von van der den de da di du la le bin ibn al el del della dos das los y".split()  # noqa: SIM905 -- a word list reads best as prose
)
_LINKS = frozenset(["of", "the", "for"])
# Words a role does not end with: a line ending in one was wrapped ("Ann Lee, Chief").
_DANGLING = frozenset(
    "of the for and to at in chief vice deputy senior assistant acting".split()  # noqa: SIM905
)
_STOP = frozenset(
    """
    a an and by with to from at in on as is was are were but or our my your his her their its
    this that who which said says told met held gave the of for has have had will how
    what when where why whose it also i i'm we're
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the article names in full."""

    name: str
    """The full name as written."""
    role: str | None
    """The role the text states with the name, or None."""
    line: int
    """The 1-based line of the first mention."""
    headline: bool
    """Whether the headline names them."""
    formal: bool = False
    """Whether the text names them with a role or an honorific ("MR DESMOND FAIRWEATHER"):
    a person for certain, not a capitalised phrase."""
    byline: bool = False
    """Whether they are named in a byline ("By Ann Lee, Books Editor"): the writer."""


class People:
    """The people an article names, and the links from its labels to them."""

    def __init__(
        self, persons: list[Person], remarks: Person | None = None, text: str = ""
    ) -> None:
        self.persons = persons
        self.text = text
        """The lines read, joined: where the article's words are looked up."""
        self.remarks = remarks
        """The one person the top of the article says gives the remarks, briefing or
        statement ("Remarks by Governor Ann Lee at ..."), or None."""

    @classmethod
    def read(cls, lines: list[tuple[int, str]], headline: str) -> People:
        """Gather the people named in ``lines`` (number, text); ``headline`` is the title."""
        headline_line = next((n for n, t in lines if t.strip() == headline.strip()), 0)
        found: dict[tuple[str, ...], Person] = {}
        text = "\n".join(t for _, t in lines)
        previous = ""
        for number, line in lines:
            for name, role, honoured in _mentions(line, previous, text):
                key = name_words(name)
                known = found.get(key)
                formal = honoured or role is not None
                byline = line.lstrip().casefold().startswith("by ")
                if known is None:
                    found[key] = Person(name, role, number, number == headline_line, formal, byline)
                elif role is not None and len(role) > len(known.role or ""):  # the fullest
                    found[key] = Person(
                        known.name, role, known.line, known.headline, True, known.byline
                    )
            previous = line
        for name, role, number in read_appearances(lines):  # counsel: the side they are for
            known = found.get(name_words(name))
            if known is None or known.role is None:
                at = number if known is None else known.line
                found[name_words(name)] = Person(name, role, at, False, True)
        persons = list(found.values())
        return cls(persons, _giver(lines, persons), text)

    def link(self, label: Label) -> tuple[str, str | None] | None:
        """The full name and role of the one person a terse label names, or None."""
        words = [w for w in name_words(label.name) if w not in HONORIFICS and w != "the"]
        if not words:
            return None
        if all(is_title_word(w) for w in words):
            return self._by_role(words)
        if len(words) > 1:  # a full name already: only its role may be filled in
            matches = [p for p in self.persons if name_words(p.name) == tuple(words)]
        else:
            matches = [p for p in self.persons if _ends_with(name_words(p.name), tuple(words))]
        if len(matches) != 1:
            return None
        person = matches[0]
        # The role the text states where it introduces them says more than a label's title
        # or party tag ("SEN. ANN LEE (D-MN), RANKING MEMBER"; "Admiral Bo Lee, commander of
        # the task force"); a label's fuller role stands ("President of Belarus").
        own = label.role
        if (
            own is not None
            and person.role is not None
            and (own.endswith(")") or len(person.role) > len(own))
        ):
            own = None
        return person.name, own or person.role

    def knows(self, name: str) -> bool:
        """Whether the text names this person (the same words) outside the labels."""
        return any(name_words(p.name) == name_words(name) for p in self.persons)

    def resplit(self, role: str, name: str) -> tuple[str, str] | None:
        """Split a role-first label again where the text shows the role's place ends.

        "President of Valdoria João Pedro Albuquerque de Menezes" was cut at its last two
        capitalised words; when the text writes "Valdoria" on its own (not followed by
        "João"), the role ends there and the name is "João Pedro Albuquerque de Menezes".
        Returns (name, role), or None when the text does not tell.
        """
        tokens = f"{role} {name}".split()
        links = [i for i, t in enumerate(tokens) if t.casefold() in _LINKS]
        if not links:
            return None
        after = tokens[links[-1] + 1 :]
        for size in range(1, len(after) - 1):
            place, rest = after[:size], after[size:]
            if sum(1 for t in rest if t[:1].isupper()) < 2:
                break
            words = r"\s+".join(re.escape(t) for t in place)
            alone = rf"(?<![\w-]){words}(?![\w-])(?!\s+{re.escape(rest[0])})"
            if re.search(alone, self.text):
                cut = links[-1] + 1 + size
                return " ".join(tokens[cut:]), " ".join(tokens[:cut])
        return None

    def answer_side(self, taken: set[str]) -> Person | None:
        """Who answers an interview.

        The person the headline names, else the first person named with a role who is not
        yet a speaker.
        """
        headline = [p for p in self.persons if p.headline and p.formal]
        if len(headline) == 1:
            return headline[0]
        # Never the byline's writer: they ask the questions.
        rest = [p for p in self.persons if p.name not in taken and p.formal and not p.byline]
        return rest[0] if rest else None

    def _by_role(self, words: list[str]) -> tuple[str, str | None] | None:
        """The one person whose role holds every word of a role-only label."""
        matches = [
            p for p in self.persons if p.role is not None and set(words) <= set(name_words(p.role))
        ]
        if len({p.name for p in matches}) != 1:
            return None
        return matches[0].name, matches[0].role


_REMARKS = re.compile(
    r"\b(?:remarks|briefing|statement|address|speech|lecture|keynote|message|conference)\b"
    r"[^.:;\n]*?\bby\b([^.;\n]*)",
    re.IGNORECASE,
)


def _giver(lines: list[tuple[int, str]], persons: list[Person]) -> Person | None:
    """The one person named after "Remarks by", "briefing by"... at the top, if only one."""
    for _, line in lines:
        found = _REMARKS.search(line)
        if found is None:
            continue
        # The name right after "by", up to "at the Opening", "on the", a comma...
        clause = re.split(r",|\s(?:at|on|in|before|after|during|for|to|with|from)\s", found[1])[0]
        named = [p for p in persons if p.name in clause]
        if named:
            return named[0] if len(named) == 1 else None
    return None


def _ends_with(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether a label's words are the ending of a full name.

    A hyphenated surname's first part counts: "Okonjo" for "Okonjo-Marsh".
    """
    if len(words) > len(name) or not words:
        return False
    if name[-len(words) :] == words:
        return True
    return len(words) == 1 and name[-1].split("-")[0] == words[0] and len(name) > 1


def _mentions(line: str, previous: str, text: str) -> list[tuple[str, str | None, bool]]:
    """The (name, role, formal) triples one line states."""
    stripped = _QA_START.sub("", line.strip().strip("*_#> "))
    found: list[tuple[str, str | None, bool]] = []
    head, colon, rest = stripped.partition(":")
    if colon and is_personal_name(rest.strip()) and len(head.split()) <= 4:
        return [(rest.strip(), head.strip(), True)]  # "Chair: Dame Philippa Crowhurst"
    parts = split_dashes(stripped)
    if len(parts) > 1 and is_personal_name(parts[0]):
        role = parts[1]
        if role and not any(c.isdigit() for c in role):
            return [(parts[0], role, True)]
    if is_role_line(stripped) and is_personal_name(previous.strip()):
        return [(previous.strip(), stripped, True)]  # a participant block: name, then role
    words = list(_WORD.finditer(stripped))
    index = 0
    while index < len(words):
        end = index
        while end < len(words) and _in_run(words, index, end):
            end += 1
        if end > index:
            found.extend(_from_run(stripped, words, index, end, text))
            index = end
        else:
            index += 1
    return found


def _in_run(words: list[re.Match[str]], start: int, index: int) -> bool:
    """Whether word ``index`` continues a capitalised run begun at ``start``."""
    word = words[index][0]
    if index > start:
        before = words[index - 1]
        if before.string[before.end() : words[index].start()].strip():
            return False  # punctuation between two words ends a run
        if before[0].endswith(".") and len(before[0].rstrip(".")) > 3:
            return False  # so does a full stop ("Thursday. Give")
    if word[:1].isupper():
        return True
    lower = word.casefold()
    inner = index > start and index + 1 < len(words) and words[index + 1][0][:1].isupper()
    return inner and (lower in _PARTICLES or lower in _LINKS)


def _from_run(
    line: str, words: list[re.Match[str]], start: int, end: int, text: str
) -> list[tuple[str, str | None, bool]]:
    """The person a capitalised run names, with the role around it."""
    tokens = [w[0] for w in words[start:end]]
    role_start = 0
    for i, token in enumerate(tokens):
        # "A Conversation With Forester Ann Lee", "I'm Ann Lee": no role before the name
        if token.casefold().replace("\u2019", "'") in _STOP - _LINKS:
            role_start = i + 1
    cut = role_start
    for i, token in enumerate(tokens):
        if i >= role_start and (is_title_word(token) or token.casefold() in _LINKS):
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
    # An apposition says more than a title ("Admiral Leif Kjellberg, commander of the task
    # force"; "SEN. NAME (R-KS), CHAIRMAN").
    role = _role_after(line, words[end - 1].end()) or role
    return [(" ".join(name_tokens), role, formal)]


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
    if not role:
        return None
    first = role.split()[0].casefold()
    if first in _STOP or first in {"we", "i"} or len(role.split()) > 9:
        return None
    if any(c.isdigit() for c in role) or role.casefold().rstrip(".") in _SUFFIXES:
        return None
    if found.end() >= len(rest.rstrip()) and role.split()[-1].casefold() in _DANGLING:
        return None  # "NAME, Chief" at a hard wrap: the role goes on the next line
    return role


def _stands_alone(tokens: list[str], text: str) -> bool:
    """Whether the text also writes these words as a name on their own.

    On its own: with no capitalised word just before them.
    """
    pattern = re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(t) for t in tokens) + r"(?![\w-])")
    for found in pattern.finditer(text):
        same_line = text[max(0, found.start() - 40) : found.start()].rsplit("\n", 1)[-1]
        before = re.search(r"(\S+)\s*\Z", same_line)
        if before is None or not before[1][:1].isupper() or before[1][-1] in ",.:;([":
            return True
    return False


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


def is_role_line(text: str) -> bool:
    """Whether a short line is a role only ("Spokesperson", "Special Envoy for X")."""
    words = text.split()
    return (
        1 <= len(words) <= 8
        and not text.endswith((".", "?", "!", ":"))
        and (any(is_title_word(w) for w in words) or words[0].casefold() in {"spokesperson"})
    )
