"""Shell completion through the real protocol, with every way of naming what to read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "csto-minsk-2017.json"
ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def complete(words: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Ask cstocli for bash completions of ``words`` (the cursor after the last word)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CSTOCLI_")}
    protocol = {
        "_CSTOCLI_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    return subprocess.run(
        [sys.executable, "-m", "cstocli"],
        capture_output=True,
        text=True,
        env={**clean, **protocol, **env},
        check=False,
    )


def test_speaker_after_a_typed_data_file() -> None:
    """--data FILE typed before --speaker: its speakers are offered, no traceback."""
    result = complete(f"cstocli search x --data {DATA} --speaker naz")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert set(result.stdout.split()) == {"nazarbayev", "nazarbaev"}


def test_show_ids_with_data_from_the_environment() -> None:
    """CSTOCLI_DATA reaches completion as a string; ids are still offered."""
    result = complete("cstocli show q", CSTOCLI_DATA=str(DATA))
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) == {"q1", "q2", "q3", "q4", "q5"}


@pytest.mark.parametrize("flags", ["--all", "--article label-alone"])
def test_speaker_from_the_library(tmp_path: Path, flags: str) -> None:
    """With a library in CSTOCLI_LIBRARY, --all and --article complete its speakers."""
    library = tmp_path / "lib.sqlite3"
    imported = subprocess.run(
        [sys.executable, "-m", "cstocli", "import", "--library", str(library),
         str(ARTICLES / "label_alone.txt")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    result = complete(f"cstocli search x {flags} --speaker ok", CSTOCLI_LIBRARY=str(library))
    assert result.returncode == 0, result.stderr
    assert "okafor" in result.stdout.split()


def test_missing_library_completes_nothing(tmp_path: Path) -> None:
    """A library that does not exist offers nothing, quietly."""
    result = complete(
        "cstocli search x --all --speaker a", CSTOCLI_LIBRARY=str(tmp_path / "none.db")
    )
    assert result.returncode == 0
    assert result.stdout.strip() == ""
    assert result.stderr == ""


@pytest.mark.parametrize(
    "words",
    [
        "cstocli speakers --article inter",
        "cstocli library show inter",
        "cstocli library remove inter",
        "cstocli library export inter",
        "cstocli search x --article inter",
    ],
)
def test_article_ids_complete(tmp_path: Path, words: str) -> None:
    """--article and library show|remove|export complete the library's article ids."""
    library = tmp_path / "lib.sqlite3"
    imported = subprocess.run(
        [sys.executable, "-m", "cstocli", "import", "--library", str(library),
         str(ARTICLES / "label_alone.txt"), str(ARTICLES / "interview_blank.txt"),
         str(ARTICLES / "interview_dense.txt")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    result = complete(words, CSTOCLI_LIBRARY=str(library))
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) == {"interview-blank", "interview-dense"}


def test_article_ids_from_a_typed_library(tmp_path: Path) -> None:
    """``library show --library PATH`` completes the ids of that library file."""
    library = tmp_path / "other.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "cstocli", "import", "--library", str(library),
         str(ARTICLES / "label_alone.txt")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result = complete(f"cstocli library show --library {library} la")
    assert result.stdout.split() == ["label-alone"]
