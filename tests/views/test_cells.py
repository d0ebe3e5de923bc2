"""Article text as Rich Text: markup and emoji codes kept, controls made visible."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import rendered

from cstocli import summary
from cstocli.model import Dataset
from cstocli.search.engine import search
from cstocli.search.memory import build_index
from cstocli.views import cells, passages, tables

FIXTURES = Path(__file__).parents[1] / "fixtures"


# -- colour and width ---------------------------------------------------------------------------


def test_verbatim_keeps_markup_and_emoji_codes(bracket: Dataset) -> None:
    """'[bold]', '[the president]' and ':smile:' print exactly as the article has them."""
    for passage in bracket.passages:
        for paragraph in passage.paragraphs:
            assert rendered(cells.verbatim(paragraph.text), width=500) == paragraph.text + "\n"


def test_verbatim_neutralises_control_characters() -> None:
    """An ESC or bell in data cannot reach the terminal; lengths stay the same."""
    text = cells.verbatim("a\x1b[31mb\x07c")
    assert text.plain == "a\u241b[31mb\u2407c"
    assert "\x1b" not in rendered(text, color=True).replace("\x1b[0m", "").split("[31mb")[0][1:]


def test_numbers_are_not_recoloured(bundled: Dataset) -> None:
    """highlight=False: '13,000' carries no style of its own in colour output."""
    out = rendered(tables.stats_view(bundled, summary.speaker_summaries(bundled)), color=True)
    # bold as one whole value (after its padding), never split into coloured digits
    assert re.search(r"\x1b\[1m *13,000\x1b\[0m", out)
    assert "13\x1b" not in out


def test_hit_blocks_keep_brackets_verbatim(bracket: Dataset) -> None:
    """A terminal hit shows '[bold]' as text, with the word highlighted inside it."""
    hits = search(build_index(bracket), "bold")
    out = rendered(passages.hit_blocks(bracket, hits, context=False), width=200)
    assert "Markup such as [bold] and [the president] must print exactly as written." in out
    coloured = rendered(passages.hit_blocks(bracket, hits, context=False), width=200, color=True)
    assert "[\x1b[1;33mbold\x1b[0m]" in coloured
