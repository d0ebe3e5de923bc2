"""The messages ``browse``'s views send to the main screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from cstocli.model import Figure


@dataclass
class SpeakerPicked(Message):
    """Enter on a speaker: filter the results to what they say (again: clear)."""

    speaker_id: str
    """The speaker's id in the search index."""
    article_id: str | None
    """Set for a library speaker known by one word, who is one person per article."""
    name: str
    """The name, for the status line."""


@dataclass
class ArticlePicked(Message):
    """Enter on an article of the library: search only it (again: all)."""

    article_id: str


@dataclass
class FigurePicked(Message):
    """Enter on a figure: show the sentence it comes from."""

    article_id: str
    figure: Figure
