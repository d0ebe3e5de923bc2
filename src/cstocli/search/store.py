"""The storage protocol: what search planning and ranking need from where sentences live.

``memory.MemoryIndex`` implements it for one article in memory. An on-disk library can
implement it over SQLite FTS5: the vocabulary and word frequencies from an
``fts5vocab`` table, postings from the FTS index, a sentence's tokens by re-tokenising
its fetched text with ``text.words`` (the same folding as the index). Sentence ids are
integers, ascending in source order; search breaks its last ties by them.

Speakers are indexed too, in a separate small vocabulary: the words of each speaker's
name, aliases and id point at that speaker, and so do the words of the role and
affiliation, keyed with ``ROLE_PREFIX`` ("role:president") because search trusts them
less: a query naming a speaker favours what that speaker said; a query naming a role
or a country does so when the role matches every word of a query of two or more
("secretary general"), otherwise only when nothing matches the text (see ``engine`` and
``expansion.speakers_named``). One mapping holds both kinds so that a store keeps them
in one table; the prefix cannot clash with a word, which never holds a colon.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import NamedTuple, Protocol

from cstocli import text
from cstocli.model import Dataset, Span, Speaker

ROLE_PREFIX = "role:"
"""Marks a speaker word that comes from a role or an affiliation, not from a name."""


class Sentence(NamedTuple):
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

    def near(self, word: str, budget: int) -> Sequence[str] | None:
        """The indexed words within ``budget`` typos of ``word`` (more will do), or None.

        None means this store knows no faster way than scanning ``terms`` of the right
        lengths; a store that can look the neighbours up (a library, for one typo or
        two) saves the scan, and a short list is checked without importing RapidFuzz.
        """
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

    def tokens_of(self, sentence_ids: Sequence[int]) -> list[Sequence[str]]:
        """The folded words of each of these sentences, in their order (``tokens`` each).

        One call for the few hundred sentences a search re-ranks: a library reads them
        in one query and each article's text once.
        """
        ...

    def sentence(self, sentence_id: int) -> Sentence:
        """The sentence with this id."""
        ...

    def sentences_of(self, sentence_ids: Sequence[int]) -> list[Sentence]:
        """The sentences with these ids, in their order (``sentence`` each)."""
        ...

    def speaker_words(self) -> Mapping[str, frozenset[str]]:
        """Each folded word of speakers' names and aliases -> the speaker ids.

        Words of a role or affiliation are keyed with ``ROLE_PREFIX``
        ("role:president"): a store keeps the keys ``speaker_words`` makes, as they are.
        """
        ...

    def sentences_by(self, speaker_id: str) -> Sequence[int]:
        """Ids of the sentences a speaker says, ascending."""
        ...

    def said_with(self, speaker_ids: Collection[str], terms: Collection[str]) -> Sequence[int]:
        """Ids of the sentences one of the speakers says that hold one of the terms, ascending.

        What ``sentences_by`` and ``postings`` give together, without reading all of
        either: a role's holders may say half the library.
        """
        ...


def dataset_sentences(dataset: Dataset) -> Iterator[Sentence]:
    """Every sentence of every passage of ``dataset`` in source order, ordinals from 0.

    The one walk from passages to sentences: the in-memory index and the library's rows
    both take their sentences from here, so the two stores always hold the same units.
    """
    ordinal = 0
    for passage in dataset.passages:
        for number, paragraph in enumerate(passage.paragraphs):
            base = paragraph.span[0]
            for start, end in text.split_sentences(paragraph.text):
                yield Sentence(
                    passage_id=passage.id,
                    paragraph=number,
                    speaker_id=passage.speaker_id,
                    text=paragraph.text[start:end],
                    span=(base + start, base + end),
                    ordinal=ordinal,
                    article_id=dataset.id,
                )
                ordinal += 1


def speaker_names(speaker: Speaker) -> list[str]:
    """Every name a speaker goes by: the name, the aliases and the id's words."""
    return [speaker.name, *speaker.aliases, speaker.id.replace("-", " ")]


def speaker_words(speakers: Sequence[Speaker]) -> dict[str, frozenset[str]]:
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
