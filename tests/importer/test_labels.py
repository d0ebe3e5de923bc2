from __future__ import annotations

import pytest

from cstocli.importer.labels import affiliation_of, credit_prefix, is_furniture, read_label
from cstocli.importer.turns import read_lone_label

PUTIN = "\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u041f\u0443\u0442\u0438\u043d"


@pytest.mark.parametrize(
    ("line", "name", "role", "inline"),
    [
        ("Alexander Lukashenko, President of Belarus:", "Alexander Lukashenko",
         "President of Belarus", False),
        ("Alexander Lukashenko:", "Alexander Lukashenko", None, False),
        ("President of Russia Vladimir Putin: We agreed.", "Vladimir Putin",
         "President of Russia", True),
        ("Foreign Minister Sergei Lavrov:", "Sergei Lavrov", "Foreign Minister", False),
        ("Agriculture Minister Dmitry Patrushev: Colleagues,", "Dmitry Patrushev",
         "Agriculture Minister", True),
        ("Tom Judge:", "Tom Judge", None, False),
        ("President Ursula von der Leyen: Hello.", "Ursula von der Leyen", "President", True),
        ("MS SMITH: Thank you.", "MS SMITH", None, True),
        ("MR. O\u2019BRIEN: Yes.", "MR. O\u2019BRIEN", None, True),
        ("\u0141ukasz Nowak:", "\u0141ukasz Nowak", None, False),
        (f"{PUTIN}: \u0414\u0430.", PUTIN, None, True),
        ("Putin:", "Putin", None, False),
        ("Sen. John Smith (R-Ohio): I object.", "John Smith", "Senator (R-Ohio)", True),
        ("Senator John Smith (R-Ohio):", "John Smith", "Senator (R-Ohio)", False),
        ("Prime Minister Anna Berg, Sweden:", "Anna Berg", "Prime Minister, Sweden", False),
        ("President Emmanuel Macron:", "Emmanuel Macron", "President", False),
        ("Dr. Anna Brown, WHO:", "Anna Brown", "WHO", False),
        ("Mr John Smith:", "John Smith", None, False),
        ("MR. JOHN JONES: Yes.", "JOHN JONES", None, True),
        ("Dr Brown:", "Dr Brown", None, False),
        ("Dr. Anja Lindemann (CDU/CSU):", "Anja Lindemann", None, False),
        ("Ann Lee (SNP): Yes.", "Ann Lee", None, True),
        ("Mr HOLLOWAY (Tarrant\u2014Minister for Water) (14:22): I thank", "Mr HOLLOWAY",
         "Minister for Water", True),
        ("SHRI RAVI KULKARNI (NASHIK WEST): Sir,", "RAVI KULKARNI", None, True),
        ("MR ABERNETHY KC: My Lord,", "MR ABERNETHY", None, True),
        (">> CHAIR DELACROIX: GOOD EVENING.", "DELACROIX", "CHAIR", True),
        ("THE MINISTER OF JAL SHAKTI (SHRI ANAND MEHRA): Sir,", "ANAND MEHRA",
         "THE MINISTER OF JAL SHAKTI", True),
        ("Hon. Priya Venkataraman (Minister of Housing, Lib.):", "Priya Venkataraman",
         "Minister of Housing", False),
        ("Mr. Connor Blackwood (Kestrel Lake\u2014Ridgeview, CPC):", "Connor Blackwood", None,
         False),
        ("Ms. \u00c9lodie Vachon (Rivi\u00e8re-aux-Saules, BQ):", "\u00c9lodie Vachon", None,
         False),
    ],
)  # fmt: skip
def test_labels_are_read(line: str, name: str, role: str | None, inline: bool) -> None:
    """Each label form gives its name and role; an inline one says where speech starts."""
    label = read_label(line, 100)
    assert label is not None
    assert (label.name, label.role) == (name, role)
    assert (label.speech_start is not None) is inline
    assert line[label.span[0] - 100 : label.span[1] - 100] == label.text
    assert label.text.endswith(":")


@pytest.mark.parametrize(
    ("line", "part", "name"),
    [
        ("Question:", "question", "Question"),
        ("QUESTION: Why?", "question", "Question"),
        ("Q: Why?", "question", "Q"),
        ("Q    Why?", "question", "Q"),
        ("Q\tWhy?", "question", "Q"),
        ("Q. Why?", "question", "Q"),
        ("Interviewer: Why?", "question", "Interviewer"),
        ("Answer:", "answer", "Answer"),
        ("A: Because.", "answer", "A"),
        ("A. Because.", "answer", "A"),
    ],
)
def test_interview_labels(line: str, part: str, name: str) -> None:
    """Q/A labels mark the two sides of an interview, named as the article writes them."""
    label = read_label(line, 0)
    assert label is not None
    assert (label.interview, label.name) == (part, name)


