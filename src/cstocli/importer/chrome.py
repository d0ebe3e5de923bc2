"""Tell a news page's chrome from its story: bylines, menus, captions, time stamps, headlines.

A news story's body is sentences. A paragraph that is not one is page furniture: a byline
("By ...", "Words by ..."), a date or "Updated" line, a caption or credit, a menu or link
row ("Home | News", "Share on X | Email"), a time stamp ("14:32 BST"), a label such as
"Most read" or "Show more", a heading. One exception: a standfirst, the line of prose that
sums the story up under the headline, often has no full stop but is the reporter's words;
it is told from the headline by coming after it and from a heading by its length.
Furniture lines at the top or bottom of a paragraph (a time stamp over a live-blog entry)
are cut off it; a quotation mark always makes a line part of the story.
"""

from __future__ import annotations

import re

from cstocli.importer.labels import read_label
from cstocli.importer.warning import ImportWarning
from cstocli.model import Located
from cstocli.text import ends_sentence, line_of

_FURNITURE_START = re.compile(
    r"(?i)\A(?:by|photo|photograph|photos|picture|image|caption|updated|published|posted|"
    r"share|related|read more|read also|see also|reporting by|editing by|writing by|"
    r"additional reporting|our standards|advertisement|comments|most read|show more|"
    r"more on this story|words by|sign up|subscribe|follow us|copyright|\u00a9|"
    r"news provided by|we use cookies|this (?:web)?site uses cookies|accept all cookies)\b"
)
_TIME_STAMP = re.compile(r"\A\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?\Z", re.I)
_MENU = re.compile(r"\s(?:\||>|\u203a|\u00bb|\u00b7)\s")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_SMALL = frozenset(
    ("a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with")
)
# The body that issues a record ("COURT OF APPEALS, FOURTH DISTRICT", "IN THE SUPREME COURT
# OF ...", "SUBCOMMITTEE ON ..."), an issue line ("Vol. 8 No. 6", "Record Volume 172,
# Number 48") or a source line ("From: Press Office", "From the Record Online through
# ..."): where the document comes from, never its headline. A headline that names a body
# says what it did ("Court rejects appeal"), so "of", "on", a comma or the end must follow.
_ISSUER = re.compile(
    r"(?i)\A(?:(?:in|before)\s+(?:the\s+)?)?(?:[\w.'\u2019-]+\s+){0,3}?"
    r"(?:court|committee|subcommittee|tribunal|commission|ministry|department)"
    r"(?:\s+(?:of|on|for)\b|\s*,|\s*\Z)"
)
_ISSUE = re.compile(r"(?i)\b(?:vol\.|volume)\s*\d+.*\b(?:no\.|number)\s*\d+")
_SOURCE = re.compile(r"(?i)\AFrom(?::\s|\s+the\s.*\s(?:through|via)\s)")
# A photo caption ends in its credit: "(Herald photo/Ann Lee)", "(Ann Lee/Coastal Herald)",
# "Photograph: Ann Lee for The Review", "Photo: Northfell University/Ann Lee".
_CAPTION_CREDIT = re.compile(
    r"(?i)(?<=[.!?])\s*(?:\([^()]*(?:photo|picture|image|/)[^()]*\)|"
    r"(?:photo|photograph|picture|image|credit)s?:\s*[^.!?]{1,80})\s*\Z"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # "March", "Sept."
# A date in a line's first three words: "Published 12 March 2026", "Heard on September 9,
# 2026", "Broadcast Tuesday 17 March 2026, 09:00": when it was, not what it is.
_DATELINE = re.compile(
    r"(?i)\A(?:[^\s\d]+\s+){0,3}(?:\d{1,2}\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2}\b)"
)
# Fields of a page's or record's header ("Speakers: Dr Ann Lee, ...", "Date: 6 March"):
# what the document is about, never its headline.
_FIELD = re.compile(
    r"(?i)\A(?:date|time|place|venue|location|speakers?|participants?|present|attendees|"
    r"panel(?:ists)?|subject|topic|members\s+(?:present|in\s+attendance)|in\s+attendance|"
    r"also\s+present|witnesses|(?:summary\s+)?keywords|tags)\s*:\s"
)
_STANDFIRST_WORDS = 8
_INTRO_WORDS = 5
_HEADING_WORDS = 16


class Chrome:
    """Reads a story's paragraphs in order, keeping the story and warning of the chrome."""

    def __init__(self, text: str, title: str) -> None:
        self.text = text
        self.headline = _headline_like(title)
        """Whether the headline has gone by (so prose without a full stop may be a standfirst)."""
        self.started = False
        """Whether a sentence of the story has gone by (after it, no standfirst)."""
        self.warnings: list[ImportWarning] = []

    def story(self, paragraph: Located) -> Located | None:
        """The paragraph less its furniture lines, or None when it is furniture throughout."""
        lines = _lines(self.text, paragraph)
        whole = len(lines) > 1 and self.furniture(paragraph.text)
        while lines and (whole or self.furniture(lines[0].text)):
            self.warn(lines.pop(0))
        while lines and self.furniture(lines[-1].text):
            self.warn(lines.pop())
        if not lines:
            return None
        span = (lines[0].span[0], lines[-1].span[1])
        return Located(self.text[span[0] : span[1]], span)

    def furniture(self, line: str) -> bool:
        """Whether a line (or paragraph) is page furniture; notes headline and story start."""
        stripped = line.strip()
        words = _WORD.findall(stripped)
        chrome = bool(_FURNITURE_START.match(stripped)) and len(words) <= _HEADING_WORDS
        chrome = chrome or bool(_MENU.search(stripped) or _TIME_STAMP.match(stripped))
        if chrome or not words or _CAPTION_CREDIT.search(stripped):
            return True  # a photo caption, with its credit, is no story and has no figures
        if any(mark in stripped for mark in '"\u201c\u201d'):
            self.started = True
            return False
        if stripped.endswith(":") and len(words) >= _INTRO_WORDS:
            self.started = True
            return False  # "In a message to staff, the chief executive said:"
        if not ends_sentence(stripped):
            return self.unfinished(stripped, words)
        capitals = [w for w in words if w[0].isupper() or w.casefold() in _SMALL]
        if len(words) <= _STANDFIRST_WORDS and len(capitals) == len(words):
            return True  # a heading ending in a full stop ("Our Standards: The Trust Principles.")
        self.started = True
        return False

    def unfinished(self, line: str, words: list[str]) -> bool:
        """Whether a line without a full stop is furniture: the headline or a heading is."""
        if not self.headline and _headline_like(line):
            self.headline = True
            return True
        standfirst = self.headline and not self.started
        return not (standfirst and len(words) >= _STANDFIRST_WORDS)

    def warn(self, line: Located) -> None:
        """Say that a line was left out as furniture."""
        words = line.text.split()
        clip = " ".join(words[:6]) + (" ..." if len(words) > 6 else "")
        number = line_of(self.text, line.span[0])
        self.warnings.append(ImportWarning(number, f"{clip!r} read as page furniture"))


def is_chrome_line(line: str) -> bool:
    """Whether a line is a page's chrome whatever stands around it.

    A byline ("Words by ..."), a menu or link bar ("Accept all | Manage settings"), a bare
    time stamp: never a headline.
    """
    stripped = line.strip()
    return bool(
        (_FURNITURE_START.match(stripped) and len(_WORD.findall(stripped)) <= _HEADING_WORDS)
        or _MENU.search(stripped)
        or _TIME_STAMP.match(stripped)
    )


def is_masthead_line(line: str) -> bool:
    """Whether a top line says where a document comes from (issuer, issue or source line)."""
    stripped = line.strip()
    return any(pattern.search(stripped) is not None for pattern in (_ISSUER, _ISSUE, _SOURCE))


def is_caption_part(words: str, ending: str) -> bool:
    """Whether a top line is part of a caption or a dateline, not a headline.

    A line ending in a comma goes on below ("PIKE COUNTY BOARD,"), a "v." line stands
    between a case's parties, one word and a full stop closes a party ("Respondent."), a
    date in the first words says when it was said, and a header field ("Speakers: ...")
    says who or where.
    """
    party = ending.endswith(".") and len(words.split()) == 1
    caption = ending.endswith(",") or words.startswith("v. ") or party
    return caption or _DATELINE.match(words) is not None or _FIELD.match(words) is not None


def _headline_like(line: str) -> bool:
    """Whether a line reads as a headline: three words or more, some in lower case, no menu."""
    stripped = line.strip()
    words = _WORD.findall(stripped)
    if len(words) < 3 or _MENU.search(stripped) or _FURNITURE_START.match(stripped):
        return False
    return any(w.islower() and w.casefold() not in _SMALL for w in words)


def _lines(text: str, paragraph: Located) -> list[Located]:
    """The non-blank lines of a paragraph, each trimmed, with their spans."""
    found = []
    for match in re.finditer(r"[^\n]+", paragraph.text):
        line = match.group().rstrip("\r")
        content = line.strip()
        if content:
            start = paragraph.span[0] + match.start() + len(line) - len(line.lstrip())
            found.append(Located(content, (start, start + len(content))))
    return found


def is_label_line(line: str, start: int, text: str) -> bool:
    """Whether a top line is a speaker's label, not a headline in capitals with a colon."""
    label = read_label(line, start)
    if label is None or label.speech_start is None:
        return label is not None
    speech = line[label.speech_start - start :]
    return not is_caps_heading(line, label.text.rstrip(":"), speech, text)


def is_caps_heading(line: str, name: str, speech: str, text: str) -> bool:
    """Whether a line that reads as a label is a headline in capitals.

    "RURAL BROADBAND: WHERE DID THE MONEY GO?": all capitals, a short tail with no full
    stop, and the "name" labels no other line of ``text``.
    """
    letters = [c for c in line if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return False
    if not speech.strip() or len(speech.split()) > _HEADING_WORDS or speech.rstrip().endswith("."):
        return False
    return text.count(f"{name}:") <= 1
