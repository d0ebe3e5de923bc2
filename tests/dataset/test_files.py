"""Loading dataset files: every bad file fails with one line naming file, place and problem.

The field-level checks live in ``dataset_reader``; they are exercised here through real
files because that is how users meet them.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cstocli.dataset import files
from cstocli.dataset.files import load
from cstocli.errors import DatasetError

WriteDataset = Callable[[dict[str, Any] | str | bytes], Path]


def broken(original: dict[str, Any], change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    """A deep copy of the dataset JSON with one change applied."""
    obj = copy.deepcopy(original)
    change(obj)
    return obj


def error_for(path: Path) -> DatasetError:
    """Load the file, expecting a DatasetError, and return it."""
    with pytest.raises(DatasetError) as caught:
        load(path)
    message = str(caught.value)
    assert "\n" not in message, "an error is one line"
    assert message.startswith(str(path)), "an error names the file first"
    return caught.value


def test_missing_file(tmp_path: Path) -> None:
    """A dataset path that does not exist is named, with 'file not found'."""
    error = error_for(tmp_path / "nope.json")
    assert "file not found" in str(error)


def test_empty_file(dataset_copy: WriteDataset) -> None:
    """An empty file says it is empty rather than showing a JSON parser message."""
    assert "empty" in str(error_for(dataset_copy("  \n")))


def test_not_utf8(dataset_copy: WriteDataset) -> None:
    """Bytes that are not UTF-8 are reported with the offending byte's offset."""
    error = error_for(dataset_copy(b'{\n"id": "caf\xe9"}'))
    assert error.where == "line 2, byte 12"
    assert "not valid UTF-8" in error.problem


def test_invalid_json_names_line_and_column(dataset_copy: WriteDataset) -> None:
    """Broken JSON is reported with the line and column of the break."""
    error = error_for(dataset_copy('{\n  "schema_version": 1,\n  "id": ,\n}'))
    assert error.where == "line 3, column 9"
    assert error.problem.startswith("invalid JSON")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_non_json_numbers_refused(
    dataset_copy: WriteDataset, bundled_json: dict[str, Any], literal: str
) -> None:
    """NaN and Infinity are refused: they would make our own --json output invalid."""
    text = json.dumps(bundled_json).replace('"value": 13000', f'"value": {literal}', 1)
    assert literal in text
    error = error_for(dataset_copy(text))
    assert error.problem == f"invalid JSON: {literal} is not a JSON number"


def test_overflowing_number_refused(
    dataset_copy: WriteDataset, bundled_json: dict[str, Any]
) -> None:
    """1e999 is valid JSON text but overflows to infinity, which --json could not print."""
    text = json.dumps(bundled_json).replace('"value": 13000', '"value": 1e999', 1)
    error = error_for(dataset_copy(text))
    assert error.where == "$.figures[4].value"
    assert error.problem == "must be a finite number"


def test_deeply_nested_json(dataset_copy: WriteDataset) -> None:
    """Absurd nesting is a one-line error, not a RecursionError traceback."""
    error = error_for(dataset_copy("[" * 100_000 + "]" * 100_000))
    assert error.problem == "invalid JSON: nested 100000 deep, more than the 64 allowed"


def test_unknown_schema_version(dataset_copy: WriteDataset, bundled_json: dict[str, Any]) -> None:
    """A schema version this cstocli does not know is refused before anything else."""
    obj = broken(bundled_json, lambda o: o.update(schema_version=99))
    error = error_for(dataset_copy(obj))
    assert error.where == "$.schema_version"
    assert "99" in error.problem


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        (lambda o: o["speakers"][1].pop("name"), "$.speakers[1].name", "missing required field"),
        (lambda o: o.pop("passages"), "$.passages", "missing required field"),
        (
            lambda o: o["passages"][2]["paragraphs"][0].update(span="12-40"),
            "$.passages[2].paragraphs[0].span",
            "expected an array [start, end], got a string",
        ),
        (
            lambda o: o["figures"][4].update(value="13,000"),
            "$.figures[4].value",
            "expected a number or null, got a string",
        ),
        (
            lambda o: o["speakers"][0].update(aliases="Lukashenka"),
            "$.speakers[0].aliases",
            "expected an array, got a string",
        ),
        (
            lambda o: o["passages"][0].update(span=[9, 2]),
            "$.passages[0].span",
            "is reversed",
        ),
        (
            lambda o: o["speakers"][0].update(nickname="x"),
            "$.speakers[0].nickname",
            "unknown field",
        ),
        (
            lambda o: o["passages"][0].update(span=[0, 10**6]),
            "$.passages[0].span",
            "lies outside the source text",
        ),
        (
            lambda o: o["passages"][2]["paragraphs"][0].update(text="I am convinced, truly"),
            "$.passages[2].paragraphs[0].text",
            "does not match the source",
        ),
        (
            lambda o: o["figures"][0].update(span=[o["figures"][0]["span"][0] + 1, 500]),
            "$.figures[0].text",
            "does not match the source",
        ),
        (
            lambda o: o["passages"][2].update(speaker_id="vladimir-putin"),
            "$.passages[2].speaker_id",
            "unknown speaker 'vladimir-putin'",
        ),
        (
            lambda o: o["passages"][0].update(speaker_id="nobody-known"),
            "$.passages[0].speaker_id",
            "unknown speaker 'nobody-known'",
        ),
        (
            lambda o: o["figures"][1].update(passage_id="q9"),
            "$.figures[1].passage_id",
            "unknown passage 'q9'",
        ),
        (
            lambda o: o["speakers"][1].update(id="alexander-lukashenko"),
            "$.speakers[1].id",
            "duplicate id",
        ),
        (
            lambda o: o["source"].update(sha256="0" * 64),
            "$.source.sha256",
            "does not match the contents",
        ),
        (
            lambda o: o["source"].update(file="missing.txt"),
            "$.source.file",
            "file not found",
        ),
        (
            lambda o: o["passages"].reverse(),
            "$.passages[1].span",
            "overlaps or precedes",
        ),
    ],
)
def test_bad_field(
    dataset_copy: WriteDataset,
    bundled_json: dict[str, Any],
    change: Callable[[dict[str, Any]], object],
    where: str,
    problem: str,
) -> None:
    """Each kind of bad field is reported at its JSON path with what is wrong."""
    error = error_for(dataset_copy(broken(bundled_json, change)))
    assert error.where == where
    assert problem in error.problem


