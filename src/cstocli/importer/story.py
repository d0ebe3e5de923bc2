"""A news story's result: its parts (quote or narration, with whose words) as passages.

``news`` reads a story paragraph by paragraph into parts; this module numbers them as the
bundled dataset numbers passages (``q1``.., ``n1``..) and gives each person quoted or
reported a speaker id, unique within the story.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cstocli.importer.cast import Person
from cstocli.importer.labels import affiliation_of
from cstocli.importer.names import slug
from cstocli.importer.warning import ImportWarning
from cstocli.model import Located, Passage, PassageKind, Speaker


@dataclass(slots=True)
class Part:
    """A quote or a narration piece of the story, in source order."""

    kind: PassageKind
    person: Person | None
    """Whose words a quote is, or whom a narration reports; None for plain narration."""
    pieces: list[Located] = field(default_factory=list)
    open: bool = False
    """A quote whose closing mark has not come yet (it goes on in the next paragraph)."""


@dataclass(frozen=True, slots=True)
class NewsStory:
    """A news story read into passages and the speakers they name."""

    speakers: tuple[Speaker, ...]
    passages: tuple[Passage, ...]
    warnings: tuple[ImportWarning, ...]


def make_story(text: str, parts: list[Part], warnings: list[ImportWarning]) -> NewsStory:
    """The story's speakers and passages, from its parts over ``text``."""
    ids: dict[int, str] = {}
    speakers: list[Speaker] = []
    for part in parts:
        person = part.person
        if person is None or id(person) in ids:
            continue
        ident = slug(person.name) or "speaker"
        taken = set(ids.values())
        number = 2
        while ident in taken:
            ident, number = f"{slug(person.name)}-{number}", number + 1
        ids[id(person)] = ident
        role = person.role
        speakers.append(Speaker(ident, person.name, role, affiliation_of(role)))
    counts = {"quote": 0, "narration": 0}
    passages = []
    for part in parts:
        counts[part.kind] += 1
        span = (part.pieces[0].span[0], part.pieces[-1].span[1])
        passages.append(
            Passage(
                id=f"{part.kind[0]}{counts[part.kind]}",
                kind=part.kind,
                speaker_id=None if part.person is None else ids[id(part.person)],
                label=None,
                paragraphs=tuple(part.pieces),
                text=text[span[0] : span[1]],
                span=span,
            )
        )
    return NewsStory(tuple(speakers), tuple(passages), tuple(warnings))
