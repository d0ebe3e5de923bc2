from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import read_terminal
from typer import _click as click
from typer.core import TyperGroup
from typer.testing import CliRunner, Result

from cstocli import __version__
from cstocli.cli import app as cli
from cstocli.cli import completion
from cstocli.dataset.files import load
from cstocli.errors import EXIT_NO_MATCH, EXIT_OK, EXIT_USAGE
from cstocli.library import open_library
from cstocli.model import Dataset

FIXTURE = Path(__file__).parents[1] / "fixtures" / "bracket-summit.json"
README = Path(__file__).parents[2] / "README.md"
COMMANDS = ["speakers", "search", "stats", "show", "facts"]
ESC = "\x1b"
QUIET_ENV = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None, "CSTOCLI_DATA": None}


def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
    """Run cstocli in-process with a clean colour/width/data environment."""
    return CliRunner().invoke(cli.app, list(args), env={**QUIET_ENV, **(env or {})})


def process(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m cstocli`` as a real process with stdout and stderr piped."""
    clean = {k: v for k, v in os.environ.items() if k not in QUIET_ENV}
    return subprocess.run(
        [sys.executable, "-m", "cstocli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**clean, **env},
        check=False,
    )


def one_line(text: str) -> str:
    """The single line of ``text``, failing if there are more."""
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


# -- every command ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["speakers"], ["search", "impetus"], ["stats"], ["show", "q1"], ["facts"]],
)
def test_every_command_succeeds_on_the_bundled_article(args: list[str]) -> None:
    """Each command prints something, no escape codes when captured, and exits 0."""
    result = invoke(*args)
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout.strip()
    assert ESC not in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(command: str) -> None:
    """--help shows an 'Example:' that runs this very command."""
    result = invoke(command, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == EXIT_OK
    assert "Example:" in result.stdout
    assert re.search(rf"^\s+cstocli {command}\b", result.stdout, re.MULTILINE)


def _all_command_paths() -> list[list[str]]:
    """Every command path the app has, groups walked: ["speakers"], ["library", "list"]..."""
    paths: list[list[str]] = []

    def walk(command: click.Command, path: list[str]) -> None:
        if isinstance(command, TyperGroup):
            if path:  # a group (cstocli library) has its own help, example included
                paths.append(path)
            for name, sub in command.commands.items():
                walk(sub, [*path, name])
        else:
            paths.append(path)

    walk(typer.main.get_command(cli.full_app()), [])
    return paths


def test_walk_every_command_help_has_an_example() -> None:
    """All commands, including groups' subcommands, show an 'Example:' in their --help."""
    paths = _all_command_paths()
    assert all([c] in paths for c in COMMANDS)
    for path in paths:
        result = invoke(*path, "--help", env={"COLUMNS": "200"})
        assert result.exit_code == EXIT_OK, path
        assert "Example:" in result.stdout, path
        assert f"cstocli {' '.join(path)}" in result.stdout, path


@pytest.mark.parametrize("command", [" ".join(p) for p in _all_command_paths()])
def test_every_command_is_in_the_readme(command: str) -> None:
    """Each command, subcommands included, appears in README.md as `cstocli <command>`."""
    assert f"cstocli {command}" in README.read_text(encoding="utf-8")


def test_the_command_list_is_complete() -> None:
    """COMMANDS above names every command the app registers (so the walks cover all)."""
    names = {c.name for c in cli.app.registered_commands}
    assert set(COMMANDS) <= names


def test_version() -> None:
    """--version prints the package version."""
    result = invoke("--version")
    assert result.exit_code == EXIT_OK
    assert result.stdout.strip() == f"cstocli {__version__}"


def test_mistyped_command_suggests_the_right_one() -> None:
    """A mistyped 'serch' is a one-line usage error that suggests 'search'."""
    result = invoke("serch", "impetus")
    assert result.exit_code == EXIT_USAGE
    assert one_line(result.stderr) == "cstocli: no such command 'serch' (did you mean 'search'?)"


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["search", "--jsn", "x"],
            "cstocli: search: no such option '--jsn' (did you mean '--json'?)",
        ),
        (["search"], "cstocli: search: missing argument TERM"),
        (["show"], "cstocli: show: missing argument QUOTE_ID"),
        (
            ["search", "--limit", "abc", "x"],
            "cstocli: search: invalid value for '--limit' / '-n': 'abc' is not a valid int",
        ),
        (["--bogus"], "cstocli: no such option '--bogus'"),
        (["library", "shw"], "cstocli: library: no such command 'shw' (did you mean 'show'?)"),
        (["library", "show"], "cstocli: library show: missing argument ID"),
    ],
)
def test_usage_errors_are_one_line_exit_2(args: list[str], line: str) -> None:
    """Unknown options, missing arguments, bad values: one stderr line, no panel, exit 2."""
    result = invoke(*args)
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == ""
    assert one_line(result.stderr) == line


