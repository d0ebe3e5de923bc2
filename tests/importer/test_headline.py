"""Which line is an article's headline (cstocli.importer.headline)."""

from __future__ import annotations

import pytest

from cstocli.importer.headline import find_headline
from cstocli.importer.layout import split_lines


def test_repeated_headline_past_furniture() -> None:
    """The title printed twice, with furniture between, is all headline."""
    text = "Title\nShare:\n\nTitle\n\nBody starts.\n"
    headline, warnings = find_headline(split_lines(text))
    assert headline.title.text == "Title"
    assert headline.body_start == text.index("Body")
    assert warnings == []


def test_article_opening_with_a_label_has_no_headline() -> None:
    """A first line that is a label is body and stands in as title, with a warning."""
    text = "\nAnn Lee:\nHello.\n"
    headline, warnings = find_headline(split_lines(text))
    assert headline.title.text == "Ann Lee:"
    assert headline.body_start == 1
    assert [(w.line, w.message[:12]) for w in warnings] == [(2, "no headline:")]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Skip to main content\nHome | News | About\nBriefings\n\nDaily Press Briefing - May 4\n"
         "\nAnn Lee\nSpokesperson\n\nMS LEE: Hello.\n", "Daily Press Briefing - May 4"),
        ("Transcripts \u203a Storm Update Press Conference\n\nStorm Update Press Conference\n\n"
         "Ann Lee: (00:04)\nHello.\n", "Storm Update Press Conference"),
        ("# Tidewater Podcast\n\n## Episode 12: Salt Marshes and Oysters\n\n*Our host talks.*\n\n"
         "**Ann Lee:** Hello.\n", "Episode 12: Salt Marshes and Oysters"),
        ("Leaders meet\n\nThe leaders met on a long Tuesday in the capital.\n\nAnn Lee: Hi.\n",
         "Leaders meet"),
    ],
)  # fmt: skip
def test_headline_is_chosen_past_site_chrome(text: str, title: str) -> None:
    """Menus, breadcrumbs, section names and markdown marks are passed over for the title."""
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == title
    assert text[headline.title.span[0] : headline.title.span[1]] == title


def test_a_caption_spaced_out_to_a_column_is_no_long_headline() -> None:
    """Spaces padding "v.    No. 25-0113" do not make it the longest top line."""
    text = (
        "COURT OF APPEALS, FOURTH DISTRICT\n\nHALVERSON MILLS, INC.,\n"
        "     v.                                          No. 25-0113\n"
        "PIKE COUNTY BOARD,\n          Respondent.\n\nJUDGE ODUYA: Counsel?\n"
    )
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "COURT OF APPEALS, FOURTH DISTRICT"


def test_a_dateline_with_a_clock_time_is_no_headline() -> None:
    """The longer line under the headline that gives a clock time is its dateline."""
    text = (
        "Halden Robotics (HLDR) Q1 2026 Earnings Call Transcript\n\n"
        "Halden Robotics (NASDAQ:HLDR) Q1 2026 Earnings Conference Call May 6, 2026 5:00 PM ET\n\n"
        "Operator: Good afternoon and welcome.\n"
    )
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "Halden Robotics (HLDR) Q1 2026 Earnings Call Transcript"


@pytest.mark.parametrize(
    "chrome",
    [
        "We use cookies to improve your experience on this website. Accept all | Manage settings",
        "Words by Hanne Strom and her many colleagues \u00b7 Photographs by Kofi Adjei-Larsen",
    ],
)
def test_a_banner_or_byline_longer_than_the_headline_is_not_it(chrome: str) -> None:
    """A cookie banner's link bar or a byline is page chrome, however long."""
    text = f"{chrome}\n\nPort braces for record winter\n\nShips queued on Monday, officials said.\n"
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "Port braces for record winter"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Accept all cookies | Manage preferences\n"
            "We use cookies to improve your experience on our site.\n"
            "Minister orders review of bus cuts\n\nThe minister said so.\n",
            "Minister orders review of bus cuts",
        ),
        (
            "Meridian Newswire\nNews provided by Kestrel Grid Inc.\n"
            "Kestrel Grid to build a battery park\n\nKestrel Grid said so.\n",
            "Kestrel Grid to build a battery park",
        ),
        (
            "Rural bus cuts reviewed\nBy Ann Lee\n"
            "Buses wait at the depot in Carrowmore, where routes were cut. (Herald photo/Bo Ilic)\n"
            "\nThe minister said so.\n",
            "Rural bus cuts reviewed",
        ),
    ],
)
def test_a_cookie_notice_provider_line_or_credited_caption_is_no_headline(
    text: str, title: str
) -> None:
    """A cookie notice and "News provided by X Inc." are passed over; a caption ends the top."""
    assert find_headline(split_lines(text))[0].title.text == title


def test_a_case_caption_is_the_title_of_a_trial_transcript() -> None:
    """The "X v. Y" line is the title, without its line number; the appearances end the top."""
    text = (
        " 1        IN THE CIRCUIT COURT OF HARLOW COUNTY\n"
        " 2          STATE OF WESTMERE v. TOBIAS RENNICK\n"
        " 3    BEFORE THE HONORABLE MARGIT ELLESTAD, CIRCUIT JUDGE\n"
        "APPEARANCES:\n"
        "For the Defendant:  IRENA PRZYBYLSKI, Assistant Public Defender\n"
        "\nTHE COURT: Be seated.\n"
    )
    assert find_headline(split_lines(text))[0].title.text == "STATE OF WESTMERE v. TOBIAS RENNICK"
    both = "Ann Lee v. Bo Roe and Ann Lee v. Cy Moe"  # two captions: the longest, as before
    two = f"{both}\nAnn Lee v. Bo Roe\n\nTHE COURT: Sit.\n"
    assert find_headline(split_lines(two))[0].title.text == both


