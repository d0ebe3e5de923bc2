"""bench/browse.py runs end to end at a tiny size, so that it cannot rot unnoticed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "browse.py"


def test_bench_runs_at_a_tiny_size(tmp_path: Path) -> None:
    """A 100-sentence library, one query, one start of each: every figure is printed."""
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--sentences",
            "100",
            "--queries",
            "1",
            "--runs",
            "1",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for label in (
        "bundled article",
        "library, 100 sentences",
        "baseline: search + rows",
        "floor: bare Textual app",
    ):
        assert label in done.stdout
