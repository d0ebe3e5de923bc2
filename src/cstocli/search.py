"""Find the sentences a query means: typo-tolerant, ranked, highlighted, silent on nonsense.

Pure functions over a ``SentenceStore``; no I/O, no Rich.

How a query is read (``parse_query``)
    Words are folded like the text (``cstocli.text``). Text in double quotes (straight or
    typographic) is a phrase: its words must appear exactly and consecutively. Hyphens
    split words, so ``Nagorno-Karabakh`` and ``nagorno karabakh`` are the same query.
    Common words (``text.COMMON_WORDS``: "the", "of", "and"...) are dropped from unquoted
    text and reported in ``Query.ignored``; a query made only of them therefore finds
    nothing, instead of every sentence of the article (quote them to search the phrase).
    At most ``MAX_WORDS`` words and phrases are used; the rest are ignored.

How each word is matched (``expand``)
    Each word is expanded over the store's VOCABULARY (never the text) to the indexed
    words within its typo budget: 0 typos under 5 letters, 1 for 5-8, 2 for 9 or more,
    Damerau-Levenshtein (a transposition is one typo). Numbers match exactly, as typed
    with or without thousands commas. The last word may also be a prefix (3+ letters).
    A typo never turns a word into a common word ("thw" does not become "the").
    Words also match speakers' names, roles, affiliations and aliases: a sentence said
    by a speaker the word names counts that word as matched (without highlighting it).

Which sentences are hits
    A hit matches every phrase and at least half of the query's words and phrases
    (rounded up): all-word hits rank first, then most-word hits. A query none of whose
    words matches within its budget returns no hits.

How hits are ranked, each rule only breaking ties of the one before
    1. more query words and phrases matched;
    2. fewer typos in total;
    3. more of them matched in the sentence itself (not only through its speaker);
    4. query words closer together and in query order (proximity, as Meilisearch does);
    5. BM25 over the matched words (a typo'd word weighs less, a prefix a little less);
    6. source order.
    Rules 4 and 5 need each sentence's words, so they are applied to the best
    ``RERANK`` hits by rules 1-3 and a cheap BM25 without length normalisation; hits
    below those stay in that cheaper order. ``Hit.score`` encodes the whole key as one
    float, so hits are always sorted by score, best first.

The storage protocol
    ``SentenceStore`` is all the planner needs from storage, so the same ranking runs
    over ``index.MemoryIndex`` (one article, in memory) or an on-disk library (SQLite
    FTS5: the vocabulary from an ``fts5vocab`` table, postings from the FTS index,
    tokens by re-tokenising the fetched sentence with ``text.words``). Sentence ids are
    integers ascending in source order.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from cstocli import text
from cstocli.index import Sentence, speaker_names
from cstocli.model import Speaker

MAX_WORDS = 16
"""Query words and phrases beyond this many are ignored (bounds the work per query)."""
MAX_VARIANTS = 50
"""At most this many vocabulary words stand in for one query word (closest first)."""
RERANK = 200
"""How many of the best hits get the full proximity and BM25 ranking."""
MIN_PREFIX = 3
"""The last query word matches as a prefix from this many letters."""

_QUOTES = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]")
_BM25_K1 = 1.2
_BM25_B = 0.75
_PROXIMITY_CAP = 8
_PREFIX_WEIGHT = 0.8


class SentenceStore(Protocol):
    """What query planning and ranking need from wherever the sentences are kept."""

    def __len__(self) -> int:
        """The number of sentences."""
        ...

    @property
    def average_length(self) -> float:
        """Mean number of words per sentence."""
        ...

    def terms(self, min_length: int, max_length: int) -> Sequence[str]:
        """Every indexed word whose length lies in ``[min_length, max_length]``."""
        ...

    def terms_with_prefix(self, prefix: str) -> Sequence[str]:
        """Every indexed word that starts with ``prefix``."""
        ...

    def frequency(self, term: str) -> int:
        """How many sentences contain ``term``."""
        ...

    def postings(self, term: str) -> Sequence[int]:
        """Ids of the sentences that contain ``term``, ascending."""
        ...

    def tokens(self, sentence_id: int) -> Sequence[str]:
        """The folded words of one sentence, in order."""
        ...

    def sentence(self, sentence_id: int) -> Sentence:
        """The sentence with this id."""
        ...

    def speaker_words(self) -> Mapping[str, frozenset[str]]:
        """Each folded word of speakers' names, roles and aliases -> the speaker ids."""
        ...

    def sentences_by(self, speaker_id: str) -> Sequence[int]:
        """Ids of the sentences a speaker says, ascending."""
        ...


