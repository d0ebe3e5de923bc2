"""Find the numbers an article states: value, unit, qualifier and the phrase's span.

Pure text in, phrases out. What counts as a figure:

- digits, with thousands separators or decimals (``13,000``, ``1.2``), optionally scaled
  (``1.2 million``), a percentage (``1%``, ``98 percent``, ``per cent``) or money (``$5``,
  with a scale glued on: ``$1.5bn``, ``€3m``, ``$400k``);
- number words from two to ninety-nine, hyphenated or not, optionally scaled (``six states``,
  ``ninety-eight percent``, ``two hundred``); a number word counts only with a unit after it,
  and "one" only when scaled, because "one of the topics" is no count;
- an optional hedge before it (``about``, ``up to``, ``more than``, ``less than``, ``over``,
  ``under``...), kept as the ``qualifier``.

What does not count: years (a bare 4-digit number from 1000 to 2199 with no hedge, no scale
and no percent: "in 2017" is a date), day numbers next to a month name ("November 30"),
ordinals ("25th"), clock times ("10:30"), numbers glued to letters ("G20"), and vague
quantities without a noun ("by the hundreds"). A vague plural with a noun ("hundreds of
victims", "dozens of", "thousands of", "millions of") is a figure that keeps its words and
has no value: any number would be invented ("hundreds" is not 200).

The unit is the short noun phrase after the number (at most four words, stopping at
punctuation, a function word, a common verb, a capitalised word or a plural), so it is a
guess the corrections file can fix. An "of" phrase joins it only after a counting word
("2,000 units of equipment"; "18 kilometres of coast" counts kilometres); a range is its
lower end ("six to eight weeks"); a part of a whole counts what the whole does ("40 of the
ward's 52 staff"), a proportion is one figure whose unit names the base ("3 in 10
residents": 3, "in 10 residents", so proportions of one base compare); a rate joins a
unit of time or distance ("70 miles an hour"). Clock times ("2.45 pm"), references
("clause 4"), page furniture ("3 min read") and a copied PDF's line numbers are no counts.
The word lists live in importer/figure_words.py.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from cstocli.importer import figure_starts
from cstocli.importer.figure_starts import trie
from cstocli.importer.figure_units import proportion_after, unit_after
from cstocli.importer.figure_words import (
    CURRENCIES,
    CURRENCY_CODES,
    MONTHS,
    PERIODS,
    QUALIFIERS,
    RATED,
    SCALE_ABBREVIATIONS,
    SCALES,
    SMALL,
    TENS,
)
from cstocli.model import Span
from cstocli.text import split_sentences

_UNITS_UNDER_TEN = [word for word, value in SMALL.items() if value < 10]
_WORD_NUMBER = (
    "(?:" + trie(list(TENS)) + r"(?:[-\s]" + trie(_UNITS_UNDER_TEN) + ")?|"
    + trie(list(SMALL)) + ")"
)  # fmt: skip
_SCALE = r"(?:(?:\s+|-)(?P<scale>" + trie(list(SCALES)) + r"))?"  # "$3.2-billion" too
_PERCENT = r"(?P<percent>\s?%|\s+percent\b|\s+per\s+cent\b)?"
_QUALIFIER = r"(?:(?P<qualifier>" + trie(QUALIFIERS) + r")\s+)?"
_FIGURE = re.compile(
    r"(?:\b|(?=[$€£¥]))(?<![\w.,:])(?<!\d[-\u2013])" + _QUALIFIER  # \b first: fail fast
    + r"(?P<currency>[$€£¥]|(?-i:" + trie(sorted(CURRENCY_CODES)) + r")\s?)?"
    + r"(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    + r"(?(currency)(?P<abbreviation>" + trie(list(SCALE_ABBREVIATIONS)) + r")?)"
    + r"|(?P<words>" + _WORD_NUMBER + r"))"
    + r"(?!\w|[.,:]\d|[-\u2013]\d)" + _SCALE + _PERCENT,
    re.IGNORECASE,
)  # fmt: skip
_VAGUE_BASES = {"dozens": 12, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000}
_VAGUE = re.compile(
    r"\b(?<![\w-])(?P<vague>" + "|".join(_VAGUE_BASES) + r")\s+of(?=\s)", re.IGNORECASE
)
# What ``_matches`` looks for first: the cores of the two patterns, and how far back a
# phrase can start before its core (a currency sign, a hedge of up to three words).
_NUMBER_WORDS = figure_starts.words_pattern([*SMALL, *TENS])
_VAGUE_WORDS = figure_starts.words_pattern(_VAGUE_BASES)
_SIGNS = "".join(CURRENCIES)
_HEDGE_WORDS = max(len(hedge.split()) for hedge in QUALIFIERS)
# A count joined to its unit by a hyphen, as an adjective; "-year-old" is an age, no figure.
_JOINED_UNIT = re.compile(r"-([a-z]{3,})\b(?!-old)")
# "two of its beams", "40 of its 212 shops", "40 of the ward's 52 staff", "12 of Norway's
# counties": the whole (its owner's name too) is part of the phrase, not a figure.
_WHOLE = r"(?:\s+(?:\d{1,3}(?:,\d{3})*(?!\S*\d)|" + _WORD_NUMBER + r"))?(?=\s)"
_OWNER = r"[^\W\d_][\w-]*(?:['\u2019]s\b|s['\u2019])"
_DETERMINER = r"(?:its|the|their|our|his|her|these|those)(?:\s+" + _OWNER + ")?"
_PARTITIVE = re.compile(r"\s+of\s+(?:" + _DETERMINER + "|" + _OWNER + ")" + _WHOLE, re.I)
_FOR = re.compile(r"\b(?:for|in|of|than)\s+\Z")
_DURATION = re.compile(r"(?:over|under)\s+", re.I)
_SENTENCE_WINDOW = 600
_LINE_INDENT = 40
_RATE = re.compile(
    r"\s+(?:a|an|per|each)\s+(?:second|minute|hour|day|night|week|month|year|shift)\b", re.I
)
# A clock time read out ("2.45 pm", "nine o'clock", "ten past two"), or a number that
# names a document part, a route or a case ("clause 4", "section 12"): no count.
_CLOCK = re.compile(
    r"\s*(?:[ap]\.?m\b\.?|o['\u2019]clock\b|past\s+(?:\d|noon|midnight|" + _WORD_NUMBER + r"\b))",
    re.I,
)
_REFERENCE = re.compile(
    r"\b(?:clause|section|article|rule|chapter|page|paragraph|item|no\.|number|case|room|"
    r"route|flight|platform|gate|amendment|vol\.|volume|part|schedule|annex)\s+\Z",
    re.I,
)
# Page furniture: "3 min read", "38 min listen", "Updated 7 hours ago", "Comments 48".
_FURNITURE = re.compile(
    r"\s+(?:mins?|minutes?|hours?|days?|weeks?)\s+(?:read|listen|watch|ago)\b", re.I
)
# A range ("six to eight weeks", "10 or 12 days"): one figure, its lower bound the value.
_RANGE = re.compile(r"\s+(?:to|or)\s+", re.I)
_FROM = re.compile(r"\bfrom\s+\Z", re.I)
_AGE = re.compile(r"\b[Aa]ged?\s+\Z")
_AGE_APPOSITION = re.compile(r"[A-Z][\w'\u2019-]*[a-z],\s\Z")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class FigurePhrase:
    """A number found in the text, read into its parts."""

    value: int | float | None
    """The number itself, scaled (``1200000`` for "1.2 million"); None for "hundreds of"."""
    unit: str
    """What is counted (``units of equipment``), ``percent``, or "" when nothing follows."""
    qualifier: str | None
    """The hedge before the number, lower-cased (``up to``), or None."""
    text: str
    """The phrase verbatim, from the hedge to the end of the unit."""
    span: Span
    """Where ``text`` stands in the scanned text."""
    as_written: str
    """The number with its hedge as written (``up to 2,000``, ``six``, ``hundreds``)."""
    period: str | None
    """The year the phrase's sentence names, when it names exactly one."""


