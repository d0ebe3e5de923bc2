"""The words of a library's vocabulary within one or two typos of a word, looked up.

Typo expansion (``search.expansion``) needs every indexed word within a query word's
typo budget. Scanning the words of five lengths (16,000 at a million sentences) with
RapidFuzz costs its import, about 8 ms, more than the whole search of a rare word; these
lookups read a few dozen words through the ``vocabulary`` table's primary key (the
words in order) and its ``(length, term)`` index instead, and ``search.typos`` checks
them in pure Python. Each returns a superset of the words within the budget (tested
against the full scan); typos are OSA edits, which never overlap.
"""

from __future__ import annotations

import sqlite3
from typing import Any


def one_typo(conn: sqlite3.Connection, word: str) -> list[str]:
    """Every indexed word one typo from ``word``, each once.

    Each deletion and transposition of ``word`` exactly; a substitution or an insertion
    at the first letter leaves the rest of the word in place (``substr(term, 2)``,
    compared in C over the words of one length); past the first letter, the words of the
    two lengths that start with it (a range of the ``(length, term)`` index, a few
    hundred words) are checked here. A typo is one of these four edits, so nothing
    within one typo is missed.
    """
    size = len(word)
    exact = {word[:i] + word[i + 1 :] for i in range(size)}
    exact |= {word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :] for i in range(1, size)}
    sql = " UNION ".join(
        [
            f"SELECT term FROM vocabulary WHERE term IN ({', '.join('?' * len(exact))})",
            "SELECT term FROM vocabulary WHERE length = ? AND substr(term, 2) = ?",
            "SELECT term FROM vocabulary WHERE length = ? AND substr(term, 2) = ?",
        ]
    )
    found = [row[0] for row in conn.execute(sql, (*exact, size, word[1:], size + 1, word))]
    below, args = key_range(word[0])
    same_start = _words(
        conn,
        "SELECT group_concat(term, ' ') FROM vocabulary WHERE length IN (?, ?)" + below,
        (size, size + 1, *args),
    )
    found += [t for t in same_start if _one_changed_or_added(word, t)]
    return list(dict.fromkeys(found))  # "aabc" is "abc" with an "a" added twice over


def two_typos(conn: sqlite3.Connection, word: str) -> list[str] | None:
    """Indexed words among which are all those within two typos of ``word``, each once.

    ``word`` (5 letters or more, else None) is cut into a left part, one letter, and a
    right part. Two typos cannot both touch the two parts, so either the right part is
    untouched, and the word found ends with it (the one scan, of the words of five
    lengths, compared in C), or the word found starts with the left part as it is, or
    with one typo in it (a letter dropped, changed or added, two swapped): ranges of the
    primary key, one per first letter of the vocabulary where the first letter changed.
    After a typo in the left part at most one is left for the rest, so the rest also
    keeps its first or its last letters (``_one_left``). None when a range has no end
    (a word of U+10FFFF only): the caller scans.
    """
    size = len(word)
    cut = (size - 1) // 2
    left, right = word[:cut], word[cut + 1 :]
    after_left, after_tail = _after(left), _after(left[1:])
    if cut < 2 or after_left is None or after_tail is None:
        return None
    lengths = (size - 2, size + 2)
    changed, changed_args = _one_left(word, cut, cut)
    added, added_args = _one_left(word, cut, cut + 1)
    selects = ["SELECT term FROM vocabulary WHERE length BETWEEN ? AND ? AND substr(term, ?) = ?"]
    args: list[Any] = [*lengths, -len(right), right]
    # The first letter changed or one added before it: any first letter of the vocabulary.
    for start, end, (rest, rest_args) in (
        (left[1:], after_tail, (changed, changed_args)),
        (left, after_left, (added, added_args)),
    ):
        selects.append(
            "SELECT term FROM firsts JOIN vocabulary ON term >= letter || ?"
            f" AND term < letter || ? WHERE +length BETWEEN ? AND ? AND {rest}"
        )
        args += [start, end, *lengths, *rest_args]
    starts = {left: ("true", ())}  # what the word found starts with: what its rest keeps
    for i in range(cut):
        starts.setdefault(left[:i] + left[i + 1 :], _one_left(word, cut, cut - 1))
    for i in range(cut - 1):
        swapped = left[:i] + left[i + 1] + left[i] + left[i + 2 :]
        starts.setdefault(swapped, _one_left(word, cut, cut))
    across = left[:-1] + word[cut] + left[-1]  # the left part's last letter swapped
    starts.setdefault(across, _one_left(word, cut + 1, cut + 1))
    for start, (rest, rest_args) in starts.items():
        below, range_args = key_range(start)
        # "+length": a range of the primary key, not a scan of the lengths' index.
        selects.append(
            f"SELECT term FROM vocabulary WHERE +length BETWEEN ? AND ? AND {rest}" + below
        )
        args += [*lengths, *rest_args, *range_args]
    for i in range(1, cut):  # a letter changed at i, or one added before it
        below, range_args = key_range(left[:i])
        selects.append(
            "SELECT term FROM vocabulary WHERE +length BETWEEN ? AND ?"
            f" AND (substr(term, ?, ?) = ? AND {changed} OR substr(term, ?, ?) = ? AND {added})"
            + below
        )
        args += [*lengths, i + 2, cut - i - 1, left[i + 1 :], *changed_args]
        args += [i + 2, cut - i, left[i:], *added_args, *range_args]
    sql = f"{_FIRSTS} SELECT group_concat(term, ' ') FROM ({' UNION '.join(selects)})"
    return _words(conn, sql, tuple(args))