@pytest.mark.parametrize(
    "masthead",
    [
        "SUBCOMMITTEE ON WATER RESOURCES AND THE ENVIRONMENT",
        "IN THE HIGH COURT OF THE NORTHERN PROVINCE",
        "From the Assembly Record Online through the Public Printing Office",
        "Assembly Record Volume 61, Number 12 (Monday, May 4, 2026)",
    ],
)
def test_the_issuer_issue_or_source_longer_than_the_headline_is_not_it(masthead: str) -> None:
    """Where a record comes from is passed over for the headline under or above it."""
    text = f"{masthead}\n\nDROUGHT: WHO PAYS?\n\nMs. ARNE. Thank you, Chair.\n"
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "DROUGHT: WHO PAYS?"


def test_a_headline_naming_a_court_is_still_the_headline() -> None:
    """'Court rejects ...' says what a court did: a headline, not an issuer."""
    text = "Court rejects ferry appeal by shipyard\n\nThe appeal failed on Monday, a judge ruled.\n"
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "Court rejects ferry appeal by shipyard"


def test_a_date_line_longer_than_the_headline_is_not_it() -> None:
    """A line opening with a date is when it was said, however long."""
    text = (
        "Town hall on the new bridge\n\n"
        "Broadcast Tuesday 17 March 2026, 19:00 (transcript of the programme as broadcast)\n\n"
        "HOST: Welcome to the town hall.\n"
    )
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "Town hall on the new bridge"


def test_a_headline_that_asks_is_the_headline() -> None:
    """Under a menu and a breadcrumb, a question is the headline, not the body's start."""
    text = (
        "Radio Westvale | Listen | Schedule | Podcasts\nShows > The Evening Call\n\n"
        "The Evening Call: Should the pool close in winter?\n\nPRESENTER: Good evening.\n"
    )
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "The Evening Call: Should the pool close in winter?"


def test_a_question_after_the_headline_starts_the_body() -> None:
    """A long question under a headline is the body's first sentence, not a headline."""
    text = "Pool to close\n\nWhat will swimmers do all winter long now?\n\nThey will drive.\n"
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "Pool to close"


def test_a_header_field_longer_than_the_headline_is_not_it() -> None:
    """'Speakers: ...' under the headline lists who speaks; it is no headline."""
    text = (
        "Transcript: Weekly briefing on the water supply\n\n"
        "Date: 6 March 2026\n"
        "Speakers: Dr Ann Lee, Chief Engineer; Mr Tom Berg, Director of Operations and Supply\n\n"
        "DR LEE: Good morning.\n"
    )
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "Transcript: Weekly briefing on the water supply"


def test_a_caption_with_a_photo_credit_under_the_headline_is_not_it() -> None:
    """A caption of sentences ending in 'Photo: ...' is the body's furniture, not a headline."""
    text = (
        "Menu\nNews > Research\n\nHedgerows are vanishing, survey finds\n\n"
        "A volunteer measures a hedgerow near the fen in March. Volunteers walked the field "
        "edges for the survey. Photo: Fenwick University/Ann Lee\n\n"
        "A survey has found that the region has lost many hedgerows.\n"
    )
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "Hedgerows are vanishing, survey finds"


def test_a_field_value_under_its_name_is_not_the_headline() -> None:
    """A field name alone ("SPEAKERS") and the list under it are no headline."""
    text = (
        "Sprint review\n\nSUMMARY KEYWORDS\nsearch, catalogue, release\n\n"
        "SPEAKERS\nAnn Lee-Barros, Tobias Fairweather, Unknown Speaker\n\n"
        "Ann Lee-Barros  0:03\nHello.\n"
    )
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "Sprint review"


def test_a_members_line_or_witness_list_is_not_the_headline() -> None:
    """A members line and a surname-first witness line say who, not what."""
    text = (
        "Estimates\n\nMembers in attendance: Senators Abernethy-Cole, McKinnon, Tran-Whitaker\n\n"
        "Bureau of Statistics\n\n"
        "LINDQVIST-ARA, Mr Erik, Statistician and Deputy Registrar General\n\n"
        "CHAIR: I declare the hearing open.\n"
    )
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "Bureau of Statistics"


def test_a_caption_files_title_follows_its_signature() -> None:
    """A WebVTT header "WEBVTT - Title" gives the title without the file's signature."""
    text = (
        "WEBVTT - Allotment committee, March meeting\n\n"
        "1\n00:00:01.000 --> 00:00:03.000\nAnn Lee: Hello.\n"
    )
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "Allotment committee, March meeting"
    assert text[slice(*headline.title.span)] == headline.title.text


def test_a_cast_line_is_no_headline() -> None:
    """A cast line "Guest: Dr Lena Park, hydrologist" under the show's title is not the title."""
    text = (
        "The River Hour, episode 9\n\nHost: Jane Roe\n\n"
        "Guest: Dr Lena Park, hydrologist\n\nHost: Welcome back.\n"
    )
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "The River Hour, episode 9"


def test_a_title_with_its_credits_after_bars_is_the_headline() -> None:
    """A video page's "Talk | Dr NAME | Event" is a title, where "Home | News" is a menu."""
    text = (
        "Home | News | Talks\n\nWhy wetlands hold the coast | Dr Ann Lee | Coast Talks 2026\n"
        "Coast Talks\n\nTranscript\n\n0:00\ngood morning everyone.\n"
    )
    headline, _ = find_headline(split_lines(text))
    assert headline.title.text == "Why wetlands hold the coast | Dr Ann Lee | Coast Talks 2026"
