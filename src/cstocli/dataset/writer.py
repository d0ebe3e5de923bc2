"""The JSON form of the model: the exact inverse of ``dataset_reader.dataset_from_json``."""

from __future__ import annotations

from typing import Any

from cstocli.model import SCHEMA_VERSION, Dataset, Event, Figure, Located, Passage


def dataset_to_json(dataset: Dataset) -> dict[str, Any]:
    """The JSON form of a dataset: the exact inverse of :func:`dataset_from_json`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": dataset.id,
        "source": {
            "file": dataset.source.file,
            "title": _located_json(dataset.source.title),
            "sha256": dataset.source.sha256,
            "url": dataset.source.url,
            "publisher": dataset.source.publisher,
            "body_start": dataset.source.body_start,
            "author": dataset.source.author,
            "date": dataset.source.date,
            "retrieved": dataset.source.retrieved,
            "published_title": dataset.source.published_title,
            "original_sha256": dataset.source.original_sha256,
        },
        "event": None if dataset.event is None else event_json(dataset.event),
        "speakers": [
            {
                "id": s.id,
                "name": s.name,
                "role": s.role,
                "affiliation": s.affiliation,
                "aliases": list(s.aliases),
            }
            for s in dataset.speakers
        ],
        "passages": [_passage_json(p) for p in dataset.passages],
        "figures": [_figure_json(f) for f in dataset.figures],
        "lists": [
            {
                "id": e.id,
                "title": e.title,
                "items": [_located_json(item) for item in e.items],
                "passage_id": e.passage_id,
            }
            for e in dataset.lists
        ],
    }


def _located_json(located: Located) -> dict[str, Any]:
    return {"text": located.text, "span": list(located.span)}


def event_json(event: Event) -> dict[str, Any]:
    """The ``event`` object of a dataset; ``facts --json`` prints the same shape."""
    return {
        "name": event.name,
        "date": event.date,
        "city": event.city,
        "country": event.country,
        "organisation": event.organisation,
        "chair": event.chair,
        "participants": list(event.participants),
    }


def _passage_json(passage: Passage) -> dict[str, Any]:
    return {
        "id": passage.id,
        "kind": passage.kind,
        "speaker_id": passage.speaker_id,
        "label": None if passage.label is None else _located_json(passage.label),
        "paragraphs": [_located_json(p) for p in passage.paragraphs],
        "text": passage.text,
        "span": list(passage.span),
    }


def _figure_json(figure: Figure) -> dict[str, Any]:
    return {
        "id": figure.id,
        "label": figure.label,
        "value": figure.value,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "as_written": figure.as_written,
        "text": figure.text,
        "span": list(figure.span),
        "passage_id": figure.passage_id,
        "period": figure.period,
        "topic": figure.topic,
        "places": list(figure.places),
    }
