"""The cast of a news story: the people it names, and who a surname, pronoun or role means.

The whole story is read once first (``learn``): every full name becomes a person with the role
and sex the text gives there (``people``), and a sentence that names one person and uses only
"she" or only "he" outside quotations tells that person's sex. Then, paragraph by paragraph,
``meet`` finds who a mention names (a full name, or a surname that ends one: the most
recently named of those who share it, with a warning), ``pronoun`` the most recent person a
pronoun can mean (a warning when the sexes the text gives cannot settle it), and
``described`` the one person holding a role ("the captain").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cstocli.importer.mentions import Mention, Sex, find_mentions, pronoun_sex
from cstocli.importer.names import kinship, name_words
from cstocli.text import split_sentences as sentences

_RECENT = 50
"""How many of the people referred to last a pronoun or a role may mean."""

Warn = Callable[[int, str], None]
"""Report a guess at an offset of the article."""


@dataclass(slots=True)
class Person:
    """Someone the story names."""

    name: str
    """The full name, as first written."""
    role: str | None
    """The role the text states at a full-name mention, or None."""
    sex: Sex | None
    """What the text says of the person's sex (for pronouns), or None."""
    seen: int = -1
    """Offset of the latest reference, for "the most recent person"."""
    guess: Sex | None = None
    """The sex a pronoun read as this person's guessed, the text not saying: the other
    pronoun then means someone else, when someone else can be meant."""


