"""What --article and --all read: searching, totals and emptiness across the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from cstocli.errors import UsageError
from cstocli.library import access, open_library
from cstocli.views import payloads

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
GOOD = ["label_alone.txt", "interview_blank.txt", "inline_caps.txt"]


def test_search_library_spans_articles(stocked: Path) -> None:
    """A search over the library finds hits in several articles and names each one's article."""
    found = access.search_library("confirm", limit=0)
    assert found.shown
    assert found.total == len(found.shown)
    articles = {h.sentence.article_id for h in found.shown}
    assert articles <= {"label-alone", "interview-blank", "inline-caps"}
    assert set(found.datasets) == articles
    for item, hit in zip(
        payloads.library_hits(found.datasets, found.shown), found.shown, strict=True
    ):
        assert item["article"] == hit.sentence.article_id
        assert item["sentence"] == hit.sentence.text
        source = found.datasets[item["article"]].source_text
        assert source[item["span"][0] : item["span"][1]] == item["sentence"]


def test_search_library_limits_and_speakers(stocked: Path) -> None:
    """``limit`` cuts what is shown (and loaded), not the total; unknown speakers get hints."""
    everything = access.search_library("confirm", limit=0)
    assert len(everything.shown) > 1
    first = access.search_library("confirm", limit=1)
    assert first.total == everything.total == len(everything.shown)
    assert first.shown == everything.shown[:1]
    assert set(first.datasets) == {everything.shown[0].sentence.article_id}
    speaker = everything.shown[0].sentence.speaker_id
    assert speaker is not None
    name = speaker.replace("-", " ")
    said = access.search_library("confirm", speaker=name, limit=0)
    assert said.shown
    assert {h.sentence.speaker_id for h in said.shown} == {speaker}
    with pytest.raises(UsageError, match="no speaker in the library matches"):
        access.search_library("confirm", speaker="Zzyzx Qwerty")


def test_search_library_without_a_library(db: Path) -> None:
    """Searching before any import is 'nothing to show' (exit 1), and creates no library file."""
    with pytest.raises(access.EmptyLibraryError, match="no articles yet") as raised:
        access.search_library("confirm")
    assert raised.value.exit_code == 1
    assert not db.exists()


def test_search_library_on_an_empty_library(db: Path) -> None:
    """A library whose articles were all removed is empty, not 'no match'."""
    open_library(db).close()
    with pytest.raises(access.EmptyLibraryError, match="no articles yet"):
        access.search_library("confirm")
