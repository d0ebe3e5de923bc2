"""Turn untrusted JSON into the model, checking every field and every span on the way.

Validation is complete and written by hand rather than with a JSON Schema library: it must
also check what a schema cannot (every span against the source text, ids that refer to
each other), each problem must come out as one line naming the JSON path, and the
``jsonschema`` package would add more start-up time than a whole command's budget.
``data/dataset.schema.json`` is the published contract; the tests keep the two in step.
"""

from __future__ import annotations

import itertools
import json
from pathlib import PurePath
from typing import Any

from cstocli.dataset.validation import JsonChecker
from cstocli.errors import DatasetError
from cstocli.ids import id_problem, is_article_id
from cstocli.model import (
    SCHEMA_VERSION,
    Dataset,
    Enumeration,
    Event,
    Figure,
    Located,
    Passage,
    Source,
    Span,
    Speaker,
)

_PROVENANCE = ("author", "date", "retrieved", "published_title", "original_sha256")
"""Optional ``source`` fields added after schema 1 shipped; files without them still load."""


def event_from_json(obj: Any, *, file: str) -> Event:
    """Build the ``Event`` of a dataset's (or a corrections file's) ``$.event`` object."""
    return _Reader(file).event(obj)


def dataset_from_json(obj: Any, source_text: str, *, file: str) -> Dataset:
    """Build a Dataset from parsed JSON, checking every field and span against the source."""
    return _Reader(file, source_text).dataset(obj)


