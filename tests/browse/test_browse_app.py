"""The app: quitting returns the selection; Ctrl-C quits from the field; snapshots; NO_COLOR."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import assert_snapshot
from textual.pilot import Pilot

from cstocli.browse.app import BrowseApp
from cstocli.browse.capture import screen_text
from cstocli.browse.pilot import drive, settle, type_text
from cstocli.browse.session import Selection, Session
from cstocli.model import Dataset

SNAPSHOTS = Path(__file__).parent / "snapshots"
"""The browser's screens as text (CSTOCLI_UPDATE_SNAPSHOTS=1 rewrites them)."""


def test_q_outside_the_field_quits_with_the_selection(bundled: Dataset) -> None:
    """Q in the results quits; run() returns the selected passage."""

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "impetus")
        await pilot.press("tab", "q")

    app = drive(Session(dataset=bundled), scenario)
    assert app.return_value == Selection(None, "q1")


def test_q_in_the_field_is_typed(bundled: Dataset) -> None:
    """In the field q is a letter like any other; Ctrl-C still quits from there."""
    seen: dict[str, object] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "q")
        seen["running"] = app.is_running
        await pilot.press("ctrl+c")
        await settle(pilot)

    app = drive(Session(dataset=bundled), scenario)
    assert seen["running"] is True
    assert app.main_screen.found is not None
    assert app.main_screen.found.query == "q"
    assert app.return_value == app.selection


def test_no_color_is_honoured(bundled: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """With NO_COLOR set the app draws in monochrome."""
    monkeypatch.setenv("NO_COLOR", "1")

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "impetus")

    app = drive(Session(dataset=bundled), scenario)
    assert app.no_color is True
    monkeypatch.delenv("NO_COLOR")
    plain = drive(Session(dataset=bundled), scenario)
    assert plain.no_color is False


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (40, 24)])
def test_snapshots_of_the_main_screens(bundled: Dataset, size: tuple[int, int]) -> None:
    """Search, Speakers, Figures, a quote in full and the keys, as text, at each size."""
    screens: dict[str, str] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "informaton securty")
        screens["search"] = screen_text(app)
        for key, name in (("enter", "quote"), ("s", "speakers"), ("f", "figures")):
            await pilot.press("tab", key) if key != "enter" else await pilot.press(key)
            await settle(pilot)
            screens[name] = screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        screens["keys"] = screen_text(app)

    drive(Session(dataset=bundled), scenario, size=size)
    width, height = size
    for name, text in screens.items():
        assert len(text.splitlines()) == height
        assert_snapshot(SNAPSHOTS / f"{name}-{width}x{height}.txt", text)
