"""The library as one object: where its file lives, and ``open_library`` -> ``Library``.

``Library`` joins the two halves kept in their own modules, ``reading.LibraryReader``
and ``writing.LibraryWriter``, over one connection that ``schema.connect`` opened.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from cstocli.library.opening import open_connection
from cstocli.library.reading import LibraryReader
from cstocli.library.writing import LibraryWriter

LIBRARY_ENV = "CSTOCLI_LIBRARY"
"""The environment variable that points every command at another library file."""


def default_path() -> Path:
    """Return the library file: ``$CSTOCLI_LIBRARY``, else one in the user data dir."""
    configured = os.environ.get(LIBRARY_ENV)
    if configured:
        return Path(configured).expanduser()
    # Imported lazily: only library commands pay for platformdirs.
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_data_dir("cstocli")) / "library.sqlite3"


class Library(LibraryWriter, LibraryReader):
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


def open_library(path: Path | None = None, *, create: bool = True, write: bool = True) -> Library:
    """Open (creating or migrating as needed) the library at ``path`` or the default one.

    With ``create=False`` a missing file is an error instead of a new empty library,
    for commands that only read; with ``write=False`` it is opened read-only (a library
    in a read-only folder can still be read). Every failure is a ``LibraryError``
    naming the file.
    """
    path = path if path is not None else default_path()
    return Library(open_connection(path, create=create, write=write), path)
