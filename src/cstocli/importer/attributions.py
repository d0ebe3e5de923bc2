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
from typing import Literal

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
_ANSWERS = frozenset(["replied", "replies", "answered", "answers", "responded", "responds"])
_JOINED = re.compile(r"\s+(?:and|&|or)\s+[A-Z]")
_SUBJECT_WORDS = 2  # "Mayor Ann Lee met", "Later, Lee met": the name opens its sentence
CLAUSE = 400
"""How far back from a verb its subject is looked for (a bound on the work per verb)."""
_DESCRIBED_SUBJECT = re.compile(  # "The 47-year-old teacher, who collected ..., said"
    r"\s*[Tt]he\s+((?:[\w'\u2019-]+\s+){0,2}[a-z'\u2019-]+)\s*,\s*(?:who|whose)\b.{0,200}?,\s*\Z"
)
_DESCRIBED = re.compile(r"\b[Tt]he\s+((?:[a-z'\u2019-]+\s+){0,2}[a-z'\u2019-]+)\s+\Z")
# A name governed by a preposition or a participle is an object, never a verb's subject:
# "Asked by Ruiz ..., Vidal said", "In a letter to Vidal, Ruiz wrote", "Turning to Olsen,
# Lund said", "a spokesperson for Hill said", "said a lawyer representing Hill", and with
# up to two words between ("Asked by councillor NAME", "a letter to Deputy Mayor NAME").
_GOVERNED = re.compile(
    r"\b(?:to|by|for|with|after|before|about|against|toward|towards|representing|"
    r"behalf\s+of|addressing|answering|quoting|than)\s+(?:[^\s,;:.]+\s+){0,2}"
    r"(?:[A-Z][\w.'\u2019-]*\s+)*\Z"
)
# A passive reporting verb names its speaker after "by": "Lund was told by Olsen:".
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being)\s+\Z")
_BY_AGENT = re.compile(r"\s+by\s+(?:[a-z]+\s+){0,2}[A-Z]")
# The subject of a verb closing a sentence that states something: ", police said",
# ", his rivals said", ", the council said" (lower-case words after the last comma).
_TRAILING_SUBJECT = re.compile(
    r",\s*(?!(?:who|whom|which|that)\b)((?:[a-z][\w'\u2019-]*\s+){0,3}[a-z][\w'\u2019-]*)\s*\Z"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|did|does)\b"
)
# An unnamed person as subject: "asked one resident", "a woman in the front row shouted",
# "said a police spokesman": an indefinite noun phrase of lower-case words, no document
# ("A statement from Lee said" is Lee's).
_UNNAMED = re.compile(
    r"[\s,]*(?:[Aa]n?|[Oo]ne|[Aa]nother|[Ss]ome)\s+((?:[a-z][\w'\u2019-]*\s+){0,3}?)"
    r"([a-z][\w'\u2019-]*)\b"
)
_DOCUMENTS = frozenset(
    """
    statement letter email e-mail message post note release report filing document tweet
    notice memo text video recording transcript
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)


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
        self.unnamed: set[int] = set()
        """The paragraph's verbs whose subject is an unnamed person ("a reporter asked")."""
        self.pronominal: set[int] = set()
        """The paragraph's verbs whose subject is a pronoun ("he added")."""
        self.prose: Prose | None = None
        self.sentence = -1
        """Where the sentence of the last name met starts in ``prose``."""

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
        self.unnamed, self.pronominal = set(), set()
        self.prose, self.sentence = prose, -1
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
        for at, verb_end, source in _verbs(prose.text, prose.quotation_ends):
            start = max(prose.clause_start(at), at - CLAUSE)
            if _SHARED_SUBJECT.match(prose.text, start, at):
                start = max(prose.sentence_start(at), at - CLAUSE)
            clause = prose.text[start:at]
            self.meet_before(persons, prose.base + at)
            passive = _PASSIVE.search(clause) and _BY_AGENT.match(prose.text, verb_end)
            if source or passive:  # "according to X", "read a statement by X", "was told by X"
                person = self.after(prose, verb_end, persons, starts)
            else:
                base = prose.base
                person = self.before(clause, base + start, base + at, persons, starts)
                if person is None and _PRONOUN_BEFORE.search(clause):
                    self.pronominal.add(at)
                    person = self.pronoun(clause, prose, (start, verb_end), persons, starts)
                bare = not clause.strip(" ,\u2014-")
                if person is None and bare:
                    person = self.after(prose, verb_end, persons, starts)
                    if person is not None and _PRONOUN_AFTER.match(prose.text, verb_end):
                        self.pronominal.add(at)
                after = prose.text[verb_end : verb_end + CLAUSE]
                if person is None and unnamed(clause if not bare else after):
                    self.unnamed.add(at)
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
        tail = _TRAILING_SUBJECT.search(clause)
        if tail is not None and _FINITE.search(clause, 0, tail.start()):
            # "Daniel Kerr was arrested on Friday, police said.": the sentence before the
            # comma is what was said; the verb's subject is the words after it alone.
            start += tail.start(1)
            clause = clause[tail.start(1) :]
        subject = _clause_subject(clause, start, end, persons, starts)
        if subject is not None:
            return subject or None
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
        self,
        clause: str,
        prose: Prose,
        span: tuple[int, int],
        persons: list[Named],
        starts: list[int],
    ) -> Person | None:
        """The person a pronoun subject means ("she told Lund"), if the clause has one.

        The most recent person it can mean, but none named after the verb in its sentence:
        they are spoken to or about, never speaking.
        """
        pronoun = _PRONOUN_BEFORE.search(clause)
        if pronoun is None:
            return None
        start, end = span
        limit = prose.base + min(prose.sentence_end(end), end + CLAUSE)
        self.meet_before(persons, limit)
        first = bisect.bisect_left(starts, prose.base + end)
        last = bisect.bisect_left(starts, limit)
        named = [who for _, who in persons[first:last] if who is not None]
        # "Asked by Ruiz ..., she said": the one asking is not the one answering.
        begin = bisect.bisect_left(starts, prose.base + start)
        named += [
            who
            for mention, who in persons[begin:first]
            if who is not None and _governed(clause, mention.start - prose.base - start)
        ]
        # "X pressed the minister. She replied": an answer is the one asked's, not the subject's
        verb = prose.text[:end].split()[-1:]
        answer = verb[0].casefold() in _ANSWERS if verb else False
        return self.cast.pronoun(pronoun[1], prose.base + end, besides=named, answer=answer)

    def after(
        self, prose: Prose, end: int, persons: list[Named], starts: list[int]
    ) -> Person | None:
        """The person named right after a verb ("said Jane Doe", "said the mayor, Jane Doe")."""
        reach = _REACH.match(prose.text, end)
        limit = prose.base + min(end if reach is None else reach.end(), prose.sentence_end(end))
        self.meet_before(persons, limit)
        index = bisect.bisect_left(starts, prose.base + end)
        while index < len(starts) and starts[index] < limit:
            mention, person = persons[index]
            gap = prose.text[end : mention.start - prose.base]
            if person is not None and (not _governed(gap, len(gap)) or not unnamed(gap)):
                return person
            index += 1
        pronoun = _PRONOUN_AFTER.match(prose.text, end)
        return None if pronoun is None else self.cast.pronoun(pronoun[1], prose.base + end)

    def meet_before(self, persons: list[Named], offset: int) -> None:
        """Meet the paragraph's names (and roles) before ``offset`` not met yet, in order."""
        if self.roles_met == len(self.roles):  # no role references left: names only
            while self.met < len(persons) and persons[self.met][0].start < offset:
                mention = persons[self.met][0]
                person = self.cast.meet(mention)
                persons[self.met] = (mention, person)
                self.met += 1
                self.note_subject(mention, person)
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
            person = self.cast.meet(mention)
            persons[self.met] = (mention, person)
            self.met += 1
            self.note_subject(mention, person)

    def note_subject(self, mention: Mention, person: Person | None) -> None:
        """Tell the cast who opens a new sentence: its subject, for a pronoun after it.

        "Olsen later met Tom Berg. "...," she said.": the subject of the sentence before
        a pronoun is whom it means, more than the object named after it. A sentence whose
        first name stands later than its first few words has an unnamed subject.
        """
        prose = self.prose
        if prose is None:
            return
        at = mention.start - prose.base
        sentence = prose.sentence_start(at)
        if sentence == self.sentence:
            return
        self.sentence = sentence
        opening = prose.text[max(sentence, at - 80) : at].split()  # a subject opens it
        near = len(opening) <= _SUBJECT_WORDS and not any(w.islower() for w in opening[:-1])
        # "Lee and Berg spoke": two subjects, neither one the pronoun's by being first
        joined = _JOINED.match(prose.text, mention.end - prose.base) is not None
        self.cast.subject = person if near and not joined and opening[-1:] != ["by"] else None