def test_usage_error_in_a_real_process_is_one_plain_line() -> None:
    """A real run: the one line, no box drawing, no escape codes."""
    result = process("search", "--limit", "abc", "x")
    assert result.returncode == EXIT_USAGE
    assert one_line(result.stderr).startswith("cstocli: search: invalid value for '--limit'")


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["search"], "Usage: cstocli search [OPTIONS] TERM..."),
        (["show"], "Usage: cstocli show [OPTIONS] QUOTE_ID"),
        (["library", "remove"], "Usage: cstocli library remove [OPTIONS] ID..."),
    ],
)
def test_usage_line_names_arguments_without_braces(args: list[str], usage: str) -> None:
    """--help's usage line reads TERM... and ID..., not {TERM}."""
    result = invoke(*args, "--help", env={"COLUMNS": "200"})
    assert usage in result.stdout
    assert "{" not in result.stdout.split("\n\n", 2)[1]


def test_no_arguments_still_prints_the_help() -> None:
    """Plain 'cstocli' (and 'cstocli library') show their help, not an error line."""
    for args in ([], ["library"]):
        result = invoke(*args)
        assert "Usage: cstocli" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_data_option_reads_another_dataset(command: str) -> None:
    """--data points every command at the fixture article."""
    args = {"search": ["search", "drills"], "show": ["show", "q1"]}.get(command, [command])
    result = invoke(*args, "--data", str(FIXTURE), "--json")
    assert result.exit_code == EXIT_OK, result.output
    assert "Jane Doe" in result.stdout or "Testville" in result.stdout


def test_cstocli_data_environment_variable() -> None:
    """CSTOCLI_DATA does what --data does."""
    result = invoke("speakers", "--json", env={"CSTOCLI_DATA": str(FIXTURE)})
    assert [s["name"] for s in json.loads(result.stdout)] == ["Jane Doe", "Ivan Petrov"]


def test_missing_dataset_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """A --data file that does not exist: one stderr line naming it, exit 2."""
    missing = tmp_path / "nope.json"
    result = invoke("speakers", "--data", str(missing))
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == ""
    assert str(missing) in one_line(result.stderr)


# -- JSON contracts -----------------------------------------------------------------------------


def as_json(*args: str) -> Any:
    """Run a command with --json and parse its stdout."""
    result = invoke(*args, "--json")
    assert result.exit_code == EXIT_OK, result.output
    assert ESC not in result.stdout
    return json.loads(result.stdout)


def test_speakers_json(bundled: Dataset) -> None:
    """An array with id, name, role, quotes (a count) and words for each speaker."""
    payload = as_json("speakers")
    assert [s["id"] for s in payload] == [s.id for s in bundled.speakers]
    for row in payload:
        assert {"id", "name", "role", "quotes", "words"} <= row.keys()
        assert isinstance(row["quotes"], int)
        assert row["quotes"] == len(bundled.quotes_by(row["id"]))


def test_speakers_json_follows_sort() -> None:
    """--sort words orders the JSON too."""
    words = [s["words"] for s in as_json("speakers", "--sort", "words")]
    assert words == sorted(words, reverse=True)


def test_search_json(bundled: Dataset) -> None:
    """Hits carry quote_id, speaker, sentence, text, score, highlights and span, best first."""
    hits = as_json("search", "security", "--limit", "0")
    assert hits
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    for hit in hits:
        start, end = hit["span"]
        assert bundled.source_text[start:end] == hit["sentence"]
        passage = bundled.passage(hit["quote_id"])
        assert passage is not None
        assert hit["text"] == passage.text
        assert hit["sentence"] in hit["text"]
        speaker = None if passage.speaker_id is None else bundled.speaker(passage.speaker_id).name
        assert hit["speaker"] == speaker
        for a, b in hit["highlights"]:
            assert hit["sentence"][a:b].casefold() == "security"


def test_search_json_marks_narration_with_null_speaker() -> None:
    """A narration hit has speaker null."""
    hits = as_json("search", "hundreds of victims")
    assert hits[0]["speaker"] is None
    assert hits[0]["quote_id"].startswith("n")


def test_stats_json(bundled: Dataset) -> None:
    """figures: label, value (null for a vague amount), unit, qualifier, text and span."""
    payload = as_json("stats")
    assert len(payload["figures"]) == len(bundled.figures)
    for figure in payload["figures"]:
        assert {"label", "value", "unit", "qualifier", "text", "span"} <= figure.keys()
        assert isinstance(figure["value"], int | float) or figure["as_written"] == "hundreds"
        start, end = figure["span"]
        assert bundled.source_text[start:end] == figure["text"]
    qualifiers = {f["as_written"]: f["qualifier"] for f in payload["figures"]}
    assert qualifiers["up to 2,000"] == "up to"
    assert qualifiers["13,000"] is None
    vague = next(f for f in payload["figures"] if f["as_written"] == "hundreds")
    assert (vague["value"], vague["qualifier"]) == (None, None)
    assert payload["topics"][0]["topic"] == "2017 CSTO exercises"
    assert [s["name"] for s in payload["speakers"]] == [s.name for s in bundled.speakers]


