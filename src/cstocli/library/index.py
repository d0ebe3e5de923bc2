"""The library's search index: sentences in SQLite and FTS5, kept and read.

``IndexBatch`` and ``unindex`` keep the index tables (``sentences``, ``sentences_fts``,
``vocabulary``, ``speaker_words``, ``totals``; see ``schema``) in step with the stored
articles. ``LibraryIndex`` is the ``store.SentenceStore`` that ``search`` plans against:
a search over a million sentences reads only the few pages it needs.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from cstocli import text
from cstocli.library import neighbours
from cstocli.library.errors import library_error, translate_errors
from cstocli.library.rows import (
    PreparedArticle,
    fts_text,
    speaker_from_row,
    speaker_token,
    speaker_word_pairs,
    unpack_text,
)
from cstocli.library.sentences import SentenceTexts
from cstocli.search.store import Sentence

NEAR_HELD = 256
"""Words whose typo neighbours an index keeps: a query's first words, looked up again at
every key of the next word."""
POSTINGS_HELD = 500_000
"""Sentence ids of posting lists an index keeps (~20 MB): ``browse`` keeps one index for
its keystrokes, and "tiongati pro" reads again the lists "tiongati pr" read."""


class IndexBatch:
    """Index the sentences of articles stored in one transaction, in bulk.

    Sentence rows and their FTS rows go in as each article is added (the FTS table holds
    no copy of the text: it is contentless); the vocabulary counts, the speaker words and
    the totals are written once by ``finish``, so a bulk import makes one vocabulary
    upsert instead of one per article.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        # Keys are handed out here, so the FTS rows can name them without reading back.
        self._next = conn.execute("SELECT coalesce(max(key), 0) + 1 FROM sentences").fetchone()[0]
        self._df: Counter[str] = Counter()
        self._speaker_pairs: Counter[tuple[str, str]] = Counter()
        self._sentences = 0
        self._words = 0

    def add(self, key: int, article: PreparedArticle) -> None:
        """Insert the article's sentence and FTS rows; remember its counts for ``finish``."""
        first = self._next
        self._next += len(article.sentences)
        self._conn.executemany(
            "INSERT INTO sentences (key, article, passage_id, paragraph, start, end)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(first + n, key, row[0], *row[2:5]) for n, row in enumerate(article.sentences)],
        )
        self._conn.executemany(
            "INSERT INTO sentences_fts (rowid, terms) VALUES (?, ?)",
            [(first + n, row[5]) for n, row in enumerate(article.sentences)],
        )
        self._df.update(article.sentence_terms)
        self._speaker_pairs.update(article.speaker_pairs)
        self._sentences += len(article.sentences)
        self._words += article.words

    def finish(self) -> None:
        """Write the vocabulary, speaker words and totals of everything added."""
        conn = self._conn
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
    removed = []
    words = 0
    (packed,) = conn.execute("SELECT source_text FROM articles WHERE key = ?", (key,)).fetchone()
    source = unpack_text(packed)
    for sentence_key, speaker_id, start, end in conn.execute(
        "SELECT s.key, p.speaker_id, s.start, s.end FROM sentences s JOIN passages p"
        " ON p.article = s.article AND p.id = s.passage_id WHERE s.article = ?",
        (key,),
    ):
        # The terms FTS5 indexed, found again: the text is what ``prepare`` read (the
        # dataset reader proves every paragraph is its source span), folded the same way.
        found = text.words(source[start:end])
        df.update(set(found))
        words += len(found)
        removed.append((sentence_key, fts_text(found, speaker_id)))
    # A contentless FTS5 table forgets a row only when told the exact terms it indexed.
    conn.executemany(
        "INSERT INTO sentences_fts (sentences_fts, rowid, terms) VALUES ('delete', ?, ?)",
        removed,
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
        "UPDATE totals SET sentences = sentences - ?, words = words - ?", (len(removed), words)
    )


