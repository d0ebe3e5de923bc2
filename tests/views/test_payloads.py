from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from tests.conftest import NEWS_INTERRUPTED

from cstocli import summary
from cstocli.dataset.files import load
from cstocli.importer.article import import_article, read_article
from cstocli.model import Dataset
from cstocli.search.engine import search
from cstocli.search.memory import build_index
from cstocli.views import citation, payloads

FIXTURE = Path(__file__).parents[1] / "fixtures" / "bracket-summit.json"


@pytest.fixture(scope="module")
def bracket() -> Dataset:
    """The small fixture article with non-ASCII quotes and bracketed words."""
    return load(FIXTURE)


def written(payload: object, encoding: str) -> str:
    """What ``payloads.write`` puts on a stream of this encoding."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding)
    payloads.write(payload, stream)
    stream.flush()
    return raw.getvalue().decode(encoding)


def test_write_keeps_unicode_readable_on_utf8() -> None:
    """On a UTF-8 stream the text is written as is, indented, newline-terminated."""
    text = written({"quote": "\u00c9mile\u2019s"}, "utf-8")
    assert "\u00c9mile\u2019s" in text
    assert text.endswith("}\n")
    assert json.loads(text) == {"quote": "\u00c9mile\u2019s"}


def test_write_escapes_what_ascii_cannot_hold() -> None:
    """On an ASCII stream non-ASCII is escaped, so the JSON is still exact."""
    text = written({"quote": "\u00c9mile\u2019s"}, "ascii")
    assert "\\u00c9mile\\u2019s" in text
    assert json.loads(text) == {"quote": "\u00c9mile\u2019s"}


# Exact key sets: adding a key is allowed (update these), renaming or dropping one is not.
SPEAKER_KEYS = {"id", "name", "role", "affiliation", "aliases", "quotes", "words", "quote_ids"}
HIT_KEYS = {
    "quote_id", "kind", "speaker", "speaker_id", "sentence", "text", "score", "highlights",
    "span", "line", "source",
}  # fmt: skip
FIGURE_KEYS = {
    "id", "label", "value", "unit", "qualifier", "as_written", "text", "span", "line",
    "passage_id", "period", "topic", "places",
}  # fmt: skip
PASSAGE_KEYS = {
    "quote_id", "kind", "speaker", "speaker_id", "role", "affiliation", "label", "paragraphs",
    "text", "span", "lines", "source",
}  # fmt: skip


def test_speakers_payload_keys(bracket: Dataset) -> None:
    """Each speaker object has exactly the documented keys, counts as integers."""
    payload = payloads.speakers(summary.speaker_summaries(bracket))
    assert [set(row) for row in payload] == [SPEAKER_KEYS] * len(bracket.speakers)
    assert payload[0]["quote_ids"] == ["q1"]


def test_hit_payload_is_exact_and_traceable(bracket: Dataset) -> None:
    """A hit's sentence is the source at its span; highlights index into the sentence."""
    [hit] = search(build_index(bracket), "vehicles")
    [payload] = payloads.hits(bracket, [hit])
    assert set(payload) == HIT_KEYS
    start, end = payload["span"]
    assert bracket.source_text[start:end] == payload["sentence"]
    assert [payload["sentence"][a:b] for a, b in payload["highlights"]] == ["vehicles"]
    assert payload["speaker"] == "Jane Doe"
    assert payload["line"] == 11
    assert json.loads(json.dumps(payload)) == payload  # JSON-ready as it stands


def test_narration_hit_has_no_speaker(bracket: Dataset) -> None:
    """Narration hits carry kind 'narration' and null speaker fields."""
    [hit] = search(build_index(bracket), "copies")
    payload = payloads.hit(bracket, hit)
    assert (payload["kind"], payload["speaker"], payload["speaker_id"]) == ("narration", None, None)


def test_stats_payload(bracket: Dataset) -> None:
    """Figures in source order with their number as written; topics largest first."""
    payload = payloads.stats(bracket, summary.speaker_summaries(bracket))
    assert [set(f) for f in payload["figures"]] == [FIGURE_KEYS] * len(bracket.figures)
    assert [f["as_written"] for f in payload["figures"]] == ["three", "1,500", "up to 40", "2,000"]
    assert payload["topics"] == [
        {"topic": "Testville drills", "figure_ids": ["f2", "f3"]},
        {"topic": None, "figure_ids": ["f1", "f4"]},
    ]
    assert payload["speakers"][0] == {
        "id": "jane-doe",
        "name": "Jane Doe",
        "quotes": 1,
        "words": 31,
    }


