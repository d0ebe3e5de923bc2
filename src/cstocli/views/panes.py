"""Rich renderables for the panes of ``cstocli browse``: result rows, preview, full quote.

``browse`` (the Textual app) shows these; Textual renders Rich. Article text goes
through ``cells.verbatim`` (never markup, control characters made harmless), exactly
as the commands print it.
"""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.text import Text

from cstocli import summary
from cstocli.model import Dataset, Passage
from cstocli.search.engine import Hit
from cstocli.search.store import Sentence
from cstocli.views.cells import verbatim
from cstocli.views.passages import hit_in_passage, passage_view

_HIGHLIGHT = "bold yellow"
_DIM = "dim"
_FLAT = str.maketrans({"\n": " ", "\t": " "})


def result_row(hit: Hit, speaker: str | None, article_id: str | None) -> Text:
    """One result: who (and the article, for library hits), then the sentence on one line.

    The sentence is flattened to one line and cut with an ellipsis by the list, so every
    row is two lines high whatever the width.
    """
    sentence = hit.sentence
    head = Text()
    head.append_text(verbatim(sentence.passage_id, "cyan"))
    head.append("  ")
    if speaker is None:
        head.append("(narration)", style=_DIM)
    else:
        head.append_text(verbatim(speaker, "bold"))
    if article_id is not None:
        head.append("  ")
        head.append_text(verbatim(article_id, "magenta"))
    body = verbatim(sentence.text.translate(_FLAT))
    for start, end in hit.highlights:
        body.stylize(_HIGHLIGHT, start, end)
    body.no_wrap = True
    body.overflow = "ellipsis"
    head.no_wrap = True
    head.overflow = "ellipsis"
    return Text("\n").join([head, Text("  ") + body])


def preview_heading(dataset: Dataset, hit: Hit, *, library: bool = False) -> Group:
    """Above the preview: passage id, speaker, line (the article for a library hit), role."""
    sentence = hit.sentence
    line = summary.line_of(dataset.source_text, sentence.span[0])
    return Group(*_heading(dataset, sentence, f"line {line}", library=library))


def preview_body(dataset: Dataset, hit: Hit, citation: str) -> Group:
    """The preview: the hit inside its whole passage, then the article's citation."""
    return Group(hit_in_passage(dataset, hit), Text(""), verbatim(citation, _DIM))


def preview(dataset: Dataset, hit: Hit, citation: str, *, library: bool = False) -> Group:
    """Heading and body in one (a figure's sentence, shown full-screen)."""
    return Group(
        preview_heading(dataset, hit, library=library),
        Text(""),
        preview_body(dataset, hit, citation),
    )


def sentence_line(dataset: Dataset, hit: Hit, width: int) -> int:
    """On which line of ``preview_body`` (drawn ``width`` wide) the hit's sentence starts.

    So the pane can scroll a sentence deep in a long passage into view.
    """
    sentence = hit.sentence
    passage = dataset.passage(sentence.passage_id)
    offset = 0 if passage is None else sentence.span[0] - passage.span[0]
    before = hit_in_passage(dataset, hit)[:offset]
    console = Console(width=max(width, 1), file=io.StringIO(), color_system=None)
    return max(0, len(console.render_lines(before, pad=False)) - 1)


def full_quote(dataset: Dataset, passage: Passage) -> Group:
    """One passage in full as ``cstocli show`` prints it, its citation line included."""
    return Group(passage_view(dataset, passage))


def notice(message: str) -> Text:
    """A line in place of results: nothing matched, the library is empty..."""
    return Text(message, style="italic")


def _heading(
    dataset: Dataset, sentence: Sentence, where: str, *, library: bool
) -> list[RenderableType]:
    """Passage id, speaker, line (and the article, for a library hit); then the role."""
    speaker_id = sentence.speaker_id
    head = Text.assemble(verbatim(sentence.passage_id, "bold cyan"), "  ")
    if speaker_id is None:
        head.append("(narration)", style=_DIM)
    else:
        head.append_text(verbatim(dataset.speaker(speaker_id).name, "bold"))
    head.append(f"  {where}", style=_DIM)
    if library:
        head.append("  ")
        head.append_text(verbatim(dataset.id, "magenta"))
    parts: list[RenderableType] = [head]
    if speaker_id is not None:
        who = dataset.speaker(speaker_id)
        detail = ", ".join(x for x in (who.role, who.affiliation) if x)
        if detail:
            parts.append(verbatim(detail, _DIM))
    return parts


def key_table(keys: list[tuple[str, str]]) -> Group:
    """The help screen: each key in bold, then what it does."""
    rows = [Text.assemble((key, "bold"), "\n    ", does) for key, does in keys]
    return Group(Text("Keys", style="bold underline"), Text(""), *rows)
