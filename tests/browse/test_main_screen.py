"""The main screen, driven headless through Textual's pilot as a person would use it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from cstocli.browse.app import BrowseApp
from cstocli.browse.capture import screen_text
from cstocli.browse.keys import KEYS
from cstocli.browse.main_screen import MainScreen, rows_in_view
from cstocli.browse.pilot import drive, send_key, settle, type_text
from cstocli.browse.quote_screen import QuoteScreen
from cstocli.browse.results_list import ResultsList
from cstocli.browse.search_field import SearchField
from cstocli.browse.session import Selection, Session
from cstocli.browse.speakers_screen import SpeakersScreen
from cstocli.dataset.files import load
from cstocli.model import Dataset

FIXTURES = Path(__file__).parents[1] / "fixtures"


def main_screen(app: BrowseApp) -> MainScreen:
    """The app's main screen (under any view opened over it)."""
    return app.main_screen


def listed(app: BrowseApp) -> list[str]:
    """The passage ids of the listed hits, in order."""
    found = main_screen(app).found
    assert found is not None
    return [h.sentence.passage_id for h in found.hits]


def test_a_typod_query_lists_ranked_hits(bundled: Dataset) -> None:
    """Typing 'informaton securty' key by key lists the information-security sentences."""
    seen: dict[str, str] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "informaton securty")
        seen["screen"] = screen_text(app)

    app = drive(Session(dataset=bundled), scenario)
    found = main_screen(app).found
    assert found is not None
    assert found.query == "informaton securty"
    assert found.total == len(found.hits) == 5
    assert "information security" in found.hits[0].sentence.text.casefold()
    assert " 5 hits" in seen["screen"]
    assert "Yuri Khachaturov" in seen["screen"]


def test_moving_changes_the_selection(bundled: Dataset) -> None:
    """Down, Ctrl-N, Ctrl-P and Up move the cursor from the field; the selection follows."""
    picked: list[Selection | None] = []

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "security")
        for key in ("down", "ctrl+n", "ctrl+p", "up"):
            picked.append(app.selection)
            await pilot.press(key)
            await settle(pilot)
        picked.append(app.selection)

    app = drive(Session(dataset=bundled), scenario)
    ids = listed(app)
    assert [s.passage_id if s else None for s in picked] == [ids[0], ids[1], ids[2], ids[1], ids[0]]
    assert len(set(ids[:3])) >= 2  # the moves were visible in the ids


def test_enter_opens_the_quote_in_full(bundled: Dataset) -> None:
    """Enter shows the whole passage with its lines and citation; Esc comes back."""
    seen: dict[str, object] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "impetus")
        await pilot.press("enter")
        await settle(pilot)
        seen["screen"] = app.screen
        seen["text"] = screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        seen["after"] = app.screen

    app = drive(Session(dataset=bundled), scenario)
    assert isinstance(seen["screen"], QuoteScreen)
    assert isinstance(seen["after"], MainScreen)
    text = str(seen["text"])
    assert "q1  Alexander Lukashenko" in text
    assert "President of Belarus" in text
    assert "line " in text
    assert app.selection == Selection(None, "q1")


def test_speakers_view_filters_then_clears(bundled: Dataset) -> None:
    """Enter on a speaker keeps only what they said; Enter on them again shows everyone."""
    seen: dict[str, object] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "security")
        seen["all"] = {h.sentence.speaker_id for h in main_screen(app).found.hits}  # type: ignore[union-attr]
        await pilot.press("tab", "s")
        await settle(pilot)
        seen["view"] = app.screen
        seen["view_text"] = screen_text(app)
        await pilot.press("enter")  # the first speaker: Alexander Lukashenko
        await settle(pilot)
        seen["filtered"] = {h.sentence.speaker_id for h in main_screen(app).found.hits}  # type: ignore[union-attr]
        seen["count"] = screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        seen["cleared"] = {h.sentence.speaker_id for h in main_screen(app).found.hits}  # type: ignore[union-attr]

    drive(Session(dataset=bundled), scenario)
    assert isinstance(seen["view"], SpeakersScreen)
    assert "Vladimir Makei" in str(seen["view_text"])
    assert seen["filtered"] == {"alexander-lukashenko"}
    assert "speaker: Alexander Lukashenko" in str(seen["count"])
    assert seen["cleared"] == seen["all"]
    assert len(seen["all"]) > 1  # type: ignore[arg-type]


