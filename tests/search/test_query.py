from __future__ import annotations

from cstocli.search.query import MAX_WORDS, Unit, parse_query


def test_parse_query_reads_phrases_and_drops_common_words() -> None:
    """Quoted text is one phrase unit; common words are reported, not searched."""
    query = parse_query("the \u201cMain Street\u201d of budget")
    assert query.units == (Unit(("main", "street"), phrase=True), Unit(("budget",), prefix=True))
    assert query.ignored == ("the", "of")


def test_parse_query_unclosed_quote_is_plain_words() -> None:
    """An unbalanced quote mark does not swallow the rest of the query into a phrase."""
    query = parse_query('budget "city road')
    assert [u.terms for u in query.units] == [("budget",), ("city",), ("road",)]
    assert not any(u.phrase for u in query.units)


def test_parse_query_prefix_only_on_last_word() -> None:
    """Only the final word, of 3+ letters and not a number, may match as a prefix."""
    assert [u.prefix for u in parse_query("budget secu").units] == [False, True]
    assert [u.prefix for u in parse_query("budget se").units] == [False, False]
    assert [u.prefix for u in parse_query("budget 130").units] == [False, False]
    assert [u.prefix for u in parse_query('budget "road"').units] == [False, False]


def test_parse_query_dedupes_and_caps_words() -> None:
    """Repeated words count once and at most MAX_WORDS units are kept."""
    assert len(parse_query("road road ROAD").units) == 1
    many = " ".join(f"word{n}" for n in range(MAX_WORDS + 5))
    assert len(parse_query(many).units) == MAX_WORDS


def test_a_query_without_any_word_is_empty() -> None:
    """Blank, punctuation and an empty phrase are empty; common words alone are not."""
    for raw in ["", "   ", '""', "\u201c\u201d", '"" ""', "!!!", '"!"']:
        query = parse_query(raw)
        assert query.empty, raw
        assert query.units == ()
    assert not parse_query("the").empty
    assert not parse_query('"the"').empty
    assert not parse_query("budget").empty
