"""The ``cstocli`` console script and ``python -m cstocli``: start-up tuned for a short process.

cstocli is a process that lives ~0.1 s, and Python's cyclic garbage collector spends a
tenth of that looking for garbage that is not there:

- importing Typer and our modules allocates ~100,000 objects that all live until exit,
  and the collector walks them again and again as they pile up (~3 ms);
- at exit, finalisation walks every object once more before freeing the modules
  (~6 ms for Typer's alone, ~10 ms after a search of a large library).

So collection is paused while the app is imported, what the import made is frozen
(``gc.freeze``: moved where no collection looks, which is what the documentation
advises for objects that live as long as the process), and the collector then runs as
usual for the command: a long import or the browser still reclaims its cycles. The
exit freezes again: a process that is ending need not look for garbage.

This module is the first of ours to load, so it imports nothing of cstocli at the top.
"""

# ruff: noqa: PLC0415 - the app is imported inside main, after the collector is paused.

from __future__ import annotations

import gc
from typing import NoReturn


def main() -> NoReturn:
    """Import the app with the collector paused, freeze what it made, then run it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from cstocli.cli import app
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    try:
        app.main()
    finally:  # SystemExit, always: what the command made dies with the process
        gc.freeze()
