"""The library's views for people: one stored article (``library show``) and ``--review``.

``--review`` is for checking how an article was split, so it shows each block whole,
wrapped to the terminal: its id, speaker, role and line range above, its warnings below,
and the headline the importer read above them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from cstocli.views.cells import DIM, NARRATION, REPORTED, heading, verbatim
from cstocli.views.tables import speakers_table

if TYPE_CHECKING:
    from cstocli import summary as queries
    from cstocli.importer.batch import FileOutcome
    from cstocli.library import ArticleSummary
    from cstocli.model import Dataset


def article_view(
    summary: ArticleSummary, dataset: Dataset, rows: Iterable[queries.SpeakerSummary]
) -> Group:
    """One stored article: id and title, file, import time, hash, event, counts, speakers."""
    parts: list[RenderableType] = [heading(f"{summary.id}: {summary.title}", first=True)]
    details = [
        ("File", summary.file),
        ("Imported", summary.imported_at),
        ("SHA-256", summary.sha256),
    ]
    source = dataset.source
    published = [x for x in (source.publisher, source.author, source.date, source.url) if x]
    if published:
        details.append(("Published", ", ".join(published)))
    event = dataset.event
    if event is not None:
        where = ", ".join(x for x in (event.city, event.country, event.date) if x)
        details.append(("Event", event.name + (f" ({where})" if where else "")))
    counts = f"{summary.quotes} quotes, {summary.figures} figures, {summary.sentences} sentences"
    details.append(("Counts", counts))
    for name, value in details:
        parts.append(Text.assemble((f"{name}: ", DIM), verbatim(value)))
    parts += [Text(""), speakers_table(rows)]
    return Group(*parts)


def review_view(outcomes: Sequence[FileOutcome]) -> Group:
    """Each reviewed file: its headline, then every block whole with who and where."""
    parts: list[RenderableType] = []
    for outcome in outcomes:
        if outcome.review is None:
            continue
        title = f"{outcome.file}: {outcome.headline or '(no headline)'}"
        parts.append(heading(title, first=not parts))
        for row in outcome.review:
            parts += [Text(""), *_block(outcome.file, row)]
    return Group(*parts)


def _block(file: str, row: dict[str, Any]) -> list[RenderableType]:
    header = Text.assemble(verbatim(row["passage_id"], "bold cyan"), "  ")
    if row["speaker"] is None:
        header.append(NARRATION, style=DIM)
    else:
        if row.get("reported"):  # narration reporting the speaker's words
            header.append(f"{REPORTED} ", style=DIM)
        header.append_text(verbatim(row["speaker"], "bold"))
        if row["role"]:
            header.append_text(Text(", ") + verbatim(row["role"]))
    lines = f"{row['first_line']}-{row['last_line']}"
    header.append_text(verbatim(f"  {file}:{lines}", DIM))
    block: list[RenderableType] = [header, Padding(verbatim(row["text"]), (0, 0, 0, 4))]
    for warning in row["warnings"]:
        block.append(Padding(verbatim(f"warning: {warning}", "yellow"), (0, 0, 0, 4)))
    return block
