"""Speaker names: their slugs, and whether two label names are one person.

Two names are the same person when they are equal once case, accents, curly apostrophes
and honorifics are folded away ("MS SMITH", "Ms Smith"); when one is the other's ending
("Putin" after "Vladimir Putin", "Tayyip Erdoğan" inside "Recep Tayyip Erdoğan"); or when
they are two transliterations: the same number of words, the surnames alike (RapidFuzz ratio
of at least 85 after folding "ks" to "x" and "y" to "i") and the first names alike (ratio of
at least 75, or the same initial when one is an initial). "Lukashenka" meets "Lukashenko",
"Aleksandr" meets "Alexander"; "Ilham Aliyev" never meets "Heydar Aliyev".

Also what stands beside a name without naming anyone: a list of names and titles after a
label's colon (``is_listing``), and what brackets after a name hold, a seat, a party or an
office (``is_place``, ``is_party``, ``bracket_office``).
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from rapidfuzz.fuzz import ratio

from cstocli.importer.titles import is_title_word
from cstocli.text import fold_letters

Kinship = Literal["same", "part", "spelling"]

HONORIFICS = frozenset(
    (
        *("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx", "honorable", "honourable"),
        *("hon", "shri", "shrimati", "smt", "kumari", "sushri"),
    )
)
"""Forms of address before a name, ignored when names are compared ("Dr", "Ms", "Hon.",
and South Asian parliaments' "Shri" and "Shrimati")."""
_LISTING_WORD = re.compile(r"[A-Z\u00c0-\u00de][\w'\u2019.-]*|of|the|and|for|de|da|van|von|bin|al")
_TOKEN = re.compile(r"[^\W\d_][\w'\u2019.\-]*\Z")
_SURNAME_SIMILARITY = 85.0
_GIVEN_SIMILARITY = 75.0


def slug(name: str) -> str:
    """The id of a speaker named ``name``: lower-case words joined by hyphens."""
    return "-".join(re.findall(r"[^\W_]+", fold_letters(name)))


@functools.lru_cache(maxsize=4096)  # the same few labels are compared over and over
def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name, honorifics dropped: what comparisons look at."""
    words = tuple(re.findall(r"[^\W_][\w-]*", fold_letters(name)))
    kept = tuple(w for w in words if w.rstrip(".") not in HONORIFICS)
    return kept or words


def kinship(one: str, other: str) -> Kinship | None:
    """How two label names are the same person (see the module docstring), or None."""
    a, b = name_words(one), name_words(other)
    if not a or not b:
        return None
    if a == b:
        return "same"
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    if len(shorter) < len(longer) and longer[-len(shorter) :] == shorter:
        return "part"
    return "spelling" if _transliterations(a, b) else None


def _transliterations(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two folded names of as many words are two spellings of one name."""
    if len(a) != len(b) or len(a) < 2:
        return False
    if ratio(_spelling(a[-1]), _spelling(b[-1])) < _SURNAME_SIMILARITY:
        return False
    first_a, first_b = a[0].rstrip("."), b[0].rstrip(".")
    if min(len(first_a), len(first_b)) == 1:
        return first_a[0] == first_b[0]
    return ratio(_spelling(first_a), _spelling(first_b)) >= _GIVEN_SIMILARITY


def surname_key(name: str) -> str:
    """Where to look for a name's kin: the first two letters of its last word.

    Spelled as ``kinship`` compares it, every kin shares it ("Putin" with "Vladimir Putin",
    "Lukashenka" with "Lukashenko"), so a roster need not compare a label with everyone.
    """
    words = name_words(name)
    return _spelling(words[-1])[:2] if words else ""


def _spelling(word: str) -> str:
    """Fold the letters transliterations disagree on (Aleksandr/Alexander, Yuri/Iurii)."""
    return word.replace("ks", "x").replace("y", "i").replace("ii", "i")


def is_listing(speech: str) -> bool:
    """Whether the words after a label's colon are only names and titles.

    "WITNESS: ANN LEE, ADMINISTRATOR" is a participant list's line, not a turn; so is a
    panel's "I: Dr Ann Lee, Director, Agency; and Bo Vale, Leader, Council." (a semicolon
    between people, a full stop closing the list).
    """
    parts = speech.rstrip().split(";")
    if len(parts) > 1:
        parts[-1] = parts[-1].rstrip(".")
    return all(_lists_one(re.sub(r"\A\s*(?:and|&)\s+", "", part)) for part in parts)


def _lists_one(speech: str) -> bool:
    """Whether words are only one name and its title ("ANN LEE, ADMINISTRATOR")."""
    words = speech.replace(",", " ").split()
    if not words or len(words) > 10 or speech.rstrip().endswith(tuple('.?!"\u201d)')):
        return False
    return all(_LISTING_WORD.fullmatch(word) for word in words)


def names_holder(rest: str) -> bool:
    """Whether the words after a part's colon name who holds it ("Dr Jo Vale, hydrologist").

    A name of two words or more and a role in lower case, with no sentence's end, are a
    cast list's line; "Thanks, Ann." is speech.
    """
    if len(rest) > 200:
        return False
    if is_listing(rest):
        return True
    name, comma, role = rest.strip().partition(",")
    return (
        bool(comma)
        and len(name.split()) >= 2
        and is_listing(name)
        and not role.rstrip().endswith(tuple('.?!"\u201d)'))
    )


def without_party(inside: str) -> str:
    """Brackets' words without a party after a comma ("Minister of Housing, Lib.")."""
    before, comma, party = inside.rpartition(",")
    return before if comma and is_party(party) else inside


def bracket_office(inside: str) -> str | None:
    """The role brackets give, or None.

    "(Tarrant—Minister for Water)" is a seat, then the office; "(Kestrel Lake—Ridgeview)"
    two places, a seat only; other brackets give their words.
    """
    seat, dash, office = inside.replace("\u2013", "\u2014").partition("\u2014")
    if dash and is_place(seat):
        return office.strip() if any(is_title_word(w) for w in office.split()) else None
    return inside.strip() or None


def is_place(words: str) -> bool:
    """Whether brackets after a name hold a place only ("Ruritania", "Rivière-aux-Saules")."""
    tokens = words.split()
    return 1 <= len(tokens) <= 4 and all(
        _TOKEN.match(t)
        and t[:1].isupper()
        and not re.match(r"[A-Z]-", t)  # "R-Ohio": a party and a state
        and ("-" not in t or not t.isupper())
        and not is_title_word(t)
        for t in tokens
    )


def is_party(words: str) -> bool:
    """Whether brackets after a name hold a party's short name ("CDU/CSU", "SNP", "Lib.")."""
    party = words.strip()
    if re.fullmatch(r"[A-Z][a-z]{1,3}\.", party):
        return True  # "Lib.", "Ind.": a parliament's party, shortened
    return (
        re.fullmatch(r"[A-Z]{1,5}(?:[/-][A-Z]{1,5})*", party) is not None
        and sum(c.isupper() for c in party) >= 2
    )
