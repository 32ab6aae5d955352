"""Other projects' test files through the CLI: real PDFs, e-mails, Word, RTF and feed files, as users drop them.

The dev sets hold web pages only; the readers for files (PDF, e-mail, Word, RTF, OpenDocument, feeds) were
written against files the tests make.  Libraries that read those formats keep real files in their test suites,
faults included: py-pdf/sample-files, pdfminer.six's `samples/`, pdfplumber's `tests/pdfs/`, mikel/mail's
`spec/fixtures/emails/`, SpamScope/mail-parser's `tests/mails/`, python-docx's test files, striprtf's
`tests/`, chardet's `tests/` (feeds and pages in 40 encodings), feedparser's `tests/`.  Each folder given is
copied (its files whose suffix is asked for, named by their path) into a fresh folder, ingested with
`axis-ingest ingest` as a user runs it, and summed up from the database: how many files were loaded, duplicates
or rejected, the commonest reasons, every internal error (a bug, never a file's fault), and with --show the
titles and authors of loaded files.  Nothing is labelled: the figures say whether each file ends in a state a
person can act on; the titles are for reading.  Exit status 1 when any internal error occurred.

    git clone --depth 1 https://github.com/py-pdf/sample-files /tmp/pdfsamples
    .venv/bin/python bench/real_files.py /tmp/pdfsamples --suffix pdf --show 40
    .venv/bin/python bench/real_files.py /tmp/mail/spec/fixtures/emails --as eml
"""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import ingest_with_cli

REASON_CHARS = 70  # a rejection reason is summed up by its opening words


def copy_files(root: Path, folder: Path, suffixes: set[str], as_suffix: str | None) -> int:
    """The files under `root` (those with one of `suffixes`, or all) copied into `folder`, each named by its path
    under `root` ("spec__emails__raw_email4.eml"), with `as_suffix` added when given; how many."""
    count = 0
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or ".git" in path.parts:
            continue
        if suffixes and path.suffix.lower().lstrip(".") not in suffixes:
            continue
        name = "__".join(path.relative_to(root).parts) + (f".{as_suffix}" if as_suffix else "")
        shutil.copyfile(path, folder / name)
        count += 1
    return count


def report(db: Path, corpus: str, files: int, show: int) -> int:
    """Print the corpus's states, reasons and internal errors; the number of internal errors."""
    con = sqlite3.connect(db)
    states = Counter(dict(con.execute("SELECT status, count(*) FROM raw_documents GROUP BY status").fetchall()))
    reasons = Counter(
        re.sub(r"(?<!\S)\d+\b", "N", reason[:REASON_CHARS])  # "only 3 words", "only 8 words": one reason
        for (reason,) in con.execute("SELECT reason FROM raw_documents WHERE status = 'rejected'")
        if not reason.startswith("internal error")
    )
    internal = con.execute(
        "SELECT p.path, r.reason FROM raw_documents r JOIN raw_paths p ON p.raw_document_id = r.id"
        " WHERE r.reason LIKE 'internal error%' ORDER BY p.path"
    ).fetchall()
    print(f"== {corpus}: {files} files")
    print(
        f"   loaded {states['loaded']}, duplicates {states['duplicate']}, rejected {states['rejected']}"
        f" (internal errors {len(internal)})"
    )
    for reason, count in reasons.most_common(8):
        print(f"   {count:4d} x {reason}")
    for path, reason in internal:
        print(f"   INTERNAL ERROR {Path(path).name}: {reason[:200]}")
    rows = con.execute(
        "SELECT p.path, a.title, (SELECT group_concat(au.name, '; ') FROM article_authors aa"
        " JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id)"
        " FROM raw_paths p JOIN article_sources s ON s.raw_document_id = p.raw_document_id"
        " JOIN articles a ON a.id = s.article_id ORDER BY p.path LIMIT ?",
        (show,),
    ).fetchall()
    for path, title, authors in rows:
        print(f"   {Path(path).name[:48]:<48} | {(title or '-')[:70]} | {authors or '-'}")
    return len(internal)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path, help="checkouts' folders of test files")
    ap.add_argument("--suffix", default="", help="only files with these suffixes, comma-separated (pdf,eml)")
    ap.add_argument("--as", dest="as_suffix", help="add this suffix to each file's name (mail fixtures have none)")
    ap.add_argument("--show", type=int, default=0, help="list this many loaded files' titles and authors")
    ap.add_argument("--keep", type=Path, help="keep the folders and databases here")
    args = ap.parse_args()
    suffixes = {s.strip().lower().lstrip(".") for s in args.suffix.split(",") if s.strip()}
    work = args.keep or Path(tempfile.mkdtemp(prefix="real-files-"))
    internal = 0
    for number, root in enumerate(args.folders):
        corpus = f"{number}-{root.name}"
        folder = work / corpus
        folder.mkdir(parents=True, exist_ok=False)
        files = copy_files(root, folder, suffixes, args.as_suffix)
        internal += report(ingest_with_cli(folder, work / f"{corpus}-db", corpus), str(root), files, args.show)
    if not args.keep:
        shutil.rmtree(work)
    return 1 if internal else 0


if __name__ == "__main__":
    sys.exit(main())
