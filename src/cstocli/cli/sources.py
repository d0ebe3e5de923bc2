"""What a command reads: the bundled summit, ``--data FILE``, ``--article ID`` or ``--all``.

Each import is deferred so a command pays only for the source it reads: the bundled
dataset never imports the library modules (sqlite3).
"""

# ruff: noqa: PLC0415 - imports are deferred on purpose: each source loads only what it uses.

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cstocli.errors import UsageError

if TYPE_CHECKING:
    from cstocli.model import Dataset


def load(data: Path | None) -> Dataset:
    """The dataset named by ``--data``/``CSTOCLI_DATA``, or the bundled one."""
    from cstocli.dataset import files as dataset

    return dataset.load_bundled() if data is None else dataset.load(data.expanduser())


def read(data: Path | None, article: str | None, library: Path | None) -> Dataset:
    """The one dataset a command reads: ``--article`` from the library, else ``load(data)``."""
    if article is None:
        return load(data)
    from cstocli.library import (
        access as library_source,  # only --article pays for the library modules
    )

    return library_source.read_article(article, library)


def check_sources(data: Path | None, article: str | None, all_: bool) -> None:
    """Refuse two sources at once: typed ``--data`` (not CSTOCLI_DATA), ``--article``, ``--all``."""
    if article is not None and all_:
        raise UsageError("--article and --all cannot be used together: choose one")
    if (article is not None or all_) and data is not None and _typed("data"):
        flag = "--all" if all_ else "--article"
        raise UsageError(f"--data reads a dataset file, {flag} your library: choose one")


def _typed(param: str) -> bool:
    """Whether ``param`` came from the command line (not from its environment variable)."""
    from typer._click.core import ParameterSource
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    source = None if ctx is None else ctx.get_parameter_source(param)
    return source is ParameterSource.COMMANDLINE
