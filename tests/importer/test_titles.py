"""Titles in speaker labels (cstocli.importer.titles)."""

from __future__ import annotations

import pytest

from cstocli.importer.titles import is_title_word, spelt_out, with_title


@pytest.mark.parametrize(
    ("word", "title"),
    [
        ("Minister", True),
        ("PRESIDENT", True),
        ("Sen.", True),
        ("SEC.-GEN.", True),
        ("Smith", False),
        ("Sen", False),
        ("x" * 100_000, False),
    ],
)
def test_a_title_is_a_title_word_or_abbreviations(word: str, title: bool) -> None:
    """Title words and dotted abbreviations are titles; names and bare stems are not."""
    assert is_title_word(word) is title


def test_abbreviated_titles_are_spelt_out_in_the_labels_case() -> None:
    """Dotted abbreviations are spelt out ("SEC.-GEN.": SECRETARY-GENERAL); others stay."""
    assert spelt_out("SEC.-GEN.") == "SECRETARY-GENERAL"
    assert spelt_out("Sen.") == "Senator"
    assert spelt_out("Chief Justice") == "Chief Justice"


def test_a_labels_title_and_role_make_one_role() -> None:
    """A bracketed district follows the title; a spelt-out role after a dotted title wins."""
    assert with_title("Sen.", "R-Ohio", bracketed=True) == "Senator (R-Ohio)"
    assert with_title("Minister", "Foreign Affairs", bracketed=False) == "Minister, Foreign Affairs"
    assert with_title("PRES.", "PRESIDENT OF X", bracketed=False) == "PRESIDENT OF X"
    assert with_title("Chairman", None, bracketed=False) == "Chairman"
