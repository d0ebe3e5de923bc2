"""Cut an article's text into its headline and a sequence of labels and paragraphs.

Offsets are character offsets into the text exactly as given (carriage returns included), so every
``Located`` here satisfies ``text[start:end] == located.text``.

Paragraphs: a speaker label always starts a new paragraph, and so does a blank line. Two
lines with no blank line between them are one hard-wrapped paragraph when the article is
wrapped, and two paragraphs otherwise. An article counts as wrapped when most of its
adjacent unlabelled line pairs break mid-sentence (the first line ends without ``.!?:;``
or a closing quote or bracket); a transcript written one paragraph per line ends nearly every
line with a full stop, so "Q: ...", "A: ..." without blank lines reads right either way.

The headline is the first non-blank line (when that is a speaker label, it is also the
first line of the body, with a warning); the same line
repeated straight after it (sites print the title twice), with nothing but page furniture
between, is part of the headline too.
A line ending in a colon that is no label and is at most three words, or a known piece of
page furniture ("Share:", "Font size:"), is dropped with a warning.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from cstocli.importer.chrome import (
    is_caption_part,
    is_chrome_line,
    is_label_line,
    is_masthead_line,
)
from cstocli.importer.labels import Label, is_furniture
from cstocli.importer.markup import split_dashes
from cstocli.importer.persons import is_personal_name, is_role_line
from cstocli.importer.turns import (
    is_listing,
    is_page_furniture,
    known_heads,
    line_labels,
    lone_labels,
    mid_turns,
    running_heads,
)
from cstocli.importer.warning import ImportWarning
from cstocli.model import Located
from cstocli.text import CLOSERS, ends_sentence

_WRAPPED_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the article, without its line break."""

    number: int
    """1-based line number."""
    start: int
    """Offset of the line's first character."""
    text: str
    """The line's characters, without its line break."""
    blank: bool = field(init=False, repr=False, compare=False)
    """Whether the line holds nothing but white space (a byte-order mark counts). Computed
    once: every stage of the import asks it of every line, ten times a line in all."""

    def __post_init__(self) -> None:
        stripped = self.text.strip()
        object.__setattr__(self, "blank", not stripped or not _trimmed(stripped))


@dataclass(frozen=True, slots=True)
class Item:
    """One piece of the article body: a label alone on its line, or a paragraph."""

    label: Label | None
    """The label opening this piece, alone on its line or inline before the speech."""
    paragraph: Located | None
    """The paragraph (for an inline label, the speech after it); None for a lone label."""
    first_line: int
    """The 1-based line the piece starts on."""
    last_line: int
    """The 1-based line the piece ends on."""


@dataclass(frozen=True, slots=True)
class Headline:
    """The headline and where the body starts."""

    title: Located
    """The headline as it stands (the first line when the article opens with a label)."""
    body_start: int
    """Offset of the first character of the body."""
    body_line: int
    """Index into the lines of the first body line."""


def split_lines(text: str) -> tuple[Line, ...]:
    """The article's lines with their offsets.

    LF, CR LF and a lone CR (old Mac files, mixed copies) each end a line.
    """
    if "\r" not in text:  # most files: LF alone, split in C
        pieces = text.split("\n")
        if not pieces[-1]:
            pieces.pop()  # the line break ending the last line (or an empty text)
        starts = itertools.accumulate((len(piece) + 1 for piece in pieces), initial=0)
        return tuple(map(Line, itertools.count(1), starts, pieces))
    lines = []
    for number, match in enumerate(re.finditer(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text), 1):
        content = match.group().rstrip("\n").rstrip("\r")
        lines.append(Line(number, match.start(), content))
    return tuple(lines)


_LINE_NUMBER = re.compile(r"[ \t]*\d{1,2}(?:[ \t]{2,}|\t)(?=\S)")


