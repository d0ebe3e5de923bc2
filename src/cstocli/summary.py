"""Questions the non-search commands ask of one dataset, as pure functions over the model.

Who spoke how much, which figures belong together, where a passage stands in the source.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol, TypeAlias, TypeVar

from cstocli import text
from cstocli.errors import UsageError
from cstocli.model import Dataset, Figure, Passage, Span, Speaker

if TYPE_CHECKING:
    from cstocli.search.speakers import SpeakerMatch

SpeakerSort: TypeAlias = Literal["name", "quotes", "words"]


class _Counted(Protocol):
    """A row about a speaker with counts (``SpeakerSummary``, ``library.SpeakerTotal``)."""

    @property
    def speaker(self) -> Speaker: ...
    @property
    def quotes(self) -> int: ...
    @property
    def words(self) -> int: ...


_Row = TypeVar("_Row", bound=_Counted)


# NamedTuple rather than a dataclass: each dataclass costs ~0.5 ms of start-up to create,
# and these are built on every run of speakers and stats.
class SpeakerSummary(NamedTuple):
    """A speaker with how often and how much they speak in the article."""

    speaker: Speaker
    """Who."""
    quote_ids: tuple[str, ...]
    """Their quotes, in source order."""
    words: int
    """Words spoken across all their quotes (labels not counted)."""

    @property
    def quotes(self) -> int:
        """How many quotes they give."""
        return len(self.quote_ids)


class FigureGroup(NamedTuple):
    """Figures sharing a topic (the 2017 exercises), or the rest when ``topic`` is None."""

    topic: str | None
    """What the figures are about; None for figures that stand alone."""
    figures: tuple[Figure, ...]
    """The figures, in source order."""


def speaker_summaries(dataset: Dataset, sort: SpeakerSort | None = None) -> list[SpeakerSummary]:
    """Summarise every speaker; in article order unless ``sort`` says otherwise.

    ``quotes`` and ``words`` sort largest first; ties keep article order.
    """
    rows = [
        SpeakerSummary(
            speaker=speaker,
            quote_ids=tuple(p.id for p in quotes),
            words=sum(text.count_words(para.text) for p in quotes for para in p.paragraphs),
        )
        for speaker in dataset.speakers
        for quotes in (dataset.quotes_by(speaker.id),)
    ]
    return sort_rows(rows, sort)


def sort_rows(rows: list[_Row], sort: SpeakerSort | None) -> list[_Row]:
    """Sort speaker rows in place by name, or largest first by quotes or words; ties keep order."""
    if sort == "name":
        rows.sort(key=lambda row: row.speaker.name.casefold())
    elif sort == "quotes":
        rows.sort(key=lambda row: -row.quotes)
    elif sort == "words":
        rows.sort(key=lambda row: -row.words)
    return rows


def speaker_ids(speakers: Sequence[Speaker], name: str, *, where: str = "") -> frozenset[str]:
    """The speakers ``--speaker NAME`` means; an unknown name is a UsageError naming the closest.

    ``where`` ends the message (" in the library") when the speakers are not one article's.
    """
    from cstocli.search.speakers import match_speaker  # noqa: PLC0415 - only --speaker needs it

    matched = match_speaker(speakers, name)
    if not matched.speakers:
        raise UsageError(
            f"no speaker{where} matches {shown(name)}{_speaker_hint(matched, speakers)}"
        )
    return matched.ids


def any_speaker_ids(
    speakers: Sequence[Speaker], names: Sequence[str], *, where: str = ""
) -> frozenset[str] | None:
    """The speakers a repeated ``--speaker`` means (any of them); None when none is named."""
    if not names:
        return None
    return frozenset().union(*(speaker_ids(speakers, name, where=where) for name in names))


_LISTED_SPEAKERS = 8
"""Up to this many speakers, an unknown --speaker lists them all when none is alike."""


def _speaker_hint(matched: SpeakerMatch, speakers: Sequence[Speaker]) -> str:
    """The closest names; with none close, who there is to choose from (or where to look)."""
    if matched.suggestions:
        return f"; did you mean {', '.join(matched.suggestions)}?"
    if len(speakers) <= _LISTED_SPEAKERS:
        return f"; the speakers are {', '.join(s.name for s in speakers)}"
    return "; list them with: cstocli speakers"


def figure_groups(dataset: Dataset) -> list[FigureGroup]:
    """Group figures by topic, the largest group first (ties: first appearance).

    The largest group is the article's headline set of numbers (the 2017 exercises);
    figures without a topic come last, in one group.
    """
    topics: dict[str | None, list[Figure]] = {}
    for figure in dataset.figures:
        topics.setdefault(figure.topic, []).append(figure)
    groups = [FigureGroup(t, tuple(f)) for t, f in topics.items() if t is not None]
    groups.sort(key=lambda group: -len(group.figures))  # stable: ties keep source order
    if None in topics:
        groups.append(FigureGroup(None, tuple(topics[None])))
    return groups


def split_headline(groups: list[FigureGroup]) -> tuple[FigureGroup | None, tuple[Figure, ...]]:
    """The headline group, and every other figure in source order."""
    if not groups or groups[0].topic is None:
        return None, tuple(sorted((f for g in groups for f in g.figures), key=_start))
    rest = (f for g in groups[1:] for f in g.figures)
    return groups[0], tuple(sorted(rest, key=_start))


def _start(figure: Figure) -> int:
    return figure.span[0]


def as_written(figure: Figure) -> str:
    """The number with its hedge as the article writes it ("up to 2,000", "six")."""
    if figure.as_written is not None:
        return figure.as_written
    # Older datasets lack as_written: rebuild it in the article's own style.
    if figure.value is None:
        return figure.qualifier or ""
    number = f"{figure.value:,}" if isinstance(figure.value, int) else f"{figure.value:,g}"
    return f"{figure.qualifier} {number}" if figure.qualifier else number


def line_of(source_text: str, offset: int) -> int:
    """The 1-based line of the source on which ``offset`` stands (LF, CR LF or CR ends one)."""
    return text.line_of(source_text, offset)


def lines_of(source_text: str, span: Span) -> tuple[int, int]:
    """The first and last 1-based source lines a span covers."""
    start, end = span
    return line_of(source_text, start), line_of(source_text, max(start, end - 1))


def find_passage(dataset: Dataset, passage_id: str) -> Passage:
    """The passage with this id (case and surrounding space forgiven), or a UsageError."""
    wanted = passage_id.strip().casefold()
    for passage in dataset.passages:
        if passage.id.casefold() == wanted:
            return passage
    raise UsageError(f"no quote or passage with id {shown(passage_id, 40)}; {_id_ranges(dataset)}")


def _id_ranges(dataset: Dataset) -> str:
    """Describe the valid ids, e.g. "quotes are q1-q7, narration n1-n5"."""
    parts = []
    for kind, noun in (("quote", "quotes"), ("narration", "narration")):
        ids = [p.id for p in dataset.passages if p.kind == kind]
        if ids:
            parts.append(f"{noun} {ids[0]}-{ids[-1]}" if len(ids) > 1 else f"{noun} {ids[0]}")
    return "ids are " + ", ".join(parts) if parts else "the dataset has no passages"


def shown(value: str, limit: int = 60) -> str:
    """A user's value fit for one message line: quoted, controls escaped, clipped."""
    clipped = value if len(value) <= limit else value[:limit] + "..."
    return repr(clipped)