def test_articles_view_scopes_the_library(stocked: Path) -> None:
    """Over --all, Enter on an article searches only it; again, every article."""
    seen: dict[str, object] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "more")
        seen["before"] = {h.sentence.article_id for h in main_screen(app).found.hits}  # type: ignore[union-attr]
        await pilot.press("tab", "a")
        await settle(pilot)
        seen["view_text"] = screen_text(app)
        await pilot.press("down", "enter")
        await settle(pilot)
        seen["scoped"] = {h.sentence.article_id for h in main_screen(app).found.hits}  # type: ignore[union-attr]
        seen["text"] = screen_text(app)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        seen["after"] = {h.sentence.article_id for h in main_screen(app).found.hits}  # type: ignore[union-attr]

    app = drive(Session(library_path=stocked, all_articles=True), scenario)
    listing = Session(library_path=stocked, all_articles=True)
    second = listing.articles()[1].id
    listing.close()
    assert second in str(seen["view_text"])
    assert seen["scoped"] == {second}
    assert f"article: {second}" in str(seen["text"])
    assert seen["after"] == seen["before"]
    assert len(seen["before"]) > 1  # type: ignore[arg-type]
    assert app.selection is not None
    assert app.selection.article_id is not None


def test_y_copies_the_quote_with_its_citation(bundled: Dataset) -> None:
    """The y key (outside the field) copies the sentence, speaker and citation."""

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "impetus")
        await pilot.press("tab", "y")
        await settle(pilot)

    app = drive(Session(dataset=bundled), scenario)
    assert app.clipboard.startswith("\u201cI am convinced that the current session")
    assert "Alexander Lukashenko, President of Belarus" in app.clipboard
    assert bundled.source.title.text in app.clipboard


def test_rows_beyond_the_first_screen_follow(bundled: Dataset) -> None:
    """The rows a screen shows come with the search; every other hit's row follows it."""
    seen: dict[str, object] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "csto")
        results = app.main_screen.query_one(ResultsList)
        seen["rows"] = [
            str(results.get_option_at_index(n).prompt) for n in range(results.option_count)
        ]
        await pilot.press(*["pagedown"] * 6)  # ten rows a press, from the field
        await settle(pilot)
        seen["last"] = app.selection

    app = drive(Session(dataset=bundled), scenario)
    hits = main_screen(app).found.hits  # type: ignore[union-attr]
    assert len(hits) > rows_in_view(24)  # more than the first screen's rows
    rows = seen["rows"]
    assert isinstance(rows, list)
    assert len(rows) == len(hits)
    assert all(hit.sentence.passage_id in row for hit, row in zip(hits, rows, strict=True))
    assert seen["last"] == Selection(None, hits[-1].sentence.passage_id)


def test_a_key_right_after_a_listing_cancels_the_rest_of_its_rows(bundled: Dataset) -> None:
    """Keys sent as soon as each listing lands: the superseded rows never come, nothing breaks."""
    seen: dict[str, object] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        screen = app.main_screen
        typed = ""
        for character in "csto summit":
            typed += character
            screen.results_shown.clear()
            send_key(app, character)
            while screen.found is None or screen.found.query != typed:
                await asyncio.wait_for(screen.results_shown.wait(), timeout=30)
                screen.results_shown.clear()
        await settle(pilot)
        results = screen.query_one(ResultsList)
        seen["rows"] = results.option_count
        seen["running"] = app.is_running

    app = drive(Session(dataset=bundled), scenario)
    found = main_screen(app).found
    assert found is not None
    assert found.query == "csto summit"
    assert seen["running"] is True
    assert seen["rows"] == len(found.hits) > rows_in_view(24)


def test_forty_columns_stacks_the_panes(bundled: Dataset) -> None:
    """Resized to 40 columns, the preview moves under the results and nothing overflows."""
    seen: dict[str, str] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "impetus")
        await pilot.resize_terminal(40, 24)
        await settle(pilot)
        seen["text"] = screen_text(app)
        seen["narrow"] = str(main_screen(app).has_class("-narrow"))

    drive(Session(dataset=bundled), scenario)
    lines = seen["text"].splitlines()
    assert seen["narrow"] == "True"
    assert max(len(line) for line in lines) <= 40
    assert "1 hit" in seen["text"]
    # Results first, then the preview's passage below them.
    row = next(n for n, line in enumerate(lines) if "Alexander Lukashenko" in line)
    preview = next(n for n, line in enumerate(lines) if "line " in line)
    assert row < preview


