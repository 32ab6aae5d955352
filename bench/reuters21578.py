"""Wire copy of another decade through the CLI: the Reuters-21578 stories (Reuters, 1987) as a wire desk kept them.

The wire reader was written against today's copy ("DUBAI, March 3 (Reuters) - ..."); Reuters' copy of the 1980s
prints no agency in its dateline ("CLEVELAND, Feb 26 - "), indents each paragraph's first line with nothing between
paragraphs, wraps at ~65 characters and signs off " Reuter" alone on the last line.  Reuters-21578 (the classic
text-classification corpus, public since 1996) keeps each story's parts in SGML tags: <TITLE>, <AUTHOR> ("By Patti
Domm, Reuter"), <DATELINE> and <BODY>.  This probe writes each story with a dateline and a body of 40 words or
more back as the copy it was (the headline, a blank line, the byline, the dateline running into the body), ingests
the files with `axis-ingest ingest` as a user does, and counts, per half (sha1 of the story's NEWID, even = a):

* loaded, and read as wire copy (`source_format` "wire_text");
* the headline stored as the title (normalised: case and punctuation aside);
* the dateline's place stored in `dateline`, and out of the body's first paragraph;
* Reuters stored as the origin, and " Reuter" out of the body's last paragraph;
* the byline's person stored as the author (stories with <AUTHOR>);
* paragraphs within a fifth (or one) of the story's indented first lines (a table's rows are lines of their own).

The dates are not scored: a dateline prints "Feb 26" without its year, and the project stores no date it has not
read.  Figures only; `--show N` prints N misses of each kind on half a.

    # the corpus's reut2-*.sgm files (any checkout or the UCI archive's), e.g. the first three of them:
    .venv/bin/python bench/reuters21578.py /path/to/reuters21578 [--files 3] [--show 10]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import sqlite3
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import ingest_with_cli

MIN_BODY_WORDS = 40  # shorter stories are one-line briefs and corrections
_STORY = re.compile(r'<REUTERS[^>]*NEWID="(\d+)">(.*?)</REUTERS>', re.S)
_INDENTED_OPENING = re.compile(r"\n {3,}\S")
_SIGN_OFF = re.compile(r"\bREUTERS?\b", re.I)
_BY = re.compile(r"^\s*by\s+|,\s*reuters?\b.*$", re.I)


def half_of(story_id: str) -> str:
    return "a" if int(hashlib.sha1(story_id.encode()).hexdigest(), 16) % 2 == 0 else "b"


def _tag(story: str, tag: str) -> str | None:
    found = re.search(rf"<{tag}>(.*?)</{tag}>", story, re.S)
    return html.unescape(found.group(1)) if found else None


def read_stories(folder: Path, files: int) -> dict[str, dict[str, str | int | None]]:
    """{NEWID: the story's copy as text and its labelled parts}, of the first `files` reut2-*.sgm files."""
    stories: dict[str, dict[str, str | int | None]] = {}
    for sgm in sorted(folder.glob("reut2-*.sgm"))[:files]:
        for story_id, story in _STORY.findall(sgm.read_text(encoding="latin-1")):
            title, dateline, body, author = (_tag(story, tag) for tag in ("TITLE", "DATELINE", "BODY", "AUTHOR"))
            if not (title and dateline and body) or len(body.split()) < MIN_BODY_WORDS:
                continue
            body = body.replace("\x03", "").rstrip()
            byline = author.rstrip() + "\n" if author else ""
            stories[story_id] = {
                "copy": f"{title}\n\n{byline}{dateline}{body}\n",
                "title": title.strip(),
                "place": " ".join(dateline.split()).rsplit(",", 1)[0].strip(),
                "author": _BY.sub("", author).strip() if author else None,
                "paragraphs": len(_INDENTED_OPENING.findall("\n" + body)) + 1,
            }
    return stories


def _key(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").lower()).strip()


def score(stories: dict, db: Path, show: int) -> None:  # type: ignore[type-arg]
    rows = {
        Path(path).stem: row
        for path, *row in sqlite3.connect(db).execute(
            "SELECT p.path, r.status, a.title, a.dateline, a.origin, a.body, a.source_format,"
            " (SELECT group_concat(au.name, '; ') FROM article_authors aa JOIN authors au ON au.id = aa.author_id"
            "  WHERE aa.article_id = a.id)"
            " FROM raw_paths p JOIN raw_documents r ON r.id = p.raw_document_id"
            " LEFT JOIN article_sources s ON s.raw_document_id = p.raw_document_id"
            " LEFT JOIN articles a ON a.id = s.article_id"
        )
    }
    for half in ("a", "b"):
        counts: Counter[str] = Counter()
        misses: dict[str, list[str]] = {}
        for story_id, story in stories.items():
            if half_of(story_id) != half:
                continue
            counts["stories"] += 1
            counts["with a byline"] += story["author"] is not None
            status, title, dateline, origin, body, source_format, authors = rows[f"r{story_id}"]
            if status != "loaded":
                continue
            paragraphs = [p for p in body.split("\n\n") if p.strip()]
            checks = {
                "loaded": True,
                "wire copy": source_format == "wire_text",
                "title": _key(title) == _key(story["title"]),
                "dateline": _key(story["place"]) in _key(dateline) and bool(dateline),
                "dateline out of the lead": not paragraphs[0].upper().startswith(story["place"].upper()[:8]),
                "origin Reuters": (origin or "") == "Reuters",
                "sign-off out": not _SIGN_OFF.search(paragraphs[-1][-12:]),
                "paragraphs": abs(len(paragraphs) - story["paragraphs"]) <= max(1, story["paragraphs"] // 5),
            }
            if story["author"] is not None:
                checks["author"] = _key(authors) == _key(story["author"])
            for name, right in checks.items():
                counts[name] += right
                if not right and half == "a":
                    misses.setdefault(name, []).append(
                        f"{story_id}: labelled {story['title']!r} / {story['place']!r} / {story['author']!r};"
                        f" stored {title!r} / {dateline!r} / origin {origin!r} / {authors!r}"
                    )
        total = counts["stories"]
        print(f"  {half}: {total} stories, {counts['with a byline']} with a byline")
        for name in ("loaded", "wire copy", "title", "dateline", "dateline out of the lead", "origin Reuters",
                     "sign-off out", "paragraphs", "author"):  # fmt: skip
            base = counts["with a byline"] if name == "author" else total
            print(f"      {name:26} {counts[name]:5d} / {base:5d}  {counts[name] / max(base, 1):.3f}")
        for name, lines in misses.items():
            for line in lines[:show]:
                print(f"  {name} miss {line}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="a folder holding Reuters-21578's reut2-*.sgm files")
    ap.add_argument("--files", type=int, default=3, help="how many of the 22 files (1,000 stories each)")
    ap.add_argument("--show", type=int, default=0, help="print N misses of each kind on half a")
    args = ap.parse_args()
    stories = read_stories(args.folder, args.files)
    if not stories:
        sys.exit(f"no reut2-*.sgm stories under {args.folder}")
    work = Path(tempfile.mkdtemp(prefix="reuters21578-"))
    folder = work / "copy"
    folder.mkdir()
    for story_id, story in stories.items():
        (folder / f"r{story_id}.txt").write_text(str(story["copy"]), encoding="utf-8")
    print(f"== Reuters-21578 as wire copy: {len(stories)} stories of {args.files} files")
    score(stories, ingest_with_cli(folder, work, "reuters"), args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
