from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cstocli.dataset.files import dataset_from_json, dataset_to_json
from cstocli.errors import DatasetError
from cstocli.importer.article import ArticleError, ImportResult, import_article, read_article
from cstocli.model import Dataset
from cstocli.search import engine
from cstocli.search.memory import build_index

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
LAYOUTS = sorted(path.stem for path in ARTICLES.glob("*.txt"))


def _imported(stem: str) -> ImportResult:
    """Import one fixture article."""
    path = ARTICLES / f"{stem}.txt"
    return import_article(read_article(path), file_name=path.name)


def _expected(stem: str) -> dict[str, Any]:
    """The hand-written expectations for one fixture article."""
    return dict(json.loads((ARTICLES / f"{stem}.expected.json").read_text(encoding="utf-8")))


def _body(**lines: str) -> str:
    """An article: a headline, then the given lines separated by blank lines."""
    return "Headline\n\n" + "\n\n".join(lines.values()) + "\n"


def test_every_layout_has_a_fixture() -> None:
    """Each layout the issue names has its own fixture article with expectations."""
    assert LAYOUTS == [
        "inline_caps",
        "inline_role_name",
        "interview_blank",
        "interview_dense",
        "label_alone",
        "reported_speech",
        "wrapped",
    ]
    assert all((ARTICLES / f"{stem}.expected.json").exists() for stem in LAYOUTS)


@pytest.mark.parametrize("stem", LAYOUTS)
def test_fixture_speakers(stem: str) -> None:
    """The speakers found are the expected ones, merged and described as expected."""
    speakers = [
        {
            "id": s.id,
            "name": s.name,
            "role": s.role,
            "affiliation": s.affiliation,
            "aliases": list(s.aliases),
        }
        for s in _imported(stem).dataset.speakers
    ]
    assert speakers == _expected(stem)["speakers"]


@pytest.mark.parametrize("stem", LAYOUTS)
def test_fixture_blocks(stem: str) -> None:
    """The article is split into the expected blocks, with their labels and paragraphs."""
    passages = _imported(stem).dataset.passages
    expected = _expected(stem)["blocks"]
    assert [p.id for p in passages] == [b["id"] for b in expected]
    for passage, block in zip(passages, expected, strict=True):
        assert passage.speaker_id == block["speaker"], passage.id
        assert (passage.label.text if passage.label else None) == block["label"], passage.id
        assert passage.text.startswith(block["starts"]), passage.id
        assert len(passage.paragraphs) == block["paragraphs"], passage.id


@pytest.mark.parametrize("stem", LAYOUTS)
def test_fixture_figures(stem: str) -> None:
    """The figures read are the expected phrases, values, units and qualifiers."""
    figures = [
        {"text": f.text, "value": f.value, "unit": f.unit, "qualifier": f.qualifier}
        for f in _imported(stem).dataset.figures
    ]
    assert figures == _expected(stem)["figures"]


@pytest.mark.parametrize("stem", LAYOUTS)
def test_fixture_title_layout_and_warnings(stem: str) -> None:
    """The headline, the wrapping verdict and the warned lines are the expected ones."""
    result = _imported(stem)
    expected = _expected(stem)
    assert result.dataset.source.title.text == expected["title"]
    assert result.wrapped is expected["wrapped"]
    assert [w.line for w in result.warnings] == expected["warning_lines"]


@pytest.mark.parametrize("stem", LAYOUTS)
def test_fixture_dataset_passes_the_loader(stem: str) -> None:
    """An import survives the dataset loader's checks and round-trips through JSON."""
    dataset = _imported(stem).dataset
    again = dataset_from_json(dataset_to_json(dataset), dataset.source_text, file="x.json")
    assert again == dataset


@pytest.mark.parametrize("stem", LAYOUTS)
def test_fixture_body_fully_covered(stem: str) -> None:
    """Every non-blank character of the body is in a label or a paragraph: nothing lost."""
    dataset = _imported(stem).dataset
    covered = set[int]()
    for passage in dataset.passages:
        parts = [*passage.paragraphs, *([passage.label] if passage.label else [])]
        for part in parts:
            covered.update(range(*part.span))
    body = dataset.source_text[dataset.source.body_start :]
    missing = [
        i + dataset.source.body_start
        for i, char in enumerate(body)
        if not char.isspace() and i + dataset.source.body_start not in covered
    ]
    assert missing == []


