"""The output formats through the real commands: table, TSV, CSV, JSON, JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from cstocli.cli import app as cli
from cstocli.model import Dataset

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
QUIET_ENV = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None, "CSTOCLI_DATA": None}


def invoke(*args: str, library: Path | None = None) -> Result:
    """Run cstocli in-process (stdout is not a terminal), optionally on a library."""
    env: dict[str, str | None] = {**QUIET_ENV, "CSTOCLI_LIBRARY": str(library or "")}
    return CliRunner().invoke(cli.full_app(), list(args), env=env)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library holding three fixture articles."""
    path = tmp_path / "lib.sqlite3"
    names = ["label_alone.txt", "interview_blank.txt", "reported_speech.txt"]
    done = invoke("import", *(str(ARTICLES / n) for n in names), library=path)
    assert done.exit_code == 0, done.output
    return path


def test_piped_default_is_tsv_without_header(bundled: Dataset) -> None:
    """Piped speakers: one tab-separated record a line, no header, no rule line."""
    lines = invoke("speakers").stdout.splitlines()
    assert len(lines) == len(bundled.speakers)
    assert [line.split("\t")[0] for line in lines] == [s.name for s in bundled.speakers]
    assert all(line.count("\t") == 4 for line in lines)
    assert "\u2500" not in invoke("speakers").stdout


def test_tsv_header_and_csv_header_choices() -> None:
    """--header adds the column keys to TSV; CSV has them unless --no-header."""
    tsv = invoke("speakers", "--header").stdout.splitlines()
    assert tsv[0] == "name\trole\taffiliation\tquotes\twords"
    rows = list(csv.reader(io.StringIO(invoke("speakers", "-f", "csv").stdout)))
    assert rows[0] == ["name", "role", "affiliation", "quotes", "words"]
    bare = list(csv.reader(io.StringIO(invoke("speakers", "-f", "csv", "--no-header").stdout)))
    assert bare == rows[1:]


def test_csv_is_rfc_4180() -> None:
    """CSV lines end in CRLF and a field with a comma is quoted."""
    raw = invoke("speakers", "-f", "csv").stdout_bytes
    assert raw.count(b"\r\n") == raw.count(b"\n") == 5
    stats = invoke("stats", "-f", "csv").stdout
    assert '"up to 2,000"' in stats
    assert list(csv.reader(io.StringIO(stats)))[1][1] == "six"


def test_json_lines_one_item_a_line() -> None:
    """--format jsonl prints each array item on one line, parseable alone, same keys as --json."""
    whole = json.loads(invoke("speakers", "--json").stdout)
    lines = invoke("speakers", "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == whole
    stats = invoke("stats", "-f", "jsonl").stdout.splitlines()
    assert len(stats) == 1
    assert json.loads(stats[0]) == json.loads(invoke("stats", "--json").stdout)


def test_json_conflicting_with_another_format_is_a_usage_error() -> None:
    """--json with --format csv is refused in one line, exit 2; with --format json it is fine."""
    result = invoke("speakers", "--json", "--format", "csv")
    assert result.exit_code == 2
    assert "--json is --format json" in result.stderr
    assert invoke("speakers", "--json", "--format", "json").exit_code == 0


def test_empty_search_is_an_empty_array_or_nothing() -> None:
    """No hits: --json prints [] and jsonl prints nothing; both exit 1 with a hint."""
    as_json = invoke("search", "zzzz", "--json")
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout) == []
    lines = invoke("search", "zzzz", "-f", "jsonl")
    assert lines.exit_code == 1
    assert lines.stdout == ""
    assert "no matches" in lines.stderr


def test_scores_have_two_decimals_in_every_format() -> None:
    """A hit's score is rounded to two decimals in JSON, JSON Lines and CSV."""
    for fmt in ("json", "jsonl"):
        out = invoke("search", "informaton", "securty", "-f", fmt).stdout
        hits = json.loads(out) if fmt == "json" else [json.loads(x) for x in out.splitlines()]
        assert all(round(h["score"], 2) == h["score"] for h in hits)
        assert all(len(repr(h["score"]).split(".")[-1]) <= 2 for h in hits)


def test_piped_search_keeps_its_columns() -> None:
    """Piped search is still id, speaker, sentence; with --header, the keys come first."""
    lines = invoke("search", "impetus").stdout.splitlines()
    assert lines[0].split("\t")[:2] == ["q1", "Alexander Lukashenko"]
    header = invoke("search", "impetus", "--header").stdout.splitlines()
    assert header[0] == "quote_id\tspeaker\tsentence"
    assert header[1] == lines[0]


