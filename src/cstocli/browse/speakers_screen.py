"""The Speakers view (``s``): name, role, quotes, words; Enter filters the results."""

from __future__ import annotations

from collections.abc import Sequence

from cstocli.browse.messages import SpeakerPicked
from cstocli.browse.session import SpeakerRow
from cstocli.browse.table_screen import TableScreen
from cstocli.views.cells import verbatim
from cstocli.views.console import Renderable


class SpeakersScreen(TableScreen[SpeakerRow]):
    """Everyone quoted; Enter on one filters the results to them, again to clear."""

    # The counts before the long role, so that they show at 80 columns and less.
    COLUMNS = ("Name", "Quotes", "Words", "Articles", "Role", "Country or organisation")
    EMPTY = "No one is quoted here."

    def __init__(self, title: str, rows: Sequence[SpeakerRow], *, library: bool) -> None:
        super().__init__(title, rows)
        self._library = library

    def columns(self) -> Sequence[str]:
        """Articles only over the library: for one article it would always say 1."""
        return [c for c in self.COLUMNS if self._library or c != "Articles"]

    def cells(self, row: SpeakerRow) -> Sequence[Renderable]:
        """Name, the counts, role and affiliation."""
        speaker = row.speaker
        articles = [str(row.articles)] if self._library else []
        return (
            verbatim(speaker.name, "bold"),
            str(row.quotes),
            str(row.words),
            *articles,
            verbatim(speaker.role or ""),
            verbatim(speaker.affiliation or ""),
        )

    def chosen(self, row: SpeakerRow) -> SpeakerPicked:
        """Filter by this speaker (a one-word library name is one person per article)."""
        article, _, speaker_id = row.speaker.id.rpartition("/")
        return SpeakerPicked(speaker_id, article or None, row.speaker.name)
