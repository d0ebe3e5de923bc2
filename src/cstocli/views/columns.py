"""What each command prints as rows: the columns of its table, TSV and CSV.

One builder per command, from the same model the Rich views and the JSON payloads read.
Column keys are the TSV/CSV header (lower case, the JSON key where there is one);
titles are the table's. No Rich here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from cstocli import summary
from cstocli.model import Dataset, Figure, Passage
from cstocli.text import split_sentences
from cstocli.views.records import Cell, Column, Rows, rows_of
from cstocli.views.safe import one_line, shown

if TYPE_CHECKING:
    from cstocli.importer.batch import FileOutcome
    from cstocli.library import ArticleSummary, SpeakerTotal
    from cstocli.search.engine import Hit

NARRATION = "(narration)"
REPORTED = "(reported)"

_IDENTITY = (
    Column("name", "Name"),
    Column("role", "Role"),
    Column("affiliation", "Country or organisation"),
)


def speakers(rows: Iterable[summary.SpeakerSummary]) -> Rows:
    """``speakers``: name, role, country or organisation, quotes, words."""
    columns = (*_IDENTITY, Column("quotes", "Quotes", "right"), Column("words", "Words", "right"))
    return rows_of(
        columns,
        ((r.speaker.name, r.speaker.role, r.speaker.affiliation, r.quotes, r.words) for r in rows),
    )


def speaker_totals(rows: Iterable[SpeakerTotal]) -> Rows:
    """``speakers --all``: ``speakers`` plus articles, and the article of a one-article speaker."""
    columns = (
        *_IDENTITY,
        Column("articles", "Articles", "right"),
        Column("quotes", "Quotes", "right"),
        Column("words", "Words", "right"),
        Column("article", "Article"),
    )
    return rows_of(
        columns,
        (
            (
                r.speaker.name,
                r.speaker.role,
                r.speaker.affiliation,
                r.articles,
                r.quotes,
                r.words,
                r.article,
            )
            for r in rows
        ),
    )


def hits(source: Dataset | Mapping[str, Dataset], found: Iterable[Hit], *, context: bool) -> Rows:
    """``search``: [article,] quote id, speaker, sentence[, the whole passage]; today's columns."""
    library = not isinstance(source, Dataset)
    columns = [Column("quote_id", "Id"), Column("speaker", "Speaker"), Column("sentence", "Text")]
    if library:
        columns.insert(0, Column("article", "Article"))
    if context:
        columns.append(Column("text", "Quote"))
    rows: list[list[Cell]] = []
    for hit in found:
        sentence = hit.sentence
        dataset = source[sentence.article_id] if isinstance(source, Mapping) else source
        row: list[Cell] = [sentence.passage_id, _name(dataset, sentence.speaker_id), sentence.text]
        if library:
            row.insert(0, sentence.article_id)
        if context:
            passage = dataset.passage(sentence.passage_id)
            row.append("" if passage is None else summary.passage_words(passage))
        rows.append(row)
    return rows_of(columns, rows)


class HitLine(NamedTuple):
    """One piped ``search`` line: its text, and where the parts that colour styles stand.

    ``passages.hit_lines`` styles this same string for ``--color always`` (the name bold,
    the matches highlighted), so a line reads the same with or without colour, and output
    without colour never imports Rich.
    """

    text: str
    """``[article<TAB>]quote id<TAB>speaker<TAB>sentence[<TAB>whole passage]``."""
    name: tuple[int, int]
    """Where the speaker's name (or "(narration)") stands in ``text``."""
    reported: bool
    """Whether "(reported) " comes before the name: narration reporting their words."""
    sentence: int
    """Where the sentence starts in ``text``."""
    context: int | None
    """Where the context column (``--context``) starts in ``text``, else None."""
    in_context: int | None
    """Where the sentence starts inside the context column: None when the passage is
    unknown and the column repeats the sentence."""


