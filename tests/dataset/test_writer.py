"""The JSON form of the model is the exact inverse of reading it."""

from __future__ import annotations

import json
from typing import Any

from cstocli.dataset.reader import dataset_from_json
from cstocli.dataset.writer import dataset_to_json
from cstocli.model import Dataset


def test_round_trip_is_exact(bundled: Dataset, bundled_json: dict[str, Any]) -> None:
    """dataset_to_json gives back the bundled file's JSON, and reading that gives the model."""
    assert dataset_to_json(bundled) == bundled_json
    again = dataset_from_json(dataset_to_json(bundled), bundled.source_text, file="x")
    assert again == bundled


def test_output_is_plain_json(bundled: Dataset) -> None:
    """The JSON form has only JSON types (no tuples), so it serialises and reads back equal."""
    obj = dataset_to_json(bundled)
    assert json.loads(json.dumps(obj, allow_nan=False)) == obj
