"""Publication dates printed in 35 locales' own formats, as HTML pages, page text and report text, through the CLI.

The dates dev set (../shared/bench/dates) is mostly German and English; this script writes pages whose only date is
the one printed under the headline, in one of CLDR's four date formats (long "5. března 2024", medium
"5. 3. 2024", full with the weekday, short "05.03.24") as babel formats them for the locale, beside a sidebar of
related stories printed with later dates in the same format.  The text of each page is sentences of the locale's
frequent words (wordfreq), so its language is detectable; the HTML page says its locale in `<html lang>`, the page
text (the same page as a person copying it gets it) does not.  Pages go through `axis-ingest ingest` into a fresh
SQLite database; a page counts when its stored `published` day is the date it printed.  Figures only; seeded.

    .venv/bin/python bench/date_locales.py [--pages 6] [--seed 5] [--keep DIR]

Session 14 (start -> end): HTML 754 -> 817 of 840, page text 658 -> 801, report text 434 -> 798
(docs/metadata-evidence.md, "Dates in other locales").  Session 15 (Thai dates in the common era: babel's
Thai formats print "ค.ศ." and the months' dotted abbreviations): HTML 817 -> 829, page text 801, report text
798 -> 816.  Thai page text stays 0/24 here: wordfreq has no Thai list, so its pages are English words run together
with CJK full stops, which is no Thai page (tests/test_phrase_spaced_scripts.py reads real Thai).
"""

from __future__ import annotations

import datetime as dt
import html
import random
import sys
import textwrap
from collections import Counter
from pathlib import Path

from babel.dates import format_date  # trafilatura's courlan depends on babel: no new dependency
from wordfreq import top_n_list

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import generated_pages_run, ingest_published
from date_markups import page

LOCALES = (
    *("it", "pt_BR", "pt_PT", "nl", "pl", "tr", "ru", "uk", "ko", "ja", "zh", "ar", "vi", "cs", "sv", "fi", "hu"),
    *("ro", "da", "el", "id", "es", "fr", "de", "en_GB", "en_US", "nb", "bg", "hr", "sk", "he", "fa", "th", "hi"),
    "ca",
)
FORMATS = ("long", "medium", "full", "short")
# The input kinds, each ingested into a database of its own (the copies of a page are near-duplicates): the HTML
# page, the text a person copying it gets, and report text (PDF-style: the title, an author and the date line
# over hard-wrapped paragraphs).
KINDS = {"html": ".html", "text": ".txt", "report": ".txt"}
# wordfreq's language for a locale whose list it names otherwise; a locale it lacks (Thai) gets English words.
WORD_LANGUAGES = {"hr": "sh"}
UNSPACED = ("zh", "ja", "th")


def sentences(language: str, rng: random.Random, count: int) -> list[str]:
    """`count` sentences of 12-22 of the language's frequent words (its most frequent 60 left out)."""
    try:
        words = top_n_list(WORD_LANGUAGES.get(language, language), 800)[60:]
    except LookupError:
        words = top_n_list("en", 800)[60:]
    joiner, stop = ("", "。") if language in UNSPACED else (" ", ".")
    out = []
    for _ in range(count):
        text = joiner.join(rng.choice(words) for _ in range(rng.randint(12, 22)))
        out.append(text[:1].upper() + text[1:] + stop)
    return out


def write_pages(folder: Path, pages: int, rng: random.Random) -> dict[str, tuple[str, str, str]]:
    """Each locale's pages in each format, in each of KINDS (a folder each); {kind/file name: (locale, format,
    day)}."""
    for kind in KINDS:
        (folder / kind).mkdir(parents=True, exist_ok=True)
    wanted: dict[str, tuple[str, str, str]] = {}
    for locale in LOCALES:
        language = locale.split("_")[0]
        joiner = "" if language in UNSPACED else " "
        for fmt in FORMATS:
            for n in range(pages):
                day = dt.date(rng.choice([2018, 2021, 2023, 2025]), rng.randint(1, 12), rng.randint(1, 28))
                later = day + dt.timedelta(days=rng.randint(3, 40))
                paragraphs = [joiner.join(sentences(language, rng, 4)) for _ in range(5)]
                title = sentences(language, rng, 1)[0][:60].rstrip(".。")
                printed = format_date(day, format=fmt, locale=locale)
                related = [
                    (sentences(language, rng, 1)[0][:40], format_date(later + dt.timedelta(days=i), fmt, locale))
                    for i in range(3)
                ]
                stem = f"{locale}-{fmt}-{n}"
                (folder / "html" / f"{stem}.html").write_text(
                    page_html(locale, title, printed, paragraphs, related), encoding="utf-8"
                )
                lines = ["Home", title, printed, "", *(p + "\n" for p in paragraphs), "Related"]
                lines += [f"{text} {date}" for text, date in related] + ["© Site"]
                (folder / "text" / f"{stem}.txt").write_text("\n".join(lines), encoding="utf-8")
                report = [title, "", "Maria Example", printed, ""]
                for paragraph in paragraphs:
                    report += [*textwrap.wrap(paragraph, 72), ""]
                (folder / "report" / f"{stem}.txt").write_text("\n".join([*report, "Page 1 of 1"]), encoding="utf-8")
                for kind, suffix in KINDS.items():
                    wanted[f"{kind}/{stem}{suffix}"] = (locale, fmt, day.isoformat())
    return wanted


def page_html(locale: str, title: str, printed: str, paragraphs: list[str], related: list[tuple[str, str]]) -> str:
    """The date markups bench's page, in the locale's language, its date printed under the headline."""
    items = "".join(
        f'<li><a href="/s{i}">{html.escape(text)}</a> <span class="date">{date}</span></li>'
        for i, (text, date) in enumerate(related)
    )
    return page(
        title,
        paragraphs,
        {"lang": locale.replace("_", "-"), "header": f'<p class="date">{printed}</p>', "sidebar": items},
    )


def main() -> int:
    args, work = generated_pages_run(__doc__, 6, "pages per locale, format and kind", 5, "date-locales-")
    wanted = write_pages(work / "in", args.pages, random.Random(args.seed))
    stored = {
        f"{kind}/{name}": published
        for kind in KINDS
        for name, published in ingest_published(work / "in" / kind, work, kind).items()
    }
    right: Counter[tuple[str, str, str]] = Counter()
    for name, (locale, fmt, day) in wanted.items():
        published = stored.get(name)
        right[(name.split("/")[0], locale, fmt)] += bool(published) and published.startswith(day)
    for kind in KINDS:
        total = sum(count for (k, _, _), count in right.items() if k == kind)
        print(f"{kind}: {total}/{len(wanted) // len(KINDS)}")
        for locale in LOCALES:
            row = [f"{fmt} {right[(kind, locale, fmt)]}/{args.pages}" for fmt in FORMATS]
            if any(right[(kind, locale, fmt)] < args.pages for fmt in FORMATS):
                print(f"  {locale:6} " + "  ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
