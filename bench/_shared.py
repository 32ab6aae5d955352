"""Where the labelled benchmark data lives (../shared/bench, beside the project), and what the benches that write
their own pages share."""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCH = Path(os.environ.get("AXIS_SHARED_BENCH", PROJECT_ROOT.parent / "shared" / "bench"))


def require_shared_bench() -> Path:
    """The bench folder, or exit cleanly with a message when ../shared is absent."""
    if not SHARED_BENCH.is_dir():
        print(f"skipped: {SHARED_BENCH} not found (the labelled data lives in ../shared/bench)")
        sys.exit(0)
    return SHARED_BENCH


def ingest_with_cli(folder: Path, work: Path, name: str) -> Path:
    """Run this interpreter's `axis-ingest ingest` over `folder` as a user does, with a Prefect home of its own in
    `work`, into work/<name>.sqlite (clean files in work/clean); exit with its error output if it failed (exit 1,
    some files rejected, is no failure).  The database's path."""
    cli = Path(sys.executable).with_name("axis-ingest")
    db = work / f"{name}.sqlite"
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect")}
    env.pop("PREFECT_API_URL", None)
    done = subprocess.run(
        [str(cli), "ingest", str(folder), "--db", str(db), "--clean-dir", str(work / "clean")],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    if done.returncode not in (0, 1):
        sys.exit(f"axis-ingest failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return db


def ingest_published(folder: Path, work: Path, name: str) -> dict[str, str | None]:
    """Ingest `folder` with this interpreter's `axis-ingest` into work/<name>.sqlite (clean files in
    work/<name>-clean), as a user runs it; {file name: the stored article's `published`}."""
    cli = Path(sys.executable).with_name("axis-ingest")
    db = work / f"{name}.sqlite"
    subprocess.run([str(cli), "ingest", str(folder), "--db", str(db), "--clean-dir", str(work / f"{name}-clean")],
                   check=True, capture_output=True)  # fmt: skip
    rows = sqlite3.connect(db).execute(
        "SELECT p.path, a.published FROM raw_paths p"
        " JOIN article_sources s ON s.raw_document_id = p.raw_document_id JOIN articles a ON a.id = s.article_id"
    )
    return {Path(path).name: published for path, published in rows}


def generated_pages_run(
    doc: str, pages: int, pages_help: str, seed: int, prefix: str
) -> tuple[argparse.Namespace, Path]:
    """The arguments of a bench that writes its own pages (--pages, --seed, --keep) and the folder it works in:
    --keep's, else a new temporary one."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=pages, help=pages_help)
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--keep", type=Path, help="write and keep the pages and database here")
    args = parser.parse_args()
    return args, args.keep or Path(tempfile.mkdtemp(prefix=prefix))


@contextmanager
def work_folder(keep: Path | None, prefix: str) -> Iterator[Path]:
    """The folder a bench writes its pages and databases in: `keep` emptied first and left afterwards, else a new
    temporary folder removed afterwards."""
    work = keep or Path(tempfile.mkdtemp(prefix=prefix))
    if keep and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        yield work
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
