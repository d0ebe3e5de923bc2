"""How each query unit reaches sentences: the levels that ``engine`` partitions.

A unit (a query word or phrase) reaches sentences in several ways, best first: through
each of its variants in the text (``expansion.expand``), then through the speakers its
word names (``expansion.speakers_named``), by name, then by role or affiliation. A
sentence belongs to the first level that reaches it.

Roles are read lazily. A role is held by few speakers who may say a large part of a
library ("minister": two roles of five, 400,000 sentences of 1,000,000), and a sentence
reached only through one unit's role is never grounded evidence (``engine``): it is a
hit only when no grounded hit exists. So ``query_levels`` first reads, of each role
level, only the sentences that some OTHER unit also reaches: those its holders say with
another unit's words (``SentenceStore.said_with``: one FTS5 query on disk), and those of
holders another unit names too. Every grounded part of the partition comes out exactly
as with the whole levels (a grounded sentence matched some other unit, or, matched
through roles in every unit, is said by a speaker the other units name); only the
ungrounded parts are missing, and they are dropped when a grounded one exists. When none
does, ``engine`` asks again with ``whole=True``: the fallback hits need every sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from typing import NamedTuple

from cstocli.search import ranking
from cstocli.search.expansion import Naming, Variant, phrase_sentences, speakers_named
from cstocli.search.query import Query, Unit
from cstocli.search.store import SentenceStore


class Level(NamedTuple):
    """The sentences one query unit reaches through one way of matching."""

    typos: int
    slip: bool
    weight: float
    in_text: bool
    named: bool
    phrase: bool
    sentences: frozenset[int]


class Reached(NamedTuple):
    """How one query unit reaches sentences: its levels, and every sentence they hold."""

    levels: list[Level]
    """One level per way of matching, best first; no sentence is in two."""
    cover: Set[int]
    """The union of the levels' sentences, built with them (``engine`` reads it often)."""


class Reach(NamedTuple):
    """What a query's other units reach, as much as a unit's role levels need to know."""

    terms: frozenset[str]
    """Their indexed words (variants, or a phrase's words)."""
    speakers: frozenset[str]
    """The speakers they name, by name or by role."""


def query_levels(
    store: SentenceStore,
    query: Query,
    expansions: Sequence[Sequence[Variant]],
    *,
    whole: bool = False,
) -> tuple[list[Reached], bool]:
    """Every unit's levels and cover, and whether they are whole (see the module docstring).

    Unless ``whole``, a role level holds only the sentences another unit reaches too;
    the second value is False when that left anything out.
    """
    units = query.units
    words = store.speaker_words()
    named = [{} if unit.phrase else speakers_named(words, unit.terms[0]) for unit in units]
    terms = [
        frozenset(unit.terms if unit.phrase else (v.term for v in variants))
        for unit, variants in zip(units, expansions, strict=True)
    ]
    complete = whole or not any(n.role for found in named for n in found.values())
    levels = []
    for number, (unit, variants) in enumerate(zip(units, expansions, strict=True)):
        others = None
        if not complete:
            rest = [other for other in range(len(units)) if other != number]
            others = Reach(
                frozenset().union(*(terms[other] for other in rest)),
                frozenset(s for other in rest for s in named[other]),
            )
        levels.append(unit_levels(store, unit, variants, named[number], others))
    return levels, complete


def unit_levels(
    store: SentenceStore,
    unit: Unit,
    variants: Sequence[Variant],
    named: Mapping[str, Naming],
    others: Reach | None = None,
) -> Reached:
    """How a unit reaches sentences: one level per variant, best first, then speakers.

    ``named`` holds the speakers the unit's word names. With ``others``, a role level
    keeps only the sentences the other units reach too (see the module docstring).
    """
    size = len(store)
    if unit.phrase:
        found = phrase_sentences(store, unit.terms)
        weight = sum(ranking.idf(size, store.frequency(t)) for t in unit.terms)
        return Reached([Level(0, False, weight, True, False, True, found)] if found else [], found)
    levels = []
    # One growing set: ``seen |= found`` on a frozenset copied all of it for every variant,
    # quadratic for a prefix ("ost") whose hundreds of words reach 100,000 sentences.
    seen: set[int] = set()
    for variant in variants:
        found = frozenset(store.postings(variant.term))
        if seen:  # a difference with nothing would copy the set all the same
            found = found.difference(seen)
        if found:
            weight = variant.weight * ranking.idf(size, store.frequency(variant.term))
            levels.append(Level(variant.typos, variant.slip, weight, True, False, False, found))
            seen.update(found)
    by_naming: dict[Naming, set[str]] = {}
    for speaker_id, naming in named.items():
        by_naming.setdefault(naming, set()).add(speaker_id)
    # Names sort before roles (``Naming.role``), then fewer typos first.
    for naming in sorted(by_naming):
        speakers = by_naming[naming]
        reached: set[int] = set()
        if others is None or not naming.role:
            for speaker_id in speakers:
                reached.update(store.sentences_by(speaker_id))
        else:
            reached.update(store.said_with(speakers, others.terms))
            for speaker_id in speakers & others.speakers:
                reached.update(store.sentences_by(speaker_id))
        found = frozenset(reached.difference(seen))
        if found:
            levels.append(Level(naming.typos, False, 0.0, False, not naming.role, False, found))
            seen.update(found)
    return Reached(levels, seen)
