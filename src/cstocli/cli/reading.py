"""The five reading commands: speakers, search, stats, show, facts.

Each reads its source (``sources``), asks the model or the search engine, and hands a
view to ``terminal``. Start-up time is what users wait for, so each command imports what
it needs when it needs it: ``--json`` never imports Rich, and only ``search`` imports the
search engine.
"""

# ruff: noqa: PLC0415 - imports are deferred on purpose: each command loads only what it uses.
# ruff: noqa: D412 - Typer needs the blank line after "Example:" to keep the example on its own line.

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, Optional

import typer

from cstocli.cli.command import Command
from cstocli.cli.options import (
    AllFlag,
    ArticleOption,
    ColorOption,
    DataOption,
    JsonFlag,
    LibraryOption,
)
from cstocli.cli.sources import check_sources, read
from cstocli.cli.terminal import print_lines, print_renderable, warn, write_json
from cstocli.errors import EXIT_NO_MATCH, UsageError

if TYPE_CHECKING:
    from cstocli.model import Dataset
    from cstocli.search.engine import Hit
    from cstocli.views.render import ColorChoice


def register(app: typer.Typer) -> None:
    """Add the reading commands to the cstocli app, in the order ``--help`` lists them."""
    for name, command in (
        ("speakers", speakers_command),
        ("search", search_command),
        ("stats", stats_command),
        ("show", show_command),
        ("facts", facts_command),
    ):
        app.command(name, cls=Command)(command)


def _no_match_hint(
    query: str, dataset: Dataset | None, speaker_ids: frozenset[str] | None, where: str = ""
) -> str:
    """Why a search found nothing, in one line (``where``: " in the library")."""
    from cstocli.search.query import parse_query
    from cstocli.summary import shown

    parsed = parse_query(query)
    if not parsed.units and parsed.ignored:
        words = ", ".join(parsed.ignored)
        return f"{words}: too common to search alone; quote a phrase to search it exactly"
    speakers = dataset.speakers if dataset is not None else ()
    names = ", ".join(s.name for s in speakers if s.id in (speaker_ids or ()))
    return f"no matches for {shown(query)}{where}" + (f" said by {names}" if names else "")


