"""What a number counts: the short noun phrase after it (``importer.figures`` finds the number).

At most four words, ending at punctuation, a function word, a common verb, a capitalised
word, a money word or a plural, and never a participle alone ("40 starting in April"); "of"
and one more noun join a counting word ("2,000 units of equipment"), and a plural possessive
ends the phrase ("10 days' notice"). After a proportion's base ("3 in 10 residents") the
unit holds the base. A guess the corrections file can fix.
"""

from __future__ import annotations

import re

from cstocli.importer.figure_starts import trie
from cstocli.importer.figure_words import (
    CLASSIFIERS,
    IRREGULAR_PLURALS,
    MONEY_WORDS,
    PERIODS,
    SMALL,
    STOP_WORDS,
    TENS,
)

_UNIT_WORDS = 4
_UNIT_WORD = re.compile(r"\s+([^\W\d_][\w'\u2019-]*)")
# "3 in 10 residents", "one in five adults", "4 out of 10 voters": a proportion, one figure
# whose unit says the base ("in 10 residents"), so that proportions of one base compare.
_BASE_WORD = f"{trie(list(TENS))}(?:-{trie(list(SMALL))})?|{trie(list(SMALL))}"
_PROPORTION = re.compile(
    r"\s+(?:in|out\s+of|of\s+every)\s+(?:\d{1,3}(?:,\d{3})*(?![\d.,:]\d)|" + _BASE_WORD + r")\b",
    re.I,
)


def unit_after(text: str, position: int, stop: int) -> tuple[str, int]:
    """Read the noun phrase after a number; return it and where it ends (at most four words).

    The phrase ends at a stop word or a capitalised word, and right after a plural noun
    ("20 major terrorist acts", "six states signed"), unless "of" and one more noun follow
    ("2,000 units of equipment").
    """
    words: list[str] = []
    end = cursor = position
    while len(words) < _UNIT_WORDS:
        match = _UNIT_WORD.match(text, cursor, stop)
        if match is None or "\n" in text[cursor : match.start(1)]:
            break
        word = match[1]
        if word.lower() in STOP_WORDS or word[0].isupper():
            break
        if word.endswith(("'", "\u2019")):  # "10 days' notice": a plural possessive ends it
            words.append(word[:-1])
            end = match.end()
            break
        words.append(word)
        end = cursor = match.end()
        if word.lower() in MONEY_WORDS:
            break
        if _is_plural(word):
            following = _of_noun(text, end, stop) if word.lower() in CLASSIFIERS else None
            if following is not None and len(words) < _UNIT_WORDS - 1:
                words.extend(text[end:following].split())
                end = following
            break
    if len(words) == 1 and _is_participle(words[0]):
        return "", position  # "another 40 starting in April": what they do, not what they are
    return " ".join(words), end


# Nouns that end as participles do ("one meeting"): a unit even alone.
_ING_NOUNS = frozenset(
    """
    morning evening meeting building wedding ceiling painting booking sibling offering
    setting serving helping
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)


def _is_participle(word: str) -> bool:
    """Whether a lone word after a number is a participle ("starting"), not a noun."""
    lower = word.lower()
    return len(lower) > 5 and lower.endswith("ing") and lower not in _ING_NOUNS


def _is_plural(word: str) -> bool:
    """Whether a word looks like a plural noun, which ends a unit ("acts", "tonnes")."""
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return True
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def _of_noun(text: str, position: int, stop: int) -> int | None:
    """Where "of <noun>" right after ``position`` ends, if that is what follows."""
    of = _UNIT_WORD.match(text, position, stop)
    if of is None or of[1].lower() != "of" or "\n" in text[position : of.start(1)]:
        return None
    noun = _UNIT_WORD.match(text, of.end(), stop)
    if noun is None or noun[1].lower() in STOP_WORDS or noun[1][0].isupper():
        return None
    if "\n" in text[of.end() : noun.start(1)]:
        return None
    return noun.end()


_COUNTED = re.compile(r"(?:\d|(?:" + _BASE_WORD + r")\b)", re.I)


def proportion_after(text: str, end: int, stop: int) -> tuple[str, int]:
    """The unit of a proportion after a number ("in 10 residents"), or "" where none is.

    A period after it makes a duration, no proportion: "2 in 10 minutes" counts minutes.
    "of every" is one too ("2 of every 3 nurses"); a proportion with no noun of its own
    ("1 in 5", "1 in 5 two years ago") has its base for unit.
    """
    base = _PROPORTION.match(text, end, stop)
    if base is None:
        return "", end
    unit, unit_end = unit_after(text, base.end(), stop)
    if unit and unit.split()[-1].casefold() in PERIODS and not _COUNTED.match(unit):
        return "", end
    if not unit or _COUNTED.match(unit):
        # "up from 1 in 5 two years ago": the words after the base count something else;
        # the proportion is "1 in 5" alone.
        return " ".join(text[end : base.end()].split()), base.end()
    return " ".join(text[end:unit_end].split()), unit_end
