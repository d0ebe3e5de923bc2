"""Find the sentences a query means: typo-tolerant, ranked, highlighted, silent on nonsense.

Pure functions over a ``SentenceStore``; no I/O, no Rich. How a query string is read
(phrases, common words, prefix) is ``cstocli.search.query``'s job.

How each word is matched
    ``cstocli.search.expansion`` expands every query word over the store's vocabulary (typos,
    prefix, compounds) and names the speakers it matches. A word is matched in a
    sentence's TEXT (highlighted), or through its speaker's NAME (name, alias, id), or
    through its speaker's ROLE or affiliation ("president", "Belarus"), in that order of
    preference: a sentence takes the best way it has.

Which sentences are hits
    A hit matches every phrase and at least half of the query's words and phrases
    (rounded up): all-word hits rank first, then most-word hits. A query none of whose
    words matches within its budget returns no hits.

    Speakers. A word that names a speaker favours what that speaker said: it counts
    as matched in each of the speaker's sentences, so "Makei conflicts" puts what Makei
    said about conflicts first, and a query that is only a name ("lukashenko",
    "Nazarbaev") lists the speaker's sentences, after any sentence naming him in its
    text. A role or a country is weaker evidence (two presidents, three speakers from
    Belarus), so it counts in three ways:

    - With text or a name, it adds to the hit: "Kazakhstan priorities" puts
      Nazarbayev's priorities first.
    - Alone, as a role phrase: when the speaker's role and affiliation match EVERY word
      of a query of two or more ("secretary general", "foreign minister", "president of
      kazakhstan"; common words such as "of" are not query words), the query names that
      person, and each of their sentences is a hit with every word matched. So all
      Khachaturov said comes before Lukashenko's "general security", which has one word
      of two; of hits with as many words, those with them in the text still rank first
      (rule 2: "president belarus" puts Makei's "Belarusian presidency" before
      Lukashenko's sentences).
    - Alone and partial (a single word, "president", "Belarus", "russia"; or a role
      matching some words only): a FALLBACK, a hit only when no sentence matches in any
      other way. So "president" finds the one sentence with "presidency", not every
      sentence of both presidents, and "minister security" finds security, not all Makei
      said; but "russia" over an article that names Russia nowhere lists what its
      Russian speaker said, which is all the article has to offer. (``--speaker``
      takes a role too, to list what its holder said whatever the query.)

    This is decided before the speaker filter, which therefore never brings a fallback
    hit back.

How hits are ranked, each rule only breaking ties of the one before
    1. more query words and phrases matched (in the text or through the speaker);
    2. more of them matched in the sentence's text: a word found in the text always
       ranks before the same word found only through the speaker, however many
       typos the text match needs ("lukashenka" puts the narration naming Lukashenko
       before his own sentences);
    3. fewer typos in total;
    4. fewer typo'd words whose first letter differs ("iformation": "information"
       before "formation"; see ``expansion``);
    5. query words closer together and in query order (proximity, as Meilisearch does);
    6. BM25 over the matched words (a typo'd word weighs less, a prefix a little less);
    7. source order.
    Rules 1-4 and a coarse BM25 (idf only, no term counts or lengths) are computed for
    every candidate with set operations, never a Python loop over posting lists: the
    candidates are partitioned by which variant of each query word they contain, and
    every sentence of a part shares its key. Rules 5 and 6 need each sentence's words,
    so they reorder only the best ``RERANK`` candidates; the rest keep the coarse order.
    Proximity goes before BM25 because it found the intended sentence first more often
    on the benchmark (``bench/README.md``: 185 against 154 of 200 queries at 10,000
    sentences, 89 against 75 of 100 at 100,000).

The score
    ``Hit.score`` is a relevance in [0, 100) that sorts exactly as the rules above
    (``ranking.score``), so hits are always sorted by it. Its first digits read as the
    share of the query found (one word of two: below 50; every word exact and close
    together: above 90); compare it within one search only.

Only the shown hits are built
    ``limit`` (``search``, ``find``) cuts the result to its best hits without changing
    them: rules 1-4 and the coarse BM25 still order every candidate and give the total,
    the head is still re-ranked whole, but only the first ``limit`` candidates fetch
    their sentence and become a ``Hit``. A common word matching a quarter of a large
    library then costs what its posting list costs, not ~10 us per match.

The storage protocol
    Everything here reads the sentences through ``store.SentenceStore``, so the same
    planning and ranking can run over ``index.MemoryIndex`` or an on-disk library.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from cstocli.search import ranking
from cstocli.search.expansion import Variant, plan
from cstocli.search.levels import Level, Reached, query_levels
from cstocli.search.query import Query, parse_query
from cstocli.search.store import Sentence, SentenceStore

RERANK = 200
"""How many of the best candidates get the full proximity and BM25 ranking."""
ROLE_PHRASE = 2
"""A speaker's role matching every word of a query this long names the speaker."""


