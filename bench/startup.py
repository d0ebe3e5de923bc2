"""Whole-process start-up time of cstocli commands against the Typer + Rich floor.

Runs every command interleaved (so machine noise hits all alike), piped and under a
pseudo-terminal (as a user at a terminal runs it), and prints the median wall time of
each and its ratio to the floor ``python -c "import typer, rich.console, rich.table"``.

    python bench/startup.py            # 15 runs of each
    python bench/startup.py --runs 30
    python bench/startup.py --imports  # also: what each command imports beyond the floor
    python bench/startup.py --baseline /tmp/old/.venv/bin/cstocli   # against another install

``--baseline`` runs a second installation's ``cstocli`` (another commit, installed in its own
venv) interleaved with this one, and prints each command's ratio to it: the "no command
slower than before" check of a change.

Targets (issue 3): speakers and stats <= 1.15x the floor, search <= 1.35x, on both paths.
Only the standard library is used; no timing is asserted in the test suite.
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import os
import pty
import shutil
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

FLOOR = "floor"
TARGETS = {"speakers": 1.15, "stats": 1.15, "search impetus": 1.35}
MEASURED = (*TARGETS, "show q1", "facts")
"""Every command line timed: the targeted ones, then other reading commands (no target)."""


def cstocli_executable() -> str:
    """The installed console script beside this interpreter (what users run)."""
    beside = Path(sys.executable).with_name("cstocli")
    found = str(beside) if beside.exists() else shutil.which("cstocli")
    if found is None:
        raise SystemExit("cstocli is not installed in this environment (pip install -e .)")
    return found


BASELINE = " (baseline)"
"""Suffix of the display name of a command run by the ``--baseline`` installation."""


def commands(baseline: str | None = None) -> dict[str, list[str]]:
    """Each measured command line, by its display name."""
    exe = cstocli_executable()
    every = {
        "python -c pass": [sys.executable, "-c", "pass"],
        FLOOR: [sys.executable, "-c", "import typer, rich.console, rich.table"],
    }
    for name in MEASURED:
        every[name] = [exe, *name.split()]
        if baseline is not None:
            every[name + BASELINE] = [baseline, *name.split()]
    return every


def clean_environment() -> dict[str, str]:
    """The caller's environment without what changes cstocli's output path."""
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS"}}
    env.pop("CSTOCLI_DATA", None)
    env["TERM"] = "xterm-256color"
    return env


class Run(NamedTuple):
    """One run of a command: wall seconds, and the CPU seconds (user + system) it used.

    The CPU time moves far less than the wall time when other jobs share the machine, so a
    comparison on a busy machine reads it; the targets are on the wall time.
    """

    wall: float
    cpu: float


def _reap(process: subprocess.Popen[bytes], argv: Sequence[str], start: float) -> Run:
    """Wait for ``process`` and return its wall and CPU time; a failed run stops the bench."""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {process.returncode}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime)


def run_piped(argv: Sequence[str], env: dict[str, str]) -> Run:
    """One run with stdout and stderr piped (and drained)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    process.stdout.read()
    process.stdout.close()
    return _reap(process, argv, start)


