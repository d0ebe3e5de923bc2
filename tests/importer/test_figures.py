from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cstocli.importer.figures import find_figures

# (sentence, (phrase, value, unit, qualifier, as written))
PHRASES = [
    ("there were about 20 attacks.", ("about 20 attacks", 20, "attacks", "about", "about 20")),
    (
        "up to 2,000 units of equipment, and",
        ("up to 2,000 units of equipment", 2000, "units of equipment", "up to", "up to 2,000"),
    ),
    (
        "more than 36,000 troops took part",
        ("more than 36,000 troops", 36000, "troops", "more than", "more than 36,000"),
    ),
    ("less than 1% of them", ("less than 1%", 1, "percent", "less than", "less than 1%")),
    ("over 200 ships wait", ("over 200 ships", 200, "ships", "over", "over 200")),
    ("in under 30 minutes flat", ("under 30 minutes", 30, "minutes", "under", "under 30")),
    ("1.2 million tonnes.", ("1.2 million tonnes", 1_200_000, "tonnes", None, "1.2 million")),
    ("The leaders of six states: A", ("six states", 6, "states", None, "six")),
    (
        "ninety-eight percent agreed",
        ("ninety-eight percent", 98, "percent", None, "ninety-eight percent"),
    ),
    ("a 2.5 per cent rise", ("2.5 per cent", 2.5, "percent", None, "2.5 per cent")),
    ("$5 billion in aid", ("$5 billion", 5_000_000_000, "dollars", None, "$5 billion")),
    ("two hundred soldiers left", ("two hundred soldiers", 200, "soldiers", None, "two hundred")),
    ("140 aircraft took part", ("140 aircraft", 140, "aircraft", None, "140")),
    (
        "the hundreds of victims came",
        ("hundreds of victims", None, "victims", None, "hundreds"),
    ),
    ("About 2000 people in 2015.", ("About 2000 people", 2000, "people", "about", "About 2000")),
    ("Over 200", ("Over 200", 200, "", "over", "Over 200")),
    # A plural without an "s" ends the unit, as any plural does.
    ("about 600 people stayed home", ("about 600 people", 600, "people", "about", "about 600")),
    ("thirty-one children waited", ("thirty-one children", 31, "children", None, "thirty-one")),
    # "of" after a measure says what is measured; after a counting word, what is counted.
    (
        "more than 18 kilometres of coast.",
        ("more than 18 kilometres", 18, "kilometres", "more than", "more than 18"),
    ),
    ("40 packets of seeds went", ("40 packets", 40, "packets", None, "40")),
    ("millions of litres of water", ("millions of litres", None, "litres", None, "millions")),
    ("5 pairs of boots", ("5 pairs of boots", 5, "pairs of boots", None, "5")),
    ("the required 10 days' notice", ("10 days'", 10, "days", None, "10")),
    (
        "a 240 million euro contract",
        ("240 million euro", 240_000_000, "euro", None, "240 million"),
    ),
    # A range is one figure: the lower bound, with the upper bound's unit.
    ("six to eight weeks to heal", ("six to eight weeks", 6, "weeks", None, "six")),
    ("10 or 12 percent", ("10 or 12 percent", 10, "percent", None, "10")),
    ("five past winners came", ("five past winners", 5, "past winners", None, "five")),
    # A rate makes a unit of time or distance another unit; a count per day stays a count.
    (
        "gusts of up to 70 miles an hour",
        ("up to 70 miles an hour", 70, "miles", "up to", "up to 70"),
    ),
    ("she works six days a week", ("six days a week", 6, "days", None, "six")),
    ("about 4,800 cars a day use it", ("about 4,800 cars", 4800, "cars", "about", "about 4,800")),
    # A month beside the number makes a date; one across a comma does not.
    ("Since January, 11 routes closed.", ("11 routes", 11, "routes", None, "11")),
    ("\n12 dogs barked.", ("12 dogs", 12, "dogs", None, "12")),
    # Spaces after a number inside a line do not make it a PDF's line number.
    ("we counted 12   dogs there", ("12   dogs", 12, "dogs", None, "12")),
    # A part of a whole: the whole is in the phrase and no figure of its own.
    ("to close 40 of its 212 shops by May", ("40 of its 212 shops", 40, "shops", None, "40")),
    ("Three of the five dams are low", ("Three of the five dams", 3, "dams", None, "Three")),
    # The whole may be named by its owner: the unit is what the whole counts.
    (
        "Only 12 of the council's 40 members voted.",
        ("Only 12 of the council's 40 members", 12, "members", "only", "Only 12"),
    ),
    ("40 of the ward's 52 staff", ("40 of the ward's 52 staff", 40, "staff", None, "40")),
    ("5 of Norway's counties", ("5 of Norway's counties", 5, "counties", None, "5")),
    # Money with a scale glued on, as news copy writes it.
    ("It will cost $1.5bn in total.", ("$1.5bn", 1_500_000_000, "dollars", None, "$1.5bn")),
    ("We expect €3m a year", ("€3m", 3_000_000, "euros", None, "€3m")),
    ("and $400k later", ("$400k", 400_000, "dollars", None, "$400k")),
    ("a £2M grant", ("£2M", 2_000_000, "pounds", None, "£2M")),
    ("a debt of $1.2tn", ("$1.2tn", 1_200_000_000_000, "dollars", None, "$1.2tn")),
    ("nearly $5mn more", ("nearly $5mn", 5_000_000, "dollars", "nearly", "nearly $5mn")),
    # A proportion is one figure: the unit says the base, the base is no figure of its own.
    (
        "and 3 in 10 residents support it",
        ("3 in 10 residents", 3, "in 10 residents", None, "3"),
    ),
    ("One in five adults smoke", ("One in five adults", 1, "in five adults", None, "One")),
    ("4 out of 10 voters", ("4 out of 10 voters", 4, "out of 10 voters", None, "4")),
]


