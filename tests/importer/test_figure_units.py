"""What a number counts: the noun phrase read after it (cstocli.importer.figure_units)."""

from __future__ import annotations

import pytest

from cstocli.importer.figure_units import unit_after


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
