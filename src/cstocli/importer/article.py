"""Import a plain-text, transcript-style article into a ``Dataset``.

Pure: text in, dataset out (``read_article`` is the one function that touches a file).
The steps, each in its own module: ``article`` cuts the text into headline, labels and
paragraphs; ``roster`` gathers the speakers; ``blocks`` decides who says each paragraph;
``figures`` reads the numbers. Every decision the layout cannot settle comes back as an
``ImportWarning`` with its line, and ``review`` lays the split out block by block.

Passages are numbered like the bundled dataset: ``q1, q2...`` for quotes and ``n1, n2...``
for narration, in source order, one narration passage per narration paragraph.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from pathlib import Path, PurePath

from cstocli import disk
from cstocli.dataset.files import SOURCE_LIMIT
from cstocli.dataset.validation import CONTROL, LARGEST_INTEGER
from cstocli.errors import DatasetError
from cstocli.ids import MAX_LENGTH
from cstocli.importer.blocks import Block, Decision, assemble, reports_quotation
from cstocli.importer.court import read_witnesses
from cstocli.importer.figures import find_figures
from cstocli.importer.headline import find_headline
from cstocli.importer.interviews import read_bold_interview
from cstocli.importer.introductions import read_stated_roles
from cstocli.importer.labels import read_label
from cstocli.importer.layout import (
    Item,
    Line,
    segment,
    split_lines,
    without_line_numbers,
)
from cstocli.importer.names import name_words, slug
from cstocli.importer.news import read_news, read_news_over_label
from cstocli.importer.people import SCAN_LINES, People
from cstocli.importer.roster import Roster
from cstocli.importer.warning import ImportWarning
from cstocli.model import Dataset, Figure, Passage, Source
from cstocli.text import line_of

__all__ = [
    "ArticleError",
    "ImportResult",
    "ImportWarning",
    "import_article",
    "read_article",
]

# Control characters other than tab, line feed, vertical tab, form feed and carriage return,
# DEL and the C1 controls included: ESC or CSI in a name would reach the terminal that shows
# it, and a dataset refuses them in names (the stored article must read back).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class ArticleError(DatasetError):
    """An article that cannot be imported: unreadable, empty, binary, or with no speakers."""

    def __init__(self, file: str, line: int | None, problem: str) -> None:
        self.line = line
        super().__init__(file, None if line is None else f"line {line}", problem)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """An imported article and what the importer could not be sure of."""

    dataset: Dataset
    """The article as a dataset (no event or lists: those come from corrections)."""
    warnings: tuple[ImportWarning, ...]
    """Decisions to review, in line order."""
    wrapped: bool
    """Whether the text was read as hard-wrapped (lines joined into paragraphs)."""


REFUSED = "the import would refuse this article"
"""How a review's warning ends when the import would refuse the article it splits."""


