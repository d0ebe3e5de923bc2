"""Read a news story with quotations: who is quoted, who is reported, and the narration.

An article with no speaker labels is read the way a careful reader reads a news story.
First the whole story (``people``): every full name with the role and sex the text gives.
Then paragraph by paragraph:

- page furniture (a byline, "Updated: 7 hours ago", a caption, "Share this article", a
  menu, a time stamp) is no body text: it is left out, with a warning;
- a paragraph with quotations (``quotations``) gives a quote passage holding exactly the
  quoted words, for the speaker its attribution names: "said X", "X said:", "X, the
  mayor, told reporters", "according to X", a pronoun ("she said": the most recent person
  the pronouns can mean), a surname ("Lindqvist said": the full name met before) or a role
  ("the captain said"). A quote left open at the paragraph's end goes on in the next
  paragraph that opens with a mark. The reporter's words before the first and after the last
  quotation stay narration; the attribution between two quotations lies inside the quote
  passage's span but not in its paragraphs, so every quote printed is the speaker's words;
- a paragraph without quotations is narration; when a named person is the subject of a
  reporting verb ("Cantrell said the city needs more time", "according to Cantrell") the
  narration reports that speaker (``Passage.speaker_id``) without quoting them.

Every guess warns with its line: an ambiguous pronoun or surname, a quotation with no one
named (taken as the last speaker's when it follows their quote, else narration).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cstocli.importer.labels import affiliation_of
from cstocli.importer.layout import ImportWarning, Item
from cstocli.importer.names import kinship, name_words, slug
from cstocli.importer.people import Mention, Sex, find_mentions, pronoun_sex, sentences
from cstocli.importer.quotations import blank_quotations, find_quotations
from cstocli.model import Located, Passage, PassageKind, Speaker

_VERBS = (
    "said|says|told|tells|added|adds|asked|asks|wrote|writes|argued|argues|warned|warns|"
    "insisted|insists|explained|explains|noted|notes|declared|announced|replied|answered|"
    "continued|recalled|claimed|admitted|acknowledged|conceded|complained|urged|urges|"
    "stressed|emphasised|emphasized|observed|remarked|commented|responded|predicted|"
    "cautioned|promised|vowed|suggested|confirmed|estimated|countered|joked|shouted|"
    "testified|maintained|reiterated|agreed|disagreed"
)
_REPORTING = re.compile(rf"\b(?:{_VERBS})\b|\b[Aa]ccording\s+to\b")
_PRONOUN_BEFORE = re.compile(r"\b([Ss]he|[Hh]e|[Tt]hey)\s+(?:\w+ly\s+)?(?:ha[sd]\s+|have\s+)?\Z")
_PRONOUN_AFTER = re.compile(r"\A\s+(she|he|they|her|him|them)\b")
_DESCRIBED = re.compile(r"\b[Tt]he\s+((?:[a-z'\u2019-]+\s+){0,2}[a-z'\u2019-]+)\s+\Z")
_FURNITURE_START = re.compile(
    r"(?i)\A(?:by|photo|photograph|photos|picture|image|caption|updated|published|posted|"
    r"share|related|read more|read also|see also|reporting by|editing by|writing by|"
    r"additional reporting|our standards|advertisement|comments|most read|show more|"
    r"words by|sign up|subscribe|follow us|copyright|\u00a9)\b"
)
_SENTENCE_END = tuple(".!?\"'\u201d\u2019\u2026")
_TIME_STAMP = re.compile(r"\A\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?\Z", re.I)
_REPORTED_WORDS = 4
_SMALL = frozenset(
    ["a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with"]
)


@dataclass(slots=True)
class _Person:
    name: str
    role: str | None
    sex: Sex | None
    seen: int = -1
    """Offset of the latest reference, for "the most recent person"."""


@dataclass(slots=True)
class _Part:
    kind: PassageKind
    person: _Person | None
    pieces: list[Located] = field(default_factory=list)
    open: bool = False
    """A quote whose closing mark has not come yet (it goes on in the next paragraph)."""


@dataclass(frozen=True, slots=True)
class NewsStory:
    """A news story read into passages and the speakers they name."""

    speakers: tuple[Speaker, ...]
    passages: tuple[Passage, ...]
    warnings: tuple[ImportWarning, ...]


def read_news(text: str, items: tuple[Item, ...]) -> NewsStory | None:
    """Read unlabelled paragraphs as a news story; None when it quotes and reports no one."""
    return _Reader(text).read([i.paragraph for i in items if i.paragraph is not None])


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.people: list[_Person] = []
        self.warnings: list[ImportWarning] = []
        self.parts: list[_Part] = []

    def read(self, paragraphs: list[Located]) -> NewsStory | None:
        body = []
        for paragraph in paragraphs:
            kept = self.without_furniture(paragraph)
            if kept is not None:
                body.append(kept)
        proses = [blank_quotations(self.text, *p.span) for p in body]
        for paragraph, prose in zip(body, proses, strict=True):
            self.learn(prose, paragraph.span[0])
        for person in self.people:
            person.seen = -1
        for paragraph, prose in zip(body, proses, strict=True):
            self.paragraph(paragraph, prose)
        if not any(part.person is not None for part in self.parts):
            return None
        return self.story()

    # -- the first reading: who the story names ------------------------------------------

    def learn(self, prose: str, base: int) -> None:
        """Meet every full name, and learn a sex from sentences naming only one person."""
        for start, end in sentences(prose):
            named = {
                id(person): person
                for mention in find_mentions(prose[start:end], base + start)
                for person in [self.meet(mention, quiet=True)]
                if person is not None
            }
            sex = pronoun_sex(prose[start:end])
            if len(named) == 1 and sex is not None:
                (person,) = named.values()
                person.sex = person.sex or sex

    def meet(self, mention: Mention, *, quiet: bool = False) -> _Person | None:
        """The person a mention names: a known one, or (for a full name) a new one."""
        if " " in mention.name:
            for person in self.people:
                if kinship(person.name, mention.name) is not None and len(
                    name_words(mention.name)
                ) >= min(2, len(name_words(person.name))):
                    person.role = person.role or mention.role
                    person.sex = person.sex or mention.sex
                    return self.touch(person, mention.start)
            person = _Person(mention.name, mention.role, mention.sex)
            self.people.append(person)
            return self.touch(person, mention.start)
        known = [p for p in self.people if name_words(p.name)[-1:] == name_words(mention.name)]
        if not known:
            return None
        known.sort(key=lambda p: -p.seen)
        if len(known) > 1 and not quiet:
            names = " or ".join(repr(p.name) for p in known)
            self.warn(
                mention.start, f"{mention.name!r} could be {names}; read as {known[0].name!r}"
            )
        return self.touch(known[0], mention.start)

    def touch(self, person: _Person, offset: int) -> _Person:
        person.seen = max(person.seen, offset)
        return person

    # -- the second reading: whose words each paragraph holds ----------------------------

    def paragraph(self, paragraph: Located, prose: str) -> None:
        base = paragraph.span[0]
        quotations = find_quotations(self.text, *paragraph.span)
        persons = [(m, self.meet(m)) for m in find_mentions(prose, base)]
        events = self.attributions(prose, base, persons)
        speaker = next((person for _, person in events if person is not None), None)
        if not quotations:
            self.narration(paragraph, speaker if events else None)
            return
        previous = self.parts[-1] if self.parts else None
        going_on = previous is not None and previous.open and quotations[0].outer[0] == base
        if speaker is None and going_on:
            assert previous is not None
            speaker = previous.person
        if speaker is None:
            speaker = self.unattributed(paragraph, prose, previous)
        if speaker is None:
            self.narration(paragraph, None)
            return
        lead = self.piece(base, quotations[0].outer[0])
        if lead is not None:
            said = self.reports(prose, events, lead.span[1] - base)
            # "X said:" only introduces the quote; "X urged both sides to talk." reports too.
            reports = any(who is speaker and words >= _REPORTED_WORDS for words, who in said)
            self.parts.append(_Part("narration", speaker if reports else None, [lead]))
        pieces = [Located(self.text[slice(*q.words)], q.words) for q in quotations]
        if going_on and lead is None and previous is not None and previous.person is speaker:
            previous.pieces.extend(pieces)
            part = previous
        else:
            part = _Part("quote", speaker, pieces)
            self.parts.append(part)
        part.open = not quotations[-1].closed
        trail = self.piece(quotations[-1].outer[1], paragraph.span[1])
        if trail is not None:
            part.open = False
            self.parts.append(_Part("narration", None, [trail]))

    def attributions(
        self, prose: str, base: int, persons: list[tuple[Mention, _Person | None]]
    ) -> list[tuple[int, _Person | None]]:
        """Each reporting verb (or "according to") with the person it names, in order."""
        found: list[tuple[int, _Person | None]] = []
        bounds = sentences(prose)
        for verb in _REPORTING.finditer(prose):
            start = next((s for s, e in bounds if s <= verb.start() < e), 0)
            clause = prose[start : verb.start()]
            if verb.group().casefold().startswith("according"):
                person = self.after(prose, base, verb.end(), persons)
            else:
                person = self.before(clause, base + start, base + verb.start(), persons)
                if person is None and not clause.strip(" ,\u2014-"):
                    person = self.after(prose, base, verb.end(), persons)
            found.append((verb.start(), person))
        return found

    def before(
        self, clause: str, start: int, end: int, persons: list[tuple[Mention, _Person | None]]
    ) -> _Person | None:
        """The subject of a verb: the first person named in its clause, a pronoun, a role."""
        for mention, person in persons:
            if start <= mention.start < end and person is not None:
                return person
        pronoun = _PRONOUN_BEFORE.search(clause)
        if pronoun is not None:
            return self.pronoun(pronoun[1], end)
        described = _DESCRIBED.search(clause)
        if described is not None:
            return self.described(described[1], end)
        return None

    def after(
        self, prose: str, base: int, end: int, persons: list[tuple[Mention, _Person | None]]
    ) -> _Person | None:
        """The person named right after a verb ("said Jane Doe", "said the mayor, Jane Doe")."""
        reach = re.match(r"[^.!?;]{0,60}", prose[end:])
        limit = base + end + (0 if reach is None else reach.end())
        for mention, person in persons:
            if base + end <= mention.start < limit and person is not None:
                return person
        pronoun = _PRONOUN_AFTER.match(prose[end:])
        return None if pronoun is None else self.pronoun(pronoun[1], base + end)

    def pronoun(self, word: str, offset: int) -> _Person | None:
        """The most recent person a pronoun can mean; warn when the text does not settle it."""
        folded = word.casefold()
        sex: Sex | None = (
            "f" if folded in ("she", "her") else "m" if folded in ("he", "him") else None
        )
        recent = sorted((p for p in self.people if p.seen >= 0), key=lambda p: -p.seen)
        fitting = [p for p in recent if sex is None or p.sex in (sex, None)]
        if not fitting:
            self.warn(offset, f"{word!r} names no one met before; read as narration")
            return None
        chosen = fitting[0]
        others = [p for p in fitting[1:] if sex is None or p.sex is None or chosen.sex is None]
        if (chosen.sex is None or sex is None) and others:
            self.warn(offset, f"{word!r} could be {others[0].name!r}; read as {chosen.name!r}")
        if chosen.sex is None:
            chosen.sex = sex
        return self.touch(chosen, offset)

    def described(self, words: str, offset: int) -> _Person | None:
        """The person a role names ("the captain"), when exactly one has that role."""
        folded = " ".join(words.casefold().split())
        holders = [p for p in self.people if p.role and p.role.casefold().endswith(folded)]
        return self.touch(holders[0], offset) if len(holders) == 1 else None

    def unattributed(
        self, paragraph: Located, prose: str, previous: _Part | None
    ) -> _Person | None:
        """The speaker of a quotation no one is named for: the last one's, if it follows."""
        words = [w for w in re.findall(r"[^\W\d_]+", prose) if w.casefold() not in _SMALL]
        last = next((p for p in reversed(self.parts) if p.kind == "quote"), None)
        follows = previous is not None and last is not None and previous.person is last.person
        if len(words) < 3 and last is not None and last.person is not None and follows:
            message = f"quotation with no one named; read as {last.person.name!r}'s"
            self.warn(paragraph.span[0], message)
            return last.person
        self.warn(paragraph.span[0], "quotation with no person named; read as narration")
        return None

    def reports(
        self, prose: str, events: list[tuple[int, _Person | None]], end: int
    ) -> list[tuple[int, _Person | None]]:
        """The verbs before ``end`` (paragraph offset), with how many words follow each."""
        return [(len(prose[at:end].split()) - 1, who) for at, who in events if at < end]

    def without_furniture(self, paragraph: Located) -> Located | None:
        """The paragraph less its lines of page furniture (a time stamp, a byline); warned."""
        lines = [
            Located(
                line.strip(), (start + len(line) - len(line.lstrip()), start + len(line.rstrip()))
            )
            for start, line in _lines(paragraph.text, paragraph.span[0])
        ]
        lines = [line for line in lines if line.text]
        while lines and (_is_furniture(lines[0].text) or _is_furniture(paragraph.text)):
            self.warn(lines[0].span[0], f"{_clip(lines[0].text)} read as page furniture")
            lines.pop(0)
        while lines and _is_furniture(lines[-1].text):
            self.warn(lines[-1].span[0], f"{_clip(lines[-1].text)} read as page furniture")
            lines.pop()
        if not lines:
            return None
        span = (lines[0].span[0], lines[-1].span[1])
        return Located(self.text[span[0] : span[1]], span)

    def narration(self, paragraph: Located, person: _Person | None) -> None:
        self.parts.append(_Part("narration", person, [paragraph]))

    def piece(self, start: int, end: int) -> Located | None:
        """The reporter's words in ``[start, end)``, trimmed; None when only marks or space."""
        while start < end and (self.text[start].isspace() or self.text[start] in ",;"):
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if not any(c.isalnum() for c in self.text[start:end]):
            return None
        return Located(self.text[start:end], (start, end))

    def warn(self, offset: int, message: str) -> None:
        self.warnings.append(ImportWarning(self.text.count("\n", 0, offset) + 1, message))

    # -- the result ------------------------------------------------------------------------

    def story(self) -> NewsStory:
        ids: dict[int, str] = {}
        speakers: list[Speaker] = []
        for part in self.parts:
            person = part.person
            if person is None or id(person) in ids:
                continue
            ident = slug(person.name) or "speaker"
            taken = set(ids.values())
            number = 2
            while ident in taken:
                ident, number = f"{slug(person.name)}-{number}", number + 1
            ids[id(person)] = ident
            role = person.role
            speakers.append(Speaker(ident, person.name, role, affiliation_of(role)))
        counts = {"quote": 0, "narration": 0}
        passages = []
        for part in self.parts:
            counts[part.kind] += 1
            span = (part.pieces[0].span[0], part.pieces[-1].span[1])
            passages.append(
                Passage(
                    id=f"{part.kind[0]}{counts[part.kind]}",
                    kind=part.kind,
                    speaker_id=None if part.person is None else ids[id(part.person)],
                    label=None,
                    paragraphs=tuple(part.pieces),
                    text=self.text[span[0] : span[1]],
                    span=span,
                )
            )
        return NewsStory(tuple(speakers), tuple(passages), tuple(self.warnings))


def _is_furniture(paragraph: str) -> bool:
    """Whether a paragraph is page furniture rather than a sentence of the story."""
    stripped = paragraph.strip()
    if _FURNITURE_START.match(stripped) and len(stripped.split()) <= 16:
        return True
    if " | " in stripped or _TIME_STAMP.match(stripped):
        return True
    if any(mark in stripped for mark in '"\u201c\u201d'):
        return False
    if not stripped.endswith(_SENTENCE_END):
        return True
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", stripped)
    capitals = [w for w in words if w[0].isupper() or w.casefold() in _SMALL]
    return len(words) <= 8 and len(capitals) == len(words)  # a heading ending in a full stop


def _lines(text: str, base: int) -> list[tuple[int, str]]:
    """The lines of a paragraph with their offsets (a carriage return stays in the line)."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        found.append((base + match.start(), match.group().rstrip("\r")))
    return found


def _clip(text: str) -> str:
    """A paragraph's opening words for a warning."""
    words = text.split()
    return repr(" ".join(words[:6]) + (" ..." if len(words) > 6 else ""))
