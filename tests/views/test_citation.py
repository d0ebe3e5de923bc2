import json
import re
from pathlib import Path

import jsonschema
import pytest

from cstocli.model import Dataset
from cstocli.views import citation
from cstocli.views.citation import Citation

CSL_SCHEMA = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "csl-data.json").read_text(encoding="utf-8")
)
URL = "http://en.ctv.by/en/1512124063-belarus-president-hopes-for-new-impetus-to-csto-development"
TITLE = "Belarus President hopes for new impetus to CSTO development"


def _cited(bundled: Dataset, quote_id: str = "q1") -> Citation:
    """The citation of one passage of the bundled summit."""
    passage = bundled.passage(quote_id)
    assert passage is not None
    return citation.citation(bundled, passage)


def _tricky(bundled: Dataset) -> Citation:
    """A citation whose every field holds characters that formats must escape."""
    return _cited(bundled)._replace(
        quote="50% of {all} costs & $5_000 #1 ~ ^ \\ said [bold]me[/bold]\n\n- item *one*",
        speaker="Ann_Lee",
        role="Head of R&D",
        title="Costs {rise} 50% & more",
        publisher="The #1 Paper",
        author="Ann O'Neil; Bo_Ek",
        url="https://x.example/a{b}\\c?q=50%25&r=1#top",
        retrieved="2024-05-06T10:00:00+00:00",
        date="2024-05",
    )


def test_the_bundled_summit_cites_ctv_with_title_and_date(bundled: Dataset) -> None:
    """The summit's citation names en.ctv.by, the headline and the publication date."""
    cited = _cited(bundled, "q4")
    assert (cited.title, cited.url, cited.date) == (TITLE, URL, "2017-12-01")
    assert cited.publisher == "CTV (Capital Television, Belarus)"
    assert (cited.speaker, cited.role, cited.lines) == (
        "Nursultan Nazarbayev",
        "President of Kazakhstan",
        (28, 28),
    )


def test_the_quote_is_the_passage_exactly(bundled: Dataset) -> None:
    """Every passage's citation quotes its source text, character for character."""
    for passage in bundled.passages:
        cited = citation.citation(bundled, passage)
        assert cited.quote == bundled.source_text[passage.span[0] : passage.span[1]]


def test_text_format(bundled: Dataset) -> None:
    """Text: the quote in quotation marks, then one attribution line."""
    assert citation.as_text(_cited(bundled)) == (
        "“I am convinced that the current session will give a new impetus to the development"
        " of the CSTO, will demonstrate a positive dynamics in resolving the issues of ensuring"
        " general security.”\n"
        f"— Alexander Lukashenko, President of Belarus, in “{TITLE}”,"
        f" CTV (Capital Television, Belarus), 2017-12-01, {URL}, line 11\n"
    )


def test_narration_is_attributed_to_the_reporter(bundled: Dataset) -> None:
    """A narration passage has no speaker: the citation says it is the reporter's."""
    line = citation.citation_line(_cited(bundled, "n1"))
    assert line.startswith(f"— the reporter (narration), in “{TITLE}”")


def test_markdown_format(bundled: Dataset) -> None:
    """Markdown: a block quote (paragraphs kept) and an attribution with the linked title."""
    text = citation.as_markdown(_cited(bundled, "q2"))
    lines = text.splitlines()
    assert lines[0].startswith("> I am pleased to note the commonality")
    assert lines[1] == ">"  # the blank line between paragraphs stays inside the quote
    assert lines[-1] == (
        f"> — Alexander Lukashenko, President of Belarus, in [*{TITLE}*](<{URL}>),"
        " CTV (Capital Television, Belarus), 2017-12-01, lines 16-20"
    )


def test_markdown_escapes_what_would_be_markup(bundled: Dataset) -> None:
    """Emphasis, links, list markers and brackets in the text are escaped."""
    text = citation.as_markdown(_tricky(bundled))
    assert "> 50% of {all} costs & $5\\_000 #1 \\~ ^ \\\\ said \\[bold\\]me\\[/bold\\]" in text
    assert "> \\- item \\*one\\*" in text
    assert "(<https://x.example/a{b}\\c?q=50%25&r=1#top>)" in text
    assert "Ann\\_Lee, Head of R&D" in text
    assert "by Ann O'Neil and Bo\\_Ek, The \\#1 Paper" not in text  # "#" mid-line is text
    assert "by Ann O'Neil and Bo\\_Ek, The #1 Paper, 2024-05" in text


def test_csl_json_is_valid_against_the_csl_schema(bundled: Dataset) -> None:
    """The CSL-JSON of every passage, and of a tricky one, validates against csl-data.json."""
    for passage in bundled.passages:
        jsonschema.validate(citation.as_csl_json(citation.citation(bundled, passage)), CSL_SCHEMA)
    jsonschema.validate(citation.as_csl_json(_tricky(bundled)), CSL_SCHEMA)


