"""Every key ``browse`` answers to, once: the help screen and the README list these."""

from __future__ import annotations

from typing import NamedTuple


class Key(NamedTuple):
    """One key (or a few that do the same) and what it does."""

    keys: str
    """As a person would write it: ``Ctrl-N``, ``Up``."""
    does: str
    """What it does, in a few words."""


KEYS: tuple[Key, ...] = (
    Key("typing", "goes to the search field; results follow every keystroke"),
    Key("Up / Down, Ctrl-P / Ctrl-N", "move through the results"),
    Key("Enter", "open the selected quote in full"),
    Key("Tab / Shift-Tab", "move between the search field, results and preview"),
    Key("Esc", "clear the search, then the speaker or article filter; back out of a view"),
    Key("s or F2", "Speakers: Enter filters the results to one, again to clear"),
    Key("f or F3", "Figures: Enter shows the sentence a figure comes from"),
    Key("a or F4", "Articles of the library: Enter scopes the search to one, again for all"),
    Key("y", "copy the selected quote with its citation to the clipboard"),
    Key("? or F1", "this list of keys"),
    Key("q or Ctrl-C", "quit and print the selected quote's id (q outside the field)"),
)
"""The keys, in the order the help screen lists them."""