@pytest.mark.parametrize(
    "line",
    [
        "The leaders of six states: Belarus, Armenia",
        "In Minsk, the leaders said:",
        "Lukashenko said: we agree",
        "Note: this is prose",
        "Font size:",
        "Share:",
        "http://example.com: a link",
        '"We will rebuild": an interview',
        "He stopped. Then he said: no",
        "Plain prose with no colon at all",
        "Minsk, November 30: the leaders met",
        "North (of) Korea: what next",
    ],
)
def test_non_labels(line: str) -> None:
    """Sentences, reporting, furniture and links ending in a colon are no labels."""
    assert read_label(line, 0) is None


@pytest.mark.parametrize(
    ("line", "furniture"),
    [("Font size:", True), ("Share:", True), ("Editor\u2019s note:", True),
     ("He then listed the priorities of the year:", False), ("Ann Lee:", False),
     ("Share", False)],
)  # fmt: skip
def test_furniture(line: str, furniture: bool) -> None:
    """Short colon-ended lines that are no label are page furniture; prose is not."""
    assert is_furniture(line) is furniture


@pytest.mark.parametrize(
    ("role", "affiliation"),
    [
        ("President of Belarus", "Belarus"),
        ("Minister of Foreign Affairs of the Republic of Belarus", "Belarus"),
        ("Secretary General of the CSTO", "CSTO"),
        ("Foreign Minister", None),
        (None, None),
    ],
)
def test_affiliation_of(role: str | None, affiliation: str | None) -> None:
    """The affiliation is what the role names after its last "of"."""
    assert affiliation_of(role) == affiliation


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        ("\\[00:00:03\\] **Ann Lee-Webb:** Welcome back.", "Ann Lee-Webb", None),
        ("**Dana 🎙️ Whitlock**: Okay, we're live.", "Dana 🎙️ Whitlock", None),
        ("Ann Lee: (00:04)", "Ann Lee", None),
        ("Ann Lee (00:00:12):", "Ann Lee", None),
        ("ANN LEE, CNB ANCHOR (voice-over): A truce.", "ANN LEE", "CNB ANCHOR"),
        ("PRES. ANN LEE, PRESIDENT OF VAROSSA (through interpreter): We.", "ANN LEE",
         "PRESIDENT OF VAROSSA"),
        ("SEC.-GEN. ANN LEE: The guns.", "ANN LEE", "SECRETARY-GENERAL"),
        ("SEN. LEE (R-OH): Thank you.", "LEE", "SENATOR (R-OH)"),
        ("CHIEF JUSTICE HALLORAN: We'll hear.", "HALLORAN", "CHIEF JUSTICE"),
        ("President Corwin T. Ashgrove: Thank you.", "Corwin T. Ashgrove", "President"),
        ("Audience questioner: My question.", "Audience questioner", None),
        ("Member of the public: You said.", "Member of the public", None),
        ("Reporter (Daily Meridian): Mr. President.", "Reporter", None),
        ("UNIDENTIFIED FEMALE: We have not been paid.", "Unidentified Female", None),
        ("Minister of Foreign Affairs of Valdoria María de los Ángeles Ruiz Carvajal: If I may.",
         "Ruiz Carvajal", "Minister of Foreign Affairs of Valdoria María de los Ángeles"),
    ],
)  # fmt: skip
def test_real_layout_labels(line: str, name: str, role: str | None) -> None:
    """Timestamps, markdown, delivery notes, abbreviated titles, placeholders (issue 14)."""
    label = read_label(line, 0)
    assert label is not None
    assert (label.name, label.role) == (name, role)
    assert line[label.span[0] : label.span[1]] == label.text


def test_one_word_inline_label_needs_the_article_to_use_it() -> None:
    """An inline "Spokesman: ..." is prose alone, a label where the article labels so."""
    assert read_label("Spokesman: We have not.", 0) is None
    label = read_label("Spokesman: We have not.", 0, frozenset({"spokesman"}))
    assert label is not None
    assert label.name == "Spokesman"


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        ("Operator", "Operator", None),
        ("Rohan Pillai - Castellan Securities - Analyst", "Rohan Pillai", "Castellan Securities"),
        ("Speaker 1", "Speaker 1", None),
        ("Ann Lee Portrait Mr Speaker", "Ann Lee", "Mr Speaker"),
        ("Bo Chan Portrait The Minister for X (Ms Bo Chan)", "Bo Chan", "The Minister for X"),
        ("Ann Lee Portrait Mr Ann Lee (Fenmouth North) (Lab)", "Ann Lee", None),
    ],
)  # fmt: skip
def test_lone_labels(line: str, name: str, role: str | None) -> None:
    """A line that may be a label without a colon: name and role as a reader splits them."""
    label = read_lone_label(line, 0)
    assert label is not None
    assert (label.name, label.role) == (name, role)


