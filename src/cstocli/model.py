"""The typed model of one article: who spoke, what was said, what was counted.

Everything here is immutable and free of I/O. The records are ``NamedTuple`` classes, not
frozen dataclasses: every command creates these classes at start-up, and Python 3.11
compiles six methods for each frozen dataclass (~0.5 ms a class, 4 ms of every run for the
eight) against one for a NamedTuple. They compare, hash, pickle and print as frozen
dataclasses do (a NamedTuple also equals a plain tuple of its values, which nothing here
relies on); a changed copy is ``record._replace(field=value)``. The annotations are
evaluated as the module loads (no ``from __future__ import annotations``): given as strings,
``NamedTuple`` compiles each field's one into a ``ForwardRef``, which cost 0.6 ms of the
module's 1.7 in a command (Typer imported first).

``dataset`` builds these objects from JSON after validating them; ``search``, ``render``
and ``cli`` only read them.

Every piece of text carries its ``Span``: the half-open character range ``[start, end)``
in the article's source file, so that ``source_text[start:end] == text`` always holds and
any quote or figure can be traced back to the exact words of the article.
"""

import functools
import re
from typing import Literal, NamedTuple, TypeAlias

SCHEMA_VERSION = 1
"""The dataset format this code reads and writes; bumped on any incompatible change."""

Span: TypeAlias = tuple[int, int]
"""Half-open ``[start, end)`` character offsets into the article's source text."""

PassageKind: TypeAlias = Literal["quote", "narration"]


class Located(NamedTuple):
    """A piece of the source text, verbatim, with where it stands."""

    text: str
    """Exactly the characters of the source between the span's offsets."""
    span: Span
    """Where ``text`` stands in the source file."""


class Speaker(NamedTuple):
    """A person quoted in the article."""

    id: str
    """Stable slug, e.g. ``alexander-lukashenko``; quotes refer to it."""
    name: str
    """The name as the article writes it."""
    role: str | None
    """The role exactly as written in the article's label, or None if never given."""
    affiliation: str | None
    """The country or organisation the speaker speaks for."""
    aliases: tuple[str, ...] = ()
    """Other spellings people search by (transliterations, label forms)."""


@functools.cache
def _placeholder() -> re.Pattern[str]:
    # Compiled on first use (~0.7 ms): reading a dataset never asks, only the importer and
    # the library's speaker listing do.
    return re.compile(
        r"(?:(?:new |unknown |unidentified |another |male |female )?"
        r"(?:speaker|participant|caller|voice|person|reporter|journalist|questioner|man|woman|"
        r"male|female|member|official|audience member|audience questioner|voices)"
        r"(?: ?[0-9]+| [a-z])?"
        r"|unidentified(?: [a-z]+){0,2}|unknown|audience|crowd|several voices|multiple speakers"
        r"|members? of the (?:public|audience)|question|q|interviewer|moderator|operator"
        r"|reporter|journalist|voice-?over|narrator|announcer)",
        re.IGNORECASE,
    )


def is_placeholder(name: str) -> bool:
    """Whether a speaker name stands for someone the article leaves unnamed.

    "Speaker 1", "Unidentified Male", "Question", "Audience", "Operator": never one person
    across articles, never merged into a named person.
    """
    return _placeholder().fullmatch(" ".join(name.split()).rstrip(".")) is not None


class Passage(NamedTuple):
    """One block of the article body: a speaker's quote, or the reporter's narration."""

    id: str
    """Stable id: ``q1``, ``q2``... for quotes and ``n1``, ``n2``... for narration."""
    kind: PassageKind
    """``quote`` when a speaker says it, ``narration`` when the reporter does."""
    speaker_id: str | None
    """The speaker of a quote. For narration: the speaker whose words it reports without
    quoting them ("Cantrell said the city needs more time"), or None for the reporter's own
    account. Reported narration is found by ``--speaker`` and shown "(reported) Name", but is
    never a quote: only ``kind`` says whose words a passage holds verbatim."""
    label: Located | None
    """The speaker label that opens the block (``Name, Role:``), if the block has one."""
    paragraphs: tuple[Located, ...]
    """The block's paragraphs in source order; at least one."""
    text: str
    """The whole block from its first to its last paragraph, verbatim."""
    span: Span
    """Where ``text`` stands in the source."""

    @property
    def is_quote(self) -> bool:
        """Whether a speaker, not the reporter, says this."""
        return self.kind == "quote"


