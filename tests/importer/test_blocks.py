from __future__ import annotations

import pytest

from cstocli.importer.article import import_article
from cstocli.importer.blocks import Block, Decision, assemble
from cstocli.importer.layout import segment, split_lines
from cstocli.importer.roster import Roster


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
    assert "names A again" in warnings[0]


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


@pytest.mark.parametrize(
    ("paragraph", "clause"),
    [
        ('"We will not sign," Norway\'s foreign minister Karl Olsen told reporters later.',
         "Olsen told reporters later"),
        ("\u201cI won\u2019t comment,\u201d said Dr. Brown.", "said Dr. Brown"),
        ('Mr Putin said: "We are satisfied."', "Putin said"),
        ("\u2018I won\u2019t sign,\u2019 Olsen said.", "Olsen said"),
        ("'We will not sign,' the minister told us.", "minister told us"),
        ("Reporters asked about prices.", "Reporters asked about prices"),
        ("According to the ministry, talks went on.", "According to the ministry"),
    ],
)  # fmt: skip
def test_someone_elses_words_after_a_speech_are_narration(paragraph: str, clause: str) -> None:
    """A reporting clause with any subject makes narration, warned with its line and clause."""
    text = f"Anna Berg:\nWe agreed.\n\n{paragraph}\n\nBo Chan:\nOk.\n"
    items, _, _ = segment(text, split_lines(text))
    blocks, warnings = assemble(items, Roster(), {})
    assert [b.kind for b in blocks] == ["quote", "narration", "quote"]
    assert [w.line for w in warnings] == [4]
    assert f"reports speech ({clause!r})" in warnings[0].message


def test_first_person_only_inside_quotation_marks_is_narration() -> None:
    """The "we" of a quotation is someone else's, not the speaker's own first person."""
    text = 'Anna Berg:\nWe agreed.\n\n"We will not sign" was the answer.\n\nBo Chan:\nOk.\n'
    blocks, warnings = _blocks(text)
    assert [b.kind for b in blocks] == ["quote", "narration", "quote"]
    assert "inside quotation marks" in warnings[0]


def test_first_person_outside_quotation_marks_stays_speech() -> None:
    """A speaker who quotes someone keeps the paragraph; the reporting verb is warned."""
    text = 'Anna Berg:\nWe agreed.\n\nAs Olsen said, "never", and I agree.\n\nBo Chan:\nOk.\n'
    blocks, warnings = _blocks(text)
    assert _shape(blocks) == [("quote", 0, 2), ("quote", 1, 1)]
    assert warnings == ["unlabelled paragraph read as continued speech of Anna Berg, though it "
                        "reports speech ('Olsen said'; it has first-person words) "
                        "(correct it if wrong)"]  # fmt: skip


@pytest.mark.parametrize(
    "paragraph",
    [
        "\u201cNo,\u201d I told them.",
        "We have said many times that we want peace.",
        "I want to stress that the talks went well.",
    ],
)
def test_own_account_with_a_reporting_verb_is_speech_unflagged(paragraph: str) -> None:
    """A speaker telling what they said ("I told them") is speech, unflagged."""
    text = f"Anna Berg:\nWe agreed.\n\n{paragraph}\n\nBo Chan:\nOk.\n"
    blocks, warnings = _blocks(text)
    assert _shape(blocks) == [("quote", 0, 2), ("quote", 1, 1)]
    assert warnings == []


def test_reporting_verb_as_an_adjective_reports_nothing() -> None:
    """A reporting verb used as an adjective ("the stated aim") is no report: still speech."""
    paragraph = "The continued support of partners is the stated aim of the plan."
    blocks, warnings = _blocks(f"Anna Berg:\nWe agreed.\n\n{paragraph}\n\nBo Chan:\nOk.\n")
    assert _shape(blocks) == [("quote", 0, 2), ("quote", 1, 1)]
    assert warnings == [
        "unlabelled paragraph read as continued speech of Anna Berg, though it has no"
        " first-person word outside quotation marks (correct it if wrong)"
    ]


@pytest.mark.parametrize("credit", ["Source: Rail Weekly", "Note: the figures are preliminary."])
def test_credit_line_after_a_speech_is_narration(credit: str) -> None:
    """A "Source:" or "Note:" line is the publisher's, never the last speaker's."""
    blocks, warnings = _blocks(f"A: Freight fell.\n\n{credit}\n")
    assert [b.kind for b in blocks] == ["quote", "narration"]
    assert "opens a credit or note line" in warnings[0]


