"""The role a news story states around a name: before it, set off before it, or after it.

``mentions`` finds the names; this reads the words around one: title words and the words
just before the name ("Fire chief Farida Hadjiyeva"), a noun phrase set off by a comma before
it ("The transit authority's finance chief, NAME,", "His manager, NAME,"), or an apposition
after it ("NAME, the port director,"), telling a role from an age, a relative clause or the
sentence's predicate.
"""

from __future__ import annotations

import re

from cstocli.importer.mention_words import (
    CLAUSE_WORDS,
    PLACE_PREPOSITIONS,
    ROLE_NOUNS,
    ROLE_STOPS,
    TITLES,
)
from cstocli.importer.titles import is_title_word

PHRASE = 300
"""How far before or after a name a role phrase is looked for (a bound on the work)."""
_ARTICLES = frozenset(("the", "a", "an"))
_AFTER_VERB = re.compile(
    r"(?:said|says|added|adds|wrote|writes|explained|noted)\s+(?=(?:the|a|an)\s)"
)
_SOURCE_WORDS = frozenset(("from", "by", "with", "for", "to"))
_APPOSITION = re.compile(r",\s+([^,.;:!?()]+?)\s*(?=[,.;:!?]|\s+said\b|\Z)")
_ROLE_WORDS = 10
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten twelve twenty thirty forty fifty".split()  # noqa: SIM905
)


def role_before(prose: str, start: int, titles: list[str]) -> str | None:
    """The role written before a name: its title words and the words just before them."""
    words: list[str] = []
    cursor = start
    while True:
        found = re.search(
            r"((?:[^\W\d_]\.){2,}|[\w'\u2019\-]+)\s+\Z", prose[max(0, cursor - 60) : cursor]
        )
        if found is None:
            break
        word = found[1]
        folded = word.casefold()
        if word[0].isdigit() or folded in _NUMBER_WORDS:
            words = []  # "For 30 years Ann Lee has...": a measure, no role
            break
        if folded.endswith("ed") and folded not in ROLE_STOPS:
            opens = prose[: cursor - len(found[0])].rstrip()[-1:] in ("", ",", ".", "!", "?")
            words[:0] = [word] if opens else []  # "In X, retired nurse NAME": an adjective
            break
        if folded == "and" and _joins_portfolio(prose, cursor - len(found[0]), words or titles):
            pass  # "Health and Transport Minister NAME": one role of two portfolios
        elif folded in ROLE_STOPS or folded in CLAUSE_WORDS or not any(c.isalpha() for c in word):
            break
        words.insert(0, word)
        cursor -= len(found[0])
        if len(words) == 4:
            break
    role = " ".join([*words, *titles]).strip()
    if role:
        return role
    return fronted_role(prose, start)


def _joins_portfolio(prose: str, at: int, after: list[str]) -> bool:
    """Whether the "and" ending at ``at`` joins two capitalised words of one role.

    "said Health and Transport Minister NAME": the word before "and" is capitalised, no
    title, and opens the role (no capitalised word before it: "Mayor Lee and Councillor
    NAME" is two people).
    """
    if not after or not after[0][:1].isupper():
        return False
    found = re.search(
        r"(?:\A|([\w'\u2019.-]+)\s+)([\w'\u2019-]+)\s+\Z", prose[max(0, at - 60) : at]
    )
    if found is None or not found[2][:1].isupper() or is_title_word(found[2]):
        return False
    return found[1] is None or not found[1][:1].isupper()


def fronted_role(prose: str, start: int) -> str | None:
    """A noun phrase set off before the name: "The port's director, Ingrid Berg," -> role."""
    head = prose[max(0, start - PHRASE) : start].rstrip()
    if not head.endswith(","):
        return None
    opening = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head[:-1].rfind(", "))
    phrase = head[opening + 1 : -1].strip()  # after "In a statement," too
    phrase = re.sub(r"\AAs\s+(?=the\s)", "", phrase)  # "As the head of X, NAME, put it"
    verb = _AFTER_VERB.match(phrase)  # '"...," said a spokesperson for the mayor, NAME.'
    words = phrase[verb.end() :].split() if verb else phrase.split()
    if verb and 2 <= len(words) <= 9 and not CLAUSE_WORDS.intersection(words):
        return without_article(" ".join(words))
    # Mid-sentence after "from", "by"...: "the message from the union's head, NAME,".
    for at in range(len(words) - 2, 0, -1):
        if words[at] in ("the", "a", "an", "its") and words[at - 1] in _SOURCE_WORDS:
            words = words[at:]
            phrase = " ".join(words)
            break
    # "His manager, NAME,": a possessive pronoun before a noun of role states that role
    # ("her oldest friend", "her son": a relation, no role).
    if (
        2 <= len(words) <= 4
        and words[0].casefold() in ("his", "her", "their")
        and words[-1].casefold() in TITLES | ROLE_NOUNS
    ):
        return " ".join(words[1:])
    # "Lorvik's fisheries minister, NAME,": a possessive opens the phrase as "the" does.
    # "Dunmore Rail's managing director, NAME,": so does a possessive name of two words.
    owned = any(
        w.endswith(("'s", "\u2019s")) and all(x[:1].isupper() for x in words[: i + 1])
        for i, w in enumerate(words[:3])
    )
    if not 2 <= len(words) <= 9 or (
        words[0].casefold() not in ("the", "a", "an", "its") and not owned
    ):
        return None
    if any(w.casefold() in ROLE_STOPS - {"the", "a", "an", "its", "of"} for w in words[1:]):
        return None
    return without_article(phrase)


