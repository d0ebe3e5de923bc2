"""The cast of a news story: who a surname, a pronoun or a role means."""

from __future__ import annotations

import pytest

from cstocli.importer.cast import Cast
from cstocli.importer.mentions import Mention


def _cast() -> tuple[Cast, list[tuple[int, str]]]:
    warnings: list[tuple[int, str]] = []
    return Cast(lambda offset, message: warnings.append((offset, message))), warnings


def test_a_surname_is_the_full_name_met_before() -> None:
    """A surname ("Lindqvist") after the full name ("Maria Lindqvist") is her, role and all."""
    cast, warnings = _cast()
    maria = cast.meet(Mention(0, 15, "Maria Lindqvist", "port director", None))
    assert cast.meet(Mention(40, 49, "Lindqvist", None, None)) is maria
    assert maria is not None
    assert maria.role == "port director"
    assert warnings == []


def test_an_unknown_surname_is_no_one() -> None:
    """A one-word name never met in full is nobody the cast invents."""
    cast, _ = _cast()
    assert cast.meet(Mention(0, 9, "Operators", None, None)) is None


def test_a_pronoun_takes_the_most_recent_person_of_its_sex() -> None:
    """A pronoun skips a person of the other sex; two who could be meant warn."""
    cast, warnings = _cast()
    petra = cast.meet(Mention(0, 5, "Petra Vash", None, "f"))
    tomas = cast.meet(Mention(10, 15, "Tomas Rydell", None, "m"))
    assert cast.pronoun("she", 20) is petra
    assert cast.pronoun("he", 30) is tomas
    assert warnings == []
    cast.meet(Mention(40, 45, "Alex Morgan", None, None))
    assert cast.pronoun("he", 50) is not tomas
    assert warnings == [(50, "'he' could be 'Tomas Rydell'; read as 'Alex Morgan'")]


def test_a_role_names_its_one_holder() -> None:
    """A role ("the captain") is its one holder; two holders make it no one."""
    cast, _ = _cast()
    jonas = cast.meet(Mention(0, 5, "Jonas Brandt", "captain", None))
    assert cast.described("captain", 10) is jonas
    cast.meet(Mention(20, 25, "Ada Berg", "team captain", None))
    assert cast.described("captain", 30) is None


def test_an_honorific_surname_is_none_of_those_the_text_says_are_the_other_sex() -> None:
    """An honorific surname ("Mr. Halvorsen") is no Halvorsen the text says is a woman."""
    cast, _ = _cast()
    lars = cast.meet(Mention(0, 14, "Lars Halvorsen", None, None))
    ingrid = cast.meet(Mention(20, 36, "Ingrid Halvorsen", None, "f"))
    assert cast.meet(Mention(60, 73, "Halvorsen", None, "m")) is lars
    assert cast.meet(Mention(80, 93, "Halvorsen", None, "f")) is ingrid


def test_a_shared_given_name_is_a_surname_when_one_is_known() -> None:
    """In "Castellano and Anna Berg" a Castellano met before is that person, no new one."""
    cast, _ = _cast()
    rosa = cast.meet(Mention(0, 16, "Rosa Castellano", None, None))
    shared = Mention(30, 40, "Castellano Berg", None, None, shared=True)
    assert cast.meet(shared) is rosa
    lars = cast.meet(Mention(50, 54, "Lars Berg", None, None, shared=True))
    assert lars is not None
    assert lars.name == "Lars Berg"


def test_a_lone_word_is_the_one_full_name_it_opens_when_no_surname_fits() -> None:
    """A name written surname first ("Li Wen-Hsu") is referred to by its first word ("Li")."""
    cast, _ = _cast()
    li = cast.meet(Mention(0, 10, "Li Wen-Hsu", None, None))
    assert cast.meet(Mention(30, 32, "Li", None, None)) is li
    cast.meet(Mention(40, 50, "Li Na-Young", None, None))
    assert cast.meet(Mention(60, 62, "Li", None, None)) is None


def test_a_person_named_by_one_word_alone_is_met_as_a_full_name() -> None:
    """A first-name-only source ("Maria") is a person, found again by that word."""
    cast, _ = _cast()
    maria = cast.meet(Mention(0, 5, "Maria", "nurse", "f", alone=True))
    assert maria is not None
    assert maria.role == "nurse"
    assert cast.meet(Mention(40, 45, "Maria", None, None)) is maria


def test_a_pronoun_guessed_between_two_people_does_not_decide_a_sex() -> None:
    """'she' guessed as one of two people of unknown sex: 'he' then means the other one."""
    cast, warnings = _cast()
    olsen = cast.meet(Mention(0, 11, "Karen Olsen", "Mayor", None))
    lund = cast.meet(Mention(20, 30, "Peter Lund", "Governor", None))
    assert cast.pronoun("she", 40) is lund
    assert lund is not None
    assert lund.sex is None
    assert cast.pronoun("he", 60) is olsen  # the guess, not a fact: each pronoun warns
    assert len(warnings) == 2


@pytest.mark.parametrize(("answer", "meant"), [(False, "Karen Olsen"), (True, "Tom Berg")])
def test_a_pronoun_of_unknown_sex_means_the_subject_of_the_sentence_before(
    answer: bool, meant: str
) -> None:
    """'Olsen met Berg. "...," she said.': the subject; 'she replied': the one met."""
    cast, warnings = _cast()
    cast.subject = cast.meet(Mention(0, 11, "Karen Olsen", "Mayor", None))
    cast.meet(Mention(20, 28, "Tom Berg", None, None))
    chosen = cast.pronoun("she", 40, answer=answer)
    assert chosen is not None
    assert chosen.name == meant
    assert len(warnings) == 1


def test_a_surname_means_only_those_met_before_it_in_the_reading() -> None:
    """'Malec' before Ewa Malec is first named is Henryk, without a warning."""
    cast, warnings = _cast()
    henryk = cast.meet(Mention(0, 12, "Henryk Malec", None, None), quiet=True)
    cast.meet(Mention(100, 109, "Ewa Malec", None, None), quiet=True)
    cast.forget_order()
    cast.meet(Mention(0, 12, "Henryk Malec", None, None))
    assert cast.meet(Mention(40, 45, "Malec", None, None)) is henryk
    assert warnings == []
