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

from cstocli.importer.cast import Cast, Person
from cstocli.importer.chrome import Chrome
from cstocli.importer.labels import affiliation_of
from cstocli.importer.layout import Item
from cstocli.importer.mentions import (
    Mention,
    breaks,
    find_mentions,
    sentences,
)
from cstocli.importer.names import slug
from cstocli.importer.quotations import Quotation, blank_quotations, find_quotations
from cstocli.importer.warning import ImportWarning
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
_REPORTED_WORDS = 4
_BARE_WORDS = 3
_SMALL = frozenset(
    ["a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with"]
)


@dataclass(slots=True)
class _Part:
    kind: PassageKind
    person: Person | None
    pieces: list[Located] = field(default_factory=list)
    open: bool = False
    """A quote whose closing mark has not come yet (it goes on in the next paragraph)."""


@dataclass(frozen=True, slots=True)
class NewsStory:
    """A news story read into passages and the speakers they name."""

    speakers: tuple[Speaker, ...]
    passages: tuple[Passage, ...]
    warnings: tuple[ImportWarning, ...]


def read_news(text: str, items: tuple[Item, ...], title: str) -> NewsStory | None:
    """Read unlabelled paragraphs as a news story; None when it quotes and reports no one.

    ``title`` is the headline as the importer chose it: when it is chrome ("Home | News"),
    the first headline-like line of the body is taken for the headline.
    """
    return _Reader(text, title).read([i.paragraph for i in items if i.paragraph is not None])


