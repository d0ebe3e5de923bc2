"""Reading parsed JSON into the model: errors name the JSON path, spans prove the text."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from cstocli.dataset.reader import dataset_from_json, source_file_name
from cstocli.dataset.validation import is_iso_date
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


def test_a_source_without_provenance_still_loads(
    bundled: Dataset, bundled_json: dict[str, Any]
) -> None:
    """A dataset written before author, date, retrieved... existed reads as before."""
    obj = copy.deepcopy(bundled_json)
    for key in ("author", "date", "retrieved", "published_title", "original_sha256"):
        del obj["source"][key]
    ds = dataset_from_json(obj, bundled.source_text, file="old.json")
    assert (ds.source.author, ds.source.date, ds.source.retrieved) == (None, None, None)
    assert ds.source.url == bundled.source.url


def test_provenance_is_read(bundled: Dataset, bundled_json: dict[str, Any]) -> None:
    """Each provenance field reaches the model."""
    obj = copy.deepcopy(bundled_json)
    obj["source"] |= {
        "author": "Ingrid Holm",
        "retrieved": "2024-03-15T08:00:00+00:00",
        "published_title": "Summit: the speeches",
        "original_sha256": "a" * 64,
    }
    source = dataset_from_json(obj, bundled.source_text, file="d.json").source
    assert (source.author, source.date, source.retrieved) == (
        "Ingrid Holm",
        "2017-12-01",
        "2024-03-15T08:00:00+00:00",
    )
    assert (source.published_title, source.original_sha256) == ("Summit: the speeches", "a" * 64)
    assert source.cited_title == "Summit: the speeches"


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("date", "1 December 2017", "expected an ISO 8601 date, got '1 December 2017'"),
        ("date", "2017-13", "expected an ISO 8601 date, got '2017-13'"),
        ("date", "2017-02-30", "expected an ISO 8601 date, got '2017-02-30'"),
        ("retrieved", "yesterday", "expected an ISO 8601 date, got 'yesterday'"),
        ("original_sha256", "ABC", "expected 64 lowercase hex digits"),
        ("author", 7, "expected a string, got a number"),
    ],
)
def test_bad_provenance_is_refused_with_its_path(
    bundled: Dataset, bundled_json: dict[str, Any], field: str, value: object, problem: str
) -> None:
    """A malformed provenance field names its JSON path."""
    obj = copy.deepcopy(bundled_json)
    obj["source"][field] = value
    with pytest.raises(DatasetError) as caught:
        dataset_from_json(obj, bundled.source_text, file="d.json")
    assert str(caught.value) == f"d.json: $.source.{field}: {problem}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017", True),
        ("2017-12", True),
        ("2017-12-01", True),
        ("2017-12-01T10:27:43+00:00", True),
        ("2017-12-01T10:27:43Z", True),
        ("2017-00", False),
        ("20171201", False),
        ("12/01/2017", False),
        ("", False),
    ],
)
def test_is_iso_date(value: str, expected: bool) -> None:
    """Years, year-months, dates and date-times are ISO 8601; other shapes are not."""
    assert is_iso_date(value) is expected
