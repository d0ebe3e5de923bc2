"""The Speakers view (``s``): name, role, quotes, words; Enter filters the results."""

from __future__ import annotations

from collections.abc import Sequence

from cstocli.browse.messages import SpeakerPicked
from cstocli.browse.session import SpeakerRow
from cstocli.browse.table_screen import TableScreen
from cstocli.views.render import Renderable, verbatim


class SpeakersScreen(TableScreen[SpeakerRow]):
    """Everyone quoted; Enter on one filters the results to them, again to clear."""

    # The counts before the long role, so that they show at 80 columns and less.
    COLUMNS = ("Name", "Quotes", "Words", "Articles", "Role", "Country or organisation")
    EMPTY = "No one is quoted here."

    def cells(self, row: SpeakerRow) -> Sequence[Renderable]:
        """Name, role, affiliation and the counts."""
        speaker = row.speaker
        return (
            verbatim(speaker.name, "bold"),
            str(row.quotes),
            str(row.words),
            str(row.articles),
            verbatim(speaker.role or ""),
            verbatim(speaker.affiliation or ""),
        )

    def chosen(self, row: SpeakerRow) -> SpeakerPicked:
        """Filter by this speaker (a one-word library name is one person per article)."""
        article, _, speaker_id = row.speaker.id.rpartition("/")
        return SpeakerPicked(speaker_id, article or None, row.speaker.name)
