"""Corrections: what a person knows about an article that its layout cannot say.

A corrections file is JSON, applied on top of ``import_article``. Every key is optional
except ``corrections_version``; ``why`` may annotate any entry and is not read::

    {
      "corrections_version": 1,
      "article": "csto-minsk-2017.txt",        # refuse to apply to another file name
      "sha256": "6e86...",                      # refuse to apply to other contents
      "dataset": {"id": "...", "url": "...", "publisher": "..."},
      "paragraphs": [                           # who says an unlabelled paragraph
        {"starts": "One of the top-level", "as": "narration", "why": "..."},
        {"starts": "Among the documents", "as": "speech"}
      ],
      "speakers": {                             # keyed by the imported speaker id
        "alexander-lukashenko": {"role": "...", "affiliation": "Belarus",
                                 "aliases": ["Lukashenka"]},
        "interviewee": {"name": "Jane Doe"},    # renaming changes the id to the new slug
        "a-lukashenko": {"merge_into": "alexander-lukashenko"}
      },
      "figures": [
        {"at": "about 20", "label": "...", "topic": "...", "period": "2017",
         "places": ["Russia"], "unit": "...", "value": 20, "qualifier": "about",
         "as_written": "about 20", "text": "about 20 major terrorist acts"},
        {"at": "over 200", "drop": true},
        {"add": "a dozen drones", "label": "...", "value": 12, "unit": "drones"}
      ],
      "lists": [
        {"id": "member-states", "title": "...", "within": "The leaders of six states",
         "items": ["Belarus", "Armenia"]}
      ],
      "event": {"name": "...", "date": "2017-11-30", "city": "Minsk", "country": "Belarus",
                "organisation": "...", "chair": "...", "participants": ["..."]}
    }

Text anchors, not line numbers or ids, say what is corrected: ``starts`` is the beginning of
a paragraph, ``at`` any words of the body that occur once and overlap the figure, ``add`` a
phrase that occurs once, ``within`` words that occur once in the paragraph holding the list's
items (found in order). Speakers are keyed by their imported ids (``cstocli import --review``
shows them), ``merge_into`` too. A figure's ``text`` replaces its phrase with one that
overlaps it. ``aliases`` replaces the alias list; the names of speakers merged in are added
to it. Figures are renumbered ``f1``.. in source order after corrections. Corrected
paragraphs are re-split by the importer itself, so spans stay exact. Every problem raises
``DatasetError`` naming the corrections file and the JSON path of the entry
(``$.figures[2].at``).
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from cstocli.blocks import Decision
from cstocli.errors import DatasetError
from cstocli.importer import ImportResult, import_article
from cstocli.model import Dataset, Enumeration, Event, Figure, Located, Passage, Speaker
from cstocli.naming import slug

CORRECTIONS_VERSION = 1
"""The corrections format this code reads."""

_NOTE = "why"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_SPEAKER_FIELDS = ("name", "role", "affiliation", "aliases", "merge_into")
_FIGURE_FIELDS = (
    "label", "value", "unit", "qualifier", "as_written", "text", "period", "topic", "places",
)  # fmt: skip
_OPTIONAL_TEXT = ("role", "affiliation", "qualifier", "as_written", "period", "topic")


@dataclass(frozen=True, slots=True)
class Corrections:
    """A corrections file, read and checked for shape (anchors are checked on applying)."""

    file: str
    """Where the corrections came from, for error messages."""
    content: dict[str, Any]
    """The JSON object, every field of the right type."""


def load_corrections(path: Path) -> Corrections:
    """Read and check a corrections file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(str(path), None, "file not found") from None
    except UnicodeDecodeError as error:
        raise DatasetError(str(path), f"byte {error.start}", "not valid UTF-8") from None
    except OSError as error:
        raise DatasetError(str(path), None, f"cannot read: {error.strerror}") from None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise DatasetError(str(path), where, f"invalid JSON: {error.msg}") from None
    return parse_corrections(obj, file=str(path))


def parse_corrections(obj: Any, *, file: str) -> Corrections:
    """Check the shape of parsed corrections JSON; raise ``DatasetError`` on any problem."""
    _Shape(file).root(obj)
    return Corrections(file, obj)