def hit_line(dataset: Dataset, hit: Hit, *, context: bool, library: bool) -> HitLine:
    """The piped line of one hit; every field on one line (a tab or break is a space)."""
    sentence = hit.sentence
    passage = dataset.passage(sentence.passage_id)
    head = f"{one_line(sentence.article_id)}\t" if library else ""
    head += f"{one_line(sentence.passage_id)}\t"
    reported = sentence.speaker_id is not None and passage is not None and not passage.is_quote
    if reported:
        head += f"{REPORTED} "
    name = shown(_name(dataset, sentence.speaker_id))
    text = f"{head}{name}\t{one_line(sentence.text)}"
    at_sentence = len(head) + len(name) + 1
    at_context = in_context = None
    if context:
        at_context = len(text) + 1
        if passage is None:
            text += f"\t{one_line(sentence.text)}"
        else:
            text += f"\t{one_line(summary.passage_words(passage))}"
            in_context = summary.offset_in_words(passage, sentence.span[0])
    return HitLine(
        text, (len(head), len(head) + len(name)), reported, at_sentence, at_context, in_context
    )


def figures(dataset: Dataset) -> Rows:
    """Piped ``stats``: one figure a line, its topic a column (no per-speaker counts)."""
    return _figures(
        (dataset.id, f, summary.line_of(dataset.source_text, f.span[0])) for f in dataset.figures
    )


def library_figures(datasets: Iterable[Dataset]) -> Rows:
    """``stats --all``: each figure with its article, sentence label, topic and line.

    The topic is the article's headline when the figure has none. An imported figure's
    label is often only its unit ("Dollars"); the words of its sentence from the number
    on, up to the next comma or the end, say what it counts.
    """
    return _figures(
        (
            d.id,
            f._replace(
                label=sentence_label(d.source_text, f), topic=f.topic or d.source.title.text
            ),
            summary.line_of(d.source_text, f.span[0]),
        )
        for d in datasets
        for f in d.figures
    )


_CLAUSE_END = re.compile(r"[,;:.!?\u2026]\s|[.!?\u2026]?$|\s[\u2013\u2014-]\s")
_LABEL_WORDS = 12


def sentence_label(source_text: str, figure: Figure) -> str:
    """The figure's label, or, when that is just its unit, the clause it stands in."""
    if figure.label.casefold() != figure.unit.casefold():
        return figure.label
    start, end = figure.span
    paragraph, offset = _paragraph_around(source_text, start)
    for first, last in split_sentences(paragraph):
        if first + offset <= start < last + offset:
            rest = source_text[start : last + offset]
            cut = _CLAUSE_END.search(rest)
            words = " ".join(rest[: len(rest) if cut is None else cut.start()].split())
            words = " ".join(words.split()[:_LABEL_WORDS])
            return words if len(words) > end - start else figure.label
    return figure.label


def _paragraph_around(text: str, offset: int) -> tuple[str, int]:
    """The paragraph (blank-line delimited) holding ``offset``, and where it starts."""
    start = text.rfind("\n\n", 0, offset) + 1
    end = text.find("\n\n", offset)
    return text[start : len(text) if end < 0 else end], start


def _figures(found: Iterable[tuple[str, Figure, int | None]]) -> Rows:
    columns = (
        Column("label", "What"),
        Column("as_written", "Value", "right"),
        Column("unit", "Unit"),
        Column("topic", "Topic"),
        Column("line", "Line", "right"),
        Column("article", "Article"),
    )
    return rows_of(
        columns,
        ((f.label, summary.as_written(f), f.unit, f.topic, line, a) for a, f, line in found),
    )


def paragraphs(dataset: Dataset, passage: Passage) -> Rows:
    """Piped ``show``: one paragraph a line: quote id, speaker, role, line, text."""
    who = None if passage.speaker_id is None else dataset.speaker(passage.speaker_id)
    columns = (
        Column("quote_id", "Id"),
        Column("speaker", "Speaker"),
        Column("role", "Role"),
        Column("line", "Line", "right"),
        Column("text", "Text"),
    )
    return rows_of(
        columns,
        (
            (
                passage.id,
                NARRATION if who is None else who.name,
                None if who is None else who.role,
                summary.line_of(dataset.source_text, p.span[0]),
                p.text,
            )
            for p in passage.paragraphs
        ),
    )


