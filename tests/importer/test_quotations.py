"""News stories with quotations: the corpus answer keys, and the quotation finder itself.

The corpus (tests/fixtures/corpus, ``NN-news-*.txt`` with ``.key.json``) holds news stories
in real page layouts with a key giving each body paragraph's speaker: quoted (a quote
passage of theirs in that paragraph), reported (narration naming them, no quote) or null
(neither), every speaker with the role the text states, and the figures.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from cstocli.importer.article import ImportResult, import_article, read_article
from cstocli.importer.prose import Prose
from cstocli.importer.quotations import (
    acting_before,
    blank_quotations,
    credited,
    find_quotations,
    only_attribution,
    owned_by,
    repeated_nearby,
)
from cstocli.model import Dataset, Passage

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"
NEWS = sorted(p.stem for p in CORPUS.glob("[0-9]*-news-*.txt") if re.match(r"\d+-news-", p.stem))

# Figures of the keys the importer does not read, each for a stated reason (see bench notes):
KNOWN_FIGURE_MISSES = {
    # "A crowd of 8,412 saw the match": the unit (spectators) is not written.
    ("34-news-sports-shared-surname", "A crowd of 8,412"),
    # "we have another 40 starting in April": the unit (nurses) is not written after it.
    ("95-news-long-appositions-told-by-phone", "another 40"),
}
# Roles the importer is known to miss. Strict: a fixed miss shows here. 122's key gives
# "Her co-author, Professor Aksel Hovde," no role (a relation, as 76's "her oldest friend"),
# the importer takes the title "Professor" as one. Article
# 89's first reading missed two: "Professor X, head of Y," took the title over the
# apposition (fixed), and its key kept a relative clause in "the ecologist who led the
# study", which the corpus cuts (article 66's "surgeon at Westbrook Infirmary"; key fixed).
KNOWN_ROLE_MISSES = {
    "122-news-glacier-survey-shared-surname-pull-quote",
    # "In the words of one baker, Tamsin Ekwall,": "one baker" is not read as a role (120's
    # key gives "One neighbour, NAME," none, so "one NOUN" is left roleless for now).
    "135-news-feature-says-colon-inverted",
}


def _fold(value: str | None) -> str | None:
    return None if value is None else " ".join(value.casefold().split())


def _load(stem: str) -> tuple[str, dict[str, Any], ImportResult]:
    text = read_article(CORPUS / f"{stem}.txt")
    key = json.loads((CORPUS / f"{stem}.key.json").read_text(encoding="utf-8"))
    return text, key, import_article(text, file_name=f"{stem}.txt")


def _in_line(dataset: Dataset, text: str, starts: str) -> list[Passage]:
    """The passages with a piece on the line where the key's paragraph starts."""
    at = text.index(starts)
    begin = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return [p for p in dataset.passages if any(begin <= q.span[0] < end for q in p.paragraphs)]


def test_the_corpus_holds_enough_news_stories() -> None:
    """At least a dozen news stories with keys, from the shared corpus and written here."""
    assert len(NEWS) >= 12
    assert all((CORPUS / f"{stem}.key.json").exists() for stem in NEWS)


@pytest.mark.parametrize("stem", NEWS)
def test_each_paragraph_is_attributed_as_the_key_says(stem: str) -> None:
    """Quoted paragraphs hold a quote of the key's speaker, reports name them, the rest neither."""
    text, key, result = _load(stem)
    dataset = result.dataset
    names = {s.id: _fold(s.name) for s in dataset.speakers}
    wrong = []
    for paragraph in key["paragraphs"]:
        passages = _in_line(dataset, text, paragraph["starts"])
        quotes = [names[p.speaker_id] for p in passages if p.is_quote and p.speaker_id]
        reports = [names[p.speaker_id] for p in passages if not p.is_quote and p.speaker_id]
        want = _fold(paragraph["speaker"])
        if paragraph["quoted"] and want is not None:
            right = quotes[:1] == [want]
        elif want is not None:
            right = not quotes and reports[:1] == [want]
        else:
            right = not quotes and not reports
        if not right:
            wrong.append((paragraph["starts"], want, quotes, reports))
    assert wrong == []


@pytest.mark.parametrize(
    "stem",
    [
        pytest.param(stem, marks=pytest.mark.xfail(strict=True, reason="known role miss"))
        if stem in KNOWN_ROLE_MISSES
        else stem
        for stem in NEWS
    ],
)
def test_speakers_and_roles_are_those_of_the_key(stem: str) -> None:
    """Every speaker is found with the role the text states, and nobody else is made one."""
    _, key, result = _load(stem)
    found = {_fold(s.name): _fold(s.role) for s in result.dataset.speakers}
    assert found == {_fold(s["name"]): _fold(s["role"]) for s in key["speakers"]}


