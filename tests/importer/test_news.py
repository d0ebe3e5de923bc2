"""Reading a news story: quote passages, reported narration, attributions and warnings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import NEWS_INTERRUPTED

from cstocli.dataset.files import dataset_from_json, dataset_to_json
from cstocli.importer.article import ArticleError, ImportResult, import_article


def _story(*paragraphs: str) -> str:
    return "Council approves new bridge over the river\n\n" + "\n\n".join(paragraphs) + "\n"


def _read(*paragraphs: str) -> ImportResult:
    return import_article(_story(*paragraphs), file_name="story.txt")


def _rows(result: ImportResult) -> list[tuple[str, str | None, list[str]]]:
    """Each passage as (kind, speaker name, its pieces)."""
    names = {s.id: s.name for s in result.dataset.speakers}
    return [
        (p.kind, names.get(p.speaker_id or ""), [x.text for x in p.paragraphs])
        for p in result.dataset.passages
    ]


def test_a_split_quote_is_one_quote_of_the_words_alone() -> None:
    """A split quote ("…," she said, "…") is one quote of both pieces, no marks, no "said"."""
    result = _read(
        "Mayor Jane Okafor-Reyes opened the bridge on Monday.",
        "\u201cIt took ten years,\u201d she said, \u201cbut it is here.\u201d",
    )
    assert _rows(result)[1] == (
        "quote",
        "Jane Okafor-Reyes",
        ["It took ten years", "but it is here."],
    )
    assert result.dataset.speakers[0].role == "Mayor"


def test_an_indirect_report_is_narration_that_names_the_speaker() -> None:
    """An indirect report ("Okafor-Reyes said the city needs time") names her in narration."""
    result = _read(
        "Jane Okafor-Reyes, the city's mayor, spoke on Monday.",
        "Okafor-Reyes said the city needs more time to pay for the work.",
    )
    kind, who, pieces = _rows(result)[1]
    assert (kind, who) == ("narration", "Jane Okafor-Reyes")
    assert pieces == ["Okafor-Reyes said the city needs more time to pay for the work."]
    assert result.dataset.speakers[0].role == "the city's mayor"
    assert result.dataset.quotes_by(result.dataset.speakers[0].id) == ()


def test_reported_narration_survives_the_dataset_round_trip() -> None:
    """The writer keeps a narration passage's speaker and the reader takes it back."""
    text = _story("Ana Lindqvist, the port director, said the port will stay open all winter.")
    dataset = import_article(text, file_name="story.txt").dataset
    again = dataset_from_json(dataset_to_json(dataset), text, file="story.json")
    assert again == dataset
    assert again.passages[0].speaker_id == "ana-lindqvist"


def test_a_colon_introduction_gives_the_next_paragraph_its_speaker() -> None:
    """A paragraph ending "X said:" introduces the quotation in the paragraph after it."""
    result = _read(
        "In a message to staff, chief executive Amara Osei-Bright said:",
        '"This is the hardest decision I have made."',
    )
    assert _rows(result) == [
        ("narration", None, ["In a message to staff, chief executive Amara Osei-Bright said:"]),
        ("quote", "Amara Osei-Bright", ["This is the hardest decision I have made."]),
    ]


def test_a_quote_over_several_paragraphs_is_one_passage() -> None:
    """An opening mark left open runs on through each paragraph that re-opens it."""
    result = _read(
        'Union leader Hollis Mbeki said: "We warned the board.',
        '"Nobody listened.',
        '"We do not want to strike."',
        "Talks resume on Monday.",
    )
    rows = _rows(result)
    assert rows[1] == (
        "quote",
        "Hollis Mbeki",
        ["We warned the board.", "Nobody listened.", "We do not want to strike."],
    )
    assert rows[2] == ("narration", None, ["Talks resume on Monday."])


def test_two_voices_in_one_paragraph_are_two_quotes() -> None:
    """Each quotation goes to the attribution in its own sentence."""
    result = _read(
        "Dr. Imelda Sorensen, a surgeon, designed the pilot.",
        '"It is a slogan," said Gareth Linde. But Sorensen said: "We will publish the numbers."',
    )
    quotes = [(who, pieces) for kind, who, pieces in _rows(result) if kind == "quote"]
    assert quotes == [
        ("Gareth Linde", ["It is a slogan"]),
        ("Imelda Sorensen", ["We will publish the numbers."]),
    ]
    assert {s.name: s.role for s in result.dataset.speakers}["Imelda Sorensen"] == "surgeon"


def test_pronouns_follow_the_sex_the_text_gives() -> None:
    """With a woman and a man named, "she" and "he" each find the right one."""
    result = _read(
        "Petra Vashenko, who chairs the committee, opposed the plan.",
        '"We are against this building," she said.',
        "The developer's director, Tomas Rydell, said he had cut two floors.",
        '"We listened," he said.',
        '"Two floors is a gesture," she said.',
    )
    quotes = [who for kind, who, _ in _rows(result) if kind == "quote"]
    assert quotes == ["Petra Vashenko", "Tomas Rydell", "Petra Vashenko"]
    assert not [w for w in result.warnings if "could be" in w.message]


