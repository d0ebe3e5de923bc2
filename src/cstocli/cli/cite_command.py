"""``cstocli cite QUOTE_ID``: a ready citation of one quote, in four formats.

The citation is built by ``views.citation`` (pure, shared with ``show``); this module
reads the article, chooses the format and prints. Text from the article reaches the
terminal with its control characters made visible, never raw.
"""

# ruff: noqa: PLC0415 - imports are deferred on purpose: the command loads only what it uses.
# ruff: noqa: D412 - Typer needs the blank line after "Example:" to keep the example on its own line.

from __future__ import annotations

from typing import Annotated, Literal

import typer

from cstocli.cli.command import Command
from cstocli.cli.options import ArticleOption, DataOption, LibraryOption
from cstocli.cli.sources import read
from cstocli.cli.terminal import write_json, write_lines

FormatOption = Annotated[
    Literal["text", "markdown", "csl-json", "bibtex"],
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="text, markdown, csl-json (Zotero, Pandoc) or bibtex.",
    ),
]


def register(app: typer.Typer) -> None:
    """Add ``cite`` to the cstocli app (cli/app.py calls this)."""
    app.command("cite", cls=Command)(cite_command)


def cite_command(
    quote_id: Annotated[
        str,
        typer.Argument(
            metavar="QUOTE_ID", help="A quote id (q1...) or narration id (n1...), as search prints."
        ),
    ],
    *,
    format_: FormatOption = "text",
    data: DataOption = None,
    article: ArticleOption = None,
    library: LibraryOption = None,
) -> None:
    """Cite a quote: its words exactly as written, who said it in what role, and where.

    The citation names the article's title, author, publisher, date, URL and the quote's lines.

    csl-json is an array of one item (Zotero imports it, Pandoc reads it); bibtex is one @article.

    Library quote ids repeat across articles: give --article ID.

    Example:

        cstocli cite q2 --format markdown
    """
    from cstocli import summary
    from cstocli.views import citation

    dataset = read(data, article, library)
    cited = citation.citation(dataset, summary.find_passage(dataset, quote_id))
    if format_ == "csl-json":
        return write_json(citation.as_csl_json(cited))
    text = citation.render(cited, format_)
    return write_lines(citation.visible(text).removesuffix("\n").split("\n"))