def find_figures(text: str, start: int = 0, end: int | None = None) -> tuple[FigurePhrase, ...]:
    """Every figure phrase in ``text[start:end]``, in order; spans index ``text`` itself."""
    stop = len(text) if end is None else end
    counted, vaguely = _matches(text, start, stop)
    found: list[FigurePhrase] = []
    for match in counted:
        if found and match.start() < found[-1].span[1]:
            continue  # the upper end of a range already read ("six to eight weeks")
        phrase = _read(text, match, stop)
        if phrase is not None:
            found.append(phrase)
    for match in vaguely:
        vague = _read_vague(text, match, stop)
        if vague is not None and not any(_overlap(vague.span, f.span) for f in found):
            found.append(vague)
    return _durations(text, sorted(found, key=lambda phrase: phrase.span))


def _matches(
    text: str, start: int, stop: int
) -> tuple[Iterator[re.Match[str]], Iterator[re.Match[str]]]:
    """The matches of ``_FIGURE`` and of ``_VAGUE`` in ``text[start:stop]``.

    The very matches ``finditer`` gives, tried only where a core lets one start
    (``figure_starts``).
    """
    if not figure_starts.plain(text, start, stop):
        return _FIGURE.finditer(text, start, stop), _VAGUE.finditer(text, start, stop)
    lowered = text[start:stop].lower()
    cores = figure_starts.digit_starts(text, start, stop)
    cores += figure_starts.word_starts(lowered, start, _NUMBER_WORDS)
    starts = figure_starts.hedged_starts(text, start, cores, signs=_SIGNS, hedge_words=_HEDGE_WORDS)
    vague = figure_starts.word_starts(lowered, start, _VAGUE_WORDS)
    return (
        figure_starts.matches_at(_FIGURE, text, starts, start, stop),
        figure_starts.matches_at(_VAGUE, text, vague, start, stop),
    )


