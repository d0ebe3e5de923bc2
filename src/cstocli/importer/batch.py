"""An import batch: many article files into the library, and what happened to each.

``importer`` turns one article's text into a dataset; this module runs a whole batch:
text files are parsed in worker processes when there are many and stored a chunk per
transaction, dataset .json files and corrected imports replace their article one by one,
and every file ends as a ``FileOutcome``. ``library_cli`` prints the outcomes.

The heavy modules (sqlite3, the importer) are imported on use, so that importing this
module costs nothing until a batch runs.
"""

# ruff: noqa: PLC0415 - the heavy modules are imported on use (see above).

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Generator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cstocli.errors import CstocliError

if TYPE_CHECKING:
    from cstocli.importer.article import ImportResult
    from cstocli.importer.corrections import Corrections
    from cstocli.importer.provenance import Provenance, WebText
    from cstocli.library import ArticleSummary, Library, PreparedArticle, StoreResult

Source = Path | str
"""What one import argument names: a file, or (a ``str``) a URL to fetch."""

STORE_CHUNK = 256
"""Files stored per transaction on the fast path (bounds what a crash can roll back)."""
PARALLEL_FROM = 32
"""From this many text files on, parsing runs in worker processes."""
PARSE_CHUNK = 8
"""Files a worker process is handed at a time."""
HANDOFF_S = 0.0005
"""How soon (seconds) this process's thread that reads the workers' results gets the GIL
while the main thread stores (Python's default is 5 ms). A worker's results outgrow the
pipe, so it waits for that thread to read them: up to 5 ms a chunk, a tenth of its work."""
STAGES = ("parsing", "building rows", "storing")
"""The stages of one file's import, in order, as ``import_all``'s ``on_stage`` names them."""


@dataclass
class FileOutcome:
    """What happened to one file of an import batch."""

    file: str
    """The path as given on the command line."""
    status: str
    """``imported``, ``unchanged`` (same content already stored), ``reviewed`` or ``failed``."""
    article: ArticleSummary | None = None
    """The stored article (None when the file failed or was only reviewed)."""
    warnings: list[tuple[int, str]] = field(default_factory=list)
    """What the importer could not decide for sure: (line, message). When ``review`` is
    set, only the warnings outside every block: each row holds its own."""
    error: str | None = None
    """Why the file was refused."""
    review: list[dict[str, Any]] | None = None
    """With ``--review``: how the article was split, block by block."""
    headline: str | None = None
    """With ``--review``: the headline the importer read (the article's title)."""


def _parse(path: Path, fixes: Corrections | None, *, refusals: bool = True) -> ImportResult:
    """Read one article file and import it (with the corrections, when given)."""
    from cstocli.importer.article import ArticleError, read_article

    try:
        return _parse_text(read_article(path), path.name, fixes, refusals=refusals)
    except ArticleError as error:  # the article knows its name; the user gave a path
        if error.file != path.name:
            raise
        raise ArticleError(str(path), error.line, error.problem) from None


def _parse_text(
    text: str, file_name: str, fixes: Corrections | None, *, refusals: bool = True
) -> ImportResult:
    """Import one article's text (with the corrections, when given).

    Without ``refusals`` (a review), an article with no speaker comes back as narration
    with the reason as a warning instead of failing.
    """
    from cstocli.importer.article import import_article

    if fixes is None or not refusals:
        return import_article(text, file_name=file_name, refusals=refusals)
    from cstocli.importer.corrections import apply_corrections

    return apply_corrections(text, fixes, file_name=file_name)


def _read_web(source: Source) -> WebText | None:
    """The page a URL or saved HTML file holds, extracted; None for anything else."""
    from cstocli.importer import provenance

    if isinstance(source, str):
        return provenance.read_url(source)
    if source.suffix.lower() != ".json" and provenance.is_html_file(source):
        return provenance.read_html_file(source)
    return None


def _parse_source(
    source: Source, fixes: Corrections | None, given: Provenance | None, *, refusals: bool = True
) -> tuple[ImportResult, WebText | None]:
    """Read and import one text file, saved page or URL, its provenance applied."""
    from cstocli.importer.provenance import with_provenance, with_web_source

    web = _read_web(source)
    if web is None:
        assert isinstance(source, Path)
        result = _parse(source, fixes, refusals=refusals)
    else:
        from cstocli.importer.article import ArticleError

        try:
            result = _parse_text(web.text, web.file_name, fixes, refusals=refusals)
        except ArticleError as error:  # name the page or URL the user gave, not our .txt
            problem = f"{error.problem} (in the text read from the page)"
            raise ArticleError(str(source), error.line, problem) from None
        result = dataclasses.replace(result, dataset=with_web_source(result.dataset, web))
    if given:
        result = dataclasses.replace(result, dataset=with_provenance(result.dataset, given))
    return result, web


