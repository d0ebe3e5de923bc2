"""Writing the library: storing, replacing and removing articles, and exporting them.

Every write is one ``BEGIN IMMEDIATE`` transaction: a failure leaves nothing behind,
and two writers queue instead of failing half-way. Rows go in with ``executemany`` and
the search index is updated once per batch (``index.IndexBatch``).
"""

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from cstocli.library.errors import LibraryError, translate_errors
from cstocli.library.index import IndexBatch, unindex
from cstocli.library.originals import Original, keep_original, read_original
from cstocli.library.reading import ArticleSummary, article_key
from cstocli.library.rows import PreparedArticle, prepare
from cstocli.model import Dataset


class StoreResult(NamedTuple):
    """What ``store`` did with one dataset."""

    id: str
    """The id the article has in the library."""
    added: bool
    """False when the same content was already stored (nothing changed)."""
    summary: ArticleSummary | None = None
    """The new article's summary (None when nothing was added: ask ``Library.summary``)."""


class LibraryWriter:
    """The writing methods of ``Library``."""

    _conn: sqlite3.Connection
    path: Path

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock up front: a deferred transaction that upgrades
        # later can fail with SQLITE_BUSY at once, busy timeout or not.
        with translate_errors(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                # SQLite has already rolled back after some errors (a full disk): a second
                # ROLLBACK would fail and hide the real cause.
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def store(self, article: Dataset | PreparedArticle) -> StoreResult:
        """Store one article in one transaction; the same content again changes nothing."""
        return self.store_many([article])[0]

    def store_many(self, articles: Iterable[Dataset | PreparedArticle]) -> list[StoreResult]:
        """Store many articles in ONE transaction (all or nothing): the bulk import path.

        ``articles`` may be a lazy iterable of ``prepare``d articles made by worker
        processes: this process then only writes rows.
        """
        with self._write() as conn:
            # One index batch: the FTS rows, vocabulary and totals are written once, at the end.
            batch = IndexBatch(conn)
            results = [_store(conn, _prepared(a), batch) for a in articles]
            batch.finish()
            return results

    def store_each(self, articles: Sequence[PreparedArticle]) -> list[StoreResult | LibraryError]:
        """Store articles in one transaction; one that breaks a constraint is refused alone.

        An article that breaks a constraint comes back as a ``LibraryError`` in its place;
        the others are stored. Any other failure (disk full, a lock held too long) rolls
        back the whole call and raises.

        The articles are first stored as one batch under one savepoint, and only when one
        of them breaks a constraint again, each under its own: every savepoint makes FTS5
        write out the index rows it holds in memory, which cost a third of the store.
        """
        with self._write() as conn:
            conn.execute("SAVEPOINT articles")
            try:
                batch = IndexBatch(conn)
                results: list[StoreResult | LibraryError] = [
                    _store(conn, article, batch) for article in articles
                ]
                batch.finish()
            except sqlite3.IntegrityError:
                conn.execute("ROLLBACK TO articles")
                results = self._store_apart(conn, articles)
            conn.execute("RELEASE articles")
        return results

    def _store_apart(
        self, conn: sqlite3.Connection, articles: Sequence[PreparedArticle]
    ) -> list[StoreResult | LibraryError]:
        """Store each article under its own savepoint (see ``store_each``)."""
        results: list[StoreResult | LibraryError] = []
        batch = IndexBatch(conn)
        for article in articles:
            conn.execute("SAVEPOINT article")
            try:
                results.append(_store(conn, article, batch))
            except sqlite3.IntegrityError as err:
                # _store feeds the batch only after all its rows went in, so
                # rolling back the rows is enough.
                conn.execute("ROLLBACK TO article")
                results.append(LibraryError(self.path, f"{article.file}: {err}"))
            conn.execute("RELEASE article")
        batch.finish()
        return results

    def replace(self, ds: Dataset, original: Original | None = None) -> StoreResult:
        """Store a corrected dataset over the stored article with the same source text.

        The stored article's original (its web page) is kept unless ``original`` is given.
        """
        with self._write() as conn:
            row = conn.execute(
                "SELECT key, id FROM articles WHERE sha256 = ?", (ds.source.sha256,)
            ).fetchone()
            if row is not None:
                # The same source text: the page it was extracted from still holds.
                original = original or read_original(conn, row[0])
                _delete(conn, row[0])
                ds = replace_id(ds, row[1])
            batch = IndexBatch(conn)
            result = _store(conn, prepare(ds), batch)
            batch.finish()
            if original is not None:
                keep_original(conn, article_key(conn, self.path, result.id), original)
            return result

    def store_page(self, ds: Dataset, original: Original) -> StoreResult:
        """Store a web article and the page it was read from, in one transaction.

        The same text again changes nothing, its first original included.
        """
        with self._write() as conn:
            batch = IndexBatch(conn)
            result = _store(conn, prepare(ds), batch)
            batch.finish()
            if result.added:
                keep_original(conn, article_key(conn, self.path, result.id), original)
            return result

    def remove(self, article_ids: Sequence[str]) -> None:
        """Remove the articles (all of them, or none when one id is unknown).

        An id given twice (a shell glob, a pasted list) is removed once.
        """
        with self._write() as conn:
            keys = [article_key(conn, self.path, article_id) for article_id in article_ids]
            for key in dict.fromkeys(keys):
                _delete(conn, key)


def replace_id(ds: Dataset, new_id: str) -> Dataset:
    """Return the same dataset under another article id."""
    return ds._replace(id=new_id)


def _prepared(article: Dataset | PreparedArticle) -> PreparedArticle:
    return article if isinstance(article, PreparedArticle) else prepare(article)


def _store(conn: sqlite3.Connection, article: PreparedArticle, batch: IndexBatch) -> StoreResult:
    existing = conn.execute("SELECT id FROM articles WHERE sha256 = ?", (article.sha256,))
    found = existing.fetchone()
    if found is not None:
        return StoreResult(found[0], added=False)
    article_id = _free_id(conn, article.id)
    imported_at = datetime.now(UTC).isoformat(timespec="seconds")
    key = conn.execute(
        "INSERT INTO articles (id, sha256, title, file, imported_at, dataset, source_text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            article.sha256,
            article.title,
            article.file,
            imported_at,
            article.dataset,
            article.source,
        ),
    ).lastrowid
    assert key is not None  # an INSERT into a rowid table always sets it
    conn.executemany(
        "INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(key, *r) for r in article.speakers],
    )
    conn.executemany(
        "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?)", [(key, *r) for r in article.passages]
    )
    conn.executemany(
        "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(key, *r) for r in article.figures],
    )
    batch.add(key, article)
    summary = ArticleSummary(
        id=article_id,
        title=article.title,
        file=article.file,
        sha256=article.sha256,
        imported_at=imported_at,
        speakers=len(article.speakers),
        quotes=sum(row[1] == "quote" for row in article.passages),
        figures=len(article.figures),
        sentences=len(article.sentences),
    )
    return StoreResult(article_id, added=True, summary=summary)


def _free_id(conn: sqlite3.Connection, wanted: str) -> str:
    # Two different articles may slug to the same id: the later one gets "-2", "-3"...
    candidate, n = wanted, 1
    while conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


def _delete(conn: sqlite3.Connection, key: int) -> None:
    unindex(conn, key)
    # ON DELETE CASCADE removes its speakers, passages, figures and sentences.
    conn.execute("DELETE FROM articles WHERE key = ?", (key,))
