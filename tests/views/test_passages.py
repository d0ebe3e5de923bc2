"""One quote in full, the facts, and search hits as blocks and as piped lines."""

from __future__ import annotations

import io
from pathlib import Path

from tests.conftest import SNAPSHOTS, assert_snapshot, rendered

from cstocli import summary
from cstocli.model import Dataset
from cstocli.search.engine import search
from cstocli.search.memory import build_index
from cstocli.views import console as screen
from cstocli.views import passages

FIXTURES = Path(__file__).parents[1] / "fixtures"


# -- colour and width ---------------------------------------------------------------------------


def test_facts_snapshot(bundled: Dataset) -> None:
    """The facts view at width 100."""
    assert_snapshot(SNAPSHOTS / "facts-100.txt", rendered(passages.facts_view(bundled)))


def test_show_snapshot(bundled: Dataset) -> None:
    """One quote in full at width 100."""
    passage = summary.find_passage(bundled, "q3")
    assert_snapshot(
        SNAPSHOTS / "show-q3-100.txt", rendered(passages.passage_view(bundled, passage))
    )


def test_show_gives_speaker_role_paragraphs_and_lines(bundled: Dataset) -> None:
    """Show names the speaker and role and every paragraph with its source line."""
    passage = summary.find_passage(bundled, "q5")
    out = rendered(passages.passage_view(bundled, passage), width=1000)
    assert "Yuri Khachaturov" in out
    assert "Secretary General of the CSTO" in out
    for paragraph in passage.paragraphs:
        assert paragraph.text in out
        assert f"line {summary.line_of(bundled.source_text, paragraph.span[0])}" in out


def test_facts_do_not_repeat_member_states(bundled: Dataset) -> None:
    """The member-states list already names the states, so they are listed once."""
    out = rendered(passages.facts_view(bundled), width=200)
    assert out.count("Kyrgyzstan") == 1
    assert "Session of the CSTO Collective Security Council" in out


def test_hits_from_several_articles_name_their_article(bracket: Dataset) -> None:
    """Given datasets by id (--all), lines start with the article and blocks name it."""
    hits = search(build_index(bracket), "drills")
    (line,) = passages.hit_lines({bracket.id: bracket}, hits, context=False)
    assert line.plain.split("\t")[:3] == [bracket.id, "q1", "Jane Doe"]
    (single,) = passages.hit_lines(bracket, hits, context=False)
    assert single.plain.split("\t")[0] == "q1"
    block = rendered(passages.hit_blocks({bracket.id: bracket}, hits, context=False))
    assert block.splitlines()[0].startswith(f"{bracket.id}  q1  Jane Doe")


def test_hit_lines_are_one_line_per_hit(bundled: Dataset) -> None:
    """Piped hits: id, speaker, sentence (and with context the passage), tab-separated."""
    hits = search(build_index(bundled), "security")
    console = screen.make_console("never", io.StringIO(), environ={})
    lines = list(screen.line_strings(console, passages.hit_lines(bundled, hits, context=True)))
    assert len(lines) == len(hits)
    assert len(set(lines)) == len(lines), "two hits in one quote are still two lines"
    for line, hit in zip(lines, hits, strict=True):
        quote_id, speaker, sentence, passage = line.split("\t")
        assert quote_id == hit.sentence.passage_id
        assert speaker in {s.name for s in bundled.speakers} | {"(narration)"}
        assert sentence == hit.sentence.text
        assert sentence in passage
    plain = list(screen.line_strings(console, passages.hit_lines(bundled, hits, context=False)))
    assert [line.count("\t") for line in plain] == [2] * len(hits)


def test_hit_highlights_style_exactly_the_matched_words(bracket: Dataset) -> None:
    """The highlighted characters are those at the hit's offsets, with or without context."""
    [hit] = search(build_index(bracket), "drills")
    for context in (False, True):
        [line] = passages.hit_lines(bracket, [hit], context=context)
        styled = {line.plain[s.start : s.end] for s in line.spans if "yellow" in str(s.style)}
        assert styled == {hit.sentence.text[a:b] for a, b in hit.highlights} == {"drills"}


def test_library_hit_blocks_name_the_article_title_and_date(bundled: Dataset) -> None:
    """At a terminal, a library hit's header gives its article's title and date."""
    hits = search(build_index(bundled), "impetus")
    block = rendered(passages.hit_blocks({bundled.id: bundled}, hits, context=False), width=200)
    assert block.splitlines()[0] == (
        "csto-minsk-2017  q1  Alexander Lukashenko  line 11  Belarus President hopes for new"
        " impetus to CSTO development (2017-12-01)"
    )


def test_passage_view_ends_with_its_citation(bundled: Dataset) -> None:
    """Under the quote, one line says who, where, when, the URL and the lines."""
    passage = bundled.passage("q1")
    assert passage is not None
    last = rendered(passages.passage_view(bundled, passage), width=400).splitlines()[-1]
    assert last == (
        "— Alexander Lukashenko, President of Belarus, in “Belarus President hopes for new"
        " impetus to CSTO development”, CTV (Capital Television, Belarus), 2017-12-01,"
        " http://en.ctv.by/en/1512124063-belarus-president-hopes-for-new-impetus-to-csto-development,"
        " line 11"
    )
