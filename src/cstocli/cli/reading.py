"""The reading commands: speakers, stats, show, facts (and search, from ``search_command``).

Each reads its source (``sources``), asks the model or the search engine, and hands
``output.emit`` its JSON payload, its rows and its Rich view, of which only the chosen
format is built. Start-up time is what users wait for, so each command imports what it
needs when it needs it: ``--json`` and TSV never import Rich, and only ``search`` imports
the search engine.
"""

# ruff: noqa: PLC0415 - imports are deferred on purpose: each command loads only what it uses.
# ruff: noqa: D412 - Typer needs the blank line after "Example:" to keep the example on its own line.

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

import typer

from cstocli.cli.command import Command
from cstocli.cli.options import AllFlag, ArticleOption, DataOption, LibraryOption
from cstocli.cli.output import Output, built, emit, nothing_found, output_options
from cstocli.cli.sources import check_sources, read
from cstocli.errors import UsageError


def register(app: typer.Typer) -> None:
    """Add the reading commands to the cstocli app (``search`` and ``random`` add themselves).

    ``app.full_app`` puts every command in the order ``--help`` lists them.
    """
    for name, command in (
        ("speakers", speakers_command),
        ("stats", stats_command),
        ("show", show_command),
        ("facts", facts_command),
    ):
        app.command(name, cls=Command)(command)


def _complete_passage(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """``show`` completion: ``completion`` is loaded only when a shell asks."""
    from cstocli.cli import completion

    return completion.complete_passage(ctx, incomplete)


# -- commands ---------------------------------------------------------------------------------


@output_options
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
    out: Output,
    data: DataOption = None,
    article: ArticleOption = None,
    all_: AllFlag = False,
    library: LibraryOption = None,
) -> None:
    """List everyone quoted: role, country or organisation, quotes and words spoken.

    Speakers appear in the order they first speak unless --sort says otherwise.

    With --all, one row per speaker across the library (the same id in two articles is
    one person), an Articles count, and the article of a speaker quoted in one only;
    --json then gives "articles" (and "article") instead of "quote_ids".

    Example:

        cstocli speakers --sort words --format csv
    """
    from cstocli import summary

    check_sources(data, article, all_)
    if all_:
        from cstocli.library import access

        try:
            totals = summary.sort_rows(access.speaker_totals(library), sort)
        except access.EmptyLibraryError as empty:
            nothing_found(out, str(empty))
        return emit(
            out,
            payload=built("payloads", "speaker_totals", totals),
            rows=built("columns", "speaker_totals", totals),
        )
    rows = summary.speaker_summaries(read(data, article, library), sort)
    return emit(
        out, payload=built("payloads", "speakers", rows), rows=built("columns", "speakers", rows)
    )


@output_options
def stats_command(
    *,
    out: Output,
    data: DataOption = None,
    article: ArticleOption = None,
    all_: AllFlag = False,
    library: LibraryOption = None,
) -> None:
    """Show the article's figures as it writes them, then how much each speaker says.

    First the largest group of related figures (the 2017 exercises), then the others.
    Piped (tsv, csv), one figure a line: what, value, unit, topic, line, article.

    With --all, every figure of the library with its article, then speakers' totals;
    --json figures then carry "article" (and "line" is null), and there is no "topics".

    Example:

        cstocli stats --json
    """
    from cstocli import summary

    check_sources(data, article, all_)
    if all_:
        from cstocli.library import access

        try:
            figures, totals = access.library_stats(library)
        except access.EmptyLibraryError as empty:
            nothing_found(out, str(empty), lambda: {"figures": [], "speakers": []})

        def figure_rows() -> Any:  # labels and lines need each article's text: not for --json
            return built("columns", "library_figures", access.all_articles(library))()

        def library_view() -> Any:
            return built("tables", "library_stats_view", figure_rows(), totals)()

        return emit(
            out,
            payload=built("payloads", "library_stats", figures, totals),
            rows=figure_rows,
            view=library_view,
        )
    dataset = read(data, article, library)
    rows = summary.speaker_summaries(dataset)
    return emit(
        out,
        payload=built("payloads", "stats", dataset, rows),
        rows=built("columns", "figures", dataset),
        view=built("tables", "stats_view", dataset, rows),
    )


@output_options
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
    out: Output,
    data: DataOption = None,
    article: ArticleOption = None,
    all_: AllFlag = False,
    library: LibraryOption = None,
) -> None:
    """Show one quote in full: speaker, role, paragraphs and their source lines.

    Ids are the ones search prints: q1, q2... for quotes, n1, n2... for narration.
    Ids repeat across articles, so a library quote needs --article (--all cannot choose);
    its --json then has "article". Piped (tsv, csv), one paragraph a line.

    Example:

        cstocli show q2
    """
    from cstocli import summary

    check_sources(data, article, all_)
    if all_:
        raise UsageError(
            "show needs one article: use --article ID (quote ids repeat across articles)"
        )
    dataset = read(data, article, library)
    passage = summary.find_passage(dataset, quote_id)
    return emit(
        out,
        payload=built("payloads", "passage", dataset, passage, article=article is not None),
        rows=built("columns", "paragraphs", dataset, passage),
        view=built("passages", "passage_view", dataset, passage),
    )


@output_options
def facts_command(
    *,
    out: Output,
    data: DataOption = None,
    article: ArticleOption = None,
    all_: AllFlag = False,
    library: LibraryOption = None,
) -> None:
    """Show the event, the member states, the priority areas and the documents adopted.

    List items are quoted from the article as written, and --json gives each its source
    span; the event is the dataset's description of it (see data/README.md).
    Piped (tsv, csv), one fact a line: article, section, item, text.

    With --all, the facts of each article that has any; --json is then an array of the
    one-article objects, each with "article".

    Example:

        cstocli facts
    """
    check_sources(data, article, all_)
    if all_:
        from cstocli.library import access

        try:
            found = access.all_articles(library)
        except access.EmptyLibraryError as empty:
            nothing_found(out, str(empty))
        datasets = [d for d in found if d.event is not None or d.lists]
        if not datasets:
            nothing_found(out, "no article of the library records an event or lists")
        return emit(
            out,
            payload=built("payloads", "library_facts", datasets),
            rows=built("columns", "facts", datasets),
            view=built("passages", "library_facts_view", datasets),
        )
    dataset = read(data, article, library)
    if dataset.event is None and not dataset.lists:
        hint = f"{dataset.id} records no event and no lists"
        nothing_found(out, hint, built("payloads", "facts", dataset))
    return emit(
        out,
        payload=built("payloads", "facts", dataset),
        rows=built("columns", "facts", [dataset]),
        view=built("passages", "facts_view", dataset),
    )
