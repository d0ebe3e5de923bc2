"""Tables that fit their width, and the speakers and stats views drawn with them.

``FittedTable`` draws aligned columns, a wrapping table, or stacked records, whichever
fits; ``table_of`` draws any ``records.Rows`` (what TSV and CSV print) with it, so a
command's table and its TSV have the same columns.
"""

# ruff: noqa: PLC0415 - rich.table is imported only where a wrapping table is drawn.

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Literal

from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderableType, RenderResult
from rich.padding import Padding
from rich.text import Text

from cstocli import summary
from cstocli.model import Dataset, Figure, Speaker
from cstocli.views.cells import DIM, heading, left, right, verbatim
from cstocli.views.records import Rows, cell_text

if TYPE_CHECKING:
    from rich.table import Table

    from cstocli.library import SpeakerTotal


NARROW = 60
"""Below this many columns, tables become one record per row (COLUMNS=40 stays readable)."""


class FittedTable:
    """A table that fits its width: aligned columns, a wrapping table, or stacked records.

    When every row fits on one line (a pipe, a wide terminal) the columns are simply
    aligned, which is also several times cheaper than Rich's Table. When they do not, a
    Rich Table wraps the cells; below ``NARROW`` columns each row becomes a record (its
    first cell in bold, then the others labelled and indented), so words are never
    broken mid-word the way a squeezed five-column table breaks them.
    """

    def __init__(
        self, columns: Sequence[tuple[str, JustifyMethod]], rows: Iterable[Sequence[Text]]
    ) -> None:
        self.columns = tuple(columns)
        self.rows = [tuple(row) for row in rows]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = [
            max(len(title), *(row[i].cell_len for row in self.rows))
            for i, (title, _) in enumerate(self.columns)
        ]
        single_lines = not any("\n" in cell.plain for row in self.rows for cell in row)
        if single_lines and sum(widths) + _GAP * (len(widths) - 1) <= options.max_width:
            yield from self._aligned(widths, ascii_only=options.ascii_only)
        elif options.max_width >= NARROW:
            yield self._table()
        else:
            yield from self._records()

    def _aligned(self, widths: list[int], *, ascii_only: bool) -> Iterator[Text]:
        titles = [Text.assemble((title, "bold")) for title, _ in self.columns]
        yield self._line(titles, widths)
        yield Text(("-" if ascii_only else "\u2500") * (sum(widths) + _GAP * (len(widths) - 1)))
        for first, *rest in self.rows:
            bold = first.copy()
            bold.stylize("bold")
            yield self._line([bold, *rest], widths)

    def _line(self, cells: Sequence[Text], widths: list[int]) -> Text:
        line = Text()
        for index, (cell, width, (_, justify)) in enumerate(
            zip(cells, widths, self.columns, strict=True)
        ):
            padding = " " * (width - cell.cell_len)
            if index:
                line.append(" " * _GAP)
            line.append_text(Text(padding) + cell if justify == "right" else cell + padding)
        line.rstrip()
        line.no_wrap = True  # it fits by construction; skipping the wrap is half the cost
        return line

    def _records(self) -> Iterator[RenderableType]:
        for number, (first, *rest) in enumerate(self.rows):
            if number:
                yield Text("")
            yield Text.assemble(first, style="bold")
            for (title, _), cell in zip(self.columns[1:], rest, strict=True):
                if cell.plain:
                    label = Text.assemble((f"{title}: ", DIM), cell)
                    yield Padding(label, (0, 0, 0, 2), expand=False)

    def _table(self) -> Table:
        # Imported here: rich.table (with fractions and decimal) is ~5 ms of start-up that
        # aligned output, the common case, never needs.
        from rich import box
        from rich.table import Table

        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, highlight=False)
        for index, (title, justify) in enumerate(self.columns):
            table.add_column(title, justify=justify, style="bold" if index == 0 else "")
        for row in self.rows:
            table.add_row(*row)
        return table


_GAP = 3
"""Spaces between aligned columns."""


# -- speakers ---------------------------------------------------------------------------------


