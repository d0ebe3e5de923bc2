"""The people a news story names: where it names them, with the role and sex the text gives.

A person is named by two or more capitalised words ("Maria Lindqvist", "Jakob Ferreira da
Silva"); a later single word that ends a known name ("Lindqvist") is that person again.
Capitalised runs that name organisations or places ("Allied Nurses Union", "Elm Row") are
told apart by their last word or a possessive, and in any case become speakers only when the
story reports their words. The role is what the text states at a full-name mention:

- before the name: title words inside the capitalised run ("Press Secretary Josh Earnest",
  "Mayor Valeria Castellano") and the words just before it ("Fire chief Farida Hadjiyeva",
  "said health authority spokeswoman Carmen Iturbide", "coach Lena Brandt"); or a noun
  phrase set off by a comma ("The transit authority's finance chief, Desmond Kwarteng,");
- after the name, an apposition between commas ("Maria Lindqvist, the port director,"), its
  article dropped unless a possessive follows it ("the city's mayor" keeps "the"); an age
  ("Teodor Lukic, 71,") or a relative clause ("who represents the east side") is no role
  (``mention_roles`` reads these).

The sex of a person, which pronouns need, comes only from the text: an honorific ("Ms"), a
role or kinship word ("spokeswoman", "son of"), or a sentence that names only them and uses
only "she"/"her" or only "he"/"his" outside quotations. Nothing else is guessed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

from cstocli.importer.mention_roles import apposition, fronted_role, role_before
from cstocli.importer.mention_words import (
    BODY_NOUNS,
    FEMALE_WORDS,
    INSTITUTIONS,
    MALE_WORDS,
    NOT_NAMES,
    PARTICLES,
    PLACE_PREPOSITIONS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    TITLES,
)
from cstocli.importer.names import HONORIFICS
from cstocli.importer.titles import is_title_word

Sex = Literal["f", "m"]

# A word of a name, or initials with their full stops ("U.S.", "J.").
_NAME_TOKEN = re.compile(r"(?:[^\W\d_]\.)+(?![\w'\u2019])|[^\W\d_][\w'\u2019\-]*")
# How far around a name its role and context are looked for: bounded, so that a huge
# paragraph costs time in proportion to its length.
_NEAR = 40
_PHRASE = 300
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+\Z")
# A nickname in marks between a given name and a surname: 'Jonah "Jet" Mbatha'.
NICKNAME = r" [\"\u201c\u2018'][A-Z][\w-]*(?: [A-Z][\w-]*)?[\"\u201d\u2019'] (?=[A-Z])"
_NICKNAME = re.compile(NICKNAME)
_ARTICLE_BEFORE = re.compile(r"(?:\A|\s)(?:[Aa]n?|[Tt]he)\s\Z")
_FIRST_NAME_ONLY = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?P<role>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
    r"(?:,?\s+who\s+(?:gave|asked|wished|wanted|agreed|would|spoke)\b[^.;:]{0,80}?"
    r"\bfirst\s+name(?:\s+only)?|\s+identified\s+only\s+as),?\s+"
    r"(?P<name>[A-Z][a-z'\u2019-]+)\b(?!\s+[A-Z])"
)
_GIVEN_AND = re.compile(r"\b([A-Z][a-z][\w'\u2019-]*) and \Z")
# Only subject pronouns: in "His wife, Marisol Berg, joined him" "his" is someone else.
_SHE = re.compile(r"\b[Ss]he\b")
_HE = re.compile(r"\b[Hh]e\b")


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in the reporter's words (quotations blanked out)."""

    start: int
    """Offset of the name's first word (after any title)."""
    end: int
    """Offset after the name's last word (before any apposition)."""
    name: str
    """The name as written, two words or more, or one word for a surname."""
    role: str | None
    """The role stated at this mention, as written, or None."""
    sex: Sex | None
    """What an honorific or role word at this mention says, or None."""
    initial: bool = False
    """Whether a one-word name opens its sentence (its capital then says nothing)."""
    alone: bool = False
    """A person the story names by one word only ("gave only her first name, Maria")."""
    shared: bool = False
    """A given name sharing the surname of the full name after "and" ("Lars and Ingrid
    Halvorsen"): the name is given + that surname, unless the word is a known surname."""


