"""Everything Rich: the Console that honours ``--color``, and model -> renderables.

Nothing here prints; ``cli`` does. Article text always goes through ``Text`` (never
markup), so a quote containing ``[bold]`` or ``:smile:`` shows exactly as written, and
``highlight=False`` keeps numbers such as "2,000" from being recoloured piecewise.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal, TextIO, TypeAlias

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from cstocli import queries
from cstocli.model import Dataset, Figure, Passage

if TYPE_CHECKING:
    from cstocli.search import Hit

ColorChoice: TypeAlias = Literal["auto", "always", "never"]
Renderable: TypeAlias = RenderableType
"""Anything ``Console.print`` accepts; named here so ``cli`` need not import Rich."""

UNWRAPPED_WIDTH = 10_000
"""Width for output that is not a terminal: wide enough that nothing is hard-wrapped."""

_HIGHLIGHT = "bold yellow"
_DIM = "dim"
_NARRATION = "(narration)"
# Control characters in data must never reach the terminal (an ESC would start an escape
# code). Each becomes one space, so highlight offsets stay true; line mode also flattens
# newlines and tabs so that one hit is one line.
_CONTROLS = [c for c in (*range(32), *range(127, 160)) if chr(c) not in "\n\t"]
_SAFE = str.maketrans(dict.fromkeys(_CONTROLS, " "))
_FLAT = str.maketrans(dict.fromkeys([*_CONTROLS, ord("\n"), ord("\t")], " "))


def color_enabled(choice: ColorChoice, *, isatty: bool, environ: Mapping[str, str]) -> bool:
    """Decide whether to emit colour and style escape codes.

    ``always``/``never`` win. For ``auto``, NO_COLOR (non-empty) turns colour off, then
    FORCE_COLOR (non-empty) turns it on, then TERM=dumb turns it off, else a TTY decides.
    """
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    return isatty


def output_width(file: TextIO, *, isatty: bool, environ: Mapping[str, str]) -> int:
    """COLUMNS if set, else the terminal's width, else no wrapping at all (a pipe)."""
    columns = environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if isatty:
        try:
            return os.get_terminal_size(file.fileno()).columns
        except (OSError, ValueError):
            return 80
    return UNWRAPPED_WIDTH


def is_terminal(file: TextIO) -> bool:
    """Whether ``file`` is an interactive terminal."""
    try:
        return file.isatty()
    except ValueError:  # a closed stream is no terminal
        return False


def make_console(
    choice: ColorChoice, file: TextIO, *, environ: Mapping[str, str] | None = None
) -> Console:
    """A Console writing to ``file`` under cstocli's colour and width rules."""
    env = os.environ if environ is None else environ
    isatty = is_terminal(file)
    color = color_enabled(choice, isatty=isatty, environ=env)
    return Console(
        file=file,
        width=output_width(file, isatty=isatty, environ=env),
        # Rich would read FORCE_COLOR/NO_COLOR itself; decide once, here, and tell it.
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=False,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        force_jupyter=False,
        force_interactive=False,
        _environ=dict(env),
    )


# -- speakers -------------------------------------------------------------------------------


def speakers_table(rows: Iterable[queries.SpeakerSummary]) -> Table:
    """Name, role, country or organisation, number of quotes, words spoken."""
    table = _table()
    table.add_column("Name", style="bold", overflow="fold")
    table.add_column("Role", overflow="fold")
    table.add_column("Country or organisation", overflow="fold")
    table.add_column("Quotes", justify="right")
    table.add_column("Words", justify="right")
    for row in rows:
        who = row.speaker
        table.add_row(
            verbatim(who.name),
            verbatim(who.role or ""),
            verbatim(who.affiliation or ""),
            Text(str(row.quotes)),
            Text(str(row.words)),
        )
    return table


# -- stats ----------------------------------------------------------------------------------


def stats_view(dataset: Dataset, rows: Iterable[queries.SpeakerSummary]) -> Group:
    """The headline figures table, then the other figures, then per-speaker counts."""
    headline, others = queries.split_headline(queries.figure_groups(dataset))
    parts: list[RenderableType] = []
    if headline is not None:
        title = _heading(headline.topic or "Figures", first=True)
        parts += [title, _headline_table(dataset, headline.figures)]
    if others:
        parts += [_heading("Other figures", first=not parts), _other_figures_table(dataset, others)]
    parts += [_heading("Speakers", first=not parts), _speaker_counts_table(rows)]
    return Group(*parts)


def _headline_table(dataset: Dataset, figures: Iterable[Figure]) -> Table:
    table = _figure_table()
    table.add_column("Where", overflow="fold")
    table.add_column("Line", justify="right")
    for figure in figures:
        table.add_row(
            *_figure_cells(figure),
            verbatim(", ".join(figure.places)),
            Text(str(queries.line_of(dataset.source_text, figure.span[0]))),
        )
    return table


def _other_figures_table(dataset: Dataset, figures: Iterable[Figure]) -> Table:
    table = _figure_table()
    table.add_column("Topic", overflow="fold")
    table.add_column("Line", justify="right")
    for figure in figures:
        table.add_row(
            *_figure_cells(figure),
            verbatim(figure.topic or ""),
            Text(str(queries.line_of(dataset.source_text, figure.span[0]))),
        )
    return table


