"""How ``--help`` reads at any width: Click's plain help, laid out for narrow terminals too.

Typer's Rich help boxes cut option names at 40 columns (``--speak…``) and break lines
mid-sentence at 80. Click's plain formatter rewraps every paragraph to the width; this
one also keeps examples (indented paragraphs) as written, and below ``NARROW`` columns
puts each option's help under its name instead of in a squeezed second column, so no
option name or metavar is ever cut.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence

from typer import _click as click  # Typer 0.28 vendors Click; the pin keeps this stable
from typer._click.formatting import wrap_text

MAX_WIDTH = 80
"""Help is wrapped to at most this many columns: longer lines are hard to read."""
MIN_WIDTH = 18
"""Help is never narrower than this, however narrow the terminal."""
NARROW = 60
"""Below this many columns, a definition list is stacked: the term, then its help."""
_INDENT = 4
_PARAGRAPHS = re.compile(r"\n\s*\n")


class HelpFormatter(click.HelpFormatter):
    """Click's formatter with examples kept whole and a stacked layout when narrow."""

    def write_text(self, text: str) -> None:
        """Rewrap prose to the width; an indented paragraph (an example) stays as written."""
        kept = [
            f"\b\n{paragraph}" if paragraph.startswith(" ") else paragraph
            for paragraph in _PARAGRAPHS.split(text)
        ]
        super().write_text("\n\n".join(kept))

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        """Options and commands: two columns when wide, term then indented help when narrow."""
        if self.width >= NARROW:
            return super().write_dl(rows, col_max, col_spacing)
        indent = " " * self.current_indent
        width = max(self.width - self.current_indent - _INDENT, 20)
        for term, definition in rows:
            self.write(f"{indent}{term}\n")
            if definition:
                wrapped = wrap_text(definition, width, preserve_paragraphs=True)
                for line in wrapped.splitlines():
                    self.write(f"{indent}{' ' * _INDENT}{line}\n" if line else "\n")
        return None


def formatter() -> HelpFormatter:
    """A formatter as wide as the terminal, at most 80 columns (Click says 50 at least)."""
    columns = shutil.get_terminal_size().columns  # COLUMNS, clamped by cli.terminal
    return HelpFormatter(width=max(min(columns, MAX_WIDTH) - 2, MIN_WIDTH))
