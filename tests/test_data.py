"""The bundled summit dataset: complete, exact, traceable to the article, and schema-valid."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cstocli.dataset.files import bundled_path, load
from cstocli.errors import DatasetError
from cstocli.model import Dataset, Span

REPO = Path(__file__).resolve().parent.parent

SHARED_SOURCE = REPO.parent / "shared" / "source" / "csto-minsk-2017.txt"


def every_span(dataset: Dataset) -> list[tuple[str, str, Span]]:
    """Every (what, text, span) the dataset claims is verbatim source text."""
    items = [("title", dataset.source.title.text, dataset.source.title.span)]
    for passage in dataset.passages:
        items.append((passage.id, passage.text, passage.span))
        if passage.label is not None:
            items.append((f"{passage.id} label", passage.label.text, passage.label.span))
        items += [(f"{passage.id} paragraph", p.text, p.span) for p in passage.paragraphs]
    items += [(figure.id, figure.text, figure.span) for figure in dataset.figures]
    for enumeration in dataset.lists:
        items += [(enumeration.id, item.text, item.span) for item in enumeration.items]
    return items


def test_source_copied_unchanged() -> None:
    """data/ holds the article byte for byte as the shared source has it."""
    if not SHARED_SOURCE.exists():
        pytest.skip("the shared source folder is not beside this checkout")
    assert (REPO / "data" / SHARED_SOURCE.name).read_bytes() == SHARED_SOURCE.read_bytes()


def test_source_hash_recorded(bundled: Dataset) -> None:
    """The dataset records the SHA-256 of the very file its spans point into."""
    source = bundled_path().parent / bundled.source.file
    assert hashlib.sha256(source.read_bytes()).hexdigest() == bundled.source.sha256


def test_every_span_is_verbatim(bundled: Dataset) -> None:
    """source[start:end] is exactly the stored text, for every item of every kind."""
    items = every_span(bundled)
    assert len(items) > 40
    for what, text, (start, end) in items:
        assert bundled.source_text[start:end] == text, what


def test_passages_cover_the_whole_body(bundled: Dataset) -> None:
    """Labels and passages together account for every non-blank character of the body."""
    covered = bytearray(len(bundled.source_text))
    for passage in bundled.passages:
        spans = [passage.span] + ([passage.label.span] if passage.label else [])
        for start, end in spans:
            covered[start:end] = b"\x01" * (end - start)
    body = range(bundled.source.body_start, len(bundled.source_text))
    missed = [i for i in body if not covered[i] and not bundled.source_text[i].isspace()]
    assert missed == [], bundled.source_text[missed[0] : missed[0] + 40] if missed else ""


def test_head_is_only_the_headline(bundled: Dataset) -> None:
    """Before the body there is nothing but the headline, printed twice."""
    head = bundled.source_text[: bundled.source.body_start].split()
    title = bundled.source.title.text.split()
    assert head == title + title


def test_paragraphs_are_the_articles_paragraphs(bundled: Dataset) -> None:
    """Passage paragraphs are exactly the article's blank-line-separated paragraphs."""
    body = bundled.source_text[bundled.source.body_start :]
    blocks = [b.strip() for b in re.split(r"\n\s*\n", body) if b.strip()]
    ours = []
    for passage in bundled.passages:
        first, *rest = [p.text for p in passage.paragraphs]
        ours.append(f"{passage.label.text}\n{first}" if passage.label else first)
        ours += rest
    assert ours == blocks


def test_event(bundled: Dataset) -> None:
    """The event is the CSTO Collective Security Council session, Minsk, 30 November 2017."""
    event = bundled.event
    assert event is not None
    assert (event.date, event.city, event.country, event.chair) == (
        "2017-11-30",
        "Minsk",
        "Belarus",
        "Belarus",
    )
    assert "Collective Security Council" in event.name
    assert event.participants == (
        "Belarus",
        "Armenia",
        "Kazakhstan",
        "Kyrgyzstan",
        "Russia",
        "Tajikistan",
    )


def test_speakers_with_roles_as_written(bundled: Dataset) -> None:
    """Every labelled speaker is present with the role exactly as the label writes it."""
    for passage in bundled.passages:
        if passage.label is None:
            continue
        speaker = bundled.speaker(passage.speaker_id or "")
        label = passage.label.text.removesuffix(":")
        name, _, role = label.partition(", ")
        assert name == speaker.name
        assert not role or role == speaker.role
    assert [s.name for s in bundled.speakers] == [
        "Alexander Lukashenko",
        "Vladimir Makei",
        "Nursultan Nazarbayev",
        "Yuri Khachaturov",
    ]