def _durations(text: str, found: list[FigurePhrase]) -> tuple[FigurePhrase, ...]:
    """Read "over"/"under" as a preposition, not a hedge, where it means "during".

    "1.2 million pounds over 18 months" spends the money across 18 months, and "tracked
    bees over two summers" watched them during two summers: neither says "more than". So
    it is right after another figure, and "over" before a period of time not after "for"
    or "in" ("for over 30 years", "in over a decade" are more than).
    """
    kept = list(found)
    for index, phrase in enumerate(found):
        hedge = _DURATION.match(phrase.text)
        if phrase.qualifier not in ("over", "under") or hedge is None:
            continue
        start = phrase.span[0]
        after_figure = index > 0 and not text[found[index - 1].span[1] : start].strip()
        period = phrase.unit.split()[-1].casefold() in PERIODS if phrase.unit else False
        over = phrase.qualifier == "over"
        during = over and period and not _FOR.search(text, max(0, start - 7), start)
        if not (after_figure or during):
            continue
        begin = phrase.span[0] + hedge.end()
        kept[index] = dataclasses.replace(
            phrase,
            qualifier=None,
            text=text[begin : phrase.span[1]],
            span=(begin, phrase.span[1]),
            as_written=phrase.as_written[hedge.end() :],
        )
    return tuple(kept)


def _overlap(one: Span, other: Span) -> bool:
    """Whether two half-open spans share a character."""
    return one[0] < other[1] and other[0] < one[1]


