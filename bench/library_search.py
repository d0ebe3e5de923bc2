"""The search half of ``bench/library.py``: every query in process and as a whole process.

For one library and its queries (the typo'd ones, then the common word as typed and
typo'd), in one run:

- in process: each query once to warm up, then ``--in-process-runs`` times over one
  connection, a fresh ``lib.index()`` each run (what ``cstocli browse`` does per
  keystroke); the 50th and 95th percentile of wall and CPU time (``time.process_time``:
  on a busy machine CPU shows the work, wall also the waiting), and the peak memory;
- whole process: ``cstocli search WORDS --all --library DB`` with stdout a pipe, run
  ``--runs`` times in interleaved rounds with the floor
  (``python -c "import typer, rich.console, rich.table"``); median wall and CPU time of
  each query and their ratio to the floor's, and each one's peak memory.

With ``--baseline-src DIR`` (a source tree of older code, e.g. ``git archive main``), the
same is measured with that code too, in the same rounds (``PYTHONPATH=DIR/src``), and
printed beside. Bytecode is compiled first, for both trees: in an environment with
``PYTHONDONTWRITEBYTECODE=1`` every run would otherwise compile every module again.

Run alone, it measures a library built before (``bench/library.py --workdir DIR`` keeps
``library-N.sqlite3`` and its ``library-N.queries.json``):

    python bench/library_search.py DIR/library-1000000.sqlite3
    python bench/library_search.py DIR/library-1000000.sqlite3 --baseline-src /tmp/old

Targets (issue 11) at 1M sentences: every query <= 30 ms in process at the 95th
percentile, <= 1.25x the floor as a whole process, <= 60 MB.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

FLOOR = "import typer, rich.console, rich.table"
"""The Typer + Rich import floor of ``bench/startup.py``: what any cstocli command pays."""

LAUNCHER = """
import os, sys, time
started = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], dict(os.environ))
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - started
cpu = usage.ru_utime + usage.ru_stime
print(elapsed, cpu, usage.ru_maxrss, os.waitstatus_to_exitcode(status), file=sys.stderr)
"""
"""Runs the measured command from a small process: its wall and CPU time, its own peak
RSS (``wait4``; measured from a large bench process, a child's ``ru_maxrss`` would also
count the pages it shares with it until it execs) and its exit code."""

IN_PROCESS = """
import json, sys, time
from pathlib import Path
from cstocli.search import engine as search
from cstocli.library import open_library
runs = int(sys.argv[2])
found = {}
with open_library(Path(sys.argv[1]), create=False) as lib:
    for query in sys.argv[3:]:
        search.find(lib.index(), query, limit=10)  # warm-up: lazy imports, page cache
        wall, cpu = [], []
        for _ in range(runs):
            started, used = time.perf_counter(), time.process_time()
            search.find(lib.index(), query, limit=10)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
        found[query] = [wall, cpu]
print(json.dumps(found))
"""


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    seconds: float
    cpu_s: float
    peak_mb: float
    stdout: str


def run_child(command: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run a fresh process (stdout a pipe); its wall and CPU time, peak RSS and output."""
    child = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    elapsed, cpu, peak_kb, code = child.stderr.split()[-4:]
    if int(code) not in (0, 1):  # 1: no hits, a valid answer
        raise SystemExit(f"{' '.join(command[:3])} exited with {code}:\n{child.stderr}")
    return Run(float(elapsed), float(cpu), int(peak_kb) / 1024, child.stdout)


@dataclass
class Measured:
    """One query's figures with one version of the code."""

    p50_ms: float = 0.0
    p95_ms: float = 0.0
    cpu50_ms: float = 0.0
    cpu95_ms: float = 0.0
    """In process: percentiles of wall and CPU time."""
    whole_ms: float = 0.0
    whole_cpu_ms: float = 0.0
    """Whole process: median wall and CPU time."""
    whole_mb: float = 0.0
    """Whole process: the largest peak memory of its runs."""


@dataclass
class Code:
    """One version of the code and what it measured."""

    name: str
    env: dict[str, str] | None
    cstocli: tuple[str, ...]
    """The command that starts this code's ``cstocli``."""
    queries: dict[str, Measured] = field(default_factory=dict)
    in_process_mb: float = 0.0


@dataclass
class SearchFigures:
    """Everything measured on one library."""

    floor_ms: float
    floor_cpu_ms: float
    codes: list[Code]


def compile_bytecode(*sources: Path) -> None:
    """Write the bytecode of these package folders (PYTHONDONTWRITEBYTECODE may be set)."""
    for source in sources:
        compileall.compile_dir(str(source), quiet=1)


def baseline_code(source_tree: Path) -> Code:
    """The older code at ``source_tree`` (a checkout: ``src/cstocli`` inside)."""
    src = source_tree / "src"
    if not (src / "cstocli").is_dir():
        raise SystemExit(f"{source_tree}: no src/cstocli in it")
    compile_bytecode(src / "cstocli")
    # What its own console script runs: the entry point has moved (cli.app, cli.launch).
    entry = re.search(
        r'^cstocli = "([\w.]+):(\w+)"', (source_tree / "pyproject.toml").read_text(), re.M
    )
    if entry is None:
        raise SystemExit(f"{source_tree}/pyproject.toml: no cstocli console script in it")
    module, function = entry.groups()
    script = f"import sys; sys.argv[0] = 'cstocli'; from {module} import {function}; {function}()"
    return Code("old", {**os.environ, "PYTHONPATH": str(src)}, (sys.executable, "-c", script))


