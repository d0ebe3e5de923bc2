"""The library file's SQLite schema: opening a connection, the tables, and migrations.

The schema version lives in ``PRAGMA user_version``, so an older library is migrated
(in one transaction) and a newer one refused. The database runs in WAL mode with a busy
timeout: readers never block the writer, and two writers queue instead of failing.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from cstocli.dataset import files as dataset_io
from cstocli.library.errors import LibraryError, translate_errors
from cstocli.library.index import IndexBatch
from cstocli.library.originals import add_originals_table
from cstocli.library.rows import prepare, unpack_dataset, unpack_text
from cstocli.model import is_placeholder

SCHEMA_VERSION = 6
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
            # "Speaker 1" or "Unidentified Male" is nobody in particular: never joined
            # across articles (reading._SPEAKER_TOTALS_SQL).
            conn.create_function("is_placeholder", 1, is_placeholder, deterministic=True)
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
    if 0 < version < SCHEMA_VERSION:
        _reclaim(conn)


def _reclaim(conn: sqlite3.Connection) -> None:
    """Give the space a migration freed back to the file system (VACUUM is atomic)."""
    # Busy, or no room for the copy VACUUM writes: the library is whole and usable, only
    # larger than it needs to be until a later migration or a manual VACUUM.
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("VACUUM")


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


def _migrate_to_v1(conn: sqlite3.Connection) -> None:
    for statement in _statements(_SCHEMA_V1):
        conn.execute(statement)


def _migrate_to_v2(conn: sqlite3.Connection) -> None:
    # v2 added the search index and v3 changed how text is indexed; the index they built
    # is dropped and built again by step 6 (``compact_library``), so nothing is left to do.
    pass


def _migrate_to_v3(conn: sqlite3.Connection) -> None:
    pass  # see _migrate_to_v2


def _migrate_to_v5(conn: sqlite3.Connection) -> None:
    # v5: a vague amount ("hundreds of victims") has no value, so figures.value may be NULL.
    # SQLite cannot drop a NOT NULL constraint in place: copy the table over.
    conn.execute("ALTER TABLE figures RENAME TO figures_v4")
    table = _SCHEMA_V1[_SCHEMA_V1.index("CREATE TABLE figures") :].rstrip().rstrip(";")
    conn.execute(table.replace("value NUMERIC NOT NULL", "value NUMERIC"))
    conn.execute("INSERT INTO figures SELECT * FROM figures_v4")
    conn.execute("DROP TABLE figures_v4")


def _migrate_to_v6(conn: sqlite3.Connection) -> None:
    compact_library(conn)


_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migrate_to_v1,
    _migrate_to_v2,
    _migrate_to_v3,
    # v4: the originals table (a web article's page, compressed); one self-contained step.
    add_originals_table,
    # v5: a vague amount has no value, so figures.value may be NULL.
    _migrate_to_v5,
    # v6: one compressed copy of the text, a contentless index rebuilt with today's fold.
    _migrate_to_v6,
)
"""``_MIGRATIONS[n]`` takes a library from schema ``n`` to ``n + 1``."""


# The search index (schema 4). FTS5 keeps only which sentences hold each term: it is
# contentless (``content=''``: the text is not stored a second time, it is cut from the
# article's source when needed), keeps no positions (``detail='none'``: phrases are
# checked on the sentence's tokens) and no per-row sizes (``columnsize=0``: the average
# length is in ``totals``). A sentence's speaker is its passage's (``passages``), and
# FTS5 holds a token for it (``rows.speaker_token``): the sentences of a speaker are that
# token's posting list, a tenth of the size of an index on a speaker column. It indexes
# the words as ``cstocli.text`` folds them, joined by
# spaces; FTS5 must split on the spaces only, or "we've" would also be found as "we": its
# ascii tokeniser with every ASCII punctuation mark as a token character does that
# (non-ASCII characters are always token characters to it). SQLite 3.40 has no
# contentless delete: a removal hands FTS5 the terms again, folded from the text
# (``index.unindex``), so a change to the fold must come with a migration step that calls
# ``rebuild_index``.
_INDEX_SCHEMA = """
CREATE TABLE sentences (
    key INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    passage_id TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX sentences_by_article ON sentences(article);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    terms, content='', columnsize=0, detail='none',
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

_INDEX_TABLES = ("sentences_fts", "sentences", "vocabulary", "speaker_words", "totals")
"""Everything derived from the stored articles by the search index (rebuildable)."""


def compact_library(conn: sqlite3.Connection) -> None:
    """Schema 5 -> 6: one copy of the text, compressed, and the index rebuilt.

    Schema 3 kept every sentence's folded words twice (``sentences.terms`` and the FTS
    index built from it) and the source text and dataset JSON uncompressed. The index is
    rebuilt from the stored datasets with today's ``cstocli.text`` fold, never copied, so
    a library made before a change to the fold finds what a fresh import finds. Runs
    inside the migration's transaction.
    """
    rebuild_index(conn, repack=True)


def rebuild_index(conn: sqlite3.Connection, *, repack: bool = False) -> None:
    """Drop the search index and build it again from every stored article.

    Each stored dataset is read back (plain JSON text from schema 3 and before reads
    too), checked, and prepared as an import would; with ``repack`` its stored JSON is
    written again as ``rows.pack_dataset`` makes it. Articles are read one at a time, so
    memory stays flat however large the library.
    """
    for table in _INDEX_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in _statements(_INDEX_SCHEMA):
        conn.execute(statement)
    batch = IndexBatch(conn)
    keys = [key for (key,) in conn.execute("SELECT key FROM articles ORDER BY key")]
    for key in keys:
        stored, packed = conn.execute(
            "SELECT dataset, source_text FROM articles WHERE key = ?", (key,)
        ).fetchone()
        source_text = unpack_text(packed)
        obj = unpack_dataset(stored, source_text)
        ds = dataset_io.dataset_from_json(obj, source_text, file=f"library article {key}")
        article = prepare(ds)
        if repack:
            conn.execute(
                "UPDATE articles SET dataset = ?, source_text = ? WHERE key = ?",
                (article.dataset, article.source, key),
            )
        batch.add(key, article)
    batch.finish()


def _statements(script: str) -> Iterator[str]:
    # executescript() would COMMIT first; splitting keeps each migration in one transaction.
    # Statements end at a semicolon that ends a line (one stands inside the FTS options).
    for statement in script.split(";\n"):
        if statement.strip():
            yield statement