def _read(text: str, match: re.Match[str], stop: int) -> FigurePhrase | None:
    """Turn one regex match into a figure, or None when it is a date, ordinal or vague word."""
    qualifier, digits, words = match["qualifier"], match["digits"], match["words"]
    scale, percent = match["scale"], match["percent"]
    if digits is not None:
        value: float = float(digits.replace(",", ""))
        if qualifier is None and scale is None and not percent and _is_year(digits):
            return None
        if _next_to_month(text, match.start("digits"), match.end("digits")):
            return None
    else:
        value = _word_value(words)
        # "some six" is rare; "some one" / "some two of them" are not counts, nor "one of";
        # "one in five adults" is a proportion.
        proportion = proportion_after(text, match.end(), stop)[0]
        if (value == 1 and scale is None and not proportion) or (qualifier or "").lower() == "some":
            return None
    if scale is not None:
        value *= SCALES[scale.lower()]
    if match["abbreviation"]:
        value *= SCALE_ABBREVIATIONS[match["abbreviation"].lower()]  # "$1.5bn"
    if _not_a_count(text, match, stop):
        return None
    unit, unit_end = _unit_of(text, match, stop)
    if not unit and not match["currency"]:
        unit, unit_end = _range_unit(text, match, stop)
    rated = bool(unit) and unit.split()[-1].lower() in RATED
    rate = _RATE.match(text, unit_end, stop) if rated else None
    if rate is not None:
        unit_end = rate.end()  # "70 miles an hour": the rate is part of what is said
    if words is not None and not unit:
        return None  # "the two of them": a number word with no unit is a pronoun, not a count
    begin = match.start()
    age = _AGE.search(text, max(0, begin - 6), begin)
    if not unit and age is not None and qualifier is None:
        unit, begin = "years", age.start()  # "a teenager, age 16": an age in running text
    phrase = text[begin:unit_end]
    # A 400-digit number reads as infinity: it stays a float, and the caller drops it.
    number = int(value) if math.isfinite(value) and value == int(value) else value
    return FigurePhrase(
        value=number,
        unit=unit,
        qualifier=" ".join(qualifier.lower().split()) if qualifier else None,
        text=phrase,
        span=(begin, unit_end),
        as_written=text[begin : match.end()],
        period=_sentence_year(text, begin, unit_end),
    )


def _not_a_count(text: str, match: re.Match[str], stop: int) -> bool:
    """Whether a number is a clock time, a reference, furniture or a printed line number."""
    begin, end = match.start(), match.end()
    if match["percent"] or match["currency"]:
        return False
    if _CLOCK.match(text, end, stop) or _FURNITURE.match(text, end, stop):
        return True
    if _REFERENCE.search(text, max(0, begin - 14), begin):
        return True
    aged = _AGE_APPOSITION.search(text, max(0, begin - 40), begin) is not None
    if aged and match["digits"] is not None and text[end : end + 1] == "," and not match["scale"]:
        return True  # "Daniel Kerr, 34, was arrested": an age set off after a name
    # A copied PDF's line number: first on its line, then a run of spaces ("12   morning").
    # Looked for in a bounded window, so a long line of numbers costs linear time.
    window = max(0, begin - _LINE_INDENT)
    newline = text.rfind("\n", window, begin)
    if newline < 0 and window > 0:
        return False  # no line start within reach: the number stands inside a line
    gap = re.match(r"[ \t]{2,}|\t", text[end : min(stop, end + 4)])
    indent = text[newline + 1 : begin]
    return not indent.strip() and gap is not None and match["digits"] is not None


def _range_unit(text: str, match: re.Match[str], stop: int) -> tuple[str, int]:
    """The unit of a range's upper end, for its lower end ("six to eight weeks").

    "from 5 to 10 percent" is a change, not a range: the figure is where it ended.
    """
    if _FROM.search(text, max(0, match.start() - 6), match.start()):
        return "", match.end()
    joint = _RANGE.match(text, match.end(), stop)
    upper = _FIGURE.match(text, joint.end(), stop) if joint is not None else None
    if upper is None or upper["qualifier"] or upper["currency"]:
        return "", match.end()
    if upper["percent"]:
        return "percent", upper.end()
    return unit_after(text, upper.end(), stop)


