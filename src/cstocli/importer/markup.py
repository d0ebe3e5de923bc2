r"""What dresses a speaker label without being part of it: timestamps, markdown, notes.

Transcription services write ``Jane Doe (00:22):`` or ``Jane Doe: (00:22)``, markdown
exports ``\\[01:02:03\\] **Jane Doe:** text`` or ``**Jane Doe**: text``, TV transcripts
``NAME (voice-over):`` or ``NAME (through interpreter):``. The timestamp is metadata (it
stays in the label's text, out of the speech), the emphasis is markup, and a delivery note
says how the words came, not who spoke: none of them belongs in the name or the role.
"""

from __future__ import annotations

import re

from cstocli.importer.label_words import TITLE_WORDS

_STAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?"
# A timestamp before a label: "\[00:00:03\]", "[00:01]", "(00:22)".
# A marker before a label: a timestamp ("\[00:00:03\]", "[00:01]", "(00:22)"), the chair's
# "[*]" of congressional transcripts, a bullet, closed captions' speaker change ">>", a
# committee's question number ("Q12 Chair:").
_QUESTION_NUMBER = r"Q\d{1,4}[ \t]+(?=[^\W\d_])"
_LEADING_STAMP = re.compile(
    rf"(?:\\?\[{_STAMP}\\?\]|\({_STAMP}\)|\[\*\]|\u2022|>>|{_QUESTION_NUMBER})[ \t]*"
)
# A timestamp at the end of a label head ("Jane Doe (00:22)"), bracketed or, as meeting
# recorders export a turn's head, bare after the name ("Jane Doe  0:03").
_TRAILING_STAMP = re.compile(rf"(?:\s*[(\[]{_STAMP}[)\]]|\s+{_STAMP})\Z")
_STAMP_ENDS = frozenset("0123456789)]")
_STAMP_AFTER = re.compile(rf"[ \t]*[(\[]{_STAMP}[)\]]")
# A line holding nothing but a timestamp (the speech follows on the next line).
_STAMP_LINE = re.compile(rf"\s*[(\[]?{_STAMP}[)\]]?\s*\Z")
# "**Jane Doe:**", "**Jane Doe**:", "__Jane Doe:__": a bold label.
_BOLD = re.compile(r"(\*\*|__)([^*_\n]{1,150}?)(?::\1|\1[ \t]*:)")
# "Ann Lee — Today at 7:02 PM", "Ann Lee — 03/14/2026 7:02 PM": a chat export's message
# header, the poster and when.
_POSTED = re.compile(
    r"\s+[\u2014\u2013-]\s+(?:(?:Today|Yesterday)\s+at\s+|\d{1,2}/\d{1,2}/\d{2,4}\s+)?"
    r"\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\Z"
)
# "00:00:04<TAB>00:00:11<TAB>Ann Lee<TAB>Thanks for coming.": a transcription tool's table
# export, a row's times, the speaker, then the words.
_TABBED = re.compile(r"(?:\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\t){1,2}([^\t\n]{2,60})\t(?=\S)")
# "<v Jane Doe>", "<v.loud Jane Doe>": a WebVTT cue's voice tag, as meeting apps save it.
_VOICE = re.compile(r"<v(?:\.[\w-]+)*[ \t]+([^<>\n]{1,80})>")
# A note in brackets: how the words came, not who spoke them.
_NOTE = re.compile(r"\s*\(([^()]{1,40})\)")
_LANGUAGE = re.compile(r"\s+(?:in|from)\s+[A-Z][a-z]+\Z")
_DELIVERY_WORDS = frozenset(
    """
    voice-over voice over vo through via by an interpreter translator translation translated
    retranslated interpreted off-mike off mike microphone on camera video videolink link
    telephone phone by-phone in english speaking speaks sworn affirmed continuing cont'd
    inaudible crosstalk laughs laughing laughter sot on-camera spoke interpretation
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)


def skip_leading_stamp(line: str, index: int) -> int:
    """The index after a timestamp opening the line at ``index`` (unchanged if none)."""
    found = _LEADING_STAMP.match(line, index)
    return found.end() if found else index


def bold_label(line: str, index: int) -> tuple[str, int] | None:
    """A bold label at ``index``: its head (inside the emphasis) and where it ends."""
    found = _BOLD.match(line, index)
    if found is None or ":" in found[2]:
        return None
    return found[2], found.end()


# "Ann Lee, on behalf of the X Group. - Mr President, ...": a parliament's verbatim report
# closes its labels with a full stop and a dash instead of a colon.
_DASH_LABEL = re.compile(r"([^\n\u2013\u2014:]{2,150}?)\.[ \t]+[\u2013\u2014-][ \t]+(?=\S)")
_DASH_MARK = re.compile(r"\. [\u2013\u2014-] ")


def dash_label(line: str, index: int) -> tuple[str, int] | None:
    """A label closed by ". - " (any dash) at ``index``: its head and where it ends, or None."""
    if _DASH_MARK.search(line, index, index + 160) is None:
        return None  # most lines: no look for a head
    found = _DASH_LABEL.match(line, index)
    return None if found is None else (found[1], found.end())


def tabbed_label(line: str, index: int) -> tuple[str, int] | None:
    """A table row's speaker cell after its times, and where it ends (a tab after each)."""
    found = _TABBED.match(line, index) if line[index : index + 1].isdigit() else None
    return None if found is None else (found[1], found.end())


def voice_label(line: str, index: int) -> tuple[str, int] | None:
    """A voice tag at ``index`` ("<v Jane Doe>"): the name inside and where the tag ends."""
    found = _VOICE.match(line, index) if line.startswith("<v", index) else None
    return None if found is None else (found[1], found.end())


def closing_voice(text: str) -> int:
    """How many characters of a closing voice tag ("</v>") end ``text``: no one's words."""
    return 4 if text.endswith("</v>") else 0


# "Mr. LATHAM. The subcommittee will ...": a congressional record's label, an honorific or
# title and the surname in capitals, closed by a full stop instead of a colon.
_PERIOD_LABEL = re.compile(
    r"(?P<head>(?P<title>[A-Z][a-z]+\.?)[ \t]+[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'\u2019-]+"
    r"(?:[ \t]+[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'\u2019-]+)?)\.[ \t]+(?=\S)"
)
_PERIOD_TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "mx"])


