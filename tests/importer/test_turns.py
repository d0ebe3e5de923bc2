from __future__ import annotations

import pytest

from cstocli.importer.article import import_article
from cstocli.importer.layout import split_lines
from cstocli.importer.names import is_listing
from cstocli.importer.turns import is_page_furniture, line_labels, lone_labels


def _speakers_of(text: str) -> list[tuple[str, str]]:
    """(speaker name or "-", first words) of each paragraph the import makes."""
    dataset = import_article(text, file_name="a.txt").dataset
    names = {s.id: s.name for s in dataset.speakers}
    return [
        (names.get(p.speaker_id or "", "-"), paragraph.text.split()[0])
        for p in dataset.passages
        for paragraph in p.paragraphs
    ]


@pytest.mark.parametrize(
    "line",
    ["* * *", "---", "###", "END", "-- more --", "Page 2 of 3", "1:07 P.M. EDT", "(10.00 am)",
     "(END VIDEOTAPE)", "[GAVEL]", "**Break**", "00:41", "- Hansard - - - Excerpts",
     "Share this article", "Home | Briefings | About", "**Questions and Answers", "## Floods",
     "speaker", "2026-05-14 16:05", "Transcribed by https://otter.ai", "WEBVTT", "NOTE",
     "1e0c6a52-9d1b-4a7e-8f31-6b2d0e9c4a10/3-0", "EXT. MUDFLATS, KESSOCK BAY - DAWN",
     "INT. HARBOUR OFFICE - LATER", "FADE OUT.", "48K subscribers", "12,408 views  Mar 3, 2026"],
)  # fmt: skip
def test_page_furniture_lines(line: str) -> None:
    """Separators, end marks, page and clock lines, tape cues and share bars are furniture."""
    assert is_page_furniture(line)


@pytest.mark.parametrize(
    "line", ["Share prices fell 4 percent.", "(Laughter.)", "We met. | He left.", "Speaker"]
)
def test_speech_is_no_furniture(line: str) -> None:
    """A sentence that opens with "Share" or a stage direction inside speech stays."""
    assert not is_page_furniture(line)


def test_lone_labels_need_the_convention_or_a_repeat() -> None:
    """Names alone on a line are labels when they recur; a participant list is not."""
    text = (
        "Call\n\nExecutives\nAnn Lee - Chief Executive\nBo Chan - Finance\n\n"
        "Operator\nWelcome to the call.\n\nAnn Lee\nThanks. We grew.\n\n"
        "Operator\nNext question.\n\nAnn Lee\nWe did well.\n"
    )
    lines = split_lines(text)
    labels, _ = line_labels(lines)
    found = lone_labels(lines, [], labels)
    assert sorted(label.name for label in found.values()) == [
        "Ann Lee",
        "Ann Lee",
        "Operator",
        "Operator",
    ]


def test_participant_line_is_no_turn() -> None:
    """A line "WITNESS: ANN LEE, ADMINISTRATOR" lists a witness; a sentence is speech."""
    assert is_listing("ANN LEE, ADMINISTRATOR, RURAL OFFICE")
    assert not is_listing("We met today.")


def test_a_panel_of_people_after_a_colon_is_no_turn() -> None:
    """A panel line ("I: Dr Ann Lee, Director, Agency; and ...") is no turn."""
    assert is_listing(
        "Dr Ann Lee, Director of Floods, Environment Agency;"
        " and Councillor Bo Vale, Leader, Fen Council."
    )
    assert not is_listing("We met the panel; and then we left.")


@pytest.mark.parametrize(
    "line",
    [
        "00:00:02.140 --> 00:00:07.910",
        "00:01:02,500 --> 00:01:04,000",
        "00:02.000 --> 00:04.500 align:start",
    ],
)
def test_caption_cue_time_ranges_are_furniture(line: str) -> None:
    """A WebVTT or SRT cue's time range is nobody's words."""
    assert is_page_furniture(line)