def _unit_of(text: str, match: re.Match[str], stop: int) -> tuple[str, int]:
    """What a number counts and where that ends: percent, a currency, or the words after it."""
    if match["percent"]:
        return "percent", match.end()
    if match["currency"]:
        sign = match["currency"].strip()
        return CURRENCIES.get(sign) or CURRENCY_CODES[sign], match.end()
    unit, unit_end = unit_after(text, match.end(), stop)
    joined = _JOINED_UNIT.match(text, match.end(), stop)
    if not unit and joined is not None:
        word = joined[1]  # "a 12-year tenure", "a 41-page ruling", "a two-hour meeting"
        return (word if word.endswith("s") else f"{word}s"), joined.end()
    if not unit and not match["scale"]:
        proportion, proportion_end = proportion_after(text, match.end(), stop)
        if proportion:
            return proportion, proportion_end
    partitive = _PARTITIVE.match(text, match.end(), stop)
    if not unit and partitive is not None:
        unit, unit_end = unit_after(text, partitive.end(), stop)  # "two of its beams"
        unit_end = unit_end if unit else match.end()
    return unit, unit_end


def _read_vague(text: str, match: re.Match[str], stop: int) -> FigurePhrase | None:
    """Read "hundreds of victims": its words and unit, no value and no invented hedge."""
    word = match["vague"]
    if re.search(
        r"\b(?:tens|dozens|hundreds|thousands)\s+of\s+$",
        text[max(0, match.start() - 20) : match.start()],
        re.I,
    ):
        return None  # the tail of "hundreds of thousands of ...": no least value to read
    unit, unit_end = unit_after(text, match.end(), stop)
    if not unit or unit.split()[0].lower() in _VAGUE_BASES:
        return None  # "hundreds of thousands" is another phrase; leave it to corrections
    begin = match.start()
    return FigurePhrase(
        value=None,
        unit=unit,
        qualifier=None,
        text=text[begin:unit_end],
        span=(begin, unit_end),
        as_written=word,
        period=_sentence_year(text, begin, unit_end),
    )


def _is_year(digits: str) -> bool:
    """Whether a bare number reads as a year ("2017"), which is a date, not a count."""
    return len(digits) == 4 and digits.isdigit() and 1000 <= int(digits) <= 2199


def _next_to_month(text: str, begin: int, end: int) -> bool:
    """Whether the number is a day of a month ("November 30", "30 November")."""
    # Only a month right beside it: "Since January, 11 routes" counts routes.
    before = re.search(r"([A-Za-z]+)\.?[ \t]+\Z", text[max(0, begin - 12) : begin])
    after = re.match(r"[ \t]+([A-Za-z]+)", text[end : end + 12])
    near = [found[1].lower() for found in (before, after) if found is not None]
    return any(word in MONTHS for word in near)


def _word_value(words: str) -> float:
    """Return the value of a number word such as ``ninety-eight`` or ``six``."""
    total = 0
    for part in re.split(r"[-\s]+", words.lower()):
        total += TENS.get(part, 0) + SMALL.get(part, 0)
    return float(total)


def _sentence_year(text: str, begin: int, end: int) -> str | None:
    """Return the one year the sentence around ``[begin, end)`` names, if exactly one."""
    # Within a bounded window: a sentence longer than that is read in part, not in full, so
    # that a huge one-line paragraph costs time in proportion to its length.
    window = max(0, begin - _SENTENCE_WINDOW)
    line_start = max(window, text.rfind("\n", window, begin) + 1)
    limit = min(len(text), end + _SENTENCE_WINDOW)
    line_end = text.find("\n", end, limit)
    stretch_end = limit if line_end == -1 else line_end
    # The one sentence rule (text.split_sentences), applied to the figure's line.
    sentence_start, sentence_end = line_start, stretch_end
    for start, stop in split_sentences(text[line_start:stretch_end]):
        if line_start + start <= begin < line_start + stop:
            sentence_start, sentence_end = line_start + start, line_start + stop
            break
    years = {
        m[1]
        for m in _YEAR.finditer(text, sentence_start, sentence_end)
        if not begin <= m.start() < end  # the figure's own digits are no year
    }
    return years.pop() if len(years) == 1 else None
