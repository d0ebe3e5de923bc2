"""The console script's start-up: the collector paused for the import, running for the command."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cstocli.cli import app, launch


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Give the test process back the objects ``launch.main`` froze."""
    yield
    gc.unfreeze()
    gc.enable()


def test_the_command_runs_with_the_collector_on_and_the_imports_frozen(
    monkeypatch: pytest.MonkeyPatch, unfrozen: None
) -> None:
    """A long command (an import, the browser) still collects; what start-up made is frozen."""
    seen: list[tuple[bool, int]] = []

    def command() -> None:
        seen.append((gc.isenabled(), gc.get_freeze_count()))
        raise SystemExit(3)

    monkeypatch.setattr(app, "main", command)
    with pytest.raises(SystemExit) as done:
        launch.main()
    assert done.value.code == 3
    [(collecting, frozen)] = seen
    assert collecting
    assert frozen > 0


def test_a_collector_turned_off_before_stays_off(
    monkeypatch: pytest.MonkeyPatch, unfrozen: None
) -> None:
    """Start-up gives back the collector as it found it: one turned off stays off."""
    seen: list[bool] = []

    def command() -> None:
        seen.append(gc.isenabled())
        raise SystemExit(0)

    monkeypatch.setattr(app, "main", command)
    gc.disable()
    with pytest.raises(SystemExit):
        launch.main()
    assert seen == [False]


@pytest.mark.parametrize("entry", ["script", "module"])
def test_both_entry_points_run_a_search(entry: str) -> None:
    """The installed ``cstocli`` script and ``python -m cstocli`` both search and exit 0."""
    script = Path(sys.executable).with_name("cstocli")
    if entry == "script" and not script.exists():
        pytest.skip("no cstocli script beside this Python")
    command = [str(script)] if entry == "script" else [sys.executable, "-m", "cstocli"]
    done = subprocess.run(
        [*command, "search", "impetus"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "impetus" in done.stdout.casefold()
