"""Names in a news story's prose: who is named, with the role and sex the text gives."""

from __future__ import annotations

import pytest

from cstocli.importer.mentions import find_mentions, pronoun_sex, sex_of


def _named(prose: str) -> list[tuple[str, str | None]]:
    """Names and roles, less capitalised words that only open a sentence ("Fire chief ...")."""
    return [(m.name, m.role) for m in find_mentions(prose, 0) if not m.initial]


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("Press Secretary Josh Earnest said it.", [("Josh Earnest", "Press Secretary")]),
        ("Maria Lindqvist, the port director, said so.", [("Maria Lindqvist", "port director")]),
        (
            "said Annelise Strand, the city's mayor.",
            [("Annelise Strand", "the city's mayor")],
        ),
        ("Fire chief Farida Hadjiyeva said:", [("Farida Hadjiyeva", "Fire chief")]),
        (
            "said health authority spokeswoman Carmen Iturbide.",
            [("Carmen Iturbide", "health authority spokeswoman")],
        ),
        (
            "The transit authority's finance chief, Desmond Kwarteng, told the council",
            [("Desmond Kwarteng", "transit authority's finance chief")],
        ),
        (
            "U.S. District Judge Marguerite Vance wrote",
            [("Marguerite Vance", "U.S. District Judge")],
        ),
        ("said Mrs Dorothy Ashe, 82, who started it.", [("Dorothy Ashe", None)]),
        ("Ruth Achebe, who represents the east side, said", [("Ruth Achebe", None)]),
        (
            "Jonas Brandt, the captain and son of coach Lena Brandt, scored",
            [("Jonas Brandt", "captain"), ("Lena Brandt", "coach")],
        ),
        (
            "Emil Radu Constantinescu, chief economist at Danubia Bank, who expects",
            [("Emil Radu Constantinescu", "chief economist at Danubia Bank")],
        ),
        (
            "Jakob Ferreira da Silva, a vineyard owner.",
            [("Jakob Ferreira da Silva", "vineyard owner")],
        ),
    ],
)
def test_names_come_with_the_role_the_text_states(
    prose: str, expected: list[tuple[str, str | None]]
) -> None:
    """Titles before the name and appositions after it are roles; ages and clauses are not."""
    assert _named(prose) == expected


@pytest.mark.parametrize(
    "prose",
    [
        "She works at Westbrook Infirmary now.",
        "Harrowgate Stores, the discount chain, said it would close shops.",
        "The Allied Nurses Union met in the village of Thornby Gill.",
        "KESTRAVIK \u2014 The port expects more containers.",
    ],
)
def test_places_bodies_and_datelines_are_no_people(prose: str) -> None:
    """After "at", "of", "in", an institution's word, a body's apposition, capitals: no one."""
    assert [m.name for m in find_mentions(prose, 0) if " " in m.name] == []


def test_a_lone_surname_is_a_mention_that_knows_it_opens_a_sentence() -> None:
    """One-word names are kept (the cast resolves them); a capital opening a sentence is noted."""
    mentions = find_mentions("Castellano said she agreed. Later, Castellano left.", 10)
    assert [(m.name, m.start, m.initial) for m in mentions] == [
        ("Castellano", 10, True),
        ("Castellano", 45, False),
    ]


def test_sex_comes_only_from_what_the_text_says() -> None:
    """Honorifics, role and kinship words, and subject pronouns; otherwise nothing."""
    assert sex_of("Ms") == "f"
    assert sex_of("the captain and son of coach Lena Brandt") == "m"
    assert sex_of("spokeswoman") == "f"
    assert sex_of("port director") is None
    assert pronoun_sex("Castellano said she still supports it") == "f"
    assert pronoun_sex("His wife joined him on the rock") is None
    assert pronoun_sex("she said he was right") is None


@pytest.mark.parametrize(
    ("prose", "role"),
    [
        ("Anna Berg, standing outside the hall, said so.", None),
        ("Anna Berg, speaking to reporters, said so.", None),
        ("Anna Berg, managing director of the port, said so.", "managing director of the port"),
    ],
)
def test_a_participle_clause_is_no_role(prose: str, role: str | None) -> None:
    """What someone is doing ("standing outside") is no role; "managing director" is one."""
    assert _named(prose) == [("Anna Berg", role)]


def test_a_surnames_apposition_states_a_role() -> None:
    """In "Berg, the port's director, said" the surname mention carries the role."""
    mentions = find_mentions("Berg, the port's director, said the ships would wait.", 0)
    assert [(m.name, m.role) for m in mentions] == [("Berg", "the port's director")]


