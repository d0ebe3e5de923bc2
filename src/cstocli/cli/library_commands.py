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
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cstocli.cli.command import Command
from cstocli.cli.options import LibraryFileOption, LibraryJsonFlag
from cstocli.cli.provenance import DateOption, PublisherOption, TitleOption, UrlOption
from cstocli.cli.terminal import warn, write_json, write_lines
from cstocli.errors import EXIT_USAGE
from cstocli.library.access import read_library

if TYPE_CHECKING:
    from cstocli.importer.batch import FileOutcome
    from cstocli.library import ArticleSummary, Library, Original
    from cstocli.model import Dataset


library_app = typer.Typer(
    name="library",
    help=(
        "List, show, remove and export the articles you imported.\n\n"
        "Example:\n\n    cstocli library list --json"
    ),
    no_args_is_help=True,
    add_completion=False,
)


def register(app: typer.Typer) -> None:
    """Add ``import`` and the ``library`` group to the cstocli app (cli.py calls this)."""
    app.command("import", cls=Command)(import_articles)
    app.add_typer(library_app, name="library")


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
    library_path: LibraryFileOption = None,
    as_json: LibraryJsonFlag = False,
) -> None:
    """Import articles into your library; each file goes in whole or not at all.

    A web page (a URL, or a saved page known by its content) gives its main text and metadata.

    --url, --title, --publisher and --date state where a text article was published.

    With --review, each block's warnings are shown under it; warnings outside every block
    (a skipped line, the headline) go to stderr, and are the top-level "warnings" in --json.

    A text article is parsed into speakers, quotes and figures; the same text twice is stored once.

    A dataset .json (from `library export`, corrected by hand) is checked and replaces its article.

    A file that cannot be used is named (with its line) and left out; the exit code is then 2.

    Example:

        cstocli import briefing.txt https://news.example/2024/talks.html
    """
    from cstocli.cli.provenance import import_sources, stated_provenance  # noqa: PLC0415
    from cstocli.library import default_path, open_library  # noqa: PLC0415  # lazy: see module docstring
    from cstocli.library.opening import removed_if_left_empty  # noqa: PLC0415  # lazy

    sources = import_sources(files)
    given = stated_provenance(len(files), url=url, title=title, publisher=publisher, date=date)

    fixes = None
    if corrections is not None:
        from cstocli.importer.corrections import load_corrections  # noqa: PLC0415  # lazy

        fixes = load_corrections(corrections)
    from cstocli.importer import batch as importing  # noqa: PLC0415  # lazy: see module docstring

    outcomes: list[FileOutcome] = []
    if review:
        outcomes = [importing.review_one(source, fixes, given) for source in sources]
    else:
        from cstocli.views import render  # noqa: PLC0415  # lazy: see module docstring

        path = library_path if library_path is not None else default_path()
        with (
            removed_if_left_empty(path),
            open_library(path) as lib,
            render.import_progress(len(files), sys.stderr) as done,
        ):
            outcomes = importing.import_all(
                lib, sources, fixes, lambda outcome: done(outcome.file), given
            )
    if as_json:
        from cstocli.views import payloads  # noqa: PLC0415  # lazy: see module docstring

        write_json([payloads.import_outcome(o) for o in outcomes])
    else:
        out, err = _outcome_report(outcomes)
        write_lines(out)
        for message in err:
            warn(message)
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(EXIT_USAGE)


def _outcome_report(outcomes: list[FileOutcome]) -> tuple[list[str], list[str]]:
    """The lines for stdout (one per stored file, review rows) and the messages for stderr."""
    out: list[str] = []
    err: list[str] = []
    for o in outcomes:
        if o.article is not None:
            a = o.article
            out.append(
                f"{o.status}\t{a.id}\t{o.file}\t{_count(a.speakers, 'speaker')},"
                f" {_count(a.quotes, 'quote')}, {_count(a.figures, 'figure')}"
            )
        for row in o.review or []:
            who = row["speaker"] or "(narration)"
            if row.get("reported"):
                who = f"(reported) {who}"
            lines = f"{row['first_line']}-{row['last_line']}"
            out.append(f"{o.file}:{lines}\t{row['passage_id']}\t{who}\t{row['first_words']}")
            out += [f"\t\twarning: {warning}" for warning in row["warnings"]]
        err += [f"warning: {o.file}: line {line}: {message}" for line, message in o.warnings]
        if o.error is not None:
            err.append(o.error)
    failed = [o for o in outcomes if o.status == "failed"]
    if failed and len(outcomes) > 1:
        stored = len(outcomes) - len(failed)
        err.append(
            f"{stored} of {len(outcomes)} files went in; not imported:"
            f" {', '.join(o.file for o in failed)}"
        )
    return out, err


