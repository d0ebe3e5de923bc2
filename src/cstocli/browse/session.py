"""What ``browse`` shows, read from its source: no widgets, no Textual, no threads.

A ``Session`` holds one source (the bundled article, ``--data FILE``, ``--article ID``
or ``--all``) and answers the app's questions through the same code as the commands:
``search.engine.find`` over ``search.memory.build_index`` (one article) or over the
library's ``LibraryIndex`` (``--all``, as ``library.access.search_library`` does),
speakers through ``summary`` or ``Library.speaker_totals``, figures from the dataset
or ``Library.figures``.

sqlite3 connections belong to the thread that opened them, so a library session opens
its library on first use; the app makes every call from one thread (``SessionThread``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from cstocli import summary, text
from cstocli.model import Dataset, Figure, Speaker
from cstocli.search import engine
from cstocli.search.engine import Hit, Results
from cstocli.search.memory import MemoryIndex, build_index
from cstocli.search.query import Unit, parse_query
from cstocli.search.store import Sentence, SentenceStore
from cstocli.views.citation import citation as cite
from cstocli.views.citation import citation_line

if TYPE_CHECKING:
    from cstocli.library import ArticleSummary, Library
    from cstocli.library.index import LibraryIndex

_T = TypeVar("_T")

SHOWN = 50
"""How many hits the results list holds; the count line says how many there are."""
REMEMBERED = 64
"""How many searches a session keeps the answers of (a word typed, then erased)."""


class Selection(NamedTuple):
    """A passage the user picked: what ``browse`` prints on quit, for ``cstocli show``."""

    article_id: str | None
    """The library article it belongs to; None for the bundled article or ``--data``."""
    passage_id: str
    """``q3``, ``n2``..."""

    def as_arguments(self) -> str:
        """The arguments ``cstocli show`` needs: ``q3``, or ``--article ID q3`` (library)."""
        if self.article_id is None:
            return self.passage_id
        return f"--article {self.article_id} {self.passage_id}"


@dataclass(frozen=True)
class Found:
    """The answer to one keystroke: the hits to list, and how many match in all."""

    query: str
    """The query as typed."""
    hits: list[Hit]
    """At most ``SHOWN`` hits, best first (source order when the query is empty)."""
    total: int
    """How many sentences match in all."""


class SpeakerRow(NamedTuple):
    """One line of the Speakers view."""

    speaker: Speaker
    """Who (``speaker.id`` is ``ARTICLE/ID`` for a one-word name in the library)."""
    articles: int
    """In how many articles they speak (1 for one article)."""
    quotes: int
    """How many quotes they give."""
    words: int
    """How many words they speak."""


class Scope(NamedTuple):
    """What the results are narrowed to: a speaker, an article of the library, or neither."""

    speaker_id: str | None = None
    """Only sentences this speaker says (an index id, never ``ARTICLE/ID``)."""
    article_id: str | None = None
    """Only this article of the library."""


class Session:
    """One source and the questions ``browse`` asks of it."""

    def __init__(
        self,
        *,
        dataset: Dataset | None = None,
        library_path: Path | None = None,
        all_articles: bool = False,
    ) -> None:
        """Browse ``dataset``; or, with ``all_articles``, the library at ``library_path``."""
        if (dataset is None) == (not all_articles):
            raise ValueError("a session reads one dataset or the whole library")
        self._dataset = dataset
        self._library_path = library_path
        self._library: Library | None = None
        self._store: LibraryIndex | None = None
        self._indexes: dict[str, MemoryIndex] = {}
        self._datasets: dict[str, Dataset] = {} if dataset is None else {dataset.id: dataset}
        self._speakers: dict[str, Speaker] | None = None
        self._counts: tuple[int, int] | None = None
        self._answers: dict[tuple[tuple[Unit, ...], Scope], Results] = {}
        self._closed = False

    # -- the source ------------------------------------------------------------------------

    @property
    def is_library(self) -> bool:
        """Whether this session reads every article of the library (``--all``)."""
        return self._dataset is None

    def open(self) -> None:
        """Open the library (``--all``); a missing file reads as an empty library."""
        if self._dataset is not None or self._library is not None or self._closed:
            return  # a call queued behind close() must not open the library again
        from cstocli.library import default_path, open_library  # noqa: PLC0415 - only --all

        path = self._library_path if self._library_path is not None else default_path()
        if path.exists():
            self._library = open_library(path, create=False)

    def prepare(self) -> tuple[int, int]:
        """Open the source and count it, for the first frame: (articles, sentences).

        ``browse`` runs this on the session's thread while Textual imports, and the app
        reads the counts from here: they are read once (``ids()`` alone takes tens of ms
        on a large library).
        """
        if self._counts is None:
            self.open()
            self._counts = (self.article_count(), self.sentence_count())
        return self._counts

    def warm(self) -> None:
        """Read what the first keystroke will need but the first frame does not.

        The library's speakers name every hit's speaker without reading its article;
        their query takes over 100 ms on a million sentences, so it runs after the
        first frame is drawn rather than before.
        """
        self._known_speakers()

    def close(self) -> None:
        """Close the library, if one is open; the session reads nothing after this."""
        self._closed = True
        if self._library is not None:
            self._library.close()
            self._library = None
            self._store = None

    def article_count(self) -> int:
        """How many articles there are to browse."""
        if self._dataset is not None:
            return 1
        self.open()
        return 0 if self._library is None else len(self._library.ids())

    def sentence_count(self) -> int:
        """How many sentences there are to search."""
        if self._dataset is not None:
            return len(self._index(self._dataset.id))
        self.open()
        return 0 if self._library is None else len(self._library.index())

    def dataset(self, article_id: str) -> Dataset:
        """One article, whole (read from the library once, then kept)."""
        if article_id not in self._datasets:
            self._datasets[article_id] = self._lib().get(article_id)
        return self._datasets[article_id]

    def speaker_name(self, sentence: Sentence) -> str | None:
        """Who says ``sentence`` (None for narration), without reading its whole article."""
        if sentence.speaker_id is None:
            return None
        if self._dataset is not None:
            return self._dataset.speaker(sentence.speaker_id).name
        known = self._known_speakers().get(sentence.speaker_id)
        return (
            known.name
            if known is not None
            else self.dataset(sentence.article_id).speaker(sentence.speaker_id).name
        )

    def _known_speakers(self) -> dict[str, Speaker]:
        """Every speaker of the library by index id, read once (none for one article)."""
        if self._speakers is None:
            speakers = self._lib().speakers() if self._opened_library() else []
            self._speakers = {s.id: s for s in speakers}
        return self._speakers

    # -- search ----------------------------------------------------------------------------

    def search(self, query: str, scope: Scope | None = None) -> Found:
        """The hits for ``query`` in ``scope``, as ``cstocli search`` finds them.

        An empty query lists the sentences in source order (what a reader browses before
        typing), except over the whole library, where there are too many to list.
        A query that reads as one already answered ("word" and "word ", or a word
        erased and typed again) gets the same answer without searching again, as long as
        the library is unchanged.
        """
        scope = scope or Scope()
        speakers = None if scope.speaker_id is None else frozenset({scope.speaker_id})
        one = self._dataset.id if self._dataset is not None else scope.article_id
        parsed = parse_query(query)
        if parsed.empty:
            if one is None:
                return Found(query, [], 0)
            return _listing(query, self._index(one), speakers)
        if one is not None:
            store: SentenceStore = self._index(one)
        elif self._opened_library():
            store = self._library_index()
        else:
            return Found(query, [], 0)
        asked = (parsed.units, scope)
        found = self._answers.get(asked)
        if found is None:
            found = engine.run(store, parsed, speaker_ids=speakers, limit=SHOWN)
            if len(self._answers) >= REMEMBERED:
                del self._answers[next(iter(self._answers))]  # the oldest
        self._answers[asked] = self._answers.pop(asked, found)  # now the newest
        return Found(query, found.hits, found.total)

    def _library_index(self) -> LibraryIndex:
        """The library's index, kept from keystroke to keystroke while nobody writes to it.

        It keeps what it read (``LibraryIndex``): the posting lists of the words typed
        so far, the articles' texts the last keystroke re-ranked. If another process
        imported or removed articles meanwhile, the next keystroke reads it all afresh.
        """
        if self._store is None or not self._store.current():
            self._store = self._lib().index()
            self._answers.clear()
        return self._store

    def _index(self, article_id: str) -> MemoryIndex:
        if article_id not in self._indexes:
            self._indexes[article_id] = build_index(self.dataset(article_id))
        return self._indexes[article_id]

    # -- the views ---------------------------------------------------------------------------

    def speakers(self) -> list[SpeakerRow]:
        """Everyone quoted, with their counts (across the library for ``--all``)."""
        if self._dataset is not None:
            return [
                SpeakerRow(row.speaker, 1, row.quotes, row.words)
                for row in summary.speaker_summaries(self._dataset)
            ]
        if self._library is None and not self._opened_library():
            return []
        return [
            SpeakerRow(t.speaker, t.articles, t.quotes, t.words)
            for t in self._lib().speaker_totals()
        ]

    def figures(self) -> list[tuple[str, Figure]]:
        """Every figure with its article's id, in source order."""
        if self._dataset is not None:
            return [(self._dataset.id, f) for f in self._dataset.figures]
        return self._lib().figures() if self._opened_library() else []

    def articles(self) -> list[ArticleSummary]:
        """Every article of the library, in import order (none for one article)."""
        if self._dataset is not None or not self._opened_library():
            return []
        return self._lib().summaries()

    def figure_hit(self, article_id: str, figure: Figure) -> Hit:
        """The sentence a figure is read from, as a hit with the figure's words highlighted."""
        for sentence in self._index(article_id).sentences:
            if sentence.span[0] <= figure.span[0] < sentence.span[1]:
                phrase = tuple(text.words(figure.text))
                return Hit(sentence, 0.0, 1, 1, 0, frozenset(), (phrase,) if phrase else ())
        raise LookupError(f"{article_id}: figure {figure.id} stands in no sentence")

    def _opened_library(self) -> bool:
        self.open()
        return self._library is not None

    def _lib(self) -> Library:
        self.open()
        if self._library is None:
            from cstocli.library.access import EmptyLibraryError  # noqa: PLC0415

            raise EmptyLibraryError(self._library_path or Path("library"))
        return self._library