@dataclass(frozen=True)
class Hit:
    """A sentence that matches a query, with why and where."""

    sentence: Sentence
    """The matching sentence."""
    score: float
    """Relevance in [0, 100), higher is better; hits are sorted by it (module docstring)."""
    words_matched: int
    """How many of the query's words and phrases it matches."""
    words: int
    """How many words and phrases the query has."""
    typos: int
    """Total typos over the matched words."""
    terms: frozenset[str] = field(repr=False, compare=False)
    """Folded words (query words' variants) to highlight wherever they occur."""
    phrases: tuple[tuple[str, ...], ...] = field(repr=False, compare=False)
    """Phrases to highlight where they occur consecutively."""

    @cached_property
    def highlights(self) -> tuple[tuple[int, int], ...]:
        """``[start, end)`` offsets of the matched words in ``sentence.text``, merged.

        Computed when first read: a query may have thousands of hits and the CLI
        shows ten.
        """
        return ranking.highlight(self.sentence.text, self.terms, self.phrases)


class Results(NamedTuple):
    """The best hits of a search, and how many sentences match in all."""

    hits: list[Hit]
    """The best hits, best first: all of them, or the first ``limit``."""
    total: int
    """How many sentences match, shown or not (``len(hits)`` when there is no limit)."""


def search(
    store: SentenceStore,
    query: str,
    *,
    speaker_ids: frozenset[str] | None = None,
    limit: int | None = None,
) -> list[Hit]:
    """The sentences matching ``query``, best first (see the module docstring).

    ``speaker_ids`` keeps only sentences said by those speakers (narration is dropped).
    ``limit`` keeps the best ``limit`` hits, exactly ``search(...)[:limit]`` but without
    fetching the others (``find`` also says how many there were). Never raises on any
    string.
    """
    return find(store, query, speaker_ids=speaker_ids, limit=limit).hits


def find(
    store: SentenceStore,
    query: str,
    *,
    speaker_ids: frozenset[str] | None = None,
    limit: int | None = None,
) -> Results:
    """The best ``limit`` hits (all when None) and the number of all matching sentences.

    Every candidate is still ranked by rules 1-4 and the coarse BM25 (set operations),
    so the order and the total are those of the whole result; only the shown hits have
    their sentence fetched and a ``Hit`` built.
    """
    return run(store, parse_query(query), speaker_ids=speaker_ids, limit=limit)


def run(
    store: SentenceStore,
    query: Query,
    *,
    speaker_ids: frozenset[str] | None = None,
    limit: int | None = None,
) -> Results:
    """Execute a parsed query against a store: the best ``limit`` hits and the total."""
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be None or at least 0, not {limit}")
    if not query.units or not len(store):
        return Results([], 0)
    query, expansions = plan(store, query)
    allowed = _allowed(store, speaker_ids)
    # Role levels first hold only what other units reach too (``levels``): the same
    # grounded hits, without reading every sentence a role's holders say.
    levels, whole = query_levels(store, query, expansions)
    parts, grounded = _partition(levels, query, allowed)
    if not grounded and not whole:
        # No grounded hit: the role fallbacks are the hits, and they need every sentence.
        levels, _ = query_levels(store, query, expansions, whole=True)
        parts, _ = _partition(levels, query, allowed)
    total = sum(len(part.sentences) for part in parts)
    if limit == 0:
        return Results([], total)
    # The head's rerank needs the whole head, whatever is shown of it.
    wanted = total if limit is None else min(total, max(limit, RERANK))
    ranked = _rank(store, query, expansions, _coarse(parts, wanted), limit)
    shown = ranked if limit is None else ranked[:limit]
    return Results(_hits(store, query, expansions, shown), total)


