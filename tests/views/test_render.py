from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from rich.console import Console

from cstocli import summary as queries
from cstocli.dataset.files import load
from cstocli.library import SpeakerTotal
from cstocli.model import Dataset
from cstocli.search.engine import search
from cstocli.search.memory import build_index
from cstocli.views import cells, passages, tables
from cstocli.views import console as screen

FIXTURES = Path(__file__).parents[1] / "fixtures"
SNAPSHOTS = Path(__file__).parents[1] / "snapshots"
UPDATE = os.environ.get("CSTOCLI_UPDATE_SNAPSHOTS") == "1"
"""Run with CSTOCLI_UPDATE_SNAPSHOTS=1 to rewrite the snapshot files, then review the diff."""


@pytest.fixture(scope="module")
def bracket() -> Dataset:
    """The small fixture article whose quotes hold markup-like brackets."""
    return load(FIXTURES / "bracket-summit.json")


def rendered(renderable: screen.Renderable, *, width: int = 100, color: bool = False) -> str:
    """What a console of this width prints, with or without escape codes."""
    out = io.StringIO()
    choice: screen.ColorChoice = "always" if color else "never"
    console = screen.make_console(choice, out, environ={}, width=width)
    console.print(renderable)
    return out.getvalue()


def assert_snapshot(name: str, text: str) -> None:
    """Compare with tests/snapshots/<name>.txt (or rewrite it when updating)."""
    path = SNAPSHOTS / f"{name}.txt"
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing snapshot {path.name}: run with CSTOCLI_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8")


