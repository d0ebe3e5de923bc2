"""Drive the app headless through Textual's pilot: the tests and ``bench/browse.py`` use it."""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.pilot import Pilot

from cstocli.browse.app import BrowseApp
from cstocli.browse.session import Session, SessionThread

Scenario = Callable[[BrowseApp, Pilot[Any]], Awaitable[None]]
"""What to do with the running app: press keys, read the screen."""


def drive(
    session: Session, scenario: Scenario, *, query: str = "", size: tuple[int, int] = (80, 24)
) -> BrowseApp:
    """Run the app over ``session`` at ``size`` through ``scenario``; return it once done."""
    thread = SessionThread(session)
    try:
        thread.run(Session.prepare)
        app = BrowseApp(thread, query)

        async def main() -> None:
            async with app.run_test(size=size) as pilot:
                await settle(pilot)
                await scenario(app, pilot)

        asyncio.run(main())
    finally:
        thread.shutdown()
    return app


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until searches, previews and screen changes are done (they run in workers)."""
    for _ in range(1000):
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            break
        await asyncio.sleep(0.001)
    await pilot.pause()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` one key at a time, as a person would, then let the search finish."""
    for character in text:
        await pilot.press(key_name(character))
    await settle(pilot)


def send_key(app: BrowseApp, character: str) -> None:
    """Deliver one typed character as the terminal driver does, without waiting for idle.

    ``Pilot.press`` also waits until the process idles: the harness's time, which a
    benchmark of what the user waits for must leave out.
    """
    driver = app._driver  # the headless driver that run_test gives the app
    assert driver is not None, "the app is not running"
    driver.send_message(events.Key(key_name(character), character))


def key_name(character: str) -> str:
    """Textual's name for the key that types ``character`` ("," is "comma")."""
    if character.isalnum():
        return character
    return unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")


def draw_now(app: BrowseApp) -> None:
    """Draw what changed now, as the screen's update timer does on its next tick.

    ``Pilot.pause`` ends the same way; the benchmark times the frame that shows a
    keystroke's results without waiting for the timer.
    """
    app.screen._on_timer_update()