def _coarse(parts: Sequence[_Part], count: int) -> list[tuple[int, _Part]]:
    """The first ``count`` candidates in coarse order (part key, then source order).

    Parts whose keys are equal (two variants that weigh the same) merge in source order.
    A group of parts past ``count`` is never looked at, and of the last group needed only
    its first ids are paired with their parts. The first ``count`` of a part are picked
    with a heap, not by sorting it: a common prefix's part holds 100,000 ids.
    """
    ordered: list[tuple[int, _Part]] = []
    for _, group in itertools.groupby(sorted(parts, key=_Part.key), key=_Part.key):
        need = count - len(ordered)
        if need <= 0:
            break
        tied = list(group)
        if len(tied) == 1:
            part = tied[0]
            ordered.extend((i, part) for i in heapq.nsmallest(need, part.sentences))
            continue
        chosen = heapq.nsmallest(need, itertools.chain.from_iterable(p.sentences for p in tied))
        # Parts are disjoint, so each chosen id has exactly one owner.
        owner: dict[int, _Part] = {}
        kept = frozenset(chosen)
        for part in tied:
            owner.update(dict.fromkeys(part.sentences & kept, part))
        ordered.extend((i, owner[i]) for i in chosen)
    return ordered


class _Part(NamedTuple):
    """Candidates that match the query the same way, so they share rules 1-4."""

    matched: int
    in_text: int
    named: int
    typos: int
    slips: int
    phrases: int
    weight: float
    sentences: frozenset[int]

    def key(self) -> tuple[int, int, int, int, float]:
        """Sort key: rules 1-4, then the coarse BM25."""
        return (-self.matched, -self.in_text, self.typos, self.slips, -self.weight)

    def plus(self, level: Level, sentences: frozenset[int]) -> _Part:
        """These of our sentences, also matching through ``level``."""
        return _Part(
            self.matched + 1,
            self.in_text + level.in_text,
            self.named + level.named,
            self.typos + level.typos,
            self.slips + level.slip,
            self.phrases + level.phrase,
            self.weight + level.weight,
            sentences,
        )

    def grounded(self, units: int) -> bool:
        """Evidence enough on its own: not only a role matching some of ``units`` words.

        Matched in the text or through the speaker's name; or, for a query of two or
        more units, through the speaker's role or affiliation matching every one of
        them ("secretary general", "president of kazakhstan"): a single sentence has a
        single speaker, so every unit then matched the same person's role.
        """
        return bool(self.in_text or self.named) or self.matched == units >= ROLE_PHRASE


