"""Text as the search engine sees it: folded words with their true offsets, and sentences.

Everything that compares words (the index, the query, the speaker names) goes through
``fold``, so the two sides always agree:

- NFKC (full-width and ligature forms become plain letters and digits), then casefold;
- combining marks are stripped (``é`` -> ``e``), and so are the letters that carry their
  mark inside them (``ł``, ``ø``, ``đ``, ``æ``...: ``Łódź`` -> ``lodz``, ``Ærø`` -> ``aero``),
  so accents never decide a match;
- apostrophes inside a word (any form: straight, typographic, modifier letter, backtick,
  acute) are dropped, so ``don't``, ``don\u2019t`` and ``dont`` are one word, as people
  type it without the apostrophe (``we've`` -> ``weve``, ``public's`` -> ``publics``, which the
  typo budget and the prefix rule still match to ``public``). The price is a few
  collisions (``we'll`` and ``well`` are one word), rare in the speech we index;
- a number drops its thousands commas, so ``13,000`` and ``13000`` are one word.

``tokenise`` finds words in the ORIGINAL text and folds each one separately, which keeps
every token's ``[start, end)`` pointing at the characters the reader sees (folding the
whole string first would shift offsets whenever NFKC or casefold changes a length).
A word is a run of letters, digits and combining marks, with inner apostrophes
(``don't``, one token whose offsets cover the apostrophe); hyphens and other
punctuation separate words, so ``Nagorno-Karabakh`` is the two words ``nagorno``
``karabakh``, exactly what ``nagorno karabakh`` gives.
"""

import bisect
import itertools
import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple


def _lazy(build: Callable[[], re.Pattern[str]]) -> Callable[[], re.Pattern[str]]:
    """A pattern compiled on first use: ``speakers`` counts words without any of these."""
    return cache(build)


# Combining-mark blocks: kept inside a word so a decomposed "é" (e + U+0301) stays one word.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD_CHAR = rf"(?:[^\W_]|[{_MARKS}])"
_APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
_WORD = _lazy(
    lambda: re.compile(
        # A number with thousands separators or a decimal point first, then ordinary words.
        rf"\d+(?:[.,]\d+)+(?!{_WORD_CHAR})|{_WORD_CHAR}+(?:[{_APOSTROPHES}]{_WORD_CHAR}+)*"
    )
)
# ``_WORD`` for lowered ASCII text without apostrophes, where a word character is a
# letter or a digit: one character class instead of an alternation, five times faster.
_ASCII_WORD = _lazy(lambda: re.compile(r"\d+(?:[.,]\d+)+(?![a-z0-9])|[a-z0-9]+"))
_APOSTROPHE_FOLD = str.maketrans(dict.fromkeys(_APOSTROPHES, None))
# Letters that Unicode does not decompose into a base letter and a mark, so stripping marks
# alone would keep them: each becomes the letters people type for it (after casefold).
_UNDECOMPOSABLE = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th", "\u0131": "i",
     "ħ": "h", "ŧ": "t", "ŀ": "l", "ƀ": "b", "ɨ": "i", "ʉ": "u"}
)  # fmt: skip
# A token's first letter or digit and the rest of the token: one match per word
# (``count_words``), in linear time (no backtracking, whatever comes before it).
_COUNTED_WORD = _lazy(lambda: re.compile(r"[^\W_]\S*"))
_NUMBER_WITH_COMMAS = _lazy(lambda: re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"))

# Sentence ends: terminal punctuation, optionally closed by quotes or brackets.
# Only from a run's first mark: a match from a later one would also match from the first,
# and trying each mark of a long run ("......") that fails costs the square of its length.
_SENTENCE_END = _lazy(
    lambda: re.compile(r"(?<![.!?\u2026])[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)")
)
# A line holding nothing but white space (with the line breaks around it) parts paragraphs.
_BLANK_LINE = _lazy(lambda: re.compile(r"\n[^\S\n]*\n(?:[^\S\n]*\n)*"))
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st vs etc e.g i.e gen col lt jr sr co inc ltd sen rep gov capt rev mt
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
# Initials ("J.", "U.S."): a dot after them does not end a sentence.
_INITIALS = _lazy(lambda: re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]\Z"))
SENTENCE_MARKS = ".!?\u2026"
"""What ends a sentence (closing quotes and brackets may follow)."""
CLOSERS = "\"'\u201d\u2019\u00bb)]"
"""Closing quotation marks and brackets that may stand after a sentence's last mark."""

# fmt: off
COMMON_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "did", "do", "does", "for",
    "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it",
    "its", "me", "my", "no", "not", "of", "on", "or", "our", "she", "so", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "to", "us", "was", "we",
    "were", "what", "when", "which", "who", "will", "with", "would", "you", "your",
})
# fmt: on
"""Words too common to find anything on their own; ``query`` drops them from queries."""


