"""Shared fixtures: the bundled dataset, scratch copies that tests may break, the bracket one."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cstocli.dataset.files import bundled_path, load, load_bundled
from cstocli.model import Dataset


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


@pytest.fixture(scope="module")
def bracket() -> Dataset:
    """The small fixture article whose quotes hold markup-like brackets."""
    return load(Path(__file__).parent / "fixtures" / "bracket-summit.json")
