"""What the importer says it was unsure of: an ``ImportWarning`` names the line.

Its own module because every step of the importer warns (layout, turns, roster, blocks,
the news reader), and each must be able to import it without importing the others.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """Something the importer decided without certainty, or skipped, and where."""

    line: int
    """The 1-based line of the article it concerns."""
    message: str
    """What was decided and how to change it."""

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"
