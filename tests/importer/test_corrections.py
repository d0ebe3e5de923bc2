from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cstocli.dataset.files import bundled_path, dataset_from_json, dataset_to_json
from cstocli.errors import DatasetError
from cstocli.importer.article import read_article
from cstocli.importer.corrections import apply_corrections, load_corrections, parse_corrections
from cstocli.model import Dataset

DATA = Path(__file__).parents[2] / "data"
ARTICLE = """Talks in Oslo

Delegations met in Oslo with a dozen tugs.

Question:
How many ships are waiting?

Answer:
About 40 ships. We expect 12 more, and up to 3 tankers.

B. Smith:
Fewer than 10 boats of ours.

Most were late.
"""


def _apply(content: dict[str, Any], text: str = ARTICLE) -> Dataset:
    """Apply corrections given as a JSON object to an article text."""
    corrections = parse_corrections({"corrections_version": 1, **content}, file="fix.json")
    return apply_corrections(text, corrections, file_name="oslo.txt").dataset


def _error(content: dict[str, Any]) -> str:
    """The message of the error that applying these corrections raises."""
    with pytest.raises(DatasetError) as caught:
        _apply(content)
    return str(caught.value)


def test_bundled_dataset_is_the_import_plus_corrections(bundled: Dataset) -> None:
    """data/csto-minsk-2017.json is exactly what the importer and data/corrections.json give."""
    text = read_article(DATA / "csto-minsk-2017.txt")
    corrections = load_corrections(DATA / "corrections.json")
    result = apply_corrections(text, corrections, file_name="csto-minsk-2017.txt")
    assert dataset_to_json(result.dataset) == dataset_to_json(bundled)
    assert result.dataset == bundled


def test_bundled_corrections_file_is_the_one_shipped() -> None:
    """The corrections sit beside the bundled dataset they rebuild."""
    assert (bundled_path().parent / "corrections.json").read_bytes() == (
        DATA / "corrections.json"
    ).read_bytes()


def test_paragraph_correction_makes_narration() -> None:
    """A follow-on paragraph corrected to narration leaves the speech."""
    dataset = _apply({"paragraphs": [{"starts": "Most were late", "as": "narration"}]})
    assert [p.id for p in dataset.passages] == ["n1", "q1", "q2", "q3", "n2"]


def test_paragraph_correction_cannot_give_speech_to_no_one() -> None:
    """Narration before any label cannot be made speech; the error says why and where."""
    message = _error({"paragraphs": [{"starts": "Delegations met", "as": "speech"}]})
    assert message.startswith("fix.json: $.paragraphs[0].as: cannot make it speech")


def test_paragraph_anchor_must_match_one_paragraph() -> None:
    """A "starts" that begins no paragraph is refused with its path."""
    message = _error({"paragraphs": [{"starts": "Nothing like it", "as": "speech"}]})
    assert message == (
        "fix.json: $.paragraphs[0].starts: no paragraphs start with 'Nothing like it'; expected one"
    )


def test_speaker_rename_moves_its_quotes() -> None:
    """Naming the answer side changes its id, and its quotes follow."""
    dataset = _apply({"speakers": {"answer": {"name": "Kari Nordmann", "role": "Mayor"}}})
    speaker = dataset.speaker("kari-nordmann")
    assert (speaker.name, speaker.role) == ("Kari Nordmann", "Mayor")
    assert [p.id for p in dataset.quotes_by("kari-nordmann")] == ["q2"]


def test_speaker_merge_keeps_the_name_as_alias() -> None:
    """Merging one speaker into another moves the quotes and keeps the old name searchable."""
    ids = [s.id for s in _apply({}).speakers]
    assert ids == ["question", "answer", "b-smith"]
    dataset = _apply({"speakers": {"b-smith": {"merge_into": "answer"}}})
    assert [s.id for s in dataset.speakers] == ["question", "answer"]
    assert dataset.speaker("answer").aliases == ("B. Smith",)
    assert [p.id for p in dataset.quotes_by("answer")] == ["q2", "q3"]


def test_merge_into_a_renamed_speaker() -> None:
    """Merges and renames combine: quotes follow to the renamed target, names become aliases."""
    dataset = _apply(
        {
            "speakers": {
                "answer": {"name": "Kari Nordmann", "aliases": ["K. Nordmann"]},
                "b-smith": {"merge_into": "answer"},
            }
        }
    )
    speaker = dataset.speaker("kari-nordmann")
    assert speaker.aliases == ("K. Nordmann", "B. Smith")
    assert [p.id for p in dataset.quotes_by("kari-nordmann")] == ["q2", "q3"]


def test_rename_onto_another_speakers_id_is_refused() -> None:
    """Two speakers cannot end up with one id."""
    message = _error({"speakers": {"b-smith": {"name": "Question"}}})
    assert message == "fix.json: $.speakers.b-smith.name: another speaker already has id 'question'"


