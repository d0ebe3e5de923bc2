from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _run(script: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run one bench script in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, str(BENCH / script), *argv],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_attribution_runs_on_two_articles() -> None:
    """bench/attribution.py scores two corpus articles and prints valid JSON totals."""
    done = _run("attribution.py", "--limit", "2", "--json")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert len(payload["articles"]) == 2
    total = payload["totals"]["total"]
    assert total["articles"] == 2
    assert 0 < total["paragraphs_right"] <= total["paragraphs"]


def test_attribution_scores_only_the_articles_matched() -> None:
    """--match '9[0-9]-*' scores the held-out articles 90-99 alone."""
    done = _run("attribution.py", "--match", "9[0-9]-*", "--json")
    assert done.returncode == 0, done.stderr
    names = list(json.loads(done.stdout)["articles"])
    assert len(names) == 10
    assert all(name.startswith("9") for name in names)


def test_attribution_prints_its_table() -> None:
    """Without --json the script prints a row per article and the three totals."""
    done = _run("attribution.py", "--limit", "2")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("article")
    assert [line.split()[0] for line in lines[-3:]] == ["transcripts", "news", "total"]


def test_importer_bench_runs_at_a_tiny_size() -> None:
    """bench/importer.py imports a generated transcript and prints its figures."""
    done = _run("importer.py", "--sizes", "0.01", "0.02")
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()[1:]
    assert len(rows) == 2
    assert rows[0].split()[-1] == "1.00x"
