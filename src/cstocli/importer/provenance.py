"""Where an imported article comes from: web pages read into text, and provenance given.

A web article (a URL, or a saved page recognised by its content) is fetched or read,
its main text extracted (``webpage``) and imported like any text article; the page's
metadata becomes the dataset's ``source``, and the page itself comes back as the
``Original`` the library keeps. ``Provenance`` is what the user states on the command
line (``--url``, ``--title``, ``--publisher``, ``--date``), which wins over the page's.
"""

# ruff: noqa: PLC0415 - the fetcher and the extractor are imported on use (heavy).

from __future__ import annotations

import dataclasses
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cstocli import disk
from cstocli.importer.webpage import MAX_HTML_BYTES, PageError, looks_like_html
from cstocli.library.originals import Original
from cstocli.model import Dataset

_SNIFF = 1024


@dataclass(frozen=True, slots=True)
class Provenance:
    """Metadata the user gives for an article; None leaves the page's (or nothing)."""

    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None

    def __bool__(self) -> bool:
        return any(value is not None for value in dataclasses.astuple(self))


@dataclass(frozen=True, slots=True)
class WebText:
    """A web page read into the text the importer takes, with what to record of it."""

    text: str
    """The extracted article: title line, then paragraphs."""
    file_name: str
    """The name the source text is stored under (``page.txt`` for ``page.html``)."""
    provenance: Provenance
    """The page's title, publisher, date and canonical URL."""
    author: str | None
    """The page's byline."""
    original: Original
    """The page as fetched or read."""
    retrieved: str
    """When it was fetched or read, ISO 8601 UTC."""


def is_html_file(path: Path) -> bool:
    """Whether the file holds an HTML page (by its first bytes; False if unreadable)."""
    try:
        # Only a regular file is sniffed: opening a FIFO would wait for a writer forever.
        if not stat.S_ISREG(path.stat().st_mode):
            return False  # the text reader refuses it by name
        with path.open("rb") as handle:
            return looks_like_html(handle.read(_SNIFF))
    except OSError:
        return False  # the text reader names the problem


def read_url(url: str) -> WebText:
    """Fetch ``url`` and extract its article; ``FetchError``/``PageError`` name the URL."""
    from cstocli.importer.fetch import fetch
    from cstocli.importer.webpage import decode_html

    fetched = fetch(url)
    html = decode_html(fetched.content, fetched.charset, where=url)
    original = Original(fetched.media_type, fetched.content, url=fetched.final_url)
    return _web_text(html, fetched.final_url, url, original, fetched.retrieved)


def read_html_file(path: Path) -> WebText:
    """Read a saved page and extract its article; ``PageError`` names the file."""
    from cstocli.importer.webpage import decode_html

    where = str(path)
    try:
        data = disk.read_regular(path, limit=MAX_HTML_BYTES, noun="a web page")
    except disk.FileRefused as refused:
        raise PageError(where, refused.problem) from None
    html = decode_html(data, None, where=where)
    retrieved = datetime.now(UTC).isoformat(timespec="seconds")
    return _web_text(html, None, where, Original("text/html", data), retrieved)


def _web_text(
    html: str, url: str | None, where: str, original: Original, retrieved: str
) -> WebText:
    from cstocli.importer.webpage import extract_page

    page = extract_page(html, url=url, where=where)
    return WebText(
        text=page.text,
        file_name=_text_name(where),
        provenance=Provenance(
            url=page.url, title=page.title, publisher=page.publisher, date=page.date
        ),
        author=page.author,
        original=original,
        retrieved=retrieved,
    )


def _text_name(where: str) -> str:
    """``news/page.html`` -> ``page.txt``; a URL's last path segment likewise."""
    from urllib.parse import urlsplit

    path = urlsplit(where).path if "://" in where else where
    stem = Path(path.rstrip("/")).stem or Path(urlsplit(where).netloc or "page").stem
    return f"{stem or 'page'}.txt"


def with_web_source(ds: Dataset, web: WebText) -> Dataset:
    """The dataset with the page's metadata filled in where it has none of its own.

    Corrections applied before this win: they are the user's word on the article.
    """
    source = ds.source
    return ds._replace(
        source=source._replace(
            url=source.url or web.provenance.url,
            publisher=source.publisher or web.provenance.publisher,
            date=source.date or web.provenance.date,
            author=source.author or web.author,
            published_title=source.published_title
            or _differing(web.provenance.title, source.title.text),
            retrieved=web.retrieved,
            original_sha256=web.original.sha256,
        ),
    )


def with_provenance(ds: Dataset, given: Provenance) -> Dataset:
    """The dataset with what the user stated on the command line (it wins)."""
    if not given:
        return ds
    source = ds.source
    return ds._replace(
        source=source._replace(
            url=given.url or source.url,
            publisher=given.publisher or source.publisher,
            date=given.date or source.date,
            published_title=_differing(given.title, source.title.text)
            if given.title
            else source.published_title,
            retrieved=source.retrieved or datetime.now(UTC).isoformat(timespec="seconds"),
        ),
    )


def _differing(title: str | None, headline: str) -> str | None:
    return title if title is not None and title != headline else None
