"""The library's search index: sentences in SQLite and FTS5, kept and read.

``IndexBatch`` and ``unindex`` keep the index tables (``sentences``, ``sentences_fts``,
``vocabulary``, ``speaker_words``, ``totals``; see ``schema``) in step with the stored
articles. ``LibraryIndex`` is the ``store.SentenceStore`` that ``search`` plans against:
a search over a million sentences reads only the few pages it needs.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from cstocli.library.errors import LibraryError, library_error, translate_errors
from cstocli.library.rows import PreparedArticle, speaker_from_row, speaker_word_pairs
from cstocli.search.store import Sentence


class IndexBatch:
    """Index the sentences of articles stored in one transaction, in bulk.

    Sentence rows go in as each article is added; the FTS rows, the vocabulary counts,
    the speaker words and the totals are written once by ``finish``, so a bulk import
    makes one FTS insert and one vocabulary upsert instead of one per article.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._first = conn.execute("SELECT coalesce(max(key), 0) + 1 FROM sentences").fetchone()[0]
        self._df: Counter[str] = Counter()
        self._speaker_pairs: Counter[tuple[str, str]] = Counter()
        self._sentences = 0
        self._words = 0

    def add(self, key: int, article: PreparedArticle) -> None:
        """Insert the article's sentence rows; remember its counts for ``finish``."""
        self._conn.executemany(
            "INSERT INTO sentences (article, passage_id, speaker_id, paragraph, start, end, terms)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(key, *row) for row in article.sentences],
        )
        self._df.update(article.sentence_terms)
        self._speaker_pairs.update(article.speaker_pairs)
        self._sentences += len(article.sentences)
        self._words += article.words

    def finish(self) -> None:
        """Write the FTS rows, vocabulary, speaker words and totals of everything added."""
        conn = self._conn
        # After the rows, in one statement: FTS5 builds its segments in memory.
        conn.execute(
            "INSERT INTO sentences_fts (rowid, terms) SELECT key, terms FROM sentences"
            " WHERE key >= ?",
            (self._first,),
        )
        conn.executemany(
            "INSERT INTO vocabulary (term, length, sentences) VALUES (?, ?, ?)"
            " ON CONFLICT (term) DO UPDATE SET sentences = sentences + excluded.sentences",
            ((term, len(term), n) for term, n in self._df.items()),
        )
        conn.executemany(
            "INSERT INTO speaker_words (word, speaker_id, articles) VALUES (?, ?, ?)"
            " ON CONFLICT (word, speaker_id) DO UPDATE SET articles = articles + excluded.articles",
            ((word, speaker_id, n) for (word, speaker_id), n in self._speaker_pairs.items()),
        )
        conn.execute(
            "UPDATE totals SET sentences = sentences + ?, words = words + ?",
            (self._sentences, self._words),
        )


def unindex(conn: sqlite3.Connection, key: int) -> None:
    """Take one article's sentences out of FTS5, the vocabulary, speaker words and totals.

    Its own rows stay: deleting the article (``ON DELETE CASCADE``) removes them after.
    """
    df: Counter[str] = Counter()
    sentences = words = 0
    for (terms,) in conn.execute("SELECT terms FROM sentences WHERE article = ?", (key,)):
        found = terms.split()
        df.update(set(found))
        sentences += 1
        words += len(found)
    # External-content FTS5 forgets a row only when told the exact terms it indexed.
    conn.execute(
        "INSERT INTO sentences_fts (sentences_fts, rowid, terms)"
        " SELECT 'delete', key, terms FROM sentences WHERE article = ?",
        (key,),
    )
    conn.executemany(
        "UPDATE vocabulary SET sentences = sentences - ? WHERE term = ?",
        [(n, term) for term, n in df.items()],
    )
    conn.execute("DELETE FROM vocabulary WHERE sentences <= 0")
    speakers = [
        speaker_from_row(row)
        for row in conn.execute(
            "SELECT id, name, role, affiliation, aliases FROM speakers WHERE article = ?", (key,)
        )
    ]
    pairs = frozenset().union(*(speaker_word_pairs(s) for s in speakers))
    conn.executemany(
        "UPDATE speaker_words SET articles = articles - 1 WHERE word = ? AND speaker_id = ?",
        pairs,
    )
    conn.execute("DELETE FROM speaker_words WHERE articles <= 0")
    conn.execute(
        "UPDATE totals SET sentences = sentences - ?, words = words - ?", (sentences, words)
    )


