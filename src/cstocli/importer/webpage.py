"""A web page's article: its main text and metadata, read out of the HTML.

trafilatura finds the article body (dropping navigation, cookie banners, related links and
comments) and its metadata: title, byline, site name, canonical URL, and the publication
date, which it asks htmldate for (the original date, not the last modification). The text
cstocli stores is built here from trafilatura's paragraphs: the title on the first line,
then one paragraph a line with a blank line between, which is the layout the text importer
reads. That text is the article's source text, so every span reproduces it exactly.

trafilatura and lxml cost about 150 ms to import: they are imported in ``extract_page``
only, so no other command pays for them.
"""

# ruff: noqa: PLC0415 - trafilatura is imported on use (see above).

from __future__ import annotations

import codecs
import itertools
import re
from dataclasses import dataclass
from typing import Any

from cstocli.errors import DatasetError

MAX_HTML_BYTES = 10_000_000
"""The largest page read (file or download); news articles are well under 1 MB."""
MAX_ELEMENTS = 30_000
"""The most HTML elements a page may have; news pages have a few thousand. trafilatura
takes about a millisecond an element on a busy machine, so this bounds an import's time."""

_SNIFF = 1024
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# C0 controls but tab and line feed, DEL and C1 controls: never part of an article's words.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The same written as a numeric character reference (``&#27;``, ``&#x7;``), which lxml
# turns into the character itself.
_CONTROL_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?")
_SPACE = re.compile(r"\s+")
_PARAGRAPH_TAGS = ("p", "head", "item", "quote", "cell", "code")


class PageError(DatasetError):
    """A page that cannot be read as an article (no main text, undecodable, too large)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(where, None, problem)


@dataclass(frozen=True, slots=True)
class Page:
    """The article read out of one web page."""

    text: str
    """The article as cstocli stores it: title line, blank line, paragraphs a blank line apart."""
    title: str | None
    """The title as the page gives it (OpenGraph, JSON-LD, <title>, <h1>)."""
    author: str | None
    """The byline; several authors are joined with "; "."""
    publisher: str | None
    """The site name, else the host name of the URL."""
    date: str | None
    """The publication date, ISO 8601 (``2024-03-14``)."""
    url: str | None
    """The canonical URL, else the URL the page was fetched from."""


def looks_like_html(head: bytes) -> bool:
    """Whether a file's first bytes are an HTML page (by content, whatever its name)."""
    head = head[:_SNIFF].removeprefix(codecs.BOM_UTF8)
    return _HTML_START.match(head) is not None


def decode_html(data: bytes, header_charset: str | None, *, where: str) -> str:
    """Decode a page as a browser would.

    A BOM first, then the HTTP header's charset, then <meta charset>, then UTF-8, else
    windows-1252 (what browsers assume for an undeclared legacy page).
    """
    if len(data) > MAX_HTML_BYTES:
        raise PageError(where, f"page too large (over {MAX_HTML_BYTES // 1_000_000} MB)")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").removeprefix("\ufeff")
    if data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16", errors="replace").removeprefix("\ufeff")
    declared = header_charset or _meta_charset(data)
    if declared is not None:
        try:
            return data.decode(_browser_encoding(declared), errors="replace")
        except LookupError:
            pass  # an unknown charset name: guess as if none was declared
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def extract_page(html: str, *, url: str | None, where: str) -> Page:
    """Read the article out of a page; ``where`` (a file or URL) names it in errors."""
    import trafilatura

    # Controls go first, raw or as references: lxml keeps them in the tree, and
    # trafilatura then finds nothing ("no article text" for one stray &#7;).
    page = _without_chrome(_without_controls(html), where)
    try:
        document = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
        )
    except (ValueError, TypeError) as error:  # lxml refuses some markup outright
        raise PageError(where, f"cannot parse the HTML: {error}") from None
    if isinstance(document, dict):  # only with as_dict=True, which is not asked for
        raise TypeError("trafilatura returned a dict")
    body = None if document is None else document.body
    paragraphs = [] if body is None else _paragraphs(body)
    if document is None or not paragraphs:
        raise PageError(where, "no article text found in the page")
    title = _clean(document.title or "") or None
    author = _clean(document.author or "") or None
    paragraphs = _without_byline(paragraphs, title, author)
    if not paragraphs:
        raise PageError(where, "no article text found in the page")
    lines = [title] if title is not None else []
    text = "\n\n".join([*lines, *paragraphs]) + "\n"
    canonical = document.url if document.url and _is_web_url(document.url) else url
    return Page(
        text=text,
        title=title,
        author=author,
        publisher=_clean(document.sitename or "") or document.hostname or None,
        date=document.date or None,
        url=canonical,
    )