@library_app.command("list", cls=Command)
def list_articles(library_path: LibraryFileOption = None, as_json: LibraryJsonFlag = False) -> None:
    """List the articles in your library, oldest import first.

    --json gives an array of objects: id, title, file, sha256, imported_at, and the counts
    speakers, quotes, figures, sentences (numbers).

    Example:

        cstocli library list --json
    """
    no_articles: list[ArticleSummary] = []
    summaries = read_library(library_path, lambda lib: lib.summaries(), missing=no_articles)
    if as_json:
        from cstocli.views import payloads as output  # noqa: PLC0415  # lazy: see module docstring

        write_json([output.article_summary(s) for s in summaries])
        return
    if not summaries:
        warn("the library is empty; add articles with: cstocli import FILE")
        return
    rows = [("ID", "SPEAKERS", "QUOTES", "FIGURES", "TITLE")]
    rows += [(s.id, str(s.speakers), str(s.quotes), str(s.figures), s.title) for s in summaries]
    write_lines(_columns(rows))


@library_app.command("show", cls=Command)
def show_article(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="The article's id.")],
    library_path: LibraryFileOption = None,
    as_json: LibraryJsonFlag = False,
) -> None:
    """Show one stored article: its source, event and speakers.

    --json has library list's keys (speakers is the count there too), plus event and
    speaker_list: an array of speaker objects as `cstocli speakers --json` gives them.

    Example:

        cstocli library show csto-minsk-2017
    """

    def read(lib: Library) -> tuple[ArticleSummary, Dataset]:
        return lib.summary(article_id), lib.get(article_id)

    summary, ds = read_library(library_path, read)
    from cstocli import summary as queries  # noqa: PLC0415  # lazy: see module docstring
    from cstocli.views import payloads as output  # noqa: PLC0415  # lazy: see module docstring

    speakers = queries.speaker_summaries(ds)
    if as_json:
        write_json(output.library_article(summary, ds, speakers))
        return
    lines = [
        f"{summary.id}: {summary.title}",
        f"  file {summary.file}, imported {summary.imported_at}, sha256 {summary.sha256}",
    ]
    source = ds.source
    published = [x for x in (source.publisher, source.author, source.date, source.url) if x]
    if published:
        lines.append(f"  published: {', '.join(published)}")
    if ds.event is not None:
        details = [x for x in (ds.event.city, ds.event.country, ds.event.date) if x]
        lines.append(f"  event: {ds.event.name}" + (f" ({', '.join(details)})" if details else ""))
    counts = [
        (summary.quotes, "quote"),
        (summary.figures, "figure"),
        (summary.sentences, "sentence"),
    ]
    lines.append("  " + ", ".join(_count(n, noun) for n, noun in counts))
    for s in speakers:
        role = f", {s.speaker.role}" if s.speaker.role else ""
        lines.append(
            f"  {s.speaker.name}{role}: {_count(s.quotes, 'quote')}, {_count(s.words, 'word')}"
        )
    write_lines(lines)


@library_app.command("remove", cls=Command)
def remove_articles(
    article_ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Articles to remove.")],
    library_path: LibraryFileOption = None,
    as_json: LibraryJsonFlag = False,
) -> None:
    """Remove articles from your library (all of them, or none if one id is unknown).

    Example:

        cstocli library remove csto-minsk-2017
    """
    from cstocli.library import open_library  # noqa: PLC0415  # lazy: see module docstring

    with open_library(library_path, create=False) as lib:
        lib.remove(article_ids)
    if as_json:
        from cstocli.views import payloads as output  # noqa: PLC0415  # lazy: see module docstring

        write_json(output.removed(article_ids))
    else:
        write_lines(f"removed\t{article_id}" for article_id in article_ids)


@library_app.command("export", cls=Command)
def export_article(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="The article's id.")],
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


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _columns(rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Rows as left-aligned columns; the last column is never padded, no line ends in spaces."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return [
        "  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)), row[-1]]).rstrip()
        for row in rows
    ]
