"""The session answers browse's questions through the commands' own code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cstocli import summary
from cstocli.browse.session import (
    SHOWN,
    Scope,
    Selection,
    Session,
    SessionThread,
    citation,
    quote_with_citation,
)
from cstocli.dataset.files import load
from cstocli.library import access, open_library
from cstocli.model import Dataset
from cstocli.search import engine
from cstocli.search.memory import build_index

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="module")
def bracket() -> Dataset:
    """The small fixture article whose quotes hold markup-like brackets."""
    return load(FIXTURES / "bracket-summit.json")


def test_search_is_the_engine_search(bundled: Dataset) -> None:
    """A typo'd query gives exactly the hits and total of `cstocli search`'s engine."""
    found = Session(dataset=bundled).search("informaton securty")
    expected = engine.find(build_index(bundled), "informaton securty", limit=SHOWN)
    assert [h.sentence for h in found.hits] == [h.sentence for h in expected.hits]
    assert found.total == expected.total > 0
    assert "information security" in found.hits[0].sentence.text.casefold()


def test_speaker_scope_keeps_only_their_sentences(bundled: Dataset) -> None:
    """A speaker scope is the engine's speaker filter."""
    found = Session(dataset=bundled).search("security", Scope(speaker_id="alexander-lukashenko"))
    assert found.hits
    assert {h.sentence.speaker_id for h in found.hits} == {"alexander-lukashenko"}


def test_empty_query_lists_every_sentence_in_order(bundled: Dataset) -> None:
    """Before typing, one article's sentences are listed in source order."""
    found = Session(dataset=bundled).search("   ")
    ordinals = [h.sentence.ordinal for h in found.hits]
    assert ordinals == sorted(ordinals)
    assert found.total == len(build_index(bundled))
    assert not any(h.highlights for h in found.hits)


def test_nonsense_finds_nothing(bundled: Dataset) -> None:
    """A query that matches nothing gives no hits and a zero total."""
    found = Session(dataset=bundled).search("xqzvw")
    assert (found.hits, found.total) == ([], 0)


def test_speakers_and_figures_come_from_summary(bundled: Dataset) -> None:
    """The Speakers view counts as `cstocli speakers`; Figures are the dataset's."""
    session = Session(dataset=bundled)
    rows = session.speakers()
    expected = summary.speaker_summaries(bundled)
    assert [(r.speaker, r.quotes, r.words) for r in rows] == [
        (e.speaker, e.quotes, e.words) for e in expected
    ]
    assert [f for _, f in session.figures()] == list(bundled.figures)
    assert session.articles() == []


def test_figure_hit_is_the_sentence_stating_it(bundled: Dataset) -> None:
    """A figure leads to the sentence that contains its words, highlighted."""
    session = Session(dataset=bundled)
    for figure in bundled.figures:
        hit = session.figure_hit(bundled.id, figure)
        start, end = hit.sentence.span
        assert start <= figure.span[0] < end
        assert hit.highlights


def test_citation_and_copy_keep_the_quote_exact(bracket: Dataset) -> None:
    """What y copies holds the sentence as written, the speaker and the citation."""
    index = build_index(bracket)
    sentence = next(s for s in index.sentences if "[bold]" in s.text)
    copied = quote_with_citation(bracket, sentence)
    assert f"\u201c{sentence.text}\u201d" in copied
    assert "Jane Doe" in copied
    line = citation(bracket, sentence.passage_id)
    assert copied.endswith(line)
    assert bracket.source.title.text in line
    assert line.startswith("\u2014 Jane Doe")  # the words of `cstocli show` and `cite`


def test_selection_arguments_feed_show() -> None:
    """One article prints the id; a library quote prints what show needs to find it."""
    assert Selection(None, "q2").as_arguments() == "q2"
    assert Selection("a-1", "q2").as_arguments() == "--article a-1 q2"


def test_library_search_is_the_library_search(stocked: Path) -> None:
    """Over --all the hits and total are those of `cstocli search --all`."""
    session = Session(library_path=stocked, all_articles=True)
    found = session.search("confirm")
    expected = access.search_library("confirm", limit=SHOWN, library_path=stocked)
    assert [h.sentence for h in found.hits] == [h.sentence for h in expected.shown]
    assert found.total == expected.total > 0
    assert session.article_count() == 3
    session.close()


