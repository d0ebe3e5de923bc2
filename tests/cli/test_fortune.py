"""``cstocli random``: one quote, never narration, even narration that reports someone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cstocli.cli import app as cli


def test_random_never_picks_narration_that_reports_a_speaker(
    capsys: pytest.CaptureFixture[str], news_library: Path
) -> None:
    """Over many seeds only the two quotes come out, never 'She said the offer was fair'."""
    chosen = set()
    for seed in range(24):
        code = cli.run(
            ["random", "--article", "news-interrupted", "--library", str(news_library),
             "--seed", str(seed), "--json"]
        )  # fmt: skip
        assert code == 0
        shown = json.loads(capsys.readouterr().out)
        assert shown["kind"] == "quote"
        chosen.add(shown["quote_id"])
    assert chosen == {"q1", "q2"}


def test_random_by_a_speaker_with_only_reported_narration_finds_no_quote(
    capsys: pytest.CaptureFixture[str], news_library: Path
) -> None:
    """Marov's quote q2 is hers; with it the only choice, her reported words never are."""
    for seed in range(8):
        code = cli.run(
            ["random", "--article", "news-interrupted", "--library", str(news_library),
             "--speaker", "marov", "--seed", str(seed), "-f", "tsv"]
        )  # fmt: skip
        assert code == 0
        assert capsys.readouterr().out.split("\t")[1] == "q2"
