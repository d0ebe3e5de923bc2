"""The Articles view (``a``): the library's articles; Enter scopes the search to one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cstocli.browse.messages import ArticlePicked
from cstocli.browse.table_screen import TableScreen
from cstocli.views.cells import verbatim
from cstocli.views.console import Renderable

if TYPE_CHECKING:
    from cstocli.library import ArticleSummary


class ArticlesScreen(TableScreen["ArticleSummary"]):
    """Every article of the library; Enter searches only it, again searches all."""

    COLUMNS = ("Article", "Title", "Speakers", "Quotes", "Sentences")
    EMPTY = "The library has no articles yet; add some with: cstocli import FILE"

    def cells(self, row: ArticleSummary) -> Sequence[Renderable]:
        """Id, headline and counts."""
        return (
            verbatim(row.id, "bold"),
            verbatim(row.title),
            str(row.speakers),
            str(row.quotes),
            str(row.sentences),
        )

    def chosen(self, row: ArticleSummary) -> ArticlePicked:
        """Scope the search to this article (or back to all, if it was already)."""
        return ArticlePicked(row.id)