def test_an_apposition_says_more_than_a_title_before_the_name() -> None:
    """An apposition ("Professor Ann Lee, head of X,") wins over the title; a bare title stays."""
    prose = "Professor Ann Lee, head of the university's School of Geography, said so."
    assert _named(prose) == [("Ann Lee", "head of the university's School of Geography")]
    assert _named("Professor Ann Lee said so.") == [("Ann Lee", "Professor")]
    assert _named("Professor Ann Lee, 71, said so.") == [("Ann Lee", "Professor")]


def test_a_title_after_a_preposition_still_names_a_person() -> None:
    """A titled name after "from" is a person; "from Westbrook Infirmary" is a place."""
    assert [m.name for m in find_mentions("It was a promise from Councillor Ana Lee.", 0)] == [
        "Ana Lee"
    ]
    assert find_mentions("She came from Westbrook Infirmary today.", 0) == []


def test_a_role_set_off_after_from_is_the_names() -> None:
    """After "the message from the union's head," NAME has that role; "of the board" not."""
    found = find_mentions("That was the message from the union's head, Ana Lee, today.", 0)
    assert [(m.name, m.role) for m in found] == [("Ana Lee", "the union's head")]
    listed = find_mentions("She sat by the mayor and the head of the board, Ana Lee.", 0)
    assert [(m.name, m.role) for m in listed] == [("Ana Lee", None)]


@pytest.mark.parametrize(
    ("prose", "role"),
    [
        ("For 30 years Odile Marchand has fed the street.", None),
        ("It comes from number 14, where Odile Marchand is baking.", None),
        ("Her oldest friend, Greta Lowe, comes in at five to make the pastries.", None),
        ("Greta Lowe, sales director, comes in at five.", "sales director"),
        ("Pastry chef Greta Lowe comes in at five.", "Pastry chef"),
    ],
)
def test_a_measure_a_clause_word_or_a_predicate_is_no_role(prose: str, role: str | None) -> None:
    """No role from "30 years" or "where" before a name, nor "comes in at five" after it."""
    assert _named(prose) == [
        (prose.split(",", maxsplit=1)[0].split()[-2:] and _name_in(prose), role)
    ]


def _name_in(prose: str) -> str:
    """The one two-word capitalised name in a test sentence."""
    for name in ("Odile Marchand", "Greta Lowe"):
        if name in prose:
            return name
    raise AssertionError(prose)


@pytest.mark.parametrize(
    ("prose", "named"),
    [
        (
            "NORTHMERE, March 4 /Meridian Newswire/ -- it announced a park.",
            [],
        ),
        (
            "        said Halvard Sand, President and Chief Executive Officer of Kestrel Grid.",
            [("Halvard Sand", "President and Chief Executive Officer of Kestrel Grid")],
        ),
        (
            "In a statement, the company's managing director, Hilde Sorensen, said so.",
            [("Hilde Sorensen", "the company's managing director")],
        ),
        ("In Carrowmore, retired nurse Kieran Obi said so.", [("Kieran Obi", "retired nurse")]),
        ("The board appointed nurse Kieran Obi in May.", [("Kieran Obi", "nurse")]),
    ],
)
def test_wire_credits_joined_titles_set_off_roles_and_adjectives(
    prose: str, named: list[tuple[str, str | None]]
) -> None:
    """Wire credits in slashes name nobody; joined titles and set-off roles are kept whole."""
    full_names = [(name, role) for name, role in _named(prose) if " " in name]
    assert full_names == named


@pytest.mark.parametrize(
    ("prose", "named"),
    [
        ("Prosecutor Daniel Halversen said so.", [("Daniel Halversen", "Prosecutor")]),
        ("In mitigation, Irena Przybylski, defending, said so.", [("Irena Przybylski", None)]),
        ("Ann Lee, managing partner, said so.", [("Ann Lee", "managing partner")]),
    ],
)
def test_court_report_titles_and_a_lone_participle(
    prose: str, named: list[tuple[str, str | None]]
) -> None:
    """A prosecutor's title is a role; "NAME, defending," says what she does, not a role."""
    full_names = [(name, role) for name, role in _named(prose) if " " in name]
    assert full_names == named


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        (
            "said Grace Lee-Olsen, 52, an intensive care nurse who has worked here for years.",
            [("Grace Lee-Olsen", "intensive care nurse")],
        ),
        (
            "Dmitri Holloway, 67, a retired postal worker whose operation is booked for the "
            "week of the strike and who has waited eleven months, said so.",
            [("Dmitri Holloway", "retired postal worker")],
        ),
        ("said Mrs Dorothy Ashe, 82, who started it.", [("Dorothy Ashe", None)]),
        ("On Monday Eirik Moen-Salt, 68, did not seem to notice.", [("Eirik Moen-Salt", None)]),
    ],
)
def test_an_age_and_a_long_clause_leave_the_role_between_them(
    prose: str, expected: list[tuple[str, str | None]]
) -> None:
    """The apposition after an age is the role; a relative clause after it is cut, any length."""
    assert _named(prose) == expected


