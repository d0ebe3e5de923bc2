"""The ``browse`` app: one main screen over a session; quitting returns the selection."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from cstocli.browse.main_screen import MainScreen
from cstocli.browse.session import Selection, SessionThread, quote_with_citation
from cstocli.search.engine import Hit

CSS = """
#query { dock: top; }
#count { width: 1fr; height: 1; padding: 0 1; color: $text-muted; }
#panes { layout: horizontal; height: 1fr; }
#results { width: 1fr; height: 1fr; border: none; text-wrap: nowrap; text-overflow: ellipsis; }
#preview { width: 1fr; height: 1fr; padding: 0 1; border-left: solid $primary-darken-2; }
#preview-head { height: auto; margin-bottom: 1; }
#preview-scroll { height: 1fr; }
MainScreen.-narrow #panes { layout: vertical; }
MainScreen.-narrow #results { width: 1fr; height: 1fr; }
MainScreen.-narrow #preview { width: 1fr; height: 1fr; border-left: none;
    border-top: solid $primary-darken-2; }
#quote { padding: 0 1; }
#help { width: 80%; max-width: 90; height: 80%; border: round $primary; padding: 0 1;
    background: $surface; }
HelpScreen { align: center middle; }
.view-title { height: 1; padding: 0 1; text-style: bold; }
.notice { padding: 1 2; text-style: italic; }
"""


class BrowseApp(App[Selection | None]):
    """``cstocli browse``: ``run()`` returns the passage selected last (None if none)."""

    CSS: ClassVar[str] = CSS
    TITLE = "cstocli browse"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        # Ctrl-C quits from anywhere, the field included (Textual would copy instead).
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, thread: SessionThread, query: str = "") -> None:
        super().__init__()
        self._thread = thread
        self.selection: Selection | None = None
        """The passage selected last: what quitting returns."""
        self.selected_hit: Hit | None = None
        """The sentence selected last: what ``y`` copies."""

        self.main_screen = MainScreen(thread, query)
        """The search screen, under any view opened over it."""

    def on_mount(self) -> None:
        """Open the main screen."""
        self.push_screen(self.main_screen)

    async def action_quit(self) -> None:
        """Quit, returning the selection."""
        self.exit(self.selection)

    async def action_copy_quote(self) -> None:
        """Copy the selected sentence with who said it and the article's citation."""
        hit = self.selected_hit
        if hit is None:
            self.notify("Nothing selected to copy.", severity="warning")
            return
        article = hit.sentence.article_id
        copied = await self._call_copy(article, hit)
        self.copy_to_clipboard(copied)
        self.notify(f"Copied {hit.sentence.passage_id} with its citation.")

    async def _call_copy(self, article: str, hit: Hit) -> str:
        import asyncio  # noqa: PLC0415 - only y needs it here

        future = self._thread.submit(
            lambda s: quote_with_citation(s.dataset(article), hit.sentence)
        )
        return await asyncio.wrap_future(future)