class _Reader:
    def __init__(self, text: str, title: str) -> None:
        self.text = text
        self.chrome = Chrome(text, title)
        self.warnings: list[ImportWarning] = []
        self.cast = Cast(self.warn)
        self.parts: list[_Part] = []
        self.previous_start = self.current_start = 0
        """Where the parts of the paragraph before this one, and of this one, begin."""
        self.pending: Person | None = None
        """Who the last paragraph introduced ("X said:") for a quotation that follows."""

    def read(self, paragraphs: list[Located]) -> NewsStory | None:
        body = [kept for p in paragraphs for kept in [self.chrome.story(p)] if kept is not None]
        self.warnings.extend(self.chrome.warnings)
        proses = [blank_quotations(self.text, *p.span) for p in body]
        for paragraph, prose in zip(body, proses, strict=True):
            self.cast.learn(prose, paragraph.span[0])
        self.cast.forget_order()
        for paragraph, prose in zip(body, proses, strict=True):
            self.paragraph(paragraph, prose)
        if not any(part.person is not None for part in self.parts):
            return None
        return self.story()

    # -- the second reading: whose words each paragraph holds ----------------------------

    def paragraph(self, paragraph: Located, prose: str) -> None:
        self.previous_start, self.current_start = self.current_start, len(self.parts)
        base = paragraph.span[0]
        quotations = find_quotations(self.text, *paragraph.span)
        persons = [(m, self.cast.meet(m)) for m in find_mentions(prose, base)]
        ends = [q.outer[1] - base for q in quotations]
        events = self.attributions(prose, base, persons, ends)
        pending, self.pending = self.pending, None
        if not quotations:
            self.plain(paragraph, prose, events)
            return
        previous = self.parts[-1] if self.parts else None
        going_on = previous is not None and previous.open and quotations[0].outer[0] == base
        speakers = self.speakers_of(prose, base, quotations, events)
        if speakers[0] is None:
            if going_on and previous is not None and not events:
                speakers[0] = previous.person
            elif pending is not None and not events:
                speakers[0] = pending
            elif events:
                self.warn(base, "quotation attributed to no one named; read as narration")
            else:
                speakers[0] = self.unattributed(paragraph, prose)
        for index in range(1, len(speakers)):
            speakers[index] = speakers[index] or speakers[index - 1]
        if speakers[0] is None:
            self.narration(paragraph, None)
            return
        self.split(
            paragraph,
            prose,
            quotations=quotations,
            speakers=speakers,
            events=events,
            going_on=going_on,
        )

    def split(
        self,
        paragraph: Located,
        prose: str,
        *,
        quotations: tuple[Quotation, ...],
        speakers: list[Person | None],
        events: list[tuple[int, Person | None]],
        going_on: bool,
    ) -> None:
        """Cut a paragraph into narration and one quote passage per run of one speaker."""
        base = paragraph.span[0]
        cursor = base
        index = 0
        while index < len(quotations):
            speaker = speakers[index]
            last = index
            while last + 1 < len(quotations) and speakers[last + 1] is speaker:
                last += 1
            lead = self.piece(cursor, quotations[index].outer[0])
            if lead is not None:
                said = self.reports(prose, events, lead.span[1] - base)
                # "X said:" only introduces the quote; "X urged both sides to talk." reports.
                told = any(who is speaker and n >= _REPORTED_WORDS for n, who in said)
                self.parts.append(_Part("narration", speaker if told else None, [lead]))
            run = quotations[index : last + 1]
            pieces = [Located(self.text[slice(*q.words)], q.words) for q in run]
            previous = self.parts[-1] if self.parts else None
            if index == 0 and going_on and lead is None and previous is not None:
                if previous.person is speaker:
                    previous.pieces.extend(pieces)
                    part = previous
                else:
                    previous.open = False
                    part = _Part("quote", speaker, pieces)
                    self.parts.append(part)
            else:
                part = _Part("quote", speaker, pieces)
                self.parts.append(part)
            part.open = not run[-1].closed
            cursor = run[-1].outer[1]
            index = last + 1
        trail = self.piece(cursor, paragraph.span[1])
        if trail is not None:
            self.parts[-1].open = False
            self.parts.append(_Part("narration", None, [trail]))

    def plain(
        self, paragraph: Located, prose: str, events: list[tuple[int, Person | None]]
    ) -> None:
        """A paragraph without quotations: narration, reporting the first person it names."""
        speaker = next((person for _, person in events if person is not None), None)
        if speaker is not None and prose.rstrip().endswith(":"):
            # "In a message to staff, the chief executive said:" introduces what follows.
            at = next(at for at, person in events if person is speaker)
            if len(prose[at:].split()) <= 2:
                self.pending = speaker
                speaker = None
        self.narration(paragraph, speaker)

    def speakers_of(
        self,
        prose: str,
        base: int,
        quotations: tuple[Quotation, ...],
        events: list[tuple[int, Person | None]],
    ) -> list[Person | None]:
        """Who says each quotation: the attribution in its sentence, after or before it."""
        found: list[Person | None] = [None] * len(quotations)
        for at, person in events:
            if person is None:
                continue
            ahead = [
                i
                for i, q in enumerate(quotations)
                if q.outer[1] - base <= at and not breaks(prose, q.outer[1] - base, at)
            ]
            behind = [
                i
                for i, q in enumerate(quotations)
                if q.outer[0] - base > at and not breaks(prose, at, q.outer[0] - base)
            ]
            if ahead and found[ahead[-1]] is None:
                found[ahead[-1]] = person  # "...," said X / "..." X said.
            elif behind and found[behind[0]] is None:
                found[behind[0]] = person  # X said: "..."
        if found[0] is None:
            first = next((person for _, person in events if person is not None), None)
            later = next((i for i, who in enumerate(found) if who is not None), None)
            if later is not None:
                found[0] = found[later]  # "A." "B," said X: both X's
            elif first is not None:
                found[0] = first
        return found

    def attributions(
        self,
        prose: str,
        base: int,
        persons: list[tuple[Mention, Person | None]],
        ends: list[int],
    ) -> list[tuple[int, Person | None]]:
        """Each reporting verb (or "according to") with the person it names, in order.

        A verb's subject is looked for in its clause: from the start of its sentence or the
        end of the quotation before it (``ends``, paragraph offsets), whichever is later.
        """
        found: list[tuple[int, Person | None]] = []
        bounds = sentences(prose)
        for verb in _REPORTING.finditer(prose):
            start = next((s for s, e in bounds if s <= verb.start() < e), 0)
            start = max([start, *(end for end in ends if end <= verb.start())])
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
        self, clause: str, start: int, end: int, persons: list[tuple[Mention, Person | None]]
    ) -> Person | None:
        """The subject of a verb: the first person named in its clause, a pronoun, a role."""
        for mention, person in persons:
            if start <= mention.start < end and person is not None:
                return person
        pronoun = _PRONOUN_BEFORE.search(clause)
        if pronoun is not None:
            return self.cast.pronoun(pronoun[1], end)
        described = _DESCRIBED.search(clause)
        if described is not None:
            return self.cast.described(described[1], end)
        return None

    def after(
        self, prose: str, base: int, end: int, persons: list[tuple[Mention, Person | None]]
    ) -> Person | None:
        """The person named right after a verb ("said Jane Doe", "said the mayor, Jane Doe")."""
        reach = re.match(r"[^.!?;]{0,60}", prose[end:])
        limit = base + end + (0 if reach is None else reach.end())
        for mention, person in persons:
            if base + end <= mention.start < limit and person is not None:
                return person
        pronoun = _PRONOUN_AFTER.match(prose[end:])
        return None if pronoun is None else self.cast.pronoun(pronoun[1], base + end)

    def unattributed(self, paragraph: Located, prose: str) -> Person | None:
        """The speaker of a quotation no one is named for: the last one's, if it follows."""
        words = [w for w in re.findall(r"[^\W\d_]+", prose) if w.casefold() not in _SMALL]
        # The last speaker's, when the paragraph before this one quoted them.
        recent = self.parts[self.previous_start : self.current_start]
        last = next((p for p in reversed(recent) if p.kind == "quote"), None)
        if len(words) < _BARE_WORDS and last is not None and last.person is not None:
            message = f"quotation with no one named; read as {last.person.name!r}'s"
            self.warn(paragraph.span[0], message)
            return last.person
        self.warn(paragraph.span[0], "quotation with no one named; read as narration")
        return None

    def reports(
        self, prose: str, events: list[tuple[int, Person | None]], end: int
    ) -> list[tuple[int, Person | None]]:
        """The verbs before ``end`` (paragraph offset), with how many words follow each."""
        return [(len(prose[at:end].split()) - 1, who) for at, who in events if at < end]

    def narration(self, paragraph: Located, person: Person | None) -> None:
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
