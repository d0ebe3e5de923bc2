"""``cstocli import`` of saved pages and URLs, and the provenance options, end to end."""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import NEWS_INTERRUPTED, WEB_PAGES, WebServer, read_terminal

from cstocli.cli import app as cli
from cstocli.importer import fetch as fetching
from cstocli.library import open_library

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
LEDGER = "/world/2024/03/harbour-talks-deal"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run cstocli in-process; return the exit code, stdout and stderr."""
    code = cli.run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def shown(capsys: pytest.CaptureFixture[str], article: str, quote: str = "q1") -> dict[str, Any]:
    """``show --json`` of a library article's quote."""
    code, out, err = run(capsys, "show", quote, "--article", article, "--json")
    assert code == 0, err
    payload: dict[str, Any] = json.loads(out)
    return payload


def stored_ids(db: Path) -> list[str]:
    """The ids in the library (none if it was never created)."""
    if not db.exists():
        return []
    with open_library(db, create=False) as lib:
        return lib.ids()


def test_a_saved_page_imports_with_its_text_and_metadata(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A saved .html page: the article's text is stored, its metadata becomes the source."""
    page = WEB_PAGES / "harbour-gazette.html"
    code, out, _ = run(capsys, "import", str(page))
    assert code == 0
    assert out.startswith(f"imported\tharbour-gazette\t{page}\t2\t2\t")  # speakers, quotes
    with open_library(db, create=False) as lib:
        ds = lib.get("harbour-gazette")
        original = lib.original("harbour-gazette")
    assert ds.source_text.startswith("Council votes to reopen the old ferry pier\n\nAfter three")
    assert "cookies" not in ds.source_text
    assert ds.source.file == "harbour-gazette.txt"
    assert ds.source.title.text == "Council votes to reopen the old ferry pier"
    assert (ds.source.publisher, ds.source.author, ds.source.date) == (
        "Harbour Gazette",
        "Priya Natarajan; Olek Sadowski",
        "2023-09-05",
    )
    assert ds.source.url == "https://gazette.example/news/local/council-reopens-ferry-pier"
    assert ds.source.original_sha256 == hashlib.sha256(page.read_bytes()).hexdigest()
    assert ds.source.retrieved is not None
    assert ds.source.retrieved[:10] == datetime.now(UTC).date().isoformat()
    assert original is not None
    assert (original.media_type, original.content) == ("text/html", page.read_bytes())
    source = shown(capsys, "harbour-gazette")["source"]
    assert source == {
        "title": "Council votes to reopen the old ferry pier",
        "publisher": "Harbour Gazette",
        "author": "Priya Natarajan; Olek Sadowski",
        "date": "2023-09-05",
        "url": "https://gazette.example/news/local/council-reopens-ferry-pier",
        "retrieved": ds.source.retrieved,
    }


def test_a_page_is_known_by_its_content_not_its_name(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page saved as .txt is still read as HTML (no markup in the stored text)."""
    disguised = tmp_path / "ledger.txt"
    shutil.copyfile(WEB_PAGES / "northern-ledger.html", disguised)
    code, _, err = run(capsys, "import", str(disguised))
    assert code == 0, err
    with open_library(db, create=False) as lib:
        ds = lib.get("ledger")
    assert "<" not in ds.source_text
    assert ds.source.author == "Ingrid Holm"


def test_many_saved_pages_take_the_parallel_path_and_keep_their_pages(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a batch big enough for worker processes, pages are still found and kept."""
    names = []
    for n in range(40):  # over PARALLEL_FROM: parsing goes to worker processes
        text = (ARTICLES / "label_alone.txt").read_text(encoding="utf-8")
        path = tmp_path / f"text{n}.txt"
        path.write_text(text.replace("Geneva", f"Geneva{n}"), encoding="utf-8")
        names.append(str(path))
    page = tmp_path / "page.html"  # latin-1: the text reader refuses it first
    shutil.copyfile(WEB_PAGES / "correo-latin1.html", page)
    utf8 = tmp_path / "utf8.htm"  # UTF-8: the text reader reads it, then sees markup
    shutil.copyfile(WEB_PAGES / "northern-ledger.html", utf8)
    code, out, _ = run(capsys, "import", *names[:20], str(page), *names[20:], str(utf8))
    assert code == 0
    assert out.splitlines()[20].startswith(f"imported\tpage\t{page}\t")
    assert out.splitlines()[-1].startswith(f"imported\tutf8\t{utf8}\t")
    with open_library(db, create=False) as lib:
        assert lib.get("page").source.author == "Inés Peñalver"
        assert lib.get("utf8").source.author == "Ingrid Holm"
        assert lib.original("page") is not None
        assert lib.original("utf8") is not None
        assert lib.original("text0") is None


def test_a_url_imports_with_its_text_and_metadata(
    db: Path, web: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A URL served locally: fetched, extracted, stored with its metadata and its page."""
    url = web.url(LEDGER)
    code, out, err = run(capsys, "import", url)
    assert code == 0, err
    assert out.startswith(f"imported\tharbour-talks-deal\t{url}\t2\t2\t")  # speakers, quotes
    with open_library(db, create=False) as lib:
        ds = lib.get("harbour-talks-deal")
        original = lib.original("harbour-talks-deal")
    page = (WEB_PAGES / "northern-ledger.html").read_bytes()
    assert ds.source_text.startswith("Harbour talks end with a deal on tugs\n\nDelegations")
    assert ds.source.url == "https://ledger.example/world/2024/03/harbour-talks-deal"
    assert (ds.source.publisher, ds.source.author, ds.source.date) == (
        "The Northern Ledger",
        "Ingrid Holm",
        "2024-03-14",
    )
    assert ds.source.original_sha256 == hashlib.sha256(page).hexdigest()
    assert original is not None
    assert original.content == page
    assert original.url == url


@pytest.mark.parametrize("path", ["/news/most-header", "/news/most-meta"])
def test_a_windows_1251_page_is_decoded_by_header_or_by_meta(
    db: Path, web: WebServer, capsys: pytest.CaptureFixture[str], path: str
) -> None:
    """The charset comes from the Content-Type header, or else from <meta charset>."""
    code, _, err = run(capsys, "import", web.url(path), "--json")
    assert code == 0, err
    with open_library(db, create=False) as lib:
        (article_id,) = lib.ids()
        ds = lib.get(article_id)
    assert ds.source.title.text == "Мост через Сожу откроют к зиме"
    assert "Анна Ковальчук, глава района:" in ds.source_text
    assert ds.source.publisher == "Вестник Поречья"


def test_a_latin_1_page_by_header(
    db: Path, web: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """ISO-8859-1 in the header: accents come through intact."""
    code, _, err = run(capsys, "import", web.url("/en/frost.html"))
    assert code == 0, err
    with open_library(db, create=False) as lib:
        ds = lib.get("frost")
    assert "José Ibáñez, President of the Growers' Cooperative:" in ds.source_text
    assert ds.source.date == "2022-10-18"


def test_a_redirect_is_followed(
    db: Path, web: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A moved page is imported from where it moved to."""
    code, _, err = run(capsys, "import", web.url("/moved"))
    assert code == 0, err
    with open_library(db, create=False) as lib:
        original = lib.original(lib.ids()[0])
    assert original is not None
    assert original.url == web.url(LEDGER)


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/gone", "the server answered 404 Not Found"),
        ("/data.json", "not an HTML page (Content-Type: application/json)"),
        ("/loop", "more than 5 redirects"),
        ("/huge-declared", "page too large (over 10 MB); nothing stored"),
        ("/menu-only", "no article text found in the page"),
    ],
)
def test_a_bad_url_is_one_line_and_the_library_is_unchanged(
    db: Path, web: WebServer, capsys: pytest.CaptureFixture[str], path: str, problem: str
) -> None:
    """Each failure names the URL on one stderr line, exits 2 and stores nothing."""
    url = web.url(path)
    code, out, err = run(capsys, "import", url)
    assert code == 2
    assert out == ""
    assert err == f"cstocli: {url}: {problem}\n"
    assert stored_ids(db) == []


def test_slow_and_huge_pages_fail_cleanly(
    db: Path, web: WebServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server too slow, and a page past the cap, each fail with their reason."""
    monkeypatch.setattr(fetching, "READ_TIMEOUT", 0.3)
    monkeypatch.setattr(fetching, "MAX_BYTES", 200_000)
    slow, huge = web.url("/slow"), web.url("/huge")
    code, _, err = run(capsys, "import", slow, huge)
    assert code == 2
    assert err.splitlines() == [
        f"cstocli: {slow}: timed out: no data for 0.3 s",
        f"cstocli: {huge}: page too large (over 200 kB); nothing stored",
        f"cstocli: 0 of 2 files went in; not imported: {slow}, {huge}",
    ]
    assert stored_ids(db) == []


def test_urls_and_files_mix_in_one_batch(
    db: Path, web: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Files and URLs go in together, each reported; the failures are named at the end."""
    text, gone = str(ARTICLES / "label_alone.txt"), web.url("/gone")
    code, out, err = run(capsys, "import", text, web.url(LEDGER), gone, "ftp://127.0.0.1/x")
    assert code == 2
    assert [line.split("\t")[:2] for line in out.splitlines()] == [
        ["imported", "label-alone"],
        ["imported", "harbour-talks-deal"],
    ]
    assert f"cstocli: {gone}: the server answered 404 Not Found" in err
    assert "cstocli: ftp://127.0.0.1/x: only http and https URLs are fetched, not ftp:" in err
    assert err.endswith(f"2 of 4 files went in; not imported: {gone}, ftp://127.0.0.1/x\n")
    assert sorted(stored_ids(db)) == ["harbour-talks-deal", "label-alone"]


def test_the_same_page_twice_is_stored_once(
    db: Path, web: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """The saved page and the URL of the same article give one article."""
    run(capsys, "import", web.url(LEDGER))
    code, out, _ = run(capsys, "import", str(WEB_PAGES / "northern-ledger.html"))
    assert code == 0
    assert out.startswith("unchanged\tharbour-talks-deal\t")


def test_review_of_a_url_stores_nothing(
    db: Path, web: WebServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """--review fetches and splits the page, and leaves the library alone."""
    code, out, _ = run(capsys, "import", "--review", web.url(LEDGER))
    assert code == 0
    q1 = next(line.split("\t") for line in out.splitlines() if "\tq1\t" in line)
    assert q1[4] == "Maria Berg"  # file, first line, last line, id, speaker, role, text
    assert q1[6].startswith("We have agreed on twelve tugs")
    assert stored_ids(db) == []


def test_a_text_file_states_its_provenance(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--url, --title, --publisher and --date become the article's source."""
    code, _, err = run(
        capsys,
        "import",
        str(ARTICLES / "label_alone.txt"),
        "--url",
        "https://news.example/grain",
        "--title",
        "Grain corridor: ministers agree",
        "--publisher",
        "News Example",
        "--date",
        "2024-05-06",
    )
    assert code == 0, err
    source = shown(capsys, "label-alone")["source"]
    assert source["retrieved"][:10] == datetime.now(UTC).date().isoformat()
    assert {**source, "retrieved": None} == {
        "title": "Grain corridor: ministers agree",
        "publisher": "News Example",
        "author": None,
        "date": "2024-05-06",
        "url": "https://news.example/grain",
        "retrieved": None,
    }


def test_stated_provenance_updates_an_article_already_stored(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Importing the same text again with --publisher records it (the text is the same)."""
    article = str(ARTICLES / "label_alone.txt")
    run(capsys, "import", article)
    code, _, _ = run(capsys, "import", article, "--publisher", "Wire Service")
    assert code == 0
    assert shown(capsys, "label-alone")["source"]["publisher"] == "Wire Service"
    assert stored_ids(db) == ["label-alone"]


DATE = "--date: expected an ISO 8601 date like 2024-03-14, got"
SCHEME = "only http and https URLs are fetched, not"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--date", "5 May 2024"], f"{DATE} '5 May 2024'"),
        (["--date", "2024-13-01"], f"{DATE} '2024-13-01'"),
        (["--url", "ftp://x.example/a"], f"--url 'ftp://x.example/a': {SCHEME} ftp:"),
        (
            ["--url", "news.example/a"],
            "--url 'news.example/a': not a URL: expected one starting http:// or https://",
        ),
        (["--title", "two\nlines"], "--title: expected one line of text, got 'two\\nlines'"),
        (["--publisher", "  "], "--publisher: expected one line of text, got '  '"),
    ],
)
def test_bad_provenance_options_are_usage_errors(
    db: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    """A bad option value is one line, exit 2, before anything is read or stored."""
    code, out, err = run(capsys, "import", str(ARTICLES / "label_alone.txt"), *options)
    assert (code, out) == (2, "")
    assert err == f"cstocli: {message}\n"
    assert stored_ids(db) == []


def test_url_and_title_name_one_article(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--url with two files is refused: one URL cannot be both articles'."""
    a, b = str(ARTICLES / "label_alone.txt"), str(ARTICLES / "interview_blank.txt")
    code, _, err = run(capsys, "import", a, b, "--url", "https://news.example/a")
    assert code == 2
    assert err == "cstocli: --url names one article: give it with one FILE, not 2\n"


def test_a_real_process_imports_a_url_and_cites_it(web: WebServer, tmp_path: Path) -> None:
    """Through python -m cstocli: import a local URL, then cite its quote with the URL."""
    env = {"CSTOCLI_LIBRARY": str(tmp_path / "lib.sqlite3"), "NO_COLOR": "1", "PATH": "/usr/bin"}
    imported = subprocess.run(
        [sys.executable, "-m", "cstocli", "import", web.url(LEDGER)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    cited = subprocess.run(
        [sys.executable, "-m", "cstocli", "cite", "q1", "--article", "harbour-talks-deal"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert cited.returncode == 0, cited.stderr
    assert cited.stdout == (
        "“We have agreed on twelve tugs for the season. Each side keeps six, and we share the"
        " crews when the ice comes early.”\n"
        "— Maria Berg, Harbour Master of Vik, in “Harbour talks end with a deal on tugs”"
        " by Ingrid Holm, The Northern Ledger, 2024-03-14, https://ledger.example/world/2024/03/harbour-talks-deal,"
        " line 7\n"
    )


def test_originals_table_holds_the_compressed_page(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page is stored compressed, with its hash, and smaller than it was."""
    page = WEB_PAGES / "harbour-gazette.html"
    run(capsys, "import", str(page))
    conn = sqlite3.connect(db)
    media_type, sha, size = conn.execute(
        "SELECT media_type, sha256, length(content) FROM originals"
    ).fetchone()
    conn.close()
    assert (media_type, sha) == ("text/html", hashlib.sha256(page.read_bytes()).hexdigest())
    assert size < page.stat().st_size


def test_library_show_says_where_it_was_published(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``library show`` has a 'published' line: publisher, author, date, URL."""
    run(capsys, "import", str(WEB_PAGES / "harbour-gazette.html"))
    code, out, _ = run(capsys, "library", "show", "harbour-gazette", "-f", "table")
    assert code == 0
    assert (
        "Published: Harbour Gazette, Priya Natarajan; Olek Sadowski, 2023-09-05,"
        " https://gazette.example/news/local/council-reopens-ferry-pier"
    ) in out.splitlines()


def test_export_writes_the_page_beside_the_dataset(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A web article exports as ID.json, its text and ID.html, the page as it was read."""
    page = WEB_PAGES / "northern-ledger.html"
    run(capsys, "import", str(page))
    out_dir = tmp_path / "out"
    code, out, _ = run(capsys, "library", "export", "northern-ledger", "-o", str(out_dir), "--json")
    assert code == 0
    written = json.loads(out)
    assert written["original"] == str(out_dir / "northern-ledger.html")
    assert (out_dir / "northern-ledger.html").read_bytes() == page.read_bytes()
    # The exported pair goes back in unchanged, page and all.
    code, out, _ = run(capsys, "import", written["dataset"])
    assert code == 0
    with open_library(db, create=False) as lib:
        assert lib.original("northern-ledger") is not None
        assert lib.get("northern-ledger").source.author == "Ingrid Holm"


def test_export_of_a_text_article_writes_no_page(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An article imported from text has no page to export."""
    run(capsys, "import", str(ARTICLES / "label_alone.txt"))
    code, out, _ = run(capsys, "library", "export", "label-alone", "-o", str(tmp_path), "--json")
    assert code == 0
    assert json.loads(out)["original"] is None
    assert not list(tmp_path.glob("*.html"))


def test_export_does_not_overwrite_another_page(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A different file where the page would go is kept, with one line saying so."""
    run(capsys, "import", str(WEB_PAGES / "northern-ledger.html"))
    (tmp_path / "northern-ledger.html").write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "library", "export", "northern-ledger", "-o", str(tmp_path))
    assert code == 2
    assert err == (
        f"cstocli: {tmp_path / 'northern-ledger.html'}: already exists"
        " (use --force to overwrite it)\n"
    )
    assert (tmp_path / "northern-ledger.html").read_text(encoding="utf-8") == "mine"


# -- start-up discipline: the extractor and the HTTP client load only for pages and URLs --

HEAVY = ("trafilatura", "httpx", "lxml", "htmldate", "justext", "charset_normalizer")


def modules_loaded(tmp_path: Path, *args: str) -> set[str]:
    """The top-level modules a fresh interpreter has loaded after running cstocli."""
    record = tmp_path / "modules.json"
    probe = (
        "import json, sys\n"
        "from cstocli.cli.app import run\n"
        f"run({list(args)!r})\n"
        f"open({str(record)!r}, 'w').write(json.dumps(sorted(sys.modules)))\n"
    )
    env = {"CSTOCLI_LIBRARY": str(tmp_path / "lib.sqlite3"), "NO_COLOR": "1", "PATH": "/usr/bin"}
    subprocess.run([sys.executable, "-c", probe], capture_output=True, env=env, check=True)
    return {name.split(".")[0] for name in json.loads(record.read_text())}


@pytest.mark.parametrize(
    "args",
    [
        ["speakers"],
        ["stats", "--json"],
        ["show", "q1"],
        ["search", "impetus"],
        ["cite", "q1", "--format", "bibtex"],
        ["import", str(ARTICLES / "label_alone.txt")],
    ],
)
def test_other_commands_never_load_the_extractor_or_the_client(
    tmp_path: Path, args: list[str]
) -> None:
    """Reading commands, cite and text imports load neither trafilatura nor httpx."""
    assert not set(HEAVY) & modules_loaded(tmp_path, *args)


def test_a_saved_page_loads_the_extractor_but_not_the_client(tmp_path: Path) -> None:
    """A saved page needs trafilatura, never the HTTP client."""
    loaded = modules_loaded(tmp_path, "import", str(WEB_PAGES / "northern-ledger.html"))
    assert "trafilatura" in loaded
    assert "httpx" not in loaded


def test_library_hits_at_a_terminal_name_their_article(tmp_path: Path) -> None:
    """At a real terminal, search --article shows the article's title and date per hit."""
    pty = pytest.importorskip("pty")
    library = tmp_path / "lib.sqlite3"
    env = {"CSTOCLI_LIBRARY": str(library), "PATH": "/usr/bin", "TERM": "xterm-256color"}
    subprocess.run(
        [sys.executable, "-m", "cstocli", "import", str(WEB_PAGES / "harbour-gazette.html")],
        capture_output=True, env=env, check=True,
    )  # fmt: skip
    master, slave = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "cstocli", "search", "pier", "--article", "harbour-gazette"],
        stdin=slave, stdout=slave, stderr=slave, env={**env, "COLUMNS": "200"},
    ) as child:  # fmt: skip
        os.close(slave)
        received = read_terminal(master)
        assert child.wait() == 0
    os.close(master)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", received.decode())
    assert (
        "harbour-gazette  q1  Ruth Abernethy  line 7"
        "  Council votes to reopen the old ferry pier (2023-09-05)"
    ) in plain


def test_a_page_without_speakers_is_named_as_given(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page whose text has no speaker labels is refused naming the page, not a .txt."""
    page = tmp_path / "essay.html"
    page.write_text(
        "<!doctype html><html><head><title>An essay</title></head><body><article>"
        "<p>The harbour has changed a great deal over the last ten years, and so has the town.</p>"
        "<p>Most of the old sheds are gone, and the market now opens on Sundays too.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "import", str(page))
    assert code == 2
    assert err == (
        f"cstocli: {page}: no speaker labels found (expected lines like 'Name, Role:' or 'Q:')"
        " and no attributed quotation"
        " (in the text read from the page)\n"
    )
    assert stored_ids(db) == []


def test_a_malformed_url_is_one_line(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unparsable URL argument is reported like any failed file, with no traceback."""
    code, _, err = run(capsys, "import", "http://[::1/page")
    assert code == 2
    assert err == "cstocli: http://[::1/page: not a valid URL (Invalid IPv6 URL)\n"


def test_restating_one_field_keeps_what_was_stated_before(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Import F --url --title --publisher, then import F --date: the URL and the rest stay."""
    db = str(tmp_path / "lib.sqlite3")
    first = (
        "--url",
        "https://gazette.example/strike",
        "--title",
        "Strike",
        "--publisher",
        "Gazette",
    )
    assert run(capsys, "import", str(NEWS_INTERRUPTED), *first, "--library", db)[0] == 0
    assert (
        run(capsys, "import", str(NEWS_INTERRUPTED), "--date", "2024-05-01", "--library", db)[0]
        == 0
    )
    assert (
        run(capsys, "import", str(NEWS_INTERRUPTED), "--publisher", "Herald", "--library", db)[0]
        == 0
    )
    code, out, _ = run(
        capsys, "show", "q1", "--article", "news-interrupted", "--library", db, "--json"
    )
    assert code == 0
    source = json.loads(out)["source"]
    assert source["url"] == "https://gazette.example/strike"
    assert (source["title"], source["publisher"], source["date"]) == (
        "Strike",
        "Herald",
        "2024-05-01",
    )
    with open_library(Path(db)) as lib:
        assert lib.ids() == ["news-interrupted"]


def test_a_saved_page_imported_again_with_a_date_takes_it(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same page again with --date: the date changes, its page and the rest stay."""
    page = WEB_PAGES / "harbour-gazette.html"
    assert run(capsys, "import", str(page))[0] == 0
    code, out, _ = run(capsys, "import", str(page), "--date", "2023-09-06")
    assert code == 0
    assert not out.startswith("unchanged")
    with open_library(db, create=False) as lib:
        ds = lib.get("harbour-gazette")
        original = lib.original("harbour-gazette")
    assert (ds.source.date, ds.source.publisher) == ("2023-09-06", "Harbour Gazette")
    assert original is not None
    assert hashlib.sha256(original.content).hexdigest() == ds.source.original_sha256


def test_a_date_stated_again_keeps_the_corrections_applied_before(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Import --corrections, then import --date: the corrected role stays, the date is new."""
    fixes = tmp_path / "fixes.json"
    fixes.write_text(
        json.dumps(
            {"corrections_version": 1, "speakers": {"tomas-berger": {"role": "chief steward"}}}
        ),
        encoding="utf-8",
    )
    assert run(capsys, "import", str(NEWS_INTERRUPTED), "--corrections", str(fixes))[0] == 0
    assert run(capsys, "import", str(NEWS_INTERRUPTED), "--date", "2024-05-01")[0] == 0
    with open_library(db, create=False) as lib:
        ds = lib.get("news-interrupted")
    assert ds.speaker("tomas-berger").role == "chief steward"
    assert ds.source.date == "2024-05-01"
