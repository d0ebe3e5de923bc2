"""A Q&A without labels: bold questions, plain answers (cstocli.importer.interviews)."""

from __future__ import annotations

from cstocli.importer.article import import_article

_QA = (
    "The Keeper Who Became a Composer\n\n"
    "By Tom Ocampo-Reyes\n\n"
    "Ingrid Solveig-Mensah kept the light for 11 years. She spoke to me from Bergen.\n\n"
    "**How did a keeper end up writing a symphony?**\n\n"
    "Slowly. I had a lot of evenings.\n\n"
    "The notes turned into melodies.\n\n"
    "__Were you ever lonely?__\n\n"
    "Less than people think.\n\n"
    "*The symphony premieres on May 9.*\n"
)


def _said(text: str) -> list[tuple[str, str]]:
    """(speaker or "-", the piece's text) of each paragraph the import makes."""
    dataset = import_article(text, file_name="qa.txt", refusals=False).dataset
    names = {s.id: s.name for s in dataset.speakers}
    return [
        (names.get(p.speaker_id or "", "-"), piece.text)
        for p in dataset.passages
        for piece in p.paragraphs
    ]


def test_bold_questions_are_the_writers_and_plain_answers_the_interviewees() -> None:
    """The byline's writer asks in bold, the person the intro names answers in plain text."""
    said = _said(_QA)
    assert said[-6:] == [
        ("Tom Ocampo-Reyes", "How did a keeper end up writing a symphony?"),
        ("Ingrid Solveig-Mensah", "Slowly. I had a lot of evenings."),
        ("Ingrid Solveig-Mensah", "The notes turned into melodies."),
        ("Tom Ocampo-Reyes", "Were you ever lonely?"),
        ("Ingrid Solveig-Mensah", "Less than people think."),
        ("-", "*The symphony premieres on May 9.*"),
    ]
    assert (
        "-",
        "Ingrid Solveig-Mensah kept the light for 11 years. She spoke to me from Bergen.",
    ) in said


def test_a_question_keeps_its_words_exactly_without_the_marks() -> None:
    """A question's quote is the source's words between the bold marks, at their offsets."""
    dataset = import_article(_QA, file_name="qa.txt").dataset
    for passage in dataset.passages:
        for piece in passage.paragraphs:
            assert _QA[piece.span[0] : piece.span[1]] == piece.text
            assert "*" not in piece.text or passage.speaker_id is None


def test_bold_headings_without_answers_or_a_writer_make_no_interview() -> None:
    """Bold lines that do not ask, or a Q&A with no byline, are not read as one."""
    headings = _QA.replace("?**", "**").replace("?__", "__")
    assert {who for who, _ in _said(headings)} <= {"-", "Ingrid Solveig-Mensah"}
    unsigned = _QA.replace("By Tom Ocampo-Reyes\n\n", "")
    assert "Tom Ocampo-Reyes" not in {who for who, _ in _said(unsigned)}
