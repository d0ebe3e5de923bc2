"""Reading parsed JSON into the model: errors name the JSON path, spans prove the text."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from cstocli.dataset.reader import dataset_from_json, source_file_name
from cstocli.errors import DatasetError
from cstocli.model import Dataset


def test_reads_without_any_file(bundled: Dataset, bundled_json: dict[str, Any]) -> None:
    """Given the JSON and the source text, no file is needed (the library stores both)."""
    dataset = dataset_from_json(bundled_json, bundled.source_text, file="in-memory")
    assert dataset == bundled


def test_text_checked_against_the_given_source(
    bundled: Dataset, bundled_json: dict[str, Any]
) -> None:
    """The same JSON against a source that differs by one character is refused at that text."""
    changed = bundled.source_text.replace("13,000", "13.000")
    with pytest.raises(DatasetError) as caught:
        dataset_from_json(bundled_json, changed, file="mem")
    assert str(caught.value).startswith("mem: $.passages[")
    assert "does not match the source" in caught.value.problem


@pytest.mark.parametrize("name", ["../x.txt", "sub/x.txt", "/etc/passwd"])
def test_source_file_must_be_a_bare_name(bundled_json: dict[str, Any], name: str) -> None:
    """The source file is named, never pathed: a dataset cannot make cstocli read elsewhere."""
    obj = copy.deepcopy(bundled_json)
    obj["source"]["file"] = name
    with pytest.raises(DatasetError) as caught:
        source_file_name(obj, file="d.json")
    assert caught.value.where == "$.source.file"


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("$.speakers[0].name", "Vladimir\x1b]0;pwned\x07 Putin"),
        ("$.speakers[0].role", "President\r\x1b[31m"),
        ("$.speakers[0].id", "vladimir\x9bputin"),
        ("$.speakers[0].aliases[0]", "Putin\nok"),
    ],
)
def test_control_characters_in_names_ids_and_roles_are_refused(
    bundled: Dataset, bundled_json: dict[str, Any], path: str, value: str
) -> None:
    """ESC, CR, LF and C1 controls in a name, role, id or alias are refused at their path."""
    obj = copy.deepcopy(bundled_json)
    speaker = obj["speakers"][0]
    field = path.rsplit(".", maxsplit=1)[-1]
    if field.startswith("aliases"):
        speaker["aliases"] = [value]
    else:
        speaker[field] = value
    with pytest.raises(DatasetError) as caught:
        dataset_from_json(obj, bundled.source_text, file="d.json")
    assert caught.value.where == path
    assert caught.value.problem.startswith("control character U+")


@pytest.mark.parametrize("hostile", ["../../pwned", "/abs/path", "a\nb", "with space"])
def test_dataset_id_must_be_a_slug(
    bundled: Dataset, bundled_json: dict[str, Any], hostile: str
) -> None:
    """A dataset id that is a path or holds a newline is refused at $.id."""
    obj = {**bundled_json, "id": hostile}
    with pytest.raises(DatasetError) as caught:
        dataset_from_json(obj, bundled.source_text, file="d.json")
    assert caught.value.where == "$.id"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (2**63, "integer does not fit in 64 bits"),
        (-(2**63) - 1, "integer does not fit in 64 bits"),
        (10**401, "integer does not fit in 64 bits"),
        (float("inf"), "must be a finite number"),
    ],
)
def test_figure_value_must_fit(
    bundled: Dataset, bundled_json: dict[str, Any], value: float, problem: str
) -> None:
    """A figure value beyond int64 or a finite double is refused with its JSON path."""
    obj = copy.deepcopy(bundled_json)
    obj["figures"][0]["value"] = value
    with pytest.raises(DatasetError) as caught:
        dataset_from_json(obj, bundled.source_text, file="d.json")
    assert (caught.value.where, caught.value.problem) == ("$.figures[0].value", problem)


def test_largest_integers_still_fit(bundled: Dataset, bundled_json: dict[str, Any]) -> None:
    """The int64 bounds themselves are accepted."""
    for value in (2**63 - 1, -(2**63)):
        obj = copy.deepcopy(bundled_json)
        obj["figures"][0]["value"] = value
        assert dataset_from_json(obj, bundled.source_text, file="d").figures[0].value == value
