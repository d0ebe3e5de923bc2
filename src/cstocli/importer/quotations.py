"""Find the direct quotations in a paragraph of a news story, to the exact quoted words.

A quotation opens with a double mark (curly, straight or a guillemet) and runs to its closing
mark; quotation marks inside it are nested quotes (single marks, curly or straight, inside the
double ones) and stay part of the quoted words.
Copied text mixes the styles ("\u201cWe are ready," she said): a curly double quotation also
closes at a straight mark standing as a closer, and a straight one at a curly closing mark.
A quotation that is not closed by the paragraph's end runs on to the next paragraph: news
style leaves the closing mark for the last paragraph of a long quote and re-opens each
continued paragraph with a mark. British style quotes with single marks at the outer level;
those count only in a paragraph with no double marks (a straight one only when closed),
told from apostrophes ("won't",
"Norway's", "the '90s", curly or straight) by where they stand: an opening mark follows no
letter and is followed by one, a closing mark follows no space and is followed by no letter.

The quoted words are the characters between the marks, with surrounding white space and a
final comma dropped: in “We are ready,” she said, the comma stands for the speaker's full
stop and belongs to the sentence around the quote. Every span indexes the article text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from cstocli.importer.mentions import NICKNAME
from cstocli.importer.prose import Prose
from cstocli.model import Span

_CLOSING = {
    "\u201c": "\u201d",
    '"': '"',
    "\u00ab": "\u00bb",
    "\u2018": "\u2019",
    "'": "'",
    "\u201e": "\u201c",  # German „...“ (Polish „...”: ``_OTHER_CLOSING``)
}
# Copied text mixes curly and straight double marks ("“We are not there yet,\" she said"): a
# double quotation also closes at the other style's mark where that stands as a closer.
_OTHER_CLOSING = {"\u201c": '"', '"': "\u201d", "\u201e": '\u201d"'}
_DOUBLE_OPENING = re.compile('[\u201c"\u00ab\u201e]')
_SINGLE_OPENING = re.compile(r"(?<![\w\u2019'])[\u2018'](?=[^\W_])")
_TRAILING = " \t\r\n,\u00a0"


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quoted stretch of a paragraph."""

    outer: Span
    """From the opening mark to after the closing one (or to the paragraph's end)."""
    words: Span
    """The quoted words alone: no marks, no surrounding space, no final comma."""
    closed: bool
    """Whether the paragraph closes it; an open one goes on in the next paragraph."""


def find_quotations(text: str, start: int, end: int) -> tuple[Quotation, ...]:
    """The quotations of the paragraph ``text[start:end]``, in order."""
    first_double = _DOUBLE_OPENING.search(text, start, end)
    closings = _Closings(text, start, end)
    double = first_double is not None and not _single_outside(text, start, end, closings)
    found: list[Quotation] = []
    position = start
    while position < end:
        opening = _next_opening(text, position, end, double=double)
        if opening is None:
            break
        mark = text[opening]
        close = closings.after(mark, opening + 1)
        if close is None and mark == "'":
            position = opening + 1  # "the '90s": a straight single mark must be closed
            continue
        stop = end if close is None else close + 1
        if close is not None and _names_something(text, start, opening, close):
            position = stop  # 'known to friends as "Ax"': a name in marks, no one's words
            continue
        inner = (opening + 1, end if close is None else close)
        words = _trimmed(text, *inner)
        if words[0] < words[1]:
            found.append(Quotation((opening, stop), words, close is not None))
        position = stop
    return tuple(found)


def _single_outside(text: str, start: int, end: int, closings: _Closings) -> bool:
    """Whether single marks quote at the outer level, around the paragraph's double ones.

    British style: 'The report said the school was "outstanding",' Carr said. The first
    quotation opens with a single mark before any double one and closes after it.
    """
    single = _SINGLE_OPENING.search(text, start, end)
    double = _DOUBLE_OPENING.search(text, start, end)
    if single is None or double is None or single.start() > double.start():
        return False
    close = closings.after(text[single.start()], single.start() + 1)
    return close is not None and close > double.start()


# Words after which marks hold a name, not speech: 'known to colleagues as "Ax"',
# 'nicknamed "the Wall"', 'what locals have dubbed "the Beast"', 'the so-called "red list"'.
_NAMING = re.compile(
    r"(?:\bknown\s+(?:[\w'\u2019]+\s+){0,3}?as|\bnicknamed|\bdubbed|\bso-called)\s*\Z", re.I
)
_NAME_WORDS = 4
_NICKNAME = re.compile(NICKNAME)


def _names_something(text: str, start: int, opening: int, close: int) -> bool:
    """Whether the short quotation at ``opening`` is a name the words before it give."""
    if len(text[opening + 1 : close].split()) > _NAME_WORDS:
        return False
    if opening > start and _NICKNAME.match(text, opening - 1, close + 3) is not None:
        return text[max(start, opening - 2) : opening - 1].isalpha()  # 'Jonah "Jet" Mbatha'
    return _NAMING.search(text, max(start, opening - 40), opening) is not None


