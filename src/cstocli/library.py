"""The personal library: imported articles kept in one SQLite database.

Each article is stored whole (its dataset JSON, in the one format ``cstocli.dataset``
reads and writes, less the ``text`` fields its spans already give, plus the source text
the spans point into) and, beside it, as relational rows (speakers, passages, figures)
and a sentence index: an FTS5 table over the terms of the shared ``cstocli.text``
tokeniser, and a vocabulary table that typo expansion scans instead of the text. So a
search over a million sentences reads only the few pages it needs (``LibraryIndex``,
the ``store.SentenceStore`` that ``search`` plans against).

Safety: every write is one ``BEGIN IMMEDIATE`` transaction (a failure leaves nothing
behind, two writers queue instead of failing half-way), the database runs in WAL mode
with a busy timeout (readers never block the writer), and the schema version lives in
``PRAGMA user_version`` so an older library is migrated and a newer one refused.

Speed: ``prepare`` does the CPU-heavy half of storing an article (JSON, sentences,
tokens) without the database, so bulk imports run it in worker processes; the writer
then inserts rows with ``executemany`` and the FTS rows after them, once per batch.
"""

from __future__ import annotations

import difflib
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

from cstocli import dataset as dataset_io
from cstocli import text as text_mod
from cstocli.errors import CstocliError
from cstocli.index import MemoryIndex, Sentence
from cstocli.model import Dataset, Figure, Speaker
from cstocli.queries import count_words

LIBRARY_ENV = "CSTOCLI_LIBRARY"
"""The environment variable that points every command at another library file."""

SCHEMA_VERSION = 2
"""The newest library schema this code reads and writes (``PRAGMA user_version``)."""

BUSY_TIMEOUT_MS = 10_000
"""How long a writer waits for another writer before giving up."""


class LibraryError(CstocliError):
    """A library that cannot be used: unreadable, corrupt, newer, or an unknown article."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One stored article, as ``library list`` shows it."""

    id: str
    """The article's id in the library (unique; the dataset's ``id``)."""
    title: str
    """The headline."""
    file: str
    """The source file name the article was imported from."""
    sha256: str
    """Hex SHA-256 of the source text; re-importing the same content is a no-op."""
    imported_at: str
    """When it was stored, ISO 8601 UTC."""
    speakers: int
    """How many speakers are quoted."""
    quotes: int
    """How many quote passages it has."""
    figures: int
    """How many figures it states."""
    sentences: int
    """How many sentences the search index holds for it."""


@dataclass(frozen=True, slots=True)
class SpeakerTotal:
    """A speaker and how much they say across the library (``speakers --all``)."""

    speaker: Speaker
    """Who (as first imported)."""
    articles: int
    """In how many articles they are quoted."""
    quotes: int
    """How many quotes they give, all articles together."""
    words: int
    """Words spoken across all their quotes (labels not counted)."""


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What ``store`` did with one dataset."""

    id: str
    """The id the article has in the library."""
    added: bool
    """False when the same content was already stored (nothing changed)."""
    summary: ArticleSummary | None = None
    """The new article's summary (None when nothing was added: ask ``Library.summary``)."""


def default_path() -> Path:
    """Return the library file: ``$CSTOCLI_LIBRARY``, else one in the user data dir."""
    configured = os.environ.get(LIBRARY_ENV)
    if configured:
        return Path(configured).expanduser()
    # Imported lazily: only library commands pay for platformdirs.
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_data_dir("cstocli")) / "library.sqlite3"


# --- schema -------------------------------------------------------------------------

_SCHEMA_V1 = """
CREATE TABLE articles (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    file TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    dataset TEXT NOT NULL,
    source_text TEXT NOT NULL
);
CREATE TABLE speakers (
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    affiliation TEXT,
    aliases TEXT NOT NULL,
    quotes INTEGER NOT NULL,
    words INTEGER NOT NULL,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE TABLE passages (
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('quote', 'narration')),
    speaker_id TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE TABLE figures (
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    id TEXT NOT NULL,
    label TEXT NOT NULL,
    value NUMERIC NOT NULL,
    unit TEXT NOT NULL,
    qualifier TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    passage_id TEXT NOT NULL,
    period TEXT,
    topic TEXT,
    places TEXT NOT NULL,
    as_written TEXT,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
"""

