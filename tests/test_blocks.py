from __future__ import annotations

from cstocli.article import segment, split_lines
from cstocli.blocks import Block, Decision, assemble
from cstocli.roster import Roster


def _blocks(
    text: str, overrides: dict[int, Decision] | None = None
) -> tuple[list[Block], list[str]]:
    """Assemble a body text; return its blocks and warning messages."""
    items, _, _ = segment(text, split_lines(text))
    blocks, warnings = assemble(items, Roster(), overrides or {})
    return blocks, [w.message for w in warnings]


def _shape(blocks: list[Block]) -> list[tuple[str, int | None, int]]:
    """Each block's kind, speaker index and paragraph count."""
    return [(b.kind, b.speaker, len(b.paragraphs)) for b in blocks]


def test_paragraphs_before_the_first_label_are_narration_each() -> None:
    """The lede is the reporter's, one narration block per paragraph, unflagged."""
    blocks, warnings = _blocks("Lede one.\n\nLede two.\n\nAnn Lee:\nHi.\n")
    assert _shape(blocks) == [("narration", None, 1), ("narration", None, 1), ("quote", 0, 1)]
    assert warnings == []


def test_narration_after_a_third_person_paragraph_stays_narration() -> None:
    """Once the reporter speaks, following unlabelled paragraphs stay narration, flagged."""
    text = "Ann Lee:\nI came.\n\nLee then left.\n\nWe all waited.\n\nBo Chan:\nOk.\n"
    blocks, warnings = _blocks(text)
    assert _shape(blocks) == [
        ("quote", 0, 1),
        ("narration", None, 1),
        ("narration", None, 1),
        ("quote", 1, 1),
    ]
    assert "third person" in warnings[0]
    assert "like the unlabelled paragraph before it" in warnings[1]


def test_interview_answer_relabelled_makes_the_gap_narration() -> None:
    """The same-speaker rule holds for interview labels too."""
    text = "A: Yes.\n\nThe mayor paused.\n\nA: And no.\n"
    blocks, warnings = _blocks(text)
    assert [b.kind for b in blocks] == ["quote", "narration", "quote"]
    assert "names Interviewee again" in warnings[0]


def test_override_speech_after_narration_opens_an_unlabelled_block() -> None:
    """Speech resumed after narration is a new block for the same speaker, without label."""
    text = "Ann Lee:\nI came.\n\nRain.\n\nI stayed.\n\nBo Chan:\nOk.\n"
    blocks, _ = _blocks(text, {text.index("Rain."): "narration", text.index("I stayed."): "speech"})
    assert _shape(blocks) == [
        ("quote", 0, 1),
        ("narration", None, 1),
        ("quote", 0, 1),
        ("quote", 1, 1),
    ]
    assert blocks[2].label is None


def test_reported_speech_is_narration() -> None:
    """A paragraph that reports speech ("she added") is the reporter's voice."""
    text = "Ann Lee:\nI came.\n\n\u201cIt was late,\u201d she added.\n\nBo Chan:\nOk.\n"
    blocks, warnings = _blocks(text)
    assert [b.kind for b in blocks] == ["quote", "narration", "quote"]
    assert "reports speech" in warnings[0]


def test_speech_that_quotes_others_is_still_speech() -> None:
    """A speaker's own "as he said" or "they told us" is no reporting clause."""
    text = "Ann Lee:\nI came.\n\nAs he said the other day, they told us so.\n\nBo Chan:\nOk.\n"
    blocks, _ = _blocks(text)
    assert [b.kind for b in blocks] == ["quote", "quote"]


def test_role_only_speaker_has_no_surname_to_mention() -> None:
    """For "THE PRESIDENT:", a paragraph saying "as President" still continues the speech."""
    text = "THE PRESIDENT: I came.\n\nAs President, I must act.\n\nBo Chan:\nOk.\n"
    blocks, _ = _blocks(text)
    assert [(b.kind, len(b.paragraphs)) for b in blocks] == [("quote", 2), ("quote", 1)]
