"""Who each reporting verb of a news paragraph names: its subject, or the name after it.

A verb's subject is looked for in its clause, from the start of its sentence or the end of
the quotation before it: a name, a pronoun (the most recent person named before it that it
can mean), a description ("the pensioner said": the one person holding it, or named in the
paragraph). "According to X", and a verb with nothing before it in its clause ("...," said
Dr. Ann Lee), name the person after it, up to the sentence's end. ``news`` reads a story with
these events.
"""

from __future__ import annotations

import bisect
import re

from cstocli.importer.cast import Cast, Person
from cstocli.importer.mention_words import REPORTING, ROLE_NOUNS, TITLES
from cstocli.importer.mentions import Mention
from cstocli.importer.prose import Prose
from cstocli.importer.quotations import credited

# A clause opening with these shares its subject with the clause before ("X called it
# "striking" but cautioned that ...").
_SHARED_SUBJECT = re.compile(r"[\s,]*(?:but|and|then|yet|while)\b", re.I)  # .match at the clause
_PRONOUN_BEFORE = re.compile(r"\b([Ss]he|[Hh]e|[Tt]hey)\s+(?:\w+ly\s+)?(?:ha[sd]\s+|have\s+)?\Z")
_PRONOUN_AFTER = re.compile(r"\s+(she|he|they|her|him|them)\b")  # matched at the verb's end
_REACH = re.compile(r"[^!?;]{0,60}")  # and to its sentence's end: "said Dr. Ann Lee" goes on
# "the minister", "the mayor": a role word after "the" that is no body's (not "the city's").
_ROLE_REFERENCE = re.compile(
    r"\b[Tt]he\s+((?:[a-z]+\s+)?(?:" + "|".join(sorted(TITLES | ROLE_NOUNS)) + r"))\b(?!['\u2019]s)"
)
CLAUSE = 400
"""How far back from a verb its subject is looked for (a bound on the work per verb)."""
_DESCRIBED_SUBJECT = re.compile(  # "The 47-year-old teacher, who collected ..., said"
    r"\s*[Tt]he\s+((?:[\w'\u2019-]+\s+){0,2}[a-z'\u2019-]+)\s*,\s*(?:who|whose)\b.{0,200}?,\s*\Z"
)
_DESCRIBED = re.compile(r"\b[Tt]he\s+((?:[a-z'\u2019-]+\s+){0,2}[a-z'\u2019-]+)\s+\Z")


Event = tuple[int, Person | None]
"""A reporting verb's offset in its paragraph and the person it names (None: no one)."""
Named = tuple[Mention, Person | None]
"""A name in the paragraph and the person it is."""


