"""Article ids are slugs (cstocli.ids)."""

from __future__ import annotations

import pytest

from cstocli.ids import MAX_LENGTH, article_slug, id_problem, is_article_id


@pytest.mark.parametrize("good", ["csto-minsk-2017", "a", "Интервью-2", "q1"])
def test_slugs_are_ids(good: str) -> None:
    """Letters and digits of any script joined by single hyphens are ids."""
    assert is_article_id(good)


@pytest.mark.parametrize(
    "bad",
    ["../../pwned", "/abs/path", "a/b", "a\nb", "a b", "", "-a", "a-", "a--b", ".", "a.json",
     "a\x1b]0;x\x07", "x" * (MAX_LENGTH + 1)],
)  # fmt: skip
def test_anything_else_is_not(bad: str) -> None:
    """Paths, dots, spaces, controls, edge hyphens and over-long names are refused."""
    assert not is_article_id(bad)


def test_problem_shows_the_id_escaped() -> None:
    """The message shows a hostile id with its control characters escaped."""
    assert id_problem("../a\x1b") == (
        "an article id is letters and digits in words joined by hyphens"
        " (like 'csto-minsk-2017'), not '../a\\x1b'"
    )


@pytest.mark.parametrize(
    ("raw", "slug"),
    [("../../pwned", "pwned"), ("/abs/path", "abs-path"), ("A\nB", "a-b"), ("..", "article")],
)
def test_article_slug_makes_an_id(raw: str, slug: str) -> None:
    """Any stored id can be turned into a valid one."""
    assert article_slug(raw) == slug
    assert is_article_id(article_slug(raw))
