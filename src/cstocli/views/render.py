"""Everything Rich: the Console that honours ``--color``, and model -> renderables.

Nothing here prints; ``cli`` does. Article text always goes through ``Text`` (never
markup), so a quote containing ``[bold]`` or ``:smile:`` shows exactly as written, and
``highlight=False`` keeps numbers such as "2,000" from being recoloured piecewise.
"""

# ruff: noqa: PLC0415 - rich.table is imported only where a wrapping table is drawn.

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Literal, TextIO, TypeAlias

from rich.color import ColorSystem
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderableType, RenderResult
from rich.padding import Padding
from rich.text import Text

from cstocli import summary as queries
from cstocli.model import Dataset, Figure, Passage, Speaker

if TYPE_CHECKING:
    from rich.table import Table

    from cstocli.library import SpeakerTotal
    from cstocli.search.engine import Hit

ColorChoice: TypeAlias = Literal["auto", "always", "never"]
Renderable: TypeAlias = RenderableType
"""Anything ``Console.print`` accepts; named here so ``cli`` need not import Rich."""
Line: TypeAlias = Text
"""One line of piped search output, possibly styled."""
HitSource: TypeAlias = "Dataset | Mapping[str, Dataset]"
"""The one dataset hits come from, or (``--all``) each article's dataset by id."""

UNWRAPPED_WIDTH = 10_000
"""Width for output that is not a terminal: wide enough that nothing is hard-wrapped."""
FALLBACK_WIDTH = 80
"""Width of a terminal whose size cannot be known (or is reported as 0)."""

_HIGHLIGHT = "bold yellow"
_DIM = "dim"
_NARRATION = "(narration)"
_REPORTED = "(reported)"
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
    """A terminal: COLUMNS if set, else its width, else 80. Anything else: no wrapping.

    A pipe ignores COLUMNS (shells export it): ``cstocli show q1 | cat`` must not come out
    hard-wrapped with padded lines. A terminal that reports 0 columns (``script`` run
    without a controlling terminal) gets 80, or Rich would print nothing at all.
    """
    if not isatty:
        return UNWRAPPED_WIDTH
    columns = environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(file.fileno()).columns or FALLBACK_WIDTH
    except (OSError, ValueError):
        return FALLBACK_WIDTH


def is_terminal(file: TextIO) -> bool:
    """Whether ``file`` is an interactive terminal."""
    try:
        return file.isatty()
    except ValueError:  # a closed stream is no terminal
        return False


def make_console(
    choice: ColorChoice,
    file: TextIO,
    *,
    environ: Mapping[str, str] | None = None,
    width: int | None = None,
) -> Console:
    """A Console writing to ``file`` under cstocli's colour and width rules.

    ``width`` overrides the width rules (tests render at fixed widths).
    """
    env = os.environ if environ is None else environ
    isatty = is_terminal(file)
    color = color_enabled(choice, isatty=isatty, environ=env)
    return Console(
        file=file,
        width=width or output_width(file, isatty=isatty, environ=env),
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


# -- progress -----------------------------------------------------------------------------------

PROGRESS_FROM = 3
"""Imports of at least this many files show a progress bar (one or two finish at once)."""


@contextmanager
def import_progress(total: int, file: TextIO) -> Iterator[Callable[[str], None]]:
    """A progress bar over ``total`` files on ``file`` (stderr); yields "this file is done".

    Drawn only on a terminal and for several files: a pipe or a log gets no escape codes
    and no redraws. The bar is transient, so the per-file report printed after it stands
    alone.
    """
    if total < PROGRESS_FROM or not is_terminal(file):
        yield lambda name: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}", markup=False),
        console=make_console("auto", file),
        transient=True,
    )
    with bar:
        task = bar.add_task("", total=total)
        yield lambda name: bar.update(task, advance=1, description=name)


# -- tables that stay readable when narrow ------------------------------------------------------

NARROW = 60
"""Below this many columns, tables become one record per row (COLUMNS=40 stays readable)."""