def read_article(path: Path) -> str:
    """Read an article file as UTF-8 text; refuse a missing, binary, non-UTF-8 or empty one."""
    name = str(path)
    try:
        data = disk.read_regular(path, limit=SOURCE_LIMIT, noun="an article")
    except disk.FileRefused as refused:
        raise ArticleError(name, None, refused.problem) from None
    # UTF-32 first: its little-endian mark begins with UTF-16's.
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise ArticleError(name, 1, "UTF-32 text; save the article as UTF-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(name, 1, "UTF-16 text; save the article as UTF-8")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise ArticleError(name, line, "binary file (NUL byte), expected plain text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem = f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        raise ArticleError(name, line, problem) from None
    _check_text(text, name)
    return text


def import_article(
    text: str,
    *,
    file_name: str,
    dataset_id: str | None = None,
    overrides: dict[int, Decision] | None = None,
    refusals: bool = True,
) -> ImportResult:
    """Read ``text`` (the article file ``file_name``) into a dataset with warnings.

    ``overrides`` maps a paragraph's start offset to "narration" or "speech", replacing the
    importer's guess (``corrections`` builds it). Raises ``ArticleError`` for an empty or
    binary text and for an article in which no speaker label is found; with ``refusals``
    off (``--review``), the latter comes back as all narration with that reason as a
    warning, so a reader sees what the importer saw.
    """
    _check_text(text, file_name)
    lines = without_line_numbers(split_lines(text))
    headline, warnings = find_headline(lines)
    items, wrapped, skipped = segment(text, lines[headline.body_line :])
    people = People.read(_unlabelled(lines), headline.title.text)
    roster = Roster(people, read_witnesses(text))
    opener = _opening_speaker(items, people, roster)
    announces = opener is not None and _answers_first(items, people)
    blocks, decided = assemble(items, roster, overrides or {}, opener, announces=announces)
    used = {block.speaker for block in blocks if block.speaker is not None}
    interview = None if used else read_bold_interview(items, people, roster)
    if interview is not None:  # no labels, but bold questions and plain answers
        blocks, used = interview, {b.speaker for b in interview if b.speaker is not None}
    refusal = []
    # One label-like line ("LONDON: Ministers clashed ...") makes no transcript of a story
    # that quotes people in prose.
    over_label = read_news_over_label(text, items, headline.title.text) if used else None
    story = None
    if over_label is not None:
        story, set_aside = over_label
        decided, used = [set_aside], set()  # the transcript reading's decisions are moot
    if used:
        decided = [*decided, *read_stated_roles(text, blocks, roster)]
        speakers, ids = roster.speakers(used)
        passages = _passages(text, blocks, ids)
    else:
        # No labels: a news story, whose quotations and attributions say who speaks.
        story = story or read_news(text, items, headline.title.text)
        if story is not None:
            speakers, passages = story.speakers, story.passages
            ignored = [
                ImportWarning(
                    line_of(text, at),
                    "paragraph correction ignored: a news"
                    " story's passages follow its quotations, not narration/speech corrections",
                )
                for at in sorted(overrides or {})
            ]
            decided = [*decided, *story.warnings, *ignored]
        else:
            reason = (
                "no speaker labels found (expected lines like 'Name, Role:' or 'Q:')"
                " and no attributed quotation"
            )
            if refusals:
                raise ArticleError(file_name, None, reason)
            first = lines[headline.body_line].number if headline.body_line < len(lines) else 1
            refusal.append(ImportWarning(first, f"{reason}; {REFUSED}"))
            speakers, ids = roster.speakers(used)
            passages = _passages(text, blocks, ids)
    figures, unitless = _figures(text, passages)
    dataset = Dataset(
        id=dataset_id or slug(PurePath(file_name).stem)[:MAX_LENGTH].strip("-") or "article",
        source=Source(
            file=stored_name(file_name),
            title=headline.title,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            body_start=headline.body_start,
        ),
        source_text=text,
        event=None,
        speakers=speakers,
        passages=passages,
        figures=figures,
    )
    everything = [*warnings, *skipped, *roster.warnings, *decided, *unitless, *refusal]
    return ImportResult(dataset, tuple(sorted(everything, key=lambda w: w.line)), wrapped)


def _unlabelled(lines: tuple[Line, ...]) -> list[tuple[int, str]]:
    """The top lines as the people in them are read.

    A label's own words are left out (the roster reads labels); the speech after it is kept
    ("I'm joined by Admiral Ann Lee").
    """
    top: list[tuple[int, str]] = []
    for line in lines:
        if len(top) >= SCAN_LINES:
            break
        if line.blank:
            continue
        label = read_label(line.text, line.start)
        if label is None:
            top.append((line.number, line.text))
        elif label.speech_start is not None:
            top.append((line.number, line.text[label.speech_start - line.start :]))
    return top


def has_labels(items: tuple[Item, ...]) -> bool:
    """Whether the article labels its speakers (a transcript).

    Otherwise it quotes them in running prose (a news story) or gives one person's remarks
    without labels.
    """
    return any(item.label is not None for item in items)


def _opening_speaker(items: tuple[Item, ...], people: People, roster: Roster) -> int | None:
    """The roster index of the person whose unlabelled remarks open the article, or None.

    Only when the top of the article names exactly one giver of the remarks, briefing or
    statement ("Remarks by Governor Ann Lee at ...", "noon briefing by Ann Lee, Spokesperson")
    and, in an article without labels, no paragraph reports a quotation ("...," she said):
    an article that quotes people in prose is a news story, read elsewhere.
    """
    giver = people.remarks
    if giver is None:
        return None
    if not has_labels(items) and any(
        item.paragraph is not None and reports_quotation(item.paragraph.text) for item in items
    ):
        return None
    return roster.add_person(giver.name, giver.role)


def stored_name(file_name: str) -> str:
    """The file's name as the dataset keeps it, each control character in it U+FFFD.

    A downloaded file may be named with a newline or an escape in it; a dataset's names may
    hold none (``dataset.validation``), and one stored raw would make the article unreadable.
    A name that is not UTF-8 (an old zip's Latin-1) reaches Python with its odd bytes as
    surrogates, which no text file can hold: each is U+FFFD too.
    """
    name = PurePath(file_name).name.encode("utf-8", "surrogateescape")
    return CONTROL.sub("\ufffd", name.decode("utf-8", "replace"))


def _answers_first(items: tuple[Item, ...], people: People) -> bool:
    """Whether the giver of the remarks answers the article's first questions.

    So when the first label that names someone the article knows is the giver's: only
    questioners (a "Q", an outlet, a reporter the text never names) speak before them.
    """
    giver = people.remarks
    for item in items:
        if giver is None or item.label is None:
            continue
        linked = people.link(item.label)
        if linked is not None:
            return name_words(linked[0]) == name_words(giver.name)
        if item.label.interview == "answer" or people.knows(item.label.name):
            return False
    return False


def _check_text(text: str, file: str) -> None:
    """Refuse text that is empty or holds control characters (a binary file)."""
    if not text.strip():
        raise ArticleError(file, None, "file is empty, expected an article")
    found = _CONTROL.search(text)
    if found is not None:
        line = line_of(text, found.start())
        code = ord(found.group())
        problem = f"control character U+{code:04X}: a binary file, not an article"
        raise ArticleError(file, line, problem)


def _passages(text: str, blocks: list[Block], ids: dict[int, str]) -> tuple[Passage, ...]:
    """Number the blocks ``q1``.. and ``n1``.. and make passages of them."""
    counts = {"quote": 0, "narration": 0}
    passages = []
    for block in blocks:
        counts[block.kind] += 1
        first, last = block.paragraphs[0], block.paragraphs[-1]
        span = (first.span[0], last.span[1])
        prefix = "q" if block.kind == "quote" else "n"
        passages.append(
            Passage(
                id=f"{prefix}{counts[block.kind]}",
                kind=block.kind,
                speaker_id=None if block.speaker is None else ids[block.speaker],
                label=block.label,
                paragraphs=tuple(block.paragraphs),
                text=text[span[0] : span[1]],  # blank lines between paragraphs included
                span=span,
            )
        )
    return tuple(passages)


def _read_spans(text: str, passage: Passage) -> list[tuple[int, int]]:
    """A passage's paragraphs, and the gaps inside one line between a quote's pieces."""
    spans: list[tuple[int, int]] = []
    for paragraph in passage.paragraphs:
        if spans and "\n" not in text[spans[-1][1] : paragraph.span[0]]:
            spans.append((spans[-1][1], paragraph.span[0]))  # "...," said X, a nurse, "..."
        spans.append(paragraph.span)
    return spans


def _figures(
    text: str, passages: tuple[Passage, ...]
) -> tuple[tuple[Figure, ...], list[ImportWarning]]:
    """Every figure with a unit in the passages' paragraphs, numbered ``f1``.. in order.

    A number with nothing countable after it ("we expect 12 more") says too little to be a
    figure on its own; it is left out with a warning, and a correction can add it. The
    reporter's words between two pieces of one quotation on one line ("...," said Ann Lee,
    a nurse for two decades, "...") are read too: they lie inside that quote's span.
    """
    figures: list[Figure] = []
    skipped: list[ImportWarning] = []
    for passage in passages:
        for span in _read_spans(text, passage):
            for phrase in find_figures(text, *span):
                line = line_of(text, phrase.span[0])  # a bisection: linear in the text
                if not _storable(phrase.value):
                    message = f"number {phrase.text[:40]!r} is too large; not kept as a figure"
                    skipped.append(ImportWarning(line, message))
                    continue
                if not phrase.unit:
                    message = f"number {phrase.text!r} has no unit after it; not kept as a figure"
                    skipped.append(ImportWarning(line, message))
                    continue
                figures.append(
                    Figure(
                        id=f"f{len(figures) + 1}",
                        label=phrase.unit[:1].upper() + phrase.unit[1:],
                        value=phrase.value,
                        unit=phrase.unit,
                        qualifier=phrase.qualifier,
                        text=phrase.text,
                        span=phrase.span,
                        passage_id=passage.id,
                        period=phrase.period,
                        as_written=phrase.as_written,
                    )
                )
    return tuple(figures), skipped


def _storable(value: float | None) -> bool:
    """Whether a figure's value fits the library: none, a 64-bit integer or a finite double."""
    if value is None:  # a vague amount ("hundreds") keeps its words and no value
        return True
    if isinstance(value, int):
        return -LARGEST_INTEGER - 1 <= value <= LARGEST_INTEGER
    return math.isfinite(value)
