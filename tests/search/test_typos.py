from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from cstocli.search.typos import PURE_PYTHON_POOL, typo_budget, typo_distance, within_budget


@pytest.mark.parametrize(
    ("word", "budget"),
    [("road", 0), ("roads", 1), ("security", 1), ("securitys", 2), ("12345", 0), ("g20x", 0)],
)
def test_typo_budget_grows_with_length(word: str, budget: int) -> None:
    """0 typos under 5 letters, 1 for 5-8, 2 from 9; numbers never."""
    assert typo_budget(word) == budget


@pytest.mark.parametrize(
    ("word", "other", "budget", "expected"),
    [
        ("security", "security", 0, 0),
        ("securty", "security", 1, 1),
        ("secuirty", "security", 1, 1),
        ("informaton", "information", 2, 1),
        ("road", "raod", 0, 1),
        ("budget", "fidget", 1, 2),
        ("kazakstan", "kazakhstan", 2, 1),
    ],
)
def test_typo_distance_counts_a_swap_as_one(
    word: str, other: str, budget: int, expected: int
) -> None:
    """A transposition is one typo; past the budget the answer is budget + 1."""
    assert typo_distance(word, other, budget) == expected


@given(
    st.text(alphabet="abcde", max_size=9),
    st.text(alphabet="abcde", max_size=9),
    st.integers(0, 3),
)
def test_pure_python_distance_equals_rapidfuzz(word: str, other: str, budget: int) -> None:
    """The pure-Python OSA gives RapidFuzz's answer, capped at budget + 1."""
    expected = min(OSA.distance(word, other), budget + 1)
    assert typo_distance(word, other, budget) == expected


def test_small_and_large_pools_find_the_same_words() -> None:
    """Scanning in Python (small pool) and in RapidFuzz (large pool) agree."""
    pool = [f"secu{a}{b}ty" for a in "rstuvwxyz" for b in "abcdefghijklmnopqrstuvwxyz"]
    large = pool * (PURE_PYTHON_POOL // len(pool) + 1)
    assert len(pool) <= PURE_PYTHON_POOL < len(large)
    small_found = within_budget("securtty", pool, 1)
    assert small_found
    assert sorted(set(within_budget("securtty", large, 1))) == sorted(small_found)
