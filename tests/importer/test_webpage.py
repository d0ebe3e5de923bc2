import codecs

import pytest
from tests.conftest import WEB_PAGES

from cstocli.importer.webpage import PageError, decode_html, extract_page, looks_like_html

LEDGER_TEXT = """Harbour talks end with a deal on tugs

Delegations from the two port cities met on Thursday to settle how many tugs each harbour keeps ready through the winter.

Maria Berg, Harbour Master of Vik:

We have agreed on twelve tugs for the season. Each side keeps six, and we share the crews when the ice comes early.

Tomas Lind, Mayor of Strand:

This is a good day for both towns. Our fishermen asked for this for ten years.

The agreement runs until the end of 2026 and will be reviewed each spring.
"""  # noqa: E501 - one paragraph a line, as stored

GAZETTE_TEXT = """Council votes to reopen the old ferry pier

After three hours of debate on Tuesday evening, the town council voted seven to two to pay for repairs to the old ferry pier, closed since the storm of 2019.

Councillor Ruth Abernethy, Chair of the Harbour Committee:

The pier is part of who we are. We will spend £450,000 on it over two years, and the ferry company has promised four crossings a day from next summer.

Not everyone agreed. Two councillors said the money would be better spent on the sea wall.

Councillor Dev Malhotra:

I voted against because the sea wall protects 300 homes. I hope I am wrong about the risk & that the pier pays for itself.

Work on the pier is expected to begin in March.
"""  # noqa: E501

CORREO_TEXT = """Río Claro: vineyards count the cost of the frost

Growers in the Río Claro valley say a single night of frost in late September destroyed about 40 per cent of the young shoots.

José Ibáñez, President of the Growers' Cooperative:

We lost more than 600 hectares in one night. Our members need help before the harvest, not after it.

Señora Müller, Regional Minister of Agriculture:

The ministry will pay an advance of 15 per cent to every cooperative that applies this month.
"""  # noqa: E501

VESTNIK_TEXT = """Мост через Сожу откроют к зиме

Строители закончили укладку пролётов нового моста, и движение по нему начнётся до конца ноября.

Анна Ковальчук, глава района:

Мы потратили на мост 12 миллионов рублей. Я обещала жителям, что к зиме он будет готов, и мы успеем.

Прораб Пётр Лысенко сказал, что осталось уложить асфальт и поставить освещение.
"""

FURNITURE = (
    "cookie", "Cookie", "Related", "Most read", "Comments", "Subscribe", "Portada", "Читайте",
    "About time", "Advertisement", "newsletter",
)  # fmt: skip
PAGES = {
    "northern-ledger.html": (
        LEDGER_TEXT,
        "Harbour talks end with a deal on tugs",
        "Ingrid Holm",
        "The Northern Ledger",
        "2024-03-14",
        "https://ledger.example/world/2024/03/harbour-talks-deal",
    ),
    "harbour-gazette.html": (
        GAZETTE_TEXT,
        "Council votes to reopen the old ferry pier",
        "Priya Natarajan; Olek Sadowski",
        "Harbour Gazette",
        "2023-09-05",
        "https://gazette.example/news/local/council-reopens-ferry-pier",
    ),
    "correo-latin1.html": (
        CORREO_TEXT,
        "Río Claro: vineyards count the cost of the frost",
        "Inés Peñalver",
        "El Correo del Valle (English edition)",
        "2022-10-18",
        "http://correo-valle.example/en/2022/10/rio-claro-frost.html",
    ),
    "vestnik-cp1251.html": (
        VESTNIK_TEXT,
        "Мост через Сожу откроют к зиме",
        "Олег Середа",
        "Вестник Поречья",
        "2021-08-12",
        "https://vestnik.example/news/2021/08/most",
    ),
}


def _extract(name: str, url: str | None = None) -> tuple[str | None, ...]:
    """The text and metadata read from a saved page, as a tuple to compare."""
    html = decode_html((WEB_PAGES / name).read_bytes(), None, where=name)
    page = extract_page(html, url=url, where=name)
    return page.text, page.title, page.author, page.publisher, page.date, page.url


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_saved_page_gives_its_article_and_metadata(name: str) -> None:
    """Text (no menus, banners, related links, comments, byline) and metadata, exactly."""
    assert _extract(name) == PAGES[name]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_site_furniture_survives(name: str) -> None:
    """Words only the site's furniture holds never reach the article text."""
    text = _extract(name)[0]
    assert text is not None
    for furniture in FURNITURE:
        assert furniture not in text


def test_the_canonical_url_wins_over_the_one_fetched() -> None:
    """A page's canonical link names it, not the address it happened to be fetched from."""
    fetched = "http://127.0.0.1:8000/some/mirror?utm_source=feed"
    assert _extract("harbour-gazette.html", fetched)[-1] == (
        "https://gazette.example/news/local/council-reopens-ferry-pier"
    )


