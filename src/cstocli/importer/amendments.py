"""Apply the entries of a corrections file to an imported dataset, one kind at a time.

``corrections`` checks the file's shape and orders the steps; each function here takes the
already-checked entries, finds their text anchors in the article and returns the amended
part of the dataset, or raises the ``Failure`` for the entry's JSON path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeAlias

from cstocli.errors import DatasetError
from cstocli.importer.blocks import Decision
from cstocli.importer.names import slug
from cstocli.model import Dataset, Enumeration, Figure, Located, Passage, Speaker

FIGURE_FIELDS = (
    "label", "value", "unit", "qualifier", "as_written", "text", "period", "topic", "places",
)  # fmt: skip
"""The fields of a figure a correction may set."""


Failure: TypeAlias = Callable[[str, str], DatasetError]
"""Builds the error for a corrections file at a JSON path (``JsonChecker.fail``)."""


def _paragraphs(dataset: Dataset) -> list[tuple[Located, Passage]]:
    """Every body paragraph with its passage, in source order."""
    return [(para, passage) for passage in dataset.passages for para in passage.paragraphs]


def _paragraph_at(dataset: Dataset, starts: str, where: str, fail: Failure) -> Located:
    """The one paragraph beginning with ``starts``."""
    found = [para for para, _ in _paragraphs(dataset) if para.text.startswith(starts)]
    if len(found) != 1:
        count = "no" if not found else str(len(found))
        raise fail(f"{where}.starts", f"{count} paragraphs start with {starts!r}; expected one")
    return found[0]


def paragraph_overrides(entries: list[Any], dataset: Dataset, fail: Failure) -> dict[int, Decision]:
    """Paragraph start offsets mapped to the decision the corrections make."""
    overrides: dict[int, Decision] = {}
    for i, entry in enumerate(entries):
        paragraph = _paragraph_at(dataset, entry["starts"], f"$.paragraphs[{i}]", fail)
        overrides[paragraph.span[0]] = entry["as"]
    return overrides


def check_overrides(entries: list[Any], dataset: Dataset, fail: Failure) -> None:
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


def amend_speakers(entries: dict[str, Any], dataset: Dataset, fail: Failure) -> Dataset:
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
        p._replace(speaker_id=final_id(p.speaker_id)) if p.speaker_id else p
        for p in dataset.passages
    )
    kept = tuple(speakers[s.id] for s in dataset.speakers if s.id in speakers)
    return dataset._replace(speakers=kept, passages=passages)


def _merge(speakers: dict[str, Speaker], ident: str, target: str, fail: Failure) -> str:
    """Fold speaker ``ident`` into ``target``, its names becoming aliases; return ``target``."""
    if target not in speakers or target == ident:
        raise fail(f"$.speakers.{ident}.merge_into", f"no other speaker {target!r} to merge into")
    gone = speakers.pop(ident)
    kept = speakers[target]
    known = {kept.name, *kept.aliases}
    extra = tuple(dict.fromkeys(a for a in (gone.name, *gone.aliases) if a not in known))
    speakers[target] = kept._replace(aliases=(*kept.aliases, *extra))
    return target


def _described(
    speakers: dict[str, Speaker], ident: str, entry: dict[str, Any], fail: Failure
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
    return speakers[ident]._replace(**changes)


def amend_figures(entries: list[Any], dataset: Dataset, fail: Failure) -> tuple[Figure, ...]:
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
    return tuple(f._replace(id=f"f{n}") for n, f in enumerate(ordered, start=1))


def _fixed(
    figure: Figure, entry: dict[str, Any], dataset: Dataset, where: str, fail: Failure
) -> Figure:
    """Apply one entry's fields to a figure and re-anchor it in its passage."""
    changes: dict[str, Any] = {
        k: entry[k] for k in FIGURE_FIELDS if k in entry and k not in ("text", "places")
    }
    if "places" in entry:
        changes["places"] = tuple(entry["places"])
    figure = figure._replace(**changes)
    if "text" in entry:
        span = _overlapping(dataset.source_text, entry["text"], figure.span)
        if span is None:
            raise fail(f"{where}.text", f"{entry['text']!r} does not overlap the figure's phrase")
        figure = figure._replace(text=entry["text"], span=span)
    if figure.as_written is not None and figure.as_written not in figure.text:
        raise fail(f"{where}.as_written", f"{figure.as_written!r} is not part of {figure.text!r}")
    passage = _passage_holding(dataset, figure.span)
    if passage is None:
        raise fail(where, f"{figure.text!r} does not lie inside one paragraph of the body")
    return figure._replace(passage_id=passage.id)


def amend_lists(entries: list[Any], dataset: Dataset, fail: Failure) -> tuple[Enumeration, ...]:
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


def _once(dataset: Dataset, words: str, where: str, fail: Failure) -> tuple[int, int]:
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