def speakers_table(rows: Iterable[summary.SpeakerSummary]) -> FittedTable:
    """Name, role, country or organisation, number of quotes, words spoken."""
    columns = [*left("Name", "Role", "Country or organisation"), *right("Quotes", "Words")]
    cells = [(*_identity(row.speaker), Text(str(row.quotes)), Text(str(row.words))) for row in rows]
    return FittedTable(columns, cells)


def _identity(speaker: Speaker) -> tuple[Text, Text, Text]:
    """Name, role, country or organisation: the leading cells of every speakers table."""
    return (
        verbatim(speaker.name),
        verbatim(speaker.role or ""),
        verbatim(speaker.affiliation or ""),
    )


def speaker_totals_table(rows: Iterable[SpeakerTotal]) -> FittedTable:
    """Everyone quoted across the library: ``speakers_table`` plus in how many articles."""
    columns = [
        *left("Name", "Role", "Country or organisation"),
        *right("Articles", "Quotes", "Words"),
    ]
    cells = [
        (*_identity(row.speaker), *(Text(str(n)) for n in (row.articles, row.quotes, row.words)))
        for row in rows
    ]
    return FittedTable(columns, cells)


# -- stats ----------------------------------------------------------------------------------


def stats_view(dataset: Dataset, rows: Iterable[summary.SpeakerSummary]) -> Group:
    """The headline figures table, then the other figures, then per-speaker counts."""
    headline, others = summary.split_headline(summary.figure_groups(dataset))
    parts: list[RenderableType] = []
    if headline is not None:
        title = heading(headline.topic or "Figures", first=True)
        parts += [title, _figures(dataset, headline.figures, "Where")]
    if others:
        parts += [heading("Other figures", first=not parts), _figures(dataset, others, "Topic")]
    parts += [heading("Speakers", first=not parts), _speaker_counts(rows)]
    return Group(*parts)


def library_stats_view(figures: Rows, rows: Iterable[SpeakerTotal]) -> Group:
    """Every figure of the library (``columns.library_figures``), then per-speaker counts."""
    parts: list[RenderableType] = []
    if figures.rows:
        parts += [heading("Figures", first=True), table_of(figures)]
    counts = [
        (
            verbatim(row.speaker.name),
            Text(str(row.articles)),
            Text(str(row.quotes)),
            Text(str(row.words)),
        )
        for row in rows
    ]
    counts_columns = [*left("Speaker"), *right("Articles", "Quotes", "Words")]
    parts += [heading("Speakers", first=not parts), FittedTable(counts_columns, counts)]
    return Group(*parts)


def _figures(
    dataset: Dataset, figures: Iterable[Figure], last: Literal["Where", "Topic"]
) -> FittedTable:
    """What, the value as written, unit, then where (places) or the topic and source line.

    The headline group shares one topic and usually one sentence, so its table shows the
    places instead of topic and line, and stays narrow enough for a 120-column terminal.
    """
    figures = list(figures)
    columns = [*left("What"), *right("Value"), *left("Unit", last)]
    cells = [
        [
            verbatim(figure.label),
            verbatim(summary.as_written(figure), style="bold"),
            verbatim(figure.unit),
            verbatim(", ".join(figure.places) if last == "Where" else figure.topic or ""),
        ]
        for figure in figures
    ]
    if last == "Topic":
        columns += right("Line")
        for row, figure in zip(cells, figures, strict=True):
            row.append(Text(str(summary.line_of(dataset.source_text, figure.span[0]))))
    return FittedTable(columns, cells)


def _speaker_counts(rows: Iterable[summary.SpeakerSummary]) -> FittedTable:
    columns = [*left("Speaker"), *right("Quotes", "Words")]
    cells = [
        (verbatim(row.speaker.name), Text(str(row.quotes)), Text(str(row.words))) for row in rows
    ]
    return FittedTable(columns, cells)


def table_of(rows: Rows, *, bold_first: bool = True) -> FittedTable:
    """``rows`` (what TSV and CSV print) as a table at a terminal: same columns, titled."""
    columns = [(column.title, column.justify) for column in rows.columns]
    return FittedTable(columns, ([Text(cell_text(c)) for c in row] for row in rows.rows))
