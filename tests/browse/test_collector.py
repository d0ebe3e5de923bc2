"""The garbage collector kept out of a keystroke's way (cstocli.browse.collector)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from textual.pilot import Pilot

from cstocli.browse.app import BrowseApp
from cstocli.browse.collector import Collector
from cstocli.browse.pilot import drive, type_text
from cstocli.browse.session import Found, Scope, Session
from cstocli.model import Dataset


@pytest.fixture
def collecting() -> Iterator[None]:
    """Automatic collection on, as at the start of a run; restored after the test."""
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_a_pause_lasts_until_resumed(collecting: None) -> None:
    """Paused, the collector is off; resumed, on again; a second pause changes nothing."""
    collector = Collector()
    collector.pause()
    collector.pause()
    assert not gc.isenabled()
    collector.resume()
    assert gc.isenabled()
    collector.resume()
    assert gc.isenabled()


def test_a_collector_switched_off_elsewhere_stays_off(collecting: None) -> None:
    """A pause over a collector someone else turned off never turns it on."""
    gc.disable()
    collector = Collector()
    collector.pause()
    collector.resume()
    assert not gc.isenabled()


def test_each_search_runs_paused_and_collection_resumes_after_its_frame(
    collecting: None, bundled: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every keystroke's search runs with the collector off; it is on once results are drawn."""
    during: list[bool] = []
    after: list[bool] = []
    search = Session.search

    def watched(session: Session, query: str, scope: Scope | None = None) -> Found:
        during.append(gc.isenabled())
        return search(session, query, scope)

    monkeypatch.setattr(Session, "search", watched)

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "securty")
        after.append(gc.isenabled())
        after.append(gc.get_freeze_count() > 0)

    drive(Session(dataset=bundled), scenario)
    assert len(during) >= len("securty")
    assert not any(during)
    assert after == [True, True]  # collecting again, the app's first frame frozen
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # given back when the app closed
