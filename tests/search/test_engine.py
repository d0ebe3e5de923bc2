from __future__ import annotations

import hashlib
import itertools
import random
from collections.abc import Sequence

import pytest
from tests.conftest import load_bench

from cstocli.model import Dataset, Located, Passage, Source, Speaker
from cstocli.search.engine import RERANK, Hit, Results, _partition, find, search
from cstocli.search.levels import Level, Reached
from cstocli.search.memory import MemoryIndex, build_index
from cstocli.search.query import Query, Unit
from cstocli.search.store import Sentence
from cstocli.text import COMMON_WORDS

SPEAKERS = (
    Speaker("ann-lee", "Ann Lee", "Mayor of Springfield", "Springfield", ("Anna Li",)),
    Speaker("bob-roe", "Bob Roe", "Chief of Police", None),
)
PARAGRAPHS = (
    (None, "The mayor opened the Café Océan on Main Street. We\u2019ve waited for years."),
    ("ann-lee", "We've built 13,000 homes. The north-south road is open."),
    ("ann-lee", "Security first, and then the budget. The budget of the city is sound."),
    ("bob-roe", "The city budget pays for security. Crime fell in the north."),
    ("bob-roe", "Road safety matters: the open road kills. Sound budget decisions help."),
)


def make_dataset(paragraphs: tuple[tuple[str | None, str], ...] = PARAGRAPHS) -> Dataset:
    """A small dataset of one-paragraph passages, spans exact."""
    source = ""
    passages = []
    for number, (speaker_id, body) in enumerate(paragraphs, start=1):
        if source:
            source += "\n\n"
        span = (len(source), len(source) + len(body))
        source += body
        passages.append(
            Passage(
                id=f"{'q' if speaker_id else 'n'}{number}",
                kind="quote" if speaker_id else "narration",
                speaker_id=speaker_id,
                label=None,
                paragraphs=(Located(body, span),),
                text=body,
                span=span,
            )
        )
    digest = hashlib.sha256(source.encode()).hexdigest()
    return Dataset(
        id="test",
        source=Source("test.txt", Located("", (0, 0)), digest),
        source_text=source,
        event=None,
        speakers=SPEAKERS,
        passages=tuple(passages),
    )


@pytest.fixture(scope="module")
def index() -> MemoryIndex:
    """The index of the small test dataset."""
    return build_index(make_dataset())


def texts(index: MemoryIndex, query: str) -> list[str]:
    """The sentence texts a query finds, best first."""
    return [hit.sentence.text for hit in search(index, query)]


def test_case_accents_and_apostrophes_do_not_matter(index: MemoryIndex) -> None:
    """CAFE OCEAN finds Café Océan; a straight apostrophe finds a typographic one."""
    assert texts(index, "CAFE OCEAN") == ["The mayor opened the Café Océan on Main Street."]
    assert set(texts(index, "we've")) == {
        "We\u2019ve waited for years.",
        "We've built 13,000 homes.",
    }


def test_numbers_match_with_or_without_commas(index: MemoryIndex) -> None:
    """13000 and 13,000 find the same sentence; a near number does not."""
    assert texts(index, "13000") == texts(index, "13,000") == ["We've built 13,000 homes."]
    assert texts(index, "13001") == []


def test_hyphenated_and_split_forms_match(index: MemoryIndex) -> None:
    """north-south and "north south" find the hyphenated compound first."""
    expected = "The north-south road is open."
    assert texts(index, "north-south")[0] == expected
    assert texts(index, "north south")[0] == expected


def test_phrase_is_exact_and_consecutive(index: MemoryIndex) -> None:
    """A quoted phrase needs its words adjacent and untypo'd."""
    assert texts(index, '"city budget"') == ["The city budget pays for security."]
    assert texts(index, '"budget city"') == []
    assert texts(index, '"city budgte"') == []


def test_all_words_rank_before_most_words(index: MemoryIndex) -> None:
    """Sentences holding every query word come before those holding some."""
    hits = search(index, "security budget")
    assert hits[0].words_matched == 2
    assert hits[0].sentence.text in {
        "Security first, and then the budget.",
        "The city budget pays for security.",
    }
    counts = [hit.words_matched for hit in hits]
    assert counts == sorted(counts, reverse=True)
    assert counts[-1] == 1


def test_closer_words_rank_first(index: MemoryIndex) -> None:
    """With equal words and typos, adjacent words in query order win (proximity)."""
    assert texts(index, "sound budget")[0] == "Sound budget decisions help."