def fortune(dataset: Dataset, passage: Passage) -> Rows:
    """``random`` as data: article, quote id, speaker, the whole quote, its citation."""
    columns = (
        Column("article", "Article"),
        Column("quote_id", "Id"),
        Column("speaker", "Speaker"),
        Column("text", "Text"),
        Column("citation", "Citation"),
    )
    who = _name(dataset, passage.speaker_id)
    return rows_of(
        columns,
        [(dataset.id, passage.id, who, summary.passage_words(passage), citation(dataset, passage))],
    )


def facts(datasets: Sequence[Dataset]) -> Rows:
    """Piped ``facts``: one fact a line: article, section, item (a field or a number), text."""
    columns = (
        Column("article", "Article"),
        Column("section", "Section"),
        Column("item", "Item"),
        Column("text", "Text"),
    )
    rows: list[tuple[Cell, ...]] = []
    for dataset in datasets:
        event = dataset.event
        if event is not None:
            place = ", ".join(x for x in (event.city, event.country) if x)
            for name, value in (
                ("name", event.name),
                ("date", event.date),
                ("place", place),
                ("organisation", event.organisation),
                ("chair", event.chair),
            ):
                if value:
                    rows.append((dataset.id, "event", name, value))
            rows += [(dataset.id, "member states", n, p) for n, p in _numbered(event.participants)]
        for listing in dataset.lists:
            items = (item.text for item in listing.items)
            rows += [(dataset.id, listing.title, n, text) for n, text in _numbered(items)]
    return rows_of(columns, rows)


def _numbered(values: Iterable[str]) -> Iterable[tuple[int, str]]:
    return enumerate(values, start=1)


def article_summaries(summaries: Iterable[ArticleSummary]) -> Rows:
    """``library list``: id, speakers, quotes, figures, title."""
    columns = (
        Column("id", "ID"),
        Column("speakers", "Speakers", "right"),
        Column("quotes", "Quotes", "right"),
        Column("figures", "Figures", "right"),
        Column("title", "Title"),
    )
    return rows_of(columns, ((s.id, s.speakers, s.quotes, s.figures, s.title) for s in summaries))


def outcomes(found: Iterable[FileOutcome]) -> Rows:
    """``import``: one file a line: status, article id, file, speakers, quotes, figures."""
    columns = (
        Column("status", "Status"),
        Column("id", "ID"),
        Column("file", "File"),
        Column("speakers", "Speakers", "right"),
        Column("quotes", "Quotes", "right"),
        Column("figures", "Figures", "right"),
    )
    rows: list[tuple[Cell, ...]] = []
    for o in found:
        a = o.article
        if a is None:
            rows.append((o.status, None, o.file, None, None, None))
        else:
            rows.append((o.status, a.id, o.file, a.speakers, a.quotes, a.figures))
    return rows_of(columns, rows)


def review_blocks(found: Iterable[FileOutcome]) -> Rows:
    """``import --review``: one block a line: file, lines, id, speaker, role, text, warnings."""
    columns = (
        Column("file", "File"),
        Column("first_line", "From", "right"),
        Column("last_line", "To", "right"),
        Column("passage_id", "Id"),
        Column("speaker", "Speaker"),
        Column("role", "Role"),
        Column("text", "Text"),
        Column("warnings", "Warnings"),
    )
    rows = [
        (
            o.file,
            row["first_line"],
            row["last_line"],
            row["passage_id"],
            _reviewed_speaker(row),
            row["role"],
            row["text"],
            "; ".join(row["warnings"]),
        )
        for o in found
        for row in o.review or ()
    ]
    return rows_of(columns, rows)


def citation(dataset: Dataset, passage: Passage) -> str:
    """Who said it and where it was published: the ``cite`` command's one line, undashed."""
    from cstocli.views import citation as cite  # noqa: PLC0415 - only random needs it

    return cite.citation_line(cite.citation(dataset, passage)).removeprefix("\u2014 ")


def _reviewed_speaker(row: Mapping[str, Any]) -> str:
    if row["speaker"] is None:
        return NARRATION
    return f"(reported) {row['speaker']}" if row.get("reported") else str(row["speaker"])


def _name(dataset: Dataset, speaker_id: str | None) -> str:
    return NARRATION if speaker_id is None else dataset.speaker(speaker_id).name