# The search index. ``terms`` holds the sentence's words as ``cstocli.text`` folds them,
# joined by spaces; the FTS table reads it as external content, so a removal can hand
# FTS5 the exact terms it indexed even if the tokeniser has changed since (SQLite 3.40
# has no contentless delete). FTS5 must split on the spaces only, or "we've" would also
# be found as "we": its ascii tokeniser with every ASCII punctuation mark as a token
# character does that (non-ASCII characters are always token characters to it).
# ``detail='none'`` keeps only which sentences hold a term (phrases are checked on the
# sentence's tokens), and a sentence's text is not stored twice: it is cut from its
# article's source text.
_SCHEMA_V2 = """
CREATE TABLE sentences (
    key INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    passage_id TEXT NOT NULL,
    speaker_id TEXT,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    terms TEXT NOT NULL
);
CREATE INDEX sentences_by_article ON sentences(article);
CREATE INDEX sentences_by_speaker ON sentences(speaker_id, key) WHERE speaker_id IS NOT NULL;
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    terms, content='sentences', content_rowid='key', detail='none',
    tokenize="ascii tokenchars '!#$%&''()*+,-./:;<=>?@[\\]^_`{|}~'"
);
CREATE TABLE vocabulary (
    term TEXT PRIMARY KEY,
    length INTEGER NOT NULL,
    sentences INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX vocabulary_by_length ON vocabulary(length, term);
CREATE TABLE speaker_words (
    word TEXT NOT NULL,
    speaker_id TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (word, speaker_id)
) WITHOUT ROWID;
CREATE TABLE totals (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sentences INTEGER NOT NULL,
    words INTEGER NOT NULL
);
INSERT INTO totals VALUES (1, 0, 0);
"""


def _migrate_to_v1(conn: sqlite3.Connection) -> None:
    for statement in _statements(_SCHEMA_V1):
        conn.execute(statement)


def _migrate_to_v2(conn: sqlite3.Connection) -> None:
    for statement in _statements(_SCHEMA_V2):
        conn.execute(statement)
    # A v1 library already holds articles: index them now, inside the same transaction.
    batch = _IndexBatch(conn)
    for key, dataset_json, source_text in conn.execute(
        "SELECT key, dataset, source_text FROM articles ORDER BY key"
    ).fetchall():
        obj = _with_texts(json.loads(dataset_json), source_text)
        ds = dataset_io.dataset_from_json(obj, source_text, file=f"library article {key}")
        batch.add(key, prepare(ds))
    batch.finish()


_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_to_v1, _migrate_to_v2)
"""``_MIGRATIONS[n]`` takes a library from schema ``n`` to ``n + 1``."""


def _statements(script: str) -> Iterator[str]:
    # executescript() would COMMIT first; splitting keeps each migration in one transaction.
    # Statements end at a semicolon that ends a line (one stands inside the FTS options).
    for statement in script.split(";\n"):
        if statement.strip():
            yield statement


# --- opening --------------------------------------------------------------------------


