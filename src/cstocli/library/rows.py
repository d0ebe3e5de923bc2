"""The rows of one article: a ``Dataset`` turned into what the library stores, and back.

Pure code, no database: ``prepare`` is the CPU-heavy half of storing an article (JSON,
sentences, tokens), so bulk imports run it in worker processes. The dataset JSON is
stored without the ``text`` fields its spans already give (``without_texts``) and
zlib-compressed (``pack_dataset``: a quarter of its size); reading puts them back from
the source text (``unpack_dataset``, ``with_texts``), which is stored compressed too
(``pack_text``: about half its size).
"""

import codecs
import json
import zlib
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from typing import Any, NamedTuple

from cstocli import text as text_mod
from cstocli.dataset import files as dataset_io
from cstocli.model import Dataset, Figure, Speaker
from cstocli.search.store import dataset_sentences, speaker_words

ZLIB_LEVEL = 1
"""Compression of the stored texts and dataset JSON. Measured on the bench corpus: level 1
costs 0.19 CPU s per 100,000 sentences against 0.31 for the default (6), and the 1M
library's articles grow from 60.8 to 63.6 MB. Reading inflates as fast at any level."""


class PreparedArticle(NamedTuple):
    """A dataset turned into the rows the library stores (see ``prepare``).

    Building these (the JSON, the sentence split, the tokens) is the CPU-heavy half of
    storing an article and needs no database; the object pickles, so a bulk import can
    prepare articles in worker processes while one process writes them.
    """

    id: str
    sha256: str
    title: str
    file: str
    dataset: bytes
    """The dataset JSON as stored (``pack_dataset``)."""
    source: bytes
    """The source text as stored (``pack_text``)."""
    speakers: tuple[tuple[Any, ...], ...]
    passages: tuple[tuple[Any, ...], ...]
    figures: tuple[tuple[Any, ...], ...]
    sentences: tuple[tuple[Any, ...], ...]
    """(passage id, speaker id, paragraph, start, end, what FTS5 indexes: ``fts_text``)."""
    sentence_terms: tuple[str, ...]
    """Each sentence's distinct terms, one after the other: counted, the vocabulary's
    sentence counts (a flat tuple counts in C, far faster than merging dicts)."""
    words: int
    speaker_pairs: frozenset[tuple[str, str]]
    """The (word, speaker id) pairs that let a query word name one of its speakers."""


def prepare(ds: Dataset) -> PreparedArticle:
    """Build every row of an article (pure: no database, safe in a worker process)."""
    quotes = Counter(p.speaker_id for p in ds.passages if p.speaker_id and p.is_quote)
    spoken: Counter[str] = Counter()
    for passage in ds.passages:
        if passage.speaker_id is not None and passage.is_quote:
            # Counted as ``speakers`` counts them, so library totals match per-article ones.
            spoken[passage.speaker_id] += sum(
                text_mod.count_words(p.text) for p in passage.paragraphs
            )
    sentences: list[tuple[Any, ...]] = []
    distinct: list[set[str]] = []
    words = 0
    for sentence in dataset_sentences(ds):
        terms = text_mod.words(sentence.text)
        distinct.append(set(terms))
        words += len(terms)
        sentences.append(
            (sentence.passage_id, sentence.speaker_id, sentence.paragraph, *sentence.span,
             fts_text(terms, sentence.speaker_id))
        )  # fmt: skip
    return PreparedArticle(
        id=ds.id,
        sha256=ds.source.sha256,
        title=ds.source.title.text,
        file=ds.source.file,
        dataset=pack_dataset(dataset_io.dataset_to_json(ds), ds.source_text),
        source=pack_text(ds.source_text),
        speakers=tuple(
            (s.id, s.name, s.role, s.affiliation, json.dumps(s.aliases), quotes[s.id], spoken[s.id])
            for s in ds.speakers
        ),
        passages=tuple((p.id, p.kind, p.speaker_id, *p.span) for p in ds.passages),
        figures=tuple(
            (
                f.id,
                f.label,
                f.value,
                f.unit,
                f.qualifier,
                f.text,
                *f.span,
                f.passage_id,
                f.period,
                f.topic,
                json.dumps(f.places),
                f.as_written,
            )
            for f in ds.figures
        ),
        sentences=tuple(sentences),
        sentence_terms=tuple(chain.from_iterable(distinct)),
        words=words,
        speaker_pairs=frozenset().union(*(speaker_word_pairs(s) for s in ds.speakers)),
    )


def fts_text(terms: Sequence[str], speaker_id: str | None) -> str:
    """What FTS5 indexes for a sentence: its folded words and its speaker's token.

    The speaker's token (``speaker_token``) lets one FTS5 query find the sentences a set
    of speakers says with some words (``LibraryIndex.said_with``) without reading every
    sentence of those speakers. No word can clash with it: words hold no "@".
    """
    words = " ".join(terms)
    return words if speaker_id is None else f"{words} {speaker_token(speaker_id)}"


