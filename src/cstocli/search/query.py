"""A search query as the engine reads it: words, quoted phrases, and words left out.

- Words are folded like the text (``cstocli.text``), so case, accents, apostrophe forms
  and thousands commas never matter; hyphens split words, so ``Nagorno-Karabakh`` and
  ``nagorno karabakh`` are the same query.
- Text in double quotes (straight or typographic) is a phrase: its words must appear
  exactly and consecutively. An unclosed quote is ignored (its text is plain words).
- Common words (``text.COMMON_WORDS``: "the", "of", "and"...) are dropped from unquoted
  text and reported in ``Query.ignored``. So a query made only of them ("the", "of the")
  finds nothing rather than every sentence of the article; quoting them
  (``"of the"``) searches the phrase on purpose.
- The last word, if unquoted, of 3+ letters and not a number, may also match as a
  prefix, for people who stop typing half-way.
- A repeated word counts once; at most ``MAX_WORDS`` words and phrases are kept.
- A query with no word at all (blank, punctuation, an empty phrase ``""``) is
  ``Query.empty``: the CLI says the search needs a word instead of "no matches".
"""

from __future__ import annotations

from typing import NamedTuple

from cstocli import text

MAX_WORDS = 16
"""Query words and phrases beyond this many are ignored (bounds the work per query)."""
MIN_PREFIX = 3
"""The last query word matches as a prefix from this many letters."""

_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'
"""Straight and typographic double quotes: each one opens or closes a phrase."""
_AS_STRAIGHT = str.maketrans(dict.fromkeys(_QUOTES, '"'))
# A translation, not a regular expression: compiling one cost every search ~0.5 ms.


class Unit(NamedTuple):
    """One thing the query asks for: a word, or a quoted phrase."""

    terms: tuple[str, ...]
    """The folded words; one for a word, several for a phrase."""
    phrase: bool = False
    """Quoted: exact words, consecutive, no typos, no speaker matching."""
    prefix: bool = False
    """The query's last word: may also match longer words that start with it."""


class Query(NamedTuple):
    """A query as the engine reads it."""

    units: tuple[Unit, ...]
    """The words and phrases to find, in query order."""
    ignored: tuple[str, ...] = ()
    """Common words that were dropped (the CLI can say so)."""

    @property
    def empty(self) -> bool:
        """No word at all to look for: ``""``, ``'""'`` (an empty phrase), ``"!!!"``.

        Not the same as a query of common words only ("the"), which has words but
        searches none of them (``ignored`` names them).
        """
        return not self.units and not self.ignored


def parse_query(query: str) -> Query:
    """Read a raw query string into words and phrases (see the module docstring)."""
    pieces = query.translate(_AS_STRAIGHT).split('"')
    if len(pieces) % 2 == 0:
        # An unclosed quote: its text counts as plain words.
        pieces[-2:] = [pieces[-2] + " " + pieces[-1]]
    units: list[Unit] = []
    ignored: list[str] = []
    for number, piece in enumerate(pieces):
        found = text.words(piece)
        if number % 2:
            if found:
                units.append(Unit(tuple(found), phrase=True))
            continue
        for word in found:
            if word in text.COMMON_WORDS:
                ignored.append(word)
            else:
                units.append(Unit((word,)))
    ends_with_word = bool(pieces[-1].strip()) and query.rstrip()[-1:] not in _QUOTES
    if units and ends_with_word and not units[-1].phrase:
        last = units[-1].terms[0]
        if len(last) >= MIN_PREFIX and last.isalpha():
            units[-1] = Unit(units[-1].terms, prefix=True)
    # A repeated word counts once, in its first place (keeping a prefix mark it earned last).
    unique: dict[tuple[tuple[str, ...], bool], Unit] = {}
    for unit in units:
        unique[unit.terms, unit.phrase] = unit
    return Query(tuple(unique.values())[:MAX_WORDS], tuple(dict.fromkeys(ignored)))
