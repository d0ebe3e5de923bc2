r"""The one rule that makes text from outside safe to show: control characters made visible.

Articles, datasets, titles, names and file names come from strangers. An ESC starts a
terminal escape code (window title, colours, OSC 52 clipboard writes, hidden links), a
``\\r`` overwrites what was printed before it, C1 characters (U+0080-U+009F) are the
8-bit forms of the same codes. Every piece of text that cstocli prints goes through here,
from ``cli.terminal`` (plain lines, messages) and from the Rich views (``verbatim``).

Each control character becomes one visible character, the way ``less`` and ``cat -v``
show them, so offsets into the shown text stay those of the source (highlights hold); a
carriage return that ends a line (CR LF, or CR alone in an old Mac file) is a line break:
C0 controls and DEL become their Unicode Control Pictures (ESC is U+241B, a CR inside a
field U+240D),
C1 controls become U+FFFD, and so do the bidirectional embeddings, overrides and isolates
(U+202A-U+202E, U+2066-U+2069), which would make a terminal show a quote's words in
another order than the source's ("Trojan Source"). Tab and newline are kept only where a
format uses them as separators; inside a TSV field they become a space so that one record
stays one line. JSON also escapes the lone surrogates by which Python holds a file name's
bytes that are not UTF-8; printed as text, the streams write them as "?" (``cli.app``).

Nothing here changes what is stored: the source text stays verbatim, spans still hold.
"""

from __future__ import annotations

import re

_C0 = [*range(0x20), 0x7F]
_C1 = list(range(0x80, 0xA0))
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_PICTURE = {c: chr(0x2400 + c) for c in range(0x20)} | {0x7F: "\u2421"}

_VISIBLE = str.maketrans({**_PICTURE, **dict.fromkeys([*_C1, *_BIDI], "\ufffd")})
"""Every control character, newline and tab included, as one visible character."""

_TEXT = str.maketrans(
    {**{c: v for c, v in _VISIBLE.items() if c not in (ord("\n"), ord("\t"))}, ord("\r"): "\n"}
)
"""Multi-line text for a terminal or a text pipe: newline and tab stay layout, and so does
a carriage return: a lone one ends a line in an old Mac file (``shown`` makes CR LF one)."""

_FIELD = str.maketrans({**_VISIBLE, ord("\n"): " ", ord("\t"): " ", ord("\r"): " "})
"""One TSV field or one line: a line break (CR, LF) or a tab inside it becomes a space."""

_JSON_CONTROLS = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What ``json.dumps(ensure_ascii=False)`` leaves raw: DEL, the C1 and the bidi controls,
and lone surrogates (a file name in another encoding; no UTF-8 output can hold one)."""


def shown(text: str) -> str:
    """Text for a terminal or a text pipe: every control but line breaks and tab made visible.

    A line break is LF, CR LF or a lone CR (a Windows or old Mac file), each shown as one
    new line; CR LF as a space and a new line, so that offsets into it still hold. A CR can
    then never return to overwrite what was printed before it.
    """
    if "\r" in text:
        text = text.replace("\r\n", " \n")
    return text.translate(_TEXT)


def one_line(text: str) -> str:
    """Text that must stay on one line (a TSV field, a message, a table cell)."""
    return text.translate(_FIELD)


def visible(text: str) -> str:
    """Every control character visible, newline and tab included."""
    return text.translate(_VISIBLE)


def json_text(dumped: str) -> str:
    r"""JSON text from ``json.dumps(..., ensure_ascii=False)`` with DEL, C1 and bidi escaped.

    JSON requires only C0 controls to be escaped, and ``json`` escapes exactly those; a
    terminal still obeys U+009B (CSI) and friends, so they are written as ``\\u009b``.
    Outside strings JSON text has no such characters, so replacing them everywhere only
    ever touches string contents.
    """
    return _JSON_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


MIN_WIDTH, MAX_WIDTH = 20, 1000
"""The sane range of a terminal's width: COLUMNS outside it is clamped (a width of
10**20 overflowed Rich, and 99999999 made it lay out help for minutes)."""


def clamp_width(columns: int) -> int:
    """A terminal width within ``MIN_WIDTH..MAX_WIDTH``."""
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def parse_width(value: str) -> int | None:
    """A width variable (COLUMNS) as a sane width; None if it is not a positive number."""
    digits = value.strip().lstrip("0")
    if not (digits.isascii() and digits.isdigit()):
        return None
    # A 5000-digit COLUMNS must not reach int(): Python refuses numbers that long.
    return MAX_WIDTH if len(digits) > 7 else clamp_width(int(digits))


def has_controls(text: str) -> bool:
    """Whether ``text`` holds any character that ``visible`` would change."""
    return text != text.translate(_VISIBLE)
