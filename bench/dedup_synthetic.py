"""Near-duplicates of stories the dev set does not hold, through the CLI and the shared scorer.

The syndication dev set (../shared/bench/dedup) builds its reprints from the bodies of the AEB dev pages, and the
unseen set most likely from other stories: a rule drawn from the dev set's 81 stories can fit them.  This script
builds the dev set's kinds of reprint (the `variant` names of syndication-dev.jsonl: whitespace, added
boilerplate, a new headline and dateline, truncation to 80/60/40%, paragraphs reordered and dropped, 2% and 5%
word edits, editor's notes, a combination; and hard negatives that share only the lead paragraphs) from other
stories: the text bare trafilatura extracts from trafilatura's evaluation pages (`tests/evaldata.json` of a
trafilatura checkout, as `bench/trafilatura_eval.py` reads them), in the language asked for.  The files go
through `axis-ingest ingest` into a fresh SQLite database and `../shared/bench/score/score_dedup.py` scores it:
what a user gets.  Figures only; seeded, so two runs build the same files.  With `--bbc` the stories are BBC News's
of 2004-05 instead (the 2,225 text files of Greene and Cunningham's corpus, five categories whose stories share
their subjects), one half of them with `--half a|b` (by a hash of each file's path).  With `--wcxb` or `--fundus`
the stories are the labelled article texts of WCXB's dev split (2025 pages of ~1,300 sites, many of them guides and
lists) or of fundus's test pages (2023-2026 news in ~30 languages), a half of them by the probes' own halves
(`bench/wcxb.py`'s `half_of`), so a miss read there is read on the same half as the body probes'.

    .venv/bin/python bench/dedup_synthetic.py /tmp/trafilatura/tests [--stories 80] [--seed 7] [--keep DIR]
    .venv/bin/python bench/dedup_synthetic.py /tmp/bbc --bbc --half a --stories 120
    .venv/bin/python bench/dedup_synthetic.py /tmp/wcxb --wcxb --half a --stories 120
    .venv/bin/python bench/dedup_synthetic.py /tmp/fundus --fundus --half a --stories 60
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import require_shared_bench
from trafilatura_eval import browser_text, load_pages
from wcxb import half_of

MIN_STORY_WORDS = 300  # the dev set's originals hold 250-1,500 words
MIN_PARAGRAPHS = 6
MIN_PARAGRAPH_WORDS = 12  # shorter extracted lines (captions, list items) are left out of a story
FILLERS = ("recently", "now", "however", "also", "still", "reportedly")
NOTES = (
    "Editor's note: This story has been updated to include new information.",
    "This article originally appeared on a partner site and is republished with permission.",
)
DESKS = (("London", "Reuters"), ("New York", "AP"), ("Paris", "AFP"), ("Berlin", "dpa"))


def stories(tests: Path, language: str, count: int) -> list[list[str]]:
    """Paragraph lists of the first `count` pages (sorted by URL) whose extracted text is a long story."""
    import trafilatura

    from axis_ingest.detectors import detect_language

    found: list[list[str]] = []
    leads: set[str] = set()  # the evaluation set holds a few pages twice under two URLs: one story each
    for _url, (_item, page) in sorted(load_pages(tests).items()):
        text = trafilatura.extract(browser_text(page), include_comments=False) or ""
        paragraphs = [p.strip() for p in text.split("\n") if len(p.split()) >= MIN_PARAGRAPH_WORDS]
        words = sum(len(p.split()) for p in paragraphs)
        if len(paragraphs) < MIN_PARAGRAPHS or words < MIN_STORY_WORDS:
            continue
        if detect_language(" ".join(paragraphs))[0] != language or paragraphs[0] in leads:
            continue
        leads.add(paragraphs[0])
        found.append(paragraphs)
        if len(found) == count:
            break
    return found


def bbc_stories(folder: Path, count: int, half: str | None) -> list[list[str]]:
    """Paragraph lists of BBC News's 2004-05 stories (the 2,225 text files of Greene and Cunningham's corpus: the
    headline, a blank line, one paragraph a line), every category in turn, sorted by path; with `half`, the
    stories whose path's sha256 starts with an even (a) or odd (b) byte.  Stories of one category share their
    subjects (a week of one trial, one club's season), so their hard negatives are harder than random ones."""
    texts = (
        path.read_text(encoding="latin-1").splitlines()[1:]
        for path in sorted(folder.rglob("*.txt"))
        if not half or half_of(str(path.relative_to(folder))) == half
    )
    return spread_long_stories(texts, count)


def labelled_stories(root: Path, corpus: str, count: int, half: str | None) -> list[list[str]]:
    """Paragraph lists of the labelled article texts of WCXB's dev split or of fundus's test pages (their
    `main_content`, one paragraph a line), every `len // count`-th long one in file order; with `half`, the pages of
    that half of the probe (`wcxb.half_of` of the file id)."""
    import fundus
    import wcxb

    pages = wcxb.load_pages(root, "dev", {"article"}) if corpus == "wcxb" else fundus.load_pages(root)
    texts = (
        truth["main_content"].split("\n")
        for page_id, (truth, _page) in sorted(pages.items())
        if not half or half_of(page_id) == half
    )
    return spread_long_stories(texts, count)


def spread_long_stories(texts: Iterable[list[str]], count: int) -> list[list[str]]:
    """Of texts given as their lines, the stories: the lines of MIN_PARAGRAPH_WORDS or more are its paragraphs, and a
    story holds MIN_PARAGRAPHS and MIN_STORY_WORDS.  A corpus may hold a story twice (one story, two files): the
    first with a given lead is taken.  Every `len // count`-th story, so that the stories spread over the corpus
    (BBC News's categories in turn, WCXB's sites)."""
    found: list[list[str]] = []
    leads: set[str] = set()
    for lines in texts:
        paragraphs = [line.strip() for line in lines if len(line.split()) >= MIN_PARAGRAPH_WORDS]
        long_enough = len(paragraphs) >= MIN_PARAGRAPHS and sum(len(p.split()) for p in paragraphs) >= MIN_STORY_WORDS
        if long_enough and paragraphs[0] not in leads:
            leads.add(paragraphs[0])
            found.append(paragraphs)
    step = max(1, len(found) // count)
    return found[::step][:count]


def join(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs) + "\n"


def truncated(paragraphs: list[str], share: float) -> list[str]:
    """The first paragraphs holding about `share` of the words (a reprint cut at a paragraph's end)."""
    total = sum(len(p.split()) for p in paragraphs)
    kept, words = [], 0
    for paragraph in paragraphs:
        if kept and words + len(paragraph.split()) / 2 > share * total:
            break
        kept.append(paragraph)
        words += len(paragraph.split())
    return kept


def edited(paragraphs: list[str], share: float, rng: random.Random) -> list[str]:
    """Words inserted, dropped or repeated at `share` of positions (a copy desk's edits)."""
    out = []
    for paragraph in paragraphs:
        words = []
        for word in paragraph.split():
            roll = rng.random()
            if roll < share / 3:
                continue
            words.append(word)
            if roll < 2 * share / 3:
                words.append(rng.choice(FILLERS))
            elif roll < share:
                words.append(word)
        out.append(" ".join(words))
    return out


def boilerplate(paragraphs: list[str], agency: str, rng: random.Random) -> list[str]:
    day, hour = rng.randint(1, 28), rng.randint(1, 11)
    return [
        f"By Staff Writer, {agency}",
        f"Published {day} March 2019 | Updated {hour}:{rng.randint(10, 59)} p.m.",
        *paragraphs,
        f"Reporting by staff; Editing by desk. Copyright 2019 {agency}. All rights reserved.",
        "Share this: Facebook Twitter Email Print",
    ]


def variants(paragraphs: list[str], rng: random.Random) -> dict[str, str]:
    city, agency = rng.choice(DESKS)
    headline = " ".join(word.capitalize() for word in paragraphs[0].split()[:6])
    reordered = list(paragraphs)
    i = rng.randrange(1, len(reordered) - 2)
    reordered[i], reordered[i + 1] = reordered[i + 1], reordered[i]
    del reordered[rng.randrange(2, len(reordered))]
    return {
        "original": join(paragraphs),
        "exact_ws": " " + join(paragraphs).replace(" ", "  ", 3).replace("\n\n", "\n \n") + "  \n",
        "boilerplate": join(boilerplate(paragraphs, agency, rng)),
        "headline_dateline": join([f"{city} ({agency}) — {headline}", f"{city.upper()} ({agency}) — {paragraphs[0]}"])
        + join(paragraphs[1:]),
        "trunc80": join(truncated(paragraphs, 0.8)),
        "trunc60_note": join([NOTES[0], *truncated(paragraphs, 0.6)]),
        "reorder_drop": join(reordered),
        "edits2pct_note": join([NOTES[1], *edited(paragraphs, 0.02, rng)]),
        "edits5pct": join(edited(paragraphs, 0.05, rng)),
        "combo_boiler_trunc70_edit1": join(boilerplate(edited(truncated(paragraphs, 0.7), 0.01, rng), agency, rng)),
        "trunc40": join(truncated(paragraphs, 0.4)),
    }


def shared_lede(lede_from: list[str], others: list[list[str]], rng: random.Random) -> str:
    """Hard negative: the first two paragraphs of this story over paragraphs of several others (the dev set's
    hard negatives hold 6-30% of their own story and at most 35% of any other)."""
    rest = [paragraph for story in others for paragraph in rng.sample(story[2:], k=min(2, len(story) - 2))]
    return join([*lede_from[:2], *rest])


def build(found: list[list[str]], seed: int) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for cluster, paragraphs in enumerate(found, start=1):
        for variant, text in variants(paragraphs, rng).items():
            rows.append({"doc_id": f"s{cluster}-{variant}", "cluster_id": cluster, "variant": variant, "text": text})
        if cluster % 2:  # about half the stories lend their lead to a hard negative, as in the dev set
            others = rng.sample([story for story in found if story is not paragraphs], k=3)
            rows.append(
                {
                    "doc_id": f"hn{cluster}",
                    "cluster_id": 10_000 + cluster,
                    "variant": "hardneg_shared_lede",
                    "text": shared_lede(paragraphs, others, rng),
                }
            )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "tests", type=Path, help="the tests folder of a trafilatura checkout (or, with --bbc, of BBC News)"
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--bbc", action="store_true", help="stories from BBC News's 2004-05 text corpus in `tests`")
    source.add_argument("--wcxb", action="store_true", help="the labelled texts of a WCXB checkout in `tests`")
    source.add_argument("--fundus", action="store_true", help="the labelled texts of a fundus checkout in `tests`")
    parser.add_argument(
        "--half", choices=("a", "b"), help="with --bbc, --wcxb or --fundus: one half of the stories, by a hash"
    )
    parser.add_argument("--stories", type=int, default=80)
    parser.add_argument("--language", default="en")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build and keep the files and database here")
    args = parser.parse_args()
    bench = require_shared_bench()
    work = args.keep or Path(tempfile.mkdtemp(prefix="dedup-synthetic-"))
    folder = work / "in"
    folder.mkdir(parents=True, exist_ok=True)
    if args.bbc:
        found = bbc_stories(args.tests, args.stories, args.half)
    elif args.wcxb or args.fundus:
        found = labelled_stories(args.tests, "wcxb" if args.wcxb else "fundus", args.stories, args.half)
    else:
        found = stories(args.tests, args.language, args.stories)
    rows = build(found, args.seed)
    with (work / "labels.jsonl").open("w", encoding="utf-8") as labels:
        for row in rows:
            (folder / f"{row['doc_id']}.txt").write_text(row["text"], encoding="utf-8")
            label = {k: v for k, v in row.items() if k != "text"} | {"file": f"in/{row['doc_id']}.txt"}
            labels.write(json.dumps(label) + "\n")
    source = "BBC News" if args.bbc else "WCXB" if args.wcxb else "fundus" if args.fundus else args.language
    print(f"{len(found)} stories ({source}), {len(rows)} documents in {folder}")
    cli = Path(sys.executable).with_name("axis-ingest")
    db = work / "dedup.sqlite"
    subprocess.run([str(cli), "ingest", str(folder), "--db", str(db), "--clean-dir", str(work / "clean")], check=True,
                   capture_output=True)  # fmt: skip
    score = [sys.executable, str(bench / "score" / "score_dedup.py"), "--db", str(db)]
    done = subprocess.run([*score, "--labels", str(work / "labels.jsonl"), "--dir", str(work)], text=True,
                          capture_output=True, check=False)  # fmt: skip
    print(re.sub(r"\n+$", "", done.stdout))
    return 0


if __name__ == "__main__":
    sys.exit(main())
