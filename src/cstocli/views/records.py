"""Rows for scripts: the one row model that the table, TSV and CSV outputs share.

A command describes what it prints as ``Rows`` (named columns, plain cells); ``tsv`` and
``csv`` turn them into text, and the Rich views draw the same rows as a table. No Rich
here: ``--format tsv`` and ``--format csv`` never load it.

Every cell goes through ``safe.one_line``: a control character is made visible and a
tab or newline inside a field becomes a space, so one record is always one line.
"""

import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, NamedTuple, TypeAlias

from cstocli.views.safe import one_line

Cell: TypeAlias = "str | int | float | None"
"""A plain cell: text, a count, a score (shown with two decimals) or nothing."""
Justify: TypeAlias = Literal["left", "right"]


class Column(NamedTuple):
    """One column: its header in TSV/CSV (``key``), its title in a table, its alignment."""

    key: str
    title: str
    justify: Justify = "left"


class Rows(NamedTuple):
    """What a command prints, as columns and rows of plain cells."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


def rows_of(columns: Sequence[Column], rows: Iterable[Sequence[Cell]]) -> Rows:
    """``Rows`` from any sequences (checks that each row has one cell a column)."""
    table = tuple(tuple(row) for row in rows)
    for row in table:
        if len(row) != len(columns):
            raise ValueError(f"a row has {len(row)} cells for {len(columns)} columns")
    return Rows(tuple(columns), table)


def cell_text(value: Cell) -> str:
    """A cell as text: nothing for None, two decimals for a float (a score)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return one_line(str(value))


def tsv_lines(rows: Rows, *, header: bool) -> Iterator[str]:
    """Tab-separated lines, one record each; the header row (column keys) if asked."""
    if header:
        yield "\t".join(column.key for column in rows.columns)
    for row in rows.rows:
        yield "\t".join(cell_text(cell) for cell in row)


def csv_text(rows: Rows, *, header: bool) -> str:
    """RFC 4180 CSV (the stdlib writer: CRLF line ends, quotes where needed)."""
    import csv  # noqa: PLC0415 - only --format csv pays for it

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    if header:
        writer.writerow(column.key for column in rows.columns)
    writer.writerows([cell_text(cell) for cell in row] for row in rows.rows)
    return buffer.getvalue()