@pytest.mark.parametrize("line", ["We met today.", "Ann Lee said so, twice.", "x" * 200])
def test_sentences_are_no_lone_labels(line: str) -> None:
    """A sentence or a long line is never a label alone."""
    assert read_lone_label(line, 0) is None


def test_a_side_heading_in_capitals_is_no_label() -> None:
    """A side heading ("ON BEHALF OF THE APPELLANT:") is none; "THE PRESIDENT:" stays one."""
    assert read_label("ON BEHALF OF THE APPELLANT:", 0) is None
    assert read_label("FOR THE RESPONDENT:", 0) is None
    label = read_label("THE PRESIDENT: Thank you.", 0)
    assert label is not None
    assert label.name == "THE PRESIDENT"


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        ("Mr. Kasabian (Ruritania) (spoke in French): I thank you.", "Mr. Kasabian", None),
        ("Mr. Quispe Mamani (Caldera): We agree.", "Quispe Mamani", None),
        ("The President (spoke in Arabic): I thank him.", "The President", None),
        ("The Chair: Order.", "The Chair", None),
        ("John Smith (R-Ohio): Yes.", "John Smith", "R-Ohio"),
        ("Ann Lee (Chair): Yes.", "Ann Lee", "Chair"),
    ],
)
def test_meeting_record_labels(line: str, name: str, role: str | None) -> None:
    """Meeting-record labels: a bracketed country or language note is no role; a party is."""
    label = read_label(line, 0)
    assert label is not None
    assert (label.name, label.role) == (name, role)


@pytest.mark.parametrize("line", ["The leaders: all agreed.", "The Ruritania delegation: no."])
def test_the_before_words_that_are_no_titles_is_prose(line: str) -> None:
    """A head opening with "The" before words that are no titles is prose, not a label."""
    assert read_label(line, 0) is None


def test_a_bracketed_name_keeps_its_seats_title_out() -> None:
    """Label "Minister for Transport (Deputy Ann Lee):" is Ann Lee, Minister for Transport."""
    label = read_label("Minister for Transport (Deputy Fergal Nakamura-Byrne): I thank him.", 0)
    assert label is not None
    assert (label.name, label.role) == ("Fergal Nakamura-Byrne", "Minister for Transport")


def test_irish_particles_stay_in_the_name() -> None:
    """Label "Deputy Saoirse Ní Bhraonáin:" names all three words; "Deputy" is the role."""
    label = read_label("Deputy Saoirse Ní Bhraonáin: Since January, routes went.", 0)
    assert label is not None
    assert (label.name, label.role) == ("Saoirse Ní Bhraonáin", "Deputy")


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        ("COACH HALVORSEN-TAYLOR: Thank you.", "HALVORSEN-TAYLOR", "COACH"),
        ("MANAGER ANN LEE: Not much.", "ANN LEE", "MANAGER"),
    ],
)
def test_a_sports_title_before_the_name_is_the_role(line: str, name: str, role: str) -> None:
    """A press conference's "COACH NAME:" and "MANAGER NAME:" keep the title as the role."""
    label = read_label(line, 0)
    assert label is not None
    assert (label.name, label.role) == (name, role)


def test_a_callers_name_and_place_keep_callers_apart() -> None:
    """Label "CALLER (Margaret, Leeds):" is that caller; "Reporter (Daily Meridian):" a reporter."""
    caller = read_label("CALLER (Margaret, Carrowmore): Hello, Jo.", 0)
    reporter = read_label("Reporter (Daily Meridian): Sir, a question.", 0)
    assert caller is not None
    assert reporter is not None
    assert caller.name == "Caller (Margaret, Carrowmore)"
    assert reporter.name == "Reporter"


def test_the_presiding_officer_in_a_record() -> None:
    """A record's "The PRESIDING OFFICER." is a role label, its speech after the full stop."""
    label = read_label("  The PRESIDING OFFICER. The Senator from Oregon.", 0)
    assert label is not None
    assert label.name == "THE PRESIDING OFFICER"
    assert label.speech_start == len("  The PRESIDING OFFICER. ")


