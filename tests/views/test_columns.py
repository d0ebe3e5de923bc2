"""The rows each command prints: the columns of its table, TSV and CSV."""

from __future__ import annotations

from dataclasses import replace

from cstocli.model import Dataset
from cstocli.views import columns


def test_a_unit_only_label_is_read_from_its_sentence(bundled: Dataset) -> None:
    """A figure labelled only by its unit gets the clause it stands in; others keep theirs."""
    figure = next(f for f in bundled.figures if f.unit == "aircraft")
    bare = replace(figure, label="Aircraft")
    label = columns.sentence_label(bundled.source_text, bare)
    assert label.startswith("140 aircraft took part in all the exercises")
    assert columns.sentence_label(bundled.source_text, figure) == figure.label


def test_library_figures_give_topic_line_and_article(bundled: Dataset) -> None:
    """Stats --all rows: every figure with a topic (or the headline), its line and article."""
    rows = columns.library_figures([bundled])
    keys = [c.key for c in rows.columns]
    assert keys == ["label", "as_written", "unit", "topic", "line", "article"]
    assert len(rows.rows) == len(bundled.figures)
    assert all(row[3] and isinstance(row[4], int) and row[5] == bundled.id for row in rows.rows)