class _Reader(JsonChecker):
    """Turns untrusted JSON into model objects; every failure names its JSON path."""

    def __init__(self, file: str, source_text: str = "") -> None:
        super().__init__(file)
        self.source_text = source_text

    def unique_id(self, value: Any, where: str, seen: set[str]) -> str:
        ident = self.string(value, where)
        if ident in seen:
            raise self.fail(where, f"duplicate id {ident!r}")
        seen.add(ident)
        return ident

    def article_id(self, value: Any) -> str:
        ident = self.string(value, "$.id")
        if not is_article_id(ident):
            raise self.fail("$.id", id_problem(ident))
        return ident

    def schema_version(self, root: dict[str, Any]) -> None:
        version = self.field(root, "$", "schema_version")
        if version != SCHEMA_VERSION or isinstance(version, bool):
            raise self.fail(
                "$.schema_version",
                f"unsupported schema version {_clip(json.dumps(version))} "
                f"(this cstocli reads version {SCHEMA_VERSION})",
            )

    # -- spans against the source --------------------------------------------------------

    def span(self, value: Any, where: str) -> Span:
        pair = self.typed(value, where, list, "an array [start, end]")
        if len(pair) != 2:
            raise self.fail(where, f"expected [start, end], got {len(pair)} numbers")
        start = self.typed(pair[0], f"{where}[0]", int, "an integer")
        end = self.typed(pair[1], f"{where}[1]", int, "an integer")
        if start > end:
            raise self.fail(where, f"[{start}, {end}] is reversed: start comes after end")
        if not 0 <= start <= end <= len(self.source_text):
            raise self.fail(
                where,
                f"[{start}, {end}] lies outside the source text "
                f"({len(self.source_text)} characters)",
            )
        return (start, end)

    def verbatim(self, obj: dict[str, Any], where: str) -> tuple[str, Span]:
        """Read a ``text`` and its ``span`` and prove the one is the source at the other."""
        text = self.string(self.field(obj, where, "text"), f"{where}.text", verbatim=True)
        start, end = self.span(self.field(obj, where, "span"), f"{where}.span")
        actual = self.source_text[start:end]
        if actual != text:
            raise self.fail(
                f"{where}.text",
                f"does not match the source at [{start}, {end}]: the source has {_clip(actual)}",
            )
        return text, (start, end)

    def located(self, value: Any, where: str) -> Located:
        obj = self.object(value, where, ("text", "span"))
        text, span = self.verbatim(obj, where)
        return Located(text, span)

    def within(self, inner: Span, outer: Span, where: str, outer_name: str) -> None:
        if not outer[0] <= inner[0] <= inner[1] <= outer[1]:
            raise self.fail(where, f"{list(inner)} lies outside its {outer_name} {list(outer)}")

    # -- the model ------------------------------------------------------------------------

    def dataset(self, value: Any) -> Dataset:
        fields = ("schema_version", "id", "source", "event", "speakers", "passages")
        root = self.object(value, "$", (*fields, "figures", "lists"))
        self.schema_version(root)
        speakers = self.speakers(self.array(root, "$", "speakers"))
        known_speakers = {s.id for s in speakers}
        passages = self.passages(self.array(root, "$", "passages"), known_speakers)
        spans = {p.id: p.span for p in passages}
        event = root.get("event")
        return Dataset(
            id=self.article_id(self.field(root, "$", "id")),
            source=self.source(self.field(root, "$", "source")),
            source_text=self.source_text,
            event=None if event is None else self.event(event),
            speakers=speakers,
            passages=passages,
            figures=self.figures(root.get("figures", []), spans),
            lists=self.lists(root.get("lists", []), spans),
        )

    def source(self, value: Any) -> Source:
        fields = ("file", "title", "sha256", "url", "publisher", "body_start", *_PROVENANCE)
        obj = self.object(value, "$.source", fields)
        sha = self.string(self.field(obj, "$.source", "sha256"), "$.source.sha256")
        if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            raise self.fail("$.source.sha256", "expected 64 lowercase hex digits")
        body_start = self.typed(
            self.field(obj, "$.source", "body_start"), "$.source.body_start", int, "an integer"
        )
        if not 0 <= body_start <= len(self.source_text):
            raise self.fail("$.source.body_start", "lies outside the source text")
        return Source(
            file=self.string(self.field(obj, "$.source", "file"), "$.source.file"),
            title=self.located(self.field(obj, "$.source", "title"), "$.source.title"),
            sha256=sha,
            url=self.optional_string(obj, "$.source", "url"),
            publisher=self.optional_string(obj, "$.source", "publisher"),
            body_start=body_start,
            author=self.optional_string(obj, "$.source", "author"),
            date=self.date(obj, "$.source", "date"),
            retrieved=self.date(obj, "$.source", "retrieved"),
            published_title=self.optional_string(obj, "$.source", "published_title"),
            original_sha256=self.optional_sha256(obj, "$.source", "original_sha256"),
        )

    def optional_sha256(self, obj: dict[str, Any], where: str, name: str) -> str | None:
        value = self.optional_string(obj, where, name)
        if value is not None and (
            len(value) != 64 or any(c not in "0123456789abcdef" for c in value)
        ):
            raise self.fail(f"{where}.{name}", "expected 64 lowercase hex digits")
        return value

    def event(self, value: Any) -> Event:
        where = "$.event"
        fields = ("name", "date", "city", "country", "organisation", "chair", "participants")
        obj = self.object(value, where, fields)
        return Event(
            name=self.string(self.field(obj, where, "name"), f"{where}.name"),
            date=self.date(obj, where, "date"),
            city=self.optional_string(obj, where, "city"),
            country=self.optional_string(obj, where, "country"),
            organisation=self.optional_string(obj, where, "organisation"),
            chair=self.optional_string(obj, where, "chair"),
            participants=self.strings(obj, where, "participants"),
        )

    def speakers(self, values: list[Any]) -> tuple[Speaker, ...]:
        seen: set[str] = set()
        speakers = []
        for i, value in enumerate(values):
            where = f"$.speakers[{i}]"
            obj = self.object(value, where, ("id", "name", "role", "affiliation", "aliases"))
            speakers.append(
                Speaker(
                    id=self.unique_id(self.field(obj, where, "id"), f"{where}.id", seen),
                    name=self.string(self.field(obj, where, "name"), f"{where}.name"),
                    role=self.optional_string(obj, where, "role"),
                    affiliation=self.optional_string(obj, where, "affiliation"),
                    aliases=self.strings(obj, where, "aliases"),
                )
            )
        return tuple(speakers)

    def passages(self, values: list[Any], speakers: set[str]) -> tuple[Passage, ...]:
        seen: set[str] = set()
        passages = [
            self.passage(v, f"$.passages[{i}]", speakers, seen) for i, v in enumerate(values)
        ]
        for i, (before, after) in enumerate(itertools.pairwise(passages), start=1):
            if after.span[0] < before.span[1]:
                raise self.fail(
                    f"$.passages[{i}].span", "overlaps or precedes the passage before it"
                )
        return tuple(passages)

    def passage(self, value: Any, where: str, speakers: set[str], seen: set[str]) -> Passage:
        fields = ("id", "kind", "speaker_id", "label", "paragraphs", "text", "span")
        obj = self.object(value, where, fields)
        kind = self.field(obj, where, "kind")
        if kind not in ("quote", "narration"):
            raise self.fail(f"{where}.kind", f"expected 'quote' or 'narration', got {_clip(kind)}")
        speaker_id = self.optional_string(obj, where, "speaker_id")
        if kind == "quote" and speaker_id is None:
            raise self.fail(f"{where}.speaker_id", "a quote must name its speaker")
        if speaker_id is not None and speaker_id not in speakers:
            raise self.fail(f"{where}.speaker_id", f"unknown speaker {speaker_id!r}")
        text, span = self.verbatim(obj, where)
        label = obj.get("label")
        paragraphs = self.array(obj, where, "paragraphs")
        if not paragraphs:
            raise self.fail(f"{where}.paragraphs", "a passage needs at least one paragraph")
        parts = tuple(self.located(p, f"{where}.paragraphs[{i}]") for i, p in enumerate(paragraphs))
        for i, part in enumerate(parts):
            self.within(part.span, span, f"{where}.paragraphs[{i}].span", "passage")
        return Passage(
            id=self.unique_id(self.field(obj, where, "id"), f"{where}.id", seen),
            kind="quote" if kind == "quote" else "narration",
            speaker_id=speaker_id,
            label=None if label is None else self.located(label, f"{where}.label"),
            paragraphs=parts,
            text=text,
            span=span,
        )

    def figures(self, value: Any, passages: dict[str, Span]) -> tuple[Figure, ...]:
        values = self.typed(value, "$.figures", list, "an array")
        seen: set[str] = set()
        return tuple(
            self.figure(v, f"$.figures[{i}]", passages, seen) for i, v in enumerate(values)
        )

    def figure(self, value: Any, where: str, passages: dict[str, Span], seen: set[str]) -> Figure:
        fields = (
            "id", "label", "value", "unit", "qualifier", "text", "span", "passage_id",
            "period", "topic", "places", "as_written",
        )  # fmt: skip
        obj = self.object(value, where, fields)
        text, span = self.verbatim(obj, where)
        passage_id = self.passage_ref(obj, where, passages, span)
        number = self.number(self.field(obj, where, "value"), f"{where}.value", nullable=True)
        as_written = obj.get("as_written")  # quoted from the source: a line break may be in it
        if as_written is not None:
            as_written = self.string(as_written, f"{where}.as_written", verbatim=True)
        if as_written is not None and as_written not in text:
            raise self.fail(f"{where}.as_written", f"{as_written!r} is not part of {text!r}")
        return Figure(
            id=self.unique_id(self.field(obj, where, "id"), f"{where}.id", seen),
            label=self.string(self.field(obj, where, "label"), f"{where}.label"),
            value=number,
            unit=self.string(self.field(obj, where, "unit"), f"{where}.unit"),
            qualifier=self.optional_string(obj, where, "qualifier"),
            text=text,
            span=span,
            passage_id=passage_id,
            period=self.optional_string(obj, where, "period"),
            topic=self.optional_string(obj, where, "topic"),
            places=self.strings(obj, where, "places"),
            as_written=as_written,
        )

    def passage_ref(
        self, obj: dict[str, Any], where: str, passages: dict[str, Span], span: Span
    ) -> str:
        passage_id = self.string(self.field(obj, where, "passage_id"), f"{where}.passage_id")
        if passage_id not in passages:
            raise self.fail(f"{where}.passage_id", f"unknown passage {passage_id!r}")
        self.within(span, passages[passage_id], f"{where}.span", f"passage {passage_id}")
        return passage_id

    def lists(self, value: Any, passages: dict[str, Span]) -> tuple[Enumeration, ...]:
        values = self.typed(value, "$.lists", list, "an array")
        seen: set[str] = set()
        result = []
        for i, item in enumerate(values):
            where = f"$.lists[{i}]"
            obj = self.object(item, where, ("id", "title", "items", "passage_id"))
            items = tuple(
                self.located(v, f"{where}.items[{j}]")
                for j, v in enumerate(self.array(obj, where, "items"))
            )
            passage_id = None
            if obj.get("passage_id") is not None:
                passage_id = self.string(obj["passage_id"], f"{where}.passage_id")
                if passage_id not in passages:
                    raise self.fail(f"{where}.passage_id", f"unknown passage {passage_id!r}")
                for j, entry in enumerate(items):
                    span = passages[passage_id]
                    self.within(
                        entry.span, span, f"{where}.items[{j}].span", f"passage {passage_id}"
                    )
            result.append(
                Enumeration(
                    id=self.unique_id(self.field(obj, where, "id"), f"{where}.id", seen),
                    title=self.string(self.field(obj, where, "title"), f"{where}.title"),
                    items=items,
                    passage_id=passage_id,
                )
            )
        return tuple(result)


def _clip(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def source_file_name(obj: Any, *, file: str) -> str:
    """The ``source.file`` a dataset names, checked before the source is read."""
    reader = _Reader(file)
    root = reader.object(obj, "$")
    reader.schema_version(root)
    source = reader.object(reader.field(root, "$", "source"), "$.source")
    name = reader.string(reader.field(source, "$.source", "file"), "$.source.file")
    if PurePath(name).name != name:
        raise DatasetError(file, "$.source.file", "must be a file name beside the dataset")
    return name
