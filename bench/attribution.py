"""How well the importer says who speaks, on a corpus of articles with answer keys.

Each ``NN-name.txt`` in the corpus (tests/fixtures/corpus by default) is imported through
the real importer (``import_article``) and compared with its ``NN-name.key.json``:

- a key paragraph runs from its ``starts`` words to the next key paragraph's; it is right
  when the first quote in it is the key's speaker's (``quoted``), or, for an indirect report
  (``quoted`` false), no quote is in it and the narration names the key's speaker, or, when
  the key says null, neither a quote nor a report is in it; a refused article gets every
  paragraph wrong (a news story's quote is the quoted words inside a narration paragraph,
  so the paragraph's first offset alone would not say who is quoted in it);
- speakers found / missed / spurious compare the key's speakers with the imported ones by
  name, folded (case, accents, punctuation, honorifics such as "Mr" or "Dr" ignored);
- a role is right when the found speaker's role equals the key's (case and spacing aside);
  a role given to a speaker whose key says none (``null``) is counted as invented;
- a figure is right when an imported figure has the key's words and value;
- a title is right when the headline chosen is the key's (case and spacing aside).

Articles named ``NN-news-...`` are news stories with quotations, the rest are
transcripts; the totals are printed for each and for all. ``--json`` prints the same as JSON.
Figures are printed, never asserted (tests/bench only checks that the script runs).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cstocli.importer.article import ArticleError, import_article, read_article
from cstocli.model import Dataset

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"
_COUNTS = (
    *("articles", "paragraphs", "paragraphs_right", "speakers", "speakers_found"),
    *("speakers_spurious", "roles", "roles_right", "figures", "figures_right", "refused"),
    "titles_right",
    "roles_invented",
)
_HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx"])


@dataclass
class Score:
    """The counts for one article, or summed over several."""

    articles: int = 0
    paragraphs: int = 0
    paragraphs_right: int = 0
    speakers: int = 0
    speakers_found: int = 0
    speakers_spurious: int = 0
    roles: int = 0
    roles_right: int = 0
    figures: int = 0
    figures_right: int = 0
    refused: int = 0
    titles_right: int = 0
    roles_invented: int = 0
    seconds: float = 0.0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_roles: list[str] = field(default_factory=list)
    wrong_paragraphs: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add another article's counts to these totals (lists are per article only)."""
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds


def fold_name(name: str) -> str:
    """A name as compared: accents, case, punctuation and honorifics ignored."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = re.findall(r"[^\W_]+", plain)
    kept = [w for w in words if w not in _HONORIFICS]
    return " ".join(kept or words)


def _fold_text(text: str) -> str:
    """Case and spacing aside."""
    return " ".join(text.casefold().split())


def score_article(text_path: Path) -> Score:
    """Import one article and compare it with its key."""
    key = json.loads(text_path.with_suffix(".key.json").read_text(encoding="utf-8"))
    text = read_article(text_path)
    score = Score(articles=1)
    began = time.perf_counter()
    dataset: Dataset | None
    try:
        dataset = import_article(text, file_name=text_path.name).dataset
    except ArticleError:
        dataset = None
        score.refused = 1
    score.seconds = time.perf_counter() - began
    if dataset is not None:
        score.titles_right = int(_fold_text(dataset.source.title.text) == _fold_text(key["title"]))
    _score_paragraphs(score, key, text, dataset)
    _score_speakers(score, key, dataset)
    _score_figures(score, key, dataset)
    return score


def _pieces(dataset: Dataset | None) -> list[tuple[int, int, bool, str | None]]:
    """Each imported paragraph piece: span, whether a quote, its speaker's folded name."""
    if dataset is None:
        return []
    names = {s.id: fold_name(s.name) for s in dataset.speakers}
    return [
        (piece.span[0], piece.span[1], passage.is_quote, names.get(passage.speaker_id or ""))
        for passage in dataset.passages
        for piece in passage.paragraphs
    ]


def _spots(key: dict[str, Any], text: str) -> list[int | None]:
    """Where each key paragraph starts in the text (None: its words are not there)."""
    spots: list[int | None] = []
    position = 0
    for paragraph in key["paragraphs"]:
        pattern = re.compile(r"\s+".join(re.escape(w) for w in paragraph["starts"].split()))
        found = pattern.search(text, position) or pattern.search(text)
        spots.append(None if found is None else found.start())
        if found is not None:
            position = found.end()
    return spots


def _score_paragraphs(score: Score, key: dict[str, Any], text: str, data: Dataset | None) -> None:
    """Count the key's paragraphs that the import attributes as the key does."""
    pieces = _pieces(data)
    spots = _spots(key, text)
    for number, paragraph in enumerate(key["paragraphs"]):
        score.paragraphs += 1
        spot = spots[number]
        if spot is None:
            score.wrong_paragraphs.append(f"{paragraph['starts']!r}: not in the text")
            continue
        end = next((s for s in spots[number + 1 :] if s is not None and s > spot), len(text))
        inside = sorted(p for p in pieces if p[0] < end and p[1] > spot)
        quotes = [who for _, _, quote, who in inside if quote]
        reports = [who for _, _, quote, who in inside if not quote and who is not None]
        want = None if paragraph["speaker"] is None else fold_name(paragraph["speaker"])
        if want is None:
            right = not quotes and not reports
        elif paragraph.get("quoted", True):
            right = quotes[:1] == [want]
        else:
            right = not quotes and reports[:1] == [want]
        if data is not None and right:
            score.paragraphs_right += 1
        else:
            got = "refused" if data is None else f"quotes {quotes}, reports {reports}"
            score.wrong_paragraphs.append(
                f"{paragraph['starts']!r}: {got} (key: {paragraph['speaker']})"
            )