_CUT = " \u2026 "
"""What joins the pieces of a quote the reporter interrupted: an ellipsis marks the cut."""
_BREAK = "\n\n"
"""What joins the pieces of a quote that runs over paragraphs: a blank line, as in print."""


def passage_words(passage: Passage) -> str:
    """A passage's own words: what a search shows around a hit, a citation quotes.

    Its pieces with what stands between them: white space as it is (a transcript's
    paragraphs, so the whole text), else a mark instead of the reporter's words, so that
    printing a quote never puts "she said" or a re-opening quote mark into the speaker's
    mouth: pieces of one paragraph are joined by an ellipsis, the paragraphs of a
    quotation that runs over several by a blank line. (A passage's text runs from its
    first piece to its last.)
    """
    pieces = passage.paragraphs
    words = [pieces[0].text]
    for joint, piece in zip(_joints(passage), pieces[1:], strict=True):
        words += [joint, piece.text]
    return "".join(words)


def offset_in_words(passage: Passage, position: int) -> int:
    """Where the source offset ``position`` (in one of the pieces) is in ``passage_words``."""
    offset = 0
    for piece, joint in zip(passage.paragraphs, [*_joints(passage), ""], strict=True):
        if piece.span[0] <= position <= piece.span[1]:
            return offset + position - piece.span[0]
        offset += len(piece.text) + len(joint)
    return 0


def _gaps(passage: Passage) -> list[str]:
    """The source text between each two consecutive pieces of a passage."""
    start = passage.span[0]
    return [
        passage.text[a.span[1] - start : b.span[0] - start]
        for a, b in itertools.pairwise(passage.paragraphs)
    ]


def _joints(passage: Passage) -> list[str]:
    """What joins each two pieces in ``passage_words``: white space as it is, else a mark."""
    return [
        gap if not gap.strip() else _BREAK if _parts_paragraphs(gap) else _CUT
        for gap in _gaps(passage)
    ]


def _parts_paragraphs(gap: str) -> bool:
    """Whether ``gap`` holds a blank line (of any line ending): a paragraph ends in it."""
    lines = gap.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return any(not line.strip() for line in lines[1:-1])