# A verb the reporting verbs do not list, in a quotation's own tag: right after a closed
# quotation (its blank), a name or pronoun and one verb, then the tag's end or the rest of
# a split quotation ('"...," Malec admits.', '"...," she laughs, "..."', '"...," whispered
# Malec.'). The tag's shape says it reports the quotation, whatever the verb.
_TAG_AFTER_QUOTE = re.compile(
    r"(?<=\s\s)(?:(?:[A-Z][\w'\u2019-]*\s+){1,3}|(?:[Ss]he|[Hh]e|[Tt]hey)\s+)"
    r"(?P<verb>[a-z]{3,})(?=\s*(?:[,.;:!?\u2014]|\Z|\s\s))"
    r"|(?<=\s\s)(?P<inverted>[a-z]{3,}ed)\s+(?=(?:[A-Z][\w'\u2019.-]*\s*){1,4}[,.;:!?]|\Z)"
)


def _verbs(prose: str, quotation_ends: list[int]) -> list[tuple[int, int, bool]]:
    """Each reporting verb of a paragraph: its start, its end, and whether a source follows.

    The listed verbs (``REPORTING``), and a verb a quotation's tag holds (``_TAG_AFTER_QUOTE``:
    right after a quotation's end, not after two spaces typed between sentences).
    """
    found = {
        m.start(): (m.start(), m.end(), m["source"] is not None) for m in REPORTING.finditer(prose)
    }
    begins = sorted(found)
    for tag in _TAG_AFTER_QUOTE.finditer(prose):
        ended = bisect.bisect_right(quotation_ends, tag.start()) - 1
        if ended < 0 or prose[quotation_ends[ended] : tag.start()].strip():
            continue  # no quotation ends right before the tag
        group = "verb" if tag["verb"] is not None else "inverted"
        start, end = tag.start(group), tag.end(group)
        listed = bisect.bisect_right(begins, start) - 1  # a listed verb holding it?
        if listed < 0 or start >= found[begins[listed]][1]:
            found[start] = (start, end, False)
    return sorted(found.values())


