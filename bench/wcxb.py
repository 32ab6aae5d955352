"""A probe on the 2025 web: the article pages of WCXB (Web Content eXtraction Benchmark, 2026), through the CLI.

The dev sets in ../shared/bench are pages of 2017-2020, and rules drawn from their misses fit them.  WCXB
(https://github.com/Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0) holds pages collected in 2025
from ~1,300 domains, each with a human-reviewed `main_content`, `title`, `author` and `publish_date`.  This
script takes its article pages (`metadata.json` page type `article`; `--types` for others), copies each page's
bytes into a folder as they are, runs `axis-ingest ingest` into a fresh SQLite database as a user does, finds
each page's article with the shared scorers' `ContractDB` and prints, per half:

* body: the article-extraction-benchmark's F1 (`aeb_metric`), beside bare `trafilatura.extract` (default
  settings, and with `include_comments=False`: the bar issue 13 sets on its five corpora) on the same bytes,
  and the pages the pipeline rejects although trafilatura's text scores F1 >= 0.5 ("lost");
* title: normalised exact match (`titles.normalised`), beside `trafilatura.extract_metadata`'s title;
* authors: the shared scorer's normalised name sets (`score_authors.name_set`) on pages labelled with an author,
  beside trafilatura's author; names stored on pages labelled with none are counted too;
* dates: the stored `published` day equals `publish_date`, beside htmldate's
  `find_date(extensive_search=True, original_date=True)`; dates stored on pages labelled with none are counted.

With `--kind text` each page is first rendered to the text a browser's copy gives (`trafilatura_eval.page_text`:
menus, cookie banners and footers included) and ingested as scraped page text; the body baseline is that text
unchanged, and there is no library beside the metadata.  With `--kind markdown` each page is rendered as a
reader service's Markdown of the whole page (`trafilatura_eval.reader_service_markdown`: Jina Reader's header over
the <body> as turndown renders it, menus and footers as lines of links) and ingested as Markdown.

Halves are by the first byte of sha256(file id), even = a: read misses on half a only (`--show N` prints N misses
of each field of half a, and the N pages where bare trafilatura's body is furthest ahead).  WCXB is public and
may overlap the pages that judge the project; use it as a probe of general mechanisms, never to fit a rule to its
pages.  Nothing is downloaded: pass a checkout.  Figures only.

    git clone --depth 1 https://github.com/Murrough-Foley/web-content-extraction-benchmark /tmp/wcxb
    .venv/bin/python bench/wcxb.py /tmp/wcxb [--kind html|text|markdown] [--split dev] [--types article] \
        [--show 20] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import ingest_with_cli, require_shared_bench, work_folder
from aeb_metric import DocScore, aggregate, score_document
from titles import normalised as normalised_title
from trafilatura_eval import browser_text, page_text, reader_service_markdown

SUFFIX = {"html": "html", "text": "txt", "markdown": "md"}
# {page id: (ground truth, the page's bytes)}, as each probe loads its corpus
Pages = dict[str, tuple[dict, bytes]]

LOST_F1 = 0.5  # a rejected page is "lost" when bare trafilatura's text of it scores at least this


@dataclass
class Tally:
    """One field's right answers for the pipeline and for the bare library beside it."""

    right: int = 0
    library_right: int = 0
    labelled: int = 0
    invented: int = 0  # a value stored where the page is labelled with none
    misses: list[str] = field(default_factory=list)

    def line(self, name: str, library: str) -> str:
        share = self.right / self.labelled if self.labelled else 0.0
        other = self.library_right / self.labelled if self.labelled else 0.0
        return (
            f"{name} {share:.4f} ({self.right}/{self.labelled}, {self.invented} on unlabelled pages)"
            f"   | {library} {other:.4f} ({self.library_right})"
        )


@dataclass
class Half:
    pipeline: list[DocScore] = field(default_factory=list)
    library: list[DocScore] = field(default_factory=list)
    library_without_comments: list[DocScore] = field(default_factory=list)  # the bar on five corpora
    rejected: int = 0
    lost: list[str] = field(default_factory=list)
    title: Tally = field(default_factory=Tally)
    authors: Tally = field(default_factory=Tally)
    dates: Tally = field(default_factory=Tally)


def ground_truth(main_content: str, title: str | None, author: Any, published: str | None, url: str = "") -> dict:
    """A page's labels in the shape `score` reads (WCXB's own; the other probes' loaders build theirs here): empty
    values are None, the published date a day."""
    return {
        "main_content": main_content,
        "title": title or None,
        "author": author or None,
        "publish_date": (published or "")[:10] or None,
        "url": url,
    }


