"""Import time and memory of a long transcript: is the importer linear in the length.

Writes a seeded synthetic transcript of each size (a briefing: a participant list, caps
honorific labels, "Q" questions, continuation paragraphs, numbers with units, stage
directions, timestamps) and imports it with ``import_article`` in a fresh process,
printing the time, the peak resident memory of that process, and the time per MB as a
ratio to the smallest size measured in the same run (1.0x everywhere = linear).

    python bench/importer.py                 # 1 MB and 10 MB
    python bench/importer.py --sizes 0.1 1 4
Targets (issue 14): 1 MB under 2 s, 10 MB under 20 s with memory under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

_WORDS = (
    *("ministry", "port", "talks", "fund", "crew", "vessels", "program", "budget", "council"),
    *("hearing", "agreement", "plan", "shipping", "ceasefire", "review", "schedule"),
    *("inspectors", "families", "grants", "region", "partners"),
)
_SPEAKERS = ("MS KELLAWAY", "MR RENFREW", "QUESTION", "MS ABERNATHY")

_CHILD = """
import json, resource, sys, time
from cstocli.importer.article import import_article
text = open(sys.argv[1], encoding="utf-8").read()
began = time.perf_counter()
result = import_article(text, file_name="long.txt")
seconds = time.perf_counter() - began
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak,
                  "passages": len(result.dataset.passages),
                  "speakers": len(result.dataset.speakers)}))
"""


def make_transcript(size: int, seed: int = 7) -> str:
    """A briefing transcript of about ``size`` characters."""
    rng = random.Random(seed)
    parts = [
        "Department Press Briefing\n\nMara Kellaway\nSpokesperson\nTobias Renfrew\n"
        "Special Envoy for Maritime Affairs\n\n2:34 p.m. EDT\n\n"
    ]
    length = len(parts[0])
    turn = 0
    while length < size:
        label = _SPEAKERS[turn % len(_SPEAKERS)]
        sentences = []
        for _ in range(rng.randint(2, 5)):
            words = rng.choices(_WORDS, k=rng.randint(8, 18))
            if rng.random() < 0.3:
                words.insert(rng.randint(0, len(words)), f"{rng.randint(2, 90_000):,} vessels")
            sentences.append("We " + " ".join(words) + ".")
        block = f"{label}: {' '.join(sentences)}\n\n"
        if rng.random() < 0.3:
            block += "And our " + " ".join(rng.choices(_WORDS, k=12)) + ". (Laughter.)\n\n"
        if turn % 50 == 49:
            block += "* * *\n\n"
        parts.append(block)
        length += len(block)
        turn += 1
    return "".join(parts)


def measure(size_mb: float) -> dict[str, float]:
    """Import a transcript of ``size_mb`` MB in a fresh process; its figures."""
    text = make_transcript(int(size_mb * 1_000_000))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)],
            check=True,
            capture_output=True,
            text=True,
        )
    figures: dict[str, float] = json.loads(done.stdout)
    figures["mb"] = len(text.encode("utf-8")) / 1_000_000
    return figures


def main(argv: list[str] | None = None) -> int:
    """Print time, memory and time per MB for each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 10.0], help="MB")
    args = parser.parse_args(argv)
    header = ("size", "passages", "seconds", "peak RSS", "s per MB", "ratio")
    print("{:>8} {:>9} {:>8} {:>9} {:>9} {:>6}".format(*header))
    base: float | None = None
    for size in args.sizes:
        got = measure(size)
        per_mb = got["seconds"] / got["mb"]
        base = per_mb if base is None else base
        print(
            f"{got['mb']:>6.2f}MB {int(got['passages']):>9} {got['seconds']:>8.2f} "
            f"{got['peak_mb']:>7.0f}MB {per_mb:>9.3f} {per_mb / base:>5.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