def test_relabelled_speaker_keeps_first_person_speech_between() -> None:
    """Before the same label again, first person continues the speech; the rest is narration."""
    text = (
        'Maria Schmidt:\nWe shipped grain.\n\nThat is a "record" for us. (Laughter.)\n\n'
        "Prices rose in March.\n\nMaria Schmidt:\nWe expect more.\n"
    )
    blocks, warnings = _blocks(text)
    assert _shape(blocks) == [("quote", 0, 2), ("narration", None, 1), ("quote", 0, 1)]
    assert "continued speech of Maria Schmidt, though the next label names" in warnings[0]
    assert "the next label names Maria Schmidt again" in warnings[1]


def test_an_italic_paragraph_after_the_last_speech_is_the_publishers() -> None:
    """A wholly italic closing paragraph is a credit, even when it says "you"."""
    text = "Ann Lee:\nThanks.\n\n*Produced by Tidewrack Audio. Subscribe wherever you listen.*\n"
    blocks, _ = _blocks(text)
    assert _shape(blocks) == [("quote", 0, 1), ("narration", None, 1)]
    kept, _ = _blocks("Ann Lee:\nThanks.\n\n**Bo Chan:** And *you*?\n\nAnn Lee:\n*Sure*, I do.\n")
    assert [b.kind for b in kept] == ["quote", "quote", "quote"]


def test_a_records_past_tense_note_is_narration() -> None:
    """A past-tense note "The legislative clerk proceeded to ..." is the record's words."""
    text = (
        "Ann Lee:\nThe clerk will call the roll.\n\n"
        "The legislative clerk proceeded to call the roll.\n\n"
        "Bo Chan:\nI ask consent.\n"
    )
    blocks, _ = _blocks(text)
    assert _shape(blocks) == [("quote", 0, 1), ("narration", None, 1), ("quote", 1, 1)]
    speech = "Ann Lee:\nI came.\n\nThe flood fell by a third, so we rebuilt.\n\nBo Chan:\nOk.\n"
    blocks, _ = _blocks(speech)
    assert _shape(blocks)[0] == ("quote", 0, 2)


def test_a_press_conference_opens_with_the_spokespersons_announcements() -> None:
    """Announcements before the first question are the giver's; a place line or account not."""
    text = (
        "Spokesperson Ann Lee-Varga's Regular Press Conference on 4 May 2026\n\n"
        "Press Hall\n\n"
        "The following is a transcript of the press conference.\n\n"
        "Foreign Minister Bo Vale of Corvania will pay an official visit next week.\n\n"
        "The river talks will be held in Lorvik. Six countries have confirmed attendance.\n\n"
        "Tidewater News: Can you give us an update on the quota?\n\n"
        "Lee-Varga: The teams met twice this week.\n\n"
        "Tidewater News: And the border?\n\nLee-Varga: Our consulate is in touch.\n"
    )
    dataset = import_article(text, file_name="a.txt").dataset
    names = {s.id: s.name for s in dataset.speakers}
    said = [
        (names.get(p.speaker_id or "", "-"), piece.text.split()[0])
        for p in dataset.passages
        for piece in p.paragraphs
    ]
    assert said == [
        ("-", "Press"),
        ("-", "The"),
        ("Ann Lee-Varga", "Foreign"),
        ("Ann Lee-Varga", "The"),
        ("Tidewater News", "Can"),
        ("Ann Lee-Varga", "The"),
        ("Tidewater News", "And"),
        ("Ann Lee-Varga", "Our"),
    ]


def test_impersonal_paragraphs_stay_narration_when_someone_else_answers_first() -> None:
    """The giver's announcements need the giver to answer the first questions."""
    text = (
        "Spokesperson Ann Lee-Varga's Regular Press Conference on 4 May 2026\n\n"
        "Foreign Minister Bo Vale of Corvania will pay an official visit next week.\n\n"
        "Bo Vale: Thank you for having me.\n\nLee-Varga: Welcome.\n"
    )
    dataset = import_article(text, file_name="a.txt").dataset
    assert dataset.passages[0].speaker_id is None


def test_a_hansards_interjecting_line_is_narration() -> None:
    """A line "Honourable members interjecting-" between turns is the record's, no speech."""
    text = (
        "Mr LEE: The pipeline is done.\n\nHonourable members interjecting\u2014\n\n"
        "Ms VALE: Order!\n"
    )
    blocks, _ = _blocks(text)
    assert _shape(blocks) == [("quote", 0, 1), ("narration", None, 1), ("quote", 1, 1)]


def test_a_heading_between_turns_is_no_ones_words() -> None:
    """A short capitalised line with no sentence's end between turns is a heading."""
    text = (
        "President. \u2013 We now move on.\n\nCatch-the-eye procedure\n\n"
        "Ann Lee (Renew). \u2013 Madam President, a question.\n\n"
        "President. \u2013 Thank you.\n\nYes\n\nAnn Lee (Renew). \u2013 Thanks.\n"
    )
    blocks, _ = _blocks(text)
    assert [b.kind for b in blocks] == ["quote", "narration", "quote", "quote", "quote"]
