"""The errors cstocli reports to users; ``cli`` turns each into one stderr line and an exit code."""

from __future__ import annotations

EXIT_OK = 0
"""Results were found or the job was done."""
EXIT_NO_MATCH = 1
"""The query was valid but nothing matched."""
EXIT_USAGE = 2
"""The command line or a data file was wrong."""
EXIT_INTERRUPTED = 130
"""Stopped by Ctrl-C (SIGINT): 128 + 2, as shells report it."""


class CstocliError(Exception):
    """Base of every error that is the user's input or data, not a bug in cstocli."""

    exit_code = EXIT_USAGE


class DatasetError(CstocliError):
    """A dataset file that cannot be used: missing, unreadable or not valid.

    The message names the file, the place in it (JSON path, or line and column) and
    the problem, so the one line on stderr is enough to fix the file.
    """

    def __init__(self, file: str, where: str | None, problem: str) -> None:
        self.file = file
        self.where = where
        self.problem = problem
        location = f"{file}: {where}" if where else file
        super().__init__(f"{location}: {problem}")


class UsageError(CstocliError):
    """A command-line value that cannot be honoured (unknown speaker, bad id...)."""