class Token(NamedTuple):
    """One word of a text: its folded form and where the original word stands."""

    norm: str
    """The folded word, as compared against queries."""
    start: int
    """Offset of the word's first character in the original text."""
    end: int
    """Offset just past the word's last character."""


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Fold one word for comparison: ``fold_letters``, and no thousands commas in a number."""
    folded = fold_letters(word)
    if not word.isascii() and not folded.isalnum():
        # A few ligatures (U+FDFA, Arabic presentation forms) expand to several words;
        # a word stays one word (the library splits its stored words at spaces).
        folded = "".join(folded.split())
    if "," in folded and _NUMBER_WITH_COMMAS().fullmatch(folded):
        return folded.replace(",", "")
    return folded


def fold_letters(text: str) -> str:
    """Fold letters as every comparison in cstocli does: words, queries and names.

    NFKC, casefold, combining marks and apostrophes dropped, undecomposable letters
    spelled plainly (``Łódź`` -> ``lodz``). White space and punctuation other than
    apostrophes are kept, so a phrase can be folded whole and split afterwards.
    """
    if text.isascii():
        return text.lower().translate(_APOSTROPHE_FOLD)
    # Imported here: only non-ASCII text needs it, and speakers and stats never fold.
    import unicodedata  # noqa: PLC0415

    # Apostrophes go before NFKC, which turns an acute (U+00B4) into a space and a mark,
    # and after it, which makes one of "ŉ" (U+0149).
    composed = unicodedata.normalize("NFKC", text.translate(_APOSTROPHE_FOLD)).casefold()
    bare = "".join(
        c for c in unicodedata.normalize("NFD", composed) if not unicodedata.combining(c)
    )
    return unicodedata.normalize("NFC", bare).translate(_UNDECOMPOSABLE).translate(_APOSTROPHE_FOLD)


def tokenise(text: str) -> list[Token]:
    """Split text into folded words, each with its offsets in ``text``."""
    return [Token(fold(m.group()), m.start(), m.end()) for m in _WORD().finditer(text)]


def words(text: str) -> list[str]:
    """The folded words of a text, in order (``tokenise`` without the offsets)."""
    # findall hands back strings, not match objects: a third of this function's time.
    if not text.isascii() or "'" in text or "`" in text:
        return list(map(fold, _WORD().findall(text)))
    # ASCII without apostrophes, the common case: folding a word is lowering it, and the
    # word pattern ignores case, so the whole text is lowered once instead of word by
    # word (search re-ranks a few hundred sentences per query). Only a number with
    # thousands commas folds further.
    found: list[str] = _ASCII_WORD().findall(text.lower())
    if "," in text:
        return [fold(word) if "," in word else word for word in found]
    return found


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split a paragraph into sentences; return each one's ``[start, end)`` in ``text``.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes) followed by
    whitespace, unless the next word starts in lower case or the dot closes a known
    abbreviation or an initial (``Mr.``, ``A.``). A lone line break is hard wrapping, white
    space like any other (the sentence keeps it verbatim); a blank line always ends a
    sentence. Spans are trimmed of surrounding whitespace; blank stretches give no sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for gap in _BLANK_LINE().finditer(text):
        spans.extend(_stretch_sentences(text[start : gap.start()], start))
        start = gap.end()
    spans.extend(_stretch_sentences(text[start:], start))
    return spans


def _stretch_sentences(stretch: str, offset: int) -> list[tuple[int, int]]:
    """The sentences of a stretch without blank lines, with spans shifted by ``offset``."""
    cuts = [m.end() for m in _SENTENCE_END().finditer(stretch) if _ends_sentence(stretch, m)]
    spans = []
    start = 0
    for end in [*cuts, len(stretch)]:
        piece = stretch[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            spans.append((offset + start + lead, offset + start + lead + len(stripped)))
        start = end
    return spans


def _ends_sentence(line: str, match: re.Match[str]) -> bool:
    """Whether the punctuation at ``match`` really closes a sentence.

    The next word and the last one are found by stepping over white space and one word,
    never by copying the rest of the line or all of it before: in a paragraph of
    thousands of sentences, copies made the split take the square of its length.
    """
    after = match.end()
    while after < len(line) and line[after].isspace():
        after += 1
    if after < len(line) and line[after].islower():
        return False
    if match.group()[0] != ".":
        return True
    end = match.start()
    while end > 0 and line[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and not line[begin - 1].isspace():
        begin -= 1
    last_word = line[begin:end].lower().lstrip("(\"'\u201c\u2018")
    return not (last_word in _ABBREVIATIONS or _INITIALS().match(last_word))


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends as a sentence does: a final mark, maybe closing quotes after it."""
    return line.rstrip().rstrip(CLOSERS).endswith(tuple(SENTENCE_MARKS))


def line_of(text: str, offset: int) -> int:
    """The 1-based line of ``text`` on which ``offset`` stands.

    LF, CR LF and a lone CR each end a line, as the importer reads them
    (``importer.layout.split_lines``), so a citation's line is the one an editor shows.
    """
    return bisect.bisect_right(_line_starts(text), offset)


@lru_cache(maxsize=8)
def _line_starts(text: str) -> tuple[int, ...]:
    """Where each line of ``text`` starts (the first at 0), found once per text.

    ``stats`` asks the line of every figure, and counting breaks from the start for each
    took the square of the size (47 s for an article with 80,000 figures).
    """
    if "\r" not in text:  # most files: LF alone, split in C
        return tuple(itertools.accumulate((len(line) + 1 for line in text.split("\n")), initial=0))
    return (0, *(match.end() for match in _LINE_BREAK().finditer(text)))


_LINE_BREAK = _lazy(lambda: re.compile(r"\r\n?|\n"))


def count_words(text: str) -> int:
    """Count the words in ``text`` the way a reader would.

    A word is a whitespace-separated token with a letter or digit in it, so "we've",
    "Nagorno-Karabakh" and "13,000" count once and a dash standing alone not at all.
    (One pattern, compiled on first use, counts them: its letter-or-digit class is exactly
    ``str.isalnum`` and its non-space exactly what ``str.split`` keeps; a loop over each
    token's letters was three times slower.)
    """
    return len(_COUNTED_WORD().findall(text))
