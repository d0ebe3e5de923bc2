from __future__ import annotations

import pytest

from cstocli.importer.labels import read_label
from cstocli.importer.people import People


def _people(text: str) -> People:
    """The people of an article given as text; its first line is the headline."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    return People.read(lines, lines[0][1])


def _link(people: People, label: str) -> tuple[str, str | None] | None:
    """What one label links to."""
    found = read_label(label, 0)
    assert found is not None
    return people.link(found)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Briefing by Press Secretary Ann Vasquez", "Ann Vasquez", "Press Secretary"),
        ("Our host Ann Lee talks to marine ecologist Dr. Bo Ness.", "Bo Ness", "marine ecologist"),
        ("A briefing by Ann Lee, Spokesman for the Secretary-General.", "Ann Lee",
         "Spokesman for the Secretary-General"),
        ("Executives\nAnn Lee - Chief Financial Officer", "Ann Lee", "Chief Financial Officer"),
        ("Briefing\nAnn Lee\nSpokesperson", "Ann Lee", "Spokesperson"),
        ("Inquiry\nChair: Dame Ann Lee", "Dame Ann Lee", "Chair"),
    ],
)  # fmt: skip
def test_names_and_roles_the_text_states(text: str, name: str, role: str) -> None:
    """Titles before a name, appositions, list lines and participant blocks give roles."""
    found = {p.name: p.role for p in _people(text).persons}
    assert found[name] == role


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Our guest \u00c9mile de Villepin spoke.", "\u00c9mile de Villepin"),
        ("We met Ann van Berg.", "Ann van Berg"),
        ("I met \u00c5sa \u00d6berg today.", "\u00c5sa \u00d6berg"),
    ],
)
def test_runs_with_accented_capitals_and_particles_are_names(line: str, name: str) -> None:
    """A prose line is read word by word when a run may start: accents and particles too."""
    assert name in [p.name for p in _people(f"Intro\n{line}").persons]


def test_a_longer_run_keeps_the_ending_written_alone() -> None:
    """A run "Forester Ann Kamau" is Ann Kamau, a forester, when "Ann Kamau" stands alone."""
    people = _people("A Talk With Forester Ann Kamau\n\nFor years, Ann Kamau has planted.")
    assert [(p.name, p.role) for p in people.persons if p.name.endswith("Kamau")] == [
        ("Ann Kamau", "Forester")
    ]


def test_terse_labels_link_to_the_one_person_they_fit() -> None:
    """A caps surname, an honorific and a role-only label find the full name and role."""
    people = _people("Briefing\nMara Kellaway\nSpokesperson\nRemarks by President Ann Holm")
    assert _link(people, "MS KELLAWAY: Hi.") == ("Mara Kellaway", "Spokesperson")
    assert _link(people, "THE PRESIDENT: Hi.") == ("Ann Holm", "President")
    assert _link(people, "MR NOBODY: Hi.") is None


def test_a_surname_two_people_share_links_to_neither() -> None:
    """Nothing is guessed: "BRANDT" with two Brandts named stays as written."""
    people = _people("Match\nCoach Lena Brandt and captain Jonas Brandt spoke.")
    assert _link(people, "BRANDT: Hi.") is None


def test_the_giver_of_remarks_is_the_one_person_after_by() -> None:
    """The words "Remarks by Governor X at the Opening" name X; two givers name no one."""
    one = _people("Remarks by Governor Ann Marrow at the Opening of the Bridge\n\nThank you.")
    assert one.remarks is not None
    assert one.remarks.name == "Ann Marrow"
    two = _people("Briefing by Press Secretary Ann Lee and Admiral Bo Kjell\n\nHello.")
    assert two.remarks is None


@pytest.mark.parametrize("word", ["REMARKS", "Remar\u212as", "Remark\u017f", "Br\u0130efing"])
def test_the_words_before_by_are_read_in_any_case(word: str) -> None:
    """Capitals, and the letters case-insensitive matching also takes for k, s, i, count."""
    found = _people(f"Intro\n{word} by Governor Ann Marrow at the Opening\n\nThank you.")
    assert found.remarks is not None
    assert found.remarks.name == "Ann Marrow"


def test_role_first_labels_split_where_the_place_ends() -> None:
    """The text writing "Valdoria" alone ends the role there; a three-word name follows."""
    people = _people("Talks\nThe delegation of Valdoria arrived.")
    role = "President of Valdoria João"
    assert people.resplit(role, "Pedro Menezes") == ("João Pedro Menezes", "President of Valdoria")
    assert _people("Talks\nNothing here.").resplit(role, "Pedro Menezes") is None


def test_the_answer_side_is_never_the_bylines_writer() -> None:
    """With no one in the headline, the byline's writer is not taken for the interviewee."""
    people = _people("On cities\nBy Bo Chan, Staff Writer\nWe met Mayor Ann Lee at home.")
    person = people.answer_side(set())
    assert person is not None
    assert person.name == "Ann Lee"


