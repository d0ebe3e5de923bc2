"""Titles in speaker labels: which words are titles, and abbreviated titles spelt out.

"Minister", "Sen.", "SEC.-GEN." are titles, not parts of a name; a label's title becomes the
speaker's role, spelt out ("SEC.-GEN." is "SECRETARY-GENERAL", so a search for the role finds
its holder). The word lists live in ``label_words``.
"""

from __future__ import annotations

import functools

from cstocli.importer.label_words import TITLE_ABBREVIATIONS, TITLE_WORDS


def is_title_word(token: str) -> bool:
    """Whether a word of a label is a title ("Minister", "Sen.", "SEC.-GEN.") not a name."""
    # Asked of every capitalised word read for names: remembered, but only for words of
    # ordinary length (a "word" may be a megabyte without spaces).
    return _title(token) if len(token) <= 40 else _title.__wrapped__(token)


@functools.lru_cache(maxsize=8192)
def _title(token: str) -> bool:
    """See ``is_title_word``."""
    lower = token.casefold()
    if lower in TITLE_WORDS:
        return True
    pieces = lower.split("-")
    return all(p.endswith(".") and p[:-1] in TITLE_ABBREVIATIONS for p in pieces)


def with_title(title: str, role: str | None, *, bracketed: bool) -> str:
    """The role of a label whose name came after a title ("Senator" and "R-Ohio")."""
    if role is not None and not bracketed and title.endswith("."):
        return role  # "PRES. NAME, PRESIDENT OF X": the role spelt out says it all
    title = spelt_out(title)
    if role is None:
        return title
    return f"{title} ({role})" if bracketed else f"{title}, {role}"


_ABBREVIATED = {
    "sen": "Senator", "rep": "Representative", "gov": "Governor", "pres": "President",
    "gen": "General", "lt": "Lieutenant", "col": "Colonel", "maj": "Major", "capt": "Captain",
    "adm": "Admiral", "amb": "Ambassador", "sec": "Secretary", "dep": "Deputy",
    "supt": "Superintendent", "insp": "Inspector", "det": "Detective",
}  # fmt: skip


def spelt_out(title: str) -> str:
    """A title of abbreviations spelt out, in the label's case; any other title as written.

    "SEC.-GEN." is "SECRETARY-GENERAL", so a search for the role finds its holder.
    """
    words = title.split()
    pieces = [word.split("-") for word in words]
    if not all(p.endswith(".") and p[:-1].casefold() in _ABBREVIATED for w in pieces for p in w):
        return title
    shout = title.isupper()
    spelt = ["-".join(_ABBREVIATED[p[:-1].casefold()] for p in word) for word in pieces]
    return " ".join(w.upper() if shout else w for w in spelt)
