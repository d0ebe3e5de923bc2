from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cstocli.text import (
    count_words,
    ends_sentence,
    fold,
    line_of,
    split_sentences,
    tokenise,
    words,
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Security", "security"),
        ("Café", "cafe"),
        ("Cafe\u0301", "cafe"),
        ("\uff23\uff33\uff34\uff2f", "csto"),
        ("ﬁnal", "final"),
        ("we\u2019ve", "weve"),
        ("we\u02bcve", "weve"),
        ("We've", "weve"),
        ("don\u00b4t", "dont"),
        ("\u0149", "n"),
        ("13,000", "13000"),
        ("1,234,567.5", "1234567.5"),
        ("Straße", "strasse"),
    ],
)
def test_fold_makes_spellings_equal(word: str, expected: str) -> None:
    """Case, accents, compatibility forms, apostrophes and thousands commas all fold away."""
    assert fold(word) == expected


def test_tokenise_keeps_an_apostrophe_inside_its_word() -> None:
    """A contraction's token covers the whole word as written, apostrophe included."""
    sentence = "We don\u2019t, we\u02bcve said; the public's view."
    tokens = tokenise(sentence)
    assert [t.norm for t in tokens] == ["we", "dont", "weve", "said", "the", "publics", "view"]
    assert [sentence[t.start : t.end] for t in tokens][1:3] == ["don\u2019t", "we\u02bcve"]


def test_a_ligature_of_several_words_folds_to_one_word() -> None:
    """A ligature that NFKC expands to several words (U+FDFA) folds to one, no spaces."""
    assert fold("\ufdfa").isalpha()
    assert " " not in fold("\ufdfa")


def test_tokenise_keeps_original_offsets() -> None:
    """Every token's span points at the original characters, even where folding changes length."""
    sentence = "\uff23\uff33\uff34\uff2f: Café\u0301s and Straße met, 13,000 strong."
    tokens = tokenise(sentence)
    assert [t.norm for t in tokens] == ["csto", "cafes", "and", "strasse", "met", "13000", "strong"]
    assert [sentence[t.start : t.end] for t in tokens] == [
        "\uff23\uff33\uff34\uff2f",
        "Café\u0301s",
        "and",
        "Straße",
        "met",
        "13,000",
        "strong",
    ]


def test_hyphens_split_words_and_apostrophes_do_not() -> None:
    """A hyphenated compound is its parts; a contraction is one word, without apostrophe."""
    assert words("the Nagorno-Karabakh conflict") == ["the", "nagorno", "karabakh", "conflict"]
    assert words("military-technical") == words("military technical")
    assert words("We don\u2019t") == ["we", "dont"] == words("we dont")


def test_sentence_ends_at_year_but_not_inside_number() -> None:
    """A decimal or thousands separator is not a sentence end; a full stop after a year is."""
    assert words("In 2017. Then 2.5 more") == ["in", "2017", "then", "2.5", "more"]


def test_split_sentences_of_an_article_paragraph() -> None:
    """A paragraph of the article splits into its three sentences, spans exact."""
    paragraph = (
        "One of the top-level topics is the terrorist threat. In 2017 alone, there were "
        "about 20 major terrorist acts in the world. The alarming news of the hundreds of "
        "victims came from different countries."
    )
    spans = split_sentences(paragraph)
    assert [paragraph[s:e] for s, e in spans] == [
        "One of the top-level topics is the terrorist threat.",
        "In 2017 alone, there were about 20 major terrorist acts in the world.",
        "The alarming news of the hundreds of victims came from different countries.",
    ]


def test_split_sentences_respects_abbreviations_and_lower_case() -> None:
    """Mr., initials and a lower-case continuation do not end a sentence; ? and ! do."""
    paragraph = 'Mr. Smith met A. Lukashenko. "Why?" he asked, etc. and more! Yes...  Fine'
    assert [paragraph[s:e] for s, e in split_sentences(paragraph)] == [
        "Mr. Smith met A. Lukashenko.",
        '"Why?" he asked, etc. and more!',
        "Yes...",
        "Fine",
    ]


def test_split_sentences_breaks_at_blank_lines_and_skips_blanks() -> None:
    """A blank line always ends a sentence; whitespace alone is no sentence."""
    paragraph = "First line\n  \nSecond line "
    assert [paragraph[s:e] for s, e in split_sentences(paragraph)] == [
        "First line",
        "Second line",
    ]
    assert split_sentences(" \n\t ") == []


def test_split_sentences_reads_a_lone_line_break_as_wrapping() -> None:
    """A hard-wrapped paragraph splits at its full stops, not at its line ends."""
    paragraph = "We will spend more, and we will\r\nhire up to 30 teachers. The rest\nwaits."
    assert [paragraph[s:e] for s, e in split_sentences(paragraph)] == [
        "We will spend more, and we will\r\nhire up to 30 teachers.",
        "The rest\nwaits.",
    ]


@given(st.text())
def test_tokens_are_ordered_inside_the_text(sample: str) -> None:
    """Tokens never overlap, stay inside the text, and refold to their own norm."""
    previous_end = 0
    for token in tokenise(sample):
        assert previous_end <= token.start < token.end <= len(sample)
        assert fold(sample[token.start : token.end]) == token.norm
        previous_end = token.end


