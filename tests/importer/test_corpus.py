"""The keyed corpus of real layouts (tests/fixtures/corpus), scored as the bench scores it.

Every transcript is read with each paragraph under the key's speaker (bench/attribution.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import load_bench

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"
TRANSCRIPTS = sorted(
    p.stem for p in CORPUS.glob("[0-9]*.txt") if not re.match(r"\d+-news-", p.stem)
)


SCORE = load_bench("attribution").score_article


def test_the_corpus_holds_the_transcript_layouts() -> None:
    """At least 25 transcripts in real layouts, each with its answer key."""
    assert len(TRANSCRIPTS) >= 25
    assert all((CORPUS / f"{stem}.key.json").exists() for stem in TRANSCRIPTS)


@pytest.mark.parametrize("stem", TRANSCRIPTS)
def test_transcript_paragraphs_have_the_keys_speakers(stem: str) -> None:
    """Every body paragraph is attributed to the key's speaker, or to narration."""
    score = SCORE(CORPUS / f"{stem}.txt")
    assert score.refused == 0
    assert score.wrong_paragraphs == []


@pytest.mark.parametrize("stem", TRANSCRIPTS)
def test_transcript_speakers_are_found_and_none_invented(stem: str) -> None:
    """Every key speaker is found by name; no page furniture or placeholder is invented."""
    score = SCORE(CORPUS / f"{stem}.txt")
    assert score.missed == []
    assert score.spurious == []


@pytest.mark.parametrize("stem", TRANSCRIPTS)
def test_transcript_roles_are_the_stated_ones(stem: str) -> None:
    """Every role the key states is found, as stated; none is invented where it says none."""
    score = SCORE(CORPUS / f"{stem}.txt")
    assert score.wrong_roles == []