def import_all(
    lib: Library,
    files: Sequence[Source],
    fixes: Corrections | None,
    on_done: Callable[[FileOutcome], None] = lambda outcome: None,
    given: Provenance | None = None,
    *,
    on_stage: Callable[[str], None] = lambda stage: None,
) -> list[FileOutcome]:
    """Import every file; return what happened to each, in the order given.

    Plain text files (no corrections) take the fast path: parsed in worker processes
    when there are many, stored ``STORE_CHUNK`` at a time, each under its own savepoint
    so that each file is still all-or-nothing. Dataset .json files and corrected imports
    replace a stored article, one transaction each. ``on_done`` hears of each file once
    it is stored or refused (a progress bar's hook). URLs and saved web pages (found by
    their content, in the workers) are fetched, extracted and stored one by one, with
    their page. ``given`` is the provenance stated on the command line, for every file.
    ``on_stage`` hears each of the ``STAGES`` as it begins, for the files this process
    parses itself (not those of worker processes): one large file's progress bar.
    """
    fast = [
        i
        for i, path in enumerate(files)
        if isinstance(path, Path) and fixes is None and not given and path.suffix.lower() != ".json"
    ]
    outcomes: dict[int, FileOutcome] = {}
    for i in sorted(set(range(len(files))) - set(fast)):
        outcomes[i] = _import_one(lib, files[i], fixes, given, on_stage)
        on_done(outcomes[i])
    # closing(): a failed write stops the worker processes at once, not at exit.
    with closing(_parse_many([Path(files[i]) for i in fast], on_stage)) as parsed:
        for start in range(0, len(fast), STORE_CHUNK):
            numbers = fast[start : start + STORE_CHUNK]
            chunk = [next(parsed) for _ in numbers]
            on_stage(STAGES[2])
            stored = iter(lib.store_each([p.article for p in chunk if p.article is not None]))
            for i, p in zip(numbers, chunk, strict=True):
                if p.web:
                    outcomes[i] = _import_one(lib, files[i], None, None, on_stage)
                else:
                    result = next(stored) if p.article is not None else None
                    outcomes[i] = _outcome(lib, p, result)
                on_done(outcomes[i])
    return [outcomes[i] for i in range(len(files))]


def _outcome(
    lib: Library, parsed: _Parsed, result: StoreResult | CstocliError | None
) -> FileOutcome:
    """What happened to one file of the fast path."""
    if result is None or isinstance(result, CstocliError):
        error = parsed.error if result is None else str(result)
        return FileOutcome(parsed.file, "failed", warnings=parsed.warnings, error=error)
    status = "imported" if result.added else "unchanged"
    summary = result.summary or lib.summary(result.id)
    return FileOutcome(parsed.file, status, summary, parsed.warnings)


@dataclass(frozen=True)
class _Parsed:
    """A text file read, parsed and turned into rows (or refused), by a worker."""

    file: str
    article: PreparedArticle | None
    warnings: list[tuple[int, str]]
    error: str | None
    web: bool = False
    """A saved web page: left to the one-by-one path, which keeps the page too."""


def _parse_job(path: Path, on_stage: Callable[[str], None] = lambda stage: None) -> _Parsed:
    """Read, parse and prepare one text file (runs in a worker process, or in this one)."""
    from cstocli.importer.provenance import is_html_file
    from cstocli.importer.webpage import looks_like_html
    from cstocli.library import prepare

    # A page is found by its content: in the text just read, or (when the text reader
    # refused it, e.g. a latin-1 page) by its first bytes. No extra read for good text.
    on_stage(STAGES[0])
    try:
        result = _parse(path, None)
    except CstocliError as error:
        web = is_html_file(path)
        return _Parsed(str(path), None, [], None if web else str(error), web=web)
    if looks_like_html(result.dataset.source_text[:1024].encode("utf-8")):
        return _Parsed(str(path), None, [], None, web=True)
    on_stage(STAGES[1])
    try:
        article = prepare(result.dataset)
    except CstocliError as error:
        return _Parsed(str(path), None, [], str(error))
    return _Parsed(str(path), article, [(w.line, w.message) for w in result.warnings], None)


