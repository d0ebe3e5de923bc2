"""A seeded synthetic English-like article, and typo'd queries whose answer is known.

Words are made of English-looking syllables. Content words follow a Zipf law, ranked
after the function words (English's most frequent words are function words, so the
commonest content word stands at rank ~34 of the whole language's Zipf curve, not at
rank 1), and are interleaved with real function words, so word frequencies, lengths and
sentence lengths resemble news prose. Each query recalls two or three
neighbouring content words of one sentence (the way people half-remember a quote) and
misspells each long word with the probability of a typist in a hurry; the sentence it
was drawn from is the intended answer.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from dataclasses import dataclass

from cstocli.model import Dataset, Located, Passage, Source, Speaker

# fmt: off
FUNCTION_WORDS = (
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "at",
    "from", "it", "was", "be", "this", "are", "which", "has", "have", "not", "but", "an", "or",
    "its", "their", "will", "were", "been", "also",
)
_ONSETS = (
    "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cr",
    "dr", "fr", "gr", "pr", "st", "tr", "ch", "sh", "th", "pl",
)
_VOWELS = (
    "a", "e", "i", "o", "u", "a", "e", "i", "o", "u", "ai", "ea", "io", "ou",
)
# fmt: on
_CODAS = ["", "", "", "", "n", "r", "s", "t", "l", "nd", "st", "rk", "nt"]
_SPEAKERS = 12
_SENTENCES_PER_PARAGRAPH = 4
_PARAGRAPHS_PER_PASSAGE = 3


@dataclass(frozen=True, slots=True)
class BenchQuery:
    """A typo'd query and the sentence it was made from."""

    text: str
    """What the user types."""
    target: str
    """The intended sentence (a hit is right when its text contains it)."""


def make_vocabulary(rng: random.Random, size: int) -> list[str]:
    """``size`` distinct English-looking content words of 3 to 14 letters, most of 5-9."""
    found: dict[str, None] = {}
    while len(found) < size:
        syllables = rng.choice([1, 1, 2, 2, 2, 2, 3, 3])
        word = "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
        )
        if 3 <= len(word) <= 14:
            found.setdefault(word)
    return list(found)


def make_sentences(rng: random.Random, count: int, vocabulary: list[str]) -> list[str]:
    """``count`` sentences of 8 to 24 words, content words drawn by a Zipf law."""
    # Cumulative weights once: rng.choices would otherwise re-add them on every call.
    first_rank = len(FUNCTION_WORDS) + 1
    cumulative = list(
        itertools.accumulate(1 / (first_rank + rank) ** 1.05 for rank in range(len(vocabulary)))
    )
    sentences = []
    for _ in range(count):
        length = rng.randint(8, 24)
        content = rng.choices(vocabulary, cum_weights=cumulative, k=length)
        out = []
        for word in content:
            if rng.random() < 0.45:
                out.append(rng.choice(FUNCTION_WORDS))
            roll = rng.random()
            if roll < 0.02:
                out.append(f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}")
            elif roll < 0.05:
                out.append(word + "-" + rng.choice(vocabulary[:2000]))
            else:
                out.append(word)
        text = " ".join(out)
        sentences.append(text[0].upper() + text[1:] + ".")
    return sentences


def build_dataset(sentences: list[str], speakers: tuple[Speaker, ...]) -> Dataset:
    """Lay sentences out as an article: paragraphs, quote passages, exact spans."""
    per_passage = _SENTENCES_PER_PARAGRAPH * _PARAGRAPHS_PER_PASSAGE
    parts: list[str] = []
    offset = 0
    passages: list[Passage] = []
    for first in range(0, len(sentences), per_passage):
        chunk = sentences[first : first + per_passage]
        paragraphs = []
        for start in range(0, len(chunk), _SENTENCES_PER_PARAGRAPH):
            body = " ".join(chunk[start : start + _SENTENCES_PER_PARAGRAPH])
            if parts:
                parts.append("\n\n")
                offset += 2
            paragraphs.append(Located(body, (offset, offset + len(body))))
            parts.append(body)
            offset += len(body)
        number = len(passages) + 1
        span = (paragraphs[0].span[0], paragraphs[-1].span[1])
        passages.append(
            Passage(
                id=f"q{number}",
                kind="quote",
                speaker_id=speakers[number % len(speakers)].id,
                label=None,
                paragraphs=tuple(paragraphs),
                text="".join(parts)[span[0] : span[1]],
                span=span,
            )
        )
    source_text = "".join(parts)
    return Dataset(
        id="synthetic",
        source=Source(
            file="synthetic.txt",
            title=Located("", (0, 0)),
            sha256=hashlib.sha256(source_text.encode()).hexdigest(),
        ),
        source_text=source_text,
        event=None,
        speakers=speakers,
        passages=tuple(passages),
    )


def make_speakers(rng: random.Random, vocabulary: list[str]) -> tuple[Speaker, ...]:
    """A dozen speakers with made-up names."""
    speakers = []
    for number in range(_SPEAKERS):
        first, last = (rng.choice(vocabulary).title() for _ in range(2))
        speakers.append(Speaker(f"speaker-{number}", f"{first} {last}", "Delegate", None))
    return tuple(speakers)


def typo(rng: random.Random, word: str) -> str:
    """One random typo: drop, double, swap or replace a letter (not the first)."""
    at = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["drop", "double", "swap", "replace"])
    if kind == "drop":
        return word[:at] + word[at + 1 :]
    if kind == "double":
        return word[:at] + word[at] + word[at:]
    if kind == "swap":
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word[:at] + rng.choice("aeioulnrst") + word[at + 1 :]


def make_queries(rng: random.Random, sentences: list[str], count: int) -> list[BenchQuery]:
    """``count`` queries: two or three neighbouring content words of a sentence, typo'd."""
    queries: list[BenchQuery] = []
    while len(queries) < count:
        target = rng.randrange(len(sentences))
        content = [
            w
            for w in sentences[target].rstrip(".").lower().replace("-", " ").split()
            if w not in FUNCTION_WORDS and not w[0].isdigit()
        ]
        size = rng.choice([2, 3])
        if len(content) < size:
            continue
        start = rng.randrange(len(content) - size + 1)
        typed = [
            typo(rng, word) if len(word) >= 5 and rng.random() < 0.7 else word
            for word in content[start : start + size]
        ]
        queries.append(BenchQuery(" ".join(typed), sentences[target]))
    return queries


def make_corpus(size: int, queries: int, seed: int = 0) -> tuple[Dataset, list[BenchQuery]]:
    """A seeded article of ``size`` sentences and ``queries`` queries into it."""
    rng = random.Random(seed)
    vocabulary = make_vocabulary(rng, max(2000, size // 2))
    sentences = make_sentences(rng, size, vocabulary)
    dataset = build_dataset(sentences, make_speakers(rng, vocabulary))
    return dataset, make_queries(rng, sentences, queries)
