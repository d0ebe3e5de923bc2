"""The ``--json`` payloads: plain dicts and lists with stable keys that scripts rely on.

Keys are only ever added, never renamed or removed. Every piece of article text is
verbatim, with its ``span`` (``[start, end]`` character offsets into the source file).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, TextIO

from cstocli import summary as queries
from cstocli.dataset.writer import event_json
from cstocli.model import Dataset, Enumeration, Event, Figure, Located, Passage, Speaker
from cstocli.views.safe import json_text

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from cstocli.importer.batch import FileOutcome
    from cstocli.library import ArticleSummary, SpeakerTotal
    from cstocli.search.engine import Hit

# indent=2 puts each number of a [start, end] pair on its own line; put pairs back on one.
# The pattern needs real newlines, which JSON strings cannot hold, so text is never touched.
_PAIR = re.compile(r"\[\n\s+(-?\d+),\n\s+(-?\d+)\n\s*\]")

JSON: Any = Any
"""A JSON-ready value (dict, list, str, number, bool or None)."""


def write(payload: JSON, stream: TextIO) -> None:
    """Write ``payload`` as indented JSON and a newline.

    Non-ASCII text stays readable on UTF-8 streams and is escaped on any other, so the
    output is exact JSON even under ``PYTHONIOENCODING=ascii``. C0 and C1 controls are
    always escaped (``safe.json_text``): a terminal obeys them even inside a string.
    """
    text = json.dumps(payload, indent=2, ensure_ascii=_ascii_only(stream))
    stream.write(json_text(_PAIR.sub(r"[\1, \2]", text)) + "\n")


def write_lines(payload: JSON, stream: TextIO) -> None:
    """Write ``payload`` as JSON Lines: each item of an array on one line, else one line.

    An empty array writes nothing, so ``| wc -l`` counts the records.
    """
    items = payload if isinstance(payload, list) else [payload]
    ascii_only = _ascii_only(stream)
    for item in items:
        stream.write(json_text(json.dumps(item, ensure_ascii=ascii_only)) + "\n")


def _ascii_only(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    return not encoding.startswith("utf")


def speaker(value: Speaker) -> JSON:
    """One speaker's identity."""
    return {
        "id": value.id,
        "name": value.name,
        "role": value.role,
        "affiliation": value.affiliation,
        "aliases": list(value.aliases),
    }


def speakers(rows: list[queries.SpeakerSummary]) -> JSON:
    """``cstocli speakers --json``: an array, one object per speaker, in display order."""
    return [
        {
            **speaker(row.speaker),
            "quotes": row.quotes,
            "words": row.words,
            "quote_ids": list(row.quote_ids),
        }
        for row in rows
    ]


def figure(dataset: Dataset, value: Figure) -> JSON:
    """One figure, with the number as the article writes it and its source line."""
    return _figure(value, queries.line_of(dataset.source_text, value.span[0]))


def _figure(value: Figure, line: int | None) -> dict[str, Any]:
    return {
        "id": value.id,
        "label": value.label,
        "value": value.value,
        "unit": value.unit,
        "qualifier": value.qualifier,
        "as_written": queries.as_written(value),
        "text": value.text,
        "span": list(value.span),
        "line": line,
        "passage_id": value.passage_id,
        "period": value.period,
        "topic": value.topic,
        "places": list(value.places),
    }


def stats(dataset: Dataset, rows: list[queries.SpeakerSummary]) -> JSON:
    """``cstocli stats --json``: figures in source order, their topics, speaker counts."""
    return {
        "figures": [figure(dataset, f) for f in dataset.figures],
        "topics": [
            {"topic": group.topic, "figure_ids": [f.id for f in group.figures]}
            for group in queries.figure_groups(dataset)
        ],
        "speakers": [
            {
                "id": row.speaker.id,
                "name": row.speaker.name,
                "quotes": row.quotes,
                "words": row.words,
            }
            for row in rows
        ],
        "source": _source(dataset),
    }


def located(value: Located, dataset: Dataset) -> JSON:
    """A verbatim piece of text with its span and first source line."""
    return {
        "text": value.text,
        "span": list(value.span),
        "line": queries.line_of(dataset.source_text, value.span[0]),
    }


def passage(dataset: Dataset, value: Passage, *, article: bool = False) -> JSON:
    """``cstocli show --json``: one quote or narration passage in full.

    ``article``: it comes from the library, so it carries ``article`` (the dataset's id).
    """
    first, last = queries.lines_of(dataset.source_text, value.span)
    who = None if value.speaker_id is None else dataset.speaker(value.speaker_id)
    payload = {
        "quote_id": value.id,
        "kind": value.kind,
        "speaker": None if who is None else who.name,
        "speaker_id": value.speaker_id,
        "role": None if who is None else who.role,
        "affiliation": None if who is None else who.affiliation,
        "label": None if value.label is None else located(value.label, dataset),
        "paragraphs": [located(p, dataset) for p in value.paragraphs],
        "text": queries.passage_words(value),
        "span": list(value.span),
        "lines": [first, last],
        "source": _source(dataset),
    }
    return {**payload, "article": dataset.id} if article else payload


def event(value: Event | None) -> JSON:
    """The event reported, or None."""
    # One shape of an event: the dataset file's own (``dataset.writer``).
    return None if value is None else event_json(value)


def enumeration(dataset: Dataset, value: Enumeration) -> JSON:
    """One list the article enumerates, items verbatim."""
    return {
        "id": value.id,
        "title": value.title,
        "passage_id": value.passage_id,
        "items": [located(item, dataset) for item in value.items],
    }