@dataclass(frozen=True, slots=True)
class Unit:
    """One thing the query asks for: a word, or a quoted phrase."""

    terms: tuple[str, ...]
    """The folded words; one for a word, several for a phrase."""
    phrase: bool = False
    """Quoted: exact words, consecutive, no typos, no speaker matching."""
    prefix: bool = False
    """The query's last word: may also match longer words that start with it."""


@dataclass(frozen=True, slots=True)
class Query:
    """A query as the engine reads it."""

    units: tuple[Unit, ...]
    """The words and phrases to find, in query order."""
    ignored: tuple[str, ...] = ()
    """Common words that were dropped (the CLI can say so)."""


@dataclass(frozen=True, slots=True)
class Variant:
    """An indexed word that stands for a query word."""

    term: str
    """The indexed (folded) word."""
    typos: int
    """Its Damerau-Levenshtein distance to the query word (0 for a prefix match)."""
    prefix: bool = False
    """Matched because the query word is its prefix."""

    @property
    def weight(self) -> float:
        """How much a match through this word counts in BM25."""
        return (_PREFIX_WEIGHT if self.prefix else 1.0) / (1 + self.typos)


@dataclass(frozen=True)
class Hit:
    """A sentence that matches a query, with why and where."""

    sentence: Sentence
    """The matching sentence."""
    score: float
    """Higher is better; hits are sorted by it. Encodes the whole ranking key."""
    words_matched: int
    """How many of the query's words and phrases it matches."""
    words: int
    """How many words and phrases the query has."""
    typos: int
    """Total typos over the matched words."""
    terms: frozenset[str] = field(repr=False)
    """Folded words (query words' variants) to highlight wherever they occur."""
    phrases: tuple[tuple[str, ...], ...] = field(repr=False)
    """Phrases to highlight where they occur consecutively."""

    @cached_property
    def highlights(self) -> tuple[tuple[int, int], ...]:
        """``[start, end)`` offsets of the matched words in ``sentence.text``, merged."""
        return highlight(self.sentence.text, self.terms, self.phrases)


@dataclass(frozen=True, slots=True)
class SpeakerMatch:
    """The speakers a name resolves to, or the closest names when none is close enough."""

    speakers: tuple[Speaker, ...]
    """The matching speakers, best first; empty when nothing matched."""
    suggestions: tuple[str, ...] = ()
    """The closest speaker names, best first, when ``speakers`` is empty."""


def typo_budget(word: str) -> int:
    """How many typos a query word may carry: 0 (<5 letters or a number), 1 (5-8), 2."""
    if any(c.isdigit() for c in word) or len(word) < 5:
        return 0
    return 1 if len(word) <= 8 else 2


def parse_query(query: str) -> Query:
    """Read a raw query string into words and phrases (see the module docstring)."""
    pieces = _QUOTES.split(query)
    if len(pieces) % 2 == 0:
        # An unclosed quote: its text counts as plain words.
        pieces[-2:] = [pieces[-2] + " " + pieces[-1]]
    units: list[Unit] = []
    ignored: list[str] = []
    for number, piece in enumerate(pieces):
        found = text.words(piece)
        if number % 2:
            if found:
                units.append(Unit(tuple(found), phrase=True))
            continue
        for word in found:
            if word in text.COMMON_WORDS:
                ignored.append(word)
            else:
                units.append(Unit((word,)))
    ends_with_word = bool(pieces[-1].strip()) and not query.rstrip().endswith(tuple('"”»'))
    if units and ends_with_word and not units[-1].phrase:
        last = units[-1].terms[0]
        if len(last) >= MIN_PREFIX and last.isalpha():
            units[-1] = Unit(units[-1].terms, prefix=True)
    # A repeated word counts once, in its first place (keeping a prefix mark it earned last).
    unique: dict[tuple[tuple[str, ...], bool], Unit] = {}
    for unit in units:
        unique[unit.terms, unit.phrase] = unit
    return Query(tuple(unique.values())[:MAX_WORDS], tuple(dict.fromkeys(ignored)))


