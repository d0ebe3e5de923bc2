"""Every install mode finds the bundled dataset: wheel, wheel built from the sdist, editable."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from hatchling.build import build_editable, build_sdist, build_wheel

REPO = Path(__file__).resolve().parent.parent

# Runs in a fresh interpreter (-I -S: no site-packages, no checkout on the path) whose
# only way to cstocli is the install under test; loading needs nothing but the stdlib.
PROBE = """
import site, sys
site.addsitedir(sys.argv[1])
import cstocli, cstocli.dataset.files as d
ds = d.load_bundled()
print(cstocli.__file__)
print(d.bundled_path())
print(len(ds.passages), len(ds.figures))
"""


def probe(site_dir: Path) -> list[str]:
    """Import cstocli from site_dir alone (no checkout on the path) and load the dataset."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", PROBE, str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=site_dir,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def install(wheel: Path, target: Path) -> None:
    """Unpack a wheel the way an installer lays it out (purelib into site-packages)."""
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hatchling builds the project in the current directory."""
    monkeypatch.chdir(REPO)


@pytest.mark.usefixtures("in_repo")
def test_wheel_carries_the_dataset(tmp_path: Path) -> None:
    """A wheel holds the data files themselves and loads them from site-packages."""
    wheel = tmp_path / build_wheel(str(tmp_path))
    names = zipfile.ZipFile(wheel).namelist()
    for data_file in ("csto-minsk-2017.json", "csto-minsk-2017.txt", "dataset.schema.json"):
        assert f"cstocli/data/{data_file}" in names
    site_dir = tmp_path / "site"
    install(wheel, site_dir)
    module, data, counts = probe(site_dir)
    assert Path(module).is_relative_to(site_dir)
    assert Path(data).is_relative_to(site_dir)
    assert counts == "8 7"


def test_wheel_from_sdist_carries_the_dataset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Installing from the source archive (sdist -> wheel) still ships the dataset."""
    monkeypatch.chdir(REPO)
    sdist = tmp_path / build_sdist(str(tmp_path))
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path / "unpacked", filter="data")
    (unpacked,) = (tmp_path / "unpacked").iterdir()
    monkeypatch.chdir(unpacked)
    wheel = tmp_path / build_wheel(str(tmp_path))
    site_dir = tmp_path / "site"
    install(wheel, site_dir)
    _, data, counts = probe(site_dir)
    assert Path(data).is_relative_to(site_dir)
    assert counts == "8 7"


@pytest.mark.usefixtures("in_repo")
def test_editable_install_reads_the_checkout(tmp_path: Path) -> None:
    """An editable install imports from src/ and reads the live data/ of the checkout."""
    wheel = tmp_path / build_editable(str(tmp_path))
    site_dir = tmp_path / "site"
    install(wheel, site_dir)
    module, data, counts = probe(site_dir)
    assert Path(module).is_relative_to(REPO / "src")
    assert Path(data).resolve() == (REPO / "data" / "csto-minsk-2017.json").resolve()
    assert counts == "8 7"
