from __future__ import annotations

from cstocli.importer.appearances import read_appearances
from cstocli.importer.article import import_article


def _lines(text: str) -> list[tuple[int, str]]:
    """The non-blank lines of ``text``, numbered as the importer numbers them."""
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def test_sentence_entries_wrapped_over_lines() -> None:
    """Entries like "NAME, ESQ., City; on behalf of the Petitioner." give the side as written."""
    text = (
        "APPEARANCES:\n"
        "ANNA K. BRIGHTWATER, ESQ., Denver, Colorado; on behalf\n"
        "of the Petitioner.\n"
        "OMAR FELDSPAR, Assistant to the Solicitor General, Department\n"
        "of Justice, Washington, D.C.; for the United States, as amicus\n"
        "curiae, supporting the Respondent.\n"
        "C O N T E N T S\n"
        "JUSTICE ROE, on behalf of nobody.\n"
    )
    assert read_appearances(_lines(text)) == [
        ("ANNA K. BRIGHTWATER", "on behalf of the Petitioner", 2),
        ("OMAR FELDSPAR", "for the United States, as amicus curiae, supporting the Respondent", 4),
    ]


def test_a_heading_per_side_with_names_under_it() -> None:
    """A heading "ON BEHALF OF THE RESPONDENT:", then "NAME, ESQ." and address lines."""
    text = (
        "Appearances:\n"
        "ON BEHALF OF THE APPELLANT:\n"
        "  CORA VANTERPOOL, ESQ.\n"
        "  Vanterpool Quill LLP\n"
        "  12 Quay Street\n"
        "ON BEHALF OF THE RESPONDENT:\n"
        "  BENEDICT ARROWSMITH, ESQ.\n"
        "  HOLLIS MARCHETTI, ESQ.\n"
        "  Harbour Legal Partners\n"
    )
    assert read_appearances(_lines(text)) == [
        ("CORA VANTERPOOL", "ON BEHALF OF THE APPELLANT", 3),
        ("BENEDICT ARROWSMITH", "ON BEHALF OF THE RESPONDENT", 7),
        ("HOLLIS MARCHETTI", "ON BEHALF OF THE RESPONDENT", 8),
    ]


def test_no_heading_no_appearances() -> None:
    """Without an appearances heading, "NAME, ESQ., on behalf of ..." in prose gives nothing."""
    text = "Hearing\nANN LEE, ESQ., spoke on behalf of the Petitioner.\nAppearances matter.\n"
    assert read_appearances(_lines(text)) == []


ARGUMENT = """Quarry Hauliers v. Penhallow
APPEARANCES:
IRIS TEMPLEMORE, ESQ., Boston, Massachusetts; on behalf of the Respondent.
P R O C E E D I N G S
CHIEF JUSTICE ABARA: We'll hear argument next. Ms. Templemore.
MS. TEMPLEMORE: Thank you. The contract says 40 days.
ABARA: Thank you, counsel.
"""


def test_a_caps_label_takes_counsels_side_as_role() -> None:
    """The label "MS. TEMPLEMORE:" is Iris Templemore, with the side her entry gives."""
    speakers = import_article(ARGUMENT, file_name="a.txt").dataset.speakers
    roles = {s.name.casefold(): s.role for s in speakers}
    assert roles["iris templemore"] == "on behalf of the Respondent"
    assert roles["abara"] == "CHIEF JUSTICE"


def test_a_sides_line_with_counsels_office_gives_the_office() -> None:
    """A side's line "NAME, Assistant State's Attorney" gives the office; a city gives nothing."""
    text = (
        "APPEARANCES:\n"
        "For the State:      DANIEL HALVERSEN, Assistant State's Attorney\n"
        "For the Defendant:  IRENA PRZYBYLSKI, Assistant Public Defender\n"
        "For the Intervenor: OTTO LANGE, Springfield\n"
    )
    assert read_appearances(_lines(text)) == [
        ("DANIEL HALVERSEN", "Assistant State's Attorney", 2),
        ("IRENA PRZYBYLSKI", "Assistant Public Defender", 3),
    ]


def test_an_english_courts_counsel_appeared_on_behalf_of_a_side() -> None:
    """Each "NAME KC (instructed by X) appeared on behalf of the Claimant." gives the side."""
    lines = _lines(
        "Before:\nTHE HONOURABLE MR JUSTICE PENHALIGON\n"
        "MR DAVID ABERNETHY KC (instructed by Fenwick LLP) appeared on behalf of the Claimant.\n"
        "MS RUTH OYELARAN (instructed by Tallis & Co) appeared on behalf of the Defendant.\n"
    )
    assert read_appearances(lines) == [
        ("DAVID ABERNETHY", "on behalf of the Claimant", 3),
        ("RUTH OYELARAN", "on behalf of the Defendant", 4),
    ]