def test_fewer_typos_rank_first(index: MemoryIndex) -> None:
    """An exact match outranks a typo'd one."""
    hits = search(index, "roads")
    assert hits[0].typos == 1
    assert all(hit.typos == 1 for hit in hits)
    assert search(index, "road")[0].typos == 0


def test_nonsense_and_common_words_find_nothing(index: MemoryIndex) -> None:
    """Words outside the typo budget, or only common words, give no hits."""
    for query in ["zzzz", "qwertyuiop", "the", "of the", "", "   ", '""', "!!!"]:
        assert search(index, query) == [], query


def test_quoted_common_words_are_searched(index: MemoryIndex) -> None:
    """Quoting common words searches them as a phrase on purpose."""
    assert texts(index, '"of the"') == ["The budget of the city is sound."]


def test_speaker_names_favour_their_sentences(index: MemoryIndex) -> None:
    """A query naming a speaker (by alias even) ranks that speaker's sentences first."""
    hits = search(index, "Anna budget")
    assert hits[0].sentence.speaker_id == "ann-lee"
    assert hits[0].words_matched == 2
    assert search(index, "Roe budget")[0].sentence.speaker_id == "bob-roe"


def test_role_only_matches_give_way_to_text_matches(index: MemoryIndex) -> None:
    """A word found in a sentence hides the sentences only its speaker's role matches."""
    hits = search(index, "mayor")
    assert [hit.sentence.text for hit in hits] == [
        "The mayor opened the Café Océan on Main Street."
    ]
    assert all(hit.highlights for hit in hits)


def test_role_only_matches_are_hits_when_nothing_else_matches(index: MemoryIndex) -> None:
    """A role or affiliation found in no text lists the speakers it describes."""
    hits = search(index, "police")
    assert hits
    assert {hit.sentence.speaker_id for hit in hits} == {"bob-roe"}
    assert all(hit.highlights == () for hit in hits)
    assert {hit.sentence.speaker_id for hit in search(index, "springfeld")} == {"ann-lee"}


def test_the_speaker_filter_never_brings_role_only_matches_back(index: MemoryIndex) -> None:
    """Mayor is in the narration's text, so Ann Lee (the mayor) said nothing matching."""
    assert search(index, "mayor", speaker_ids=frozenset({"ann-lee"})) == []


def test_a_role_phrase_lists_its_holder_before_partial_text_matches(index: MemoryIndex) -> None:
    """A role phrase (mayor springfield) in Ann Lee's role: all she said, then "The mayor"."""
    hits = search(index, "mayor springfield")
    assert [hit.sentence.speaker_id for hit in hits] == ["ann-lee"] * 4 + [None]
    assert all(hit.words_matched == 2 and hit.highlights == () for hit in hits[:4])
    assert hits[-1].sentence.text == "The mayor opened the Café Océan on Main Street."
    assert [hit.sentence.speaker_id for hit in search(index, "chief of police")] == ["bob-roe"] * 4


def test_a_role_covering_some_words_adds_nothing_of_its_own(index: MemoryIndex) -> None:
    """A partial role (mayor road): Ann Lee's road sentence is a hit, her others are not."""
    hits = search(index, "mayor road")
    assert hits
    assert all(hit.highlights for hit in hits)
    assert "The north-south road is open." in [hit.sentence.text for hit in hits]
    assert "We've built 13,000 homes." not in [hit.sentence.text for hit in hits]


def test_a_role_adds_to_a_text_match(index: MemoryIndex) -> None:
    """A word of the speaker's role counts with the words found in the sentence."""
    hits = search(index, "police security")
    assert hits[0].sentence.text == "The city budget pays for security."
    assert hits[0].words_matched == 2
    assert all(hit.highlights for hit in hits)


def test_a_name_lists_the_speaker_after_text_naming_them() -> None:
    """A speaker's name alone lists their sentences, after sentences with it in the text."""
    index = build_index(make_dataset(((None, "Mr Roe arrived."), *PARAGRAPHS[1:])))
    hits = search(index, "roe")
    assert hits[0].sentence.text == "Mr Roe arrived."
    assert [hit.sentence.speaker_id for hit in hits[1:]] == ["bob-roe"] * 4
    assert all(hit.highlights == () for hit in hits[1:])


