"""The word lists that tell a speaker label from prose: furniture, titles, function words.

Kept apart from ``labels`` (which reads the label forms) because they are data, read by
other steps too: ``titles.is_title_word`` looks titles up here, and a list grows as new layouts
are met without the reading rules changing.
"""

from __future__ import annotations


def _words(prose: str) -> frozenset[str]:
    """A word list written as prose, one blank between words, as a set."""
    return frozenset(prose.split())


# Lines of website chrome that end with a colon but introduce no speech.
FURNITURE = frozenset(
    (
        "share", "print", "email", "e-mail", "tags", "tag", "topics", "topic", "keywords",
        "categories", "category", "related", "source", "sources", "photo", "photos", "video",
        "image", "images", "caption", "credit", "credits", "advertisement", "comments",
        "comment", "subscribe", "follow", "follow us", "date", "published", "updated", "author",
        "by", "read more", "read also", "see also", "listen", "note", "update", "editor's note",
        "watch", "contact", "links", "link", "menu", "search", "font size", "text size",
        "transcript", "full transcript", "appearances", "present", "participants", "panel",
        "witnesses", "attendees", "speakers", "executives", "analysts", "contents", "index",
        "proceedings", "briefings", "in attendance", "also present", "hon. members",
        "hon members", "several hon. members", "honourable members",
        "some hon. members", "some honourable members", "an hon. member", "background", "context",
        "correction", "corrections", "disclaimer", "summary", "warning", "example", "location",
        "venue", "subject", "time", "place", "transcript by", "transcribed by",
        "prepared remarks", "questions and answers", "questions & answers", "presentation",
        "question-and-answer session", "call participants", "participants",
        "summary keywords", "members present", "members in attendance",
        "fade in", "fade out", "cut to", "dissolve to", "smash cut to", "match cut to",
        "neutral citation number", "between", "before",
    )
)  # fmt: skip
# A name never opens with these; a sentence or a heading often does.
FUNCTION_WORDS = _words(
    """
    a an the in on at to for with by from of as and but or so if when while after before
    this that these those there here it its he she they we i you his her their our my your
    yesterday today tomorrow meanwhile however earlier later also then now first second third
    fourth fifth sixth seventh eighth ninth tenth finally next last lastly note update
    according asked what why how who where which
    """
)
# Words that open a "Role Name:" label.
TITLE_WORDS = _words(
    """
    president vice-president president-elect prime minister secretary secretary-general
    chairman chairwoman chairperson chair chancellor king queen prince princess emir sheikh
    senator governor mayor ambassador spokesman spokeswoman spokesperson general colonel
    admiral commander chief director deputy foreign defence defense vice premier commissioner
    envoy representative head leader speaker press first lady pope patriarch judge justice
    attorney-general minister-counsellor counsellor administrator commissioner
    council member congressman congresswoman sheriff admiral captain inspector detective
    superintendent lord baroness baron bishop cardinal rabbi imam acting chief-executive
    justice chairwoman ranking coach manager councillor councilor alderman presenter
    """
)
# The parts people play in a conversation: each is a label alone, inline, even used once
# ("Host: Glad you came.", "**Anchor:** Good evening."), as "Moderator:" and "Interviewer:"
# are; a one-word head otherwise needs capitals or a repeat ("Note: ..." is prose).
CONVERSATION_ROLES = _words(
    """
    host co-host anchor co-anchor presenter co-presenter chair co-chair chairman chairwoman
    chairperson panelist panellist commentator correspondent interviewee guest
    """
)
# The offices that preside over a sitting: the label of whoever is in the chair
# ("President.", "The SPEAKER:", "Chair:"), and, before a name, a cast line ("Speaker: NAME").
PRESIDING = _words("president chair chairman chairwoman chairperson speaker presiding officer")
# Letters after a name that are a rank or an honour, no part of it ("ANN LEE KC:").
POST_NOMINALS = _words("kc qc sc esq mp msp mla mbe obe cbe")
# Abbreviated titles, written with their full stop ("Sen. John Smith").
TITLE_ABBREVIATIONS = _words("sen rep gov pres gen lt col maj capt adm amb sec dep supt insp det")
# Lower-case words a name may hold ("Ursula von der Leyen", "Mohammed bin Salman").
NAME_PARTICLES = _words(
    "von van der den de da di du la le bin ibn al el del della dos das do los las y"
    " ó ní nic uí ua mac"  # Irish: "Saoirse Ní Bhraonáin", "Cathal Ó Briain"
)
# Lower-case words a role may hold between a title and a name ("President of the Republic").
ROLE_LINKS = _words("of the and for on to")
# Reporting verbs: a "Name, role:" whose role holds one is a sentence introducing a quote.
REPORTING_WORDS = _words(
    "said says told added noted stated explained asked replied answered according announced"
)
# Prepositions: a line they open is a heading even in capitals ("ON BEHALF OF THE
# APPELLANT:", "FOR THE RESPONDENT:"), where "THE PRESIDENT:" is still a label.
SIDE_WORDS = _words("on for by with from in at of to")