def test_caption_cues_give_each_speaker_only_their_words() -> None:
    """A meeting's caption file: cue numbers and time ranges never join a speaker's quote."""
    text = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nAnn Lee: Welcome to the meeting.\n\n"
        "2\n00:00:04.500 --> 00:00:08.000\nBo Vale: Thanks. The bill came to 40 pounds.\n"
    )
    dataset = import_article(text, file_name="a.vtt").dataset
    texts = [piece.text for p in dataset.passages for piece in p.paragraphs]
    assert not [t for t in texts if "-->" in t]
    assert _speakers_of(text)[-2:] == [("Ann Lee", "Welcome"), ("Bo Vale", "Thanks.")]


def test_name_and_bare_timestamp_lines_are_labels() -> None:
    """A recorder's "Name  0:03" over the speech labels the turn; its credit line is no one's."""
    text = (
        "Sprint review\n\nAnn Lee  0:03\nOkay, we are recording.\n\nBo Vale  0:19\n"
        "Thanks. Search is faster now.\n\nAnn Lee  0:44\nGood news.\n\nBo Vale  0:51\n"
        "The holds screen is not done.\n\nTranscribed by https://otter.ai\n"
    )
    assert _speakers_of(text) == [
        ("Ann Lee", "Okay,"),
        ("Bo Vale", "Thanks."),
        ("Ann Lee", "Good"),
        ("Bo Vale", "The"),
    ]


def test_numbered_questions_label_the_member_asking() -> None:
    """An evidence session's "Q3 Mr Vale:" is Mr Vale's turn; "Chair:" recurs as a label."""
    text = (
        "Oral evidence: Floods\n\nQ1 Chair: Good morning.\n\nDr Lee: Good morning to you.\n\n"
        "Q2 Mr Vale: What went wrong?\n\nDr Lee: The drains failed.\n\nChair: Thank you.\n"
    )
    assert [name for name, _ in _speakers_of(text)] == [
        "Chair",
        "Dr Lee",
        "Mr Vale",
        "Dr Lee",
        "Chair",
    ]


def test_two_turns_in_one_paragraph_are_split() -> None:
    """In "...pays? MR LEE: The fund..." the answer goes to Mr Lee, a known label."""
    text = "Briefing\n\nMR LEE: Hello.\n\nQUESTION: Who pays? MR LEE: The fund does.\n"
    assert _speakers_of(text) == [("MR LEE", "Hello."), ("Question", "Who"), ("MR LEE", "The")]


def test_flattened_timestamped_turns_are_split() -> None:
    """Timestamped turns run together in one paragraph become one turn each."""
    text = (
        "Hearing\n\nSpeaker 1: (00:00) Why? Ms. Strand: (00:09) Because. Speaker 1: (00:15) Ok.\n"
    )
    assert _speakers_of(text) == [
        ("Speaker 1", "Why?"),
        ("Ms. Strand", "Because."),
        ("Speaker 1", "Ok."),
    ]


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_line_endings(newline: str) -> None:
    """CR-only, CR LF and LF files split into the same turns, spans exact."""
    text = newline.join(["Radio", "", "INTERVIEWER: Why?", "", "ANN LEE: Because.", ""])
    dataset = import_article(text, file_name="a.txt").dataset
    assert [p.text for p in dataset.passages] == ["Why?", "Because."]
    assert all(text[p.span[0] : p.span[1]] == p.text for p in dataset.passages)


def test_earnings_call_with_double_dash_titles() -> None:
    """Turns under "Name -- Title" lines and a participant list at the end: all attributed."""
    text = (
        "Acme Q3 Earnings Call Transcript\n\nOperator\n\nWelcome. Over to Jane Roe.\n\n"
        "Jane Roe -- Investor Relations\n\nThank you. With me is John Doe.\n\n"
        "John Doe -- Chief Executive Officer\n\nRevenue rose.\n\nOperator\n\n"
        "Next is Sam Poe with Big Bank.\n\nSam Poe -- Big Bank -- Analyst\n\nHow is demand?\n\n"
        "John Doe -- Chief Executive Officer\n\nStrong.\n\nCall participants:\n\n"
        "Jane Roe -- Investor Relations\n\nJohn Doe -- Chief Executive Officer\n"
    )
    assert [name for name, _ in _speakers_of(text)] == [
        "Operator", "Jane Roe", "John Doe", "Operator", "Sam Poe", "John Doe"
    ]  # fmt: skip


