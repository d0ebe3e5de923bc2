"""The library as a source: what ``--article ID`` and ``--all`` read.

``read_library`` is also how the ``library`` commands read it, without creating it.

The library (sqlite3) is imported on first use, so that only those flags pay for it.
An ``--all`` over a library that is missing or empty is ``EmptyLibraryError`` (exit 1).
"""

# ruff: noqa: PLC0415 - the library (sqlite3) is imported on use (see above).

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from cstocli.errors import EXIT_NO_MATCH, CstocliError

if TYPE_CHECKING:
    from cstocli.library import Library, SpeakerTotal
    from cstocli.model import Dataset, Figure
    from cstocli.search.engine import Hit

_T = TypeVar("_T")


class LibraryHits(NamedTuple):
    """A search over every article of the library, ready for ``cli`` to print."""

    shown: list[Hit]
    """The hits to show, best first: the first ``limit``, all when the limit is 0.
    ``hit.sentence.article_id`` names each one's article."""
    total: int
    """How many sentences match in all, shown or not (for "showing N of M")."""
    datasets: dict[str, Dataset]
    """The article of each shown hit, by id, for its passage and speaker."""


def search_library(
    query: str,
    *,
    speaker: str | Sequence[str] | None = None,
    limit: int = 10,
    library_path: Path | None = None,
) -> LibraryHits:
    """Search every article of the library (``cstocli search --all``).

    ``speaker`` (one name, or several: any of them) is matched fuzzily over the
    library's speakers; an unknown name is a
    ``UsageError`` suggesting the closest ones. Only the articles of the shown hits
    are loaded.
    """
    from cstocli import summary
    from cstocli.search import engine

    def run(lib: Library) -> LibraryHits:
        names = [speaker] if isinstance(speaker, str) else list(speaker or ())
        speaker_ids = None
        if names:
            speaker_ids = summary.any_speaker_ids(lib.speakers(), names, where=" in the library")
        # Only the shown hits fetch their sentence: a common word matches a large
        # share of the library, and building every hit cost ~10 us each.
        found = engine.find(lib.index(), query, speaker_ids=speaker_ids, limit=limit or None)
        if not found.total and not lib.ids():
            raise EmptyLibraryError(lib.path)
        articles = dict.fromkeys(h.sentence.article_id for h in found.hits)
        return LibraryHits(found.hits, found.total, {a: lib.get(a) for a in articles})

    return _read_all(library_path, run)


def read_library(
    library_path: Path | None, query: Callable[[Library], _T], *, missing: _T | None = None
) -> _T:
    """Run ``query(lib)`` on the library without creating it; ``missing`` if there is none."""
    from cstocli.library import default_path, open_library

    path = library_path if library_path is not None else default_path()
    if missing is not None and not path.exists():
        return missing
    with open_library(path, create=False, write=False) as lib:
        return query(lib)


class EmptyLibraryError(CstocliError):
    """``--all`` over a library that is missing or holds no article: nothing to show."""

    exit_code = EXIT_NO_MATCH

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path}: the library has no articles yet; add some with: cstocli import FILE"
        )


def _read_all(library_path: Path | None, query: Callable[[Library], _T]) -> _T:
    """Run ``query(lib)`` over a library that must exist (else ``EmptyLibraryError``)."""
    from cstocli.library import default_path

    path = library_path if library_path is not None else default_path()
    if not path.exists():
        raise EmptyLibraryError(path)
    return read_library(path, query)


def read_article(article_id: str, library_path: Path | None = None) -> Dataset:
    """One article of the library, for ``--article ID`` (unknown id: the close ids named)."""
    return read_library(library_path, lambda lib: lib.get(article_id))


def speaker_totals(library_path: Path | None = None) -> list[SpeakerTotal]:
    """Every speaker of the library with their totals, for ``speakers --all``."""

    def run(lib: Library) -> list[SpeakerTotal]:
        totals = lib.speaker_totals()
        if not totals:  # every stored article has a speaker: no speaker, no article
            raise EmptyLibraryError(lib.path)
        return totals

    return _read_all(library_path, run)


def library_stats(
    library_path: Path | None = None,
) -> tuple[list[tuple[str, Figure]], list[SpeakerTotal]]:
    """Every figure with its article's id, and every speaker's totals, for ``stats --all``."""

    def run(lib: Library) -> tuple[list[tuple[str, Figure]], list[SpeakerTotal]]:
        totals = lib.speaker_totals()
        if not totals:
            raise EmptyLibraryError(lib.path)
        return lib.figures(), totals

    return _read_all(library_path, run)


def all_articles(library_path: Path | None = None) -> list[Dataset]:
    """Every article of the library, in import order, for ``facts --all``."""

    def run(lib: Library) -> list[Dataset]:
        ids = lib.ids()
        if not ids:
            raise EmptyLibraryError(lib.path)
        return [lib.get(i) for i in ids]

    return _read_all(library_path, run)