@pytest.mark.parametrize("stem", NEWS)
def test_figures_are_read_with_value_and_hedge(stem: str) -> None:
    """Each key figure is read (value, hedge as written); vague amounts have no value."""
    _, key, result = _load(stem)
    missed = []
    for figure in key["figures"]:
        hits = [
            f
            for f in result.dataset.figures
            if (figure["text"] in f.text or f.text in figure["text"])
            and f.value == figure["value"]
            and f.qualifier == figure["qualifier"]
        ]
        if not hits:
            missed.append((stem, figure["text"]))
    assert set(missed) == {m for m in KNOWN_FIGURE_MISSES if m[0] == stem}


@pytest.mark.parametrize("stem", NEWS)
def test_quotes_are_exactly_the_quoted_words(stem: str) -> None:
    """A quote's pieces stand in the source as they are, inside quotation marks, no 'said'."""
    text, _, result = _load(stem)
    for passage in result.dataset.passages:
        for piece in passage.paragraphs:
            assert text[piece.span[0] : piece.span[1]] == piece.text
        if not passage.is_quote:
            continue
        for piece in passage.paragraphs:
            inside = [
                q
                for q in find_quotations(text, *_line_of(text, piece.span[0]))
                if q.words == piece.span
            ]
            assert inside, piece.text


@pytest.mark.parametrize("stem", NEWS)
def test_only_furniture_marks_and_attributions_are_left_out(stem: str) -> None:
    """Every body word is in a passage, but page furniture and a quote's inner "she said".

    The attribution between two pieces of one quote stays inside that quote's span.
    """
    text, _, result = _load(stem)
    dataset = result.dataset
    kept = set[int]()
    for passage in dataset.passages:
        for piece in passage.paragraphs:
            kept.update(range(*piece.span))
        if passage.is_quote:
            kept.update(range(*passage.span))
    furniture = {
        w.line for w in result.warnings if "page furniture" in w.message or "skipped" in w.message
    }
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        start = sum(len(x) + 1 for x in lines[: number - 1])
        if number in furniture or start < dataset.source.body_start:
            continue
        left = [c for i, c in enumerate(line) if start + i not in kept]
        assert not [c for c in left if c.isalnum()], (number, line)


def _line_of(text: str, offset: int) -> tuple[int, int]:
    begin = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return begin, len(text) if end < 0 else end


# -- the quotation finder ----------------------------------------------------------------


def _quoted(paragraph: str) -> list[tuple[str, bool]]:
    return [
        (paragraph[slice(*q.words)], q.closed)
        for q in find_quotations(paragraph, 0, len(paragraph))
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("\u201cWe are ready,\u201d she said.", [("We are ready", True)]),
        ('"Yes," he said, "and no."', [("Yes", True), ("and no.", True)]),
        (
            "\u201cThey asked, \u2018Can I borrow a drill?\u2019 and I said yes,\u201d she said.",
            [("They asked, \u2018Can I borrow a drill?\u2019 and I said yes", True)],
        ),
        (
            "\"Someone said 'come along' and I did,\" said Bo.",
            [("Someone said 'come along' and I did", True)],
        ),
        ('X said: "We warned them in the spring.', [("We warned them in the spring.", False)]),
        (
            "\u2018It isn\u2019t the doctor\u2019s fault,\u2019 he said.",
            [("It isn\u2019t the doctor\u2019s fault", True)],
        ),
        ("'We won't stop,' she said of the '90s protests.", [("We won't stop", True)]),
        ("The council's plan, Norway's roads and the '90s.", []),
        ("\u00abNous verrons\u00bb, a-t-il dit.", [("Nous verrons", True)]),
        (
            '\u201cNot yet," Lee told reporters. "But soon.\u201d',
            [("Not yet", True), ("But soon.", True)],
        ),
    ],
)
def test_quotations_are_found_to_the_quoted_words(
    paragraph: str, expected: list[tuple[str, bool]]
) -> None:
    """Marks, final comma and spaces are cut off; nested quotes, apostrophes stay; styles mix."""
    assert _quoted(paragraph) == expected


def test_blanking_keeps_offsets_and_the_reporter_s_words() -> None:
    """Quotations turn to spaces of the same length; "she said" stays where it stood."""
    paragraph = '"We are ready," she said. "Now."'
    blanked = blank_quotations(paragraph, 0, len(paragraph))
    assert len(blanked) == len(paragraph)
    assert blanked.split() == ["she", "said."]
    assert blanked.index("she") == paragraph.index("she")


def test_an_empty_quotation_gives_nothing() -> None:
    """A pair of marks around nothing, or a stray mark at the end, is no quote."""
    assert _quoted('He wrote "" twice and then "') == []


@pytest.mark.parametrize(
    ("prose", "owner"),
    [
        ("Her message to markets was cautious:        ", "her"),
        ("His answer was short:           ", "his"),
        ("The message to markets was cautious:        ", None),
        ("Her message was cautious: she said    ", None),
        ("Holt-Okoye's verdict on his defence was blunt:     ", "Holt-Okoye"),
        ("O'Brien's answer was short:     ", "O'Brien"),
    ],
)
def test_a_colon_after_her_or_his_words_names_whose_quotation_follows(
    prose: str, owner: str | None
) -> None:
    """A colon after "Her message ..." or "Holt's verdict ..." introduces their quotation."""
    assert owned_by(prose) == owner


