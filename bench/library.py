"""Library scale: import and ``search --all`` over 10k, 100k and 1M sentences.

For each size a seeded generator writes synthetic articles in the label layout
(50 sentences each, so 1M sentences = 20,000 articles; English-like words with a Zipf
distribution, speakers drawn from a pool), then this measures, in one run:

- import: parsing (``cstocli.importer.article``, when it is installed) and storing everything
  with the bulk path (``Library.store_many``: one transaction, executemany, FTS after rows);
- search (``library_search``): five two-word typo'd queries, and one very common word as
  typed and typo'd ("president" is in about a quarter of the sentences), each in process
  (p50 and p95 of wall and CPU time) and as a whole ``cstocli search WORDS --all``
  process (median wall and CPU time, ratio to the Typer + Rich floor of the same rounds,
  peak memory); with ``--baseline-src``, older code measured beside in the same rounds;
- the baseline: a fresh process that loads every sentence from one JSON file and scans
  them all with RapidFuzz ``partial_ratio`` (what a library without an index would do).

Peak memory is each child's own ``ru_maxrss`` (``os.wait4``). Then it prints how each
figure grows from one size to the next.

    python bench/library.py                                 # 10k 100k 1M
    python bench/library.py --sentences 10000 100000 --runs 9
    python bench/library.py --baseline-src /tmp/old         # old code beside (git archive)

Targets (issue 5): import of 1M <= 60 s; search --all <= 0.3 s median and <= 150 MB.
No timing is asserted in the test suite; tests run this at a tiny size as a smoke test.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import itertools
import json
import multiprocessing
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import library_search
from cstocli import text
from cstocli.library import PreparedArticle, open_library, prepare
from cstocli.model import Dataset, Located, Passage, Source, Speaker
from library_search import Code, SearchFigures

SENTENCES_PER_ARTICLE = 50
_FUNCTION_WORDS = sorted(text.COMMON_WORDS)
_NEWS_WORDS = [
    "security",
    "cooperation",
    "organisation",
    "president",
    "minister",
    "council",
    "agreement",
    "development",
    "international",
    "military",
    "conflict",
    "region",
    "countries",
    "members",
    "session",
    "priority",
    "measures",
    "terrorism",
    "economic",
    "situation",
    "decision",
    "support",
    "strategy",
    "relations",
    "partners",
    "summit",
    "defence",
    "information",
    "humanitarian",
    "sanctions",
    "negotiations",
    "government",
    "parliament",
    "energy",
]
_SYLLABLES = [
    "ka",
    "to",
    "ri",
    "sen",
    "mo",
    "la",
    "ver",
    "di",
    "an",
    "pro",
    "tion",
    "ex",
    "in",
    "com",
    "de",
    "re",
    "con",
    "al",
    "ter",
    "is",
    "ma",
    "ne",
    "po",
    "su",
    "lu",
    "ga",
    "bor",
    "tek",
    "vin",
    "ral",
    "mes",
    "ost",
    "pen",
    "dra",
    "fal",
    "qui",
    "zen",
    "hor",
    "lim",
    "nav",
]
_FIRST = [
    "Anna",
    "Boris",
    "Carla",
    "Dmitri",
    "Elena",
    "Farid",
    "Galina",
    "Hassan",
    "Irina",
    "Jonas",
    "Kamila",
    "Lev",
]
_LAST = [
    "Orlova",
    "Petrov",
    "Quist",
    "Rahimov",
    "Sokolova",
    "Tanaka",
    "Usmanov",
    "Volkova",
    "Weber",
    "Yilmaz",
]
_ROLES = [
    "Minister of Foreign Affairs",
    "President of the Republic",
    "Secretary General of the Organisation",
    "Prime Minister",
    "Chair of the Committee",
]

COMMON_QUERIES = ("president", "presidnet")
"""One word found in about a quarter of the sentences, as typed and with a typo."""

ENGINE = """
import sys
from pathlib import Path
from cstocli.search import engine as search
from cstocli.library import open_library
with open_library(Path(sys.argv[1]), create=False) as lib:
    for hit in search.search(lib.index(), sys.argv[2], limit=10):
        s = hit.sentence
        print(s.article_id, s.span[0], s.text, sep="\\t")
"""
"""The library search, as a fresh process (used when ``cstocli search`` has no --all)."""

BASELINE = """
import json, sys
from rapidfuzz import fuzz, process, utils
with open(sys.argv[1], encoding="utf-8") as f:
    rows = json.load(f)
