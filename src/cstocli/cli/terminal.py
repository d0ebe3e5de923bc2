"""The one module that writes to stdout and stderr.

Data goes to stdout: Rich renderables (through ``render``'s Console, made per call),
hit lines, ``--json`` payloads or plain lines. Messages go to stderr, one line each.
"""

# ruff: noqa: PLC0415 - render and output are imported on use: --json never loads Rich.

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cstocli.views.render import ColorChoice, Line, Renderable


def print_renderable(renderable: Renderable, color: ColorChoice) -> None:
    """Print a Rich renderable: as Rich lays it out at a terminal, else trimmed lines."""
    from cstocli.views import render

    console = render.make_console(color, sys.stdout)
    if render.is_terminal(sys.stdout):
        return console.print(renderable)
    for line in render.trimmed_lines(console, renderable):
        sys.stdout.write(line + "\n")
    return None


def print_lines(lines: Sequence[Line], color: ColorChoice) -> None:
    """Print styled lines (piped search hits), one write each and never wrapped."""
    from cstocli.views import render

    console = render.make_console(color, sys.stdout)
    for line in render.line_strings(console, lines):
        # One write per hit, never wrapped: `| cut -f3`, `| sort` and `| head` keep working.
        sys.stdout.write(line + "\n")


def write_json(payload: object) -> None:
    """Print a ``--json`` payload."""
    from cstocli.views import payloads as output

    output.write(payload, sys.stdout)


def write_lines(lines: Iterable[str]) -> None:
    """Print plain lines on stdout, as they are."""
    for line in lines:
        sys.stdout.write(line + "\n")


def warn(message: str) -> None:
    """Tell the user something on stderr, as one line."""
    sys.stderr.write(f"cstocli: {' '.join(message.splitlines())}\n")


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail loudly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (in-process test runners)
        pass
