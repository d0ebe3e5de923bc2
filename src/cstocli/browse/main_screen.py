"""The main screen: the search field, the count, the results and the preview.

Every keystroke in the field hands its search to the session's thread at once, and an
exclusive worker waits for it: a newer keystroke cancels the older search (if it has
not started on the session's thread, it never runs) and any preview not yet read, so
typing is never kept waiting by a search. The rows a screen can show are built with
the search; the rest of the hits' rows follow, unless a newer keystroke came first.
"""

# ruff: noqa: PLC0415 - each view's module (and DataTable) loads when first opened: start-up.

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from cstocli.browse.collector import Collector, freeze_app, thaw_app
from cstocli.browse.messages import ArticlePicked, FigurePicked, SpeakerPicked
from cstocli.browse.preview_pane import PreviewPane
from cstocli.browse.results_list import ResultsList
from cstocli.browse.search_field import SearchField
from cstocli.browse.session import Found, Scope, Selection, Session, SessionThread, citation
from cstocli.search.engine import Hit
from cstocli.views import panes
from cstocli.views.cells import verbatim

if TYPE_CHECKING:
    from cstocli.views.console import Renderable

_T = TypeVar("_T")

PREVIEW_DELAY = 0.05
"""Seconds the selection must stay put before the preview follows it."""