def test_a_text_match_beats_a_name_match_whatever_its_typos() -> None:
    """The word in the text with a typo ranks before the same word as a speaker's exact name."""
    dataset = make_dataset(((None, "Lopes spoke first."), ("al-lopez", "Budget talks went well.")))
    lopez = Speaker("al-lopez", "Al Lopez", None, None)
    index = build_index(dataset._replace(speakers=(*SPEAKERS, lopez)))
    hits = search(index, "lopez")
    assert [(hit.sentence.text, hit.typos) for hit in hits] == [
        ("Lopes spoke first.", 1),
        ("Budget talks went well.", 0),
    ]


def test_apostrophes_inside_words_are_optional(index: MemoryIndex) -> None:
    """A query without apostrophe finds we've and we\u2019ve; highlights cover the word."""
    assert (
        set(texts(index, "weve"))
        == set(texts(index, "we've"))
        == {
            "We\u2019ve waited for years.",
            "We've built 13,000 homes.",
        }
    )
    hit = search(index, "weve")[0]
    assert [hit.sentence.text[s:e] for s, e in hit.highlights] == ["We\u2019ve"]


def test_a_kept_first_letter_beats_a_changed_one() -> None:
    """Of two one-typo words, the one sharing the query's first letter ranks first."""
    index = build_index(
        make_dataset(((None, "The formation was new."), (None, "The information was new.")))
    )
    assert texts(index, "iformation") == ["The information was new.", "The formation was new."]


def test_scores_lie_between_0_and_100(index: MemoryIndex) -> None:
    """A score is a relevance in [0, 100): an exact one-word hit above 90."""
    for query in ["budget", "budget road security", "police", "roads", '"city budget"']:
        hits = search(index, query)
        assert hits, query
        assert all(0 <= hit.score < 100 for hit in hits)
    assert search(index, "budget")[0].score > 90
    assert search(index, "budget zzzz")[0].score < 50


def test_speaker_filter_keeps_only_their_sentences(index: MemoryIndex) -> None:
    """speaker_ids drops other speakers and narration."""
    hits = search(index, "budget", speaker_ids=frozenset({"bob-roe"}))
    assert hits
    assert {hit.sentence.speaker_id for hit in hits} == {"bob-roe"}
    assert search(index, "mayor opened", speaker_ids=frozenset({"bob-roe"})) == []


def test_highlights_mark_original_words(index: MemoryIndex) -> None:
    """Highlights cover the matched words as written, neighbours merged into one range."""
    hit = search(index, "cafe ocean")[0]
    assert [hit.sentence.text[s:e] for s, e in hit.highlights] == ["Café Océan"]
    hit = search(index, "13000 homes")[0]
    assert [hit.sentence.text[s:e] for s, e in hit.highlights] == ["13,000 homes"]


def test_results_are_deterministic(index: MemoryIndex) -> None:
    """The same query twice gives identical hits in identical order."""
    first = search(index, "budget road security")
    second = search(index, "budget road security")
    assert [(h.sentence.ordinal, h.score) for h in first] == [
        (h.sentence.ordinal, h.score) for h in second
    ]
    assert [h.score for h in first] == sorted((h.score for h in first), reverse=True)