def apply_corrections(text: str, corrections: Corrections, *, file_name: str) -> ImportResult:
    """Import ``text`` and apply the corrections; the warnings are the importer's."""
    content = corrections.content
    fail = _Failure(corrections.file)
    first = import_article(text, file_name=file_name)
    _check_target(content, first.dataset, file_name, fail)
    overrides = _overrides(content.get("paragraphs", []), first.dataset, fail)
    result = import_article(text, file_name=file_name, overrides=overrides)
    dataset = result.dataset
    _check_overrides(content.get("paragraphs", []), dataset, fail)
    meta = content.get("dataset", {})
    dataset = dataclasses.replace(
        dataset,
        id=meta.get("id", dataset.id),
        source=dataclasses.replace(
            dataset.source,
            url=meta.get("url", dataset.source.url),
            publisher=meta.get("publisher", dataset.source.publisher),
        ),
    )
    dataset = _apply_speakers(content.get("speakers", {}), dataset, fail)
    dataset = dataclasses.replace(
        dataset,
        figures=_apply_figures(content.get("figures", []), dataset, fail),
        lists=_apply_lists(content.get("lists", []), dataset, fail),
        event=_event(content["event"]) if "event" in content else dataset.event,
    )
    return ImportResult(dataset, result.warnings, result.wrapped)


class _Failure:
    """Builds the error for a corrections file at a JSON path."""

    def __init__(self, file: str) -> None:
        self.file = file

    def __call__(self, where: str, problem: str) -> DatasetError:
        return DatasetError(self.file, where, problem)


class _Shape:
    """Checks every field of the corrections JSON for its type."""

    def __init__(self, file: str) -> None:
        self.fail = _Failure(file)

    def root(self, obj: Any) -> None:
        keys = ("corrections_version", "article", "sha256", "dataset", "paragraphs")
        root = self.object(obj, "$", (*keys, "speakers", "figures", "lists", "event"))
        if root.get("corrections_version") != CORRECTIONS_VERSION:
            problem = f"expected {CORRECTIONS_VERSION}, got {root.get('corrections_version')!r}"
            raise self.fail("$.corrections_version", problem)
        for key in ("article", "sha256"):
            self.text(root, "$", key)
        dataset = self.object(root.get("dataset", {}), "$.dataset", ("id", "url", "publisher"))
        self.text(dataset, "$.dataset", "id")
        for key in ("url", "publisher"):
            self.text(dataset, "$.dataset", key, nullable=True)
        for i, entry in enumerate(self.array(root, "$", "paragraphs")):
            self.paragraph(entry, f"$.paragraphs[{i}]")
        speakers = self.object(root.get("speakers", {}), "$.speakers", None)
        for ident, entry in speakers.items():
            self.speaker(entry, f"$.speakers.{ident}")
        for i, entry in enumerate(self.array(root, "$", "figures")):
            self.figure(entry, f"$.figures[{i}]")
        for i, entry in enumerate(self.array(root, "$", "lists")):
            self.enumeration(entry, f"$.lists[{i}]")
        if "event" in root:
            self.event(root["event"], "$.event")

    def paragraph(self, value: Any, where: str) -> None:
        entry = self.object(value, where, ("starts", "as"))
        self.text(entry, where, "starts", required=True)
        if entry.get("as") not in get_args(Decision):
            raise self.fail(f"{where}.as", "expected 'narration' or 'speech'")

    def speaker(self, value: Any, where: str) -> None:
        entry = self.object(value, where, _SPEAKER_FIELDS)
        for key in ("name", "merge_into"):
            self.text(entry, where, key)
        for key in ("role", "affiliation"):
            self.text(entry, where, key, nullable=True)
        self.strings(entry, where, "aliases")

    def figure(self, value: Any, where: str) -> None:
        entry = self.object(value, where, ("at", "add", "drop", *_FIGURE_FIELDS))
        if ("at" in entry) == ("add" in entry):
            raise self.fail(where, "give exactly one of 'at' (an imported figure) or 'add'")
        for key in ("at", "add", "label", "unit", "text"):
            self.text(entry, where, key)
        for key in _OPTIONAL_TEXT:
            self.text(entry, where, key, nullable=True)
        self.strings(entry, where, "places")
        number = entry.get("value", 0)
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise self.fail(f"{where}.value", f"expected a number, got {number!r}")
        if "drop" in entry and entry["drop"] is not True:
            raise self.fail(f"{where}.drop", "expected true (leave it out to keep the figure)")
        if "add" in entry and not {"label", "value", "unit"} <= entry.keys():
            raise self.fail(where, "a figure to add needs 'label', 'value' and 'unit'")

    def enumeration(self, value: Any, where: str) -> None:
        entry = self.object(value, where, ("id", "title", "items", "within"))
        for key in ("id", "title"):
            self.text(entry, where, key, required=True)
        self.text(entry, where, "within")
        if not self.strings(entry, where, "items", required=True):
            raise self.fail(f"{where}.items", "a list needs at least one item")

    def event(self, value: Any, where: str) -> None:
        fields = ("name", "date", "city", "country", "organisation", "chair", "participants")
        entry = self.object(value, where, fields)
        self.text(entry, where, "name", required=True)
        for key in fields[1:-1]:
            self.text(entry, where, key, nullable=True)
        self.strings(entry, where, "participants")
        date = entry.get("date")
        if date is not None and not _DATE.match(date):
            raise self.fail(f"{where}.date", f"expected an ISO date like 2017-11-30, got {date!r}")

    # -- field helpers -------------------------------------------------------------------

    def object(self, value: Any, where: str, fields: tuple[str, ...] | None) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, got {type(value).__name__}")
        for key in value:
            if fields is not None and key not in (*fields, _NOTE):
                raise self.fail(f"{where}.{key}", f"unknown field; expected one of {fields}")
        return value

    def array(self, obj: dict[str, Any], where: str, key: str) -> list[Any]:
        value = obj.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{where}.{key}", f"expected an array, got {type(value).__name__}")
        return value

    def text(
        self,
        obj: dict[str, Any],
        where: str,
        key: str,
        *,
        nullable: bool = False,
        required: bool = False,
    ) -> None:
        if key not in obj:
            if required:
                raise self.fail(f"{where}.{key}", "missing")
            return
        value = obj[key]
        if value is None and nullable:
            return
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}.{key}", f"expected a non-empty string, got {value!r}")

    def strings(
        self, obj: dict[str, Any], where: str, key: str, *, required: bool = False
    ) -> list[str]:
        if key not in obj and required:
            raise self.fail(f"{where}.{key}", "missing")
        values = self.array(obj, where, key)
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.fail(
                    f"{where}.{key}[{i}]", f"expected a non-empty string, got {value!r}"
                )
        return values


