"""Worker processes of a many-file import die with their parent (cstocli.importer.workers)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cstocli.importer import batch

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
FILES = 400
"""Enough files for a pool of workers and a run of several seconds."""


def many_articles(folder: Path) -> list[str]:
    """Write FILES distinct, long articles; return their paths."""
    text = (ARTICLES / "interview_dense.txt").read_text(encoding="utf-8")
    paths = []
    for n in range(FILES):
        path = folder / f"a{n:03d}.txt"
        path.write_text(text + "".join(f"\nNote {n}, part {k}.\n" for k in range(200)))
        paths.append(str(path))
    return paths


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (read from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name (field 2) is in parentheses and may hold spaces.
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` is a live (not zombie) process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def start_import(tmp_path: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    """Start a real many-file import; return it once its workers are running."""
    paths = many_articles(tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-m", "cstocli", "import", "--library", str(tmp_path / "lib.db"), *paths],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and child.poll() is None and time.monotonic() < deadline:
        workers = children(child.pid)
        time.sleep(0.02)
    return child, workers


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no worker pool")
def test_kill_9_of_an_import_leaves_no_worker(tmp_path: Path) -> None:
    """A kill -9 of a parallel import: every worker is gone within a bounded wait."""
    assert batch.PARALLEL_FROM < FILES
    child, workers = start_import(tmp_path)
    assert len(workers) >= 2, "the import ended before its workers were seen"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    deadline = time.monotonic() + 20
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [w for w in workers if alive(w)] == []
    assert child.stderr is not None
    child.stderr.close()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: no worker pool")
@pytest.mark.parametrize(
    ("sent", "code", "message"),
    [(signal.SIGINT, 130, "cstocli: interrupted"), (signal.SIGTERM, 143, "cstocli: terminated")],
)
def test_interrupted_import_stores_nothing(
    tmp_path: Path, sent: signal.Signals, code: int, message: str
) -> None:
    """SIGINT/SIGTERM mid-import: one line, exit 130/143, library unchanged, no worker left."""
    first = [sys.executable, "-m", "cstocli", "import", "--library", str(tmp_path / "lib.db")]
    subprocess.run([*first, str(ARTICLES / "label_alone.txt")], capture_output=True, check=True)
    child, workers = start_import(tmp_path)
    assert len(workers) >= 2, "the import ended before its workers were seen"
    # The group gets it, as from a terminal's Ctrl-C; the workers ignore SIGINT.
    os.kill(child.pid, sent)
    _, err = child.communicate(timeout=60)
    assert child.returncode == code
    assert err.decode().strip().splitlines() == [message]
    deadline = time.monotonic() + 20
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [w for w in workers if alive(w)] == []
    conn = sqlite3.connect(tmp_path / "lib.db")
    try:
        assert conn.execute("SELECT id FROM articles").fetchall() == [("label-alone",)]
    finally:
        conn.close()
