"""``library export`` stays inside its folder and writes whole files (cstocli.library.exporter)."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from cstocli.cli import app as cli
from cstocli.library import LibraryError, export, replace_id
from cstocli.model import Dataset

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run cstocli in-process; return the exit code, stdout and stderr."""
    code = cli.run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def names(folder: Path) -> list[str]:
    """Every entry in ``folder``, hidden temporary files included."""
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("hostile", ["../../pwned", "/abs/path", "a\nb", "..", "x/../../y"])
def test_hostile_id_is_refused(tmp_path: Path, bundled: Dataset, hostile: str) -> None:
    """An id that is not a slug never becomes a path: nothing is written anywhere."""
    out = tmp_path / "a" / "b"
    with pytest.raises(LibraryError, match="an article id is letters and digits"):
        export(replace_id(bundled, hostile), out)
    assert names(tmp_path) == []


@pytest.mark.parametrize("hostile", ["../escape.txt", "/tmp/abs.txt", "..", "sub/x.txt"])
def test_hostile_source_name_is_refused(tmp_path: Path, bundled: Dataset, hostile: str) -> None:
    """A stored source file name with a folder in it is refused before anything is written."""
    ds = bundled._replace(source=bundled.source._replace(file=hostile))
    out = tmp_path / "out"
    with pytest.raises(LibraryError, match="it would land outside"):
        export(ds, out)
    assert names(tmp_path) == []


def test_symlink_in_the_folder_is_replaced_not_followed(tmp_path: Path, bundled: Dataset) -> None:
    """--force over a symlink named ID.json replaces the link; its target stays untouched."""
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.json"
    victim.write_text("precious")
    (out / f"{bundled.id}.json").symlink_to(victim)
    export(bundled, out, overwrite=True)
    assert victim.read_text() == "precious"
    assert not (out / f"{bundled.id}.json").is_symlink()


def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A library holding label_alone.txt; return its path."""
    db = tmp_path / "lib.db"
    code, _, err = run(capsys, "import", "--library", str(db), str(ARTICLES / "label_alone.txt"))
    assert code == 0, err
    return db


def test_full_disk_keeps_the_old_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--force on a full disk: one line naming the file, exit 2, the old files intact."""
    db = imported(tmp_path, capsys)
    out = tmp_path / "out"
    out.mkdir()
    (out / "label_alone.txt").write_text("old source")
    (out / "label-alone.json").write_text("old json")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    argv = ["library", "export", "label-alone", "-o", str(out), "--force", "--library", str(db)]
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err == f"cstocli: {out / 'label_alone.txt'}: cannot write: No space left on device\n"
    assert (out / "label_alone.txt").read_text() == "old source"
    assert (out / "label-alone.json").read_text() == "old json"
    assert names(out) == ["label-alone.json", "label_alone.txt"]


def test_interrupted_export_leaves_no_partial_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the dataset file is written: "interrupted", 130, no ID.json, no temp file."""
    db = imported(tmp_path, capsys)
    out = tmp_path / "out"
    real_replace = os.replace

    def interrupt_json(src: str, dst: str) -> None:
        if str(dst).endswith(".json"):
            raise KeyboardInterrupt
        real_replace(src, dst)

    real_link = os.link

    def interrupt_json_link(src: str, dst: str) -> None:
        if str(dst).endswith(".json"):
            raise KeyboardInterrupt
        real_link(src, dst)

    monkeypatch.setattr(os, "replace", interrupt_json)
    monkeypatch.setattr(os, "link", interrupt_json_link)
    code, _, err = run(
        capsys, "library", "export", "label-alone", "-o", str(out), "--library", str(db)
    )
    assert code == 130
    assert err == "cstocli: interrupted\n"
    # The source went in whole first; the dataset file that names it never appeared.
    assert names(out) == ["label_alone.txt"]


def test_stored_hostile_id_is_reslugged_and_exports_inside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A library from an older cstocli holding id '../../pwned' gets 'pwned'; export stays in."""
    db = imported(tmp_path, capsys)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE articles SET id = '../../pwned'")
    conn.close()
    code, out, _ = run(capsys, "library", "list", "--library", str(db))
    assert code == 0
    assert out.splitlines()[0].split("\t")[0] == "pwned"
    folder = tmp_path / "x" / "y"
    code, out, err = run(
        capsys, "library", "export", "pwned", "-o", str(folder), "--library", str(db)
    )
    assert code == 0, err
    assert names(folder) == ["label_alone.txt", "pwned.json"]
    assert names(tmp_path) == ["lib.db", "x"]
