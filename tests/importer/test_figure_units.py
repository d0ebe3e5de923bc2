"""What a number counts: the noun phrase read after it (cstocli.importer.figure_units)."""

from __future__ import annotations

import pytest

from cstocli.importer.figure_units import proportion_after, unit_after


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("2,000 units of equipment took part", "units of equipment"),
        ("20 major terrorist acts were prevented", "major terrorist acts"),
        ("six states signed it", "states"),
        ("18 kilometres of coast", "kilometres"),
        ("10 days' notice", "days"),
        ("240 million euro from the fund", "euro"),
        ("140 aircraft took part", "aircraft"),
        ("5 Ministers met", ""),
        ("12 of them", ""),
        ("40 starting in April", ""),
        ("10 parking spaces were lost", "parking spaces"),
        ("one meeting a week", "meeting"),
    ],
)
def test_the_unit_is_the_short_noun_phrase_after_the_number(text: str, unit: str) -> None:
    """At most four words, ending at a plural, a money word, a stop word or a capital.

    A participle alone ("40 starting in April") is what they do, not a unit.
    """
    number_end = text.index(" ")
    if text.startswith("240 million"):
        number_end = len("240 million")
    found, end = unit_after(text, number_end, len(text))
    assert found == unit
    read = text[number_end:end].strip()
    assert read.rstrip("'") == unit  # what was read ends where the unit does


def test_a_line_break_ends_the_unit() -> None:
    """A unit never runs onto the next line (a table's next row, a caption)."""
    assert unit_after("300 people\nattended", 3, 19) == ("people", 10)
    assert unit_after("300\npeople attended", 3, 19) == ("", 3)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("3 in 10 residents support it", "in 10 residents"),
        ("one in twenty-five adults smoke", "in twenty-five adults"),
        ("4 out of 10 voters agree", "out of 10 voters"),
        ("2 in 10 minutes", ""),  # a period after the base: a duration, no proportion
        ("5 in 2023 alone", ""),  # a year, no base of a count
        ("3 in the morning", ""),
    ],
)
def test_a_proportion_s_unit_holds_its_base(text: str, unit: str) -> None:
    """'3 in 10 residents': the unit after the first number is 'in 10 residents'."""
    end = text.index(" ")
    assert proportion_after(text, end, len(text))[0] == unit


@pytest.mark.parametrize(
    ("after", "unit"),
    [
        (" of every 3 nurses quit.", "of every 3 nurses"),
        (" in 5 two years ago.", "in 5"),
        (" in 5.", "in 5"),
        (" in 10 minutes.", ""),
    ],
)
def test_a_proportion_without_a_noun_of_its_own_is_its_base(after: str, unit: str) -> None:
    """'2 of every 3 nurses' counts nurses; '1 in 5 two years ago' is '1 in 5' alone."""
    text = "2" + after
    assert proportion_after(text, 1, len(text))[0] == unit
