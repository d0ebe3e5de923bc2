from __future__ import annotations

from pathlib import Path

from tests.conftest import NEWS_INTERRUPTED

from cstocli.importer.article import import_article, read_article
from cstocli.importer.review import outside_blocks, review

ARTICLE = Path(__file__).parents[2] / "data" / "csto-minsk-2017.txt"


def test_review_of_the_bundled_article() -> None:
    """Each block shows its kind, speaker, label, first words and lines."""
    result = import_article(read_article(ARTICLE), file_name=ARTICLE.name)
    rows = review(result.dataset, result.warnings)
    summary = [(r.passage_id, r.speaker, r.first_line, r.last_line, r.paragraphs) for r in rows]
    assert summary == [
        ("n1", None, 6, 6, 1),
        ("n2", None, 8, 8, 1),
        ("q1", "Alexander Lukashenko", 10, 11, 1),
        ("n3", None, 13, 13, 1),
        ("q2", "Alexander Lukashenko", 15, 20, 3),
        ("q3", "Vladimir Makei", 22, 25, 2),
        ("q4", "Nursultan Nazarbayev", 27, 28, 1),
        ("q5", "Yuri Khachaturov", 30, 37, 4),
    ]
    assert rows[2].label == "Alexander Lukashenko, President of Belarus:"
    assert rows[2].first_words == "I am convinced that the current session will ..."
    assert rows[0].kind == "narration"


def test_review_attaches_warnings_to_their_blocks() -> None:
    """A warning shows on the block whose lines it concerns, and only there."""
    result = import_article(read_article(ARTICLE), file_name=ARTICLE.name)
    rows = {r.passage_id: r for r in review(result.dataset, result.warnings)}
    assert len(rows["n3"].warnings) == 1
    assert "narration" in rows["n3"].warnings[0]
    assert len(rows["q5"].warnings) == 1
    assert rows["q1"].warnings == ()


def test_review_of_short_passage_has_no_ellipsis() -> None:
    """First words are shown whole when the passage is short."""
    result = import_article("T\n\nAnn Lee: Hello there.\n", file_name="a.txt")
    (row,) = review(result.dataset)
    assert row.first_words == "Hello there."
    assert (row.first_line, row.last_line) == (3, 3)


def test_every_warning_is_shown_once_by_rows_and_outside_blocks() -> None:
    """Rows hold the warnings on their lines, line given; ``outside_blocks`` the others."""
    text = "T\n\nShare:\n\nAnn Lee:\nI spoke.\n\nRain fell.\n\nAnn Lee:\nAgain.\n\nFont size:\n"
    result = import_article(text, file_name="a.txt")
    rows = review(result.dataset, result.warnings)
    outside = outside_blocks(rows, result.warnings)
    assert [w.line for w in outside] == [3, 13]
    shown = [m for row in rows for m in row.warnings] + [str(w) for w in outside]
    assert sorted(shown) == sorted(str(w) for w in result.warnings)
    assert rows[1].warnings == (
        "line 8: unlabelled paragraph read as narration: the next label names Ann Lee again"
        " (correct it if wrong)",
    )


def test_a_warning_on_a_line_of_several_passages_is_shown_once() -> None:
    """A news paragraph cut into narration and a quote shows its warning under one row."""
    text = (
        "Bridge opens\n\nAlex Morgan-Hale and Sam Okoro-Baptiste met the press.\n\n"
        'Morgan-Hale and Okoro-Baptiste spoke. "We are done," she said.\n'
    )
    result = import_article(text, file_name="story.txt")
    rows = review(result.dataset, result.warnings)
    assert [r.first_line for r in rows] == [3, 5, 5, 5]
    shown = [w for r in rows for w in r.warnings]
    assert shown == ["line 5: 'she' could be 'Alex Morgan-Hale'; read as 'Sam Okoro-Baptiste'"]


def test_a_row_quotes_the_speaker_s_words_on_the_editor_s_lines() -> None:
    """A CR-only news story: q1's text leaves out 'said X', its lines are the editor's."""
    text = NEWS_INTERRUPTED.read_text(encoding="utf-8").replace("\n", "\r")
    rows = review(import_article(text, file_name="news.txt").dataset)
    quote = next(row for row in rows if row.passage_id == "q1")
    assert quote.text == (
        "We are not going back until the contract is signed \u2026 Our families cannot live"
        " on promises."
    )
    assert (quote.first_line, quote.last_line) == (7, 7)
