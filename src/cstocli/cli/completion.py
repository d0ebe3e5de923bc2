"""Shell completion: speaker names for ``--speaker``, passage ids for ``show``, article ids.

Completion reads the same source the command line names so far (``--data``,
``--article``, ``--all``); a source that cannot be read completes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cstocli.cli.sources import read
from cstocli.errors import CstocliError

if TYPE_CHECKING:
    from cstocli.library import ArticleSummary
    from cstocli.model import Speaker


def complete_speaker(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for ``--speaker``: ids or name words, each with the full name as help.

    Shells keep only candidates that start with what was typed, so "luk" completes to
    "lukashenko" (a name word the fuzzy matcher accepts) and "alex" to the id
    "alexander-lukashenko"; ids and single words need no quoting in any shell.
    """
    try:
        speakers = _speakers_for(ctx)
    except (CstocliError, OSError, ValueError):
        return []
    typed = incomplete.casefold()
    if not typed:
        return [(who.id, who.name) for who in speakers]
    found: dict[str, str] = {}
    for who in speakers:
        if who.id.startswith(incomplete):
            found[who.id] = who.name
        for word in (*who.name.split(), *(w for alias in who.aliases for w in alias.split())):
            if word.casefold().startswith(typed):
                # Keep what was typed, so the shell's own prefix filter accepts it.
                found.setdefault(incomplete + word[len(incomplete) :], who.name)
    return list(found.items())


def _path(ctx: typer.Context, name: str) -> Path | None:
    """A path option as typed so far, as a Path.

    While completing, Click has not converted the values yet: they may still be the
    strings from the command line or the environment.
    """
    value = ctx.params.get(name)
    return None if value is None else Path(value)


def _speakers_for(ctx: typer.Context) -> Sequence[Speaker]:
    """The speakers the command line so far reads: the library's with --all."""
    library = _path(ctx, "library")
    if ctx.params.get("all_"):
        from cstocli.library import access  # noqa: PLC0415 - only --all loads the library

        return access.read_library(library, lambda lib: lib.speakers())
    return read(_path(ctx, "data"), ctx.params.get("article"), library).speakers


def complete_passage(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for ``show``: passage ids, each with its speaker as help."""
    try:
        dataset = read(_path(ctx, "data"), ctx.params.get("article"), _path(ctx, "library"))
    except (CstocliError, OSError, ValueError):
        return []
    return [
        (
            p.id,
            "narration"
            if not p.is_quote or p.speaker_id is None
            else dataset.speaker(p.speaker_id).name,
        )
        for p in dataset.passages
        if p.id.startswith(incomplete)
    ]


def complete_article(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Article ids of the library (``--article``, ``library show|remove|export``), titled."""
    from cstocli.library import access  # noqa: PLC0415 - only when asked

    none: list[ArticleSummary] = []
    try:
        summaries = access.read_library(
            _path(ctx, "library") or _path(ctx, "library_path"),
            lambda lib: lib.summaries(),
            missing=none,
        )
    except (CstocliError, OSError, ValueError):
        return []
    return [(s.id, s.title) for s in summaries if s.id.startswith(incomplete)]