def _check_target(
    content: dict[str, Any], dataset: Dataset, file_name: str, fail: _Failure
) -> None:
    """Refuse corrections written for another article."""
    article = content.get("article")
    if article is not None and article != dataset.source.file:
        raise fail("$.article", f"these corrections are for {article!r}, not {file_name!r}")
    sha = content.get("sha256")
    if sha is not None and sha != dataset.source.sha256:
        raise fail("$.sha256", f"does not match the contents of {file_name!r}")


def _paragraphs(dataset: Dataset) -> list[tuple[Located, Passage]]:
    """Every body paragraph with its passage, in source order."""
    return [(para, passage) for passage in dataset.passages for para in passage.paragraphs]


def _paragraph_at(dataset: Dataset, starts: str, where: str, fail: _Failure) -> Located:
    """The one paragraph beginning with ``starts``."""
    found = [para for para, _ in _paragraphs(dataset) if para.text.startswith(starts)]
    if len(found) != 1:
        count = "no" if not found else str(len(found))
        raise fail(f"{where}.starts", f"{count} paragraphs start with {starts!r}; expected one")
    return found[0]


def _overrides(entries: list[Any], dataset: Dataset, fail: _Failure) -> dict[int, Decision]:
    """Paragraph start offsets mapped to the decision the corrections make."""
    overrides: dict[int, Decision] = {}
    for i, entry in enumerate(entries):
        paragraph = _paragraph_at(dataset, entry["starts"], f"$.paragraphs[{i}]", fail)
        overrides[paragraph.span[0]] = entry["as"]
    return overrides


def _check_overrides(entries: list[Any], dataset: Dataset, fail: _Failure) -> None:
    """Refuse a paragraph correction the importer could not honour (speech with no speaker)."""
    for i, entry in enumerate(entries):
        where = f"$.paragraphs[{i}]"
        paragraph = _paragraph_at(dataset, entry["starts"], where, fail)
        passage = next(p for para, p in _paragraphs(dataset) if para == paragraph)
        wanted = "narration" if entry["as"] == "narration" else "quote"
        if passage.kind != wanted:
            problem = (
                "only an unlabelled paragraph after a speech can be corrected"
                if passage.label is None or passage.paragraphs[0] != paragraph
                else "this paragraph follows a speaker label; it is that speaker's"
            )
            raise fail(f"{where}.as", f"cannot make it {entry['as']}: {problem}")


