"""A second labelled set beyond the dev pages: trafilatura's public evaluation pages, through the CLI.

The dev sets in ../shared/bench are what `run-dev` measures, and rules drawn from their misses fit them.  This
script checks the HTML and scraped-text readers on trafilatura's own evaluation pages (~990 pages in ~20
languages, `tests/evaldata.json` of https://github.com/adbar/trafilatura: for each page a few "with" segments
the main text holds and "without" segments it must not hold), as a user runs the product:

* html: every page's bytes copied into a folder as they are (27 of the 990 are not UTF-8), `axis-ingest
  ingest` into a fresh SQLite database, each page's `articles.body` scored; bare
  `trafilatura.extract(include_comments=False, include_tables=True)` on the same bytes beside it
  (the settings of trafilatura's own `tests/evaluate.py`, on which it was tuned), and the pages the pipeline
  rejects although trafilatura's text holds a "with" segment ("lost").
* text: every page, decoded as a browser decodes it (its declared charset), rendered to whole-page text by
  Resiliparse (`main_content=False`, list bullets as `* ` / `+ `, the `<title>` line dropped: close to what a
  browser's copy gives), ingested the same way; the text returned unchanged is the baseline.

Bodies only.  trafilatura's evaluation pages include every page of ../shared/bench/authors and 282 of
../shared/bench/dates, so most likely pages of the unseen halves of those sets too: never read authors,
dates or titles off these pages, or their metadata misses would be tuned on pages that judge the project.

Scoring is trafilatura's: a segment counts when its whitespace-normalised text is a substring of the
whitespace-normalised body; precision, recall and F1 over all segments.  Pages are split in halves by the
first byte of sha256(URL) (even = a), like run-dev: read misses on half a only.  Nothing is downloaded: pass
the `tests` folder of a trafilatura checkout.  Figures only; never asserts.

    git clone --depth 1 https://github.com/adbar/trafilatura /tmp/trafilatura
    .venv/bin/python bench/trafilatura_eval.py /tmp/trafilatura/tests [--kind html|text|both] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import ingest_with_cli, work_folder

_SPACE = re.compile(r"\s+")
_BULLET = re.compile(r"(\s*)•\s*(.*)")


def norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    pages: int = 0

    def add(self, item: dict, body: str | None) -> tuple[int, int, int]:
        text = norm(body) if body is not None else None
        tp = sum(1 for w in item["with"] if text is not None and norm(w) in text)
        fp = sum(1 for w in item["without"] if text is not None and norm(w) in text)
        self.tp, self.fp, self.fn, self.pages = (
            self.tp + tp,
            self.fp + fp,
            self.fn + len(item["with"]) - tp,
            self.pages + 1,
        )
        return tp, fp, len(item["with"]) - tp

    def line(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.4f} R {r:.4f} F1 {f:.4f}"


@dataclass
class Halves:
    by_half: dict[str, Counts] = field(default_factory=lambda: {"a": Counts(), "b": Counts(), "all": Counts()})

    def add(self, url: str, item: dict, body: str | None) -> tuple[int, int, int]:
        for key in (half_of(url), "all"):
            counts = self.by_half[key].add(item, body)
        return counts


def half_of(url: str) -> str:
    return "a" if int(hashlib.sha256(url.encode()).hexdigest()[:2], 16) % 2 == 0 else "b"


def load_pages(tests: Path) -> dict[str, tuple[dict, bytes]]:
    """{url: (annotation, the page's bytes)} for every annotated page found under cache/ or eval/.

    The bytes, not a decoded text: until session 11 this script decoded pages that are not UTF-8 as Latin-1
    itself, so the pipeline never saw the windows-1250, ISO-8859-2 and GB18030 pages as a user saves them."""
    pages = {}
    for url, item in json.loads((tests / "evaldata.json").read_text(encoding="utf-8")).items():
        path = next((p for sub in ("cache", "eval") if (p := tests / sub / item["file"]).is_file()), None)
        if path is not None:
            pages[url] = (item, path.read_bytes())
    return pages


def browser_text(page: bytes) -> str:
    """The page decoded as a browser decodes it (BOM, UTF-8, its declared charset): what a copy starts from."""
    from axis_ingest.decode import decode_bytes

    return decode_bytes(page)[0]


def page_text(html: str) -> str:
    """The whole page as text, the way a person copying it from a browser gets it (approximately)."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    text = extract_plain_text(
        HTMLTree.parse(html), main_content=False, preserve_formatting=True, list_bullets=True, alt_texts=False,
        links=False, form_fields=False, noscript=False, comments=True,
    )  # fmt: skip
    lines = []
    for line in text.split("\n")[1:]:  # the first line is the <title>, which a copy of the page does not hold
        bullet = _BULLET.match(line)
        lines.append((("* " if len(bullet[1]) <= 2 else "+ ") + bullet[2]) if bullet else line.strip())
    return "\n".join(lines).strip() + "\n"


def reader_service_markdown(html: str, url: str) -> str:
    """The whole page as a reader service's Markdown gives it (approximately): Jina Reader's header ("Title:" with
    the page's <title>, "URL Source:", "Markdown Content:") over the page's <body> rendered as turndown renders it
    (underlined headings, "*" bullets, links and images kept): menus, teasers and footers with the article."""
    from lxml import html as lxml_html
    from markdownify import markdownify

    tree = lxml_html.fromstring(html)
    title = " ".join((tree.findtext(".//title") or "").split())
    for element in tree.xpath("//script|//style|//noscript|//template|//svg|//iframe|//form"):
        element.drop_tree()
    body = tree.find(".//body")
    markup = lxml_html.tostring(body if body is not None else tree, encoding="unicode")
    content = markdownify(markup, heading_style="underlined", bullets="*", strip=["button", "input", "select"])
    content = re.sub(r"\n{3,}", "\n\n", content).strip()
    return f"Title: {title}\n\nURL Source: {url}\n\nMarkdown Content:\n{content}\n"


def ingest(folder: Path, work: Path) -> dict[str, str | None]:
    """Run the CLI over the folder; {file name: stored body, or None when rejected}."""
    db = ingest_with_cli(folder, work, "eval")
    con = sqlite3.connect(db)
    bodies = dict(
        con.execute(
            "SELECT p.path, a.body FROM raw_paths p "
            "LEFT JOIN article_sources s ON s.raw_document_id = p.raw_document_id "
            "LEFT JOIN articles a ON a.id = s.article_id"
        ).fetchall()
    )
    return {Path(path).name: body for path, body in bodies.items()}


def run(kind: str, pages: dict[str, tuple[dict, bytes]], work: Path) -> None:
    import trafilatura  # the baseline; imported here so that --kind text does not load it

    folder = work / kind
    folder.mkdir(parents=True)
    names = {}
    for i, (url, (_, html)) in enumerate(sorted(pages.items())):
        name = f"{i:04d}.{'html' if kind == 'html' else 'txt'}"
        if kind == "html":
            (folder / name).write_bytes(html)
        else:
            (folder / name).write_text(page_text(browser_text(html)), encoding="utf-8")
        names[url] = name
    bodies = ingest(folder, work / f"{kind}-db")
    pipeline, other = Halves(), Halves()
    rejected, lost = 0, []
    for url, name in names.items():
        item, html = pages[url]
        body = bodies.get(name)
        rejected += body is None
        pipeline.add(url, item, body)
        if kind == "html":
            baseline = trafilatura.extract(html, include_comments=False, include_tables=True)
        else:
            baseline = (folder / name).read_text(encoding="utf-8")
        tp, _, _ = other.add(url, item, baseline)
        if body is None and tp:
            lost.append(url)
    label = "bare trafilatura" if kind == "html" else "text unchanged"
    print(f"== {kind}: {len(names)} pages, {rejected} rejected, {len(lost)} lost (rejected, {label} has a segment)")
    for half in ("a", "b", "all"):
        print(f"  {half:3} pipeline {pipeline.by_half[half].line()}   | {label} {other.by_half[half].line()}")
    for url in lost:
        print(f"  lost: {url}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "tests", type=Path, help="the tests folder of a trafilatura checkout (evaldata.json, cache/, eval/)"
    )
    ap.add_argument("--kind", choices=("html", "text", "both"), default="both")
    ap.add_argument("--keep", type=Path, help="keep the inputs and databases in this folder")
    args = ap.parse_args()
    if not (args.tests / "evaldata.json").is_file():
        print(f"skipped: no evaldata.json in {args.tests}")
        return 0
    pages = load_pages(args.tests)
    with work_folder(args.keep, "axis-trafeval-") as work:
        for kind in ("html", "text") if args.kind == "both" else (args.kind,):
            run(kind, pages, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
