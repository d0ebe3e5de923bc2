"""Read dataset files: the bundled one or any other, with the source text they point into.

A dataset is a JSON file plus the source text file it names (beside it). This module owns
the files (finding, reading, decoding, parsing, the source's hash); ``dataset_reader``
turns the parsed JSON into the model, validating every field and span, and
``dataset_writer`` gives the JSON form back. Every problem is a ``DatasetError`` whose one
line names the file and the place in it.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

from cstocli import disk
from cstocli.dataset.reader import dataset_from_json, source_file_name
from cstocli.dataset.writer import dataset_to_json
from cstocli.errors import DatasetError
from cstocli.model import Dataset

__all__ = [
    "BUNDLED_DATASET",
    "DATASET_LIMIT",
    "MAX_DEPTH",
    "SOURCE_LIMIT",
    "bundled_path",
    "dataset_from_json",
    "dataset_to_json",
    "load",
    "load_bundled",
    "parse_json",
    "read_json",
    "sha256_hex",
]

SOURCE_LIMIT = 20 * disk.MEGABYTE
"""The largest article text cstocli reads (about 3 million words; a long report is 1 MB)."""
DATASET_LIMIT = 100 * disk.MEGABYTE
"""The largest dataset JSON: every quote is in it twice (passage and paragraphs), with spans."""
MAX_DEPTH = 64
"""The deepest nesting of arrays and objects in any JSON file cstocli reads (ours: 5)."""

BUNDLED_DATASET = "csto-minsk-2017.json"
"""The file name of the summit dataset shipped inside the package."""


def bundled_path() -> Path:
    """Where the bundled summit dataset is, in a wheel and in an editable install alike."""
    # A wheel holds a copy of data/ at cstocli/data; in a checkout src/cstocli/data is a
    # symlink to data/, so an editable install reads it live. A plain path, rather than
    # importlib.resources, because that import alone cost ~3 ms of every command's start-up.
    return Path(__file__).parent.parent / "data" / BUNDLED_DATASET


def load_bundled() -> Dataset:
    """Load the summit dataset that ships with cstocli."""
    # The shipped source's hash is proven by the test suite; skipping it here saves the
    # hashlib import (~2.5 ms a run). Every span is still checked against the text.
    return load(bundled_path(), verify_hash=False)


def load(path: Path, *, verify_hash: bool = True) -> Dataset:
    """Load and fully validate the dataset at ``path`` and the source file it names."""
    # The bundled file (verify_hash=False) is ours: its depth is proven by the tests, and
    # measuring it would add to every command's start-up.
    obj = read_json(
        path,
        limit=DATASET_LIMIT,
        noun="a dataset",
        expected="a JSON dataset",
        max_depth=MAX_DEPTH if verify_hash else None,
    )
    source_file = source_file_name(obj, file=str(path))
    source_path = path.parent / source_file
    source_bytes = _read_bytes(
        source_path, shown_as=str(path), where="$.source.file", limit=SOURCE_LIMIT
    )
    source_text = _decode(source_bytes, shown_as=str(source_path))
    dataset = dataset_from_json(obj, source_text, file=str(path))
    if verify_hash and sha256_hex(source_bytes) != dataset.source.sha256:
        raise DatasetError(
            str(path), "$.source.sha256", f"does not match the contents of {source_file}"
        )
    return dataset


def sha256_hex(data: bytes) -> str:
    """The hex SHA-256 that identifies a source file's content."""
    import hashlib  # noqa: PLC0415 - only --data files pay for it; see load_bundled

    return hashlib.sha256(data).hexdigest()


def _read_bytes(path: Path, *, shown_as: str, where: str | None, limit: int) -> bytes:
    try:
        return disk.read_regular(path, limit=limit, noun="a source text")
    except disk.FileRefused as refused:
        problem = refused.problem if where is None else f"{path}: {refused.problem}"
        raise DatasetError(shown_as, where, problem) from None


def _decode(data: bytes, *, shown_as: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise DatasetError(
            shown_as,
            f"line {line}, byte {error.start}",
            f"not valid UTF-8 (byte 0x{data[error.start]:02x})",
        ) from None


def read_json(
    path: Path,
    *,
    limit: int,
    noun: str,
    expected: str = "JSON",
    max_depth: int | None = MAX_DEPTH,
) -> Any:
    """Read and parse the JSON file at ``path`` (at most ``limit`` bytes, see ``parse_json``)."""
    try:
        data = disk.read_regular(path, limit=limit, noun=noun)
    except disk.FileRefused as refused:
        raise DatasetError(str(path), None, refused.problem) from None
    text = _decode(data, shown_as=str(path))
    return parse_json(text, file=str(path), expected=expected, max_depth=max_depth)


def parse_json(
    text: str, *, file: str, expected: str = "JSON", max_depth: int | None = MAX_DEPTH
) -> Any:
    """Parse untrusted JSON: standard numbers only, nested at most ``max_depth`` deep."""
    if not text.strip():
        raise DatasetError(file, None, f"file is empty, expected {expected}")
    depth = 0 if max_depth is None else _depth(text)
    if max_depth is not None and depth > max_depth:
        problem = f"invalid JSON: nested {depth} deep, more than the {max_depth} allowed"
        raise DatasetError(file, None, problem)
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise DatasetError(file, where, f"invalid JSON: {error.msg}") from None
    except _NonStandardNumber as error:
        # Python's json reads NaN and Infinity, which are not JSON: every other tool
        # reading our --json output would then choke on what we printed.
        raise DatasetError(file, None, f"invalid JSON: {error} is not a JSON number") from None
    except RecursionError:  # MAX_DEPTH is far below the limit; kept as the last guard
        raise DatasetError(file, None, "invalid JSON: nested too deeply") from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise DatasetError(file, None, "invalid JSON: a number of more than 4300 digits") from None


# A JSON string, written as an unrolled loop: the plain alternation is ~50x slower.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _depth(text: str) -> int:
    """How deep arrays and objects nest in ``text`` (strings skipped).

    Measured before parsing: json.loads recurses once per level, and a file of 100,000 '['
    would end in a RecursionError. The strings go first and the brackets alone are
    walked, a few hundred of them in a real dataset.
    """
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets), initial=0))


class _NonStandardNumber(ValueError):
    """A NaN or Infinity literal, which Python's json accepts and JSON does not."""


def _refuse_constant(name: str) -> Any:
    raise _NonStandardNumber(name)
