"""A news paragraph's own words, its quotations blanked, with its sentences and clauses.

``news`` asks it where a reporting verb's clause begins (its sentence's start, or the end of
the quotation before it) and whether a sentence ends between a quotation and a verb.
"""

from __future__ import annotations

import bisect
import re

from cstocli.importer.mention_words import REPORTING_VERBS
from cstocli.text import split_sentences as sentences

# "said Det. Kate Moss", "said Lt. Col. James Park": after a reporting verb, capitalised
# abbreviations then a name are titles, not a sentence's end, whether or not the splitter
# knows them (Sgt., Insp., Supt., Msgr.); a sentence never ends "said Oslo."
_TITLE_AFTER_VERB = re.compile(
    rf"\b(?:{REPORTING_VERBS})\s+(?:[A-Z][a-z]{{1,4}}\.\s+)*[A-Z][a-z]{{1,4}}\.\Z"
)
_NAME_NEXT = re.compile(r"\s+(?:[A-Z][a-z]{1,4}\.\s+)*[A-Z][\w'\u2019-]+")


def _title_before_name(text: str, end: int) -> bool:
    """Whether the sentence end at ``end`` is a title's full stop after a reporting verb."""
    before = _TITLE_AFTER_VERB.search(text, max(0, end - 60), end)
    return before is not None and _NAME_NEXT.match(text, end) is not None


class Prose:
    """A paragraph's own words (quotations blanked) with its sentences, found once."""

    def __init__(self, text: str, base: int, quotation_ends: list[int]) -> None:
        self.text = text
        self.base = base
        """The paragraph's offset in the article."""
        # Each sentence runs on from where the one before it ended (the space between two
        # belongs to the later one), and the last one to the end of the paragraph, blanked
        # quotations included: only a sentence's own final mark ends it.
        ends = [end for _, end in sentences(text)[:-1]]
        ends = [end for end in ends if not _title_before_name(text, end)]
        self.ends = [*ends, len(text)]
        self.starts = [0, *self.ends[:-1]]
        self.quotation_ends = quotation_ends

    def breaks(self, start: int, end: int) -> bool:
        """Whether a sentence ends in ``[start, end)``."""
        index = bisect.bisect_left(self.ends, start)
        return index < len(self.ends) and self.ends[index] < end

    def sentence_start(self, at: int) -> int:
        """Where the sentence holding ``at`` starts."""
        sentence = bisect.bisect_right(self.starts, at) - 1
        return self.starts[sentence] if sentence >= 0 else 0

    def clause_start(self, at: int) -> int:
        """Where the clause holding ``at`` starts (its sentence's, or a quotation's end)."""
        sentence = bisect.bisect_right(self.starts, at) - 1
        quotation = bisect.bisect_right(self.quotation_ends, at) - 1
        start = self.starts[sentence] if sentence >= 0 else 0
        return max(start, self.quotation_ends[quotation] if quotation >= 0 else 0)

    def sentence_end(self, at: int) -> int:
        """Where the sentence holding ``at`` ends (the splitter knows "Dr." ends none)."""
        if at >= self.ends[-1]:
            return len(self.text)
        return self.ends[bisect.bisect_right(self.ends, at)]
