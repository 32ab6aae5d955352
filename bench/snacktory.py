"""A probe on ~120 pages of 2010-2020: Snacktory's test pages, through the CLI.

Snacktory (https://github.com/smallrivers/snacktory, Apache-2.0; a Java descendant of goose and jReadability) keeps
the pages its tests read (`src/test/resources/de/jetwick/snacktory/*.html`, `test_data/*.html`: US, British, German,
Japanese and Afghan news, blogs, press releases, product and Q&A pages) and states in
`ArticleTextExtractorTest.java` what its extractor returns for each: the text's opening (`startsWith`), often the
title, sometimes the author.  The labels are Snacktory's own output checked by its authors, so a title may carry
the site's name ("... - Golem.de") and an author may be an interface string ("View my complete profile"): read the
misses before counting them.  None of the pages is in the dev sets.

Each page's bytes are copied into a folder as they are, ingested with `axis-ingest ingest`, and scored per half
(sha256 of the page's name, as `wcxb.py`), beside bare trafilatura:

* lead: the labelled opening is in the stored body (normalised words); "first" counts bodies that open with it
  (nothing of the page kept before it);
* title: normalised exact match (`titles.normalised`);
* authors: the shared scorer's name sets (`score_authors.name_set`), on pages labelled with a non-empty author.

With `--kind text` each page is first rendered to the text a browser's copy gives (`trafilatura_eval.page_text`:
menus, cookie banners and footers included) and ingested as scraped page text; trafilatura's columns stay its
reading of the HTML page.

Read misses on half a only (`--show N`).  The pages are public and may overlap the pages that judge the project:
a probe of general mechanisms, never a source of rules fitted to its pages.  Nothing is downloaded: pass a
checkout.  Figures only.

    git clone --depth 1 https://github.com/smallrivers/snacktory /tmp/snacktory
    .venv/bin/python bench/snacktory.py /tmp/snacktory [--kind html|text] [--show 20] [--keep DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import ingest_with_cli, work_folder
from postlight import count, count_title_and_authors, report_tallies, words_of
from trafilatura_eval import browser_text, page_text
from wcxb import Tally, half_of, shared_scorers

TESTS = Path("src/test/java/de/jetwick/snacktory/ArticleTextExtractorTest.java")
RESOURCES = Path("src/test/resources/de/jetwick/snacktory")
_JAVA_STRING = r'"((?:[^"\\]|\\.)*)"'
_FILE = re.compile(r'(?:readFileAsString\("(test_data/[^"]+)"\)|getResourceAsStream\("([^"]+)"\))')
_TITLE = re.compile(rf"assertEquals\(\s*{_JAVA_STRING},\s*\w+\.getTitle\(\)\)")
_AUTHOR = re.compile(rf"assertEquals\(\s*{_JAVA_STRING},\s*\w+\.getAuthorName\(\)\)")
_LEAD = re.compile(rf"startsWith\(\s*{_JAVA_STRING}\s*\)")


def _java_string(body: str) -> str:
    """A Java string literal's value (\\" \\\\ \\n \\t and \\uXXXX escapes)."""
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "'": "'", "\\": "\\"}
    return re.sub(
        r"\\(u[0-9a-fA-F]{4}|.)",
        lambda m: chr(int(m[1][1:], 16)) if m[1][0] == "u" and len(m[1]) == 5 else escapes.get(m[1], m[1]),
        body,
    )


@dataclass
class Label:
    title: str | None
    author: str | None
    lead: str | None


def load_pages(root: Path) -> dict[str, tuple[Label, bytes]]:
    """{page name: (its labels, the page's bytes)} for every test that reads one page and states something."""
    source = (root / TESTS).read_text(encoding="utf-8")
    pages = {}
    for test in source.split("@Test")[1:]:
        test = re.sub(r"^\s*//.*$", "", test, flags=re.M)  # assertions commented out do not hold
        files = {m[1] or m[2] for m in _FILE.finditer(test)}
        if len(files) != 1:
            continue
        path = next(iter(files))
        page = root / path if path.startswith("test_data/") else root / RESOURCES / path
        title, author, lead = (_TITLE.search(test), _AUTHOR.search(test), _LEAD.search(test))
        label = Label(*(m and _java_string(m[1]) for m in (title, author, lead)))
        if page.is_file() and (label.title or label.author or label.lead):
            name = re.sub(r"\W+", "_", path.removeprefix("test_data/").removesuffix(".html"))
            pages[name] = (label, page.read_bytes())
    return pages


def lead_position(body: str, lead: str) -> int | None:
    """Where the labelled opening starts in the body, in characters of its normalised words; None if absent."""
    at = words_of(body).find(words_of(lead)[:200])
    return None if at < 0 else at


@dataclass
class Half:
    lead: Tally = field(default_factory=Tally)
    lead_first: Tally = field(default_factory=Tally)
    title: Tally = field(default_factory=Tally)
    authors: Tally = field(default_factory=Tally)
    rejected: list[str] = field(default_factory=list)


def score(
    pages: dict[str, tuple[Label, bytes]], folder: Path, db_path: Path, show: int, suffix: str
) -> dict[str, Half]:
    import trafilatura

    db, name_set = shared_scorers(db_path)
    halves = {"a": Half(), "b": Half(), "all": Half()}
    for name, (label, html) in pages.items():
        found = db.find(folder / f"{name}.{suffix}")
        article = db.article(found.article_id)
        meta = trafilatura.extract_metadata(html)
        theirs = trafilatura.extract(html) or ""
        body = article["body"] if article is not None else ""
        for key in (half_of(name), "all"):
            half, keep = halves[key], key == "a" and show > 0
            if label.lead and words_of(label.lead):
                at, lib_at = lead_position(body, label.lead), lead_position(theirs, label.lead)
                miss = f"{name}: want {label.lead[:80]!r} body opens {body[:160]!r}"
                count(half.lead, at is not None, lib_at is not None, keep and miss)
                count(half.lead_first, at == 0, lib_at == 0, keep and at is not None and miss)
            count_title_and_authors(half, name, label, found, article, meta, (db, name_set), keep)
    return halves


def report(halves: dict[str, Half], total: int, show: int, kind: str) -> None:
    fields = [("lead", "lead held", "trafilatura"), ("lead_first", "lead first", "trafilatura"),
              ("title", "title", "trafilatura"), ("authors", "authors", "trafilatura")]  # fmt: skip
    report_tallies(f"== Snacktory's test pages as {kind}: {total} pages", halves, fields, show)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path, help="a Snacktory checkout")
    ap.add_argument("--kind", choices=("html", "text"), default="html", help="ingest the pages, or their page text")
    ap.add_argument("--show", type=int, default=0, help="print N misses of each field on half a")
    ap.add_argument("--keep", type=Path, help="keep the pages and the database in this folder")
    args = ap.parse_args()
    if not (args.root / TESTS).is_file():
        print(f"skipped: no {TESTS} in {args.root}")
        return 0
    pages = load_pages(args.root)
    suffix = "html" if args.kind == "html" else "txt"
    with work_folder(args.keep, "axis-snacktory-") as work:
        folder = work / args.kind
        folder.mkdir(parents=True)
        for name, (_, html) in pages.items():
            if args.kind == "html":
                (folder / f"{name}.html").write_bytes(html)
            else:
                (folder / f"{name}.txt").write_text(page_text(browser_text(html)), encoding="utf-8")
        db = ingest_with_cli(folder, work, "snacktory")
        report(score(pages, folder, db, args.show, suffix), len(pages), args.show, args.kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
