from __future__ import annotations

import pytest

from cstocli.model import Dataset
from cstocli.search.memory import MemoryIndex, build_index
from cstocli.search.store import ROLE_PREFIX, speaker_names
from cstocli.text import words


@pytest.fixture(scope="module")
def index(bundled: Dataset) -> MemoryIndex:
    """The bundled article's sentence index."""
    return build_index(bundled)


def test_sentences_are_exact_source_text(bundled: Dataset, index: MemoryIndex) -> None:
    """Every sentence is verbatim source text at its span, numbered in source order."""
    assert len(index) > 30
    for number, sentence in enumerate(index.sentences):
        assert bundled.source_text[slice(*sentence.span)] == sentence.text
        assert sentence.ordinal == number
        assert sentence.article_id == bundled.id
    starts = [s.span[0] for s in index.sentences]
    assert starts == sorted(starts)


def test_sentences_cover_every_paragraph(bundled: Dataset, index: MemoryIndex) -> None:
    """The sentences of each paragraph hold exactly the paragraph's words."""
    for passage in bundled.passages:
        for number, paragraph in enumerate(passage.paragraphs):
            inside = [
                s for s in index.sentences if s.passage_id == passage.id and s.paragraph == number
            ]
            assert [w for s in inside for w in words(s.text)] == words(paragraph.text)
            assert all(s.speaker_id == passage.speaker_id for s in inside)


def test_narration_has_no_speaker(index: MemoryIndex) -> None:
    """Narration sentences carry no speaker; the victims sentence is narration."""
    victims = next(s for s in index.sentences if "hundreds of victims" in s.text)
    assert victims.passage_id.startswith("n")
    assert victims.speaker_id is None


def test_postings_list_each_sentence_once_in_order(index: MemoryIndex) -> None:
    """A word's postings are ascending ids of exactly the sentences that contain it."""
    expected = [s.ordinal for s in index.sentences if "csto" in words(s.text)]
    assert list(index.postings("csto")) == expected
    assert index.frequency("csto") == len(expected)
    assert index.postings("nonexistent") == ()
    assert index.frequency("nonexistent") == 0


def test_tokens_are_the_folded_words(index: MemoryIndex) -> None:
    """A sentence's tokens are its folded words, numbers without commas."""
    figures = next(s for s in index.sentences if "13,000" in s.text)
    assert "13000" in index.tokens(figures.ordinal)
    assert list(index.tokens(figures.ordinal)) == words(figures.text)


def test_terms_by_length_and_prefix(index: MemoryIndex) -> None:
    """The vocabulary can be read by length window and by prefix."""
    sized = index.terms(10, 11)
    assert "information" in sized
    assert all(10 <= len(term) <= 11 for term in sized)
    assert set(index.terms_with_prefix("secur")) == {"security"}
    assert index.terms_with_prefix("qqq") == []


def test_speakers_are_searchable_by_name_role_and_alias(
    bundled: Dataset, index: MemoryIndex
) -> None:
    """Names, surnames, aliases, roles and affiliations point at their speakers (roles marked)."""
    named = index.speaker_words()
    assert named["lukashenka"] == {"alexander-lukashenko"}
    assert named["nazarbaev"] == {"nursultan-nazarbayev"}
    assert "nursultan-nazarbayev" in named[ROLE_PREFIX + "kazakhstan"]
    assert named[ROLE_PREFIX + "president"] == {"alexander-lukashenko", "nursultan-nazarbayev"}
    assert "kazakhstan" not in named  # a country is no name
    assert "the" not in named
    assert ROLE_PREFIX + "the" not in named
    lukashenko = bundled.speaker("alexander-lukashenko")
    assert speaker_names(lukashenko)[0] == "Alexander Lukashenko"


def test_sentences_by_speaker(index: MemoryIndex) -> None:
    """A speaker's sentence ids are exactly theirs, ascending."""
    ids = index.sentences_by("vladimir-makei")
    assert list(ids) == sorted(ids)
    assert ids
    assert all(index.sentence(i).speaker_id == "vladimir-makei" for i in ids)
    assert index.sentences_by("nobody") == ()


def test_average_length_is_words_per_sentence(index: MemoryIndex) -> None:
    """The average length is the mean number of folded words per sentence."""
    total = sum(len(words(s.text)) for s in index.sentences)
    assert index.average_length == pytest.approx(total / len(index))
