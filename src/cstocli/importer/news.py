"""Read a news story with quotations: who is quoted, who is reported, and the narration.

An article with no speaker labels (or one label-like line only, a colon dateline such as
"LONDON:": ``read_news_over_label``) is read the way a careful reader reads a news story.
First the whole story (``people``): every full name with the role and sex the text gives.
Then paragraph by paragraph:

- page furniture (a byline, "Updated: 7 hours ago", a caption, "Share this article", a
  menu, a time stamp) is no body text: it is left out, with a warning;
- a paragraph with quotations (``quotations``) gives a quote passage holding exactly the
  quoted words, for the speaker its attribution names: "said X", "X said:", "X, the
  mayor, told reporters", "according to X", a pronoun ("she said": the most recent person
  the pronouns can mean), a surname ("Lindqvist said": the full name met before) or a role
  ("the captain said"). A quote left open at the paragraph's end goes on in the next
  paragraph that opens with a mark, and when no one is named yet, the paragraph that names
  someone names its speaker. The reporter's words before the first and after the last
  quotation stay narration; a bare attribution between two quotations ("she said") lies
  inside the quote passage's span but not in its paragraphs, so every quote printed is the
  speaker's words, and words that say more ("..., adding that ...") are narration between
  two quote passages;
- a paragraph without quotations is narration; when a named person is the subject of a
  reporting verb ("Cantrell said the city needs more time", "according to Cantrell") the
  narration reports that speaker (``Passage.speaker_id``) without quoting them.

Every guess warns with its line: an ambiguous pronoun or surname, a quotation with no one
named (the person the next paragraph names, "So said X."; else the last speaker's when it
follows their quote; else narration). ``attributions`` finds whom each reporting verb
names, ``story`` makes the passages.
"""

from __future__ import annotations

import bisect
import re

from cstocli.importer.attributions import (
    CLAUSE,
    Event,
    Named,
    Subjects,
    introduced_by,
    named_within,
)
from cstocli.importer.cast import Cast, Person
from cstocli.importer.chrome import Chrome
from cstocli.importer.claims import quotation_speakers
from cstocli.importer.layout import Item
from cstocli.importer.mentions import Mention
from cstocli.importer.prose import Prose
from cstocli.importer.quotations import (
    Quotation,
    acting_before,
    attributed_inside,
    blank_quotations,
    find_quotations,
    only_attribution,
    owned_by,
    points_back,
    repeated_nearby,
)
from cstocli.importer.story import NewsStory, Part, make_story
from cstocli.importer.warning import ImportWarning
from cstocli.model import Located
from cstocli.text import line_of

_REPORTED_WORDS = 4
_BARE_WORDS = 3
_NAMED_NEXT = 60  # how far after "So said" the speaker is named ("Osei's deputy, Carla ...")
_SMALL = frozenset(
    ["a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with"]
)


def read_news(text: str, items: tuple[Item, ...], title: str) -> NewsStory | None:
    """Read unlabelled paragraphs as a news story; None when it quotes and reports no one.

    ``title`` is the headline as the importer chose it: when it is chrome ("Home | News"),
    the first headline-like line of the body is taken for the headline.
    """
    return _Reader(text, title).read([i.paragraph for i in items if i.paragraph is not None])


def read_news_over_label(
    text: str, items: tuple[Item, ...], title: str
) -> tuple[NewsStory, ImportWarning] | None:
    """A story read past its one speaker label, with a warning saying so; or None.

    One label-like line opening a paragraph ("LONDON: Ministers clashed ...", "KYIV,
    Ukraine: ...": a colon dateline) does not make a transcript of a story whose quotations
    are attributed in prose: the label's words are the reporter's, narration. None when the
    article has other labels, or no quote is read without them.
    """
    labelled = [item for item in items if item.label is not None]
    if len(labelled) != 1:
        return None
    item = labelled[0]
    label, paragraph = item.label, item.paragraph
    if label is None or paragraph is None:
        return None
    start, end = label.span[0], paragraph.span[1]
    read = Item(None, Located(text[start:end], (start, end)), item.first_line, item.last_line)
    story = read_news(text, tuple(read if i is item else i for i in items), title)
    if story is None or not any(passage.is_quote for passage in story.passages):
        return None
    kind = "a dateline" if label.text.split(",")[0].isupper() else "narration"
    message = (
        f"{label.text!r} is the only speaker label of a story that quotes people in prose;"
        f" read as {kind}, not a speaker"
    )
    return story, ImportWarning(line_of(text, start), message)