def expand(store: SentenceStore, unit: Unit) -> list[Variant]:
    """The indexed words that stand for a (non-phrase) unit, closest first."""
    word = unit.terms[0]
    budget = typo_budget(word)
    variants: dict[str, Variant] = {}
    if budget:
        # Imported here: only queries with words of 5+ letters pay for loading RapidFuzz.
        from rapidfuzz import process  # noqa: PLC0415
        from rapidfuzz.distance import DamerauLevenshtein  # noqa: PLC0415

        pool = store.terms(len(word) - budget, len(word) + budget)
        for term, distance, _ in process.extract(
            word, pool, scorer=DamerauLevenshtein.distance, score_cutoff=budget, limit=None
        ):
            if distance == 0 or term not in text.COMMON_WORDS:
                variants[term] = Variant(term, int(distance))
    elif store.frequency(word):
        variants[word] = Variant(word, 0)
    if unit.prefix:
        for term in store.terms_with_prefix(word):
            if term not in variants:
                variants[term] = Variant(term, 0, prefix=True)
    ordered = sorted(
        variants.values(), key=lambda v: (v.typos, v.prefix, -store.frequency(v.term), v.term)
    )
    return ordered[:MAX_VARIANTS]


def search(
    store: SentenceStore, query: str, *, speaker_ids: frozenset[str] | None = None
) -> list[Hit]:
    """Every sentence matching ``query``, best first (see the module docstring).

    ``speaker_ids`` keeps only sentences said by those speakers (narration is dropped).
    Never raises on any string.
    """
    return run(store, parse_query(query), speaker_ids=speaker_ids)


@dataclass(slots=True)
class _Candidate:
    """What is known about one sentence while a query runs."""

    matched: int = 0
    typos: int = 0
    in_text: int = 0
    phrases: int = 0
    weight: float = 0.0


def run(
    store: SentenceStore, query: Query, *, speaker_ids: frozenset[str] | None = None
) -> list[Hit]:
    """Execute a parsed query against a store; every hit, best first."""
    if not query.units or not len(store):
        return []
    expansions = [[] if u.phrase else expand(store, u) for u in query.units]
    candidates: dict[int, _Candidate] = {}
    for unit, variants in zip(query.units, expansions, strict=True):
        _match_unit(store, unit, variants, candidates)
    needed = max(1, math.ceil(len(query.units) / 2))
    phrases = sum(u.phrase for u in query.units)
    allowed = _allowed(store, speaker_ids)
    kept = [
        (sentence_id, found)
        for sentence_id, found in candidates.items()
        if found.matched >= needed
        and found.phrases == phrases
        and (allowed is None or sentence_id in allowed)
    ]
    kept.sort(key=lambda item: (-item[1].matched, item[1].typos, -item[1].in_text,
                                -item[1].weight, item[0]))  # fmt: skip
    return _rank(store, query, expansions, kept)


def _allowed(store: SentenceStore, speaker_ids: frozenset[str] | None) -> set[int] | None:
    """Ids of the sentences the speaker filter lets through; None when there is no filter."""
    if speaker_ids is None:
        return None
    return {i for speaker_id in speaker_ids for i in store.sentences_by(speaker_id)}


def _match_unit(
    store: SentenceStore,
    unit: Unit,
    variants: Sequence[Variant],
    candidates: dict[int, _Candidate],
) -> None:
    """Record, for each sentence this unit matches, how well it matches."""
    best: dict[int, tuple[int, float]] = {}
    if unit.phrase:
        idf = sum(_idf(store, term) for term in unit.terms)
        for sentence_id in _phrase_sentences(store, unit.terms):
            best[sentence_id] = (0, idf)
    else:
        for variant in variants:
            score = variant.weight * _idf(store, variant.term)
            for sentence_id in store.postings(variant.term):
                if sentence_id not in best:
                    best[sentence_id] = (variant.typos, score)
    for sentence_id, (typos, score) in best.items():
        found = candidates.setdefault(sentence_id, _Candidate())
        found.matched += 1
        found.typos += typos
        found.in_text += 1
        found.weight += score
        found.phrases += unit.phrase
    if not unit.phrase:
        _match_speakers(store, unit.terms[0], best, candidates)


