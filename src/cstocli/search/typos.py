"""How many typos a word may carry, and which vocabulary words lie within them.

The budget follows Meilisearch: 0 typos under 5 letters, 1 for 5-8, 2 for 9 or more;
numbers get none (a different digit is a different number). Distance is OSA, the
Damerau-Levenshtein distance restricted to edits that do not overlap a transposition:
a swapped pair of letters is one typo, and within two typos it agrees with unrestricted
Damerau-Levenshtein on everything but contrived cases, while RapidFuzz computes it
bit-parallel, several times faster.

Small pools (one article's vocabulary, speakers' names, the few hundred words a
library's ``near`` looks up) are scanned in pure Python, so a search of the bundled
article or of a library never pays the ~8 ms of importing RapidFuzz; large pools (the
words of five lengths, when a store cannot look them up) go to RapidFuzz. Both give
identical distances (tested).
"""

from __future__ import annotations

from collections.abc import Sequence

PURE_PYTHON_POOL = 600
"""Pools up to this many words are scanned without RapidFuzz (cheaper than importing it)."""


def typo_budget(word: str) -> int:
    """How many typos a query word may carry: 0 (<5 letters or a number), 1 (5-8), 2."""
    if any(c.isdigit() for c in word) or len(word) < 5:
        return 0
    return 1 if len(word) <= 8 else 2


def typo_distance(word: str, other: str, budget: int) -> int:
    """Typos between two words (OSA distance), or ``budget + 1`` when over budget."""
    if word == other:
        return 0
    if abs(len(word) - len(other)) > budget:
        return budget + 1
    return _osa(word, other, budget)


def within_budget(word: str, pool: Sequence[str], budget: int) -> list[tuple[str, int]]:
    """The words of ``pool`` within ``budget`` typos of ``word``, with their distance."""
    if len(pool) <= PURE_PYTHON_POOL:
        found = ((term, typo_distance(word, term, budget)) for term in pool)
        return [(term, distance) for term, distance in found if distance <= budget]
    # Imported here: only large vocabularies pay for loading RapidFuzz.
    from rapidfuzz import process  # noqa: PLC0415
    from rapidfuzz.distance import OSA  # noqa: PLC0415

    matches = process.extract(word, pool, scorer=OSA.distance, score_cutoff=budget, limit=None)
    return [(term, int(distance)) for term, distance, _ in matches]


def _osa(a: str, b: str, budget: int) -> int:
    """OSA distance of two words, or ``budget + 1`` as soon as it must exceed ``budget``."""
    over = budget + 1
    # Common ends cost nothing and shrink the table.
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start : len(a) - end], b[start : len(b) - end]
    if not a or not b:
        return min(len(a) + len(b), over)
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, other in enumerate(b, start=1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other and char != other:
                cost = min(cost, before[j - 2] + 1)
            current[j] = cost
        if min(current) > budget:
            return over
        before, previous = previous, current
    return min(previous[-1], over)