@pytest.mark.parametrize(
    ("lead", "start"),
    [
        ("Does he worry? Moen laughs. ", 15),
        ("She shrugs.", 0),
        ("The council plans to cut the winter timetable to four crossings a day.", None),
        ("Moen laughs, ", None),
    ],
)
def test_a_short_sentence_just_before_a_quotation_is_found(lead: str, start: int | None) -> None:
    """A sentence of a few words ending just before a quotation; a long one is none."""
    assert acting_before(lead) == start


def test_a_dash_after_a_quotation_credits_the_name_after_it() -> None:
    """In "(quote) \u2014 Ann Lee" the dash credits the quote; a dash in prose does not."""
    prose = "- " + " " * 20 + " \u2014 Ann Lee, envoy"
    assert credited(prose, [22], prose.index("Ann")) == prose.index("\u2014")
    plain = "The plan \u2014 Ann Lee says \u2014 is late."
    assert credited(plain, [], plain.index("Ann")) is None


@pytest.mark.parametrize(
    ("middle", "verbs", "alone"),
    [
        ("she said.", 1, True),
        ("said Ann Lee, the mayor, who chairs the board.", 1, True),
        ("said Dr. Ann Lee.", 1, True),
        ("she said, ", 1, True),
        ("said Ann Lee, adding that 300 homes were flooded.", 1, False),
        ("she said, as the crowd cheered.", 1, False),
        ("said Ann Lee. Lee said 20 buses were late.", 2, False),
        ("said Ann Lee. The crowd cheered.", 1, False),
    ],
)
def test_only_an_attribution_between_two_quotations_is_part_of_the_quoting(
    middle: str, verbs: int, alone: bool
) -> None:
    """One attribution clause only says who speaks; a sentence or clause more is narration."""
    paragraph = f'"We are ready," {middle} "We are willing."'
    quotations = find_quotations(paragraph, 0, len(paragraph))
    prose = Prose(blank_quotations(paragraph, 0, len(paragraph)), 0, [])
    gap = (quotations[0].outer[1], quotations[1].outer[0])
    assert only_attribution(prose, *gap, verbs) is alone


@pytest.mark.parametrize(
    "paragraph",
    [
        'Hovde, known to colleagues as "Ax", has led the trips for 30 years.',
        "The goalkeeper, nicknamed \u201cthe Wall\u201d, stayed home.",
        'Snow came with what forecasters dubbed "the Beast".',
    ],
)
def test_a_name_in_quotation_marks_is_no_quotation(paragraph: str) -> None:
    """A short quoted name after "known as", "nicknamed", "dubbed" is nobody's words."""
    assert _quoted(paragraph) == []


def test_a_long_quotation_after_known_as_is_still_a_quotation() -> None:
    """Only a few words are a name: a sentence in marks after "known as" is quoted speech."""
    paragraph = 'He is known as "the one who always says we can do better than this".'
    assert len(_quoted(paragraph)) == 1


def test_a_nickname_inside_a_name_is_no_quotation() -> None:
    """'Jonah "Jet" Mbatha' holds a nickname, not a quote; the quote after it is one."""
    paragraph = 'It came from Jonah "Jet" Mbatha. "I just ran," Mbatha said.'
    assert _quoted(paragraph) == [("I just ran", True)]


def test_german_marks_open_low_and_close_high() -> None:
    """„...“ (German), „...” (Polish) and a copied „..." are quotations, their words alone."""
    for text in (
        '„Wir schaffen das", sagte sie.',
        "\u201eWir schaffen das\u201c, sagte sie.",
        "\u201eDamy rad\u0119\u201d, powiedzia\u0142a.",
    ):
        (found,) = find_quotations(text, 0, len(text))
        assert found.closed
        assert text[slice(*found.words)] in ("Wir schaffen das", "Damy rad\u0119")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "'The report said the school was \"outstanding\",' Carr said. 'They ignored it.'",
            ['The report said the school was "outstanding"', "They ignored it."],
        ),
        (
            "\u2018The county\u2019s report said it was \u201coutstanding\u201d,\u2019"
            " said Jim Carr.",
            ["The county\u2019s report said it was \u201coutstanding\u201d"],
        ),
        (
            "\"The report called the school 'outstanding,' and they ignored it,\" Carr said.",
            ["The report called the school 'outstanding,' and they ignored it"],
        ),
    ],
)
def test_single_marks_around_double_ones_quote_at_the_outer_level(
    text: str, words: list[str]
) -> None:
    """British style: single marks outside, a double-quoted phrase kept inside the quote."""
    found = find_quotations(text, 0, len(text))
    assert [text[slice(*q.words)] for q in found] == words


def test_a_quotation_quoted_again_nearby_is_repeated() -> None:
    """A pull quote's words stand in the story near it; a short 'No.' never counts."""
    text = '"This is a cut too far."\n\nGreen said: "This is a cut too far," and left.\n\n"No."'
    assert repeated_nearby(text, 0, 24)
    assert not repeated_nearby(text, len(text) - 5, len(text))
