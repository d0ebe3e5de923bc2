"""The personal library: imported articles kept in one SQLite database.

Each article is stored whole (its dataset JSON, in the one format ``cstocli.dataset``
reads and writes, plus the source text its spans point into) and, beside it, as
relational rows (speakers, passages, figures) and a sentence index (an FTS5 table over
the terms of the shared ``cstocli.text`` tokeniser, and a vocabulary table that typo
expansion scans instead of the text), so a search over a million sentences reads only
the few pages it needs.

Safety: every write is one ``BEGIN IMMEDIATE`` transaction (a failure leaves nothing
behind, two writers queue instead of failing half-way), the database runs in WAL mode
with a busy timeout (readers never block the writer), and the schema version lives in
``PRAGMA user_version`` so an older library is migrated and a newer one refused.
"""

from __future__ import annotations

import difflib
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cstocli import dataset as dataset_io
from cstocli import text as text_mod
from cstocli.errors import CstocliError
from cstocli.model import Dataset

LIBRARY_ENV = "CSTOCLI_LIBRARY"
"""The environment variable that points every command at another library file."""

SCHEMA_VERSION = 2
"""The newest library schema this code reads and writes (``PRAGMA user_version``)."""

BUSY_TIMEOUT_MS = 10_000
"""How long a writer waits for another writer before giving up."""


class LibraryError(CstocliError):
    """A library that cannot be used: unreadable, corrupt, newer, or an unknown article."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True, slots=True)
class ArticleSummary:
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


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What ``store`` did with one dataset."""

    id: str
    """The id the article has in the library."""
    added: bool
    """False when the same content was already stored (nothing changed)."""


@dataclass(frozen=True, slots=True)
class SentenceRecord:
    """One indexed sentence, with what a search hit needs to show it."""

    key: int
    """The sentence's row id in the library (stable until its article is removed)."""
    article: str
    """The id of the article it belongs to."""
    passage_id: str
    """The quote or narration passage it belongs to."""
    paragraph: int
    """The index of its paragraph within the passage."""
    text: str
    """The sentence, verbatim."""
    span: tuple[int, int]
    """Where it stands in the article's source text."""


def default_path() -> Path:
    """Return the library file: ``$CSTOCLI_LIBRARY``, else one in the user data dir."""
    configured = os.environ.get(LIBRARY_ENV)
    if configured:
        return Path(configured).expanduser()
    # Imported lazily: only library commands pay for platformdirs.
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_data_dir("cstocli")) / "library.sqlite3"


# --- schema -------------------------------------------------------------------------

_SCHEMA_V1 = """
CREATE TABLE articles (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    file TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    dataset TEXT NOT NULL,
    source_text TEXT NOT NULL
);
CREATE TABLE speakers (
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    affiliation TEXT,
    quotes INTEGER NOT NULL,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE TABLE passages (
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('quote', 'narration')),
    speaker_id TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE TABLE figures (
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    id TEXT NOT NULL,
    label TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    qualifier TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    passage_id TEXT NOT NULL,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
"""

# The search index. ``terms`` holds the sentence's normalised terms joined by spaces;
# the FTS table reads it as external content, so a removal can hand FTS5 the exact terms
# it indexed even if the tokeniser has changed since (SQLite 3.40 has no contentless
# delete). Terms are already folded by ``cstocli.text``; FTS5 re-splits a term such as
# ``don't`` or ``1.2`` in two, but queries are quoted phrases split the same way, so the
# index and the query still agree.
_SCHEMA_V2 = """
CREATE TABLE sentences (
    key INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    passage_id TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    terms TEXT NOT NULL
);
CREATE INDEX sentences_by_article ON sentences(article);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    terms, content='sentences', content_rowid='key',
    tokenize="unicode61 remove_diacritics 0"
);
CREATE TABLE vocabulary (
    term TEXT PRIMARY KEY,
    sentences INTEGER NOT NULL
) WITHOUT ROWID;
"""


def _migrate_to_v1(conn: sqlite3.Connection) -> None:
    for statement in _statements(_SCHEMA_V1):
        conn.execute(statement)


def _migrate_to_v2(conn: sqlite3.Connection) -> None:
    for statement in _statements(_SCHEMA_V2):
        conn.execute(statement)
    # A v1 library already holds articles: index them now, inside the same transaction.
    for key, dataset_json, source_text in conn.execute(
        "SELECT key, dataset, source_text FROM articles ORDER BY key"
    ).fetchall():
        ds = dataset_io.dataset_from_json(
            json.loads(dataset_json), source_text, file=f"library article {key}"
        )
        _insert_sentences(conn, key, ds)


_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_to_v1, _migrate_to_v2)
"""``_MIGRATIONS[n]`` takes a library from schema ``n`` to ``n + 1``."""


