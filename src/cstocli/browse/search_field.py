"""The search field: typing searches; Up/Down and Ctrl-N/Ctrl-P move the results below."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class SearchField(Input):
    """An ``Input`` whose movement keys move the results list, as fzf's prompt does."""

    def __init__(self, value: str = "", **options: Any) -> None:
        # Focus must not select the text: typing in the results moves here and appends.
        super().__init__(value, select_on_focus=False, **options)
        # A blinking cursor redraws the screen twice a second, competing with the search.
        self.cursor_blink = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,ctrl+n", "screen.move(1)", "Next result", show=False),
        Binding("up,ctrl+p", "screen.move(-1)", "Previous result", show=False),
        Binding("pagedown", "screen.move(10)", "Next page", show=False),
        Binding("pageup", "screen.move(-10)", "Previous page", show=False),
    ]
