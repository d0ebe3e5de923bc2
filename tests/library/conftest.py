"""Fixtures shared by the library's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cstocli.library import Library, open_library
from cstocli.model import Dataset


@pytest.fixture
def lib(tmp_path: Path, bundled: Dataset) -> Iterator[Library]:
    """A library holding the bundled article twice (two articles' texts to read)."""
    with open_library(tmp_path / "lib.sqlite3") as opened:
        opened.store(bundled)
        source = bundled.source._replace(sha256="0" * 64)
        opened.store(bundled._replace(id="second", source=source))
        yield opened