def _score_speakers(score: Score, key: dict[str, Any], dataset: Dataset | None) -> None:
    """Count the key's speakers found, with their roles, and the spurious ones."""
    imported = {} if dataset is None else {fold_name(s.name): s for s in dataset.speakers}
    wanted = {fold_name(s["name"]) for s in key["speakers"]}
    for speaker in key["speakers"]:
        score.speakers += 1
        found = imported.get(fold_name(speaker["name"]))
        if found is None:
            score.missed.append(speaker["name"])
        else:
            score.speakers_found += 1
        if speaker["role"] is not None:
            score.roles += 1
            role = None if found is None else found.role
            if role is not None and _fold_text(role) == _fold_text(speaker["role"]):
                score.roles_right += 1
            else:
                score.wrong_roles.append(f"{speaker['name']}: {role!r} (key: {speaker['role']!r})")
        elif found is not None and found.role is not None:
            score.roles_invented += 1
            score.wrong_roles.append(f"{speaker['name']}: {found.role!r} (key: None, invented)")
    for name, speaker in imported.items():
        if name not in wanted:
            score.speakers_spurious += 1
            score.spurious.append(speaker.name)


def _score_figures(score: Score, key: dict[str, Any], dataset: Dataset | None) -> None:
    """Count the key's figures read with their words and value."""
    got = set() if dataset is None else {(_fold_text(f.text), f.value) for f in dataset.figures}
    for figure in key["figures"]:
        score.figures += 1
        score.figures_right += (_fold_text(figure["text"]), figure["value"]) in got


def _share(right: int, total: int) -> str:
    """``right/total (pp%)``."""
    return f"{right}/{total} ({100 * right / total:.1f}%)" if total else f"{right}/0"


def _row(name: str, s: Score) -> str:
    """One line of the table."""
    return (
        f"{name:<44} {_share(s.paragraphs_right, s.paragraphs):>17} "
        f"{s.speakers_found:>3}/{s.speakers:<3} {len(s.missed) if s.articles == 1 else '':>3} "
        f"{s.speakers_spurious:>4} {_share(s.roles_right, s.roles):>16} {s.roles_invented:>3} "
        f"{_share(s.figures_right, s.figures):>16} {s.titles_right:>3}/{s.articles:<3} "
        f"{1000 * s.seconds:>8.1f}"
    )


def _is_news(stem: str) -> bool:
    """Whether a corpus article is a news story with quotations ("27-news-...")."""
    return re.match(r"\d+-news-", stem) is not None


def run(
    corpus: Path, limit: int | None, match: str = "[0-9]*"
) -> tuple[dict[str, Score], dict[str, Score]]:
    """Score the corpus's articles named ``match``; return per-article and per-kind scores."""
    articles: dict[str, Score] = {}
    totals = {"transcripts": Score(), "news": Score(), "total": Score()}
    paths = sorted(corpus.glob(f"{match}.txt"))[:limit]
    for path in paths:
        score = score_article(path)
        articles[path.stem] = score
        totals["news" if _is_news(path.stem) else "transcripts"].add(score)
        totals["total"].add(score)
    return articles, totals


def main(argv: list[str] | None = None) -> int:
    """Print the attribution scores of the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of articles + keys")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument(
        "--match",
        default="[0-9]*",
        help="only the articles whose names match this glob ('9[0-9]-*': the held-out 90-99)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--verbose", action="store_true", help="list each article's misses")
    args = parser.parse_args(argv)
    articles, totals = run(args.corpus, args.limit, args.match)
    if args.json:
        payload = {
            "articles": {name: asdict(s) for name, s in articles.items()},
            "totals": {name: asdict(s) for name, s in totals.items()},
        }
        json.dump(payload, sys.stdout, indent=2)
        print()
        return 0
    print(
        f"{'article':<44} {'paragraphs right':>17} {'found':>7} {'mis':>3} {'spur':>4} "
        f"{'roles right':>16} {'inv':>3} {'figures right':>16} {'title':>7} {'ms':>8}"
    )
    for name, score in articles.items():
        print(_row(name[:44], score))
        if args.verbose:
            for line in score.wrong_paragraphs + score.wrong_roles:
                print(f"    {line}")
            for name_ in score.missed:
                print(f"    missed: {name_}")
            for name_ in score.spurious:
                print(f"    spurious: {name_}")
    print()
    for name, score in totals.items():
        print(_row(f"{name} ({score.articles} articles, {score.refused} refused)", score))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
