"""``library export``: an article written out as a dataset, safely.

The two files (``ID.json`` and the source text it names) must land inside the folder
the user gave, whatever the stored article says, and each is written atomically
(``disk.write_atomic``): a full disk or Ctrl-C leaves the old file or none, and
``--force`` never truncates a file before its new content is complete on disk.
"""

from __future__ import annotations

import json
from pathlib import Path

from cstocli import disk
from cstocli.dataset import files as dataset_io
from cstocli.ids import id_problem, is_article_id
from cstocli.library.errors import LibraryError
from cstocli.model import Dataset


def export(ds: Dataset, folder: Path, *, overwrite: bool = False) -> tuple[Path, Path]:
    """Write ``ds`` as ``ID.json`` and its source file into ``folder``; return both paths.

    The source is written back byte for byte (UTF-8, newlines untouched), so its hash
    matches ``source.sha256`` and ``dataset.load`` accepts the pair. The source goes
    first: a dataset file never names a source that is not there yet.
    """
    if not is_article_id(ds.id):
        raise LibraryError(folder, f"cannot export article {ds.id!a}: {id_problem(ds.id)}")
    dataset_file = inside(folder, f"{ds.id}.json")
    source_file = inside(folder, ds.source.file)
    payload = json.dumps(dataset_io.dataset_to_json(ds), ensure_ascii=False, indent=2) + "\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise LibraryError(folder, f"cannot create the folder: {err.strerror}") from None
    for target, data in (
        (source_file, ds.source_text.encode("utf-8")),
        (dataset_file, payload.encode("utf-8")),
    ):
        _write(target, data, overwrite=overwrite)
    return dataset_file, source_file


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refused unless it is a plain file name right inside ``folder``."""
    # A plain name cannot climb out; a symlink already there is replaced, not followed
    # (os.replace renames over the link itself).
    plain = name not in ("", ".", "..") and Path(name).name == name and "\\" not in name
    if not plain:
        raise LibraryError(folder, f"refusing to write {name!a}: it would land outside {folder}")
    return folder / name


def _write(target: Path, data: bytes, *, overwrite: bool) -> None:
    """Write one file atomically; the same content already there is left as it is."""
    if not overwrite and target.exists():
        try:
            same = disk.read_regular(target, limit=len(data), noun="the export") == data
        except disk.FileRefused:
            same = False  # a bigger file, a FIFO, a directory: not ours to replace
        if not same:
            raise LibraryError(target, "already exists (use --force to overwrite it)")
        return
    try:
        disk.write_atomic(target, data, overwrite=overwrite)
    except FileExistsError:  # appeared since the check above
        raise LibraryError(target, "already exists (use --force to overwrite it)") from None
    except IsADirectoryError:
        raise LibraryError(target, "is a directory, not a file") from None
    except OSError as err:
        raise LibraryError(target, f"cannot write: {err.strerror}") from None
