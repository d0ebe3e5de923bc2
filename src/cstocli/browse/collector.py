"""The garbage collector kept out of a keystroke's way.

A full collection walks every object the app holds (its widgets, styles and render
caches: 50,000 objects after a few queries) and took 20-40 ms; with a keystroke's
allocations (its search, its rows, their rendering) one started inside about one
keystroke in eight. So the objects that live as long as the app are frozen once its
first frame is drawn, where no collection looks; and automatic collection pauses from
a keystroke until the frame that shows its results is drawn. Collection then resumes:
whatever the keystroke left behind is collected at once, after its frame rather than
before it. It never stays off past that frame, so memory stays bounded however fast
one types.
"""

from __future__ import annotations

import gc


def freeze_app() -> None:
    """Move every object alive now (the app as first drawn) where no collection looks."""
    gc.freeze()


def thaw_app() -> None:
    """Give them back to the collector (the app is done; tests run many in one process)."""
    gc.unfreeze()


class Collector:
    """Pauses automatic garbage collection for the span of a keystroke."""

    def __init__(self) -> None:
        self._paused = False

    def pause(self) -> None:
        """A keystroke: no automatic collection until ``resume`` (if it was on at all)."""
        if not self._paused and gc.isenabled():
            gc.disable()
            self._paused = True

    def resume(self) -> None:
        """Its frame is drawn: collect as usual again."""
        if self._paused:
            self._paused = False
            gc.enable()
