"""The command-line options several commands share, as Typer type aliases.

Typer reads each command's options from its signature, so a shared option is an
``Annotated`` alias that a command names as a parameter's type: its flag, help text and
environment variable are written once, here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, Optional

import typer

JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print JSON with stable keys (no colour) instead.")
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
ArticleOption = Annotated[
    Optional[str],  # noqa: UP045 - read at runtime by Typer
    typer.Option(
        "--article",
        metavar="ID",
        show_default=False,
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
        help="The library file for --article and --all (default: in your user data folder).",
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
LibraryJsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
