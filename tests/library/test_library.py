from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from cstocli import library, text
from cstocli import summary as queries
from cstocli.dataset.files import dataset_to_json
from cstocli.importer.article import import_article, read_article
from cstocli.library import Library, LibraryError, open_library, schema
from cstocli.library.index import IndexBatch
from cstocli.model import Dataset
from cstocli.search import engine as search
from cstocli.search import typos as text_typos
from cstocli.search.memory import build_index
from cstocli.search.store import SentenceStore


def variant(ds: Dataset, n: int, *, article_id: str | None = None) -> Dataset:
    """Return the dataset as if imported from other content (another hash), under an id."""
    source = ds.source._replace(sha256=f"{n:064x}")
    return ds._replace(id=article_id or f"{ds.id}-v{n}", source=source)


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    """Open a new empty library in a scratch folder."""
    with open_library(tmp_path / "lib.sqlite3") as opened:
        yield opened


def table_counts(path: Path) -> dict[str, int]:
    """Rows in every table of the library file, read with a separate connection.

    The contentless FTS table cannot be counted: its entry is the number of postings.
    """
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith("sentences_fts")
        ]
        counts = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
        conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, sentences_fts, row)")
        counts["sentences_fts"] = conn.execute(
            "SELECT coalesce(sum(doc), 0) FROM terms"
        ).fetchone()[0]
        return counts
    finally:
        conn.close()


def test_store_then_get_round_trips(lib: Library, bundled: Dataset) -> None:
    """A stored article comes back equal, source text included."""
    result = lib.store(bundled)
    assert (result.id, result.added) == (bundled.id, True)
    assert result.summary == lib.summary(bundled.id)  # as stored, without asking again
    assert lib.get(bundled.id) == bundled
    assert lib.get(bundled.id).source_text == bundled.source_text


def test_summary_counts(lib: Library, bundled: Dataset) -> None:
    """The summary counts speakers, quotes, figures and indexed sentences."""
    lib.store(bundled)
    summary = lib.summary(bundled.id)
    assert summary.title == bundled.source.title.text
    assert summary.speakers == len(bundled.speakers)
    assert summary.quotes == sum(p.is_quote for p in bundled.passages)
    assert summary.figures == len(bundled.figures)
    expected_sentences = sum(
        len(text.split_sentences(par.text)) for p in bundled.passages for par in p.paragraphs
    )
    assert summary.sentences == expected_sentences
    assert [s.id for s in lib.summaries()] == [bundled.id]


def test_same_content_is_stored_once(lib: Library, bundled: Dataset) -> None:
    """Importing the same content again is a no-op that names the stored article."""
    lib.store(bundled)
    before = table_counts(lib.path)
    again = lib.store(bundled._replace(id="another-name"))
    assert again == library.StoreResult(bundled.id, added=False)
    assert table_counts(lib.path) == before


def test_different_content_with_a_taken_id_gets_a_suffix(lib: Library, bundled: Dataset) -> None:
    """Two different articles that slug alike are both kept, the later as ``id-2``."""
    lib.store(bundled)
    second = lib.store(variant(bundled, 1, article_id=bundled.id))
    assert (second.id, second.added) == (f"{bundled.id}-2", True)
    assert second.summary is not None
    assert second.summary.id == f"{bundled.id}-2"
    assert lib.get(f"{bundled.id}-2").id == f"{bundled.id}-2"
    assert lib.ids() == [bundled.id, f"{bundled.id}-2"]


def test_remove_leaves_no_trace(lib: Library, bundled: Dataset) -> None:
    """Removing the only article empties every table, the index and the vocabulary."""
    lib.store(bundled)
    lib.remove([bundled.id])
    assert lib.ids() == []
    index = lib.index()
    assert len(index) == 0
    assert index.terms(0, 100) == []
    assert index.postings("security") == []
    assert index.speaker_words() == {}
    counts = table_counts(lib.path)
    assert counts.pop("totals") == 1
    assert all(n == 0 for n in counts.values()), counts


def test_remove_keeps_the_other_articles_searchable(lib: Library, bundled: Dataset) -> None:
    """Removing one article keeps the other's sentences and vocabulary counts intact."""
    lib.store(bundled)
    lib.store(variant(bundled, 1))
    lib.remove([bundled.id])
    assert lib.ids() == [f"{bundled.id}-v1"]
    index = lib.index()
    hits = [index.sentence(key) for key in index.postings("security")]
    assert hits
    assert {h.article_id for h in hits} == {f"{bundled.id}-v1"}
    assert index.frequency("security") == len(hits)
    assert len(index) == len(build_index(bundled))


