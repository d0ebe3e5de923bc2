"""``cstocli random``: one quote, fortune-style, with its citation (``columns.citation``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from cstocli.model import Dataset, Passage
from cstocli.summary import passage_words
from cstocli.views.cells import DIM, verbatim
from cstocli.views.columns import citation


def fortune_view(dataset: Dataset, passage: Passage) -> Group:
    """The quote's words as ``cite`` quotes them, then an indented "-- citation" line.

    Pieces of one paragraph that the reporter interrupted stay one paragraph, the cut
    marked (``summary.passage_words``), so what is copied is what is cited.
    """
    parts: list[RenderableType] = []
    for paragraph in passage_words(passage).split("\n\n"):
        if parts:
            parts.append(Text(""))
        parts.append(verbatim(paragraph))
    line = f"\u2014 {citation(dataset, passage)}"
    parts += [Text(""), Padding(verbatim(line, DIM), (0, 0, 0, 8))]
    return Group(*parts)