def find_mentions(prose: str, base: int) -> list[Mention]:
    """The names in ``prose`` (a paragraph with its quotations blanked), offsets + ``base``."""
    mentions: list[Mention] = []
    tokens = [_with_title_stop(prose, m.start(), m.end()) for m in _NAME_TOKEN.finditer(prose)]
    index = 0
    while index < len(tokens):
        run = _capitalised_run(prose, tokens, index)
        if not run:
            index += 1
            continue
        index = run[-1] + 1
        words = [tokens[i] for i in run]
        while words and words[-1][2].casefold() in PARTICLES:
            words.pop()
        title_end = _title_split(words)
        name_words = words[title_end:]
        # After "at", "from"... a name is a place or a body, unless a title or a nickname
        # says it is a person ("the promise from Councillor Ana Lee", 'from Jo "Jet" Lee').
        nicknamed = len(run) > 1 and run[-1] - run[0] >= len(run)  # words passed over
        placed = title_end == 0 and not nicknamed and _after_preposition(prose, words)
        placed = placed or (title_end == 0 and _attributive(prose, words))
        slashed = bool(name_words) and prose[name_words[0][0] - 1 : name_words[0][0]] == "/"
        titled = title_end > 0
        if not name_words or not _is_person(name_words, prose, titled) or placed or slashed:
            continue
        first, last = name_words[0], name_words[-1]
        name = _NICKNAME.sub(" ", prose[first[0] : last[1]])  # 'Jonah "Jet" Mbatha': no "Jet"
        if name.endswith(("'s", "\u2019s")):
            continue  # "Brandt's late goal": the person is not the subject here
        full = len(name_words) > 1
        titles = [w[2] for w in words[:title_end]]
        roles = [t for t in titles if t.casefold().rstrip(".") not in HONORIFICS]
        before = role_before(prose, words[0][0], roles if roles == titles else [])
        phrase = fronted_role(prose, words[0][0]) if roles else None
        before = phrase or before  # "The leader of the group, Councillor NAME,": the phrase
        after, raw = apposition(prose, last[1], set_off=bool(_fronted(prose, words[0][0])))
        head = re.split(r"\s+(?:at|of|in|for|with|from|on)\s+", raw)[0].split()
        if head and head[-1].casefold() in BODY_NOUNS:
            continue  # "Harrowgate Stores, the discount chain,"
        # A surname's apposition ("Berg, the port's director, said") states a role too: the
        # cast gives it to the one person the surname means. An apposition says more than
        # a title before the name ("Professor Ann Lee, head of the School of Geography,").
        # "Lorvik's fisheries minister, NAME, talks about ...": a name set off after its role
        # is the apposition; what follows its comma is the sentence's predicate.
        set_off_role = before is not None and before == (phrase or fronted_role(prose, words[0][0]))
        role = (before if set_off_role else after or before) if full else after
        fronted = _fronted(prose, words[0][0])
        cue = " ".join(titles) + " " + raw + " " + (before or "") + " " + fronted
        initial = not full and _sentence_initial(prose, first[0])
        if len(name_words) == 2 and title_end == 0:
            _share_surname(prose, mentions, first[0], last[2])
        mentions.append(Mention(first[0] + base, last[1] + base, name, role, sex_of(cue), initial))
    if "name" in prose or "only as" in prose:
        _first_name_only(prose, base, mentions)
    return mentions


def _first_name_only(prose: str, base: int, mentions: list[Mention]) -> None:
    """Add the people a story names by a first name alone, with the noun before as role.

    "a nurse who gave only her first name, Maria,", "a driver identified only as Tomas".
    """
    for found in _FIRST_NAME_ONLY.finditer(prose):
        at = found.start("name")
        mentions[:] = [m for m in mentions if m.start != at + base]
        own = re.search(r"\b(her|his)\s+first\s+name", found[0])  # "her first name": hers
        sex = sex_of(found[0]) or (None if own is None else "f" if own[1] == "her" else "m")
        name = found["name"]
        role = found["role"]
        bisect.insort(
            mentions,
            Mention(at + base, at + base + len(name), name, role, sex, alone=True),
            key=lambda m: m.start,
        )