class LibraryIndex:
    """The library's sentences as a ``store.SentenceStore``, read from SQLite on demand.

    Only what a query touches is read: vocabulary rows of the right lengths, the posting
    lists of the expanded terms (from FTS5), and the sentences ranked or shown. Sentence
    ids are the ``sentences.key`` column: ascending in import order, then source order.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path
        self._frequency: dict[str, int] = {}
        self._postings: dict[str, list[int]] = {}
        self._speaker_words: dict[str, frozenset[str]] | None = None
        with translate_errors(path):
            self._count, words = conn.execute("SELECT sentences, words FROM totals").fetchone()
        self._average = words / self._count if self._count else 0.0

    def __len__(self) -> int:
        return int(self._count)

    @property
    def average_length(self) -> float:
        """Mean number of words per sentence."""
        return self._average

    def terms(self, min_length: int, max_length: int) -> list[str]:
        """Return every indexed word whose length lies in ``[min_length, max_length]``."""
        return self._column(
            "SELECT term FROM vocabulary WHERE length BETWEEN ? AND ?", (min_length, max_length)
        )

    def terms_with_prefix(self, prefix: str) -> list[str]:
        """Return every indexed word that starts with ``prefix``."""
        if not prefix:
            return self._column("SELECT term FROM vocabulary", ())
        # A range over the primary key, not LIKE: LIKE folds case and skips the index.
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return self._column(
            "SELECT term FROM vocabulary WHERE term >= ? AND term < ?", (prefix, upper)
        )

    def frequency(self, term: str) -> int:
        """Return how many sentences contain ``term``."""
        if term not in self._frequency:
            found = self._column("SELECT sentences FROM vocabulary WHERE term = ?", (term,))
            self._frequency[term] = int(found[0]) if found else 0
        return self._frequency[term]

    def postings(self, term: str) -> list[int]:
        """Return the ids of the sentences that contain ``term``, ascending."""
        if term not in self._postings:
            self._postings[term] = (
                self._column(
                    "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid",
                    (_fts_phrase(term),),
                )
                if self.frequency(term)
                else []
            )
        return self._postings[term]

    def tokens(self, sentence_id: int) -> list[str]:
        """Return the folded words of one sentence, in order."""
        found = self._column("SELECT terms FROM sentences WHERE key = ?", (sentence_id,))
        return str(found[0]).split() if found else []

    def sentence(self, sentence_id: int) -> Sentence:
        """Return the sentence with this id."""
        # Called once per hit, so kept lean: no context manager, positional fields.
        try:
            row = self._conn.execute(_SENTENCE_SQL, (sentence_id,)).fetchone()
        except sqlite3.DatabaseError as err:
            raise library_error(self._path, err) from None
        if row is None:
            raise LibraryError(self._path, f"no sentence {sentence_id} (removed meanwhile?)")
        passage_id, paragraph, speaker_id, sentence_text, start, end, article_id = row
        return Sentence(
            passage_id, paragraph, speaker_id, sentence_text, (start, end), sentence_id, article_id
        )

    def speaker_words(self) -> dict[str, frozenset[str]]:
        """Return each folded word of speakers' names, roles and aliases -> speaker ids."""
        if self._speaker_words is None:
            grouped: dict[str, set[str]] = {}
            with translate_errors(self._path):
                for word, speaker_id in self._conn.execute(
                    "SELECT word, speaker_id FROM speaker_words"
                ):
                    grouped.setdefault(word, set()).add(speaker_id)
            self._speaker_words = {word: frozenset(ids) for word, ids in grouped.items()}
        return self._speaker_words

    def sentences_by(self, speaker_id: str) -> list[int]:
        """Return the ids of the sentences a speaker says, ascending."""
        return self._column(
            "SELECT key FROM sentences WHERE speaker_id = ? ORDER BY key", (speaker_id,)
        )

    def _column(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        with translate_errors(self._path):
            return [row[0] for row in self._conn.execute(sql, args)]


# A sentence's text is not stored twice: it is cut from its article's source text.
_SENTENCE_SQL = (
    "SELECT s.passage_id, s.paragraph, s.speaker_id,"
    " substr(a.source_text, s.start + 1, s.end - s.start), s.start, s.end, a.id"
    " FROM sentences s JOIN articles a ON a.key = s.article WHERE s.key = ?"
)


def _fts_phrase(term: str) -> str:
    # A quoted FTS5 string, so FTS5 splits the term exactly as it split the indexed terms.
    return '"' + term.replace('"', '""') + '"'
