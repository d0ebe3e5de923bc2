"""Citations: where a quote comes from, as text, Markdown, CSL-JSON and BibTeX.

Pure functions from the model to strings and JSON objects, so that ``show``, ``cite``,
``search --json`` and any later view (a browser, a random quote) cite alike. The quote
is always the passage's own words exactly as the source has them (``passage_words``: a
news quote without the "she said" between its pieces); only the marks around it, and the
escaping a format needs (Markdown, BibTeX), are added. Narration is the reporter's, even
where it reports someone. Nothing here imports Rich: callers
that print to a terminal make control characters visible themselves.
"""

from __future__ import annotations

import re
from typing import Any, Literal, NamedTuple, TypeAlias

from cstocli.model import Dataset, Passage
from cstocli.summary import lines_of, passage_words
from cstocli.views.safe import shown

CitationFormat: TypeAlias = Literal["text", "markdown", "csl-json", "bibtex"]
FORMATS: tuple[CitationFormat, ...] = ("text", "markdown", "csl-json", "bibtex")

_NARRATION = "the reporter (narration)"


# A NamedTuple, as the model records are: a frozen dataclass costs ~0.7 ms of start-up.
class Citation(NamedTuple):
    """Everything a citation of one passage says."""

    article_id: str
    """The article's id (the dataset's, or the library's)."""
    quote_id: str
    """The passage's id (``q2``)."""
    quote: str
    """The passage's own words exactly as written (``summary.passage_words``): a news
    quote without the reporter's "she said" between its pieces, paragraphs a blank line
    apart."""
    speaker: str | None
    """Who says it; None for narration."""
    role: str | None
    """The speaker's role as the article's label gives it."""
    title: str
    """The article's title (the publisher's, else the headline)."""
    publisher: str | None
    author: str | None
    date: str | None
    """Publication date, ISO 8601."""
    url: str | None
    retrieved: str | None
    """When the page was fetched or read, ISO 8601."""
    lines: tuple[int, int]
    """First and last line of the passage in the source text."""


def citation(dataset: Dataset, passage: Passage) -> Citation:
    """What a citation of ``passage`` (of ``dataset``) says."""
    # Narration is the reporter's, even when it reports someone ("She said it was fair").
    speaker_id = passage.speaker_id if passage.is_quote else None
    who = None if speaker_id is None else dataset.speaker(speaker_id)
    source = dataset.source
    return Citation(
        article_id=dataset.id,
        quote_id=passage.id,
        quote=passage_words(passage),
        speaker=None if who is None else who.name,
        role=None if who is None else who.role,
        title=source.cited_title,
        publisher=source.publisher,
        author=source.author,
        date=source.date,
        url=source.url,
        retrieved=source.retrieved,
        lines=lines_of(dataset.source_text, passage.span),
    )


def source_json(dataset: Dataset) -> dict[str, str | None]:
    """The ``source`` object of ``show --json`` and of each ``search --json`` hit."""
    source = dataset.source
    return {
        "title": source.cited_title,
        "publisher": source.publisher,
        "author": source.author,
        "date": source.date,
        "url": source.url,
        "retrieved": source.retrieved,
    }


def article_label(dataset: Dataset) -> str:
    """The article in a few words for a heading: title, and date when known."""
    date = dataset.source.date
    return dataset.source.cited_title + (f" ({date})" if date else "")


def citation_line(value: Citation) -> str:
    """One line under a shown quote: who, in what role, where, when, URL and lines."""
    parts = [_who(value), f"in “{value.title}”" + _byline(value)]
    parts += [x for x in (value.publisher, value.date, value.url) if x]
    parts.append(_lines(value))
    return "— " + ", ".join(parts)


def as_text(value: Citation) -> str:
    """A plain-text citation: the quote in quotation marks, then who, where and when."""
    return f"“{value.quote}”\n{citation_line(value)}\n"


def as_markdown(value: Citation) -> str:
    """A Markdown block quote and its attribution, with the URL as a link."""
    quoted = "\n".join(f"> {_markdown(line)}".rstrip() for line in value.quote.split("\n"))
    title = f"*{_markdown(value.title)}*"
    if value.url:
        title = f"[{title}](<{_markdown_url(value.url)}>)"
    parts = [_markdown(_who(value)), f"in {title}" + _markdown(_byline(value))]
    parts += [_markdown(x) for x in (value.publisher, value.date) if x]
    parts.append(_lines(value))
    return f"{quoted}\n>\n> — {', '.join(parts)}\n"


def as_csl_json(value: Citation) -> list[dict[str, Any]]:
    """CSL-JSON (what Zotero, Pandoc and citeproc read): one newspaper-article item.

    The quote, its speaker and lines go into ``note`` (shown by most styles and kept by
    Zotero) and, as separate keys, into ``custom``.
    """
    item: dict[str, Any] = {
        "id": f"{value.article_id}-{value.quote_id}",
        "type": "article-newspaper",
        "title": value.title,
    }
    if value.publisher:
        item["container-title"] = value.publisher
        item["publisher"] = value.publisher
    if value.author:
        item["author"] = [{"literal": name} for name in _authors(value.author)]
    for key, date in (("issued", value.date), ("accessed", value.retrieved)):
        parts = _date_parts(date)
        if parts:
            item[key] = {"date-parts": [parts]}
    if value.url:
        item["URL"] = value.url
    item["note"] = f"{_who(value)}, {_lines(value)}: “{value.quote}”"
    item["custom"] = {
        "quote": value.quote,
        "quote_id": value.quote_id,
        "speaker": value.speaker,
        "role": value.role,
        "lines": list(value.lines),
    }
    return [item]