def test_a_name_set_off_after_a_possessive_role_takes_that_role() -> None:
    """In "Lorvik's fisheries minister, NAME, talks about ...", the verb phrase is no role."""
    prose = (
        "Lorvik's fisheries minister, Henrikke Aalto, talks about closures, subsidies and anger."
    )
    assert _named(prose) == [("Henrikke Aalto", "Lorvik's fisheries minister")]


def test_a_noun_phrase_set_off_before_a_titled_name_says_more_than_the_title() -> None:
    """A phrase set off before a titled name is the role: more than the title alone."""
    prose = "The leader of the opposition group, Councillor Desmond Ilunga, called it a shambles."
    assert _named(prose) == [("Desmond Ilunga", "leader of the opposition group")]


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("said Sen. Tom Hill, who represents the valley.", [("Tom Hill", "Sen.", None)]),
        ("Gov. Ruth Lane said.", [("Ruth Lane", "Gov.", None)]),
        ("said Mr. John Smith.", [("John Smith", None, "m")]),
        ("said Dr. Helen Marsh, a surgeon.", [("Helen Marsh", "surgeon", None)]),
        ("Lt. Col. Ann Ray said", [("Ann Ray", "Lt. Col.", None)]),
    ],
)
def test_an_abbreviated_title_with_its_full_stop_stays_with_the_name(
    prose: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    """'Sen. Tom Hill': the title's full stop parts no words; the title is role or honorific."""
    assert [(m.name, m.role, m.sex) for m in find_mentions(prose, 0)] == expected


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("Resident Tom Berg disagreed with the plan.", [("Tom Berg", "Resident")]),
        (
            "Developer Nils Lie, whose firm bought the site, said so.",
            [("Nils Lie", "Developer")],
        ),
        ("Homeowner Ada Moe, 64, said it floods.", [("Ada Moe", "Homeowner")]),
        ("Evacuee Dominic Yeboah-Strand, 67, said so.", [("Dominic Yeboah-Strand", "Evacuee")]),
        ("Cyclist Ann Marie Berg said so.", [("Ann Marie Berg", "Cyclist")]),
    ],
)
def test_a_role_noun_glued_before_a_name_is_the_role(
    prose: str, expected: list[tuple[str, str | None]]
) -> None:
    """A common noun of role before a name ("Resident Tom Berg") is a role, not a name word."""
    assert _named(prose) == expected


def test_words_after_a_name_set_off_on_both_sides_are_the_predicate() -> None:
    """In "Her co-author, Professor Ann Lee, put it plainly:" "put it plainly" is no role."""
    assert _named("Her co-author, Professor Ann Lee, put it plainly:") == [("Ann Lee", "Professor")]
    assert _named("One neighbour, Sigrun Holt, spoke for the plan:") == [("Sigrun Holt", None)]


def test_no_relation_ends_an_apposition_s_role() -> None:
    """In "a hydrologist at X and no relation" the role ends before "and no relation"."""
    prose = "Emil Hovde, a hydrologist at the University of Nordvann and no relation, said"
    assert _named(prose) == [("Emil Hovde", "hydrologist at the University of Nordvann")]


def test_a_nickname_in_marks_inside_a_name_is_passed_over() -> None:
    """'came from Jonah "Jet" Mbatha': one person, Jonah Mbatha, even after "from"."""
    assert _named('The winner came from Jonah "Jet" Mbatha, who scored.') == [
        ("Jonah Mbatha", None)
    ]


def test_a_given_name_before_and_shares_the_full_name_s_surname() -> None:
    """A couple written "Lars and Ingrid Halvorsen" names Lars and Ingrid Halvorsen."""
    found = find_mentions("Lars and Ingrid Halvorsen lost 140 cows.", 0)
    assert [(m.name, m.shared) for m in found] == [
        ("Lars Halvorsen", True),
        ("Ingrid Halvorsen", False),
    ]
    assert [m.name for m in find_mentions("Anna Berg and Tove Lund spoke.", 0)] == [
        "Anna Berg",
        "Tove Lund",
    ]


