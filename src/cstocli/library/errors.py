"""How the library fails: ``LibraryError``, and SQLite's exceptions turned into one.

Every failure names the library file and says what is wrong in one line, so the CLI
can print it as is; no SQLite traceback reaches the user.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cstocli.errors import CstocliError


class LibraryError(CstocliError):
    """A library that cannot be used: unreadable, corrupt, newer, or an unknown article."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


@contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's exceptions into one clear ``LibraryError`` line naming the file."""
    try:
        yield
    except sqlite3.DatabaseError as err:
        raise library_error(path, err) from None


def library_error(path: Path, err: sqlite3.DatabaseError) -> LibraryError:
    """Return the ``LibraryError`` that explains an SQLite error on the file at ``path``."""
    message = str(err)
    if "not a database" in message or "malformed" in message:
        problem = "is not a cstocli library or is corrupt (SQLite: " + message + ")"
    elif "unable to open" in message or "readonly" in message:
        problem = f"cannot be opened for this ({message}): check its permissions"
    elif "disk is full" in message or "disk I/O" in message:
        problem = f"cannot be written: the disk is full or failing (SQLite: {message})"
    elif "locked" in message or "busy" in message:
        problem = f"is busy: another cstocli kept it locked too long ({message})"
    else:
        problem = f"SQLite error: {message}"
    return LibraryError(path, problem)
