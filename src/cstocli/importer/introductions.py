"""Roles stated inside speech: a speaker introducing themselves, a host handing over.

Some transcripts give a speaker's role only in what is said: a chief executive opens with
"As Chief Executive Officer, I ...", a witness says "I'm the former operations manager", an
operator hands over "to Ruth Engelbrecht, Chief Financial Officer" or takes "our next
question from Imogen Castellanos with Harrier Capital". A careful reader takes those roles;
this module does, for a named speaker the labels and the intro left without one:

- a self-introduction in the speaker's own first turns: "I'm/I am/my name is/this is NAME,
  ROLE" (NAME being the speaker), "I'm/I am the ROLE", "As (the) ROLE(, ) I/my ..." opening a
  sentence;
- a hand-over in anyone's turn naming the speaker: "over to (our speaker today,) NAME,
  ROLE", "over to ROLE, NAME", "question (comes) from (the line of) NAME with/from/of/at
  FIRM" (an analyst is known by their firm).

A ROLE holds an office or occupation word ("officer", "minister", "manager", "analyst"...),
ends with it or with "of/for/at" and the body's capitalised name, and never crosses a
clause. "As I said", "I am not the minister", "As the minister said" state no role of the
speaker's; a sentence naming someone other than the speaker gives them nothing. Each role
taken comes with a warning naming its line: the words say it, but no label does.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from cstocli.importer.blocks import Block
from cstocli.importer.names import kinship
from cstocli.importer.persons import is_personal_name
from cstocli.importer.roster import Roster
from cstocli.importer.titles import is_title_word
from cstocli.importer.warning import ImportWarning

_FEW = 20
"""Up to this many roleless speakers, a turn is searched for their surnames before being
read for titles of address; past it, every turn is read."""
_FIRST_TURNS = 2
"""A self-introduction is read in a speaker's first turns only: later, "I'm the ..." is
more likely a figure of speech than an introduction."""
_SCAN = 2000
"""How many characters of a turn are read: introductions come first, and a long turn
costs no more."""

# Office and occupation words a role ends with (besides the label titles of ``labels``).
_ROLE_NOUNS = frozenset(
    """
    officer manager executive analyst editor correspondent reporter producer presenter host
    anchor professor lecturer economist engineer scientist researcher counsel lawyer
    solicitor barrister attorney advocate founder co-founder partner principal owner member
    adviser advisor consultant coordinator co-ordinator treasurer controller auditor
    accountant strategist president vice-president chairman chairwoman chair
    director secretary minister spokesman spokeswoman spokesperson governor mayor senator
    councillor councilor commissioner ambassador envoy inspector superintendent
    superintendant constable sergeant chief head leader doctor physician surgeon nurse
    teacher headteacher headmaster headmistress dean provost rector chancellor registrar
    clerk administrator supervisor foreman organiser organizer campaigner activist
    trustee steward ceo cfo coo cto cio cmo mp mep
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
# Words a role may hold before its office word ("former operations manager", "Chief
# Financial Officer"): not these, which open another clause or state something else.
_NOT_IN_ROLE = frozenset(
    """
    i me my we us our you your he she they it his her their its this that these those who
    which what when where why how not no never also just only very really so too is am are
    was were be been being or but if then than said says say told
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
_ORG_LINKS = frozenset(["of", "for", "at", "in"])
# Endings of occupation words no list holds all of ("glaciologist", "cartographer",
# "statistician", "agronomist").
_ROLE_ENDINGS = ("ologist", "ographer", "ician", "onomist", "ometrist")
_CAP = r"[A-Z\u00c0-\u00de][\w'\u2019&.-]*"
_NAME = rf"{_CAP}(?:\s+(?:{_CAP}|van|von|de|der|den|la|le|du|da|bin|al|el)){{1,4}}"
_ORG = rf"{_CAP}(?:\s+(?:&\s+)?(?:{_CAP}|of|and)(?=\s|[.,;!?]|$)){{0,5}}"

# "Chairman Latham," / "Ranking Member Estrada-Kowalski.": a title and a lone surname.
_TITLED_SURNAME = re.compile(
    rf"(?<![\w.])(?P<titles>(?:[A-Z][a-z]+\s+){{1,3}})(?P<name>{_CAP})(?=[,.;:!?]|\s+[a-z])"
)
# "I'm Jane Doe, chief financial officer of X" / "this is Jane Doe with X".
_SELF_NAMED = re.compile(
    rf"\b(?:I'm|I\u2019m|I am|[Mm]y name is|[Tt]his is|[Ii]t's|[Ii]t\u2019s)\s+(?P<name>{_NAME})"
    rf"(?:\s*,\s*(?:and\s+I(?:'m|\u2019m|\s+am)\s+)?(?P<role>[^.;:!?]{{2,120}})"
    rf"|\s+(?:with|from|at)\s+(?P<firm>{_ORG}))"
)
# "I'm the former operations manager" (the self-introduction without a name).
_SELF_ROLE = re.compile(r"\b(?:I'm|I\u2019m|I am)\s+(?:the|a|an|your)\s+(?P<role>[^.;:!?]{2,120})")
# "As Chief Executive Officer, I ..." opening a sentence.
_AS_ROLE = re.compile(
    r"(?:\A|(?<=[.!?])\s+|(?<=[.!?][\"\u201d])\s+|\n)\s*As\s+(?:the\s+|a\s+|an\s+|your\s+)?"
    r"(?P<role>[^.;:!?,]{2,120}?)\s*,?\s+"
    r"(?:I|I'm|I\u2019m|I've|I\u2019ve|I'd|I\u2019d|I'll|I\u2019ll|my|[Ww]e)\b"
)
# A hand-over naming the person, then their role: "turn the call over to (our speaker
# today,) NAME, Chief Financial Officer".
_HANDED_TO_NAME = re.compile(
    r"\b(?:over|floor|it)\s+(?:(?:first|now|next)\s+)?to\s+(?:our\s+|your\s+)?"
    r"(?:(?:speaker|host)s?\s+(?:today|for today)\s*,\s*)?"
    rf"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<name>{_NAME})\s*,\s*(?P<role>[^.;:!?]{{2,120}})"
)
# A hand-over giving the role first: "over to President and CEO, NAME".
_HANDED_TO_ROLE = re.compile(  # or "I am joined by the ROLE, NAME"
    r"\b(?:(?:over|floor|it)\s+(?:(?:first|now|next)\s+)?to|joined\s+(?:today\s+)?by)\s+"
    r"(?:our\s+|your\s+|the\s+)?"
    rf"(?P<role>{_CAP}(?:\s+(?:and|&|of|for|the|{_CAP})){{0,7}})\s*,\s*(?P<name>{_NAME})"
)
# An operator's "first question comes from (the line of) NAME with FIRM".
_QUESTION_FROM = re.compile(
    r"\bquestions?\s+(?:(?:comes?|is|will come)\s+)?from\s+(?:the\s+line\s+of\s+)?"
    rf"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<name>{_NAME})\s+(?:with|from|of|at)\s+(?P<firm>{_ORG})"
)


# What every hand-over holds: one cheap scan tells the turns that may hold one.
_HAND_OVER_HINT = re.compile(r"\b(?:over|floor|it)\s+(?:\w+\s+)?to\s|\bquestions?\s|\bjoined\s")


def role_phrase(words: str) -> str | None:
    """The role that ``words`` open with, or None.

    Up to its last office word ("former operations manager now" -> "former operations
    manager"), with the body it is "of/for/at/in" when the body is capitalised ("officer of
    Calloway Foods", "glaciologist at the Ice Institute in Tromso"). None when a word of
    another clause comes first or no office word does, or when the body is left unsaid ("a
    member of the public").
    """
    tokens = words.split()
    head = -1
    for index, token in enumerate(tokens[:8]):
        bare = token.strip(',()"\u201c\u201d').casefold()
        if bare in _NOT_IN_ROLE or not re.fullmatch(r"[\w&.'\u2019-]+", bare):
            break
        if bare in _ROLE_NOUNS or bare.endswith(_ROLE_ENDINGS) or is_title_word(bare):
            head = index
        if token.endswith((",", ";")):
            break  # a clause ends: "the manager, obviously"
    if head < 0:
        return None
    # "the county's health officer" keeps its article, "the director" does not.
    article = tokens[0].casefold() in ("the", "a", "an") and head > 0
    role = tokens[int(article and not tokens[1].endswith(("'s", "\u2019s", "'"))) : head + 1]
    rest = tokens[head + 1 :]
    while len(rest) >= 2 and rest[0] in _ORG_LINKS and not role[-1].endswith((",", ";", ".")):
        start = 2 if rest[1] == "the" and len(rest) > 2 else 1
        body = []
        for token in rest[start:]:
            if not token[:1].isupper():
                break
            body.append(token)
            if token.endswith((",", ".")):
                break
        if not body:  # "a member of the public": the office is not all said
            return None if len(role) == head + 1 else " ".join(role).rstrip(",.")
        role += rest[:start] + body
        rest = rest[start + len(body) :]  # "... at the Ice Institute in Tromso"
    return " ".join(role).rstrip(",.") or None


def read_stated_roles(text: str, blocks: Sequence[Block], roster: Roster) -> list[ImportWarning]:
    """Give each named, roleless speaker the role their words or a hand-over state.

    Returns a warning for each role so given, at the line that states it.
    """
    roleless = roster.roleless()
    if not roleless:
        return []
    stated: dict[int, tuple[str, int, str]] = {}  # speaker -> role, offset, how it was read
    # A turn is read for "Chairman Latham" only when it holds a roleless speaker's surname.
    surnames = {name.split()[-1].title() for name in roleless.values() if name.split()}
    turns: dict[int, int] = {}
    for block in blocks:
        if block.kind != "quote" or block.speaker is None or not block.paragraphs:
            continue
        start = block.paragraphs[0].span[0]
        words = text[start : min(block.paragraphs[-1].span[1], start + _SCAN)]
        for name, role, offset in _handed_over(words):
            index = _the_one(roster, roleless, name)
            if index is not None and index != block.speaker and index not in stated:
                how = f"as {roster.name(block.speaker)!r} introduces them"
                stated[index] = (role, start + offset, how)
        addressed = len(surnames) > _FEW or any(surname in words for surname in surnames)
        for name, role, offset in _addressed(words) if addressed else []:
            index = _the_one(roster, roleless, name)
            if index is not None and index != block.speaker and index not in stated:
                how = f"as {roster.name(block.speaker)!r} addresses them"
                stated[index] = (role, start + offset, how)
        turns[block.speaker] = turns.get(block.speaker, 0) + 1
        speaker = block.speaker
        if speaker in roleless and speaker not in stated and turns[speaker] <= _FIRST_TURNS:
            own = _introduced(words, roleless[speaker])
            if own is not None:
                stated[speaker] = (own[0], start + own[1], "as they introduce themselves")
    breaks = [i for i, c in enumerate(text) if c == "\n"] if stated else []
    warnings = []
    for index, (role, offset, how) in sorted(stated.items(), key=lambda s: s[1][1]):
        roster.give_role(index, role)
        line = bisect.bisect_left(breaks, offset) + 1
        message = f"{roster.name(index)!r} given the role {role!r} {how}; no label states it"
        warnings.append(ImportWarning(line, message))
    return warnings


def _handed_over(words: str) -> list[tuple[str, str, int]]:
    """The (name, role, offset) of each person a turn hands over to or takes a question from."""
    found: list[tuple[str, str, int]] = []
    if _HAND_OVER_HINT.search(words) is None:
        return found  # most turns: one scan instead of three
    for match in _HANDED_TO_NAME.finditer(words):
        role = role_phrase(match["role"])
        if role is not None and is_personal_name(match["name"]):
            found.append((match["name"], role, match.start("role")))
    for match in _HANDED_TO_ROLE.finditer(words):
        role = role_phrase(match["role"])
        if role is not None and is_personal_name(match["name"]):
            found.append((match["name"], role, match.start("role")))
    for match in _QUESTION_FROM.finditer(words):
        firm = _firm(match["firm"])
        if is_personal_name(match["name"]):
            found.append((match["name"], firm, match.start("firm")))
    return found


def _addressed(words: str) -> list[tuple[str, str, int]]:
    """The (surname, title, offset) of each person a turn addresses by title and surname.

    "Thank you, Chairman Latham, Ranking Member Estrada-Kowalski": every word before the
    surname a title ("Mr. Chairman" names nobody; "Professor Ann Lee" is a full name, left
    to the participant lists).
    """
    found = []
    for match in _TITLED_SURNAME.finditer(words):
        titles = match["titles"].split()
        if all(is_title_word(t) for t in titles) and not is_title_word(match["name"]):
            found.append((match["name"], " ".join(titles), match.start("titles")))
    return found


def _introduced(words: str, name: str) -> tuple[str, int] | None:
    """The role (and its offset) a speaker named ``name`` gives themselves, or None."""
    for match in _SELF_NAMED.finditer(words):
        if kinship(match["name"], name) not in ("same", "part"):
            continue  # "I'm Jane Roe's deputy", someone else's name: nothing of theirs
        if match["firm"] is not None:
            return _firm(match["firm"]), match.start("firm")
        role = role_phrase(re.sub(r"\A(?:the|a|an)\s+", "", match["role"]))
        if role is not None:
            return role, match.start("role")
    for pattern in (_SELF_ROLE, _AS_ROLE):
        for match in pattern.finditer(words):
            role = role_phrase(match["role"])
            if role is not None and (pattern is _SELF_ROLE or role == match["role"].strip()):
                return role, match.start("role")
    return None


def _firm(words: str) -> str:
    """A firm's name up to its sentence's full stop ("Harrier Capital. A question").

    An initial's full stop is no sentence's: "J.P. Morgan" stays whole.
    """
    return re.split(r"(?<=\w\w)\.(?:\s|\Z)", words, maxsplit=1)[0].rstrip(".,")


def _the_one(roster: Roster, roleless: dict[int, str], name: str) -> int | None:
    """The one roleless speaker a handed-over name is (same name or a form of it), or None.

    Only the speakers whose surnames start alike are compared (``surname_key``), so a call
    with thousands of speakers costs no more per hand-over.
    """
    kin = [
        index for index in roster.kin(name) if kinship(name, roster.name(index)) in ("same", "part")
    ]
    # A name that also fits a speaker who has a role already is not surely this one.
    if len(kin) != 1 or kin[0] not in roleless:
        return None
    return kin[0]