def test_piped_stats_is_one_figure_a_line(bundled: Dataset) -> None:
    """Piped stats: one line per figure, topic a column, no titles and no speaker counts."""
    lines = invoke("stats", "--header").stdout.splitlines()
    assert lines[0] == "label\tas_written\tunit\ttopic\tline\tarticle"
    assert len(lines) == 1 + len(bundled.figures)
    topics = {line.split("\t")[3] for line in lines[1:]}
    assert "2017 CSTO exercises" in topics
    assert not any("Speakers" in line or "Lukashenko" in line for line in lines)


def test_show_and_facts_rows() -> None:
    """Piped show is one paragraph a line with its line; piped facts one fact a line."""
    show = invoke("show", "q2").stdout.splitlines()
    assert len(show) == 3
    assert [line.split("\t")[3] for line in show] == ["16", "18", "20"]
    facts = invoke("facts").stdout.splitlines()
    assert "csto-minsk-2017\tevent\tdate\t2017-11-30" in facts


def test_show_at_a_table_says_the_line_once() -> None:
    """A one-paragraph quote names its line in the header only (it was printed twice)."""
    out = invoke("show", "q4", "-f", "table").stdout
    assert out.startswith("q4  Nursultan Nazarbayev  line 28\n")
    assert "\nline 28\n" not in out  # no label over the one paragraph


def test_repeated_speaker_means_any_of_them() -> None:
    """--speaker twice: hits of either speaker, and of no one else."""
    lines = invoke("search", "security", "-s", "lukashenka", "-s", "khachaturov", "-n", "0")
    speakers = {line.split("\t")[1] for line in lines.stdout.splitlines()}
    assert speakers == {"Alexander Lukashenko", "Yuri Khachaturov"}


def test_repeated_speaker_in_the_library(library: Path) -> None:
    """--speaker twice with --all: the library's hits of either speaker."""
    lines = invoke(
        "search",
        "the",
        "grain",
        "-s",
        "martinez",
        "-s",
        "okafor",
        "--all",
        "-n",
        "0",
        library=library,
    ).stdout.splitlines()
    assert lines
    assert {line.split("\t")[2] for line in lines} <= {"José Martínez", "Amara Okafor"}


def test_library_list_formats(library: Path) -> None:
    """``library list``: TSV piped, CSV with a header, JSON unchanged, a width-aware table."""
    tsv = invoke("library", "list", library=library).stdout.splitlines()
    assert [line.split("\t")[0] for line in tsv] == [
        "label-alone",
        "interview-blank",
        "reported-speech",
    ]
    rows = list(
        csv.reader(io.StringIO(invoke("library", "list", "-f", "csv", library=library).stdout))
    )
    assert rows[0] == ["id", "speakers", "quotes", "figures", "title"]
    keys = json.loads(invoke("library", "list", "--json", library=library).stdout)[0].keys()
    assert {"id", "title", "file", "sha256", "imported_at", "speakers"} <= keys


def test_library_show_rows_are_its_speakers(library: Path) -> None:
    """Piped library show: its speakers as `speakers` prints them."""
    shown = invoke("library", "show", "label-alone", library=library).stdout
    same = invoke("speakers", "--article", "label-alone", library=library).stdout
    assert shown == same


def test_import_rows_and_warning_summary(tmp_path: Path) -> None:
    """Piped import: status, id, file and counts a line; one warning summary line per file."""
    path = str(ARTICLES / "reported_speech.txt")
    result = invoke("import", path, library=tmp_path / "lib.sqlite3")
    assert result.stdout.split("\t")[:3] == ["imported", "reported-speech", path]
    assert result.stderr.splitlines() == [
        f"cstocli: warning: {path}: 5 warnings, see --review (or -v)"
    ]


def test_import_quiet_and_verbose(tmp_path: Path) -> None:
    """-q prints no warning; -v prints each; both together are a usage error."""
    path = str(ARTICLES / "reported_speech.txt")
    quiet = invoke("import", "-q", path, library=tmp_path / "a.sqlite3")
    assert quiet.exit_code == 0
    assert quiet.stderr == ""
    loud = invoke("import", "-v", path, library=tmp_path / "b.sqlite3")
    assert len(loud.stderr.splitlines()) == 5
    assert all(": line " in line for line in loud.stderr.splitlines())
    both = invoke("import", "-q", "-v", path, library=tmp_path / "c.sqlite3")
    assert both.exit_code == 2


def test_review_shows_each_block_whole() -> None:
    """--review: the headline, and every block whole with speaker, role and lines."""
    path = str(ARTICLES / "label_alone.txt")
    table = invoke("import", "--review", "-f", "table", path).stdout
    (item,) = json.loads(invoke("import", "--review", "--json", path).stdout)
    assert item["headline"] == "Ministers agree on grain corridor"
    assert table.startswith(f"{path}: Ministers agree on grain corridor")
    for row in item["review"]:
        assert row["text"]
        for paragraph in row["text"].split("\n\n"):
            assert " ".join(paragraph.split()) in " ".join(table.split())
        if row["role"]:
            assert row["role"] in table
        assert f"{row['first_line']}-{row['last_line']}" in table
    tsv = invoke("import", "--review", path).stdout.splitlines()
    assert len(tsv) == len(item["review"])
    assert all(line.count("\t") == 7 for line in tsv)