class MainScreen(Screen[None]):
    """Search field on top, then the count, the results beside (or above) the preview."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Clear"),
        Binding("s,f2", "speakers", "Speakers", key_display="s"),
        Binding("f,f3", "figures", "Figures", key_display="f"),
        Binding("a,f4", "articles", "Articles", key_display="a"),
        Binding("y", "app.copy_quote", "Copy"),
        Binding("question_mark,f1", "help", "Keys", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]
    _LETTERS = frozenset("sfayq?")
    """Keys that act outside the field instead of typing into it."""

    def __init__(self, thread: SessionThread, query: str = "") -> None:
        super().__init__()
        self._thread = thread
        self._initial = query
        self.scope = Scope()
        """The speaker and article the results are narrowed to."""
        self._scope_names: dict[str, str] = {}
        self.found: Found | None = None
        """The search whose results are listed."""
        self._sentences = 0
        self._articles = 0
        self._searching: Future[tuple[Found, list[Renderable]]] | None = None
        """The newest search handed to the session's thread."""
        self.results_shown = asyncio.Event()
        """Set each time new results are listed: the benchmark and tests wait on it."""
        self.shown_at = 0.0
        """When results were listed last (``time.perf_counter``): what the benchmark reads."""
        self._collector = Collector()
        """Keeps garbage collection out of a keystroke, up to its frame (``collector``)."""

    def compose(self) -> ComposeResult:
        """Field, count line, results and preview, key hints."""
        yield SearchField(self._initial, placeholder="Search what was said", id="query")
        yield Static(id="count", markup=False)
        with Container(id="panes"):
            yield ResultsList(id="results")
            yield PreviewPane(id="preview")
        yield Footer()

    async def on_mount(self) -> None:
        """Count what there is to search (counted before the app started), then search."""
        self._articles, self._sentences = await self._call(Session.prepare)
        self.query_one(SearchField).focus()
        self.run_search(self.query_one(SearchField).value)
        self.call_after_refresh(freeze_app)
        self.call_after_refresh(self._warm)

    def on_unmount(self) -> None:
        """Never leave the collector paused, or the app's objects frozen, behind the app."""
        self._collector.resume()
        thaw_app()

    @work(group="warm")
    async def _warm(self) -> None:
        """After the first frame: read what the first keystroke needs (``Session.warm``)."""
        await self._call(Session.warm)

    # -- searching --------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        """Every keystroke searches again."""
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        """Search on the session's thread now; list the hits when they come.

        The search is handed over here rather than in the worker, which starts a turn
        of the event loop later; an older search that has not started is dropped.
        """
        self._collector.pause()
        self.workers.cancel_group(self, "preview")  # it would queue ahead of this search
        if self._searching is not None:
            self._searching.cancel()
        scope, page = self.scope, rows_in_view(self.app.size.height)
        self._searching = self._thread.submit(lambda s: first_rows(s, s.search(query, scope), page))
        self._list(self._searching)

    @work(exclusive=True, group="search")
    async def _list(self, searching: Future[tuple[Found, list[Renderable]]]) -> None:
        """List the hits, then the rest of their rows (a newer search cancels this)."""
        found, rows = await asyncio.wrap_future(searching)
        self._show(found, rows)
        if len(rows) < len(found.hits):
            # Not before the first screen is drawn: the session's thread would hold the GIL.
            drawn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self.call_after_refresh(_resolve, drawn)
            await drawn
            rest = found.hits[len(rows) :]
            more = await self._call(lambda s: result_rows(s, rest))
            self.query_one(ResultsList).add_options(
                Option(row, id=str(n)) for n, row in enumerate(more, len(rows))
            )

    def _show(self, found: Found, rows: list[Renderable]) -> None:
        self.found = found
        results = self.query_one(ResultsList)
        results.set_options(Option(row, id=str(n)) for n, row in enumerate(rows))
        if rows:
            results.highlighted = 0
        else:
            short, why = self._nothing(found.query)
            results.add_option(Option(panes.notice(short), disabled=True))
            self.app_selection(None)
            self.query_one(PreviewPane).show(panes.notice(why), panes.notice(""))
        # One line, as wide as the screen whatever it says: no layout pass per keystroke.
        self.query_one("#count", Static).update(self._count_line(found), layout=False)
        self.shown_at = time.perf_counter()
        self.results_shown.set()
        self.call_after_refresh(self._collector.resume)

    def _count_line(self, found: Found) -> str:
        shown, total = len(found.hits), found.total
        if found.query.strip():
            noun = "hit" if total == 1 else "hits"
        elif self._listing():
            noun = "sentence" if total == 1 else "sentences"
        else:
            total = shown = self._sentences
            noun = f"sentences in {self._articles:,} articles"
        line = f"{total:,} {noun}" if shown == total else f"{shown:,} of {total:,} {noun}"
        for kind in ("speaker", "article"):
            if kind in self._scope_names:
                line += f"  \u00b7  {kind}: {self._scope_names[kind]}"
        return line

    def _nothing(self, query: str) -> tuple[str, str]:
        """Why the list is empty: a few words for the list, a sentence for the preview."""
        if self._articles == 0:
            return "No articles.", (
                "The library has no articles yet; add some with: cstocli import FILE"
            )
        if not query.strip():
            if self._listing():
                return "Nothing here.", "Nothing is said here."
            return "Type to search.", f"Type to search {self._sentences:,} sentences."
        return "No matches.", f"No matches for {query.strip()!r}."

    def _listing(self) -> bool:
        """Whether an empty query lists sentences: one article, not the whole library."""
        return not self._thread.session.is_library or self.scope.article_id is not None

    # -- selection and preview ----------------------------------------------------------------

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """A new selection: remember it and preview it."""
        hit = self._hit(event.option_index)
        if hit is not None:
            self.app_selection(hit)
            self.show_preview(hit)

    @work(exclusive=True, group="preview")
    async def show_preview(self, hit: Hit) -> None:
        """The hit inside its passage, read on the session's thread (library articles).

        It waits for typing or moving to pause first: a preview per keystroke would
        queue on the session's thread ahead of the next keystroke's search.
        """
        await asyncio.sleep(PREVIEW_DELAY)
        pane = self.query_one(PreviewPane)
        width = pane.body_width
        heading, body, line = await self._call(lambda s: _preview(s, hit, width))
        pane.show(heading, body, line)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on a result opens it."""
        hit = self._hit(event.option_index)
        if hit is not None:
            self.open_quote(hit)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the field opens the selected result."""
        hit = self.selected_hit()
        if hit is not None:
            self.open_quote(hit)

    @work(group="open")
    async def open_quote(self, hit: Hit) -> None:
        """The selected quote in full, as ``cstocli show`` prints it."""
        from cstocli.browse.quote_screen import QuoteScreen

        view = await self._call(lambda s: _full(s, hit))
        await self.app.push_screen(QuoteScreen(view))

    def selected_hit(self) -> Hit | None:
        """The hit under the cursor, if any."""
        return self._hit(self.query_one(ResultsList).highlighted)

    def _hit(self, index: int | None) -> Hit | None:
        if self.found is None or index is None or not 0 <= index < len(self.found.hits):
            return None
        return self.found.hits[index]

    def app_selection(self, hit: Hit | None) -> None:
        """Tell the app what is selected (what quitting prints, what ``y`` copies)."""
        selected = None
        if hit is not None:
            article = hit.sentence.article_id if self._thread.session.is_library else None
            selected = Selection(article, hit.sentence.passage_id)
        setattr(self.app, "selection", selected)  # noqa: B010 - the app owns the attribute
        setattr(self.app, "selected_hit", hit)  # noqa: B010

    def action_move(self, step: int) -> None:
        """Move the results' cursor from the search field."""
        results = self.query_one(ResultsList)
        if not results.option_count or self._hit(0) is None:
            return
        current = results.highlighted if results.highlighted is not None else 0
        results.highlighted = max(0, min(results.option_count - 1, current + step))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Articles is a key only over the library (--all); elsewhere it is hidden."""
        if action == "articles":
            return self._thread.session.is_library
        return True

    # -- keys -------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """Typing outside the field goes to the field."""
        field = self.query_one(SearchField)
        typed = event.character
        if self.focused is not field and event.is_printable and typed not in self._LETTERS:
            event.stop()
            field.focus()
            field.insert_text_at_cursor(typed or "")

    def action_back(self) -> None:
        """Esc: back to the field, then clear it, then clear the speaker and article filters."""
        field = self.query_one(SearchField)
        if self.focused is not field:
            field.focus()
        elif field.value:
            field.value = ""
        elif self.scope != Scope():
            self.scope = Scope()
            self._scope_names.clear()
            self.run_search("")

    def action_help(self) -> None:
        """List every key."""
        from cstocli.browse.help_screen import HelpScreen

        self.app.push_screen(HelpScreen())

    @work(group="view")
    async def action_speakers(self) -> None:
        """The Speakers view."""
        from cstocli.browse.speakers_screen import SpeakersScreen

        rows = await self._call(Session.speakers)
        title = "Speakers  (Enter: only what they say; again: everyone)"
        library = self._thread.session.is_library
        await self.app.push_screen(SpeakersScreen(title, rows, library=library))

    @work(group="view")
    async def action_figures(self) -> None:
        """The Figures view."""
        from cstocli.browse.figures_screen import FiguresScreen

        rows = await self._call(Session.figures)
        await self.app.push_screen(FiguresScreen("Figures  (Enter: the sentence)", rows))

    @work(group="view")
    async def action_articles(self) -> None:
        """The Articles view (library only)."""
        from cstocli.browse.articles_screen import ArticlesScreen

        rows = await self._call(Session.articles)
        title = "Articles  (Enter: search only this one; again: all)"
        await self.app.push_screen(ArticlesScreen(title, rows))

    def on_speaker_picked(self, message: SpeakerPicked) -> None:
        """Filter the results to a speaker, or clear the filter if it was theirs."""
        if self.scope.speaker_id == message.speaker_id:
            self.scope = self.scope._replace(speaker_id=None)
            self._scope_names.pop("speaker", None)
        else:
            self.scope = self.scope._replace(speaker_id=message.speaker_id)
            self._scope_names["speaker"] = verbatim(message.name).plain
            if message.article_id is not None:
                self._scope(message.article_id)
        self.run_search(self.query_one(SearchField).value)

    def on_article_picked(self, message: ArticlePicked) -> None:
        """Search one article of the library, or all again if it was that one."""
        chosen = None if self.scope.article_id == message.article_id else message.article_id
        self._scope(chosen)
        self.run_search(self.query_one(SearchField).value)

    def _scope(self, article_id: str | None) -> None:
        self.scope = self.scope._replace(article_id=article_id)
        if article_id is None:
            self._scope_names.pop("article", None)
        else:
            self._scope_names["article"] = verbatim(article_id).plain

    @work(group="open")
    async def on_figure_picked(self, message: FigurePicked) -> None:
        """The sentence a figure comes from, inside its passage."""
        from cstocli.browse.quote_screen import QuoteScreen

        hit, view = await self._call(lambda s: _figure(s, message))
        self.app_selection(hit)
        await self.app.push_screen(QuoteScreen(view))

    def on_resize(self, event: events.Resize) -> None:
        """Below 80 columns the preview goes under the results instead of beside them."""
        self.set_class(event.size.width < 80, "-narrow")

    async def _call(self, call: Callable[[Session], _T]) -> _T:
        return await asyncio.wrap_future(self._thread.submit(call))


def _resolve(future: asyncio.Future[None]) -> None:
    """Wake whoever awaits ``future``, unless a newer keystroke cancelled it meanwhile."""
    if not future.done():
        future.set_result(None)


# These run on the session's thread: they may read a library article.


def result_rows(session: Session, hits: Sequence[Hit]) -> list[Renderable]:
    """The list's rows for ``hits`` (speaker names may need a library read)."""
    library = session.is_library
    return [
        panes.result_row(
            hit,
            session.speaker_name(hit.sentence),
            hit.sentence.article_id if library else None,
        )
        for hit in hits
    ]