def _match_speakers(
    store: SentenceStore,
    word: str,
    in_text: Mapping[int, object],
    candidates: dict[int, _Candidate],
) -> None:
    """Count the word as matched in the sentences of the speakers it names."""
    named = speaker_word_variants(store.speaker_words(), word)
    for speaker_id, typos in sorted(named.items()):
        for sentence_id in store.sentences_by(speaker_id):
            if sentence_id in in_text:
                continue
            found = candidates.setdefault(sentence_id, _Candidate())
            found.matched += 1
            found.typos += typos


def speaker_word_variants(words: Mapping[str, frozenset[str]], word: str) -> dict[str, int]:
    """The speakers a query word names (within its typo budget) -> the fewest typos."""
    budget = typo_budget(word)
    named: dict[str, int] = {}
    for candidate, speaker_ids in words.items():
        distance = 0 if candidate == word else _distance(word, candidate, budget)
        if distance <= budget:
            for speaker_id in speaker_ids:
                named[speaker_id] = min(distance, named.get(speaker_id, distance))
    return named


def _distance(word: str, other: str, budget: int) -> int:
    """Damerau-Levenshtein distance, or ``budget + 1`` when it is surely larger."""
    if not budget or abs(len(word) - len(other)) > budget:
        return budget + 1
    from rapidfuzz.distance import DamerauLevenshtein  # noqa: PLC0415

    return int(DamerauLevenshtein.distance(word, other, score_cutoff=budget + 1))


def _idf(store: SentenceStore, term: str) -> float:
    """BM25's inverse document frequency of a word."""
    count = store.frequency(term)
    return math.log(1 + (len(store) - count + 0.5) / (count + 0.5))


def _phrase_sentences(store: SentenceStore, terms: tuple[str, ...]) -> list[int]:
    """Ids of the sentences where ``terms`` occur consecutively."""
    lists = sorted((store.postings(term) for term in terms), key=len)
    common = set(lists[0])
    for other in lists[1:]:
        common.intersection_update(other)
    return [i for i in sorted(common) if _phrase_starts(store.tokens(i), terms)]


def _phrase_starts(tokens: Sequence[str], terms: Sequence[str]) -> list[int]:
    """Positions where ``terms`` occur consecutively in ``tokens``."""
    size = len(terms)
    return [i for i in range(len(tokens) - size + 1) if tuple(tokens[i : i + size]) == tuple(terms)]


def _rank(
    store: SentenceStore,
    query: Query,
    expansions: Sequence[Sequence[Variant]],
    kept: Sequence[tuple[int, _Candidate]],
) -> list[Hit]:
    """Apply the full ranking to the best ``RERANK`` hits; build every ``Hit``."""
    scored: list[tuple[tuple[float, ...], int, _Candidate, int, float]] = []
    for sentence_id, found in kept[:RERANK]:
        tokens = store.tokens(sentence_id)
        proximity = _proximity(tokens, query.units, expansions)
        bm25 = _bm25(store, tokens, query.units, expansions)
        key = (-found.matched, found.typos, -found.in_text, proximity, -bm25, sentence_id)
        scored.append((key, sentence_id, found, proximity, bm25))
    scored.sort(key=lambda item: item[0])
    ranked = [(sentence_id, found, proximity, bm25) for _, sentence_id, found, proximity, bm25
              in scored]  # fmt: skip
    # Below the re-ranked head: no proximity known (scored as the worst), cheap BM25.
    ranked.extend((i, found, -1, found.weight) for i, found in kept[RERANK:])
    terms = frozenset(v.term for variants in expansions for v in variants)
    phrases = tuple(u.terms for u in query.units if u.phrase)
    return [
        Hit(
            sentence=store.sentence(sentence_id),
            score=_score(found, proximity, bm25),
            words_matched=found.matched,
            words=len(query.units),
            typos=found.typos,
            terms=terms,
            phrases=phrases,
        )
        for sentence_id, found, proximity, bm25 in ranked
    ]


def _score(found: _Candidate, proximity: int, bm25: float) -> float:
    """Pack the ranking key into one float that sorts the same way (higher is better).

    Each component's range is below the next one's step: BM25 < 1e3 (clamped),
    proximity term < 1e6, words in text (<= 16) < 1e8, typos (<= 32) < 1e10.
    """
    closeness = 0 if proximity < 0 else 999 - min(proximity, 998)
    return (
        found.matched * 1e10
        + (99 - found.typos) * 1e8
        + found.in_text * 1e6
        + closeness * 1e3
        + min(max(bm25, 0.0), 999.0)
    )


