"""The library commands: ``cstocli import FILE...`` and ``cstocli library list|show|remove|export``.

Each command parses its options, asks ``cstocli.library`` (and ``importing`` for a batch
import) for plain data, and hands ``terminal`` what to print: JSON shaped by ``output``,
otherwise plain lines built here. The heavy modules (sqlite3, the importer) are imported
inside the commands, so registering these commands costs the other commands nothing at
start-up. What ``--article`` and ``--all`` read is ``library_source``.

Errors are ``CstocliError``s; ``cli`` turns each into one stderr line and exit code 2.
A batch import reports every file, then exits 2 if any file was refused.
"""

# ruff: noqa: D412 - Typer needs the blank line after "Example:" to keep the example on its own line.

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cstocli.cli.command import Command, Group
from cstocli.cli.options import LibraryFileOption, LibraryJsonFlag
from cstocli.cli.output import Output, emit, output_options
from cstocli.cli.provenance import DateOption, PublisherOption, TitleOption, UrlOption
from cstocli.cli.terminal import warn, write_json, write_lines
from cstocli.errors import EXIT_USAGE, UsageError
from cstocli.library.access import read_library

if TYPE_CHECKING:
    from cstocli.importer.batch import FileOutcome
    from cstocli.library import ArticleSummary, Library, Original
    from cstocli.model import Dataset
    from cstocli.views.console import Renderable


