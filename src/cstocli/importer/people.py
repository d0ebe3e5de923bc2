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
titles aside, are the ending of exactly one person's name ("KELLAWAY", "Mr Trelawney") or,
when none ends so, its given name ("Sarah" for the one Sarah Kettering-Obi of the intro), or,
for a role-only label ("THE PRESIDENT", "Spokesman", "MINISTER"), when exactly one
person's role holds that word. Nothing else is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from cstocli.importer.appearances import in_chair, key_entry, read_appearances, short_form
from cstocli.importer.label_words import CONVERSATION_ROLES, PRESIDING
from cstocli.importer.labels import Label
from cstocli.importer.markup import lower_as_ignorecase
from cstocli.importer.names import HONORIFICS, name_words
from cstocli.importer.persons import LINKS, is_role_line, mentions
from cstocli.importer.titles import is_title_word

SCAN_LINES = 120
"""How many non-blank lines from the top are read for names."""


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
        self,
        persons: list[Person],
        remarks: Person | None = None,
        text: str = "",
        keys: dict[str, str] | None = None,
        chair: str | None = None,
    ) -> None:
        self.persons = persons
        self.keys = keys or {}
        """A key's short forms (folded, no full stops) and the full names they stand for."""
        self.chair = chair
        """Who the record says is in the chair ("IN THE CHAIR: NAME", "NAME took the
        chair"): the "President:", "The SPEAKER:" or "Chair:" label is theirs."""
        self.text = text
        """The lines read, joined: where the article's words are looked up."""
        self.remarks = remarks
        self.parts = _parts(text, persons)
        """The people the intro names by their part in a show ("Hosted by NAME", "Our guest
        this afternoon is NAME"): a "HOST:" or "GUEST:" label is theirs."""
        """The one person the top of the article says gives the remarks, briefing or
        statement ("Remarks by Governor Ann Lee at ..."), or None."""

    @classmethod
    def read(cls, lines: list[tuple[int, str]], headline: str) -> People:
        """Gather the people named in ``lines`` (number, text); ``headline`` is the title."""
        headline_line = next((n for n, t in lines if t.strip() == headline.strip()), 0)
        found: dict[tuple[str, ...], Person] = {}
        text = "\n".join(t for _, t in lines)
        previous = ""
        keys: dict[str, str] = {}
        chair: str | None = None
        for number, line in lines:
            keyed = key_entry(line)
            if keyed is not None:  # "H. = Hedda Lindqvist, interviewer": "H.:" is hers
                keys[short_form(keyed[0])] = keyed[1]
            chair = chair or in_chair(line)
            triples = _stated(line, previous, text, chair)
            # Once a line, and only its first words: a paragraph may be a megabyte long.
            byline = line.lstrip()[:3].casefold() == "by "
            for name, role, honoured in triples:
                key = name_words(name)
                known = found.get(key)
                formal = honoured or role is not None
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
        persons = _show_roles(text, list(found.values()))
        return cls(persons, _giver(lines, persons), text, keys, chair)

    def link(self, label: Label) -> tuple[str, str | None] | None:
        """The full name and role of the one person a terse label names, or None."""
        keyed = self.keys.get(short_form(label.name))
        if keyed is not None:
            same = [p for p in self.persons if name_words(p.name) == name_words(keyed)]
            return keyed, label.role or (same[0].role if same else None)
        words = [w for w in name_words(label.name) if w not in HONORIFICS and w != "the"]
        if not words:
            return None
        parted = self._by_part(words, label)
        if parted is not None:
            return parted
        if all(is_title_word(w) or w in CONVERSATION_ROLES for w in words):
            # "THE CHAIR:", "Host:" after "Host: Jo Vale"; "President." for who is in the chair
            return self._by_role(words) or self._presiding(words)
        matches = []
        if _is_initials(label.name):  # "TA:" for the one person named Tamsin Achterberg
            matches = [p for p in self.persons if label.name.strip() in _initials(p.name)]
        if not matches and len(words) > 1:  # a full name already: only its role is filled in
            matches = [p for p in self.persons if name_words(p.name) == tuple(words)]
        elif not matches:  # "LEE:" is a surname in capitals when it is nobody's initials
            matches = [p for p in self.persons if _ends_with(name_words(p.name), tuple(words))]
            if not matches:  # "Sarah:" for the one Sarah Kettering the intro names
                matches = [p for p in self.persons if _given_name(name_words(p.name), words[0])]
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
        links = [i for i, t in enumerate(tokens) if t.casefold() in LINKS]
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

    def _by_part(self, words: list[str], label: Label) -> tuple[str, str | None] | None:
        """The one person the intro names as the show's host or guest ("HOST:", "GUEST:").

        Their role is the one the text states, else the label's word ("HOST").
        """
        part = _PART_OF_LABEL.get(words[0]) if len(words) == 1 else None
        named = {p.name: p for p in self.parts.get(part or "", [])}
        if len(named) != 1:
            return None
        person = next(iter(named.values()))
        return person.name, person.role or label.name

    def _presiding(self, words: list[str]) -> tuple[str, str | None] | None:
        """The person in the chair, for a label naming the chair's office ("The SPEAKER")."""
        if self.chair is None or not set(words) <= PRESIDING:
            return None
        same = [p for p in self.persons if name_words(p.name) == name_words(self.chair)]
        role = same[0].role if same and same[0].role else " ".join(words).title()
        return self.chair, role

    def _by_role(self, words: list[str]) -> tuple[str, str | None] | None:
        """The one person whose role holds every word of a role-only label."""
        matches = [
            p for p in self.persons if p.role is not None and set(words) <= set(name_words(p.role))
        ]
        if len({p.name for p in matches}) != 1:
            return None
        return matches[0].name, matches[0].role