def test_show_json(bundled: Dataset) -> None:
    """show: the passage with speaker, role, paragraphs (text, span, line) and its lines."""
    payload = as_json("show", "q3")
    assert payload["quote_id"] == "q3"
    assert payload["speaker"] == "Vladimir Makei"
    assert payload["role"] == "Minister of Foreign Affairs of the Republic of Belarus"
    for paragraph in payload["paragraphs"]:
        start, end = paragraph["span"]
        assert bundled.source_text[start:end] == paragraph["text"]
    assert payload["lines"] == [23, 25]


def test_facts_json(bundled: Dataset) -> None:
    """facts: the event, member states, and the priority areas and documents adopted."""
    payload = as_json("facts")
    assert payload["event"]["city"] == "Minsk"
    assert len(payload["member_states"]) == 6
    lists = {item["id"]: item for item in payload["lists"]}
    assert len(lists["priority-areas"]["items"]) == 5
    assert len(lists["documents-adopted"]["items"]) == 3
    for item in lists["documents-adopted"]["items"]:
        start, end = item["span"]
        assert bundled.source_text[start:end] == item["text"]


# -- search behaviour ---------------------------------------------------------------------------


def test_search_limit_cuts_and_says_so_on_stderr() -> None:
    """--limit 2 prints two hits and 'showing 2 of M' on stderr."""
    result = invoke("search", "security", "--limit", "2")
    assert result.exit_code == EXIT_OK
    assert len(result.stdout.splitlines()) == 2
    assert re.fullmatch(r"cstocli: showing 2 of \d+ hits.*", one_line(result.stderr))


def test_search_limit_zero_shows_all() -> None:
    """--limit 0 shows every hit and no note."""
    everything = invoke("search", "security", "--limit", "0")
    assert everything.stderr == ""
    assert len(everything.stdout.splitlines()) > 2


def test_search_negative_limit_is_a_usage_error() -> None:
    """--limit -1: exit 2 with a clear message."""
    result = invoke("search", "security", "--limit", "-1")
    assert result.exit_code == EXIT_USAGE
    assert "--limit" in one_line(result.stderr)


@pytest.mark.parametrize("query", ["", "   ", "\t\n", '""', "!!!"])
def test_empty_query_is_a_usage_error(query: str) -> None:
    """A query with no word at all (empty, blank, an empty phrase): exit 2, a hint."""
    result = invoke("search", query)
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == ""
    assert "cstocli search" in one_line(result.stderr)


@pytest.mark.parametrize(
    "query", ["zzzz", "x" * 10_000, "\x00\x1b[31m\x07", "security " * 2000, "🙂 ́"]
)
def test_odd_queries_never_crash(query: str) -> None:
    """Huge, control-character and emoji queries end in a result or one clear line."""
    result = CliRunner().invoke(cli.app, ["search", query], env=QUIET_ENV, catch_exceptions=False)
    assert result.exit_code in {EXIT_OK, EXIT_NO_MATCH}
    if result.exit_code == EXIT_NO_MATCH:
        assert result.stdout == ""
        message = one_line(result.stderr)
        assert ESC not in message
        assert len(message) < 200


def test_nothing_matched_exits_1_with_a_hint() -> None:
    """No hits: exit 1, empty stdout, one hint line on stderr."""
    result = invoke("search", "zzzz")
    assert result.exit_code == EXIT_NO_MATCH
    assert result.stdout == ""
    assert "no matches for 'zzzz'" in one_line(result.stderr)


def test_common_words_alone_explain_themselves() -> None:
    """'the' alone matches nothing, and the hint says why."""
    result = invoke("search", "the")
    assert result.exit_code == EXIT_NO_MATCH
    assert "too common" in one_line(result.stderr)


def test_speaker_filter_is_fuzzy() -> None:
    """--speaker lukashenka (a transliteration) keeps only Lukashenko's hits."""
    hits = as_json("search", "security", "--speaker", "lukashenka", "--limit", "0")
    assert hits
    assert {h["speaker"] for h in hits} == {"Alexander Lukashenko"}


def test_unknown_speaker_suggests_names() -> None:
    """An unknown speaker: exit 2 and the closest names on one line."""
    result = invoke("search", "security", "--speaker", "Nazarbaef Bob")
    assert result.exit_code == EXIT_USAGE
    assert "did you mean" in one_line(result.stderr)
    assert "Nursultan Nazarbayev" in result.stderr


def test_speaker_filter_with_no_hits_exits_1() -> None:
    """Syria --speaker nazarbayev: no hits, exit 1, the hint names the speaker."""
    result = invoke("search", "Syria", "--speaker", "nazarbayev")
    assert result.exit_code == EXIT_NO_MATCH
    assert "Nursultan Nazarbayev" in one_line(result.stderr)


def test_piped_search_is_one_hit_per_line_with_tabs() -> None:
    """Plain output: quote id, speaker, sentence (--context: and the quote), tab-separated."""
    result = invoke("search", "security", "--limit", "0", "--context")
    for line in result.stdout.splitlines():
        quote_id, speaker, sentence, quote = line.split("\t")
        assert re.fullmatch(r"[qn]\d+", quote_id)
        assert speaker
        assert "security" in sentence.casefold()
        assert sentence in quote