def _paragraphs(body: Any) -> list[str]:  # an lxml element; lxml ships no types
    """The text of each block of the extracted body, whitespace folded, in order."""
    found: list[str] = []
    for element in body.iter(*_PARAGRAPH_TAGS):
        if element.getparent() is not None and element.getparent().tag in _PARAGRAPH_TAGS:
            continue  # a block inside a block (a paragraph in a quote) is read with it
        text = _clean("".join(element.itertext()))
        if text:
            found.append(text)
    return found


def _without_chrome(html: str, where: str) -> Any:
    """The page as an lxml tree without what is plainly not the article.

    trafilatura drops most site furniture itself; older table layouts name theirs with
    class or id words it does not know (``topnav``), so those elements go first. A page of
    more than ``MAX_ELEMENTS`` elements is refused: trafilatura's time grows with them.
    """
    from lxml import html as lxml_html  # type: ignore[import-untyped]  # lxml ships no types

    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, TypeError):  # lxml refuses some documents: let trafilatura try
        return html
    if any(True for _ in itertools.islice(tree.iter(), MAX_ELEMENTS, None)):
        raise PageError(where, f"page too complex (over {MAX_ELEMENTS:,} HTML elements)")
    whole = len(tree.text_content())
    examined = 0
    for element in tree.xpath("//nav | //aside | //*[@class or @id]"):
        words = _WORDS.split(f"{element.get('class', '')} {element.get('id', '')}".lower())
        chrome = element.tag in ("nav", "aside") or _CHROME.intersection(words)
        if not chrome or element.getparent() is None:
            continue  # not furniture, or inside furniture already dropped
        examined += 1
        if examined > _MAX_EXAMINED:
            break
        # A wrapper named "related-enabled" may hold the story itself: a class word never
        # drops the headline or most of the page's text (a <nav> or <aside> tag does).
        semantic = element.tag in ("nav", "aside")
        if semantic or (element.find(".//h1") is None and len(element.text_content()) * 2 <= whole):
            element.drop_tree()
    return tree


_WORDS = re.compile(r"[^a-z0-9]+")
_MAX_EXAMINED = 300  # bounds the work on a hostile page with a million "menu" elements
_CHROME = frozenset({
    "nav", "navbar", "navigation", "topnav", "menu", "breadcrumb", "breadcrumbs", "cookie",
    "cookies", "consent", "gdpr", "related", "share", "sharing", "social", "sidebar",
    "newsletter", "promo", "advert", "advertisement", "comments", "footer",
})  # fmt: skip


def _without_byline(paragraphs: list[str], title: str | None, author: str | None) -> list[str]:
    """The paragraphs less a repeated headline and the byline line at the top.

    Both are metadata already kept (the title line, ``author``); left in, the importer
    would read them as narration.
    """
    kept = list(paragraphs)
    for _ in range(2):
        if not kept:
            break
        first = kept[0]
        is_title = title is not None and first == title
        is_byline = author is not None and _is_byline(first, author)
        if not (is_title or is_byline):
            break
        kept.pop(0)
    return kept


def _is_byline(paragraph: str, author: str) -> bool:
    names = [name.strip() for name in author.split(";") if name.strip()]
    short = len(paragraph) <= 40 + len(author) and not paragraph.endswith((":", ".", "?", "!"))
    return short and any(name in paragraph for name in names)


def _without_controls(html: str) -> str:
    """The page less its control characters, raw or written as character references."""

    def kept(reference: re.Match[str]) -> str:
        hexadecimal, decimal = reference.groups()
        code = int(hexadecimal, 16) if hexadecimal else int(decimal)
        return "" if code <= 0x10FFFF and _CONTROL.match(chr(code)) else reference.group()

    return _CONTROL_REFERENCE.sub(kept, _CONTROL.sub("", html))


def _clean(text: str) -> str:
    """One line of readable text: controls dropped, runs of white space made one space."""
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return None if found is None else found.group(1).decode("ascii")


def _browser_encoding(label: str) -> str:
    # The WHATWG encoding standard: latin-1 and ascii labels mean windows-1252 on the web.
    name = codecs.lookup(label.strip()).name
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _is_web_url(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))
