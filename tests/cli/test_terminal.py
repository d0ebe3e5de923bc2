"""At a real terminal: the import progress bar draws on stderr, long output is paged.

Each test runs ``python -m cstocli`` attached to a pseudo-terminal and reads what the
terminal received; the same command with a pipe shows that neither happens there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import read_terminal

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
FILES = ["label_alone.txt", "interview_blank.txt", "reported_speech.txt", "wrapped.txt"]


def at_terminal(
    *args: str, rows: int = 40, columns: int = 100, stderr_piped: bool = False, **env: str
) -> tuple[str, str, int]:
    """Run cstocli at a pseudo-terminal; what the terminal got, the piped stderr, the exit code."""
    pty = pytest.importorskip("pty")
    import fcntl  # noqa: PLC0415 - POSIX only, like pty
    import struct  # noqa: PLC0415
    import termios  # noqa: PLC0415

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "PAGER", "CSTOCLI_DATA")
    }
    with subprocess.Popen(
        [sys.executable, "-m", "cstocli", *args],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE if stderr_piped else slave,
        env={**clean, "TERM": "xterm-256color", **env},
    ) as child:
        os.close(slave)
        received = read_terminal(master)
        errors = child.stderr.read().decode() if child.stderr is not None else ""
        code = child.wait()
    os.close(master)
    return received.decode(errors="replace"), errors, code


def test_import_progress_bar_draws_at_a_terminal(tmp_path: Path) -> None:
    """Four files at a terminal: the bar's frames ("importing", "N/4") reach the terminal."""
    library = str(tmp_path / "lib.sqlite3")
    seen, _, code = at_terminal(
        "import", *(str(ARTICLES / f) for f in FILES), CSTOCLI_LIBRARY=library
    )
    assert code == 0
    assert "importing" in seen
    assert "/4" in seen
    assert "\x1b[2K" in seen or "\x1b[1A" in seen  # redrawn in place, then cleared


def test_no_progress_bar_in_a_pipe(tmp_path: Path) -> None:
    """The same import with stderr piped: no bar, no escape code, just the messages."""
    library = str(tmp_path / "lib.sqlite3")
    seen, errors, code = at_terminal(
        "import",
        *(str(ARTICLES / f) for f in FILES),
        stderr_piped=True,
        CSTOCLI_LIBRARY=library,
    )
    assert code == 0
    assert "importing" not in seen + errors
    assert "\x1b" not in errors
    assert "warnings, see --review" in errors


def test_no_progress_bar_for_two_small_files(tmp_path: Path) -> None:
    """One or two small files finish at once: no bar."""
    library = str(tmp_path / "lib.sqlite3")
    seen, _, code = at_terminal(
        "import", *(str(ARTICLES / f) for f in FILES[:2]), CSTOCLI_LIBRARY=library
    )
    assert code == 0
    assert "importing" not in seen


def test_long_output_goes_through_the_pager(tmp_path: Path) -> None:
    """Taller than the terminal: the table goes to $PAGER, with its colours."""
    paged = tmp_path / "paged.txt"
    seen, _, code = at_terminal("stats", rows=10, PAGER=f"sh -c 'cat > {paged}'")
    assert code == 0
    text = paged.read_text(encoding="utf-8")
    assert "2017 CSTO exercises" in text
    assert "\x1b[" in text  # styled, for less -R
    assert "2017 CSTO exercises" not in seen


def test_short_output_and_no_pager_print_directly(tmp_path: Path) -> None:
    """Output that fits, or --no-pager, or PAGER=cat: straight to the terminal."""
    paged = tmp_path / "paged.txt"
    pager = f"sh -c 'cat > {paged}'"
    seen, _, _ = at_terminal("show", "q1", rows=40, PAGER=pager)
    assert "impetus" in seen
    seen, _, _ = at_terminal("stats", "--no-pager", rows=10, PAGER=pager)
    assert "2017 CSTO exercises" in seen
    seen, _, _ = at_terminal("stats", rows=10, PAGER="cat")
    assert "2017 CSTO exercises" in seen
    assert not paged.exists()


def test_never_paged_when_piped(tmp_path: Path) -> None:
    """Piped output never starts the pager, however long."""
    paged = tmp_path / "paged.txt"
    done = subprocess.run(
        [sys.executable, "-m", "cstocli", "stats", "-f", "table"],
        capture_output=True,
        text=True,
        env={**os.environ, "PAGER": f"sh -c 'cat > {paged}'", "LINES": "5"},
        check=False,
    )
    assert done.returncode == 0
    assert "2017 CSTO exercises" in done.stdout
    assert not paged.exists()


def test_missing_pager_prints_directly() -> None:
    """A PAGER that does not exist: the output is printed as if there were none."""
    seen, _, code = at_terminal("stats", rows=10, PAGER="no-such-pager-cstocli")
    assert code == 0
    assert "2017 CSTO exercises" in seen


def _large_article(path: Path) -> Path:
    """Write one article of at least ``LARGE_FILE`` bytes: two speakers taking turns."""
    from cstocli.views.console import LARGE_FILE  # noqa: PLC0415 - imports Rich

    turns = ["Harbour talks run late\n\nThe port council met on Tuesday to settle the budget.\n"]
    size, number = len(turns[0]), 0
    while size < LARGE_FILE:
        number += 1
        turn = (
            f"\nMira Castell, Harbour Master:\nWe moved cargo through berth {number} this week."
            " The cranes ran all night, and the crews kept the lanes open.\n"
            "\nTomas Reyes, Council Treasurer:\nThe budget holds until the spring review."
            " We will publish the accounts before the next meeting.\n"
        )
        turns.append(turn)
        size += len(turn.encode("utf-8"))
    path.write_text("".join(turns), encoding="utf-8")
    return path


def test_progress_bar_for_one_large_file(tmp_path: Path) -> None:
    """One large file at a terminal: the bar names it and draws each stage of its import."""
    article = _large_article(tmp_path / "harbour.txt")
    library = str(tmp_path / "lib.sqlite3")
    seen, _, code = at_terminal("import", str(article), CSTOCLI_LIBRARY=library)
    assert code == 0
    assert "importing" in seen
    assert "harbour.txt" in seen
    for stage in ("parsing", "building rows", "storing"):
        assert stage in seen
    assert "\x1b[2K" in seen or "\x1b[1A" in seen  # redrawn in place, then cleared
    assert "imported" in seen  # the report, after the bar


def test_no_progress_bar_for_one_large_file_in_a_pipe(tmp_path: Path) -> None:
    """The same large file with stderr piped: no bar, no escape code on stderr."""
    article = _large_article(tmp_path / "harbour.txt")
    library = str(tmp_path / "lib.sqlite3")
    seen, errors, code = at_terminal(
        "import", str(article), stderr_piped=True, CSTOCLI_LIBRARY=library
    )
    assert code == 0
    assert "importing" not in seen + errors
    assert "parsing" not in seen + errors
    assert "\x1b" not in errors


def test_no_progress_bar_for_one_small_file(tmp_path: Path) -> None:
    """One small file finishes at once: no bar."""
    library = str(tmp_path / "lib.sqlite3")
    seen, _, code = at_terminal("import", str(ARTICLES / FILES[0]), CSTOCLI_LIBRARY=library)
    assert code == 0
    assert "importing" not in seen
    assert "parsing" not in seen
