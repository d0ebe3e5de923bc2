"""What a number counts: the short noun phrase after it (``importer.figures`` finds the number).

At most four words, ending at punctuation, a function word, a common verb, a capitalised
word, a money word or a plural, and never a participle alone ("40 starting in April"); "of"
and one more noun join a counting word ("2,000 units of equipment"), and a plural possessive
ends the phrase ("10 days' notice"). A guess the corrections file can fix.
"""

from __future__ import annotations

import re

from cstocli.importer.figure_words import CLASSIFIERS, IRREGULAR_PLURALS, MONEY_WORDS, STOP_WORDS

_UNIT_WORDS = 4
_UNIT_WORD = re.compile(r"\s+([^\W\d_][\w'\u2019-]*)")


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