def test_library_article_scope_and_listing(stocked: Path) -> None:
    """Scoped to one article, search and the empty listing stay inside it."""
    session = Session(library_path=stocked, all_articles=True)
    first = session.articles()[0].id
    assert session.search("").hits == []  # the whole library is not listed
    listed = session.search("", Scope(article_id=first))
    assert listed.hits
    assert {h.sentence.article_id for h in listed.hits} == {first}
    session.close()


def test_missing_library_is_empty(tmp_path: Path) -> None:
    """A library file that does not exist reads as a library with no articles."""
    session = Session(library_path=tmp_path / "none.sqlite3", all_articles=True)
    assert session.article_count() == session.sentence_count() == 0
    assert session.search("anything").hits == []
    assert session.speakers() == []
    assert session.figures() == []
    assert session.articles() == []
    assert not (tmp_path / "none.sqlite3").exists()


def test_a_session_reads_one_source(bundled: Dataset) -> None:
    """A dataset and --all at once (or neither) is a programming error."""
    with pytest.raises(ValueError, match="one dataset"):
        Session(dataset=bundled, all_articles=True)
    with pytest.raises(ValueError, match="one dataset"):
        Session()


def test_thread_runs_library_calls_on_one_thread(stocked: Path) -> None:
    """Calls through SessionThread share the connection its thread opened."""
    thread = SessionThread(Session(library_path=stocked, all_articles=True))
    assert thread.run(Session.article_count) == 3
    assert thread.run(lambda s: s.search("confirm").total) > 0
    thread.shutdown()


def test_a_closed_session_never_opens_the_library_again(stocked: Path) -> None:
    """A call queued behind close() (a late keystroke) reads nothing and leaks no connection."""
    session = Session(library_path=stocked, all_articles=True)
    assert session.article_count() == 3
    session.close()
    assert session.articles() == []
    assert session._library is None


def read_speakers(session: Session) -> Any:
    """The library's speakers the session has read so far (None before it read them)."""
    return vars(session)["_speakers"]


def test_prepare_counts_the_library_once(stocked: Path) -> None:
    """Session.prepare counts before the first frame; the speakers are read by warm, after it."""
    with open_library(stocked, create=False) as lib:
        stored = len(lib.index())
    session = Session(library_path=stocked, all_articles=True)
    assert session.prepare() == (3, stored)
    assert read_speakers(session) is None  # not before the first frame
    session.warm()
    known = read_speakers(session)
    assert known
    hit = session.search("confirm").hits[0]
    assert hit.sentence.speaker_id is not None
    assert session.speaker_name(hit.sentence) == known[hit.sentence.speaker_id].name
    session.close()


def test_a_query_read_the_same_is_answered_again_without_searching(
    bundled: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'security' then 'security ' (or the word erased and retyped) search the engine once."""
    session = Session(dataset=bundled)
    runs: list[str] = []
    run = engine.run

    def counted(store: object, query: object, **options: object) -> object:
        runs.append(str(query))
        return run(store, query, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "run", counted)
    first = session.search("security")
    again = session.search("security ")
    assert again.query == "security "
    assert [h.sentence for h in again.hits] == [h.sentence for h in first.hits]
    assert again.total == first.total > 0
    assert len(runs) == 1
    session.search("securit")
    assert session.search("Security").total == first.total
    assert len(runs) == 2
    scoped = session.search("security", Scope(speaker_id="alexander-lukashenko"))
    assert scoped.total < first.total  # another scope is another question
    assert len(runs) == 3


def test_a_library_session_keeps_its_index_until_the_library_changes(
    stocked: Path, bundled: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keystrokes share one index; an import by another process is found at the next one."""
    from cstocli.library.database import Library  # noqa: PLC0415 - the class to count on

    made: list[object] = []
    index = Library.index

    def counted(self: Library) -> object:
        made.append(self)
        return index(self)

    monkeypatch.setattr(Library, "index", counted)
    session = Session(library_path=stocked, all_articles=True)
    assert session.search("informaton securty").total == 0  # no summit article yet
    session.search("confirm")
    session.search("confirmed")
    assert len(made) == 1
    with open_library(stocked) as other:
        other.store(bundled)
    found = session.search("informaton securty")
    assert len(made) == 2
    expected = access.search_library("informaton securty", limit=SHOWN, library_path=stocked)
    assert [h.sentence for h in found.hits] == [h.sentence for h in expected.shown]
    assert found.total == expected.total > 0
    session.close()