texts = [row[0] for row in rows]
best = process.extract(sys.argv[2], texts, scorer=fuzz.partial_ratio,
                       processor=utils.default_process, limit=10)
for sentence, score, i in best:
    print(rows[i][1], rows[i][2], sentence, sep="\\t")
"""
"""Load every sentence from JSON and scan them all with partial_ratio."""


class Corpus:
    """A seeded generator of English-like words, speakers and articles in the label layout."""

    def __init__(self, seed: int, vocabulary: int = 20_000) -> None:
        self.rng = random.Random(seed)
        made: dict[str, None] = {}
        while len(made) < vocabulary:
            syllables = self.rng.choices(_SYLLABLES, k=self.rng.randint(2, 4))
            made["".join(syllables)] = None
        self.words = [*_FUNCTION_WORDS, *_NEWS_WORDS, *made]
        # Zipf: the n-th commonest word is n times rarer than the first. Cumulative
        # weights, so that each draw is a bisection, not a pass over the vocabulary.
        self.cumulative = list(
            itertools.accumulate(1 / (rank + 1) for rank in range(len(self.words)))
        )
        self.people = [
            (f"{first} {last}", role)
            for first in _FIRST
            for last in _LAST
            for role in self.rng.sample(_ROLES, 1)
        ]

    def sentence(self) -> str:
        """One sentence of 8-20 words, capitalised, ending with a full stop."""
        count = self.rng.randint(8, 20)
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=count)
        return " ".join(words).capitalize() + "."

    def article(self, number: int) -> tuple[str, Dataset]:
        """The text of article ``number`` and the dataset an exact import yields."""
        return _Writer(self, number).write()


class _Writer:
    """Writes one article and records the spans of everything it writes."""

    def __init__(self, corpus: Corpus, number: int) -> None:
        self.corpus = corpus
        self.number = number
        self.parts: list[str] = []
        self.length = 0

    def put(self, piece: str) -> Located:
        located = Located(piece, (self.length, self.length + len(piece)))
        self.parts.append(piece)
        self.length += len(piece)
        return located

    def paragraph(self, sentences: int) -> Located:
        located = self.put(" ".join(self.corpus.sentence() for _ in range(sentences)))
        self.put("\n\n")
        return located

    def write(self) -> tuple[str, Dataset]:
        rng = self.corpus.rng
        headline = " ".join(self.corpus.sentence().split()[:8]).rstrip(".").title()
        title = self.put(headline)
        self.put("\n\n\n" + headline + "\n\n")
        body_start = self.length
        passages = [_passage("n1", None, None, [self.paragraph(2)])]
        left = SENTENCES_PER_ARTICLE - 2
        speakers: dict[str, Speaker] = {}
        while left:
            name, role = rng.choice(self.corpus.people)
            speaker = Speaker(_slug(name), name, role, None)
            speakers.setdefault(speaker.id, speaker)
            label = self.put(f"{name}, {role}:")
            self.put("\n")
            paragraphs = []
            for _ in range(rng.randint(1, 3)):
                count = min(left, rng.randint(2, 5))
                paragraphs.append(self.paragraph(count))
                left -= count
                if not left:
                    break
            passages.append(_passage(f"q{len(passages)}", speaker.id, label, paragraphs))
        source_text = "".join(self.parts)
        source = Source(
            file=f"article-{self.number:05d}.txt",
            title=title,
            sha256=hashlib.sha256(source_text.encode("utf-8")).hexdigest(),
            body_start=body_start,
        )
        ds = Dataset(
            id=f"article-{self.number:05d}",
            source=source,
            source_text=source_text,
            event=None,
            speakers=tuple(speakers.values()),
            passages=tuple(passages),
        )
        return source_text, ds


def _passage(
    passage_id: str, speaker_id: str | None, label: Located | None, paragraphs: list[Located]
) -> Passage:
    start, end = paragraphs[0].span[0], paragraphs[-1].span[1]
    whole = "\n\n".join(p.text for p in paragraphs)
    return Passage(
        id=passage_id,
        kind="quote" if speaker_id else "narration",
        speaker_id=speaker_id,
        label=label,
        paragraphs=tuple(paragraphs),
        text=whole,
        span=(start, end),
    )


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


@dataclass(frozen=True)
class Query:
    """A two-word typo'd query and the sentence its words were taken from."""

    text: str
    article: str
    start: int


