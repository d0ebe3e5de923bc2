"""The keys are listed once (keys.KEYS) and the README shows them, and the app, as they are."""

from __future__ import annotations

from pathlib import Path

from cstocli.browse.keys import KEYS

ROOT = Path(__file__).parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_key() -> None:
    """Each key of keys.KEYS is a row of the README's table, with what it does."""
    for key in KEYS:
        assert f"| {key.keys} | {key.does} |" in README


def test_readme_capture_is_the_snapshot() -> None:
    """The README's 80x24 capture is the snapshot the tests check, not a drawing by hand."""
    capture = (Path(__file__).parent / "snapshots" / "search-80x24.txt").read_text(encoding="utf-8")
    assert f"```text\n{capture}```" in README


def test_keys_are_distinct() -> None:
    """No key is listed twice."""
    names = [key.keys for key in KEYS]
    assert len(names) == len(set(names))
