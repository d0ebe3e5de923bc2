"""Resolve a fuzzy speaker name to the dataset's speakers, for ``--speaker``.

People type a surname, a first name, another transliteration (``Lukashenka``,
``Nazarbaev``) or a half-remembered spelling. Each typed word must match a word of one
of the speaker's names (the name, each alias, the id's words) within the search typo
budget (``typos.typo_budget``), or be a prefix of 3+ letters of one. The speakers needing
the fewest typos win; when nobody matches, the closest names are suggested instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cstocli import text
from cstocli.index import speaker_names
from cstocli.model import Speaker
from cstocli.query import MIN_PREFIX
from cstocli.typos import typo_budget, typo_distance

SUGGESTIONS = 3
"""How many names are suggested when nobody matches."""


@dataclass(frozen=True, slots=True)
class SpeakerMatch:
    """The speakers a name resolves to, or the closest names when none is close enough."""

    speakers: tuple[Speaker, ...]
    """The matching speakers, in dataset order; empty when nothing matched."""
    suggestions: tuple[str, ...] = ()
    """The closest speaker names, best first, when ``speakers`` is empty."""

    @property
    def ids(self) -> frozenset[str]:
        """The matched speakers' ids, as ``search.search`` takes them."""
        return frozenset(speaker.id for speaker in self.speakers)


def match_speaker(speakers: Sequence[Speaker], name: str) -> SpeakerMatch:
    """Resolve a fuzzy speaker name (any spelling, alias or surname) to speakers."""
    wanted = [w for w in text.words(name) if w not in text.COMMON_WORDS]
    costs: dict[str, int] = {}
    for speaker in speakers if wanted else ():
        found = [_name_cost(wanted, text.words(known)) for known in speaker_names(speaker)]
        possible = [cost for cost in found if cost is not None]
        if possible:
            costs[speaker.id] = min(possible)
    if costs:
        fewest = min(costs.values())
        return SpeakerMatch(tuple(s for s in speakers if costs.get(s.id) == fewest))
    return SpeakerMatch((), _suggest(speakers, " ".join(wanted) or name))


def _name_cost(wanted: Sequence[str], known: Sequence[str]) -> int | None:
    """Typos needed for every wanted word to match a known name word; None if impossible."""
    total = 0
    for word in wanted:
        budget = typo_budget(word)
        best = min((_word_cost(word, candidate, budget) for candidate in known), default=None)
        if best is None or best > budget:
            return None
        total += best
    return total


def _word_cost(word: str, candidate: str, budget: int) -> int:
    """Typos between a typed name word and a known one; a 3+ letter prefix costs none."""
    if len(word) >= MIN_PREFIX and candidate.startswith(word):
        return 0
    return typo_distance(word, candidate, budget)


def _suggest(speakers: Sequence[Speaker], name: str) -> tuple[str, ...]:
    """The names of the speakers whose names look most like ``name``, best first."""
    from rapidfuzz import fuzz, utils  # noqa: PLC0415 - only an unknown name pays for it

    def likeness(speaker: Speaker) -> float:
        return max(
            fuzz.WRatio(name, " ".join(text.words(known)), processor=utils.default_process)
            for known in speaker_names(speaker)
        )

    ranked = sorted(speakers, key=lambda s: -likeness(s))
    return tuple(s.name for s in ranked[:SUGGESTIONS])