def facts(dataset: Dataset) -> JSON:
    """``cstocli facts --json``: the event, its member states and the article's lists."""
    return {
        "event": event(dataset.event),
        "member_states": [] if dataset.event is None else list(dataset.event.participants),
        "lists": [enumeration(dataset, e) for e in dataset.lists],
        "source": _source(dataset),
    }


def hit(dataset: Dataset, value: Hit) -> JSON:
    """One search hit: the sentence, its passage and speaker, score and highlights."""
    sentence = value.sentence
    found = dataset.passage(sentence.passage_id)
    who = None if sentence.speaker_id is None else dataset.speaker(sentence.speaker_id)
    return {
        "quote_id": sentence.passage_id,
        # Narration may name the speaker it reports: only the passage's kind says "quote".
        "kind": "quote" if found is not None and found.is_quote else "narration",
        "speaker": None if who is None else who.name,
        "speaker_id": sentence.speaker_id,
        "sentence": sentence.text,
        "text": "" if found is None else queries.passage_words(found),
        "score": round(value.score, 2),
        "highlights": [list(h) for h in value.highlights],
        "span": list(sentence.span),
        "line": queries.line_of(dataset.source_text, sentence.span[0]),
        "source": _source(dataset),
    }


def _source(dataset: Dataset) -> JSON:
    """Where the article was published (``views.citation.source_json``)."""
    from cstocli.views.citation import source_json  # noqa: PLC0415 - not for speakers

    return source_json(dataset)


def hits(dataset: Dataset, values: list[Hit]) -> JSON:
    """``cstocli search --json``: an array of hits, best first."""
    return [hit(dataset, h) for h in values]


# -- the library (--article, --all): the same shapes, plus which article ----------------------


def library_hits(datasets: Mapping[str, Dataset], values: list[Hit]) -> JSON:
    """``search --json`` over the library: ``hits``' keys plus ``article`` (its id)."""
    return [
        {**hit(datasets[h.sentence.article_id], h), "article": h.sentence.article_id}
        for h in values
    ]


def speaker_total(value: SpeakerTotal) -> JSON:
    """One speaker across the library: ``speakers``' keys, ``articles`` for ``quote_ids``."""
    return {
        **speaker(value.speaker),
        "quotes": value.quotes,
        "words": value.words,
        "articles": value.articles,
        "article": value.article,
    }


def speaker_totals(values: list[SpeakerTotal]) -> JSON:
    """``cstocli speakers --all --json``: an array, one object per speaker."""
    return [speaker_total(v) for v in values]


def library_stats(figures: list[tuple[str, Figure]], totals: list[SpeakerTotal]) -> JSON:
    """``cstocli stats --all --json``: every figure with its ``article``, speaker totals.

    ``line`` is null: lines would need every article's source text loaded.
    """
    return {
        "figures": [{**_figure(f, None), "article": a} for a, f in figures],
        "speakers": [
            {
                "id": t.speaker.id,
                "name": t.speaker.name,
                "quotes": t.quotes,
                "words": t.words,
                "articles": t.articles,
            }
            for t in totals
        ],
    }


def library_facts(datasets: list[Dataset]) -> JSON:
    """``cstocli facts --all --json``: an array, ``facts``' object per article plus ``article``."""
    return [{"article": d.id, **facts(d)} for d in datasets]


# -- the library commands (import, library list|show|remove|export) ---------------------------


def import_outcome(outcome: FileOutcome) -> JSON:
    """One file of ``cstocli import --json``.

    With ``--review``, ``review`` holds the rows (each with its own ``warnings``) and the
    top-level ``warnings`` are those outside any block, so each warning appears once.
    """
    article = outcome.article
    payload = {
        "file": outcome.file,
        "status": outcome.status,
        "id": article.id if article else None,
        "title": article.title if article else None,
        "speakers": article.speakers if article else None,
        "quotes": article.quotes if article else None,
        "figures": article.figures if article else None,
        "warnings": [{"line": line, "message": message} for line, message in outcome.warnings],
        "error": outcome.error,
    }
    if outcome.review is None:
        return payload
    return {**payload, "headline": outcome.headline, "review": outcome.review}


def article_summary(value: ArticleSummary) -> JSON:
    """One stored article, as ``cstocli library list --json`` lists it (counts are numbers)."""
    return {
        "id": value.id,
        "title": value.title,
        "file": value.file,
        "sha256": value.sha256,
        "imported_at": value.imported_at,
        "speakers": value.speakers,
        "quotes": value.quotes,
        "figures": value.figures,
        "sentences": value.sentences,
    }


def library_article(
    summary: ArticleSummary, dataset: Dataset, rows: list[queries.SpeakerSummary]
) -> JSON:
    """``cstocli library show --json``: the summary, the event, and ``speaker_list``.

    ``speakers`` is the count, as in ``library list``; ``speaker_list`` gives the speakers
    as ``cstocli speakers --json`` does.
    """
    return {
        **article_summary(summary),
        "event": event(dataset.event),
        "speaker_list": speakers(rows),
    }


def removed(article_ids: list[str]) -> JSON:
    """``cstocli library remove --json``."""
    return {"removed": list(article_ids)}


def exported(article_id: str, dataset_file: Path, source_file: Path) -> JSON:
    """``cstocli library export --json``: the files written."""
    return {"id": article_id, "dataset": str(dataset_file), "source": str(source_file)}