# An attribution inside an unclosed quotation: its closing mark is missing before it
# ('"We have no choice, said chief librarian Nora Field.').
_ATTRIBUTION_INSIDE = re.compile(
    r"[,?!]\s+(?:(?:said|says|added|adds|told|tells|asked|wrote)\s+(?:[a-z]+\s+){0,3}[A-Z]"
    r"|(?:[A-Z][\w'\u2019-]*\s+){1,3}(?:said|says|added|adds|told|asked|wrote)\b)"
)


def attributed_inside(words: str) -> bool:
    """Whether an unclosed quotation's words hold their own attribution (a missing mark)."""
    return _ATTRIBUTION_INSIDE.search(words) is not None


_PULLED_WORDS = 4  # fewer words ("No.", "Thank you.") may repeat by chance
_PULL_REACH = 3000  # how far around a pull quote its source is looked for


def repeated_nearby(text: str, start: int, end: int) -> bool:
    """Whether the first quotation of ``text[start:end]`` is quoted again near it.

    News pages repeat a sentence of the story as a display quote (a pull quote); whose it
    is, the story says where it quotes it. Only the stretch around the paragraph is
    searched, so a long story costs no more per quotation.
    """
    found = find_quotations(text, start, end)
    if not found:
        return False
    words = text[slice(*found[0].words)].rstrip(".!?,;:\u2026 ")
    if len(words.split()) < _PULLED_WORDS:
        return False
    if text.find(words, max(0, start - _PULL_REACH), start) != -1:
        return True
    return text.find(words, end, end + _PULL_REACH) != -1


def opens_with_quotation(text: str, start: int, end: int) -> bool:
    """Whether the paragraph starts with a quotation mark (a quote going on, or a new one)."""
    found = find_quotations(text, start, end)
    return bool(found) and found[0].outer[0] == start


def blank_quotations(text: str, start: int, end: int) -> str:
    """The paragraph with every quotation (marks included) replaced by spaces.

    Offsets stay as they were, so a position in the result is a position in the paragraph:
    what remains is the reporter's own words ("she said", "according to").
    """
    chars = list(text[start:end])
    for quotation in find_quotations(text, start, end):
        for index in range(quotation.outer[0] - start, quotation.outer[1] - start):
            chars[index] = " "
    return "".join(chars)


def _next_opening(text: str, position: int, end: int, *, double: bool) -> int | None:
    """Where the next outer quotation opens, or None."""
    pattern = _DOUBLE_OPENING if double else _SINGLE_OPENING
    found = pattern.search(text, position, end)
    return None if found is None else found.start()


class _Closings:
    """Where each kind of quotation may close in a paragraph, found once for the paragraph.

    A single mark closes only where it follows a non-space and no letter follows it; the
    positions are listed once, so each quotation finds its close by bisection and a
    paragraph full of apostrophes costs time in proportion to its length.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.found: dict[str, list[int]] = {}

    def after(self, mark: str, position: int) -> int | None:
        """The first place after ``position`` where a quotation opened by ``mark`` closes."""
        found = self.first(_CLOSING[mark], position, single=mark in "\u2018'")
        for other in _OTHER_CLOSING.get(mark, ""):
            mixed = self.first(other, position, single=True)
            if mixed is not None and (found is None or mixed < found):
                found = mixed
        return found

    def first(self, closing: str, position: int, *, single: bool) -> int | None:
        """The first mark ``closing`` after ``position`` (``single``: standing as a closer)."""
        places = self.found.get(closing + "1" if single else closing)
        if places is None:
            places = self.found[closing + "1" if single else closing] = self.places(
                closing, single=single
            )
        index = bisect.bisect_left(places, position)
        return places[index] if index < len(places) else None

    def places(self, closing: str, *, single: bool) -> list[int]:
        text, found = self.text, []
        index = text.find(closing, self.start, self.end)
        while index != -1:
            after = text[index + 1 : index + 2]
            closes = not text[index - 1].isspace() and not (after.isalnum() or after == "_")
            if not single or closes:
                found.append(index)
            index = text.find(closing, index + 1, self.end)
        return found


def _trimmed(text: str, start: int, end: int) -> Span:
    """``[start, end)`` without surrounding white space and a final comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


# A paragraph opening by saying whose the quotation before it was: "So said Ann Lee.",
# "That was the warning from Ann Lee", "Those were the words of Ann Lee", "That is how Ann
# Lee learned ..." (in the next paragraph, or in the quote's own after it).
_POINTS_BACK = re.compile(
    r"\s*(?:(?:So|Thus)\s+(?:said|says|wrote|writes)\b"
    r"|(?:That|This|Those|These|Such)\s+(?:was|were|is|are)\s+(?:the\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:of|from|by)\b"
    r"|(?:The|Those|These)\s+(?:words|remarks|comments)\s+(?:came\s+from|were\s+those\s+of)\b"
    r"|(?:That|This)(?:\s+is|\s+was|['\u2019]s)\s+how\b)"
)