def _statements(script: str) -> Iterator[str]:
    # executescript() would COMMIT first; splitting keeps each migration in one transaction.
    for statement in script.split(";"):
        if statement.strip():
            yield statement


# --- opening --------------------------------------------------------------------------


class Library:
    """An open library database; use as a context manager, or call ``close``."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (committed work is already safe on disk)."""
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock up front: a deferred transaction that upgrades
        # later can fail with SQLITE_BUSY at once, busy timeout or not.
        with _translate_errors(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # --- writing ----------------------------------------------------------------------

    def store(self, ds: Dataset) -> StoreResult:
        """Store one article in one transaction; the same content again changes nothing."""
        with self._write() as conn:
            return _store(conn, ds)

    def store_many(self, datasets: Iterable[Dataset]) -> list[StoreResult]:
        """Store many articles in ONE transaction (all or nothing): the bulk import path."""
        with self._write() as conn:
            return [_store(conn, ds) for ds in datasets]

    def replace(self, ds: Dataset) -> StoreResult:
        """Store a corrected dataset over the stored article with the same source text."""
        with self._write() as conn:
            row = conn.execute(
                "SELECT key, id FROM articles WHERE sha256 = ?", (ds.source.sha256,)
            ).fetchone()
            if row is not None:
                _delete(conn, row[0])
                ds = replace_id(ds, row[1])
            return _store(conn, ds)

    def remove(self, article_ids: Sequence[str]) -> None:
        """Remove the articles (all of them, or none when one id is unknown)."""
        with self._write() as conn:
            keys = [self._key(article_id) for article_id in article_ids]
            for key in keys:
                _delete(conn, key)

    # --- reading ----------------------------------------------------------------------

    def summaries(self) -> list[ArticleSummary]:
        """Every stored article, in import order."""
        with _translate_errors(self.path):
            rows = self._conn.execute(_SUMMARY_SQL + " ORDER BY a.key").fetchall()
        return [ArticleSummary(*row) for row in rows]

    def summary(self, article_id: str) -> ArticleSummary:
        """One stored article's summary; ``LibraryError`` if there is no such id."""
        key = self._key(article_id)
        with _translate_errors(self.path):
            row = self._conn.execute(_SUMMARY_SQL + " WHERE a.key = ?", (key,)).fetchone()
        return ArticleSummary(*row)

    def ids(self) -> list[str]:
        """Return the ids of every stored article, in import order."""
        with _translate_errors(self.path):
            return [r[0] for r in self._conn.execute("SELECT id FROM articles ORDER BY key")]

    def get(self, article_id: str) -> Dataset:
        """Return the stored article as a ``Dataset``, source text included."""
        key = self._key(article_id)
        with _translate_errors(self.path):
            dataset_json, source_text = self._conn.execute(
                "SELECT dataset, source_text FROM articles WHERE key = ?", (key,)
            ).fetchone()
        return dataset_io.dataset_from_json(
            json.loads(dataset_json), source_text, file=f"{self.path} [{article_id}]"
        )

    def datasets(self) -> Iterator[Dataset]:
        """Every stored article, one at a time (never all in memory at once)."""
        for article_id in self.ids():
            yield self.get(article_id)

    def _key(self, article_id: str) -> int:
        with _translate_errors(self.path):
            row = self._conn.execute(
                "SELECT key FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        if row is None:
            raise LibraryError(self.path, _unknown_id_problem(article_id, self.ids()))
        return int(row[0])

    # --- the search index (the protocol ``cstocli.search`` plans against) -------------

    def vocabulary(self) -> list[tuple[str, int]]:
        """Every indexed term with the number of sentences that hold it."""
        with _translate_errors(self.path):
            return self._conn.execute("SELECT term, sentences FROM vocabulary").fetchall()

    def terms_with_prefix(self, prefix: str) -> list[tuple[str, int]]:
        """Return the indexed terms that start with ``prefix``, with their sentence counts."""
        # A range over the primary key instead of LIKE: LIKE folds case and ignores the index.
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else ""
        sql = "SELECT term, sentences FROM vocabulary WHERE term >= ?"
        args: tuple[str, ...] = (prefix,)
        if upper:
            sql += " AND term < ?"
            args = (prefix, upper)
        with _translate_errors(self.path):
            return self._conn.execute(sql, args).fetchall()

    def postings(self, term: str) -> list[int]:
        """Return the keys of the sentences that hold ``term``, in ascending order."""
        with _translate_errors(self.path):
            rows = self._conn.execute(
                "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid",
                (_fts_phrase([term]),),
            ).fetchall()
        return [r[0] for r in rows]

    def match(self, groups: Sequence[Sequence[str]], limit: int) -> list[tuple[int, int]]:
        """Return sentences holding a term of every group (failing that, of the most groups).

        ``groups`` holds one group of alternative terms per query word (the word and its
        typo expansions). Returns ``(key, groups matched)`` pairs, best first: most
        groups matched, then BM25, then source order. FTS5 does the intersecting, so a
        common term is never fetched whole into Python.
        """
        alternatives = [sorted(set(g)) for g in groups if g]
        if not alternatives or limit <= 0:
            return []
        with _translate_errors(self.path):
            best = self._ranked(" AND ".join(_fts_any(g) for g in alternatives), limit)
            hits = [(key, len(alternatives)) for key in best]
            if len(hits) >= limit or len(alternatives) == 1:
                return hits
            seen = set(best)
            for key, matched in self._most_groups(alternatives, limit * 20):
                if key not in seen and len(hits) < limit:
                    hits.append((key, matched))
                    seen.add(key)
        return hits

    def _ranked(self, query: str, limit: int) -> list[int]:
        rows = self._conn.execute(
            "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?"
            " ORDER BY bm25(sentences_fts), rowid LIMIT ?",
            (query, limit),
        ).fetchall()
        return [r[0] for r in rows]

    def _most_groups(self, groups: list[list[str]], cap: int) -> list[tuple[int, int]]:
        # Score the best-ranked few of each group by how many groups they hold: enough
        # to fill a page of "most words" hits without reading any posting list whole.
        counts: Counter[int] = Counter()
        for group in groups:
            for key in self._ranked(_fts_any(group), cap):
                counts[key] += 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def sentences(self, keys: Sequence[int]) -> list[SentenceRecord]:
        """Return the sentences with these keys, in the order asked (unknown keys skipped)."""
        if not keys:
            return []
        found: dict[int, SentenceRecord] = {}
        with _translate_errors(self.path):
            # Chunks keep under SQLite's limit on bound parameters.
            for first in range(0, len(keys), 500):
                chunk = list(keys[first : first + 500])
                marks = ",".join("?" * len(chunk))
                for row in self._conn.execute(
                    "SELECT s.key, a.id, s.passage_id, s.paragraph, s.text, s.start, s.end"
                    f" FROM sentences s JOIN articles a ON a.key = s.article"
                    f" WHERE s.key IN ({marks})",
                    chunk,
                ):
                    key, article, passage_id, paragraph, text, start, end = row
                    found[key] = SentenceRecord(
                        key, article, passage_id, paragraph, text, span=(start, end)
                    )
        return [found[k] for k in keys if k in found]


_SUMMARY_SQL = """
SELECT a.id, a.title, a.file, a.sha256, a.imported_at,
       (SELECT count(*) FROM speakers s WHERE s.article = a.key),
       (SELECT count(*) FROM passages p WHERE p.article = a.key AND p.kind = 'quote'),
       (SELECT count(*) FROM figures f WHERE f.article = a.key),
       (SELECT count(*) FROM sentences t WHERE t.article = a.key)
FROM articles a
"""


def open_library(path: Path | None = None, *, create: bool = True) -> Library:
    """Open (creating or migrating as needed) the library at ``path`` or the default one.

    With ``create=False`` a missing file is an error instead of a new empty library,
    for commands that only read. Every failure is a ``LibraryError`` naming the file.
    """
    path = path if path is not None else default_path()
    if not create and not path.exists():
        raise LibraryError(path, "no library here yet (import an article first)")
    if path.is_dir():
        raise LibraryError(path, "is a directory, not a library file")
    if create:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise LibraryError(path, f"cannot create its folder: {err.strerror}") from None
    with _translate_errors(path):
        # Autocommit mode: this module issues BEGIN/COMMIT itself.
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        with _translate_errors(path):
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            _check_and_migrate(conn, path)
            # WAL: readers never block the writer nor see half a transaction.
            conn.execute("PRAGMA journal_mode = WAL")
            # Safe in WAL mode: a power cut may drop the last commit, never corrupt.
            conn.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        conn.close()
        raise
    return Library(conn, path)


def _check_and_migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = _user_version(conn)
    if version > SCHEMA_VERSION:
        raise LibraryError(
            path,
            f"made by a newer cstocli (library schema {version}; this version reads up to"
            f" {SCHEMA_VERSION}): upgrade cstocli",
        )
    if version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have migrated meanwhile.
        version = _user_version(conn)
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise LibraryError(path, "is an SQLite database but not a cstocli library")
        for step in range(version, SCHEMA_VERSION):
            _MIGRATIONS[step](conn)
            conn.execute(f"PRAGMA user_version = {step + 1}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


@contextmanager
def _translate_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's exceptions into one clear ``LibraryError`` line naming the file."""
    try:
        yield
    except sqlite3.DatabaseError as err:
        message = str(err)
        if "not a database" in message or "malformed" in message:
            problem = "is not a cstocli library or is corrupt (SQLite: " + message + ")"
        elif "unable to open" in message or "readonly" in message:
            problem = f"cannot be opened for this ({message}): check its permissions"
        elif "locked" in message or "busy" in message:
            problem = f"is busy: another cstocli kept it locked too long ({message})"
        else:
            problem = f"SQLite error: {message}"
        raise LibraryError(path, problem) from None


def _unknown_id_problem(article_id: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(article_id, known, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"no article with id {article_id!r} in this library{hint}"


# --- rows -----------------------------------------------------------------------------


def replace_id(ds: Dataset, new_id: str) -> Dataset:
    """Return the same dataset under another article id."""
    return replace(ds, id=new_id)


def _store(conn: sqlite3.Connection, ds: Dataset) -> StoreResult:
    existing = conn.execute(
        "SELECT id FROM articles WHERE sha256 = ?", (ds.source.sha256,)
    ).fetchone()
    if existing is not None:
        return StoreResult(existing[0], added=False)
    ds = replace_id(ds, _free_id(conn, ds.id))
    payload = json.dumps(dataset_io.dataset_to_json(ds), ensure_ascii=False)
    key = conn.execute(
        "INSERT INTO articles (id, sha256, title, file, imported_at, dataset, source_text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            ds.id,
            ds.source.sha256,
            ds.source.title.text,
            ds.source.file,
            datetime.now(UTC).isoformat(timespec="seconds"),
            payload,
            ds.source_text,
        ),
    ).lastrowid
    assert key is not None  # an INSERT into a rowid table always sets it
    quotes = Counter(p.speaker_id for p in ds.passages if p.speaker_id is not None)
    conn.executemany(
        "INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?)",
        [(key, s.id, s.name, s.role, s.affiliation, quotes[s.id]) for s in ds.speakers],
    )
    conn.executemany(
        "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?)",
        [(key, p.id, p.kind, p.speaker_id, *p.span) for p in ds.passages],
    )
    conn.executemany(
        "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (key, f.id, f.label, f.value, f.unit, f.qualifier, f.text, *f.span, f.passage_id)
            for f in ds.figures
        ],
    )
    _insert_sentences(conn, key, ds)
    return StoreResult(ds.id, added=True)


def _free_id(conn: sqlite3.Connection, wanted: str) -> str:
    # Two different articles may slug to the same id: the later one gets "-2", "-3"...
    candidate, n = wanted, 1
    while conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


def _insert_sentences(conn: sqlite3.Connection, key: int, ds: Dataset) -> None:
    rows: list[tuple[Any, ...]] = []
    df: Counter[str] = Counter()
    for passage in ds.passages:
        for index, paragraph in enumerate(passage.paragraphs):
            base = paragraph.span[0]
            for start, end in text_mod.split_sentences(paragraph.text):
                sentence = paragraph.text[start:end]
                terms = text_mod.words(sentence)
                df.update(set(terms))
                rows.append(
                    (key, passage.id, index, base + start, base + end, sentence, " ".join(terms))
                )
    if not rows:
        return
    first = conn.execute("SELECT coalesce(max(key), 0) + 1 FROM sentences").fetchone()[0]
    conn.executemany(
        "INSERT INTO sentences (article, passage_id, paragraph, start, end, text, terms)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    # FTS after the rows, in one statement: FTS5 buffers the whole batch in memory.
    conn.execute(
        "INSERT INTO sentences_fts (rowid, terms) SELECT key, terms FROM sentences WHERE key >= ?",
        (first,),
    )
    conn.executemany(
        "INSERT INTO vocabulary (term, sentences) VALUES (?, ?)"
        " ON CONFLICT (term) DO UPDATE SET sentences = sentences + excluded.sentences",
        df.items(),
    )


def _delete(conn: sqlite3.Connection, key: int) -> None:
    df: Counter[str] = Counter()
    for (terms,) in conn.execute("SELECT terms FROM sentences WHERE article = ?", (key,)):
        df.update(set(terms.split()))
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
    # ON DELETE CASCADE removes its speakers, passages, figures and sentences.
    conn.execute("DELETE FROM articles WHERE key = ?", (key,))


def _fts_phrase(terms: Sequence[str]) -> str:
    # A quoted FTS5 string: the terms in this order, whatever characters they hold.
    return '"' + " ".join(t.replace('"', '""') for t in terms) + '"'


def _fts_any(group: Sequence[str]) -> str:
    return "(" + " OR ".join(_fts_phrase([t]) for t in group) + ")"
