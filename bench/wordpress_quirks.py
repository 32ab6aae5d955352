"""How many real WordPress quirk snippets come out with no leftover markup.

Reads ../shared/bench/wordpress/wp_quirk_snippets.jsonl (entities in titles, leaked
shortcodes, block comments, wire trailers inside posts) and runs each snippet's
`value` (and `excerpt`) through the WordPress content cleaner; a snippet is clean
when no tag, entity, shortcode, block comment or literal \\uXXXX escape is left and,
where the file gives the decoded text, the output equals it.  Then reads every
captured REST response in the folder and reports posts read and leftovers.

Run: python bench/wordpress_quirks.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from axis_ingest.clean.text import normalise_paragraphs
from axis_ingest.clean.wire_patterns import strip_trailers
from axis_ingest.clean.wp_html import html_to_paragraphs
from axis_ingest.document import RejectedInput
from axis_ingest.readers.wordpress import read_wordpress
from bench._shared import require_shared_bench

LEFTOVER = re.compile(
    r"</?[A-Za-z][\w:-]*[^<>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]{2,8});|\[/?[A-Za-z_][\w-]*[^\]]*\]|<!--|\\u[0-9a-f]{4}",
    re.IGNORECASE,
)


def clean(html: str) -> list[str]:
    paragraphs, _ = strip_trailers(html_to_paragraphs(html))
    return normalise_paragraphs(paragraphs)


def main() -> int:
    folder = require_shared_bench() / "wordpress"
    snippets = [json.loads(line) for line in (folder / "wp_quirk_snippets.jsonl").read_text().splitlines() if line]
    clean_count = decoded_count = with_decoded = 0
    for snippet in snippets:
        texts = clean(snippet["value"]) + (clean(snippet["excerpt"]) if "excerpt" in snippet else [])
        joined = " | ".join(texts)
        ok = not LEFTOVER.findall(joined)
        clean_count += ok
        if "decoded" in snippet:
            with_decoded += 1
            decoded_count += " ".join(texts) == snippet["decoded"]
        print(f"{'clean' if ok else 'LEFTOVER':8} {snippet['quirk'][:60]:60} -> {joined[:70]!r}")
    print(f"quirk snippets with no leftover markup: {clean_count}/{len(snippets)}")
    print(f"quirk snippets equal to their 'decoded' text: {decoded_count}/{with_decoded}")

    posts = dirty = 0
    for path in sorted(folder.glob("*.json")):
        try:
            docs = read_wordpress(path.read_text(encoding="utf-8"))
        except RejectedInput as error:
            print(f"rejected {path.name}: {str(error)[:110]}")
            continue
        bad = sum(1 for d in docs if LEFTOVER.search(d.body) or (d.title and LEFTOVER.search(d.title)))
        posts += len(docs)
        dirty += bad
        print(f"read     {path.name}: {len(docs)} post(s), {bad} with leftover markup")
    print(f"REST posts read: {posts}, with leftover markup: {dirty}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
