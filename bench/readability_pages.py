"""A probe on Mozilla Readability's test pages (2010-2024 news, blogs, docs; a dozen languages), through the CLI.

Mozilla Readability (https://github.com/mozilla/readability, Apache-2.0) keeps ~130 saved pages
(`test/test-pages/<name>/source.html`), each with what Readability extracts from it: `expected.html` (the body)
and `expected-metadata.json` (title, byline, publishedTime).  The labels are Readability's own output, reviewed by
its maintainers, not a person's reading: its title keeps a site's suffix ("... - Medium"), its byline is the text
as printed ("By Nathan Willis March 25, 2015", "Contributors to Wikimedia projects"), its body keeps a story's
"Related:" links.  So figures here are for comparing two versions of the pipeline (and trafilatura beside it),
not absolute accuracy.  About a third of the pages are Readability's own small test cases, built on "Lorem ipsum"
text or a body of a few words; they are left out.

The pages are copied into a folder as they are (or as the text a browser's copy gives, `--kind text`), ingested
with `axis-ingest ingest`, and scored with `bench/wcxb.py`'s tallies: body F1 beside bare trafilatura, normalised
titles, the shared scorer's name sets on the byline, the published day beside htmldate.  Halves by sha256 of the
page's folder name as in `wcxb.py`; read misses on half a only.  Public pages that may overlap the pages that judge
the project: a probe of general mechanisms, never a source of rules fitted to its pages.  Nothing is downloaded:
pass a checkout.  Figures only.

    git clone --depth 1 https://github.com/mozilla/readability /tmp/readability
    .venv/bin/python bench/readability_pages.py /tmp/readability [--kind html|text|markdown] [--show 20] [--keep DIR]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wcxb import ground_truth, probe_main

TEST_PAGES = Path("test/test-pages")
BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "dd", "dt", "figcaption")
# Readability's own test cases, which no published page is: built on "Lorem ipsum" text, or a body of a few words
# ("Test", "abc def", "Test Case 1 Test Case 2"; the shortest published page's body has 100 characters).
PLACEHOLDER = re.compile(r"lorem\s+ipsum", re.IGNORECASE)
MIN_BODY_CHARS = 50


def expected_text(expected_html: str) -> str:
    """Readability's expected body as paragraphs: the text of each innermost block element, in page order."""
    tree = lxml.html.fromstring(expected_html)
    paragraphs = []
    for element in tree.iter(*BLOCKS):
        if any(child.tag in BLOCKS for child in element.iterdescendants()):
            continue  # a list item or cell holding paragraphs: its paragraphs count, once
        text = " ".join(element.text_content().split())
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs) or " ".join(tree.text_content().split())


def load_pages(root: Path) -> dict[str, tuple[dict, bytes]]:
    """{page folder name: (ground truth in `wcxb.score`'s shape, the page's bytes)}, placeholder pages left out."""
    pages = {}
    for folder in sorted((root / TEST_PAGES).iterdir()):
        source = folder / "source.html"
        if not source.is_file():
            continue
        body = expected_text((folder / "expected.html").read_text(encoding="utf-8"))
        page = source.read_text(encoding="utf-8", errors="replace")
        if len(body) < MIN_BODY_CHARS or PLACEHOLDER.search(body) or PLACEHOLDER.search(page):
            continue
        meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        byline = " ".join((meta.get("byline") or "").split())
        truth = ground_truth(body, meta.get("title"), byline, meta.get("publishedTime"))
        pages[folder.name] = (truth, source.read_bytes())
    return pages


def main() -> int:
    return probe_main(__doc__, "a mozilla/readability checkout", TEST_PAGES, load_pages, "Readability")


if __name__ == "__main__":
    sys.exit(main())
