from __future__ import annotations

from pathlib import Path

import pytest

from cstocli import summary, text
from cstocli.dataset.files import load
from cstocli.errors import UsageError
from cstocli.importer.article import import_article
from cstocli.model import Dataset

FIXTURE = Path(__file__).parent / "fixtures" / "bracket-summit.json"


@pytest.fixture(scope="module")
def bracket() -> Dataset:
    """The small fixture article whose quotes hold markup-like brackets."""
    return load(FIXTURE)


def test_speaker_summaries_count_quotes_and_words(bracket: Dataset) -> None:
    """Each speaker's quotes are listed and their paragraph words summed, labels excluded."""
    rows = {row.speaker.id: row for row in summary.speaker_summaries(bracket)}
    assert rows["jane-doe"].quote_ids == ("q1",)
    jane = bracket.passages[1]
    assert rows["jane-doe"].words == sum(text.count_words(p.text) for p in jane.paragraphs)
    assert rows["jane-doe"].words == 31
    assert rows["ivan-petrov"].quotes == 1


def test_speaker_summaries_keep_article_order_by_default(bundled: Dataset) -> None:
    """Without a sort, speakers come in the order they first speak."""
    rows = summary.speaker_summaries(bundled)
    assert [r.speaker.id for r in rows] == [s.id for s in bundled.speakers]


def test_speaker_summaries_sort_largest_first(bundled: Dataset) -> None:
    """--sort words and quotes put the largest first; name sorts alphabetically."""
    by_words = summary.speaker_summaries(bundled, "words")
    assert [r.words for r in by_words] == sorted((r.words for r in by_words), reverse=True)
    by_quotes = summary.speaker_summaries(bundled, "quotes")
    assert by_quotes[0].speaker.name == "Alexander Lukashenko"
    by_name = [r.speaker.name for r in summary.speaker_summaries(bundled, "name")]
    assert by_name == sorted(by_name, key=str.casefold)


def test_figure_groups_put_the_largest_topic_first(bundled: Dataset) -> None:
    """The 2017 exercises (three figures) lead; every figure appears exactly once."""
    groups = summary.figure_groups(bundled)
    assert groups[0].topic == "2017 CSTO exercises"
    assert [f.as_written for f in groups[0].figures] == ["13,000", "up to 2,000", "140"]
    assert sorted(f.id for g in groups for f in g.figures) == sorted(f.id for f in bundled.figures)


def test_split_headline_keeps_the_rest_in_source_order(bundled: Dataset) -> None:
    """Figures outside the headline group come back in the order the article states them."""
    headline, others = summary.split_headline(summary.figure_groups(bundled))
    assert headline is not None
    starts = [f.span[0] for f in others]
    assert starts == sorted(starts)
    assert not set(headline.figures) & set(others)


def test_untopical_figures_come_last(bracket: Dataset) -> None:
    """Figures without a topic form the last group; with no topics at all there is no headline."""
    groups = summary.figure_groups(bracket)
    assert [g.topic for g in groups] == ["Testville drills", None]
    untopical = [f._replace(topic=None) for f in bracket.figures]
    headline, others = summary.split_headline(
        summary.figure_groups(bracket._replace(figures=tuple(untopical)))
    )
    assert headline is None
    assert len(others) == len(bracket.figures)


def test_as_written_prefers_the_articles_words(bundled: Dataset) -> None:
    """'six' and 'up to 2,000' show as the article writes them."""
    written = {f.id: summary.as_written(f) for f in bundled.figures}
    assert "six" in written.values()
    assert "up to 2,000" in written.values()


def test_as_written_rebuilds_from_value_and_qualifier(bracket: Dataset) -> None:
    """Without as_written, the value gets thousands separators and its qualifier."""
    figure = bracket.figures[2]._replace(as_written=None, value=2000)
    assert summary.as_written(figure) == "up to 2,000"
    assert summary.as_written(figure._replace(qualifier=None, value=1.5)) == "1.5"


def test_line_numbers_count_from_one() -> None:
    """Offsets map to 1-based lines; a span's last line excludes its end offset."""
    text = "one\ntwo\nthree\n"
    assert summary.line_of(text, 0) == 1
    assert summary.line_of(text, 4) == 2
    assert summary.lines_of(text, (4, 8)) == (2, 2)
    assert summary.lines_of(text, (0, 13)) == (1, 3)


