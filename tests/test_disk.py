"""Reading only regular files within a size limit, and atomic writes (cstocli.disk)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from cstocli import disk


def test_reads_a_regular_file(tmp_path: Path) -> None:
    """A regular file within the limit comes back whole."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello\n")
    assert disk.read_regular(path, limit=6, noun="an article") == b"hello\n"


def test_refuses_a_file_over_the_limit_before_reading_it(tmp_path: Path) -> None:
    """A file larger than the limit is refused with its size and the limit."""
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (3 * disk.MEGABYTE))
    with pytest.raises(disk.FileRefused) as caught:
        disk.read_regular(path, limit=2 * disk.MEGABYTE, noun="an article")
    assert caught.value.problem == "is 3.0 MB, more than the 2 MB that an article may have"


def test_refuses_a_fifo_without_waiting(tmp_path: Path) -> None:
    """A named pipe with no writer is refused at once instead of blocking."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(disk.FileRefused) as caught:
        disk.read_regular(fifo, limit=100, noun="an article")
    assert caught.value.problem == "is a FIFO (named pipe), not a regular file"


def test_refuses_a_device_and_a_directory(tmp_path: Path) -> None:
    """/dev/zero and a folder are named for what they are."""
    with pytest.raises(disk.FileRefused) as device:
        disk.read_regular(Path("/dev/zero"), limit=100, noun="an article")
    assert device.value.problem == "is a device, not a regular file"
    with pytest.raises(disk.FileRefused) as folder:
        disk.read_regular(tmp_path, limit=100, noun="an article")
    assert folder.value.problem == "is a directory, not a regular file"


def test_missing_file(tmp_path: Path) -> None:
    """A missing file says so."""
    with pytest.raises(disk.FileRefused) as caught:
        disk.read_regular(tmp_path / "nope", limit=100, noun="an article")
    assert caught.value.problem == "file not found"


def test_write_replaces_whole(tmp_path: Path) -> None:
    """An atomic write replaces the old content and leaves no temporary file."""
    path = tmp_path / "out.json"
    path.write_bytes(b"old")
    disk.write_atomic(path, b"new content")
    assert path.read_bytes() == b"new content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_write_without_overwrite_keeps_an_existing_file(tmp_path: Path) -> None:
    """Without overwrite, an existing file is kept and the temporary file is gone."""
    path = tmp_path / "out.json"
    path.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        disk.write_atomic(path, b"new", overwrite=False)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_full_disk_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC during the write leaves the old file untouched and no temporary file."""
    path = tmp_path / "out.json"
    path.write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        disk.write_atomic(path, b"new" * 1000)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_interrupted_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C before the rename leaves neither a new file nor a temporary one."""
    path = tmp_path / "out.json"

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        disk.write_atomic(path, b"new")
    assert list(tmp_path.iterdir()) == []


def test_written_file_has_the_usual_permissions(tmp_path: Path) -> None:
    """The new file gets the mode the umask gives, not the temporary file's 0600."""
    path = tmp_path / "out.json"
    old = os.umask(0o022)
    try:
        disk.write_atomic(path, b"x")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
