"""The measures that order hits within a sentence: proximity, BM25, and the highlights.

These look at one sentence's folded words (``SentenceStore.tokens``), so ``search``
applies them only to the few hundred best candidates.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from cstocli import text

BM25_K1 = 1.2
BM25_B = 0.75
PROXIMITY_CAP = 8
"""The most one gap between two query words costs (Meilisearch caps it too)."""


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


def pack_score(matched: int, typos: int, in_text: int, closeness: int, bm25: float) -> float:
    """Pack a ranking key into one float that sorts the same way (higher is better).

    Each component's range stays below the next one's step: BM25 < 1e3 (clamped),
    closeness (0-999) < 1e6, words in the text (<= 16) < 1e8, typos (<= 32) < 1e10.
    ``closeness`` is ``999 - proximity`` where proximity was measured, else 0.
    """
    return (
        matched * 1e10
        + (99 - min(typos, 99)) * 1e8
        + in_text * 1e6
        + closeness * 1e3
        + min(max(bm25, 0.0), 999.0)
    )


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
