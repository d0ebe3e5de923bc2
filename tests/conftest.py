"""Shared fixtures: the bundled dataset, scratch copies, a local web server, the bracket one."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from cstocli.dataset.files import bundled_path, load, load_bundled
from cstocli.importer.article import import_article, read_article
from cstocli.library import open_library
from cstocli.model import Dataset
from cstocli.views import console as screen
from cstocli.views.colour import ColorChoice


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--run-slow`` runs the tests marked slow too (CI and the README command do)."""
    parser.addoption(
        "--run-slow", action="store_true", help="also run the tests marked slow (seconds each)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the slow tests unless ``--run-slow`` asks for them: the edit loop stays quick."""
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: --run-slow runs it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def bundled() -> Dataset:
    """The summit dataset that ships with cstocli, loaded once."""
    return load_bundled()


@pytest.fixture(scope="session")
def bundled_json() -> dict[str, Any]:
    """The bundled dataset file as plain parsed JSON."""
    return dict(json.loads(bundled_path().read_text(encoding="utf-8")))


@pytest.fixture
def dataset_copy(tmp_path: Path) -> Callable[[dict[str, Any] | str | bytes], Path]:
    """Write a dataset file (JSON object, text or bytes) beside a copy of the bundled source."""
    source = bundled_path().parent / "csto-minsk-2017.txt"
    shutil.copyfile(source, tmp_path / source.name)

    def write(content: dict[str, Any] | str | bytes) -> Path:
        path = tmp_path / "dataset.json"
        if isinstance(content, dict):
            path.write_text(json.dumps(content), encoding="utf-8")
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return write


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A library path in a scratch folder, chosen through CSTOCLI_LIBRARY."""
    path = tmp_path / "data" / "library.sqlite3"
    monkeypatch.setenv("CSTOCLI_LIBRARY", str(path))
    return path


@pytest.fixture
def stocked(db: Path) -> Path:
    """The library at ``db`` holding three fixture articles of different layouts."""
    with open_library(db) as lib:
        for name in ("label_alone.txt", "interview_blank.txt", "inline_caps.txt"):
            path = Path(__file__).parent / "fixtures" / "articles" / name
            lib.store(import_article(read_article(path), file_name=path.name).dataset)
    return db


NEWS_INTERRUPTED = Path(__file__).parent / "fixtures" / "news-interrupted.txt"
"""A news story whose quotes are cut by "said X" and run over paragraphs, and whose
narration reports someone ("She said the offer was fair"): article id news-interrupted."""


@pytest.fixture
def news_library(tmp_path: Path) -> Path:
    """A library at ``tmp_path`` holding ``NEWS_INTERRUPTED`` (q1, q2 quotes; n2 reported)."""
    db = tmp_path / "news.sqlite3"
    with open_library(db) as lib:
        article = read_article(NEWS_INTERRUPTED)
        lib.store(import_article(article, file_name=NEWS_INTERRUPTED.name).dataset)
    return db


@pytest.fixture(scope="module")
def bracket() -> Dataset:
    """The small fixture article whose quotes hold markup-like brackets."""
    return load(Path(__file__).parent / "fixtures" / "bracket-summit.json")


# -- a local web server for the web import tests (127.0.0.1 only; nothing leaves the machine) --

WEB_PAGES = Path(__file__).parent / "fixtures" / "web"


@dataclass
class Reply:
    """What the test server answers on one path."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0
    """Seconds to wait before answering (a slow server)."""
    stream: int = 0
    """Bytes of filler to stream after ``body`` with no Content-Length (a huge page)."""


@dataclass
class WebServer:
    """A local HTTP server: ``url(path)`` names a page, ``requests`` holds what it was asked."""

    base: str
    replies: dict[str, Reply]
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        """The full URL of ``path`` on this server."""
        return self.base + path


def _page(name: str) -> bytes:
    return (WEB_PAGES / name).read_bytes()


def _replies() -> dict[str, Reply]:
    html_utf8 = {"Content-Type": "text/html; charset=utf-8"}
    vestnik = _page("vestnik-cp1251.html")
    return {
        "/world/2024/03/harbour-talks-deal": Reply(
            headers=html_utf8, body=_page("northern-ledger.html")
        ),
        "/news/local/council-reopens-ferry-pier": Reply(
            headers={"Content-Type": "text/html"}, body=_page("harbour-gazette.html")
        ),
        "/en/frost.html": Reply(
            headers={"Content-Type": "text/html; charset=ISO-8859-1"},
            body=_page("correo-latin1.html"),
        ),
        # The same page declared two ways: by the header alone, and by its <meta> alone.
        "/news/most-header": Reply(
            headers={"Content-Type": "text/html; charset=windows-1251"},
            body=vestnik.replace(b'<meta charset="windows-1251">\n', b""),
        ),
        "/news/most-meta": Reply(headers={"Content-Type": "text/html"}, body=vestnik),
        "/moved": Reply(status=301, headers={"Location": "/world/2024/03/harbour-talks-deal"}),
        "/loop": Reply(status=302, headers={"Location": "/loop"}),
        "/to-ftp": Reply(status=302, headers={"Location": "ftp://127.0.0.1/page.html"}),
        "/gone": Reply(status=404, headers=html_utf8, body=b"<html><body>Not found</body></html>"),
        "/broken": Reply(status=500, headers=html_utf8, body=b"<html><body>Oops</body></html>"),
        "/slow": Reply(headers=html_utf8, body=_page("northern-ledger.html"), delay=3.0),
        "/huge": Reply(headers=html_utf8, body=b"<!doctype html><html><body><p>", stream=3_000_000),
        "/huge-declared": Reply(
            headers={**html_utf8, "Content-Length": "50000000"}, body=b"<html></html>"
        ),
        "/data.json": Reply(headers={"Content-Type": "application/json"}, body=b'{"a": 1}'),
        "/menu-only": Reply(
            headers=html_utf8,
            body=b"<!doctype html><html><head><title>Site map</title></head><body><nav><ul>"
            b'<li><a href="/a">Home</a></li><li><a href="/b">About</a></li></ul></nav>'
            b"</body></html>",
        ),
    }


@pytest.fixture
def web() -> Iterator[WebServer]:
    """A threaded HTTP server on 127.0.0.1 serving the saved pages of tests/fixtures/web."""
    server_state = WebServer("", _replies())

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server_state.requests.append((self.path, dict(self.headers)))
            reply = server_state.replies.get(self.path, Reply(status=404))
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if not reply.stream and "Content-Length" not in reply.headers:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
                for _ in range(0, reply.stream, 65536):
                    self.wfile.write(b"x" * 65536)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading: what a size cap does

        def log_message(self, format: str, *args: Any) -> None:
            """Keep the test output clean."""

    # HTTP/1.0 (the default): a reply without Content-Length ends when the server closes.
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server_state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server_state
    finally:
        server.shutdown()
        server.server_close()


# -- helpers shared by test modules (import them: from tests.conftest import ...) --------------

SNAPSHOTS = Path(__file__).parent / "snapshots"
"""Reviewed output kept as text; CSTOCLI_UPDATE_SNAPSHOTS=1 rewrites them (review the diff)."""


def assert_snapshot(path: Path, text: str) -> None:
    """Compare ``text`` with the snapshot file, or rewrite it under CSTOCLI_UPDATE_SNAPSHOTS=1."""
    if os.environ.get("CSTOCLI_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing snapshot {path.name}: run with CSTOCLI_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8")


def rendered(renderable: screen.Renderable, *, width: int = 100, color: bool = False) -> str:
    """What a console of this width prints, with or without escape codes."""
    out = io.StringIO()
    choice: ColorChoice = "always" if color else "never"
    console = screen.make_console(choice, out, environ={}, width=width)
    console.print(renderable)
    return out.getvalue()


def read_terminal(master: int) -> bytes:
    """Everything a child wrote to its pseudo-terminal, read until it closed its end.

    Read while the child runs: a full terminal buffer would stall it.
    """
    chunks = []
    try:
        while chunk := os.read(master, 65536):
            chunks.append(chunk)
    except OSError:  # EIO: every slave end is closed, the child is done writing
        pass
    return b"".join(chunks)


BENCH = Path(__file__).resolve().parents[1] / "bench"


def load_bench(script: str) -> ModuleType:
    """``bench/<script>.py`` as a module, for tests that run or reuse a benchmark.

    Registered in ``sys.modules`` (dataclasses look their module up), with ``bench/`` on the
    path, since the scripts import one another (``corpus``).
    """
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(f"bench_{script}", BENCH / f"{script}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module