def _complete_speaker(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """``--speaker`` completion: ``completion`` is loaded only when a shell asks."""
    from cstocli.cli import completion

    return completion.complete_speaker(ctx, incomplete)


def _complete_passage(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """``show`` completion: ``completion`` is loaded only when a shell asks."""
    from cstocli.cli import completion

    return completion.complete_passage(ctx, incomplete)


# -- commands ---------------------------------------------------------------------------------


def speakers_command(
    *,
    sort: Annotated[
        Optional[Literal["name", "quotes", "words"]],  # noqa: UP045 - read at runtime by Typer
        typer.Option(
            "--sort",
            case_sensitive=False,
            show_default=False,
            help="Sort by name, quotes or words.",
        ),
    ] = None,
    json_: JsonFlag = False,
    color: ColorOption = "auto",
    data: DataOption = None,
    article: ArticleOption = None,
    all_: AllFlag = False,
    library: LibraryOption = None,
) -> None:
    """List everyone quoted: role, country or organisation, quotes and words spoken.

    Speakers appear in the order they first speak unless --sort says otherwise.

    With --all, one row per speaker across the library (the same id in two articles is
    one person) and an Articles count; --json then gives "articles" instead of "quote_ids".

    Example:

        cstocli speakers --sort words
    """
    from cstocli import summary as queries

    check_sources(data, article, all_)
    if all_:
        from cstocli.library import access as library_source

        totals = queries.sort_rows(library_source.speaker_totals(library), sort)
        if json_:
            from cstocli.views import payloads as output

            return write_json(output.speaker_totals(totals))
        from cstocli.views import render

        return print_renderable(render.speaker_totals_table(totals), color)
    rows = queries.speaker_summaries(read(data, article, library), sort)
    if json_:
        from cstocli.views import payloads as output

        return write_json(output.speakers(rows))
    from cstocli.views import render

    return print_renderable(render.speakers_table(rows), color)


def search_command(
    terms: Annotated[
        list[str],
        typer.Argument(metavar="TERM", show_default=False, help="Words to look for."),
    ],
    *,
    speaker: Annotated[
        Optional[str],  # noqa: UP045 - read at runtime by Typer
        typer.Option(
            "--speaker",
            "-s",
            metavar="NAME",
            show_default=False,
            autocompletion=_complete_speaker,
            help="Only what this speaker said (fuzzy: 'lukashenka' finds Lukashenko).",
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", help="Show at most this many hits; 0 shows all.")
    ] = 10,
    context: Annotated[
        bool, typer.Option("--context", "-C", help="Show each hit's whole quote.")
    ] = False,
    json_: JsonFlag = False,
    color: ColorOption = "auto",
    data: DataOption = None,
    article: ArticleOption = None,
    all_: AllFlag = False,
    library: LibraryOption = None,
) -> None:
    """Search what was said, best hits first, typos forgiven, matched words highlighted.

    Words may be mistyped; a phrase in double quotes must match exactly.

    Piped, it prints one hit per line: id, speaker, sentence, separated by tabs
    (with --all, the article's id comes first; with --context, the whole quote follows).
    With --article or --all, each --json hit also has "article", its article's id.

    Exits 1 when nothing matches.

    Example:

        cstocli search "informaton securty" --speaker lukashenka

        cstocli search '"combat training"' --context
    """
    query = " ".join(terms)
    from cstocli.search.query import parse_query

    if parse_query(query).empty:  # nothing searchable at all: '', '""', '!!!'
        raise UsageError("the search needs a word to look for, e.g.: cstocli search impetus")
    if limit < 0:
        raise UsageError(f"--limit must be 0 (show all) or more, not {limit}")
    check_sources(data, article, all_)
    if all_:
        from cstocli.library import access as library_source

        everywhere = library_source.search_library(
            query, speaker=speaker, limit=limit, library_path=library
        )
        if not everywhere.total:
            warn(_no_match_hint(query, None, None, " in the library"))
            raise typer.Exit(EXIT_NO_MATCH)
        hits, total = everywhere.shown, everywhere.total
        source: Dataset | Mapping[str, Dataset] = everywhere.datasets
    else:
        hits, total, source = _search_one(read(data, article, library), query, speaker, limit)
    _print_hits(source, hits, context=context, json_=json_, color=color, library=article or all_)
    if len(hits) < total:  # after the hits, where a reader looks last
        sys.stdout.flush()
        warn(f"showing {len(hits)} of {total} hits (--limit 0 shows all)")


def _search_one(
    dataset: Dataset, query: str, speaker: str | None, limit: int
) -> tuple[list[Hit], int, Dataset]:
    """Search one dataset; nothing found ends the command with exit 1 and a hint."""
    from cstocli import summary as queries
    from cstocli.search import engine as search
    from cstocli.search import memory as index

    speaker_ids = None if speaker is None else queries.speaker_ids(dataset.speakers, speaker)
    store = index.build_index(dataset)
    found = search.find(store, query, speaker_ids=speaker_ids, limit=limit or None)
    if not found.total:
        warn(_no_match_hint(query, dataset, speaker_ids))
        raise typer.Exit(EXIT_NO_MATCH)
    return found.hits, found.total, dataset


def _print_hits(
    source: Dataset | Mapping[str, Dataset],
    hits: list[Hit],
    *,
    context: bool,
    json_: bool,
    color: ColorChoice,
    library: object,
) -> None:
    if json_:
        from cstocli.views import payloads as output

        if not library:
            assert not isinstance(source, Mapping)
            return write_json(output.hits(source, hits))
        by_id = source if isinstance(source, Mapping) else {source.id: source}
        return write_json(output.library_hits(by_id, hits))
    from cstocli.views import render

    if render.is_terminal(sys.stdout):
        if library and not isinstance(source, Mapping):
            source = {source.id: source}  # a library hit names its article, even with --article
        return print_renderable(render.hit_blocks(source, hits, context=context), color)
    return print_lines(render.hit_lines(source, hits, context=context), color)


def stats_command(
    *,
    json_: JsonFlag = False,
    color: ColorOption = "auto",
    data: DataOption = None,
    article: ArticleOption = None,
    all_: AllFlag = False,
    library: LibraryOption = None,
) -> None:
    """Show the article's figures as it writes them, then how much each speaker says.

    First the largest group of related figures (the 2017 exercises), then the others.

    With --all, every figure of the library with its article, then speakers' totals;
    --json figures then carry "article" (and "line" is null), and there is no "topics".

    Example:

        cstocli stats --json
    """
    from cstocli import summary as queries

    check_sources(data, article, all_)
    if all_:
        from cstocli.library import access as library_source

        figures, totals = library_source.library_stats(library)
        if json_:
            from cstocli.views import payloads as output

            return write_json(output.library_stats(figures, totals))
        from cstocli.views import render

        return print_renderable(render.library_stats_view(figures, totals), color)
    dataset = read(data, article, library)
    rows = queries.speaker_summaries(dataset)
    if json_:
        from cstocli.views import payloads as output

        return write_json(output.stats(dataset, rows))
    from cstocli.views import render

    return print_renderable(render.stats_view(dataset, rows), color)


def show_command(
    quote_id: Annotated[
        str,
        typer.Argument(
            metavar="QUOTE_ID",
            autocompletion=_complete_passage,
            help="A quote id (q1...) or narration id (n1...).",
        ),
    ],
    *,
    json_: JsonFlag = False,
    color: ColorOption = "auto",
    data: DataOption = None,
    article: ArticleOption = None,
    all_: AllFlag = False,
    library: LibraryOption = None,
) -> None:
    """Show one quote in full: speaker, role, paragraphs and their source lines.

    Ids are the ones search prints: q1, q2... for quotes, n1, n2... for narration.
    Ids repeat across articles, so a library quote needs --article (--all cannot choose);
    its --json then has "article".

    Example:

        cstocli show q2
    """
    from cstocli import summary as queries

    check_sources(data, article, all_)
    if all_:
        raise UsageError(
            "show needs one article: use --article ID (quote ids repeat across articles)"
        )
    dataset = read(data, article, library)
    passage = queries.find_passage(dataset, quote_id)
    if json_:
        from cstocli.views import payloads as output

        return write_json(output.passage(dataset, passage, article=article is not None))
    from cstocli.views import render

    return print_renderable(render.passage_view(dataset, passage), color)


def facts_command(
    *,
    json_: JsonFlag = False,
    color: ColorOption = "auto",
    data: DataOption = None,
    article: ArticleOption = None,
    all_: AllFlag = False,
    library: LibraryOption = None,
) -> None:
    """Show the event, the member states, the priority areas and the documents adopted.

    List items are quoted from the article as written, and --json gives each its source
    span; the event is the dataset's description of it (see data/README.md).

    With --all, the facts of each article that has any; --json is then an array of the
    one-article objects, each with "article".

    Example:

        cstocli facts
    """
    check_sources(data, article, all_)
    if all_:
        return _library_facts(library, json_=json_, color=color)
    dataset = read(data, article, library)
    if dataset.event is None and not dataset.lists:
        warn(f"{dataset.id} records no event and no lists")
        raise typer.Exit(EXIT_NO_MATCH)
    if json_:
        from cstocli.views import payloads as output

        return write_json(output.facts(dataset))
    from cstocli.views import render

    return print_renderable(render.facts_view(dataset), color)


def _library_facts(library: Path | None, *, json_: bool, color: ColorChoice) -> None:
    from cstocli.library import access as library_source

    datasets = [d for d in library_source.all_articles(library) if d.event is not None or d.lists]
    if not datasets:
        warn("no article of the library records an event or lists")
        raise typer.Exit(EXIT_NO_MATCH)
    if json_:
        from cstocli.views import payloads as output

        return write_json(output.library_facts(datasets))
    from cstocli.views import render

    return print_renderable(render.library_facts_view(datasets), color)