def test_bracketed_quote_prints_exactly() -> None:
    """A quote containing [bold] and [the president] prints verbatim, in colour too."""
    sentence = "Markup such as [bold] and [the president] must print exactly as written."
    for color in ("never", "always"):
        result = invoke("search", "markup", "--data", str(FIXTURE), "--color", color)
        plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
        assert sentence in plain
    shown = invoke("show", "q1", "--data", str(FIXTURE))
    assert sentence in shown.stdout
    facts = invoke("facts", "--data", str(FIXTURE))
    assert "[security]" in facts.stdout


def test_emoji_codes_and_curly_quotes_are_not_interpreted() -> None:
    """':smile:' stays text and typographic quotes survive."""
    result = invoke("show", "q2", "--data", str(FIXTURE))
    assert "\u00c9mile\u2019s \u201csmart quotes\u201d stay: :smile: too." in result.stdout


def test_color_always_styles_piped_output() -> None:
    """--color always styles a table even into a pipe; never emits none; TSV is never styled."""
    assert ESC in invoke("speakers", "-f", "table", "--color", "always").stdout
    table = invoke("speakers", "-f", "table", "--color", "never", env={"FORCE_COLOR": "1"})
    assert ESC not in table.stdout
    assert ESC not in invoke("speakers", "--color", "always").stdout


def test_force_color_turns_colour_on() -> None:
    """FORCE_COLOR colours output that is not a terminal; NO_COLOR beats it."""
    assert ESC in invoke("stats", "-f", "table", env={"FORCE_COLOR": "1"}).stdout
    no_color: dict[str, str | None] = {"FORCE_COLOR": "1", "NO_COLOR": "1"}
    assert ESC not in invoke("stats", "-f", "table", env=no_color).stdout


# -- show ---------------------------------------------------------------------------------------


def test_show_prints_speaker_role_and_lines() -> None:
    """The q5 quote names Khachaturov, his role and the source lines."""
    result = invoke("show", "q5", "--format", "table")
    assert "Yuri Khachaturov" in result.stdout
    assert "Secretary General of the CSTO" in result.stdout
    assert "lines 31-37" in result.stdout


def test_show_unknown_id_is_a_clear_error() -> None:
    """An unknown id: exit 2 and one line listing the valid ids."""
    result = invoke("show", "q42")
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == ""
    assert "q1-q5" in one_line(result.stderr)


# -- completion ---------------------------------------------------------------------------------


def _context(data: Path | None) -> typer.Context:
    command = typer.main.get_command(cli.app)
    context = typer.Context(command)
    context.params["data"] = data
    return context


def test_complete_speaker_offers_ids_then_name_words() -> None:
    """Nothing typed: speaker ids; 'luk': the surname spellings that start so."""
    every = completion.complete_speaker(_context(None), "")
    assert ("alexander-lukashenko", "Alexander Lukashenko") in every
    typed = dict(completion.complete_speaker(_context(None), "luk"))
    assert typed.keys() == {"lukashenko", "lukashenka"}
    assert dict(completion.complete_speaker(_context(FIXTURE), "Iv")) == {"Ivan": "Ivan Petrov"}


def test_complete_passage_offers_ids_with_their_speaker() -> None:
    """'cstocli show q<TAB>' offers the quote ids, each with who says it."""
    offered = dict(completion.complete_passage(_context(None), "q"))
    assert offered["q3"] == "Vladimir Makei"
    assert all(key.startswith("q") for key in offered)
    assert dict(completion.complete_passage(_context(None), "n1")) == {"n1": "narration"}
    assert completion.complete_passage(_context(Path("/nonexistent.json")), "") == []


def test_complete_speaker_survives_a_broken_dataset(tmp_path: Path) -> None:
    """A bad --data during completion offers nothing instead of failing."""
    assert completion.complete_speaker(_context(tmp_path / "missing.json"), "a") == []


@pytest.mark.parametrize("command", [["search", "x"], ["random"]])
def test_shell_completion_completes_speakers(command: list[str]) -> None:
    """The bash completion protocol returns speaker names after --speaker (search, random)."""
    words = [*command, "--speaker", "naz"]
    result = process(
        *words,
        _CSTOCLI_COMPLETE="complete_bash",
        COMP_WORDS=" ".join(["cstocli", *words]),
        COMP_CWORD=str(len(words)),
    )
    assert result.returncode == 0
    assert set(result.stdout.split()) == {"nazarbayev", "nazarbaev"}


def test_show_completion_prints_a_script() -> None:
    """--show-completion (what --install-completion installs) prints a shell script."""
    result = process("--show-completion", "bash")
    assert result.returncode == 0
    assert "_CSTOCLI_COMPLETE" in result.stdout
    assert "--install-completion" in invoke("--help").stdout


# -- entry points -------------------------------------------------------------------------------