def test_an_unsettled_pronoun_warns_with_its_line() -> None:
    """Two people of unknown sex before "she said": the most recent is taken, with a warning."""
    result = _read(
        "Alex Morgan-Hale and Sam Okoro-Baptiste met the press.",
        "Okoro-Baptiste spoke last.",
        '"We are done," she said.',
    )
    assert [who for kind, who, _ in _rows(result) if kind == "quote"] == ["Sam Okoro-Baptiste"]
    warned = [w for w in result.warnings if "could be 'Alex Morgan-Hale'" in w.message]
    assert [w.line for w in warned] == [7]


def test_a_quotation_without_a_person_stays_narration() -> None:
    """An organisation's or a sign's words are the reporter's to relay: narration, warned."""
    result = _read(
        'The ministry said the offer was "fair and final".',
        'A sign by the door reads: "Return it cleaner than you found it."',
        "Mayor Jane Doe-Okafor said the bridge opens in May.",
    )
    assert [kind for kind, _, _ in _rows(result)] == ["narration", "narration", "narration"]
    assert len([w for w in result.warnings if "no one named" in w.message]) == 2


def test_a_bare_quotation_after_a_quote_is_the_same_speaker_with_a_warning() -> None:
    """A paragraph that is only a quotation continues the last speaker, and says so."""
    result = _read('"We will win," said coach Lena Brandt.', '"Every game."')
    assert [who for kind, who, _ in _rows(result) if kind == "quote"] == ["Lena Brandt"] * 2
    assert any("with no one named; read as 'Lena Brandt'" in w.message for w in result.warnings)


def test_shared_surnames_warn_and_take_the_most_recent() -> None:
    """A surname two people share goes to the one named last, with a warning."""
    result = _read(
        "Jonas Brandt, the captain and son of coach Lena Brandt, scored twice.",
        '"I told him to shoot," Lena Brandt said.',
        "Brandt said the team would rest on Sunday.",
    )
    assert _rows(result)[-1][:2] == ("narration", "Lena Brandt")
    assert any("'Brandt' could be" in w.message for w in result.warnings)
    roles = {s.name: s.role for s in result.dataset.speakers}
    assert roles == {"Lena Brandt": "coach"}


def test_page_furniture_is_left_out_with_a_warning() -> None:
    """Bylines, time stamps, menus and share lines are no passages, and each is named."""
    result = _read(
        "By Liv Andersen, Staff Writer",
        "Updated: 7 hours ago",
        'Ana Lindqvist, the port director, said: "Every berth is booked."',
        "Share on Facebook | Share on X | Email",
    )
    assert [p.kind for p in result.dataset.passages] == ["narration", "quote"]
    furniture = [w.line for w in result.warnings if "page furniture" in w.message]
    assert furniture == [3, 5, 9]
    assert not any("Share on" in p.text for p in result.dataset.passages)


def test_a_story_without_labels_or_attributed_quotations_is_refused() -> None:
    """Plain prose, nobody quoted or reported: the old refusal, which now says both."""
    with pytest.raises(ArticleError, match="no attributed quotation"):
        _read("The bridge opened on Monday.", "Traffic was light.")


_PARTS = st.sampled_from(
    [
        '"We are ready," she said.',
        "\u201cNot yet,\u201d said Mayor Jane Doe-Okafor, the city's mayor.",
        'Tom Berg said: "We warned them.',
        '"Nobody listened.',
        "'Never,' he said, 'not once.'",
        "According to Berg, the plan failed.",
        "The ministry said it was \u201cfair\u201d.",
        "By Staff Writer",
        "14:32 BST",
        '""',
        "\u201c",
        "Dr. A. B. said:",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PARTS, st.text(max_size=30)), min_size=1, max_size=10))
def test_any_story_imports_or_is_refused_cleanly(parts: list[str]) -> None:
    """Whatever the mix of quotations and prose, the import passes the loader or is refused."""
    text = _story(*parts)
    try:
        dataset = import_article(text, file_name="any.txt").dataset
    except ArticleError:
        return
    assert dataset_from_json(dataset_to_json(dataset), text, file="any.json") == dataset


def test_a_paragraph_correction_on_a_news_story_is_ignored_with_a_warning() -> None:
    """Narration/speech corrections do not steer a news story; the import says so."""
    text = _story('"We will win," said coach Lena Brandt.')
    at = text.index('"We will')
    result = import_article(text, file_name="story.txt", overrides={at: "narration"})
    assert [p.kind for p in result.dataset.passages] == ["quote", "narration"]
    assert [w.line for w in result.warnings if "correction ignored" in w.message] == [3]