def _listing(query: str, index: MemoryIndex, speakers: frozenset[str] | None) -> Found:
    """Every sentence of one article in source order, as hits without highlights."""
    if speakers is None:
        chosen: Sequence[Sentence] = index.sentences
    else:
        chosen = [index.sentences[i] for s in speakers for i in index.sentences_by(s)]
    hits = [Hit(s, 0.0, 0, 0, 0, frozenset(), ()) for s in chosen[:SHOWN]]
    return Found(query, hits, len(chosen))


# -- citing ------------------------------------------------------------------------------------


def citation(dataset: Dataset, passage_id: str) -> str:
    """The line under a quote: who, in what role, where, when and which lines.

    The same words as ``cstocli show`` and ``cstocli cite`` give (``views.citation``).
    """
    passage = dataset.passage(passage_id)
    assert passage is not None  # hits and figures come from the dataset's passages
    return citation_line(cite(dataset, passage))


def quote_with_citation(dataset: Dataset, sentence: Sentence) -> str:
    """What ``y`` copies: the sentence exactly as written, then its citation line."""
    return f"\u201c{sentence.text}\u201d\n{citation(dataset, sentence.passage_id)}"


# -- one thread for the source -----------------------------------------------------------------


class SessionThread:
    """Runs every call on a session on one thread, the one its library connection lives on.

    The app never waits on it: it awaits the returned futures. A search queued behind
    another is cancelled if a newer keystroke supersedes it before it starts.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cstocli-browse")

    def submit(self, call: Callable[[Session], _T]) -> Future[_T]:
        """Run ``call(session)`` on the session's thread."""
        return self._pool.submit(call, self.session)

    def run(self, call: Callable[[Session], _T]) -> _T:
        """Run ``call(session)`` on the session's thread and wait for its answer."""
        return self.submit(call).result()

    def shutdown(self) -> None:
        """Close the session on its thread and stop the thread."""
        self.submit(Session.close).result()
        self._pool.shutdown(wait=True, cancel_futures=True)