def _apply_speakers(entries: dict[str, Any], dataset: Dataset, fail: _Failure) -> Dataset:
    """Describe, rename and merge speakers; keep passages pointing at the right ids.

    Entries are keyed by the imported ids, and so is ``merge_into``. Descriptions apply
    first, so a merged speaker's names are added to the target's (possibly replaced) aliases.
    """
    speakers = {speaker.id: speaker for speaker in dataset.speakers}
    for ident in entries:
        if ident not in speakers:
            problem = f"no imported speaker has this id; ids are {sorted(speakers)}"
            raise fail(f"$.speakers.{ident}", problem)
    for ident, entry in entries.items():
        if "merge_into" not in entry:
            speakers[ident] = _described(speakers, ident, entry, fail)
    merged: dict[str, str] = {}
    for ident, entry in entries.items():
        if "merge_into" in entry:
            merged[ident] = _merge(speakers, ident, entry["merge_into"], fail)

    def final_id(ident: str) -> str:
        # Merges form no cycle: a speaker merged away can no longer be merged into.
        while ident in merged:
            ident = merged[ident]
        return speakers[ident].id

    passages = tuple(
        dataclasses.replace(p, speaker_id=final_id(p.speaker_id)) if p.speaker_id else p
        for p in dataset.passages
    )
    kept = tuple(speakers[s.id] for s in dataset.speakers if s.id in speakers)
    return dataclasses.replace(dataset, speakers=kept, passages=passages)


def _merge(speakers: dict[str, Speaker], ident: str, target: str, fail: _Failure) -> str:
    """Fold speaker ``ident`` into ``target``, its names becoming aliases; return ``target``."""
    if target not in speakers or target == ident:
        raise fail(f"$.speakers.{ident}.merge_into", f"no other speaker {target!r} to merge into")
    gone = speakers.pop(ident)
    kept = speakers[target]
    known = {kept.name, *kept.aliases}
    extra = tuple(dict.fromkeys(a for a in (gone.name, *gone.aliases) if a not in known))
    speakers[target] = dataclasses.replace(kept, aliases=(*kept.aliases, *extra))
    return target


def _described(
    speakers: dict[str, Speaker], ident: str, entry: dict[str, Any], fail: _Failure
) -> Speaker:
    """A speaker with the entry's name (and so id), role, affiliation and aliases."""
    changes: dict[str, Any] = {k: entry[k] for k in ("name", "role", "affiliation") if k in entry}
    if "aliases" in entry:
        changes["aliases"] = tuple(entry["aliases"])
    if "name" in entry:
        changes["id"] = slug(entry["name"]) or ident
        taken = {s.id for key, s in speakers.items() if key != ident}
        if changes["id"] in taken:
            problem = f"another speaker already has id {changes['id']!r}"
            raise fail(f"$.speakers.{ident}.name", problem)
    return dataclasses.replace(speakers[ident], **changes)


def _apply_figures(entries: list[Any], dataset: Dataset, fail: _Failure) -> tuple[Figure, ...]:
    """Drop, fix and add figures, then number them ``f1``.. in source order."""
    figures: dict[tuple[int, int], Figure] = {f.span: f for f in dataset.figures}
    for i, entry in enumerate(entries):
        where = f"$.figures[{i}]"
        if "at" in entry:
            begin, end = _once(dataset, entry["at"], f"{where}.at", fail)
            hit = next((f for f in figures.values() if f.span[0] < end and begin < f.span[1]), None)
            if hit is None:
                problem = f"no imported figure at {entry['at']!r}; use 'add' to add one"
                raise fail(f"{where}.at", problem)
            del figures[hit.span]
            if entry.get("drop"):
                continue
            figure = _fixed(hit, entry, dataset, where, fail)
        else:
            begin, end = _once(dataset, entry["add"], f"{where}.add", fail)
            figure = Figure(
                id="",
                label=entry["label"],
                value=entry["value"],
                unit=entry["unit"],
                qualifier=None,
                text=entry["add"],
                span=(begin, end),
                passage_id="",
            )
            figure = _fixed(figure, entry, dataset, where, fail)
        figures[figure.span] = figure
    ordered = sorted(figures.values(), key=lambda f: f.span)
    return tuple(dataclasses.replace(f, id=f"f{n}") for n, f in enumerate(ordered, start=1))