library_app = typer.Typer(
    cls=Group,
    name="library",
    short_help="List, show, remove and export the articles you imported.",
    help=(
        "List, show, remove and export the articles you imported.\n\n"
        "Example:\n\n    cstocli library list --json"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # Click's plain help, as the root's (see cli/help.py)
)


def _complete_article(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Article id completion: ``completion`` is loaded only when a shell asks."""
    from cstocli.cli import completion  # noqa: PLC0415  # lazy: see module docstring

    return completion.complete_article(ctx, incomplete)


def register(app: typer.Typer) -> None:
    """Add ``import`` and the ``library`` group to the cstocli app (cli.py calls this)."""
    app.command("import", cls=Command)(import_articles)
    app.add_typer(library_app, name="library")


@output_options
def import_articles(  # noqa: PLR0917 - Typer passes each option as a parameter
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE|URL...",
            help=(
                "Plain-text articles, saved web pages, http(s) URLs of articles,"
                " or dataset .json files (corrected exports)."
            ),
            show_default=False,
        ),
    ],
    corrections: Annotated[
        Path | None,
        typer.Option(
            "--corrections",
            metavar="FILE",
            dir_okay=False,
            show_default=False,
            help="Apply this corrections JSON on top of the import (see the README).",
        ),
    ] = None,
    review: Annotated[
        bool,
        typer.Option("--review", help="Show how each article splits into blocks; store nothing."),
    ] = False,
    url: UrlOption = None,
    title: TitleOption = None,
    publisher: PublisherOption = None,
    date: DateOption = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No import warnings on stderr.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Every import warning, not one line per file."),
    ] = False,
    *,
    out: Output,
    library_path: LibraryFileOption = None,
) -> None:
    """Import articles into your library; each file goes in whole or not at all.

    A web page (a URL, or a saved page known by its content) gives its main text and metadata.

    --url, --title, --publisher and --date state where a text article was published.

    A text article is parsed into speakers, quotes and figures; the same text twice is stored once.

    A dataset .json (from `library export`, corrected by hand) is checked and replaces its article.

    A file that cannot be used is named (with its line) and left out; the exit code is then 2.

    Warnings (what the importer could not decide for sure) are one line per file on
    stderr: -v lists each, -q none. --review shows each block whole with its warnings,
    and the headline; warnings outside every block go to stderr ("warnings" in --json).

    Example:

        cstocli import briefing.txt https://news.example/2024/talks.html
    """
    from cstocli.cli.provenance import import_sources, stated_provenance  # noqa: PLC0415
    from cstocli.library import default_path, open_library  # noqa: PLC0415  # lazy: see module docstring
    from cstocli.library.opening import removed_if_left_empty  # noqa: PLC0415  # lazy

    sources = import_sources(files)
    given = stated_provenance(len(files), url=url, title=title, publisher=publisher, date=date)

    if quiet and verbose:
        raise UsageError("--quiet and --verbose cannot go together")
    fixes = None
    if corrections is not None:
        from cstocli.importer.corrections import load_corrections  # noqa: PLC0415  # lazy

        fixes = load_corrections(corrections)
    from cstocli.importer import batch as importing  # noqa: PLC0415  # lazy: see module docstring

    outcomes: list[FileOutcome] = []
    if review:
        outcomes = [importing.review_one(source, fixes, given) for source in sources]
    else:
        from cstocli.views import console  # noqa: PLC0415  # lazy: see module docstring

        path = library_path if library_path is not None else default_path()
        large = len(files) == 1 and _size(files[0]) >= console.LARGE_FILE
        with (
            removed_if_left_empty(path),
            open_library(path) as lib,
            console.import_progress(len(files), sys.stderr) as done,
            console.stage_progress(files[0], importing.STAGES, sys.stderr)
            if large
            else nullcontext(lambda stage: None) as begin,
        ):
            outcomes = importing.import_all(
                lib, sources, fixes, lambda outcome: done(outcome.file), given, on_stage=begin
            )
    _report(outcomes, out, review=review, verbosity=-1 if quiet else 1 if verbose else 0)
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(EXIT_USAGE)


def _size(name: str) -> int:
    try:
        return Path(name).stat().st_size
    except OSError:  # the import names the problem; the bar is no place for it
        return 0


def _report(outcomes: list[FileOutcome], out: Output, *, review: bool, verbosity: int) -> None:
    """What went in (stdout, in the chosen format), then warnings and errors (stderr)."""
    from cstocli.views import columns, payloads  # noqa: PLC0415  # lazy: see module docstring

    def review_view() -> Renderable:
        from cstocli.views.review import review_view  # noqa: PLC0415  # lazy

        return review_view(outcomes)

    if review:
        emit(
            out,
            payload=lambda: [payloads.import_outcome(o) for o in outcomes],
            rows=lambda: columns.review_blocks(outcomes),
            view=review_view,
        )
    else:
        stored = [o for o in outcomes if o.article is not None]
        emit(
            out,
            payload=lambda: [payloads.import_outcome(o) for o in outcomes],
            rows=lambda: columns.outcomes(stored),
        )
    if out.structured:  # the warnings and errors are in the JSON already
        return
    for message in _messages(outcomes, review=review, verbosity=verbosity):
        warn(message)


def _messages(outcomes: list[FileOutcome], *, review: bool, verbosity: int) -> list[str]:
    """Warnings (each, one line per file, or none) and errors, for stderr."""
    err: list[str] = []
    for o in outcomes:
        count = len(o.warnings)
        if verbosity > 0 or (review and verbosity == 0) or count == 1:
            err += [f"warning: {o.file}: line {line}: {message}" for line, message in o.warnings]
        elif count and verbosity == 0:
            err.append(f"warning: {o.file}: {count} warnings, see --review (or -v)")
        if o.error is not None:
            err.append(o.error)
    if verbosity < 0:
        err = [message for message in err if not message.startswith("warning: ")]
    failed = [o for o in outcomes if o.status == "failed"]
    if failed and len(outcomes) > 1:
        stored = len(outcomes) - len(failed)
        err.append(
            f"{stored} of {len(outcomes)} files went in; not imported:"
            f" {', '.join(o.file for o in failed)}"
        )
    return err


@library_app.command("list", cls=Command)
@output_options
def list_articles(*, out: Output, library_path: LibraryFileOption = None) -> None:
    """List the articles in your library, oldest import first.

    --json gives an array of objects: id, title, file, sha256, imported_at, and the counts
    speakers, quotes, figures, sentences (numbers).

    Example:

        cstocli library list --format csv
    """
    from cstocli.views import columns  # noqa: PLC0415  # lazy: see module docstring
    from cstocli.views import payloads as output  # noqa: PLC0415  # lazy: see module docstring

    no_articles: list[ArticleSummary] = []
    summaries = read_library(library_path, lambda lib: lib.summaries(), missing=no_articles)
    if not summaries and not out.structured:
        warn("the library is empty; add articles with: cstocli import FILE")
        return
    emit(
        out,
        payload=lambda: [output.article_summary(s) for s in summaries],
        rows=lambda: columns.article_summaries(summaries),
    )


@library_app.command("show", cls=Command)
@output_options
def show_article(
    article_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The article's id.", autocompletion=_complete_article),
    ],
    *,
    out: Output,
    library_path: LibraryFileOption = None,
) -> None:
    """Show one stored article: its source, event and speakers.

    --json has library list's keys (speakers is the count there too), plus event and
    speaker_list: an array of speaker objects as `cstocli speakers --json` gives them.
    Piped (tsv, csv), its speakers, one a line, as `cstocli speakers` prints them.

    Example:

        cstocli library show csto-minsk-2017
    """

    def read(lib: Library) -> tuple[ArticleSummary, Dataset]:
        return lib.summary(article_id), lib.get(article_id)

    summary, ds = read_library(library_path, read)
    from cstocli import summary as queries  # noqa: PLC0415  # lazy: see module docstring
    from cstocli.views import columns  # noqa: PLC0415  # lazy: see module docstring
    from cstocli.views import payloads as output  # noqa: PLC0415  # lazy: see module docstring

    speakers = queries.speaker_summaries(ds)

    def view() -> Renderable:
        from cstocli.views.review import article_view  # noqa: PLC0415  # lazy

        return article_view(summary, ds, speakers)

    emit(
        out,
        payload=lambda: output.library_article(summary, ds, speakers),
        rows=lambda: columns.speakers(speakers),
        view=view,
    )


@library_app.command("remove", cls=Command)
def remove_articles(
    article_ids: Annotated[
        list[str],
        typer.Argument(
            metavar="ID...", help="Articles to remove.", autocompletion=_complete_article
        ),
    ],
    library_path: LibraryFileOption = None,
    as_json: LibraryJsonFlag = False,
) -> None:
    """Remove articles from your library (all of them, or none if one id is unknown).

    Example:

        cstocli library remove csto-minsk-2017
    """
    from cstocli.library import open_library  # noqa: PLC0415  # lazy: see module docstring

    article_ids = list(dict.fromkeys(article_ids))  # each one once, as it is removed once
    with open_library(library_path, create=False) as lib:
        lib.remove(article_ids)
    if as_json:
        from cstocli.views import payloads as output  # noqa: PLC0415  # lazy: see module docstring

        write_json(output.removed(article_ids))
    else:
        write_lines(f"removed\t{article_id}" for article_id in article_ids)


@library_app.command("export", cls=Command)
def export_article(
    article_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The article's id.", autocompletion=_complete_article),
    ],
    output_dir: Annotated[
        Path,
        typer.Option("--output", "-o", help="Folder to write into.", file_okay=False),
    ] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    library_path: LibraryFileOption = None,
    as_json: LibraryJsonFlag = False,
) -> None:
    """Write an article as a dataset: ID.json and its source text beside it.

    The pair loads with --data; a corrected ID.json goes back in with `cstocli import`.

    An article read from a web page also gets the page itself, ID.html, as it was read.

    Example:

        cstocli library export csto-minsk-2017 -o corrections/
    """
    from cstocli.library import export  # noqa: PLC0415  # lazy: see module docstring

    def read(lib: Library) -> tuple[Dataset, Original | None]:
        return lib.get(article_id), lib.original(article_id)

    ds, original = read_library(library_path, read)
    dataset_file, source_file = export(ds, output_dir, overwrite=force)
    page = None
    if original is not None:
        from cstocli.library.originals import export_original  # noqa: PLC0415  # lazy

        page = str(export_original(original, output_dir / f"{ds.id}.html", overwrite=force))
    if as_json:
        from cstocli.views import payloads as output  # noqa: PLC0415  # lazy: see module docstring

        write_json({**output.exported(ds.id, dataset_file, source_file), "original": page})
    else:
        write_lines([str(dataset_file), str(source_file), *([str(page)] if page else [])])
