"""Article text as Rich ``Text``: the cells and headings every view is made of.

Text from an article is never parsed as markup (a quote with ``[bold]`` shows as
written) and its control characters are made visible by ``safe``, the one rule for all
output; the replacement is one character for one, so highlight offsets stay true.
"""

from __future__ import annotations

from rich.console import JustifyMethod
from rich.text import Text

from cstocli.model import Dataset, Passage
from cstocli.views.safe import shown

NARRATION = "(narration)"
REPORTED = "(reported)"
DIM = "dim"
HIGHLIGHT = "bold yellow"


def verbatim(value: str, style: str = "") -> Text:
    """Article text as a Text: never parsed as markup, control characters made visible."""
    return Text(shown(value), style=style)


def who(dataset: Dataset, speaker_id: str | None, passage: Passage | None = None) -> Text:
    """The speaker's name in bold, or "(narration)" dimmed.

    "(reported)" comes before a name whose words the passage reports without quoting them.
    """
    if speaker_id is None:
        return Text(NARRATION, style=DIM)
    name = verbatim(dataset.speaker(speaker_id).name, style="bold")
    if passage is not None and not passage.is_quote:
        # Narration that reports the speaker's words without quoting them.
        return Text.assemble(Text(REPORTED, style=DIM), " ", name)
    return name


def heading(title: str, *, first: bool = False) -> Text:
    """A section title; all but the first have a blank line above them."""
    text = verbatim(title, style="bold underline")
    # A blank line separates sections; Text("\n") + title keeps it one renderable.
    return text if first else Text("\n").append_text(text)


def left(*titles: str) -> list[tuple[str, JustifyMethod]]:
    """Left-aligned column titles."""
    return [(title, "left") for title in titles]


def right(*titles: str) -> list[tuple[str, JustifyMethod]]:
    """Right-aligned column titles (numbers)."""
    return [(title, "right") for title in titles]