def test_a_bare_quote_is_whose_the_next_paragraph_says() -> None:
    """A next paragraph "So said X" or "That was the promise from X" names the speaker."""
    result = _read(
        "Ben Osei, who runs the library, welcomed the vote. \u201cIt is a relief,\u201d he said.",
        "\u201cThe building needs a new roof by winter.\u201d",
        "So said Osei's deputy, Carla Mendes, who has worked there for 20 years.",
        "\u201cWe will not close a single library.\u201d",
        "That was the promise from Councillor Ana Lee-Marsh as the vote was counted.",
    )
    quotes = [(who, pieces) for kind, who, pieces in _rows(result) if kind == "quote"]
    assert quotes == [
        ("Ben Osei", ["It is a relief"]),
        ("Carla Mendes", ["The building needs a new roof by winter."]),
        ("Ana Lee-Marsh", ["We will not close a single library."]),
    ]
    assert any("read as 'Carla Mendes''s, named next" in str(w) for w in result.warnings)


def test_a_next_paragraph_that_names_no_one_leaves_the_usual_rule() -> None:
    """A next paragraph like "That was the end of the meeting." names no one: no one gained."""
    alone = _read(
        "The bridge opened on Monday after ten years of work.",
        "\u201cThat was the end of it, and a long one.\u201d",
        "That was the end of the meeting.",
        "\u201cIt is open now,\u201d said Ana Lee-Marsh, the mayor.",
    )
    assert [kind for kind, _, _ in _rows(alone)][:3] == ["narration"] * 3
    after = _read(
        "Mayor Jane Okafor-Reyes opened the bridge on Monday. \u201cAt last,\u201d she said.",
        "\u201cThat was the end of it, and a long one.\u201d",
        "That was the end of the meeting.",
    )
    quotes = [who for kind, who, _ in _rows(after) if kind == "quote"]
    assert quotes == ["Jane Okafor-Reyes", "Jane Okafor-Reyes"]  # hers: it follows her quote


def _quoted(result: ImportResult) -> dict[str, str | None]:
    """Each quote's first words and whose they are."""
    return {pieces[0]: name for kind, name, pieces in _rows(result) if kind == "quote"}


def test_as_x_put_it_attributes_the_quotation_after_the_colon() -> None:
    """'As the head of X, NAME, put it: "..."' is NAME's quote, with that role."""
    result = _read(
        "As the head of the Friends of Eastmere Library, Joel Castellanos-Reid, put it:"
        ' "A library shut on Sunday is shut for workers."',
    )
    quote = "A library shut on Sunday is shut for workers."
    assert _quoted(result) == {quote: "Joel Castellanos-Reid"}
    roles = {s.name: s.role for s in result.dataset.speakers}
    assert roles["Joel Castellanos-Reid"] == "head of the Friends of Eastmere Library"


def test_a_description_is_the_person_named_just_before() -> None:
    """'NAME stayed. "...," the pensioner said.' is NAME's; with two people named, nobody's."""
    one = _read('Agnes Farrow stayed on. "I have catching up to do," the pensioner said.')
    assert _quoted(one) == {"I have catching up to do": "Agnes Farrow"}
    two = _read(
        '"We met," Ruth Anand said.',
        'Agnes Farrow met Ruth Anand. "I have catching up to do," the pensioner said.',
    )
    assert _quoted(two).get("I have catching up to do") is None


def test_an_age_description_opening_the_clause_is_the_person_named_last() -> None:
    """'The 47-year-old teacher, who ..., said the group ...' reports the person named last."""
    result = _read(
        'Joel Reid spoke first. "Shut is shut," Reid said.',
        "The 47-year-old teacher, who collected 2,000 signatures, said the petition stays open.",
        "The mayor, who spoke later, said the hours are fixed.",
    )
    rows = _rows(result)
    assert rows[-2][:2] == ("narration", "Joel Reid")
    assert rows[-1][:2] == ("narration", None)


def test_a_weak_verb_with_an_object_before_a_quotation_attributes_it() -> None:
    """'NAME called the response "far too slow".' quotes NAME; "conceded the vote." does not."""
    result = _read('Councillor Brendan Hale called the response "far too slow".')
    assert _quoted(result) == {"far too slow": "Brendan Hale"}


def test_a_quote_introduced_by_her_words_is_hers() -> None:
    """A quotation introduced by "Her message was cautious:" is the woman's last named."""
    result = _read(
        "Governor Ottilie Varga-Sandoval said a cut was possible in the autumn.",
        "Her message to markets was cautious: \u201cNobody should read today as a promise.\u201d",
    )
    assert _rows(result)[-1] == (
        "quote",
        "Ottilie Varga-Sandoval",
        ["Nobody should read today as a promise."],
    )


def test_a_figure_in_the_attribution_inside_a_split_quote_is_read() -> None:
    """'"...," said X, a nurse who has worked here for two decades, "..."': the reporter's."""
    result = _read(
        "\u201cWe did not want this,\u201d said Grace Lee-Olsen, a nurse who has worked here"
        " for two decades. \u201cBut I am not doing it again.\u201d",
    )
    figures = {f.text: f.passage_id for f in result.dataset.figures}
    assert "two decades" in figures
    middle = next(p for p in result.dataset.passages if p.id == figures["two decades"])
    assert not middle.is_quote
    quotes = [[x.text for x in p.paragraphs] for p in result.dataset.passages if p.is_quote]
    assert quotes == [["We did not want this"], ["But I am not doing it again."]]


