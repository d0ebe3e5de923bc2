"""The list of keys (``?``), from ``keys.KEYS``."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from cstocli.browse.keys import KEYS
from cstocli.views import panes


class HelpScreen(ModalScreen[None]):
    """Every key and what it does; any of Esc, q, ? or Enter closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,enter,f1", "app.pop_screen", "Back"),
    ]

    def compose(self) -> ComposeResult:
        """A box listing the keys."""
        with VerticalScroll(id="help"):
            yield Static(panes.key_table([(k.keys, k.does) for k in KEYS]))