class Cast:
    """The people of one story, and who each reference means.

    People are found by the last word of their name, and pronouns and roles look only at
    the ``_RECENT`` people referred to last, so a story naming thousands costs time in
    proportion to its length.
    """

    def __init__(self, warn: Warn) -> None:
        self.people: list[Person] = []
        self.warn = warn
        self.by_surname: dict[str, list[Person]] = {}
        self.recent: list[Person] = []
        """The people referred to last, the latest first."""
        self.subject: Person | None = None
        """Who opens the last sentence that named anyone: whom a pronoun after it means
        before a person named later in that sentence (``attributions`` tells)."""

    def learn(self, prose: str, base: int) -> list[Mention]:
        """Meet every full name, and learn a sex from sentences naming only one person.

        Returns the paragraph's mentions (``base`` is its offset), for the second reading.
        """
        mentions = find_mentions(prose, base)
        index = 0
        for start, end in sentences(prose):
            named: dict[int, Person] = {}
            while index < len(mentions) and mentions[index].start < base + end:
                person = self.meet(mentions[index], quiet=True)
                if person is not None and mentions[index].start >= base + start:
                    named[id(person)] = person
                index += 1
            sex = pronoun_sex(prose[start:end])
            if len(named) == 1 and sex is not None:
                (person,) = named.values()
                person.sex = person.sex or sex
        while index < len(mentions):
            self.meet(mentions[index], quiet=True)
            index += 1
        return mentions

    def meet(self, mention: Mention, *, quiet: bool = False) -> Person | None:
        """The person a mention names: a known one, or (for a full name) a new one."""
        words = name_words(mention.name)
        if mention.shared and words[0] in self.by_surname:
            # "Castellano and Ingrid Halvorsen": a surname met before, not a given name
            given = mention.name.split()[0]
            alone = Mention(mention.start, mention.end, given, None, None, initial=True)
            return self.meet(alone, quiet=quiet)
        known = self.by_surname.get(words[-1], []) if words else []
        if len(words) > 1 or mention.alone:
            for person in known:
                if kinship(person.name, mention.name) is not None:
                    person.role = person.role or mention.role
                    person.sex = person.sex or mention.sex
                    return self.touch(person, mention.start)
            person = Person(mention.name, mention.role, mention.sex)
            self.people.append(person)
            self.by_surname.setdefault(words[-1], []).append(person)
            return self.touch(person, mention.start)
        if not known:
            return self.by_first_word(mention)
        met = [p for p in known if p.seen >= 0]
        if not quiet and met:
            known = met  # "a surname the full name met before": not one the story names later
        if mention.sex is not None and len(known) > 1:
            # "Mr. Halvorsen" is none of the Halvorsens the text says are women; one the
            # text says is a man first
            same = [p for p in known if p.sex == mention.sex]
            known = same or [p for p in known if p.sex is None] or known
        chosen = max(known, key=lambda p: p.seen)
        if len(known) == 1:
            chosen.role = chosen.role or mention.role
        if len(known) > 1 and not quiet:
            names = " or ".join(repr(p.name) for p in sorted(known, key=lambda p: -p.seen))
            self.warn(mention.start, f"{mention.name!r} could be {names}; read as {chosen.name!r}")
        return self.touch(chosen, mention.start)

    def by_first_word(self, mention: Mention) -> Person | None:
        """The one person whose full name starts with a lone word no one has as a surname.

        "Professor Li Wen-Hsu ... Li said": a name written surname first is referred to by
        its first word, as a given name may be in a feature ("Odile says"). Two such people
        make it no one's.
        """
        word = name_words(mention.name)[:1]
        holders = [p for p in self.people if name_words(p.name)[:1] == word and " " in p.name]
        return self.touch(holders[0], mention.start) if len(holders) == 1 else None

    def knows(self, name: str) -> bool:
        """Whether a name's last word is the surname of someone the story names."""
        words = name_words(name)
        return bool(words) and words[-1] in self.by_surname

    def touch(self, person: Person, offset: int) -> Person:
        """Note that ``person`` was referred to at ``offset``; return them."""
        person.seen = max(person.seen, offset)
        if person in self.recent:
            self.recent.remove(person)
        self.recent.insert(0, person)
        del self.recent[_RECENT:]
        return person

    def forget_order(self) -> None:
        """Start the second reading: nobody has been referred to yet."""
        for person in self.people:
            person.seen = -1
        self.recent = []
        self.subject = None

    def pronoun(
        self, word: str, offset: int, besides: Sequence[Person] = (), *, answer: bool = False
    ) -> Person | None:
        """The most recent person a pronoun can mean; warn when the text does not settle it.

        ``besides`` are people the pronoun cannot mean: those its own clause names as spoken
        to or about ("she told Lund"). Of two people of unknown sex, the subject of the
        sentence before is meant, unless the pronoun's verb answers (``answer``: "X pressed
        the minister. She replied": the one asked).
        """
        folded = word.casefold()
        sex: Sex | None = (
            "f" if folded in ("she", "her") else "m" if folded in ("he", "him") else None
        )
        fitting = [
            p
            for p in self.recent
            if (sex is None or p.sex in (sex, None)) and all(p is not b for b in besides)
        ]
        if not fitting:
            self.warn(offset, f"{word!r} names no one met before; read as narration")
            return None
        candidates = fitting
        if sex is not None and len(fitting) > 1:
            # "she" read as Olsen before: "he" now means someone else
            fitting = [p for p in fitting if p.guess in (sex, None)] or fitting
        chosen = fitting[0]
        subject = self.subject
        if (
            chosen.sex is None
            and not answer
            and subject is not None
            and any(p is subject for p in fitting)
        ):
            chosen = subject  # "Olsen met Berg. "...," she said.": the subject, Olsen
        others = [p for p in candidates if p is not chosen]
        others = [p for p in others if sex is None or p.sex is None or chosen.sex is None]
        guessed = (chosen.sex is None or sex is None) and bool(others)
        if guessed:
            self.warn(offset, f"{word!r} could be {others[0].name!r}; read as {chosen.name!r}")
            chosen.guess = sex
        if chosen.sex is None and not guessed:
            # A guess between two people says nothing sure of either one's sex: taking it
            # as said would send the other pronoun to the other person, wrong twice.
            chosen.sex = sex
        return self.touch(chosen, offset)

    def described(self, words: str, offset: int) -> Person | None:
        """The person a role names ("the captain"), when exactly one recent one has it."""
        folded = " ".join(words.casefold().split())
        holders = [p for p in self.recent if p.role and p.role.casefold().endswith(folded)]
        return self.touch(holders[0], offset) if len(holders) == 1 else None