def apposition(prose: str, end: int, *, set_off: bool = False) -> tuple[str | None, str]:
    """The role after a name, ", the port director," and the whole apposition as written.

    ``set_off``: the name itself follows a comma ("One neighbour, NAME, spoke ..."), so
    what follows its own comma may be the sentence's predicate.
    """
    found = _APPOSITION.match(prose[end : end + PHRASE])
    if found is not None and found[1].strip().isdigit():
        # "Grace Lee, 52, an intensive care nurse,": the age, then the apposition; but in
        # "Eirik Moen, 68, did not seem to notice." the words after the age are the predicate.
        end += found.end()
        found = _APPOSITION.match(prose[end : end + PHRASE])
        first = found[1].split()[0] if found is not None and found[1].split() else ""
        if first.casefold() not in _ARTICLES and not is_title_word(first):
            return None, ""
    if found is None:
        return None, ""
    raw = found[1].strip()
    closed = prose[end + found.end() : end + found.end() + 1] == ","
    if not closed and len(raw.split()) > 1 and _present_verb(raw.split()[0]):
        return None, ""  # "her friend, Ann Lee, comes in at five.": the predicate, no role
    first = raw.split()[0] if raw else ""
    if set_off and not closed and first.islower() and first not in _ARTICLES:
        # "Her co-author, Professor Ann Lee, put it plainly:": a name set off by commas on
        # both sides is the apposition; the unclosed words after it are the predicate.
        return None, ""
    role = _role_words(raw.split())
    if role is None:
        return None, ""
    cut = re.search(r"\s+and\s+(?=[a-z]).*[A-Z]|,?\s+and\s+(?:no|not|unrelated)\b", role)
    if cut is not None:
        # "the captain and son of coach Lena Brandt"; "a hydrologist and no relation" (not
        # "President and Chief ...": a capital starts no new phrase of its own)
        role = role[: cut.start()]
    return without_article(role), raw


def _present_verb(word: str) -> bool:
    """Whether a lower-case word reads as a verb in the present ("comes", "runs", "says")."""
    return word.islower() and word.endswith("s") and not word.endswith(("ss", "'s", "\u2019s"))


def _role_words(words: list[str]) -> str | None:
    """The role an apposition's words state, or None when they are no role."""
    if not words or words[0][0].isdigit():
        return None  # "Teodor Lukic, 71,": an age
    first = words[0].casefold()
    after_first = words[1].casefold() if len(words) > 1 else ""
    # "who represents...", "said...", "joined him", "standing outside the hall": what they
    # do, not what they are ("managing director" is a role: a noun follows its -ing).
    if (
        (first in ROLE_STOPS and first not in _ARTICLES)
        or first.endswith("ed")
        or (first.endswith("ing") and after_first in ROLE_STOPS | PLACE_PREPOSITIONS | {""})
    ):
        return None
    clause = next((i for i, w in enumerate(words) if w.casefold() in CLAUSE_WORDS), None)
    if clause is not None and words[clause].casefold() not in ("who", "whom", "whose", "which"):
        return None  # "the worst night was in 1997": a clause, not a role
    if clause is not None:
        words = words[:clause]  # "a surgeon at the infirmary who designed the pilot"
    if not words or len(words) > _ROLE_WORDS:
        return None  # however long the clause after it, a role itself is a few words
    titled = is_title_word(words[0]) or first in TITLES
    if words[0][0].isupper() and first not in _ARTICLES and not titled:
        return None  # "Jane Doe, Anna Berg and ...": a list of names
    return " ".join(words) or None


def without_article(role: str) -> str:
    """The role without a leading article, unless a possessive follows ("the city's mayor")."""
    words = role.split(maxsplit=1)
    if len(words) < 2 or words[0].casefold() not in ("the", "a", "an", "its"):
        return role
    possessive = words[1].split()[0].endswith(("'s", "\u2019s"))
    return role if words[0] == "the" and possessive else words[1]