def test_top_level_not_an_object(dataset_copy: WriteDataset) -> None:
    """A JSON array where an object belongs is reported at the root path."""
    error = error_for(dataset_copy(json.dumps([1, 2])))
    assert error.where == "$"
    assert error.problem == "expected an object, got an array"


def test_source_file_must_sit_beside_dataset(
    dataset_copy: WriteDataset, bundled_json: dict[str, Any]
) -> None:
    """A source path that climbs out of the dataset's folder is refused, not followed."""
    obj = broken(bundled_json, lambda o: o["source"].update(file="../etc/passwd"))
    assert error_for(dataset_copy(obj)).where == "$.source.file"


def test_copy_elsewhere_loads(dataset_copy: WriteDataset, bundled_json: dict[str, Any]) -> None:
    """A valid dataset in any folder loads, its source found beside it."""
    dataset = load(dataset_copy(bundled_json))
    assert dataset.id == "csto-minsk-2017"
    assert len(dataset.passages) == len(bundled_json["passages"])


BAD_FILES: dict[str, Callable[[dict[str, Any]], str | bytes]] = {
    "invalid JSON": lambda o: json.dumps(o)[:-40],
    "empty": lambda o: "",
    "not UTF-8": lambda o: (
        json.dumps(o).replace("Minsk", "Mi\udcffnsk").encode("utf-8", "surrogateescape")
    ),
    "missing field": lambda o: json.dumps({k: v for k, v in o.items() if k != "speakers"}),
    "wrong type": lambda o: json.dumps({**o, "passages": {}}),
    "unknown schema_version": lambda o: json.dumps({**o, "schema_version": 7}),
    "span outside the source": lambda o: json.dumps(
        broken(o, lambda b: b["figures"][0].update(span=[0, 999_999]))
    ),
    "span not matching": lambda o: json.dumps(
        broken(o, lambda b: b["figures"][0].update(text="seven states"))
    ),
    "unknown speaker": lambda o: json.dumps(
        broken(o, lambda b: b["passages"][2].update(speaker_id="nobody"))
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_cli_reports_each_bad_file_in_one_line(
    kind: str, dataset_copy: WriteDataset, bundled_json: dict[str, Any]
) -> None:
    """Through the real command: exit 2, one stderr line naming the file, no traceback."""
    path = dataset_copy(BAD_FILES[kind](bundled_json))
    result = subprocess.run(
        [sys.executable, "-m", "cstocli", "speakers", "--data", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert "Traceback" not in result.stderr


def test_number_of_thousands_of_digits(dataset_copy: WriteDataset) -> None:
    """A 5,000-digit number is one plain line, not Python's advice about int conversion."""
    error = error_for(dataset_copy('{"schema_version": ' + "9" * 5000 + "}"))
    assert error.problem == "invalid JSON: a number of more than 4300 digits"


def test_bundled_dataset_is_within_the_depth_limit() -> None:
    """The bundled file, whose depth is not measured at start-up, nests far below the cap."""
    assert files._depth(files.bundled_path().read_text(encoding="utf-8")) <= files.MAX_DEPTH


def test_depth_skips_brackets_inside_strings() -> None:
    """Brackets quoted in strings (escaped quotes too) do not count as nesting."""
    assert files._depth('[{"a": "[[[\\"{{{", "b": [1]}]') == 3
