"""Group an article's labels and paragraphs into blocks: who says which paragraphs.

A label opens a speaker's block and the paragraph after it (or the speech on its line) is
theirs. Paragraphs before the first label are the reporter's. The hard case is an unlabelled
paragraph after a speech: the speaker going on, or the reporter? No rule can know, so:

1. a stage direction ("(Laughter.)", "[Applause]") stays inside the speech, silently;
2. a credit or note line ("Source: Rail Weekly", "Note: ...") is narration;
3. a paragraph naming the speaker in the third person (their surname) is narration;
4. a paragraph with no first-person word ("I", "we", "our"...) outside quotation marks is
   narration when it reports speech (a reporting verb with any subject, before or after a
   quotation: "said Dr. Brown", "Mr Putin said:", "Karl Olsen told reporters", "according
   to"), when its only first-person words are inside quotation marks (someone else's words),
   or when the next label names the *same* speaker again (an article re-labels a speaker
   only after someone else spoke);
5. any other paragraph continues the speech; so does first-person text outside quotation
   marks even where rule 4 would otherwise apply (the speaker quoting someone).
   After the article's last speech, a short line (5 to 15 words) with no first- or
   second-person word and no question is the publisher's closing note ("The council votes
   next month.", "This interview has been edited."); so is a paragraph wholly in markdown
   italics ("*Produced by Tidewrack Audio. Subscribe wherever you listen.*").

Once a paragraph is narration, every unlabelled paragraph after it is narration too, until
the next label. Every narration decision warns, and so does continued speech that has no
first-person word outside quotes (only its place says it is speech) or that rule 4 would
have made narration but for its first person (re-labelled next, or quoting with a reporting
clause). A correction (a paragraph's start offset mapped to "narration" or
"speech") overrides all of this; speech after narration then opens an unlabelled block for
the same speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from cstocli.importer.labels import credit_prefix
from cstocli.importer.layout import Item
from cstocli.importer.roster import Roster
from cstocli.importer.titles import is_title_word
from cstocli.importer.turns import is_heading
from cstocli.importer.warning import ImportWarning
from cstocli.model import Located, PassageKind

Decision = Literal["narration", "speech"]

_STAGE_DIRECTION = re.compile(r"[(\[][^()\[\]\n]{1,60}[)\]]\.?\Z")
_FIRST_PERSON = re.compile(
    r"\b(?:I|[Ww]e|us|[Oo]urs?|[Mm]y|me|mine|myself|ourselves)\b"
)  # "US" in capitals is the country


# A paragraph wholly in markdown italics (one "*" or "_", not a bold "**Name**" label).
_EMPHASISED = re.compile(r"([*_])(?![*_\s])[^*_]*(?<![*_\s])\1")
# An account of the event, not its speaker's words: "The following is a transcript of ...".
_SENTENCE_WORDS = 6
_ACCOUNT = re.compile(r"(?i)\b(?:transcript|briefing|(?:press|news)\s+conference|remarks)\b")
_SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourselves)\b|[?!]")


_SAYING = (
    "said|says|told|tells|added|adds|asked|asks|noted|notes|stressed|stresses|explained|"
    "explains|continued|replied|answered|insisted|warned|declared|stated|announced|remarked|"
    "commented|recalled|argued|claimed|wrote|responded|emphasised|emphasized|concluded|"
    "confirmed|acknowledged|admitted"
)
# A reporting verb, lower case ("Said" may be a name), with the word before it and two after
# (shown in the warning). After "was", "is", "be"... it is passive ("it should be noted"),
# after "to" an infinitive ("I want to stress"), after "I" or "we" the speaker's own
# account ("I told my colleagues"), after "the" or "with" an adjective ("the continued
# support", "with stated aims"): no report.
_REPORTING = re.compile(
    rf"(?:\b([\w'\u2019]+)\s+)?\b(?:{_SAYING}|[Aa]ccording\s+to)\b(?:\s+[\w'\u2019.]+){{0,2}}"
)
# After a quotation, "told us", "asked me" is the reporter's audience, no sign that the
# speaker goes on; without one ("as they told us") it is the speaker's own account.
# What every reporting clause holds: a paragraph without it is read no further (the whole
# pattern tries a word before it at every word, the most expensive check of a paragraph).
_SAYING_WORD = re.compile(rf"\b(?:{_SAYING}|[Aa]ccording\s+to)\b")
_TOLD_US = re.compile(rf"\b(?:{_SAYING})\s+(?:us|me)\b")
_NOT_REPORTING = frozenset(
    """
    is are was were be been being to i we
    the a an this that these those its his her their our my your with of for in on from
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
# Quotations: paired straight quotes, curly quotes, guillemets; an unclosed one runs to the
# paragraph's end (a quotation spanning paragraphs leaves its closing mark for the last).
# Single quotes (British style) too, told from apostrophes: an opening one follows no
# letter, a closing one is followed by none ("won\u2019t", "Norway's" are words); a straight
# one must be closed, because "'90s" or "leaders'" opens nothing.
_QUOTATION = re.compile(
    r'"[^"]*(?:"|\Z)|\u201c[^\u201d]*(?:\u201d|\Z)|\u00ab[^\u00bb]*(?:\u00bb|\Z)'
    r"|(?<!\w)\u2018(?:[^\u2019]|\u2019(?=\w))*(?:\u2019|\Z)"
    r"|(?<!\w)'(?=\w)(?:[^'\n]|'(?=\w))*'(?!\w)"
)
_QUOTE_MARKS = ('"', "\u201c", "\u00ab", "\u2018", "'")
"""What each quotation of ``_QUOTATION`` begins with: a paragraph without any quotes none."""