def test_run_returns_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    """run(argv) returns 0, 1 and 2 rather than exiting."""
    assert cli.run(["speakers", "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)
    assert cli.run(["search", "zzzz"]) == EXIT_NO_MATCH
    assert cli.run(["serch"]) == EXIT_USAGE
    assert cli.run(["show", "q99"]) == EXIT_USAGE


def test_run_builds_the_same_command_lean_or_full(capsys: pytest.CaptureFixture[str]) -> None:
    """Building only the invoked command changes nothing the user sees."""
    cli.run(["search", "--help"])
    lean = capsys.readouterr().out
    command = typer.main.get_command(cli.app)
    with pytest.raises(SystemExit):
        command.main(["search", "--help"], prog_name="cstocli")
    assert capsys.readouterr().out == lean


def test_main_exits_with_the_code() -> None:
    """main() raises SystemExit with run()'s code (python -m cstocli relies on it)."""
    with pytest.raises(SystemExit) as done:
        cli.main(["show", "q99"])
    assert done.value.code == EXIT_USAGE


# -- real processes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["speakers"], 0),
        (["stats"], 0),
        (["facts"], 0),
        (["show", "n2"], 0),
        (["search", "impetus"], 0),
        (["search", "zzzz"], 1),
        (["show", "q0"], 2),
        (["speakers", "--data", "/nonexistent/x.json"], 2),
        (["serch"], 2),
    ],
)
def test_piped_process_exit_codes_and_no_escapes(args: list[str], code: int) -> None:
    """A real piped run: the documented exit code, no escape codes, no traceback."""
    result = process(*args)
    assert result.returncode == code, result.stderr
    assert ESC not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_piped_output_is_not_wrapped_at_80_columns(bundled: Dataset) -> None:
    """A long sentence stays on one line when piped."""
    result = process("search", "convinced")
    longest = max(len(line) for line in result.stdout.splitlines())
    assert longest > 120
    assert len(result.stdout.splitlines()) == 1


def test_columns_40_stays_within_40(bundled: Dataset) -> None:
    """COLUMNS=40 at a terminal: tables become records no wider than 40, names intact."""
    for command in ("speakers", "stats", "facts"):
        out = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", run_in_terminal(command, COLUMNS="40"))
        assert max(len(line.rstrip()) for line in out.splitlines()) <= 40
    assert "Minister of Foreign Affairs" in run_in_terminal("speakers", COLUMNS="40")


@pytest.mark.parametrize("args", [["show", "q1"], ["facts"], ["stats"], ["speakers"]])
def test_piped_output_ignores_columns_and_has_no_padding(args: list[str]) -> None:
    """COLUMNS=80 exported, piped: nothing wrapped at 80, no line ends in spaces."""
    wide = process(*args)
    result = process(*args, COLUMNS="80")
    assert result.stdout == wide.stdout
    assert not [line for line in result.stdout.splitlines() if line != line.rstrip()]
    if args[0] == "show":
        assert max(len(line) for line in result.stdout.splitlines()) > 80


def test_a_terminal_of_size_0x0_gets_80_columns() -> None:
    """A pseudo-terminal reporting 0x0 (script -qc from a pipe) still prints, at 80."""
    out = run_in_terminal("stats", size=(0, 0))
    plain = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", out)
    assert "Speakers" in plain
    assert max(len(line.rstrip()) for line in plain.splitlines()) <= 80


def test_ascii_output_encoding_degrades_instead_of_crashing() -> None:
    """PYTHONIOENCODING=ascii: '?' for what ASCII cannot show; JSON escapes it exactly."""
    shown = process("show", "q2", "--data", str(FIXTURE), PYTHONIOENCODING="ascii")
    assert shown.returncode == 0, shown.stderr
    assert "?mile?s ?smart quotes?" in shown.stdout
    as_json = process("show", "q2", "--json", "--data", str(FIXTURE), PYTHONIOENCODING="ascii")
    assert as_json.returncode == 0
    assert "\u00c9mile\u2019s" in json.loads(as_json.stdout)["text"]
    stats = process("stats", PYTHONIOENCODING="ascii")
    assert stats.returncode == 0, stats.stderr


def test_broken_pipe_ends_quietly() -> None:
    """The reader goes away (like `| head -0`): no traceback, no complaint, exit 0."""
    argv = [sys.executable, "-m", "cstocli", "search", "security", "--limit", "0", "--context"]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        child.stdout.close()  # before the child writes: its first write hits a closed pipe
        errors = child.stderr.read().decode()
        assert child.wait() == 0
    assert errors == ""


def test_head_one_reads_the_first_hit() -> None:
    """`| head -1` style: the first line is the best hit and the child ends cleanly."""
    argv = [sys.executable, "-m", "cstocli", "search", "security", "--limit", "0"]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        first = child.stdout.readline()
        child.stdout.close()
        errors = child.stderr.read()
        assert child.wait() == 0
    assert first.count("\t") == 2
    assert "Traceback" not in errors