def _share_surname(prose: str, mentions: list[Mention], start: int, surname: str) -> None:
    """Make "Lars" in "Lars and Ingrid Halvorsen" (just before ``start``) Lars Halvorsen."""
    if prose[max(0, start - 5) : start] != " and ":
        return
    found = _GIVEN_AND.search(prose, max(0, start - _NEAR), start)
    if found is None or found[1].casefold() in NOT_NAMES | TITLES | ROLE_NOUNS | INSTITUTIONS:
        return
    before = prose[: found.start(1)].rstrip()
    if before and before[-1] not in ".!?:;,\u2014" and before.split()[-1][:1].isupper():
        return  # "Anna Berg and Tove Lund": two full names
    if mentions and mentions[-1].start == found.start(1):
        mentions.pop()  # the lone word, read as a surname
    name = f"{found[1]} {surname}"
    mentions.append(Mention(found.start(1), found.end(1), name, None, None, shared=True))


def _with_title_stop(prose: str, start: int, end: int) -> tuple[int, int, str]:
    """A word of the prose, with the full stop of an abbreviated title ("Sen.", "Dr.").

    The stop is part of the title, so "Sen. Tom Hill" is one run of capitalised words.
    """
    word = prose[start:end]
    if prose[end : end + 1] == "." and (word.casefold() in HONORIFICS or is_title_word(word + ".")):
        return start, end + 1, word + "."
    return start, end, word


def sex_of(words: str) -> Sex | None:
    """What honorifics and role or kinship words say of a person's sex, or None."""
    folded = set(re.findall(r"[a-z]+", words.casefold()))
    female, male = bool(folded & FEMALE_WORDS), bool(folded & MALE_WORDS)
    if female == male:
        return None
    return "f" if female else "m"


def pronoun_sex(prose: str) -> Sex | None:
    """The sex the pronouns of a stretch of prose point to, when they all agree."""
    she, he = bool(_SHE.search(prose)), bool(_HE.search(prose))
    if she == he:
        return None
    return "f" if she else "m"


def _capitalised_run(prose: str, tokens: list[tuple[int, int, str]], index: int) -> list[int]:
    """The indexes of the capitalised words (with particles) starting at ``index``.

    A nickname in marks between two of them ('Jonah "Jet" Mbatha') is passed over.
    """
    run: list[int] = []
    while index < len(tokens):
        start, _, word = tokens[index]
        if run:
            gap = prose[tokens[run[-1]][1] : start]
            nickname = (
                None if gap in (" ", "\u00a0") else _NICKNAME.match(prose, tokens[run[-1]][1])
            )
            if nickname is not None:
                while index < len(tokens) and tokens[index][0] < nickname.end():
                    index += 1
                if index == len(tokens):
                    break
                start, _, word = tokens[index]
            elif gap not in (" ", "\u00a0"):
                break
        # "BST", "KESTRAVIK": no name word; initials ("U.S.", "J.") are
        shouting = word.isupper() and len(word) > 1 and not _INITIALS.match(word)
        capital = word[0].isupper() and not shouting and word.casefold() not in NOT_NAMES
        if not capital and not (run and word.casefold() in PARTICLES):
            break
        run.append(index)
        index += 1
    return run


def _title_split(words: list[tuple[int, int, str]]) -> int:
    """How many of the run's first words are a title ("Transport Secretary"), not the name."""
    split = 0
    for position, (_, _, word) in enumerate(words[:-1]):
        folded = word.casefold().rstrip(".")
        if is_title_word(word) or folded in TITLES or folded in HONORIFICS:
            split = position + 1
        elif position == split and (folded in ROLE_NOUNS or _agent_noun(folded, words)):
            split = position + 1  # "Resident Tom Berg": a role noun before the name
    if len(words) - split < 2 and split > 0 and words[split - 1][2].casefold() in HONORIFICS:
        return split  # "Mr Lindqvist": an honorific and a surname
    return split if len(words) - split >= 1 else 0


def _agent_noun(folded: str, words: list[tuple[int, int, str]]) -> bool:
    """Whether a word before two more name words reads as a noun of what someone is.

    "Evacuee Dom Lee", "Cyclist Ann Berg", "Volunteer Mountaineer ...": endings that make
    nouns of people ("-ee", "-ist", "-eer") on a word of six letters or more, which given
    names rarely have ("Lee Ann Moe" keeps "Lee").
    """
    return len(words) >= 3 and len(folded) >= 6 and folded.endswith(("ee", "ist", "eer"))


