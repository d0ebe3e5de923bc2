"""Where turns start when no colon says so, and the lines that are nobody's words.

Read from the whole article before it is cut up:

- **labels alone without a colon** ("Operator", "Helena Marsh - Vice President", "Speaker 1"
  over a timestamp line): a short line that reads as a name and is followed by a speech is a
  label when the same name stands so at least twice in the article, or when the article
  already labels at least two people this way (the convention holds) and this one is followed
  straight by its speech or a timestamp, or is a placeholder ("Unidentified Analyst"), or is
  a name the article writes elsewhere too; a name alone in bold counts as alone. A
  line followed by another such line is a list (the participants of an earnings call), not
  a turn. Every label taken on the strength of
  the convention alone is reported with its line.
- **known heads**: the names the article's line-start labels use; the same name followed by a
  colon after a sentence's end inside a paragraph ("...flights? MR RENFREW: The fund...")
  opens a second turn there (see ``layout.split_turns``), as does any "Name: (00:09)".
- **headings** between turns ("Catch-the-eye procedure"): a short capitalised line with no
  sentence's end and no I, we or you, alone as a paragraph (``is_heading``; ``blocks``
  makes it narration);
- **page furniture**: separators ("* * *", "---", "###"), "END", "-- more --", "Page 2 of
  3", clock and timestamp lines, "(END VIDEOTAPE)", "[GAVEL]", "**Break**", an export's
  lower-case "speaker" line before each turn's name: never speech.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from cstocli.importer.labels import Label, label_from_head, read_label
from cstocli.importer.markup import clean_head, is_stamp_line, split_dashes
from cstocli.importer.names import HONORIFICS, name_words
from cstocli.importer.titles import is_title_word
from cstocli.importer.warning import ImportWarning
from cstocli.model import Span, is_placeholder

if TYPE_CHECKING:
    from cstocli.importer.layout import Line

_FURNITURE_LINE = re.compile(
    r"""\s*(?:
        [*\-_=~#.\s]{3,}                                  # * * *, ---, ###, ...
      | <\s*\.{3}\s*>                                     # <...>
      | (?:END|ENDS|THE\ END|MORE|-+\s*more\s*-+|\(?more\)?)
      | page\s+\d+(?:\s+of\s+\d+)?|\d{1,4}                # page numbers
      | \d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?   # 1:07 P.M. EDT
      | \d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?    # 2026-05-14 16:05
      | \(\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*\)     # (10.00 am)
      | (?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}\s*-->\s*(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}(?:\s+\S.*)?
                                                        # a caption cue's time range (VTT, SRT)
      | [0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}(?:/\d+-\d+)?  # a cue's id, a GUID
      | (?-i:WEBVTT|NOTE)                                  # a caption file's header, a note's
      | (?-i:[(\[][A-Z][A-Z\s\-'.]{2,40}[)\]])             # (END VIDEOTAPE), [GAVEL]
      | (?-i:(?:INT|EXT|I/E)\.(?:/(?:INT|EXT)\.)?\s+[A-Z0-9][A-Z0-9\s,.'/&-]*
             [-\u2013\u2014]\s*[A-Z][A-Z\s']*)                # a script's scene: EXT. BAY - DAWN
      | (?-i:FADE\s+(?:IN|OUT)|CUT\s+TO|DISSOLVE\s+TO)[:.]?   # a script's transitions
      | [\d.,]+[KMB]?\s+(?:views|subscribers|followers|likes|plays|listens)\b.{0,40}
                                                        # a video page's counts
      | (?:\*\*|__)\s*break\s*(?:\*\*|__)                 # **Break**
      | (?:\#{1,6}\s+|\*\*|__)[^.?!:*_\n]{1,80}(?:\*\*|__)?  # "## Floods", "**Topic"
      | -\s*\w+(?:\s*-)+(?:\s*\w+)?                        # - Hansard - - - Excerpts
      | -+\s*(?:later|earlier)\s+in\s+(?:the\s+)?debate\s*-+
      | (?-i:speaker)                                      # an export's turn marker
    )\s*\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_WINDOW = 400
_MID_TURN = re.compile(r"(?<=[.?!\"\u201d\u2019])[ \t]+(?=[^\W\d_][^:\n]{0,60}:)")


_HEAD_NOT_ENDING = tuple('.?!:"\u201d')
"""What a running head does not end with (a sentence, a label, a quotation)."""


def running_heads(lines: tuple[Line, ...], labels: dict[int, Label | None]) -> frozenset[str]:
    """Lines a copied PDF repeats on every page ("Official - Subject to Final Review").

    Three words or more, no sentence end, no label, standing twice or more.
    """
    # The cheap tests first: a paragraph ends with a full stop, and is not split in words.
    counts = Counter(
        " ".join(line.text.split())
        for line in lines
        if not line.text.rstrip().endswith(_HEAD_NOT_ENDING)
        and labels.get(line.number) is None
        and len(line.text.split()) >= 3
    )
    return frozenset(text for text, count in counts.items() if count > 1)


def read_lone_label(line: str, start: int) -> Label | None:
    """Read a line that may be a label standing alone without a colon.

    "Operator", "Jane Doe (00:22)", "Jane Doe - Analyst - Bank": whether it is one, the
    caller decides from the whole article (see ``turns``).
    """
    stripped = line.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    if not stripped or len(stripped) > 120 or stripped.endswith((".", "?", "!", ",", ";")):
        return None  # a sentence, not a name
    photo = _PHOTO.fullmatch(stripped[lead:].strip("*_ "))
    if photo is not None:  # before the colon test: its time of day ("2:00 pm") holds one
        return _photo_label(photo, stripped[lead:], (start + lead, start + len(stripped)))
    if ":" in clean_head(stripped):
        return None
    head = clean_head(stripped[lead:]).strip("*_ ")
    portrait = _PORTRAIT.fullmatch(head)
    if portrait is not None:
        return _portrait_label(portrait, stripped[lead:], (start + lead, start + len(stripped)))
    parts = split_dashes(head)
    name_part, role = parts[0], (parts[1] if len(parts) > 1 else None) or None
    found = label_from_head(name_part, alone=True)
    if found is None or found[3] is not None:
        return None
    name, own_role, role_first, _ = found
    span = (start + lead, start + len(stripped))
    return Label(stripped[lead:], span, name, own_role or role, role_first, None, None)


# "Ann Lee Portrait Ms Lee (Anytown) (Lab)": a parliament page's photo alt text, then the
# label; the alt text gives the full name.
_PORTRAIT = re.compile(r"(.{3,60}?) Portrait (.{2,120})")
_PARTY = re.compile(r"\s*\([^()]{1,40}\)\s*\Z")


def _portrait_label(found: re.Match[str], text: str, span: Span) -> Label | None:
    """The label of a "Full Name Portrait Label" line: the full name, the title as role."""
    name = found[1].strip()
    if label_from_head(name, alone=True) is None:
        return None
    rest = found[2].strip()
    inner = re.fullmatch(r"(.+?)\s*\((?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)?\.?\s*([^()]+)\)", rest)
    if inner is not None and inner[2].split()[-1] == name.split()[-1]:
        return Label(text, span, name, inner[1].strip(), False, None, None)  # "The Minister
        # for X (Ms Ann Lee)"
    while _PARTY.search(rest):  # constituency and party: where they sit, not a role
        rest = _PARTY.sub("", rest)
    words = [w for w in rest.split() if w.rstrip(".").casefold() not in HONORIFICS]
    surname = name.split()[-1]
    role = None if surname in words or not words else rest
    return Label(text, span, name, role, False, None, None)


# "Photo of Ann Lee Ann Lee Shadow Minister (Health), Labour, Anytown 2:00 pm, 3rd March":
# a parliament monitoring site's photo alt text, the name again, then the member's
# front-bench role, party, seat and the time. The name written twice is what marks it.
_PHOTO = re.compile(r"Photo of (?P<name>[^\W\d_][^,()]{2,60}?) (?P=name)(?: (?P<rest>.{2,200}))?")


def _photo_label(found: re.Match[str], text: str, span: Span) -> Label | None:
    """The label of a "Photo of NAME NAME ..." line.

    The role is the leading parts of the rest that hold a title ("Shadow Minister
    (Environment)"); a party or a seat is none.
    """
    name = found["name"].strip()
    if label_from_head(name, alone=True) is None:
        return None
    roles = []
    for part in re.split(r",\s*(?![^()]*\))", found["rest"] or ""):
        if not any(is_title_word(w.strip("()")) for w in part.split()):
            break
        roles.append(part.strip())
    return Label(text, span, name, ", ".join(roles) or None, False, None, None)


# A site's calls to action and link bars: never anyone's words in a transcript.
_CHROME_LINE = re.compile(
    r"""\s*(?:
        (?:share|subscribe|listen|download|print|email|advertisement|related|export|comments)
          \b[^.!?\n]{0,80}                                    # no sentence: "Share prices fell."
      | (?:sign\ up|sign\ in|log\ in|follow\ us|read\ more|read\ also|most\ read|skip\ to
          |return\ to|transcribe\ your|try\ it\ free|try\ our|hungry\ for\ more
          |transcribed\ by|transcription\ by|captions?\ by)\b.{0,80}
      | [^.!?\n]{0,80}?(?:\s[|\u00b7\u2022\u203a\u00bb]\s[^.!?\n]{0,40}?){2,}   # a | b | c
    )\s*\Z""",
    re.IGNORECASE | re.VERBOSE,
)


def is_page_furniture(text: str) -> bool:
    """Whether a whole line is page furniture rather than anyone's words."""
    if len(text) > 200:
        return False
    return bool(_FURNITURE_LINE.match(text) or _CHROME_LINE.match(text)) or is_stamp_line(text)


def lone_labels(
    lines: tuple[Line, ...], warnings: list[ImportWarning], labels: dict[int, Label | None]
) -> dict[int, Label]:
    """The colonless lines that are labels (see the module doc), by line number."""
    filled = [line for line in lines if not line.blank]
    candidates: dict[int, Label] = {}
    for line in filled:
        # A name alone in bold ("**Ann Lee**") looks like a heading; whether it labels
        # turns is what the rest decides, as for any name alone.
        bold = _BOLD_LINE.fullmatch(line.text.strip()) is not None
        if labels.get(line.number) is None and (bold or not is_page_furniture(line.text)):
            label = read_lone_label(line.text, line.start)
            if label is not None and _may_be_lone(label):
                candidates[line.number] = label
    chosen: dict[int, tuple[Label, bool]] = {}
    for index, line in enumerate(filled):
        label = candidates.get(line.number)
        if label is None:
            continue
        after = index + 1
        while after < len(filled) and (
            is_page_furniture(filled[after].text) or _ASIDE.fullmatch(filled[after].text)
        ):
            after += 1  # "(pointing)": a script's direction between the name and the words
        if after >= len(filled) or filled[after].number in candidates:
            continue  # a list of names, or the end of the article
        next_line = filled[after]
        if labels.get(next_line.number) is not None:
            continue
        if not _is_speech(next_line.text) and not _is_speech(_block_from(lines, next_line)):
            continue  # neither a sentence nor the first line of one hard-wrapped under it
        close = next_line.number == line.number + 1 or after > index + 1
        chosen[line.number] = (label, close)
    counts = Counter(name_words(label.name) for label, _ in chosen.values())
    recurring = {words for words, count in counts.items() if count > 1}
    convention = len(recurring) >= 2
    named = _name_pairs(lines) if convention else Counter()
    found: dict[int, Label] = {}
    for number, (label, close) in chosen.items():
        if name_words(label.name) in recurring:
            found[number] = label
        elif convention and (
            close or is_placeholder(label.name) or named[tuple(label.name.split()[-2:])] > 1
        ):
            found[number] = label
            message = f"{label.text!r} read as a speaker label (the article labels turns so)"
            warnings.append(ImportWarning(number, message))
    return found


# An evidence session numbers its questions before the label ("Q12 Chair: ...").
_NUMBERED = r"[ \t]*(?:Q\d{1,4}[ \t]+)?"
_BOLD_LINE = re.compile(r"(\*\*|__)[^*_\n]{2,60}\1")
# Bold too ("**Lena:** ...", "**Lena**: ..."): markdown dresses the same convention; and a
# verbatim report's "President. - ..." closes the head with a full stop and a dash.
_ONE_WORD_HEAD = re.compile(
    rf"{_NUMBERED}(?:\*\*|__)?([^\W\d_][\w'\u2019-]*)(?:\*\*|__)?"
    r"(?:[ \t]*:|\.[ \t]+[\u2013\u2014-])(?:\*\*|__)?[ \t]+\S"
)
# A head of two to four capitalised words before speech ("An Leas-Cheann Comhairle: ...").
_CAPITAL = r"[A-Z\u00c0-\u00de][\w'\u2019-]*"
_TITLED_HEAD = re.compile(rf"{_NUMBERED}((?:{_CAPITAL}[ \t]+){{1,3}}{_CAPITAL}):[ \t]+\S")


def line_labels(lines: tuple[Line, ...]) -> tuple[dict[int, Label | None], frozenset[str]]:
    """The label opening each line (by number; None for none), and the one-word names.

    ``label_words`` gives the names; each line is read once, or twice when it opens with one
    of them.
    """
    plain = {
        line.number: None if line.blank else read_label(line.text, line.start) for line in lines
    }
    words = label_words(lines, plain)
    labels = dict(plain)
    for line in lines if words else ():
        head = None
        if not plain[line.number]:
            head = _ONE_WORD_HEAD.match(line.text) or _TITLED_HEAD.match(line.text)
        if head is not None and " ".join(head[1].casefold().split()) in words:
            labels[line.number] = read_label(line.text, line.start, words)
    return labels, words


def label_words(lines: tuple[Line, ...], labels: dict[int, Label | None]) -> frozenset[str]:
    """One-word label names this article uses, folded, and title-case heads it repeats.

    Those opening two lines or more ("Spokesman: ...", "An Leas-Cheann Comhairle: ...": a
    head the article opens its lines with again and again is its convention, even when its
    first word is "An" or "The"), and the surnames of the full names its other labels give
    ("Obrenko" after "Vladislav Obrenko:").
    """
    counts: Counter[str] = Counter()
    surnames: set[str] = set()
    for line in lines:
        found = _ONE_WORD_HEAD.match(line.text) or _TITLED_HEAD.match(line.text)
        if found:
            counts[" ".join(found[1].casefold().split())] += 1
        label = labels.get(line.number)
        if label is not None and label.interview is None and " " in label.name:
            surnames.add(label.name.split()[-1].casefold())
    return frozenset({word for word, count in counts.items() if count > 1} | surnames)


# A heading set between turns ("Catch-the-eye procedure", "Written statements (Rule 178)"):
# a capital, two to six words, no sentence's end, no I, we or you ("Yes" is an answer).
_HEADING = re.compile(r"[A-Z][\w'\u2019()-]*(?:[ \t]+[\w'\u2019()-]+){1,5}")
_PERSONAL = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|[Yy]ou|[Yy]our|me|us)\b")


def is_heading(paragraph: str) -> bool:
    """Whether a paragraph alone between turns is a heading of the record, no one's words."""
    text = paragraph.strip()
    return _HEADING.fullmatch(text) is not None and _PERSONAL.search(text) is None


def _may_be_lone(label: Label) -> bool:
    """Whether a lone line's name can be a speaker's: no digits but in "Speaker 2"."""
    return is_placeholder(label.name) or not any(c.isdigit() for c in label.name)


def _block_from(lines: tuple[Line, ...], first: Line) -> str:
    """The lines from ``first`` to the next blank line (at most 12), joined: a wrapped speech."""
    at = first.number - lines[0].number  # numbers run on, one a line
    if not 0 <= at < len(lines) or lines[at].number != first.number:
        return first.text
    block = []
    for line in lines[at : at + 12]:
        if line.blank:
            break
        block.append(line.text.strip())
    return " ".join(block)


def _is_speech(text: str) -> bool:
    """Whether a line reads as the start of someone's words: a sentence, or long."""
    stripped = text.strip()
    return stripped.endswith(tuple('.?!"\u201d\u2019\u2026-')) or len(stripped.split()) >= 8


# A script's direction alone on a line under a name: "(pointing)", "(beat)".
_ASIDE = re.compile(r"[ \t]*\([a-z][a-z '\u2019-]{1,40}\)[ \t]*")
_PAIR = re.compile(r"(?=\b([^\W\d_][\w'\u2019.-]*)[ \t]+([^\W\d_][\w'\u2019-]*))")


def _name_pairs(lines: tuple[Line, ...]) -> Counter[tuple[str, ...]]:
    """How often each pair of adjacent words stands in the article (one pass).

    A name written elsewhere too ("...over to Jane Roe.") is a name the article knows.
    """
    pairs: Counter[tuple[str, ...]] = Counter()
    for line in lines:
        pairs.update((m[1], m[2]) for m in _PAIR.finditer(line.text))
    return pairs


def known_heads(kept: list[tuple[Line, Label | None]]) -> frozenset[tuple[str, ...]]:
    """The folded names of the labels that open lines."""
    return frozenset(name_words(label.name) for _, label in kept if label is not None)


def mid_turns(
    text: str, start: int, end: int, known: frozenset[tuple[str, ...]], words: frozenset[str]
) -> list[Label]:
    """The labels that open a second (third...) turn inside the paragraph ``text[start:end]``."""
    found: list[Label] = []
    if text.find(":", start, end) < 0:
        return found  # every label ends with a colon: most paragraphs have none
    for gap in _MID_TURN.finditer(text, start, end):
        at = gap.end()
        # A window, not the rest of the paragraph: a label is short, and slicing to the end
        # at every sentence would make a one-paragraph transcript quadratic.
        label = read_label(text[at : min(end, at + _WINDOW)], at, words)
        if label is None or label.speech_start is None:
            continue
        stamped = label.text.rstrip().endswith(")") and re.search(r"\d:\d\d", label.text)
        if stamped or name_words(label.name) in known:
            found.append(label)
    return found
