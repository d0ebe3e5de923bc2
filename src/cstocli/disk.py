"""Files on disk, read and written safely: the one way cstocli touches a user's files.

Reading: only a regular file is read (a FIFO would hang, ``/dev/zero`` never ends, a
directory is a mistake), and never more than a stated limit, checked before reading.
Writing: a temporary file beside the target, written, flushed and fsynced, then renamed
over it (``os.replace`` is atomic), so a full disk, a crash or Ctrl-C leaves either the
old file or the new one, never half of one; the temporary file goes on any failure.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

MEGABYTE = 1024 * 1024


class FileRefused(Exception):
    """A file that cannot be read or written; ``problem`` says why, without the file name."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


def read_regular(path: Path, *, limit: int, noun: str) -> bytes:
    """Read the regular file at ``path``, refusing anything else or more than ``limit`` bytes.

    ``noun`` names what the file is for in the size message ("an article").
    """
    # O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileRefused("file not found") from None
    except IsADirectoryError:
        raise FileRefused("is a directory, not a file") from None
    except OSError as error:
        raise FileRefused(f"cannot read: {error.strerror}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"is {file_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise FileRefused(too_large(info.st_size, limit, noun))
        chunks: list[bytes] = []
        size = 0
        while size <= limit:  # the file may grow while it is read: stop past the limit
            chunk = os.read(fd, min(limit + 1 - size, MEGABYTE) or 1)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileRefused(too_large(size, limit, noun))
        return b"".join(chunks)
    except OSError as error:
        raise FileRefused(f"cannot read: {error.strerror}") from None
    finally:
        os.close(fd)


def too_large(size: int, limit: int, noun: str) -> str:
    """The message for a file over its size limit."""
    return f"is {size / MEGABYTE:.1f} MB, more than the {limit // MEGABYTE} MB that {noun} may have"


def file_kind(mode: int) -> str:
    """What a non-regular file is, for messages: "a FIFO (named pipe)", "a directory"..."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` all at once: the old file or the new one, never half.

    Without ``overwrite`` an existing ``path`` is left alone (``FileExistsError``).
    Any other failure is an ``OSError`` (disk full, permissions); the temporary file is
    removed on every failure, Ctrl-C included.
    """
    import tempfile  # noqa: PLC0415 - ~2 ms of imports that only writing commands need

    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            os.fchmod(file.fileno(), 0o666 & ~_umask())
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            _place_new(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _place_new(temporary: str, path: Path) -> None:
    """Move ``temporary`` to ``path`` unless ``path`` exists (atomically where possible)."""
    try:
        # A hard link fails if the target exists: no window in which another file is lost.
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if os.path.lexists(path):
            raise FileExistsError(17, "File exists", str(path)) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system can fsync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    # The only way to read the umask is to set it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
