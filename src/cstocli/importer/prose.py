"""A news paragraph's own words, its quotations blanked, with its sentences and clauses.

``news`` asks it where a reporting verb's clause begins (its sentence's start, or the end of
the quotation before it) and whether a sentence ends between a quotation and a verb.
"""

from __future__ import annotations

import bisect

from cstocli.text import split_sentences as sentences


class Prose:
    """A paragraph's own words (quotations blanked) with its sentences, found once."""

    def __init__(self, text: str, base: int, quotation_ends: list[int]) -> None:
        self.text = text
        self.base = base
        """The paragraph's offset in the article."""
        # Each sentence runs on from where the one before it ended (the space between two
        # belongs to the later one), and the last one to the end of the paragraph, blanked
        # quotations included: only a sentence's own final mark ends it.
        self.ends = [end for _, end in sentences(text)[:-1]] + [len(text)]
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
