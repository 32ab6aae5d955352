"""A probe on ~140 sites' pages of 2016-2019: Postlight Parser's custom-extractor fixtures, through the CLI.

Postlight Parser (https://github.com/postlight/parser, formerly Mercury; Apache-2.0/MIT) keeps one saved page per
site it has a hand-written extractor for (`fixtures/<domain>.html`: US, British, German and Japanese news, blogs,
tech and sports sites) and a test per extractor (`src/extractors/custom/<domain>/index.test.js`) that states what
the extractor returns for that page: the title, the author as one string, `date_published` as a UTC instant and
the first 13 words of the content.  The labels are a site-specific extractor's output checked by its author:
exact, but the author string is the page's byline as printed ("Politik · Jochen Bittner, Tina Hildebrandt",
"John Patrick Pullen, TIME") and a few name an address or an organisation; the shared scorer's name sets compare
them.  None of the pages is in the dev sets, and they are older than WCXB's and fundus's.

Each page's bytes are copied into a folder as they are, ingested with `axis-ingest ingest`, and scored per half
(sha256 of the fixture's name, as `wcxb.py`), beside bare trafilatura (title, author) and htmldate (date):

* title: normalised exact match (`titles.normalised`);
* authors: the shared scorer's name sets (`score_authors.name_set`), on pages labelled with an author;
* dates: right when the stored `published` day, or its UTC day, is the labelled instant's UTC day, or a day
  beside it when no UTC instant is stored (a local day of a page that prints no offset); htmldate's day, which
  never has an instant, the same way (`same_day`);
* lead: the labelled first 13 words of the content are in the stored body (normalised words), beside bare
  trafilatura's text: a body that lost its opening or is another block of the page misses.

Halves: read misses on half a only (`--show N`).  Postlight's fixtures are public and may overlap the pages that
judge the project: a probe of general mechanisms, never a source of rules fitted to its pages.  Nothing is
downloaded: pass a checkout.  Figures only.

    git clone --depth 1 https://github.com/postlight/parser /tmp/postlight
    .venv/bin/python bench/postlight.py /tmp/postlight [--show 20] [--keep DIR]
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import ingest_with_cli, work_folder
from titles import normalised as normalised_title
from wcxb import Tally, half_of, shared_scorers

TESTS = Path("src/extractors/custom")
# A JS string literal: '...', "..." or `...` (no ${} in these tests), escapes kept for `_js_string`.
_LITERAL = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|null)"""
_FIELD = {
    name: re.compile(rf"assert\.equal\(\s*{name},\s*{_LITERAL}", re.S)
    for name in ("title", "author", "date_published", "first13")
}
_URL = re.compile(rf"url\s*=\s*{_LITERAL}", re.S)
_FIXTURE = re.compile(r"readFileSync\(\s*'\./fixtures/([^']+)'")
_WORD = re.compile(r"\w+")


def _js_string(literal: str) -> str | None:
    """A JS string literal's value (these tests use Python-compatible escapes: \\', \\xa0, \\u2019)."""
    if literal == "null":
        return None
    body = literal[1:-1].replace('"', '\\"') if literal[0] == "`" else literal[1:-1]
    return ast.literal_eval(f'"{body}"' if literal[0] != "'" else f"'{body}'")


@dataclass
class Label:
    url: str
    title: str | None
    author: str | None
    published_utc_day: str | None
    lead: str | None


def load_pages(root: Path) -> dict[str, tuple[Label, bytes]]:
    """{fixture name: (its labels, the page's bytes)} for every extractor test that reads a fixture."""
    pages = {}
    for test in sorted((root / TESTS).glob("*/index.test.js")):
        source = test.read_text(encoding="utf-8")
        fixture, url = _FIXTURE.search(source), _URL.search(source)
        if not fixture or not url or not (root / "fixtures" / fixture[1]).is_file():
            continue
        values = {name: _js_string(m[1]) if (m := pattern.search(source)) else None for name, pattern in _FIELD.items()}
        day = None
        if values["date_published"]:
            day = datetime.fromisoformat(values["date_published"].replace("Z", "+00:00")).astimezone(UTC).date()
        label = Label(
            _js_string(url[1]) or "", values["title"], values["author"], day and day.isoformat(), values["first13"]
        )
        pages[fixture[1].removesuffix(".html")] = (label, (root / "fixtures" / fixture[1]).read_bytes())
    return pages


def same_day(label_utc_day: str, published: str | None, published_utc: str | None) -> bool:
    """The stored day is the labelled instant's UTC day; a local day stored without its UTC instant (a page that
    prints no offset) may be the day after or before it (Tokyo's morning is the day before in UTC)."""
    if not published:
        return False
    if label_utc_day in {published[:10], (published_utc or "")[:10]}:
        return True
    if published_utc:
        return False
    gap = date.fromisoformat(published[:10]) - date.fromisoformat(label_utc_day)
    return abs(gap.days) == 1


def words_of(text: str) -> str:
    """The text's words, lower-cased, one space between: how a labelled opening is looked for in a body."""
    return " ".join(_WORD.findall(text.lower()))


def _holds_lead(body: str, lead: str) -> bool:
    return bool(lead.strip()) and words_of(lead) in words_of(body)


@dataclass
class Half:
    title: Tally = field(default_factory=Tally)
    authors: Tally = field(default_factory=Tally)
    dates: Tally = field(default_factory=Tally)
    lead: Tally = field(default_factory=Tally)
    rejected: list[str] = field(default_factory=list)