def test_bundled_article_splits_like_the_bundled_dataset(bundled: Dataset) -> None:
    """Without corrections the importer already finds the bundled passages and speakers."""
    text = read_article(Path(__file__).parents[2] / "data" / "csto-minsk-2017.txt")
    dataset = import_article(text, file_name="csto-minsk-2017.txt").dataset
    assert dataset.passages == bundled.passages
    assert [s.id for s in dataset.speakers] == [s.id for s in bundled.speakers]
    assert [(f.text, f.span, f.value) for f in dataset.figures] == [
        (f.text, f.span, f.value) for f in bundled.figures
    ]


def test_bundled_article_warns_where_it_guessed() -> None:
    """The heuristic narration and the speech without first person are flagged by line."""
    text = read_article(Path(__file__).parents[2] / "data" / "csto-minsk-2017.txt")
    result = import_article(text, file_name="csto-minsk-2017.txt")
    assert [w.line for w in result.warnings] == [13, 18, 37]
    assert result.warnings[0].message.startswith("unlabelled paragraph read as narration")
    assert "continued speech of Alexander Lukashenko" in result.warnings[1].message
    assert "continued speech of Yuri Khachaturov" in result.warnings[2].message


def test_phrase_across_a_wrapped_line_break_is_found() -> None:
    """In a hard-wrapped article a phrase broken over two lines is one sentence's words."""
    text = (
        "Council meets\n\nThe council met on Monday to discuss the budget, which grows by\n"
        "about 4 percent.\n\nJane Doe, Mayor of Springfield:\nWe will spend more on each"
        " school, and we will\nhire up to 30 teachers. The rest\nwaits.\n"
    )
    result = import_article(text, file_name="wrapped.txt")
    assert result.wrapped is True
    hits = engine.search(build_index(result.dataset), '"will hire"')
    assert [hit.sentence.text for hit in hits] == [
        "We will spend more on each school, and we will\nhire up to 30 teachers."
    ]
    assert hits[0].sentence.speaker_id == "jane-doe"


def test_single_paragraph_between_same_speaker_labels_is_narration() -> None:
    """A paragraph after which the same speaker is labelled again is the reporter's."""
    text = _body(a="Ann Lee:", b="I spoke.", c="The room was silent.", d="Ann Lee:", e="Again.")
    result = import_article(text, file_name="a.txt")
    assert [p.kind for p in result.dataset.passages] == ["quote", "narration", "quote"]
    assert "names Ann Lee again" in result.warnings[0].message


def test_first_person_follow_on_continues_without_warning() -> None:
    """A follow-on paragraph in the first person continues the speech, unflagged."""
    text = _body(a="Ann Lee:", b="I spoke.", c="We all did.", d="Bo Chan:", e="Yes.")
    result = import_article(text, file_name="a.txt")
    assert [len(p.paragraphs) for p in result.dataset.passages] == [2, 1]
    assert result.warnings == ()


def test_overrides_replace_the_guess() -> None:
    """A correction turns continued speech into narration and back into speech."""
    text = _body(a="Ann Lee:", b="I spoke.", c="Rain fell.", d="More rain.", e="Bo Chan:", f="Ok.")
    rain = text.index("Rain fell.")
    more = text.index("More rain.")
    result = import_article(text, file_name="a.txt", overrides={rain: "narration", more: "speech"})
    passages = result.dataset.passages
    assert [(p.id, p.speaker_id) for p in passages] == [
        ("q1", "ann-lee"),
        ("n1", None),
        ("q2", "ann-lee"),
        ("q3", "bo-chan"),
    ]
    assert passages[2].label is None


def test_stage_direction_stays_in_speech() -> None:
    """A "(Laughter.)" paragraph inside a speech neither splits it nor warns."""
    text = _body(a="Ann Lee:", b="I joked.", c="(Laughter.)", d="I went on.", e="Bo Chan:", f="Ha.")
    result = import_article(text, file_name="a.txt")
    assert len(result.dataset.passages[0].paragraphs) == 3
    assert result.warnings == ()


def test_label_without_speech_is_skipped_with_a_warning() -> None:
    """A label followed straight by another label gives a warning, not an empty quote."""
    text = _body(a="Ann Lee:", b="Bo Chan:", c="Hello.")
    result = import_article(text, file_name="a.txt")
    assert [s.id for s in result.dataset.speakers] == ["bo-chan"]
    assert result.warnings[0].line == 3
    assert "no speech" in result.warnings[0].message


def test_furniture_in_the_body_is_dropped_with_a_warning() -> None:
    """A "Share:" line in the body is skipped and reported with its line."""
    text = _body(a="Ann Lee:", b="Hello.", c="Share:")
    result = import_article(text, file_name="a.txt")
    assert len(result.dataset.passages) == 1
    assert result.warnings[0].line == 7
    assert "'Share:'" in result.warnings[0].message