def _parse_many(
    paths: list[Path], on_stage: Callable[[str], None]
) -> Generator[_Parsed, None, None]:
    """Parse the files in order, in worker processes when there are many."""
    workers = os.cpu_count() or 1
    if len(paths) < PARALLEL_FROM or workers < 2:
        yield from (_parse_job(path, on_stage) for path in paths)
        return
    from concurrent.futures import ProcessPoolExecutor

    from cstocli.importer.workers import start_worker

    # start_worker: the workers die with this process, even when it is killed.
    pool = ProcessPoolExecutor(workers, initializer=start_worker, initargs=(os.getpid(),))
    switch = sys.getswitchinterval()
    sys.setswitchinterval(min(switch, HANDOFF_S))
    try:
        yield from pool.map(_parse_job, paths, chunksize=PARSE_CHUNK)
    finally:
        sys.setswitchinterval(switch)
        # map() queued every file: on an early stop (an error, Ctrl-C) drop what is left
        # instead of parsing it all first, as leaving a ``with`` block would.
        pool.shutdown(cancel_futures=True)


def _import_one(
    lib: Library,
    source: Source,
    fixes: Corrections | None,
    given: Provenance | None,
    on_stage: Callable[[str], None] = lambda stage: None,
) -> FileOutcome:
    """Parse and store one file or URL; a refused one becomes a ``failed`` outcome."""
    warnings: list[tuple[int, str]] = []
    try:
        if isinstance(source, Path) and source.suffix.lower() == ".json":
            from cstocli.dataset.files import load

            on_stage(STAGES[0])
            dataset = load(source)
            on_stage(STAGES[2])  # rows are built inside the store's transaction
            stored = lib.replace(dataset)
        else:
            on_stage(STAGES[0])
            result, web = _parse_source(source, fixes, given)
            on_stage(STAGES[2])
            warnings = [(w.line, w.message) for w in result.warnings]
            original = None if web is None else web.original
            earlier = lib.id_of_text(result.dataset.source.sha256) if given else None
            if given and earlier is not None and fixes is None:
                # Provenance stated again for a text already stored (--date, to fix the
                # date): only what is stated changes; the article as stored stays, with
                # the corrections once applied to it and what was stated before.
                from cstocli.importer.provenance import with_provenance

                stored = lib.replace(with_provenance(lib.get(earlier), given), original)
            elif fixes is not None or given:
                # Corrections and stated provenance change what we know of the same
                # text: they replace, not skip.
                stored = lib.replace(result.dataset, original)
            elif original is not None:
                stored = lib.store_page(result.dataset, original)
            else:
                stored = lib.store(result.dataset)
    except CstocliError as error:
        return FileOutcome(str(source), "failed", error=str(error))
    status = "imported" if stored.added else "unchanged"
    return FileOutcome(str(source), status, lib.summary(stored.id), warnings)


def review_one(
    source: Source, fixes: Corrections | None, given: Provenance | None = None
) -> FileOutcome:
    """Parse one file or URL and lay out its split, storing nothing.

    Each warning is kept once: in the row whose lines hold it, else in ``warnings``.
    """
    from cstocli.importer.article import REFUSED
    from cstocli.importer.review import outside_blocks, review

    refused = None
    try:
        result, _ = _parse_source(source, fixes, given)
    except CstocliError as error:
        # Still show the split as the importer saw it. An article it refuses says why in
        # a warning of the split; anything else (corrections that do not fit it) is the
        # review's error, as it would be the import's.
        try:
            result, _ = _parse_source(source, fixes, given, refusals=False)
        except CstocliError:
            return FileOutcome(str(source), "failed", error=str(error))
        if not any(w.message.endswith(REFUSED) for w in result.warnings):
            refused = str(error)
    rows = review(result.dataset, result.warnings)
    outside = [(w.line, w.message) for w in outside_blocks(rows, result.warnings)]
    return FileOutcome(
        str(source),
        "reviewed" if refused is None else "failed",
        error=refused,
        warnings=outside,
        review=[dataclasses.asdict(r) for r in rows],
        headline=result.dataset.source.title.text,
    )
