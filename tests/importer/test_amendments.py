from __future__ import annotations

import pytest

from cstocli.dataset.validation import JsonChecker
from cstocli.errors import DatasetError
from cstocli.importer.amendments import amend_figures, amend_lists, paragraph_overrides
from cstocli.importer.article import import_article
from cstocli.model import Dataset

TEXT = "Title\n\nAnn Lee:\nWe saw 12 boats and 3 ships.\n\nThey came back.\n"


def _dataset() -> Dataset:
    """The small article above, imported."""
    return import_article(TEXT, file_name="t.txt").dataset


def test_failure_names_file_and_path() -> None:
    """The checker builds the one-line error for a JSON path of the corrections file."""
    error = JsonChecker("fix.json").fail("$.lists[0]", "bad")
    assert isinstance(error, DatasetError)
    assert str(error) == "fix.json: $.lists[0]: bad"


def test_paragraph_overrides_map_start_offsets() -> None:
    """A paragraph named by its first words maps to its start offset."""
    entries = [{"starts": "They came", "as": "narration"}]
    overrides = paragraph_overrides(entries, _dataset(), JsonChecker("f").fail)
    assert overrides == {TEXT.index("They came"): "narration"}


def test_amend_figures_keeps_untouched_figures_and_renumbers() -> None:
    """Dropping the first figure renumbers the rest from f1."""
    figures = amend_figures([{"at": "12 boats", "drop": True}], _dataset(), JsonChecker("f").fail)
    assert [(f.id, f.text) for f in figures] == [("f1", "3 ships")]


def test_amend_lists_without_anchor_searches_the_body() -> None:
    """Without "within", items are found in order from the start of the body."""
    (enumeration,) = amend_lists(
        [{"id": "things", "title": "Things", "items": ["boats", "ships"]}],
        _dataset(),
        JsonChecker("f").fail,
    )
    assert [TEXT[slice(*item.span)] for item in enumeration.items] == ["boats", "ships"]
    assert enumeration.passage_id is None


def test_amend_lists_refuses_a_duplicate_id() -> None:
    """Two lists with one id are refused at the second."""
    entry = {"id": "x", "title": "X", "items": ["boats"]}
    with pytest.raises(DatasetError, match=r"\$\.lists\[1\]\.id"):
        amend_lists([entry, entry], _dataset(), JsonChecker("f").fail)