def half_of(file_id: str) -> str:
    return "a" if int(hashlib.sha256(file_id.encode()).hexdigest()[:2], 16) % 2 == 0 else "b"


def load_pages(root: Path, split: str, types: set[str]) -> dict[str, tuple[dict, bytes]]:
    """{file id: (ground truth with its url, the page's bytes)} for the split's pages of the given types."""
    files = json.loads((root / "metadata.json").read_text(encoding="utf-8"))["files"]
    pages = {}
    for file_id, meta in sorted(files.items()):
        html = root / split / "html" / f"{file_id}.html.gz"
        if meta["split"] != split or meta["page_type"] not in types or not html.is_file():
            continue
        record = json.loads((root / split / "ground-truth" / f"{file_id}.json").read_text(encoding="utf-8"))
        if not record["ground_truth"].get("main_content"):
            continue  # two pages have no labelled text
        pages[file_id] = ({**record["ground_truth"], "url": record.get("url", "")}, gzip.decompress(html.read_bytes()))
    return pages


def library_view(html: bytes) -> tuple[str, str, str | None, str | None, str | None]:
    """Bare trafilatura's body (default settings, and with include_comments=False: issue 13's bar on its five
    corpora), title and author, and bare htmldate's date, of the page's bytes."""
    import htmldate
    import trafilatura

    body = trafilatura.extract(html) or ""
    without_comments = trafilatura.extract(html, include_comments=False) or ""
    meta = trafilatura.extract_metadata(html)
    date = htmldate.find_date(html, extensive_search=True, original_date=True)
    return body, without_comments, meta.title if meta else None, meta.author if meta else None, date


def shared_scorers(db_path: Path) -> tuple[Any, Callable[..., Any]]:
    """The database read as the shared scorers read it (`contract_db.ContractDB`: their own matching of files to
    articles) and their authors' normalised name sets (`score_authors.name_set`)."""
    sys.path.insert(0, str(require_shared_bench() / "score"))
    from contract_db import ContractDB
    from score_authors import name_set

    return ContractDB(str(db_path)), name_set


def score(pages: dict[str, tuple[dict, bytes]], folder: Path, db_path: Path, show: int, kind: str) -> dict[str, Half]:
    db, name_set = shared_scorers(db_path)
    halves = {"a": Half(), "b": Half(), "all": Half()}
    for file_id, (truth, html) in pages.items():
        found = db.find(folder / f"{file_id}.{SUFFIX[kind]}")
        article = db.article(found.article_id)
        body = article["body"] if article is not None else None
        if kind == "html":
            lib_body, lib_body_without_comments, lib_title, lib_author, lib_date = library_view(html)
        else:  # the baseline of page text is the text unchanged; there is no library reading its metadata
            lib_body = lib_body_without_comments = found.file.read_text(encoding="utf-8")
            lib_title = lib_author = lib_date = None
        mine = score_document(file_id, body or "", truth["main_content"])
        theirs = score_document(file_id, lib_body, truth["main_content"])
        theirs_without_comments = score_document(file_id, lib_body_without_comments, truth["main_content"])
        title = article["title"] if article is not None else None
        names = db.authors(found.article_id)
        published = ((article["published"] if article is not None else None) or "")[:10]
        for key in (half_of(file_id), "all"):
            half = halves[key]
            keep_misses = key == "a" and show > 0
            half.pipeline.append(mine)
            half.library.append(theirs)
            half.library_without_comments.append(theirs_without_comments)
            if body is None:
                half.rejected += 1
                if theirs.f1 >= LOST_F1:
                    half.lost.append(f"{file_id} {truth['url']}")
            tally(half.title, truth.get("title"), normalised_title, title, lib_title, keep_misses, file_id)
            tally(half.authors, truth.get("author"), name_set, names, lib_author, keep_misses, file_id)
            tally(half.dates, truth.get("publish_date"), str, published, (lib_date or "")[:10], keep_misses, file_id)
    return halves


def tally(count: Tally, want, norm, got, library, keep_misses: bool, file_id: str) -> None:
    if not want:
        count.invented += bool(got)
        return
    count.labelled += 1
    count.library_right += bool(library) and norm(library) == norm(want)
    if got and norm(got) == norm(want):
        count.right += 1
    elif keep_misses:
        count.misses.append(f"{file_id}: want {want!r} got {got!r} (library {library!r})")


