"""Corrections: what a person knows about an article that its layout cannot say.

A corrections file is JSON, applied on top of ``import_article``. Every key is optional
except ``corrections_version``; ``why`` may annotate any entry and is not read::

    {
      "corrections_version": 1,
      "article": "csto-minsk-2017.txt",        # refuse to apply to another file name
      "sha256": "6e86...",                      # refuse to apply to other contents
      "dataset": {"id": "...", "url": "...", "publisher": "...", "author": "...",
                  "date": "2017-12-01", "title": "..."},   # provenance, for citations
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

from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from cstocli import disk
from cstocli.dataset.files import read_json
from cstocli.dataset.reader import event_from_json
from cstocli.dataset.validation import JsonChecker
from cstocli.ids import id_problem, is_article_id
from cstocli.importer.amendments import (
    FIGURE_FIELDS,
    Failure,
    amend_figures,
    amend_lists,
    amend_speakers,
    check_overrides,
    paragraph_overrides,
)
from cstocli.importer.article import ImportResult, import_article
from cstocli.importer.blocks import Decision
from cstocli.model import Dataset

CORRECTIONS_VERSION = 1
"""The corrections format this code reads."""

_NOTE = "why"
_SPEAKER_FIELDS = ("name", "role", "affiliation", "aliases", "merge_into")
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
    obj = read_json(path, limit=CORRECTIONS_LIMIT, noun="a corrections file")
    return parse_corrections(obj, file=str(path))


def parse_corrections(obj: Any, *, file: str) -> Corrections:
    """Check the shape of parsed corrections JSON; raise ``DatasetError`` on any problem."""
    _Shape(file).root(obj)
    return Corrections(file, obj)


def apply_corrections(text: str, corrections: Corrections, *, file_name: str) -> ImportResult:
    """Import ``text`` and apply the corrections; the warnings are the importer's."""
    content = corrections.content
    fail = JsonChecker(corrections.file).fail
    first = import_article(text, file_name=file_name)
    _check_target(content, first.dataset, file_name, fail)
    overrides = paragraph_overrides(content.get("paragraphs", []), first.dataset, fail)
    result = import_article(text, file_name=file_name, overrides=overrides)
    dataset = result.dataset
    check_overrides(content.get("paragraphs", []), dataset, fail)
    meta = content.get("dataset", {})
    dataset = dataset._replace(
        id=meta.get("id", dataset.id),
        source=dataset.source._replace(
            url=meta.get("url", dataset.source.url),
            publisher=meta.get("publisher", dataset.source.publisher),
            author=meta.get("author", dataset.source.author),
            date=meta.get("date", dataset.source.date),
            published_title=meta.get("title", dataset.source.published_title),
        ),
    )
    dataset = amend_speakers(content.get("speakers", {}), dataset, fail)
    dataset = dataset._replace(
        figures=amend_figures(content.get("figures", []), dataset, fail),
        lists=amend_lists(content.get("lists", []), dataset, fail),
        event=(
            event_from_json(content["event"], file=corrections.file)
            if "event" in content
            else dataset.event
        ),
    )
    return ImportResult(dataset, result.warnings, result.wrapped)


CORRECTIONS_LIMIT = 20 * disk.MEGABYTE
"""The largest corrections file read (a real one is a few kilobytes)."""

# Fields that quote the article (found in its text): they may hold what the text holds.
_QUOTED = frozenset({"starts", "within", "at", "add", "text", "items", "article"})


class _Shape(JsonChecker):
    """Checks every field of the corrections JSON for its type."""

    quoted = _QUOTED

    def root(self, obj: Any) -> None:
        keys = ("corrections_version", "article", "sha256", "dataset", "paragraphs")
        root = self.object(obj, "$", (*keys, "speakers", "figures", "lists", "event"))
        if root.get("corrections_version") != CORRECTIONS_VERSION:
            problem = f"expected {CORRECTIONS_VERSION}, got {root.get('corrections_version')!r}"
            raise self.fail("$.corrections_version", problem)
        for key in ("article", "sha256"):
            self.text(root, "$", key)
        provenance = ("url", "publisher", "author", "date", "title")
        dataset = self.object(root.get("dataset", {}), "$.dataset", ("id", *provenance))
        self.text(dataset, "$.dataset", "id")
        if "id" in dataset and not is_article_id(dataset["id"]):
            raise self.fail("$.dataset.id", id_problem(dataset["id"]))
        for key in provenance:
            self.text(dataset, "$.dataset", key, nullable=True)
        self.date(dataset, "$.dataset", "date")
        for i, entry in enumerate(self.array(root, "$", "paragraphs", required=False)):
            self.paragraph(entry, f"$.paragraphs[{i}]")
        speakers = self.object(root.get("speakers", {}), "$.speakers", None)
        for ident, entry in speakers.items():
            self.speaker(entry, f"$.speakers.{ident}")
        for i, entry in enumerate(self.array(root, "$", "figures", required=False)):
            self.figure(entry, f"$.figures[{i}]")
        for i, entry in enumerate(self.array(root, "$", "lists", required=False)):
            self.enumeration(entry, f"$.lists[{i}]")
        if "event" in root:
            event_from_json(root["event"], file=self.file)

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
        entry = self.object(value, where, ("at", "add", "drop", *FIGURE_FIELDS))
        if ("at" in entry) == ("add" in entry):
            raise self.fail(where, "give exactly one of 'at' (an imported figure) or 'add'")
        for key in ("at", "add", "label", "unit", "text"):
            self.text(entry, where, key)
        for key in _OPTIONAL_TEXT:
            self.text(entry, where, key, nullable=True)
        self.strings(entry, where, "places")
        self.number(entry.get("value", 0), f"{where}.value", nullable=True)
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

    # -- field helpers -------------------------------------------------------------------

    def object(
        self,
        value: Any,
        where: str,
        fields: tuple[str, ...] | None = None,
        *,
        ignored: tuple[str, ...] = (_NOTE,),
    ) -> dict[str, Any]:
        """An object of ``fields``; ``why`` may annotate any entry and is not read."""
        return super().object(value, where, fields, ignored=ignored)

    def text(
        self,
        obj: dict[str, Any],
        where: str,
        key: str,
        *,
        nullable: bool = False,
        required: bool = False,
    ) -> None:
        """An optional (or ``required``) string field; null only where ``nullable``."""
        if key not in obj:
            if required:
                self.field(obj, where, key)
            return
        if obj[key] is None and nullable:
            return
        self.string(obj[key], f"{where}.{key}", verbatim=key in self.quoted)


def _check_target(content: dict[str, Any], dataset: Dataset, file_name: str, fail: Failure) -> None:
    """Refuse corrections written for another article."""
    article = content.get("article")
    if article is not None and article != dataset.source.file:
        raise fail("$.article", f"these corrections are for {article!r}, not {file_name!r}")
    sha = content.get("sha256")
    if sha is not None and sha != dataset.source.sha256:
        raise fail("$.sha256", f"does not match the contents of {file_name!r}")