def run_in_terminal(*args: str, size: tuple[int, int] = (40, 100), **env: str) -> str:
    """Run ``python -m cstocli`` attached to a pseudo-terminal (rows, columns); its output.

    ``PAGER=cat`` unless the test says otherwise: paging has its own tests.
    """
    pty = pytest.importorskip("pty")
    import fcntl  # noqa: PLC0415 - POSIX only, like pty
    import struct  # noqa: PLC0415
    import termios  # noqa: PLC0415

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", *size, 0, 0))
    clean = {k: v for k, v in os.environ.items() if k not in QUIET_ENV}
    with subprocess.Popen(
        [sys.executable, "-m", "cstocli", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**clean, "TERM": "xterm-256color", "PAGER": "cat", **env},
    ) as child:
        os.close(slave)
        received = read_terminal(master)
        assert child.wait() == 0
    os.close(master)
    return received.decode()


def test_terminal_output_is_coloured_and_fits_the_width() -> None:
    """At a terminal: colour by default, hits as blocks, lines within the terminal's width."""
    out = run_in_terminal("search", "security", "--limit", "3")
    assert "\x1b[1;33m" in out  # the matched words are highlighted
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "\t" not in plain  # blocks, not the piped one-line form
    assert max(len(line) for line in plain.splitlines()) <= 100


def test_no_color_at_a_terminal() -> None:
    """NO_COLOR (non-empty) or TERM=dumb at a terminal: no escape codes at all."""
    assert ESC not in run_in_terminal("stats", NO_COLOR="1")
    assert ESC not in run_in_terminal("speakers", TERM="dumb")


# -- start-up discipline: what each command imports (the timings live in bench/startup.py) --


def modules_loaded(tmp_path: Path, *args: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running cstocli with ``args``."""
    record = tmp_path / "modules.json"
    probe = (
        "import json, sys\n"
        "from cstocli.cli.app import run\n"
        f"run({list(args)!r})\n"
        f"open({str(record)!r}, 'w').write(json.dumps(sorted(sys.modules)))\n"
    )
    clean = {k: v for k, v in os.environ.items() if k not in QUIET_ENV}
    subprocess.run([sys.executable, "-c", probe], capture_output=True, env=clean, check=True)
    return set(json.loads(record.read_text()))


@pytest.mark.parametrize(
    "args", [["speakers", "--json"], ["stats", "--json"], ["search", "impetus", "--json"]]
)
def test_json_output_never_imports_rich(tmp_path: Path, args: list[str]) -> None:
    """--json needs no renderer: Rich stays unimported."""
    loaded = modules_loaded(tmp_path, *args)
    assert not {m for m in loaded if m == "rich" or m.startswith("rich.")}


@pytest.mark.parametrize("args", [["speakers"], ["stats"], ["show", "q1"]])
def test_plain_commands_skip_search_and_library(tmp_path: Path, args: list[str]) -> None:
    """Only search loads the engine and RapidFuzz; only library commands load theirs."""
    loaded = modules_loaded(tmp_path, *args)
    for heavy in (
        "rapidfuzz",
        "cstocli.search.engine",
        "cstocli.cli.library_commands",
        "sqlite3",
        "rich.table",
    ):
        assert heavy not in loaded
    assert not {"jsonschema", "pydantic"} & loaded


def test_piped_search_without_colour_never_imports_rich(tmp_path: Path) -> None:
    """Piped hit lines are plain text: no Rich at all, unless --color always asks for it."""
    loaded = modules_loaded(tmp_path, "search", "impetus")
    assert "cstocli.search.engine" in loaded
    assert not {m for m in loaded if m == "rich" or m.startswith("rich.")}
    coloured = modules_loaded(tmp_path, "search", "impetus", "--color", "always")
    assert "rich.console" in coloured
    assert "rich.table" not in coloured


def test_data_path_expands_the_home_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CSTOCLI_DATA=~/x.json works even where no shell expanded the tilde."""
    home = tmp_path / "home"
    home.mkdir()
    for name in ("bracket-summit.json", "bracket-summit.txt"):
        (home / name).write_bytes((FIXTURE.parent / name).read_bytes())
    monkeypatch.setenv("HOME", str(home))
    result = invoke("speakers", "--json", env={"CSTOCLI_DATA": "~/bracket-summit.json"})
    assert result.exit_code == EXIT_OK, result.output
    assert json.loads(result.stdout)[0]["name"] == "Jane Doe"


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_query_ends_in_hits_or_one_line(query: str) -> None:
    """Any Unicode query: hits (exit 0), or exit 1 or 2 with one clean stderr line."""
    result = CliRunner().invoke(
        cli.app, ["search", "--", query], env=QUIET_ENV, catch_exceptions=False
    )
    assert result.exit_code in {EXIT_OK, EXIT_NO_MATCH, EXIT_USAGE}
    if result.exit_code != EXIT_OK:
        assert result.stdout == ""
        assert ESC not in one_line(result.stderr)


def test_facts_of_an_article_without_any_exits_1(tmp_path: Path) -> None:
    """No event and no lists: nothing to show, exit 1 with a one-line hint."""
    bare = json.loads(FIXTURE.read_text(encoding="utf-8"))
    bare["event"] = None
    bare["lists"] = []
    (tmp_path / "bare.json").write_text(json.dumps(bare), encoding="utf-8")
    source = FIXTURE.with_suffix(".txt")
    (tmp_path / source.name).write_bytes(source.read_bytes())
    for extra in ([], ["--json"]):
        result = invoke("facts", "--data", str(tmp_path / "bare.json"), *extra)
        assert result.exit_code == EXIT_NO_MATCH
        if extra:  # --json keeps its shape, empty, for scripts
            assert json.loads(result.stdout)["lists"] == []
        else:
            assert result.stdout == ""
        assert "no event and no lists" in one_line(result.stderr)


def test_root_help_lists_every_command_whatever_follows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """'cstocli -h speakers' is the root help, with all commands, not just speakers."""
    assert cli.run(["-h", "speakers"]) == EXIT_OK
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out


# -- the library: --article ID, --all, --library PATH -------------------------------------------


@pytest.fixture
def library(tmp_path: Path, bundled: Dataset) -> Path:
    """A library holding the bundled summit and the bracket fixture article."""
    path = tmp_path / "library.sqlite3"
    with open_library(path) as lib:
        lib.store(bundled)
        lib.store(load(FIXTURE))
    return path


def in_library(library: Path, *args: str) -> Result:
    """Run cstocli in-process with CSTOCLI_LIBRARY pointing at ``library``."""
    return invoke(*args, env={"CSTOCLI_LIBRARY": str(library)})


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("the", "the: too common to search alone; quote a phrase to search it exactly"),
        ("zzzz", "no matches for 'zzzz' in the library"),
    ],
)
def test_search_all_explains_no_match_like_one_article(
    library: Path, query: str, message: str
) -> None:
    """Nothing found in the library: exit 1 and the same hints as for one article."""
    result = in_library(library, "search", query, "--all")
    assert result.exit_code == EXIT_NO_MATCH
    assert result.stdout == ""
    assert one_line(result.stderr) == f"cstocli: {message}"


