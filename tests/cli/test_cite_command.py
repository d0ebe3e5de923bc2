import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cstocli.cli import app as cli
from cstocli.dataset.files import bundled_path

CSL_SCHEMA = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "csl-data.json").read_text(encoding="utf-8")
)
URL = "http://en.ctv.by/en/1512124063-belarus-president-hopes-for-new-impetus-to-csto-development"
TITLE = "Belarus President hopes for new impetus to CSTO development"
Q3 = "The priorities, marked the Belarusian presidency in the CSTO, they are achieved."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run cstocli in-process; return the exit code, stdout and stderr."""
    code = cli.run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cite_text_names_ctv_title_date_and_url(capsys: pytest.CaptureFixture[str]) -> None:
    """The default citation: the quote exactly, then speaker, role, title, CTV, date, URL."""
    code, out, _ = run(capsys, "cite", "q3")
    assert code == 0
    first, *_middle, last = out.splitlines()
    assert first.startswith("“" + Q3)
    assert last == (
        "— Vladimir Makei, Minister of Foreign Affairs of the Republic of Belarus,"
        f" in “{TITLE}”, CTV (Capital Television, Belarus), 2017-12-01, {URL}, lines 23-25"
    )


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("markdown", "> " + Q3),
        ("bibtex", "@article{csto-minsk-2017-q3,"),
        ("csl-json", "["),
    ],
)
def test_cite_each_format(capsys: pytest.CaptureFixture[str], fmt: str, start: str) -> None:
    """--format markdown, bibtex and csl-json each print their shape, with the URL."""
    code, out, _ = run(capsys, "cite", "q3", "--format", fmt)
    assert code == 0
    assert out.startswith(start)
    assert URL in out


def test_cite_csl_json_validates(capsys: pytest.CaptureFixture[str]) -> None:
    """What cite prints as csl-json is a valid CSL-JSON array."""
    code, out, _ = run(capsys, "cite", "q5", "-f", "csl-json")
    assert code == 0
    items = json.loads(out)
    jsonschema.validate(items, CSL_SCHEMA)
    assert items[0]["custom"]["speaker"] == "Yuri Khachaturov"


def test_cite_an_unknown_quote(capsys: pytest.CaptureFixture[str]) -> None:
    """An id that is not there is one line and exit 2, as for show."""
    code, out, err = run(capsys, "cite", "q99")
    assert (code, out) == (2, "")
    assert err.startswith("cstocli: ")
    assert "q99" in err
    assert len(err.splitlines()) == 1


def test_cite_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    """A format that does not exist is a usage error naming the choices."""
    code, _, err = run(capsys, "cite", "q1", "--format", "ris")
    assert code == 2
    assert "ris" in err


def test_cite_from_the_library(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--article cites a library article with its stored provenance."""
    article = Path(__file__).parents[1] / "fixtures" / "articles" / "label_alone.txt"
    run(capsys, "import", str(article), "--publisher", "Wire & Co", "--date", "2024-05-06")
    code, out, _ = run(capsys, "cite", "q1", "--article", "label-alone", "-f", "bibtex")
    assert code == 0
    assert "journal = {Wire \\& Co}" in out
    assert "month = may" in out


def test_cite_refuses_control_characters_in_the_provenance(
    capsys: pytest.CaptureFixture[str], dataset_copy: Callable[[dict[str, Any]], Path]
) -> None:
    """An escape sequence in a dataset's publisher never reaches a citation: refused at its path."""
    obj = json.loads(bundled_path().read_text(encoding="utf-8"))
    obj["source"]["publisher"] = "CTV\x1b[2J"
    path = dataset_copy(obj)
    code, out, err = run(capsys, "cite", "q1", "--data", str(path))
    assert code == 2
    assert out == ""
    assert "$.source.publisher: control character U+001B" in err


def test_cite_through_a_real_process() -> None:
    """Python -m cstocli cite prints the citation and exits 0."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("CSTOCLI_DATA", None)
    done = subprocess.run(
        [sys.executable, "-m", "cstocli", "cite", "q4", "--format", "markdown"],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == (
        f"> — Nursultan Nazarbayev, President of Kazakhstan, in [*{TITLE}*](<{URL}>),"
        " CTV (Capital Television, Belarus), 2017-12-01, line 28"
    )


@pytest.mark.parametrize("fmt", ["text", "markdown", "bibtex", "csl-json"])
def test_a_cut_news_quote_is_cited_without_the_reporter_s_words(
    capsys: pytest.CaptureFixture[str], news_library: Path, fmt: str
) -> None:
    """'"...," said Tomas Berger, a steward. "..."': every format quotes his words only."""
    code, out, _ = run(
        capsys, "cite", "q1", "--article", "news-interrupted", "--library", str(news_library),
        "-f", fmt,
    )  # fmt: skip
    assert code == 0
    assert "said Tomas" not in out
    assert "promises." in out
    assert "contract is signed \u2026 Our families cannot live" in out


def test_a_quotation_over_paragraphs_is_cited_without_its_reopening_mark(
    capsys: pytest.CaptureFixture[str], news_library: Path
) -> None:
    """Its paragraphs a blank line apart, the mark that re-opens the second left out."""
    code, out, _ = run(
        capsys, "cite", "q2", "--article", "news-interrupted", "--library", str(news_library)
    )
    assert code == 0
    assert out.startswith(
        "\u201cWe have made three offers since June \u2026 Each one was better than the last."
        "\n\nAnd each one was refused.\u201d\n\u2014 Ilse Marov, harbour authority's director,"
    )


def test_narration_that_reports_someone_is_cited_as_the_reporter_s(
    capsys: pytest.CaptureFixture[str], news_library: Path
) -> None:
    """'She said the offer was fair' is the reporter's sentence, not Ilse Marov's quote."""
    code, out, _ = run(
        capsys, "cite", "n2", "--article", "news-interrupted", "--library", str(news_library)
    )
    assert code == 0
    assert "\u2014 the reporter (narration), in" in out
    assert "Marov, harbour" not in out


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_the_cited_line_is_the_editor_s_whatever_the_line_endings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, newline: str
) -> None:
    """A CR-only (old Mac) or CR LF file: 'MR JONES: When?' stands on line 5, as in an editor."""
    lines = ["Harbour budget hearing", "", "MS SMITH: We will spend more.", "", "MR JONES: When?"]
    article = tmp_path / "hearing.txt"
    article.write_bytes(newline.join(lines).encode())
    db = str(tmp_path / "lib.sqlite3")
    assert run(capsys, "import", str(article), "--library", db)[0] == 0
    code, out, _ = run(capsys, "cite", "q2", "--article", "hearing", "--library", db)
    assert code == 0
    assert out.endswith("\u2014 MR JONES, in \u201cHarbour budget hearing\u201d, line 5\n")