@dataclass(slots=True)
class Block:
    """A passage in the making: one speaker's run of paragraphs, or one narration paragraph."""

    kind: PassageKind
    speaker: int | None
    label: Located | None
    first_line: int
    paragraphs: list[Located] = field(default_factory=list)


class _Assembler:
    """Walks the items in order, keeping the open speech block and what follows it."""

    def __init__(
        self, roster: Roster, overrides: dict[int, Decision], opener: int | None, announces: bool
    ) -> None:
        self.roster = roster
        self.opener = opener
        self.announces = announces
        self.overrides = overrides
        self.blocks: list[Block] = []
        self.warnings: list[ImportWarning] = []
        self.current: Block | None = None
        self.pending: list[Item] = []
        self.blocks_after_label = False
        self.lone_label_line = 0

    def add(self, item: Item) -> None:
        """Take the next item of the article body."""
        if item.label is not None:
            self.blocks_after_label = True
            speaker = self.roster.resolve(item.label, item.first_line)
            self.close(next_speaker=speaker)
            label = Located(item.label.text, item.label.span)
            self.current = Block("quote", speaker, label, item.first_line)
            if item.paragraph is not None:
                self.current.paragraphs.append(item.paragraph)
            return
        assert item.paragraph is not None  # an item without a label is a paragraph
        if self.current is None and self._opens(item):
            assert self.opener is not None  # _opens says so
            self.current = Block("quote", self.opener, None, item.first_line, [item.paragraph])
            name = self.roster.name(self.opener)
            message = f"unlabelled paragraph read as speech of {name}, whom the top of the "
            message += "article names as the speaker (correct it if wrong)"
            self.warnings.append(ImportWarning(item.first_line, message))
        elif self.current is None:
            self.blocks.append(Block("narration", None, None, item.first_line, [item.paragraph]))
        elif not self.current.paragraphs or (
            self.current.label is None and not self.pending and self._announcement(item)
        ):
            self.current.paragraphs.append(item.paragraph)  # the giver's next announcement
        else:
            self.pending.append(item)

    def _opens(self, item: Item) -> bool:
        """Whether a paragraph before any label starts the named speaker's remarks.

        It does when it speaks as "I", "we" or to "you" (not in quotation marks), or is an
        announcement (a press conference's opening, impersonal: "X will visit on 18 May").
        """
        if self.opener is None or item.paragraph is None or self.blocks_after_label:
            return False
        voice = _Voice.of(item.paragraph.text)
        if voice.own_first_person or _SECOND_PERSON.search(voice.outside) is not None:
            return True
        return self._announcement(item)

    def _announcement(self, item: Item) -> bool:
        """Whether a paragraph before any label is the announcement of a giver who answers first."""
        if not self.announces or self.opener is None or item.paragraph is None:
            return False
        surname = self.roster.name(self.opener).split()[-1]
        text = item.paragraph.text
        # A sentence ("South Lawn" is a place line) naming neither giver nor briefing.
        sentence = text.rstrip().endswith((".", "!")) and len(text.split()) >= _SENTENCE_WORDS
        return sentence and surname not in text and _ACCOUNT.search(text) is None

    def close(self, next_speaker: int | None, *, last: bool = False) -> None:
        """Settle the open block and the unlabelled paragraphs after it.

        ``last``: the article ends after them.
        """
        block, self.current = self.current, None
        if block is None:
            return
        if not block.paragraphs:
            assert block.label is not None  # only a label can open an empty block
            message = f"label {block.label.text!r} has no speech after it; skipped"
            self.warnings.append(ImportWarning(block.first_line, message))
            return
        self.blocks.append(block)
        assert block.speaker is not None  # a speech block always has its speaker
        relabelled = next_speaker == block.speaker
        open_block: Block | None = block
        # Only the article's trailing run of short impersonal lines can be closing notes.
        notes = len(self.pending)
        while last and notes > 0 and _closing_note(_Voice.of(self._text(notes - 1))):
            notes -= 1
        for index, item in enumerate(self.pending):
            assert item.paragraph is not None  # pending items are paragraphs
            decision = self._decide(
                item,
                block.speaker,
                relabelled,
                speaking=open_block is not None,
                last=last and index >= notes,
            )
            if decision == "narration":
                open_block = None
                self.blocks.append(
                    Block("narration", None, None, item.first_line, [item.paragraph])
                )
            elif open_block is not None:
                open_block.paragraphs.append(item.paragraph)
            else:
                open_block = Block("quote", block.speaker, None, item.first_line, [item.paragraph])
                self.blocks.append(open_block)
        self.pending = []

    def _text(self, index: int) -> str:
        """The text of the pending paragraph at ``index``."""
        paragraph = self.pending[index].paragraph
        assert paragraph is not None  # pending items are paragraphs
        return paragraph.text

    def _decide(
        self, item: Item, speaker: int, relabelled: bool, *, speaking: bool, last: bool
    ) -> Decision:
        """Narration or continued speech for one unlabelled paragraph (see module doc)."""
        assert item.paragraph is not None  # only paragraphs are decided
        text = item.paragraph.text
        forced = self.overrides.get(item.paragraph.span[0])
        if forced is not None:
            return forced
        name = self.roster.name(speaker)
        if speaking and _STAGE_DIRECTION.match(text):
            return "speech"
        voice = _Voice.of(text)
        reason = _narration_reason(voice, name, relabelled=relabelled, speaking=speaking)
        if reason is None and last and _closing_note(voice):
            reason = ": a short closing line that addresses no one (no I, we or you)"
        note = _closing_note(voice) and _RECORD_NOTE.fullmatch(text.strip())
        if reason is None and (note or _INTERJECTING.fullmatch(text.strip()) or is_heading(text)):
            reason = ': a record\'s note or heading ("The clerk proceeded to ...")'
        if reason is not None:
            self._warn(item, f"narration{reason}")
            return "narration"
        doubt = _speech_doubt(voice, name, relabelled=relabelled)
        if doubt is not None:
            self._warn(item, f"continued speech of {name}, though {doubt}")
        return "speech"

    def _warn(self, item: Item, decision: str) -> None:
        """Record a decision the article's layout could not settle."""
        message = f"unlabelled paragraph read as {decision} (correct it if wrong)"
        self.warnings.append(ImportWarning(item.first_line, message))


