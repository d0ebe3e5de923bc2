"""Resolve a fuzzy speaker name to the dataset's speakers, for ``--speaker``.

People type a surname, a first name, another transliteration (``Lukashenka``,
``Nazarbaev``), a half-remembered spelling, or what the speaker is (``president``,
``Belarus``). Each typed word must match, within the search typo budget
(``typos.typo_budget``) or as a prefix of 3+ letters, a word of one of the speaker's
names (the name, each alias, the id's words) or of the speaker's role or affiliation.

Every speaker that matches best is returned, so a word several speakers share gives
them all: ``president`` gives both presidents, ``Belarus`` the two Belarusians. Best is,
in order: fewer words matched only through the role or affiliation (a name is the surer
sign: ``Vladimir`` is Makei even if a role held the word), then fewer typos.

When nobody matches, the speaker names that look like the typed name are suggested, but
only those with a word at least ``SIMILARITY_FLOOR`` alike a typed word: ``Makeyev``
suggests Vladimir Makei, ``Putin`` suggests nobody rather than three unrelated names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cstocli import text
from cstocli.model import Speaker
from cstocli.search.query import MIN_PREFIX
from cstocli.search.store import speaker_names
from cstocli.search.typos import typo_budget, typo_distance

SUGGESTIONS = 3
"""At most this many names are suggested when nobody matches."""
SIMILARITY_FLOOR = 60.0
"""How alike (RapidFuzz ``ratio``, 0-100) a typed word and a word of a speaker's names must
be for that name to be suggested. On the summit's speakers, misspelt names score 78-95
against the right speaker ("makeyev" 83, "khachaturyan" 78) and names of people not in
the article at most 55 ("merkel" 55, "putin" 44)."""


@dataclass(frozen=True, slots=True)
class SpeakerMatch:
    """The speakers a name resolves to, or the closest names when none is close enough."""

    speakers: tuple[Speaker, ...]
    """The matching speakers, in dataset order; empty when nothing matched."""
    suggestions: tuple[str, ...] = ()
    """Names alike enough to suggest, best first, when ``speakers`` is empty (maybe none)."""
    by_role: bool = False
    """Some typed word matched the speakers' role or affiliation, not their names."""

    @property
    def ids(self) -> frozenset[str]:
        """The matched speakers' ids, as ``search.search`` takes them."""
        return frozenset(speaker.id for speaker in self.speakers)


def match_speaker(speakers: Sequence[Speaker], name: str) -> SpeakerMatch:
    """Resolve a fuzzy speaker name (spelling, alias, surname, role) to speakers."""
    wanted = [w for w in text.words(name) if w not in text.COMMON_WORDS]
    costs: dict[str, tuple[int, int]] = {}
    for speaker in speakers if wanted else ():
        cost = _speaker_cost(wanted, speaker)
        if cost is not None:
            costs[speaker.id] = cost
    if costs:
        best = min(costs.values())
        found = tuple(s for s in speakers if costs.get(s.id) == best)
        return SpeakerMatch(found, by_role=best[0] > 0)
    return SpeakerMatch((), _suggest(speakers, wanted))


def _speaker_cost(wanted: Sequence[str], speaker: Speaker) -> tuple[int, int] | None:
    """(words matched only by role or affiliation, typos), or None if a word matches nothing.

    All the words must fit one of the speaker's names, or that name and the role.
    """
    about = [
        word for known in (speaker.role, speaker.affiliation) for word in text.words(known or "")
    ]
    best = None
    for known in speaker_names(speaker):
        words = text.words(known)
        cost = (0, 0)
        for word in wanted:
            budget = typo_budget(word)
            by_name = _best_cost(word, words, budget)
            if by_name is not None:
                cost = (cost[0], cost[1] + by_name)
                continue
            by_role = _best_cost(word, about, budget)
            if by_role is None:
                break
            cost = (cost[0] + 1, cost[1] + by_role)
        else:
            best = cost if best is None else min(best, cost)
    return best


def _best_cost(word: str, candidates: Sequence[str], budget: int) -> int | None:
    """The fewest typos between a typed word and any candidate, None if over budget."""
    best = min((_word_cost(word, candidate, budget) for candidate in candidates), default=None)
    return None if best is None or best > budget else best


def _word_cost(word: str, candidate: str, budget: int) -> int:
    """Typos between a typed name word and a known one; a 3+ letter prefix costs none."""
    if len(word) >= MIN_PREFIX and candidate.startswith(word):
        return 0
    return typo_distance(word, candidate, budget)


def _suggest(speakers: Sequence[Speaker], wanted: Sequence[str]) -> tuple[str, ...]:
    """The names of the speakers alike enough to ``wanted``'s words, best first."""
    if not wanted:
        return ()
    from rapidfuzz import fuzz  # noqa: PLC0415 - only an unknown name pays for it

    def likeness(speaker: Speaker) -> float:
        # The typed word most alike a word of the speaker's names: one right word (with a
        # wrong one, "Nazarbaef Bob") is reason enough to suggest the name.
        words = [w for known in speaker_names(speaker) for w in text.words(known)]
        return max(fuzz.ratio(typed, w) for w in words for typed in wanted)

    scores = [likeness(speaker) for speaker in speakers]
    # A stable sort: equally alike speakers stay in dataset order.
    order = sorted(range(len(speakers)), key=lambda i: -scores[i])[:SUGGESTIONS]
    return tuple(speakers[i].name for i in order if scores[i] >= SIMILARITY_FLOOR)
