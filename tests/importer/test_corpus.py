"""The keyed corpus of real layouts (tests/fixtures/corpus), scored as the bench scores it.

Every transcript is read with each paragraph under the key's speaker (bench/attribution.py).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"
TRANSCRIPTS = sorted(p.stem for p in CORPUS.glob("[0-9]*.txt") if "-news-" not in p.stem[:8])


def _bench() -> ModuleType:
    """``bench/attribution.py``, whose scoring the corpus uses."""
    path = Path(__file__).resolve().parents[2] / "bench" / "attribution.py"
    spec = importlib.util.spec_from_file_location("bench_attribution", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


SCORE = _bench().score_article


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
