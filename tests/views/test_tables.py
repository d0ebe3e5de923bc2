"""Fitted tables and the speakers and stats views (snapshots at 40 and 100 columns)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SNAPSHOTS, assert_snapshot, rendered

from cstocli import summary
from cstocli.library import SpeakerTotal
from cstocli.model import Dataset
from cstocli.views import columns, tables

FIXTURES = Path(__file__).parents[1] / "fixtures"


# -- colour and width ---------------------------------------------------------------------------


@pytest.mark.parametrize("width", [100, 40])
def test_speakers_snapshot(bundled: Dataset, width: int) -> None:
    """The speakers table at a fixed width (a table at 100, stacked records at 40)."""
    rows = summary.speaker_summaries(bundled)
    assert_snapshot(
        SNAPSHOTS / f"speakers-{width}.txt", rendered(tables.speakers_table(rows), width=width)
    )


@pytest.mark.parametrize("width", [100, 40])
def test_stats_snapshot(bundled: Dataset, width: int) -> None:
    """The stats view at a fixed width: exercises, other figures, speakers."""
    view = tables.stats_view(bundled, summary.speaker_summaries(bundled))
    assert_snapshot(SNAPSHOTS / f"stats-{width}.txt", rendered(view, width=width))


def test_stats_table_shows_values_as_written(bundled: Dataset) -> None:
    """The exercise figures read '13,000', 'up to 2,000' and '140', with their places."""
    out = rendered(tables.stats_view(bundled, summary.speaker_summaries(bundled)), width=200)
    exercises = out.split("Other figures")[0]
    for value in ("13,000", "up to 2,000", "140", "Russia, Armenia, Kazakhstan, Tajikistan"):
        assert value in exercises
    assert out.index("2017 CSTO exercises") < out.index("Other figures") < out.index("Speakers")


def test_records_stack_below_the_narrow_width(bundled: Dataset) -> None:
    """At 40 columns no line exceeds 40 and no speaker's name is broken."""
    out = rendered(tables.speakers_table(summary.speaker_summaries(bundled)), width=40)
    assert max(len(line) for line in out.splitlines()) <= 40
    for speaker in bundled.speakers:
        assert speaker.name in out.splitlines()


def test_library_tables_show_articles_counts(bracket: Dataset) -> None:
    """The --all tables of speakers and stats have an Articles column and each article's id."""
    rows = [
        SpeakerTotal(r.speaker, 2, r.quotes, r.words) for r in summary.speaker_summaries(bracket)
    ]
    table = rendered(tables.speaker_totals_table(rows), width=200)
    assert "Articles" in table
    assert "Ivan Petrov" in table
    stats = rendered(tables.library_stats_view(columns.library_figures([bracket]), rows), width=200)
    assert stats.count(bracket.id) == len(bracket.figures)
    assert "up to 40" in stats