@given(st.text())
def test_sentence_spans_are_trimmed_and_ordered(sample: str) -> None:
    """Sentence spans are increasing, non-empty, trimmed, and drop no word of the text."""
    spans = split_sentences(sample)
    previous_end = 0
    for start, end in spans:
        piece = sample[start:end]
        assert previous_end <= start < end
        assert piece == piece.strip()
        previous_end = end
    assert [w for s, e in spans for w in words(sample[s:e])] == words(sample)


def test_split_sentences_of_one_long_paragraph() -> None:
    """A paragraph of 10,000 sentences, and a run of 100,000 dots, split as short ones do."""
    sentence = "The council met on Tuesday (Mr. Lee chaired). We moved cargo! "
    spans = split_sentences(sentence * 5_000)
    assert len(spans) == 10_000
    assert spans[:2] == split_sentences(sentence)
    dots = "x" + "." * 100_000 + "y. Next one."
    assert [dots[s:e] for s, e in split_sentences(dots)] == [dots[:-10], "Next one."]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("we've", 1),
        ("Nagorno-Karabakh conflict", 2),
        ("13,000 people, up to 2,000 units", 6),
        ("Fourth: joint reaction.", 3),
        ("closest states in this world - this is", 7),
        ("", 0),
    ],
)
def test_count_words_counts_as_a_reader_does(phrase: str, expected: int) -> None:
    """Apostrophes, hyphens and thousands separators do not split a word; a lone dash is none."""
    assert count_words(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    ["-- _ __ a_b", "x\u00a0y\u2028z", "\u0663 \u00bd \u00b2 \u2010", "a\u200bb", "\u0301 e\u0301",
     "a\x1cb", "(-a-b-) \u2014 ...", "_" * 50 + " " + "-" * 5000 + "a"],
)  # fmt: skip
def test_count_words_is_the_token_rule(phrase: str) -> None:
    """Odd spaces, marks, numerals, underscores: a word is a ``split`` token with an alnum."""
    by_token = sum(1 for token in phrase.split() if any(c.isalnum() for c in token))
    assert count_words(phrase) == by_token


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("lodz", "Łódź"),
        ("aero", "Ærø"),
        ("koln", "Köln"),
        ("orsted", "Ørsted"),
        ("strasse", "Straße"),
    ],
)
def test_fold_spells_every_accented_letter_as_people_type_it(typed: str, written: str) -> None:
    """Letters with a mark built in (ł, ø, æ) fold like those with a combining mark."""
    assert fold(written) == fold(typed) == typed


def test_sentences_do_not_end_at_initials_or_abbreviations() -> None:
    """Initials ("U.S.") and "Dr." end no sentence; a full stop before a capital does."""
    prose = "U.S. District Judge A. Vance ruled. Dr. Imelda Berg agreed."
    assert [prose[s:e].strip() for s, e in split_sentences(prose)] == [
        "U.S. District Judge A. Vance ruled.",
        "Dr. Imelda Berg agreed.",
    ]


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("We agreed.", True),
        ('"We agreed."', True),
        ("It is done!\u201d", True),
        ("Briefings", False),
        ("Speakers:", False),
        ("Thank you \u2026", True),
    ],
)
def test_ends_sentence_reads_the_last_mark_past_closing_quotes(line: str, ends: bool) -> None:
    """A line ends a sentence at . ! ? or an ellipsis, closing quotes and brackets aside."""
    assert ends_sentence(line) is ends


@given(st.text(alphabet="aZq09 ,.'`-_\t\u00e9", max_size=40))
def test_words_of_ascii_text_fold_word_by_word(phrase: str) -> None:
    """Lowering ASCII text at once gives the words folded one by one (numbers, commas)."""
    assert words(phrase) == [fold(token.norm) for token in tokenise(phrase)]


def test_words_drop_thousands_commas_in_ascii_text() -> None:
    """In ASCII text a number's thousands commas go, a list's commas stay word breaks."""
    assert words("Paid 1,500,000, Then 2,5") == ["paid", "1500000", "then", "2,5"]


@given(st.text(alphabet="aZ09 .,'`-_\t\u00e9", max_size=30))
def test_words_are_the_tokens_folded_whatever_the_text(text: str) -> None:
    """The whole-text path of plain ASCII finds the same folded words as ``tokenise``."""
    assert words(text) == [token.norm for token in tokenise(text)]


def test_words_of_plain_ascii_keep_numbers_whole() -> None:
    """Thousands commas go, decimals stay, and a letter after a number makes a new word."""
    assert words("Pay 1,000 or 3.5x, not 12,34.") == [
        "pay",
        "1000",
        "or",
        "3",
        "5x",
        "not",
        "12,34",
    ]


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("a\nbb\n\nc", [1, 1, 2, 2, 2, 3, 4]),
        ("a\rbb\r\rc", [1, 1, 2, 2, 2, 3, 4]),
        ("a\r\nbb\n\rc", [1, 1, 1, 2, 2, 2, 3, 4]),
    ],
)
def test_line_of_counts_lf_cr_lf_and_a_lone_cr_each_as_one_line_end(
    source: str, lines: list[int]
) -> None:
    """Every offset's line, as an editor shows it, whatever the line endings."""
    assert [line_of(source, offset) for offset in range(len(source))] == lines