def period_label(line: str, index: int) -> tuple[str, int] | None:
    """A record's "Mr. SMITH." label at ``index``: its head and where it ends, or None."""
    found = _PERIOD_LABEL.match(line, index)
    if found is None:
        return None
    title = found["title"].rstrip(".").casefold()
    if title == "the":  # "The PRESIDING OFFICER.": a role in capitals
        return found["head"].upper(), found.end("head") + 1
    if title not in _PERIOD_TITLES and title not in TITLE_WORDS:
        return None
    return found["head"], found.end("head") + 1


def skip_stamp_after(line: str, index: int) -> int:
    """The index after a timestamp standing just after a label's colon, if there is one."""
    found = _STAMP_AFTER.match(line, index)
    return found.end() if found else index


def clean_head(head: str) -> str:
    """A label head without its trailing timestamp and delivery notes."""
    while True:
        # Only a head ending in a digit or a bracket can end with a stamp: no search else.
        end = head.rstrip()[-1:]
        stamp = _TRAILING_STAMP.search(head) if end in _STAMP_ENDS else None
        stamp = stamp or (_POSTED.search(head) if end in "MmPp.0123456789" else None)
        if stamp:
            head = head[: stamp.start()]
            continue
        note = _last_note(head)
        if note is None:
            return head.strip()
        head = note


def _last_note(head: str) -> str | None:
    """``head`` without its last bracketed delivery note, or None if it ends with none."""
    notes = list(_NOTE.finditer(head))
    found = notes[-1] if notes else None
    if found is None or found.end() != len(head.rstrip()):
        return None
    # "(spoke in French)", "(interpretation from Arabic)": the language is how, not who.
    note = _LANGUAGE.sub("", found[1].strip(" ."))
    words = set(re.split(r"[\s/]+", note.casefold()))
    if words <= _DELIVERY_WORDS or found[1].islower():
        return head[: found.start()]
    return None


# What separates a name from its title on a list or call page: "Ann Lee - CEO",
# "Ann Lee -- CEO", "Ann Lee \u2014 CEO".
_DASH = re.compile(r"\s+(?:--?|\u2013|\u2014)\s+")


def split_dashes(text: str) -> list[str]:
    """The parts of "Name - Title - Firm" (any dash between spaces)."""
    if "-" not in text and "\u2013" not in text and "\u2014" not in text:
        return [text.strip()]  # no dash, no pattern (most lines)
    return [part.strip() for part in _DASH.split(text)]


def is_stamp_line(text: str) -> bool:
    """Whether a line holds nothing but a timestamp ("00:41", "(01:02:03)")."""
    return bool(_STAMP_LINE.match(text))


# ``re.IGNORECASE`` compares letters by their simple lower case (U+0130 is "i"), and also
# takes the dotless i and the long s (U+0131, U+017F) for "i" and "s".
_AS_IGNORECASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def lower_as_ignorecase(text: str) -> str:
    """``text`` lower-cased so that ``in`` finds an ASCII word wherever ``re.IGNORECASE`` would.

    A cheap look before a case-insensitive pattern: a text without the pattern's words
    cannot match it (checked over every code point for the words it guards).
    """
    return text.translate(_AS_IGNORECASE).lower()