def report(halves: dict[str, Half], total: int, show: int, kind: str, corpus: str = "WCXB") -> None:
    print(f"== {corpus} as {kind}: {total} pages")
    baseline = "bare trafilatura" if kind == "html" else "text unchanged"
    for key in ("a", "b", "all"):
        half = halves[key]
        _, _, f1 = aggregate(half.pipeline)
        _, _, lib_f1 = aggregate(half.library)
        _, _, without_comments_f1 = aggregate(half.library_without_comments)
        beside = f" (include_comments=False {without_comments_f1:.4f})" if kind == "html" else ""
        print(f"  {key:3} body F1 {f1:.4f} | {baseline} {lib_f1:.4f}{beside}; {len(half.pipeline)} pages, "
              f"{half.rejected} rejected, {len(half.lost)} lost")  # fmt: skip
        print(f"      {half.title.line('title', 'trafilatura')}")
        print(f"      {half.authors.line('authors', 'trafilatura')}")
        print(f"      {half.dates.line('dates', 'htmldate')}")
    if show:
        a = halves["a"]
        for name, tallied in (("title", a.title), ("authors", a.authors), ("dates", a.dates)):
            for line in tallied.misses[:show]:
                print(f"  {name} miss {line}")
        worst = sorted((s for s in a.pipeline), key=lambda s: s.f1)[:show]
        for s in worst:
            print(f"  body {s.doc_id} F1 {s.f1:.3f} P {s.precision or 0:.3f} R {s.recall or 0:.3f}")
        pairs = sorted(zip(a.pipeline, a.library, strict=True), key=lambda pair: pair[0].f1 - pair[1].f1)
        for mine, theirs in pairs[:show]:
            if theirs.f1 > mine.f1:
                print(
                    f"  behind {mine.doc_id} F1 {mine.f1:.3f} (P {mine.precision or 0:.3f} R {mine.recall or 0:.3f})"
                    f" | trafilatura {theirs.f1:.3f} (P {theirs.precision or 0:.3f} R {theirs.recall or 0:.3f})"
                )
        for line in a.lost:
            print(f"  lost {line}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path, help="a WCXB checkout (metadata.json, dev/, test/)")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--types", default="article", help="page types, comma-separated")
    add_probe_arguments(ap)
    args = ap.parse_args()
    if not (args.root / "metadata.json").is_file():
        print(f"skipped: no metadata.json in {args.root}")
        return 0
    pages = load_pages(args.root, args.split, set(args.types.split(",")))
    with work_folder(args.keep, "axis-wcxb-") as work:
        ingest_and_report(pages, work, args.kind, args.show, "WCXB")
    return 0


def add_probe_arguments(ap: argparse.ArgumentParser) -> None:
    """--kind, --show and --keep, as this probe and bench/fundus.py read them."""
    ap.add_argument(
        "--kind", choices=("html", "text", "markdown"), default="html",
        help="ingest the pages as saved HTML, as the page text a browser's copy gives, or as a reader service's "
        "Markdown of the whole page",
    )  # fmt: skip
    ap.add_argument("--show", type=int, default=0, help="print N misses of each field on half a")
    ap.add_argument("--keep", type=Path, help="keep the pages and the database in this folder")


def probe_main(doc: str | None, root_help: str, required: Path, load: Callable[[Path], Pages], corpus: str) -> int:
    """The command line of a probe on a checkout (bench/fundus.py, bench/readability_pages.py): the checkout's
    folder and `add_probe_arguments`; skipped when the checkout lacks `required`; `load(root)` gives the pages."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path, help=root_help)
    add_probe_arguments(ap)
    args = ap.parse_args()
    if not (args.root / required).exists():
        print(f"skipped: no {required} in {args.root}")
        return 0
    pages = load(args.root)
    with work_folder(args.keep, f"axis-{corpus.lower()}-") as work:
        ingest_and_report(pages, work, args.kind, args.show, corpus)
    return 0


def ingest_and_report(pages: dict[str, tuple[dict, bytes]], work: Path, kind: str, show: int, corpus: str) -> None:
    """Copy each page into `work` as it is (or as the page text a browser's copy gives), ingest the folder with the
    CLI, and print the halves' figures."""
    folder = work / kind
    folder.mkdir(parents=True)
    for file_id, (truth, html) in pages.items():
        path = folder / f"{file_id}.{SUFFIX[kind]}"
        if kind == "html":
            path.write_bytes(html)
        elif kind == "markdown":
            path.write_text(reader_service_markdown(browser_text(html), truth.get("url", "")), encoding="utf-8")
        else:
            path.write_text(page_text(browser_text(html)), encoding="utf-8")
    halves = score(pages, folder, ingest_with_cli(folder, work, corpus.lower()), show, kind)
    report(halves, len(pages), show, kind, corpus=corpus)


if __name__ == "__main__":
    sys.exit(main())