def test_unknown_speaker_is_refused() -> None:
    """Correcting a speaker the import does not have names the ids it does have."""
    message = _error({"speakers": {"nobody": {"role": "x"}}})
    assert message.startswith("fix.json: $.speakers.nobody: no imported speaker has this id")
    assert "'answer'" in message


def test_figures_fixed_dropped_and_added() -> None:
    """Figures can be relabelled, re-anchored, dropped and added, then renumbered."""
    assert [f.text for f in _apply({}).figures] == [
        "About 40 ships",
        "up to 3 tankers",
        "Fewer than 10 boats",
    ]
    dataset = _apply(
        {
            "figures": [
                {"at": "About 40", "label": "Ships waiting", "places": ["Oslo"]},
                {"add": "12 more", "label": "More ships", "value": 12, "unit": "ships"},
                {"at": "up to 3", "drop": True},
                {"at": "Fewer than", "text": "Fewer than 10 boats of ours"},
                {"add": "a dozen tugs", "label": "Tugs", "value": 12, "unit": "tugs"},
            ]
        }
    )
    got = [(f.id, f.text, f.label, f.passage_id) for f in dataset.figures]
    assert got == [
        ("f1", "a dozen tugs", "Tugs", "n1"),
        ("f2", "About 40 ships", "Ships waiting", "q2"),
        ("f3", "12 more", "More ships", "q2"),
        ("f4", "Fewer than 10 boats of ours", "Boats", "q3"),
    ]
    assert dataset.figures[1].places == ("Oslo",)


def test_figure_anchor_must_be_unique() -> None:
    """An "at" that occurs twice is refused: quote more words."""
    message = _error({"figures": [{"at": "ships", "label": "x"}]})
    assert message == (
        "fix.json: $.figures[0].at: 'ships' occurs 2 times in the article body; "
        "quote words that occur once"
    )


def test_figure_anchor_must_hit_a_figure() -> None:
    """An "at" on words that hold no figure points to "add"."""
    message = _error({"figures": [{"at": "met in Oslo", "label": "x"}]})
    assert message.endswith("no imported figure at 'met in Oslo'; use 'add' to add one")


def test_figure_as_written_must_be_in_its_text() -> None:
    """The number as written has to be part of the figure's phrase."""
    message = _error({"figures": [{"at": "About 40", "as_written": "forty"}]})
    assert message.startswith("fix.json: $.figures[0].as_written: 'forty' is not part of")


def test_lists_are_found_in_order_within_a_paragraph() -> None:
    """List items are located in order inside the paragraph the anchor names."""
    content = {"lists": [{"id": "x", "title": "T", "within": "About 40", "items": ["40", "12"]}]}
    (enumeration,) = _apply(content).lists
    assert [(i.text, ARTICLE[slice(*i.span)]) for i in enumeration.items] == [
        ("40", "40"),
        ("12", "12"),
    ]
    assert enumeration.passage_id == "q2"


def test_list_item_missing_is_refused() -> None:
    """An item that is not in the paragraph (in order) is refused with its path."""
    content = {"lists": [{"id": "x", "title": "T", "within": "About 40", "items": ["12", "40"]}]}
    message = _error(content)
    assert message.startswith("fix.json: $.lists[0].items[1]: '40' not found")


def test_event_and_dataset_meta_are_set() -> None:
    """The event and the dataset's id, url and publisher come from corrections."""
    dataset = _apply(
        {
            "dataset": {"id": "oslo-talks", "url": "http://x.test/a", "publisher": "P"},
            "event": {"name": "Talks", "date": "2024-05-01", "participants": ["A", "B"]},
        }
    )
    assert (dataset.id, dataset.source.url, dataset.source.publisher) == (
        "oslo-talks",
        "http://x.test/a",
        "P",
    )
    assert dataset.event is not None
    assert (dataset.event.name, dataset.event.date, dataset.event.participants) == (
        "Talks",
        "2024-05-01",
        ("A", "B"),
    )


def test_dataset_provenance_comes_from_corrections() -> None:
    """Author, publication date and the published title come from the dataset entry."""
    dataset = _apply(
        {"dataset": {"author": "Ann Lee", "date": "2024-05-02", "title": "Oslo: tug talks"}}
    )
    source = dataset.source
    assert (source.author, source.date, source.published_title) == (
        "Ann Lee",
        "2024-05-02",
        "Oslo: tug talks",
    )
    assert source.title.text == "Talks in Oslo"  # the headline in the text is untouched


def test_a_provenance_date_must_be_iso_8601() -> None:
    """A date in another shape is refused with its JSON path."""
    message = _error({"dataset": {"date": "May 2, 2024"}})
    assert message == "fix.json: $.dataset.date: expected an ISO 8601 date, got 'May 2, 2024'"


