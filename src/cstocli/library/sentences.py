"""A library's sentences read back: cut from their articles' texts, in batches.

A sentence's text is stored once, in its article's zlib-compressed source
(``rows.pack_text``); the ``sentences`` table holds where it stands. Search reads the
sentences it re-ranks (a few hundred) and the ones it shows: one query per batch of
sentences and one for their articles' texts, each text inflated only as far as the
sentences asked for reach (``rows.unpack_text_start``) and kept for the next batch.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from cstocli import text
from cstocli.library.errors import LibraryError, library_error
from cstocli.library.rows import unpack_text_start
from cstocli.search.store import Sentence

SOURCE_CACHE = 512
"""Decompressed source texts a ``SentenceTexts`` keeps (a few MB at most)."""


class SentenceTexts:
    """The sentences of one library connection, read by id (see the module docstring)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path
        self._sources: dict[int, str] = {}

    def tokens_of(self, sentence_ids: Sequence[int]) -> list[Sequence[str]]:
        """Return the folded words of each of these sentences, in their order.

        One query per batch of sentences, each article's text read and decompressed once.
        """
        found: list[Sequence[str]] = []
        for rows, batch in self._batches(_SPANS_SQL, sentence_ids):
            for sentence_id in batch:
                row = rows.get(sentence_id)
                found.append([] if row is None else self._words(*row[1:]))
        return found

    def _words(self, article: int, start: int, end: int) -> list[str]:
        return text.words(self._sources[article][start:end])

    def sentences_of(self, sentence_ids: Sequence[int]) -> list[Sentence]:
        """Return the sentences with these ids, in their order (one query per batch)."""
        found = []
        for rows, batch in self._batches(_SENTENCES_SQL, sentence_ids):
            for sentence_id in batch:
                row = rows.get(sentence_id)
                if row is None:
                    problem = f"no sentence {sentence_id} (removed meanwhile?)"
                    raise LibraryError(self._path, problem)
                article, start, end, passage_id, paragraph, speaker_id, article_id = row[1:]
                sentence_text = self._sources[article][start:end]
                found.append(
                    Sentence(
                        passage_id, paragraph, speaker_id, sentence_text, (start, end),
                        sentence_id, article_id,
                    )
                )  # fmt: skip
        return found

    def _batches(
        self, sql: str, keys: Sequence[int]
    ) -> Iterator[tuple[dict[int, Any], Sequence[int]]]:
        """Per batch of ``keys``: the rows of ``sql`` by key, their articles' texts loaded.

        ``sql`` selects a sentence's key, then its article's. A few hundred re-ranked
        sentences are one query, not one each; the batches keep the texts held at once
        under ``SOURCE_CACHE`` however many sentences are asked for.
        """
        for first in range(0, len(keys), _BATCH):
            batch = keys[first : first + _BATCH]
            wanted = sorted(set(batch))
            marks = ", ".join("?" * len(wanted))
            try:
                rows = {row[0]: row for row in self._conn.execute(sql.format(marks=marks), wanted)}
            except sqlite3.DatabaseError as err:
                raise library_error(self._path, err) from None
            needed: dict[int, int] = {}
            for row in rows.values():  # (key, article, start, end, ...)
                needed[row[1]] = max(row[3], needed.get(row[1], 0))
            self._load_sources(needed)
            yield rows, batch

    def _load_sources(self, needed: dict[int, int]) -> None:
        """Hold at least the first ``needed[article]`` characters of these articles' texts.

        At most ``_BATCH`` articles; a text is inflated only as far as asked, and again,
        further, when a later sentence of it lies past what is held.
        """
        held = self._sources
        missing = [a for a, end in needed.items() if len(held.get(a, "")) < end]
        if len(held) + len(missing) > SOURCE_CACHE:
            held.clear()
            missing = list(needed)
        if not missing:
            return
        marks = ", ".join("?" * len(missing))
        try:
            for article, stored in self._conn.execute(
                f"SELECT key, source_text FROM articles WHERE key IN ({marks})", missing
            ):
                held[article] = unpack_text_start(stored, needed[article])
        except sqlite3.DatabaseError as err:
            raise library_error(self._path, err) from None


# A sentence's text is not stored twice: it is cut from its article's source text.
_SPANS_SQL = "SELECT key, article, start, end FROM sentences WHERE key IN ({marks})"
_SENTENCES_SQL = (
    "SELECT s.key, s.article, s.start, s.end, s.passage_id, s.paragraph, p.speaker_id, a.id"
    " FROM sentences s JOIN articles a ON a.key = s.article"
    " JOIN passages p ON p.article = s.article AND p.id = s.passage_id"
    " WHERE s.key IN ({marks})"
)
_BATCH = 500
"""Keys per ``IN (...)`` list: far below SQLite's limit on variables, and below
``SOURCE_CACHE`` (a batch's articles are all held at once)."""
