"""Which quotation each reporting verb of a news paragraph claims, and for whom."""

from __future__ import annotations

import pytest

from cstocli.importer.attributions import Subjects
from cstocli.importer.cast import Cast
from cstocli.importer.claims import quotation_speakers
from cstocli.importer.prose import Prose
from cstocli.importer.quotations import blank_quotations, find_quotations

_INTRO = "Mayor Janet Cole met residents on Tuesday."


def _speakers(paragraph: str) -> tuple[list[str | None], set[int]]:
    """The speaker of each quotation of ``paragraph`` (after an intro naming Cole)."""
    text = f"{_INTRO}\n\n{paragraph}"
    base = len(_INTRO) + 2
    cast = Cast(lambda offset, message: None)
    cast.learn(_INTRO, 0)
    prose = blank_quotations(text, base, len(text))
    mentions = cast.learn(prose, base)
    quotations = find_quotations(text, base, len(text))
    subjects = Subjects(cast)
    words = Prose(prose, base, [q.outer[1] - base for q in quotations])
    events = subjects.read(words, mentions)
    found, nobody = quotation_speakers(words, quotations, events, subjects)
    return [None if p is None else p.name for p in found], nobody


@pytest.mark.parametrize(
    "paragraph",
    [
        '"Will you resign?" asked one resident. "No," Cole said.',
        '"Is it safe?" a reporter asked. "No," Cole replied.',
    ],
)
def test_a_stranger_s_question_is_claimed_for_no_one(paragraph: str) -> None:
    """The unnamed asker's quotation is no one's; only the answer is Cole's."""
    assert _speakers(paragraph) == ([None, "Janet Cole"], {0})


def test_a_quotation_no_verb_claims_takes_the_later_speaker() -> None:
    """'"A." "B," said X': both X's, when no stranger speaks in the paragraph."""
    assert _speakers('"We are ready." "We will win," said Cole.') == (
        ["Janet Cole", "Janet Cole"],
        set(),
    )