class Records:
    """A table that fits its width: aligned columns, a wrapping table, or stacked records.

    When every row fits on one line (a pipe, a wide terminal) the columns are simply
    aligned, which is also several times cheaper than Rich's Table. When they do not, a
    Rich Table wraps the cells; below ``NARROW`` columns each row becomes a record (its
    first cell in bold, then the others labelled and indented), so words are never
    broken mid-word the way a squeezed five-column table breaks them.
    """

    def __init__(
        self, columns: Sequence[tuple[str, JustifyMethod]], rows: Iterable[Sequence[Text]]
    ) -> None:
        self.columns = tuple(columns)
        self.rows = [tuple(row) for row in rows]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = [
            max(len(title), *(row[i].cell_len for row in self.rows))
            for i, (title, _) in enumerate(self.columns)
        ]
        single_lines = not any("\n" in cell.plain for row in self.rows for cell in row)
        if single_lines and sum(widths) + _GAP * (len(widths) - 1) <= options.max_width:
            yield from self._aligned(widths, ascii_only=options.ascii_only)
        elif options.max_width >= NARROW:
            yield self._table()
        else:
            yield from self._records()

    def _aligned(self, widths: list[int], *, ascii_only: bool) -> Iterator[Text]:
        titles = [Text.assemble((title, "bold")) for title, _ in self.columns]
        yield self._line(titles, widths)
        yield Text(("-" if ascii_only else "\u2500") * (sum(widths) + _GAP * (len(widths) - 1)))
        for first, *rest in self.rows:
            bold = first.copy()
            bold.stylize("bold")
            yield self._line([bold, *rest], widths)

    def _line(self, cells: Sequence[Text], widths: list[int]) -> Text:
        line = Text()
        for index, (cell, width, (_, justify)) in enumerate(
            zip(cells, widths, self.columns, strict=True)
        ):
            padding = " " * (width - cell.cell_len)
            if index:
                line.append(" " * _GAP)
            line.append_text(Text(padding) + cell if justify == "right" else cell + padding)
        line.rstrip()
        line.no_wrap = True  # it fits by construction; skipping the wrap is half the cost
        return line

    def _records(self) -> Iterator[RenderableType]:
        for number, (first, *rest) in enumerate(self.rows):
            if number:
                yield Text("")
            yield Text.assemble(first, style="bold")
            for (title, _), cell in zip(self.columns[1:], rest, strict=True):
                if cell.plain:
                    label = Text.assemble((f"{title}: ", _DIM), cell)
                    yield Padding(label, (0, 0, 0, 2), expand=False)

    def _table(self) -> Table:
        # Imported here: rich.table (with fractions and decimal) is ~5 ms of start-up that
        # aligned output, the common case, never needs.
        from rich import box
        from rich.table import Table

        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, highlight=False)
        for index, (title, justify) in enumerate(self.columns):
            table.add_column(title, justify=justify, style="bold" if index == 0 else "")
        for row in self.rows:
            table.add_row(*row)
        return table


_GAP = 3
"""Spaces between aligned columns."""


# -- speakers -------------------------------------------------------------------------------


def speakers_table(rows: Iterable[queries.SpeakerSummary]) -> Records:
    """Name, role, country or organisation, number of quotes, words spoken."""
    columns = [*_left("Name", "Role", "Country or organisation"), *_right("Quotes", "Words")]
    cells = [(*_identity(row.speaker), Text(str(row.quotes)), Text(str(row.words))) for row in rows]
    return Records(columns, cells)


def _identity(speaker: Speaker) -> tuple[Text, Text, Text]:
    """Name, role, country or organisation: the leading cells of every speakers table."""
    return (
        verbatim(speaker.name),
        verbatim(speaker.role or ""),
        verbatim(speaker.affiliation or ""),
    )


def speaker_totals_table(rows: Iterable[SpeakerTotal]) -> Records:
    """Everyone quoted across the library: ``speakers_table`` plus in how many articles."""
    columns = [
        *_left("Name", "Role", "Country or organisation"),
        *_right("Articles", "Quotes", "Words"),
    ]
    cells = [
        (*_identity(row.speaker), *(Text(str(n)) for n in (row.articles, row.quotes, row.words)))
        for row in rows
    ]
    return Records(columns, cells)


# -- stats ----------------------------------------------------------------------------------


def stats_view(dataset: Dataset, rows: Iterable[queries.SpeakerSummary]) -> Group:
    """The headline figures table, then the other figures, then per-speaker counts."""
    headline, others = queries.split_headline(queries.figure_groups(dataset))
    parts: list[RenderableType] = []
    if headline is not None:
        title = _heading(headline.topic or "Figures", first=True)
        parts += [title, _figures(dataset, headline.figures, "Where")]
    if others:
        parts += [_heading("Other figures", first=not parts), _figures(dataset, others, "Topic")]
    parts += [_heading("Speakers", first=not parts), _speaker_counts(rows)]
    return Group(*parts)