def test_a_quote_after_a_short_sentence_about_someone_is_theirs() -> None:
    """In a feature, "Moen laughs. "Not about her."" is Moen's quotation, with a warning."""
    result = _read(
        "The ferry is run by Eirik Saltvik-Moen, who retires this week.",
        "Does he worry? Saltvik-Moen laughs. \u201cNot about her. About the council.\u201d",
    )
    assert _rows(result)[-1] == (
        "quote",
        "Eirik Saltvik-Moen",
        ["Not about her. About the council."],
    )
    assert any("the sentence before it" in w.message for w in result.warnings)


def test_key_quotes_credited_with_a_dash_are_the_named_peoples() -> None:
    """A list of quotes each followed by "\u2014 NAME, role" gives each to its person."""
    result = _read(
        "The summit's president, Ilse Varga-Moreno, closed the talks on Friday.",
        "- \u201cWe came for coal and we leave with trees.\u201d \u2014 Tevita Fonua-Halls,"
        " climate envoy of the Pacific states",
        "- \u201cNobody believed we would get all of it.\u201d \u2014 Ilse Varga-Moreno",
    )
    quotes = [(who, pieces) for kind, who, pieces in _rows(result) if kind == "quote"]
    assert quotes == [
        ("Tevita Fonua-Halls", ["We came for coal and we leave with trees."]),
        ("Ilse Varga-Moreno", ["Nobody believed we would get all of it."]),
    ]
    roles = {s.name: s.role for s in result.dataset.speakers}
    assert roles["Tevita Fonua-Halls"] == "climate envoy of the Pacific states"


# -- the reporter's words between two quotations (QA #19) ---------------------------------


def test_a_report_between_two_quotations_is_narration_between_two_quotes() -> None:
    """'"…," said X, adding that 300 homes … "…"': the middle is narration, its figure kept."""
    result = _read(
        '"The river rose faster than ever," said Mayor Ana Vidal, adding that 300 homes were'
        ' flooded and the bridge had collapsed. "We need help now," she said.'
    )
    rows = _rows(result)
    assert rows[0] == ("quote", "Ana Vidal", ["The river rose faster than ever"])
    assert rows[1][0] == "narration"
    assert "300 homes were flooded and the bridge had collapsed." in rows[1][2][0]
    assert rows[2] == ("quote", "Ana Vidal", ["We need help now"])
    assert [(f.text, f.value) for f in result.dataset.figures] == [("300 homes", 300)]


def test_a_sentence_of_its_own_between_two_quotations_is_narration() -> None:
    """Each 'Vidal said 20 buses were late.' between quotations is narration; each figure kept."""
    pair = '"We need more buses," said Ana Vidal. Vidal said {} buses were late.'
    result = _read(" ".join(pair.format(n) for n in (20, 30, 40)))
    kinds = [kind for kind, _, _ in _rows(result)]
    assert kinds == ["quote", "narration"] * 3
    assert [f.value for f in result.dataset.figures] == [20, 30, 40]


@pytest.mark.parametrize(
    "middle",
    ["she said.", "said Ana Vidal, the mayor.", "she said on Tuesday.", "she said, "],
)
def test_an_attribution_alone_between_two_quotations_keeps_one_quote(middle: str) -> None:
    """'"A," she said. "B."': the attribution only says who speaks; the quote stays whole."""
    result = _read("Mayor Ana Vidal spoke first.", f'"We are ready," {middle} "We are willing."')
    assert _rows(result)[1] == ("quote", "Ana Vidal", ["We are ready", "We are willing."])


# -- an abbreviated title after the verb (QA #3) ------------------------------------------


@pytest.mark.parametrize("title", ["Dr.", "Mr.", "Prof.", "Sen.", "Gov.", "Rev."])
def test_a_title_with_a_full_stop_after_said_keeps_the_quote(title: str) -> None:
    """'"…," said Dr. Helen Marsh, a surgeon.': the title's full stop ends no sentence."""
    result = _read(f'"This is a sad day," said {title} Helen Marsh, a surgeon.')
    assert _rows(result)[0] == ("quote", "Helen Marsh", ["This is a sad day"])


# -- a name after the verb is spoken to or about (QA #15) ---------------------------------


@pytest.mark.parametrize(
    "attribution",
    [
        "she told Lund.",
        "she added, referring to Lund.",
        "she said in reply to Lund.",
        "she said about Governor Lund.",
        "she said, turning to Lund.",
    ],
)
def test_a_pronoun_is_the_person_named_before_it_not_after(attribution: str) -> None:
    """'"…," she told Lund.': she is the mayor named before, Lund the one spoken to."""
    result = _read(
        "Mayor Karen Olsen and Governor Peter Lund met on Monday.",
        '"The city had the money and did nothing," the governor said.',
        "Olsen said she would ask for federal help.",
        f'"He knows that is false," {attribution}',
    )
    quotes = [who for kind, who, _ in _rows(result) if kind == "quote"]
    assert quotes == ["Peter Lund", "Karen Olsen"]


