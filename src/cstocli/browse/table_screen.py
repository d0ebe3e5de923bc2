"""A view a key away from the results: a table of rows, Enter acts on one, Esc backs out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from cstocli.views.console import Renderable

_Row = TypeVar("_Row")


class TableScreen(Screen[None], Generic[_Row]):
    """Rows in a ``DataTable``; subclasses name the columns, the cells and Enter's effect."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back"),
    ]
    COLUMNS: ClassVar[tuple[str, ...]] = ()
    EMPTY: ClassVar[str] = "Nothing to show."

    def __init__(self, title: str, rows: Sequence[_Row]) -> None:
        super().__init__()
        self._title = title
        self._rows = list(rows)

    def compose(self) -> ComposeResult:
        """A title line, the table (or a line saying it is empty), the key hints."""
        yield Static(self._title, classes="view-title", markup=False)
        if self._rows:
            table: DataTable[Renderable] = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_columns(*self.columns())
            for number, row in enumerate(self._rows):
                table.add_row(*self.cells(row), key=str(number))
            yield table
        else:
            yield Static(self.EMPTY, classes="notice", markup=False)
        yield Footer()

    def columns(self) -> Sequence[str]:
        """The column titles (``COLUMNS`` unless a view leaves some out)."""
        return self.COLUMNS

    def cells(self, row: _Row) -> Sequence[Renderable]:
        """The cells of one row."""
        raise NotImplementedError

    def chosen(self, row: _Row) -> Message:
        """What Enter (or a click) on ``row`` tells the screen below."""
        raise NotImplementedError

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Act on the row, then go back to the results."""
        event.stop()
        row = self._rows[int(event.row_key.value or 0)]
        below = self.app.screen_stack[-2]
        self.app.pop_screen()
        below.post_message(self.chosen(row))