def test_an_empty_result_says_so(bundled: Dataset) -> None:
    """A query that matches nothing says 0 hits and names the query."""
    seen: dict[str, str] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "xqzvw")
        seen["text"] = screen_text(app)

    app = drive(Session(dataset=bundled), scenario)
    assert "0 hits" in seen["text"]
    assert "No matches." in seen["text"]
    assert "No matches for 'xqzvw'." in seen["text"]
    assert app.selection is None


def test_an_empty_library_says_so(tmp_path: Path) -> None:
    """Over --all with no library yet, the app says how to add articles, here and in Articles."""
    seen: dict[str, str] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        seen["start"] = screen_text(app)
        await type_text(pilot, "security")
        seen["typed"] = screen_text(app)
        await pilot.press("tab", "a")
        await settle(pilot)
        seen["articles"] = screen_text(app)

    session = Session(library_path=tmp_path / "none.sqlite3", all_articles=True)
    drive(session, scenario, size=(160, 24))
    message = "The library has no articles yet; add some with: cstocli import FILE"
    assert "0 sentences in 0 articles" in seen["start"]
    assert message in seen["typed"]
    assert message in seen["articles"]


def test_markup_in_a_quote_shows_literally() -> None:
    """A quote holding '[bold]' is shown with its brackets, never read as markup."""
    seen: dict[str, str] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "markup")
        seen["text"] = screen_text(app)

    bracket = load(FIXTURES / "bracket-summit.json")
    drive(Session(dataset=bracket), scenario, size=(120, 24))
    assert "Markup such as [bold] and [the president]" in seen["text"]


def test_typing_outside_the_field_goes_to_it(bundled: Dataset) -> None:
    """With the results focused, a letter that is not a key of its own types into the field."""
    seen: dict[str, object] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await pilot.press("tab")
        seen["focus"] = app.focused
        await type_text(pilot, "imp")
        seen["value"] = app.screen.query_one(SearchField).value

    app = drive(Session(dataset=bundled), scenario)
    assert isinstance(seen["focus"], ResultsList)
    assert seen["value"] == "imp"
    assert main_screen(app).found is not None
    assert listed(app) == [
        h.sentence.passage_id for h in Session(dataset=bundled).search("imp").hits
    ]


def test_escape_backs_out_then_clears(bundled: Dataset) -> None:
    """Esc in the results returns to the field; in the field it clears the query."""
    seen: dict[str, object] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await type_text(pilot, "impetus")
        await pilot.press("tab", "escape")
        seen["focus"] = app.focused
        await pilot.press("escape")
        await settle(pilot)
        seen["value"] = app.screen.query_one(SearchField).value

    app = drive(Session(dataset=bundled), scenario)
    assert isinstance(seen["focus"], SearchField)
    assert seen["value"] == ""
    found = main_screen(app).found
    assert found is not None
    assert found.total > 1  # the listing of every sentence is back


def test_figures_view_opens_the_sentence(bundled: Dataset) -> None:
    """Enter on a figure shows the sentence it comes from and selects its passage."""
    seen: dict[str, object] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await pilot.press("tab", "f")
        await settle(pilot)
        seen["view"] = screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        seen["screen"] = app.screen
        seen["text"] = screen_text(app)

    app = drive(Session(dataset=bundled), scenario, size=(120, 40))
    first = bundled.figures[0]
    assert first.label in str(seen["view"])
    assert isinstance(seen["screen"], QuoteScreen)
    assert app.selection == Selection(None, first.passage_id)
    assert "member states" in str(seen["text"]) or first.text in str(seen["text"])


def test_help_lists_every_key(bundled: Dataset) -> None:
    """? outside the field lists each key of keys.KEYS."""
    seen: dict[str, str] = {}

    async def scenario(app: BrowseApp, pilot: Pilot[Any]) -> None:
        await pilot.press("tab", "question_mark")
        await settle(pilot)
        seen["text"] = screen_text(app)

    drive(Session(dataset=bundled), scenario, size=(120, 40))
    for key in KEYS:
        assert key.keys in seen["text"]
