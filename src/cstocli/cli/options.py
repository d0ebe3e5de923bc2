"""The command-line options several commands share, as Typer type aliases.

Typer reads each command's options from its signature, so a shared option is an
``Annotated`` alias that a command names as a parameter's type: its flag, help text and
environment variable are written once, here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal, Optional

import typer

JsonFlag = Annotated[bool, typer.Option("--json", help="The same as --format json.")]
FormatOption = Annotated[
    Optional[Literal["table", "tsv", "csv", "json", "jsonl"]],  # noqa: UP045 - read at runtime
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        show_default=False,
        help="table, tsv, csv, json or jsonl (default: a table at a terminal, else tsv).",
    ),
]
HeaderOption = Annotated[
    Optional[bool],  # noqa: UP045 - read at runtime by Typer
    typer.Option(
        "--header/--no-header",
        show_default=False,
        help="A header row: off for tsv, on for csv.",
    ),
]
PagerOption = Annotated[
    bool,
    typer.Option("--pager/--no-pager", help="Page long output at a terminal ($PAGER)."),
]
ColorOption = Annotated[
    Literal["auto", "always", "never"],
    typer.Option(
        "--color",
        case_sensitive=False,
        help="Colour: auto (a terminal, unless NO_COLOR or TERM=dumb), always or never.",
    ),
]
DataOption = Annotated[
    Optional[Path],  # noqa: UP045 - Typer 0.28 reads the annotation at runtime, before 3.10 unions
    typer.Option(
        "--data",
        envvar="CSTOCLI_DATA",
        metavar="PATH",
        show_default=False,
        help="Read this dataset file instead of the bundled summit.",
    ),
]


def _complete_article(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """``--article`` completion: ``completion`` is loaded only when a shell asks."""
    from cstocli.cli import completion  # noqa: PLC0415 - only when a shell asks

    return completion.complete_article(ctx, incomplete)


def _complete_speaker(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """``--speaker`` completion: ``completion`` is loaded only when a shell asks."""
    from cstocli.cli import completion  # noqa: PLC0415 - only when a shell asks

    return completion.complete_speaker(ctx, incomplete)


def speaker_option(help_text: str) -> Any:
    """``--speaker NAME`` (``-s``), repeatable, completed from the speakers of what is read.

    The metadata of an ``Annotated[Optional[list[str]], ...]`` parameter; each command says
    in ``help_text`` what the speaker narrows.
    """
    return typer.Option(
        "--speaker",
        "-s",
        metavar="NAME",
        show_default=False,
        autocompletion=_complete_speaker,
        help=help_text,
    )


ArticleOption = Annotated[
    Optional[str],  # noqa: UP045 - read at runtime by Typer
    typer.Option(
        "--article",
        metavar="ID",
        show_default=False,
        autocompletion=_complete_article,
        help="Read this article of your library (ids: cstocli library list).",
    ),
]
AllFlag = Annotated[bool, typer.Option("--all", help="Read every article of your library.")]
LibraryOption = Annotated[
    Optional[Path],  # noqa: UP045 - read at runtime by Typer
    typer.Option(
        "--library",
        envvar="CSTOCLI_LIBRARY",
        metavar="PATH",
        show_default=False,
        help="The library file that --article reads (default: in your user data folder).",
    ),
]

# The library commands (import, library ...) word these two for what they do.
LibraryFileOption = Annotated[
    Path | None,
    typer.Option(
        "--library",
        envvar="CSTOCLI_LIBRARY",
        metavar="PATH",
        help="The library file (default: library.sqlite3 in your user data folder).",
        show_default=False,
        dir_okay=False,
    ),
]
LibraryJsonFlag = Annotated[
    bool, typer.Option("--json", help="Print what was done as JSON (for scripts).")
]
"""``--json`` of the commands that only act (remove, export): they print no table."""
