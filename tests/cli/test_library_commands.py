from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import NEWS_INTERRUPTED

from cstocli.cli import app as cli
from cstocli.dataset.files import load
from cstocli.importer import batch as importing
from cstocli.importer.article import import_article, read_article
from cstocli.library import export, open_library

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
GOOD = ["label_alone.txt", "interview_blank.txt", "inline_caps.txt"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run cstocli in-process; return the exit code, stdout and stderr."""
    code = cli.run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    """The ``library list --json`` payload."""
    code, out, _ = run(capsys, "library", "list", "--json")
    assert code == 0
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def sentence_count(db: Path) -> int:
    """How many sentences the library's index holds (its own connection, closed after)."""
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM sentences").fetchone()[0])


def fixture(name: str) -> str:
    """The path of a fixture article, as a command-line argument."""
    return str(ARTICLES / name)


def test_import_then_list(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Imported articles are listed with their id, title and counts."""
    code, out, _ = run(capsys, "import", *(fixture(n) for n in GOOD))
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == ["imported"] * 3
    rows = listed(capsys)
    assert [r["id"] for r in rows] == ["label-alone", "interview-blank", "inline-caps"]
    for row in rows:
        assert {"id", "title", "speakers", "quotes", "figures"} <= row.keys()
        assert row["speakers"] >= 1
        assert row["quotes"] >= 1
    assert db.exists()


def test_import_json_keys(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``import --json`` prints one object per file with the documented keys."""
    code, out, _ = run(capsys, "import", "--json", fixture("label_alone.txt"))
    assert code == 0
    (item,) = json.loads(out)
    expected = json.loads((ARTICLES / "label_alone.expected.json").read_text(encoding="utf-8"))
    assert item["status"] == "imported"
    assert item["id"] == "label-alone"
    assert item["speakers"] == len(expected["speakers"])
    assert isinstance(item["title"], str)
    assert isinstance(item["quotes"], int)
    assert isinstance(item["figures"], int)
    assert isinstance(item["warnings"], list)
    assert item["error"] is None


def test_reimport_is_idempotent(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Importing the same file twice stores it once and says so."""
    run(capsys, "import", fixture("label_alone.txt"))
    code, out, _ = run(capsys, "import", fixture("label_alone.txt"))
    assert code == 0
    assert out.startswith("unchanged\tlabel-alone\t")
    assert len(listed(capsys)) == 1


def test_bad_files_are_refused_by_name(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each unusable file is named on stderr, exit 2; the good file still goes in."""
    bad = {
        "empty.txt": b"  \n\n",
        "binary.txt": b"Title\n\nA: x\x00\x01\x02",
        "latin1.txt": "Title\n\nMr Smith:\nCaf\u00e9 au lait.\n".encode("latin-1"),
        "nolabels.txt": b"Title\n\nJust a paragraph of narration, with nobody speaking.\n",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    run(capsys, "import", fixture("inline_caps.txt"))
    before = sentence_count(db)
    argv = [str(tmp_path / n) for n in bad]
    code, out, err = run(capsys, "import", *argv, fixture("label_alone.txt"))
    assert code == 2
    assert out.splitlines() == [line for line in out.splitlines() if line.startswith("imported")]
    assert len(out.splitlines()) == 1
    for name in bad:
        assert any(name in line for line in err.splitlines() if "not imported" not in line)
    assert "line 4" in next(line for line in err.splitlines() if "latin1.txt" in line)
    assert "1 of 5 files went in" in err
    assert "Traceback" not in err
    assert [r["id"] for r in listed(capsys)] == ["inline-caps", "label-alone"]
    after = sentence_count(db)
    assert after > before


def test_many_files_in_parallel_keep_their_order(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Enough files to parse in worker processes: each reported in order, bad ones refused."""
    source = (ARTICLES / "label_alone.txt").read_text(encoding="utf-8")
    names = []
    for n in range(importing.PARALLEL_FROM + 4):
        path = tmp_path / f"a{n:02d}.txt"
        if n % 10 == 5:
            path.write_bytes(b"\x00binary")
        else:
            path.write_text(f"{source}\nNote number {n}.\n", encoding="utf-8")
        names.append(str(path))
    names.append(names[0])  # the same content twice: stored once
    code, out, _ = run(capsys, "import", "--json", *names)
    assert code == 2
    items = json.loads(out)
    assert [i["file"] for i in items] == names
    bad = {n for n in range(len(names) - 1) if n % 10 == 5}
    assert [i["status"] for i in items] == [
        "failed" if n in bad else "imported" for n in range(len(names) - 1)
    ] + ["unchanged"]
    assert len(listed(capsys)) == len(names) - 1 - len(bad)


def test_each_file_is_reported_once_as_it_is_done(tmp_path: Path) -> None:
    """The progress hook hears of every file once, stored or refused, JSON datasets too."""
    (tmp_path / "empty.txt").write_text("")
    exported = tmp_path / "out"
    with open_library(tmp_path / "lib.sqlite3") as lib:
        lib.store(import_article(read_article(ARTICLES / "wrapped.txt"), file_name="w.txt").dataset)
        export(lib.get("w"), exported)
        files = [ARTICLES / "label_alone.txt", tmp_path / "empty.txt", exported / "w.json"]
        heard: list[importing.FileOutcome] = []
        outcomes = importing.import_all(lib, files, None, heard.append)
    assert sorted(o.file for o in heard) == sorted(str(f) for f in files)
    assert sorted(heard, key=lambda o: o.file) == sorted(outcomes, key=lambda o: o.file)
    assert [o.status for o in outcomes] == ["imported", "failed", "imported"]


def test_stages_of_a_file_parsed_here_are_heard_in_order(tmp_path: Path) -> None:
    """The stage hook hears parsing, building rows and storing of a text file, in order."""
    with open_library(tmp_path / "lib.sqlite3") as lib:
        heard: list[str] = []
        [outcome] = importing.import_all(
            lib, [ARTICLES / "label_alone.txt"], None, on_stage=heard.append
        )
    assert outcome.status == "imported"
    assert heard == list(importing.STAGES)


def test_failed_import_json_names_the_error(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A refused file is a ``failed`` object with its error in ``import --json``."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, _ = run(capsys, "import", "--json", str(empty))
    assert code == 2
    (item,) = json.loads(out)
    assert item["status"] == "failed"
    assert item["id"] is None
    assert "empty" in item["error"]


def test_review_stores_nothing(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``import --review`` shows the split block by block and leaves the library alone."""
    code, out, _ = run(capsys, "import", "--review", "--json", fixture("interview_blank.txt"))
    assert code == 0
    (item,) = json.loads(out)
    assert item["status"] == "reviewed"
    assert item["review"]
    assert {"passage_id", "kind", "speaker", "first_line", "warnings"} <= item["review"][0].keys()
    code, out, _ = run(capsys, "import", "--review", "-f", "table", fixture("interview_blank.txt"))
    assert code == 0
    assert "interview_blank.txt:" in out
    assert listed(capsys) == []


def test_review_shows_why_an_article_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An article ``import`` refuses still reviews: its split, and the reason, by line."""
    path = tmp_path / "quiet.txt"
    path.write_text("A quiet day\n\nNothing was said.\n\nThe town slept.\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(path))
    assert code == 2
    assert "no speaker labels found" in err
    code, out, _ = run(capsys, "import", "--review", "--json", str(path))
    assert code == 0
    (item,) = json.loads(out)
    assert [row["kind"] for row in item["review"]] == ["narration", "narration"]
    assert "the import would refuse this article" in item["review"][0]["warnings"][0]
    assert listed(capsys) == []


def test_review_prints_each_warning_once(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--review``: a warning shows under its row or on stderr, never both; JSON likewise."""
    path = fixture("reported_speech.txt")
    result = import_article(read_article(Path(path)), file_name="reported_speech.txt")
    assert result.warnings
    code, out, err = run(capsys, "import", "--review", path)
    assert code == 0
    for warning in result.warnings:
        assert (out + err).count(warning.message) == 1, warning
    code, out, _ = run(capsys, "import", "--review", "--json", path)
    (item,) = json.loads(out)
    in_rows = [w for row in item["review"] for w in row["warnings"]]
    top = [f"line {w['line']}: {w['message']}" for w in item["warnings"]]
    assert sorted(in_rows + top) == sorted(str(w) for w in result.warnings)


def test_piped_list_lines_have_no_trailing_spaces(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``library list`` as a table pads its columns but never the end of a line."""
    run(capsys, "import", *(fixture(n) for n in GOOD))
    code, out, _ = run(capsys, "library", "list", "--format", "table")
    assert code == 0
    assert len(out.splitlines()) == 2 + len(GOOD)  # titles, rule, one line an article
    assert [line for line in out.splitlines() if line != line.rstrip()] == []


def test_show(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``library show`` gives the article's summary and speakers, in text and JSON."""
    run(capsys, "import", fixture("label_alone.txt"))
    code, out, _ = run(capsys, "library", "show", "label-alone", "--json")
    assert code == 0
    shown = json.loads(out)
    ds = load_expected("label_alone")
    assert shown["id"] == "label-alone"
    assert [s["name"] for s in shown["speaker_list"]] == ds
    (row,) = listed(capsys)
    assert shown["speakers"] == row["speakers"] == len(ds)  # a count in both
    code, out, _ = run(capsys, "library", "show", "label-alone", "--format", "table")
    assert code == 0
    assert out.startswith("label-alone: ")
    assert all(name in out for name in ds)


def load_expected(stem: str) -> list[str]:
    """The speaker names a fixture article is expected to yield."""
    expected = json.loads((ARTICLES / f"{stem}.expected.json").read_text(encoding="utf-8"))
    return [s["name"] for s in expected["speakers"]]


def test_unknown_id_is_a_clear_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown id exits 2 with one line suggesting the close ids."""
    run(capsys, "import", fixture("label_alone.txt"))
    for argv in (["show", "label-alon"], ["remove", "label-alon"], ["export", "label-alon"]):
        code, out, err = run(capsys, "library", *argv)
        assert code == 2
        assert out == ""
        assert "did you mean label-alone?" in err
        assert len(err.splitlines()) == 1
    assert len(listed(capsys)) == 1


def test_remove(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``library remove`` takes the article out of the list and the index."""
    run(capsys, "import", *(fixture(n) for n in GOOD))
    code, out, _ = run(capsys, "library", "remove", "label-alone", "inline-caps", "--json")
    assert code == 0
    assert json.loads(out) == {"removed": ["label-alone", "inline-caps"]}
    assert [r["id"] for r in listed(capsys)] == ["interview-blank"]


def test_remove_an_id_given_twice(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``library remove a a``: removed once, said once, exit 0 (no traceback)."""
    run(capsys, "import", *(fixture(n) for n in GOOD))
    code, out, err = run(capsys, "library", "remove", "label-alone", "label-alone")
    assert (code, err) == (0, "")
    assert out == "removed\tlabel-alone\n"
    assert [r["id"] for r in listed(capsys)] == ["interview-blank", "inline-caps"]


def test_export_round_trips_and_corrected_json_replaces(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export loads as a dataset; edited and imported back, it replaces the article."""
    run(capsys, "import", fixture("label_alone.txt"))
    folder = tmp_path / "out"
    code, out, _ = run(capsys, "library", "export", "label-alone", "-o", str(folder), "--json")
    assert code == 0
    written = json.loads(out)
    exported = load(Path(written["dataset"]))
    assert exported.id == "label-alone"
    assert Path(written["source"]).read_text(encoding="utf-8") == exported.source_text
    obj = json.loads(Path(written["dataset"]).read_text(encoding="utf-8"))
    obj["speakers"][0]["role"] = "Corrected role"
    Path(written["dataset"]).write_text(json.dumps(obj), encoding="utf-8")
    code, out, _ = run(capsys, "import", written["dataset"])
    assert code == 0
    assert out.startswith("imported\tlabel-alone\t")
    assert len(listed(capsys)) == 1
    code, out, _ = run(capsys, "library", "show", "label-alone", "--json")
    assert json.loads(out)["speaker_list"][0]["role"] == "Corrected role"


def test_export_refuses_to_overwrite(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exporting over a different existing file needs --force."""
    run(capsys, "import", fixture("label_alone.txt"))
    (tmp_path / "label-alone.json").write_text("{}")
    code, _, err = run(capsys, "library", "export", "label-alone", "-o", str(tmp_path))
    assert code == 2
    assert "--force" in err
    code, _, _ = run(capsys, "library", "export", "label-alone", "-o", str(tmp_path), "--force")
    assert code == 0
    assert load(tmp_path / "label-alone.json").id == "label-alone"


def test_invalid_corrected_json_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hand-edited dataset that no longer validates is refused; the article stays."""
    run(capsys, "import", fixture("label_alone.txt"))
    run(capsys, "library", "export", "label-alone", "-o", str(tmp_path))
    path = tmp_path / "label-alone.json"
    obj = json.loads(path.read_text(encoding="utf-8"))
    obj["passages"][0]["span"] = [0, 1]
    path.write_text(json.dumps(obj), encoding="utf-8")
    code, _, err = run(capsys, "import", str(path))
    assert code == 2
    assert "$.passages[0]" in err
    code, out, _ = run(capsys, "library", "show", "label-alone", "--json")
    assert code == 0
    assert json.loads(out)["speaker_list"][0]["role"] != "Corrected role"


def test_corrupt_library_is_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged library file gives one line naming it and exit 2, never a traceback."""
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database" * 100)
    for argv in (["library", "list"], ["import", fixture("label_alone.txt")]):
        code, out, err = run(capsys, *argv)
        assert code == 2
        assert out == ""
        assert err.startswith(f"cstocli: {db}: ")
        assert len(err.splitlines()) == 1


def test_newer_library_is_refused_in_one_line(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A library from a newer cstocli is refused with one line saying so, exit 2."""
    run(capsys, "import", fixture("label_alone.txt"))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    code, out, err = run(capsys, "library", "list")
    assert code == 2
    assert out == ""
    assert "newer cstocli" in err
    assert len(err.splitlines()) == 1


def test_library_option_beats_the_environment(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--library PATH`` chooses the file over CSTOCLI_LIBRARY."""
    other = tmp_path / "other.sqlite3"
    code, _, _ = run(capsys, "import", "--library", str(other), fixture("label_alone.txt"))
    assert code == 0
    assert other.exists()
    assert not db.exists()
    code, out, _ = run(capsys, "library", "list", "--library", str(other))
    assert code == 0
    assert out.splitlines()[0].startswith("label-alone\t")


def test_list_without_a_library_is_empty(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Listing before any import prints an empty list and creates no file."""
    assert listed(capsys) == []
    code, out, err = run(capsys, "library", "list")
    assert code == 0
    assert out == ""
    assert "cstocli import FILE" in err
    assert not db.exists()


def test_corrections_replace_the_stored_article(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``import --corrections`` applies them and replaces an earlier plain import."""
    run(capsys, "import", fixture("label_alone.txt"))
    code, out, _ = run(capsys, "library", "show", "label-alone", "--json")
    first = json.loads(out)["speaker_list"][0]
    fixes = tmp_path / "fixes.json"
    fixes.write_text(
        json.dumps(
            {
                "corrections_version": 1,
                "speakers": {first["id"]: {"affiliation": "Somewhere Corrected"}},
            }
        ),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", "--corrections", str(fixes), fixture("label_alone.txt"))
    assert code == 0, err
    code, out, _ = run(capsys, "library", "show", "label-alone", "--json")
    assert json.loads(out)["speaker_list"][0]["affiliation"] == "Somewhere Corrected"
    assert len(listed(capsys)) == 1


def test_review_with_corrections_that_do_not_fit_fails_as_the_import_would(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--review --corrections FILE for another article: the split, the error, exit 2."""
    fixes = tmp_path / "fixes.json"
    fixes.write_text(
        json.dumps({"corrections_version": 1, "article": "other.txt", "speakers": {}}),
        encoding="utf-8",
    )
    args = ("import", "--corrections", str(fixes), fixture("label_alone.txt"))
    code, _, err = run(capsys, *args)
    assert code == 2
    assert "not 'label_alone.txt'" in err
    code, out, review_err = run(capsys, *args, "--review")
    assert code == 2
    assert review_err == err
    assert out  # the split as the importer saw it, still shown
    code, out, _ = run(capsys, *args, "--review", "--json")
    (item,) = json.loads(out)
    assert (code, item["status"]) == (2, "failed")
    assert "not 'label_alone.txt'" in item["error"]
    assert item["review"]


def test_every_library_command_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Each command's --help shows an example line."""
    for argv in (["import"], ["library", "list"], ["library", "show"], ["library", "remove"],
                 ["library", "export"]):  # fmt: skip
        code, out, _ = run(capsys, *argv, "--help")
        assert code == 0
        assert "Example:" in out
        assert f"cstocli {' '.join(argv)}" in out


def test_copying_a_library_keeps_it_usable(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A library closed after import is self-contained (the WAL is checkpointed on close)."""
    run(capsys, "import", fixture("label_alone.txt"))
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(db, copy)
    code, out, _ = run(capsys, "library", "list", "--json", "--library", str(copy))
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == ["label-alone"]


def test_two_imports_at_once(tmp_path: Path) -> None:
    """Two ``cstocli import`` processes on one library both finish; nothing is lost or doubled."""
    source = (ARTICLES / "interview_dense.txt").read_text(encoding="utf-8")
    paths = []
    for n in range(importing.PARALLEL_FROM + 8):
        path = tmp_path / f"t{n:02d}.txt"
        path.write_text(f"{source}\nNote {n}.\n", encoding="utf-8")
        paths.append(str(path))
    db = tmp_path / "lib.sqlite3"
    half = len(paths) // 2
    # Overlapping halves: the middle files are imported by both processes at once.
    batches = [paths[: half + 5], paths[half - 5 :]]
    imports = [
        subprocess.Popen(
            [sys.executable, "-m", "cstocli", "import", "--library", str(db), *batch],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for batch in batches
    ]
    finished = [p.communicate(timeout=120) for p in imports]
    assert [p.returncode for p in imports] == [0, 0], finished
    statuses = [line.split("\t")[0] for out, _ in finished for line in out.splitlines()]
    assert statuses.count("imported") == len(paths)
    assert statuses.count("unchanged") == 10
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(paths)
    conn.close()


NEWS = str(Path(__file__).parents[1] / "fixtures" / "corpus" / "61-news-council-pronoun-chain.txt")
NEWS_ID = "61-news-council-pronoun-chain"


def test_a_news_story_imports_with_its_quotes(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A story with no labels goes in: its quoted people become speakers with their quotes."""
    code, out, err = run(capsys, "import", "-v", NEWS)  # -v: each warning, not a count
    assert code == 0
    assert out == f"imported\t{NEWS_ID}\t{NEWS}\t2\t3\t6\n"  # speakers, quotes, figures
    assert "line 5: 'By Grete Aldana-Pryce, Local Democracy Reporter' read as page furniture" in err


def test_speaker_search_finds_what_narration_reports(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--speaker finds an indirect report, marked "(reported)" piped and "narration" in JSON."""
    run(capsys, "import", NEWS)
    code, out, _ = run(capsys, "search", "appeal", "--article", NEWS_ID, "--speaker", "rydell")
    assert code == 0
    assert out == (
        "n6\t(reported) Tomas Rydell\tHe said the firm would appeal if the committee refused"
        " permission next month.\n"
    )
    code, out, _ = run(capsys, "search", "appeal", "--all", "--speaker", "rydell", "--json")
    (hit,) = json.loads(out)
    assert (hit["kind"], hit["speaker"], hit["quote_id"]) == ("narration", "Tomas Rydell", "n6")


def test_show_marks_a_reported_passage(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``show`` of reported narration names the speaker as reported; its JSON kind stays."""
    run(capsys, "import", NEWS)
    code, out, _ = run(capsys, "show", "n6", "--article", NEWS_ID, "-f", "table")
    assert code == 0
    assert out.splitlines()[0].startswith("n6  (reported) Tomas Rydell  line 20")
    code, out, _ = run(capsys, "show", "n6", "--article", NEWS_ID, "--json")
    shown = json.loads(out)
    assert (shown["kind"], shown["speaker"]) == ("narration", "Tomas Rydell")


def test_review_of_a_news_story_shows_quotes_and_reports(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--review lays out quotes with their own words and reports marked "(reported)"."""
    code, out, _ = run(capsys, "import", "--review", NEWS)
    assert code == 0
    # file, first line, last line, id, speaker, role, the whole text, warnings
    by_id = {row[3]: row[4:] for row in (line.split("\t") for line in out.splitlines())}
    assert by_id["q1"][0] == "Petra Vashenko"
    assert by_id["q1"][2].startswith("We are not against housing")
    assert by_id["n6"][0] == "(reported) Tomas Rydell"
    assert by_id["n1"][0] == "(narration)"


def test_search_context_shows_a_quote_without_the_reporter_s_words(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Around a hit in a split quote, --context shows the pieces cut by an ellipsis, no "said"."""
    run(capsys, "import", NEWS)
    code, out, _ = run(capsys, "search", "building", "--all", "--context")
    assert code == 0
    assert out.rstrip("\n").split("\t")[-1] == (
        "We are not against housing \u2026 We are against this building, in this place."
    )
    code, out, _ = run(capsys, "search", "building", "--all", "--json")
    assert "she said" not in json.loads(out)[0]["text"]


def test_a_file_named_with_controls_imports_and_stays_readable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A download named with ESC or a newline: stored with U+FFFD, every --all read works."""
    named = tmp_path / "esc\x1b[31mred\nline.txt"
    shutil.copy(NEWS_INTERRUPTED, named)
    db = str(tmp_path / "lib.sqlite3")
    code, out, _ = run(capsys, "import", str(named), "--library", db)
    assert code == 0
    assert "\x1b" not in out
    for command in (["search", "harbour"], ["stats"], ["facts"], ["random"], ["speakers"]):
        code, out, err = run(capsys, *command, "--all", "--library", db)
        assert code in (0, 1), err  # facts: none in this story is fine; no error (exit 2)
        assert "control character" not in err
    code, out, _ = run(
        capsys, "show", "q1", "--article", "esc-31mred-line", "--library", db, "--json"
    )
    assert code == 0
    assert json.loads(out)["source"]["title"] == "Harbour workers stay out as talks stall"
    with open_library(Path(db)) as lib:
        assert lib.get("esc-31mred-line").source.file == "esc\ufffd[31mred\ufffdline.txt"


def test_an_article_refused_is_named_by_the_path_given(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two 'notes.txt' in two folders: the error names the one that failed, as given."""
    for folder, text in (("a", "Quiet\n\nNothing was said.\n"), ("b", "Quiet\n\nNor here.\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.txt").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "import", str(tmp_path / "b" / "notes.txt"))
    assert code == 2
    assert err.startswith(f"cstocli: {tmp_path / 'b' / 'notes.txt'}: no speaker labels found")


def test_a_file_named_in_latin_1_imports_beside_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A name that is not UTF-8 (an old zip): stored with U+FFFD; the batch goes on."""
    odd = tmp_path / os.fsdecode(b"caf\xe9 notes.txt")
    shutil.copy(NEWS_INTERRUPTED, odd)
    plain = tmp_path / "plain.txt"
    plain.write_text(NEWS_INTERRUPTED.read_text(encoding="utf-8").replace("third", "fourth"))
    db = str(tmp_path / "lib.sqlite3")
    code, out, err = run(capsys, "import", str(odd), str(plain), "--library", db, "--json")
    assert code == 0, err
    assert [item["status"] for item in json.loads(out)] == ["imported", "imported"]
    with open_library(Path(db)) as lib:
        files = sorted(lib.get(i).source.file for i in lib.ids())
    assert files == ["caf\ufffd notes.txt", "plain.txt"]
