"""``cstocli browse``: the Textual app, imported only when this command runs."""

# ruff: noqa: PLC0415 - Textual (~150 ms to import) loads only for browse.
# ruff: noqa: D412 - Typer needs the blank line after "Example:" to keep the example on its own line.

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from cstocli.cli.command import Command
from cstocli.cli.options import AllFlag, ArticleOption, DataOption, LibraryOption
from cstocli.cli.sources import check_sources, read
from cstocli.cli.terminal import write_lines
from cstocli.errors import EXIT_NO_MATCH, UsageError


def register(app: typer.Typer) -> None:
    """Add ``browse`` to the cstocli app."""
    app.command("browse", cls=Command)(browse_command)


def browse_command(
    terms: Annotated[
        Optional[list[str]],  # noqa: UP045 - read at runtime by Typer
        typer.Argument(metavar="TERM", show_default=False, help="Start with this search."),
    ] = None,
    *,
    data: DataOption = None,
    article: ArticleOption = None,
    all_: AllFlag = False,
    library: LibraryOption = None,
) -> None:
    """Browse everything said, live: results follow each keystroke, with a preview.

    Type to search (typos forgiven, as in search); Up/Down move, Enter opens a quote,
    s/f/a show speakers, figures and the library's articles, y copies a quote with its
    citation, ? lists every key, q or Ctrl-C quits.

    On quit it prints the selected quote's id, or "--article ID QUOTE" for a library
    quote, so that "cstocli show $(cstocli browse)" shows it (with --data, pass the same
    --data to show). Exits 1 when nothing was selected.

    It draws on the terminal (stdin and stderr must be one); stdout may be piped.

    Example:

        cstocli browse informaton securty
    """
    check_sources(data, article, all_)
    from cstocli.browse.session import Session, SessionThread

    if all_:
        session = Session(library_path=library, all_articles=True)
    else:
        session = Session(dataset=read(data, article, library))  # a bad source fails first
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise UsageError("browse needs a terminal to draw on (stdin and stderr must be one)")
    thread = SessionThread(session)
    try:
        # The library opens and counts on the session's thread while Textual imports here.
        prepared = thread.submit(Session.prepare)
        from cstocli.browse.app import BrowseApp

        prepared.result()  # a broken library file fails here, as one line
        selection = BrowseApp(thread, " ".join(terms or ())).run()
    finally:
        thread.shutdown()
    if selection is None:
        raise typer.Exit(EXIT_NO_MATCH)
    write_lines([selection.as_arguments()])