# -- a long quotation attributed in its last paragraph (QA #18) ---------------------------


def test_a_quote_over_paragraphs_is_whose_its_last_paragraph_says() -> None:
    """An opening mark never closed goes on: the later paragraph naming the speaker names it."""
    result = _read(
        "Fishermen blocked the harbour on Saturday.",
        '"We have fished here for generations.',
        '"Our fathers did, and their fathers.',
        '"Now they tell us we can catch only half," said Ivan Kral, a union leader.',
    )
    rows = _rows(result)
    assert rows[1] == (
        "quote",
        "Ivan Kral",
        [
            "We have fished here for generations.",
            "Our fathers did, and their fathers.",
            "Now they tell us we can catch only half",
        ],
    )
    assert not [w for w in result.warnings if "no one named" in w.message]


def test_an_open_quotation_no_paragraph_attributes_stays_narration() -> None:
    """When the quotation ends with no one named, each of its paragraphs is narration, warned."""
    result = _read(
        "Mayor Ana Vidal opened the bridge.",
        '"We have fished here for generations.',
        '"Our fathers did."',
        '"It is open," said Ana Vidal.',
    )
    kinds = [(kind, who) for kind, who, _ in _rows(result)]
    assert kinds == [("narration", None)] * 3 + [("quote", "Ana Vidal"), ("narration", None)]
    warned = [w.line for w in result.warnings if "no one named" in w.message]
    assert warned == [5, 7]


def test_a_pronoun_never_means_the_person_its_own_clause_speaks_to() -> None:
    """'"…," she told Holm.' after Holm spoke last: she is the other woman, not Holm."""
    result = _read(
        "Mayor Karen Olsen and Minister Mia Holm met on Monday.",
        '"The city had the money," Olsen said.',
        '"The state never sent it," Holm said. "We are still waiting," she added.',
        '"That is simply false," she told Holm.',
    )
    quotes = [who for kind, who, _ in _rows(result) if kind == "quote"]
    assert quotes == ["Karen Olsen", "Mia Holm", "Karen Olsen"]


def test_a_sentence_ending_in_a_colon_introduces_its_subject_s_quotation() -> None:
    """A sentence ending "X spoke for the plan:" before a quotation gives X the quote."""
    result = _read(
        'One neighbour, Sigrun Oyelaran, spoke for the plan: "My daughter cannot stay here."',
    )
    assert _rows(result)[1] == ("quote", "Sigrun Oyelaran", ["My daughter cannot stay here."])
    assert any("introduces it" in w.message for w in result.warnings)


def test_a_paragraph_ending_in_a_colon_introduces_the_next_paragraph_s_quote() -> None:
    """A paragraph ending "Her co-author, X, put it plainly:" gives X the next quote."""
    result = _read(
        "Her co-author, Professor Aksel Hovde, put the finding in plainer terms:",
        '"You would not recognise it now."',
    )
    assert _rows(result)[1] == ("quote", "Aksel Hovde", ["You would not recognise it now."])


def test_a_statement_attributed_to_a_person_is_theirs() -> None:
    """'"...," read a statement attributed to the chief executive, X.' quotes X."""
    result = _read(
        '"The fault was ours," read a statement attributed to the chief executive,'
        " Dagny Rostova-Amadi.",
        '"We have suspended all updates," the statement continues.',
    )
    rows = _rows(result)
    assert rows[0] == ("quote", "Dagny Rostova-Amadi", ["The fault was ours"])
    assert rows[2] == ("quote", "Dagny Rostova-Amadi", ["We have suspended all updates"])
    assert result.dataset.speakers[0].role == "chief executive"


def test_a_weak_verb_after_a_quotation_and_before_a_name_attributes_it() -> None:
    """'"...," admitted Rovers manager Ray Holt.': the quote is Ray Holt's, role and all."""
    result = _read('"We were poor, and I include myself," admitted Rovers manager Ray Holt.')
    assert _rows(result)[0] == ("quote", "Ray Holt", ["We were poor, and I include myself"])
    assert result.dataset.speakers[0].role == "Rovers manager"


def test_a_named_possessive_before_a_colon_gives_the_quote() -> None:
    """A colon after "Holt's verdict was blunt" gives the quote to the Holt met before."""
    result = _read(
        "Rovers manager Ray Holt-Okoye was angry after the match.",
        'Holt-Okoye\'s verdict on his defence was blunt: "Schoolboy stuff."',
    )
    assert _rows(result)[-1] == ("quote", "Ray Holt-Okoye", ["Schoolboy stuff."])


