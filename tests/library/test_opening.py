"""What the library refuses to open, and read-only libraries (cstocli.library.opening)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from cstocli.cli import app as cli
from cstocli.library import opening, schema

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run cstocli in-process; return the exit code, stdout and stderr."""
    code = cli.run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def imported(db: Path, capsys: pytest.CaptureFixture[str], name: str = "label_alone.txt") -> None:
    """Import one fixture article into ``db``."""
    code, _, err = run(capsys, "import", "--library", str(db), str(ARTICLES / name))
    assert code == 0, err


@pytest.mark.parametrize("content", [b"", b"my notes, not a database\n"])
def test_empty_or_foreign_file_is_refused_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    """A 0-byte or non-SQLite file given as --library is refused and left as it was."""
    db = tmp_path / "notes.txt"
    db.write_bytes(content)
    code, _, err = run(capsys, "import", "--library", str(db), str(ARTICLES / "label_alone.txt"))
    assert code == 2
    expected = (
        "is an empty file, not a cstocli library; give another path"
        if not content
        else "is not a cstocli library or is corrupt (not an SQLite database)"
    )
    assert err == f"cstocli: {db}: {expected}\n"
    assert db.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_foreign_sqlite_database_is_refused_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Someone else's SQLite database is named as such, for reading and writing alike."""
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    before = db.read_bytes()
    for argv in (["library", "list"], ["import", str(ARTICLES / "label_alone.txt")]):
        code, _, err = run(capsys, *argv, "--library", str(db))
        assert code == 2
        assert err == f"cstocli: {db}: is an SQLite database but not a cstocli library\n"
    assert db.read_bytes() == before


def test_negative_schema_version_says_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """user_version = -1 is "damaged (schema version -1)", not "table already exists"."""
    db = tmp_path / "lib.db"
    imported(db, capsys)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = -1")
    conn.close()
    code, _, err = run(capsys, "library", "list", "--library", str(db))
    assert code == 2
    assert err == f"cstocli: {db}: is not a cstocli library or is damaged (schema version -1)\n"


def test_refused_import_creates_no_folder_and_no_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An import whose every file is refused leaves no library and no folders behind."""
    db = tmp_path / "a" / "b" / "lib.db"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, err = run(capsys, "import", "--library", str(db), str(empty))
    assert code == 2
    assert "file is empty" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]


def test_refused_import_keeps_an_existing_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The clean-up only removes a library the failed import itself created."""
    db = tmp_path / "lib.db"
    imported(db, capsys)
    code, _, _ = run(capsys, "library", "remove", "label-alone", "--library", str(db))
    assert code == 0
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, _ = run(capsys, "import", "--library", str(db), str(empty))
    assert code == 2
    assert db.exists()


def test_damaged_stored_article_names_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stored article whose JSON is broken is one line naming the library file."""
    db = tmp_path / "lib.db"
    imported(db, capsys)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE articles SET dataset = '{'")
    conn.close()
    code, _, err = run(capsys, "library", "show", "label-alone", "--library", str(db))
    assert code == 2
    assert err.startswith(f"cstocli: {db}: article 'label-alone' is damaged (its stored JSON:")


def test_disk_full_during_import_names_the_cause(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLITE_FULL mid-import says the disk is full (not "cannot rollback"); nothing stored."""
    db = tmp_path / "lib.db"
    imported(db, capsys)
    real_connect = schema.connect

    def small_disk(path: Path, *, create: bool) -> sqlite3.Connection:
        conn = real_connect(path, create=create)
        conn.execute("VACUUM")  # no free pages left over from a migration to fill instead
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # room for almost nothing
        return conn

    monkeypatch.setattr("cstocli.library.opening.connect", small_disk)
    # An article far larger than what is left free in the pages the library has.
    speech = " ".join(f"Point {n} of the plan is settled and costed." for n in range(40))
    big = tmp_path / "inline_caps.txt"
    big.write_text(
        "Talks end\n\n" + "".join(f"MS LEE: {speech} Item {n}.\n\n" for n in range(60)),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "import", "--library", str(db), str(big))
    assert code == 2
    assert "the disk is full or failing (SQLite: database or disk is full)" in err
    assert "rollback" not in err
    monkeypatch.undo()
    code, out, _ = run(capsys, "library", "list", "--json", "--library", str(db))
    assert '"inline-caps"' not in out


def read_only_copy(library: Path, tmp_path: Path) -> list[str]:
    """A command prefix that runs with ``library``'s folder mounted read-only."""
    folder = library.parent
    if os.geteuid() != 0:
        folder.chmod(0o555)
        library.chmod(0o444)
        return []
    if shutil.which("unshare") is None:
        pytest.skip("root without unshare: cannot make a read-only folder")
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount --bind -o ro '{folder}' '{folder}'"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip("cannot mount a read-only folder here")
    return [
        "unshare",
        "-rm",
        "sh",
        "-c",
        f"mount --bind -o ro '{folder}' '{folder}' && exec \"$@\"",
        "-",
    ]


def test_read_only_library_can_be_read_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a read-only folder, list and search work; import says the library is read-only."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "lib.db"
    imported(db, capsys)
    prefix = read_only_copy(db, tmp_path)
    base = [sys.executable, "-m", "cstocli"]

    def cstocli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*prefix, *base, *args, "--library", str(db)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip

    listed = cstocli("library", "list")
    assert listed.returncode == 0, listed.stderr
    assert "label-alone" in listed.stdout
    found = cstocli("search", "grain", "--all")
    assert found.returncode == 0, found.stderr
    refused = cstocli("import", str(ARTICLES / "inline_caps.txt"))
    assert refused.returncode == 2
    problem = "is read-only (the file or its folder cannot be written): cannot change it"
    assert refused.stderr.endswith(f"cstocli: {db}: {problem}\n")
    assert sorted(p.name for p in folder.iterdir()) == ["lib.db"]


def test_the_id_check_reads_only_the_partial_index_of_suspect_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opening checks ids on the partial index (not every id); a library without it gets it."""
    db = tmp_path / "library.sqlite3"
    imported(db, capsys)
    with closing(sqlite3.connect(db)) as conn, conn:  # closed, not only committed
        conn.execute("DROP INDEX articles_unslugged")  # as a library made before it
        conn.execute("UPDATE articles SET id = 'Not A Slug'")
    code, out, err = run(capsys, "library", "list", "--library", str(db))
    assert code == 0, err
    assert out.splitlines()[0].split("\t")[0] == "not-a-slug"
    with closing(sqlite3.connect(db)) as conn:
        plan = conn.execute("EXPLAIN QUERY PLAN " + opening._ID_CANDIDATES).fetchall()
    assert "articles_unslugged" in str(plan)