def library_stats_view(
    figures: Iterable[tuple[str, Figure]], rows: Iterable[SpeakerTotal]
) -> Group:
    """Every figure of the library with its article, then per-speaker counts."""
    columns = [*_left("What"), *_right("Value"), *_left("Unit", "Topic", "Article")]
    cells = [
        (
            verbatim(figure.label),
            verbatim(queries.as_written(figure), style="bold"),
            verbatim(figure.unit),
            verbatim(figure.topic or ""),
            verbatim(article),
        )
        for article, figure in figures
    ]
    parts: list[RenderableType] = []
    if cells:
        parts += [_heading("Figures", first=True), Records(columns, cells)]
    counts = [
        (
            verbatim(row.speaker.name),
            Text(str(row.articles)),
            Text(str(row.quotes)),
            Text(str(row.words)),
        )
        for row in rows
    ]
    counts_columns = [*_left("Speaker"), *_right("Articles", "Quotes", "Words")]
    parts += [_heading("Speakers", first=not parts), Records(counts_columns, counts)]
    return Group(*parts)


def _figures(
    dataset: Dataset, figures: Iterable[Figure], last: Literal["Where", "Topic"]
) -> Records:
    """What, the value as written, unit, then where (places) or the topic and source line.

    The headline group shares one topic and usually one sentence, so its table shows the
    places instead of topic and line, and stays narrow enough for a 120-column terminal.
    """
    figures = list(figures)
    columns = [*_left("What"), *_right("Value"), *_left("Unit", last)]
    cells = [
        [
            verbatim(figure.label),
            verbatim(queries.as_written(figure), style="bold"),
            verbatim(figure.unit),
            verbatim(", ".join(figure.places) if last == "Where" else figure.topic or ""),
        ]
        for figure in figures
    ]
    if last == "Topic":
        columns += _right("Line")
        for row, figure in zip(cells, figures, strict=True):
            row.append(Text(str(queries.line_of(dataset.source_text, figure.span[0]))))
    return Records(columns, cells)


def _speaker_counts(rows: Iterable[queries.SpeakerSummary]) -> Records:
    columns = [*_left("Speaker"), *_right("Quotes", "Words")]
    cells = [
        (verbatim(row.speaker.name), Text(str(row.quotes)), Text(str(row.words))) for row in rows
    ]
    return Records(columns, cells)


def _left(*titles: str) -> list[tuple[str, JustifyMethod]]:
    return [(title, "left") for title in titles]


def _right(*titles: str) -> list[tuple[str, JustifyMethod]]:
    return [(title, "right") for title in titles]


# -- show -----------------------------------------------------------------------------------


def passage_view(dataset: Dataset, passage: Passage) -> Group:
    """One passage in full: who says it, where it stands, each paragraph with its line."""
    first, last = queries.lines_of(dataset.source_text, passage.span)
    where = f"line {first}" if first == last else f"lines {first}-{last}"
    header = Text.assemble(
        verbatim(passage.id, "bold cyan"), "  ", _who(dataset, passage.speaker_id, passage)
    )
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
    from cstocli.views import citation  # only show and search cite: imported on use

    cited = citation.citation_line(citation.citation(dataset, passage))
    return Group(*parts, Text(""), verbatim(cited, style=_DIM))


# -- facts ----------------------------------------------------------------------------------


def facts_view(dataset: Dataset) -> Group:
    """The event, its member states, and every list the article enumerates."""
    from rich.table import Table  # see Records._table

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


def library_facts_view(datasets: Iterable[Dataset]) -> Group:
    """``facts_view`` of each article, under a heading naming it."""
    parts: list[RenderableType] = []
    for dataset in datasets:
        heading = f"{dataset.id}: {dataset.source.title.text}"
        parts += [_heading(heading, first=not parts), facts_view(dataset)]
    return Group(*parts)


# -- search ---------------------------------------------------------------------------------


def hit_lines(source: HitSource, hits: Iterable[Hit], *, context: bool) -> list[Text]:
    """One line per hit for pipes: ``quote_id<TAB>speaker<TAB>sentence``.

    With ``context`` a fourth column holds the whole passage, so that two hits in one
    quote stay two different lines. Hits from several articles (``source`` a mapping)
    start with their article's id and a tab, since quote ids repeat across articles.
    """
    lines = []
    for hit in hits:
        dataset = _dataset_of(source, hit)
        who = _who(dataset, hit.sentence.speaker_id, dataset.passage(hit.sentence.passage_id))
        parts: list[str | Text] = [verbatim(hit.sentence.passage_id), "\t", who, "\t"]
        parts.append(_hit_text(dataset, hit, context=False, table=_FLAT))
        if context:
            parts += ["\t", _hit_text(dataset, hit, context=True, table=_FLAT)]
        line = Text.assemble(*parts)
        if not isinstance(source, Dataset):
            line = Text.assemble(verbatim(hit.sentence.article_id), "\t", line)
        lines.append(line)
    return lines