def assemble(
    items: tuple[Item, ...],
    roster: Roster,
    overrides: dict[int, Decision],
    opener: int | None = None,
    *,
    announces: bool = False,
) -> tuple[list[Block], list[ImportWarning]]:
    """Group items into blocks, deciding each unlabelled paragraph after a speech.

    ``opener``: the speaker the top of the article names as giving the remarks; the first
    paragraph before any label that speaks as "I", "we" or to "you" opens their speech, or
    any paragraph that is no account of the event when they answer the first questions
    (``announces``).
    """
    assembler = _Assembler(roster, overrides, opener, announces)
    for item in items:
        assembler.add(item)
    assembler.close(next_speaker=None, last=True)
    return assembler.blocks, assembler.warnings


@dataclass(frozen=True, slots=True)
class _Voice:
    """What in a paragraph tells whose words it is."""

    text: str
    """The paragraph as written."""
    outside: str
    """The paragraph with every quotation blanked out: the words of whoever writes it."""
    own_first_person: bool
    """Whether "I", "we", "our"... stand outside quotation marks (see ``_TOLD_US``)."""
    quoted_first_person: bool
    """Whether "I", "we", "our"... stand inside quotation marks."""
    reporting: str | None
    """A reporting clause outside quotation marks ("said Dr", "Olsen told"), or None."""
    quoting: bool
    """Whether the paragraph holds a quotation."""

    @classmethod
    def of(cls, text: str) -> _Voice:
        """Read a paragraph's voice."""
        if any(mark in text for mark in _QUOTE_MARKS):
            outside = _QUOTATION.sub(lambda m: " " * len(m.group()), text)
            quoted = " ".join(m.group() for m in _QUOTATION.finditer(text))
        else:  # most paragraphs of a transcript: nothing to blank out
            outside, quoted = text, ""
        own = _TOLD_US.sub("", outside) if quoted else outside
        return cls(
            text=text,
            outside=outside,
            own_first_person=_FIRST_PERSON.search(own) is not None,
            quoted_first_person=_FIRST_PERSON.search(quoted) is not None,
            reporting=_reporting_clause(outside),
            quoting=bool(quoted),
        )


