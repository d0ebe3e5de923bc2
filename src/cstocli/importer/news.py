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
named (the person the next paragraph names, "So said X."; else the last speaker's when it
follows their quote; else narration). ``story`` makes the passages.
"""

from __future__ import annotations

import bisect
import re

from cstocli.importer.cast import Cast, Person
from cstocli.importer.chrome import Chrome
from cstocli.importer.layout import Item
from cstocli.importer.mention_words import REPORTING
from cstocli.importer.mentions import Mention
from cstocli.importer.prose import Prose
from cstocli.importer.quotations import (
    Quotation,
    acting_before,
    blank_quotations,
    credited,
    find_quotations,
    owned_by,
    points_back,
)
from cstocli.importer.story import NewsStory, Part, make_story
from cstocli.importer.warning import ImportWarning
from cstocli.model import Located

# A clause opening with these shares its subject with the clause before ("X called it
# "striking" but cautioned that ...").
_SHARED_SUBJECT = re.compile(r"[\s,]*(?:but|and|then|yet|while)\b", re.I)  # .match at the clause
_PRONOUN_BEFORE = re.compile(r"\b([Ss]he|[Hh]e|[Tt]hey)\s+(?:\w+ly\s+)?(?:ha[sd]\s+|have\s+)?\Z")
_PRONOUN_AFTER = re.compile(r"\s+(she|he|they|her|him|them)\b")  # matched at the verb's end
_REACH = re.compile(r"[^.!?;]{0,60}")
_CLAUSE = 400
"""How far back from a verb its subject is looked for (a bound on the work per verb)."""
_DESCRIBED_SUBJECT = re.compile(  # "The 47-year-old teacher, who collected ..., said"
    r"\s*[Tt]he\s+((?:[\w'\u2019-]+\s+){0,2}[a-z'\u2019-]+)\s*,\s*(?:who|whose)\b.{0,200}?,\s*\Z"
)
_DESCRIBED = re.compile(r"\b[Tt]he\s+((?:[a-z'\u2019-]+\s+){0,2}[a-z'\u2019-]+)\s+\Z")
_REPORTED_WORDS = 4
_BARE_WORDS = 3
_NAMED_NEXT = 60  # how far after "So said" the speaker is named ("Osei's deputy, Carla ...")
_SMALL = frozenset(
    ["a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with"]
)


_Event = tuple[int, Person | None]
"""A reporting verb's offset in its paragraph and the person it names (None: no one)."""
_Named = tuple[Mention, Person | None]
"""A name in the paragraph and the person it is."""


def read_news(text: str, items: tuple[Item, ...], title: str) -> NewsStory | None:
    """Read unlabelled paragraphs as a news story; None when it quotes and reports no one.

    ``title`` is the headline as the importer chose it: when it is chrome ("Home | News"),
    the first headline-like line of the body is taken for the headline.
    """
    return _Reader(text, title).read([i.paragraph for i in items if i.paragraph is not None])