def without_line_numbers(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines less the numbers a court or hearing transcript prints before each.

    Only when most non-blank lines carry one (1-25 on every page); otherwise the lines as
    they are.
    """
    filled = [line for line in lines if not line.blank]
    numbered = [_LINE_NUMBER.match(line.text) for line in filled]
    if not filled or sum(1 for m in numbered if m) * 2 < len(filled):
        return lines
    stripped = []
    for line in lines:
        found = _LINE_NUMBER.match(line.text)
        cut = found.end() if found else 0
        stripped.append(Line(line.number, line.start + cut, line.text[cut:]))
    return tuple(stripped)


def find_headline(lines: tuple[Line, ...]) -> tuple[Headline, list[ImportWarning]]:
    """Read the headline (and its repetition) off the top of the article."""
    filled = [i for i, line in enumerate(lines) if not line.blank]
    if not filled:
        return Headline(Located("", (0, 0)), 0, len(lines)), []
    first = lines[filled[0]]
    if is_label_line(first.text, first.start, "\n".join(x.text for x in lines)):
        # A dataset needs a title; the opening line is the best words there are.
        message = "no headline: the article opens with a label; its first line is the title"
        title = _located(first)
        return Headline(title, title.span[0], filled[0]), [ImportWarning(first.number, message)]
    chosen = _headline_index(lines, filled)
    first = lines[chosen]
    heading = _HEADING_MARKS.match(first.text)
    title = _located(first, first.start + (heading.end() if heading else 0))
    body = [i for i in filled if i > chosen]
    # Furniture ("Share:") may stand between the headline and its repetition.
    chrome = 0
    while chrome < len(body) and is_furniture(lines[body[chrome]].text):
        chrome += 1
    if chrome < len(body) and _same_words(lines[body[chrome]].text, title.text):
        body = body[chrome + 1 :]
    if not body:
        return Headline(title, len(lines[-1].text) + lines[-1].start, len(lines)), []
    return Headline(title, _located(lines[body[0]]).span[0], body[0]), []


_CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)(?!\w)")
# Markdown heading or emphasis marks, or a copied PDF's line number ("2      STATE v. LEE").
_HEADING_MARKS = re.compile(
    r"\A[ \t]*\d{1,2}[ \t]{3,}(?=\S)|[ \t]*(?:#{1,6}[ \t]+|[*_]{1,2}(?=\S))"
)
_TOP_LINES = 12
_APPEARANCES = re.compile(r"(?i)\s*(?:appearances|witnesses|participants|panelists)\s*:?\s*\Z")
_CASE = re.compile(r"[A-Za-z.,]\s+(?:v\.|vs\.?)\s+[A-Z]")
_CREDIT = re.compile(
    r"(?<=[.!?])\s*(?:[(\[][^()\[\]]{1,80}[)\]]|"
    r"(?i:photo|photograph|picture|image|credit)s?:\s*[^.!?]{1,80})\s*\Z"
)
_HEADLINE_WORDS = 4


def _headline_index(lines: tuple[Line, ...], filled: list[int]) -> int:
    """Which of the top lines is the headline, chosen as a reader does.

    Site chrome above it (menus, breadcrumbs "Home > Briefings", "Skip to main content", a
    section name) is passed over: among the lines before the body starts (a label, a
    sentence, or a participant list's first name) the headline is the longest that is no
    chrome, no bracketed caption and no label; a breadcrumb ending in the headline yields to
    the headline itself. With no such line, the first line is the title.
    """
    candidates: list[tuple[int, str]] = []
    mastheads: list[int] = []
    lines_text = "\n".join(line.text for line in lines)  # a heading's "name" labels no turn
    for index in filled[:_TOP_LINES]:
        line = lines[index]
        words = _HEADING_MARKS.sub("", line.text).strip().strip("*_").strip()
        if is_label_line(line.text, line.start, lines_text) or _APPEARANCES.match(words):
            break  # a turn, or who appears for whom: the caption above is over
        if is_masthead_line(words):
            mastheads.append(index)  # the issuer: the title only when nothing else is
            continue
        chrome = is_page_furniture(words) or _is_breadcrumb(words) or is_chrome_line(words)
        # A sentence may close a quotation, or carry a photo credit in brackets ("... last
        # month. (Herald photo/Ann Lee)": a caption under the headline, not one).
        ending = _CREDIT.sub("", words).rstrip("\"'\u201d\u2019)]")
        if chrome or is_caption_part(words, ending):  # a cookie notice or "News provided by
            continue  # X Inc." is no start of the body
        if ending.endswith("?") and (not candidates or ":" in words):
            candidates.append((index, words))  # a headline asking ("Phone-In: Should ...?")
            continue
        question = ending.endswith(("?", "!", ":")) and not words.isupper()
        if ending.endswith(".") or (question and len(words.split()) >= 6):
            break  # the body has begun (a sentence, or one introducing a quotation: "X said:")
        if words[:1] in "[(":
            continue
        if candidates and (_lists_people(words, lines, filled, index) or _opens(lines, index)):
            break  # a participant list, or a turn whose speech follows on the next line
        candidates.append((index, words))
    if not candidates:
        return (mastheads or filled)[0]
    texts = [text for _, text in candidates]
    kept = [
        (index, text)
        for index, text in candidates
        if not any(other != text and text.endswith(other) for other in texts)
    ]
    # Length in words and single spaces: a caption spaced out to a column ("v.        No.
    # 25-0113") is no long headline.
    # A line giving a clock time ("... Call May 6, 2026 5:00 PM ET") is the dateline under
    # a headline, not the headline.
    cases = [found for found in kept if _CASE.search(found[1])]
    if len(cases) == 1:
        return cases[0][0]  # "STATE v. ANN LEE": a reader names a case by its parties
    timeless = [found for found in kept if not _CLOCK_TIME.search(found[1])]
    kept = timeless or kept
    chosen = max(kept, key=lambda found: len(" ".join(found[1].split())))
    # A standfirst (the sentence that sums the story up under the headline) is often longer
    # than the headline: when the longest line is prose straight under another prose line,
    # that line above it is the headline. Site chrome is title case ("Office of the Press
    # Secretary"), so it never takes the place of a standfirst's headline.
    place = kept.index(chosen)
    if place and _is_prose(chosen[1]) and _is_prose(kept[place - 1][1]):
        above = kept[place - 1]
        if above[0] == _previous_filled(filled, chosen[0]):
            return above[0]
    return chosen[0]


def _is_prose(words: str) -> bool:
    """Whether a line is written in sentence case with a few words (not a title-case name)."""
    tokens = [w for w in words.split()[1:] if w[:1].isalpha()]
    capitals = sum(1 for w in tokens if w[:1].isupper())
    return len(words.split()) >= _HEADLINE_WORDS and capitals * 2 < len(tokens)


def _previous_filled(filled: list[int], index: int) -> int | None:
    """The non-blank line just above line ``index``, if any."""
    before = [i for i in filled if i < index]
    return before[-1] if before else None


def _lists_people(words: str, lines: tuple[Line, ...], filled: list[int], index: int) -> bool:
    """Whether a top line opens a participant list: "Ann Lee - Role", or a name over a role."""
    parts = split_dashes(words)
    if not is_personal_name(parts[0]):
        return False
    after = [i for i in filled if i > index][:1]
    return len(parts) > 1 or (bool(after) and is_role_line(lines[after[0]].text.strip()))


def _opens(lines: tuple[Line, ...], index: int) -> bool:
    """Whether a top line has a sentence straight under it: a label over its speech."""
    after = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    return after.endswith((".", "?", "!"))


def _is_breadcrumb(text: str) -> bool:
    """Whether a line is a trail of sections ("Transcripts > Title", "Home / Events")."""
    return any(mark in text for mark in (" \u203a ", " \u00bb ", " / ", " > "))


def segment(
    text: str, lines: tuple[Line, ...]
) -> tuple[tuple[Item, ...], bool, list[ImportWarning]]:
    """Cut body lines into items; also say whether the text is hard-wrapped, and warn."""
    warnings: list[ImportWarning] = []
    kept: list[tuple[Line, Label | None]] = []
    labels, words = line_labels(lines)
    lone = lone_labels(lines, warnings, labels)
    heads = running_heads(lines, labels)
    for line in lines:
        if line.blank:
            kept.append((line, None))
            continue
        label = labels[line.number] or lone.get(line.number)
        speech = None if label is None or label.speech_start is None else label.speech_start
        if speech is not None and is_listing(line.text[speech - line.start :]):
            label = None  # "WITNESS: ANN LEE, ADMINISTRATOR": a participant list's line
        if label is None and is_furniture(line.text):
            message = f"{line.text.strip()!r} ends with a colon but is no speaker label; skipped"
            warnings.append(ImportWarning(line.number, message))
            continue
        if label is None and (is_page_furniture(line.text) or " ".join(line.text.split()) in heads):
            # "* * *", "END", "Page 2 of 3", a timestamp alone: no one's words, but said, so
            # a reader can check that nothing of the story was dropped.
            message = f"{line.text.strip()!r} read as page furniture"
            warnings.append(ImportWarning(line.number, message))
            continue
        kept.append((line, label))
    wrapped = _is_wrapped(kept)
    items = _items(text, kept, wrapped=wrapped)
    return tuple(split_turns(text, items, known_heads(kept), words)), wrapped, warnings


def _items(text: str, kept: list[tuple[Line, Label | None]], *, wrapped: bool) -> list[Item]:
    """Group lines into items: a label or blank line ends a paragraph, so may a line break."""
    items: list[Item] = []
    open_paragraph = False
    for line, label in kept:
        if line.blank:
            open_paragraph = False
            continue
        if label is not None and label.speech_start is None:
            items.append(Item(label, None, line.number, line.number))
            open_paragraph = False
            continue
        start = line.start if label is None or label.speech_start is None else label.speech_start
        located = _located(line, start)
        if open_paragraph and wrapped and label is None:
            previous = items[-1]
            assert previous.paragraph is not None  # an open paragraph always has one
            begin = previous.paragraph.span[0]
            joined = Located(text[begin : located.span[1]], (begin, located.span[1]))
            items[-1] = Item(previous.label, joined, previous.first_line, line.number)
        else:
            items.append(Item(label, located, line.number, line.number))
        open_paragraph = True
    return items


def split_turns(
    text: str, items: list[Item], known: frozenset[tuple[str, ...]], words: frozenset[str]
) -> list[Item]:
    """Cut paragraphs holding more than one turn ("...? NAME: answer") at their labels."""
    result: list[Item] = []
    for item in items:
        paragraph = item.paragraph
        turns = [] if paragraph is None else mid_turns(text, *paragraph.span, known, words)
        if paragraph is None or not turns:
            result.append(item)
            continue
        begin, label = paragraph.span[0], item.label
        for turn in turns:
            result.append(
                Item(label, _trim(text, begin, turn.span[0]), item.first_line, item.last_line)
            )
            assert turn.speech_start is not None  # mid_turns keeps labels with speech
            begin, label = turn.speech_start, turn
        result.append(
            Item(label, _trim(text, begin, paragraph.span[1]), item.first_line, item.last_line)
        )
    return result


def _trim(text: str, start: int, end: int) -> Located:
    """``text[start:end]`` without surrounding white space, located."""
    while start < end and _is_space(text[start]):
        start += 1
    while end > start and _is_space(text[end - 1]):
        end -= 1
    return Located(text[start:end], (start, end))


def _is_wrapped(kept: list[tuple[Line, Label | None]]) -> bool:
    """Whether most adjacent unlabelled line pairs break mid-sentence (see module doc)."""
    pairs = broken = 0
    for (line, label), (after, after_label) in itertools.pairwise(kept):
        if line.blank or after.blank or after_label is not None:
            continue
        if label is not None and label.speech_start is None:
            continue
        pairs += 1
        broken += not _ends_clause(line.text)
    return pairs > 0 and broken / pairs > _WRAPPED_SHARE


def _located(line: Line, start: int | None = None) -> Located:
    """The line's text from ``start`` (default its beginning), white space trimmed."""
    offset = line.start if start is None else start
    raw = line.text[offset - line.start :]
    if raw and not _is_space(raw[0]) and not _is_space(raw[-1]):
        return Located(raw, (offset, offset + len(raw)))  # most lines: nothing to trim
    lead = 0
    while lead < len(raw) and _is_space(raw[lead]):
        lead += 1
    end = len(raw)
    while end > lead and _is_space(raw[end - 1]):
        end -= 1
    return Located(raw[lead:end], (offset + lead, offset + end))


def _is_space(char: str) -> bool:
    """White space, counting the no-break space and a byte-order mark."""
    return char.isspace() or char == "\ufeff"


def _trimmed(text: str) -> str:
    """``text`` without surrounding white space (see ``_is_space``)."""
    return text.strip().strip("\ufeff").strip()


def _same_words(one: str, other: str) -> bool:
    """Whether two lines hold the same words (the repeated headline)."""
    return one.split() == other.split()


def _ends_clause(line: str) -> bool:
    """Whether a line ends where a line break is no hard wrap.

    That is a sentence's end, or a clause closed by a colon, a semicolon, a quotation
    mark or a bracket.
    """
    return ends_sentence(line) or line.rstrip().endswith((":", ";", *CLOSERS))