def make_queries(corpus: Corpus, articles: Sequence[Dataset], count: int) -> list[Query]:
    """Typo two content words (6+ letters) of random sentences, one edit each."""
    rng = random.Random(len(articles))
    known = set(corpus.words)
    queries: list[Query] = []
    while len(queries) < count:
        ds = rng.choice(articles)
        passage = rng.choice(ds.passages)
        paragraph = rng.choice(passage.paragraphs)
        start, end = rng.choice(text.split_sentences(paragraph.text))
        words = [w for w in dict.fromkeys(text.words(paragraph.text[start:end])) if len(w) >= 6]
        if len(words) < 2:
            continue
        typoed = [_typo(rng, w, known) for w in rng.sample(words, 2)]
        queries.append(Query(" ".join(typoed), ds.id, paragraph.span[0] + start))
    return queries


def _typo(rng: random.Random, word: str, known: set[str]) -> str:
    """One deletion, transposition or substitution that makes a word not in ``known``."""
    while True:
        i = rng.randrange(1, len(word) - 1)
        edit = rng.choice(("delete", "swap", "replace"))
        if edit == "delete":
            typoed = word[:i] + word[i + 1 :]
        elif edit == "swap":
            typoed = word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
        else:
            typoed = word[:i] + rng.choice("aeiourstnl") + word[i + 1 :]
        if typoed not in known:
            return typoed


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    seconds: float
    peak_mb: float
    stdout: str
    cpu_s: float = 0.0
    """CPU seconds of the child and the worker processes it waited for."""


LAUNCHER = """
import os, sys, time
started = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], dict(os.environ))
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - started
cpu = usage.ru_utime + usage.ru_stime  # the child's and its reaped workers' CPU time
print(elapsed, cpu, usage.ru_maxrss, os.waitstatus_to_exitcode(status), file=sys.stderr)
"""
"""Runs the measured command from a small process and reports its wall time, its own
peak RSS (``wait4``) and its exit code. Measured from this (large) bench process, a
child's ``ru_maxrss`` would also count the pages it shares with us until it execs."""


def run_child(command: Sequence[str]) -> Run:
    """Run a fresh process; return its wall time, its own peak RSS and its output."""
    child = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command], capture_output=True, text=True, check=False
    )
    elapsed, cpu, peak_kb, code = child.stderr.split()[-4:]
    if int(code) not in (0, 1):  # 1: no hits, a valid answer
        raise SystemExit(f"{' '.join(command[:3])} exited with {code}:\n{child.stderr}")
    return Run(float(elapsed), int(peak_kb) / 1024, child.stdout, float(cpu))


@dataclass
class Measured:
    """One command run ``runs`` times."""

    times: list[float]
    peak_mb: float
    """The largest peak of its runs."""
    output: str
    """Its first run's stdout."""


def measure(commands: Sequence[Sequence[str]], runs: int) -> list[Measured]:
    """Run each command ``runs`` times, in interleaved rounds (noise hits all alike)."""
    done: list[list[Run]] = [[] for _ in commands]
    for _ in range(runs):
        for number, command in enumerate(commands):
            done[number].append(run_child(command))
    return [
        Measured([r.seconds for r in runs_], max(r.peak_mb for r in runs_), runs_[0].stdout)
        for runs_ in done
    ]


def _pooled(measured: Sequence[Measured]) -> tuple[float, float, list[str]]:
    """Median seconds and peak MB over all runs of several commands, and their outputs."""
    times = [t for m in measured for t in m.times]
    return statistics.median(times), max(m.peak_mb for m in measured), [m.output for m in measured]


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its reaped children so far."""
    me, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def search_command(db: Path) -> list[str]:
    """``cstocli search --all`` if the CLI has it, else the same engine in a bench script."""
    exe = Path(sys.executable).with_name("cstocli")
    if exe.exists():
        help_text = subprocess.run(
            [str(exe), "search", "--help"], capture_output=True, text=True, check=False
        ).stdout
        if "--all" in help_text and "--library" in help_text:
            return [str(exe), "search", "--all", "--library", str(db), "--json", "--"]
    return [sys.executable, "-c", ENGINE, str(db)]


@dataclass
class Figures:
    """Everything measured at one size."""

    sentences: int
    articles: int
    parsed: bool
    """Whether the import parsed text (``importer.article``), else used generated datasets."""
    import_s: float
    """The bulk path: ``Library.store_many`` fed by worker processes, one transaction."""
    import_cores: float
    """CPU seconds over wall seconds of the bulk path, workers included: cores kept busy."""
    cli_import_s: float | None
    """``cstocli import FILE...`` of every article file, the whole process (if it exists)."""
    cli_import_cores: float | None
    """CPU seconds over wall seconds of that process and its workers."""
    cli_import_mb: float | None
    """Peak memory of that process (the largest of it and its workers)."""
    db_mb: float
    search_s: float
    search_mb: float
    search_hit10: int
    common_s: float
    """Median whole-process time of the ``COMMON_QUERIES``."""
    common_mb: float
    worst_s: float
    """The slowest query's median whole-process time (typo'd and common alike)."""
    floor_s: float
    """Median time of ``python -c FLOOR``, measured in the same rounds."""
    p95_ms: dict[str, float]
    """Each query's 95th-percentile in-process time, in ms."""
    cpu95_ms: dict[str, float]
    """The same in CPU time."""
    in_process_mb: float
    searched: SearchFigures
    """Every query's figures, per version of the code (``library_search``)."""
    scan_s: float
    scan_mb: float
    scan_hit10: int
    queries: int