def rows_in_view(height: int) -> int:
    """How many result rows a screen ``height`` lines high can show: rows are two lines."""
    return height // 2 + 1


def first_rows(session: Session, found: Found, page: int) -> tuple[Found, list[Renderable]]:
    """``found`` with the rows of its first ``page`` hits: what the list shows first."""
    return found, result_rows(session, found.hits[:page])


def _preview(session: Session, hit: Hit, width: int) -> tuple[Renderable, Renderable, int]:
    dataset = session.dataset(hit.sentence.article_id)
    heading = panes.preview_heading(dataset, hit, library=session.is_library)
    body = panes.preview_body(dataset, hit, citation(dataset, hit.sentence.passage_id))
    return heading, body, panes.sentence_line(dataset, hit, width)


def _full(session: Session, hit: Hit) -> Renderable:
    dataset = session.dataset(hit.sentence.article_id)
    passage = dataset.passage(hit.sentence.passage_id)
    assert passage is not None  # hits come from the dataset's passages
    return panes.full_quote(dataset, passage)


def _figure(session: Session, message: FigurePicked) -> tuple[Hit, Renderable]:
    hit = session.figure_hit(message.article_id, message.figure)
    dataset = session.dataset(message.article_id)
    cited = citation(dataset, hit.sentence.passage_id)
    return hit, panes.preview(dataset, hit, cited, library=session.is_library)