class _Reader:
    def __init__(self, text: str, title: str) -> None:
        self.text = text
        self.chrome = Chrome(text, title)
        self.warnings: list[ImportWarning] = []
        self.cast = Cast(self.warn)
        self.parts: list[Part] = []
        self.previous_start = self.current_start = 0
        """Where the parts of the paragraph before this one, and of this one, begin."""
        self.following: tuple[str, list[Mention], int] | None = None
        """The next paragraph's own words and names: it may say whose a bare quotation is."""
        self.pending: Person | None = None
        self.nobody: set[int] = set()
        self.pulled = False
        """Whether the paragraph's bare quotation repeats words quoted nearby."""
        """The paragraph's quotations an unnamed person says ("asked one resident")."""
        self.subjects = Subjects(self.cast)
        self.deferred: list[tuple[int, Located]] = []
        """Paragraphs of an open quotation no one is named for yet (where their parts begin)."""
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
        if self.deferred:
            self.settle()
        if not any(part.person is not None for part in self.parts):
            return None
        return make_story(self.text, self.parts, self.warnings)

    # -- the second reading: whose words each paragraph holds ----------------------------

    def paragraph(self, paragraph: Located, text: str, mentions: list[Mention]) -> None:
        base = paragraph.span[0]
        quotations = find_quotations(self.text, *paragraph.span)
        previous = self.parts[-1] if self.parts else None
        going_on = bool(quotations) and previous is not None and previous.open
        going_on = going_on and quotations[0].outer[0] == base
        if self.deferred and not going_on:
            self.settle()
        self.previous_start, self.current_start = self.current_start, len(self.parts)
        self.pulled = False
        prose = Prose(text, base, [q.outer[1] - base for q in quotations])
        events = self.subjects.read(prose, mentions)
        persons = self.subjects.persons
        pending, self.pending = self.pending, None
        if not quotations:
            self.plain(paragraph, text, events)
            return
        speakers, self.nobody = quotation_speakers(prose, quotations, events, self.subjects)
        defer = False
        if speakers[0] is None and 0 not in self.nobody:
            if going_on and previous is not None and previous.person and not events:
                speakers[0] = previous.person
            elif pending is not None and not events:
                speakers[0] = pending
            elif events:
                self.warn(base, "quotation attributed to no one named; read as narration")
            else:
                at = quotations[0].outer[0] - base
                actor = self.actor(persons, text, at, base) or self.introducer(prose, persons, at)
                actor = actor or self.pointed(text, persons, quotations[-1].outer[1] - base, base)
                guess = speakers[0] = actor or self.unattributed(paragraph, text)
                # An opening mark never closed says the quotation goes on: the paragraph
                # that ends it may name whose it is ("...," said Ivan Kral).
                defer = guess is None and not quotations[-1].closed
                if defer and attributed_inside(self.text[slice(*quotations[-1].words)]):
                    self.unclosed(paragraph)
                    return
        for index in range(1, len(speakers)):
            if index not in self.nobody:
                speakers[index] = speakers[index] or speakers[index - 1]
        if all(speaker is None for speaker in speakers) and not defer:
            self.unspoken(paragraph, events)
            return
        if defer:
            self.deferred.append((self.current_start, paragraph))
        self.split(
            paragraph,
            prose,
            quotations=quotations,
            speakers=speakers,
            events=events,
            going_on=going_on,
        )

    def unclosed(self, paragraph: Located) -> None:
        """A quotation left open before its own attribution: narration, with a warning.

        '"We have no choice, said NAME.': the closing mark is missing; the quotation does not
        go on into the next paragraph, whoever that one quotes.
        """
        if self.deferred:
            self.settle()
        message = "quotation not closed before its own attribution; read as narration"
        self.warn(paragraph.span[0], message)
        self.narration(paragraph, None)

    def unspoken(self, paragraph: Located, events: list[Event]) -> None:
        """A paragraph whose quotations no one named says: narration, with a warning."""
        if self.deferred:
            self.settle()
        if self.pulled:
            message = "quotation repeats words quoted nearby (a pull quote); read as narration"
            self.warn(paragraph.span[0], message)
        elif self.nobody:
            message = "quotation attributed to no one named; read as narration"
            self.warn(paragraph.span[0], message)
        elif not events:
            self.warn(paragraph.span[0], "quotation with no one named; read as narration")
        self.narration(paragraph, None)

    def split(
        self,
        paragraph: Located,
        prose: Prose,
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
            if speaker is None and index in self.nobody:
                index += 1  # an unnamed person's words stay in the narration around them
                continue
            last = index
            while (
                last + 1 < len(quotations)
                and speakers[last + 1] is speaker
                and self.attribution_between(prose, events, quotations[last : last + 2])
            ):
                last += 1
            lead = self.piece(cursor, quotations[index].outer[0])
            if lead is not None:
                said = self.reports(prose.text, events, lead.span[0] - base, lead.span[1] - base)
                # "X said:" only introduces the quote; "X urged both sides to talk." reports.
                told = any(who is speaker and n >= _REPORTED_WORDS for n, who in said)
                self.parts.append(Part("narration", speaker if told else None, [lead]))
            run = quotations[index : last + 1]
            pieces = [Located(self.text[slice(*q.words)], q.words) for q in run]
            previous = self.parts[-1] if self.parts else None
            if index == 0 and going_on and lead is None and previous is not None:
                if previous.person is speaker or previous.person is None:
                    previous.person = speaker  # a quotation deferred till now is theirs
                    previous.pieces.extend(pieces)
                    part = previous
                    if speaker is not None:
                        self.deferred = []
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

    def attribution_between(
        self, prose: Prose, events: list[Event], pair: tuple[Quotation, ...]
    ) -> bool:
        """Whether the words between two quotations of one speaker only attribute them.

        Then they stay inside the quote passage's span (not in its paragraphs); anything
        more is the reporter's narration, which cuts the quote in two around it.
        """
        begin, end = pair[0].outer[1] - prose.base, pair[1].outer[0] - prose.base
        verbs = len(self.reports(prose.text, events, begin, end))
        return only_attribution(prose, begin, end, verbs)

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
        elif speaker is None and not events and prose.rstrip().endswith(":"):
            # "Her co-author, Ann Lee, put it plainly:" introduces the next paragraph's quote.
            words = Prose(prose, paragraph.span[0], [])
            self.pending = self.introducer(words, self.subjects.persons, len(prose.rstrip()))
        self.narration(paragraph, speaker)

    def actor(self, persons: list[Named], prose: str, at: int, base: int) -> Person | None:
        """The subject of the short sentence just before a quotation ("Moen laughs. "..."")."""
        start = acting_before(prose[:at])
        if start is None:
            return None
        pronoun = re.match(r"([Ss]he|[Hh]e|[Hh]er|[Hh]is)\b", prose[start:])
        if pronoun is not None:  # "She shrugs.", and "Her reason?" as "she" would be
            word = {"her": "she", "his": "he"}.get(pronoun[1].casefold(), pronoun[1])
            return self.cast.pronoun(word, base + start)
        subject = [person for mention, person in persons if mention.start == base + start]
        if subject and subject[0] is not None:
            message = f"quotation read as {subject[0].name!r}'s, the sentence before it is theirs"
            self.warn(base + start, message)
        return subject[0] if subject else None

    def introducer(self, prose: Prose, persons: list[Named], at: int) -> Person | None:
        """Who introduces a quotation by a colon ending their sentence (``introduced_by``)."""
        found = introduced_by(prose, persons, at)
        if found is not None:
            self.warn(
                found[1], f"quotation read as {found[0].name!r}'s, whose sentence introduces it"
            )
        return None if found is None else found[0]

    def pointed(self, prose: str, persons: list[Named], at: int, base: int) -> Person | None:
        """Whom the words after a quotation say it was ("..." That is how Ann Lee learned)."""
        after = points_back(prose[at:])
        begin = base + at + (after or 0)
        named = None if after is None else named_within(persons, begin, begin + _NAMED_NEXT)
        if named is not None:
            self.warn(begin, f"quotation read as {named.name!r}'s, named after it")
        return named

    def unattributed(self, paragraph: Located, prose: str) -> Person | None:
        """The speaker of a quotation no one is named for: the last one's, if it follows."""
        named = self.named_next()
        if named is not None:  # "So said Ann Lee.", "That was the warning from Ann Lee."
            message = f"quotation with no one named; read as {named.name!r}'s, named next"
            self.warn(paragraph.span[0], message)
            return named
        owner = owned_by(prose)  # "Her message was blunt: "..."": hers, as "she said" is
        if owner in ("her", "his"):
            return self.cast.pronoun("she" if owner == "her" else "he", paragraph.span[0])
        if owner is not None:  # "Holt's verdict was blunt: "..."": the one Holt met before
            at = paragraph.span[0] + prose.index(owner)
            mention = Mention(at, at + len(owner), owner, None, None, initial=True)
            return self.cast.meet(mention) if self.cast.knows(owner) else None
        if repeated_nearby(self.text, *paragraph.span):
            self.pulled = True  # a pull quote: the same words quoted in the story nearby
            return None
        words = [w for w in re.findall(r"[^\W\d_]+", prose) if w.casefold() not in _SMALL]
        # The last speaker's, when the paragraph before this one quoted them.
        recent = self.parts[self.previous_start : self.current_start]
        last = next((p for p in reversed(recent) if p.kind == "quote"), None)
        if len(words) < _BARE_WORDS and last is not None and last.person is not None:
            message = f"quotation with no one named; read as {last.person.name!r}'s"
            self.warn(paragraph.span[0], message)
            return last.person
        return None

    def settle(self) -> None:
        """Read the quotation deferred over the last paragraphs as narration: no one named."""
        chain, self.deferred = self.deferred, []
        del self.parts[chain[0][0] :]  # the chain's paragraphs are the last ones read
        for _, paragraph in chain:
            self.warn(paragraph.span[0], "quotation with no one named; read as narration")
            self.parts.append(Part("narration", None, [paragraph]))
        self.current_start = len(self.parts) - 1

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

    def reports(self, prose: str, events: list[Event], begin: int, end: int) -> list[Event]:
        """The verbs in ``[begin, end)`` (paragraph offsets), each with the words after it.

        The words are counted to ``end`` or a few hundred characters: enough to tell a
        report ("X urged both sides to talk.") from an introduction ("X said:").
        """
        first = bisect.bisect_left(events, begin, key=lambda event: event[0])
        last = bisect.bisect_left(events, end, key=lambda event: event[0])
        return [
            (len(prose[at : min(end, at + CLAUSE)].split()) - 1, who)
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
        self.warnings.append(ImportWarning(line_of(self.text, offset), message))