def _narration_reason(voice: _Voice, name: str, *, relabelled: bool, speaking: bool) -> str | None:
    """Why a paragraph after a speech is narration (rules 2 to 4), or None if it is not."""
    if not speaking:
        return ", like the unlabelled paragraph before it"
    credit = credit_prefix(voice.text)
    if credit is not None:
        return f": {credit!r} opens a credit or note line"
    if _mentions(voice.text, name):
        return f": it names {name} in the third person"
    return _someone_elses(voice, name, relabelled=relabelled)


def _someone_elses(voice: _Voice, name: str, *, relabelled: bool) -> str | None:
    """Why a paragraph without first person of its own is narration (rule 4), or None."""
    if voice.own_first_person:
        return None
    if voice.reporting is not None:
        return f": it reports speech ({voice.reporting!r})"
    if voice.quoted_first_person:
        return ": its first-person words are all inside quotation marks (someone else's)"
    if relabelled:
        return f": the next label names {name} again"
    return None


def reports_quotation(text: str) -> bool:
    """Whether a paragraph quotes someone and says who ("...," she said): a news story's."""
    voice = _Voice.of(text)
    return voice.quoting and voice.reporting is not None


# "The legislative clerk proceeded to call the roll.": one sentence in the past tense whose
# subject is a role, as a record notes what was done between the speeches.
_RECORD_NOTE = re.compile(r"The(?:\s+[a-z][\w-]*){1,3}\s+(?:[a-z]+ed|was|were)\b[^.?!]*\.")
# "Honourable members interjecting—", "Mr Lee interjecting—": a Hansard's note, no one's words.
_INTERJECTING = re.compile(r"[A-Z][\w'.-]*(?:\s+[\w'.-]+){0,4}\s+interjecting\s*[\u2014\u2013.-]*")


def _closing_note(voice: _Voice) -> bool:
    """Whether a paragraph after the article's last speech reads as the publisher's note.

    "The council votes next month.", "This interview has been edited for clarity.": a
    sentence of 5 to 15 words with no first- or second-person word and no question.
    """
    if _EMPHASISED.fullmatch(voice.text.strip()):
        return True  # "*Deep Water is produced by ...*": a markdown export's italic credit
    words = len(voice.text.split())
    if not 5 <= words <= 15 or voice.own_first_person:
        return False
    return _SECOND_PERSON.search(voice.outside) is None


def _speech_doubt(voice: _Voice, name: str, *, relabelled: bool) -> str | None:
    """Why continued speech is only a guess (see module doc), or None when it is sure."""
    if not voice.own_first_person:
        return "it has no first-person word outside quotation marks"
    if relabelled:
        return f"the next label names {name} again (it has first-person words)"
    if voice.reporting is not None and voice.quoting:  # the speaker quoting, or a report?
        return f"it reports speech ({voice.reporting!r}; it has first-person words)"
    return None


def _reporting_clause(outside: str) -> str | None:
    """The first reporting clause with the words around it, or None (see ``_REPORTING``)."""
    if _SAYING_WORD.search(outside) is None:
        return None
    for found in _REPORTING.finditer(outside):
        before = found.group(1)
        if before is None or before.casefold() not in _NOT_REPORTING:
            return " ".join(found.group().split()).rstrip(".")
    return None


def _mentions(text: str, name: str) -> bool:
    """Whether ``text`` names the speaker by surname (as written or in title case).

    A role-only name ("THE PRESIDENT") has no surname: "as President, I..." is not a mention.
    """
    surname = name.rsplit(maxsplit=1)[-1]
    if is_title_word(surname):
        return False
    if surname not in text and surname.title() not in text:
        return False  # most paragraphs: no pattern to build and run
    forms = {re.escape(surname), re.escape(surname.title())}
    return re.search(r"\b(?:" + "|".join(sorted(forms)) + r")\b", text) is not None