def test_find_passage_forgives_case_and_space(bundled: Dataset) -> None:
    """' Q2 ' finds q2."""
    assert summary.find_passage(bundled, " Q2 ").id == "q2"


def test_find_passage_unknown_id_names_the_valid_ones(bundled: Dataset) -> None:
    """An unknown id is a UsageError that says which ids exist."""
    with pytest.raises(UsageError, match=r"'q99'.*quotes q1-q5, narration n1-n3"):
        summary.find_passage(bundled, "q99")


def test_find_passage_message_is_one_clipped_line(bundled: Dataset) -> None:
    """Control characters are escaped and a huge id is clipped in the message."""
    with pytest.raises(UsageError) as caught:
        summary.find_passage(bundled, "x\n\x1b" * 5000)
    message = str(caught.value)
    assert "\n" not in message
    assert "\x1b" not in message
    assert len(message) < 200


def test_speaker_ids_are_fuzzy_and_unknown_names_suggest(bundled: Dataset) -> None:
    """One --speaker resolver for article and library: ids, or an error naming the closest."""
    assert summary.speaker_ids(bundled.speakers, "lukashenka") == {"alexander-lukashenko"}
    with pytest.raises(
        UsageError,
        match=r"no speaker in the library matches 'Makeyev'; did you mean Vladimir Makei\?",
    ):
        summary.speaker_ids(bundled.speakers, "Makeyev", where=" in the library")


def test_unknown_speaker_with_nobody_alike_lists_who_there_is(bundled: Dataset) -> None:
    """No close name: the few speakers there are are named, so the user can pick one."""
    with pytest.raises(UsageError) as caught:
        summary.speaker_ids(bundled.speakers, "putin")
    assert str(caught.value) == (
        "no speaker matches 'putin'; the speakers are Alexander Lukashenko, Vladimir Makei,"
        " Nursultan Nazarbayev, Yuri Khachaturov"
    )
    many = [s._replace(id=f"{s.id}-{n}") for n in range(3) for s in bundled.speakers]
    with pytest.raises(UsageError, match=r"list them with: cstocli speakers$"):
        summary.speaker_ids(many, "putin")


def test_sort_rows_sorts_any_speaker_rows(bundled: Dataset) -> None:
    """sort_rows orders summaries (and library totals alike) by name or largest first."""
    rows = summary.speaker_summaries(bundled)
    by_words = summary.sort_rows(list(rows), "words")
    assert [r.words for r in by_words] == sorted((r.words for r in rows), reverse=True)
    by_name = summary.sort_rows(list(rows), "name")
    assert [r.speaker.name for r in by_name] == sorted(r.speaker.name for r in rows)
    assert summary.sort_rows(list(rows), None) == rows


def test_shown_clips_and_escapes() -> None:
    """A user's value in a message: repr'd (controls escaped) and clipped."""
    assert summary.shown("a\x1bb") == "'a\\x1bb'"
    assert summary.shown("x" * 100, 10) == repr("x" * 10 + "...")


def test_passage_words_cut_out_what_stands_between_a_quote_s_pieces() -> None:
    """A quote whose pieces stand apart reads as its pieces joined by an ellipsis."""
    text = 'Bridge opens\n\n"We won," said Mayor Ana Berg-Lund, "at last."\n\nIt rained.\n'
    dataset = import_article(text, file_name="a.txt").dataset
    quote = next(p for p in dataset.passages if p.is_quote)
    assert summary.passage_words(quote) == "We won \u2026 at last."
    assert summary.offset_in_words(quote, text.index("at last")) == len("We won \u2026 ")
    narration = next(p for p in dataset.passages if not p.is_quote)
    assert summary.passage_words(narration) == narration.text


def test_passage_words_keep_a_quotation_s_paragraphs_apart_without_their_marks() -> None:
    """A quotation over paragraphs: each re-opening mark left out, a blank line between."""
    text = (
        "Harbour talks stall\r\n\r\nThe strike entered its third day.\r\n\r\n"
        '"We made three offers," said Ilse Marov, the director. "Each was better.\r\n\r\n'
        '"And each was refused."\r\n'
    )
    dataset = import_article(text, file_name="a.txt").dataset
    quote = next(p for p in dataset.passages if p.is_quote)
    words = summary.passage_words(quote)
    assert words == "We made three offers \u2026 Each was better.\n\nAnd each was refused."
    at = text.index("And each")
    assert words[summary.offset_in_words(quote, at) :].startswith("And each was refused.")
