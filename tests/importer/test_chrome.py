"""Page chrome of a news story: what is furniture, what is the story."""

from __future__ import annotations

import pytest

from cstocli.importer.chrome import Chrome, is_caption_part, is_label_line, is_masthead_line
from cstocli.model import Located


def _kept(title: str, *lines: str) -> list[str | None]:
    """What of each paragraph is kept as story, read in order after ``title``."""
    text = "\n\n".join(lines)
    chrome = Chrome(text, title)
    kept = []
    offset = 0
    for line in lines:
        story = chrome.story(Located(line, (offset, offset + len(line))))
        kept.append(None if story is None else story.text)
        offset += len(line) + 2
    return kept


@pytest.mark.parametrize(
    "line",
    [
        "By Liv Andersen, Staff Writer",
        "Updated: 7 hours ago",
        "Home | News | Sport",
        "14:32 BST",
        "Photo: Cranes at the terminal on Tuesday. (Coastal Herald)",
        "Share this article",
        "Reporting by Tamsin Okoro; Editing by Bertrand Ville",
        "Our Standards: The Meridian Trust Principles.",
        "Most read",
    ],
)
def test_furniture_is_not_story(line: str) -> None:
    """Bylines, dates, menus, time stamps, captions, credits and headings are left out."""
    assert _kept("Council approves bridge over the river", line) == [None]


def test_the_headline_goes_and_the_standfirst_stays() -> None:
    """Under a chrome title the headline goes, and the standfirst after it stays.

    The standfirst is a long line of prose without a full stop.
    """
    standfirst = "After 31 years on a rock in the channel, a keeper looks back on storms and wrecks"
    kept = _kept("The Long Read", "The last keeper of the point", standfirst, "He left in May.")
    assert kept == [None, standfirst, "He left in May."]


def test_a_time_stamp_over_an_entry_is_cut_off_it() -> None:
    """A live blog's time stamp line above an entry goes; the entry stays."""
    assert _kept("Strike live: day two", "13:10 BST\nTalks resumed at noon.") == [
        "Talks resumed at noon."
    ]


def test_a_quotation_is_always_story() -> None:
    """A line with a quotation mark is the story even without a full stop."""
    assert _kept("Bridge opens", '"We did it," she said') == ['"We did it," she said']


def test_a_caps_headline_with_a_colon_is_no_label() -> None:
    """A capitals headline "TOPIC: QUESTION?" is a heading; a caps label used again is not."""
    text = "RURAL BROADBAND: WHERE DID THE MONEY GO?\nMr. LATHAM. Order.\n"
    assert not is_label_line("RURAL BROADBAND: WHERE DID THE MONEY GO?", 0, text)
    twice = "ANDERSON: WHERE ARE WE?\nANDERSON: HERE.\n"
    assert is_label_line("ANDERSON: WHERE ARE WE?", 0, twice)
    assert is_label_line("Ann Lee: Where did the money go?", 0, "Ann Lee: Where did the money go?")


@pytest.mark.parametrize(
    ("line", "masthead"),
    [
        ("COURT OF APPEALS, FOURTH DISTRICT", True),
        ("COMMITTEE ON ENERGY AND COMMERCE", True),
        ("Vol. 1102 No. 4", True),
        ("From: Prime Minister's Office", True),
        ("Court rejects ferry appeal", False),
        ("From ashes, a village rebuilds its school", False),
        ("Committee votes to close the pool", False),
    ],
)
def test_masthead_lines_say_where_a_record_comes_from(line: str, masthead: bool) -> None:
    """Issuer, issue and source lines are mastheads; headlines naming a body are not."""
    assert is_masthead_line(line) is masthead


@pytest.mark.parametrize(
    "caption",
    [
        "Some of the 400 marchers outside the hall on Friday. (Gazette photo/Ann Lee)",
        "Boats in the harbour at dawn. (Ann Lee/Coastal Gazette)",
        "A baker shapes loaves on Mill Lane. Photograph: Ann Lee for The Review",
        "A volunteer counts 12 nests. Photo: Fenwick University/Ann Lee",
    ],
)
def test_a_caption_ending_in_its_credit_is_no_story(caption: str) -> None:
    """A photo caption with its credit is furniture, whatever its numbers."""
    assert _kept("Council approves bridge over the river", caption) == [None]


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan was approved on Friday (by 30 votes to 12).",
        "The river rose by a metre overnight, officials said (photos are on our site).",
        "Residents were told to use the A34 and A/B roads (see the map).",
    ],
)
def test_a_sentence_ending_in_brackets_is_still_story(sentence: str) -> None:
    """Brackets at the end of a sentence without a credit's photo or slash stay story."""
    assert _kept("Council approves bridge over the river", sentence) == [sentence]


@pytest.mark.parametrize(
    ("line", "part"),
    [
        ("PIKE COUNTY BOARD OF ASSESSORS,", True),
        ("v.          No. 25-0113", True),
        ("Respondent.", True),
        ("Heard on September 9, 2026", True),
        ("Speakers: Dr Ann Lee, Chief Engineer", True),
        ("TRANSCRIPT OF ORAL ARGUMENT", False),
        ("Town hall on the 9 March flood", False),
        ("Prime Minister's press conference on flood recovery: 12 March 2026", False),
    ],
)
def test_caption_parts_and_datelines_are_told_from_headlines(line: str, part: bool) -> None:
    """Caption fragments, a date in the first words and header fields are no headline."""
    ending = line.rstrip("\"')]")
    assert is_caption_part(line, ending) is part
