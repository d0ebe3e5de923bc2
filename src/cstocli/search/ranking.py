"""The measures that order hits within a sentence: proximity, BM25, the score, highlights.

These look at one sentence's folded words (``SentenceStore.tokens``), so ``search``
applies them only to the few hundred best candidates.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from cstocli import text

if TYPE_CHECKING:
    from cstocli.search.expansion import Variant
    from cstocli.search.query import Query
    from cstocli.search.store import SentenceStore

BM25_K1 = 1.2
BM25_B = 0.75
PROXIMITY_CAP = 8
"""The most one gap between two query words costs (Meilisearch caps it too)."""
BM25_CAP = 999.0
"""BM25 above this breaks no more ties (keeps ``score``'s last slice apart from the next)."""


def idf(sentences: int, frequency: int) -> float:
    """BM25's inverse document frequency of a word found in ``frequency`` sentences."""
    return math.log(1 + (sentences - frequency + 0.5) / (frequency + 0.5))


def phrase_starts(tokens: Sequence[str], terms: Sequence[str]) -> list[int]:
    """Positions where ``terms`` occur consecutively in ``tokens``."""
    size = len(terms)
    wanted = tuple(terms)
    return [i for i in range(len(tokens) - size + 1) if tuple(tokens[i : i + size]) == wanted]


def positions(tokens: Sequence[str], wanted: frozenset[str]) -> list[tuple[int, int]]:
    """``(first, last)`` positions of the single tokens that are in ``wanted``."""
    return [(i, i) for i, token in enumerate(tokens) if token in wanted]


def phrase_positions(tokens: Sequence[str], terms: Sequence[str]) -> list[tuple[int, int]]:
    """``(first, last)`` positions of each consecutive occurrence of a phrase."""
    return [(i, i + len(terms) - 1) for i in phrase_starts(tokens, terms)]


def proximity(placed: Sequence[Sequence[tuple[int, int]]]) -> int:
    """Sum, over query units in query order, of how far each stands from the next.

    ``placed`` holds, per unit found in the sentence, its ``(first, last)`` positions.
    Adjacent in query order costs 0; each word between, or a reversed order, costs more,
    up to ``PROXIMITY_CAP`` per pair.
    """
    return sum(
        min(_gap(a, b) for a in before for b in after)
        for before, after in itertools.pairwise(placed)
    )


def _gap(before: tuple[int, int], after: tuple[int, int]) -> int:
    """Cost of the distance between two units' occurrences."""
    distance = after[0] - before[1]
    cost = distance - 1 if distance > 0 else 1 - distance
    return min(cost, PROXIMITY_CAP)


def bm25_term(weight: float, count: int, length: int, average: float) -> float:
    """BM25 of one query unit seen ``count`` times in a sentence of ``length`` words."""
    if not count:
        return 0.0
    norm = BM25_K1 * (1 - BM25_B + BM25_B * length / (average or 1.0))
    return weight * count * (BM25_K1 + 1) / (count + norm)


class Key(NamedTuple):
    """Everything that ranks a hit, rule by rule (``search``'s module docstring)."""

    matched: int
    """Query units matched, in the text or through the speaker (1 or more)."""
    in_text: int
    """Of those, matched in the sentence's own words."""
    typos: int
    """Total typos over the matched units."""
    slips: int
    """Matched units whose word's first letter was mistyped."""
    proximity: int | None
    """Rule 5's distance between the units; None when not measured (below the head)."""
    bm25: float
    """BM25 of the matched words (the coarse, idf-only one when not measured)."""


def score(key: Key, words: int) -> float:
    """A relevance in [0, 100) that sorts exactly as the rules do, for one query.

    Its first digits read as the share of the query found: a hit matching ``m`` of
    ``words`` units lies in ``[100 (m - 1) / words, 100 m / words)``, so an exact match
    of a one-word query scores above 90, a typo'd one about 80, one found only through
    its speaker below 50, and a hit with one word of two below 50. Inside that band each
    later rule narrows the range in turn (units in the text, typos, slips, proximity,
    unmeasured proximity lowest), and BM25 places the hit in its last slice. Intervals
    nest, so a better key on an earlier rule always scores higher. Scores compare only
    within one search: another query has another ``words`` and other bands.
    """
    matched = max(1, min(key.matched, words))
    in_text = max(0, min(key.in_text, matched))
    most_typos = 2 * matched  # no unit carries more than two typos
    worst = PROXIMITY_CAP * (words - 1)
    closeness = 0 if key.proximity is None else worst + 1 - min(key.proximity, worst)
    # Mixed radix: each rule's slot inside the previous rule's, best slot highest.
    slots = [
        (in_text, matched + 1),
        (most_typos - min(key.typos, most_typos), most_typos + 1),
        (matched - min(key.slips, matched), matched + 1),
        (closeness, worst + 2),
    ]
    index = 0
    total = 1
    for slot, size in slots:
        index = index * size + slot
        total *= size
    # 1 - 1 / (1 + x) rises with x in floating point too (each step rounds monotonically).
    fraction = 1.0 - 1.0 / (1.0 + min(max(key.bm25, 0.0), BM25_CAP))
    return 100.0 * (matched - 1 + (index + fraction) / total) / words


def highlight(
    sentence: str, terms: frozenset[str], phrases: Sequence[tuple[str, ...]] = ()
) -> tuple[tuple[int, int], ...]:
    """Offsets of the words of ``sentence`` that are in ``terms`` or form a phrase.

    Neighbouring marked words separated only by spaces or hyphens become one range, so
    "information security" is one highlight. Offsets are on word boundaries of the
    original text (its case and accents intact).
    """
    tokens = text.tokenise(sentence)
    norms = [t.norm for t in tokens]
    marked = [norm in terms for norm in norms]
    for phrase in phrases:
        for start in phrase_starts(norms, phrase):
            marked[start : start + len(phrase)] = [True] * len(phrase)
    ranges: list[tuple[int, int]] = []
    for token, on in zip(tokens, marked, strict=True):
        if not on:
            continue
        if ranges and not sentence[ranges[-1][1] : token.start].strip(" -\u2010\u2011"):
            ranges[-1] = (ranges[-1][0], token.end)
        else:
            ranges.append((token.start, token.end))
    return tuple(ranges)


class Measure:
    """Proximity and BM25 of one sentence for a query (the engine's rules 5 and 6)."""

    def __init__(
        self, store: SentenceStore, query: Query, expansions: Sequence[Sequence[Variant]]
    ) -> None:
        self._store = store
        self._units = query.units
        size = len(store)
        self._wanted = [frozenset(v.term for v in variants) for variants in expansions]
        self._weights = [
            {v.term: v.weight * idf(size, store.frequency(v.term)) for v in variants}
            for variants in expansions
        ]
        self._phrase_weights = [
            sum(idf(size, store.frequency(t)) for t in unit.terms) for unit in query.units
        ]

    def __call__(self, tokens: Sequence[str]) -> tuple[int, float]:
        """``(proximity, bm25)`` of a sentence's tokens; proximity 0 when under two units match."""
        counts = Counter(tokens)
        average = self._store.average_length
        placed = []
        bm25 = 0.0
        for number, unit in enumerate(self._units):
            if unit.phrase:
                found = phrase_positions(tokens, unit.terms)
                weight, count = self._phrase_weights[number], len(found)
                bm25 += bm25_term(weight, count, len(tokens), average)
            else:
                found = positions(tokens, self._wanted[number])
                bm25 += max(
                    (
                        bm25_term(weight, counts[term], len(tokens), average)
                        for term, weight in self._weights[number].items()
                        if term in counts
                    ),
                    default=0.0,
                )
            if found:
                placed.append(found)
        return proximity(placed), bm25