def test_a_label_opening_a_long_line_is_read_like_a_short_ones() -> None:
    """Lines past the remembered length are read the same way, not remembered."""
    short = read_label("Ann Lee, Minister: We agree.", 0)
    long = read_label("Ann Lee, Minister: We agree." + " And so on." * 200, 0)
    assert short is not None
    assert long is not None
    assert (long.name, long.role, long.span) == (short.name, short.role, short.span)
    assert read_label("We agree." * 200, 0) is None


@pytest.mark.parametrize(
    "line",
    ["Host: Glad you came.", "Anchor: Good evening.", "Presenter: And now the news.",
     "Chair: Order, please.", "**Host:** Welcome back.", "**Co-Host**: Thanks, Ann."],
)  # fmt: skip
def test_a_conversation_role_is_a_label_inline_even_once(line: str) -> None:
    """Part words ("Host:", "Chair:") open a turn inline as "Moderator:" does, bold or not."""
    label = read_label(line, 0)
    assert label is not None
    assert label.name in ("Host", "Anchor", "Presenter", "Chair", "Co-Host")
    assert label.speech_start is not None
    assert "*" not in line[label.speech_start :]


def test_a_one_word_note_inline_is_still_prose() -> None:
    """A "Note: ..." used once inline is no speaker label."""
    assert read_label("Note: this is prose.", 0) is None


@pytest.mark.parametrize(
    "line",
    [
        "Host: Jane Roe",
        "Chair: Dame Philippa Crowhurst",
        "Guest: Dr Lena Park, hydrologist",
        "Narrator: Hattie Brannigan",
    ],
)
def test_a_part_given_to_a_name_is_a_cast_line_not_a_turn(line: str) -> None:
    """A cast line "Host: Jane Roe" says who holds the part; it opens no turn."""
    assert read_label(line, 0) is None


def test_a_webvtt_voice_tag_is_a_label() -> None:
    """A caption cue's "<v Jane Doe>" names the speaker; the speech follows the tag."""
    line = "<v Jane Doe>Hello there.</v>"
    label = read_label(line, 0)
    assert label is not None
    assert (label.name, label.text) == ("Jane Doe", "<v Jane Doe>")
    assert label.speech_start == line.index("Hello")


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        ("Ann Lee, Member of the Commission. \u2013 Madam President, we agree.", "Ann Lee",
         "Member of the Commission"),
        ("Ann Lee, on behalf of the PPE Group. \u2013 (DE) Madam President, no.", "Ann Lee", None),
        ("Bo Vale (Renew). \u2014 Madam President, yes.", "Bo Vale", None),
    ],
)  # fmt: skip
def test_a_verbatim_reports_label_ends_with_a_full_stop_and_a_dash(
    line: str, name: str, role: str | None
) -> None:
    """A parliament's "Name, role. - speech": the label, whom one speaks for is no role."""
    label = read_label(line, 0)
    assert label is not None
    assert (label.name, label.role) == (name, role)
    assert label.speech_start == line.index("Madam") or line[label.speech_start :].startswith("(")


def test_a_sentence_before_a_dash_is_no_label() -> None:
    """Speech holding ". - " after a sentence opens no turn."""
    assert read_label("We thank you. \u2013 And then we left.", 0) is None


def test_a_presiding_office_given_to_a_name_is_a_cast_line() -> None:
    """A header "Speaker: The Honourable NAME" names the chair; it is no turn."""
    assert read_label("Speaker: The Honourable G\u00e9rald Aucoin-Rioux", 0) is None


def test_some_members_calling_out_is_a_note() -> None:
    """A record's "Some hon. members: Oh, oh!" is a note, as "Hon. Members:" is."""
    assert credit_prefix("Some hon. members: Oh, oh!") == "Some hon. members:"


def test_a_table_rows_speaker_cell_is_a_label() -> None:
    """A table export's row: times, the speaker's cell, then the words after a tab."""
    line = "00:00:04\t00:00:11\tJoanna Achterberg\tThanks for coming."
    label = read_label(line, 0)
    assert label is not None
    assert label.name == "Joanna Achterberg"
    assert label.speech_start == line.index("Thanks")


@pytest.mark.parametrize("line", ["Between:", "Neutral Citation Number: [2026] EWHC 1184 (KB)"])
def test_a_judgments_caption_fields_are_no_labels(line: str) -> None:
    """A court caption's "Between:" and citation field name no speaker."""
    assert read_label(line, 0) is None
