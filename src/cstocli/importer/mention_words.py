"""The word lists that tell a news story's people from places and bodies, and its verbs.

Kept apart from ``mentions`` (which reads names and roles) because they are data: a list
grows as new copy is met without the reading rules changing.
"""

from __future__ import annotations

import re

# Words after which a capitalised name is a place or a body ("at Westbrook Infirmary").
PLACE_PREPOSITIONS = frozenset(
    [
        "at",
        "in",
        "of",
        "from",
        "near",
        "into",
        "on",
        "across",
        "outside",
        "inside",
        "within",
        "off",
        "through",
        "toward",
        "towards",
    ]
)
# Words that make a clause, never a role ("the worst night was in 1997").
CLAUSE_WORDS = frozenset(
    """
    is are was were be been has have had will would can could should said says told who whom
    whose which where when that him them it he she they
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
# Head nouns of an apposition that describe a body, not a person ("the discount chain").
BODY_NOUNS = frozenset(
    """
    chain company firm group retailer operator agency ministry department business brand
    network charity bank insurer airline supplier manufacturer club team body organisation
    organization
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
PARTICLES = frozenset(
    """
    von van der den de da di du la le bin ibn al el del della dos das
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
NOT_NAMES = frozenset(
    """
    a an the in on at to for with by from of as and but or so if when while after before
    this that these those there here it its he she they we i you his her their our my
    your not no only some many most all one two three four five six seven eight nine ten
    dozens hundreds thousands millions yesterday today tomorrow meanwhile however
    earlier later also then now monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november
    december photo updated published posted share read related reporting editing
    speaking according despite although though because says adds asks writes recalls
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
INSTITUTIONS = frozenset(
    """
    water stores shops securities holdings airlines motors foods energy power partners capital
    systems industries infirmary clinic co corp plc llc ltd inc gmbh ag
    union bank federation association office council authority ministry department
    gazette herald times news post park street road avenue square valley river lake
    hospital library school university college church party group company corporation
    inc ltd agency service services court committee commission institute foundation
    centre center club city county state republic kingdom principles standards cup
    league house hall station airport port bridge market board trust fund society
    network press media television radio weekly daily rovers united town athletic wanderers
    rangers albion fc forum alliance coalition
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
# Extra title words for news copy, beyond the label titles of ``labels``.
TITLES = frozenset(
    """
    librarian coach captain manager officer inspector sergeant detective professor
    doctor councillor councilman councilwoman councilor sheriff superintendent bishop
    reverend rabbi imam nurse editor economist analyst lawyer attorney trainer striker
    goalkeeper midfielder secretary minister treasurer auditor constable marshal warden
    principal dean provost executive administrator comptroller controller clerk assessor
    prosecutor magistrate coroner solicitor barrister cllr
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
# Common nouns of what a person is or does, which a story puts before a name without a
# comma ("Resident Tom Berg disagreed.", "Developer Nils Lie said"): opening a capitalised
# run, such a word is a role, not the name's first word. Words that are also common
# surnames or given names (baker, farmer, driver, smith, porter) are left out: "Baker" in
# "Baker Ann Lee" cannot be told from a name by its spelling.
ROLE_NOUNS = frozenset(
    """
    resident residents neighbour neighbor apprentice developer homeowner landlord landlady tenant
    shopkeeper shopowner owner campaigner activist volunteer organiser organizer
    protester student pupil teacher parent commuter passenger patient visitor witness
    engineer architect researcher scientist glaciologist historian author novelist artist
    musician chef entrepreneur founder investor contractor plumber electrician
    firefighter paramedic surgeon physician pharmacist midwife veterinarian vet evacuee
    survivor victim bystander shopper motorist pensioner retiree veteran mourner fan
    supporter spectator voter worker employee nurse
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
# Lower-case words that stop a role before a name: verbs and words that open a clause.
ROLE_STOPS = NOT_NAMES | frozenset(
    """
    is are was were be been has have had said says told tells added asked wrote argued
    warned insisted explained noted stated declared announced replied answered urged
    complained claimed admitted acknowledged thanked praised criticised criticized met
    called named about over under than into onto against between among including like
    via per how why what whether
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
FEMALE_WORDS = frozenset(
    """
    ms mrs miss madam dame lady spokeswoman chairwoman businesswoman congresswoman
    councilwoman policewoman sportswoman mother wife daughter sister grandmother aunt
    niece widow actress queen princess
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)
MALE_WORDS = frozenset(
    """
    mr sir lord spokesman chairman businessman congressman councilman policeman
    sportsman father husband son brother grandfather uncle nephew widower actor king
    prince
    """.split()  # noqa: SIM905 -- a word list reads best as prose
)

# Verbs that report speech in a news story (alternatives of one regular expression).
REPORTING_VERBS = (
    "said|says|told|tells|added|adds|asked|asks|wrote|writes|argued|argues|warned|warns|"
    "insisted|insists|explained|explains|noted|notes|replied|answered|claimed|"
    "complained|urged|urges|stressed|emphasised|emphasized|remarked|commented|responded|"
    r"cautioned|countered|joked|shouted|testified|reiterated|puts?\s+it"
)
# Verbs that report speech only before "that", "to", a colon, a quotation or the clause's
# end ("conceded that it failed", "promised to act", "..., she conceded."), not before an
# object ("conceded the election", "confirmed the date").
WEAK_REPORTING_VERBS = (
    "announced|continued|recalled|admitted|acknowledged|conceded|observed|predicted|"
    "promised|vowed|suggested|confirmed|estimated|maintained|agreed|disagreed|called|declared"
)
# Words that name the person after them as the source of a quotation, as "according to"
# does: "...," read a statement attributed to / issued by / from the chief executive, NAME;
# "In the words of NAME, "..."", and a verb opening its sentence ("Says NAME: "..."").
SOURCE_AFTER = (
    r"\b[Aa]ccording\s+to\b|\b[Ii]n\s+the\s+words\s+of\b|\b(?:Says|Adds|Asks|Writes)\b|\breads?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?statement\s+"
    r"(?:attributed\s+to|issued\s+by|signed\s+by|from|by)\b"
)
# A reporting verb (or ``SOURCE_AFTER``); a weak verb before a quotation: its marks, or
# the run of spaces a blanked one leaves.
REPORTING = re.compile(
    rf"\b(?:{REPORTING_VERBS})\b|(?P<source>{SOURCE_AFTER})"
    # '"...," admitted Rovers manager Ray Holt.': after a blanked quotation, before a name
    rf"|(?<=\s\s)(?:{WEAK_REPORTING_VERBS})\b(?=\s+(?:[A-Z]|the\s|her\s|his\s))"
    rf"|\b(?:{WEAK_REPORTING_VERBS})\b(?=\s+(?:that|to)\b|\s*[:,.;]|\s*$|\s+(?:\w+\s+){{0,3}}\s*(?:[\"\u201c]|\s{{2,}}))"
)