def test_narration_never_in_a_speakers_mouth(bundled: Dataset) -> None:
    """The reporter's paragraphs (third person about Lukashenko, the news) are narration."""
    narration = [p for p in bundled.passages if p.kind == "narration"]
    assert [p.text.split()[:3] for p in narration] == [
        ["An", "open", "and"],
        ["The", "leaders", "of"],
        ["One", "of", "the"],
    ]
    assert all(p.speaker_id is None and p.label is None for p in narration)
    quotes = [p for p in bundled.passages if p.kind == "quote"]
    assert all(p.label is not None for p in quotes), "every quote opens with its label"


@pytest.mark.parametrize(
    ("as_written", "value", "qualifier", "unit"),
    [
        ("six", 6, None, "states"),
        ("about 20", 20, "about", "major terrorist acts"),
        ("hundreds", None, None, "victims"),
        ("five", 5, None, "areas"),
        ("13,000", 13000, None, "people"),
        ("up to 2,000", 2000, "up to", "units of equipment"),
        ("140", 140, None, "aircraft"),
    ],
)
def test_figures(
    bundled: Dataset, as_written: str, value: int | None, qualifier: str | None, unit: str
) -> None:
    """Each figure of the article is structured with value, qualifier and unit."""
    matching = [f for f in bundled.figures if f.as_written == as_written]
    assert len(matching) == 1
    figure = matching[0]
    assert (figure.value, figure.qualifier, figure.unit) == (value, qualifier, unit)
    assert figure.text.startswith(as_written)
    assert figure.text.endswith(unit)


def test_exercise_figures_know_period_and_places(bundled: Dataset) -> None:
    """The 2017 exercise figures carry their period, topic and the four host countries."""
    exercise = [f for f in bundled.figures if f.topic == "2017 CSTO exercises"]
    assert [f.as_written for f in exercise] == ["13,000", "up to 2,000", "140"]
    for figure in exercise:
        assert figure.period == "2017"
        assert figure.places == ("Russia", "Armenia", "Kazakhstan", "Tajikistan")
        assert all(place in bundled.source_text[figure.span[1] :] for place in figure.places)


def test_figures_in_source_order(bundled: Dataset) -> None:
    """Figure ids follow the order of the article."""
    starts = [f.span[0] for f in bundled.figures]
    assert starts == sorted(starts)
    assert [f.id for f in bundled.figures] == [f"f{i}" for i in range(1, len(starts) + 1)]


def test_lists(bundled: Dataset) -> None:
    """The five priority areas and three documents adopted are enumerated in order."""
    lists = {e.id: e for e in bundled.lists}
    areas = lists["priority-areas"].items
    assert len(areas) == 5
    for ordinal, area in zip(("First", "Second", "Third", "Fourth", "Fifth"), areas, strict=True):
        assert bundled.source_text[: area.span[0]].endswith(f"{ordinal}: ")
    documents = [item.text for item in lists["documents-adopted"].items]
    assert documents == [
        "a joint statement on the situation in Syria",
        "an agreement on cooperation in the field of information security",
        "a decision on improving measures to counter illegal migration",
    ]
    assert [i.text for i in lists["member-states"].items] == list(
        bundled.event.participants if bundled.event else ()
    )


def test_bundled_dataset_matches_schema(bundled_json: dict[str, Any]) -> None:
    """The published JSON Schema is valid and the bundled dataset validates against it."""
    schema = json.loads((REPO / "data" / "dataset.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(bundled_json)


@pytest.mark.parametrize(
    "change",
    [
        lambda o: o["speakers"][0].pop("name"),
        lambda o: o.update(schema_version=2),
        lambda o: o["figures"][0].update(value="six"),
        lambda o: o["passages"][0].update(kind="aside"),
        lambda o: o["passages"][0].update(extra=1),
    ],
)
def test_schema_rejects_what_loader_rejects(
    bundled_json: dict[str, Any], change: Any, dataset_copy: Callable[[dict[str, Any]], Path]
) -> None:
    """Schema and loader agree: a file the loader refuses, the schema refuses too."""
    schema = json.loads((REPO / "data" / "dataset.schema.json").read_text(encoding="utf-8"))
    obj = json.loads(json.dumps(bundled_json))
    change(obj)
    with pytest.raises(DatasetError):
        load(dataset_copy(obj))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(obj, schema)
