from __future__ import annotations

import pytest

from cstocli.model import Dataset
from cstocli.search.expansion import Naming, expand, phrase_sentences, plan, speakers_named
from cstocli.search.memory import MemoryIndex, build_index
from cstocli.search.query import Unit, parse_query
from cstocli.search.store import ROLE_PREFIX


@pytest.fixture(scope="module")
def index(bundled: Dataset) -> MemoryIndex:
    """The bundled article's sentence index."""
    return build_index(bundled)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("informaton", [("information", 1)]),
        ("secuirty", [("security", 1)]),
        ("kazakstan", [("kazakhstan", 1)]),
        ("strategy", [("strategy", 0)]),
        ("13000", [("13000", 0)]),
        ("1300", []),
        ("zzzz", []),
        ("theree", []),
    ],
)
def test_expand_scans_the_vocabulary_within_budget(
    index: MemoryIndex, word: str, expected: list[tuple[str, int]]
) -> None:
    """Words expand to indexed words within their typo budget, never to common words."""
    assert [(v.term, v.typos) for v in expand(index, Unit((word,)))] == expected


def test_expand_orders_exact_then_typos_then_prefix(index: MemoryIndex) -> None:
    """The exact word comes first, then typo'd ones, then longer words it prefixes."""
    variants = expand(index, Unit(("conflict",), prefix=True))
    assert [(v.term, v.typos, v.prefix) for v in variants] == [
        ("conflict", 0, False),
        ("conflicts", 1, False),
    ]
    prefixed = expand(index, Unit(("secu",), prefix=True))
    assert [(v.term, v.prefix) for v in prefixed] == [("security", True)]
    assert prefixed[0].weight < expand(index, Unit(("security",)))[0].weight


def test_plan_searches_a_joined_compound_as_its_phrase(index: MemoryIndex) -> None:
    """A word found nowhere that splits into two neighbouring words becomes that phrase."""
    query, expansions = plan(index, parse_query("nagornokarabakh conflict"))
    assert query.units[0] == Unit(("nagorno", "karabakh"), phrase=True)
    assert expansions[0] == []


def test_plan_joins_neighbouring_words_into_a_compound(index: MemoryIndex) -> None:
    """Two words that make an indexed word exactly also match that word."""
    _, expansions = plan(index, parse_query("peace keeping"))
    assert all("peacekeeping" in {v.term for v in variants} for variants in expansions)
    # In the other order they make no word (the last word may still prefix it).
    _, apart = plan(index, parse_query("keeping peace"))
    assert not any(v.term == "peacekeeping" and not v.prefix for vs in apart for v in vs)


def test_speakers_named_by_alias_typo_or_role(index: MemoryIndex) -> None:
    """Aliases name their speaker exactly; a typo'd country names its president by role."""
    named = index.speaker_words()
    assert speakers_named(named, "lukashenka") == {"alexander-lukashenko": Naming(False, 0)}
    assert speakers_named(named, "nazarbaev") == {"nursultan-nazarbayev": Naming(False, 0)}
    assert speakers_named(named, "kazakstan") == {"nursultan-nazarbayev": Naming(True, 1)}
    assert speakers_named(named, "president") == {
        "alexander-lukashenko": Naming(True, 0),
        "nursultan-nazarbayev": Naming(True, 0),
    }
    assert speakers_named(named, "syria") == {}


def test_speakers_named_prefers_a_name_to_a_role() -> None:
    """A word that is a name word and a role word of one speaker names them by name."""
    words = {"mayor": frozenset({"lee"}), ROLE_PREFIX + "mayor": frozenset({"lee", "ann"})}
    assert speakers_named(words, "mayor") == {"lee": Naming(False, 0), "ann": Naming(True, 0)}


def test_expand_puts_a_kept_first_letter_before_a_changed_one(index: MemoryIndex) -> None:
    """Of two one-typo variants, the one keeping the first letter comes first (a slip last)."""
    variants = expand(index, Unit(("iformation",)))
    assert [(v.term, v.typos, v.slip) for v in variants] == [
        ("information", 1, False),
        ("formation", 1, True),
    ]


def test_phrase_sentences_need_consecutive_words(index: MemoryIndex) -> None:
    """Only sentences holding the words side by side, in order, match a phrase."""
    found = phrase_sentences(index, ("combat", "training"))
    assert [index.sentence(i).speaker_id for i in found] == ["yuri-khachaturov"]
    assert phrase_sentences(index, ("training", "combat")) == frozenset()