def current_code() -> Code:
    """The code this interpreter imports (this checkout, installed with pip -e)."""
    import cstocli  # noqa: PLC0415  # the package measured, found like the CLI finds it

    compile_bytecode(Path(cstocli.__file__).parent)
    return Code("new", None, (str(Path(sys.executable).with_name("cstocli")),))


def percentile(times: Sequence[float], share: float) -> float:
    """The value below which ``share`` of ``times`` lie (nearest rank)."""
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_search(
    db: Path, queries: Sequence[str], *, runs: int, in_process_runs: int, codes: Sequence[Code]
) -> SearchFigures:
    """Measure every query with every version of the code (see the module docstring)."""
    codes = [Code(code.name, code.env, code.cstocli) for code in codes]  # fresh figures
    floor: list[Run] = []
    whole: dict[tuple[str, str], list[Run]] = {}
    # Interleaved rounds, the floor among the queries, so that noise hits all alike.
    for _ in range(runs):
        floor.append(run_child([sys.executable, "-c", FLOOR]))
        for code in codes:
            for query in queries:
                command = [*code.cstocli, "search", "--all", "--library", str(db), "--"]
                command += query.split()
                whole.setdefault((code.name, query), []).append(run_child(command, code.env))
    for code in codes:
        result = run_child(
            [sys.executable, "-c", IN_PROCESS, str(db), str(in_process_runs), *queries], code.env
        )
        found: dict[str, list[list[float]]] = json.loads(result.stdout)
        code.in_process_mb = result.peak_mb
        for query in queries:
            wall, cpu = found[query]
            done = whole[code.name, query]
            code.queries[query] = Measured(
                p50_ms=percentile(wall, 0.5) * 1000,
                p95_ms=percentile(wall, 0.95) * 1000,
                cpu50_ms=percentile(cpu, 0.5) * 1000,
                cpu95_ms=percentile(cpu, 0.95) * 1000,
                whole_ms=statistics.median(r.seconds for r in done) * 1000,
                whole_cpu_ms=statistics.median(r.cpu_s for r in done) * 1000,
                whole_mb=max(r.peak_mb for r in done),
            )
    return SearchFigures(
        floor_ms=statistics.median(r.seconds for r in floor) * 1000,
        floor_cpu_ms=statistics.median(r.cpu_s for r in floor) * 1000,
        codes=list(codes),
    )


def report_search(sentences: int, figures: SearchFigures) -> None:
    """Print each query's figures, per version of the code, and the targets' worst cases."""
    floor, floor_cpu = figures.floor_ms, figures.floor_cpu_ms
    print(
        f"\nsearch at {sentences:,} sentences: floor {floor:.0f} ms wall, {floor_cpu:.0f} ms CPU"
        " (median, same rounds)"
    )
    print(
        f"{'code':>4}  {'in process p50 / p95 ms':>23}  {'CPU p50 / p95 ms':>16}"
        f"  {'whole ms':>8} {'x floor':>7} {'CPU ms':>7} {'x floor':>7} {'MB':>4}  query"
    )
    for query in figures.codes[0].queries:
        for code in figures.codes:
            m = code.queries[query]
            print(
                f"{code.name:>4}  {m.p50_ms:11.1f} / {m.p95_ms:7.1f}"
                f"  {m.cpu50_ms:7.1f} / {m.cpu95_ms:6.1f}  {m.whole_ms:8.0f}"
                f" {m.whole_ms / floor:7.2f} {m.whole_cpu_ms:7.0f}"
                f" {m.whole_cpu_ms / floor_cpu:7.2f} {m.whole_mb:4.0f}  {query}"
            )
    for code in figures.codes:
        worst = max(code.queries.values(), key=lambda m: m.p95_ms)
        slowest = max(code.queries.values(), key=lambda m: m.whole_ms)
        heaviest = max(code.in_process_mb, *(m.whole_mb for m in code.queries.values()))
        print(
            f"{code.name}: worst in process p95 {worst.p95_ms:.1f} ms wall, {worst.cpu95_ms:.1f} ms"
            f" CPU (<= 30); slowest whole process {slowest.whole_ms / floor:.2f}x the floor"
            f" ({slowest.whole_cpu_ms / floor_cpu:.2f}x in CPU; <= 1.25); peak {heaviest:.0f} MB"
            " (<= 60)"
        )


def main(argv: Sequence[str] | None = None) -> None:
    """Measure a library built before by ``bench/library.py --workdir``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("library", type=Path, help="library-N.sqlite3 made by bench/library.py")
    parser.add_argument("--runs", type=int, default=7, help="whole-process rounds")
    parser.add_argument("--in-process-runs", type=int, default=20)
    parser.add_argument("--baseline-src", type=Path, help="older code to measure beside")
    args = parser.parse_args(argv)
    asked = args.library.with_name(args.library.name.replace(".sqlite3", ".queries.json"))
    if not asked.exists():
        raise SystemExit(f"{asked}: not found (bench/library.py --workdir writes it)")
    queries = [q["text"] for q in json.loads(asked.read_text(encoding="utf-8"))]
    sentences = int(args.library.stem.rsplit("-", 1)[-1])
    codes = [current_code()]
    if args.baseline_src:
        codes.insert(0, baseline_code(args.baseline_src))
    figures = measure_search(
        args.library, queries, runs=args.runs, in_process_runs=args.in_process_runs, codes=codes
    )
    report_search(sentences, figures)


if __name__ == "__main__":
    main()