class Figure(NamedTuple):
    """A number the article states, read into structured form."""

    id: str
    """Stable id: ``f1``, ``f2``... in source order."""
    label: str
    """What is counted, in a few words (``People taking part in the exercises``)."""
    value: int | float | None
    """The number itself (``2000`` for "up to 2,000"); None for a vague amount ("hundreds",
    "dozens"), whose words stay in ``as_written`` and which gets no invented value."""
    unit: str
    """What the value counts (``people``, ``units of equipment``)."""
    qualifier: str | None
    """How the text hedges the number (``about``, ``up to``), or None if it does not."""
    text: str
    """The phrase the figure was read from, verbatim (``up to 2,000 units of equipment``)."""
    span: Span
    """Where ``text`` stands in the source."""
    passage_id: str
    """The passage the phrase belongs to."""
    period: str | None = None
    """The time the figure covers (``2017``), if stated."""
    topic: str | None = None
    """What the figure is about (``2017 CSTO exercises``), grouping related figures."""
    places: tuple[str, ...] = ()
    """Where it happened, when the article says (countries of the exercises)."""
    as_written: str | None = None
    """The number with its hedge as the source writes it (``up to 2,000``, ``six``); part of
    ``text``. Renderers show this, so a reader sees the article's words, not a reformatting."""


class Enumeration(NamedTuple):
    """A list the article enumerates (priority areas, documents adopted)."""

    id: str
    """Stable slug, e.g. ``priority-areas``."""
    title: str
    """What the list is."""
    items: tuple[Located, ...]
    """The items, verbatim, in source order."""
    passage_id: str | None
    """The passage the list is read from (None when gathered from the headline or meta)."""


class Event(NamedTuple):
    """The news event the article reports."""

    name: str
    """What took place (``Session of the CSTO Collective Security Council``)."""
    date: str | None
    """ISO 8601 date (``2017-11-30``), if known."""
    city: str | None
    """Where it took place."""
    country: str | None
    """The country of ``city``."""
    organisation: str | None = None
    """The organisation holding the event (``CSTO``)."""
    chair: str | None = None
    """Who held the chairmanship at the time."""
    participants: tuple[str, ...] = ()
    """The states (or parties) whose representatives met."""


class Source(NamedTuple):
    """Where the article comes from, and the file its spans point into."""

    file: str
    """The source text's file name, relative to the dataset file."""
    title: Located
    """The article's headline as it stands in the file."""
    sha256: str
    """Hex SHA-256 of the source file's bytes; identifies the content."""
    url: str | None = None
    """Where the article was published, if known."""
    publisher: str | None = None
    """Who published it."""
    body_start: int = 0
    """Offset where the article body begins (after the headline lines)."""
    author: str | None = None
    """The byline: who wrote the article, as the page or the user names them."""
    date: str | None = None
    """When the article was published, ISO 8601 (``2017-12-01``), if known."""
    retrieved: str | None = None
    """When cstocli fetched or read the page, ISO 8601 UTC; None for a hand-made dataset."""
    published_title: str | None = None
    """The title as the publisher gives it (page metadata, ``--title``) when it differs
    from the headline line of the text; citations prefer it."""
    original_sha256: str | None = None
    """Hex SHA-256 of the bytes fetched or read (the HTML page), when that was not the text
    itself; the library keeps those bytes too."""

    @property
    def cited_title(self) -> str:
        """The title a citation gives: the publisher's, else the headline of the text."""
        return self.published_title or self.title.text


class Dataset(NamedTuple):
    """One article, fully read: its source, speakers, passages, figures and lists."""

    id: str
    """Stable slug of the article (``csto-minsk-2017``)."""
    source: Source
    """Where the text comes from."""
    source_text: str
    """The whole source file, decoded; every span points into it (``repr`` elides it)."""
    event: Event | None
    """The event reported, if described."""
    speakers: tuple[Speaker, ...]
    """Everyone quoted, in order of first appearance."""
    passages: tuple[Passage, ...]
    """The whole article body in source order, quotes and narration."""
    figures: tuple[Figure, ...] = ()
    """Every number the article states."""
    lists: tuple[Enumeration, ...] = ()
    """The lists the article enumerates."""

    def __repr__(self) -> str:
        """The fields, with the source text elided (it can be megabytes)."""
        shown = [
            f"{name}=<{len(self.source_text)} characters>"
            if name == "source_text"
            else f"{name}={value!r}"
            for name, value in zip(self._fields, self, strict=True)
        ]
        return f"Dataset({', '.join(shown)})"

    def speaker(self, speaker_id: str) -> Speaker:
        """Return the speaker with this id (the loader guarantees it exists)."""
        for candidate in self.speakers:
            if candidate.id == speaker_id:
                return candidate
        raise KeyError(speaker_id)

    def passage(self, passage_id: str) -> Passage | None:
        """Return the passage with this id, or None."""
        return next((p for p in self.passages if p.id == passage_id), None)

    def quotes_by(self, speaker_id: str) -> tuple[Passage, ...]:
        """Every quote the speaker gives, in source order (not what narration reports)."""
        return tuple(p for p in self.passages if p.speaker_id == speaker_id and p.kind == "quote")
