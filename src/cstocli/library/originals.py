"""The originals: the bytes an article was extracted from (a web page), kept compressed.

The stored source text of a web article is what the extractor made of the page; keeping
the page itself lets anyone rerun or check the extraction later. One row an article, in
its own table that cascades with ``articles``: removing or replacing an article removes
its original, except that ``replace`` carries it over (the same source text came from it).

This module owns the table: its DDL, the migration step that adds it, and its queries.
"""

import sqlite3
import zlib
from pathlib import Path
from typing import NamedTuple

from cstocli.library.errors import LibraryError

ORIGINALS_DDL = """
CREATE TABLE IF NOT EXISTS originals (
    article INTEGER PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,
    media_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    url TEXT,
    content BLOB NOT NULL
)
"""
"""One compressed original an article; ``sha256`` is of the uncompressed bytes."""


class Original(NamedTuple):
    """The bytes an article was read from, as fetched or found on disk."""

    media_type: str
    """``text/html`` for a web page."""
    content: bytes
    """The bytes, uncompressed."""
    url: str | None = None
    """Where they were fetched from (None for a saved file)."""

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of ``content``."""
        # Imported here: every library command loads this module, and hashlib costs
        # ~2 ms of start-up that only storing or checking an original needs.
        import hashlib  # noqa: PLC0415

        return hashlib.sha256(self.content).hexdigest()


def add_originals_table(conn: sqlite3.Connection) -> None:
    """The migration step that adds the table (to new and existing libraries alike).

    IF NOT EXISTS: the step may be renumbered, and rerunning it must do no harm.
    """
    conn.execute(ORIGINALS_DDL)


def keep_original(conn: sqlite3.Connection, key: int, original: Original) -> None:
    """Store (or overwrite) the original of the article with row key ``key``."""
    conn.execute(
        "INSERT OR REPLACE INTO originals VALUES (?, ?, ?, ?, ?)",
        (key, original.media_type, original.sha256, original.url, zlib.compress(original.content)),
    )


def read_original(conn: sqlite3.Connection, key: int) -> Original | None:
    """The original of the article with row key ``key``, or None if none is kept."""
    row = conn.execute(
        "SELECT media_type, url, content FROM originals WHERE article = ?", (key,)
    ).fetchone()
    if row is None:
        return None
    return Original(media_type=row[0], content=zlib.decompress(row[2]), url=row[1])


def export_original(original: Original, target: Path, *, overwrite: bool = False) -> Path:
    """Write the page's bytes to ``target`` as they were fetched; return the path.

    Another file already there is kept unless ``overwrite`` (the same bytes are fine).
    Every failure is a ``LibraryError`` naming the file.
    """
    try:
        if target.exists() and not overwrite and target.read_bytes() != original.content:
            raise LibraryError(target, "already exists (use --force to overwrite it)")
        target.write_bytes(original.content)
    except OSError as err:
        raise LibraryError(err.filename or target, f"cannot write: {err.strerror}") from None
    return target