def test_speakers_all_names_a_one_article_speaker(library: Path) -> None:
    """``speakers --all`` names the article of each speaker quoted in one article only."""
    rows = json.loads(invoke("speakers", "--all", "--json", library=library).stdout)
    one = [r for r in rows if r["articles"] == 1]
    assert one
    assert all(r["article"] in {"label-alone", "interview-blank", "reported-speech"} for r in one)


def test_random_is_a_fortune_with_its_citation(bundled: Dataset) -> None:
    """``random`` prints a whole quote, then "-- speaker, role, headline"; --seed repeats it."""
    first = invoke("random", "--seed", "7").stdout
    assert first == invoke("random", "--seed", "7").stdout
    quote = json.loads(invoke("random", "--seed", "7", "--json").stdout)
    assert quote["kind"] == "quote"
    assert quote["paragraphs"][0]["text"] in first
    citation = first.strip().splitlines()[-1].strip()
    assert citation.startswith(f"\u2014 {quote['speaker']}, {quote['role']}")
    assert bundled.source.title.text in citation
    assert quote["citation"] == citation[2:]


def test_random_speaker_filter_and_no_quote() -> None:
    """``random --speaker`` only picks that speaker; --speaker for nobody is a usage error."""
    seen = {
        json.loads(invoke("random", "-s", "makei", "--seed", str(n), "--json").stdout)["speaker"]
        for n in range(5)
    }
    assert seen == {"Vladimir Makei"}
    assert invoke("random", "-s", "zzzzzz").exit_code == 2


def test_article_ids_complete(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--article and library show|remove|export complete the library's article ids."""
    from cstocli.cli import completion  # noqa: PLC0415 - the function under test

    monkeypatch.setenv("CSTOCLI_LIBRARY", str(library))

    context: Any = SimpleNamespace(params={})
    found = completion.complete_article(context, "inter")
    assert found == [("interview-blank", '"We will rebuild": an interview with the mayor')]
    assert [i for i, _ in completion.complete_article(context, "")] == [
        "label-alone",
        "interview-blank",
        "reported-speech",
    ]


def test_stats_all_gives_each_figure_its_label_topic_line_and_article(library: Path) -> None:
    """Piped ``stats --all``: a sentence label (not just "Dollars"), topic, line and article."""
    lines = invoke("stats", "--all", "--header", library=library).stdout.splitlines()
    assert lines[0] == "label\tas_written\tunit\ttopic\tline\tarticle"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(row[3] and row[4].isdigit() and row[5] for row in rows)
    dollars = next(row for row in rows if row[2] == "dollars")
    assert dollars[0] == "Up to 2,000 dollars per flat"
    assert dollars[5] == "interview-blank"


def test_a_search_of_an_empty_library_prints_an_empty_json_array(tmp_path: Path) -> None:
    """A search of no library yet, --json: [], exit 1, the reason on one stderr line."""
    result = invoke("search", "harbour", "--all", "--json", library=tmp_path / "none.sqlite3")
    assert (result.exit_code, json.loads(result.stdout)) == (1, [])
    assert "no articles yet" in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("command", "empty"), [("speakers", []), ("stats", {"figures": [], "speakers": []})]
)
def test_an_empty_library_prints_the_empty_json_shape(
    tmp_path: Path, command: str, empty: object
) -> None:
    """Speakers and stats --all --json with no library yet: their empty shape, exit 1."""
    result = invoke(command, "--all", "--json", library=tmp_path / "none.sqlite3")
    assert (result.exit_code, json.loads(result.stdout)) == (1, empty)
    assert "no articles yet" in result.stderr


def test_facts_of_a_library_without_any_print_an_empty_json_array(news_library: Path) -> None:
    """With --all --json, when no article records facts: [] (an array, as documented)."""
    result = invoke("facts", "--all", "--json", library=news_library)
    assert (result.exit_code, json.loads(result.stdout)) == (1, [])
    assert result.stderr == "cstocli: no article of the library records an event or lists\n"


def test_facts_of_an_article_without_any_print_its_empty_json_object(news_library: Path) -> None:
    """With --article ID --json and none: the object, its event null and lists empty."""
    result = invoke("facts", "--article", "news-interrupted", "--json", library=news_library)
    assert result.exit_code == 1
    shown = json.loads(result.stdout)
    assert (shown["event"], shown["lists"], shown["member_states"]) == (None, [], [])
