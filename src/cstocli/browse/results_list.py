"""The results list: one two-line row a hit, the best first."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class ResultsList(OptionList):
    """An ``OptionList`` that also moves with Ctrl-N / Ctrl-P, as fzf and Emacs do."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "cursor_down", "Down", show=False),
        Binding("ctrl+p", "cursor_up", "Up", show=False),
    ]
