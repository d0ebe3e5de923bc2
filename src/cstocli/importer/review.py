"""How an article was split, block by block, as plain data for a ``--review`` view.

One row per passage in source order: its id and kind, who speaks, the label, its first
words, the lines it covers (the label's line included) and the import warnings on those
lines. The CLI renders the rows; nothing here prints. A warning belongs to the one row
whose lines hold it; ``outside_blocks`` gives the rest (a skipped "Share:" line, the
headline), so a view printing the rows and then those shows every warning exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass

from cstocli.importer.warning import ImportWarning
from cstocli.model import Dataset
from cstocli.summary import passage_words
from cstocli.text import line_of

FIRST_WORDS = 8
"""How many words of a passage the review shows."""


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One passage of the split, as a reviewer checks it."""

    passage_id: str
    """``q1``, ``n1``..."""
    kind: str
    """``quote`` or ``narration``."""
    speaker: str | None
    """The speaker's name; for narration the speaker it reports, or None."""
    reported: bool
    """Whether the passage is narration reporting ``speaker`` ("X said the city ..."), not
    a quote of theirs."""
    role: str | None
    """The speaker's role, None for narration or when the article gives none."""
    label: str | None
    """The label that opened the block, if any."""
    first_words: str
    """The passage's first words, with an ellipsis when there are more."""
    first_line: int
    """The 1-based line the block starts on (its label's line when it has one)."""
    last_line: int
    """The 1-based line the block ends on."""
    paragraphs: int
    """How many paragraphs the block holds."""
    text: str
    """The passage's own words, verbatim, as ``cite`` quotes them (``summary.passage_words``:
    a news quote without the "she said" between its pieces), so a reviewer checks where
    it ends and what will be quoted."""
    warnings: tuple[str, ...]
    """The import warnings about lines in this block, each with its line ("line 14: ...")."""


def review(dataset: Dataset, warnings: tuple[ImportWarning, ...] = ()) -> tuple[ReviewRow, ...]:
    """Lay out the dataset's passages block by block, with the warnings that concern each."""
    rows = []
    given: set[int] = set()  # a news paragraph's quote and narration share lines: warn once
    for passage in dataset.passages:
        begin = passage.label.span[0] if passage.label else passage.span[0]
        first = line_of(dataset.source_text, begin)
        last = line_of(dataset.source_text, max(passage.span[1] - 1, begin))
        # The paragraphs, not the span: a news quote's span holds the "she said" between
        # its pieces, which are not the speaker's words.
        words = " ".join(p.text for p in passage.paragraphs).split()
        shown = " ".join(words[:FIRST_WORDS]) + (" ..." if len(words) > FIRST_WORDS else "")
        who = dataset.speaker(passage.speaker_id) if passage.speaker_id else None
        rows.append(
            ReviewRow(
                passage_id=passage.id,
                kind=passage.kind,
                speaker=None if who is None else who.name,
                reported=who is not None and not passage.is_quote,
                role=None if who is None else who.role,
                label=passage.label.text if passage.label else None,
                first_words=shown,
                first_line=first,
                last_line=last,
                paragraphs=len(passage.paragraphs),
                text=passage_words(passage),
                warnings=_once(warnings, first, last, given),
            )
        )
    return tuple(rows)


def _once(
    warnings: tuple[ImportWarning, ...], first: int, last: int, shown: set[int]
) -> tuple[str, ...]:
    """The warnings on lines ``first``..``last`` not yet shown under an earlier row."""
    mine = [(i, w) for i, w in enumerate(warnings) if first <= w.line <= last and i not in shown]
    shown.update(i for i, _ in mine)
    return tuple(str(w) for _, w in mine)


def outside_blocks(
    rows: tuple[ReviewRow, ...], warnings: tuple[ImportWarning, ...]
) -> tuple[ImportWarning, ...]:
    """The warnings no row shows: on lines outside every block, in line order."""
    return tuple(
        w for w in warnings if not any(r.first_line <= w.line <= r.last_line for r in rows)
    )