def _fixed(
    figure: Figure, entry: dict[str, Any], dataset: Dataset, where: str, fail: _Failure
) -> Figure:
    """Apply one entry's fields to a figure and re-anchor it in its passage."""
    changes: dict[str, Any] = {
        k: entry[k] for k in _FIGURE_FIELDS if k in entry and k not in ("text", "places")
    }
    if "places" in entry:
        changes["places"] = tuple(entry["places"])
    figure = dataclasses.replace(figure, **changes)
    if "text" in entry:
        span = _overlapping(dataset.source_text, entry["text"], figure.span)
        if span is None:
            raise fail(f"{where}.text", f"{entry['text']!r} does not overlap the figure's phrase")
        figure = dataclasses.replace(figure, text=entry["text"], span=span)
    if figure.as_written is not None and figure.as_written not in figure.text:
        raise fail(f"{where}.as_written", f"{figure.as_written!r} is not part of {figure.text!r}")
    passage = _passage_holding(dataset, figure.span)
    if passage is None:
        raise fail(where, f"{figure.text!r} does not lie inside one paragraph of the body")
    return dataclasses.replace(figure, passage_id=passage.id)


def _apply_lists(entries: list[Any], dataset: Dataset, fail: _Failure) -> tuple[Enumeration, ...]:
    """Build each list from its items, found in order in the body (or in one paragraph)."""
    lists = list(dataset.lists)
    for i, entry in enumerate(entries):
        where = f"$.lists[{i}]"
        if any(existing.id == entry["id"] for existing in lists):
            raise fail(f"{where}.id", f"a list with id {entry['id']!r} is already given")
        begin, end = dataset.source.body_start, len(dataset.source_text)
        passage_id = None
        if "within" in entry:
            anchor = _once(dataset, entry["within"], f"{where}.within", fail)
            holder = next(
                (para, p) for para, p in _paragraphs(dataset) if _inside(anchor, para.span)
            )
            (begin, end), passage_id = holder[0].span, holder[1].id
        items = []
        for j, item in enumerate(entry["items"]):
            found = dataset.source_text.find(item, begin, end)
            if found == -1:
                raise fail(f"{where}.items[{j}]", f"{item!r} not found (in order) where expected")
            items.append(Located(item, (found, found + len(item))))
            begin = found + len(item)
        lists.append(Enumeration(entry["id"], entry["title"], tuple(items), passage_id))
    return tuple(lists)


def _event(entry: dict[str, Any]) -> Event:
    """The event as the corrections describe it."""
    return Event(
        name=entry["name"],
        date=entry.get("date"),
        city=entry.get("city"),
        country=entry.get("country"),
        organisation=entry.get("organisation"),
        chair=entry.get("chair"),
        participants=tuple(entry.get("participants", ())),
    )


def _once(dataset: Dataset, words: str, where: str, fail: _Failure) -> tuple[int, int]:
    """Where ``words`` occur in the article body; they must occur exactly once."""
    text, start = dataset.source_text, dataset.source.body_start
    found = [m.start() for m in re.finditer(re.escape(words), text[start:])]
    if len(found) != 1:
        count = "never" if not found else f"{len(found)} times"
        raise fail(
            where, f"{words!r} occurs {count} in the article body; quote words that occur once"
        )
    return start + found[0], start + found[0] + len(words)


def _overlapping(text: str, phrase: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The occurrence of ``phrase`` that overlaps ``span``, if any."""
    for match in re.finditer(re.escape(phrase), text):
        if match.start() < span[1] and span[0] < match.end():
            return match.start(), match.end()
    return None


def _passage_holding(dataset: Dataset, span: tuple[int, int]) -> Passage | None:
    """The passage one of whose paragraphs contains ``span``."""
    return next((p for para, p in _paragraphs(dataset) if _inside(span, para.span)), None)


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    """Whether ``inner`` lies within ``outer``."""
    return outer[0] <= inner[0] and inner[1] <= outer[1]
