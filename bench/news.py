"""How long the importer takes to read a news story, by size: the cost must grow linearly.

Builds synthetic stories from a handful of quotation layouts (split quotes, "said X, the
mayor", indirect reports, an organisation quoted) at growing sizes, once as one paragraph
per line and once as a single huge paragraph (the worst case for anything quadratic), and
prints seconds per run and per MB. No assertion: compare the per-MB column across sizes
(a flat column is linear). Run: ``python bench/news.py [--sizes 1000 4000 16000]``.
"""

from __future__ import annotations

import argparse
import time

from cstocli.importer.article import import_article

_PARAGRAPHS = (
    '"We will not give up on this town," said Mayor Jane Doe-Okafor, the city\'s mayor.',
    "Doe-Okafor said the council would meet again on Monday to discuss about 40 routes.",
    '"It is not over," she said, "and we know it."',
    "Council member Tom Berg-Lund, who represents the east side, warned that costs could rise.",
    'The ministry said the offer was "fair and final".',
)


def story(paragraphs: int, *, one_paragraph: bool) -> str:
    """A synthetic news story of ``paragraphs`` paragraphs."""
    body = [_PARAGRAPHS[i % len(_PARAGRAPHS)] for i in range(paragraphs)]
    return "Council meets on the bridge\n\n" + (" " if one_paragraph else "\n\n").join(body) + "\n"


def main() -> None:
    """Time the import of each size and shape and print a row for each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000])
    args = parser.parse_args()
    print(f"{'shape':<14}{'paragraphs':>11}{'MB':>8}{'seconds':>9}{'s/MB':>7}")
    for one in (False, True):
        for size in args.sizes:
            text = story(size, one_paragraph=one)
            start = time.perf_counter()
            import_article(text, file_name="bench.txt")
            took = time.perf_counter() - start
            mb = len(text.encode("utf-8")) / 1e6
            shape = "one paragraph" if one else "paragraphs"
            print(f"{shape:<14}{size:>11}{mb:>8.2f}{took:>9.2f}{took / mb:>7.2f}")


if __name__ == "__main__":
    main()
