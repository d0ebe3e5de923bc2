from __future__ import annotations

import pytest

from cstocli.importer.labels import affiliation_of, is_furniture, read_label

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
        ("Sen. John Smith (R-Ohio): I object.", "John Smith", "Sen. (R-Ohio)", True),
        ("Senator John Smith (R-Ohio):", "John Smith", "Senator (R-Ohio)", False),
        ("Prime Minister Anna Berg, Sweden:", "Anna Berg", "Prime Minister, Sweden", False),
        ("President Emmanuel Macron:", "Emmanuel Macron", "President", False),
        ("Dr. Anna Brown, WHO:", "Anna Brown", "WHO", False),
        ("Mr John Smith:", "John Smith", None, False),
        ("MR. JOHN JONES: Yes.", "JOHN JONES", None, True),
        ("Dr Brown:", "Dr Brown", None, False),
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