def test_a_name_written_twice_is_no_role() -> None:
    """In "Ann Lee Portrait Mr Ann Lee (Anytown) (Lab)" the photo's alt text is no role."""
    text = "Debate\nOwen Marsh Portrait Mr Owen Marsh (Fenmouth) (Lab)\nOwen Marsh spoke."
    found = {p.name: p.role for p in _people(text).persons}
    assert found["Owen Marsh"] is None


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("With me are Ann Lee, our Chief Financial Officer; and Bo Chan.",
         "Chief Financial Officer"),
        ("Thanks to Ann Lee, our friend, for coming.", None),
        ("I'm Ann Lee and this is the show.", None),
    ],
)  # fmt: skip
def test_a_possessive_before_a_role_is_the_speakers_own(line: str, role: str | None) -> None:
    """A "NAME, our ROLE" gives ROLE; "our friend" or "I'm" before a name gives no role."""
    found = {p.name: p.role for p in _people(f"Call\n{line}").persons}
    assert found["Ann Lee"] == role


def test_a_verb_after_a_capitalised_subject_is_no_role() -> None:
    """No role "calls" in "The State calls Ann Lee"; "Our host Ann Lee" keeps "host"."""
    people = _people("Day 2\nThe State calls Katrin Oyelaran-Bose.\nOur host Priya Webb talks.\n")
    roles = {p.name: p.role for p in people.persons}
    assert roles["Katrin Oyelaran-Bose"] is None
    assert roles["Priya Webb"] == "host"


def test_a_name_and_role_after_a_colon_is_not_one_name() -> None:
    """A side heading "For X: ANN LEE, Public Defender" puts no comma in a person's name."""
    people = _people("Day 2\nFor the Defendant:  ANN LEE, Public Defender\n")
    assert all("," not in p.name for p in people.persons)


def test_a_record_header_names_its_president() -> None:
    """A record header "President: Ms. NAME . . . (Country)" names whom "The President:" is."""
    people = _people("Record\nPresident: Ms. Ardelean-Voss . . . . . . (Ostmark)\n")
    assert _link(people, "The President: Order.") == ("Ms. Ardelean-Voss", "President")
    plain = _people("Record\nPresident: the one elected . . . . (Ostmark)\n")
    assert _link(plain, "The President: Order.") is None


def test_initials_labels_link_to_the_one_person_with_those_initials() -> None:
    """Labels "TA:", "RO:" are the people the intro names; initials two people share, nobody."""
    people = _people(
        "Episode 9\n"
        "This week host Tamsin Achterberg and producer Rafe Okonkwo-Lusk talk with"
        " Dr. Ilse Marchetti, a glaciologist at the University of Northmere.\n"
    )
    assert _link(people, "TA: Welcome.") == ("Tamsin Achterberg", "host")
    assert _link(people, "RO: Hello.") == ("Rafe Okonkwo-Lusk", "producer")
    assert _link(people, "ROL: Hello.") == ("Rafe Okonkwo-Lusk", "producer")
    assert _link(people, "IM: Thanks.") == (
        "Ilse Marchetti",
        "glaciologist at the University of Northmere",
    )
    assert _link(people, "XY: Hi.") is None
    twins = _people("Show\nhost Tom Ames and guest Tia Avery talk.\n")
    assert _link(twins, "TA: Hi.") is None