def test_passage_payload_lines_and_label(bracket: Dataset) -> None:
    """A quote carries its label, paragraphs with their lines, and its first and last line."""
    passage = summary.find_passage(bracket, "q1")
    payload = payloads.passage(bracket, passage)
    assert set(payload) == PASSAGE_KEYS
    assert payload["label"]["text"] == "Jane Doe, Chair of the Council:"
    assert [p["line"] for p in payload["paragraphs"]] == [9, 11]
    assert payload["lines"] == [9, 11]


def test_facts_payload(bracket: Dataset) -> None:
    """The event, member states and lists, items verbatim with spans."""
    payload = payloads.facts(bracket)
    assert payload["member_states"] == ["Northland", "Southland", "Eastland"]
    [areas] = payload["lists"]
    assert [item["text"] for item in areas["items"]] == ["trade", "transport", "[security]"]
    for item in areas["items"]:
        start, end = item["span"]
        assert bracket.source_text[start:end] == item["text"]


def test_facts_payload_without_an_event(bracket: Dataset) -> None:
    """No event: event is null and there are no member states."""
    payload = payloads.facts(bracket._replace(event=None))
    assert payload["event"] is None
    assert payload["member_states"] == []


def test_write_keeps_offset_pairs_on_one_line() -> None:
    """[start, end] pairs print on one line; strings that look like pairs are untouched."""
    payload = {"span": [3, 14], "highlights": [[0, 2], [5, 9]], "text": "[1,\n  2]", "t2": "[1, 2]"}
    text = written(payload, "utf-8")
    assert '"span": [3, 14]' in text
    assert "[0, 2]" in text
    assert "[5, 9]" in text
    assert json.loads(text) == payload


def test_library_hits_add_the_article_to_the_hit_keys(bracket: Dataset) -> None:
    """Library hits are the one-article hit objects plus ``article``."""
    found = search(build_index(bracket), "drills")
    (item,) = payloads.library_hits({bracket.id: bracket}, found[:1])
    assert item == {**payloads.hit(bracket, found[0]), "article": bracket.id}


def test_passage_names_its_article_only_from_the_library(bracket: Dataset) -> None:
    """``show --json`` gains ``article`` for a library article, nothing otherwise."""
    passage = bracket.passages[1]
    assert "article" not in payloads.passage(bracket, passage)
    assert payloads.passage(bracket, passage, article=True)["article"] == bracket.id


def test_figures_keep_their_key_order(bracket: Dataset) -> None:
    """A figure's keys stay in the documented order, ``line`` after ``span``."""
    keys = list(payloads.figure(bracket, bracket.figures[0]))
    assert keys[keys.index("span") + 1] == "line"


def test_library_stats_and_facts_name_articles(bracket: Dataset) -> None:
    """Figures of stats --all carry ``article`` and a null ``line``; facts --all objects too."""
    stats = payloads.library_stats([(bracket.id, f) for f in bracket.figures], [])
    assert {f["article"] for f in stats["figures"]} == {bracket.id}
    assert {f["line"] for f in stats["figures"]} == {None}
    (facts,) = payloads.library_facts([bracket])
    assert facts == {"article": bracket.id, **payloads.facts(bracket)}


def test_hits_and_passages_carry_their_source(bundled: Dataset) -> None:
    """Search hits, show, stats and facts --json say where the article was published."""
    expected = citation.source_json(bundled)
    assert expected["url"] == (
        "http://en.ctv.by/en/1512124063-belarus-president-hopes-for-new-impetus-to-csto-development"
    )
    for hit in search(build_index(bundled), "security"):
        assert payloads.hit(bundled, hit)["source"] == expected
    passage = bundled.passage("q3")
    assert passage is not None
    assert payloads.passage(bundled, passage)["source"] == expected
    assert payloads.stats(bundled, summary.speaker_summaries(bundled))["source"] == expected
    assert payloads.facts(bundled)["source"] == expected


def test_show_json_text_is_the_quoted_words_and_paragraphs_the_pieces() -> None:
    """Show --json: "text" leaves out "said Tomas Berger"; "paragraphs" keep each piece's span."""
    article = read_article(NEWS_INTERRUPTED)
    dataset = import_article(article, file_name=NEWS_INTERRUPTED.name).dataset
    shown = payloads.passage(dataset, dataset.passages[1])
    assert shown["quote_id"] == "q1"
    assert "said" not in shown["text"]
    assert shown["text"] == " \u2026 ".join(p["text"] for p in shown["paragraphs"])
    for piece in shown["paragraphs"]:
        start, end = piece["span"]
        assert dataset.source_text[start:end] == piece["text"]
