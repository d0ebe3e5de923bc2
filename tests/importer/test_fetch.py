import hashlib
import socket

import httpx
import pytest
from tests.conftest import WEB_PAGES, WebServer

from cstocli import __version__
from cstocli.importer import fetch as fetching
from cstocli.importer.fetch import FetchError, check_url, fetch, is_url


def test_fetch_returns_the_page_and_what_it_was(web: WebServer) -> None:
    """A page comes back byte for byte, with its type, charset, hash and time."""
    url = web.url("/world/2024/03/harbour-talks-deal")
    page = fetch(url)
    expected = (WEB_PAGES / "northern-ledger.html").read_bytes()
    assert page.content == expected
    assert (page.url, page.final_url) == (url, url)
    assert (page.media_type, page.charset) == ("text/html", "utf-8")
    assert page.sha256 == hashlib.sha256(expected).hexdigest()
    assert page.retrieved.endswith("+00:00")


def test_fetch_names_cstocli_in_the_user_agent(web: WebServer) -> None:
    """The server sees a User-Agent naming cstocli and its version."""
    fetch(web.url("/en/frost.html"))
    (_, headers), *_ = web.requests
    assert headers["User-Agent"].startswith(f"cstocli/{__version__} ")


def test_fetch_follows_a_redirect_and_records_where_it_ended(web: WebServer) -> None:
    """A 301 is followed; the final URL is kept apart from the one asked for."""
    page = fetch(web.url("/moved"))
    assert page.url == web.url("/moved")
    assert page.final_url == web.url("/world/2024/03/harbour-talks-deal")


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/gone", "the server answered 404 Not Found"),
        ("/broken", "the server answered 500 Internal Server Error"),
        ("/loop", f"more than {fetching.MAX_REDIRECTS} redirects"),
        ("/to-ftp", "redirected to a URL that is not http or https"),
        ("/data.json", "not an HTML page (Content-Type: application/json)"),
        ("/huge-declared", "page too large (over 10 MB); nothing stored"),
    ],
)
def test_fetch_failures_are_one_line_naming_the_url(
    web: WebServer, path: str, problem: str
) -> None:
    """Each failure is a FetchError whose message is the URL and the problem."""
    url = web.url(path)
    with pytest.raises(FetchError) as caught:
        fetch(url)
    assert str(caught.value) == f"{url}: {problem}"


def test_fetch_stops_a_page_past_the_size_cap(
    web: WebServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page with no Content-Length is cut off once it passes the cap."""
    monkeypatch.setattr(fetching, "MAX_BYTES", 200_000)
    with pytest.raises(FetchError, match="page too large"):
        fetch(web.url("/huge"))


def test_fetch_gives_up_on_a_slow_server(web: WebServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that does not answer within the read timeout is a timeout, not a hang."""
    monkeypatch.setattr(fetching, "READ_TIMEOUT", 0.3)
    with pytest.raises(FetchError, match=r"/slow: timed out: no data for 0.3 s$"):
        fetch(web.url("/slow"))


def test_fetch_says_connection_refused() -> None:
    """A port nobody listens on is 'connection refused'."""
    with socket.socket() as probe:  # a free port, closed again before the fetch
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/page"
    with pytest.raises(FetchError) as caught:
        fetch(url)
    assert str(caught.value) == f"{url}: connection refused"


def test_dns_failures_are_named_as_such() -> None:
    """Getaddrinfo's 'Name or service not known' reads as a DNS failure (no lookup made)."""
    error = httpx.ConnectError("[Errno -2] Name or service not known")
    assert fetching._connect_problem(error) == "host not found (DNS lookup failed)"
    error = httpx.ConnectError("[Errno -3] Temporary failure in name resolution")
    assert fetching._connect_problem(error) == "host not found (DNS lookup failed)"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("ftp://example.org/a.html", "only http and https URLs are fetched, not ftp:"),
        ("file:///etc/passwd", "only http and https URLs are fetched, not file:"),
        ("http:///no-host", "the URL names no host"),
    ],
)
def test_only_http_urls_with_a_host_are_fetched(url: str, problem: str) -> None:
    """Other schemes and host-less URLs are refused before any connection."""
    with pytest.raises(FetchError) as caught:
        check_url(url)
    assert str(caught.value) == f"{url}: {problem}"


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("https://news.example/a", True),
        ("ftp://x/y", True),
        ("article.txt", False),
        ("notes/a:b.txt", False),
        ("C:\\articles\\a.txt", False),
    ],
)
def test_is_url_tells_urls_from_file_names(argument: str, expected: bool) -> None:
    """A scheme followed by :// makes a URL; anything else is a file name."""
    assert is_url(argument) is expected


def test_charset_is_read_from_the_content_type() -> None:
    """The charset parameter is found whatever its case or quotes."""
    assert fetching._charset('text/html; Charset="Windows-1251"') == "Windows-1251"
    assert fetching._charset("text/html") is None


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://[::1/page", "not a valid URL (Invalid IPv6 URL)"),
        ("http://127.0.0.1:99999/", "not a valid URL (Port out of range 0-65535)"),
        ("http://xn--/", "not a valid URL (Malformed A-label, no Punycode eligible content found)"),
    ],
)
def test_malformed_urls_fail_before_any_connection(url: str, problem: str) -> None:
    """A URL that cannot name a server is one FetchError, never a traceback."""
    with pytest.raises(FetchError) as caught:
        fetch(url)
    assert str(caught.value) == f"{url}: {problem}"
