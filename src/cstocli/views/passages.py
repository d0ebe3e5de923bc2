"""Passages for people: one quote in full (``show``), search hits, and the facts.

Hits are shown two ways: blocks for a terminal (a header line, then the indented text),
and one line per hit for pipes, tab-separated, its text flattened to one line.
"""

# ruff: noqa: PLC0415 - rich.table is imported only where a grid is drawn.

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TypeAlias

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from cstocli import summary
from cstocli.model import Dataset, Passage
from cstocli.views.cells import DIM, HIGHLIGHT, REPORTED, heading, verbatim, who
from cstocli.views.safe import shown

if TYPE_CHECKING:
    from cstocli.search.engine import Hit

HitSource: TypeAlias = "Dataset | Mapping[str, Dataset]"
"""The one dataset hits come from, or (``--all``) each article's dataset by id."""


def passage_view(dataset: Dataset, passage: Passage) -> Group:
    """One passage in full: who says it, where it stands, each paragraph with its line.

    A passage of one paragraph has its line in the header already, so it is not repeated.
    """
    first, last = summary.lines_of(dataset.source_text, passage.span)
    where = f"line {first}" if first == last else f"lines {first}-{last}"
    header = Text.assemble(
        verbatim(passage.id, "bold cyan"), "  ", who(dataset, passage.speaker_id, passage)
    )
    header.append(f"  {where}", style=DIM)
    parts: list[RenderableType] = [header]
    if passage.speaker_id is not None:
        person = dataset.speaker(passage.speaker_id)
        detail = ", ".join(x for x in (person.role, person.affiliation) if x)
        if detail:
            parts.append(verbatim(detail, style=DIM))
    for paragraph in passage.paragraphs:
        line = summary.line_of(dataset.source_text, paragraph.span[0])
        parts.append(Text(""))
        if len(passage.paragraphs) > 1:
            parts.append(Text(f"line {line}", style=DIM))
        parts.append(verbatim(paragraph.text))
    from cstocli.views import citation  # only show and search cite: imported on use

    cited = citation.citation_line(citation.citation(dataset, passage))
    return Group(*parts, Text(""), verbatim(cited, style=DIM))


def facts_view(dataset: Dataset) -> Group:
    """The event, its member states, and every list the article enumerates."""
    from rich.table import Table  # see tables.FittedTable._table

    parts: list[RenderableType] = []
    event = dataset.event
    if event is not None:
        parts.append(heading("Event", first=True))
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column(overflow="fold")
        place = ", ".join(x for x in (event.city, event.country) if x)
        for name, value in (
            ("What", event.name),
            ("When", event.date),
            ("Where", place),
            ("Organisation", event.organisation),
            ("Chair", event.chair),
        ):
            if value:
                table.add_row(verbatim(name), verbatim(value))
        parts.append(table)
        listed = any(
            tuple(item.text for item in e.items) == event.participants for e in dataset.lists
        )
        if event.participants and not listed:  # else the list below names them already
            parts += [heading("Member states"), verbatim(", ".join(event.participants))]
    for enumeration in dataset.lists:
        parts.append(heading(enumeration.title, first=not parts))
        listing = Table.grid(padding=(0, 1))
        listing.add_column(justify="right", style=DIM)
        listing.add_column(overflow="fold")
        for number, item in enumerate(enumeration.items, start=1):
            listing.add_row(Text(f"{number}."), verbatim(item.text))
        parts.append(listing)
    return Group(*parts)


def library_facts_view(datasets: Iterable[Dataset]) -> Group:
    """``facts_view`` of each article, under a heading naming it."""
    parts: list[RenderableType] = []
    for dataset in datasets:
        title = f"{dataset.id}: {dataset.source.title.text}"
        parts += [heading(title, first=not parts), facts_view(dataset)]
    return Group(*parts)


def hit_lines(source: HitSource, hits: Iterable[Hit], *, context: bool) -> list[Text]:
    """One line per hit for pipes: ``quote_id<TAB>speaker<TAB>sentence``, styled.

    The plain text is ``columns.hit_line``'s (what piped output without colour prints);
    this adds the styles: the name bold, "(reported)" and "(narration)" dim, the matches
    highlighted, and with ``context`` the sentence bold inside its passage.
    """
    from cstocli.views import columns  # only piped colour needs it, not the terminal's blocks

    library = not isinstance(source, Dataset)
    lines = []
    for hit in hits:
        plain = columns.hit_line(_dataset_of(source, hit), hit, context=context, library=library)
        line = Text(plain.text)
        start, end = plain.name
        if hit.sentence.speaker_id is None:
            line.stylize(DIM, start, end)
        else:
            line.stylize("bold", start, end)
        if plain.reported:
            line.stylize(DIM, start - len(REPORTED) - 1, start - 1)
        spots: list[tuple[int, int | None]] = [(plain.sentence, None)]
        if plain.context is not None:
            spots.append((plain.context, plain.in_context))
        for at, inside in spots:
            offset = at + (inside or 0)
            if inside is not None:
                line.stylize("bold", offset, offset + len(hit.sentence.text))
            for first, last in hit.highlights:
                line.stylize(HIGHLIGHT, offset + first, offset + last)
        lines.append(line)
    return lines


def hit_blocks(source: HitSource, hits: Iterable[Hit], *, context: bool) -> Group:
    """Hits for a terminal: a header line (id, speaker, line), then the indented text.

    Hits from several articles (``source`` a mapping) name their article first.
    """
    parts: list[RenderableType] = []
    for hit in hits:
        dataset = _dataset_of(source, hit)
        sentence = hit.sentence
        line = summary.line_of(dataset.source_text, sentence.span[0])
        header = Text()
        if not isinstance(source, Dataset):
            header.append_text(verbatim(sentence.article_id, "bold magenta") + "  ")
        header.append_text(verbatim(sentence.passage_id, "bold cyan") + "  ")
        header.append_text(who(dataset, sentence.speaker_id, dataset.passage(sentence.passage_id)))
        header.append(f"  line {line}", style=DIM)
        if not isinstance(source, Dataset):  # which article, in words
            from cstocli.views.citation import article_label  # see passage_view

            header.append_text(verbatim(f"  {article_label(dataset)}", DIM))
        if parts:
            parts.append(Text(""))
        text = _hit_text(dataset, hit, context=context)
        parts += [header, Padding(text, (0, 0, 0, 4), expand=False)]
    return Group(*parts)


def hit_in_passage(dataset: Dataset, hit: Hit) -> Text:
    """The hit's whole passage, its sentence in bold and matched words highlighted."""
    return _hit_text(dataset, hit, context=True)


def _dataset_of(source: HitSource, hit: Hit) -> Dataset:
    return source if isinstance(source, Dataset) else source[hit.sentence.article_id]


def _hit_text(dataset: Dataset, hit: Hit, *, context: bool) -> Text:
    """The sentence with its matched words styled; or its whole passage, sentence in bold."""
    sentence = hit.sentence
    passage = dataset.passage(sentence.passage_id) if context else None
    if passage is None:
        text, offset = Text(shown(sentence.text)), 0
    else:
        text = Text(shown(summary.passage_words(passage)))
        offset = summary.offset_in_words(passage, sentence.span[0])
        text.stylize("bold", offset, offset + len(sentence.text))
    for start, end in hit.highlights:
        text.stylize(HIGHLIGHT, offset + start, offset + end)
    return text
