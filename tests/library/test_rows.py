"""An article's stored rows (cstocli.library.rows): the text inflated only as far as needed."""

from __future__ import annotations

import pytest

from cstocli.library import rows

TEXTS = [
    "",
    "plain ASCII " * 400,
    "Łódź, Минск и Ереван — «кавычки» " * 300,
    "emoji 🎉 and CJK 中文 " * 500,
]


@pytest.mark.parametrize("source", TEXTS)
def test_the_start_of_a_text_is_its_prefix(source: str) -> None:
    """However far asked, the start is a prefix of the text at least that long."""
    stored = rows.pack_text(source)
    for length in (0, 1, 7, 1023, 1024, 1025, len(source) // 2, len(source), len(source) + 9):
        start = rows.unpack_text_start(stored, length)
        assert source.startswith(start)
        assert len(start) >= min(length, len(source))
    assert rows.unpack_text_start(stored, len(source)) == source == rows.unpack_text(stored)


def test_the_start_of_an_old_uncompressed_text_is_the_text() -> None:
    """Schema 3 stored the text as text: it comes back whole."""
    assert rows.unpack_text_start("stored as text", 3) == "stored as text"