_FIRSTS = """WITH RECURSIVE firsts(letter) AS (
    SELECT substr(min(term), 1, 1) FROM vocabulary
    UNION ALL
    SELECT (
        SELECT substr(min(term), 1, 1) FROM vocabulary WHERE term >= char(unicode(letter) + 1)
    ) FROM firsts WHERE unicode(letter) < 1114111
)"""
"""The first letters of the vocabulary, one seek of the primary key each (a skip scan)."""


def key_range(prefix: str) -> tuple[str, tuple[str, ...]]:
    """SQL (and its arguments) that keeps the terms starting with ``prefix``: a key range."""
    end = _after(prefix)
    if end is None:
        return " AND term >= ?", (prefix,)
    return " AND term >= ? AND term < ?", (prefix, end)


def _after(prefix: str) -> str | None:
    """The least string above every string that starts with ``prefix``, None if none is.

    None is above a prefix of the last code point only; "" for the empty prefix is
    None too (every string starts with it).
    """
    kept = prefix.rstrip("\U0010ffff")
    if not kept:
        return None
    return kept[:-1] + chr(ord(kept[-1]) + 1)


def _one_left(word: str, consumed: int, offset: int) -> tuple[str, tuple[Any, ...]]:
    """SQL (and its arguments) that keeps words whose rest is within one typo of ``word``'s.

    The rest is ``word[consumed:]``, standing at ``offset`` in the word found. Cut in two
    around one letter, it keeps one half untouched: its first letters at ``offset``, or
    its last letters at the end (an empty half matches anything).
    """
    rest = word[consumed:]
    half = (len(rest) - 1) // 2
    if not half:
        return "true", ()
    return (
        "(substr(term, ?, ?) = ? OR substr(term, ?) = ?)",
        (offset + 1, half, rest[:half], -len(rest[half + 1 :]), rest[half + 1 :]),
    )


def _one_changed_or_added(word: str, term: str) -> bool:
    """Whether ``term`` is ``word`` with one letter (not the first) changed or added.

    Both start with the same letter; ``term`` is as long as ``word`` or one longer.
    """
    i = 1
    while i < len(word) and term[i] == word[i]:
        i += 1
    if len(term) == len(word):
        return i < len(word) and term[i + 1 :] == word[i + 1 :]
    return term[i + 1 :] == word[i:]


def _words(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...]) -> list[str]:
    """The terms of ``sql``'s one ``group_concat(term, ' ')`` (no term holds a space)."""
    (joined,) = conn.execute(sql, args).fetchone()
    return joined.split(" ") if joined else []