# -- colour and width ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "isatty", "environ", "expected"),
    [
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),
        ("auto", True, {"TERM": "dumb"}, False),
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", True, {"TERM": "dumb", "FORCE_COLOR": "1"}, True),
        ("auto", False, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ("always", False, {"NO_COLOR": "1"}, True),
        ("never", True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_color_enabled_follows_the_conventions(
    choice: screen.ColorChoice, isatty: bool, environ: dict[str, str], expected: bool
) -> None:
    """--color wins; else NO_COLOR, then FORCE_COLOR, then TERM=dumb, then the TTY decide."""
    assert screen.color_enabled(choice, isatty=isatty, environ=environ) is expected


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


# -- verbatim text ---------------------------------------------------------------------------


def test_verbatim_keeps_markup_and_emoji_codes(bracket: Dataset) -> None:
    """'[bold]', '[the president]' and ':smile:' print exactly as the article has them."""
    for passage in bracket.passages:
        for paragraph in passage.paragraphs:
            assert rendered(cells.verbatim(paragraph.text), width=500) == paragraph.text + "\n"


def test_verbatim_neutralises_control_characters() -> None:
    """An ESC or bell in data cannot reach the terminal; lengths stay the same."""
    text = cells.verbatim("a\x1b[31mb\x07c")
    assert text.plain == "a\u241b[31mb\u2407c"
    assert "\x1b" not in rendered(text, color=True).replace("\x1b[0m", "").split("[31mb")[0][1:]


def test_numbers_are_not_recoloured(bundled: Dataset) -> None:
    """highlight=False: '13,000' carries no style of its own in colour output."""
    out = rendered(tables.stats_view(bundled, queries.speaker_summaries(bundled)), color=True)
    # bold as one whole value (after its padding), never split into coloured digits
    assert re.search(r"\x1b\[1m *13,000\x1b\[0m", out)
    assert "13\x1b" not in out


# -- tables and views (snapshots) ----------------------------------------------------------------


@pytest.mark.parametrize("width", [100, 40])
def test_speakers_snapshot(bundled: Dataset, width: int) -> None:
    """The speakers table at a fixed width (a table at 100, stacked records at 40)."""
    rows = queries.speaker_summaries(bundled)
    assert_snapshot(f"speakers-{width}", rendered(tables.speakers_table(rows), width=width))


@pytest.mark.parametrize("width", [100, 40])
def test_stats_snapshot(bundled: Dataset, width: int) -> None:
    """The stats view at a fixed width: exercises, other figures, speakers."""
    view = tables.stats_view(bundled, queries.speaker_summaries(bundled))
    assert_snapshot(f"stats-{width}", rendered(view, width=width))


def test_facts_snapshot(bundled: Dataset) -> None:
    """The facts view at width 100."""
    assert_snapshot("facts-100", rendered(passages.facts_view(bundled)))


def test_show_snapshot(bundled: Dataset) -> None:
    """One quote in full at width 100."""
    passage = queries.find_passage(bundled, "q3")
    assert_snapshot("show-q3-100", rendered(passages.passage_view(bundled, passage)))


def test_stats_table_shows_values_as_written(bundled: Dataset) -> None:
    """The exercise figures read '13,000', 'up to 2,000' and '140', with their places."""
    out = rendered(tables.stats_view(bundled, queries.speaker_summaries(bundled)), width=200)
    exercises = out.split("Other figures")[0]
    for value in ("13,000", "up to 2,000", "140", "Russia, Armenia, Kazakhstan, Tajikistan"):
        assert value in exercises
    assert out.index("2017 CSTO exercises") < out.index("Other figures") < out.index("Speakers")


def test_records_stack_below_the_narrow_width(bundled: Dataset) -> None:
    """At 40 columns no line exceeds 40 and no speaker's name is broken."""
    out = rendered(tables.speakers_table(queries.speaker_summaries(bundled)), width=40)
    assert max(len(line) for line in out.splitlines()) <= 40
    for speaker in bundled.speakers:
        assert speaker.name in out.splitlines()


def test_show_gives_speaker_role_paragraphs_and_lines(bundled: Dataset) -> None:
    """Show names the speaker and role and every paragraph with its source line."""
    passage = queries.find_passage(bundled, "q5")
    out = rendered(passages.passage_view(bundled, passage), width=1000)
    assert "Yuri Khachaturov" in out
    assert "Secretary General of the CSTO" in out
    for paragraph in passage.paragraphs:
        assert paragraph.text in out
        assert f"line {queries.line_of(bundled.source_text, paragraph.span[0])}" in out


def test_facts_do_not_repeat_member_states(bundled: Dataset) -> None:
    """The member-states list already names the states, so they are listed once."""
    out = rendered(passages.facts_view(bundled), width=200)
    assert out.count("Kyrgyzstan") == 1
    assert "Session of the CSTO Collective Security Council" in out


# -- search hits -------------------------------------------------------------------------------


def test_hits_from_several_articles_name_their_article(bracket: Dataset) -> None:
    """Given datasets by id (--all), lines start with the article and blocks name it."""
    hits = search(build_index(bracket), "drills")
    (line,) = passages.hit_lines({bracket.id: bracket}, hits, context=False)
    assert line.plain.split("\t")[:3] == [bracket.id, "q1", "Jane Doe"]
    (single,) = passages.hit_lines(bracket, hits, context=False)
    assert single.plain.split("\t")[0] == "q1"
    block = rendered(passages.hit_blocks({bracket.id: bracket}, hits, context=False))
    assert block.splitlines()[0].startswith(f"{bracket.id}  q1  Jane Doe")


def test_library_tables_show_articles_counts(bracket: Dataset) -> None:
    """The --all tables of speakers and stats have an Articles column and each article's id."""
    rows = [
        SpeakerTotal(r.speaker, 2, r.quotes, r.words) for r in queries.speaker_summaries(bracket)
    ]
    table = rendered(tables.speaker_totals_table(rows), width=200)
    assert "Articles" in table
    assert "Ivan Petrov" in table
    figures = [(bracket.id, f) for f in bracket.figures]
    stats = rendered(tables.library_stats_view(figures, rows), width=200)
    assert stats.count(bracket.id) == len(bracket.figures)
    assert "up to 40" in stats


def test_hit_lines_are_one_line_per_hit(bundled: Dataset) -> None:
    """Piped hits: id, speaker, sentence (and with context the passage), tab-separated."""
    hits = search(build_index(bundled), "security")
    console = screen.make_console("never", io.StringIO(), environ={})
    lines = list(screen.line_strings(console, passages.hit_lines(bundled, hits, context=True)))
    assert len(lines) == len(hits)
    assert len(set(lines)) == len(lines), "two hits in one quote are still two lines"
    for line, hit in zip(lines, hits, strict=True):
        quote_id, speaker, sentence, passage = line.split("\t")
        assert quote_id == hit.sentence.passage_id
        assert speaker in {s.name for s in bundled.speakers} | {"(narration)"}
        assert sentence == hit.sentence.text
        assert sentence in passage
    plain = list(screen.line_strings(console, passages.hit_lines(bundled, hits, context=False)))
    assert [line.count("\t") for line in plain] == [2] * len(hits)


def test_hit_highlights_style_exactly_the_matched_words(bracket: Dataset) -> None:
    """The highlighted characters are those at the hit's offsets, with or without context."""
    [hit] = search(build_index(bracket), "drills")
    for context in (False, True):
        [line] = passages.hit_lines(bracket, [hit], context=context)
        styled = {line.plain[s.start : s.end] for s in line.spans if "yellow" in str(s.style)}
        assert styled == {hit.sentence.text[a:b] for a, b in hit.highlights} == {"drills"}


def test_hit_blocks_keep_brackets_verbatim(bracket: Dataset) -> None:
    """A terminal hit shows '[bold]' as text, with the word highlighted inside it."""
    hits = search(build_index(bracket), "bold")
    out = rendered(passages.hit_blocks(bracket, hits, context=False), width=200)
    assert "Markup such as [bold] and [the president] must print exactly as written." in out
    coloured = rendered(passages.hit_blocks(bracket, hits, context=False), width=200, color=True)
    assert "[\x1b[1;33mbold\x1b[0m]" in coloured


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
