"""The roster of an article's speakers, built label by label.

Each label is matched against the speakers met so far (``naming.kinship``): the same name,
a shorter or longer form of it, or another transliteration joins that speaker; anything else
is a new speaker. A merge that is not plain equality is reported as a warning, and so is a
label whose name would fit two speakers (it then gets a speaker of its own). The name kept
is the first one written in a plain ``Name:`` or ``Name, Role:`` label, because the name of
a ``Role Name:`` label is a guess; every other form becomes an alias. The role is the first
one given; a different one later is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from cstocli.importer.court import (
    Witness,
    is_court_label,
    is_witness_label,
    on_the_bench,
    witness_at,
)
from cstocli.importer.labels import Label, affiliation_of
from cstocli.importer.names import HONORIFICS, kinship, name_words, slug, surname_key
from cstocli.importer.people import People
from cstocli.importer.titles import is_title_word
from cstocli.importer.warning import ImportWarning
from cstocli.model import Speaker, is_placeholder

_KIN = 50
"""At most this many earlier speakers whose surnames start alike are compared with a new
label: a cast that large is a crowd (a list of ``Speaker N``, a machine's output), and
comparing each label with all of it would make the import quadratic."""


@dataclass(slots=True)
class _Entry:
    """A speaker being gathered: every form and role the article gives them."""

    name: str
    guessed: bool
    interview: bool
    role: str | None = None
    forms: list[str] = field(default_factory=list)


class Roster:
    """The speakers of one article, in order of first appearance."""

    def __init__(
        self, people: People | None = None, witnesses: list[Witness] | None = None
    ) -> None:
        self._witnesses = witnesses or []
        self._entries: list[_Entry] = []
        self.warnings: list[ImportWarning] = []
        self._people = people or People([])
        self._answer: int | None = None
        self._linked: set[tuple[str, str]] = set()
        self._placeholders: dict[str, int] = {}  # by name: found at once however many
        self._by_words: dict[tuple[str, ...], int] = {}  # a named speaker by any form
        self._by_surname: dict[str, set[int]] = {}  # named speakers who may be kin

    def resolve(self, label: Label, line: int) -> int:
        """Return the index of the speaker this label names, adding or merging as needed.

        A question side, a placeholder ("Speaker 1") and an answer side nobody is named for
        stay what the label says; a terse label the article names in full elsewhere
        ("MS KELLAWAY", "THE PRESIDENT", an interview's answer side) becomes that person.
        """
        sworn = self._sworn(label, line)
        if sworn is not None:
            return sworn
        if label.interview == "answer":
            if self._answer is None:
                taken = {entry.name for entry in self._entries}
                person = self._people.answer_side(taken)
                if person is None:
                    self._answer = self._interview(label.name)
                else:
                    named = replace(label, name=person.name, role=person.role, interview=None)
                    self._answer = self._named(named, line)
                    message = f"{label.text!r} read as {person.name!r}, whom the article names"
                    self.warnings.append(ImportWarning(line, message))
            return self._answer
        label = self._unbracketed(label)
        if label.interview is not None or is_placeholder(label.name):
            return self._interview(label.name)
        if label.role_first and label.role is not None:
            split = self._people.resplit(label.role, label.name)
            if split is not None:
                label = replace(label, name=split[0], role=split[1])
        linked = self._link(label)
        if linked is None:
            namesakes = _namesakes(label, self._people)
            if namesakes and name_words(label.name) not in self._by_words:
                # Two people the article names share the surname: a bare "HARLOW:" may be
                # either, and a quote under the wrong one is worse than under the label.
                names = ", ".join(repr(n) for n in namesakes)
                message = f"{label.name!r} could be any of {names}; kept as a speaker of its own"
                self.warnings.append(ImportWarning(line, message))
                self._entries.append(_Entry(label.name, False, False, label.role, []))
                self._remember(len(self._entries) - 1, label.name)
                return len(self._entries) - 1
            return self._named(label, line)
        written = label.name
        own = label.role if label.role == linked[1] else None  # else the role stated with the name
        label = replace(label, name=linked[0], role=own, role_first=False)
        if linked[0] != written and (written, linked[0]) not in self._linked:
            self._linked.add((written, linked[0]))  # said once, at the first such label
            message = f"{written!r} read as {linked[0]!r}, whom the article names in full"
            self.warnings.append(ImportWarning(line, message))
        index = self._named(label, line)
        entry = self._entries[index]
        self._remember(index, written)
        if entry.role is None:  # the role the article states where it names them
            entry.role = linked[1]
        return index

    def _link(self, label: Label) -> tuple[str, str | None] | None:
        """The full name and role the article gives a terse label; "THE COURT" is the judge."""
        linked = self._people.link(label)
        if linked is None and is_court_label(label.name):
            return on_the_bench([(p.name, p.role) for p in self._people.persons])
        return linked

    def _sworn(self, label: Label, line: int) -> int | None:
        """The witness sworn last before an answer or "THE WITNESS:" label, if any."""
        if label.interview != "answer" and not is_witness_label(label.name):
            return None
        witness = witness_at(self._witnesses, line)
        if witness is None:
            return None
        known = [p for p in self._people.persons if name_words(p.name) == name_words(witness.name)]
        name, role = (known[0].name, known[0].role) if known else (witness.name, None)
        if name_words(name) not in self._by_words:
            message = f"{label.text!r} read as {name!r}, the witness sworn on line {witness.line}"
            self.warnings.append(ImportWarning(line, message))
        sworn = replace(label, name=name, role=role, role_first=False, interview=None)
        return self._named(sworn, line)

    def _unbracketed(self, label: Label) -> Label:
        """A placeholder label naming its person in brackets, read as that person.

        "MODERATOR (Jonas Whitlock):" is Jonas Whitlock, the placeholder word his role, when
        the text names him elsewhere too; an outlet ("Reporter (Daily Meridian)") is nobody
        the text names.
        """
        inside = re.search(r"\(([^()]+)\)", label.text)
        if label.interview is not None or not is_placeholder(label.name) or inside is None:
            return label
        if not self._people.knows(inside[1]):
            return label
        return replace(label, name=inside[1].strip(), role=label.name.upper(), role_first=False)

    def add_person(self, name: str, role: str | None) -> int:
        """The index of a speaker no label names (the giver of unlabelled remarks)."""
        known = self._by_words.get(name_words(name))
        if known is not None and self._entries[known].name == name:
            return known
        self._entries.append(_Entry(name, False, False, role, []))
        self._remember(len(self._entries) - 1, name)
        return len(self._entries) - 1

    def _named(self, label: Label, line: int) -> int:
        """The index of a named speaker: joined to one met before, or new."""
        same = self._by_words.get(name_words(label.name))
        if same is not None:  # the common case, a label met before: no scan of everyone
            return self._join(same, label, line, "same")
        matches = [
            (index, kind)
            for index in sorted(self._by_surname.get(surname_key(label.name), ()))[:_KIN]
            for kind in [_kinship_any(label.name, self._entries[index])]
            if kind is not None
        ]
        exact = [index for index, kind in matches if kind == "same"]
        if exact:
            return self._join(exact[0], label, line, "same")
        if len(matches) == 1:
            index, kind = matches[0]
            return self._join(index, label, line, kind)
        if len(matches) > 1:
            names = ", ".join(repr(self._entries[i].name) for i, _ in matches)
            message = f"{label.name!r} could be any of {names}; kept as a speaker of its own"
            self.warnings.append(ImportWarning(line, message))
        self._entries.append(_Entry(label.name, label.role_first, False, label.role, []))
        self._remember(len(self._entries) - 1, label.name)
        return len(self._entries) - 1

    def _remember(self, index: int, form: str) -> None:
        """Add a form of a speaker's name, and find the speaker by it from now on."""
        entry = self._entries[index]
        if form not in entry.forms:
            entry.forms.append(form)
        self._by_words.setdefault(name_words(form), index)
        self._by_surname.setdefault(surname_key(form), set()).add(index)

    def name(self, index: int) -> str:
        """The name kept for the speaker at ``index``."""
        return self._entries[index].name

    def named(self) -> list[int]:
        """The indexes of the named speakers (no question side, no placeholder)."""
        return [i for i, entry in enumerate(self._entries) if not entry.interview]

    def kin(self, name: str) -> list[int]:
        """The named speakers whose surnames start as ``name``'s does (``surname_key``)."""
        return sorted(self._by_surname.get(surname_key(name), ()))

    def roleless(self) -> dict[int, str]:
        """The named speakers without a role yet, by index, with their names."""
        return {i: self._entries[i].name for i in self.named() if self._entries[i].role is None}

    def give_role(self, index: int, role: str) -> None:
        """Give a roleless speaker the role the text states elsewhere (``introductions``)."""
        if self._entries[index].role is None:
            self._entries[index].role = role

    def speakers(self, used: set[int]) -> tuple[tuple[Speaker, ...], dict[int, str]]:
        """The speakers with at least one quote, and the id each index was given."""
        speakers: list[Speaker] = []
        ids: dict[int, str] = {}
        taken: set[str] = set()
        for index, entry in enumerate(self._entries):
            if index not in used:
                continue
            ident = _unique(slug(entry.name) or "speaker", taken)
            ids[index] = ident
            aliases = _aliases(entry)
            affiliation = affiliation_of(entry.role)
            speakers.append(Speaker(ident, entry.name, entry.role, affiliation, aliases))
        return tuple(speakers), ids

    def _interview(self, name: str) -> int:
        """The index of a question side or placeholder, created on first use.

        Such a speaker is never merged with a named one.
        """
        known = self._placeholders.get(name)
        if known is not None:
            return known
        self._placeholders[name] = len(self._entries)
        self._entries.append(_Entry(name, False, True, None, [name]))
        return len(self._entries) - 1

    def _join(self, index: int, label: Label, line: int, kind: str) -> int:
        """Add a label's name and role to an existing speaker."""
        entry = self._entries[index]
        if kind != "same":
            how = "another spelling of" if kind == "spelling" else "another form of"
            message = f"{label.name!r} read as {how} {entry.name!r}; merged into one speaker"
            self.warnings.append(ImportWarning(line, message))
        # A "Role Name:" label's name is its last two words; a plain label that gives
        # more words ("Recep Tayyip Erdoğan") is the fuller, surer form.
        if (
            entry.guessed
            and not label.role_first
            and len(label.name.split()) > len(entry.name.split())
        ):
            entry.role = _role_without(entry.role, label.name)
            entry.name, entry.guessed = label.name, False
        self._remember(index, label.name)  # each form once: matching stays linear in labels
        if label.role is not None and entry.role is None:
            entry.role = label.role
        elif label.role is not None and label.role != entry.role:
            message = (
                f"{entry.name!r} is labelled with a second role {label.role!r}; kept the first"
            )
            self.warnings.append(ImportWarning(line, message))
        return index


def _namesakes(label: Label, people: People) -> list[str]:
    """The full names a one-word label ("HARLOW:") could be, when the text names several."""
    words = [w for w in name_words(label.name) if w not in HONORIFICS and w != "the"]
    if len(words) != 1 or is_title_word(words[0]):
        return []
    names = {
        name_words(p.name): p.name
        for p in people.persons
        if len(name_words(p.name)) > 1 and kinship(words[0], p.name) == "part"
    }
    return sorted(names.values()) if len(names) > 1 else []


def _kinship_any(name: str, entry: _Entry) -> str | None:
    """The closest kinship between a name and any form a speaker was labelled with."""
    kinds = {kinship(name, form) for form in entry.forms}
    for kind in ("same", "part", "spelling"):
        if kind in kinds:
            return kind
    return None


def _role_without(role: str | None, name: str) -> str | None:
    """A guessed role minus the start of the fuller name ("President Recep" -> "President")."""
    if role is None:
        return None
    words, names = role.split(), name.split()
    for size in range(min(len(words), len(names)), 0, -1):
        if words[-size:] == names[:size]:
            return " ".join(words[:-size]) or None
    return role


def _aliases(entry: _Entry) -> tuple[str, ...]:
    """The other forms of a speaker's name, once each, in order of appearance."""
    seen = {entry.name.casefold()}
    aliases = []
    for form in entry.forms:
        if form.casefold() not in seen:
            seen.add(form.casefold())
            aliases.append(form)
    return tuple(aliases)


def _unique(ident: str, taken: set[str]) -> str:
    """``ident``, or ``ident-2``, ``ident-3``... when two speakers share a slug."""
    candidate, number = ident, 1
    while candidate in taken:
        number += 1
        candidate = f"{ident}-{number}"
    taken.add(candidate)
    return candidate