class Library:
    """An open library database; use as a context manager, or call ``close``."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (committed work is already safe on disk)."""
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock up front: a deferred transaction that upgrades
        # later can fail with SQLITE_BUSY at once, busy timeout or not.
        with _translate_errors(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # --- writing ----------------------------------------------------------------------

    def store(self, article: Dataset | PreparedArticle) -> StoreResult:
        """Store one article in one transaction; the same content again changes nothing."""
        return self.store_many([article])[0]

    def store_many(self, articles: Iterable[Dataset | PreparedArticle]) -> list[StoreResult]:
        """Store many articles in ONE transaction (all or nothing): the bulk import path.

        ``articles`` may be a lazy iterable of ``prepare``d articles made by worker
        processes: this process then only writes rows.
        """
        with self._write() as conn:
            # One index batch: the FTS rows, vocabulary and totals are written once, at the end.
            batch = _IndexBatch(conn)
            results = [_store(conn, _prepared(a), batch) for a in articles]
            batch.finish()
            return results

    def store_each(self, articles: Sequence[PreparedArticle]) -> list[StoreResult | LibraryError]:
        """Store articles in one transaction, each under its own savepoint.

        An article that breaks a constraint is rolled back alone and comes back as a
        ``LibraryError`` in its place; the others are stored. Any other failure (disk
        full, a lock held too long) rolls back the whole call and raises.
        """
        results: list[StoreResult | LibraryError] = []
        with self._write() as conn:
            batch = _IndexBatch(conn)
            for article in articles:
                conn.execute("SAVEPOINT article")
                try:
                    results.append(_store(conn, article, batch))
                except sqlite3.IntegrityError as err:
                    # _store feeds the batch only after all its rows went in, so
                    # rolling back the rows is enough.
                    conn.execute("ROLLBACK TO article")
                    results.append(LibraryError(self.path, f"{article.file}: {err}"))
                conn.execute("RELEASE article")
            batch.finish()
        return results

    def replace(self, ds: Dataset) -> StoreResult:
        """Store a corrected dataset over the stored article with the same source text."""
        with self._write() as conn:
            row = conn.execute(
                "SELECT key, id FROM articles WHERE sha256 = ?", (ds.source.sha256,)
            ).fetchone()
            if row is not None:
                _delete(conn, row[0])
                ds = replace_id(ds, row[1])
            batch = _IndexBatch(conn)
            result = _store(conn, prepare(ds), batch)
            batch.finish()
            return result

    def remove(self, article_ids: Sequence[str]) -> None:
        """Remove the articles (all of them, or none when one id is unknown)."""
        with self._write() as conn:
            keys = [self._key(article_id) for article_id in article_ids]
            for key in keys:
                _delete(conn, key)

    # --- reading ----------------------------------------------------------------------

    def summaries(self) -> list[ArticleSummary]:
        """Every stored article, in import order."""
        with _translate_errors(self.path):
            rows = self._conn.execute(_SUMMARY_SQL + " ORDER BY a.key").fetchall()
        return [ArticleSummary(*row) for row in rows]

    def summary(self, article_id: str) -> ArticleSummary:
        """One stored article's summary; ``LibraryError`` if there is no such id."""
        key = self._key(article_id)
        with _translate_errors(self.path):
            row = self._conn.execute(_SUMMARY_SQL + " WHERE a.key = ?", (key,)).fetchone()
        return ArticleSummary(*row)

    def ids(self) -> list[str]:
        """Return the ids of every stored article, in import order."""
        with _translate_errors(self.path):
            return [r[0] for r in self._conn.execute("SELECT id FROM articles ORDER BY key")]

    def get(self, article_id: str) -> Dataset:
        """Return the stored article as a ``Dataset``, source text included."""
        key = self._key(article_id)
        with _translate_errors(self.path):
            dataset_json, source_text = self._conn.execute(
                "SELECT dataset, source_text FROM articles WHERE key = ?", (key,)
            ).fetchone()
        # The id column is the truth: a clash on import may have given it a "-2" suffix.
        obj = {**_with_texts(json.loads(dataset_json), source_text), "id": article_id}
        return dataset_io.dataset_from_json(obj, source_text, file=f"{self.path} [{article_id}]")

    def _key(self, article_id: str) -> int:
        with _translate_errors(self.path):
            row = self._conn.execute(
                "SELECT key FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        if row is None:
            raise LibraryError(self.path, _unknown_id_problem(article_id, self.ids()))
        return int(row[0])

    # --- the search index ------------------------------------------------------------

    def index(self) -> LibraryIndex:
        """Return the sentence index of the whole library (a ``store.SentenceStore``)."""
        return LibraryIndex(self._conn, self.path)

    def speakers(self) -> list[Speaker]:
        """Return every speaker in the library once (by id, first import wins)."""
        return [total.speaker for total in self.speaker_totals()]

    def figures(self) -> list[tuple[str, Figure]]:
        """Return every figure in the library with its article's id, in source order."""
        with _translate_errors(self.path):
            rows = self._conn.execute(
                "SELECT a.id, f.id, f.label, f.value, f.unit, f.qualifier, f.text, f.start,"
                " f.end, f.passage_id, f.period, f.topic, f.places, f.as_written"
                " FROM figures f JOIN articles a ON a.key = f.article ORDER BY f.article, f.start"
            ).fetchall()
        return [(row[0], _figure(row[1:])) for row in rows]

    def speaker_totals(self) -> list[SpeakerTotal]:
        """Return every speaker once, with what they say across the whole library.

        A speaker is one id: the same slug in two articles is taken as the same person
        (their name, role and aliases are those of the first article imported).
        """
        with _translate_errors(self.path):
            # SQLite takes the bare columns from the row that has the min(article).
            rows = self._conn.execute(
                "SELECT id, name, role, affiliation, aliases, min(article) AS first,"
                " count(*), sum(quotes), sum(words) FROM speakers GROUP BY id ORDER BY first, id"
            ).fetchall()
        return [SpeakerTotal(_speaker(row[:5]), *row[6:]) for row in rows]


_SUMMARY_SQL = """
SELECT a.id, a.title, a.file, a.sha256, a.imported_at,
       (SELECT count(*) FROM speakers s WHERE s.article = a.key),
       (SELECT count(*) FROM passages p WHERE p.article = a.key AND p.kind = 'quote'),
       (SELECT count(*) FROM figures f WHERE f.article = a.key),
       (SELECT count(*) FROM sentences t WHERE t.article = a.key)
FROM articles a
"""


def open_library(path: Path | None = None, *, create: bool = True) -> Library:
    """Open (creating or migrating as needed) the library at ``path`` or the default one.

    With ``create=False`` a missing file is an error instead of a new empty library,
    for commands that only read. Every failure is a ``LibraryError`` naming the file.
    """
    path = path if path is not None else default_path()
    if not create and not path.exists():
        raise LibraryError(path, "no library here yet (import an article first)")
    if path.is_dir():
        raise LibraryError(path, "is a directory, not a library file")
    if create:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise LibraryError(path, f"cannot create its folder: {err.strerror}") from None
    with _translate_errors(path):
        # Autocommit mode: this module issues BEGIN/COMMIT itself.
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        with _translate_errors(path):
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            _check_and_migrate(conn, path)
            # WAL: readers never block the writer nor see half a transaction.
            conn.execute("PRAGMA journal_mode = WAL")
            # Safe in WAL mode: a power cut may drop the last commit, never corrupt.
            conn.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        conn.close()
        raise
    return Library(conn, path)


def _check_and_migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = _user_version(conn)
    if version > SCHEMA_VERSION:
        raise LibraryError(
            path,
            f"made by a newer cstocli (library schema {version}; this version reads up to"
            f" {SCHEMA_VERSION}): upgrade cstocli",
        )
    if version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have migrated meanwhile.
        version = _user_version(conn)
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise LibraryError(path, "is an SQLite database but not a cstocli library")
        for step in range(version, SCHEMA_VERSION):
            _MIGRATIONS[step](conn)
            conn.execute(f"PRAGMA user_version = {step + 1}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


@contextmanager
def _translate_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's exceptions into one clear ``LibraryError`` line naming the file."""
    try:
        yield
    except sqlite3.DatabaseError as err:
        raise _library_error(path, err) from None


def _library_error(path: Path, err: sqlite3.DatabaseError) -> LibraryError:
    message = str(err)
    if "not a database" in message or "malformed" in message:
        problem = "is not a cstocli library or is corrupt (SQLite: " + message + ")"
    elif "unable to open" in message or "readonly" in message:
        problem = f"cannot be opened for this ({message}): check its permissions"
    elif "locked" in message or "busy" in message:
        problem = f"is busy: another cstocli kept it locked too long ({message})"
    else:
        problem = f"SQLite error: {message}"
    return LibraryError(path, problem)


def _unknown_id_problem(article_id: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(article_id, known, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"no article with id {article_id!r} in this library{hint}"


# --- rows -----------------------------------------------------------------------------


def export(ds: Dataset, folder: Path, *, overwrite: bool = False) -> tuple[Path, Path]:
    """Write ``ds`` as ``ID.json`` and its source file into ``folder``; return both paths.

    The source is written back byte for byte (UTF-8, newlines untouched), so its hash
    matches ``source.sha256`` and ``dataset.load`` accepts the pair.
    """
    dataset_file = folder / f"{ds.id}.json"
    source_file = folder / ds.source.file
    payload = json.dumps(dataset_io.dataset_to_json(ds), ensure_ascii=False, indent=2) + "\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for target, data in (
            (source_file, ds.source_text.encode("utf-8")),
            (dataset_file, payload.encode("utf-8")),
        ):
            if target.exists() and not overwrite and target.read_bytes() != data:
                raise LibraryError(target, "already exists (use --force to overwrite it)")
            target.write_bytes(data)
    except OSError as err:
        raise LibraryError(err.filename or folder, f"cannot write: {err.strerror}") from None
    return dataset_file, source_file


def replace_id(ds: Dataset, new_id: str) -> Dataset:
    """Return the same dataset under another article id."""
    return replace(ds, id=new_id)


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """A dataset turned into the rows the library stores (see ``prepare``).

    Building these (the JSON, the sentence split, the tokens) is the CPU-heavy half of
    storing an article and needs no database; the object pickles, so a bulk import can
    prepare articles in worker processes while one process writes them.
    """

    id: str
    sha256: str
    title: str
    file: str
    dataset_json: str
    source_text: str
    speakers: tuple[tuple[Any, ...], ...]
    passages: tuple[tuple[Any, ...], ...]
    figures: tuple[tuple[Any, ...], ...]
    sentences: tuple[tuple[Any, ...], ...]
    """(passage id, speaker id, paragraph, start, end, terms joined by spaces)."""
    sentence_terms: tuple[str, ...]
    """Each sentence's distinct terms, one after the other: counted, the vocabulary's
    sentence counts (a flat tuple counts in C, far faster than merging dicts)."""
    words: int
    speaker_pairs: frozenset[tuple[str, str]]
    """The (word, speaker id) pairs that let a query word name one of its speakers."""


def prepare(ds: Dataset) -> PreparedArticle:
    """Build every row of an article (pure: no database, safe in a worker process)."""
    quotes = Counter(p.speaker_id for p in ds.passages if p.speaker_id is not None)
    spoken: Counter[str] = Counter()
    for passage in ds.passages:
        if passage.speaker_id is not None:
            # Counted as ``speakers`` counts them, so library totals match per-article ones.
            spoken[passage.speaker_id] += sum(count_words(p.text) for p in passage.paragraphs)
    sentences: list[tuple[Any, ...]] = []
    distinct: list[set[str]] = []
    words = 0
    for passage in ds.passages:
        for number, paragraph in enumerate(passage.paragraphs):
            base = paragraph.span[0]
            for start, end in text_mod.split_sentences(paragraph.text):
                sentence = paragraph.text[start:end]
                terms = text_mod.words(sentence)
                distinct.append(set(terms))
                words += len(terms)
                sentences.append(
                    (passage.id, passage.speaker_id, number, base + start, base + end,
                     " ".join(terms))
                )  # fmt: skip
    return PreparedArticle(
        id=ds.id,
        sha256=ds.source.sha256,
        title=ds.source.title.text,
        file=ds.source.file,
        dataset_json=json.dumps(
            _without_texts(dataset_io.dataset_to_json(ds), ds.source_text), ensure_ascii=False
        ),
        source_text=ds.source_text,
        speakers=tuple(
            (s.id, s.name, s.role, s.affiliation, json.dumps(s.aliases), quotes[s.id], spoken[s.id])
            for s in ds.speakers
        ),
        passages=tuple((p.id, p.kind, p.speaker_id, *p.span) for p in ds.passages),
        figures=tuple(
            (
                f.id,
                f.label,
                f.value,
                f.unit,
                f.qualifier,
                f.text,
                *f.span,
                f.passage_id,
                f.period,
                f.topic,
                json.dumps(f.places),
                f.as_written,
            )
            for f in ds.figures
        ),
        sentences=tuple(sentences),
        sentence_terms=tuple(chain.from_iterable(distinct)),
        words=words,
        speaker_pairs=frozenset().union(*(_speaker_pairs(s) for s in ds.speakers)),
    )


def _without_texts(obj: Any, source: str) -> Any:
    """Drop every ``text`` that its ``span`` already gives (the JSON shrinks by half)."""
    if isinstance(obj, list):
        return [_without_texts(item, source) for item in obj]
    if not isinstance(obj, dict):
        return obj
    kept = {key: _without_texts(value, source) for key, value in obj.items()}
    span = obj.get("span")
    if isinstance(span, list) and kept.get("text") == source[span[0] : span[1]]:
        del kept["text"]
    return kept


def _with_texts(obj: Any, source: str) -> Any:
    """Put back every ``text`` that ``_without_texts`` dropped, cut from the source."""
    if isinstance(obj, list):
        return [_with_texts(item, source) for item in obj]
    if not isinstance(obj, dict):
        return obj
    filled = {key: _with_texts(value, source) for key, value in obj.items()}
    span = obj.get("span")
    if isinstance(span, list) and "text" not in filled:
        filled["text"] = source[span[0] : span[1]]
    return filled


def _prepared(article: Dataset | PreparedArticle) -> PreparedArticle:
    return article if isinstance(article, PreparedArticle) else prepare(article)


def _store(conn: sqlite3.Connection, article: PreparedArticle, batch: _IndexBatch) -> StoreResult:
    existing = conn.execute("SELECT id FROM articles WHERE sha256 = ?", (article.sha256,))
    found = existing.fetchone()
    if found is not None:
        return StoreResult(found[0], added=False)
    article_id = _free_id(conn, article.id)
    imported_at = datetime.now(UTC).isoformat(timespec="seconds")
    key = conn.execute(
        "INSERT INTO articles (id, sha256, title, file, imported_at, dataset, source_text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            article.sha256,
            article.title,
            article.file,
            imported_at,
            article.dataset_json,
            article.source_text,
        ),
    ).lastrowid
    assert key is not None  # an INSERT into a rowid table always sets it
    conn.executemany(
        "INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(key, *r) for r in article.speakers],
    )
    conn.executemany(
        "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?)", [(key, *r) for r in article.passages]
    )
    conn.executemany(
        "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(key, *r) for r in article.figures],
    )
    batch.add(key, article)
    summary = ArticleSummary(
        id=article_id,
        title=article.title,
        file=article.file,
        sha256=article.sha256,
        imported_at=imported_at,
        speakers=len(article.speakers),
        quotes=sum(row[1] == "quote" for row in article.passages),
        figures=len(article.figures),
        sentences=len(article.sentences),
    )
    return StoreResult(article_id, added=True, summary=summary)


def _free_id(conn: sqlite3.Connection, wanted: str) -> str:
    # Two different articles may slug to the same id: the later one gets "-2", "-3"...
    candidate, n = wanted, 1
    while conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


def _figure(row: Sequence[Any]) -> Figure:
    figure_id, label, value, unit, qualifier, text, start, end, passage_id = row[:9]
    period, topic, places, as_written = row[9:]
    return Figure(
        figure_id, label, value, unit, qualifier, text, (start, end), passage_id,
        period, topic, tuple(json.loads(places)), as_written,
    )  # fmt: skip


def _speaker(row: Sequence[Any]) -> Speaker:
    speaker_id, name, role, affiliation, aliases = row
    return Speaker(speaker_id, name, role, affiliation, tuple(json.loads(aliases)))


@lru_cache(maxsize=4096)
def _speaker_pairs(speaker: Speaker) -> frozenset[tuple[str, str]]:
    """The (word, speaker id) pairs that let a query word name this speaker."""
    # The in-memory index owns the rule for which words name a speaker; reuse it. The
    # rule looks at one speaker at a time, so the pairs of several speakers are a union.
    words = MemoryIndex((), (speaker,)).speaker_words()
    return frozenset((word, speaker_id) for word, ids in words.items() for speaker_id in ids)


class _IndexBatch:
    """Index the sentences of articles stored in one transaction, in bulk.

    Sentence rows go in as each article is added; the FTS rows, the vocabulary counts,
    the speaker words and the totals are written once by ``finish``, so a bulk import
    makes one FTS insert and one vocabulary upsert instead of one per article.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._first = conn.execute("SELECT coalesce(max(key), 0) + 1 FROM sentences").fetchone()[0]
        self._df: Counter[str] = Counter()
        self._speaker_pairs: Counter[tuple[str, str]] = Counter()
        self._sentences = 0
        self._words = 0

    def add(self, key: int, article: PreparedArticle) -> None:
        """Insert the article's sentence rows; remember its counts for ``finish``."""
        self._conn.executemany(
            "INSERT INTO sentences (article, passage_id, speaker_id, paragraph, start, end, terms)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(key, *row) for row in article.sentences],
        )
        self._df.update(article.sentence_terms)
        self._speaker_pairs.update(article.speaker_pairs)
        self._sentences += len(article.sentences)
        self._words += article.words

    def finish(self) -> None:
        """Write the FTS rows, vocabulary, speaker words and totals of everything added."""
        conn = self._conn
        # After the rows, in one statement: FTS5 builds its segments in memory.
        conn.execute(
            "INSERT INTO sentences_fts (rowid, terms) SELECT key, terms FROM sentences"
            " WHERE key >= ?",
            (self._first,),
        )
        conn.executemany(
            "INSERT INTO vocabulary (term, length, sentences) VALUES (?, ?, ?)"
            " ON CONFLICT (term) DO UPDATE SET sentences = sentences + excluded.sentences",
            ((term, len(term), n) for term, n in self._df.items()),
        )
        conn.executemany(
            "INSERT INTO speaker_words (word, speaker_id, articles) VALUES (?, ?, ?)"
            " ON CONFLICT (word, speaker_id) DO UPDATE SET articles = articles + excluded.articles",
            ((word, speaker_id, n) for (word, speaker_id), n in self._speaker_pairs.items()),
        )
        conn.execute(
            "UPDATE totals SET sentences = sentences + ?, words = words + ?",
            (self._sentences, self._words),
        )


def _delete(conn: sqlite3.Connection, key: int) -> None:
    df: Counter[str] = Counter()
    sentences = words = 0
    for (terms,) in conn.execute("SELECT terms FROM sentences WHERE article = ?", (key,)):
        found = terms.split()
        df.update(set(found))
        sentences += 1
        words += len(found)
    # External-content FTS5 forgets a row only when told the exact terms it indexed.
    conn.execute(
        "INSERT INTO sentences_fts (sentences_fts, rowid, terms)"
        " SELECT 'delete', key, terms FROM sentences WHERE article = ?",
        (key,),
    )
    conn.executemany(
        "UPDATE vocabulary SET sentences = sentences - ? WHERE term = ?",
        [(n, term) for term, n in df.items()],
    )
    conn.execute("DELETE FROM vocabulary WHERE sentences <= 0")
    speakers = [
        _speaker(row)
        for row in conn.execute(
            "SELECT id, name, role, affiliation, aliases FROM speakers WHERE article = ?", (key,)
        )
    ]
    pairs = frozenset().union(*(_speaker_pairs(s) for s in speakers))
    conn.executemany(
        "UPDATE speaker_words SET articles = articles - 1 WHERE word = ? AND speaker_id = ?",
        pairs,
    )
    conn.execute("DELETE FROM speaker_words WHERE articles <= 0")
    conn.execute(
        "UPDATE totals SET sentences = sentences - ?, words = words - ?", (sentences, words)
    )
    # ON DELETE CASCADE removes its speakers, passages, figures and sentences.
    conn.execute("DELETE FROM articles WHERE key = ?", (key,))


class LibraryIndex:
    """The library's sentences as a ``store.SentenceStore``, read from SQLite on demand.

    Only what a query touches is read: vocabulary rows of the right lengths, the posting
    lists of the expanded terms (from FTS5), and the sentences ranked or shown. Sentence
    ids are the ``sentences.key`` column: ascending in import order, then source order.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path
        self._frequency: dict[str, int] = {}
        self._postings: dict[str, list[int]] = {}
        self._speaker_words: dict[str, frozenset[str]] | None = None
        with _translate_errors(path):
            self._count, words = conn.execute("SELECT sentences, words FROM totals").fetchone()
        self._average = words / self._count if self._count else 0.0

    def __len__(self) -> int:
        return int(self._count)

    @property
    def average_length(self) -> float:
        """Mean number of words per sentence."""
        return self._average

    def terms(self, min_length: int, max_length: int) -> list[str]:
        """Return every indexed word whose length lies in ``[min_length, max_length]``."""
        return self._column(
            "SELECT term FROM vocabulary WHERE length BETWEEN ? AND ?", (min_length, max_length)
        )

    def terms_with_prefix(self, prefix: str) -> list[str]:
        """Return every indexed word that starts with ``prefix``."""
        if not prefix:
            return self._column("SELECT term FROM vocabulary", ())
        # A range over the primary key, not LIKE: LIKE folds case and skips the index.
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return self._column(
            "SELECT term FROM vocabulary WHERE term >= ? AND term < ?", (prefix, upper)
        )

    def frequency(self, term: str) -> int:
        """Return how many sentences contain ``term``."""
        if term not in self._frequency:
            found = self._column("SELECT sentences FROM vocabulary WHERE term = ?", (term,))
            self._frequency[term] = int(found[0]) if found else 0
        return self._frequency[term]

    def postings(self, term: str) -> list[int]:
        """Return the ids of the sentences that contain ``term``, ascending."""
        if term not in self._postings:
            self._postings[term] = (
                self._column(
                    "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid",
                    (_fts_phrase(term),),
                )
                if self.frequency(term)
                else []
            )
        return self._postings[term]

    def tokens(self, sentence_id: int) -> list[str]:
        """Return the folded words of one sentence, in order."""
        found = self._column("SELECT terms FROM sentences WHERE key = ?", (sentence_id,))
        return str(found[0]).split() if found else []

    def sentence(self, sentence_id: int) -> Sentence:
        """Return the sentence with this id."""
        # Called once per hit, so kept lean: no context manager, positional fields.
        try:
            row = self._conn.execute(_SENTENCE_SQL, (sentence_id,)).fetchone()
        except sqlite3.DatabaseError as err:
            raise _library_error(self._path, err) from None
        if row is None:
            raise LibraryError(self._path, f"no sentence {sentence_id} (removed meanwhile?)")
        passage_id, paragraph, speaker_id, sentence_text, start, end, article_id = row
        return Sentence(
            passage_id, paragraph, speaker_id, sentence_text, (start, end), sentence_id, article_id
        )

    def speaker_words(self) -> dict[str, frozenset[str]]:
        """Return each folded word of speakers' names, roles and aliases -> speaker ids."""
        if self._speaker_words is None:
            grouped: dict[str, set[str]] = {}
            with _translate_errors(self._path):
                for word, speaker_id in self._conn.execute(
                    "SELECT word, speaker_id FROM speaker_words"
                ):
                    grouped.setdefault(word, set()).add(speaker_id)
            self._speaker_words = {word: frozenset(ids) for word, ids in grouped.items()}
        return self._speaker_words

    def sentences_by(self, speaker_id: str) -> list[int]:
        """Return the ids of the sentences a speaker says, ascending."""
        return self._column(
            "SELECT key FROM sentences WHERE speaker_id = ? ORDER BY key", (speaker_id,)
        )

    def _column(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        with _translate_errors(self._path):
            return [row[0] for row in self._conn.execute(sql, args)]


_SENTENCE_SQL = (
    "SELECT s.passage_id, s.paragraph, s.speaker_id,"
    " substr(a.source_text, s.start + 1, s.end - s.start), s.start, s.end, a.id"
    " FROM sentences s JOIN articles a ON a.key = s.article WHERE s.key = ?"
)


def _fts_phrase(term: str) -> str:
    # A quoted FTS5 string, so FTS5 splits the term exactly as it split the indexed terms.
    return '"' + term.replace('"', '""') + '"'