def _attributive(prose: str, words: list[tuple[int, int, str]]) -> bool:
    """Whether capitalised words after an article qualify the noun after them.

    "a Baltic Harbour spokesperson", "the Kelm Valley office": a body or a place, no person.
    """
    after = prose[words[-1][1] : words[-1][1] + 2]
    if len(after) < 2 or after[0] != " " or not after[1].islower():
        return False
    before = prose[max(0, words[0][0] - 5) : words[0][0]]
    return _ARTICLE_BEFORE.search(before) is not None


def _after_preposition(prose: str, words: list[tuple[int, int, str]]) -> bool:
    """Whether a name stands after "at", "in", "of"...: a place or a body, not a person."""
    start = words[0][0]
    before = re.search(r"([\w'\u2019]+)\s+(?:the\s+)?\Z", prose[max(0, start - _NEAR) : start])
    return before is not None and before[1].casefold() in PLACE_PREPOSITIONS


def _fronted(prose: str, start: int) -> str:
    """The words set off by a comma before a name ("His wife, Marisol ..."), for sex cues."""
    head = prose[max(0, start - _PHRASE) : start].rstrip()
    if not head.endswith(","):
        return ""
    opening = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind(", ", 0, -1))
    return head[opening + 1 : -1]


def _is_person(words: list[tuple[int, int, str]], prose: str, titled: bool) -> bool:
    """Whether capitalised words can be a person's name (not an organisation or a place).

    A surname that is also a place word ("Sue Park", "Ann Hall") is a person's when the
    words around it describe a person: "Sue Park, a neighbour," or "Her neighbour, Sue Park,"
    ("Tallis Water said": a company speaks too), or a title stands before it ("Lt. Tom Park").
    """
    last = words[-1][2].casefold().rstrip("'\u2019")
    if words[-1][2].endswith(("s'", "s\u2019")):
        return False  # "/Newswire/" and "the Rovers'" name no one
    # A lone word next to a reporting verb ("Park said", "said Park") may be a surname met
    # before: the cast decides ("the School of Geography" is none).
    alone = len(words) == 1 and (
        _VERB_AFTER.match(prose, words[0][1]) is not None
        or _VERB_BEFORE.search(prose, max(0, words[0][0] - 20), words[0][0]) is not None
    )
    if last in INSTITUTIONS and not (alone or titled or _described_as_person(words, prose)):
        return False
    if all(_INITIALS.match(w[2]) for w in words):
        return False
    # "KESTRAVIK", "BST": a dateline or an acronym, not a name
    return not any(w[2].isupper() and len(w[2]) > 1 and not _INITIALS.match(w[2]) for w in words)


_VERB_AFTER = re.compile(rf"\s+(?:{REPORTING_VERBS})\b")
_VERB_BEFORE = re.compile(rf"\b(?:{REPORTING_VERBS})\s+\Z")
_PERSON_BEFORE = re.compile(
    r"(?:\b([Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w'\u2019-]+\s+){0,2})?([a-z]+),\s+\Z"
)
_PERSON_AFTER = re.compile(r",\s+(?:a|an|the|his|her|their)\s+(?:[\w'\u2019-]+\s+){0,3}?([a-z]+)\b")


def _described_as_person(words: list[tuple[int, int, str]], prose: str) -> bool:
    """Whether a two-word name ending in a place word is followed by a person's description."""
    if len(words) != 2 or words[0][2].casefold() in INSTITUTIONS | NOT_NAMES:
        return False  # "Central Park", "Ocean Park" are places however described
    before = _PERSON_BEFORE.search(prose, max(0, words[0][0] - 60), words[0][0])
    if before is not None and (before[1] or before[2].casefold() in ROLE_NOUNS | TITLES):
        return True  # "His neighbor, Sue Park,", "his former aide, Lisa Park,"
    found = _PERSON_AFTER.match(prose, words[-1][1])
    return found is not None and found[1].casefold() in ROLE_NOUNS | TITLES


def _sentence_initial(prose: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (so its capital says nothing)."""
    index = start
    while index > 0 and prose[index - 1].isspace():
        index -= 1  # a blanked quotation is a run of spaces, passed over once
    return index == 0 or prose[index - 1] in ".!?:\u2014-"
