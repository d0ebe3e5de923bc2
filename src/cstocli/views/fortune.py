"""``cstocli random``: one quote, fortune-style, with its citation (``columns.citation``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from cstocli.model import Dataset, Passage
from cstocli.views.cells import DIM, verbatim
from cstocli.views.columns import citation


def fortune_view(dataset: Dataset, passage: Passage) -> Group:
    """The quote's paragraphs, then an indented "-- citation" line, as fortune prints."""
    parts: list[RenderableType] = []
    for paragraph in passage.paragraphs:
        if parts:
            parts.append(Text(""))
        parts.append(verbatim(paragraph.text))
    line = f"\u2014 {citation(dataset, passage)}"
    parts += [Text(""), Padding(verbatim(line, DIM), (0, 0, 0, 8))]
    return Group(*parts)