def line_strings(console: Console, lines: Iterable[Text]) -> Iterator[str]:
    """Each line as a string, styled only if ``console`` has colour; tabs stay tabs.

    (Printing a Text through the Console would expand tabs to spaces and so break
    ``cut -f`` on piped output.)
    """
    for line in lines:
        if console.color_system is None:
            yield line.plain
        else:
            yield "".join(
                segment.style.render(segment.text, color_system=ColorSystem.STANDARD)
                if segment.style
                else segment.text
                for segment in line.render(console)
            )


def trimmed_lines(console: Console, renderable: RenderableType) -> Iterator[str]:
    """``renderable`` as ``console`` would print it, minus each line's trailing spaces.

    Rich pads table cells and lines to their width; piped, that padding is noise in
    ``diff`` and ``grep ' $'``. Styles are kept when the console has colour.
    """
    for line in console.render_lines(renderable, pad=False):
        keep = len("".join(segment.text for segment in line).rstrip())
        parts = []
        for segment in line:
            text, keep = segment.text[:keep], keep - len(segment.text)
            if text and segment.style and console.color_system is not None:
                text = segment.style.render(text, color_system=ColorSystem.STANDARD)
            parts.append(text)
            if keep <= 0:
                break
        yield "".join(parts)


def hit_blocks(source: HitSource, hits: Iterable[Hit], *, context: bool) -> Group:
    """Hits for a terminal: a header line (id, speaker, line), then the indented text.

    Hits from several articles (``source`` a mapping) name their article first.
    """
    parts: list[RenderableType] = []
    for hit in hits:
        dataset = _dataset_of(source, hit)
        sentence = hit.sentence
        line = queries.line_of(dataset.source_text, sentence.span[0])
        header = Text()
        if not isinstance(source, Dataset):
            header.append_text(verbatim(sentence.article_id, "bold magenta") + "  ")
        header.append_text(verbatim(sentence.passage_id, "bold cyan") + "  ")
        header.append_text(_who(dataset, sentence.speaker_id, dataset.passage(sentence.passage_id)))
        header.append(f"  line {line}", style=_DIM)
        if not isinstance(source, Dataset):  # which article, in words
            from cstocli.views.citation import article_label  # see passage_view

            header.append_text(verbatim(f"  {article_label(dataset)}", _DIM))
        if parts:
            parts.append(Text(""))
        text = _hit_text(dataset, hit, context=context, table=_SAFE)
        parts += [header, Padding(text, (0, 0, 0, 4), expand=False)]
    return Group(*parts)


def hit_in_passage(dataset: Dataset, hit: Hit) -> Text:
    """The hit's whole passage, its sentence in bold and matched words highlighted."""
    return _hit_text(dataset, hit, context=True, table=_SAFE)


def _dataset_of(source: HitSource, hit: Hit) -> Dataset:
    return source if isinstance(source, Dataset) else source[hit.sentence.article_id]


def _hit_text(dataset: Dataset, hit: Hit, *, context: bool, table: dict[int, str]) -> Text:
    """The sentence with its matched words styled; or its whole passage, sentence in bold."""
    sentence = hit.sentence
    passage = dataset.passage(sentence.passage_id) if context else None
    if passage is None:
        text, offset = Text(sentence.text.translate(table)), 0
    else:
        text = Text(queries.passage_words(passage).translate(table))
        offset = queries.offset_in_words(passage, sentence.span[0])
        text.stylize("bold", offset, offset + len(sentence.text))
    for start, end in hit.highlights:
        text.stylize(_HIGHLIGHT, offset + start, offset + end)
    return text


# -- shared ---------------------------------------------------------------------------------


def verbatim(value: str, style: str = "") -> Text:
    """Article text as a Text: never parsed as markup, control characters made harmless."""
    return Text(value.translate(_SAFE), style=style)


def _who(dataset: Dataset, speaker_id: str | None, passage: Passage | None = None) -> Text:
    if speaker_id is None:
        return Text(_NARRATION, style=_DIM)
    name = verbatim(dataset.speaker(speaker_id).name, style="bold")
    if passage is not None and not passage.is_quote:
        # Narration that reports the speaker's words without quoting them.
        return Text.assemble(Text(_REPORTED, style=_DIM), " ", name)
    return name


def _heading(title: str, *, first: bool = False) -> Text:
    heading = verbatim(title, style="bold underline")
    # A blank line separates sections; Text("\n") + title keeps it one renderable.
    return heading if first else Text("\n").append_text(heading)


def recording_console(width: int, height: int) -> Console:
    """A Console that records plain text at a fixed size (screen captures for tests, README)."""
    return Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
