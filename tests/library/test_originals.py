import sqlite3
from pathlib import Path

import pytest

from cstocli.library import Original, open_library, schema
from cstocli.library.originals import ORIGINALS_DDL, add_originals_table
from cstocli.model import Dataset

PAGE = Original(
    "text/html", b"<html><body><p>The page</p></body></html>" * 50, "https://x.example/"
)


def test_a_page_is_stored_with_its_article_and_read_back(tmp_path: Path, bundled: Dataset) -> None:
    """store_page keeps the page; original() gives back the same bytes, type and URL."""
    with open_library(tmp_path / "lib.sqlite3") as lib:
        result = lib.store_page(bundled, PAGE)
        assert result.added
        assert lib.original(bundled.id) == PAGE
        assert lib.original(bundled.id).sha256 == PAGE.sha256  # type: ignore[union-attr]


def test_an_article_from_text_has_no_original(tmp_path: Path, bundled: Dataset) -> None:
    """A text import keeps no page."""
    with open_library(tmp_path / "lib.sqlite3") as lib:
        lib.store(bundled)
        assert lib.original(bundled.id) is None


def test_the_page_is_compressed(tmp_path: Path, bundled: Dataset) -> None:
    """The blob on disk is smaller than the page (zlib)."""
    path = tmp_path / "lib.sqlite3"
    with open_library(path) as lib:
        lib.store_page(bundled, PAGE)
    conn = sqlite3.connect(path)
    (size,) = conn.execute("SELECT length(content) FROM originals").fetchone()
    conn.close()
    assert size < len(PAGE.content) / 5


def test_removing_the_article_removes_its_page(tmp_path: Path, bundled: Dataset) -> None:
    """ON DELETE CASCADE: library remove leaves no orphan page behind."""
    path = tmp_path / "lib.sqlite3"
    with open_library(path) as lib:
        lib.store_page(bundled, PAGE)
        lib.remove([bundled.id])
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM originals").fetchone() == (0,)
    conn.close()


def test_replacing_the_article_keeps_its_page(tmp_path: Path, bundled: Dataset) -> None:
    """A corrected dataset over the same text keeps the page it was extracted from."""
    with open_library(tmp_path / "lib.sqlite3") as lib:
        lib.store_page(bundled, PAGE)
        corrected = bundled._replace(figures=bundled.figures[:1])
        lib.replace(corrected)
        assert lib.original(bundled.id) == PAGE
        assert len(lib.get(bundled.id).figures) == 1


def test_the_same_text_again_keeps_the_first_page(tmp_path: Path, bundled: Dataset) -> None:
    """store_page of an article already stored changes nothing, its page included."""
    other = Original("text/html", b"<html>another copy</html>")
    with open_library(tmp_path / "lib.sqlite3") as lib:
        lib.store_page(bundled, PAGE)
        assert not lib.store_page(bundled, other).added
        assert lib.original(bundled.id) == PAGE


def test_a_v3_library_gains_the_table(tmp_path: Path, bundled: Dataset) -> None:
    """A library made before the table existed is migrated and takes pages."""
    path = tmp_path / "old.sqlite3"
    with open_library(path) as lib:
        lib.store(bundled)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE originals")
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    with open_library(path) as migrated:
        assert migrated.original(bundled.id) is None
        migrated.replace(bundled, PAGE)
        assert migrated.original(bundled.id) == PAGE
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    check.close()


def test_the_migration_step_can_run_twice() -> None:
    """The step is idempotent, so renumbering it among other steps is safe."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE articles (key INTEGER PRIMARY KEY)")
    add_originals_table(conn)
    add_originals_table(conn)
    assert "IF NOT EXISTS" in ORIGINALS_DDL
    conn.close()


@pytest.mark.parametrize("media_type", ["text/html", "application/xhtml+xml"])
def test_media_type_is_kept(tmp_path: Path, bundled: Dataset, media_type: str) -> None:
    """The page's media type comes back as stored."""
    with open_library(tmp_path / "lib.sqlite3") as lib:
        lib.store_page(bundled, Original(media_type, b"<html></html>"))
        assert lib.original(bundled.id) == Original(media_type, b"<html></html>")