def test_a_page_without_canonical_url_keeps_the_fetched_one() -> None:
    """With no canonical link or og:url, the URL the page came from is its URL."""
    html = (
        "<html><head><title>T</title></head><body><article><p>Anna Berg, Mayor:</p>"
        "<p>We will build the bridge this year, and it will carry the tram.</p>"
        "</article></body></html>"
    )
    page = extract_page(html, url="https://town.example/bridge", where="x")
    assert page.url == "https://town.example/bridge"
    assert page.publisher == "town.example"  # no site name: the host stands for it


def test_a_page_with_no_article_text_is_refused() -> None:
    """A page of menus only is one clear error naming it."""
    html = "<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav></body></html>"
    with pytest.raises(PageError) as caught:
        extract_page(html, url=None, where="menu.html")
    assert str(caught.value) == "menu.html: no article text found in the page"


@pytest.mark.parametrize(
    ("escape", "bell", "other", "end"),
    [
        ("\x1b", "\x07", "\r", ""),  # raw
        ("&#27;", "&#x7;", "&#0011", "&#X1B;"),  # written as character references
    ],
)
def test_control_characters_never_reach_the_text(
    escape: str, bell: str, other: str, end: str
) -> None:
    """An escape, a bell or a CR in the markup, raw or as a reference, is dropped: no refusal."""
    html = (
        f"<html><head><title>Bad{escape}[31m title</title></head><body><article>"
        f"<p>Ann Lee, Mayor:</p><p>We opened{bell} the new school{other} today, and"
        f" 400 pupils came. It&#8217;s a good day{end}.</p></article></body></html>"
    )
    page = extract_page(html, url=None, where="x")
    assert page.title == "Bad[31m title"
    assert "We opened the new school today, and 400 pupils came." in page.text
    assert "It\u2019s a good day." in page.text  # a reference to a letter is kept


def test_a_story_wrapper_named_like_furniture_is_kept() -> None:
    """A body whose class says 'related' still holds the story, so it is not dropped."""
    story = "".join(
        f"<p>Paragraph {n} of the story tells what the council decided.</p>" for n in range(6)
    )
    html = (
        "<html><head><title>Council decides</title></head><body>"
        '<div class="story related-enabled"><h1>Council decides</h1>'
        f"<p>Ann Lee, Mayor:</p>{story}</div>"
        '<div class="related"><a href="/x">Other news</a></div></body></html>'
    )
    page = extract_page(html, url=None, where="x")
    assert "Paragraph 5 of the story" in page.text
    assert "Other news" not in page.text


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<!DOCTYPE html>\n<html>", True),
        (b"\xef\xbb\xbf  <!doctype HTML><html>", True),
        (b"<!-- saved from url=(0042)https://x.example/ -->\n<html lang=en>", True),
        (b"<html>", True),
        (b"<head><meta charset=utf-8>", True),
        (b"Talks in Oslo\n\nDelegations met <b>today</b>.", False),
        (b'{"schema_version": 1}', False),
        (b"<?xml version='1.0'?><rss>", False),
    ],
)
def test_html_is_recognised_by_its_first_bytes(head: bytes, expected: bool) -> None:
    """A page is known by its content: a doctype or an html/head/body tag first."""
    assert looks_like_html(head) is expected


@pytest.mark.parametrize(
    ("data", "header", "expected"),
    [
        ("Мост".encode("cp1251"), "windows-1251", "Мост"),
        (
            '<meta charset="windows-1251">Мост'.encode("cp1251"),
            None,
            '<meta charset="windows-1251">Мост',
        ),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">Мост'.encode(
                "koi8-r"
            ),
            None,
            '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">Мост',
        ),
        # The header wins over <meta>, as in browsers.
        (
            '<meta charset="utf-8">Мост'.encode("cp1251"),
            "windows-1251",
            '<meta charset="utf-8">Мост',
        ),
        # latin-1 means windows-1252 on the web: 0x80 is the euro sign.
        (b"\x80 5", "ISO-8859-1", "€ 5"),
        (codecs.BOM_UTF8 + "Río".encode(), "windows-1251", "Río"),
        ("Río".encode(), None, "Río"),  # undeclared: UTF-8 first
        ("Río".encode("latin-1"), None, "Río"),  # not UTF-8: windows-1252
        ("Río".encode(), "no-such-charset", "Río"),  # an unknown label is ignored
    ],
)
def test_pages_are_decoded_as_browsers_do(data: bytes, header: str | None, expected: str) -> None:
    """BOM, then the header's charset, then <meta>, then UTF-8, else windows-1252."""
    assert decode_html(data, header, where="x") == expected


def test_a_page_over_the_size_cap_is_refused() -> None:
    """A page larger than the cap is not parsed at all."""
    with pytest.raises(PageError, match=r"^big\.html: page too large"):
        decode_html(b" " * 10_000_001, None, where="big.html")


def test_a_page_with_too_many_elements_is_refused_before_extraction() -> None:
    """A page of tens of thousands of elements would take minutes: it is refused at once."""
    items = "".join(f'<div class="x"><p>Item {n}</p></div>' for n in range(16_000))
    html = f"<!doctype html><html><body>{items}</body></html>"
    with pytest.raises(PageError) as caught:
        extract_page(html, url=None, where="wide.html")
    assert str(caught.value) == "wide.html: page too complex (over 30,000 HTML elements)"