def test_corrected_dataset_passes_the_loader() -> None:
    """Whatever corrections do, the result is a dataset the loader accepts."""
    dataset = _apply(
        {
            "speakers": {"b-smith": {"merge_into": "answer"}},
            "figures": [{"add": "Most were late", "label": "L", "value": 1, "unit": "u"}],
            "paragraphs": [{"starts": "Most were late", "as": "narration"}],
        }
    )
    again = dataset_from_json(dataset_to_json(dataset), ARTICLE, file="x.json")
    assert again == dataset


@pytest.mark.parametrize(
    ("content", "where", "problem"),
    [
        ({"corrections_version": 2}, "$.corrections_version", "expected 1, got 2"),
        ({"colour": 1}, "$.colour", "unknown field"),
        ({"paragraphs": [{"starts": "x", "as": "quote"}]}, "$.paragraphs[0].as", "expected"),
        ({"paragraphs": {}}, "$.paragraphs", "expected an array"),
        ({"speakers": {"a": {"role": 3}}}, "$.speakers.a.role", "expected a string, got a number"),
        ({"figures": [{"label": "x"}]}, "$.figures[0]", "give exactly one of 'at'"),
        ({"figures": [{"at": "x", "value": True}]}, "$.figures[0].value", "expected a number"),
        ({"figures": [{"at": "x", "drop": False}]}, "$.figures[0].drop", "expected true"),
        ({"figures": [{"add": "x", "label": "y"}]}, "$.figures[0]", "needs 'label', 'value'"),
        ({"lists": [{"id": "x", "title": "t", "items": []}]}, "$.lists[0].items", "at least"),
        (
            {"event": {"name": "E", "date": "30/11/2017"}},
            "$.event.date",
            "expected an ISO 8601 date",
        ),
        ({"event": {"date": "2017-11-30"}}, "$.event.name", "missing"),
    ],
)
def test_shape_errors_name_the_json_path(content: dict[str, Any], where: str, problem: str) -> None:
    """Each malformed entry is refused with the file, its JSON path and the problem."""
    with pytest.raises(DatasetError) as caught:
        parse_corrections({"corrections_version": 1, **content}, file="fix.json")
    assert (caught.value.file, caught.value.where) == ("fix.json", where)
    assert problem in caught.value.problem


def test_corrections_for_another_article_are_refused() -> None:
    """The article name and content hash guard against applying to the wrong text."""
    assert _error({"article": "minsk.txt"}) == (
        "fix.json: $.article: these corrections are for 'minsk.txt', not 'oslo.txt'"
    )
    assert _error({"sha256": "0" * 64}) == (
        "fix.json: $.sha256: does not match the contents of 'oslo.txt'"
    )


def test_load_corrections_reports_invalid_json(tmp_path: Path) -> None:
    """A corrections file that is not JSON is refused with its line and column."""
    path = tmp_path / "bad.json"
    path.write_text('{"corrections_version": 1,\n  "x": }', encoding="utf-8")
    with pytest.raises(DatasetError, match=r"bad\.json: line 2, column 8: invalid JSON"):
        load_corrections(path)


def test_load_corrections_reads_a_file(tmp_path: Path) -> None:
    """A good corrections file loads and remembers where it came from."""
    path = tmp_path / "fix.json"
    path.write_text(json.dumps({"corrections_version": 1}), encoding="utf-8")
    corrections = load_corrections(path)
    assert corrections.file == str(path)
    assert corrections.content == {"corrections_version": 1}


def test_corrections_dataset_id_must_be_a_slug() -> None:
    """A corrections file cannot give the article a path for an id."""
    assert _error({"dataset": {"id": "../../pwned"}}).startswith("fix.json: $.dataset.id: ")


def test_corrections_refuse_control_characters_in_names() -> None:
    """An escape sequence in a corrected speaker's name is refused at its path."""
    message = _error({"speakers": {"b-smith": {"name": "B.\x1b[2J Smith"}}})
    assert message == "fix.json: $.speakers.b-smith.name: control character U+001B at offset 2"


def test_corrections_value_must_fit() -> None:
    """A corrected figure value past int64 is refused, not an SQLite overflow later."""
    message = _error({"figures": [{"at": "About 40 ships", "value": 2**63}]})
    assert message == "fix.json: $.figures[0].value: integer does not fit in 64 bits"


def test_deep_corrections_file_is_one_error(tmp_path: Path) -> None:
    """A corrections file nested 100,000 deep is refused before parsing."""
    path = tmp_path / "deep.json"
    path.write_text("{" + '"a":[' * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(DatasetError) as caught:
        load_corrections(path)
    assert caught.value.problem == "invalid JSON: nested 100001 deep, more than the 64 allowed"