def test_remove_unknown_id_changes_nothing(lib: Library, bundled: Dataset) -> None:
    """An unknown id in a removal is an error that suggests close ids; nothing is removed."""
    lib.store(bundled)
    with pytest.raises(LibraryError, match="did you mean csto-minsk-2017"):
        lib.remove([bundled.id, "csto-minsk-2071"])
    assert lib.ids() == [bundled.id]


def test_an_id_in_capitals_is_suggested_in_lower_case(lib: Library, bundled: Dataset) -> None:
    """'CSTO-MINSK-2017' is not an id, but the error names the one it stands for."""
    lib.store(bundled)
    with pytest.raises(LibraryError, match="did you mean csto-minsk-2017"):
        lib.get("CSTO-MINSK-2017")


def test_remove_an_id_given_twice_removes_it_once(lib: Library, bundled: Dataset) -> None:
    """'remove a a' (a glob, a pasted list): the article goes, the other stays, no error."""
    lib.store(bundled)
    lib.store(variant(bundled, 1))
    lib.remove([bundled.id, bundled.id])
    assert lib.ids() == [f"{bundled.id}-v1"]


class _Crash(Exception):
    """Stands for a crash in the middle of a write."""


def crash_after_rows(monkeypatch: pytest.MonkeyPatch, on_call: int) -> list[int]:
    """Make the ``on_call``-th sentence insert raise right after its rows went in."""
    calls: list[int] = []
    real = IndexBatch.add

    def add(batch: IndexBatch, key: int, article: library.PreparedArticle) -> None:
        real(batch, key, article)  # the article, speaker, passage and sentence rows
        calls.append(key)
        if len(calls) == on_call:
            raise _Crash

    monkeypatch.setattr(IndexBatch, "add", add)
    return calls


