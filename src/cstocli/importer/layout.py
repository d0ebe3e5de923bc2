"""Cut an article's text into lines, and its body into a sequence of labels and paragraphs.

Offsets are character offsets into the text exactly as given (carriage returns included), so every
``Located`` here satisfies ``text[start:end] == located.text``.

Paragraphs: a speaker label always starts a new paragraph, and so does a blank line. Two
lines with no blank line between them are one hard-wrapped paragraph when the article is
wrapped, and two paragraphs otherwise. An article counts as wrapped when most of its
adjacent unlabelled line pairs break mid-sentence (the first line ends without ``.!?:;``
or a closing quote or bracket); a transcript written one paragraph per line ends nearly every
line with a full stop, so "Q: ...", "A: ..." without blank lines reads right either way.

The headline is chosen by ``importer.headline``.
A line ending in a colon that is no label and is at most three words, or a known piece of
page furniture ("Share:", "Font size:"), is dropped with a warning.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from cstocli.importer.labels import Label, is_furniture
from cstocli.importer.markup import closing_voice
from cstocli.importer.names import is_listing
from cstocli.importer.turns import (
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
    """Group lines into items: a label or blank line ends a paragraph, so may a line break.

    A caption cue's voice tag ("<v Ann Lee>...") holds the lines up to its "</v>" together.
    """
    items: list[Item] = []
    open_paragraph = voice = False
    for line, label in kept:
        if line.blank:
            open_paragraph = voice = False
            continue
        joins = wrapped or voice
        if label is not None:
            voice = label.text.startswith("<v")
        voice = voice and not closing_voice(line.text.rstrip())
        if label is not None and label.speech_start is None:
            items.append(Item(label, None, line.number, line.number))
            open_paragraph = False
            continue
        start = line.start if label is None or label.speech_start is None else label.speech_start
        located = located_line(line, start)
        if open_paragraph and joins and label is None:
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


def located_line(line: Line, start: int | None = None) -> Located:
    """The line's text from ``start`` (default its beginning), white space trimmed."""
    offset = line.start if start is None else start
    raw = line.text[offset - line.start :]
    raw = raw[: len(raw) - closing_voice(raw)]  # "...notice.</v>": the cue's tag closes
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


def same_words(one: str, other: str) -> bool:
    """Whether two lines hold the same words (the repeated headline)."""
    return one.split() == other.split()


def _ends_clause(line: str) -> bool:
    """Whether a line ends where a line break is no hard wrap.

    That is a sentence's end, or a clause closed by a colon, a semicolon, a quotation
    mark or a bracket.
    """
    return ends_sentence(line) or line.rstrip().endswith((":", ";", *CLOSERS))