def speaker_token(speaker_id: str) -> str:
    """The one FTS5 token that stands for a speaker (hex, so any id makes one token)."""
    return "@" + speaker_id.encode("utf-8").hex()


def pack_text(source: str) -> bytes:
    """An article's source text as the library stores it: zlib-compressed UTF-8."""
    return zlib.compress(source.encode("utf-8"), ZLIB_LEVEL)


def unpack_text(stored: bytes | str) -> str:
    """The source text of a stored article (schema 3 and before stored it as text)."""
    return zlib.decompress(stored).decode("utf-8") if isinstance(stored, bytes) else stored


def unpack_text_start(stored: bytes | str, length: int) -> str:
    """At least the first ``length`` characters of a stored source text (all, if shorter).

    Inflates only as far as they reach: search cuts each re-ranked sentence from its
    article's text, and a sentence halfway down needs half the work.
    """
    if isinstance(stored, str):
        return stored
    inflate = zlib.decompressobj()
    decoder = codecs.getincrementaldecoder("utf-8")()
    parts: list[str] = []
    have = 0
    pending = stored
    while have < length and not inflate.eof:
        # A character is at least one byte: asking for the characters missing never
        # inflates past what is needed by more than a multi-byte character's share.
        chunk = inflate.decompress(pending, max(length - have, _INFLATE_STEP))
        pending = inflate.unconsumed_tail
        parts.append(decoder.decode(chunk))
        have += len(parts[-1])
        if not chunk and not pending:
            break
    if inflate.eof:
        parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


_INFLATE_STEP = 1024
"""The fewest bytes inflated at a time (fewer calls for text of multi-byte characters)."""


def pack_dataset(obj: Any, source: str) -> bytes:
    """The dataset JSON ``obj`` as the library stores it: without texts, compressed."""
    packed = json.dumps(without_texts(obj, source), ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(packed.encode("utf-8"), ZLIB_LEVEL)


def unpack_dataset(stored: bytes | str, source: str) -> Any:
    """The dataset JSON of a stored article, texts put back (``pack_dataset`` undone).

    Libraries of schema 3 and before stored it as plain JSON text: that reads too.
    """
    if isinstance(stored, bytes):
        stored = zlib.decompress(stored).decode("utf-8")
    return with_texts(json.loads(stored), source)


def without_texts(obj: Any, source: str) -> Any:
    """Drop every ``text`` that its ``span`` already gives (the JSON shrinks by half)."""
    if isinstance(obj, list):
        return [
            without_texts(item, source) if isinstance(item, (list, dict)) else item for item in obj
        ]
    if not isinstance(obj, dict):
        return obj
    # Scalars are most values: kept without a call (as ``with_texts`` does).
    kept = {
        key: without_texts(value, source) if isinstance(value, (list, dict)) else value
        for key, value in obj.items()
    }
    span = obj.get("span")
    if isinstance(span, list) and kept.get("text") == source[span[0] : span[1]]:
        del kept["text"]
    return kept


def with_texts(obj: Any, source: str) -> Any:
    """Put back every ``text`` that ``without_texts`` dropped, cut from the source."""
    if isinstance(obj, list):
        return [with_texts(item, source) for item in obj]
    if not isinstance(obj, dict):
        return obj
    # Scalars are most values: kept without a call (search loads the article of each hit).
    filled = {
        key: with_texts(value, source) if isinstance(value, (list, dict)) else value
        for key, value in obj.items()
    }
    span = obj.get("span")
    if isinstance(span, list) and "text" not in filled:
        filled["text"] = source[span[0] : span[1]]
    return filled


def figure_from_row(row: Sequence[Any]) -> Figure:
    """Return the ``Figure`` of a ``figures`` row (without its article column)."""
    figure_id, label, value, unit, qualifier, text, start, end, passage_id = row[:9]
    period, topic, places, as_written = row[9:]
    return Figure(
        figure_id, label, value, unit, qualifier, text, (start, end), passage_id,
        period, topic, tuple(json.loads(places)), as_written,
    )  # fmt: skip


def speaker_from_row(row: Sequence[Any]) -> Speaker:
    """Return the ``Speaker`` of (id, name, role, affiliation, aliases) columns."""
    speaker_id, name, role, affiliation, aliases = row
    return Speaker(speaker_id, name, role, affiliation, tuple(json.loads(aliases)))


@lru_cache(maxsize=4096)
def speaker_word_pairs(speaker: Speaker) -> frozenset[tuple[str, str]]:
    """The (word, speaker id) pairs that let a query word name this speaker."""
    # The rule looks at one speaker at a time, so the pairs of several speakers are a union.
    words = speaker_words((speaker,))
    return frozenset((word, speaker_id) for word, ids in words.items() for speaker_id in ids)
