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
