from __future__ import annotations

import pytest

from cstocli.model import Dataset, Speaker
from cstocli.search.speakers import SpeakerMatch, match_speaker

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
    """An unknown name gets the alike speaker names as suggestions, not the unlike ones."""
    found = match_speaker(SPEAKERS, "Bobby Rowe")
    assert found.speakers == ()
    assert found.suggestions == ("Bob Roe",)


def test_match_speaker_by_role_or_affiliation_returns_everyone_it_fits() -> None:
    """A word of several speakers' roles or affiliations gives all of them, marked by_role."""
    speakers = (*SPEAKERS, Speaker("cy-poe", "Cy Poe", "Mayor of Shelbyville", "Shelbyville"))
    found = match_speaker(speakers, "mayor")
    assert [s.id for s in found.speakers] == ["ann-lee", "cy-poe"]
    assert found.by_role
    assert match_speaker(speakers, "mayor springfield").ids == {"ann-lee"}
    assert match_speaker(speakers, "police").ids == {"bob-roe"}
    assert not match_speaker(speakers, "Cy").by_role


def test_a_name_beats_a_role() -> None:
    """A word that is one speaker's name and another's role picks the name."""
    speakers = (*SPEAKERS, Speaker("lee-mayor", "Lee Mayor", None, None))
    found = match_speaker(speakers, "mayor")
    assert found.ids == {"lee-mayor"}
    assert not found.by_role


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


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("president", {"alexander-lukashenko", "nursultan-nazarbayev"}),
        ("presidnt", {"alexander-lukashenko", "nursultan-nazarbayev"}),
        ("Belarus", {"alexander-lukashenko", "vladimir-makei"}),
        ("president of belarus", {"alexander-lukashenko"}),
        ("Lukashenko president", {"alexander-lukashenko"}),
        ("foreign minister", {"vladimir-makei"}),
        ("secretary general", {"yuri-khachaturov"}),
    ],
)
def test_roles_and_countries_find_the_summit_speakers(
    bundled: Dataset, name: str, expected: set[str]
) -> None:
    """A role or a country finds every summit speaker it describes."""
    found = match_speaker(bundled.speakers, name)
    assert found.ids == expected
    assert found.by_role


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Putin", ()),
        ("Merkel", ()),
        ("president putin", ()),
        ("Makeyev", ("Vladimir Makei",)),
        ("Khachaturyan", ("Yuri Khachaturov",)),
        ("Nazarbaef Bob", ("Nursultan Nazarbayev",)),
    ],
)
def test_unknown_summit_speaker_gets_only_alike_suggestions(
    bundled: Dataset, name: str, expected: tuple[str, ...]
) -> None:
    """Nobody matches; only names alike enough are suggested (none for Putin)."""
    found = match_speaker(bundled.speakers, name)
    assert found.speakers == ()
    assert found.suggestions == expected


def test_empty_name_matches_nobody(bundled: Dataset) -> None:
    """An empty, punctuation-only or common-word name resolves to nobody, suggesting none."""
    for name in ["", "   ", "--", "the"]:
        assert match_speaker(bundled.speakers, name) == SpeakerMatch(())
