"""Schema 3 -> 4 (``schema.compact_library``) on a library made by the code before it.

``tests/fixtures/library/v3.sqlite3`` was written by cstocli at commit 93d98a1 (see the
README beside it); every test works on a scratch copy.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from cstocli import library, text
from cstocli.cli import app as cli
from cstocli.dataset.reader import dataset_from_json
from cstocli.library import open_library
from cstocli.library.rows import with_texts
from cstocli.model import Dataset
from cstocli.search import engine

HERE = Path(__file__).parents[1] / "fixtures"
V3 = HERE / "library" / "v3.sqlite3"
ARTICLES = [
    HERE / "library" / "baltic-ferries.txt",
    Path(__file__).parents[2] / "data" / "csto-minsk-2017.txt",
    *sorted((HERE / "articles").glob("*.txt")),
]
QUERIES = [
    "lodz", "Łódź", "aero", "Ærø", "ferry timetable", "informaton securty", "president",
    "lukashenko strategy", "dont", "we'll", "2,500", "grain corridor", '"combat training"',
    "harbour", "zzzz",
]  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run cstocli in-process; return the exit code and stdout."""
    code = cli.run(list(argv))
    return code, capsys.readouterr().out


def old_library(tmp_path: Path, version: int = 3) -> Path:
    """A scratch copy of the schema-3 library (relabelled ``version``: v2 has its tables)."""
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(V3, path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3  # as made by the old code
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    return path


def fresh_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The same articles imported by today's code, through the real command."""
    path = tmp_path / "fresh.sqlite3"
    code, _ = run(capsys, "import", "--library", str(path), *map(str, ARTICLES))
    assert code == 0
    return path


def hits(path: Path, query: str) -> list[tuple[str, tuple[int, int], str, float]]:
    """Every hit of a query over the library: article, span, text and score."""
    with open_library(path, create=False) as lib:
        return [
            (h.sentence.article_id, h.sentence.span, h.sentence.text, h.score)
            for h in engine.search(lib.index(), query)
        ]


def listing(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    """``library list --json``, less the import times (the old library's are older)."""
    code, out = run(capsys, "library", "list", "--json", "--library", str(path))
    assert code == 0
    return [{k: v for k, v in row.items() if k != "imported_at"} for row in json.loads(out)]


def test_old_library_is_migrated_to_the_new_layout(tmp_path: Path) -> None:
    """Opening a schema-3 library converts it: no second copy of the text, all compressed."""
    path = old_library(tmp_path)
    before = path.stat().st_size
    open_library(path).close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == library.SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')")
        columns = [row[1] for row in conn.execute("PRAGMA table_info(sentences)")]
        assert "terms" not in columns
        kinds = conn.execute(
            "SELECT DISTINCT typeof(dataset), typeof(source_text) FROM articles"
        ).fetchall()
        assert kinds == [("blob", "blob")]  # both compressed
    finally:
        conn.close()
    assert path.stat().st_size < before  # the freed pages went back (VACUUM)


@pytest.mark.parametrize("version", [2, 3])
def test_migrated_library_finds_what_a_fresh_import_finds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], version: int
) -> None:
    """Every query gives the same hits, scores included, as the same files imported anew."""
    old, fresh = old_library(tmp_path, version), fresh_library(tmp_path, capsys)
    for query in QUERIES:
        assert hits(old, query) == hits(fresh, query), query
    assert hits(fresh, "ferry timetable")  # the comparison compared something


def test_migrated_library_lists_the_same_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``library list`` shows the same articles, ids, titles and counts after migrating."""
    old, fresh = old_library(tmp_path), fresh_library(tmp_path, capsys)
    migrated = listing(old, capsys)
    assert migrated == listing(fresh, capsys)
    assert len(migrated) == len(ARTICLES)


def stored_by_the_old_code(path: Path) -> dict[str, Dataset]:
    """Each article of a schema-3 library file as that code stored it.

    Read without the library layer of cstocli: plain JSON beside the source text.
    """
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT id, dataset, source_text FROM articles").fetchall()
    finally:
        conn.close()
    return {
        article_id: dataset_from_json(
            {**with_texts(json.loads(stored), source), "id": article_id}, source, file=article_id
        )
        for article_id, stored, source in rows
    }


def test_migrated_articles_come_back_whole(tmp_path: Path) -> None:
    """Each article reads back after migrating exactly as the old code stored it."""
    before = stored_by_the_old_code(V3)
    path = old_library(tmp_path)
    with open_library(path) as migrated:
        assert sorted(migrated.ids()) == sorted(before)
        for article_id, dataset in before.items():
            assert migrated.get(article_id) == dataset
    assert len(before) == len(ARTICLES)


def test_migration_indexes_with_todays_fold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index is rebuilt with the fold of the code that opens it, never copied.

    A fold that also takes "ł" to "l" and "æ" to "ae" (as a later one may) makes the
    migrated library find "Łódź" as "lodz" and "Ærø" as "aero".
    """
    plain = text.fold
    letters = str.maketrans({"ł": "l", "Ł": "L", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O"})

    @lru_cache(maxsize=1024)
    def wider(word: str) -> str:
        return plain(word.translate(letters))

    path = old_library(tmp_path)
    conn = sqlite3.connect(path)  # what the old code indexed: its own fold's words
    old_terms = {row[0] for row in conn.execute("SELECT term FROM vocabulary")}
    conn.close()
    assert {"łodz", "ærø"} <= old_terms
    monkeypatch.setattr(text, "fold", wider)
    with open_library(path) as lib:
        assert lib.index().frequency("lodz") == 2  # two sentences name the city
        assert lib.index().frequency("łodz") == 0
    assert any("Łódź" in hit[2] for hit in hits(path, "lodz"))
    assert any("Ærø" in hit[2] for hit in hits(path, "aero"))


def test_a_migrated_article_is_removed_without_trace(tmp_path: Path) -> None:
    """Removing an article of a migrated library leaves the FTS index consistent."""
    path = old_library(tmp_path)
    with open_library(path) as lib:
        lib.remove(["baltic-ferries"])
        assert not hits(path, "ferry")
        assert hits(path, "informaton securty")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')")
    conn.close()


def test_a_migrated_library_folds_letters_as_today(tmp_path: Path) -> None:
    """The old code indexed "łodz"; migrated, "lodz" finds Łódź and "aero" Ærø (today's fold)."""
    path = old_library(tmp_path)
    assert any("Łódź" in hit[2] for hit in hits(path, "lodz"))
    assert any("Ærø" in hit[2] for hit in hits(path, "aero"))
    with open_library(path) as lib:
        assert lib.index().frequency("łodz") == 0