def count(tally: Tally, right: bool, library_right: bool, miss: str | None) -> None:
    tally.labelled += 1
    tally.right += right
    tally.library_right += library_right
    if not right and miss:
        tally.misses.append(miss)


def score(pages: dict[str, tuple[Label, bytes]], folder: Path, db_path: Path, show: int) -> dict[str, Half]:
    import htmldate
    import trafilatura

    db, name_set = shared_scorers(db_path)
    halves = {"a": Half(), "b": Half(), "all": Half()}
    for name, (label, html) in pages.items():
        found = db.find(folder / f"{name}.html")
        article = db.article(found.article_id)
        meta = trafilatura.extract_metadata(html)
        for key in (half_of(name), "all"):
            half, keep = halves[key], key == "a" and show > 0
            count_title_and_authors(half, name, label, found, article, meta, (db, name_set), keep)
            if label.published_utc_day:
                got = article["published"] if article is not None else None
                utc = article["published_utc"] if article is not None else None
                theirs = htmldate.find_date(html, extensive_search=True, original_date=True)
                day = label.published_utc_day
                count(half.dates, same_day(day, got, utc), same_day(day, theirs, None),
                      keep and f"{name}: want {label.published_utc_day} got {got!r} (htmldate {theirs!r})")  # fmt: skip
            if label.lead:
                body = article["body"] if article is not None else ""
                lib = _holds_lead(trafilatura.extract(html) or "", label.lead)
                count(
                    half.lead,
                    _holds_lead(body, label.lead),
                    lib,
                    keep and f"{name}: want {label.lead!r} body opens {body[:120]!r}",
                )
    return halves


def count_title_and_authors(
    half: Any, name: str, label: Any, found: Any, article: Any, meta: Any, scorers: tuple, keep: bool
) -> None:
    """What every fixture probe counts of a page: whether it was rejected, and its title (normalised exact) and
    authors (the shared scorer's name sets) against the label, beside bare trafilatura's (`meta`).  `half` holds
    `rejected`, `title` and `authors`; `label` has `title` and `author`; `scorers` is `shared_scorers`'s pair."""
    db, name_set = scorers
    if article is None:
        half.rejected.append(f"{name}: {found.raw['reason'] if found.raw else 'not recorded'}")
    if label.title:
        got = article["title"] if article is not None else None
        right = bool(got) and normalised_title(got) == normalised_title(label.title)
        lib = meta is not None and bool(meta.title) and normalised_title(meta.title) == normalised_title(label.title)
        miss = f"{name}: want {label.title!r} got {got!r} (library {meta and meta.title!r})"
        count(half.title, right, lib, keep and miss)
    if label.author:
        names = db.authors(found.article_id)
        want = name_set(label.author)
        right = bool(names) and name_set(names) == want
        lib = meta is not None and bool(meta.author) and name_set(meta.author) == want
        miss = f"{name}: want {label.author!r} got {names!r} (library {meta and meta.author!r})"
        count(half.authors, right, lib, keep and miss)


def report_tallies(heading: str, halves: dict[str, Any], fields: list[tuple[str, str, str]], show: int) -> None:
    """Print each half's tallies (`fields`: the Half's attribute, its printed name, the library beside it) and, with
    `show`, N misses of each on half a and its rejected pages.  Shared by the probes whose halves hold Tallies."""
    print(heading)
    for key in ("a", "b", "all"):
        half = halves[key]
        print(f"  {key:3} {len(half.rejected)} rejected")
        for attribute, name, library in fields:
            print(f"      {getattr(half, attribute).line(name, library)}")
    if show:
        a = halves["a"]
        for attribute, name, _ in fields:
            for line in getattr(a, attribute).misses[:show]:
                print(f"  {name} miss {line}")
        for line in a.rejected:
            print(f"  rejected {line}")


FIELDS = [("title", "title", "trafilatura"), ("authors", "authors", "trafilatura"), ("dates", "dates", "htmldate"),
          ("lead", "lead", "trafilatura")]  # fmt: skip


def probe_arguments(doc: str, root_help: str) -> argparse.Namespace:
    """The arguments of an HTML fixture probe: the checkout, --show and --keep."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path, help=root_help)
    ap.add_argument("--show", type=int, default=0, help="print N misses of each field on half a")
    ap.add_argument("--keep", type=Path, help="keep the pages and the database in this folder")
    return ap.parse_args()


def run_probe(
    pages: dict[str, tuple[Label, bytes]], name: str, heading: str, fields: list, args: argparse.Namespace
) -> None:
    """Write each page's bytes as <page>.html, ingest the folder with the CLI, score it and print the halves."""
    with work_folder(args.keep, f"axis-{name}-") as work:
        folder = work / "html"
        folder.mkdir(parents=True)
        for page, (_, html) in pages.items():
            (folder / f"{page}.html").write_bytes(html)
        halves = score(pages, folder, ingest_with_cli(folder, work, name), args.show)
        report_tallies(f"== {heading} as html: {len(pages)} pages", halves, fields, args.show)


def main() -> int:
    args = probe_arguments(__doc__, "a Postlight Parser checkout (fixtures/, src/extractors/custom/)")
    if not (args.root / TESTS).is_dir():
        print(f"skipped: no {TESTS} in {args.root}")
        return 0
    run_probe(load_pages(args.root), "postlight", "Postlight Parser's fixtures", FIELDS, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
