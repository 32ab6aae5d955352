"""A probe on web layouts of 2019-2026: Defuddle's test fixtures, through the CLI.

Defuddle (https://github.com/kepano/defuddle, MIT; the extractor behind Obsidian's Web Clipper) keeps ~200 pages in
`tests/fixtures/<name>.html` and, for each, what it returns (`tests/expected/<name>.md`: a JSON preamble with the
title, author, site and published date, then the content as Markdown), reviewed by its maintainers when a fixture
is added.  About a third are saved pages (daringfireball.net, stephango.com, lesswrong.com, cp4space, GitHub, X,
Substack...); the rest are short pages written to reproduce a layout reported from the web: a date over the
headline, a byline beside the <h1>, a related-stories block inside the text, a cookie wall, a newsletter pitch
after the article, hidden nodes, a table of contents, footnotes of a dozen CMSs.  Their labels are Defuddle's
conventions: the content keeps code, formulas and footnotes and leaves out the headline; the author may be an
account's name ("@janedoe", "Substack"); a date is often a day at midnight UTC.  So misses are read by hand, half
a only: a probe of general mechanisms, never a source of rules fitted to its pages.  None is in the dev sets.

Each page's bytes are copied into a folder as they are, ingested with `axis-ingest ingest`, and scored with
`bench/wcxb.py`'s tallies (body F1 against the content's words beside bare trafilatura, normalised titles, the
shared scorer's name sets, the published day as the label writes it beside htmldate).  Halves by sha256 of the
fixture's name, as `wcxb.py`.  Nothing is downloaded: pass a checkout.  Figures only.

    git clone --depth 1 https://github.com/kepano/defuddle /tmp/defuddle
    .venv/bin/python bench/defuddle.py /tmp/defuddle [--kind html|text|markdown] [--show 20] [--keep DIR]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wcxb import ground_truth, probe_main

FIXTURES = Path("tests/fixtures")
EXPECTED = Path("tests/expected")
# The expected file: a ```json fence holding the metadata, then the content as Markdown.
_PREAMBLE = re.compile(r"\A```json\n(.*?)\n```\n", re.S)
# Markdown whose characters would become words of their own in the benchmark's tokens (\w+): an image, a link's
# address, an autolink, an HTML tag.  A link keeps its text.
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"<[^>]+>|https?://\S+")


def content_words(markdown: str) -> str:
    """The content's text as a reader sees it: images, link addresses and tags dropped, the rest as written."""
    return _MARKUP.sub(" ", _LINK.sub(r"\1", _IMAGE.sub(" ", markdown)))


def load_pages(root: Path) -> dict[str, tuple[dict, bytes]]:
    """{fixture name: (ground truth in `wcxb.score`'s shape, the page's bytes)} for each fixture with a result."""
    pages = {}
    for page in sorted((root / FIXTURES).glob("*.html")):
        expected = root / EXPECTED / f"{page.stem}.md"
        if not expected.is_file():
            continue
        text = expected.read_text(encoding="utf-8")
        preamble = _PREAMBLE.match(text)
        meta = json.loads(preamble[1]) if preamble else {}
        content = content_words(text[preamble.end() :] if preamble else text)
        truth = ground_truth(content, meta.get("title"), meta.get("author"), meta.get("published"))
        pages[page.stem] = (truth, page.read_bytes())
    return pages


def main() -> int:
    return probe_main(__doc__, "a Defuddle checkout (tests/fixtures, tests/expected)", FIXTURES, load_pages, "Defuddle")


if __name__ == "__main__":
    sys.exit(main())
