"""``random``'s fortune view: the quote as ``cite`` quotes it, then its citation."""

from __future__ import annotations

from tests.conftest import NEWS_INTERRUPTED, rendered

from cstocli.importer.article import import_article, read_article
from cstocli.views.fortune import fortune_view


def test_a_cut_quote_stays_one_paragraph_with_its_cut_marked() -> None:
    """'"...," said X. "..."': one paragraph, the ellipsis where 'said X' stood."""
    article = read_article(NEWS_INTERRUPTED)
    dataset = import_article(article, file_name=NEWS_INTERRUPTED.name).dataset
    quote = next(p for p in dataset.passages if p.id == "q1")
    first, blank, credit = rendered(fortune_view(dataset, quote), width=200).splitlines()
    assert first == (
        "We are not going back until the contract is signed \u2026 Our families cannot live"
        " on promises."
    )
    assert blank == ""
    assert credit.strip().startswith("\u2014 Tomas Berger, dockers' union steward, in")
