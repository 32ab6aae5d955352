"""A probe on 40 countries' news sites: fundus's parser test pages (2023-2026), through the CLI.

fundus (https://github.com/flairNLP/fundus, MIT) keeps, for each of ~180 publishers, one or more saved article pages
(`tests/resources/parser/test_data/<country>/<Publisher>_<date>.html.gz`) and what its hand-written parser for that
publisher extracts from them (`<Publisher>.json`: title, authors, publishing date and the body as summary and
sections of paragraphs; one entry per parser version).  The labels are a site-specific parser's output, reviewed by
its authors: exact, but they keep agencies ("Associated Press") among the authors and some layouts' captions out of
the body.  The pages are of 2023-2026 and in some 30 languages (German, English, French, Spanish, Turkish, Chinese,
Japanese, Korean, Arabic scripts...), which the dev sets (2017-2020, mostly German) are not.

Each page's bytes are copied into a folder as they are, ingested with `axis-ingest ingest`, and scored with
`bench/wcxb.py`'s tallies (body F1 beside bare trafilatura, normalised titles, the shared scorer's name sets,
published day beside htmldate).  A parser version is paired with the page whose text holds its title (one page and
one version for most publishers).  Halves by sha256 of the page's file name as in `wcxb.py`; read misses on half a
only.  fundus is public and may overlap the pages that judge the project: a probe of general mechanisms, never a
source of rules fitted to its pages.  Nothing is downloaded: pass a checkout.  Figures only.

    git clone --depth 1 https://github.com/flairNLP/fundus /tmp/fundus
    .venv/bin/python bench/fundus.py /tmp/fundus [--kind html|text|markdown] [--show 20] [--keep DIR]
"""

from __future__ import annotations

import gzip
import html as html_entities
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wcxb import ground_truth, probe_main

TEST_DATA = Path("tests/resources/parser/test_data")


def body_text(body: dict) -> str:
    """The labelled body (summary and sections of paragraphs) as paragraphs of text."""
    paragraphs = list(body.get("summary", []))
    for section in body.get("sections", []):
        paragraphs += section.get("headline", []) + section.get("paragraphs", [])
    return "\n\n".join(paragraphs)


def truth_of(label: dict, url: str) -> dict:
    """One parser version's output in the ground-truth shape `wcxb.score` reads."""
    body, title, published = body_text(label.get("body") or {}), label.get("title"), label.get("publishing_date")
    return ground_truth(body, title, label.get("authors") or [], published, url)


def load_pages(root: Path) -> dict[str, tuple[dict, bytes]]:
    """{page file name: (ground truth, the page's bytes)} for every page a parser version can be paired with."""
    pages = {}
    for labels_path in sorted((root / TEST_DATA).glob("*/*.json")):
        country = labels_path.parent
        meta = json.loads((country / "meta.info").read_text(encoding="utf-8"))
        versions = json.loads(labels_path.read_text(encoding="utf-8"))
        saved = {p.name: gzip.decompress(p.read_bytes()) for p in sorted(country.glob(f"{labels_path.stem}_*.html.gz"))}
        for label in versions.values():
            name = next((n for n, page in saved.items() if _holds_title(page, label.get("title"))), None)
            if name is None and len(saved) == len(versions) == 1:
                name = next(iter(saved))
            if name is None or not body_text(label.get("body") or {}):
                continue
            page = saved.pop(name)
            pages[f"{country.name}-{name.removesuffix('.html.gz')}"] = (truth_of(label, meta[name]["url"]), page)
    return pages


def _holds_title(page: bytes, title: str | None) -> bool:
    if not title:
        return False
    text = html_entities.unescape(page.decode("utf-8", errors="replace"))
    return " ".join(title.split()) in " ".join(text.split())


def main() -> int:
    return probe_main(__doc__, "a fundus checkout", TEST_DATA, load_pages, "fundus")


if __name__ == "__main__":
    sys.exit(main())