# How an intro names someone by their part in a show, and which label words mean that part.
_PART = re.compile(
    r"(?i)\b(?:(hosted|presented)\s+by|our\s+(guest|host|presenter)s?\b[^.:;\n]{0,30}?"
    r"\s+(?:is|was|are)(?:\s+joined\s+by)?)\s+"
)
_PART_OF_LABEL = {"host": "host", "presenter": "host", "guest": "guest"}
_PART_OF_WORD = {"hosted": "host", "presented": "host", "presenter": "host"}
_PART_REACH = 40
_PART_WORDS = ("hosted", "presented", "our guest", "our host", "our presenter")
_ROLE_OF_WORD = {"hosted": "host", "presented": "presenter"}


def _parts(text: str, persons: list[Person]) -> dict[str, list[Person]]:
    """The people each part of a show is given to ("Hosted by NAME": the host)."""
    parts: dict[str, list[Person]] = {}
    for word, person in _named_parts(text, persons):
        parts.setdefault(_PART_OF_WORD.get(word, word), []).append(person)
    return parts


def _named_parts(text: str, persons: list[Person]) -> list[tuple[str, Person]]:
    """Each phrase naming a part ("hosted", "guest") with the person named right after it."""
    folded = lower_as_ignorecase(text)
    if not any(word in folded for word in _PART_WORDS):
        return []  # most articles: no look for the phrase
    named = []
    for found in _PART.finditer(text):
        after = text[found.end() : found.end() + _PART_REACH]
        places = [(after.find(p.name), p) for p in persons if p.name in after]
        if places:
            word = (found[1] or found[2]).casefold()
            named.append((word, min(places, key=lambda place: place[0])[1]))
    return named


def _show_roles(text: str, persons: list[Person]) -> list[Person]:
    """The people with the role "Hosted by" or "Presented by" gives, when none is stated."""
    roles = {
        person.name: _ROLE_OF_WORD[word]
        for word, person in _named_parts(text, persons)
        if word in _ROLE_OF_WORD and person.role is None
    }
    return [replace(p, role=roles[p.name]) if p.name in roles else p for p in persons]


_REMARK_WORDS = (
    "remarks", "briefing", "statement", "address", "speech", "lecture", "keynote", "message",
    "conference",
)  # fmt: skip
_REMARKS = re.compile(
    rf"\b(?:{'|'.join(_REMARK_WORDS)})\b[^.:;\n]*?\bby\b([^.;\n]*)", re.IGNORECASE
)


