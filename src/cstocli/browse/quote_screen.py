"""A quote in full (Enter): the passage as ``cstocli show`` prints it, with its citation."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from cstocli.views.console import Renderable


class QuoteScreen(Screen[None]):
    """Full-screen, scrollable; Esc, Enter or q goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "app.pop_screen", "Back"),
        Binding("y", "app.copy_quote", "Copy"),
    ]

    def __init__(self, renderable: Renderable) -> None:
        super().__init__()
        self._renderable = renderable

    def compose(self) -> ComposeResult:
        """The quote, then the key hints."""
        with VerticalScroll(id="quote"):
            yield Static(self._renderable, id="quote-body")
        yield Footer()