class Subjects:
    """Reads the people a paragraph's reporting verbs name, meeting names in reading order."""

    def __init__(self, cast: Cast) -> None:
        self.cast = cast
        self.roles: list[tuple[int, str]] = []
        """The paragraph's role references ("the minister"), with their offsets."""
        self.roles_met = 0
        self.met = 0
        """How many of the paragraph's names the reading has met."""
        self.persons: list[Named] = []
        """The last paragraph's names, each with the person it is, once ``read``."""

    def read(self, prose: Prose, mentions: list[Mention]) -> list[Event]:
        """Each reporting verb (or "according to") of a paragraph with the person it names.

        Each name is met when the reading reaches it, so a pronoun means someone named
        before it, never the person named after the verb ("she told Lund").
        """
        persons: list[Named] = [(m, None) for m in mentions]
        self.met = 0
        # "pressed the minister on repairs. She replied ...": a role naming someone is a
        # reference to them, for the pronouns after it, as their name would be.
        self.roles = [(prose.base + r.start(), r[1]) for r in _ROLE_REFERENCE.finditer(prose.text)]
        self.roles_met = 0
        events = self.attributions(prose, persons)
        self.meet_before(persons, prose.base + len(prose.text))
        self.persons = persons
        return events

    def attributions(self, prose: Prose, persons: list[Named]) -> list[Event]:
        """Each reporting verb (or "according to") with the person it names, in order.

        A verb's subject is looked for in its clause: from the start of its sentence or the
        end of the quotation before it, whichever is later (and at most ``CLAUSE`` back).
        """
        found: list[Event] = []
        starts = [m.start for m, _ in persons]
        for verb in REPORTING.finditer(prose.text):
            at = verb.start()
            start = max(prose.clause_start(at), at - CLAUSE)
            if _SHARED_SUBJECT.match(prose.text, start, at):
                start = max(prose.sentence_start(at), at - CLAUSE)
            clause = prose.text[start:at]
            self.meet_before(persons, prose.base + at)
            if verb["source"] is not None:  # "according to X", "read a statement by X"
                person = self.after(prose, verb.end(), persons, starts)
            else:
                base = prose.base
                person = self.before(clause, base + start, base + at, persons, starts)
                if person is None:
                    person = self.pronoun(clause, prose, verb.end(), persons, starts)
                if person is None and not clause.strip(" ,\u2014-"):
                    person = self.after(prose, verb.end(), persons, starts)
            found.append((at, person))
        self.meet_before(persons, prose.base + len(prose.text))
        for mention, person in persons:  # ""..." \u2014 Ann Lee, envoy": a credit, as "said"
            dash = credited(prose.text, prose.quotation_ends, mention.start - prose.base)
            if dash is not None and person is not None:
                bisect.insort(found, (dash, person), key=lambda event: event[0])
        return found

    def before(
        self, clause: str, start: int, end: int, persons: list[Named], starts: list[int]
    ) -> Person | None:
        """The subject of a verb: the first person named in its clause, a pronoun, a role."""
        index = bisect.bisect_left(starts, start)
        while index < len(starts) and starts[index] < end:
            if persons[index][1] is not None:
                return persons[index][1]
            index += 1
        if _PRONOUN_BEFORE.search(clause):
            return None  # a pronoun, read once the names after the verb are known
        described = _DESCRIBED.search(clause) or _DESCRIBED_SUBJECT.match(clause)
        if described is None:
            return None
        holder = self.cast.described(described[1], end)
        # A description of someone named before: the one person the paragraph named ("the
        # pensioner said"), or for an age ("The 47-year-old teacher, who ...") the last one.
        if holder is None:
            named = _named_before(persons, starts, start)
            if len(named) == 1:
                holder = named[0]
            elif not named and "year-old" in described[0] and self.cast.recent:
                holder = self.cast.recent[0]
        if holder is not None and not holder.role:
            self.cast.warn(end, f"{described[0].strip()!r} read as {holder.name!r}, named before")
        return holder

    def pronoun(
        self, clause: str, prose: Prose, end: int, persons: list[Named], starts: list[int]
    ) -> Person | None:
        """The person a pronoun subject means ("she told Lund"), if the clause has one.

        The most recent person it can mean, but none named after the verb in its sentence:
        they are spoken to or about, never speaking.
        """
        pronoun = _PRONOUN_BEFORE.search(clause)
        if pronoun is None:
            return None
        limit = prose.base + min(prose.sentence_end(end), end + CLAUSE)
        self.meet_before(persons, limit)
        first = bisect.bisect_left(starts, prose.base + end)
        last = bisect.bisect_left(starts, limit)
        named = [who for _, who in persons[first:last] if who is not None]
        return self.cast.pronoun(pronoun[1], prose.base + end, besides=named)

    def after(
        self, prose: Prose, end: int, persons: list[Named], starts: list[int]
    ) -> Person | None:
        """The person named right after a verb ("said Jane Doe", "said the mayor, Jane Doe")."""
        reach = _REACH.match(prose.text, end)
        limit = prose.base + min(end if reach is None else reach.end(), prose.sentence_end(end))
        self.meet_before(persons, limit)
        index = bisect.bisect_left(starts, prose.base + end)
        while index < len(starts) and starts[index] < limit:
            if persons[index][1] is not None:
                return persons[index][1]
            index += 1
        pronoun = _PRONOUN_AFTER.match(prose.text, end)
        return None if pronoun is None else self.cast.pronoun(pronoun[1], prose.base + end)

    def meet_before(self, persons: list[Named], offset: int) -> None:
        """Meet the paragraph's names (and roles) before ``offset`` not met yet, in order."""
        if self.roles_met == len(self.roles):  # no role references left: names only
            while self.met < len(persons) and persons[self.met][0].start < offset:
                mention = persons[self.met][0]
                persons[self.met] = (mention, self.cast.meet(mention))
                self.met += 1
            return
        while True:
            name = persons[self.met][0].start if self.met < len(persons) else offset
            role = self.roles[self.roles_met][0] if self.roles_met < len(self.roles) else offset
            if min(name, role) >= offset:
                return
            if role < name:
                self.cast.described(self.roles[self.roles_met][1], role)
                self.roles_met += 1
                continue
            mention = persons[self.met][0]
            persons[self.met] = (mention, self.cast.meet(mention))
            self.met += 1


def _named_before(persons: list[Named], starts: list[int], start: int) -> list[Person]:
    """The different people the paragraph names before ``start``: none, one, or two of them.

    Two are as good as more for the caller, so the walk stops there: a paragraph of a
    megabyte naming one person thousands of times still costs a look per name, not a
    set of all of them for every description in it.
    """
    found: list[Person] = []
    for _, person in persons[: bisect.bisect_left(starts, start)]:
        if person is not None and all(person.name != other.name for other in found):
            found.append(person)
            if len(found) == 2:
                break
    return found


def named_within(persons: list[Named], begin: int, end: int) -> Person | None:
    """The first person named in ``[begin, end]`` (article offsets), or None."""
    return next((who for mention, who in persons if begin <= mention.start <= end and who), None)


def introduced_by(prose: Prose, persons: list[Named], at: int) -> tuple[Person, int] | None:
    """Who introduces a quotation at ``at`` by a colon ending their sentence, and where.

    "One neighbour, Ann Lee, spoke for the plan: "..."": a sentence that ends in a colon
    right before a quotation (or at the end of the paragraph before it) introduces the
    words of its subject, the first person it names.
    """
    lead = prose.text[:at].rstrip()
    if not lead.endswith(":"):
        return None
    begin = prose.base + prose.sentence_start(len(lead) - 1)
    subject = named_within(persons, begin, prose.base + len(lead) - 1)
    return None if subject is None else (subject, begin)