class _Reader:
    def __init__(self, text: str, title: str) -> None:
        self.text = text
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.chrome = Chrome(text, title, self.line_starts)
        self.warnings: list[ImportWarning] = []
        self.cast = Cast(self.warn)
        self.parts: list[Part] = []
        self.previous_start = self.current_start = 0
        """Where the parts of the paragraph before this one, and of this one, begin."""
        self.following: tuple[str, list[Mention], int] | None = None
        """The next paragraph's own words and names: it may say whose a bare quotation is."""
        self.pending: Person | None = None
        """Who the last paragraph introduced ("X said:") for a quotation that follows."""

    def read(self, paragraphs: list[Located]) -> NewsStory | None:
        body = [kept for p in paragraphs for kept in [self.chrome.story(p)] if kept is not None]
        self.warnings.extend(self.chrome.warnings)
        proses = [blank_quotations(self.text, *p.span) for p in body]
        mentions = [
            self.cast.learn(prose, p.span[0]) for p, prose in zip(body, proses, strict=True)
        ]
        self.cast.forget_order()
        starts = [p.span[0] for p in body[1:]]
        nexts = [*zip(proses[1:], mentions[1:], starts, strict=True), None][: len(body)]
        for paragraph, prose, named, after in zip(body, proses, mentions, nexts, strict=True):
            self.following = after
            self.paragraph(paragraph, prose, named)
        if not any(part.person is not None for part in self.parts):
            return None
        return make_story(self.text, self.parts, self.warnings)

    # -- the second reading: whose words each paragraph holds ----------------------------

    def paragraph(self, paragraph: Located, text: str, mentions: list[Mention]) -> None:
        self.previous_start, self.current_start = self.current_start, len(self.parts)
        base = paragraph.span[0]
        quotations = find_quotations(self.text, *paragraph.span)
        persons = [(m, self.cast.meet(m)) for m in mentions]
        prose = Prose(text, base, [q.outer[1] - base for q in quotations])
        events = self.attributions(prose, persons)
        pending, self.pending = self.pending, None
        if not quotations:
            self.plain(paragraph, text, events)
            return
        previous = self.parts[-1] if self.parts else None
        going_on = previous is not None and previous.open and quotations[0].outer[0] == base
        speakers = self.speakers_of(prose, quotations, events)
        if speakers[0] is None:
            if going_on and previous is not None and not events:
                speakers[0] = previous.person
            elif pending is not None and not events:
                speakers[0] = pending
            elif events:
                self.warn(base, "quotation attributed to no one named; read as narration")
            else:
                actor = self.actor(persons, text, quotations[0].outer[0] - base, base)
                speakers[0] = actor or self.unattributed(paragraph, text)
        for index in range(1, len(speakers)):
            speakers[index] = speakers[index] or speakers[index - 1]
        if speakers[0] is None:
            self.narration(paragraph, None)
            return
        self.split(
            paragraph,
            text,
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
                said = self.reports(prose, events, lead.span[0] - base, lead.span[1] - base)
                # "X said:" only introduces the quote; "X urged both sides to talk." reports.
                told = any(who is speaker and n >= _REPORTED_WORDS for n, who in said)
                self.parts.append(Part("narration", speaker if told else None, [lead]))
            run = quotations[index : last + 1]
            pieces = [Located(self.text[slice(*q.words)], q.words) for q in run]
            previous = self.parts[-1] if self.parts else None
            if index == 0 and going_on and lead is None and previous is not None:
                if previous.person is speaker:
                    previous.pieces.extend(pieces)
                    part = previous
                else:
                    previous.open = False
                    part = Part("quote", speaker, pieces)
                    self.parts.append(part)
            else:
                part = Part("quote", speaker, pieces)
                self.parts.append(part)
            part.open = not run[-1].closed
            cursor = run[-1].outer[1]
            index = last + 1
        trail = self.piece(cursor, paragraph.span[1])
        if trail is not None:
            self.parts[-1].open = False
            self.parts.append(Part("narration", None, [trail]))

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
        self, prose: Prose, quotations: tuple[Quotation, ...], events: list[_Event]
    ) -> list[Person | None]:
        """Who says each quotation: the attribution in its sentence, after or before it."""
        found: list[Person | None] = [None] * len(quotations)
        ends = [q.outer[1] - prose.base for q in quotations]
        starts = [q.outer[0] - prose.base for q in quotations]
        for at, person in events:
            if person is None:
                continue
            ahead = bisect.bisect_right(ends, at) - 1  # the quotation just before the verb
            behind = bisect.bisect_right(starts, at)  # and the one just after it
            if ahead >= 0 and found[ahead] is None and not prose.breaks(ends[ahead], at):
                found[ahead] = person  # "...," said X / "..." X said.
            elif (
                behind < len(starts)
                and found[behind] is None
                and not prose.breaks(at, starts[behind])
            ):
                found[behind] = person  # X said: "..."
        if found[0] is None:
            first = next((person for _, person in events if person is not None), None)
            later = next((i for i, who in enumerate(found) if who is not None), None)
            if later is not None:
                found[0] = found[later]  # "A." "B," said X: both X's
            elif first is not None:
                found[0] = first
        return found

    def attributions(self, prose: Prose, persons: list[_Named]) -> list[_Event]:
        """Each reporting verb (or "according to") with the person it names, in order.

        A verb's subject is looked for in its clause: from the start of its sentence or the
        end of the quotation before it, whichever is later (and at most ``_CLAUSE`` back).
        """
        found: list[_Event] = []
        starts = [m.start for m, _ in persons]
        for verb in REPORTING.finditer(prose.text):
            at = verb.start()
            start = max(prose.clause_start(at), at - _CLAUSE)
            if _SHARED_SUBJECT.match(prose.text, start, at):
                start = max(prose.sentence_start(at), at - _CLAUSE)
            clause = prose.text[start:at]
            if verb.group().casefold().startswith("according"):
                person = self.after(prose, verb.end(), persons, starts)
            else:
                base = prose.base
                person = self.before(clause, base + start, base + at, persons, starts)
                if person is None and not clause.strip(" ,\u2014-"):
                    person = self.after(prose, verb.end(), persons, starts)
            found.append((at, person))
        for mention, person in persons:  # ""..." \u2014 Ann Lee, envoy": a credit, as "said"
            dash = credited(prose.text, prose.quotation_ends, mention.start - prose.base)
            if dash is not None and person is not None:
                bisect.insort(found, (dash, person), key=lambda event: event[0])
        return found

    def before(
        self, clause: str, start: int, end: int, persons: list[_Named], starts: list[int]
    ) -> Person | None:
        """The subject of a verb: the first person named in its clause, a pronoun, a role."""
        index = bisect.bisect_left(starts, start)
        while index < len(starts) and starts[index] < end:
            if persons[index][1] is not None:
                return persons[index][1]
            index += 1
        pronoun = _PRONOUN_BEFORE.search(clause)
        if pronoun is not None:
            return self.cast.pronoun(pronoun[1], end)
        described = _DESCRIBED.search(clause) or _DESCRIBED_SUBJECT.match(clause)
        if described is None:
            return None
        holder = self.cast.described(described[1], end)
        # A description of someone named before: the one person the paragraph named ("the
        # pensioner said"), or for an age ("The 47-year-old teacher, who ...") the last one.
        if holder is None:
            named = _named_before(persons, starts, start)
            if len(named) == 1:
                holder = named[0]
            elif not named and "year-old" in described[0] and self.cast.recent:
                holder = self.cast.recent[0]
        if holder is not None and not holder.role:
            self.cast.warn(end, f"{described[0].strip()!r} read as {holder.name!r}, named before")
        return holder

    def after(
        self, prose: Prose, end: int, persons: list[_Named], starts: list[int]
    ) -> Person | None:
        """The person named right after a verb ("said Jane Doe", "said the mayor, Jane Doe")."""
        reach = _REACH.match(prose.text, end)
        limit = prose.base + (end if reach is None else reach.end())
        index = bisect.bisect_left(starts, prose.base + end)
        while index < len(starts) and starts[index] < limit:
            if persons[index][1] is not None:
                return persons[index][1]
            index += 1
        pronoun = _PRONOUN_AFTER.match(prose.text, end)
        return None if pronoun is None else self.cast.pronoun(pronoun[1], prose.base + end)

    def actor(self, persons: list[_Named], prose: str, at: int, base: int) -> Person | None:
        """The subject of the short sentence just before a quotation ("Moen laughs. "..."")."""
        start = acting_before(prose[:at])
        if start is None:
            return None
        pronoun = re.match(r"([Ss]he|[Hh]e)\b", prose[start:])
        if pronoun is not None:
            return self.cast.pronoun(pronoun[1], base + start)
        subject = [person for mention, person in persons if mention.start == base + start]
        if subject and subject[0] is not None:
            message = f"quotation read as {subject[0].name!r}'s, the sentence before it is theirs"
            self.warn(base + start, message)
        return subject[0] if subject else None

    def unattributed(self, paragraph: Located, prose: str) -> Person | None:
        """The speaker of a quotation no one is named for: the last one's, if it follows."""
        named = self.named_next()
        if named is not None:  # "So said Ann Lee.", "That was the warning from Ann Lee."
            message = f"quotation with no one named; read as {named.name!r}'s, named next"
            self.warn(paragraph.span[0], message)
            return named
        owner = owned_by(prose)  # "Her message was blunt: "..."": hers, as "she said" is
        if owner is not None:
            return self.cast.pronoun("she" if owner == "her" else "he", paragraph.span[0])
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

    def named_next(self) -> Person | None:
        """The person the next paragraph names as the speaker of this one's quotation."""
        if self.following is None:
            return None
        prose, mentions, base = self.following
        at = points_back(prose)
        if at is None:
            return None
        near = [m for m in mentions if base + at <= m.start <= base + at + _NAMED_NEXT]
        return None if not near else self.cast.meet(near[0])

    def reports(self, prose: str, events: list[_Event], begin: int, end: int) -> list[_Event]:
        """The verbs in ``[begin, end)`` (paragraph offsets), each with the words after it.

        The words are counted to ``end`` or a few hundred characters: enough to tell a
        report ("X urged both sides to talk.") from an introduction ("X said:").
        """
        first = bisect.bisect_left(events, begin, key=lambda event: event[0])
        last = bisect.bisect_left(events, end, key=lambda event: event[0])
        return [
            (len(prose[at : min(end, at + _CLAUSE)].split()) - 1, who)
            for at, who in events[first:last]
        ]

    def narration(self, paragraph: Located, person: Person | None) -> None:
        self.parts.append(Part("narration", person, [paragraph]))

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
        line = bisect.bisect_right(self.line_starts, offset)
        self.warnings.append(ImportWarning(line, message))


def _named_before(persons: list[_Named], starts: list[int], start: int) -> list[Person]:
    """The different people the paragraph names before ``start``: none, one, or two of them.

    Two are as good as more for the caller, so the walk stops there: a paragraph of a
    megabyte naming one person thousands of times still costs a look per name, not a
    set of all of them for every description in it.
    """
    found: list[Person] = []
    for _, person in persons[: bisect.bisect_left(starts, start)]:
        if person is not None and all(person.name != other.name for other in found):
            found.append(person)
            if len(found) == 2:
                break
    return found