def _figure_table() -> Table:
    table = _table()
    table.add_column("What", overflow="fold")
    table.add_column("Value", justify="right", style="bold")
    table.add_column("Unit", overflow="fold")
    return table


def _figure_cells(figure: Figure) -> tuple[Text, Text, Text]:
    return verbatim(figure.label), verbatim(queries.as_written(figure)), verbatim(figure.unit)


def _speaker_counts_table(rows: Iterable[queries.SpeakerSummary]) -> Table:
    table = _table()
    table.add_column("Speaker", style="bold", overflow="fold")
    table.add_column("Quotes", justify="right")
    table.add_column("Words", justify="right")
    for row in rows:
        table.add_row(verbatim(row.speaker.name), Text(str(row.quotes)), Text(str(row.words)))
    return table


# -- show -----------------------------------------------------------------------------------


def passage_view(dataset: Dataset, passage: Passage) -> Group:
    """One passage in full: who says it, where it stands, each paragraph with its line."""
    first, last = queries.lines_of(dataset.source_text, passage.span)
    where = f"line {first}" if first == last else f"lines {first}-{last}"
    header = Text.assemble((passage.id, "bold cyan"), "  ", _who(dataset, passage.speaker_id))
    header.append(f"  {where}", style=_DIM)
    parts: list[RenderableType] = [header]
    if passage.speaker_id is not None:
        who = dataset.speaker(passage.speaker_id)
        detail = ", ".join(x for x in (who.role, who.affiliation) if x)
        if detail:
            parts.append(verbatim(detail, style=_DIM))
    for paragraph in passage.paragraphs:
        line = queries.line_of(dataset.source_text, paragraph.span[0])
        parts += [Text(""), Text(f"line {line}", style=_DIM), verbatim(paragraph.text)]
    return Group(*parts)


# -- facts ----------------------------------------------------------------------------------


def facts_view(dataset: Dataset) -> Group:
    """The event, its member states, and every list the article enumerates."""
    parts: list[RenderableType] = []
    event = dataset.event
    if event is not None:
        parts.append(_heading("Event", first=True))
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
            parts += [_heading("Member states"), verbatim(", ".join(event.participants))]
    for enumeration in dataset.lists:
        parts.append(_heading(enumeration.title, first=not parts))
        listing = Table.grid(padding=(0, 1))
        listing.add_column(justify="right", style=_DIM)
        listing.add_column(overflow="fold")
        for number, item in enumerate(enumeration.items, start=1):
            listing.add_row(Text(f"{number}."), verbatim(item.text))
        parts.append(listing)
    return Group(*parts)


# -- search ---------------------------------------------------------------------------------


def hit_lines(dataset: Dataset, hits: Iterable[Hit], *, context: bool) -> list[Text]:
    """One line per hit for pipes: ``quote_id<TAB>speaker<TAB>sentence`` (or the passage)."""
    lines = []
    for hit in hits:
        text = _hit_text(dataset, hit, context=context, table=_FLAT)
        who = _who(dataset, hit.sentence.speaker_id)
        lines.append(Text.assemble(verbatim(hit.sentence.passage_id), "\t", who, "\t", text))
    return lines


def hit_blocks(dataset: Dataset, hits: Iterable[Hit], *, context: bool) -> Group:
    """Hits for a terminal: a header line (id, speaker, line), then the indented text."""
    parts: list[RenderableType] = []
    for hit in hits:
        sentence = hit.sentence
        line = queries.line_of(dataset.source_text, sentence.span[0])
        header = Text.assemble((sentence.passage_id, "bold cyan"), "  ")
        header.append_text(_who(dataset, sentence.speaker_id))
        header.append(f"  line {line}", style=_DIM)
        if parts:
            parts.append(Text(""))
        text = _hit_text(dataset, hit, context=context, table=_SAFE)
        parts += [header, Padding(text, (0, 0, 0, 4))]
    return Group(*parts)


def _hit_text(dataset: Dataset, hit: Hit, *, context: bool, table: dict[int, str]) -> Text:
    """The sentence with its matched words styled; or its whole passage, sentence in bold."""
    sentence = hit.sentence
    passage = dataset.passage(sentence.passage_id) if context else None
    if passage is None:
        text, offset = Text(sentence.text.translate(table)), 0
    else:
        text = Text(passage.text.translate(table))
        offset = sentence.span[0] - passage.span[0]
        text.stylize("bold", offset, offset + len(sentence.text))
    for start, end in hit.highlights:
        text.stylize(_HIGHLIGHT, offset + start, offset + end)
    return text


# -- shared ---------------------------------------------------------------------------------


def verbatim(value: str, style: str = "") -> Text:
    """Article text as a Text: never parsed as markup, control characters made harmless."""
    return Text(value.translate(_SAFE), style=style)


def _who(dataset: Dataset, speaker_id: str | None) -> Text:
    if speaker_id is None:
        return Text(_NARRATION, style=_DIM)
    return verbatim(dataset.speaker(speaker_id).name, style="bold")


def _heading(title: str, *, first: bool = False) -> Text:
    heading = verbatim(title, style="bold underline")
    # A blank line separates sections; Text("\n") + title keeps it one renderable.
    return heading if first else Text("\n").append_text(heading)


def _table() -> Table:
    return Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, highlight=False)