def test_ambiguous_surname_label_is_a_speaker_of_its_own() -> None:
    """A bare "Lee:" after two different Lees joins neither; a warning says so."""
    text = _body(a="Ann Lee:", b="I.", c="Bo Lee:", d="Me.", e="Lee:", f="Who?")
    result = import_article(text, file_name="a.txt")
    assert [s.id for s in result.dataset.speakers] == ["ann-lee", "bo-lee", "lee"]
    assert "could be any of 'Ann Lee', 'Bo Lee'" in result.warnings[0].message


def test_second_role_is_reported() -> None:
    """A speaker labelled with two different roles keeps the first, with a warning."""
    text = _body(a="Ann Lee, Mayor:", b="I.", c="Ann Lee, Governor:", d="Me.")
    result = import_article(text, file_name="a.txt")
    assert result.dataset.speakers[0].role == "Mayor"
    assert "second role 'Governor'" in result.warnings[0].message


def test_crlf_and_byte_order_mark_keep_spans_verbatim() -> None:
    """Windows line ends and a BOM change offsets, never the text a span points at."""
    text = "\ufeffHeadline\r\n\r\nAnn Lee:\r\nI said 20 words.\r\n"
    dataset = import_article(text, file_name="a.txt").dataset
    assert dataset.source.title.text == "Headline"
    paragraph = dataset.passages[0].paragraphs[0]
    assert text[slice(*paragraph.span)] == paragraph.text == "I said 20 words."
    assert dataset.figures[0].text == "20 words"


def test_ids_come_from_the_file_name_unless_given() -> None:
    """The dataset id is the file name's slug, or the id asked for."""
    text = _body(a="Ann Lee:", b="Hi.")
    assert import_article(text, file_name="dir/My Article.txt").dataset.id == "my-article"
    assert import_article(text, file_name="a.txt", dataset_id="x").dataset.id == "x"
    assert import_article(text, file_name="dir/My Article.txt").dataset.source.file == (
        "My Article.txt"
    )


def test_no_speakers_is_refused() -> None:
    """An article with no speaker label is an error naming the file."""
    with pytest.raises(ArticleError, match=r"^plain\.txt: no speaker labels found"):
        import_article("Title\n\nJust prose here.\n", file_name="plain.txt")


def test_empty_text_is_refused() -> None:
    """Whitespace alone is no article."""
    with pytest.raises(ArticleError, match=r"^e\.txt: file is empty"):
        import_article(" \n\n", file_name="e.txt")


def test_read_article_refuses_binary_with_its_line(tmp_path: Path) -> None:
    """A NUL byte marks a binary file; the error names the file and line."""
    path = tmp_path / "img.txt"
    path.write_bytes(b"Title\n\nline\n\x00\x01")
    with pytest.raises(ArticleError, match=r"img\.txt: line 4: binary file") as caught:
        read_article(path)
    assert caught.value.line == 4
    assert isinstance(caught.value, DatasetError)


def test_read_article_names_utf16(tmp_path: Path) -> None:
    """A UTF-16 file is told apart from binary data, with the fix."""
    path = tmp_path / "wide.txt"
    path.write_bytes("Title\n\nAnn Lee:\nHi.\n".encode("utf-16"))
    with pytest.raises(ArticleError, match=r"wide\.txt: line 1: UTF-16 text; save the article"):
        read_article(path)


def test_read_article_refuses_non_utf8_with_its_line(tmp_path: Path) -> None:
    """Latin-1 bytes are refused with the line of the first bad byte."""
    path = tmp_path / "latin.txt"
    path.write_bytes("Title\n\nJos\u00e9:\n".encode("latin-1"))
    with pytest.raises(ArticleError, match=r"latin\.txt: line 3: not valid UTF-8 \(byte 0xe9"):
        read_article(path)


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
def test_read_article_refuses_empty(tmp_path: Path, content: bytes) -> None:
    """An empty or blank file is refused, naming the file."""
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=r"empty\.txt: file is empty"):
        read_article(path)


def test_read_article_refuses_control_characters(tmp_path: Path) -> None:
    """Control characters other than tabs and line ends mean binary data."""
    path = tmp_path / "ctl.txt"
    path.write_bytes(b"Title\n\nAnn Lee:\nhi \x07 there\n")
    with pytest.raises(ArticleError, match=r"ctl\.txt: line 4: control character U\+0007"):
        read_article(path)


