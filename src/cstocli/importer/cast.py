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

from collections.abc import Callable
from dataclasses import dataclass

from cstocli.importer.mentions import Mention, Sex, find_mentions, pronoun_sex, sentences
from cstocli.importer.names import kinship, name_words

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


class Cast:
    """The people of one story, and who each reference means."""

    def __init__(self, warn: Warn) -> None:
        self.people: list[Person] = []
        self.warn = warn

    def learn(self, prose: str, base: int) -> None:
        """Meet every full name, and learn a sex from sentences naming only one person."""
        for start, end in sentences(prose):
            named = {
                id(person): person
                for mention in find_mentions(prose[start:end], base + start)
                for person in [self.meet(mention, quiet=True)]
                if person is not None
            }
            sex = pronoun_sex(prose[start:end])
            if len(named) == 1 and sex is not None:
                (person,) = named.values()
                person.sex = person.sex or sex

    def meet(self, mention: Mention, *, quiet: bool = False) -> Person | None:
        """The person a mention names: a known one, or (for a full name) a new one."""
        if " " in mention.name:
            for person in self.people:
                if kinship(person.name, mention.name) is not None and len(
                    name_words(mention.name)
                ) >= min(2, len(name_words(person.name))):
                    person.role = person.role or mention.role
                    person.sex = person.sex or mention.sex
                    return self.touch(person, mention.start)
            person = Person(mention.name, mention.role, mention.sex)
            self.people.append(person)
            return self.touch(person, mention.start)
        known = [p for p in self.people if name_words(p.name)[-1:] == name_words(mention.name)]
        if not known:
            return None
        known.sort(key=lambda p: -p.seen)
        if len(known) > 1 and not quiet:
            names = " or ".join(repr(p.name) for p in known)
            self.warn(
                mention.start, f"{mention.name!r} could be {names}; read as {known[0].name!r}"
            )
        return self.touch(known[0], mention.start)

    def touch(self, person: Person, offset: int) -> Person:
        """Note that ``person`` was referred to at ``offset``; return them."""
        person.seen = max(person.seen, offset)
        return person

    def forget_order(self) -> None:
        """Start the second reading: nobody has been referred to yet."""
        for person in self.people:
            person.seen = -1

    def pronoun(self, word: str, offset: int) -> Person | None:
        """The most recent person a pronoun can mean; warn when the text does not settle it."""
        folded = word.casefold()
        sex: Sex | None = (
            "f" if folded in ("she", "her") else "m" if folded in ("he", "him") else None
        )
        recent = sorted((p for p in self.people if p.seen >= 0), key=lambda p: -p.seen)
        fitting = [p for p in recent if sex is None or p.sex in (sex, None)]
        if not fitting:
            self.warn(offset, f"{word!r} names no one met before; read as narration")
            return None
        chosen = fitting[0]
        others = [p for p in fitting[1:] if sex is None or p.sex is None or chosen.sex is None]
        if (chosen.sex is None or sex is None) and others:
            self.warn(offset, f"{word!r} could be {others[0].name!r}; read as {chosen.name!r}")
        if chosen.sex is None:
            chosen.sex = sex
        return self.touch(chosen, offset)

    def described(self, words: str, offset: int) -> Person | None:
        """The person a role names ("the captain"), when exactly one has that role."""
        folded = " ".join(words.casefold().split())
        holders = [p for p in self.people if p.role and p.role.casefold().endswith(folded)]
        return self.touch(holders[0], offset) if len(holders) == 1 else None
