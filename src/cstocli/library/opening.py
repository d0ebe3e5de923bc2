"""Opening the library file with care: refusals, read-only reading, no empty leftovers.

What is not a library is refused before SQLite sees it (or overwrites it); the commands
that only read open it read-only; a failed import leaves no new empty library behind.

``schema.connect`` opens a library to write (creating and migrating it); this module
decides whether it may, and opens it read-only otherwise, so a library in a read-only
folder or on a read-only disk can still be listed and searched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from cstocli import disk
from cstocli.ids import MAX_LENGTH, article_slug, is_article_id
from cstocli.library.errors import LibraryError, library_error, translate_errors
from cstocli.library.schema import BUSY_TIMEOUT_MS, SCHEMA_VERSION, connect

SQLITE_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite database file."""


def open_connection(path: Path, *, create: bool, write: bool) -> sqlite3.Connection:
    """A connection to the library at ``path``; read-only when reading a read-only one.

    A reading connection to a library that needs migrating is a writing one (the
    migration is a write); one that cannot be written says so.
    """
    check_file(path, create=create)
    if create and not path.exists():
        _create(path)
    if path.exists():
        # Looked at read-only first: a file that is not ours is never written to.
        conn = _read_only(path)
        if conn is not None:
            # A read-only connection cannot tidy the WAL files away when it closes: read
            # through one only where nothing can be written anyway.
            if not write and not _writable(path):
                return conn
            conn.close()
    try:
        conn = connect(path, create=create)
    except LibraryError as error:
        # SQLite's words for it; in a read-only folder it cannot even make the WAL files.
        sqlite_said = "readonly" in error.problem or "unable to open" in error.problem
        if sqlite_said and path.exists() and not _writable(path):
            raise read_only_error(path) from None
        raise
    try:
        with translate_errors(path):
            repair_ids(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def check_file(path: Path, *, create: bool) -> None:
    """Refuse what is not a library file before SQLite opens (or overwrites) it."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        if not create:
            raise LibraryError(path, "no library here yet (import an article first)") from None
        return  # _create says why its folder cannot be made
    except OSError as error:
        raise LibraryError(path, f"cannot be opened: {error.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise LibraryError(path, f"is {disk.file_kind(info.st_mode)}, not a library file")
    if info.st_size == 0:
        # SQLite would quietly make an empty file a new database: it may be someone's file.
        raise LibraryError(path, "is an empty file, not a cstocli library; give another path")
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise LibraryError(path, f"cannot be read: {error.strerror}") from None
    if header != SQLITE_HEADER:
        raise LibraryError(path, "is not a cstocli library or is corrupt (not an SQLite database)")


def _writable(path: Path) -> bool:
    """Whether the library file and its folder (where the WAL files go) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _create(path: Path) -> None:
    """Make a new, empty library at ``path`` whole, then put it in place.

    Built under a temporary name and linked in (which fails if the name is taken): no
    other cstocli ever sees a half-made library, and an empty file found at ``path``
    is always someone else's, never a library being created.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise LibraryError(path, f"cannot create its folder: {err.strerror}") from None
    import tempfile  # noqa: PLC0415 - only a new library needs it, not every search

    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
        os.close(fd)
    except OSError as err:
        raise LibraryError(path, f"cannot create it: {err.strerror}") from None
    temporary = Path(name)
    try:
        os.unlink(temporary)  # SQLite makes the file; mkstemp only reserved a free name
        connect(temporary, create=True).close()
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another cstocli made it meanwhile: use theirs
        except OSError:  # no hard links here: rename, unless the name was taken
            if not path.exists():
                os.replace(temporary, path)
    except OSError as err:
        raise LibraryError(path, f"cannot create it: {err.strerror}") from None
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def read_only_error(path: Path) -> LibraryError:
    """The error for a write to a library that cannot be written."""
    return LibraryError(
        path, "is read-only (the file or its folder cannot be written): cannot change it"
    )


def _read_only(path: Path) -> sqlite3.Connection | None:
    """Open ``path`` read-only; None when it needs a write first (a migration, id repair)."""
    conn = _connect_read_only(path)
    if conn is None:
        return None
    try:
        with translate_errors(path):
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
            # Ids are checked (and repaired) by the writing connection that a writable
            # library is read through anyway: a read-only one is read as it is.
            ready = version == SCHEMA_VERSION
    except BaseException:
        conn.close()
        raise
    if ready:
        return conn
    conn.close()
    if version < 0:
        raise LibraryError(
            path, f"is not a cstocli library or is damaged (schema version {version})"
        )
    if version == 0 and tables:
        raise LibraryError(path, "is an SQLite database but not a cstocli library")
    if version < SCHEMA_VERSION and not _writable(path):
        raise LibraryError(
            path, f"needs upgrading to library schema {SCHEMA_VERSION}, but is read-only"
        )
    return None  # schema.connect migrates it, repairs its ids, or names a newer schema


def _connect_read_only(path: Path) -> sqlite3.Connection | None:
    """A read-only connection that has read the file, or None if SQLite cannot make one."""
    uri = "file:" + quote(str(path.absolute()))
    # mode=ro reads a WAL library while others write it; in a read-only folder SQLite
    # cannot make the WAL index, and immutable (no locks, nobody can write there) reads it.
    for options in ("?mode=ro", "?mode=ro&immutable=1"):
        conn = None
        try:
            conn = sqlite3.connect(uri + options, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            if conn is not None:
                conn.close()
            continue
        except sqlite3.DatabaseError as error:
            if conn is not None:
                conn.close()
            raise library_error(path, error) from None
        return conn
    return None


# Ids that may not be slugs; ``is_article_id`` decides. The condition is also a partial
# index's (``_index_unslugged``), so SQLite reads only the rows it holds (none, most
# often) instead of matching the patterns against every id: 25 ms at 20,000 articles.
_UNSLUGGED = (
    "id GLOB '*[^a-z0-9-]*' OR id GLOB '-*' OR id GLOB '*-' OR id GLOB '*--*'"
    f" OR length(id) > {MAX_LENGTH}"
)
_ID_CANDIDATES = f"SELECT key, id FROM articles WHERE {_UNSLUGGED}"


def _bad_ids(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    rows = conn.execute(_ID_CANDIDATES).fetchall()
    return [(key, ident) for key, ident in rows if not is_article_id(ident)]


def _index_unslugged(conn: sqlite3.Connection) -> None:
    """Add the partial index of the ids that may not be slugs, if the library lacks it.

    Any library gets it on its first writable open, whatever made it (no schema version
    needed: an index changes no result, and SQLite keeps it in step on every write).
    """
    if conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'articles_unslugged'"
    ).fetchone():
        return
    conn.execute(
        f"CREATE INDEX IF NOT EXISTS articles_unslugged ON articles(id) WHERE {_UNSLUGGED}"
    )


def repair_ids(conn: sqlite3.Connection) -> None:
    """Give every stored article whose id is not a slug its slug (older versions let them in).

    ``../../pwned`` becomes ``pwned`` (``pwned-2`` if taken): the id is what ``library
    export`` names its file after, and what every command shows.
    """
    _index_unslugged(conn)
    if not _bad_ids(conn):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for key, ident in _bad_ids(conn):  # again, under the write lock
            wanted = article_slug(ident)
            candidate, n = wanted, 1
            while conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
                n += 1
                candidate = f"{wanted[: MAX_LENGTH - 1 - len(str(n))]}-{n}"
            conn.execute("UPDATE articles SET id = ? WHERE key = ?", (candidate, key))
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def removed_if_left_empty(path: Path) -> Iterator[None]:
    """Remove the library (and the folders made for it) if this block created it empty.

    A refused import must not leave a new empty library, nor the folders made for it.
    """
    if path.exists():
        yield
        return
    made = []
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        made.append(folder)
        folder = folder.parent
    try:
        yield
    finally:
        if path.exists() and _holds_no_article(path):
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            for folder in made:  # deepest first; a folder someone filled meanwhile stays
                with contextlib.suppress(OSError):
                    folder.rmdir()


def _holds_no_article(path: Path) -> bool:
    try:
        conn = sqlite3.connect(path)
    except sqlite3.Error:
        return False
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0]) == 0
    except sqlite3.Error:
        return False
    finally:
        conn.close()
