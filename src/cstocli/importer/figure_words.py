"""The words figures are read with: number words, hedges, units' stops, kinds of noun.

Word lists only (no logic), kept apart from importer/figures.py so that the rules there read
on one screen and these lists can grow without crowding them.
"""

from __future__ import annotations

SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip

TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip

CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}

# A currency written as a code or a country's dollar before the amount ("US$300m",
# "A$5m", "CHF 2m", "EUR 3m"): capitals only, so "eur" or "chf" in prose are no currency.
CURRENCY_CODES = {
    "US$": "US dollars", "A$": "Australian dollars", "AU$": "Australian dollars",
    "C$": "Canadian dollars", "CA$": "Canadian dollars", "HK$": "Hong Kong dollars",
    "NZ$": "New Zealand dollars", "S$": "Singapore dollars", "CHF": "Swiss francs",
    "EUR": "euros", "USD": "US dollars", "GBP": "pounds", "JPY": "yen",
    "CAD": "Canadian dollars", "AUD": "Australian dollars",
}  # fmt: skip

# A scale glued to an amount of money in news copy ("$1.5bn", "€3m", "$400k"). Only after a
# currency sign: a bare "3m" or "10k" may be metres or a race.
SCALE_ABBREVIATIONS = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
}  # fmt: skip

QUALIFIERS = (
    "no more than", "no fewer than", "no less than", "in excess of", "as many as",
    "as much as", "more than", "fewer than", "less than", "at least", "at most", "just over",
    "just under", "well over", "close to", "up to", "approximately", "roughly", "around",
    "nearly", "almost", "about", "some", "over", "under", "only", "another", "an estimated",
    "an additional", "within",
)  # fmt: skip

# A unit stops at these: they start a new clause or phrase, not a noun phrase.
STOP_WORDS = frozenset(
    """
    a an the of and or but nor in on at to for with by from into onto than as that which who
    whom whose this these those it its is are was were be been being am have has had do does
    did will would shall should can could may might must not no so too very also only alone
    each every all both per while when where during since until after before about over under
    up down out took take takes taken made make makes came come comes went go goes met meet
    saw see sees seen
    said say says gave give gives got get gets held hold holds left leave leaves there here
    again already still just more most less least them they we he she i you us our ours their
    theirs his her hers my mine your yours
    """.split()  # noqa: SIM905 -- a long word list reads best as prose
)

MONTHS = frozenset(
    (
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec",
    )
)  # fmt: skip

PERIODS = frozenset(
    """
    years months weeks days hours minutes decades summers winters seasons nights
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)

# Plurals without an "s": a count of people ends there ("600 people stayed").
IRREGULAR_PLURALS = frozenset(
    """
    people children men women staff police personnel cattle feet teeth geese mice
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)

# Counting words that say nothing alone: the "of" phrase after them is what is counted
# ("2,000 units of equipment"). After any other noun the "of" phrase says what the amount
# is made of, and the count is the noun's ("18 kilometres of coast", "2,000 packets").
CLASSIFIERS = frozenset(
    """
    units pieces items pairs sets kinds types sorts rounds cases
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)

# Money named after the number ("a 240 million euro contract"): the unit ends there.
MONEY_WORDS = frozenset(
    """
    euro euros dollar dollars pound pounds yen yuan francs rupees roubles rubles
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)

# A rate after a unit of time or distance makes another unit, a frequency or a speed ("six
# days a week", "70 miles an hour": 70 miles is a distance). A count of things per period
# stays a count ("4,800 cars a day" counts cars).
RATED = frozenset(
    """
    seconds minutes hours days nights weeks months shifts miles kilometres km
    kilometers metres meters feet knots
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
