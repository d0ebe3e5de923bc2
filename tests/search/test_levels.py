from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cstocli.library import Library, open_library
from cstocli.model import Dataset
from cstocli.search import engine, levels
from cstocli.search.engine import find
from cstocli.search.expansion import plan
from cstocli.search.memory import MemoryIndex, build_index
from cstocli.search.query import parse_query
from cstocli.search.store import SentenceStore

# Role words of the summit's speakers ("president", "secretary general", "belarus",
# "minister", "foreign"), alone and beside text words, typo'd, as phrases, and names.
QUERIES = [
    "president", "presidnet", "belarus", "russia", "minister", "foreign minister",
    "secretary general", "general security", "president of kazakhstan", "president belarus",
    "minister security", "ministr securty", "kazakhstan priorities", "makei conflicts",
    "lukashenko president", '"collective security" president', "president zzzz",
    "foreign affairs armenia", "secretary informaton", "belarus kazakhstan russia",
]  # fmt: skip


@pytest.fixture(scope="module")
def memory(bundled: Dataset) -> MemoryIndex:
    """The summit article in memory."""
    return build_index(bundled)


@pytest.fixture
def disk(tmp_path: Path, bundled: Dataset) -> Iterator[Library]:
    """The summit article in a library."""
    with open_library(tmp_path / "lib.sqlite3") as lib:
        lib.store(bundled)
        yield lib


def whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the engine read every role level whole, as it did before the lazy roles."""
    read = levels.query_levels

    def always_whole(*args: object, **kwargs: object) -> object:
        return read(*args, **{**kwargs, "whole": True})  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "query_levels", always_whole)


@pytest.mark.parametrize("query", QUERIES)
def test_lazy_roles_find_what_whole_roles_find(
    memory: MemoryIndex, disk: Library, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """Hits, order, scores and totals are those of reading every role level whole."""
    stores: list[SentenceStore] = [memory, disk.index()]
    lazy = [find(store, query) for store in stores]
    whole(monkeypatch)
    for store, found in zip(stores, lazy, strict=True):
        expected = find(store, query)
        assert found.total == expected.total, query
        assert [(h.sentence.span, h.score) for h in found.hits] == [
            (h.sentence.span, h.score) for h in expected.hits
        ], query


def test_a_role_level_reads_only_what_other_units_reach(memory: MemoryIndex) -> None:
    """Beside a text word, a role level keeps only the sentences that word reaches too."""
    query, expansions = plan(memory, parse_query("president security"))
    lazy, complete = levels.query_levels(memory, query, expansions)
    full, _ = levels.query_levels(memory, query, expansions, whole=True)
    assert not complete
    role = [level for level in lazy[0].levels if not level.in_text and not level.named]
    whole_role = [level for level in full[0].levels if not level.in_text and not level.named]
    security = frozenset(memory.postings("security"))
    assert role
    assert whole_role
    assert all(level.sentences <= security for level in role)
    assert sum(len(level.sentences) for level in role) < sum(
        len(level.sentences) for level in whole_role
    )


def test_said_with_agrees_between_memory_and_disk(memory: MemoryIndex, disk: Library) -> None:
    """``said_with`` gives the same sentences from memory and from the library."""
    index = disk.index()
    offset = min(index.postings("the")) - min(memory.postings("the"))
    speakers = {s.id for s in memory.speakers}
    for chosen in [speakers, set(list(speakers)[:1]), set()]:
        for terms in [{"security"}, {"security", "president", "zzzz"}, set()]:
            on_disk = index.said_with(chosen, terms)
            assert on_disk == [i + offset for i in memory.said_with(chosen, terms)]
    assert memory.said_with(speakers, {"security"})  # the comparison compared something
