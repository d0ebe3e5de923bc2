"""``cstocli browse``: keystroke -> updated results, and time to open, on the article and a library.

Latency is measured through Textual's test pilot (headless, the real app and session
thread): each benchmark query is typed one key at a time, and for every key three
figures are recorded from handing the key to the app (as its terminal driver does):

- listed: until the results list holds that key's results (``MainScreen.shown_at``):
  the key's dispatch, the search on the session's thread, its ranking, the rows of the
  first screen built, the list replaced, the count line;
- drawn: until the frame that shows them is drawn (the list's visible rows rendered);
- CPU: the process's CPU (both threads) over the same span, which the machine's other
  load does not inflate as it does the wall clock.

Between keys, untimed, the app finishes what follows a listing (the rest of the rows,
the preview of the first hit) and draws it, as it does between a typist's keys. The
baseline beside it is the search and the first screen's rows alone, called directly,
for the same keys in the same run.

Opening is measured on the real command: ``python -m cstocli browse`` on a
pseudo-terminal, from process start until the first results' count line is drawn,
against a bare Textual app started the same way, in turn, so both see the same load.
cstocli's modules are compiled to .pyc first, as installing it does.

    python bench/browse.py                                # the article + a 100k library
    python bench/browse.py --sentences 100000 1000000 --queries 10
    python bench/browse.py --sentences 0                  # the bundled article only

Libraries are generated with ``bench/library.py``'s seeded ``Corpus`` (50 sentences an
article) and its typo'd two-word queries; ``--workdir`` keeps them between runs.
Targets (issue 10): median <= 30 ms and p95 <= 60 ms on the article; median <= 50 ms
and p95 <= 100 ms on 1,000,000 sentences; opening < 0.5 s (article) and < 1 s (library).
No timing is asserted in the test suite; a test runs this at a tiny size.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import multiprocessing
import os
import pty
import resource
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cstocli
from cstocli.browse.app import BrowseApp
from cstocli.browse.main_screen import first_rows, rows_in_view
from cstocli.browse.pilot import draw_now, drive, send_key, settle
from cstocli.browse.search_field import SearchField
from cstocli.browse.session import Session
from cstocli.dataset.files import load_bundled
from cstocli.library import open_library, prepare
from cstocli.model import Dataset
from library import SENTENCES_PER_ARTICLE, Corpus, make_queries

ARTICLE_QUERIES = (
    "informaton securty",
    "combat training",
    "lukashenka",
    "terorism",
    "collective security council",
    "peacekeeping capabilities",
    "nagorno karabakh",
    "2,000 units",
    "kazakhstan chairmanship",
    "illegal migraton",
)
"""Typed into the bundled article: typos, phrases, a name, numbers."""
TARGETS = {"article": (30.0, 60.0), "library": (50.0, 100.0)}
"""Median and p95 targets in ms, for the article and for a 1,000,000-sentence library."""
OPEN_TARGETS = {"article": 0.5, "library": 1.0}
SIZE = (120, 40)
"""The terminal the keystrokes are typed at."""


class Keys(NamedTuple):
    """What each key cost, in milliseconds, over a benchmark's queries."""

    listed: list[float]
    """Key to its results held by the list (``MainScreen.shown_at``)."""
    drawn: list[float]
    """Key to the frame that shows them."""
    cpu: list[float]
    """CPU of the whole process (both threads) from the key to that frame."""


def keystrokes(session: Session, queries: Sequence[str]) -> Keys:
    """What each key costs, over ``queries`` typed key by key."""
    keys = Keys([], [], [])

    async def scenario(app: BrowseApp, pilot: Any) -> None:
        screen = app.main_screen
        field = screen.query_one(SearchField)
        for query in queries:
            field.value = ""
            await settle(pilot)
            for end in range(1, len(query) + 1):
                typed, key = query[:end], query[end - 1]
                screen.results_shown.clear()
                cpu = time.process_time()
                started = time.perf_counter()
                send_key(app, key)
                while screen.found is None or screen.found.query != typed:
                    # A key that changes nothing would wait forever: fail loudly instead.
                    await asyncio.wait_for(screen.results_shown.wait(), timeout=60)
                    screen.results_shown.clear()
                draw_now(app)
                keys.drawn.append((time.perf_counter() - started) * 1000)
                keys.listed.append((screen.shown_at - started) * 1000)
                keys.cpu.append((time.process_time() - cpu) * 1000)
                # Untimed: let the app finish (the other rows, the preview), as between
                # a typist's keys.
                await settle(pilot)
            await settle(pilot)

    drive(session, scenario, size=SIZE)
    return keys


def search_alone(session: Session, queries: Sequence[str]) -> list[float]:
    """The baseline: milliseconds of the search and its first rows alone, for the same keys."""
    times = []
    page = rows_in_view(SIZE[1])
    for query in queries:
        for end in range(1, len(query) + 1):
            started = time.perf_counter()
            first_rows(session, session.search(query[:end]), page)
            times.append((time.perf_counter() - started) * 1000)
    session.close()
    return times


BARE_TEXTUAL = """
from textual.app import App
from textual.widgets import Input, Static
class Bare(App):
    def compose(self):
        yield Input()
        yield Static("0 sentences")
Bare().run()
"""
"""The opening floor: a bare Textual app with a field and one line of text."""