@pytest.mark.parametrize(("char", "code"), [("\x1b", "001B"), ("\x9b", "009B"), ("\x7f", "007F")])
def test_read_article_refuses_escape_del_and_c1(tmp_path: Path, char: str, code: str) -> None:
    """ESC, DEL and C1 controls (CSI) in a label or text refuse the article at their line."""
    path = tmp_path / "esc.txt"
    path.write_text(f"Title\n\nAnn{char}[31m Lee:\nhi there\n", encoding="utf-8")
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert str(caught.value) == (
        f"{path}: line 3: control character U+{code}: a binary file, not an article"
    )


def test_read_article_refuses_missing_and_directories(tmp_path: Path) -> None:
    """A missing path and a directory each get a one-line error naming them."""
    with pytest.raises(ArticleError, match="file not found"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is a directory"):
        read_article(tmp_path)


def test_read_article_returns_text_verbatim(tmp_path: Path) -> None:
    """A good file comes back exactly as decoded UTF-8, line ends untouched."""
    path = tmp_path / "ok.txt"
    path.write_bytes("T\r\n\r\n\u0141ukasz Nowak:\r\nCze\u015b\u0107.\r\n".encode())
    assert read_article(path) == "T\r\n\r\n\u0141ukasz Nowak:\r\nCze\u015b\u0107.\r\n"


_LINES = st.sampled_from(
    [
        "",
        "Ann Lee:",
        "Ann Lee, Mayor of Oslo:",
        "ANN LEE: We said 20 words.",
        "Q: Why?",
        "A: Because about 3 ships came.",
        "Lee:",
        "President Bo Chan: Hello.",
        "(Laughter.)",
        "Share:",
        "Plain prose about six states.",
        "He said: no.",
        "wrapped line without a stop",
        "  \u00a0 ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=14))
def test_any_article_imports_or_is_refused_cleanly(lines: list[str]) -> None:
    """Whatever the text, the import is refused with ArticleError or passes the loader."""
    text = "\n".join(lines)
    try:
        dataset = import_article(text, file_name="any.txt").dataset
    except ArticleError:
        return
    again = dataset_from_json(dataset_to_json(dataset), text, file="any.json")
    assert again == dataset


def test_titled_labels_merge_with_the_plain_name() -> None:
    """A titled label and a plain one are one speaker, named without the title."""
    text = "T\n\nSenator John Smith (R-Ohio):\nI object.\n\nJohn Smith:\nI insist.\n"
    dataset = import_article(text, file_name="a.txt").dataset
    assert [(s.id, s.name, s.role) for s in dataset.speakers] == [
        ("john-smith", "John Smith", "Senator (R-Ohio)")
    ]


# -- a colon dateline is no speaker label (QA #14) ----------------------------------------

_DATELINE_STORY = (
    "Ministers clash over rail funding\n\n"
    "{dateline} Ministers clashed on Tuesday over funding for the northern rail line.\n\n"
    '"We cannot afford another delay," said Transport Secretary Amy Price.\n\n'
    'Chancellor Rob Hale said: "The budget is fixed."\n'
)


@pytest.mark.parametrize("dateline", ["LONDON:", "NEW DELHI:", "KYIV, Ukraine:"])
def test_a_colon_dateline_leaves_the_story_a_news_story(dateline: str) -> None:
    """'LONDON: Ministers clashed ...': the city speaks nothing; the quoted people do."""
    result = import_article(_DATELINE_STORY.format(dateline=dateline), file_name="rail.txt")
    dataset = result.dataset
    names = {s.id: s.name for s in dataset.speakers}
    quotes = [names[p.speaker_id or ""] for p in dataset.passages if p.is_quote]
    assert quotes == ["Amy Price", "Rob Hale"]
    assert dataset.passages[0].kind == "narration"
    assert dataset.passages[0].text == f"{dateline} Ministers clashed on Tuesday over funding" + (
        " for the northern rail line."
    )
    warned = [w for w in result.warnings if "read as a dateline" in w.message]
    assert [w.line for w in warned] == [3]


def test_one_label_in_a_story_without_attributed_quotations_stays_a_transcript() -> None:
    """A single 'MAYOR:' before unlabelled remarks that quote no one is still that speaker's."""
    text = "Remarks at the bridge\n\nMAYOR: Thank you all for coming.\n\nWe built it together.\n"
    result = import_article(text, file_name="remarks.txt")
    assert [s.name.casefold() for s in result.dataset.speakers] == ["mayor"]
    assert result.dataset.passages[0].is_quote


def test_a_warning_names_the_editor_s_line_in_a_cr_only_file() -> None:
    """An old Mac file (CR alone ends a line): the unitless number's warning is on line 3."""
    text = "Staff plans\r\rMS LEE: We will hire 1,000 more.\r\rMR KAY: Fine.\r"
    result = import_article(text, file_name="plans.txt")
    assert [w.line for w in result.warnings if "1,000" in w.message] == [3]
