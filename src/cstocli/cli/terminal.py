"""The one module that writes to stdout and stderr, and the one output boundary.

Data goes to stdout: Rich renderables (through ``views.console``'s Console, made per
call), hit lines, TSV/CSV records, ``--json`` payloads or plain lines. Messages go to
stderr, one line each. Every string written here has passed ``views.safe`` (the Rich
views apply the same rule as they build their Text), so no control character from an
article, a dataset or a file name reaches the terminal raw.

Long output at a terminal goes through the user's pager (``PAGER``, else ``less -FRX``),
as git and gh do; never when piped.
"""

# ruff: noqa: PLC0415 - the views are imported on use: --json and tsv never load Rich.

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, MutableMapping, Sequence
from typing import TYPE_CHECKING

from cstocli.views.colour import is_terminal
from cstocli.views.safe import one_line, parse_width, shown

if TYPE_CHECKING:
    from cstocli.views.colour import ColorChoice
    from cstocli.views.console import Line, Renderable
    from cstocli.views.records import Rows

DEFAULT_PAGER = "less -FRX"
"""As git: quit if it fits one screen (-F), keep colours (-R), leave the screen (-X)."""


def print_renderable(renderable: Renderable, color: ColorChoice, *, page: bool = False) -> None:
    """Print a Rich renderable: as Rich lays it out at a terminal, else trimmed lines.

    ``page``: at a terminal, output taller than the screen goes through the pager.
    """
    from cstocli.views import console as screen

    console = screen.make_console(color, sys.stdout)
    if not is_terminal(sys.stdout):
        for line in screen.trimmed_lines(console, renderable):
            sys.stdout.write(line + "\n")
        return None
    if not page:
        return console.print(renderable)
    with console.capture() as captured:
        console.print(renderable)
    text = captured.get()
    if text.count("\n") < console.height or not _page(text):
        sys.stdout.write(text)
    return None


def _page(text: str) -> bool:
    """Show ``text`` through the pager; False if there is none to run (print it instead)."""
    import shlex
    import subprocess

    command = os.environ.get("PAGER", DEFAULT_PAGER)
    if not command.strip() or command.strip() == "cat":
        return False
    try:
        argv = shlex.split(command)
        pager = subprocess.Popen(argv, stdin=subprocess.PIPE)
    except (OSError, ValueError):
        return False
    assert pager.stdin is not None
    try:
        pager.stdin.write(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
        pager.stdin.close()
    except BrokenPipeError:  # the user quit the pager before the end: fine
        pass
    pager.wait()
    return True


def print_lines(lines: Sequence[Line], color: ColorChoice) -> None:
    """Print styled lines (piped search hits), one write each and never wrapped."""
    from cstocli.views import console as screen

    console = screen.make_console(color, sys.stdout)
    for line in screen.line_strings(console, lines):
        # One write per hit, never wrapped: `| cut -f3`, `| sort` and `| head` keep working.
        sys.stdout.write(line + "\n")


def write_json(payload: object) -> None:
    """Print a ``--json`` payload (C0 and C1 controls escaped)."""
    from cstocli.views import payloads as output

    output.write(payload, sys.stdout)


def write_jsonl(payload: object) -> None:
    """Print JSON Lines: each item of an array on its own line, or one object on one line."""
    from cstocli.views import payloads as output

    output.write_lines(payload, sys.stdout)


def write_lines(lines: Iterable[str]) -> None:
    """Print lines on stdout, each made safe (a tab is the only control left in one)."""
    for line in lines:
        sys.stdout.write(shown(line).replace("\n", " ") + "\n")


def write_tsv(rows: Rows, *, header: bool) -> None:
    """Print ``rows`` as TSV: one record a line, every field safe and on one line."""
    from cstocli.views.records import tsv_lines

    write_lines(tsv_lines(rows, header=header))


def write_csv(rows: Rows, *, header: bool) -> None:
    """Print ``rows`` as RFC 4180 CSV (each field already made safe by ``records``)."""
    from cstocli.views.records import csv_text

    sys.stdout.write(csv_text(rows, header=header))


def warn(message: str) -> None:
    """Tell the user something on stderr, as one line with every control made visible."""
    sys.stderr.write(f"cstocli: {one_line(message)}\n")


WIDTH_VARIABLES = ("COLUMNS", "TERMINAL_WIDTH")
"""What Rich (COLUMNS) and Typer's help (TERMINAL_WIDTH) read as the terminal's width."""


def clamp_widths(environ: MutableMapping[str, str]) -> None:
    """Make the width variables sane before Rich or Typer reads them.

    A number is clamped to ``safe.MIN_WIDTH..MAX_WIDTH``; anything else is dropped, so the
    terminal's real size is used. Done once per run, before any help is drawn.
    """
    for name in WIDTH_VARIABLES:
        value = environ.get(name)
        if value is None:
            continue
        width = parse_width(value)
        if width is None:
            del environ[name]
        elif str(width) != value:
            environ[name] = str(width)


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail loudly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (in-process test runners)
        pass
