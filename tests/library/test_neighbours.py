"""The vocabulary's words within one or two typos, looked up against a full scan."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator

import pytest

from cstocli.library import neighbours
from cstocli.search.typos import typo_distance

LETTERS = "abcdeéłq\U0010ffff"
"""Few letters, so that random words often lie within two typos of each other; an
accented one, one outside ASCII's range, and the last code point (a range without end)."""


def vocabulary_table(words: set[str]) -> sqlite3.Connection:
    """An in-memory ``vocabulary`` table as the library's schema makes it, holding ``words``."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        "CREATE TABLE vocabulary (term TEXT PRIMARY KEY, length INTEGER NOT NULL,"
        " sentences INTEGER NOT NULL) WITHOUT ROWID;"
        "CREATE INDEX vocabulary_by_length ON vocabulary(length, term);"
    )
    conn.executemany("INSERT INTO vocabulary VALUES (?, ?, 1)", [(w, len(w)) for w in words])
    return conn


@pytest.fixture
def seeded() -> Iterator[tuple[random.Random, set[str], sqlite3.Connection]]:
    """A seeded vocabulary of 1,500 words of 3-12 letters and its table."""
    rnd = random.Random(11)
    words = {"".join(rnd.choices(LETTERS, k=rnd.randint(3, 12))) for _ in range(1500)}
    conn = vocabulary_table(words)
    yield rnd, words, conn
    conn.close()


def typoed(rnd: random.Random, word: str, edits: int) -> str:
    """``word`` with ``edits`` random typos (a letter changed, dropped, added or swapped)."""
    letters = list(word)
    for _ in range(edits):
        at = rnd.randrange(len(letters))
        edit = rnd.randrange(4)
        if edit == 0:
            letters[at] = rnd.choice(LETTERS)
        elif edit == 1 and len(letters) > 1:
            del letters[at]
        elif edit == 2:
            letters.insert(at, rnd.choice(LETTERS))
        elif at + 1 < len(letters):
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
    return "".join(letters)


def test_two_typos_holds_every_word_the_scan_finds(
    seeded: tuple[random.Random, set[str], sqlite3.Connection],
) -> None:
    """Words typo'd up to three times find every word within two typos, each once, few others."""
    rnd, words, conn = seeded
    ordered = sorted(words)
    looked_up = 0
    for _ in range(300):
        word = typoed(rnd, rnd.choice(ordered), rnd.randint(0, 3))
        found = neighbours.two_typos(conn, word)
        if len(word) < 5:
            assert found is None, word  # too short to cut: the caller scans
            continue
        if found is None:  # U+10FFFF only after the first letter: no range ends after it
            assert set(word[1 : (len(word) - 1) // 2]) == {"\U0010ffff"}, word
            continue
        looked_up += 1
        wanted = {w for w in words if typo_distance(word, w, 2) <= 2}
        assert wanted <= set(found), word
        assert len(found) == len(set(found)), word
        assert len(found) < len(words) // 4, word
    assert looked_up > 150


def test_one_typo_is_exactly_the_words_one_typo_away(
    seeded: tuple[random.Random, set[str], sqlite3.Connection],
) -> None:
    """The one-typo lookup returns the words one typo away and nothing else, each once."""
    rnd, words, conn = seeded
    ordered = sorted(words)
    for _ in range(300):
        word = typoed(rnd, rnd.choice(ordered), rnd.randint(0, 2))
        found = neighbours.one_typo(conn, word)
        assert len(found) == len(set(found)), word
        assert set(found) == {w for w in words if typo_distance(word, w, 1) <= 1}, word


def test_key_range_keeps_the_words_with_a_prefix(
    seeded: tuple[random.Random, set[str], sqlite3.Connection],
) -> None:
    """A key range holds the words that start with the prefix, the last code point included."""
    _, words, conn = seeded
    for prefix in ("a", "eł", "\U0010ffff", "q\U0010ffff", ""):
        below, args = neighbours.key_range(prefix)
        rows = conn.execute("SELECT term FROM vocabulary WHERE true" + below, args)
        assert {row[0] for row in rows} == {w for w in words if w.startswith(prefix)}, prefix