def test_many_hits_stay_sorted_past_the_rerank_head() -> None:
    """With more hits than RERANK, every hit is returned, still sorted by score."""
    paragraphs = tuple(
        ("ann-lee", f"Budget line {n}." if n % 3 else f"The city budget, item {n}.")
        for n in range(RERANK + 150)
    )
    hits = search(build_index(make_dataset(paragraphs)), "city budget")
    assert len(hits) == RERANK + 150
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(hit.words_matched == 2 for hit in hits[: (RERANK + 150 + 2) // 3])
    assert hits[-1].words_matched == 1


def test_prefix_never_becomes_a_common_word() -> None:
    """A last word that only prefixes a common word ("whic" of "which") matches nothing."""
    index = build_index(
        make_dataset(
            (
                (None, "Which budget is sound?"),
                (None, "Nothing here which matters."),
                (None, "Whichever budget passes."),
            )
        )
    )
    assert texts(index, "budget whic") == ["Whichever budget passes.", "Which budget is sound?"]
    assert texts(index, "whic") == ["Whichever budget passes."]


def test_compounds_match_written_together_or_apart() -> None:
    """A joined form finds the hyphenated words; split words find the joined word first."""
    index = build_index(
        make_dataset(
            (
                (None, "The north-south road is open."),
                (None, "Keeping the peace was hard."),
                (None, "The peacekeeping force left."),
            )
        )
    )
    assert texts(index, "northsouth") == ["The north-south road is open."]
    hits = search(index, "peace keeping")
    assert [hit.sentence.text for hit in hits] == [
        "The peacekeeping force left.",
        "Keeping the peace was hard.",
    ]
    assert [hits[0].sentence.text[s:e] for s, e in hits[0].highlights] == ["peacekeeping"]
    assert search(index, "zzzzqqqq") == []


def everything(hit: Hit) -> tuple[object, ...]:
    """Every field of a hit, the ones ``==`` skips and the highlights included."""
    return (hit.sentence, hit.score, hit.words_matched, hit.words, hit.typos, hit.terms,
            hit.phrases, hit.highlights)  # fmt: skip


def assert_limits_agree(
    store: MemoryIndex, query: str, speaker_ids: frozenset[str] | None = None
) -> None:
    """Every limit gives the full result's first hits, field for field, and its total."""
    full = search(store, query, speaker_ids=speaker_ids)
    limits = [0, 1, 2, 10, RERANK - 1, RERANK, RERANK + 1, RERANK + 37, len(full)]
    # Limits past the end all give the whole result: one of them is enough.
    for limit in sorted({min(limit, len(full) + 1) for limit in limits}):
        found = find(store, query, speaker_ids=speaker_ids, limit=limit)
        assert found.total == len(full), (query, limit)
        assert [everything(h) for h in found.hits] == [everything(h) for h in full[:limit]], (
            query,
            limit,
        )
    assert search(store, query, speaker_ids=speaker_ids, limit=10) == full[:10]
    unlimited = find(store, query, speaker_ids=speaker_ids)
    assert unlimited.hits == full
    assert unlimited.total == len(full)


def typo(word: str) -> str:
    """The word with its two middle letters swapped: one typo, as a hurried typist makes."""
    middle = len(word) // 2
    return word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]


def queries_over(store: MemoryIndex, every: int) -> list[str]:
    """Queries drawn from a store's own words: single, typo'd, prefixes, pairs, phrases."""
    words = [t for t in store.terms(5, 40) if t not in COMMON_WORDS][::every]
    found = [*words, *(typo(w) for w in words), *(w[:4] for w in words)]
    found += [f"{a} {typo(b)}" for a, b in itertools.pairwise(words)]
    found += [f'"{a} {b}"' for a, b in itertools.pairwise(store.tokens(0))]
    return found


@pytest.mark.slow
def test_limit_keeps_exactly_the_first_hits_of_the_bundled_article(bundled: Dataset) -> None:
    """Over the bundled article, a limited search is the full one cut short, total included."""
    store = build_index(bundled)
    queries = queries_over(store, 3)
    queries += [" ".join(s.name.split()[-1:]) + " security" for s in bundled.speakers]
    queries += ["informaton securty", "resolve conflicts", '"combat training"', "2018", "the"]
    for query in queries:
        assert_limits_agree(store, query)
    for speaker in bundled.speakers:
        for query in queries[::9]:
            assert_limits_agree(store, query, frozenset({speaker.id}))


@pytest.mark.slow
def test_limit_keeps_exactly_the_first_hits_past_the_rerank_head() -> None:
    """Over a synthetic bench corpus (queries with hundreds of hits), the same holds."""
    corpus = load_bench("corpus")
    dataset, asked = corpus.make_corpus(3000, 25, seed=4)
    store = build_index(dataset)
    common = sorted((t for t in store.terms(5, 40) if t not in COMMON_WORDS), key=store.frequency)[
        -8:
    ]
    assert store.frequency(common[-1]) > RERANK + 37  # the head is cut, the tail too
    queries = [q.text for q in asked] + common + [typo(w) for w in common]
    queries += [f"{a} {b}" for a, b in itertools.pairwise(common)] + queries_over(store, 97)
    for query in queries:
        assert_limits_agree(store, query)
    delegates = frozenset(s.id for s in dataset.speakers[:3])
    for query in common:
        assert_limits_agree(store, query, delegates)


def test_limit_must_not_be_negative(index: MemoryIndex) -> None:
    """A negative limit is a programming error, not an empty result."""
    with pytest.raises(ValueError, match="limit"):
        search(index, "budget", limit=-1)


class CountingIndex(MemoryIndex):
    """A memory index that counts the sentences fetched and tokenised from it."""

    fetched = 0
    tokenised = 0

    def sentence(self, sentence_id: int) -> Sentence:
        """The sentence, counted."""
        self.fetched += 1
        return super().sentence(sentence_id)

    def sentences_of(self, sentence_ids: Sequence[int]) -> list[Sentence]:
        """The sentences, counted."""
        self.fetched += len(sentence_ids)
        return super().sentences_of(sentence_ids)

    def tokens_of(self, sentence_ids: Sequence[int]) -> list[Sequence[str]]:
        """The sentences' tokens, counted."""
        self.tokenised += len(sentence_ids)
        return super().tokens_of(sentence_ids)


def test_find_fetches_only_the_shown_sentences_and_counts_the_rest() -> None:
    """With a limit, only the shown hits' sentences are fetched; the total counts them all."""
    paragraphs = tuple(("ann-lee", f"The city budget, item {n}.") for n in range(RERANK + 50))
    dataset = make_dataset(paragraphs)
    store = CountingIndex(build_index(dataset).sentences, dataset.speakers)
    found = find(store, "budget", limit=3)
    assert store.fetched == 3
    assert found.total == RERANK + 50
    assert [h.sentence.ordinal for h in found.hits] == [0, 1, 2]
    store.fetched = 0
    assert find(store, "budget", limit=0) == Results([], RERANK + 50)
    assert store.fetched == 0
    assert find(store, "zzzz", limit=3) == Results([], 0)


def test_a_limit_measures_only_the_groups_that_can_be_shown() -> None:
    """Proximity and BM25 are measured only where rules 1-4 leave the shown hits tied."""
    both = [("ann-lee", f"The city budget for schools, item {n}.") for n in range(3)]
    one = [("ann-lee", f"The city budget, item {n}.") for n in range(RERANK)]
    dataset = make_dataset(tuple(one[:100] + both + one[100:]))
    store = CountingIndex(build_index(dataset).sentences, dataset.speakers)
    full = find(store, "budget schools")
    store.tokenised = 0
    found = find(store, "budget schools", limit=2)
    assert store.tokenised == 3  # the group of both words only, not the head of 200
    assert found.hits == full.hits[:2]
    assert found.total == full.total == RERANK + 3
    store.tokenised = 0
    assert find(store, "budget schools", limit=4).hits == full.hits[:4]
    assert store.tokenised == RERANK  # the 4th is in the next group: the whole head


def _random_reach(rng: random.Random, universe: int) -> Reached:
    """Up to four disjoint levels over ``universe`` sentences, each matching in some way."""
    pool = list(range(universe))
    rng.shuffle(pool)
    levels = []
    for _ in range(rng.randrange(5)):
        size = rng.choice((0, 1, 5, universe // 3))
        chosen, pool = frozenset(pool[:size]), pool[size:]
        if chosen:
            in_text = rng.random() < 0.6
            named = not in_text and rng.random() < 0.5
            weight = rng.choice((0.5, 1.0, 2.0))
            levels.append(
                Level(rng.randrange(3), rng.random() < 0.2, weight, in_text, named, False, chosen)
            )
    return Reached(levels, frozenset().union(*(level.sentences for level in levels)))  # fmt: skip


def test_the_partition_is_what_each_sentence_matches() -> None:
    """Every hit part holds exactly the sentences matching each unit the same way."""
    rng = random.Random(7)
    for _ in range(300):
        size = rng.randrange(1, 5)
        units = tuple(Unit((f"w{n}",), phrase=rng.random() < 0.2) for n in range(size))
        reached = [_random_reach(rng, 60) for _ in units]
        allowed = None if rng.random() < 0.5 else frozenset(rng.sample(range(60), 30))
        parts, grounded = _partition(reached, Query(units), allowed)
        # Each sentence by itself: which level of each unit it is in, if any.
        ways: dict[tuple[Level | None, ...], set[int]] = {}
        for sentence in frozenset().union(*(r.cover for r in reached)):
            way = tuple(
                next((lv for lv in r.levels if sentence in lv.sentences), None) for r in reached
            )
            ways.setdefault(way, set()).add(sentence)
        needed = max(1, -(-size // 2))
        expected = []
        for way, sentences in ways.items():
            hit = [level for level in way if level is not None]
            phrases = all(
                level is not None for unit, level in zip(units, way, strict=True) if unit.phrase
            )
            if len(hit) < needed or not phrases:
                continue
            firm = any(lv.in_text or lv.named for lv in hit) or len(hit) == size >= 2
            expected.append((firm, len(hit), sum(lv.typos for lv in hit), frozenset(sentences)))
        firm_ones = [e for e in expected if e[0]]
        assert grounded == bool(firm_ones)
        kept = [
            (e[1], e[2], e[3] if allowed is None else e[3] & allowed)
            for e in (firm_ones or expected)
        ]
        assert sorted((p.matched, p.typos, sorted(p.sentences)) for p in parts) == sorted(
            (m, t, sorted(s)) for m, t, s in kept if s
        )