@pytest.mark.parametrize("command", COMMANDS)
def test_article_reads_one_library_article(library: Path, command: str) -> None:
    """--article ID points every reading command at that stored article."""
    args = {"search": ["search", "drills"], "show": ["show", "q1"]}.get(command, [command])
    result = in_library(library, *args, "--article", "bracket-summit", "--json")
    assert result.exit_code == EXIT_OK, result.output
    assert "Jane Doe" in result.stdout or "Testville" in result.stdout


def test_article_search_hits_carry_their_article(library: Path) -> None:
    """Library hits name their article; bundled hits keep their keys (no 'article')."""
    hits = json.loads(
        in_library(library, "search", "drills", "--article", "bracket-summit", "--json").stdout
    )
    assert hits
    assert {h["article"] for h in hits} == {"bracket-summit"}
    assert "article" not in as_json("search", "impetus")[0]
    shown = json.loads(
        in_library(library, "show", "q1", "--article", "bracket-summit", "--json").stdout
    )
    assert shown["article"] == "bracket-summit"


def test_unknown_article_is_one_line_naming_close_ids(library: Path) -> None:
    """--article with a mistyped id: exit 2, one stderr line with the close ids."""
    result = in_library(library, "speakers", "--article", "bracket-sumit")
    assert result.exit_code == EXIT_USAGE
    assert result.stdout == ""
    assert "did you mean bracket-summit?" in one_line(result.stderr)


def test_all_searches_every_article(library: Path) -> None:
    """The search --all finds hits in both articles, each with its article id."""
    hits = json.loads(
        in_library(library, "search", "security", "--all", "--limit", "0", "--json").stdout
    )
    assert {h["article"] for h in hits} == {"csto-minsk-2017", "bracket-summit"}
    assert {"quote_id", "speaker", "sentence", "text", "score", "highlights", "span"} <= hits[
        0
    ].keys()


def test_all_piped_search_starts_each_line_with_the_article(library: Path) -> None:
    """Piped, an --all hit is article, id, speaker and sentence, tab-separated."""
    result = in_library(library, "search", "drills", "--all")
    assert result.exit_code == EXIT_OK, result.output
    article, quote_id, who, sentence = result.stdout.splitlines()[0].split("\t")
    assert (article, quote_id, who) == ("bracket-summit", "q1", "Jane Doe")
    assert "drills" in sentence


def test_all_speakers_counts_articles(library: Path, bundled: Dataset) -> None:
    """The speakers --all command lists every speaker once with an articles count."""
    rows = json.loads(in_library(library, "speakers", "--all", "--json").stdout)
    assert len(rows) == len(bundled.speakers) + 2
    assert {"id", "name", "role", "quotes", "words", "articles"} <= rows[0].keys()
    assert all(r["articles"] == 1 for r in rows)
    table = in_library(library, "speakers", "--all", "--sort", "name", "--format", "table")
    assert "Articles" in table.stdout
    assert "Ivan Petrov" in table.stdout
    piped = in_library(library, "speakers", "--all", "--sort", "name").stdout.splitlines()
    petrov = next(line.split("\t") for line in piped if line.startswith("Ivan Petrov"))
    assert petrov[-1] == "bracket-summit"  # in one article only: it is named


