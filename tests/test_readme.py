"""The README's examples are real: each command, run piped, prints exactly what is shown."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"

# A console block is a fence opened with ```console; "$ " starts a command, the lines up
# to the next command or the fence's end are its exact stdout.
_BLOCK = re.compile(r"^```console\n(.*?)^```$", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True)
class Example:
    """One README command and the output it promises."""

    block: int
    command: str
    output: str


def examples() -> list[Example]:
    """Every cstocli command shown with its output in the README, in order."""
    found = []
    for number, block in enumerate(_BLOCK.findall(README.read_text(encoding="utf-8"))):
        command: str | None = None
        lines: list[str] = []
        for line in [*block.splitlines(), "$ "]:
            if line.startswith("$ "):
                if command is not None:
                    found.append(Example(number, command, "\n".join(lines)))
                command, lines = line[2:], []
            else:
                lines.append(line)
    return [e for e in found if e.command.startswith("cstocli ")]


def run(command: str, library: Path) -> str:
    """Run a README command as a user's shell would, piped, and return its stdout."""
    args = shlex.split(command)
    pipe_to = None
    if "|" in args:  # the README pipes into other tools to show scripting use
        cut = args.index("|")
        args, pipe_to = args[:cut], args[cut + 1 :]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CSTOCLI_", "COLUMNS"))}
    env |= {"CSTOCLI_LIBRARY": str(library), "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    first = subprocess.run(
        [sys.executable, "-m", "cstocli", *args[1:]],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=env,
        check=False,
    )
    assert first.returncode in (0, 1), first.stderr
    if pipe_to is None:
        return first.stdout
    second = subprocess.run(
        pipe_to, input=first.stdout, capture_output=True, text=True, check=True, cwd=REPO
    )
    return second.stdout


def test_readme_has_examples() -> None:
    """The README shows at least one example for each main command."""
    commands = {e.command.split()[1] for e in examples()}
    assert {"speakers", "search", "stats", "show", "facts", "import", "library"} <= commands


@pytest.mark.parametrize("block", sorted({e.block for e in examples()}))
def test_readme_examples_print_what_they_show(block: int, tmp_path: Path) -> None:
    """Each console block, run in order against a fresh library, prints what it shows."""
    for example in (e for e in examples() if e.block == block):
        actual = "\n".join(
            line.rstrip() for line in run(example.command, tmp_path / "lib").splitlines()
        )
        assert actual == example.output.rstrip("\n"), example.command
