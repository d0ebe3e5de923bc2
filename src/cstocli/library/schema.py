"""The library file's SQLite schema: opening a connection, the tables, and migrations.

The schema version lives in ``PRAGMA user_version``, so an older library is migrated
(in one transaction) and a newer one refused. The database runs in WAL mode with a busy
timeout: readers never block the writer, and two writers queue instead of failing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from cstocli.dataset import files as dataset_io
from cstocli.library.errors import LibraryError, translate_errors
from cstocli.library.index import IndexBatch
from cstocli.library.originals import add_originals_table
from cstocli.library.rows import prepare, with_texts

SCHEMA_VERSION = 4
"""The newest library schema this code reads and writes (``PRAGMA user_version``)."""

BUSY_TIMEOUT_MS = 10_000
"""How long a writer waits for another writer before giving up."""


def connect(path: Path, *, create: bool) -> sqlite3.Connection:
    """Open the library file at ``path``, creating or migrating it as needed.

    With ``create=False`` a missing file is an error instead of a new empty library.
    Every failure is a ``LibraryError`` naming the file.
    """
    if not create and not path.exists():
        raise LibraryError(path, "no library here yet (import an article first)")
    if path.is_dir():
        raise LibraryError(path, "is a directory, not a library file")
    if create:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise LibraryError(path, f"cannot create its folder: {err.strerror}") from None
    with translate_errors(path):
        # Autocommit mode: the library issues BEGIN/COMMIT itself.
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        with translate_errors(path):
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
    return conn


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
        if conn.in_transaction:  # a full disk has rolled it back already
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


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
    aliases TEXT NOT NULL,
    quotes INTEGER NOT NULL,
    words INTEGER NOT NULL,
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
    value NUMERIC NOT NULL,
    unit TEXT NOT NULL,
    qualifier TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    passage_id TEXT NOT NULL,
    period TEXT,
    topic TEXT,
    places TEXT NOT NULL,
    as_written TEXT,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
"""

# The search index. ``terms`` holds the sentence's words as ``cstocli.text`` folds them,
# joined by spaces; the FTS table reads it as external content, so a removal can hand
# FTS5 the exact terms it indexed even if the tokeniser has changed since (SQLite 3.40
# has no contentless delete). FTS5 must split on the spaces only, or "we've" would also
# be found as "we": its ascii tokeniser with every ASCII punctuation mark as a token
# character does that (non-ASCII characters are always token characters to it).
# ``detail='none'`` keeps only which sentences hold a term (phrases are checked on the
# sentence's tokens), and a sentence's text is not stored twice: it is cut from its
# article's source text.
_SCHEMA_V2 = """
CREATE TABLE sentences (
    key INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    passage_id TEXT NOT NULL,
    speaker_id TEXT,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    terms TEXT NOT NULL
);
CREATE INDEX sentences_by_article ON sentences(article);
CREATE INDEX sentences_by_speaker ON sentences(speaker_id, key) WHERE speaker_id IS NOT NULL;
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    terms, content='sentences', content_rowid='key', detail='none',
    tokenize="ascii tokenchars '!#$%&''()*+,-./:;<=>?@[\\]^_`{|}~'"
);
CREATE TABLE vocabulary (
    term TEXT PRIMARY KEY,
    length INTEGER NOT NULL,
    sentences INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX vocabulary_by_length ON vocabulary(length, term);
CREATE TABLE speaker_words (
    word TEXT NOT NULL,
    speaker_id TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (word, speaker_id)
) WITHOUT ROWID;
CREATE TABLE totals (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sentences INTEGER NOT NULL,
    words INTEGER NOT NULL
);
INSERT INTO totals VALUES (1, 0, 0);
"""


def _migrate_to_v1(conn: sqlite3.Connection) -> None:
    for statement in _statements(_SCHEMA_V1):
        conn.execute(statement)


def _migrate_to_v2(conn: sqlite3.Connection) -> None:
    for statement in _statements(_SCHEMA_V2):
        conn.execute(statement)
    # A v1 library already holds articles: index them now, inside the same transaction.
    batch = IndexBatch(conn)
    for key, dataset_json, source_text in conn.execute(
        "SELECT key, dataset, source_text FROM articles ORDER BY key"
    ).fetchall():
        obj = with_texts(json.loads(dataset_json), source_text)
        ds = dataset_io.dataset_from_json(obj, source_text, file=f"library article {key}")
        batch.add(key, prepare(ds))
    batch.finish()


_INDEX_TABLES = ("sentences_fts", "sentences", "vocabulary", "speaker_words", "totals")
"""Everything derived from the stored articles by the search index (rebuildable)."""


def _migrate_to_v3(conn: sqlite3.Connection) -> None:
    # v3 changed how text is indexed, not what is stored: sentences no longer end at a line
    # break inside a paragraph, apostrophes inside words fold away ("don't" == "dont"), and
    # role words are keyed apart from names. Rebuild the index from the stored articles.
    for table in _INDEX_TABLES:
        conn.execute(f"DROP TABLE {table}")
    _migrate_to_v2(conn)


_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migrate_to_v1,
    _migrate_to_v2,
    _migrate_to_v3,
    # v4: the originals table (a web article's page, compressed); one self-contained step.
    add_originals_table,
)
"""``_MIGRATIONS[n]`` takes a library from schema ``n`` to ``n + 1``."""


def _statements(script: str) -> Iterator[str]:
    # executescript() would COMMIT first; splitting keeps each migration in one transaction.
    # Statements end at a semicolon that ends a line (one stands inside the FTS options).
    for statement in script.split(";\n"):
        if statement.strip():
            yield statement