def test_all_stats_and_facts_name_each_article(library: Path, bundled: Dataset) -> None:
    """With --all, stats and facts give every article's figures and facts, each named."""
    stats = json.loads(in_library(library, "stats", "--all", "--json").stdout)
    assert len(stats["figures"]) == len(bundled.figures) + 4
    assert {f["article"] for f in stats["figures"]} == {"csto-minsk-2017", "bracket-summit"}
    facts = json.loads(in_library(library, "facts", "--all", "--json").stdout)
    assert [f["article"] for f in facts] == ["csto-minsk-2017", "bracket-summit"]
    assert "bracket-summit" in in_library(library, "stats", "--all").stdout
    assert "bracket-summit" in in_library(library, "facts", "--all").stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_all_on_a_missing_library_is_one_line_exit_1(tmp_path: Path, command: str) -> None:
    """--all before any import: exit 1 and one line saying how to add articles."""
    args = {"search": ["search", "drills"], "show": ["show", "q1"]}.get(command, [command])
    args = [*args, "--article", "x"] if command == "show" else [*args, "--all"]
    result = in_library(tmp_path / "none.sqlite3", *args)
    assert result.stdout == ""
    assert result.exit_code == (EXIT_USAGE if command == "show" else EXIT_NO_MATCH)
    assert "import" in one_line(result.stderr)


@pytest.mark.parametrize(
    "extra",
    [
        ["--data", str(FIXTURE), "--all"],
        ["--data", str(FIXTURE), "--article", "bracket-summit"],
        ["--all", "--article", "bracket-summit"],
    ],
)
def test_two_sources_at_once_are_a_usage_error(library: Path, extra: list[str]) -> None:
    """--data with --article/--all, or both of those: exit 2 with one line."""
    result = in_library(library, "speakers", *extra)
    assert result.exit_code == EXIT_USAGE
    assert "choose one" in one_line(result.stderr)


def test_cstocli_data_yields_to_the_library_flags(library: Path) -> None:
    """CSTOCLI_DATA in the environment is no clash: --all reads the library."""
    env: dict[str, str | None] = {"CSTOCLI_LIBRARY": str(library), "CSTOCLI_DATA": str(FIXTURE)}
    result = invoke("speakers", "--all", "--json", env=env)
    assert result.exit_code == EXIT_OK, result.output


def test_show_all_asks_for_one_article(library: Path) -> None:
    """The show --all command cannot pick among articles: a usage error pointing at --article."""
    result = in_library(library, "show", "q1", "--all")
    assert result.exit_code == EXIT_USAGE
    assert "--article" in one_line(result.stderr)


def test_library_option_and_a_real_process(library: Path) -> None:
    """A real run with --library PATH: exit 0, JSON hits from the named article."""
    result = process(
        "search", "drills", "--library", str(library), "--article", "bracket-summit", "--json"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["article"] == "bracket-summit"


def test_completion_follows_article_and_all(library: Path) -> None:
    """--speaker completes the named article's speakers, or the whole library's with --all."""
    context = _context(None)
    context.params.update(article="bracket-summit", library=library)
    assert dict(completion.complete_speaker(context, "Iv")) == {"Ivan": "Ivan Petrov"}
    assert dict(completion.complete_passage(context, "q1")) == {"q1": "Jane Doe"}
    context.params.update(article=None, all_=True)
    names = dict(completion.complete_speaker(context, ""))
    assert {"Ivan Petrov", "Alexander Lukashenko"} <= set(names.values())


def test_bundled_commands_still_skip_the_library(tmp_path: Path) -> None:
    """With CSTOCLI_LIBRARY set but no --article/--all, library modules stay unimported."""
    loaded = modules_loaded(tmp_path, "speakers")
    assert not {"cstocli.library", "cstocli.cli.library_commands", "sqlite3"} & loaded


@pytest.mark.parametrize("typed", ["lodz", "aero", "koln"])
def test_plain_letters_find_accented_places_in_memory_and_in_the_library(
    tmp_path: Path, db: Path, typed: str
) -> None:
    """'lodz' finds Łódź, 'aero' Ærø, 'koln' Köln: in one article and across the library."""
    article = tmp_path / "trip.txt"
    article.write_text(
        "Ministers tour three cities\n\nAnna Berg, Minister of Trade:\n"
        "We met in Łódź on Monday, sailed to Ærø on Tuesday and reached Köln by Friday.\n",
        encoding="utf-8",
    )
    assert invoke("import", str(article)).exit_code == EXIT_OK
    exported = invoke("library", "export", "trip", "-o", str(tmp_path / "out"))
    assert exported.exit_code == EXIT_OK, exported.output
    for source in (["--data", str(tmp_path / "out" / "trip.json")], ["--all"]):
        result = invoke("search", typed, *source)
        assert result.exit_code == EXIT_OK, result.output
        assert "Łódź on Monday" in result.stdout
