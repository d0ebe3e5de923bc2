"""A library's sentences read back in batches (cstocli.library.sentences)."""

from __future__ import annotations

import pytest

from cstocli.library import Library, LibraryError, sentences
from cstocli.model import Dataset
from cstocli.search.memory import build_index


def test_batched_reads_give_what_one_by_one_reads_give(lib: Library, bundled: Dataset) -> None:
    """``tokens_of`` and ``sentences_of`` match the memory index, in the order asked."""
    disk, memory = lib.index(), build_index(bundled)
    count = len(memory)
    first = min(disk.postings("the")) - min(memory.postings("the"))
    # Both articles, backwards, repeated, across several batches and a cleared cache.
    ids = [first + i for i in reversed(range(2 * count))] + [first, first]
    wanted = [i % count for i in reversed(range(2 * count))] + [0, 0]
    assert disk.tokens_of(ids) == [list(memory.tokens(i)) for i in wanted]
    sentences = disk.sentences_of(ids)
    assert [s.text for s in sentences] == [memory.sentence(i).text for i in wanted]
    assert [s.ordinal for s in sentences] == ids
    assert {s.article_id for s in sentences} == {bundled.id, "second"}
    assert disk.tokens_of([]) == []
    assert disk.tokens_of([10**9]) == [[]]
    with pytest.raises(LibraryError, match="no sentence"):
        disk.sentences_of([10**9])


def test_small_batches_and_cache_read_the_same(
    lib: Library, bundled: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With batches of 3 and room for 1 article, every text is still cut whole."""
    expected = [
        s.text for s in lib.index().sentences_of(list(range(1, 2 * len(build_index(bundled)) + 1)))
    ]
    monkeypatch.setattr(sentences, "_BATCH", 3)
    monkeypatch.setattr(sentences, "SOURCE_CACHE", 1)
    disk = lib.index()
    ids = list(range(1, len(expected) + 1))
    assert [s.text for s in disk.sentences_of(ids)] == expected
    assert [s.text for s in disk.sentences_of(ids[::-1])] == expected[::-1]
