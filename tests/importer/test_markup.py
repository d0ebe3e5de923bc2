from __future__ import annotations

import pytest

from cstocli.importer.markup import (
    bold_label,
    clean_head,
    is_stamp_line,
    period_label,
    skip_leading_stamp,
    skip_stamp_after,
)


@pytest.mark.parametrize(
    ("head", "clean"),
    [
        ("Jane Doe (00:22)", "Jane Doe"),
        ("Jane Doe (01:02:03)", "Jane Doe"),
        ("ANN LEE, ANCHOR (voice-over)", "ANN LEE, ANCHOR"),
        ("Ann Lee (through interpreter)", "Ann Lee"),
        ("President Ann Lee (retranslated)", "President Ann Lee"),
        ("SEN. LEE (R-OH)", "SEN. LEE (R-OH)"),
        ("Reporter (Daily Meridian)", "Reporter (Daily Meridian)"),
        ("Ilona Varga \u2014 Today at 7:02 PM", "Ilona Varga"),
        ("Ilona Varga \u2014 03/14/2026 7:02 PM", "Ilona Varga"),
    ],
)
def test_clean_head_drops_timestamps_and_delivery_notes(head: str, clean: str) -> None:
    """A timestamp or a note on how words came leaves the head; a party tag stays."""
    assert clean_head(head) == clean


def test_bold_label_inside_or_outside_the_colon() -> None:
    """``**Name:**`` and ``**Name**:`` give the name and where the label ends."""
    assert bold_label("**Ann Lee:** Hi", 0) == ("Ann Lee", 12)
    assert bold_label("**Ann Lee**: Hi", 0) == ("Ann Lee", 12)
    assert bold_label("**Break**", 0) is None


def test_timestamps_around_a_label_are_skipped() -> None:
    """An escaped markdown timestamp before, a bracketed one after the colon."""
    line = "\\[00:00:03\\] **Ann:** Hi"
    assert line[skip_leading_stamp(line, 0) :] == "**Ann:** Hi"
    after = "Ann Lee: (00:04) Hi"
    assert after[skip_stamp_after(after, 8) :] == " Hi"


@pytest.mark.parametrize(("line", "stamp"), [("00:41", True), ("(01:02:03)", True), ("41", False)])
def test_stamp_lines(line: str, stamp: bool) -> None:
    """A line holding only a timestamp is recognised; a bare number is not one."""
    assert is_stamp_line(line) is stamp


@pytest.mark.parametrize(
    ("head", "clean"),
    [
        ("Mr. Lee (Kuwait) (interpretation from Arabic)", "Mr. Lee (Kuwait)"),
        ("Ms. Roe (spoke in French)", "Ms. Roe"),
        ("Ms. Roe (Member from Kent)", "Ms. Roe (Member from Kent)"),
    ],
)
def test_a_language_note_is_a_delivery_note(head: str, clean: str) -> None:
    """A note "(spoke in French)" says how the words came; a role in brackets stays."""
    assert clean_head(head) == clean


@pytest.mark.parametrize(
    ("line", "head"),
    [
        ("Mr. LATHAM. The subcommittee will come to order.", "Mr. LATHAM"),
        ("Ms. OKORO-WHITFIELD. Thank you.", "Ms. OKORO-WHITFIELD"),
        ("Chairman COMER. The committee will come to order.", "Chairman COMER"),
        ("Mr. VAN HOLLEN. Thank you.", "Mr. VAN HOLLEN"),
        ("Mr. Smith. He said so.", None),
        ("In MAY. We met.", None),
        ("Mr. SMITH of Texas. Yes.", None),
    ],
)
def test_a_records_period_label(line: str, head: str | None) -> None:
    """A record's "Mr. SURNAME." label: an honorific or title, capitals, a full stop."""
    found = period_label(line, 0)
    assert (found[0] if found else None) == head


def test_a_bare_timestamp_after_a_name_leaves_the_head() -> None:
    """A meeting recorder's "Jane Doe  0:03" head is Jane Doe; a digit in a name stays."""
    assert clean_head("Jane Doe  0:03") == "Jane Doe"
    assert clean_head("Unknown Speaker 1:02:10") == "Unknown Speaker"
    assert clean_head("Speaker 2") == "Speaker 2"


def test_a_committee_question_number_before_a_label_is_skipped() -> None:
    """A question number ("Q12 Chair:") opens the line, not the speaker's name."""
    line = "Q12 Chair: Good morning."
    assert line[skip_leading_stamp(line, 0) :] == "Chair: Good morning."
    revenue = "Q1 2026 revenue: up."
    assert skip_leading_stamp(revenue, 0) == 0  # a quarter and a year name nobody
