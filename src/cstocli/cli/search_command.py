"""``cstocli search``: the best hits first, typos forgiven, from the bundled article or the library.

Nothing found is exit 1 with a hint on stderr (and ``[]`` for ``--json``). Piped, each
hit is one tab-separated line, styled only with ``--color always``.
"""

# ruff: noqa: PLC0415 - imports are deferred on purpose: the engine loads only when searching.
# ruff: noqa: D412 - Typer needs the blank line after "Example:" to keep the example on its own line.

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from cstocli.cli.command import Command
from cstocli.cli.options import AllFlag, ArticleOption, DataOption, LibraryOption, speaker_option
from cstocli.cli.output import Output, built, emit, nothing_found, output_options
from cstocli.cli.sources import check_sources, read
from cstocli.cli.terminal import print_lines, warn, write_lines
from cstocli.errors import UsageError

if TYPE_CHECKING:
    from cstocli.model import Dataset
    from cstocli.search.engine import Hit


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


def register(app: typer.Typer) -> None:
    """Add ``search`` to the cstocli app (``app`` imports this module only when needed)."""
    app.command("search", cls=Command)(search_command)


@output_options
def search_command(
    terms: Annotated[
        list[str],
        typer.Argument(metavar="TERM", show_default=False, help="Words to look for."),
    ],
    *,
    speaker: Annotated[
        Optional[list[str]],  # noqa: UP045 - read at runtime by Typer
        speaker_option(
            "Only what this speaker said (fuzzy: 'lukashenka' finds Lukashenko);"
            " repeat it for any of several."
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", help="Show at most this many hits; 0 shows all.")
    ] = 10,
    context: Annotated[
        bool, typer.Option("--context", "-C", help="Show each hit's whole quote.")
    ] = False,
    out: Output,
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

    Exits 1 when nothing matches (--json then prints []).

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
    names = list(speaker or ())
    if all_:
        from cstocli.library import access

        try:
            everywhere = access.search_library(
                query, speaker=names, limit=limit, library_path=library
            )
        except access.EmptyLibraryError as empty:  # nothing to search: nothing found, []
            nothing_found(out, str(empty))
        if not everywhere.total:
            nothing_found(out, _no_match_hint(query, None, None, " in the library"))
        hits, total = everywhere.shown, everywhere.total
        source: Dataset | Mapping[str, Dataset] = everywhere.datasets
    else:
        hits, total, source = _search_one(read(data, article, library), query, names, limit, out)
    _print_hits(source, hits, out, context=context, library=article is not None or all_)
    if len(hits) < total:  # after the hits, where a reader looks last
        sys.stdout.flush()
        warn(f"showing {len(hits)} of {total} hits (--limit 0 shows all)")


def _search_one(
    dataset: Dataset, query: str, names: list[str], limit: int, out: Output
) -> tuple[list[Hit], int, Dataset]:
    """Search one dataset; nothing found ends the command with exit 1 and a hint."""
    from cstocli import summary
    from cstocli.search import engine as search
    from cstocli.search import memory

    speaker_ids = summary.any_speaker_ids(dataset.speakers, names)
    store = memory.build_index(dataset)
    found = search.find(store, query, speaker_ids=speaker_ids, limit=limit or None)
    if not found.total:
        nothing_found(out, _no_match_hint(query, dataset, speaker_ids))
    return found.hits, found.total, dataset


def _print_hits(
    source: Dataset | Mapping[str, Dataset],
    hits: list[Hit],
    out: Output,
    *,
    context: bool,
    library: bool,
) -> None:
    if out.format == "tsv" and not out.header:
        # Piped search keeps its styled lines: --color always highlights the matches.
        # Without colour the same lines are plain text, and Rich is never imported.
        from cstocli.views.colour import color_enabled, is_terminal

        if color_enabled(out.color, isatty=is_terminal(sys.stdout), environ=os.environ):
            from cstocli.views import passages

            return print_lines(passages.hit_lines(source, hits, context=context), out.color)
        from cstocli.views import columns

        return write_lines(
            columns.hit_line(
                source[hit.sentence.article_id] if isinstance(source, Mapping) else source,
                hit,
                context=context,
                library=isinstance(source, Mapping),
            ).text
            for hit in hits
        )

    by_id = source
    if library and not isinstance(source, Mapping):
        by_id = {source.id: source}  # a library hit names its article, even with --article
    if isinstance(by_id, Mapping):
        payload = built("payloads", "library_hits", by_id, hits)
    else:
        payload = built("payloads", "hits", by_id, hits)
    return emit(
        out,
        payload=payload,
        rows=built("columns", "hits", source, hits, context=context),
        view=built("passages", "hit_blocks", by_id, hits, context=context),
    )
