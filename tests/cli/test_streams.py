"""A closed or failing stdout, and hostile input, through the real ``python -m cstocli``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cstocli.dataset.files import bundled_path

ARTICLE = "Briefing\nMS SMITH: We spent {number} dollars on it.\nQUESTION: Really?\n"


def cstocli(*args: str, **popen: Any) -> subprocess.CompletedProcess[str]:
    """Run the real entry point; stdout and stderr captured unless ``popen`` says otherwise."""
    popen.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "cstocli", *args],
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=60,
        **popen,
    )


def test_closed_stdout_is_one_line_and_exit_2() -> None:
    """``cstocli speakers >&-``: one line on stderr, exit 2, no traceback."""
    done = subprocess.run(
        f"exec {sys.executable} -m cstocli speakers >&-",
        shell=True,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == "cstocli: cannot write output: standard output is closed\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["speakers"], ["search", "security", "--json"], ["--help"]])
def test_full_stdout_is_one_line_and_exit_2(args: list[str]) -> None:
    """``> /dev/full``: "cannot write output: No space left on device", exit 2."""
    with open("/dev/full", "w") as full:
        done = cstocli(*args, stdout=full)
    assert done.returncode == 2
    assert done.stderr == "cstocli: cannot write output: No space left on device\n"


def test_closed_stderr_does_not_crash() -> None:
    """With stderr closed, output still comes out and the exit code stays honest."""
    done = subprocess.run(
        f"exec {sys.executable} -m cstocli search zzzzqqq 2>&-",
        shell=True,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert done.returncode == 1


@pytest.mark.parametrize("number", ["9" * 401, str(2**63)])
def test_import_of_a_number_too_large(tmp_path: Path, number: str) -> None:
    """A 401-digit or 2**63 figure in an article is a warning, and the article goes in."""
    article = tmp_path / "big.txt"
    article.write_text(ARTICLE.format(number=number), encoding="utf-8")
    done = cstocli("import", "--library", str(tmp_path / "lib.db"), str(article))
    assert done.returncode == 0, done.stderr
    assert "is too large; not kept as a figure" in done.stderr
    assert "Traceback" not in done.stderr


def dataset_with_value(tmp_path: Path, value: str) -> Path:
    """A copy of the bundled dataset whose first figure's value is ``value`` (raw JSON)."""
    shutil.copyfile(bundled_path().with_suffix(".txt"), tmp_path / "csto-minsk-2017.txt")
    obj = json.loads(bundled_path().read_text(encoding="utf-8"))
    obj["figures"][0]["value"] = 12345
    text = json.dumps(obj).replace('"value": 12345', f'"value": {value}', 1)
    path = tmp_path / "csto.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("9" * 401, "$.figures[0].value: integer does not fit in 64 bits"),
        (str(2**63), "$.figures[0].value: integer does not fit in 64 bits"),
        ("1e999", "$.figures[0].value: must be a finite number"),
    ],
)
def test_dataset_numbers_that_do_not_fit(tmp_path: Path, value: str, problem: str) -> None:
    """--data and import refuse a figure value outside int64/double, naming its JSON path."""
    path = dataset_with_value(tmp_path, value)
    for args in (["stats", "--data", str(path)], ["import", "--library", "l.db", str(path)]):
        done = cstocli(*args, cwd=tmp_path)
        assert done.returncode == 2
        assert done.stderr.strip().splitlines()[0] == f"cstocli: {path}: {problem}"


def test_deeply_nested_corrections(tmp_path: Path) -> None:
    """A corrections file nested 100,000 deep is one line, not a RecursionError."""
    fixes = tmp_path / "deep.json"
    fixes.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE.format(number="12"), encoding="utf-8")
    done = cstocli("import", "--library", "l.db", "--corrections", str(fixes), str(article),
                   cwd=tmp_path)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        f"cstocli: {fixes}: invalid JSON: nested 100000 deep, more than the 64 allowed\n"
    )


def fifo(folder: Path) -> Path:
    """A named pipe with no writer in ``folder``."""
    os.mkfifo(folder / "fifo")
    return folder / "fifo"


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: Path("/dev/zero"), "is a device, not a regular file"),
        (fifo, "is a FIFO (named pipe), not a regular file"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("review", [False, True])
def test_import_reads_only_regular_files(
    tmp_path: Path, make: Any, problem: str, review: bool
) -> None:
    """/dev/zero or a FIFO given to import (or --review) is refused by name at once."""
    target = make(tmp_path)
    args = ["import", "--library", str(tmp_path / "lib.db"), str(target)]
    done = cstocli(*args, *(["--review"] if review else []))
    assert done.returncode == 2
    assert f"cstocli: {target}: {problem}" in done.stderr.splitlines()
    assert not (tmp_path / "lib.db").exists()


def test_import_of_an_oversized_article(tmp_path: Path) -> None:
    """An article over the 20 MB cap is refused with its size, before it is read."""
    article = tmp_path / "huge.txt"
    with article.open("wb") as file:
        file.truncate(21 * 1024 * 1024)  # sparse: costs no disk
    done = cstocli("import", "--library", str(tmp_path / "lib.db"), str(article))
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (
        f"cstocli: {article}: is 21.0 MB, more than the 20 MB that an article may have"
    )


def test_utf32_is_called_utf32(tmp_path: Path) -> None:
    """A UTF-32 article is named as UTF-32, not UTF-16."""
    article = tmp_path / "u32.txt"
    article.write_bytes(ARTICLE.format(number="12").encode("utf-32"))
    done = cstocli("import", "--library", str(tmp_path / "lib.db"), str(article))
    assert done.returncode == 2
    assert done.stderr == f"cstocli: {article}: line 1: UTF-32 text; save the article as UTF-8\n"


def test_data_option_reads_only_regular_files(tmp_path: Path) -> None:
    """--data pointing at a FIFO is refused at once, naming it."""
    pipe = fifo(tmp_path)
    done = cstocli("stats", "--data", str(pipe))
    assert done.returncode == 2
    assert done.stderr == f"cstocli: {pipe}: is a FIFO (named pipe), not a regular file\n"


@pytest.mark.parametrize(
    ("field", "value", "where"),
    [
        ("id", "../../pwned", "$.id"),
        ("id", "two\nlines", "$.id"),
        ("speaker_name", "Vladimir \x1b]52;c;cm0gLXJmIH4=\x07Putin", "$.speakers[0].name"),
    ],
)
def test_import_of_a_hostile_dataset_is_refused(
    tmp_path: Path, field: str, value: str, where: str
) -> None:
    """A dataset whose id is a path or has a newline, or whose name holds OSC 52, stays out."""
    shutil.copyfile(bundled_path().with_suffix(".txt"), tmp_path / "csto-minsk-2017.txt")
    obj = json.loads(bundled_path().read_text(encoding="utf-8"))
    if field == "id":
        obj["id"] = value
    else:
        obj["speakers"][0]["name"] = value
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    done = cstocli("import", "--library", str(tmp_path / "lib.db"), str(path))
    assert done.returncode == 2
    assert done.stderr.startswith(f"cstocli: {path}: {where}: ")
    assert "\x1b" not in done.stderr
    assert not (tmp_path / "lib.db").exists()
