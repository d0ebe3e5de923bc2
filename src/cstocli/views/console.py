"""The Console and the terminal: colour, width, progress, and rendering to plain lines.

Nothing here prints; ``cli.terminal`` does. The Console is made per call (never at import
time) under cstocli's colour rules, with markup, emoji and highlighting off: article
text is shown as written.
"""

# ruff: noqa: PLC0415 - rich.progress is imported only when a bar is drawn.

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TextIO, TypeAlias

from rich.color import ColorSystem
from rich.console import Console, RenderableType
from rich.text import Text

from cstocli.views.colour import ColorChoice, color_enabled, is_terminal
from cstocli.views.safe import clamp_width, one_line, parse_width

Renderable: TypeAlias = RenderableType
"""Anything ``Console.print`` accepts; named here so ``cli`` need not import Rich."""
Line: TypeAlias = Text
"""One line of piped search output, possibly styled."""

UNWRAPPED_WIDTH = 10_000
"""Width for output that is not a terminal: wide enough that nothing is hard-wrapped."""
FALLBACK_WIDTH = 80
"""Width of a terminal whose size cannot be known (or is reported as 0)."""


def output_width(file: TextIO, *, isatty: bool, environ: Mapping[str, str]) -> int:
    """A terminal: COLUMNS if set, else its width, else 80. Anything else: no wrapping.

    A pipe ignores COLUMNS (shells export it): ``cstocli show q1 | cat`` must not come out
    hard-wrapped with padded lines. A terminal that reports 0 columns (``script`` run
    without a controlling terminal) gets 80, or Rich would print nothing at all.
    """
    if not isatty:
        return UNWRAPPED_WIDTH
    columns = environ.get("COLUMNS", "")
    width = parse_width(columns)
    if width is not None:
        return width
    try:
        return clamp_width(os.get_terminal_size(file.fileno()).columns or FALLBACK_WIDTH)
    except (OSError, ValueError):
        return FALLBACK_WIDTH


def make_console(
    choice: ColorChoice,
    file: TextIO,
    *,
    environ: Mapping[str, str] | None = None,
    width: int | None = None,
    interactive: bool = False,
) -> Console:
    """A Console writing to ``file`` under cstocli's colour and width rules.

    ``width`` overrides the width rules (tests render at fixed widths); ``interactive``
    (a progress bar on a terminal) lets Rich redraw in place, even without colour.
    """
    env = os.environ if environ is None else environ
    isatty = is_terminal(file)
    color = color_enabled(choice, isatty=isatty, environ=env)
    return Console(
        file=file,
        width=width or output_width(file, isatty=isatty, environ=env),
        # Rich would read FORCE_COLOR/NO_COLOR itself; decide once, here, and tell it.
        force_terminal=color or (interactive and isatty),
        color_system="standard" if color else None,
        no_color=False,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        force_jupyter=False,
        force_interactive=interactive and isatty,
        _environ=dict(env),
    )


# -- progress -----------------------------------------------------------------------------------

PROGRESS_FROM = 3
"""Imports of at least this many files show a progress bar (one or two finish at once)."""
LARGE_FILE = 1_000_000
"""One file of at least this many bytes shows a bar of its own, over the stages of its
import: some 10,000 sentences, about a second of parsing, building rows and storing."""


@contextmanager
def import_progress(total: int, file: TextIO) -> Iterator[Callable[[str], None]]:
    """A progress bar over ``total`` files on ``file`` (stderr); yields "this file is done".

    Drawn only on a terminal, for several files: a pipe or a log gets no escape codes and
    no redraws. The console is interactive, so Rich redraws the bar as files finish.
    The bar is transient: the per-file report printed after it stands alone.
    """
    if total < PROGRESS_FROM or not is_terminal(file):
        yield lambda name: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}", markup=False),  # a file name: shown safe by done()
        console=make_console("auto", file, interactive=True),
        transient=True,
        refresh_per_second=10,
    )
    with bar:
        task = bar.add_task("", total=total)
        yield lambda name: bar.update(task, advance=1, description=one_line(name))


@contextmanager
def stage_progress(
    name: str, stages: tuple[str, ...], file: TextIO
) -> Iterator[Callable[[str], None]]:
    """A progress bar over the ``stages`` of one large file's import; yields "this stage begins".

    Drawn only on a terminal, as ``import_progress``. Each stage is drawn as it begins (a
    stage of a large file takes a while, and the bar must not wait for the next tick to
    say which one), with the time spent so far ticking beside it.
    """
    if not is_terminal(file):
        yield lambda stage: None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("importing"),
        TextColumn("{task.fields[name]}", markup=False),  # a format string: not the name itself
        BarColumn(),
        TextColumn("{task.description}", markup=False),
        TimeElapsedColumn(),
        console=make_console("auto", file, interactive=True),
        transient=True,
        refresh_per_second=10,
    )

    def begin(stage: str) -> None:
        bar.update(task, completed=stages.index(stage), description=stage)
        bar.refresh()

    with bar:
        task = bar.add_task("", total=len(stages), name=one_line(name))
        yield begin


def line_strings(console: Console, lines: Iterable[Text]) -> Iterator[str]:
    """Each line as a string, styled only if ``console`` has colour; tabs stay tabs.

    (Printing a Text through the Console would expand tabs to spaces and so break
    ``cut -f`` on piped output.)
    """
    for line in lines:
        if console.color_system is None:
            yield line.plain
        else:
            yield "".join(
                segment.style.render(segment.text, color_system=ColorSystem.STANDARD)
                if segment.style
                else segment.text
                for segment in line.render(console)
            )


def trimmed_lines(console: Console, renderable: RenderableType) -> Iterator[str]:
    """``renderable`` as ``console`` would print it, minus each line's trailing spaces.

    Rich pads table cells and lines to their width; piped, that padding is noise in
    ``diff`` and ``grep ' $'``. Styles are kept when the console has colour.
    """
    for line in console.render_lines(renderable, pad=False):
        keep = len("".join(segment.text for segment in line).rstrip())
        parts = []
        for segment in line:
            text, keep = segment.text[:keep], keep - len(segment.text)
            if text and segment.style and console.color_system is not None:
                text = segment.style.render(text, color_system=ColorSystem.STANDARD)
            parts.append(text)
            if keep <= 0:
                break
        yield "".join(parts)


def recording_console(width: int, height: int) -> Console:
    """A Console that records plain text at a fixed size (screen captures for tests, README)."""
    return Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