@pytest.mark.parametrize(("sentence", "expected"), PHRASES)
def test_figure_phrases(sentence: str, expected: tuple[str, float, str, str | None, str]) -> None:
    """Each phrase form is read into its value, unit, qualifier and written number."""
    (figure,) = find_figures(sentence)
    read = (figure.text, figure.value, figure.unit, figure.qualifier, figure.as_written)
    assert read == expected
    assert sentence[figure.span[0] : figure.span[1]] == figure.text


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2017 alone, it rained.",
        "decisions that we will implement in 2018.",
        "the summit held in Minsk on November 30.",
        "on 30 November they met",
        "the 25th anniversary",
        "at 10:30 sharp",
        "the G20 summit",
        "One of the top-level topics",
        "the two of them",
        "hundreds of thousands of people",
        "by the hundreds",
        "we met at 2.45 pm on the pier",
        "it is nine o'clock and here is the news",
        "the bell went at ten past two",
        "clause 4 halves that delay",
        "under section 12 powers",
        "Posted by admin \u00b7 3 min read",
        "Published today \u00b7 38 min listen",
        "Updated: 7 hours ago",
        "12      morning in the hall, the clerk said",
        # A scale letter glued to a number without money: metres, a race, a minute.
        "a 3m wall",
        "she ran the 10k",
        "$3min",
    ],
)
def test_not_figures(sentence: str) -> None:
    """Years, dates, ordinals, times, codes, references, furniture, line numbers: no figures."""
    assert find_figures(sentence) == ()


def test_a_change_from_one_number_to_another_is_no_range() -> None:
    """'from 5 to 10 percent' is where it ended, not a range from 5."""
    counted = [(f.text, f.value) for f in find_figures("it rose from 5 to 10 percent") if f.unit]
    assert counted == [("10 percent", 10)]


def test_a_base_of_time_is_a_duration_not_a_proportion() -> None:
    """'2 in 10 minutes' counts minutes: the 10 is the figure, the 2 has no unit."""
    found = find_figures("they scored 2 in 10 minutes")
    assert [(f.text, f.value, f.unit) for f in found] == [
        ("2", 2, ""),
        ("10 minutes", 10, "minutes"),
    ]


def test_years_ago_is_still_a_figure() -> None:
    """'roughly 9,000 years ago' measures time; only a page's 'N hours ago' is furniture."""
    (figure,) = find_figures("snow that fell roughly 9,000 years ago")
    assert (figure.text, figure.value) == ("roughly 9,000 years", 9000)


def test_period_is_the_year_of_the_sentence() -> None:
    """A figure's period is the one year its sentence names, and not another sentence's."""
    text = "In 2017 alone, there were about 20 attacks. In 2018, 5 more. Then 7 others."
    periods = [f.period for f in find_figures(text)]
    assert periods == ["2017", "2018", None]


def test_figures_in_a_range_keep_absolute_spans() -> None:
    """Scanning part of a text gives spans into the whole text."""
    text = "Intro 5 cats.\nBody has 12 dogs."
    (figure,) = find_figures(text, text.index("Body"), len(text))
    assert figure.span == (text.index("12"), text.index("12") + len("12 dogs"))


def test_unit_stops_at_a_line_break() -> None:
    """A unit never runs onto the next line."""
    (figure,) = find_figures("We counted 12\ndogs here.")
    assert figure.unit == ""
    assert figure.text == "12"


@given(st.text(max_size=300))
def test_any_text_gives_verbatim_spans(text: str) -> None:
    """Whatever the text, every figure found is exactly the text at its span, in order."""
    figures = find_figures(text)
    for figure in figures:
        assert text[figure.span[0] : figure.span[1]] == figure.text
        assert figure.as_written in figure.text
    assert [f.span for f in figures] == sorted(f.span for f in figures)


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("$2.5 trillion", 2_500_000_000_000, "dollars"),
        ("$3.2-billion", 3_200_000_000, "dollars"),
        ("$1.5B", 1_500_000_000, "dollars"),
        ("US$300m", 300_000_000, "US dollars"),
        ("A$5m", 5_000_000, "Australian dollars"),
        ("C$3bn", 3_000_000_000, "Canadian dollars"),
        ("HK$2bn", 2_000_000_000, "Hong Kong dollars"),
        ("NZ$40m", 40_000_000, "New Zealand dollars"),
        ("\u00a5300bn", 300_000_000_000, "yen"),
        ("CHF 2m", 2_000_000, "Swiss francs"),
        ("EUR 3m", 3_000_000, "euros"),
        ("USD 4.5 million", 4_500_000, "US dollars"),
    ],
)
def test_money_in_any_currency_and_scale_is_read_whole(written: str, value: int, unit: str) -> None:
    """A currency code or a country's dollar, a hyphenated or spelt-out scale: one amount."""
    (figure,) = find_figures(f"The plan costs {written} in all.")
    assert (figure.as_written, figure.value, figure.unit) == (written, value, unit)


def test_lower_case_currency_codes_are_words() -> None:
    """'eur' in running text is no currency: only the capitals are a code."""
    assert [f.unit for f in find_figures("the eur 3 thing")] == ["thing"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Daniel Kerr, 34, was arrested.", []),
        ("Henryk Malec, 71, runs the ferry.", []),
        ("In Oslo, 34 people died.", [("34", "people")]),
    ],
)
def test_an_age_set_off_after_a_name_is_no_number_left_over(
    text: str, found: list[tuple[str, str]]
) -> None:
    """'NAME, 34,' is an age, neither a figure nor a number without a unit to warn about."""
    assert [(f.as_written, f.unit) for f in find_figures(text)] == found
