"""Shared fixtures: the bundled dataset, and scratch copies of it that tests may break."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cstocli.dataset.files import bundled_path, load_bundled
from cstocli.model import Dataset


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