def as_bibtex(value: Citation) -> str:
    """A BibTeX ``@article`` entry; every field escaped for LaTeX, the title's case kept."""
    fields: list[tuple[str, str]] = [("title", "{" + _tex(value.title) + "}")]
    if value.author:
        fields.append(("author", " and ".join("{" + _tex(a) + "}" for a in _authors(value.author))))
    if value.publisher:
        fields += [("journal", _tex(value.publisher)), ("publisher", _tex(value.publisher))]
    parts = _date_parts(value.date)
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", _MONTHS[parts[1] - 1]))
        fields.append(("date", value.date[:10] if value.date else ""))
    if value.url:
        fields.append(("url", _bibtex_url(value.url)))
    if value.retrieved:
        fields.append(("urldate", value.retrieved[:10]))
    note = f"{_who(value)}, {_lines(value)}: ``{value.quote}''"
    fields.append(("note", _tex(note)))
    key = "-".join(
        re.sub(r"[^A-Za-z0-9_:]+", "-", part).strip("-")
        for part in (value.article_id, value.quote_id)
    )
    # A month is BibTeX's macro (dec), unbraced, so that styles print it in their language.
    body = ",\n".join(
        f"  {name} = {content}" if name == "month" else f"  {name} = {{{content}}}"
        for name, content in fields
    )
    return f"@article{{{key},\n{body}\n}}\n"


def render(value: Citation, fmt: CitationFormat) -> str:
    """The citation in ``fmt`` as text to print (CSL-JSON as indented JSON)."""
    if fmt == "text":
        return as_text(value)
    if fmt == "markdown":
        return as_markdown(value)
    if fmt == "bibtex":
        return as_bibtex(value)
    import json  # noqa: PLC0415 - only this format needs it

    return json.dumps(as_csl_json(value), ensure_ascii=False, indent=2) + "\n"


def visible(text: str) -> str:
    """Text fit for a terminal: the one rule of ``safe`` (ESC shown as U+241B, and so on).

    Line feeds and tabs stay; a carriage return or an escape in an article never acts.
    """
    return shown(text)


# -- pieces ---------------------------------------------------------------------------------


def _who(value: Citation) -> str:
    if value.speaker is None:
        return _NARRATION
    return value.speaker + (f", {value.role}" if value.role else "")


def _byline(value: Citation) -> str:
    authors = _authors(value.author or "")
    if not authors:
        return ""
    names = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
    return f" by {names}"


def _lines(value: Citation) -> str:
    first, last = value.lines
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _authors(byline: str) -> list[str]:
    return [name.strip() for name in byline.split(";") if name.strip()]


def _date_parts(date: str | None) -> list[int]:
    """``2017-12-01`` -> ``[2017, 12, 1]`` (as many parts as the date has)."""
    if not date:
        return []
    found = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date)
    if found is None:
        return []
    return [int(part) for part in found.groups() if part is not None]


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# LaTeX's special characters, each as text; backslash first so later ones are not doubled.
_TEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_TEX_SPECIAL = r"[\\{}$&%#_^~]"


def _tex(text: str) -> str:
    """Text safe inside a BibTeX field: LaTeX specials escaped, line breaks made spaces."""
    escaped = re.sub(_TEX_SPECIAL, lambda m: _TEX[m.group()], text)
    # A blank line inside a field is a paragraph break to LaTeX: keep it one.
    return re.sub(r"\n\s*\n", r" \\par ", escaped).replace("\n", " ")


def _bibtex_url(url: str) -> str:
    # The url field is read verbatim by \url: only braces (which would unbalance the
    # field) and backslashes need care, and neither belongs in a URL; percent-encode them.
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


# Patterns as strings: re compiles (and caches) them on first use, not at every start-up.
_MARKDOWN_INLINE = r"([\\`*_\[\]<>|~])"
# What starts a heading, list, quote or rule when it opens a line: "# ", "- ", "1. ".
_MARKDOWN_OPENING = r"(?m)^(\s*)([#>+\-=]|\d+(?=[.)]))"


def _markdown(text: str) -> str:
    """Text shown literally by Markdown: inline marks and line-opening marks escaped."""
    escaped = re.sub(_MARKDOWN_INLINE, r"\\\1", text)
    return re.sub(_MARKDOWN_OPENING, lambda m: m.group(1) + _escape_opening(m.group(2)), escaped)


def _escape_opening(mark: str) -> str:
    # "1." escapes as "1\.": the backslash goes before the dot, after the digits.
    return mark + "\\" if mark[0].isdigit() else "\\" + mark


def _markdown_url(url: str) -> str:
    # Inside <...> a URL may hold anything but line breaks and angle brackets.
    return url.replace("<", "%3C").replace(">", "%3E").replace("\n", "%0A")