def run_pty(argv: Sequence[str], env: dict[str, str]) -> Run:
    """One run attached to a 120x40 pseudo-terminal, output drained."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    try:
        while os.read(master, 65536):  # a full pty buffer would stall the child
            pass
    except OSError:  # EIO: every slave end is closed, the child is done writing
        pass
    run = _reap(process, argv, start)
    os.close(master)
    return run


def compile_package() -> None:
    """Write cstocli's bytecode, as ``pip install`` does, so no run pays for compiling.

    (An environment with PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module
    on every run, which no installed copy does.)
    """
    import cstocli  # noqa: PLC0415 - only to find the package directory

    compileall.compile_dir(str(Path(cstocli.__file__).parent), quiet=1)


def measure(
    runs: int, baseline: str | None = None, warmup: int = 2
) -> dict[tuple[str, str], list[Run]]:
    """Times for every (mode, command), interleaved round by round."""
    compile_package()
    every = commands(baseline)
    env = clean_environment()
    modes: dict[str, Callable[[Sequence[str], dict[str, str]], Run]] = {
        "piped": run_piped,
        "pty": run_pty,
    }
    times: dict[tuple[str, str], list[Run]] = {}
    for round_number in range(warmup + runs):
        for mode, runner in modes.items():
            for name, argv in every.items():
                run = runner(argv, env)
                if round_number >= warmup:
                    times.setdefault((mode, name), []).append(run)
    return times


def _median(runs: list[Run], what: str = "wall") -> float:
    return statistics.median(run.cpu if what == "cpu" else run.wall for run in runs)


def report(times: dict[tuple[str, str], list[Run]]) -> bool:
    """Print medians and ratios to the floor; return whether every target is met."""
    ok = True
    for mode in ("piped", "pty"):
        floor = _median(times[(mode, FLOOR)])
        print(f"\n{mode}: median of {len(times[(mode, FLOOR)])} runs each")
        print(f"  {'command':<29} {'ms':>7} {'ratio':>6}  target")
        for (m, name), samples in times.items():
            if m != mode:
                continue
            median = _median(samples)
            ratio = median / floor
            target = TARGETS.get(name)
            verdict = ""
            if target is not None:
                met = ratio <= target
                ok &= met
                verdict = f"<= {target:.2f}x {'ok' if met else 'MISSED'}"
            print(f"  {name:<29} {median * 1000:7.1f} {ratio:5.2f}x  {verdict}")
    return ok


def report_baseline(times: dict[tuple[str, str], list[Run]]) -> None:
    """Print each command's medians against the baseline installation's, same mode and run."""
    print("\nagainst the baseline installation (same rounds): this / baseline, medians")
    print(f"  {'':<6} {'command':<18} {'wall ms':>17} {'change':>7} {'CPU ms':>17} {'change':>7}")
    for mode in ("piped", "pty"):
        for name in MEASURED:
            cells = []
            for what in ("wall", "cpu"):
                mine = _median(times[(mode, name)], what)
                theirs = _median(times[(mode, name + BASELINE)], what)
                change = (mine / theirs - 1) * 100
                cells.append(f"{mine * 1000:7.1f} / {theirs * 1000:7.1f} {change:+6.1f}%")
            print(f"  {mode:<6} {name:<18} {'  '.join(cells)}")


def import_times(argv: Sequence[str], env: dict[str, str]) -> dict[str, int]:
    """Self import time in microseconds of every module ``argv`` imports (-X importtime)."""
    # Both the floor (python -c) and the console script (a Python file) run under -X.
    rest = argv[1:] if argv[0] == sys.executable else argv
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *rest],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    times = {}
    for line in result.stderr.splitlines():
        label, _, rest_of_line = line.partition(":")
        fields = rest_of_line.split("|")
        if label == "import time" and len(fields) == 3 and fields[0].strip().isdigit():
            times[fields[2].strip()] = int(fields[0])
    return times


def least_import_times(argv: Sequence[str], env: dict[str, str], runs: int = 5) -> dict[str, int]:
    """Each module's least self import time over a few runs (noise only ever adds time)."""
    samples = [import_times(argv, env) for _ in range(runs)]
    return {module: min(s.get(module, 0) for s in samples) for module in samples[0]}


def report_imports(top: int = 12) -> None:
    """For each cstocli command, the slowest modules it imports that the floor does not."""
    env = clean_environment()
    every = commands()
    floor = least_import_times(every[FLOOR], env)
    for name in TARGETS:
        own = least_import_times(every[name], env)
        extra = {m: t for m, t in own.items() if m not in floor}
        slowest = sorted(extra.items(), key=lambda item: -item[1])[:top]
        print(f"\n{name}: {sum(extra.values()) / 1000:.1f} ms of imports beyond the floor")
        for module, micros in slowest:
            print(f"  {micros / 1000:6.2f} ms  {module}")


def main() -> int:
    """Measure and report; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (>= 10)")
    parser.add_argument(
        "--imports", action="store_true", help="also list each command's imports beyond the floor"
    )
    parser.add_argument(
        "--baseline",
        metavar="CSTOCLI",
        help="another installation's cstocli executable to run interleaved and compare against",
    )
    args = parser.parse_args()
    times = measure(max(10, args.runs), args.baseline)
    ok = report(times)
    if args.baseline:
        report_baseline(times)
    if args.imports:
        report_imports()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