def test_a_quote_lede_is_the_person_the_words_after_it_name() -> None:
    """'"..." That is how Hannah Kerr learned it.': the quote is Hannah Kerr's."""
    result = _read(
        '"We found out from a Facebook post." That is how Hannah Kerr learned of the closure.'
    )
    assert _rows(result)[0] == ("quote", "Hannah Kerr", ["We found out from a Facebook post."])


def test_a_role_named_after_a_person_is_the_latest_reference_for_a_pronoun() -> None:
    """In "X pressed the minister. She replied" the minister, referred to last, replies."""
    result = _read(
        "Transport Minister Ida Lund told Channel 9's Marcus Obi on Sunday that tolls were out.",
        'Obi pressed the minister on repairs. She replied that work would begin "within the year".',
    )
    assert _rows(result)[-1][:2] == ("quote", "Ida Lund")


def test_a_verb_opening_its_sentence_names_the_speaker_after_it() -> None:
    """'Says Ruairi Obuya: "..."' quotes Ruairi Obuya; "Says" is no part of the name."""
    result = _read(
        "Ruairi Obuya has run the mill for 22 years.",
        'Says Obuya: "You learn to hear it."',
    )
    assert _rows(result)[-1] == ("quote", "Ruairi Obuya", ["You learn to hear it."])
    assert [s.name for s in result.dataset.speakers] == ["Ruairi Obuya"]


def test_in_the_words_of_names_the_speaker_after_it() -> None:
    """'In the words of one baker, Tamsin Ekwall, "..."' quotes Tamsin Ekwall."""
    result = _read('In the words of one baker, Tamsin Ekwall, "You can taste the river in it."')
    assert _rows(result)[-1] == ("quote", "Tamsin Ekwall", ["You can taste the river in it."])


def test_her_before_a_short_question_introduces_her_quote() -> None:
    """'Her reason? "..."' after a woman is named: the quote is hers, as after "She shrugs."."""
    result = _read(
        'His apprentice, Ms Noor Haddad, came for a summer. Her reason? "Nobody else would."'
    )
    assert _rows(result)[-1] == ("quote", "Noor Haddad", ["Nobody else would."])


_TOKENS = st.sampled_from(
    [
        *('"', "\u201c", "\u201d", "'", "\u2018", "\u2019", ",", ", ,", ".", ":", "?", "\u2014"),
        *("Mayor Raj Patel", "Patel", "Dr. Ann Lee", "Lee's", "a police spokesman", "she", "he"),
        *("said", "says", "admits", "asked", "told", "added", "wrote", "according to", "by"),
        *("We will win", "the council", "on Monday", "Asked by Lee", "In a letter to Patel"),
        *("34", "$2.5 trillion", "Sgt.", "Her", "The", "who", "and", "\n\n"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_TOKENS, max_size=14).map(" ".join), min_size=1, max_size=6))
def test_no_mix_of_quotes_commas_names_and_verbs_makes_the_reader_raise(
    paragraphs: list[str],
) -> None:
    """Any mix of marks, commas, names and reporting verbs imports or is refused cleanly."""
    text = _story(*paragraphs)
    try:
        dataset = import_article(text, file_name="any.txt").dataset
    except ArticleError:
        return
    assert dataset_from_json(dataset_to_json(dataset), text, file="any.json") == dataset


@pytest.mark.parametrize(
    "paragraph",
    [
        "The council will vote next week, , Mayor Raj Patel said on Monday.",
        ", Patel said.",
        ", Patel \u201d",
        '", Patel added, was the only option.',
    ],
)
def test_an_empty_phrase_between_commas_gives_no_role_and_no_error(paragraph: str) -> None:
    """A double comma or a paragraph opening with a comma reads on (QA2 N21's tracebacks)."""
    try:
        result = _read("The council delayed the vote on Monday.", paragraph)
    except ArticleError:
        return
    assert all(s.role in (None, "Mayor") for s in result.dataset.speakers)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ('"Is it safe?" a reporter asked.', '"Yes," Cole replied.'),
        ('"Will you resign?" asked one resident.', '"No," Cole said.'),
        ('"Why the rush?" a woman in the front row shouted.', '"There is no rush," Cole said.'),
    ],
)
def test_a_question_an_unnamed_person_asks_is_not_the_answerer_s(
    question: str, answer: str
) -> None:
    """Only the named person's answer is theirs; the stranger's question stays narration."""
    result = _read("Mayor Janet Cole faced residents on Tuesday.", f"{question} {answer}")
    rows = _rows(result)
    quotes = [row for row in rows if row[0] == "quote"]
    said = answer[1 : answer.index(",")]
    assert [(who, pieces) for _, who, pieces in quotes] == [("Janet Cole", [said])]
    assert any(question in " ".join(pieces) for kind, _, pieces in rows if kind == "narration")


def test_an_unnamed_spokesman_and_his_he_added_are_nobody_named() -> None:
    """'said a police spokesman. "...," he added.': neither is the person named before."""
    result = _read(
        "Daniel Kerr, the boatyard owner, found the door open on Friday.",
        '"No comment," said a police spokesman. "We are investigating," he added.',
        '"They took everything," Kerr said.',
    )
    quotes = [(who, pieces) for kind, who, pieces in _rows(result) if kind == "quote"]
    assert quotes == [("Daniel Kerr", ["They took everything"])]
    assert any("no one named" in w.message for w in result.warnings)