# "Spokesperson Ann Lee's Regular Press Conference", "Governor Lee's Remarks at ...": the
# possessive names whose remarks they are, as "by" does.
_OWN_REMARKS = re.compile(
    rf"['\u2019]s\s+(?:[\w-]+\s+){{0,2}}(?:press\s+)?(?:{'|'.join(_REMARK_WORDS)})\b",
    re.IGNORECASE,
)


def _giver(lines: list[tuple[int, str]], persons: list[Person]) -> Person | None:
    """The one person named after "Remarks by", "briefing by"... at the top, if only one."""
    # Most articles hold none of the words: one look at all the lines, not a pattern per line.
    top = lower_as_ignorecase("\n".join(line for _, line in lines))
    if not any(word in top for word in _REMARK_WORDS):
        return _presenter(lines, persons)
    for _, line in lines:
        own = _OWN_REMARKS.search(line)
        if own is not None:  # the name just before the possessive
            before = line[: own.start()]
            named = [p for p in persons if before.endswith(p.name)]
            if named:
                return named[0] if len(named) == 1 else None
        found = _REMARKS.search(line)
        if found is None:
            continue
        # The name right after "by", up to "at the Opening", "on the", a comma...
        clause = re.split(r",|\s(?:at|on|in|before|after|during|for|to|with|from)\s", found[1])[0]
        named = [p for p in persons if p.name in clause]
        if named:
            return named[0] if len(named) == 1 else None
    return None


def _stated(
    line: str, previous: str, text: str, chair: str | None
) -> list[tuple[str, str | None, bool]]:
    """The (name, role, formal) triples a top line states.

    A key's entry, who is in the chair (and the role on the line under that), or what
    ``mentions`` reads.
    """
    keyed = key_entry(line)
    if keyed is not None:
        return [(keyed[1], keyed[2], True)]
    chaired = in_chair(line)
    if chaired is not None:
        return [(chaired, None, True)]
    if chair is not None and in_chair(previous) == chair and is_role_line(line.strip()):
        return [(chair, line.strip(), True)]  # "IN THE CHAIR: NAME" over "Vice-President"
    return mentions(line, previous, text)


def _presenter(lines: list[tuple[int, str]], persons: list[Person]) -> Person | None:
    """The one person a video page's title names as a part of its own, if it is one.

    Only on a transcript's page ("Why wetlands matter | Dr Ann Lee | Coast Talks", then
    "Transcript").
    """
    if len(lines) < 2 or not any(t.strip().casefold() == "transcript" for _, t in lines):
        return None
    title, *parts = [part.strip() for part in lines[0][1].split(" | ")]
    if len(title.split()) < 4:
        return None  # "Radio Eastmere | Listen live": a site's menu, no title
    # The speaker's part comes before the event's or the channel's ("| Coast Talks").
    named = [p for part in parts for p in persons if name_words(part) == name_words(p.name)]
    return named[0] if named else None


def _is_initials(label: str) -> bool:
    """Whether a label is two or three capital letters only ("TA", "JD"), a podcast's way."""
    return re.fullmatch(r"\s*[A-Z]{2,3}\s*", label) is not None


def _initials(name: str) -> set[str]:
    """A name's initials, a hyphenated surname counted as one word or as two."""
    words = [w for w in name.split() if w.rstrip(".").casefold() not in HONORIFICS]
    whole = "".join(w[:1] for w in words)
    parts = "".join(p[:1] for w in words for p in w.split("-") if p)
    return {whole.upper(), parts.upper()} if len(words) > 1 else set()


def _given_name(name: tuple[str, ...], word: str) -> bool:
    """Whether a one-word label is the given name of a full name ("Sarah", "Sarah Lee")."""
    return len(name) > 1 and name[0] == word and word not in HONORIFICS


def _ends_with(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether a label's words are the ending of a full name.

    A hyphenated surname's first part counts: "Okonjo" for "Okonjo-Marsh".
    """
    if len(words) > len(name) or not words:
        return False
    if name[-len(words) :] == words:
        return True
    return len(words) == 1 and name[-1].split("-")[0] == words[0] and len(name) > 1
