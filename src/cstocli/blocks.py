"""Group an article's labels and paragraphs into blocks: who says which paragraphs.

A label opens a speaker's block and the paragraph after it (or the speech on its line) is
theirs. Paragraphs before the first label are the reporter's. The hard case is an unlabelled
paragraph after a speech: the speaker going on, or the reporter? No rule can know, so:

1. a stage direction ("(Laughter.)", "[Applause]") stays inside the speech, silently;
2. when the next label names the *same* speaker again, every unlabelled paragraph since
   their speech is narration: an article re-labels a speaker only after someone else spoke;
3. a paragraph naming the speaker in the third person (their surname) or reporting speech
   ("he said", "added the minister") is narration, and so is every unlabelled paragraph
   after it until the next label;
4. any other paragraph continues the speech.

Rules 2 and 3 always warn; rule 4 warns when the paragraph has no first-person word
("I", "we", "our"...), because then only its place says it is speech. A correction (a
paragraph's start offset mapped to "narration" or "speech") overrides all of this; speech
after narration then opens an unlabelled block for the same speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from cstocli.article import ImportWarning, Item
from cstocli.labels import is_title_word
from cstocli.model import Located, PassageKind
from cstocli.roster import Roster

Decision = Literal["narration", "speech"]

_STAGE_DIRECTION = re.compile(r"[(\[][^()\[\]\n]{1,60}[)\]]\.?\Z")
_FIRST_PERSON = re.compile(
    r"\b(?:I|[Ww]e|us|[Oo]urs?|[Mm]y|me|mine|myself|ourselves)\b"
)  # "US" in capitals is the country


_SAYING = r"(?:said|says|added|adds|noted|notes|stressed|stresses|told|explained|continued)"
# A reporting clause after a quotation (",” she added", ", said the minister"); a speaker's
# own "as he said" or "they told us" has no comma or closing quote right before it.
_REPORTING = re.compile(
    rf"[,\u201d\"]\s*(?:(?:he|she)\s+{_SAYING}|{_SAYING}\s+(?:he|she|the\s+\w+))\b"
)


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

    def __init__(self, roster: Roster, overrides: dict[int, Decision]) -> None:
        self.roster = roster
        self.overrides = overrides
        self.blocks: list[Block] = []
        self.warnings: list[ImportWarning] = []
        self.current: Block | None = None
        self.pending: list[Item] = []
        self.lone_label_line = 0

    def add(self, item: Item) -> None:
        """Take the next item of the article body."""
        if item.label is not None:
            speaker = self.roster.resolve(item.label, item.first_line)
            self.close(next_speaker=speaker)
            label = Located(item.label.text, item.label.span)
            self.current = Block("quote", speaker, label, item.first_line)
            if item.paragraph is not None:
                self.current.paragraphs.append(item.paragraph)
            return
        assert item.paragraph is not None  # an item without a label is a paragraph
        if self.current is None:
            self.blocks.append(Block("narration", None, None, item.first_line, [item.paragraph]))
        elif not self.current.paragraphs:
            self.current.paragraphs.append(item.paragraph)
        else:
            self.pending.append(item)

    def close(self, next_speaker: int | None) -> None:
        """Settle the open block and the unlabelled paragraphs after it."""
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
        for item in self.pending:
            assert item.paragraph is not None  # pending items are paragraphs
            decision = self._decide(
                item, block.speaker, relabelled, speaking=open_block is not None
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

    def _decide(self, item: Item, speaker: int, relabelled: bool, *, speaking: bool) -> Decision:
        """Narration or continued speech for one unlabelled paragraph (see module doc)."""
        assert item.paragraph is not None  # only paragraphs are decided
        text = item.paragraph.text
        forced = self.overrides.get(item.paragraph.span[0])
        if forced is not None:
            return forced
        name = self.roster.name(speaker)
        if speaking and _STAGE_DIRECTION.match(text):
            return "speech"
        reason = _narration_reason(text, name, relabelled=relabelled, speaking=speaking)
        if reason is not None:
            self._warn(item, f"narration{reason}")
            return "narration"
        if not _FIRST_PERSON.search(text):
            self._warn(item, f"continued speech of {name}, though it has no first-person word")
        return "speech"

    def _warn(self, item: Item, decision: str) -> None:
        """Record a decision the article's layout could not settle."""
        message = f"unlabelled paragraph read as {decision} (correct it if wrong)"
        self.warnings.append(ImportWarning(item.first_line, message))


def assemble(
    items: tuple[Item, ...], roster: Roster, overrides: dict[int, Decision]
) -> tuple[list[Block], list[ImportWarning]]:
    """Group items into blocks, deciding each unlabelled paragraph after a speech."""
    assembler = _Assembler(roster, overrides)
    for item in items:
        assembler.add(item)
    assembler.close(next_speaker=None)
    return assembler.blocks, assembler.warnings


def _narration_reason(text: str, name: str, *, relabelled: bool, speaking: bool) -> str | None:
    """Why a paragraph after a speech is narration (rules 2 and 3), or None if it is not."""
    if relabelled:
        return f": the next label names {name} again"
    if not speaking:
        return ", like the unlabelled paragraph before it"
    if _mentions(text, name):
        return f": it names {name} in the third person"
    if _REPORTING.search(text):
        return ": it reports speech in the third person"
    return None


def _mentions(text: str, name: str) -> bool:
    """Whether ``text`` names the speaker by surname (as written or in title case).

    A role-only name ("THE PRESIDENT") has no surname: "as President, I..." is not a mention.
    """
    surname = name.rsplit(maxsplit=1)[-1]
    if is_title_word(surname):
        return False
    forms = {re.escape(surname), re.escape(surname.title())}
    return re.search(r"\b(?:" + "|".join(sorted(forms)) + r")\b", text) is not None
