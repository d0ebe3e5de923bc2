"""The preview pane: who and where, fixed on top; below, the passage scrolled to the hit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from cstocli.views.console import Renderable


class PreviewPane(Vertical):
    """A heading that stays, over a scrollable body (``views.panes.preview_*``)."""

    def compose(self) -> ComposeResult:
        """The heading, then the scrolling body."""
        yield Static(id="preview-head")
        with VerticalScroll(id="preview-scroll"):
            yield Static(id="preview-body")

    @property
    def body_width(self) -> int:
        """How many columns the body is drawn in."""
        return self.query_one("#preview-scroll", VerticalScroll).scrollable_content_region.width

    def show(self, heading: Renderable, body: Renderable, line: int = 0) -> None:
        """Show ``body`` with its ``line`` near the top (two lines of context above)."""
        self.query_one("#preview-head", Static).update(heading)
        self.query_one("#preview-body", Static).update(body)
        scroll = self.query_one("#preview-scroll", VerticalScroll)
        self.call_after_refresh(scroll.scroll_to, y=max(0, line - 2), animate=False)
