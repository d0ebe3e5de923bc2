from __future__ import annotations

import pytest

from cstocli.ranking import (
    PROXIMITY_CAP,
    bm25_term,
    highlight,
    idf,
    pack_score,
    phrase_starts,
    proximity,
)


def test_highlight_phrases_only_where_consecutive() -> None:
    """A phrase is highlighted where its words stand together, not elsewhere."""
    sentence = "Road safety and the road safety plan; safety road."
    ranges = highlight(sentence, frozenset(), [("road", "safety")])
    assert [sentence[s:e] for s, e in ranges] == ["Road safety", "road safety"]


def test_highlight_merges_neighbours_and_keeps_original_case() -> None:
    """Adjacent matched words (across a space or hyphen) form one range, as written."""
    sentence = "Information Security and the Nagorno-Karabakh conflict."
    ranges = highlight(sentence, frozenset({"information", "security", "nagorno", "karabakh"}))
    assert [sentence[s:e] for s, e in ranges] == ["Information Security", "Nagorno-Karabakh"]
    assert highlight(sentence, frozenset({"absent"})) == ()


def test_phrase_starts_finds_every_consecutive_occurrence() -> None:
    """Every start of the phrase is found, and only consecutive ones."""
    tokens = ["a", "b", "c", "a", "b", "a"]
    assert phrase_starts(tokens, ["a", "b"]) == [0, 3]
    assert phrase_starts(tokens, ["b", "a", "b"]) == []


def test_proximity_prefers_adjacent_words_in_query_order() -> None:
    """Adjacent in order costs 0; a gap or a reversed order costs more; each gap is capped."""
    assert proximity([[(0, 0)], [(1, 1)]]) == 0
    assert proximity([[(0, 0)], [(3, 3)]]) == 2
    assert proximity([[(1, 1)], [(0, 0)]]) == 2
    assert proximity([[(0, 0)], [(50, 50)]]) == PROXIMITY_CAP
    assert proximity([[(0, 0), (9, 9)], [(10, 10)]]) == 0
    assert proximity([[(4, 4)]]) == 0


def test_bm25_rewards_rare_words_and_short_sentences() -> None:
    """A rarer word and a shorter sentence score higher; an absent word scores nothing."""
    assert idf(1000, 1) > idf(1000, 500)
    assert bm25_term(2.0, 1, 5, 10.0) > bm25_term(2.0, 1, 20, 10.0)
    assert bm25_term(2.0, 0, 5, 10.0) == 0.0


@pytest.mark.parametrize(
    ("better", "worse"),
    [
        ((2, 9, 0, 0, 0.0), (1, 0, 1, 999, 999.0)),
        ((1, 0, 0, 0, 0.0), (1, 1, 1, 999, 999.0)),
        ((1, 0, 1, 0, 0.0), (1, 0, 0, 999, 999.0)),
        ((1, 0, 1, 5, 0.0), (1, 0, 1, 4, 999.0)),
        ((1, 0, 1, 5, 3.5), (1, 0, 1, 5, 3.0)),
    ],
)
def test_pack_score_keeps_the_rule_order(
    better: tuple[int, int, int, int, float], worse: tuple[int, int, int, int, float]
) -> None:
    """A better key on an earlier rule always beats any values of the later rules."""
    assert pack_score(*better) > pack_score(*worse)