def test_a_members_list_names_each_member_and_the_chair() -> None:
    """A members list names each member, and its chair is whom "CHAIR:" names."""
    people = _people("Oral evidence\nMembers present: Dame Ann Lee (Chair); Mr Bo Vale; Cy Ode.\n")
    assert {(p.name, p.role) for p in people.persons} >= {
        ("Ann Lee", "Chair"),
        ("Bo Vale", None),
        ("Cy Ode", None),
    }
    assert _link(people, "CHAIR: Good morning.") == ("Ann Lee", "Chair")
    assert _link(people, "Mr Vale: Why?") == ("Bo Vale", None)


def test_a_plural_title_gives_each_surname_in_the_list_its_title() -> None:
    """In "Senators Lee, Vale (Chair)" one surname names a senator; a bracket is a role."""
    people = _people("Estimates\nMembers in attendance: Senators Lee, Vale (Chair)\n")
    assert {(p.name, p.role) for p in people.persons} == {("Lee", "Senator"), ("Vale", "Chair")}
    assert _link(people, "CHAIR: We begin.") == ("Vale", "Chair")


def test_a_surname_first_witness_line_names_the_witness() -> None:
    """A witness line "LEE-VALE, Dr Ann, Director, ..." is Ann Lee-Vale, with her role."""
    people = _people("Estimates\nLEE-VALE, Dr Ann, Director, Census Division\n")
    assert [(p.name, p.role) for p in people.persons] == [
        ("Ann Lee-Vale", "Director, Census Division")
    ]
    assert _link(people, "Dr Lee-Vale: Yes.") == ("Ann Lee-Vale", "Director, Census Division")


def test_each_part_of_a_panel_line_has_its_own_role() -> None:
    """A semicolon ends one panel member's role: "Dr Ann Lee, Director, Agency; and ..."."""
    people = _people(
        "Evidence\nI: Dr Ann Lee, Director of Floods, Environment Agency;"
        " and Councillor Bo Vale, Leader, Fen Council.\n"
    )
    roles = {p.name: p.role for p in people.persons}
    assert roles["Ann Lee"] == "Director of Floods, Environment Agency"
    assert roles["Bo Vale"] == "Leader, Fen Council"


def test_a_possessive_ends_the_name_in_a_headline() -> None:
    """A possessive ends a name: "Spokesperson Ann Lee's Press Conference" is Ann Lee."""
    people = _people("Foreign Ministry Spokesperson Ann Lee's Regular Press Conference on 4 May\n")
    assert [(p.name, p.role) for p in people.persons] == [
        ("Ann Lee", "Foreign Ministry Spokesperson")
    ]


def test_a_list_of_names_is_no_role() -> None:
    """A list of names ("Ann Lee, Bo Vale, Unknown Speaker") gives no one a role."""
    people = _people("Review\nSPEAKERS\nAnn Lee, Bo Vale, Unknown Speaker\n")
    assert {p.name: p.role for p in people.persons}.get("Ann Lee", "absent") is None
    assert {p.name: p.role for p in people.persons}.get("Bo Vale", "absent") is None
    books = _people("Q&A\nBy Ann Lee, Books Editor\n")
    assert {p.name: p.role for p in books.persons}["Ann Lee"] == "Books Editor"


def test_the_giver_of_remarks_may_be_named_with_a_possessive() -> None:
    """A possessive names the giver ("Ann Lee's Press Conference"); a breadcrumb's nobody."""
    people = _people(
        "Home > Press Service > Spokesperson's Remarks\n"
        "Foreign Ministry Spokesperson Ann Lee's Regular Press Conference on 4 May\n"
    )
    assert people.remarks is not None
    assert people.remarks.name == "Ann Lee"
    assert _people("Home > Press Service > Spokesperson's Remarks\n").remarks is None


def test_a_role_set_off_before_the_name_is_its_role_not_the_predicate() -> None:
    """In a standfirst "Lorvik's fisheries minister, NAME, talks about X, Y" the role is first."""
    people = _people(
        "Interview\nCod stocks are falling. Lorvik's fisheries minister, Henrikke Aalto,"
        " talks about closures, subsidies and anger.\n"
    )
    assert {p.name: p.role for p in people.persons}["Henrikke Aalto"] == (
        "Lorvik's fisheries minister"
    )


