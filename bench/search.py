"""Benchmark: the search engine against a naive RapidFuzz scan, on synthetic articles.

Usage: ``python bench/search.py [--sizes 10000 100000] [--queries 40] [--seed 0]``

For each size, one seeded synthetic article (``corpus.py``) and typo'd queries whose
intended sentence is known. Both contenders see the same sentences (the engine's index
units) and report their best 10; a query scores hit@1 when the first sentence is the
intended one and hit@10 when it is among the ten. Latency is the median per query, data
already in memory: the engine's whole ``search`` with ``limit=10`` (typo expansion,
matching, ranking every candidate, building the ten hits), the baseline's
``process.extract`` with ``WRatio`` over every sentence. Then the engine alone on the
corpus's commonest word, building every hit and only the best ten: the case ``limit``
is for.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process, utils

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import BenchQuery, make_corpus
from cstocli import text
from cstocli.search.engine import find, search
from cstocli.search.memory import MemoryIndex, build_index


@dataclass(frozen=True, slots=True)
class Score:
    """How one contender did on one corpus."""

    name: str
    """Which contender."""
    median_ms: float
    """Median latency per query, milliseconds."""
    hit1: int
    """Queries whose intended sentence came first."""
    hit10: int
    """Queries whose intended sentence was among the first ten."""


@dataclass(frozen=True, slots=True)
class Common:
    """The engine on one very common word: every hit built, or only the best ten."""

    word: str
    """The commonest indexed word of 5+ letters that is not a function word."""
    hits: int
    """How many sentences it matches."""
    all_ms: float
    """Median milliseconds of ``search`` building every hit."""
    top10_ms: float
    """Median milliseconds of ``search(..., limit=10)``."""


@dataclass(frozen=True, slots=True)
class Report:
    """Both contenders on one corpus size."""

    size: int
    """Sentences in the corpus."""
    queries: int
    """Queries asked."""
    build_s: float
    """Seconds to build the engine's index."""
    engine: Score
    """The search engine."""
    baseline: Score
    """The RapidFuzz WRatio scan."""
    common: Common
    """The engine on the corpus's commonest word."""

    @property
    def speedup(self) -> float:
        """How many times faster the engine answers than the baseline."""
        return self.baseline.median_ms / max(self.engine.median_ms, 1e-9)


def engine_top10(index: MemoryIndex) -> Callable[[str], list[str]]:
    """The engine as a contender: query -> texts of its best 10 sentences."""
    return lambda query: [hit.sentence.text for hit in search(index, query, limit=10)]


def baseline_top10(index: MemoryIndex) -> Callable[[str], list[str]]:
    """The naive scan as a contender: WRatio over every sentence, case-folded."""
    texts = [sentence.text for sentence in index.sentences]

    def run(query: str) -> list[str]:
        found = process.extract(
            query, texts, scorer=fuzz.WRatio, processor=utils.default_process, limit=10
        )
        return [text for text, _, _ in found]

    return run


def score(name: str, top10: Callable[[str], list[str]], queries: Sequence[BenchQuery]) -> Score:
    """Time a contender on every query and count its hits."""
    latencies = []
    hit1 = hit10 = 0
    for query in queries:
        started = time.perf_counter()
        found = top10(query.text)
        latencies.append(time.perf_counter() - started)
        right = [query.target in text for text in found]
        hit1 += bool(right[:1] and right[0])
        hit10 += any(right)
    return Score(name, statistics.median(latencies) * 1000, hit1, hit10)


def common_word(index: MemoryIndex, runs: int = 7) -> Common:
    """Time the commonest content word with every hit built and with the best ten only."""
    word = max(
        (t for t in index.terms(5, 99) if t not in text.COMMON_WORDS),
        key=lambda t: (index.frequency(t), t),
    )

    def median_ms(limit: int | None) -> float:
        latencies = []
        for _ in range(runs):
            started = time.perf_counter()
            search(index, word, limit=limit)
            latencies.append(time.perf_counter() - started)
        return statistics.median(latencies) * 1000

    return Common(word, find(index, word, limit=0).total, median_ms(None), median_ms(10))


def run_benchmark(size: int, queries: int, seed: int) -> Report:
    """Build one corpus and measure both contenders on it."""
    dataset, asked = make_corpus(size, queries, seed)
    started = time.perf_counter()
    index = build_index(dataset)
    build_s = time.perf_counter() - started
    engine_top10(index)("warm up")  # the first query pays for importing RapidFuzz
    return Report(
        size=size,
        queries=len(asked),
        build_s=build_s,
        engine=score("engine", engine_top10(index), asked),
        baseline=score("WRatio scan", baseline_top10(index), asked),
        common=common_word(index),
    )


def format_report(report: Report) -> str:
    """The lines printed for one corpus size."""
    lines = [
        f"{report.size:,} sentences, {report.queries} queries, index built in "
        f"{report.build_s:.2f} s",
    ]
    for contender in (report.engine, report.baseline):
        lines.append(
            f"  {contender.name:<12} {contender.median_ms:9.2f} ms/query   "
            f"hit@1 {contender.hit1:>3}/{report.queries}   "
            f"hit@10 {contender.hit10:>3}/{report.queries}"
        )
    lines.append(f"  engine is {report.speedup:.1f}x faster")
    common = report.common
    lines.append(
        f"  common word {common.word!r} ({common.hits:,} hits): every hit built"
        f" {common.all_ms:.1f} ms, best 10 built {common.top10_ms:.1f} ms"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark for each size and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    for size in args.sizes:
        print(format_report(run_benchmark(size, args.queries, args.seed)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
