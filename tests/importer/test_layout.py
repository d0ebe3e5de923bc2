from __future__ import annotations

from cstocli.importer.layout import segment, split_lines
from cstocli.importer.warning import ImportWarning


def test_split_lines_keeps_offsets_and_drops_line_ends() -> None:
    """Lines carry their number and offset; CR LF and a last line without LF both work."""
    lines = split_lines("ab\r\ncd\nef")
    assert [(line.number, line.start, line.text) for line in lines] == [
        (1, 0, "ab"),
        (2, 4, "cd"),
        (3, 7, "ef"),
    ]


def test_wrapped_lines_join_into_one_paragraph() -> None:
    """Lines broken mid-sentence are one paragraph, spanning the line break verbatim."""
    text = "Ann Lee:\nWe went to the\nmarket and bought\nbread.\n"
    items, wrapped, _ = segment(text, split_lines(text))
    assert wrapped is True
    paragraph = items[1].paragraph
    assert paragraph is not None
    assert paragraph.text == "We went to the\nmarket and bought\nbread."
    assert (items[1].first_line, items[1].last_line) == (2, 4)


def test_one_sentence_per_line_stays_separate() -> None:
    """Lines that each end a sentence are separate paragraphs."""
    text = "Ann Lee:\nWe went.\nWe bought bread.\n"
    items, wrapped, _ = segment(text, split_lines(text))
    assert wrapped is False
    assert [i.paragraph.text for i in items if i.paragraph] == ["We went.", "We bought bread."]


def test_paragraph_text_is_trimmed_of_no_break_space() -> None:
    """Trailing no-break spaces are not part of the paragraph, as in the bundled article."""
    text = "Ann Lee:\nIn the capital.\u00a0\n"
    items, _, _ = segment(text, split_lines(text))
    paragraph = items[1].paragraph
    assert paragraph is not None
    assert paragraph.text == "In the capital."
    assert text[paragraph.span[0] : paragraph.span[1]] == paragraph.text


def test_warning_prints_with_its_line() -> None:
    """A warning reads as "line N: message", as the CLI shows it."""
    assert str(ImportWarning(7, "skipped")) == "line 7: skipped"


def test_a_caption_cues_voice_holds_its_lines_to_the_closing_tag() -> None:
    """A "<v Name>" cue over two lines is one paragraph, its "</v>" left out."""
    text = "WEBVTT\n\n<v Ann Lee>Thanks for joining,\nand sorry for the notice.</v>\n"
    items, _, _ = segment(text, split_lines(text))
    spoken = [item for item in items if item.label is not None]
    assert len(spoken) == 1
    assert spoken[0].paragraph is not None
    assert spoken[0].paragraph.text == "Thanks for joining,\nand sorry for the notice."
