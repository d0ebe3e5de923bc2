from __future__ import annotations

import pytest

from cstocli.importer.article import import_article
from cstocli.importer.introductions import role_phrase


def _roles(text: str) -> dict[str, str | None]:
    """Each speaker's name and role after importing ``text``."""
    return {s.name: s.role for s in import_article(text, file_name="a.txt").dataset.speakers}


def _warnings(text: str) -> list[str]:
    """The warnings of an import, as ``line N: message``."""
    return [str(w) for w in import_article(text, file_name="a.txt").warnings]


@pytest.mark.parametrize(
    ("words", "role"),
    [
        ("former operations manager now, obviously", "former operations manager"),
        ("Chief Executive Officer", "Chief Executive Officer"),
        ("chief financial officer of Calloway Foods, and",
         "chief financial officer of Calloway Foods"),
        ("Head of Investor Relations. Please go ahead", "Head of Investor Relations."),
        ("President and CEO", "President and CEO"),
        ("member of the public", None),
        ("minister's brother", None),
        ("one who signed it", None),
        ("big believer in markets", None),
        ("manager, who I am not", "manager"),
    ],
)  # fmt: skip
def test_role_phrase_ends_at_its_office_word(words: str, role: str | None) -> None:
    """A role runs to its last office word (and a capitalised body), within one clause."""
    assert role_phrase(words) == (role.rstrip(".") if role else None)


CALL = """Orchard Mills Q2 Earnings Call

Operator: Welcome. Now over to Priya Ramanathan, Chief Financial Officer. Please go ahead.

Priya Ramanathan: Thank you. Revenue grew 4 percent.

Dev Okoro: Thanks, Priya. As Chief Executive Officer, I am pleased with the quarter.

Operator: Our first question comes from the line of Lena Vogt with Brandt Securities.

Lena Vogt: Thanks. How much came from price?

Priya Ramanathan: About half of it.
"""


def test_hand_overs_and_self_introductions_give_roles_with_warnings() -> None:
    """An operator's hand-over, a question "from NAME with FIRM" and "As ROLE, I" give roles."""
    roles = _roles(CALL)
    assert roles["Priya Ramanathan"] == "Chief Financial Officer"
    assert roles["Dev Okoro"] == "Chief Executive Officer"
    assert roles["Lena Vogt"] == "Brandt Securities"
    assert roles["Operator"] is None
    warned = _warnings(CALL)
    assert any(
        w.startswith("line 7:") and "'Dev Okoro' given the role 'Chief Executive Officer'" in w
        for w in warned
    )
    assert any(w.startswith("line 9:") and "'Lena Vogt'" in w for w in warned)


@pytest.mark.parametrize(
    ("speech", "role"),
    [
        ("I'm Jane Doe, chief financial officer of Calloway Foods. Thanks.",
         "chief financial officer of Calloway Foods"),
        ("Hi, this is Jane Doe with Harrier Capital. A question on pricing.", "Harrier Capital"),
        ("Yes. I'm the deputy port director here, since 2019.", "deputy port director"),
        ("As Chief Executive Officer I'm proud of the team.", "Chief Executive Officer"),
        ("Good morning. As the Minister for Transport, my job is to listen.",
         "Minister for Transport"),
    ],
)  # fmt: skip
def test_a_speaker_introducing_themselves_gets_that_role(speech: str, role: str) -> None:
    """Turn one's "I'm NAME, ROLE", "this is NAME with FIRM", "I'm the ROLE", "As ROLE, I"."""
    text = f"Panel\n\nBo Chan: Welcome, Jane.\n\nJane Doe: {speech}\n\nBo Chan: Thank you.\n"
    assert _roles(text)["Jane Doe"] == role


@pytest.mark.parametrize(
    "speech",
    [
        "As I said, the plan is sound.",
        "I am not the minister, but I know the plan.",
        "As the minister said, we will wait.",
        "As the minister said yesterday, I think we wait.",
        "I'm Ann Roe's deputy, and I was there.",
        "I'm Ann Roe, no, sorry, the director is Ann Roe.",
        "I'm a member of the public and I pay my rates.",
        "I'm a big believer in ports.",
        "This is Ann Roe with Harbour Bank asking, not me.",
    ],
)
def test_no_role_from_words_that_do_not_state_the_speakers_own(speech: str) -> None:
    """Negative cases: no office word, a negation, someone else's role or name: no role."""
    text = f"Panel\n\nBo Chan: Welcome, Jane.\n\nJane Doe: {speech}\n\nBo Chan: Thank you.\n"
    assert _roles(text)["Jane Doe"] is None
    assert not any("given the role" in w for w in _warnings(text))