def bench_size(
    sentences: int,
    workdir: Path,
    *,
    seed: int,
    queries: int,
    runs: int,
    scan_runs: int,
    in_process_runs: int,
    codes: Sequence[Code],
) -> Figures:
    """Generate, import and search one library of ``sentences`` sentences."""
    corpus = Corpus(seed)
    count = max(1, sentences // SENTENCES_PER_ARTICLE)
    articles = [corpus.article(n) for n in range(count)]
    db = workdir / f"library-{sentences}.sqlite3"
    for stale in workdir.glob(f"{db.name}*"):
        stale.unlink()
    parsed = importlib.util.find_spec("cstocli.importer.article") is not None
    jobs = [(source, ds.source.file, None if parsed else ds) for source, ds in articles]
    cpu = _cpu_seconds()
    started = time.perf_counter()
    # Parsing and row building run in worker processes (one per core); this process only
    # writes, in one transaction, while the workers go on.
    with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1) as pool:
        prepared = pool.imap(_prepare_job, jobs, chunksize=16)
        with open_library(db) as lib:
            lib.store_many(prepared)
        pool.close()
        pool.join()  # reaped, so that their CPU time is counted
    import_s = time.perf_counter() - started
    import_cores = (_cpu_seconds() - cpu) / import_s
    del jobs, prepared
    cli_import = _cli_import(workdir, sentences, [source for source, _ in articles])
    scan_file = workdir / f"sentences-{sentences}.json"
    _write_scan_file(scan_file, [ds for _, ds in articles])
    asked = make_queries(corpus, [ds for _, ds in articles], queries)
    del articles
    queries_file = workdir / f"library-{sentences}.queries.json"
    kept = [{"text": q.text, "article": q.article, "start": q.start} for q in asked]
    kept += [{"text": q} for q in COMMON_QUERIES]
    queries_file.write_text(json.dumps(kept), encoding="utf-8")  # for library_search alone
    every = [q.text for q in asked] + list(COMMON_QUERIES)
    searched = library_search.measure_search(
        db, every, runs=runs, in_process_runs=in_process_runs, codes=codes
    )
    new = searched.codes[-1].queries
    typed, common = [new[q.text] for q in asked], [new[q] for q in COMMON_QUERIES]
    engine = search_command(db)
    search_out = [run_child([*engine, q.text]).stdout for q in asked]  # for hit@10
    baseline = [sys.executable, "-c", BASELINE, str(scan_file)]
    scan_s, scan_mb, scan_out = _pooled(measure([[*baseline, q.text] for q in asked], scan_runs))
    return Figures(
        sentences=sentences,
        articles=count,
        parsed=parsed,
        import_s=import_s,
        import_cores=import_cores,
        cli_import_s=cli_import.seconds if cli_import else None,
        cli_import_cores=cli_import.cpu_s / cli_import.seconds if cli_import else None,
        cli_import_mb=cli_import.peak_mb if cli_import else None,
        db_mb=sum(f.stat().st_size for f in workdir.glob(f"{db.name}*")) / 2**20,
        search_s=statistics.median(m.whole_ms for m in typed) / 1000,
        search_mb=max(m.whole_mb for m in typed),
        search_hit10=_hits(asked, search_out),
        common_s=statistics.median(m.whole_ms for m in common) / 1000,
        common_mb=max(m.whole_mb for m in common),
        worst_s=max(m.whole_ms for m in new.values()) / 1000,
        floor_s=searched.floor_ms / 1000,
        p95_ms={q: m.p95_ms for q, m in new.items()},
        cpu95_ms={q: m.cpu95_ms for q, m in new.items()},
        in_process_mb=searched.codes[-1].in_process_mb,
        searched=searched,
        scan_s=scan_s,
        scan_mb=scan_mb,
        scan_hit10=_hits(asked, scan_out),
        queries=len(asked),
    )


