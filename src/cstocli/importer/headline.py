"""Which line of an article is its headline, and where its body starts.

The headline is the first non-blank line that is no page furniture (menus, breadcrumbs,
bylines, datelines, clock times, photo credits, issue lines, a court's or a committee's
name, a case caption's pieces); when the article opens with a speaker label, that line is
both the title and the body's first line, with a warning. The same line repeated straight
after it (sites print the title twice) is part of the headline too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cstocli.importer.chrome import (
    is_caption_part,
    is_chrome_line,
    is_label_line,
    is_masthead_line,
)
from cstocli.importer.label_words import CONVERSATION_ROLES
from cstocli.importer.labels import is_furniture
from cstocli.importer.layout import Line, located_line, same_words
from cstocli.importer.markup import split_dashes
from cstocli.importer.persons import is_personal_name, is_role_line, is_surname_first
from cstocli.importer.turns import (
    is_page_furniture,
)
from cstocli.importer.warning import ImportWarning
from cstocli.model import Located


@dataclass(frozen=True, slots=True)
class Headline:
    """The headline and where the body starts."""

    title: Located
    """The headline as it stands (the first line when the article opens with a label)."""
    body_start: int
    """Offset of the first character of the body."""
    body_line: int
    """Index into the lines of the first body line."""


def find_headline(lines: tuple[Line, ...]) -> tuple[Headline, list[ImportWarning]]:
    """Read the headline (and its repetition) off the top of the article."""
    filled = [i for i, line in enumerate(lines) if not line.blank]
    if not filled:
        return Headline(Located("", (0, 0)), 0, len(lines)), []
    first = lines[filled[0]]
    if is_label_line(first.text, first.start, "\n".join(x.text for x in lines)):
        # A dataset needs a title; the opening line is the best words there are.
        message = "no headline: the article opens with a label; its first line is the title"
        title = located_line(first)
        return Headline(title, title.span[0], filled[0]), [ImportWarning(first.number, message)]
    chosen = _headline_index(lines, filled)
    first = lines[chosen]
    heading = _HEADING_MARKS.match(first.text)
    title = located_line(first, first.start + (heading.end() if heading else 0))
    body = [i for i in filled if i > chosen]
    # Furniture ("Share:") may stand between the headline and its repetition.
    chrome = 0
    while chrome < len(body) and is_furniture(lines[body[chrome]].text):
        chrome += 1
    if chrome < len(body) and same_words(lines[body[chrome]].text, title.text):
        body = body[chrome + 1 :]
    if not body:
        return Headline(title, len(lines[-1].text) + lines[-1].start, len(lines)), []
    return Headline(title, located_line(lines[body[0]]).span[0], body[0]), []


_CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)(?!\w)")
# Markdown heading or emphasis marks, a copied PDF's line number ("2      STATE v. LEE"), or
# a caption file's signature before its title ("WEBVTT - Council meeting").
_HEADING_MARKS = re.compile(
    r"\A[ \t]*\d{1,2}[ \t]{3,}(?=\S)|[ \t]*(?:#{1,6}[ \t]+|[*_]{1,2}(?=\S)|WEBVTT[ \t]+-?[ \t]*)"
)
_TOP_LINES = 12
_APPEARANCES = re.compile(r"(?i)\s*(?:appearances|witnesses|participants|panelists)\s*:?\s*\Z")
_CASE = re.compile(r"[A-Za-z.,]\s+(?:v\.|vs\.?)\s+[A-Z]")
_CREDIT = re.compile(
    r"(?<=[.!?])\s*(?:[(\[][^()\[\]]{1,80}[)\]]|"
    r"(?i:photo|photograph|picture|image|credit)s?:\s*[^.!?]{1,80})\s*\Z"
)
_HEADLINE_WORDS = 4
# A header field's name on a line of its own, its value (a list) on the next line.
_FIELD_NAME = re.compile(
    r"(?i)(?:speakers|participants|attendees|panel(?:ists)?|(?:summary\s+)?keywords|tags"
    r"|members\s+present|present)\s*:?"
)


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
    fields = _field_lines(lines, filled[:_TOP_LINES])
    for index in filled[:_TOP_LINES]:
        line = lines[index]
        words = _HEADING_MARKS.sub("", line.text).strip().strip("*_").strip()
        if is_label_line(line.text, line.start, lines_text) or _APPEARANCES.match(words):
            break  # a turn, or who appears for whom: the caption above is over
        if is_masthead_line(words):
            mastheads.append(index)  # the issuer: the title only when nothing else is
            continue
        # A field's name alone ("SPEAKERS") or its value under it: never the headline.
        chrome = index in fields or is_page_furniture(words) or _is_breadcrumb(words)
        chrome = (chrome or is_chrome_line(words)) and not _is_piped_title(words)
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


def _field_lines(lines: tuple[Line, ...], top: list[int]) -> set[int]:
    """The top lines that name a header field ("SPEAKERS") alone, and the lines under them."""
    fields: set[int] = set()
    for place, index in enumerate(top):
        if _FIELD_NAME.fullmatch(lines[index].text.strip().strip("*_#").strip()):
            fields.update(top[place : place + 2])
    return fields


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
    if is_surname_first(words):
        return True  # "LEE, Dr Ann, Director": a witness list, surname first
    part, colon, holder = words.partition(":")
    if colon and part.strip().casefold() in CONVERSATION_ROLES:
        return is_personal_name(holder.partition(",")[0].strip())  # "Guest: Dr Jo Vale, ..."
    parts = split_dashes(words)
    if not is_personal_name(parts[0]):
        return False
    after = [i for i in filled if i > index][:1]
    return len(parts) > 1 or (bool(after) and is_role_line(lines[after[0]].text.strip()))


def _opens(lines: tuple[Line, ...], index: int) -> bool:
    """Whether a top line has a sentence straight under it: a label over its speech."""
    after = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    return after.endswith((".", "?", "!"))


def _is_piped_title(text: str) -> bool:
    """Whether a line is a title with its credits after bars, not a menu.

    "Why wetlands matter | Dr Ann Lee | Coast Talks 2026": a video page's or a site's
    title opens with a phrase of four words or more, no sentence and no field ("Listen on:
    Apple Podcasts | Spotify"); a menu's items are a word or two.
    """
    parts = text.split(" | ")
    first = parts[0]
    return (
        2 <= len(parts) <= 4
        and len(first.split()) >= 4
        and first[:1].isupper()
        and not any(mark in first for mark in ".:!")  # "Listen on: ...", "... policy. Accept"
    )


def _is_breadcrumb(text: str) -> bool:
    """Whether a line is a trail of sections ("Transcripts > Title", "Home / Events")."""
    return any(mark in text for mark in (" \u203a ", " \u00bb ", " / ", " > "))
