"""A Q&A printed without labels: each question a bold paragraph, the answer plain under it.

Magazine and newspaper sites print many interviews so: an intro, then every question as a
paragraph in bold ("**Were you ever lonely?**") and the answer in the plain paragraphs below
it, with no name or "Q:" anywhere. A reader takes the bold paragraphs for the interviewer's
and the plain ones for the interviewee's; so does this module, when an article has no
speaker labels and at least two bold paragraphs that ask (end with "?"), each followed by
a plain one. The interviewer is the byline's writer; the interviewee is the person the
headline names (as for an interview's "A:"), else the first person the intro names who is
not the writer. Without both, nothing is guessed. Paragraphs before the first question are
narration, and so is a closing note in italics ("*The symphony premieres on May 9.*").
A question's quote holds its words without the emphasis marks.
"""

from __future__ import annotations

import re

from cstocli.importer.blocks import Block
from cstocli.importer.layout import Item
from cstocli.importer.people import People
from cstocli.importer.roster import Roster
from cstocli.model import Located

_BOLD = re.compile(r"(\*\*|__)(?P<words>[^*_\n](?:(?!\1).)*?)\1")
_ITALIC = re.compile(r"([*_])[^*_\s](?:(?!\1).)*\1")
_QUESTIONS = 2
"""How many bold questions make an article such an interview."""


def read_bold_interview(
    items: tuple[Item, ...], people: People, roster: Roster
) -> list[Block] | None:
    """The blocks of a Q&A with bold questions and plain answers, or None if it is not one."""
    paragraphs = [item for item in items if item.paragraph is not None and item.label is None]
    if len(paragraphs) != len(items):
        return None  # a label somewhere: a transcript, read as one
    bold = [_question(item.paragraph) for item in paragraphs if item.paragraph is not None]
    asking = [q for q in bold if q is not None and q.text.rstrip().endswith("?")]
    first = next((i for i, q in enumerate(bold) if q is not None), None)
    if len(asking) < _QUESTIONS or first is None:
        return None
    if not all(i + 1 < len(bold) and bold[i + 1] is None for i, q in enumerate(bold) if q):
        return None  # a question without its answer: bold headings, not a Q&A
    writer = next((p for p in people.persons if p.byline), None)
    if writer is None:
        return None
    opening = paragraphs[first].first_line
    answerer = people.answer_side({writer.name}) or next(
        (p for p in people.persons if not p.byline and p.line < opening), None
    )
    if answerer is None:
        return None
    asker, teller = roster.add_person(writer.name, None), roster.add_person(answerer.name, None)
    return _blocks(paragraphs, bold, first, asker, teller)


def _blocks(
    paragraphs: list[Item], bold: list[Located | None], first: int, asker: int, teller: int
) -> list[Block]:
    """Narration before the first question; then questions, answers and closing notes."""
    blocks: list[Block] = []
    for index, item in enumerate(paragraphs):
        paragraph = item.paragraph
        assert paragraph is not None  # only paragraphs were kept
        question = bold[index]
        if index < first or (question is None and _ITALIC.fullmatch(paragraph.text.strip())):
            blocks.append(Block("narration", None, None, item.first_line, [paragraph]))
        elif question is not None:
            blocks.append(Block("quote", asker, None, item.first_line, [question]))
        elif blocks and blocks[-1].speaker == teller:
            blocks[-1].paragraphs.append(paragraph)  # the answer goes on
        else:
            blocks.append(Block("quote", teller, None, item.first_line, [paragraph]))
    return blocks


def _question(paragraph: Located | None) -> Located | None:
    """A paragraph wholly in bold, as its words without the marks; None for any other."""
    if paragraph is None:
        return None
    text = paragraph.text
    lead = len(text) - len(text.lstrip())
    found = _BOLD.fullmatch(text.strip())
    if found is None:
        return None
    start = paragraph.span[0] + lead + found.start("words")
    return Located(found["words"], (start, start + len(found["words"])))
