"""`cstocli browse` from the command line: refusals, and a real run under a pseudo-terminal."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from typer.testing import CliRunner

from cstocli.cli import app as cli
from cstocli.errors import EXIT_NO_MATCH, EXIT_OK, EXIT_USAGE

ENV = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None, "CSTOCLI_DATA": None}


def test_refuses_without_a_terminal() -> None:
    """Without a terminal to draw on, browse says so in one line and exits 2."""
    result = CliRunner().invoke(cli.full_app(), ["browse"], env=ENV)
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.strip().splitlines() == [
        "cstocli: browse needs a terminal to draw on (stdin and stderr must be one)"
    ]
    assert result.stdout == ""


def test_a_bad_source_is_reported_first(tmp_path: Path) -> None:
    """Two sources, or a missing --data file, fail as they do for every command."""
    both = CliRunner().invoke(cli.full_app(), ["browse", "--article", "x", "--all"], env=ENV)
    assert both.exit_code == EXIT_USAGE
    assert "--article and --all cannot be used together" in both.stderr
    missing = CliRunner().invoke(
        cli.full_app(), ["browse", "--data", str(tmp_path / "no.json")], env=ENV
    )
    assert missing.exit_code == EXIT_USAGE
    assert "no.json" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_textual_is_not_imported_by_other_commands() -> None:
    """Only browse pays for Textual: `search` runs without importing it."""
    code = (
        "import sys; from cstocli.cli.app import run; run(['search', 'impetus', '--json']);"
        "sys.stderr.write(str('textual' in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stderr == "False"


class Terminal:
    """``python -m cstocli browse`` on a pseudo-terminal, stdout piped as in $(...)."""

    def __init__(self, *args: str, size: tuple[int, int] = (80, 24)) -> None:
        self.master, slave = pty.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "CSTOCLI_DATA"}}
        env["TERM"] = "xterm-256color"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cstocli", "browse", *args],
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.screen = b""

    def wait_for(self, text: bytes, seconds: float = 30) -> None:
        """Read the screen until ``text`` has been drawn (fails after ``seconds``)."""
        deadline = time.monotonic() + seconds
        while text not in self.screen:
            assert time.monotonic() < deadline, f"never drew {text!r}: {self.screen[-2000:]!r}"
            self._read(0.1)

    def type(self, keys: str) -> None:
        """Send keys as a person types them, one at a time."""
        for key in keys:
            os.write(self.master, key.encode())
            self._read(0.02)

    def finish(self) -> tuple[int, str]:
        """Wait for the app to quit; its exit code and stdout."""
        deadline = time.monotonic() + 30
        while self.process.poll() is None and time.monotonic() < deadline:
            self._read(0.1)
        out, _ = self.process.communicate(timeout=5)
        os.close(self.master)
        return self.process.returncode, out.decode()

    def _read(self, seconds: float) -> None:
        ready, _, _ = select.select([self.master], [], [], seconds)
        if ready:
            with contextlib.suppress(OSError):  # the app has quit and closed the terminal
                self.screen += os.read(self.master, 65536)


def test_a_real_run_types_quits_and_prints_the_id() -> None:
    """Typed 'impetus', Tab then q: the app quits 0 and prints the quote id for show."""
    terminal = Terminal()
    terminal.wait_for(b"sentences")
    terminal.type("impetus")
    terminal.wait_for(b"1 hit")
    terminal.type("\t")
    terminal.wait_for(b"Quit")  # the footer offers q once the field has lost focus
    terminal.type("q")
    code, out = terminal.finish()
    assert code == EXIT_OK
    assert out == "q1\n"
    assert b"Alexander Lukashenko" in terminal.screen


def test_ctrl_c_with_nothing_selected_prints_nothing() -> None:
    """A query with no hits, then Ctrl-C: nothing is printed and the exit code is 1."""
    terminal = Terminal("xqzvw")
    terminal.wait_for(b"0 hits")
    terminal.type("\x03")
    code, out = terminal.finish()
    assert code == EXIT_NO_MATCH
    assert out == ""
