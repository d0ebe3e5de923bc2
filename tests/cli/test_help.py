"""``--help`` reads well at 80 and 40 columns: snapshots, no cut names, no cut sentences."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import assert_snapshot
from typer.testing import CliRunner

from cstocli.cli import app as cli

SNAPSHOTS = Path(__file__).parents[1] / "snapshots" / "help"
"""Run with CSTOCLI_UPDATE_SNAPSHOTS=1 to rewrite the snapshot files, then review the diff."""

COMMANDS = [
    [],
    ["speakers"],
    ["search"],
    ["stats"],
    ["show"],
    ["facts"],
    ["random"],
    ["cite"],
    ["import"],
    ["library"],
    ["library", "list"],
    ["library", "show"],
    ["library", "remove"],
    ["library", "export"],
]


def help_text(command: list[str], columns: int) -> str:
    """What ``cstocli COMMAND --help`` prints at this many columns."""
    env = {"COLUMNS": str(columns), "TERMINAL_WIDTH": None, "NO_COLOR": "1"}
    result = CliRunner().invoke(cli.full_app(), [*command, "--help"], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("columns", [40, 80])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c) or "root")
def test_help_matches_its_snapshot(command: list[str], columns: int) -> None:
    """Each command's help at 40 and 80 columns is the reviewed snapshot."""
    text = help_text(command, columns)
    path = SNAPSHOTS / f"{'-'.join(command) or 'root'}-{columns}.txt"
    assert_snapshot(path, text)


@pytest.mark.parametrize("columns", [40, 80])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c) or "root")
def test_help_never_cuts_a_word_or_a_name(command: list[str], columns: int) -> None:
    """No ellipsis anywhere; prose fits the width; every option name is printed whole."""
    text = help_text(command, columns)
    assert "\u2026" not in text
    # "..." only where it means "more of these" (TERM..., [ARGS]..., q1, q2...).
    assert not re.search(r"(?<![A-Z\]0-9])\.\.\.", text), text
    assert "[ARGS]" in text or "Options" in text
    for line in text.splitlines():
        # Only a kept example or an option's own name and metavar may pass the width.
        if len(line) > columns:
            stripped = line.strip()
            assert stripped.startswith(("cstocli ", "-", "Usage:")), line
    for option in re.findall(r"--[a-z][a-z-]+", help_text(command, 200)):
        assert option in text, option


def test_examples_are_indented_alike_everywhere() -> None:
    """Every command's example lines start with the same four-space indent under "Example:"."""
    for command in COMMANDS[1:]:
        text = help_text(command, 80)
        lines = text.split("Example:", 1)[1].split("\n\n")
        examples = [line for line in lines if line.strip().startswith("cstocli ")]
        assert examples, command
        assert all(line.startswith("      cstocli ") for line in examples), examples


def test_absurd_widths_are_clamped() -> None:
    """A 21-digit or 8-digit COLUMNS neither crashes nor lays help out for minutes."""
    for columns in ("999999999999999999999", "99999999", "0", "-5", "abc", "9" * 5000):
        for command in (["--help"], ["search", "--help"]):
            done = subprocess.run(
                [sys.executable, "-m", "cstocli", *command],
                capture_output=True,
                text=True,
                env={**os.environ, "COLUMNS": columns, "TERMINAL_WIDTH": columns},
                timeout=60,
                check=False,
            )
            assert done.returncode == 0, (columns, done.stderr)
            assert "Traceback" not in done.stderr
            assert max(len(line) for line in done.stdout.splitlines()) <= 1000