def test_parliament_role_with_the_name_in_brackets() -> None:
    """A line "The Minister for X (Sir Bob Vale)" is Bob Vale, the minister."""
    text = (
        "Local Bus Services\n\nMr. Jane Doe (Anytown)\nWhat steps is the Department taking?\n\n"
        "The Minister of State for Transport (Sir Bob Vale)\nWe have provided funds.\n\n"
        "Mr. Jane Doe\nRoutes are still closing.\n\nSir Bob Vale\nI will look at it.\n"
    )
    dataset = import_article(text, file_name="a.txt").dataset
    assert [s.name for s in dataset.speakers] == ["Jane Doe", "Bob Vale"]
    assert dataset.speakers[1].role == "The Minister of State for Transport"
    assert [name for name, _ in _speakers_of(text)] == [
        "Jane Doe",
        "Bob Vale",
        "Jane Doe",
        "Bob Vale",
    ]


def test_photo_alt_text_lines_label_members_with_their_front_bench_role() -> None:
    """Lines "Photo of NAME NAME role, party, seat time" label members; a party is no role."""
    odum = "Photo of Cy Odum Cy Odum Shadow Minister (Transport), Labour, Northfield"
    text = (
        "Examination of Witnesses\n\n"
        "Coastal Paths Bill \u2013 in a Public Bill Committee on 3rd March 2026.\n\n"
        "Bo Tran gave evidence.\n\n"
        "Photo of Ann Marsh Ann Marsh Conservative, Eastvale 2:00 pm, 3rd March 2026\n\n"
        "Q Welcome to you both. We will start with the closed paths.\n\n"
        f"{odum}\n\nQ How many paths are closed this winter?\n\n"
        "Bo Tran:\n\nAbout 12 paths are closed.\n\n"
        f"{odum}\n\nQ And when will the rest of them reopen?\n\n"
        "Bo Tran:\n\nBy the spring.\n\n"
        "Photo of Ann Marsh Ann Marsh Conservative, Eastvale\n\n"
        "Thank you both, that brings the session to an end.\n"
    )
    dataset = import_article(text, file_name="a.txt").dataset
    roles = {s.name: s.role for s in dataset.speakers}
    assert roles == {"Ann Marsh": None, "Bo Tran": None, "Cy Odum": "Shadow Minister (Transport)"}
    assert _speakers_of(text) == [
        ("-", "Coastal"), ("-", "Bo"), ("Ann Marsh", "Q"), ("Cy Odum", "Q"),
        ("Bo Tran", "About"), ("Cy Odum", "Q"), ("Bo Tran", "By"), ("Ann Marsh", "Thank"),
    ]  # fmt: skip


def test_a_title_case_head_the_article_repeats_is_a_label() -> None:
    """Heads like "An Leas-Cheann Comhairle:" opening two lines are labels; once is prose."""
    text = (
        "An Leas-Cheann Comhairle: The Deputy is over time.\n"
        "Deputy Ann Lee: One more point.\n"
        "An Leas-Cheann Comhairle: I have to move on.\n"
        "An Bord Pleanala: a body, named once.\n"
    )
    labels, words = line_labels(split_lines(text))
    assert "an leas-cheann comhairle" in words
    assert labels[1] is not None
    assert labels[1].name == "An Leas-Cheann Comhairle"
    assert labels[3] is not None
    assert labels[4] is None


def test_names_alone_in_bold_label_the_turns_under_them() -> None:
    """A podcast page's "**Ann Lee**" lines over the speech are labels, not headings."""
    text = (
        "Episode 4\n\n**Ann Lee**\n\nWelcome back to the show.\n\n**Bo Vale**\n\n"
        "Thanks for having me.\n\n**Ann Lee**\n\nHow bad is it?\n\n**Bo Vale**\n\nVery bad.\n"
    )
    assert _speakers_of(text) == [
        ("Ann Lee", "Welcome"),
        ("Bo Vale", "Thanks"),
        ("Ann Lee", "How"),
        ("Bo Vale", "Very"),
    ]


