"""The process's own streams, made to fail in one known way.

A closed stdout (``cstocli speakers >&-``) or one that cannot take the output (``> /dev/full``)
must end with one line and exit 2, not a traceback and exit 1 (which reads as "no
match"). ``guard_streams`` wraps stdout so that any failure to write it, wherever it
happens, is an ``OutputError``; ``command.Group`` and ``app.main`` turn that into the line.
A broken pipe stays a ``BrokenPipeError``: the reader had enough, which is no error.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from typing import Any


class OutputError(Exception):
    """Stdout is closed or failing (disk full, I/O error): the output cannot be written."""

    def __init__(self, error: OSError | ValueError) -> None:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        super().__init__(f"cannot write output: {reason}")


class _ClosedStream(io.TextIOBase):
    """What stdout is when the process was started without one (fd 1 closed)."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


class _GuardedStdout:
    """Stdout, with every write or flush failure (but a broken pipe) an ``OutputError``."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise OutputError(error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise OutputError(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard_streams() -> None:
    """Make stdout fail as ``OutputError`` and give a closed stderr somewhere to go."""
    if sys.stderr is None:
        # Messages have nowhere to go; they must not crash the command either.
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    stdout = sys.stdout if sys.stdout is not None else _ClosedStream()
    if not isinstance(stdout, _GuardedStdout):
        sys.stdout = _GuardedStdout(stdout)