def _cli_import(workdir: Path, sentences: int, sources: Sequence[str]) -> Run | None:
    """Write the articles to files and time ``cstocli import`` of all of them."""
    exe = Path(sys.executable).with_name("cstocli")
    if not exe.exists():
        return None
    folder = workdir / f"articles-{sentences}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    files = []
    for number, source in enumerate(sources):
        path = folder / f"article-{number:05d}.txt"
        path.write_text(source, encoding="utf-8")
        files.append(str(path))
    db = workdir / f"cli-{sentences}.sqlite3"
    for stale in workdir.glob(f"{db.name}*"):
        stale.unlink()
    result = run_child([str(exe), "import", "--library", str(db), *files])
    shutil.rmtree(folder)
    return result


def _prepare_job(job: tuple[str, str, Dataset | None]) -> PreparedArticle:
    """Parse one article (or take the generator's dataset) and build its rows: a worker's job."""
    source, file_name, ds = job
    if ds is None:
        from cstocli.importer.article import import_article  # noqa: PLC0415  # optional module

        ds = import_article(source, file_name=file_name).dataset
    return prepare(ds)


def _write_scan_file(path: Path, datasets: Sequence[Dataset]) -> None:
    rows = [
        [p.text[s:e], ds.id, p.span[0] + s]
        for ds in datasets
        for passage in ds.passages
        for p in passage.paragraphs
        for s, e in text.split_sentences(p.text)
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")


def _hits(asked: Sequence[Query], outputs: Sequence[str]) -> int:
    """How many queries had their source sentence in the top 10 (first round only)."""
    found = 0
    for query, out in zip(asked, outputs[: len(asked)], strict=True):
        if out.lstrip().startswith("["):  # cstocli search --json
            top = [(h["article"], h["span"][0]) for h in json.loads(out)[:10]]
        else:
            fields = [line.split("\t") for line in out.splitlines() if line.strip()]
            top = [(f[0], int(f[1])) for f in fields[:10]]
        found += (query.article, query.start) in top
    return found


def report(rows: Sequence[Figures], engine: str) -> None:
    """Print the figures per size, side by side, and how each grows from one size to the next."""
    print(f"\nsearch measured through: {engine}")
    print(
        f"{'sentences':>10} {'articles':>8} {'bulk s':>7} {'cores':>5} {'cli s':>6} {'cores':>5}"
        f" {'cli MB':>6} {'db MB':>6} {'scan ms':>9} {'scan MB':>8} {'hit@10':>7}"
    )
    for r in rows:
        cli_s = f"{r.cli_import_s:6.1f}" if r.cli_import_s is not None else f"{'-':>6}"
        cli_cores = f"{r.cli_import_cores:5.2f}" if r.cli_import_cores is not None else f"{'-':>5}"
        cli_mb = f"{r.cli_import_mb:6.0f}" if r.cli_import_mb is not None else f"{'-':>6}"
        print(
            f"{r.sentences:>10,} {r.articles:>8,} {r.import_s:7.1f} {r.import_cores:5.2f} {cli_s}"
            f" {cli_cores} {cli_mb} {r.db_mb:6.0f}"
            f" {r.scan_s * 1000:9.0f} {r.scan_mb:8.0f} {r.scan_hit10:>4}/{r.queries:<2}"
        )
    print(
        f"\n{'sentences':>10} {'floor ms':>8} {'search ms':>9} {'x floor':>7} {'common ms':>9}"
        f" {'x floor':>7} {'worst':>7} {'MB':>4} {'hit@10':>7} {'p95 ms':>7} {'slowest':>20}"
        f" {'MB':>4}"
    )
    for r in rows:
        slowest = max(r.p95_ms, key=r.p95_ms.__getitem__)
        print(
            f"{r.sentences:>10,} {r.floor_s * 1000:8.0f} {r.search_s * 1000:9.0f}"
            f" {r.search_s / r.floor_s:7.2f} {r.common_s * 1000:9.0f} {r.common_s / r.floor_s:7.2f}"
            f" {r.worst_s / r.floor_s:7.2f} {max(r.search_mb, r.common_mb):4.0f}"
            f" {r.search_hit10:>4}/{r.queries:<2} {r.p95_ms[slowest]:7.1f} {slowest:>20}"
            f" {r.in_process_mb:4.0f}"
        )
    for before, after in itertools.pairwise(rows):
        print(f"\ngrowth {before.sentences:,} -> {after.sentences:,} sentences:")
        for name in ("import_s", "cli_import_s", "db_mb", "search_s", "common_s", "scan_s"):
            old, new = getattr(before, name), getattr(after, name)
            print(f"  {name:<12} x{new / old:6.1f}" if old and new else f"  {name:<12} -")
    last = rows[-1]
    for r in rows:
        library_search.report_search(r.sentences, r.searched)
    how = (
        "parsed by cstocli.importer.article" if last.parsed else "generator's datasets, no parsing"
    )
    print(f"\nbulk: {how}; {os.cpu_count()} worker processes, one writer, one transaction")
    print("cli: cstocli import FILE... (parses in workers, stores as they parse)")
    print("cores: CPU seconds (workers included) per wall second; x floor: over python -c FLOOR")
    cli = f", cstocli import {last.cli_import_s:.1f} s" if last.cli_import_s else ""
    worst = max(last.p95_ms.values())
    print(
        f"targets at {last.sentences:,} sentences (issue 11): import {last.import_s:.1f} s{cli}"
        f" (<= 45); db {last.db_mb:.0f} MB (<= 200); in process p95 {worst:.1f} ms (<= 30);"
        f" whole process, slowest query {last.worst_s / last.floor_s:.2f}x the floor (<= 1.25),"
        f" {max(last.search_mb, last.common_mb):.0f} MB (<= 60)"
    )


def import_report(rows: Sequence[Figures]) -> None:
    """Print the imports' CPU cost per 100,000 sentences, size by size, and what it means.

    The machine may be shared: wall seconds then measure the others' load as much as the
    import, while CPU seconds (the workers' included) measure the work. On a quiet machine
    with ``os.cpu_count()`` cores all kept busy, the wall time is about CPU / cores.
    """
    cores = os.cpu_count() or 1
    print(f"\nimport CPU s (workers included), per 100,000 sentences, wall on {cores} quiet cores:")
    print(
        f"{'sentences':>10} {'bulk CPU':>9} {'/100k':>6} {'cli CPU':>8} {'/100k':>6}"
        f" {'quiet cli s':>11}"
    )
    for r in rows:
        bulk = r.import_s * r.import_cores
        cli = (r.cli_import_s or 0.0) * (r.cli_import_cores or 0.0)
        print(
            f"{r.sentences:>10,} {bulk:9.1f} {bulk * 100_000 / r.sentences:6.2f}"
            + (
                f" {cli:8.1f} {cli * 100_000 / r.sentences:6.2f} {cli / cores:11.1f}"
                if cli
                else f" {'-':>8} {'-':>6} {'-':>11}"
            )
        )
    print("  a cost per 100k that grows with the size is growth faster than linear")


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the options, run every size, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sentences", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=5, help="typo'd queries per size")
    parser.add_argument("--runs", type=int, default=5, help="rounds of the engine queries")
    parser.add_argument("--scan-runs", type=int, default=1, help="rounds of the baseline")
    parser.add_argument(
        "--in-process-runs", type=int, default=20, help="in-process runs of each query"
    )
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--workdir", type=Path, help="keep the libraries here (default: temp)")
    parser.add_argument(
        "--baseline-src", type=Path, help="older code (a source tree) to search with beside"
    )
    args = parser.parse_args(argv)
    codes = [library_search.current_code()]
    if args.baseline_src:
        codes.insert(0, library_search.baseline_code(args.baseline_src))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="cstocli-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for size in args.sentences:
            print(f"{size:,} sentences ...", file=sys.stderr, flush=True)
            rows.append(
                bench_size(
                    size,
                    workdir,
                    seed=args.seed,
                    queries=args.queries,
                    runs=args.runs,
                    scan_runs=args.scan_runs,
                    in_process_runs=args.in_process_runs,
                    codes=codes,
                )
            )
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    engine = search_command(workdir / "library.sqlite3")
    report(rows, "cstocli search --all" if "--all" in engine else "bench script (search.search)")
    import_report(rows)


if __name__ == "__main__":
    main()