@pytest.mark.parametrize(
    "attribution",
    [
        '"We deny everything," a spokesperson for Hill said.',
        '"The senator has done nothing wrong," said a lawyer representing Hill.',
    ],
)
def test_a_spokesperson_for_someone_does_not_make_it_their_quote(attribution: str) -> None:
    """A name after "for" or "representing" is whom the unnamed speaker speaks for."""
    result = _read(
        "Senator Tom Hill was named in the report on Monday.",
        attribution,
        '"It is a witch hunt," Hill said.',
    )
    quotes = [(who, pieces) for kind, who, pieces in _rows(result) if kind == "quote"]
    assert quotes == [("Tom Hill", ["It is a witch hunt"])]


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("Asked by Ruiz whether the city would pay, Vidal said:", "Ana Vidal"),
        ("In a letter to Vidal, Ruiz wrote:", "Carlos Ruiz"),
        ("Responding to Ruiz, Vidal said:", "Ana Vidal"),
        ("Speaking after Ruiz, Vidal said:", "Ana Vidal"),
        ("Ruiz's reply to Vidal was short:", "Carlos Ruiz"),
        ("Vidal was told by Ruiz:", "Carlos Ruiz"),
    ],
)
def test_a_name_after_a_preposition_is_never_the_verb_s_subject(lead: str, speaker: str) -> None:
    """'Asked by X ..., Y said:' and 'In a letter to X, Y wrote:' are Y's quotes."""
    result = _read(
        "Mayor Ana Vidal met Transport Minister Carlos Ruiz on Monday.",
        f'{lead} "We already pay too much."',
    )
    quotes = [(who, pieces) for kind, who, pieces in _rows(result) if kind == "quote"]
    assert quotes == [(speaker, ["We already pay too much."])]


@pytest.mark.parametrize(
    "tag",
    [
        "Malec admits.",
        "Malec recalls.",
        "Malec replies.",
        "Malec concedes.",
        "Malec laughs.",
        "Malec jokes.",
        "Malec texted.",
        "Henryk Malec whispered.",
        "whispered Malec.",
    ],
)
def test_a_quotation_s_tag_names_its_speaker_whatever_the_verb(tag: str) -> None:
    """'"...," Malec admits.': a name and one verb after a quotation attribute it."""
    result = _read(
        "Henryk Malec, 71, runs the ferry. Tomasz Bak, a researcher, studies ferries.",
        '"Ferries are infrastructure," said Bak.',
        f'"It is a hard life," {tag}',
    )
    quotes = [(who, pieces) for kind, who, pieces in _rows(result) if kind == "quote"]
    assert quotes[-1] == ("Henryk Malec", ["It is a hard life"])


@pytest.mark.parametrize(
    "sentence",
    [
        "Daniel Kerr, 34, was arrested on Friday and charged with burglary, police said.",
        "Anna Berg will lead the harbour authority from June, officials said on Tuesday.",
        "Tom Hale has been accused of lying, his rivals said.",
    ],
)
def test_what_others_say_about_a_person_is_not_that_person_s_report(sentence: str) -> None:
    """', police said' after a statement about someone: the police say it, not the one named."""
    result = _read(sentence, '"We will appeal," said Ines Brandt, a lawyer.')
    assert _rows(result)[0] == ("narration", None, [sentence])
    assert [s.name for s in result.dataset.speakers] == ["Ines Brandt"]


def test_a_person_s_own_report_after_their_description_stays_theirs() -> None:
    """'..., by her son, NAME, who said she had been ill' still reports the son."""
    sentence = "Her death was confirmed by her son, Henrik Lund, who said she had been ill."
    result = _read(sentence, '"She loved the sea," Lund said.')
    assert _rows(result)[0] == ("narration", "Henrik Lund", [sentence])


def test_she_after_a_newly_named_neighbour_is_the_neighbour() -> None:
    """'Sue Park, a neighbour, was in tears. "...," she said.' is Park's, not the governor's."""
    result = _read(
        'Gov. Linda Marsh declared an emergency. "No one will face this alone," she said.',
        'Sue Park, a neighbour, was in tears. "Please go," she said.',
    )
    quotes = [(who, pieces) for kind, who, pieces in _rows(result) if kind == "quote"]
    assert quotes[-1] == ("Sue Park", ["Please go"])


def test_a_quotation_left_open_before_its_own_attribution_does_not_run_on() -> None:
    """'"We have no choice, said NAME.' (no closing mark) is not the next speaker's quote."""
    result = _read(
        "The city library will close on Sundays from next month.",
        '"We have no choice, said chief librarian Nora Field.',
        '"This is a cut too far," said union official Sam Green.',
    )
    quotes = [(who, pieces) for kind, who, pieces in _rows(result) if kind == "quote"]
    assert quotes == [("Sam Green", ["This is a cut too far"])]
    assert any("not closed" in w.message and w.line == 5 for w in result.warnings)


