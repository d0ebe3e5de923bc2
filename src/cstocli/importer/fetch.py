"""Fetching a web page for import, carefully: the URL comes from a stranger.

httpx does the HTTP: http and https only, a connect and a read timeout, at most
``MAX_REDIRECTS`` redirects, a User-Agent naming cstocli and its version, and the body
streamed and cut off past ``MAX_BYTES`` (a server that lies about its length, or sends
none, still cannot fill the memory). Every failure is one ``FetchError`` naming the URL.

httpx costs about 60 ms to import: it is imported in ``fetch`` only.
"""

# ruff: noqa: PLC0415 - httpx is imported on use (see above).

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from cstocli import __version__
from cstocli.errors import DatasetError
from cstocli.importer.webpage import MAX_HTML_BYTES

MAX_BYTES = MAX_HTML_BYTES
"""The largest page downloaded; the transfer stops as soon as it goes past."""
MAX_REDIRECTS = 5
"""Redirects followed before giving up (a loop stops here too)."""
CONNECT_TIMEOUT = 10.0
"""Seconds to wait for the connection."""
READ_TIMEOUT = 20.0
"""Seconds to wait for any next piece of the response."""
USER_AGENT = f"cstocli/{__version__} (+https://github.com/cstocli/cstocli)"
"""How cstocli introduces itself to web servers."""

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class FetchError(DatasetError):
    """A URL that could not be fetched as a web page; the message names the URL."""

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(url, None, problem)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A web page as downloaded."""

    url: str
    """The URL asked for."""
    final_url: str
    """Where the page was found, after redirects."""
    content: bytes
    """The body, as sent."""
    media_type: str
    """The Content-Type without parameters (``text/html``)."""
    charset: str | None
    """The charset the Content-Type declares, if any."""
    sha256: str
    """Hex SHA-256 of ``content``."""
    retrieved: str
    """When the download finished, ISO 8601 UTC to the second."""


def is_url(argument: str) -> bool:
    """Whether a command-line argument names a URL rather than a file."""
    return _SCHEME.match(argument) is not None


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def check_url(url: str) -> str:
    """Return ``url`` if cstocli may fetch it; ``FetchError`` for another scheme or no host."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - read for its check: a port out of range raises
    except ValueError as error:
        raise FetchError(url, f"not a valid URL ({error})") from None
    if not parts.scheme:
        raise FetchError(url, "not a URL: expected one starting http:// or https://")
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(url, f"only http and https URLs are fetched, not {parts.scheme}:")
    if not parts.hostname:
        raise FetchError(url, "the URL names no host")
    return url


def fetch(url: str) -> Fetched:
    """Download one HTML page; every failure is a ``FetchError`` naming ``url``."""
    import httpx

    check_url(url)
    timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"}
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=timeout,
                headers=headers,
                trust_env=False,
            ) as client,
            client.stream("GET", url) as response,
        ):
            return _read(url, response)
    except httpx.TooManyRedirects:
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.UnsupportedProtocol:
        raise FetchError(url, "redirected to a URL that is not http or https") from None
    except httpx.ConnectTimeout:
        raise FetchError(url, f"timed out connecting (after {CONNECT_TIMEOUT:g} s)") from None
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out: no data for {READ_TIMEOUT:g} s") from None
    except httpx.ConnectError as error:
        raise FetchError(url, _connect_problem(error)) from None
    except httpx.HTTPError as error:
        raise FetchError(url, f"download failed: {str(error) or type(error).__name__}") from None
    except (httpx.InvalidURL, UnicodeError, ValueError) as error:  # a host IDNA refuses...
        raise FetchError(url, f"not a valid URL ({error})") from None


def _read(url: str, response: object) -> Fetched:
    import httpx

    assert isinstance(response, httpx.Response)
    final = str(response.url)
    if response.status_code != 200:
        reason = response.reason_phrase or "error"
        raise FetchError(url, f"the server answered {response.status_code} {reason}")
    content_type = response.headers.get("content-type", "")
    media_type = content_type.split(";")[0].strip().lower()
    if media_type and media_type not in _HTML_TYPES:
        raise FetchError(url, f"not an HTML page (Content-Type: {media_type})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise FetchError(url, _too_large())
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(url, _too_large())
        chunks.append(chunk)
    content = b"".join(chunks)
    return Fetched(
        url=url,
        final_url=final,
        content=content,
        media_type=media_type or "text/html",
        charset=_charset(content_type),
        sha256=hashlib.sha256(content).hexdigest(),
        retrieved=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def _too_large() -> str:
    size = f"{MAX_BYTES // 1_000_000} MB" if MAX_BYTES >= 1_000_000 else f"{MAX_BYTES // 1000} kB"
    return f"page too large (over {size}); nothing stored"


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _connect_problem(error: Exception) -> str:
    text = str(error)
    lowered = text.lower()
    if (
        "name or service not known" in lowered
        or "nodename nor servname" in lowered
        or ("temporary failure in name resolution" in lowered)
        or "getaddrinfo" in lowered
        or "no address associated" in lowered
    ):
        return "host not found (DNS lookup failed)"
    if "refused" in lowered:
        return "connection refused"
    return f"cannot connect: {text or type(error).__name__}"