def _clause_subject(
    clause: str, start: int, end: int, persons: list[Named], starts: list[int]
) -> Person | Literal[False] | None:
    """The first person named in a verb's clause who is no preposition's object.

    False when the clause names only objects and its subject is someone unnamed ("A
    spokesperson for Hill said") or a pronoun ("Asked by Ruiz ..., she said"): then no one
    named is the subject. None when the clause names no one.
    """
    index = bisect.bisect_left(starts, start)
    governed: Person | None = None
    while index < len(starts) and starts[index] < end:
        mention, person = persons[index]
        if person is not None and not _governed(clause, mention.start - start):
            return person
        governed = governed or person
        index += 1
    if governed is not None and (_PRONOUN_BEFORE.search(clause) or unnamed(clause)):
        return False
    return governed  # "A statement from Ann Lee said": hers


def unnamed(words: str) -> bool:
    """Whether ``words`` open with an unnamed person ("a police spokesman", "one resident")."""
    found = _UNNAMED.match(words)
    if found is None:
        return False
    return not _DOCUMENTS.intersection(w.casefold() for w in [*found[1].split(), found[2]])


def _governed(text: str, at: int) -> bool:
    """Whether the name at ``at`` of ``text`` follows a preposition: an object, no subject."""
    return _GOVERNED.search(text, max(0, at - 40), at) is not None


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
    sentence = prose.text[begin - prose.base : len(lead)]
    # "Ruiz's reply to Vidal was short:": a name after a preposition introduces no one.
    free = [
        (mention, who) for mention, who in persons if not _governed(sentence, mention.start - begin)
    ]
    subject = named_within(free, begin, prose.base + len(lead) - 1)
    return None if subject is None else (subject, begin)
