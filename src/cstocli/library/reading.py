"""Reading the library: article summaries, stored datasets, speakers and figures.

``LibraryReader`` holds the read-only half of ``Library`` (see ``database``); every
query names the file in the ``LibraryError`` it raises.
"""

import difflib
import sqlite3
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from cstocli.dataset import files as dataset_io
from cstocli.library.errors import LibraryError, translate_errors
from cstocli.library.index import LibraryIndex
from cstocli.library.originals import Original, read_original
from cstocli.library.rows import figure_from_row, speaker_from_row, unpack_dataset, unpack_text
from cstocli.model import Dataset, Figure, Speaker


class ArticleSummary(NamedTuple):
    """One stored article, as ``library list`` shows it."""

    id: str
    """The article's id in the library (unique; the dataset's ``id``)."""
    title: str
    """The headline."""
    file: str
    """The source file name the article was imported from."""
    sha256: str
    """Hex SHA-256 of the source text; re-importing the same content is a no-op."""
    imported_at: str
    """When it was stored, ISO 8601 UTC."""
    speakers: int
    """How many speakers are quoted."""
    quotes: int
    """How many quote passages it has."""
    figures: int
    """How many figures it states."""
    sentences: int
    """How many sentences the search index holds for it."""


class SpeakerTotal(NamedTuple):
    """A speaker and how much they say across the library (``speakers --all``)."""

    speaker: Speaker
    """Who (as first imported)."""
    articles: int
    """In how many articles they are quoted."""
    quotes: int
    """How many quotes they give, all articles together."""
    words: int
    """Words spoken across all their quotes (labels not counted)."""
    article: str | None = None
    """The id of their one article when they are quoted in one only, else None."""


class LibraryReader:
    """The reading methods of ``Library``."""

    _conn: sqlite3.Connection
    path: Path

    def summaries(self) -> list[ArticleSummary]:
        """Every stored article, in import order."""
        with translate_errors(self.path):
            rows = self._conn.execute(_SUMMARY_SQL + " ORDER BY a.key").fetchall()
        return [ArticleSummary(*row) for row in rows]

    def summary(self, article_id: str) -> ArticleSummary:
        """One stored article's summary; ``LibraryError`` if there is no such id."""
        key = article_key(self._conn, self.path, article_id)
        with translate_errors(self.path):
            row = self._conn.execute(_SUMMARY_SQL + " WHERE a.key = ?", (key,)).fetchone()
        return ArticleSummary(*row)

    def ids(self) -> list[str]:
        """Return the ids of every stored article, in import order."""
        return article_ids(self._conn, self.path)

    def get(self, article_id: str) -> Dataset:
        """Return the stored article as a ``Dataset``, source text included."""
        key = article_key(self._conn, self.path, article_id)
        with translate_errors(self.path):
            stored, packed = self._conn.execute(
                "SELECT dataset, source_text FROM articles WHERE key = ?", (key,)
            ).fetchone()
        # The id column is the truth: a clash on import may have given it a "-2" suffix.
        try:
            source_text = unpack_text(packed)
            obj = {**unpack_dataset(stored, source_text), "id": article_id}
        except (ValueError, LookupError, TypeError, AttributeError, zlib.error) as err:
            problem = f"article {article_id!a} is damaged (its stored JSON: {err!s:.80})"
            raise LibraryError(self.path, problem) from None
        return dataset_io.dataset_from_json(obj, source_text, file=f"{self.path} [{article_id}]")

    def original(self, article_id: str) -> Original | None:
        """The page the article was extracted from, or None (imported from text)."""
        key = article_key(self._conn, self.path, article_id)
        with translate_errors(self.path):
            return read_original(self._conn, key)

    def index(self) -> LibraryIndex:
        """Return the sentence index of the whole library (a ``store.SentenceStore``)."""
        return LibraryIndex(self._conn, self.path)

    def speakers(self) -> list[Speaker]:
        """Return every speaker id in the library once (first import wins), as indexed.

        Unlike ``speaker_totals`` this keeps the ids the search index uses, so that
        ``--speaker`` can filter hits across articles.
        """
        with translate_errors(self.path):
            rows = self._conn.execute(
                "SELECT id, name, role, affiliation, aliases, min(article) AS first"
                " FROM speakers GROUP BY id ORDER BY first, id"
            ).fetchall()
        return [speaker_from_row(row[:5]) for row in rows]

    def figures(self) -> list[tuple[str, Figure]]:
        """Return every figure in the library with its article's id, in source order."""
        with translate_errors(self.path):
            rows = self._conn.execute(
                "SELECT a.id, f.id, f.label, f.value, f.unit, f.qualifier, f.text, f.start,"
                " f.end, f.passage_id, f.period, f.topic, f.places, f.as_written"
                " FROM figures f JOIN articles a ON a.key = f.article ORDER BY f.article, f.start"
            ).fetchall()
        return [(row[0], figure_from_row(row[1:])) for row in rows]

    def speaker_totals(self) -> list[SpeakerTotal]:
        """Return every speaker once, with what they say across the whole library.

        A full name (two words or more) is one person across articles: the same slug in
        two articles is taken as the same person (name, role and aliases as first
        imported). A one-word name ("Interviewer", "Okafor") says too little to join
        articles, and a placeholder ("Speaker 1", "Unidentified Male") names nobody in
        particular, so such a speaker stays per article, with the id ``ARTICLE/SPEAKER``.
        """
        with translate_errors(self.path):
            # SQLite takes the bare columns from the row that has the min(article).
            rows = self._conn.execute(_SPEAKER_TOTALS_SQL).fetchall()
        return [SpeakerTotal(speaker_from_row(row[:5]), *row[6:]) for row in rows]


def article_ids(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Return the ids of every stored article, in import order."""
    with translate_errors(path):
        return [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY key")]


def article_key(conn: sqlite3.Connection, path: Path, article_id: str) -> int:
    """Return the row key of an article; ``LibraryError`` (with a suggestion) if unknown."""
    with translate_errors(path):
        row = conn.execute("SELECT key FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise LibraryError(path, _unknown_id_problem(article_id, article_ids(conn, path)))
    return int(row[0])


def _unknown_id_problem(article_id: str, known: Sequence[str]) -> str:
    # Compared case-folded: 'NEWS1' is a mistyped 'news1', whatever difflib makes of case.
    folded = {k.casefold(): k for k in reversed(known)}
    close = [folded[k] for k in difflib.get_close_matches(article_id.casefold(), folded, 3, 0.5)]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"no article with id {article_id!r} in this library{hint}"


_SPEAKER_TOTALS_SQL = """
SELECT CASE WHEN instr(trim(s.name), ' ') > 0 AND NOT is_placeholder(s.name)
            THEN s.id ELSE a.id || '/' || s.id END AS who,
       s.name, s.role, s.affiliation, s.aliases, min(s.article) AS first,
       count(*), sum(s.quotes), sum(s.words),
       CASE WHEN count(*) = 1 THEN max(a.id) END
FROM speakers s JOIN articles a ON a.key = s.article
GROUP BY who ORDER BY first, who
"""

_SUMMARY_SQL = """
SELECT a.id, a.title, a.file, a.sha256, a.imported_at,
       (SELECT count(*) FROM speakers s WHERE s.article = a.key),
       (SELECT count(*) FROM passages p WHERE p.article = a.key AND p.kind = 'quote'),
       (SELECT count(*) FROM figures f WHERE f.article = a.key),
       (SELECT count(*) FROM sentences t WHERE t.article = a.key)
FROM articles a
"""
