from __future__ import annotations

from cstocli.importer.labels import Label, read_label
from cstocli.importer.people import People
from cstocli.importer.roster import Roster


def _label(line: str) -> Label:
    """The label a line holds (the tests only pass labels)."""
    label = read_label(line, 0)
    assert label is not None
    return label


def test_fuller_plain_name_replaces_a_role_first_guess() -> None:
    """A role-first label guesses two name words; a fuller plain label corrects it."""
    roster = Roster()
    first = roster.resolve(_label("President Recep Tayyip Erdogan:"), 1)
    again = roster.resolve(_label("Recep Tayyip Erdogan:"), 5)
    assert first == again
    speakers, ids = roster.speakers({first})
    assert (speakers[0].name, speakers[0].role) == ("Recep Tayyip Erdogan", "President")
    assert ids[first] == "recep-tayyip-erdogan"
    assert "another form of" in roster.warnings[0].message


def test_surname_only_label_keeps_the_full_name() -> None:
    """A surname-only label joins the full name and becomes its alias."""
    roster = Roster()
    index = roster.resolve(_label("Foreign Minister Amara Okafor:"), 1)
    assert roster.resolve(_label("Okafor:"), 4) == index
    speakers, _ = roster.speakers({index})
    assert (speakers[0].name, speakers[0].aliases) == ("Amara Okafor", ("Okafor",))


def test_speakers_without_quotes_are_left_out_and_ids_stay_unique() -> None:
    """Only speakers with quotes are listed; two speakers with one slug get -2."""
    roster = Roster()
    one = roster.resolve(_label("Ann Lee:"), 1)
    two = roster.resolve(_label("ANN LEE, Governor:"), 2)
    other = roster.resolve(_label("Bo Chan:"), 3)
    assert one == two
    speakers, ids = roster.speakers({one})
    assert [s.id for s in speakers] == ["ann-lee"]
    assert other not in ids


def test_interview_sides_are_their_own_speakers() -> None:
    """Q and A labels stay the sides the article writes, never merged into a named person."""
    roster = Roster()
    question = roster.resolve(_label("Q:"), 1)
    answer = roster.resolve(_label("Answer:"), 2)
    assert roster.resolve(_label("Q:"), 3) == question
    assert roster.resolve(_label("Ann Lee:"), 4) not in (question, answer)
    speakers, _ = roster.speakers({question, answer})
    assert [s.id for s in speakers] == ["q", "answer"]


HARLOWS = """Hearing on River Dredging
PARTICIPANTS:
SEN. JOHN HARLOW (D-NY)
REP. MAY HARLOW (R-TX)
"""


def test_a_bare_surname_two_named_people_share_is_kept_apart() -> None:
    """A bare "HARLOW:" where the text names John and May Harlow joins neither, and warns."""
    lines = list(enumerate(HARLOWS.splitlines(), 1))
    roster = Roster(People.read(lines, "Hearing on River Dredging"))
    john = roster.resolve(_label("SEN. JOHN HARLOW:"), 6)
    bare = roster.resolve(_label("HARLOW:"), 8)
    assert roster.resolve(_label("HARLOW:"), 10) == bare != john
    assert [str(w) for w in roster.warnings] == [
        "line 8: 'HARLOW' could be any of 'JOHN HARLOW', 'MAY HARLOW'; kept as a speaker of its own"
    ]


def test_a_bare_surname_one_named_person_has_is_theirs() -> None:
    """With one Harlow named, "HARLOW:" is John Harlow."""
    lines = list(enumerate(HARLOWS.splitlines()[:3], 1))
    roster = Roster(People.read(lines, "Hearing on River Dredging"))
    john = roster.resolve(_label("SEN. JOHN HARLOW:"), 6)
    assert roster.resolve(_label("HARLOW:"), 8) == john


def test_a_placeholder_label_naming_its_person_in_brackets_is_that_person() -> None:
    """A label "MODERATOR (Jo Wren):" is Jo Wren when the text names her; an outlet is not."""
    lines = [(1, "Town hall"), (2, "Welcome back. With us tonight is Jo Wren.")]
    roster = Roster(People.read(lines, "Town hall"))
    wren = roster.resolve(_label("MODERATOR (Jo Wren):"), 3)
    outlet = roster.resolve(_label("Reporter (Daily Meridian):"), 4)
    speakers, _ = roster.speakers({wren, outlet})
    assert [(s.name, s.role) for s in speakers] == [("Jo Wren", "MODERATOR"), ("Reporter", None)]


def test_an_honorific_or_a_title_before_a_surname_is_one_person_either_way() -> None:
    """Labels "DR. SMITH:" and "SMITH:", "SEN. HILL (R-OH):" and "MR. HILL:" are one each."""
    roster = Roster()
    smith = roster.resolve(_label("DR. SMITH: The water is safe."), 1)
    assert roster.resolve(_label("SMITH: Yes."), 3) == smith
    hill = roster.resolve(_label("SEN. HILL (R-OH): Are you sure?"), 2)
    assert roster.resolve(_label("MR. HILL: Fine."), 4) == hill
    assert roster.resolve(_label("SENATOR HILL: Thanks."), 5) == hill
    assert hill != smith
