"""What ``import`` is told about where articles come from: URLs to fetch, and provenance.

The options (``--url``, ``--title``, ``--publisher``, ``--date``) are checked here, before
anything is read or stored, so a mistyped date is one usage error and the library stays
as it was. Only Typer is imported at the top: the importer loads when the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cstocli.errors import UsageError

if TYPE_CHECKING:
    from cstocli.importer.batch import Source
    from cstocli.importer.provenance import Provenance

UrlOption = Annotated[
    str | None,
    typer.Option(
        "--url",
        metavar="URL",
        help="Where the article was published (http or https; one FILE only).",
        show_default=False,
    ),
]
TitleOption = Annotated[
    str | None,
    typer.Option(
        "--title",
        metavar="TEXT",
        help="The article's title as published (one FILE only).",
        show_default=False,
    ),
]
PublisherOption = Annotated[
    str | None,
    typer.Option(
        "--publisher", metavar="NAME", help="Who published the article.", show_default=False
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="When the article was published (ISO 8601).",
        show_default=False,
    ),
]


def import_sources(arguments: list[str]) -> list[Source]:
    """Each argument as a file ``Path``, or a URL (kept a ``str``; the batch checks it)."""
    from cstocli.importer.fetch import is_url  # noqa: PLC0415  # on use

    return [argument if is_url(argument) else Path(argument) for argument in arguments]


def stated_provenance(
    files: int,
    *,
    url: str | None,
    title: str | None,
    publisher: str | None,
    date: str | None,
) -> Provenance:
    """The provenance options, checked; ``UsageError`` names the option that is wrong."""
    from cstocli.dataset.validation import is_iso_date  # noqa: PLC0415  # on use
    from cstocli.importer.fetch import FetchError, check_url  # noqa: PLC0415  # on use
    from cstocli.importer.provenance import Provenance  # noqa: PLC0415  # on use

    for name, value in (("--url", url), ("--title", title)):
        if value is not None and files > 1:
            raise UsageError(f"{name} names one article: give it with one FILE, not {files}")
    for name, value in (("--url", url), ("--title", title), ("--publisher", publisher)):
        if value is not None and (not value.strip() or not value.isprintable()):
            raise UsageError(f"{name}: expected one line of text, got {value!r}")
    if url is not None:
        try:
            check_url(url)
        except FetchError as error:
            raise UsageError(f"--url {url!r}: {error.problem}") from None
    if date is not None and not is_iso_date(date):
        raise UsageError(f"--date: expected an ISO 8601 date like 2024-03-14, got {date!r}")
    return Provenance(url=url, title=title, publisher=publisher, date=date)
