from __future__ import annotations

import pytest

from cstocli.model import Dataset, Speaker
from cstocli.speaker_match import match_speaker

SPEAKERS = (
    Speaker("ann-lee", "Ann Lee", "Mayor of Springfield", "Springfield", ("Anna Li",)),
    Speaker("bob-roe", "Bob Roe", "Chief of Police", None),
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ann Lee", "ann-lee"),
        ("anna li", "ann-lee"),
        ("Lee", "ann-lee"),
        ("ROE", "bob-roe"),
        ("bob-roe", "bob-roe"),
        ("Robe", None),
    ],
)
def test_match_speaker_by_name_alias_or_surname(name: str, expected: str | None) -> None:
    """Names, aliases, surnames and ids resolve; a far name resolves to nobody."""
    found = match_speaker(SPEAKERS, name)
    assert [s.id for s in found.speakers] == ([expected] if expected else [])


def test_match_speaker_suggests_closest_names() -> None:
    """An unknown name gets the closest speaker names as suggestions."""
    found = match_speaker(SPEAKERS, "Bobby Rowe")
    assert found.speakers == ()
    assert found.suggestions[0] == "Bob Roe"
    assert set(found.suggestions) == {"Bob Roe", "Ann Lee"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Lukashenka", "alexander-lukashenko"),
        ("Aliaksandr Lukashenka", "alexander-lukashenko"),
        ("lukashenko", "alexander-lukashenko"),
        ("Nazarbaev", "nursultan-nazarbayev"),
        ("nursultan", "nursultan-nazarbayev"),
        ("Makey", "vladimir-makei"),
        ("Uladzimir", "vladimir-makei"),
        ("Yury Khachaturov", "yuri-khachaturov"),
        ("khachaturow", "yuri-khachaturov"),
    ],
)
def test_transliterations_find_the_summit_speakers(
    bundled: Dataset, name: str, expected: str
) -> None:
    """Other transliterations and typos of the summit's speakers resolve to them."""
    assert match_speaker(bundled.speakers, name).ids == {expected}


def test_unknown_summit_speaker_gets_suggestions(bundled: Dataset) -> None:
    """A name nobody has (Putin) matches no one and suggests three speakers."""
    found = match_speaker(bundled.speakers, "Putin")
    assert found.speakers == ()
    assert len(found.suggestions) == 3
    assert set(found.suggestions) <= {s.name for s in bundled.speakers}


def test_empty_name_matches_nobody(bundled: Dataset) -> None:
    """An empty or punctuation-only name resolves to nobody, with suggestions."""
    for name in ["", "   ", "--", "the"]:
        found = match_speaker(bundled.speakers, name)
        assert found.speakers == ()
        assert found.suggestions
