from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cstocli.model import Dataset
from cstocli.search.expansion import plan
from cstocli.search.memory import build_index
from cstocli.search.query import parse_query
from cstocli.search.ranking import (
    PROXIMITY_CAP,
    Key,
    Measure,
    bm25_term,
    highlight,
    idf,
    phrase_starts,
    proximity,
    score,
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
        (Key(2, 0, 4, 2, None, 0.0), Key(1, 1, 0, 0, 0, 999.0)),
        (Key(1, 1, 2, 1, None, 0.0), Key(1, 0, 0, 0, 0, 999.0)),
        (Key(1, 1, 0, 1, None, 0.0), Key(1, 1, 1, 0, 0, 999.0)),
        (Key(1, 1, 1, 0, None, 0.0), Key(1, 1, 1, 1, 0, 999.0)),
        (Key(2, 2, 0, 0, 3, 0.0), Key(2, 2, 0, 0, 4, 999.0)),
        (Key(2, 2, 0, 0, PROXIMITY_CAP, 0.0), Key(2, 2, 0, 0, None, 999.0)),
        (Key(1, 1, 0, 0, 0, 3.5), Key(1, 1, 0, 0, 0, 3.0)),
    ],
)
def test_score_keeps_the_rule_order(better: Key, worse: Key) -> None:
    """A better key on an earlier rule always scores higher, whatever the later rules."""
    assert score(better, 2) > score(worse, 2)


def test_score_reads_as_the_share_of_the_query_found() -> None:
    """An exact one-word hit scores above 90, a typo'd one lower, a speaker-only one below 50."""
    exact = score(Key(1, 1, 0, 0, 0, 2.0), 1)
    typo = score(Key(1, 1, 1, 0, 0, 2.0), 1)
    speaker_only = score(Key(1, 0, 0, 0, 0, 0.0), 1)
    assert 90 < exact < 100
    assert 50 < typo < exact
    assert 0 <= speaker_only < 50
    assert score(Key(1, 1, 0, 0, 0, 2.0), 2) < 50 <= score(Key(2, 2, 2, 1, 8, 0.0), 2)


keys = st.builds(
    Key,
    st.integers(1, 4),
    st.integers(0, 4),
    st.integers(0, 8),
    st.integers(0, 4),
    st.one_of(st.none(), st.integers(0, 3 * PROXIMITY_CAP)),
    st.floats(0, 5000, allow_nan=False),
)


def _rank(key: Key) -> tuple[int, int, int, int, int, float]:
    """The key as search orders it (bigger is better), in the score's ranges."""
    worst = 3 * PROXIMITY_CAP  # three gaps between four units
    closeness = -worst - 1 if key.proximity is None else -min(key.proximity, worst)
    matched = min(key.matched, 4)
    in_text, typos = min(key.in_text, matched), min(key.typos, 2 * matched)
    return (matched, in_text, -typos, -min(key.slips, matched), closeness, min(key.bm25, 999))


@given(keys, keys)
def test_score_never_contradicts_the_rules(first: Key, second: Key) -> None:
    """Of two keys of one 4-unit query, the better one never scores lower; all in 0-100."""
    if _rank(first) < _rank(second):
        first, second = second, first
    assert score(first, 4) >= score(second, 4)
    assert 0 <= score(second, 4) < 100


def test_a_sentence_measure_favours_query_words_close_together(bundled: Dataset) -> None:
    """Measure: words side by side cost no proximity; far apart, more; BM25 counts matches."""
    store = build_index(bundled)
    query, expansions = plan(store, parse_query("collective security"))
    measure = Measure(store, query, expansions)
    close, close_bm25 = measure(["the", "collective", "security", "treaty"])
    apart, _ = measure(["collective", "a", "b", "c", "d", "e", "security"])
    alone, alone_bm25 = measure(["security", "treaty"])
    assert close < apart
    assert alone == 0  # under two units matched: no proximity to measure
    assert close_bm25 > alone_bm25 > 0
