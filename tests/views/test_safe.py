"""No control character from a stranger's text reaches a terminal or a text pipe raw.

Property tests: hostile strings (C0, DEL and C1 controls, ESC sequences) are put into a
dataset's quoted text (its title, quotes and narration), Rich markup into its speakers'
roles, and controls into file names;
every command's output in every format must carry none of them raw, must print markup
literally, and JSON must give the exact strings back.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cstocli.cli import app as cli
from cstocli.views import safe

FIXTURES = Path(__file__).parents[1] / "fixtures"
WORD = "Testville"  # in the fixture's title, event and text; replaced one for one
MARKUP = "[bold]R[/bold][link=http://evil.example]L[/link]"
BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]  # embeddings, overrides, isolates
CONTROLS = [chr(c) for c in (*range(32), 127, *range(0x80, 0xA0), *BIDI)]
HOSTILE = st.lists(
    st.sampled_from([*CONTROLS, "a", "[", "]", "\x1b[31m", "\x1b]52;c\x07"]), min_size=1
).map(lambda parts: "".join(parts)[: len(WORD)])
FORMATS = [["-f", "table"], ["-f", "tsv"], ["-f", "tsv", "--header"], ["-f", "csv"]]
COMMANDS = [
    ["speakers"],
    ["stats"],
    ["facts"],
    ["show", "q1"],
    ["show", "n1"],
    ["search", "leaders"],
    ["random", "--seed", "1"],
]
ENV = {"NO_COLOR": "1", "FORCE_COLOR": None, "COLUMNS": None, "CSTOCLI_DATA": None}


def raw_controls(text: str, *, csv: bool = False) -> list[str]:
    """The control characters in ``text`` other than its newlines and tabs."""
    if csv:
        text = text.replace("\r\n", "\n")
    return [c for c in text if c in CONTROLS and c not in "\n\t"]


def replaced(value: Any, old: str, new: str) -> Any:
    """Every quoted ``text`` inside a JSON value with ``old`` replaced by ``new``.

    Only text quoted from the source may hold controls (the reader refuses them in names,
    roles and the event), so that is where a stranger's article puts them.
    """
    if isinstance(value, list):
        return [replaced(v, old, new) for v in value]
    if isinstance(value, dict):
        return {
            k: v.replace(old, new) if k == "text" and isinstance(v, str) else replaced(v, old, new)
            for k, v in value.items()
        }
    return value


@contextmanager
def hostile_dataset(word: str) -> Iterator[Path]:
    """The bracket fixture, ``WORD`` replaced by ``word`` in its text, its roles marked up."""
    word = word.ljust(len(WORD), "x")
    with tempfile.TemporaryDirectory() as folder:
        text = (FIXTURES / "bracket-summit.txt").read_text(encoding="utf-8").replace(WORD, word)
        source = Path(folder) / "bracket-summit.txt"
        source.write_bytes(text.encode("utf-8"))
        data = json.loads((FIXTURES / "bracket-summit.json").read_text(encoding="utf-8"))
        data = replaced(data, WORD, word)
        data["source"]["sha256"] = hashlib.sha256(source.read_bytes()).hexdigest()
        for speaker in data["speakers"]:
            speaker["role"] = f"Envoy {MARKUP}"
        path = Path(folder) / "bracket-summit.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        yield path


def run(*args: str) -> tuple[int, str, str]:
    """Run cstocli in-process, piped; exit code, stdout and stderr as text."""
    result = CliRunner().invoke(cli.full_app(), list(args), env=ENV)
    return result.exit_code, result.stdout_bytes.decode(), result.stderr_bytes.decode()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(word=HOSTILE)
def test_no_command_prints_a_raw_control_character(word: str) -> None:
    """Every command in table, TSV and CSV: controls visible, markup literal, one line a record."""
    with hostile_dataset(word) as path:
        code, _, err = run("speakers", "--data", str(path))
        assume(code == 0)  # a dataset the reader refuses reaches no view at all
        assert not raw_controls(err)
        for command in COMMANDS:
            for fmt in FORMATS:
                code, out, err = run(*command, *fmt, "--data", str(path))
                assert code in (0, 1), (command, fmt, err)
                assert not raw_controls(out, csv="csv" in fmt), (command, fmt, out)
                assert not raw_controls(err), (command, fmt, err)
                assert "\x1b" not in out
        for fmt in FORMATS:
            _, out, _ = run("speakers", *fmt, "--data", str(path))
            assert MARKUP in out, fmt  # printed as written, never applied
        _, out, _ = run("speakers", "-f", "tsv", "--data", str(path))
        assert len(out.splitlines()) == 2  # two speakers, one line each


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(word=HOSTILE)
def test_json_escapes_controls_and_keeps_the_text(word: str) -> None:
    """--json and jsonl: no raw C0 or C1 character, and parsing gives the exact strings back."""
    with hostile_dataset(word) as path:
        code, _, _ = run("speakers", "--data", str(path))
        assume(code == 0)
        padded = word.ljust(len(WORD), "x")
        _, out, _ = run("show", "n1", "--json", "--data", str(path))
        assert padded in json.loads(out)["text"]  # the exact text back, controls and all
        for command in COMMANDS:
            for fmt in ("json", "jsonl"):
                code, out, _ = run(*command, "-f", fmt, "--data", str(path))
                assert code in (0, 1)
                assert not [c for c in out if c in CONTROLS and c != "\n"], (command, fmt)
                for line in out.splitlines() if fmt == "jsonl" else [out]:
                    json.loads(line)
        _, out, _ = run("speakers", "--json", "--data", str(path))
        assert {s["role"] for s in json.loads(out)} == {f"Envoy {MARKUP}"}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(word=HOSTILE.filter(lambda w: "/" not in w and "\x00" not in w))
def test_file_names_in_messages_and_reports_are_made_visible(word: str) -> None:
    """A file name with controls: the import report, library list and errors show it safely."""
    with tempfile.TemporaryDirectory() as folder:
        name = Path(folder) / f"a{word}.txt"
        shutil.copy(FIXTURES / "articles" / "label_alone.txt", name)
        library = str(Path(folder) / "lib.sqlite3")
        for args in (
            ["import", str(name), "--library", library],
            ["import", "--review", str(name)],
            ["library", "list", "--library", library],
            ["library", "list", "-f", "table", "--library", library],
            ["library", "show", "label-alone", "-f", "table", "--library", library],
            ["speakers", "--data", str(Path(folder) / f"missing{word}.json")],
            ["import", str(Path(folder) / f"missing{word}.txt"), "--library", library],
        ):
            _, out, err = run(*args)
            assert not raw_controls(out), args
            assert not raw_controls(err), args
        _, out, _ = run("import", str(name), "--library", library, "-f", "csv")
        assert not raw_controls(out, csv=True)


def test_the_rule_is_one_for_one() -> None:
    """Each control becomes one visible character: ESC, CR, C1; tab and newline per use."""
    assert safe.shown("a\x1b[1mb\rc\x9bd\te\nf") == "a\u241b[1mb\nc\ufffdd\te\nf"
    assert safe.shown("one\r\ntwo\r\rthree") == "one \ntwo\n\nthree"  # Windows, old Mac
    assert safe.one_line("a\tb\nc\x07") == "a b c\u2407"
    assert safe.one_line("a\r\nb\rc") == "a  b c"
    assert safe.visible("\t\n\x7f") == "\u2409\u240a\u2421"
    assert safe.json_text('"\x85\x9b\x7f"') == '"\\u0085\\u009b\\u007f"'
    assert not safe.has_controls("Łódź [bold] 2,000")
    # A right-to-left override would show a quote's words in another order than written.
    assert safe.shown("pay \u202e001$ \u2066x\u2069") == "pay \ufffd001$ \ufffdx\ufffd"
    assert safe.json_text('"\u202e"') == '"\\u202e"'
    assert safe.has_controls("\u2067")


def test_width_parsing_is_clamped() -> None:
    """COLUMNS values: huge is the maximum, tiny the minimum, junk is no width at all."""
    assert safe.parse_width("999999999999999999999") == safe.MAX_WIDTH
    assert safe.parse_width("9" * 5000) == safe.MAX_WIDTH
    assert safe.parse_width("5") == safe.MIN_WIDTH
    assert safe.parse_width("120") == 120
    assert safe.parse_width("0") is None
    assert safe.parse_width("-3") is None
    assert safe.parse_width("\u0661\u0662") is None  # Arabic-Indic digits are not a width
