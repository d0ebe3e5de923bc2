"""The Console under cstocli's rules: colour, width, trimmed lines, the progress bar."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from rich.console import Console
from tests.conftest import rendered

from cstocli.model import Dataset
from cstocli.search.engine import search
from cstocli.search.memory import build_index
from cstocli.views import cells, passages
from cstocli.views import console as screen

FIXTURES = Path(__file__).parents[1] / "fixtures"


# -- colour and width ---------------------------------------------------------------------------


def test_output_width_of_a_pipe_does_not_wrap() -> None:
    """Not a terminal, COLUMNS or not: wide enough that nothing is hard-wrapped at 80."""
    out = io.StringIO()
    assert screen.output_width(out, isatty=False, environ={}) == screen.UNWRAPPED_WIDTH
    assert screen.output_width(out, isatty=False, environ={"COLUMNS": "40"}) > 80
    assert screen.output_width(out, isatty=False, environ={"COLUMNS": "x"}) > 80


def test_output_width_of_a_terminal_honours_columns_and_never_is_zero(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A terminal: COLUMNS wins; a reported size of 0 columns falls back to 80."""
    out = io.StringIO()
    assert screen.output_width(out, isatty=True, environ={"COLUMNS": "40"}) == 40
    monkeypatch.setattr(out, "fileno", lambda: 1)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((0, 0)))
    assert screen.output_width(out, isatty=True, environ={}) == screen.FALLBACK_WIDTH


def test_trimmed_lines_drop_padding_and_keep_styles(bundled: Dataset) -> None:
    """Piped facts and stats carry no trailing spaces; with colour, styles survive."""
    for choice in ("never", "always"):
        console = screen.make_console(choice, io.StringIO(), environ={}, width=200)
        lines = list(screen.trimmed_lines(console, passages.facts_view(bundled)))
        assert "Event" in re.sub(r"\x1b\[[0-9;]*m", "", lines[0])
        assert not [line for line in lines if line != line.rstrip()]
        assert ("\x1b[" in "".join(lines)) is (choice == "always")


def test_never_emits_no_escape_codes_even_when_forced() -> None:
    """--color never beats FORCE_COLOR; always emits styles into a plain StringIO."""
    text = cells.verbatim("styled", style="bold red")
    out = io.StringIO()
    screen.make_console("never", out, environ={"FORCE_COLOR": "1"}).print(text)
    assert out.getvalue() == "styled\n"
    assert "\x1b[" in rendered(text, color=True)


def test_line_strings_colour_only_when_the_console_does(bracket: Dataset) -> None:
    """Plain lines carry no escape codes; colour lines wrap the highlight in SGR codes."""
    lines = passages.hit_lines(bracket, search(build_index(bracket), "drills"), context=False)
    never = screen.make_console("never", io.StringIO(), environ={})
    always = screen.make_console("always", io.StringIO(), environ={})
    [plain] = screen.line_strings(never, lines)
    [coloured] = screen.line_strings(always, lines)
    assert "\x1b" not in plain
    assert plain.count("\t") == 2
    assert "\x1b[1;33mdrills\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_console_factory_is_rich(bracket: Dataset) -> None:
    """make_console returns a Rich Console that never parses markup in plain strings."""
    out = io.StringIO()
    console = screen.make_console("never", out, environ={})
    assert isinstance(console, Console)
    console.print("[bold]x[/bold]")
    assert out.getvalue() == "[bold]x[/bold]\n"


class _Terminal(io.StringIO):
    """A captured stream that says it is a terminal."""

    def isatty(self) -> bool:
        """Claim to be interactive, as stderr at a terminal is."""
        return True


@pytest.mark.parametrize(
    ("stream", "files", "drawn"),
    [(_Terminal, 5, True), (io.StringIO, 5, False), (_Terminal, 2, False)],
)
def test_import_progress_only_on_a_terminal_for_several_files(
    stream: type[io.StringIO], files: int, drawn: bool
) -> None:
    """The bar is drawn on a terminal for several files; a pipe or two files get nothing."""
    out = stream()
    with screen.import_progress(files, out) as done:
        for number in range(files):
            done(f"article-{number}.txt")
    # A live display hides the cursor while it draws (and shows it again at the end).
    assert ("\x1b[?25l" in out.getvalue()) is drawn
    assert bool(out.getvalue()) is drawn


@pytest.mark.parametrize(("stream", "drawn"), [(_Terminal, True), (io.StringIO, False)])
def test_stage_progress_draws_each_stage_on_a_terminal(
    stream: type[io.StringIO], drawn: bool
) -> None:
    """One large file's bar draws every stage as it begins, at once; a pipe gets nothing."""
    out = stream()
    stages = ("parsing", "building rows", "storing")
    with screen.stage_progress("big{0}\x1b[31m.txt", stages, out) as begin:
        for stage in stages:
            begin(stage)
    for stage in stages:
        assert (stage in out.getvalue()) is drawn
    assert bool(out.getvalue()) is drawn
    assert "\x1b[31m" not in out.getvalue()  # the file name is shown safe
    assert ("big{0}" in out.getvalue()) is drawn  # and as it is: no format string
