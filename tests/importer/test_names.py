from __future__ import annotations

import pytest

from cstocli.importer.names import kinship, name_words, slug


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Alexander Lukashenko", "alexander-lukashenko"),
        ("Jos\u00e9 Mart\u00ednez", "jose-martinez"),
        ("\u00d8rsted Kj\u00e6r", "orsted-kjaer"),
        ("MR. O\u2019BRIEN", "mr-obrien"),
        ("Jean-Claude Juncker", "jean-claude-juncker"),
    ],
)
def test_slug(name: str, expected: str) -> None:
    """Slugs are lower-case ASCII-folded words joined by hyphens."""
    assert slug(name) == expected


def test_name_words_drop_honorifics() -> None:
    """Honorifics do not count when names are compared."""
    assert name_words("Ms. Jane Smith") == ("jane", "smith")
    assert name_words("Mr") == ("mr",)


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        ("MS SMITH", "Ms Smith", "same"),
        ("Mr. O\u2019Brien", "Mr O'Brien", "same"),
        ("Jos\u00e9 Mart\u00ednez", "Jose Martinez", "same"),
        ("Vladimir Putin", "Putin", "part"),
        ("Tayyip Erdo\u011fan", "Recep Tayyip Erdogan", "part"),
        ("Alexander Lukashenko", "Aleksandr Lukashenka", "spelling"),
        ("Yuri Khachaturov", "Iurii Khachaturov", "spelling"),
        ("Nikol Pashinyan", "Nikol Pashinian", "spelling"),
        ("A. Lukashenko", "Alexander Lukashenko", "spelling"),
        ("Ilham Aliyev", "Heydar Aliyev", None),
        ("John Smith", "Jane Smith", None),
        ("Vladimir Putin", "Volodymyr Zelensky", None),
    ],
)
def test_kinship(one: str, other: str, expected: str | None) -> None:
    """Equal, partial and transliterated names are one person; different people are not."""
    assert kinship(one, other) == expected
    assert kinship(other, one) == expected


def test_names_fold_letters_as_search_does() -> None:
    """Slugs and name comparison use the one text fold: Łódź and Lodz are one spelling."""
    assert slug("Ærø Łódź") == "aero-lodz"
    assert kinship("Ørsted Kjær", "Orsted Kjaer") == "same"