def test_a_possessive_pronoun_before_a_noun_of_role_states_the_role() -> None:
    """A fronted "His manager, X," states a role; "her oldest friend, X," no role."""
    assert _named("His manager, Siobhan Lloyd, was calmer.") == [("Siobhan Lloyd", "manager")]
    assert _named("Her oldest friend, Marguerite Lowe, laughed.") == [("Marguerite Lowe", None)]


def test_a_sports_club_is_no_person() -> None:
    """Club names ("Brackwater Rovers", "Kelmscott Town") are bodies, not people."""
    prose = "Brackwater Rovers lost to Kelmscott Town and Oxbridge United drew."
    assert [m.name for m in find_mentions(prose, 0) if " " in m.name] == []


def test_a_given_name_with_a_noun_ending_stays_a_name() -> None:
    """Only a long "-ee"/"-ist" word before two name words is a role: "Lee Ann Moe" keeps Lee."""
    assert _named("Lee Ann Moe said so.") == [("Lee Ann Moe", None)]
    assert _named("Renee Moe said so.") == [("Renee Moe", None)]


def test_capitalised_words_qualifying_a_noun_after_an_article_are_no_person() -> None:
    """In "a Baltic Harbour spokesperson" the capitalised words name a body, not a person."""
    assert find_mentions("a Baltic Harbour spokesperson said in a statement.", 0) == []
    assert _named("said the mayor Ann Lee on Monday.") == [("Ann Lee", "mayor")]


def test_how_before_a_name_is_no_role() -> None:
    """In "That is how Hannah Kerr learned" "how" is no role."""
    assert _named("That is how Hannah Kerr learned it.") == [("Hannah Kerr", None)]


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        (
            "said Health and Transport Minister Ida Lund.",
            [("Ida Lund", "Health and Transport Minister")],
        ),
        (
            "                said a spokesperson for the mayor, Jo Berg.",
            [("Jo Berg", "spokesperson for the mayor")],
        ),
        (
            "                said the study's lead author, Professor Li Wen-Hsu of the Institute.",
            [("Li Wen-Hsu", "the study's lead author")],
        ),
    ],
)
def test_roles_of_two_portfolios_and_after_a_reporting_verb(
    prose: str, expected: list[tuple[str, str | None]]
) -> None:
    """One role of two portfolios ("Health and Transport Minister"); a role after "said"."""
    assert [(name, role) for name, role in _named(prose) if " " in name] == expected


def test_and_between_a_titled_name_and_a_title_joins_no_role() -> None:
    """In "Mayor Ann Lee and Councillor Ed Moe" the two are two people, two roles."""
    assert _named("said Mayor Ann Lee and Councillor Ed Moe.") == [
        ("Ann Lee", "Mayor"),
        ("Ed Moe", "Councillor"),
    ]


def test_a_source_named_by_first_name_only_is_a_person_with_the_noun_as_role() -> None:
    """A nurse "who gave only her first name, Maria," is Maria, a nurse, a woman."""
    found = find_mentions("On the line, a nurse who gave only her first name, Maria, said:", 0)
    assert [(m.name, m.role, m.sex, m.alone) for m in found] == [("Maria", "nurse", "f", True)]
    found = find_mentions("A driver identified only as Tomas said so.", 0)
    assert [(m.name, m.role) for m in found] == [("Tomas", "driver")]


def test_a_two_word_possessive_name_opens_a_fronted_role() -> None:
    """A possessive name of two words ("Dunmore Rail's managing director, X,") opens a role."""
    assert _named("Dunmore Rail's managing director, Graham Pike, said:") == [
        ("Graham Pike", "Dunmore Rail's managing director")
    ]


@pytest.mark.parametrize(
    ("prose", "name"),
    [
        ("Sue Park, a neighbour, was in tears.", "Sue Park"),
        ("His neighbor, Sue Park, pleaded with him to go.", "Sue Park"),
        ("Central Park, a green space, is open.", None),
        ("In a statement, Tallis Water said it would appeal.", None),
        ("She heads the Delhi Commuters Forum, a lobby.", None),
    ],
)
def test_a_surname_that_is_a_place_word_is_a_person_described_as_one(
    prose: str, name: str | None
) -> None:
    """'Sue Park, a neighbour,' is a person; 'Central Park, a green space,' is not."""
    assert [m.name for m in find_mentions(prose, 0)] == ([] if name is None else [name])


def test_cllr_is_a_title_not_part_of_the_name() -> None:
    """'Cllr Andrew Pike' is Andrew Pike, so 'Mr Pike' later is the same person."""
    (mention,) = find_mentions("Cllr Andrew Pike said it.", 0)
    assert (mention.name, mention.role) == ("Andrew Pike", "Cllr")