def points_back(prose: str) -> int | None:
    """Where a paragraph that names the speaker of the quotation before it names them.

    The offset just after "So said", "That was the promise from"...; None when the
    paragraph does not open so.
    """
    found = _POINTS_BACK.match(prose)
    return None if found is None else found.end()


# A quotation introduced by a colon after someone's words named with "her" or "his": "Her
# message to markets was blunt: "...".", "His answer was short: "..."". The quote is theirs.
_OWNED_WORDS = re.compile(
    r"\s*(?:(Her|His)|(?P<name>[A-Z][\w-]*(?:['\u2019][A-Z][\w-]*)?(?:\s+[A-Z][\w-]*){0,3})"
    r"['\u2019]s)\s+(?:[a-z]+\s+){0,2}(?:message|answer|reply|response|warning|advice|"
    r"verdict|words|view|promise|plea|argument|explanation|point|assessment|conclusion|"
    r"instructions?|prediction|answers)\b[^.!?:]{0,80}:\s*\Z"
)


def owned_by(prose: str) -> str | None:
    """Whose words a paragraph's last quotation is ("her", "his" or a name), or None.

    ``prose`` is the paragraph with its quotations blanked: it must open with "Her message
    ... :" or "Holt's verdict ... :" (or the like) and end with the quotation the colon
    introduces. A name is returned as written, without its "'s".
    """
    found = _OWNED_WORDS.match(prose)
    if found is None:
        return None
    return found["name"] if found["name"] is not None else found[1].casefold()


# The short sentence just before a quotation, naming who acts: "Moen laughs.", "She shrugs."
_ACTION = re.compile(r"(?:\A|(?<=[.!?])\s+)(?P<sentence>[A-Z][^.!?]{0,60}[.!?])\s*\Z")
_ACTION_WORDS = 6
_ACTION_REACH = 80


def acting_before(lead: str) -> int | None:
    """Where a short sentence ending just before a quotation starts, or None.

    In a feature, "Saltvik-Moen laughs. \u201cNot about her.\u201d" gives the quote to the one
    the sentence before it is about: its subject, named at that offset of ``lead`` (the
    paragraph's words before the quotation).
    """
    lead = lead.rstrip()
    window = max(0, len(lead) - _ACTION_REACH)  # the sentence is short: no need to look far
    found = _ACTION.search(lead, window)
    if found is None or len(found["sentence"].split()) > _ACTION_WORDS:
        return None
    return found.start("sentence")


# A credit after a quotation, a dash then the name: "\u201c...\u201d \u2014 Ann Lee, envoy".
_CREDIT_DASH = re.compile(r"(?:\u2014|\u2013|--?)\s*\Z")


def credited(prose: str, quotation_ends: list[int], at: int) -> int | None:
    """Where a dash credits the quotation just before it to the name at ``at``, or None.

    ``prose`` is the paragraph with its quotations blanked, ``quotation_ends`` where they end.
    """
    dash = _CREDIT_DASH.search(prose, max(0, at - 8), at)
    if dash is None:
        return None
    ended = bisect.bisect_right(quotation_ends, dash.start()) - 1
    if ended < 0 or prose[quotation_ends[ended] : dash.start()].strip():
        return None  # a dash in the reporter's words, not after a quotation
    return dash.start()


# After an attribution's first comma, a clause of the reporter's own: a participle ("adding
# that", "pointing to"), a subordinate or a coordinated clause ("as the crowd cheered").
_CLAUSE_GOES_ON = re.compile(
    r",\s*(?:as|while|when|after|before|because|although|though|since|until|and|but|so|then"
    r"|[a-z]+ing)\b"
)


# Words between two quotations that state more than who speaks: a figure ("whose
# department paid $40m", "who had waited 3 hours"), or more words than a tag and a short
# description take ("said Ann Lee, the mayor, who chairs the board" is nine).
_STATES_MORE = re.compile(r"\d")
_ATTRIBUTION_WORDS = 9


def only_attribution(prose: Prose, begin: int, end: int, verbs: int) -> bool:
    """Whether the words between two quotations only say who speaks ("...," she said. "...").

    ``[begin, end)`` is where they stand in the paragraph; ``verbs`` counts the reporting
    verbs among them. A reader takes them as part of the quoting when they are one
    attribution clause, with at most a short description of the speaker ("said Ann Lee,
    the mayor, who chairs the board"); a figure ("who had waited 3 hours") or more words
    than a tag and a description take is the reporter's, as are a sentence of their
    own, a second reporting verb or a clause going on after the attribution ("...,
    adding that 300 homes were flooded"): narration.
    """
    gap = prose.text[begin:end]
    words = gap.rstrip(" \t\r\n,;:.\u2014\u2013-")
    if verbs > 1 or prose.breaks(begin, begin + len(words)):
        return False
    if len(words.split()) > _ATTRIBUTION_WORDS or _STATES_MORE.search(words):
        return False  # "said Lane, whose department paid $40m for the wall": the reporter's
    return _CLAUSE_GOES_ON.search(words) is None
