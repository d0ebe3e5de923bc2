"""``cstocli random``: one quote, fortune-style, with its citation.

It prints a fortune, not rows, so piped it prints the same text (plain, unwrapped), to
go into ``cowsay`` or a login banner; ``--format tsv|csv|json|jsonl`` give it as data.
"""

# ruff: noqa: PLC0415 - imports are deferred on purpose: each command loads only what it uses.
# ruff: noqa: D412 - Typer needs the blank line after "Example:" to keep the example on its own line.

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from cstocli.cli.command import Command
from cstocli.cli.options import AllFlag, ArticleOption, DataOption, LibraryOption, speaker_option
from cstocli.cli.output import Output, emit, output_options
from cstocli.cli.sources import check_sources, read
from cstocli.cli.terminal import warn
from cstocli.errors import EXIT_NO_MATCH

if TYPE_CHECKING:
    from cstocli.model import Dataset, Passage
    from cstocli.views.console import Renderable


def register(app: typer.Typer) -> None:
    """Add ``random`` to the cstocli app (``app`` imports this module only when needed)."""
    app.command("random", cls=Command)(random_command)


@functools.partial(output_options, piped="table")
def random_command(
    *,
    speaker: Annotated[
        Optional[list[str]],  # noqa: UP045 - read at runtime by Typer
        speaker_option("Only quotes of this speaker (fuzzy); repeat it for any of several."),
    ] = None,
    seed: Annotated[
        Optional[int],  # noqa: UP045 - read at runtime by Typer
        typer.Option(
            "--seed",
            metavar="N",
            show_default=False,
            help="Choose the same quote every time for the same N.",
        ),
    ] = None,
    out: Output,
    data: DataOption = None,
    article: ArticleOption = None,
    all_: AllFlag = False,
    library: LibraryOption = None,
) -> None:
    """Print one quote at random, fortune-style, with who said it and where.

    Narration is never chosen. With --all, any quote of your library.

    Example:

        cstocli random --speaker lukashenko --seed 7
    """
    import random  # ~1 ms (hashlib, bisect): only this command pays for it

    from cstocli import summary

    check_sources(data, article, all_)
    if all_:
        from cstocli.library import access

        datasets = access.all_articles(library)
    else:
        datasets = [read(data, article, library)]
    pool: list[tuple[Dataset, Passage]] = []
    for dataset in datasets:
        ids = summary.any_speaker_ids(dataset.speakers, speaker or ()) if not all_ else None
        for passage in dataset.passages:
            # Only quotes: narration that reports someone ("She said the offer was fair")
            # is the reporter's sentence, never a quote of theirs.
            if not passage.is_quote or passage.speaker_id is None:
                continue
            if ids is not None and passage.speaker_id not in ids:
                continue
            if all_ and speaker and not _said_by(dataset, passage, speaker):
                continue
            pool.append((dataset, passage))
    if not pool:
        warn("no quote to choose from" + (f" by {', '.join(speaker)}" if speaker else ""))
        raise typer.Exit(EXIT_NO_MATCH)
    dataset, passage = random.Random(seed).choice(pool)
    _print(out, dataset, passage, library=article is not None or all_)


def _said_by(dataset: Dataset, passage: Passage, names: list[str]) -> bool:
    """With --all, whether one of ``names`` (fuzzy) is this passage's speaker."""
    from cstocli.search.speakers import match_speaker

    return any(passage.speaker_id in match_speaker(dataset.speakers, n).ids for n in names)


def _print(out: Output, dataset: Dataset, passage: Passage, *, library: bool) -> None:
    from cstocli.views import columns, payloads

    def payload() -> object:
        from cstocli.views.columns import citation

        shown = payloads.passage(dataset, passage, article=library)
        return {**shown, "citation": citation(dataset, passage)}

    def view() -> Renderable:
        from cstocli.views.fortune import fortune_view

        return fortune_view(dataset, passage)

    emit(out, payload=payload, rows=lambda: columns.fortune(dataset, passage), view=view)
