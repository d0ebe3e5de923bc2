"""A news paragraph's own words and sentences (cstocli.importer.prose)."""

from __future__ import annotations

import pytest

from cstocli.importer.prose import Prose


def test_a_clause_starts_after_the_quotation_before_it() -> None:
    """A verb's clause begins at its sentence's start or the quotation's end, the later."""
    text = "It rained all day. Then " + " " * 12 + " she said, and left."
    quotation_end = len("It rained all day. Then ") + 12
    prose = Prose(text, 100, [quotation_end])
    assert prose.clause_start(text.index("said")) == quotation_end
    assert prose.sentence_start(text.index("said")) == len("It rained all day.")


def test_a_sentence_end_between_two_offsets_is_a_break() -> None:
    """A full stop between a quotation and a verb breaks them apart; none does not."""
    prose = Prose("It rained. Lee said so.", 0, [])
    assert prose.breaks(0, 15)
    assert not prose.breaks(11, 20)


@pytest.mark.parametrize(
    "attribution",
    ["said Det. Kate Moss.", "said Lt. Col. James Park.", "said Msgr. Luca Ferri."],
)
def test_a_title_s_full_stop_after_a_reporting_verb_ends_no_sentence(attribution: str) -> None:
    """'said Det. Kate Moss.' is one sentence: the title's stop does not cut the name off."""
    text = f'          {attribution} "Next."'
    prose = Prose(text, 0, [10])
    assert not prose.breaks(10, text.index(attribution.rsplit(maxsplit=1)[-1]))


def test_a_sentence_ending_in_a_short_place_name_still_ends() -> None:
    """'He went to Oslo. Tom Hale said ...': only a reporting verb makes a stop a title's."""
    text = "He went to Oslo. Tom Hale said it was cold."
    assert Prose(text, 0, []).breaks(0, text.index("Tom"))
