"""The rows each command prints: the columns of its table, TSV and CSV."""

from __future__ import annotations

from cstocli.model import Dataset
from cstocli.search.engine import find
from cstocli.search.memory import build_index
from cstocli.views import columns


def test_a_unit_only_label_is_read_from_its_sentence(bundled: Dataset) -> None:
    """A figure labelled only by its unit gets the clause it stands in; others keep theirs."""
    figure = next(f for f in bundled.figures if f.unit == "aircraft")
    bare = figure._replace(label="Aircraft")
    label = columns.sentence_label(bundled.source_text, bare)
    assert label.startswith("140 aircraft took part in all the exercises")
    assert columns.sentence_label(bundled.source_text, figure) == figure.label


def test_library_figures_give_topic_line_and_article(bundled: Dataset) -> None:
    """Stats --all rows: every figure with a topic (or the headline), its line and article."""
    rows = columns.library_figures([bundled])
    keys = [c.key for c in rows.columns]
    assert keys == ["label", "as_written", "unit", "topic", "line", "article"]
    assert len(rows.rows) == len(bundled.figures)
    assert all(row[3] and isinstance(row[4], int) and row[5] == bundled.id for row in rows.rows)


def test_a_hit_line_places_its_styled_parts(bundled: Dataset) -> None:
    """The piped line's fields are tab-separated, and its offsets point at name and sentence."""
    hit = find(build_index(bundled), "impetus", limit=1).hits[0]
    line = columns.hit_line(bundled, hit, context=True, library=True)
    article, quote, name, sentence, passage = line.text.split("\t")
    assert (article, quote) == (bundled.id, hit.sentence.passage_id)
    assert line.text[slice(*line.name)] == name == "Alexander Lukashenko"
    assert sentence == hit.sentence.text
    assert line.text[line.sentence :].startswith(sentence)
    assert line.context is not None
    assert line.in_context is not None
    inside = line.context + line.in_context
    assert line.text[inside : inside + len(sentence)] == sentence
    assert passage.startswith(line.text[line.context :][: len(passage)])
    first, last = hit.highlights[0]
    assert line.text[line.sentence + first : line.sentence + last].lower() == "impetus"


def test_a_reported_hit_line_says_so(bundled: Dataset) -> None:
    """Narration that reports a speaker: "(reported) Name", with the name's offsets after it."""
    speaker = bundled.speakers[0]
    passage = next(p for p in bundled.passages if p.kind == "narration")
    reported = bundled._replace(
        passages=tuple(
            p._replace(speaker_id=speaker.id) if p.id == passage.id else p for p in bundled.passages
        )
    )
    word = passage.text.split()[3].strip(".,")
    hits = find(build_index(reported), word, limit=None).hits
    hit = next(h for h in hits if h.sentence.passage_id == passage.id)
    line = columns.hit_line(reported, hit, context=False, library=False)
    assert line.reported
    assert line.text.split("\t")[1] == f"(reported) {speaker.name}"
    assert line.text[slice(*line.name)] == speaker.name
