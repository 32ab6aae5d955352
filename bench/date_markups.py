"""Publication dates of pages in eleven date markups, through the CLI: which markups the date choice reads.

The dates dev set (../shared/bench/dates) holds real pages, whose misses are each page's own; this script writes
pages that differ only in how they print their date, beside a later date that is not the publication's (an
update, related stories' dates, comments), so a rule's effect on each markup shows: JSON-LD and meta tags with a
modified time, a <time> with an "Updated" line, a byline-and-date line with related stories' dates, German,
French and Spanish printed dates, an "Updated" line above JSON-LD, a WordPress "Posted on" with comment dates,
and a bare date under the headline with related stories' <time> elements in a sidebar.  The text of each page is
five paragraphs drawn at random from the AEB dev bodies (so no two pages are near-duplicates).  Pages go through
`axis-ingest ingest` into a fresh SQLite database; a page counts when its stored `published` day is the date the
page printed.  Figures only; seeded.

    .venv/bin/python bench/date_markups.py [--pages 40] [--seed 11] [--keep DIR]
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import generated_pages_run, ingest_published, require_shared_bench
from corpus import MONTHS as ENGLISH_MONTHS

MONTHS = {
    "en": ENGLISH_MONTHS,
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}

Markup = Callable[[dt.date, dt.date], dict[str, str]]


def _en(day: dt.date) -> str:
    return f"{MONTHS['en'][day.month - 1]} {day.day}, {day.year}"


def _related(later: dt.date, tag: bool) -> str:
    items = []
    for n in range(3):
        day = later + dt.timedelta(days=n)
        when = f'<time datetime="{day.isoformat()}">{day.isoformat()}</time>' if tag else f"<span>{_en(day)}</span>"
        items.append(f'<li><a href="/story-{n}">Another story {n}</a> {when}</li>')
    return "".join(items)


MARKUPS: dict[str, Markup] = {
    "jsonld_published_modified": lambda d, m: {
        "head": '<script type="application/ld+json">{"@type":"NewsArticle",'
        f'"datePublished":"{d.isoformat()}T08:15:00+01:00","dateModified":"{m.isoformat()}T10:00:00+01:00"}}</script>'
    },
    "meta_published_modified": lambda d, m: {
        "head": f'<meta property="article:published_time" content="{d.isoformat()}T08:15:00Z">'
        f'<meta property="article:modified_time" content="{m.isoformat()}T09:00:00Z">'
    },
    "time_and_updated_line": lambda d, m: {
        "header": f'<div class="meta"><time datetime="{d.isoformat()}">{_en(d)}</time> · <span>Updated {_en(m)}</span>'
        "</div>"
    },
    "byline_date_related_dates": lambda d, m: {
        "header": f'<p class="byline">By Jane Roe | {_en(d)}</p>',
        "sidebar": _related(m, tag=False),
    },
    "german_published_updated": lambda d, m: {
        "header": f'<div class="datum">Veröffentlicht am {d.day:02d}.{d.month:02d}.{d.year}, aktualisiert am '
        f"{m.day:02d}.{m.month:02d}.{m.year}</div>",
        "lang": "de",
    },
    "german_byline_and_date": lambda d, m: {
        "header": f'<p class="meta">Von Anna Berger · {d.day}. {MONTHS["de"][d.month - 1]} {d.year}</p>',
        "lang": "de",
    },
    "french_published_updated": lambda d, m: {
        "header": f'<p class="meta">Publié le {d.day} {MONTHS["fr"][d.month - 1]} {d.year} à 14h05, mis à jour le '
        f"{m.day} {MONTHS['fr'][m.month - 1]} {m.year}</p>",
        "lang": "fr",
    },
    "spanish_date": lambda d, m: {
        "header": f'<p class="fecha">{d.day} de {MONTHS["es"][d.month - 1]} de {d.year}</p>',
        "lang": "es",
    },
    "updated_line_over_jsonld": lambda d, m: {
        "head": f'<script type="application/ld+json">{{"@type":"Article","datePublished":"{d.isoformat()}",'
        f'"dateModified":"{m.isoformat()}"}}</script>',
        "header": f'<p class="updated">Last updated: {_en(m)}</p>',
    },
    "posted_on_with_comments": lambda d, m: {
        "header": f'<div class="entry-meta">Posted on {_en(d)} by admin</div>',
        "footer": f'<div class="comments"><div class="comment">Great post! <span class="comment-date">{_en(m)} at '
        "3:12 pm</span></div></div>",
    },
    "bare_date_related_times": lambda d, m: {
        "header": f"<p>{_en(d)}</p>",
        "sidebar": _related(m, tag=True),
    },
}


def page(title: str, paragraphs: list[str], parts: dict[str, str]) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{parts.get("lang", "en")}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} | Example News</title>{parts.get('head', '')}</head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article>'
        f'<h1>{html.escape(title)}</h1>{parts.get("header", "")}<div class="article-body">{body}</div></article>'
        f'<aside class="related"><h3>Related</h3><ul>{parts.get("sidebar", "")}</ul></aside></main>'
        f"<footer>© 2026 Example News{parts.get('footer', '')}</footer></body></html>"
    )


def main() -> int:
    args, work = generated_pages_run(__doc__, 40, "pages per markup", 11, "date-markups-")
    bench = require_shared_bench()
    ground_truth = json.loads((bench / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    pool = [p for item in ground_truth.values() for p in item["articleBody"].split("\n") if len(p.split()) > 25]
    rng = random.Random(args.seed)
    folder = work / "in"
    folder.mkdir(parents=True, exist_ok=True)
    wanted: dict[str, tuple[str, str]] = {}
    for n in range(args.pages):
        for name, markup in MARKUPS.items():
            published = dt.date(rng.choice([2019, 2021, 2023, 2025]), rng.randint(1, 12), rng.randint(1, 20))
            later = published + dt.timedelta(days=rng.randint(2, 8))
            paragraphs = rng.sample(pool, 5)
            title = " ".join(paragraphs[0].split()[:9]).rstrip(".,")
            file_name = f"{name}-{n:03d}.html"
            (folder / file_name).write_text(page(title, paragraphs, markup(published, later)), encoding="utf-8")
            wanted[file_name] = (name, published.isoformat())
    right: dict[str, int] = dict.fromkeys(MARKUPS, 0)
    for file_name, published in ingest_published(folder, work, "dates").items():
        name, day = wanted[file_name]
        right[name] += bool(published) and published.startswith(day)
    for name, count in right.items():
        print(f"{name:28} {count}/{args.pages}")
    print(f"all markups {sum(right.values())}/{args.pages * len(MARKUPS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
