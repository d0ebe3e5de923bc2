"""The in-memory sentence index: the ``store.SentenceStore`` of one loaded dataset.

``build_index`` cuts every paragraph of every passage (quotes and narration) into
sentences, tokenises each once and records, per folded word, the ids of the sentences
that contain it. Sentence ids are positions in ``MemoryIndex.sentences``, which is in
source order, so sorting by id is sorting by where the sentence stands in the article.

Speakers are indexed too, in a separate small vocabulary: the words of each speaker's
name, aliases and id point at that speaker, and so do the words of the role and
affiliation, keyed with ``ROLE_PREFIX`` ("role:president") because search trusts them
less: a query naming a speaker favours what that speaker said; a query naming a role
or a country does so when the role matches every word of a query of two or more
("secretary general"), otherwise only when nothing matches the text (see ``search`` and
``expansion.speakers_named``). One mapping holds both kinds so that a store keeps them
in one table; the prefix cannot clash with a word, which never holds a colon.

Building is linear in the text and cheap (the bundled article indexes in about a
millisecond), so the CLI builds it on every run instead of caching anything on disk.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from cstocli import text
from cstocli.model import Dataset, Span, Speaker

ROLE_PREFIX = "role:"
"""Marks a speaker word that comes from a role or an affiliation, not from a name."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article, the unit that search finds and ranks."""

    passage_id: str
    """The quote (``q3``) or narration (``n2``) passage it belongs to."""
    paragraph: int
    """Index of its paragraph within the passage, from 0."""
    speaker_id: str | None
    """Who says it; None for narration."""
    text: str
    """The sentence exactly as in the source."""
    span: Span
    """Where ``text`` stands in the source file."""
    ordinal: int
    """Its position among all sentences of the index, in source order (its id)."""
    article_id: str = ""
    """The dataset (article) it comes from."""


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
        self._speaker_words = _speaker_words(self.speakers)
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

    def sentence(self, sentence_id: int) -> Sentence:
        """The sentence with this id."""
        return self.sentences[sentence_id]

    def speaker_words(self) -> Mapping[str, frozenset[str]]:
        """Each folded word of speakers' names and aliases -> the speaker ids.

        Words of a role or affiliation are keyed with ``ROLE_PREFIX``.
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
    sentences: list[Sentence] = []
    for passage in dataset.passages:
        for number, paragraph in enumerate(passage.paragraphs):
            base = paragraph.span[0]
            for start, end in text.split_sentences(paragraph.text):
                sentences.append(
                    Sentence(
                        passage_id=passage.id,
                        paragraph=number,
                        speaker_id=passage.speaker_id,
                        text=paragraph.text[start:end],
                        span=(base + start, base + end),
                        ordinal=len(sentences),
                        article_id=dataset.id,
                    )
                )
    return MemoryIndex(sentences, dataset.speakers)


def speaker_names(speaker: Speaker) -> list[str]:
    """Every name a speaker goes by: the name, the aliases and the id's words."""
    return [speaker.name, *speaker.aliases, speaker.id.replace("-", " ")]


def _speaker_words(speakers: Sequence[Speaker]) -> dict[str, frozenset[str]]:
    """Map each significant word about a speaker to the speakers it names.

    Words of the role and affiliation are keyed with ``ROLE_PREFIX``.
    """
    found: dict[str, set[str]] = {}
    for speaker in speakers:
        about = [(name, "") for name in speaker_names(speaker)]
        about += [(speaker.role or "", ROLE_PREFIX), (speaker.affiliation or "", ROLE_PREFIX)]
        for phrase, prefix in about:
            for word in text.words(phrase):
                if word not in text.COMMON_WORDS:
                    found.setdefault(prefix + word, set()).add(speaker.id)
    return {word: frozenset(ids) for word, ids in found.items()}