def test_an_introduction_late_in_the_transcript_is_not_read() -> None:
    """Only a speaker's first turns introduce them: a third turn's "I'm the ..." is not."""
    turns = "\n\n".join(f"Bo Chan: Question {n}?\n\nJane Doe: Answer {n}." for n in range(1, 3))
    text = f"Panel\n\n{turns}\n\nBo Chan: And?\n\nJane Doe: I'm the director, of course.\n"
    assert _roles(text)["Jane Doe"] is None


def test_a_role_the_label_gives_is_kept() -> None:
    """A speaker with a role already keeps it; their own words never replace it."""
    text = "Panel\n\nJane Doe, Mayor: As Chief Executive Officer of nothing, I laugh.\n"
    assert _roles(text)["Jane Doe"] == "Mayor"


def test_a_hand_over_to_someone_else_gives_nothing() -> None:
    """A hand-over to a name that is none of the speakers' (a shared surname aside) gives none."""
    text = (
        "Call\n\nOperator: Over to Ann Lee, Chief Financial Officer.\n\n"
        "Bo Lee: Thanks.\n\nCy Lee: Thanks too.\n"
    )
    roles = _roles(text)
    assert roles["Bo Lee"] is None
    assert roles["Cy Lee"] is None


def test_occupation_endings_and_place_after_the_body() -> None:
    """An "-ologist" is an occupation; "at BODY in PLACE" stays with the role."""
    assert role_phrase("glaciologist at the Ice Institute in Tromsø.") == (
        "glaciologist at the Ice Institute in Tromsø"
    )
    assert role_phrase("manager in charge of it") is None


def test_a_hand_over_wrapped_over_two_lines_gives_the_whole_role() -> None:
    """A hard wrap inside "Chief / Financial Officer" gives the whole role, never "Chief"."""
    text = (
        "Orchard Mills Q2 Earnings Call\n\n"
        "Operator: Welcome. I would now like to turn the call over to Priya Ramanathan, Chief\n"
        "Financial Officer. Please go ahead.\n\n"
        "Priya Ramanathan: Thank you. Revenue grew 4 percent.\n"
    )
    assert _roles(text)["Priya Ramanathan"] == "Chief Financial Officer"


def test_a_possessive_role_keeps_its_article_and_an_adverb_may_stand_before_to() -> None:
    """A hand-over "over first to Dr. NAME, the county's health officer" gives that role."""
    text = (
        "Town Hall\n\nJo Wren: Welcome. Let me hand it over first to Dr. Rosa Imbert, the "
        "county's health officer.\n\nRosa Imbert: Thank you.\n"
    )
    assert _roles(text)["Rosa Imbert"] == "the county's health officer"
    assert role_phrase("the port director") == "port director"


def test_a_speaker_addressed_by_title_and_surname_gets_that_title() -> None:
    """Addressed as "Chairman Latham" or "Ranking Member Roe", a speaker takes that title."""
    text = (
        "Hearing on broadband\n\n"
        "Mr. LATHAM. The subcommittee will come to order.\n\n"
        "Ms. ROE. Thank you, Mr. Chairman.\n\n"
        "Ms. ORTIZ. Thank you, Chairman Latham, Ranking Member Roe. I will be brief.\n\n"
        "Mr. LATHAM. Thank you, Ms. Ortiz.\n"
    )
    roles = _roles(text)
    assert roles["Mr. LATHAM"] == "Chairman"
    assert roles["Ms. ROE"] == "Ranking Member"
    assert roles["Ms. ORTIZ"] is None


def test_joined_by_the_role_then_the_name_gives_the_role() -> None:
    """A speech "joined by the Chief Engineer of X, Dr Ann Lee," gives Ann Lee that role."""
    text = (
        "Press conference on flooding\n\n"
        "Prime Minister Ingrid Nyland:\n\n"
        "I am joined by the Chief Engineer of the Environment Agency, Dr Tobias Rennick,"
        " who will say more.\n\n"
        "Dr Tobias Rennick:\n\nThank you, Prime Minister.\n"
    )
    assert _roles(text)["Tobias Rennick"] == "Chief Engineer of the Environment Agency"
