"""The library's search index: postings, terms and the one-typo lookup (cstocli.library.index)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cstocli.library import Library, index, neighbours, open_library
from cstocli.model import Dataset
from cstocli.search import typos
from cstocli.search.memory import build_index


def test_ids_without_sqlite_json_are_the_same(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Postings, a speaker's sentences and said_with read the same row by row."""
    fast = lib.index()
    speaker = next(iter(fast.speaker_words()["lukashenko"]))
    expected = (fast.postings("security"), fast.sentences_by(speaker))
    said = fast.said_with({speaker}, {"security", "cooperation"})
    monkeypatch.setattr(index, "_has_json", lambda conn: False)
    slow = lib.index()
    assert (slow.postings("security"), slow.sentences_by(speaker)) == expected
    assert slow.said_with({speaker}, {"security", "cooperation"}) == said
    assert all(expected)
    assert said
    assert expected[0] == sorted(expected[0])


def test_terms_come_whole_from_one_joined_string(lib: Library, bundled: Dataset) -> None:
    """Terms by length and by prefix are every word, none split or merged."""
    disk, memory = lib.index(), build_index(bundled)
    assert sorted(disk.terms(7, 11)) == sorted(memory.terms(7, 11))
    assert sorted(disk.terms_with_prefix("sec")) == sorted(memory.terms_with_prefix("sec"))
    assert disk.terms(90, 99) == []
    assert disk.terms_with_prefix("zzzzq") == []


def test_near_names_each_word_once_and_misses_none(lib: Library, bundled: Dataset) -> None:
    """Every typo'd form of indexed words finds exactly the words one typo away, once each."""
    disk, memory = lib.index(), build_index(bundled)
    vocabulary = memory.terms(2, 100)
    for word in [w for w in vocabulary if len(w) >= 5][::7]:
        for typoed in (word, word[0] + word, word[:2] + "x" + word[3:], "q" + word[1:]):
            near = disk.near(typoed, 1)
            assert near is not None
            assert len(near) == len(set(near)), typoed
            wanted = {t for t in vocabulary if typos.typo_distance(typoed, t, 1) <= 1}
            assert set(near) == wanted, typoed


def test_near_within_two_typos_misses_none(lib: Library, bundled: Dataset) -> None:
    """Words typo'd twice over, every way, find every word the full scan finds, once each."""
    disk, memory = lib.index(), build_index(bundled)
    vocabulary = memory.terms(2, 100)
    for word in [w for w in vocabulary if len(w) >= 9][::5]:
        typed = [
            word,
            "xy" + word,  # two letters added before the first
            word[1:-1],  # the first and the last dropped
            word[1] + word[0] + word[2:-2] + word[-1] + word[-2],  # both ends swapped
            word[:3] + word[4] + word[3] + "q" + word[5:],  # a swap, then a letter added
            word[:4] + word[5] + word[4] + word[6:],  # a swap across the cut
            "q" + word[1:3] + "z" + word[4:],  # the first letter changed, then another
            word[:2] + "zz" + word[4:],  # two changed around the cut
            word[:-3] + "w" + word[-3:] + "k",  # two added in the right part
        ]
        for typoed in typed:
            near = disk.near(typoed, 2)
            assert near is not None
            assert len(near) == len(set(near)), typoed
            wanted = {t for t in vocabulary if typos.typo_distance(typoed, t, 2) <= 2}
            assert wanted <= set(near), typoed
            assert len(near) < len(disk.terms(len(typoed) - 2, len(typoed) + 2)), typoed


def test_prefix_ranges_end_even_after_the_last_code_point(lib: Library) -> None:
    """A prefix of U+10FFFF has no key above it: the range is open, nothing raises."""
    disk = lib.index()
    assert disk.terms_with_prefix("\U0010ffff") == []
    assert disk.terms_with_prefix("a\U0010ffff") == []
    assert disk.near("\U0010ffffabcd", 1) == []
    assert disk.near("\U0010ffff\U0010ffffabcdefg", 2) == []


def test_an_index_knows_when_another_connection_wrote(
    tmp_path: Path, lib: Library, bundled: Dataset
) -> None:
    """``current`` holds while nothing is written, and turns False once another writer commits."""
    kept = lib.index()
    assert kept.postings("security")
    assert kept.current()
    with open_library(tmp_path / "lib.sqlite3") as other:
        other.store(bundled._replace(id="third", source=bundled.source._replace(sha256="1" * 64)))
    assert not kept.current()
    assert lib.index().current()


def test_an_index_keeps_the_latest_posting_lists_up_to_its_bound(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lists read again come from memory; past POSTINGS_HELD ids the oldest are forgotten."""
    monkeypatch.setattr(index, "POSTINGS_HELD", 20)
    disk = lib.index()
    common = [term for term in disk.terms(4, 20) if 3 <= disk.frequency(term) <= 10][:8]
    assert len(common) == 8
    first = disk.postings(common[0])
    assert disk.postings(common[0]) is first  # kept
    for term in common[1:]:
        assert disk.postings(term) == sorted(disk.postings(term))
    held = vars(disk)["_postings"]
    assert sum(map(len, held.values())) <= 20
    assert common[-1] in held
    assert common[0] not in held
    assert disk.postings(common[0]) == first  # read again, the same


def test_an_index_looks_a_word_up_once_and_keeps_its_bound(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word's typo neighbours are looked up once; past NEAR_HELD words the oldest go."""
    monkeypatch.setattr(index, "NEAR_HELD", 2)
    disk = lib.index()
    asked: list[str] = []
    one_typo = neighbours.one_typo

    def counted(conn: sqlite3.Connection, word: str) -> list[str]:
        asked.append(word)
        return one_typo(conn, word)

    monkeypatch.setattr(neighbours, "one_typo", counted)
    first = disk.near("securty", 1)
    assert first is not None
    assert "security" in first
    assert disk.near("securty", 1) == first
    assert asked == ["securty"]
    disk.near("presidnt", 1)
    disk.near("cooperaton", 1)  # the third word: "securty" is forgotten
    assert disk.near("securty", 1) == first
    assert asked == ["securty", "presidnt", "cooperaton", "securty"]
