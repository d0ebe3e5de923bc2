from pathlib import Path

import pytest
from tests.conftest import WEB_PAGES

from cstocli.importer import provenance
from cstocli.importer.provenance import Provenance, with_provenance, with_web_source
from cstocli.importer.webpage import PageError
from cstocli.model import Dataset


@pytest.mark.parametrize(
    ("where", "name"),
    [
        ("news/harbour-gazette.html", "harbour-gazette.txt"),
        ("https://ledger.example/world/2024/03/harbour-talks-deal", "harbour-talks-deal.txt"),
        ("https://ledger.example/world/talks.html?utm=1#top", "talks.txt"),
        ("https://news.example/", "news.txt"),
        ("https://news.example", "news.txt"),
    ],
)
def test_the_stored_text_is_named_after_the_page(where: str, name: str) -> None:
    """A page's text is stored as NAME.txt, after its file or the last part of its URL."""
    assert provenance._text_name(where) == name


def test_a_saved_page_records_what_was_read(tmp_path: Path) -> None:
    """read_html_file keeps the bytes, their hash and when they were read."""
    page = tmp_path / "p.html"
    page.write_bytes((WEB_PAGES / "northern-ledger.html").read_bytes())
    web = provenance.read_html_file(page)
    assert web.original.content == page.read_bytes()
    assert web.original.url is None
    assert web.file_name == "p.txt"
    assert web.provenance.publisher == "The Northern Ledger"
    assert web.retrieved.endswith("+00:00")


def test_an_unreadable_page_is_named(tmp_path: Path) -> None:
    """A page that cannot be read is one error naming it."""
    with pytest.raises(PageError, match=r"missing\.html: file not found"):
        provenance.read_html_file(tmp_path / "missing.html")


def test_is_html_file_reads_content(tmp_path: Path) -> None:
    """A file is HTML by its first bytes; an unreadable one is left to the text reader."""
    (tmp_path / "a.txt").write_text("<!DOCTYPE html><html></html>", encoding="utf-8")
    (tmp_path / "b.html").write_text("Talks in Oslo\n\nQ:\nWhy?\n", encoding="utf-8")
    assert provenance.is_html_file(tmp_path / "a.txt")
    assert not provenance.is_html_file(tmp_path / "b.html")
    assert not provenance.is_html_file(tmp_path / "missing")


def test_stated_provenance_wins_and_a_new_title_is_kept_apart(bundled: Dataset) -> None:
    """--url, --publisher, --date replace; --title differing from the headline is kept."""
    given = Provenance(
        url="https://x.example/a", title="Another title", publisher="P", date="2020-01-02"
    )
    source = with_provenance(bundled, given).source
    assert (source.url, source.publisher, source.date) == ("https://x.example/a", "P", "2020-01-02")
    assert source.published_title == "Another title"
    assert source.title == bundled.source.title
    assert source.retrieved is not None


def test_a_title_equal_to_the_headline_is_not_stored_twice(bundled: Dataset) -> None:
    """--title with the headline itself adds nothing."""
    given = Provenance(title=bundled.source.title.text)
    assert with_provenance(bundled, given).source.published_title is None


def test_no_stated_provenance_changes_nothing(bundled: Dataset) -> None:
    """Without options the dataset is returned as it was (no retrieved date invented)."""
    assert with_provenance(bundled, Provenance()) is bundled


def test_corrections_win_over_the_page(bundled: Dataset, tmp_path: Path) -> None:
    """What the dataset already says (from corrections) is kept; the page fills the rest."""
    page = tmp_path / "p.html"
    page.write_bytes((WEB_PAGES / "harbour-gazette.html").read_bytes())
    web = provenance.read_html_file(page)
    ds = bundled._replace(source=bundled.source._replace(publisher="Corrected", date=None))
    source = with_web_source(ds, web).source
    assert source.publisher == "Corrected"
    assert source.date == "2023-09-05"
    assert source.original_sha256 == web.original.sha256