def test_failure_mid_store_leaves_nothing(
    lib: Library, bundled: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash after an article's rows were written rolls the whole article back."""
    lib.store(variant(bundled, 1))
    before = table_counts(lib.path)
    calls = crash_after_rows(monkeypatch, 1)
    with pytest.raises(_Crash):
        lib.store(bundled)
    assert len(calls) == 1
    assert table_counts(lib.path) == before
    assert lib.ids() == [f"{bundled.id}-v1"]
    assert len(lib.index()) == len(build_index(bundled))


def test_crash_in_a_batch_rolls_the_batch_back(
    lib: Library, bundled: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash (not a refused article) in ``store_each`` leaves none of its articles."""
    before = table_counts(lib.path)
    calls = crash_after_rows(monkeypatch, 2)
    with pytest.raises(_Crash):
        lib.store_each([library.prepare(variant(bundled, n)) for n in range(3)])
    assert len(calls) == 2
    assert table_counts(lib.path) == before


def test_constraint_failure_is_a_library_error_and_rolls_back(
    lib: Library, bundled: Dataset
) -> None:
    """A dataset that breaks a constraint (duplicate passage ids) is refused whole."""
    before = table_counts(lib.path)
    broken = bundled._replace(passages=(*bundled.passages, bundled.passages[0]))
    with pytest.raises(LibraryError, match="UNIQUE constraint failed"):
        lib.store(broken)
    assert table_counts(lib.path) == before
    assert len(lib.index()) == 0


def test_store_many_is_all_or_nothing(lib: Library, bundled: Dataset) -> None:
    """The bulk path stores every article, or none when one of them fails."""
    broken = variant(bundled, 3)._replace(passages=(*bundled.passages, bundled.passages[0]))
    with pytest.raises(LibraryError):
        lib.store_many([variant(bundled, 1), variant(bundled, 2), broken])
    assert lib.ids() == []
    results = lib.store_many([variant(bundled, 1), variant(bundled, 2)])
    assert [r.added for r in results] == [True, True]
    assert len(lib.ids()) == 2


def test_store_each_isolates_a_failing_article(lib: Library, bundled: Dataset) -> None:
    """Under savepoints, a broken article is refused alone and the others are stored."""
    broken = variant(bundled, 2)._replace(passages=(*bundled.passages, bundled.passages[0]))
    articles = [variant(bundled, 1), broken, variant(bundled, 3)]
    results = lib.store_each([library.prepare(a) for a in articles])
    assert [type(r).__name__ for r in results] == ["StoreResult", "LibraryError", "StoreResult"]
    assert "UNIQUE constraint failed" in str(results[1])
    assert lib.ids() == [f"{bundled.id}-v1", f"{bundled.id}-v3"]
    index = lib.index()
    assert len(index) == 2 * len(build_index(bundled))
    assert index.frequency("karabakh") == 2
    assert len(index.postings("karabakh")) == 2


@pytest.mark.parametrize("position", [0, 2])
def test_store_each_redoes_the_batch_apart_when_one_fails(
    lib: Library, bundled: Dataset, position: int
) -> None:
    """A batch tried whole is redone article by article: no row or FTS entry of the try stays."""
    good = [variant(bundled, n) for n in (1, 2)]
    broken = variant(bundled, 3)._replace(passages=(*bundled.passages, bundled.passages[0]))
    articles = [*good[:position], broken, *good[position:]]
    results = lib.store_each([library.prepare(a) for a in articles])
    assert [isinstance(r, LibraryError) for r in results] == [a is broken for a in articles]
    assert lib.ids() == [f"{bundled.id}-v1", f"{bundled.id}-v2"]
    index = lib.index()
    assert len(index) == 2 * len(build_index(bundled))
    assert len(index.postings("karabakh")) == 2
    assert table_counts(lib.path)["articles"] == 2


def test_replace_keeps_the_id_and_updates_the_content(lib: Library, bundled: Dataset) -> None:
    """A corrected dataset of the same source replaces the stored article under its id."""
    lib.store(bundled)
    corrected = bundled._replace(
        id="renamed", speakers=tuple(s._replace() for s in bundled.speakers)
    )
    first = corrected.speakers[0]
    corrected = corrected._replace(
        speakers=(first._replace(aliases=("Lukashenka",)), *corrected.speakers[1:]),
    )
    replaced = lib.replace(corrected)
    assert (replaced.id, replaced.added) == (bundled.id, True)
    assert lib.ids() == [bundled.id]
    assert lib.get(bundled.id).speakers[0].aliases == ("Lukashenka",)


def test_index_agrees_with_the_memory_index(lib: Library, bundled: Dataset) -> None:
    """Over one article, the SQLite index answers every protocol call like the memory one."""
    lib.store(bundled)
    store: SentenceStore = lib.index()  # mypy checks that the protocol is implemented
    assert len(store) > 0
    disk, memory = lib.index(), build_index(bundled)
    assert len(disk) == len(memory)
    assert disk.average_length == pytest.approx(memory.average_length)
    assert sorted(disk.terms(0, 100)) == sorted(memory.terms(0, 100))
    assert sorted(disk.terms(5, 6)) == sorted(memory.terms(5, 6))
    assert sorted(disk.terms_with_prefix("se")) == sorted(memory.terms_with_prefix("se"))
    assert disk.speaker_words() == memory.speaker_words()
    offset = min(disk.postings("the")) - min(memory.postings("the"))
    for term in memory.terms(0, 100):
        assert disk.frequency(term) == memory.frequency(term)
        assert disk.postings(term) == [i + offset for i in memory.postings(term)]
    for ordinal, sentence in enumerate(memory.sentences):
        assert disk.tokens(ordinal + offset) == list(memory.tokens(ordinal))
        assert disk.sentence(ordinal + offset) == sentence._replace(ordinal=ordinal + offset)
    for speaker in bundled.speakers:
        expected = [i + offset for i in memory.sentences_by(speaker.id)]
        assert disk.sentences_by(speaker.id) == expected
    assert disk.frequency("zzzz") == 0
    assert disk.postings("zzzz") == []


@pytest.mark.parametrize(
    "query",
    ["informaton securty", "resolve conflicts", '"combat training"', "military-technical",
     "Kazakstan", "2018", "hundreds of victims", "lukashenko strategy", "zzzz"],
)  # fmt: skip
def test_search_over_the_library_ranks_like_memory(
    lib: Library, bundled: Dataset, query: str
) -> None:
    """The search engine gives the same hits, in the same order, from disk and memory."""
    lib.store(bundled)
    on_disk = search.search(lib.index(), query)
    in_memory = search.search(build_index(bundled), query)
    assert [(h.sentence.text, h.score) for h in on_disk] == [
        (h.sentence.text, h.score) for h in in_memory
    ]
    assert all(h.sentence.article_id == bundled.id for h in on_disk)


def test_limited_search_over_the_library_is_the_full_one_cut_short(
    lib: Library, bundled: Dataset
) -> None:
    """From disk too, ``limit`` keeps the full result's first hits and its total."""
    for n in range(3):
        lib.store(variant(bundled, n))
    store = lib.index()
    for query in ["csto", "states", "security", "informaton securty", "lukashenko", "zzzz"]:
        full = search.search(store, query)
        for limit in (0, 1, 10, len(full) + 1):
            found = search.find(store, query, limit=limit)
            assert found.total == len(full), query
            assert [(h.sentence, h.score) for h in found.hits] == [
                (h.sentence, h.score) for h in full[:limit]
            ], query
    assert len(search.search(store, "csto")) > 10  # the cut above did cut


FIXTURES = sorted((Path(__file__).parents[1] / "fixtures" / "articles").glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_every_layout_round_trips_and_indexes_alike(lib: Library, path: Path) -> None:
    """An imported article of each layout comes back equal and indexes like in memory."""
    ds = import_article(read_article(path), file_name=path.name).dataset
    lib.store(ds)
    assert lib.get(ds.id) == ds
    disk, memory = lib.index(), build_index(ds)
    assert len(disk) == len(memory)
    assert disk.speaker_words() == memory.speaker_words()
    first = min(disk.postings(memory.terms(1, 100)[0]))
    offset = first - min(memory.postings(memory.terms(1, 100)[0]))
    for term in memory.terms(1, 100):
        assert disk.postings(term) == [i + offset for i in memory.postings(term)]
    for ordinal, sentence in enumerate(memory.sentences):
        assert disk.sentence(ordinal + offset).text == sentence.text
    for word in [s.name.split()[-1] for s in ds.speakers] + memory.terms(6, 9)[:5]:
        on_disk = [(h.sentence.text, h.score) for h in search.search(disk, word)]
        assert on_disk == [(h.sentence.text, h.score) for h in search.search(memory, word)]


def test_speakers_across_articles(lib: Library, bundled: Dataset) -> None:
    """Each speaker id is listed once, however many articles quote them."""
    lib.store(bundled)
    lib.store(variant(bundled, 1))
    assert sorted(s.id for s in lib.speakers()) == sorted(s.id for s in bundled.speakers)
    assert set(lib.speakers()) == set(bundled.speakers)


def test_speaker_totals_add_up_across_articles(lib: Library, bundled: Dataset) -> None:
    """Quotes and words per speaker are summed over articles, counted like ``speakers``."""
    lib.store(bundled)
    lib.store(variant(bundled, 1))
    totals = {t.speaker.id: t for t in lib.speaker_totals()}
    for summary in queries.speaker_summaries(bundled):
        total = totals[summary.speaker.id]
        assert total.articles == 2
        assert total.quotes == 2 * summary.quotes
        assert total.words == 2 * summary.words


def test_one_word_speakers_stay_per_article(lib: Library, bundled: Dataset) -> None:
    """Two articles' "Interviewer"s are not one person; full names still join articles."""
    lib.store(bundled)
    lib.store(variant(bundled, 1))
    for name in ("interview_blank", "interview_dense"):
        path = Path(__file__).parents[1] / "fixtures" / "articles" / f"{name}.txt"
        lib.store(import_article(read_article(path), file_name=path.name).dataset)
    totals = {t.speaker.id: t for t in lib.speaker_totals()}
    interviewers = sorted(i for i in totals if i.endswith(("/question", "/q")))
    assert interviewers == ["interview-blank/question", "interview-dense/q"]
    assert all(totals[i].articles == 1 for i in interviewers)
    assert totals["alexander-lukashenko"].articles == 2


def test_placeholder_speakers_stay_per_article(lib: Library) -> None:
    """Two articles' "Speaker 1"s are two strangers, though the name has two words."""
    for stem in ("one", "two"):
        text = f"Meeting {stem}\n\nSpeaker 1: We met.\n\nAnn Lee: I agree, {stem}.\n"
        lib.store(import_article(text, file_name=f"{stem}.txt").dataset)
    totals = {t.speaker.id: t for t in lib.speaker_totals()}
    assert sorted(i for i in totals if i.endswith("speaker-1")) == [
        "one/speaker-1",
        "two/speaker-1",
    ]
    assert totals["ann-lee"].articles == 2


def test_figures_come_back_whole(lib: Library, bundled: Dataset) -> None:
    """Every figure of every article comes back equal, with its article's id."""
    lib.store(bundled)
    lib.store(variant(bundled, 1))
    expected = [(a, f) for a in (bundled.id, f"{bundled.id}-v1") for f in bundled.figures]
    assert lib.figures() == expected
    assert any(isinstance(f.value, int) for _, f in lib.figures())


def test_sentence_spans_point_into_the_source(lib: Library, bundled: Dataset) -> None:
    """Every indexed sentence's span cuts exactly its text out of the source."""
    lib.store(bundled)
    index = lib.index()
    keys = sorted({k for t in index.terms(0, 100) for k in index.postings(t)})
    assert len(keys) == len(index)
    for key in keys:
        sentence = index.sentence(key)
        start, end = sentence.span
        assert bundled.source_text[start:end] == sentence.text


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    """A library written by a newer cstocli is refused with a clear line."""
    path = tmp_path / "lib.sqlite3"
    open_library(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {library.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="newer cstocli"):
        open_library(path)


def test_v1_library_is_migrated_and_indexed(tmp_path: Path, bundled: Dataset) -> None:
    """A schema-1 library (no search index) is upgraded and its articles indexed."""
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in schema._statements(schema._SCHEMA_V1):
        conn.execute(statement)
    conn.execute(
        "INSERT INTO articles (id, sha256, title, file, imported_at, dataset, source_text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            bundled.id,
            bundled.source.sha256,
            bundled.source.title.text,
            bundled.source.file,
            "2026-01-01T00:00:00+00:00",
            json.dumps(dataset_to_json(bundled)),
            bundled.source_text,
        ),
    )
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with open_library(path) as migrated:
        assert migrated.get(bundled.id) == bundled
        assert migrated.summary(bundled.id).sentences > 0
        assert migrated.index().postings("karabakh")
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == library.SCHEMA_VERSION
    check.close()


def test_corrupt_file_is_a_clear_error(tmp_path: Path) -> None:
    """A file that is not SQLite gives a LibraryError naming it, not a traceback."""
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(LibraryError, match="not a cstocli library or is corrupt") as caught:
        open_library(path)
    assert str(path) in str(caught.value)


def test_truncated_database_is_a_clear_error(tmp_path: Path, bundled: Dataset) -> None:
    """A library cut short (damaged copy) is reported, never a traceback."""
    path = tmp_path / "lib.sqlite3"
    with open_library(path) as lib:
        lib.store(bundled)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * (len(data) - 100))
    with pytest.raises(LibraryError, match=str(path)), open_library(path) as lib:
        lib.summaries()


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    """An SQLite file of some other program is not taken over."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    with pytest.raises(LibraryError, match="not a cstocli library"):
        open_library(path)
    check = sqlite3.connect(path)
    assert check.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 1
    check.close()


def test_directory_and_uncreatable_paths_are_errors(tmp_path: Path) -> None:
    """A directory, or a path under a regular file, is an error naming the path."""
    with pytest.raises(LibraryError, match="is a directory"):
        open_library(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryError, match="cannot create its folder"):
        open_library(blocker / "lib.sqlite3")


def test_missing_library_is_not_created_for_reading(tmp_path: Path) -> None:
    """``create=False`` reports a missing library instead of making an empty file."""
    path = tmp_path / "none.sqlite3"
    with pytest.raises(LibraryError, match="no library here yet"):
        open_library(path, create=False)
    assert not path.exists()


def test_default_path_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``CSTOCLI_LIBRARY`` chooses the library file; otherwise it is in the user data dir."""
    monkeypatch.setenv(library.LIBRARY_ENV, str(tmp_path / "mine.sqlite3"))
    assert library.default_path() == tmp_path / "mine.sqlite3"
    monkeypatch.delenv(library.LIBRARY_ENV)
    assert library.default_path().name == "library.sqlite3"
    assert "cstocli" in library.default_path().parts[-2]


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from cstocli import library
    from cstocli.dataset.files import load_bundled

    path, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    ds = load_bundled()
    for n in range(first, first + count):
        source = ds.source._replace(sha256=f"{n:064x}")
        with library.open_library(Path(path)) as lib:
            lib.store(ds._replace(id=f"a{n}", source=source))
            lib.store(ds)  # every writer also races to store the same shared article
    """
)


def test_concurrent_writers_do_not_corrupt(tmp_path: Path, bundled: Dataset) -> None:
    """Two processes importing at once both succeed and leave a consistent library."""
    path = tmp_path / "lib.sqlite3"
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(path), str(first), "15"])
        for first in (0, 1000)
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')")
    conn.close()
    with open_library(path) as lib:
        ids = lib.ids()
        assert len(ids) == 31
        assert ids.count(bundled.id) == 1
        index = lib.index()
        assert index.frequency("karabakh") == 31
        assert len(index.postings("karabakh")) == 31
        assert len(index) == 31 * len(build_index(bundled))


@pytest.mark.slow
def test_bench_runs_at_a_tiny_size(tmp_path: Path) -> None:
    """The scale benchmark runs end to end on 100 sentences and prints its table."""
    script = Path(__file__).resolve().parents[2] / "bench" / "library.py"
    argv = ["--sentences", "100", "200", "--queries", "1", "--runs", "1", "--workdir"]
    done = subprocess.run(
        [sys.executable, str(script), *argv, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines()]
    assert ["100", "2"] in [row[:2] for row in rows]
    assert ["200", "4"] in [row[:2] for row in rows]
    assert "growth 100 -> 200 sentences:" in done.stdout
    assert "search at 200 sentences: floor" in done.stdout
    assert "new: worst in process p95" in done.stdout
    # The search half alone, over the library the run kept.
    alone = subprocess.run(
        [sys.executable, str(script.with_name("library_search.py")), "--runs", "1",
         "--in-process-runs", "2", str(tmp_path / "library-200.sqlite3")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert alone.returncode == 0, alone.stderr
    assert "search at 200 sentences: floor" in alone.stdout
    assert "president" in alone.stdout
    cost = done.stdout.split("import CPU s (workers included)")[1].splitlines()
    assert [row.split()[0] for row in cost[2:4]] == ["100", "200"]  # a CPU cost row per size


def test_v3_library_takes_figures_without_a_value(tmp_path: Path, bundled: Dataset) -> None:
    """A schema-3 library (figures.value NOT NULL) keeps its rows and then stores "hundreds"."""
    path = tmp_path / "v3.sqlite3"
    with open_library(path) as lib:
        lib.store(variant(bundled, 1, article_id="first"))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("ALTER TABLE figures RENAME TO figures_v4")
    table = schema._SCHEMA_V1[schema._SCHEMA_V1.index("CREATE TABLE figures") :]
    conn.execute(table.rstrip().rstrip(";").replace("value NUMERIC", "value NUMERIC NOT NULL"))
    conn.execute("INSERT INTO figures SELECT * FROM figures_v4 WHERE value IS NOT NULL")
    conn.execute("DROP TABLE figures_v4")
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    with open_library(path) as migrated:
        migrated.store(bundled)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    nulls = check.execute("SELECT count(*) FROM figures WHERE value IS NULL").fetchone()[0]
    kept = check.execute("SELECT count(*) FROM figures").fetchone()[0]
    check.close()
    assert (nulls, kept) == (1, 2 * len(bundled.figures) - 1)


def test_near_holds_every_word_one_typo_away(lib: Library, bundled: Dataset) -> None:
    """The library's one-typo lookup misses no word that the full scan would find."""
    lib.store(bundled)
    index = lib.index()
    vocabulary = index.terms(0, 100)
    typed = [t for t in vocabulary if 5 <= len(t) <= 8][:40]
    typed += [t[:2] + "x" + t[3:] for t in typed] + [t[1:] + "e" for t in typed]
    typed += [t[:3] + t[4] + t[3] + t[5:] for t in typed if len(t) > 5]
    for word in typed:
        near = index.near(word, 1)
        assert near is not None
        wanted = {t for t in vocabulary if text_typos.typo_distance(word, t, 1) <= 1}
        assert wanted <= set(near), word
        assert all(text_typos.typo_distance(word, t, 1) <= 1 for t in near), word
    assert index.near("security", 3) is None  # three typos: the scan
