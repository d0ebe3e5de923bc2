"""The Figures view (``f``): every number the articles state; Enter shows its sentence."""

from __future__ import annotations

from collections.abc import Sequence

from cstocli import summary
from cstocli.browse.messages import FigurePicked
from cstocli.browse.table_screen import TableScreen
from cstocli.model import Figure
from cstocli.views.cells import verbatim
from cstocli.views.console import Renderable


class FiguresScreen(TableScreen[tuple[str, Figure]]):
    """The stats' figures, as written, with topic and article; Enter opens the sentence."""

    # The number first, as written: it is what a reader scans for, at any width.
    COLUMNS = ("Value", "Unit", "What", "Topic", "Article")
    EMPTY = "No figures here."

    def cells(self, row: tuple[str, Figure]) -> Sequence[Renderable]:
        """What is counted, the number as written, its unit, topic and article."""
        article, figure = row
        return (
            verbatim(summary.as_written(figure), "bold"),
            verbatim(figure.unit),
            verbatim(figure.label),
            verbatim(figure.topic or ""),
            verbatim(article),
        )

    def chosen(self, row: tuple[str, Figure]) -> FigurePicked:
        """Show the sentence this figure comes from."""
        return FigurePicked(*row)
