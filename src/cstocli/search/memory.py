"""The in-memory sentence index: the ``store.SentenceStore`` of one loaded dataset.

``build_index`` cuts every paragraph of every passage (quotes and narration) into
sentences, tokenises each once and records, per folded word, the ids of the sentences
that contain it. Sentence ids are positions in ``MemoryIndex.sentences``, which is in
source order, so sorting by id is sorting by where the sentence stands in the article.

Speakers are indexed too, by ``store.speaker_words``.

Building is linear in the text and cheap (the bundled article indexes in about a
millisecond), so the CLI builds it on every run instead of caching anything on disk.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Collection, Mapping, Sequence

from cstocli import text
from cstocli.model import Dataset, Speaker
from cstocli.search.store import Sentence, dataset_sentences, speaker_words


class MemoryIndex:
    """Sentences, their words and the speakers, held in memory; a ``SentenceStore``."""

    def __init__(self, sentences: Sequence[Sentence], speakers: Sequence[Speaker]) -> None:
        self.sentences = tuple(sentences)
        self.speakers = tuple(speakers)
        self._tokens = [tuple(text.words(s.text)) for s in self.sentences]
        postings: dict[str, array[int]] = {}
        for sentence_id, tokens in enumerate(self._tokens):
            for term in dict.fromkeys(tokens):
                postings.setdefault(term, array("I")).append(sentence_id)
        self._postings = postings
        self._vocabulary = sorted(postings)
        by_length: dict[int, list[str]] = {}
        for term in self._vocabulary:
            by_length.setdefault(len(term), []).append(term)
        self._by_length = by_length
        total = sum(len(tokens) for tokens in self._tokens)
        self._average_length = total / len(self._tokens) if self._tokens else 0.0
        self._speaker_words = speaker_words(self.speakers)
        by_speaker: dict[str, list[int]] = {}
        for sentence in self.sentences:
            if sentence.speaker_id is not None:
                by_speaker.setdefault(sentence.speaker_id, []).append(sentence.ordinal)
        self._by_speaker = {key: tuple(ids) for key, ids in by_speaker.items()}

    def __len__(self) -> int:
        return len(self.sentences)

    @property
    def average_length(self) -> float:
        """Mean number of words per sentence."""
        return self._average_length

    def terms(self, min_length: int, max_length: int) -> list[str]:
        """Every indexed word whose length lies in ``[min_length, max_length]``."""
        found: list[str] = []
        for length in range(min_length, max_length + 1):
            found.extend(self._by_length.get(length, ()))
        return found

    def terms_with_prefix(self, prefix: str) -> list[str]:
        """Every indexed word that starts with ``prefix`` (including ``prefix`` itself)."""
        found = []
        for term in self._vocabulary[bisect_left(self._vocabulary, prefix) :]:
            if not term.startswith(prefix):
                break
            found.append(term)
        return found

    def near(self, word: str, budget: int) -> None:
        """None: an article's vocabulary is small, ``terms`` is scanned in pure Python."""

    def frequency(self, term: str) -> int:
        """How many sentences contain ``term``."""
        return len(self._postings.get(term, ()))

    def postings(self, term: str) -> Sequence[int]:
        """Ids of the sentences that contain ``term``, ascending."""
        return self._postings.get(term, ())

    def tokens(self, sentence_id: int) -> Sequence[str]:
        """The folded words of one sentence, in order."""
        return self._tokens[sentence_id]

    def tokens_of(self, sentence_ids: Sequence[int]) -> list[Sequence[str]]:
        """The folded words of each of these sentences, in their order."""
        return [self._tokens[i] for i in sentence_ids]

    def sentence(self, sentence_id: int) -> Sentence:
        """The sentence with this id."""
        return self.sentences[sentence_id]

    def sentences_of(self, sentence_ids: Sequence[int]) -> list[Sentence]:
        """The sentences with these ids, in their order."""
        return [self.sentences[i] for i in sentence_ids]

    def speaker_words(self) -> Mapping[str, frozenset[str]]:
        """Each folded word of speakers' names and aliases -> the speaker ids.

        Words of a role or affiliation are keyed with ``store.ROLE_PREFIX``.
        """
        return self._speaker_words

    def sentences_by(self, speaker_id: str) -> Sequence[int]:
        """Ids of the sentences a speaker says, ascending."""
        return self._by_speaker.get(speaker_id, ())

    def said_with(self, speaker_ids: Collection[str], terms: Collection[str]) -> list[int]:
        """Ids of the sentences one of the speakers says that hold one of the terms, ascending."""
        found = {i for term in terms for i in self.postings(term)}
        return sorted(i for i in found if self.sentences[i].speaker_id in speaker_ids)


def build_index(dataset: Dataset) -> MemoryIndex:
    """Index every sentence of every passage of ``dataset``, in source order."""
    return MemoryIndex(list(dataset_sentences(dataset)), dataset.speakers)