def test_a_placeholder_alone_on_its_line_labels_a_turn_where_names_do() -> None:
    """Among name lines, "Unidentified Analyst" over a question is that placeholder's turn."""
    text = (
        "Lee Corp Q4 call\n\nOperator\n\nWelcome to the call.\n\nAnn Lee\n\nWe grew.\n\n"
        "Operator\n\nNext question.\n\nAnn Lee\n\nWe did well.\n\nUnidentified Analyst\n\n"
        "Can you comment on stock?\n"
    )
    assert _speakers_of(text)[-1] == ("Unidentified Analyst", "Can")


def test_a_host_label_used_once_is_not_the_previous_speakers_words() -> None:
    """A lone "Host:" turn after a guest's is the host's, not the guest's (QA finding 4)."""
    text = (
        "Panel one\n\nModerator: Welcome.\n\nJane Roe: Thanks for having me.\n\n"
        "Host: Glad you came.\n"
    )
    assert _speakers_of(text)[-1] == ("Host", "Glad")


def test_bold_one_word_names_repeated_are_labels() -> None:
    """Bold "**Lena:** ..." and "**Lena**: ..." repeated read as the article's labels."""
    text = (
        "Episode 16\n\n**Lena:** Welcome back.\n\n**Tomas:** Thank you.\n\n"
        "**Lena:** How is the river?\n\n**Tomas**: Not good.\n"
    )
    assert [name for name, _ in _speakers_of(text)] == ["Lena", "Tomas", "Lena", "Tomas"]


def test_a_one_word_head_closed_by_a_full_stop_and_a_dash_repeated_is_a_label() -> None:
    """A verbatim report's "President. - ..." used again and again opens turns."""
    text = (
        "Debate\n\nPresident. \u2013 The next item is water.\n\n"
        "Ann Lee, Member of the Commission. \u2013 Madam President, thank you.\n\n"
        "President. \u2013 The debate is closed.\n"
    )
    assert [name for name, _ in _speakers_of(text)] == ["President", "Ann Lee", "President"]


def test_a_scripts_names_over_wrapped_speech_and_directions_label_turns() -> None:
    """Names alone over indented, wrapped speech label it, past a "(pointing)" line."""
    text = (
        "THE SALT ROAD\n\nFADE IN:\n\n          HELGA MARSDEN\n    I've walked this flat\n"
        "    for 31 years.\n\n          TOBIAS REN\n    Is it safe?\n\n          HELGA MARSDEN\n"
        "       (pointing)\n    Not there. That's\n    where it's soft.\n\n          TOBIAS REN\n"
        "    The harbour master logged\n    14 rescues.\n"
    )
    speakers = [name for name, _ in _speakers_of(text)]
    assert speakers[-4:] == ["HELGA MARSDEN", "TOBIAS REN", "HELGA MARSDEN", "TOBIAS REN"]
    assert "FADE IN" not in speakers


def test_a_chat_exports_poster_and_time_heads_each_message() -> None:
    """Lines "Name — Today at 7:02 PM" over a message label the messages under them."""
    text = (
        "AMA with coach Ilona Varga\n\nIlona Varga \u2014 Today at 7:02 PM\nHi everyone.\n\n"
        "Pete Okonkwo \u2014 Today at 7:03 PM\nWhat about the boathouse?\n\n"
        "Ilona Varga \u2014 Today at 7:04 PM\nWe break ground in May.\n\n"
        "Pete Okonkwo \u2014 Today at 7:05 PM\ngreat, thanks!\n"
    )
    assert _speakers_of(text)[-4:] == [
        ("Ilona Varga", "Hi"),
        ("Pete Okonkwo", "What"),
        ("Ilona Varga", "We"),
        ("Pete Okonkwo", "great,"),
    ]