def test_csl_json_fields(bundled: Dataset) -> None:
    """The item is a newspaper article with its title, container, date, URL and the quote."""
    (item,) = citation.as_csl_json(_cited(bundled, "q4"))
    assert item["id"] == "csto-minsk-2017-q4"
    assert item["type"] == "article-newspaper"
    assert item["title"] == TITLE
    assert item["container-title"] == "CTV (Capital Television, Belarus)"
    assert item["issued"] == {"date-parts": [[2017, 12, 1]]}
    assert item["URL"] == URL
    assert "accessed" not in item  # never fetched by cstocli: no access date to give
    assert item["custom"]["quote"] == bundled.passage("q4").text  # type: ignore[union-attr]
    assert item["note"].startswith("Nursultan Nazarbayev, President of Kazakhstan, line 28: “We")


def test_csl_json_authors_and_partial_dates(bundled: Dataset) -> None:
    """Each author of a byline is a literal name; a year-month date has two parts."""
    (item,) = citation.as_csl_json(_tricky(bundled))
    assert item["author"] == [{"literal": "Ann O'Neil"}, {"literal": "Bo_Ek"}]
    assert item["issued"] == {"date-parts": [[2024, 5]]}
    assert item["accessed"] == {"date-parts": [[2024, 5, 6]]}


def test_bibtex_format(bundled: Dataset) -> None:
    """BibTeX: one @article with the title's case protected and the month a macro."""
    assert citation.as_bibtex(_cited(bundled)) == (
        "@article{csto-minsk-2017-q1,\n"
        f"  title = {{{{{TITLE}}}}},\n"
        "  journal = {CTV (Capital Television, Belarus)},\n"
        "  publisher = {CTV (Capital Television, Belarus)},\n"
        "  year = {2017},\n"
        "  month = dec,\n"
        "  date = {2017-12-01},\n"
        f"  url = {{{URL}}},\n"
        "  note = {Alexander Lukashenko, President of Belarus, line 11: ``I am convinced that the"
        " current session will give a new impetus to the development of the CSTO, will"
        " demonstrate a positive dynamics in resolving the issues of ensuring general"
        " security.''}\n"
        "}\n"
    )


def test_bibtex_escapes_latex_specials(bundled: Dataset) -> None:
    """Every LaTeX special is escaped, braces stay balanced, the URL stays a URL."""
    entry = citation.as_bibtex(_tricky(bundled))
    assert "title = {{Costs \\{rise\\} 50\\% \\& more}}" in entry
    assert "author = {{Ann O'Neil} and {Bo\\_Ek}}" in entry
    assert "journal = {The \\#1 Paper}" in entry
    assert (
        "50\\% of \\{all\\} costs \\& \\$5\\_000 \\#1 \\textasciitilde{} \\textasciicircum{}"
        " \\textbackslash{} said [bold]me[/bold] \\par - item *one*"
    ) in entry
    assert "url = {https://x.example/a%7Bb%7D%5Cc?q=50%25&r=1#top}" in entry
    assert "urldate = {2024-05-06}" in entry
    assert "month = may" in entry
    body = re.sub(r"\\[{}]", "", entry)  # escaped braces do not count
    depth = 0
    for char in body:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0


def test_bibtex_key_is_safe(bundled: Dataset) -> None:
    """An article id with spaces or braces still makes a valid key."""
    cited = _cited(bundled)._replace(article_id="my article{1}")
    assert citation.as_bibtex(cited).startswith("@article{my-article-1-q1,\n")


def test_source_json_has_the_documented_keys(bundled: Dataset) -> None:
    """``source`` carries title, publisher, author, date, url and retrieved."""
    assert citation.source_json(bundled) == {
        "title": TITLE,
        "publisher": "CTV (Capital Television, Belarus)",
        "author": None,
        "date": "2017-12-01",
        "url": URL,
        "retrieved": None,
    }


def test_a_published_title_wins_over_the_headline(bundled: Dataset) -> None:
    """A title stated by the publisher (or --title) is the one cited."""
    source = bundled.source._replace(published_title="Minsk summit: the speeches")
    ds = bundled._replace(source=source)
    assert citation.source_json(ds)["title"] == "Minsk summit: the speeches"
    assert citation.article_label(ds) == "Minsk summit: the speeches (2017-12-01)"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b[31mred", "a\u241b[31mred"),
        ("bell\x07", "bell\u2407"),
        ("cr\rlf\n", "cr\nlf\n"),  # a lone CR ends a line (an old Mac file); it never overwrites
        ("tab\tok", "tab\tok"),
        ("del\x7f", "del\u2421"),
        ("csi\x9b", "csi\ufffd"),
    ],
)
def test_visible_shows_control_characters_by_the_one_rule(raw: str, shown: str) -> None:
    """Controls become visible by ``safe``'s rule, one for one; line feeds and tabs stay."""
    assert citation.visible(raw) == shown


@pytest.mark.parametrize("fmt", citation.FORMATS)
def test_render_gives_every_format(bundled: Dataset, fmt: citation.CitationFormat) -> None:
    """Each format renders to text that ends in one newline and holds the URL."""
    text = citation.render(_cited(bundled), fmt)
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    assert URL in text