def _unit_positions(
    tokens: Sequence[str], unit: Unit, variants: Sequence[Variant]
) -> list[tuple[int, int]]:
    """``(first, last)`` word positions where a unit occurs in a sentence."""
    if unit.phrase:
        size = len(unit.terms)
        return [(i, i + size - 1) for i in _phrase_starts(tokens, unit.terms)]
    wanted = {v.term for v in variants}
    return [(i, i) for i, token in enumerate(tokens) if token in wanted]


def _proximity(
    tokens: Sequence[str], units: Sequence[Unit], expansions: Sequence[Sequence[Variant]]
) -> int:
    """Sum over consecutive matched units of how far apart they stand (0 = adjacent)."""
    placed = [
        found
        for unit, variants in zip(units, expansions, strict=True)
        if (found := _unit_positions(tokens, unit, variants))
    ]
    total = 0
    for before, after in itertools.pairwise(placed):
        total += min(_gap(a, b) for a in before for b in after)
    return total


def _gap(before: tuple[int, int], after: tuple[int, int]) -> int:
    """Cost of two units' distance: adjacent in order 0, reversed or apart more, capped."""
    distance = after[0] - before[1]
    cost = distance - 1 if distance > 0 else 1 - distance
    return min(cost, _PROXIMITY_CAP)


def _bm25(
    store: SentenceStore,
    tokens: Sequence[str],
    units: Sequence[Unit],
    expansions: Sequence[Sequence[Variant]],
) -> float:
    """BM25 of a sentence for the query; each word counts through its best variant."""
    average = store.average_length or 1.0
    norm = _BM25_K1 * (1 - _BM25_B + _BM25_B * len(tokens) / average)
    counts: dict[str, int] = {}
    for token in tokens:
        counts[token] = counts.get(token, 0) + 1
    total = 0.0
    for unit, variants in zip(units, expansions, strict=True):
        if unit.phrase:
            pairs: Iterable[tuple[float, int]] = [
                (
                    sum(_idf(store, t) for t in unit.terms),
                    len(_phrase_starts(tokens, unit.terms)),
                )
            ]
        else:
            pairs = [(v.weight * _idf(store, v.term), counts.get(v.term, 0)) for v in variants]
        total += max((w * tf * (_BM25_K1 + 1) / (tf + norm) for w, tf in pairs if tf), default=0.0)
    return total


def highlight(
    sentence: str, terms: frozenset[str], phrases: Sequence[tuple[str, ...]] = ()
) -> tuple[tuple[int, int], ...]:
    """Offsets of the words of ``sentence`` that are in ``terms`` or form a phrase.

    Neighbouring marked words separated only by spaces or hyphens become one range,
    so "information security" is one highlight. Offsets are on word boundaries of the
    original text (case and accents intact).
    """
    tokens = text.tokenise(sentence)
    norms = [t.norm for t in tokens]
    marked = [t.norm in terms for t in tokens]
    for phrase in phrases:
        for start in _phrase_starts(norms, phrase):
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


def match_speaker(speakers: Sequence[Speaker], name: str) -> SpeakerMatch:
    """Resolve a fuzzy speaker name (any spelling, alias or surname) to speakers.

    Every word of ``name`` must match a word of one of the speaker's names or aliases
    within the typo budget, or be a prefix (3+ letters) of one. The speakers with the
    fewest typos win. When none matches, the three closest names are suggested.
    """
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
    if candidate == word or (len(word) >= MIN_PREFIX and candidate.startswith(word)):
        return 0
    return _distance(word, candidate, budget)


def _suggest(speakers: Sequence[Speaker], name: str, count: int = 3) -> tuple[str, ...]:
    """The names of the ``count`` speakers whose names look most like ``name``."""
    from rapidfuzz import fuzz, utils  # noqa: PLC0415

    def likeness(speaker: Speaker) -> float:
        return max(
            fuzz.WRatio(name, " ".join(text.words(known)), processor=utils.default_process)
            for known in speaker_names(speaker)
        )

    ranked = sorted(speakers, key=lambda s: -likeness(s))
    return tuple(s.name for s in ranked[:count])