def open_once(command: Sequence[str]) -> tuple[float, float]:
    """Seconds from starting ``command`` on a terminal to its first count line, and its CPU.

    The CPU is the whole process's (user + system), quitting included.
    """
    import fcntl  # noqa: PLC0415 - POSIX only, like pty
    import termios  # noqa: PLC0415

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "CSTOCLI_DATA"}}
    env["TERM"] = "xterm-256color"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        stdin=slave,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    screen = b""
    while b"sentences" not in screen and time.perf_counter() - started < 60:
        ready, _, _ = select.select([master], [], [], 0.01)
        if ready:
            screen += os.read(master, 65536)
    seconds = time.perf_counter() - started
    os.write(master, b"\x03")
    stop = time.perf_counter() + 5
    while process.poll() is None and time.perf_counter() < stop:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                os.read(master, 65536)
            except OSError:
                break
    if process.poll() is None:  # the bare app's Ctrl-C only says how to quit
        process.kill()
    process.wait(timeout=10)
    os.close(master)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu


def open_times(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median seconds to open and CPU of each command, started in turn ``runs`` times.

    Interleaved, so that the floor and the app see the same load.
    """
    seen: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            seen[name].append(open_once(command))
    return {
        name: (statistics.median(t[0] for t in times), statistics.median(t[1] for t in times))
        for name, times in seen.items()
    }


def compile_package() -> None:
    """Compile cstocli's modules to .pyc, as installing it does.

    Where ``PYTHONDONTWRITEBYTECODE`` is set, a checkout's modules would otherwise be
    compiled from source at every start (tens of ms) while Textual's came compiled.
    """
    compileall.compile_dir(Path(cstocli.__file__).parent, quiet=1)


def build_library(path: Path, sentences: int, seed: int) -> list[Dataset]:
    """Generate and store ``sentences`` sentences (kept if ``path`` exists); the articles."""
    corpus = Corpus(seed)
    count = max(1, sentences // SENTENCES_PER_ARTICLE)
    articles = [corpus.article(n)[1] for n in range(count)]
    if not path.exists():
        with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1) as pool:
            prepared = pool.imap(prepare, articles, chunksize=16)
            with open_library(path) as lib:
                lib.store_many(prepared)
    return articles


def spread(times: Sequence[float]) -> tuple[float, float, float]:
    """Median, 95th percentile and maximum."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return statistics.median(ordered), p95, ordered[-1]


def summary(name: str, times: Sequence[float], target: tuple[float, float] | None) -> str:
    """One line: keys, median, p95, max, and the targets."""
    median, p95, most = spread(times)
    line = f"  {name:<30} {len(times):>5} keys  median {median:6.1f} ms  p95 {p95:6.1f} ms"
    line += f"  max {most:6.1f} ms"
    if target is not None:
        ok = median <= target[0] and p95 <= target[1]
        line += f"  (target {target[0]:.0f}/{target[1]:.0f} ms: {'ok' if ok else 'MISSED'})"
    return line


def report(name: str, keys: Keys, target: tuple[float, float] | None) -> None:
    """The keys' figures: to results listed, to their frame drawn, and their CPU."""
    print(summary(f"{name}: listed", keys.listed, target))
    print(summary("  drawn", keys.drawn, target))
    print(summary("  CPU, both threads", keys.cpu, None))


def main(argv: Sequence[str] | None = None) -> None:
    """Measure the article, then each library size; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sentences", type=int, nargs="+", default=[100_000])
    parser.add_argument("--queries", type=int, default=10, help="typo'd queries per library")
    parser.add_argument("--runs", type=int, default=5, help="process starts to time")
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--workdir", type=Path, help="keep the libraries here (default: temp)")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="cstocli-browse-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"{os.cpu_count()} cores, load average {load} (figures scale with it)")
        print("keystroke -> updated results (Textual pilot, 120x40)")
        report(
            "bundled article",
            keystrokes(Session(dataset=load_bundled()), ARTICLE_QUERIES),
            TARGETS["article"],
        )
        alone = search_alone(Session(dataset=load_bundled()), ARTICLE_QUERIES)
        print(summary("  baseline: search + rows", alone, None))
        browse = [sys.executable, "-m", "cstocli", "browse"]
        starts = {
            "floor: bare Textual app": [sys.executable, "-c", BARE_TEXTUAL],
            "bundled article": browse,
        }
        for size in [s for s in args.sentences if s > 0]:
            path = workdir / f"browse-{size}.sqlite3"
            started = time.perf_counter()
            articles = build_library(path, size, args.seed)
            built = time.perf_counter() - started
            print(f"  ({size:,} sentences ready in {built:.0f} s)", file=sys.stderr, flush=True)
            corpus = Corpus(args.seed)  # the same seed: the same words as the library
            asked = [q.text for q in make_queries(corpus, articles, args.queries)]
            del articles
            session = Session(library_path=path, all_articles=True)
            target = TARGETS["library"] if size >= 1_000_000 else None
            report(f"library, {size:,} sentences", keystrokes(session, asked), target)
            alone = search_alone(Session(library_path=path, all_articles=True), asked)
            print(summary("  baseline: search + rows", alone, None))
            starts[f"library, {size:,} sentences"] = [*browse, "--all", "--library", str(path)]
        compile_package()
        print(
            f"\nopening, median of {args.runs} starts of each in turn (pty, 80x24;"
            " CPU: the whole process, quitting included)"
        )
        opened = open_times(starts, args.runs)
        floor, floor_cpu = opened.pop("floor: bare Textual app")
        print(
            f"  {'floor: bare Textual app':<28} {floor * 1000:6.0f} ms  1.00x"
            f"  CPU {floor_cpu * 1000:5.0f} ms"
        )
        for name, (seconds, cpu) in opened.items():
            goal = OPEN_TARGETS["article" if name.startswith("bundled") else "library"]
            verdict = "ok" if seconds < goal else "MISSED"
            print(
                f"  {name:<28} {seconds * 1000:6.0f} ms  {seconds / floor:.2f}x"
                f"  CPU {cpu * 1000:5.0f} ms  (target < {goal:.1f} s: {verdict})"
            )
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