class LibraryIndex:
    """The library's sentences as a ``store.SentenceStore``, read from SQLite on demand.

    Only what a query touches is read: vocabulary rows of the right lengths, the posting
    lists of the expanded terms (from FTS5), and the sentences ranked or shown. Sentence
    ids are the ``sentences.key`` column: ascending in import order, then source order.

    What it read is kept for the next query (frequencies, speaker words, the latest
    ``POSTINGS_HELD`` posting lists' ids, some articles' texts), which is right only while
    nobody else writes to the library: ``current`` says whether that is still so.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path
        self._frequency: dict[str, int] = {}
        self._postings: dict[str, list[int]] = {}
        self._near: dict[tuple[str, int], list[str] | None] = {}
        self._held = 0
        """How many ids ``_postings`` holds."""
        self._speaker_words: dict[str, frozenset[str]] | None = None
        self._texts = SentenceTexts(conn, path)
        self._json: bool | None = None
        with translate_errors(path):
            self._version = _data_version(conn)
            self._count, words = conn.execute("SELECT sentences, words FROM totals").fetchone()
        self._average = words / self._count if self._count else 0.0

    def __len__(self) -> int:
        return int(self._count)

    @property
    def average_length(self) -> float:
        """Mean number of words per sentence."""
        return self._average

    def current(self) -> bool:
        """Whether the library is as this index first read it (no other connection wrote).

        SQLite's ``data_version`` changes when another connection commits; reading it
        costs a few microseconds, so a long-lived reader can ask before every query.
        """
        with translate_errors(self._path):
            return _data_version(self._conn) == self._version

    def terms(self, min_length: int, max_length: int) -> list[str]:
        """Return every indexed word whose length lies in ``[min_length, max_length]``."""
        return self._words_of(
            "SELECT group_concat(term, ' ') FROM vocabulary WHERE length BETWEEN ? AND ?",
            (min_length, max_length),
        )

    def terms_with_prefix(self, prefix: str) -> list[str]:
        """Return every indexed word that starts with ``prefix``.

        Their frequencies come with them, in the same string: expansion orders a
        three-letter prefix's hundreds of words by frequency, one query instead of one
        per word.
        """
        # A range over the primary key, not LIKE: LIKE folds case and skips the index.
        below, args = neighbours.key_range(prefix)
        pairs = self._words_of(
            "SELECT group_concat(term || ' ' || sentences, ' ') FROM vocabulary WHERE true" + below,
            args,
        )
        terms = pairs[0::2]
        self._frequency.update(zip(terms, map(int, pairs[1::2]), strict=True))
        return terms

    def near(self, word: str, budget: int) -> list[str] | None:
        """Return the indexed words within ``budget`` typos of ``word`` (and others), or None.

        Looked up (``neighbours``), not scanned: for one typo or two; None (scan the
        lengths) for more. Kept for the next query (the last ``NEAR_HELD`` words).
        """
        asked = (word, budget)
        if asked in self._near:
            return self._near[asked]
        found = None
        with translate_errors(self._path):
            if budget == 1:
                found = neighbours.one_typo(self._conn, word)
            elif budget == 2:
                found = neighbours.two_typos(self._conn, word)
        if len(self._near) >= NEAR_HELD:
            del self._near[next(iter(self._near))]  # the oldest
        self._near[asked] = found
        return found

    def frequency(self, term: str) -> int:
        """Return how many sentences contain ``term``."""
        if term not in self._frequency:
            found = self._column("SELECT sentences FROM vocabulary WHERE term = ?", (term,))
            self._frequency[term] = int(found[0]) if found else 0
        return self._frequency[term]

    def postings(self, term: str) -> list[int]:
        """Return the ids of the sentences that contain ``term``, ascending."""
        found = self._postings.get(term)
        if found is None:
            found = self._ids(_fts_phrase(term)) if self.frequency(term) else []
            held = self._postings
            while held and self._held + len(found) > POSTINGS_HELD:
                self._held -= len(held.pop(next(iter(held))))  # the oldest
            held[term] = found
            self._held += len(found)
        return found

    def tokens(self, sentence_id: int) -> Sequence[str]:
        """Return the folded words of one sentence, in order (its text, tokenised again)."""
        return self._texts.tokens_of([sentence_id])[0]

    def tokens_of(self, sentence_ids: Sequence[int]) -> list[Sequence[str]]:
        """Return the folded words of each of these sentences, in their order (batched)."""
        return self._texts.tokens_of(sentence_ids)

    def sentence(self, sentence_id: int) -> Sentence:
        """Return the sentence with this id."""
        return self._texts.sentences_of([sentence_id])[0]

    def sentences_of(self, sentence_ids: Sequence[int]) -> list[Sentence]:
        """Return the sentences with these ids, in their order (batched)."""
        return self._texts.sentences_of(sentence_ids)

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
        return self._ids(_fts_phrase(speaker_token(speaker_id)))

    def said_with(self, speaker_ids: Collection[str], terms: Collection[str]) -> list[int]:
        """Return the ids of the sentences one of the speakers says with one of the terms.

        One FTS5 query over the speakers' tokens and the terms: FTS5 merges the posting
        lists, so a role held by speakers of half the library costs no read of their ids.
        """
        terms = [term for term in terms if self.frequency(term)]
        if not speaker_ids or not terms:
            return []
        said = " OR ".join(_fts_phrase(speaker_token(s)) for s in sorted(speaker_ids))
        found = " OR ".join(_fts_phrase(term) for term in sorted(terms))
        return self._ids(f"({said}) AND ({found})")

    def _ids(self, match: str) -> list[int]:
        """The rowids of the FTS5 rows that ``match``, ascending.

        Read as one JSON array that SQLite builds, not row by row: a common word's 20,000
        ids come a third faster. Sorted again (FTS5 yields them in order: linear time).
        """
        if self._json is None:
            self._json = _has_json(self._conn)
        if self._json:
            (found,) = self._column(_IDS_SQL, (match,))
            ids: list[int] = json.loads(found)
            ids.sort()  # in place: no copy of a prefix's 100,000 ids
            return ids
        return self._column(  # an SQLite built without its JSON functions
            "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid", (match,)
        )

    def _words_of(self, sql: str, args: tuple[Any, ...]) -> list[str]:
        """The terms of ``sql``'s one ``group_concat(term, ' ')`` (no term holds a space).

        One string split in C instead of a row per term: the 16,000 terms of five lengths
        that a two-typo word's expansion scans come in a third of the time.
        """
        (joined,) = self._column(sql, args)
        return joined.split(" ") if joined else []

    def _column(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        try:
            return [row[0] for row in self._conn.execute(sql, args)]
        except sqlite3.DatabaseError as err:
            raise library_error(self._path, err) from None


_IDS_SQL = "SELECT json_group_array(rowid) FROM sentences_fts WHERE sentences_fts MATCH ?"


def _data_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def _has_json(conn: sqlite3.Connection) -> bool:
    """Whether SQLite has its JSON functions (built in since 3.38, unless left out)."""
    try:
        conn.execute("SELECT json_array()").fetchone()
    except sqlite3.OperationalError:
        return False
    return True


def _fts_phrase(term: str) -> str:
    # A quoted FTS5 string, so FTS5 splits the term exactly as it split the indexed terms.
    return '"' + term.replace('"', '""') + '"'
