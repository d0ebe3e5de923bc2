"""What an article id may be: a slug, because it becomes a file name (``library export``).

Lower- or upper-case letters and digits of any script, in words joined by single
hyphens: no dot, slash, space or control character can reach a path or a terminal
through an id. Every way in checks it: text import (the file name's slug), a dataset's
``id``, a corrections file's ``dataset.id``, and ids stored by older versions.
"""

from __future__ import annotations

import re

MAX_LENGTH = 100
"""The longest article id: ``ID.json`` must stay a valid file name on every system."""

_SLUG = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_WORD = re.compile(r"[^\W_]+")


def is_article_id(text: str) -> bool:
    """Whether ``text`` is a valid article id."""
    return len(text) <= MAX_LENGTH and _SLUG.fullmatch(text) is not None


def id_problem(text: str) -> str:
    """Why ``text`` is not an article id, for a one-line message."""
    if len(text) > MAX_LENGTH:
        return f"an article id has at most {MAX_LENGTH} characters, this one {len(text)}"
    return (
        "an article id is letters and digits in words joined by hyphens"
        f" (like 'csto-minsk-2017'), not {_shown(text)}"
    )


def article_slug(text: str) -> str:
    """The nearest valid id to ``text``: its words, lower-cased, joined by hyphens."""
    words = _WORD.findall(text.casefold())
    return "-".join(words)[:MAX_LENGTH].strip("-") or "article"


def _shown(text: str) -> str:
    # ascii(): the id comes from a stranger, and this message goes to a terminal.
    clipped = text if len(text) <= 40 else text[:36] + "..."
    return ascii(clipped)
