from __future__ import annotations

from cstocli.importer.article import import_article
from cstocli.importer.court import (
    Witness,
    is_court_label,
    is_witness_label,
    on_the_bench,
    read_witnesses,
    witness_at,
)

_TRIAL = """\
STATE v. OLAF BRENN
BEFORE THE HONORABLE RUTH ANSELM-GRAY, DISTRICT JUDGE

THE COURT: Call your first witness.

MS. TALLIS: The State calls Pia Norquist.

PIA NORQUIST,
called as a witness, having been first duly sworn, testified as follows:

Q. Where do you live?

A. On Mill Lane.

THE COURT: Next witness.

MR HUGO VANTERPOOL (sworn)

Q. And you?

A. Over the shop.

THE WITNESS: Since 2019.
"""


def test_witnesses_are_read_where_they_are_sworn() -> None:
    """A caps name before "called as a witness" or "(sworn)" is a witness, title-cased."""
    assert read_witnesses(_TRIAL) == [
        Witness("Pia Norquist", 8),
        Witness("Hugo Vanterpool", 17),
    ]


def test_an_oath_in_capitals_or_odd_letters_is_read() -> None:
    """The oath is case-insensitive, the long s and dotless i as re reads them included."""
    assert read_witnesses("HUGO VANTERPOOL (SWORN)\n") == [Witness("Hugo Vanterpool", 1)]
    assert read_witnesses("Hugo Vanterpool (\u017fworn)\n") == [Witness("Hugo Vanterpool", 1)]
    assert read_witnesses("Hugo Vanterpool (aff\u0131rmed)\n") == [Witness("Hugo Vanterpool", 1)]


def test_prose_about_an_oath_names_no_witness() -> None:
    """A sentence that mentions swearing without a name before it gives no witness."""
    text = "The witness was duly sworn.\nThe Court then called as a witness nobody.\n"
    assert read_witnesses(text) == []


def test_the_answer_side_is_the_witness_sworn_last() -> None:
    """Before the first swearing-in there is no witness; after it, the latest one."""
    witnesses = [Witness("Pia Norquist", 8), Witness("Hugo Vanterpool", 15)]
    assert witness_at(witnesses, 3) is None
    assert witness_at(witnesses, 12) == witnesses[0]
    assert witness_at(witnesses, 19) == witnesses[1]


def test_court_and_witness_labels() -> None:
    """Labels "THE COURT" and "THE WITNESS" are read as such, any case; other labels are not."""
    assert is_court_label("THE COURT")
    assert is_court_label("The Court")
    assert is_witness_label("THE WITNESS")
    assert is_witness_label("Witness")
    assert not is_court_label("THE CLERK")
    assert not is_witness_label("THE WITNESSES")


def test_the_bench_is_the_one_person_with_a_judges_role() -> None:
    """The judge is the one person whose role is a judge's; two judges are no answer."""
    roles = [("Ann Lee", "Circuit Judge"), ("Bo Lee", "Assistant State's Attorney")]
    assert on_the_bench(roles) == ("Ann Lee", "Circuit Judge")
    assert on_the_bench([*roles, ("Cy Moe", "Justice of the Peace")]) is None
    assert on_the_bench([("Bo Lee", "Counsel"), ("Di Roe", None)]) is None


def test_a_trial_transcript_puts_each_answer_under_its_witness() -> None:
    """Through the importer: the court, each witness's answers and THE WITNESS land right."""
    dataset = import_article(_TRIAL, file_name="trial.txt").dataset
    names = {s.id: s.name for s in dataset.speakers}
    said = {
        paragraph.text: names[passage.speaker_id]
        for passage in dataset.passages
        if passage.kind == "quote" and passage.speaker_id is not None
        for paragraph in passage.paragraphs
    }
    assert said["Call your first witness."] == "RUTH ANSELM-GRAY"
    assert said["On Mill Lane."] == "Pia Norquist"
    assert said["Over the shop."] == "HUGO VANTERPOOL"
    assert said["Since 2019."] == "HUGO VANTERPOOL"
    assert said["Where do you live?"] == "Q"
