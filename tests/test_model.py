"""The model's records: immutable values that compare, hash, pickle and print."""

from __future__ import annotations

import pickle

import pytest

from cstocli.model import Dataset, Located, is_placeholder


def test_records_are_immutable_values(bundled: Dataset) -> None:
    """A record cannot be changed in place; _replace makes a changed copy, equal by value."""
    speaker = bundled.speakers[0]
    with pytest.raises(AttributeError):
        speaker.name = "Someone else"  # type: ignore[misc]
    renamed = speaker._replace(name="Someone else")
    assert renamed.name == "Someone else"
    assert speaker.name != renamed.name
    assert renamed._replace(name=speaker.name) == speaker
    assert hash(renamed._replace(name=speaker.name)) == hash(speaker)


def test_a_dataset_survives_pickling(bundled: Dataset) -> None:
    """Import workers send datasets between processes: a pickled one comes back equal."""
    assert pickle.loads(pickle.dumps(bundled)) == bundled


def test_a_dataset_prints_without_its_source_text(bundled: Dataset) -> None:
    """Its repr elides the source text (megabytes for a long article), names every field."""
    shown = repr(bundled)
    assert f"source_text=<{len(bundled.source_text)} characters>" in shown
    assert shown.startswith(f"Dataset(id={bundled.id!r}, source=Source(")
    assert all(f" {name}=" in shown for name in bundled._fields[1:])
    assert repr(Located("x", (0, 1))) == "Located(text='x', span=(0, 1))"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Speaker 1", True),
        ("Unidentified Male", True),
        ("Question", True),
        ("Audience member", True),
        ("Operator", True),
        ("Jane Doe", False),
        ("Speakerman", False),
        ("Q. Smith", False),
    ],
)
def test_placeholders_are_the_names_an_article_leaves_unnamed(name: str, expected: bool) -> None:
    """Speaker 1, Unidentified Male, Question... stand for nobody in particular."""
    assert is_placeholder(name) is expected