def _partition(
    reached: Sequence[Reached], query: Query, allowed: frozenset[int] | None
) -> tuple[list[_Part], bool]:
    """Split the candidates by how they match each unit; keep only parts that are hits.

    Parts matched only through speakers' roles are hits only when no other part is
    (decided before the speaker filter, so a filter never brings them back). The second
    value says whether the hits are grounded ones.
    """
    needed = max(1, -(-len(query.units) // 2))
    start = _Part(0, 0, 0, 0, 0, 0, 0.0, frozenset())
    # The part of the sentences that missed every unit so far is never built: a prefix
    # reaches 100,000 sentences, and that part would be copied, then cut by each of the
    # next unit's levels. It is named by the covers its sentences lie outside of, and a
    # level loses what those covers hold only where they meet (seldom: levels are small
    # beside what the other units reach, or the covers are).
    missed: list[Set[int]] | None = []
    parts: list[_Part] = []
    for number, (unit, unit_reached) in enumerate(zip(query.units, reached, strict=True)):
        left = len(query.units) - number - 1
        split = []
        if missed is not None:
            for level in unit_reached.levels:
                if inside := _outside(level.sentences, missed):
                    split.append(start.plus(level, inside))
            # Those that miss this unit too survive only if they can still reach ``needed``.
            missed = None if unit.phrase or left < needed else [*missed, unit_reached.cover]
        for part in parts:
            for level in unit_reached.levels:
                if inside := part.sentences & level.sentences:
                    split.append(part.plus(level, inside))
            survives = not unit.phrase and part.matched + left >= needed
            if survives and (rest := part.sentences - unit_reached.cover):
                split.append(part._replace(sentences=rest))
        parts = split
    hits = [part for part in parts if part.matched >= needed]
    grounded = [part for part in hits if part.grounded(len(query.units))]
    hits = grounded or hits
    if allowed is None:
        return hits, bool(grounded)
    kept = (part._replace(sentences=part.sentences & allowed) for part in hits)
    return [part for part in kept if part.sentences], bool(grounded)


def _outside(sentences: frozenset[int], covers: Sequence[Set[int]]) -> frozenset[int]:
    """``sentences`` less what ``covers`` hold; the same set when they hold none of it."""
    for cover in covers:
        if not sentences.isdisjoint(cover):  # walks the smaller of the two
            sentences = sentences - cover
    return sentences


def _allowed(store: SentenceStore, speaker_ids: frozenset[str] | None) -> frozenset[int] | None:
    """Ids of the sentences the speaker filter lets through; None when there is no filter."""
    if speaker_ids is None:
        return None
    return frozenset(i for speaker_id in speaker_ids for i in store.sentences_by(speaker_id))


def _rank(
    store: SentenceStore,
    query: Query,
    expansions: Sequence[Sequence[Variant]],
    ordered: Sequence[tuple[int, _Part]],
    limit: int | None = None,
) -> list[tuple[int, _Part, ranking.Key]]:
    """Re-rank the best ``RERANK`` candidates by proximity and BM25; key every one.

    With a ``limit``, only the head's first groups of equal rules 1-4 that hold the best
    ``limit`` are measured and returned (with the tail after them): proximity and BM25
    only break ties inside such a group, so no later group can rise into the first
    ``limit``. Only the candidates returned before the ``limit`` are ever shown.
    """
    head = list(ordered[:RERANK])
    if limit is not None and limit < len(head):
        # ``ordered`` is sorted by rules 1-4 first, so each group is one run of it.
        end = 0
        for _, group in itertools.groupby(head, key=lambda item: item[1].key()[:4]):
            if end >= limit:
                break
            end += sum(1 for _ in group)
        head = head[:end]
    measure = ranking.Measure(store, query, expansions)
    fine = []
    tokens = store.tokens_of([sentence_id for sentence_id, _ in head])
    for (sentence_id, part), words in zip(head, tokens, strict=True):
        proximity, bm25 = measure(words)
        key = ranking.Key(part.matched, part.in_text, part.typos, part.slips, proximity, bm25)
        fine.append(((*part.key()[:4], proximity, -bm25, sentence_id), sentence_id, part, key))
    fine.sort(key=lambda item: item[0])
    ranked = [(sentence_id, part, key) for _, sentence_id, part, key in fine]
    # Below the head: no proximity measured (the lowest slot), the coarse BM25 instead.
    for sentence_id, part in ordered[RERANK:]:
        key = ranking.Key(part.matched, part.in_text, part.typos, part.slips, None, part.weight)
        ranked.append((sentence_id, part, key))
    return ranked


def _hits(
    store: SentenceStore,
    query: Query,
    expansions: Sequence[Sequence[Variant]],
    ranked: Sequence[tuple[int, _Part, ranking.Key]],
) -> list[Hit]:
    """A ``Hit`` per ranked candidate, its sentence fetched from the store, its score computed."""
    terms = frozenset(v.term for variants in expansions for v in variants)
    phrases = tuple(unit.terms for unit in query.units if unit.phrase)
    size = len(query.units)
    sentences = store.sentences_of([i for i, _, _ in ranked])
    return [
        Hit(sentence, ranking.score(key, size), part.matched, size, part.typos, terms, phrases)
        for sentence, (_, part, key) in zip(sentences, ranked, strict=True)
    ]
