"""The storage protocol: what search planning and ranking need from where sentences live.

``index.MemoryIndex`` implements it for one article in memory. An on-disk library can
implement it over SQLite FTS5: the vocabulary and word frequencies from an
``fts5vocab`` table, postings from the FTS index, a sentence's tokens by re-tokenising
its fetched text with ``text.words`` (the same folding as the index). Sentence ids are
integers, ascending in source order; search breaks its last ties by them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from cstocli.search.memory import Sentence


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
        lengths; a store that can look the neighbours up (a library, for one typo) saves
        the scan, and a short list is checked without importing RapidFuzz.
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

    def sentence(self, sentence_id: int) -> Sentence:
        """The sentence with this id."""
        ...

    def speaker_words(self) -> Mapping[str, frozenset[str]]:
        """Each folded word of speakers' names and aliases -> the speaker ids.

        Words of a role or affiliation are keyed with ``index.ROLE_PREFIX``
        ("role:president"): a store keeps the keys ``MemoryIndex`` makes, as they are.
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
