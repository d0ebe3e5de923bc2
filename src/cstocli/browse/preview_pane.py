"""The preview pane: the selected sentence inside its whole passage, and the citation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from cstocli.views.render import Renderable


class PreviewPane(VerticalScroll):
    """A scrollable pane holding one renderable (``views.panes.preview``)."""

    def compose(self) -> ComposeResult:
        """One Static, replaced on every new selection."""
        yield Static(id="preview-body")

    def show(self, renderable: Renderable) -> None:
        """Show ``renderable`` from its top."""
        self.query_one("#preview-body", Static).update(renderable)
        self.scroll_home(animate=False)
