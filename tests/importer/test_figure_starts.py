"""The quick pass before the figure patterns: the very matches ``finditer`` gives, only sooner."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cstocli.importer import figure_starts, figures

# Pieces that make figures, near-figures and the characters the quick pass must not be
# fooled by: case-insensitive stand-ins (Kelvin sign, long s, dotless i), other scripts'
# digits, spaces that are not " ", currency signs, hedges and number words inside words.
PIECES = [
    "about", "more than", "no  fewer\tthan", "up to", "an estimated", "some", "over", "under",
    "six", "SIX", "Seventy-Two", "twenty one", "eleven", "someone", "often", "tone", "one",
    "\u017fix", "\u212aelvin", "t\u0131me", "\u0663", "\u0665\u0660", "5", "1,200", "3.5", "2017",
    "25th", "10:30", "G20", "$", "€", "£", "%", " percent", " per cent", "million", "hundred",
    "dozens of", "Hundreds  of", "thousands of", "millionsof", " ", "  ", "\n", "\xa0",
    "\x1c", ",", ".", "-", "\u2013", "people", "units", "weeks", "to", "or", "(", "é", "\u2019",
    "bn", "m", "K", "tn", "mn", "min", "in", "out of", "of the", "ward's", "s'",
]  # fmt: skip
HEDGES = ["", "about ", "no  more\tthan ", "at least ", "an estimated\xa0", "Over ", "some "]
NUMBERS = ["5", "1,200", "3.5", "2017", "six", "Seventy-Two", "twenty one", "\u017fix", "\u0663"]
PHRASES = st.tuples(
    st.sampled_from(["", " ", "(", "x", "-"]),
    st.sampled_from(HEDGES),
    st.sampled_from(["", "$", "€", "£"]),
    st.sampled_from(NUMBERS),
    st.sampled_from(
        ["", " million", "%", " percent", " people", "th", ":30", " to 9", "bn", "m", "k", "Mn"]
    ),
).map("".join)
TEXTS = st.lists(st.sampled_from(PIECES) | PHRASES, min_size=1, max_size=30).map(" ".join) | (
    st.lists(st.sampled_from(PIECES) | PHRASES, min_size=1, max_size=30).map("".join)
)


def _spans(matches: object) -> list[tuple[int, int, dict[str, str | None]]]:
    assert not isinstance(matches, re.Match)
    return [(m.start(), m.end(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
def test_the_quick_pass_finds_what_finditer_finds(text: str, cut: tuple[float, float]) -> None:
    """On any text and any stretch of it, both patterns' matches are finditer's, groups too."""
    start, stop = sorted(round(share * len(text)) for share in cut)
    quick_figures, quick_vague = figures._matches(text, start, stop)
    assert _spans(quick_figures) == _spans(figures._FIGURE.finditer(text, start, stop))
    assert _spans(quick_vague) == _spans(figures._VAGUE.finditer(text, start, stop))


def test_a_three_word_hedge_and_a_sign_start_the_phrase() -> None:
    """'no more than $5': the phrase starts at the hedge, as finditer reads it."""
    text = "They paid no more  than $5 million, about\xa0six units."
    quick, _ = figures._matches(text, 0, len(text))
    assert [m.group() for m in quick] == ["no more  than $5 million", "about\xa0six"]


def test_a_stretch_with_a_non_ascii_letter_or_digit_is_not_plain() -> None:
    """The Kelvin sign, the long s and Arabic-Indic digits send a stretch the slow way."""
    assert figure_starts.plain("costs \u20ac5 \u2014 \u2018about\u2019\xa0six", 0, 20)
    for odd in ("\u212a", "\u017f", "\u0663", "\xe9"):
        assert not figure_starts.plain(f"about {odd}ix", 0, 10)
    assert figure_starts.plain("about \u017fix", 0, 5)  # outside the stretch: no matter


def test_hedged_starts_reach_back_over_a_sign_and_the_hedge_words() -> None:
    """A core's phrase may start at its sign or at any of the hedge words before it."""
    text = "said no  more than $5 yes"
    core = text.index("5")
    starts = figure_starts.hedged_starts(text, 0, [core], signs="$", hedge_words=3)
    assert starts == [text.index("no"), text.index("more"), text.index("than"), core - 1, core]
    assert figure_starts.hedged_starts(text, 0, [core], signs="$", hedge_words=1) == [
        text.index("than"),
        core - 1,
        core,
    ]


def test_matches_at_skips_starts_inside_the_last_match() -> None:
    """Like finditer, a start inside the last match is not tried again."""
    pattern = re.compile(r"ab+")
    found = figure_starts.matches_at(pattern, "abbb ab", [0, 1, 2, 5], 0, 7)
    assert [m.span() for m in found] == [(0, 4), (5, 7)]


def test_word_starts_keep_words_inside_longer_ones() -> None:
    """'one' in 'someone' is a start to try (the pattern then refuses it), offsets from start."""
    words = figure_starts.words_pattern(["one", "six"])
    text = "xx someone six"
    assert figure_starts.word_starts(text[2:].lower(), 2, words) == [7, 11]
    assert figure_starts.digit_starts("a 12 b 3x45", 0, 11) == [2, 7, 9]
