"""Whether output is coloured, and whether a stream is a terminal: the rule without Rich.

``console`` builds its Console on this rule; a plain path (piped search lines) asks it
first, so that output that needs no style never imports Rich (~20 ms of start-up).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TextIO, TypeAlias

ColorChoice: TypeAlias = Literal["auto", "always", "never"]
"""``--color``: ``auto`` follows NO_COLOR, FORCE_COLOR, TERM=dumb and the terminal."""


def color_enabled(choice: ColorChoice, *, isatty: bool, environ: Mapping[str, str]) -> bool:
    """Decide whether to emit colour and style escape codes.

    ``always``/``never`` win. For ``auto``, NO_COLOR (non-empty) turns colour off, then
    FORCE_COLOR (non-empty) turns it on, then TERM=dumb turns it off, else a TTY decides.
    """
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    return isatty


def is_terminal(file: TextIO) -> bool:
    """Whether ``file`` is an interactive terminal."""
    try:
        return file.isatty()
    except ValueError:  # a closed stream is no terminal
        return False