def test_german_low_high_marks_close_their_own_quotation() -> None:
    """'„Wir schaffen das“, sagte NAME.' never opens a quotation the next paragraph closes."""
    result = _read(
        "\u201eWir schaffen das\u201c, sagte Kanzlerin Anna Weber.",
        '"We can do it," said plant manager Tom Reid.',
    )
    quotes = [(who, pieces) for kind, who, pieces in _rows(result) if kind == "quote"]
    assert quotes[-1] == ("Tom Reid", ["We can do it"])
    assert all(who != "Tom Reid" or "sagte" not in " ".join(p) for who, p in quotes)


@pytest.mark.parametrize(
    ("opening", "speakers"),
    [
        (
            "Mayor Karen Olsen met Governor Peter Lund on Monday.",
            ["Karen Olsen", "Peter Lund", "Karen Olsen"],
        ),
        (
            "Mrs Karen Olsen met Mr Peter Lund on Monday.",
            ["Karen Olsen", "Peter Lund", "Karen Olsen"],
        ),
    ],
)
def test_she_and_he_follow_the_subject_and_the_sex_the_text_gives(
    opening: str, speakers: list[str]
) -> None:
    """'Olsen met Lund. "...," she said. "...," he said.': Olsen, then Lund, then Olsen."""
    result = _read(
        opening,
        '"We need help now," she said.',
        '"Help is on the way," he said.',
        'Olsen later met Tom Berg, the emergency chief. "We were promised pumps," she said.',
    )
    assert [who for kind, who, _ in _rows(result) if kind == "quote"] == speakers


@pytest.mark.parametrize("title", ["Det.", "Lt.", "Insp.", "Supt.", "Fr.", "Msgr.", "Pres."])
def test_any_capitalised_abbreviation_after_said_is_a_title(title: str) -> None:
    """'"Please," said Det. Kate Moss.' is Moss's quote, the title the splitter may not know."""
    result = _read("Police appealed for witnesses.", f'"Please," said {title} Kate Moss.')
    assert [row for row in _rows(result) if row[0] == "quote"] == [
        ("quote", "Kate Moss", ["Please"])
    ]


@pytest.mark.parametrize(
    "middle",
    [
        "said Lane, whose department paid $40m for the wall.",
        "Lane said on Friday at the opening ceremony in Millbrook.",
        "Lane told reporters, who had waited 3 hours in the rain.",
    ],
)
def test_words_between_two_quotations_that_say_more_are_narration(middle: str) -> None:
    """A figure, a clause of its own or a long tag between two quotations stays searchable."""
    result = _read("Governor Ruth Lane opened the flood wall.", f'"It will hold," {middle} "Sure."')
    rows = _rows(result)
    assert [pieces for kind, _, pieces in rows if kind == "quote"] == [["It will hold"], ["Sure."]]
    assert any(pieces == [middle] for kind, _, pieces in rows if kind == "narration")


def test_a_place_word_surname_is_met_again_alone() -> None:
    """'his former aide, Lisa Park,' is a person, and 'Park said' is her."""
    result = _read(
        "Senator Tom Hill and his former aide, Lisa Park, were named in the report.",
        '"I am shocked," Park said in a statement.',
    )
    assert [row for row in _rows(result) if row[0] == "quote"] == [
        ("quote", "Lisa Park", ["I am shocked"])
    ]


def test_a_pull_quote_is_not_the_previous_speaker_s() -> None:
    """A bare quotation repeating words quoted nearby is a display quote: narration, warned."""
    result = _read(
        '"We have no choice," said chief librarian Nora Field.',
        '"This is a cut too far."',
        'Union official Sam Green disagreed. "This is a cut too far," he said.',
    )
    quotes = [(who, pieces) for kind, who, pieces in _rows(result) if kind == "quote"]
    assert quotes == [
        ("Nora Field", ["We have no choice"]),
        ("Sam Green", ["This is a cut too far"]),
    ]
    assert any("pull quote" in w.message and w.line == 5 for w in result.warnings)


def test_two_spaces_typed_between_sentences_make_no_quotation_tag() -> None:
    """'The bridge closed.  Tom Hale resigned.' reports no one: no quotation ends there."""
    result = _read(
        'Tom Hale chaired the board. "We are ready," said Ann Lee.',
        "The bridge closed.  Tom Hale resigned.",
    )
    assert _rows(result)[-1][:2] == ("narration", None)


def test_a_story_s_warnings_name_the_editor_s_lines_in_a_cr_only_file() -> None:
    """An old Mac file (CR alone ends a line): the byline's furniture warning is on line 3."""
    text = NEWS_INTERRUPTED.read_text(encoding="utf-8").replace("\n", "\r")
    result = import_article(text, file_name="news.txt")
    assert [w.line for w in result.warnings if "read as page furniture" in w.message] == [3]
