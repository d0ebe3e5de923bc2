"""Which quotation of a news paragraph each reporting verb claims, and for whom.

A verb claims the quotation just before it in its sentence ('"...," said X', '"..." X
said.'), else the one just after it ('X said: "..."'). A quotation an unnamed person says
("asked one resident", "a woman in the front row shouted", "said a police spokesman", and
"he added" right after) is claimed for no one: it stays the reporter's narration, never
given to the named speaker of the paragraph's other quotations. ``news`` reads a story
with these claims.
"""

from __future__ import annotations

import bisect

from cstocli.importer.attributions import Event, Subjects
from cstocli.importer.cast import Person
from cstocli.importer.prose import Prose
from cstocli.importer.quotations import Quotation


def quotation_speakers(
    prose: Prose, quotations: tuple[Quotation, ...], events: list[Event], subjects: Subjects
) -> tuple[list[Person | None], set[int]]:
    """Who says each quotation, and the quotations an unnamed person says.

    A quotation no verb claims takes the speaker of a later one ("A." "B," said X: both
    X's), or the first person the paragraph's verbs name, unless a stranger speaks in it.
    """
    found: list[Person | None] = [None] * len(quotations)
    nobody: set[int] = set()
    ends = [q.outer[1] - prose.base for q in quotations]
    starts = [q.outer[0] - prose.base for q in quotations]

    def slot(at: int) -> int | None:
        ahead = bisect.bisect_right(ends, at) - 1  # the quotation just before the verb
        behind = bisect.bisect_right(starts, at)  # and the one just after it
        free = [i for i in (ahead, behind) if 0 <= i < len(found)]
        free = [i for i in free if found[i] is None and i not in nobody]
        if ahead in free and not prose.breaks(ends[ahead], at):
            return ahead  # "...," said X / "..." X said.
        if behind in free and not prose.breaks(at, starts[behind]):
            return behind  # X said: "..."
        return None

    unnamed_last = False
    for at, person in events:
        if at in subjects.unnamed or (unnamed_last and at in subjects.pronominal):
            index = slot(at)  # "a reporter asked", then "he added": the same stranger
            if index is not None:
                nobody.add(index)
            unnamed_last = True
            continue
        if person is None:
            continue
        unnamed_last = False
        index = slot(at)
        if index is not None:
            found[index] = person
    if found[0] is None and 0 not in nobody:
        first = next((person for _, person in events if person is not None), None)
        later = next((i for i, who in enumerate(found) if who is not None), None)
        if later is not None:
            found[0] = found[later]  # "A." "B," said X: both X's
        elif first is not None and not nobody:
            found[0] = first
    return found, nobody