def test_a_given_name_label_links_to_the_one_person_with_that_given_name() -> None:
    """A given-name label is the one person of that given name; two make it nobody."""
    people = _people("Talk\nI met Sarah Lee-Obi, a nurse, and Tom Abbot, a paramedic.\n")
    assert _link(people, "SARAH: Hello.") == ("Sarah Lee-Obi", "nurse")
    twins = _people("Talk\nI met Sarah Lee-Obi and Sarah Vale.\n")
    assert _link(twins, "SARAH: Hello.") is None
    surname = _people("Talk\nI met Sarah Lee and Lee Vale.\n")
    assert _link(surname, "LEE: Hello.") == ("Sarah Lee", None)  # an ending comes first


def test_the_intro_names_the_host_and_the_guest_of_a_show() -> None:
    """The intro's host ("Hosted by NAME") and guest are whom "HOST:" and "GUEST:" name."""
    people = _people(
        "Bus fares\nHosted by Jonah Kemp. Our guest this afternoon is Councillor Bea Lund.\n"
    )
    roles = {p.name: p.role for p in people.persons}
    assert roles["Jonah Kemp"] == "host"
    assert _link(people, "HOST: Welcome.") == ("Jonah Kemp", "host")
    assert _link(people, "GUEST: Thanks.") == ("Bea Lund", "Councillor")
    assert _link(_people("Bus fares\nA talk with Jonah Kemp.\n"), "GUEST: Hi.") is None


def test_a_participant_line_with_a_semicolon_gives_name_and_title() -> None:
    """A participant line "Ann Lee-Obi; Chief Executive Officer" gives her title."""
    people = _people("Call\nCorporate Participants\nAnn Lee-Obi; Chief Executive Officer\n")
    assert {p.name: p.role for p in people.persons}["Ann Lee-Obi"] == "Chief Executive Officer"


def test_a_part_label_links_to_whom_a_cast_line_gives_the_part() -> None:
    """A cast line "Host: Jane Roe" at the top makes a later "Host:" turn Jane Roe's."""
    people = _people("The River Hour\nHost: Jane Roe\nGuest: Dr Lena Park, hydrologist")
    assert _link(people, "Host: Welcome back.") == ("Jane Roe", "Host")


def test_a_keys_short_form_links_to_the_full_name() -> None:
    """A key line "H. = Hedda Lindqvist, interviewer" makes "H.:" hers, with the role."""
    people = _people("Interview 7\nH. = Hedda Lindqvist, interviewer\nP. = Pauline Garvey, nurse")
    assert _link(people, "H.: Thank you.") == ("Hedda Lindqvist", "interviewer")
    assert _link(people, "P.: Yes.") == ("Pauline Garvey", "nurse")


def test_the_chairs_label_links_to_who_is_in_the_chair() -> None:
    """Lines "IN THE CHAIR: NAME" over a role, "NAME took the chair": the chair's label."""
    people = _people("Verbatim report\nIN THE CHAIR: Ilse VANDERMEULEN\nVice-President")
    assert _link(people, "President:") == ("Ilse VANDERMEULEN", "Vice-President")
    people = _people("Hansard\nThe SPEAKER (Hon. Ann Lee) took the chair at 14:00.")
    assert _link(people, "The SPEAKER: Order!") == ("Ann Lee", "Speaker")


def test_the_speakers_header_line_gives_the_chair() -> None:
    """A header "Speaker: The Honourable NAME" makes "The Speaker:" that person."""
    people = _people("House Debates\nSpeaker: The Honourable Gerald Aucoin-Rioux\nHousing")
    assert _link(people, "The Speaker:") == ("Gerald Aucoin-Rioux", "Speaker")


def test_a_video_transcripts_title_names_who_gives_the_talk() -> None:
    """A title "Talk | Dr NAME | Event" over "Transcript": the named part gives the talk."""
    people = _people(
        "Why wetlands hold the coast | Dr Amara Oyelaran | Tidewater Talks\nTranscript\n0:00"
    )
    assert people.remarks is not None
    assert people.remarks.name == "Amara Oyelaran"
    menu = _people("Radio Eastmere | Listen live | Schedule\nTranscript\nPRESENTER: Hi.")
    assert menu.remarks is None
