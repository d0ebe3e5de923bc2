"""Query planning: which indexed words stand for each query word.

Each query word is expanded over the store's VOCABULARY (never the text) to the indexed
words within its typo budget (``cstocli.search.typos``); the last word may also be a prefix. A
typo or a prefix never turns a word into a common word ("thw" does not become "the",
"whi" does not become "which"). Compounds match however they are written: a word found
nowhere that splits into two words standing together ("nagornokarabakh") is searched as
that phrase, and two neighbouring words that exactly make an indexed word
("peace keeping") also match it. Speakers are named through their own small vocabulary
(``speakers_named``), by name or only by role.

Of variants with as many typos, one that keeps the query word's first letter comes first
and ranks first (``Variant.slip``): people seldom mistype a word's first letter (under a
tenth of misspellings in the classic studies), so "iformation" means "information"
rather than "formation".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from cstocli import text
from cstocli.search import ranking
from cstocli.search.query import Query, Unit
from cstocli.search.store import ROLE_PREFIX, SentenceStore
from cstocli.search.typos import typo_budget, typo_distance, within_budget

MAX_VARIANTS = 50
"""At most this many vocabulary words stand in for one query word (closest first)."""

PREFIX_WEIGHT = 0.8
"""How much a prefix match weighs in BM25 against a whole-word match."""
TOKEN_BATCH = 512
"""Sentences whose tokens a phrase check reads at once."""
MAX_COMPOUND = 40
"""Longer words are not tried as two joined words (each cut copies the word)."""


class Variant(NamedTuple):
    """An indexed word that stands for a query word."""

    term: str
    """The indexed (folded) word."""
    typos: int
    """Its typo distance to the query word (0 for a prefix match)."""
    prefix: bool = False
    """Matched because the query word is its prefix."""
    slip: bool = False
    """A typo'd variant whose first letter differs from the query word's."""

    @property
    def weight(self) -> float:
        """How much a match through this word counts in BM25, before its idf."""
        return (PREFIX_WEIGHT if self.prefix else 1.0) / (1 + self.typos)


def expand(store: SentenceStore, unit: Unit) -> list[Variant]:
    """The indexed words that stand for a (non-phrase) unit, closest first."""
    word = unit.terms[0]
    budget = typo_budget(word)
    variants: dict[str, Variant] = {}
    if store.frequency(word):
        variants[word] = Variant(word, 0)
    if budget:
        pool = store.near(word, budget)
        if pool is None:
            pool = store.terms(len(word) - budget, len(word) + budget)
        for term, distance in within_budget(word, pool, budget):
            if term not in variants and term not in text.COMMON_WORDS:
                variants[term] = Variant(term, distance, slip=term[:1] != word[:1])
    if unit.prefix:
        for term in store.terms_with_prefix(word):
            if term not in variants and term not in text.COMMON_WORDS:
                variants[term] = Variant(term, 0, prefix=True)
    ordered = sorted(
        variants.values(),
        key=lambda v: (v.typos, v.slip, v.prefix, -store.frequency(v.term), v.term),
    )
    return ordered[:MAX_VARIANTS]


def plan(store: SentenceStore, query: Query) -> tuple[Query, list[list[Variant]]]:
    """Expand every word over the vocabulary, minding compounds written apart or together.

    A word found nowhere that splits into two indexed words standing together in some
    sentence ("nagornokarabakh") becomes that two-word phrase; two neighbouring words
    that together make an indexed word exactly ("peace keeping") also match it.
    """
    units = list(query.units)
    expansions = [[] if unit.phrase else expand(store, unit) for unit in units]
    for number, unit in enumerate(units):
        if not unit.phrase and not expansions[number]:
            halves = _split(store, unit.terms[0])
            if halves is not None:
                units[number] = Unit(halves, phrase=True)
    for number in range(len(units) - 1):
        first, second = units[number], units[number + 1]
        if first.phrase or second.phrase:
            continue
        # Exactly as typed only: a typo scan per pair of words would cost a vocabulary
        # scan for a case that is rare.
        joined = first.terms[0] + second.terms[0]
        if joined in text.COMMON_WORDS or not store.frequency(joined):
            continue
        for side in (number, number + 1):
            if all(variant.term != joined for variant in expansions[side]):
                expansions[side].append(Variant(joined, 0))
    return Query(tuple(units), query.ignored), expansions


def _split(store: SentenceStore, word: str) -> tuple[str, str] | None:
    """Two indexed words that make ``word`` and stand together somewhere, if any.

    Of several splits, the one whose rarer half is most frequent wins (the likeliest).
    """
    best: tuple[int, tuple[str, str]] | None = None
    if len(word) > MAX_COMPOUND or any(char.isdigit() for char in word):
        return None
    for cut in range(2, len(word) - 1):
        halves = (word[:cut], word[cut:])
        if any(half in text.COMMON_WORDS for half in halves):
            continue
        rarer = min(store.frequency(half) for half in halves)
        if rarer and (best is None or rarer > best[0]) and phrase_sentences(store, halves):
            best = (rarer, halves)
    return None if best is None else best[1]


class Naming(NamedTuple):
    """How a query word names a speaker."""

    role: bool
    """Only through a word of the role or affiliation, not of a name or alias."""
    typos: int
    """Typos between the query word and the speaker's word."""


def speakers_named(words: Mapping[str, frozenset[str]], word: str) -> dict[str, Naming]:
    """The speakers a query word names (within its typo budget), and how.

    ``words`` is a store's ``speaker_words()``. A name beats a role, then fewer typos win.
    """
    budget = typo_budget(word)
    named: dict[str, Naming] = {}
    for candidate, speaker_ids in words.items():
        role = candidate.startswith(ROLE_PREFIX)
        distance = typo_distance(word, candidate.removeprefix(ROLE_PREFIX), budget)
        if distance <= budget:
            naming = Naming(role, distance)
            for speaker_id in speaker_ids:
                named[speaker_id] = min(naming, named.get(speaker_id, naming))
    return named


def phrase_sentences(store: SentenceStore, terms: tuple[str, ...]) -> frozenset[int]:
    """Ids of the sentences where ``terms`` occur consecutively."""
    lists = sorted((store.postings(term) for term in terms), key=len)
    common = set(lists[0])
    for other in lists[1:]:
        common.intersection_update(other)
    ids = sorted(common)
    found: set[int] = set()
    # In batches: a store reads each batch at once, and memory stays flat however many.
    for start in range(0, len(ids), TOKEN_BATCH):
        batch = ids[start : start + TOKEN_BATCH]
        found.update(
            i
            for i, tokens in zip(batch, store.tokens_of(batch), strict=True)
            if ranking.phrase_starts(tokens, terms)
        )
    return frozenset(found)
