"""Check that a speed change changes no output: dump everything a checkout produces, then compare two dumps.

    PYTHONPATH=/path/to/old/src .venv/bin/python bench/identity.py dump /tmp/old.pkl
    PYTHONPATH=/path/to/new/src .venv/bin/python bench/identity.py dump /tmp/new.pkl
    .venv/bin/python bench/identity.py compare /tmp/old.pkl /tmp/new.pkl      # exit 1 when they differ

A dump runs `run_ingest` (one worker, so every stage runs in this process with the checkout
PYTHONPATH names) over the 2,000 generated text/JSON files (bench/corpus.py, seed 7) and the AEB
scraped pages (../shared/bench/aeb/scraped, skipped without it), and keeps every `FileResult` that
`prepare_batch` returned (documents field by field, content hashes, signature and lead values;
stage timings dropped), every table of the database and every clean file's bytes.  The run's
timestamps and the database id are masked, so two dumps of one checkout compare equal.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import logging
import pickle
import re
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

# axis_ingest first, from PYTHONPATH: bench.perf puts this checkout's src at the head of sys.path.
import axis_ingest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.perf import TEXT_KINDS, corpus_folder

AEB_SCRAPED = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "aeb" / "scraped"
# A run's own times (started, finished, ingested): the same run twice differs only in these and the database id.
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def plain(value: Any) -> Any:
    """A value as comparable plain data: dataclasses as (name, fields), arrays as lists, timings dropped."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "seconds"}
        return type(value).__name__, fields
    if isinstance(value, np.ndarray):
        return "ndarray", str(value.dtype), value.tolist()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(plain(item) for item in value)
    if isinstance(value, set | frozenset):
        return sorted(plain(item) for item in value)
    return value


def _mask(value: Any, database_id: str, window: tuple[str, str]) -> Any:
    """A text with the database id and the times inside the run's window (its own clock) masked."""
    if isinstance(value, str):
        value = value.replace(database_id, "<database id>") if database_id else value
        return _STAMP.sub(lambda m: "<run time>" if window[0] <= m.group() <= window[1] else m.group(), value)
    return value


# Columns of the run's record that differ between two runs of one checkout: its options (temporary paths), its duration.
_RUN_COLUMNS = {"options", "seconds"}


def tables(db: Path, window: tuple[str, str]) -> tuple[dict[str, list[tuple[Any, ...]]], str]:
    """Every table's rows in rowid order (masked), and the database id."""
    con = sqlite3.connect(db)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        columns = [c[1] for c in con.execute(f'PRAGMA table_info("{name}")')]
        columns = [c for c in columns if not (name == "runs" and c in _RUN_COLUMNS)]
        listed = ", ".join(f'"{c}"' for c in columns)
        try:
            rows[name] = con.execute(f'SELECT rowid, {listed} FROM "{name}" ORDER BY rowid').fetchall()
        except sqlite3.OperationalError:  # a table without rowid
            rows[name] = sorted(con.execute(f'SELECT {listed} FROM "{name}"').fetchall(), key=repr)
    found = [r[-1] for r in rows.get("schema_info", []) if "database_id" in r]
    database_id = str(found[0]) if found else ""
    con.close()
    masked = {name: [tuple(_mask(v, database_id, window) for v in row) for row in t] for name, t in rows.items()}
    return masked, database_id


def dump(out: Path) -> None:
    import axis_ingest.run as run_module
    from axis_ingest import warmup  # noqa: F401

    print("axis_ingest from", axis_ingest.__file__, file=sys.stderr)
    captured: list[Any] = []
    prepare = run_module.prepare_batch

    def capture(*args: Any, **kwargs: Any) -> Any:
        results = prepare(*args, **kwargs)
        captured.extend(plain(result) for result in results)
        return results

    run_module.prepare_batch = capture
    logging.disable(logging.WARNING)
    dumps: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="axis-identity-") as tmp:
        work = Path(tmp)
        sets = {"corpus": corpus_folder(2000, 7, TEXT_KINDS)}
        if AEB_SCRAPED.is_dir():  # at a fixed path: file paths are in the results and tables
            aeb = Path(tempfile.gettempdir()) / "axis-identity-aeb-scraped"
            aeb.mkdir(exist_ok=True)
            for path in sorted(AEB_SCRAPED.glob("*.gz")):
                (aeb / path.name.removesuffix(".gz")).write_bytes(gzip.decompress(path.read_bytes()))
            sets["aeb-scraped"] = aeb
        for name, folder in sets.items():
            captured.clear()
            db, clean_dir = work / f"{name}.sqlite", work / f"{name}-clean"
            summary = run_module.run_ingest(paths=[str(folder)], db=db, clean_dir=clean_dir, workers=1)
            con = sqlite3.connect(db)
            window: tuple[str, str] = con.execute("SELECT min(started_utc), max(finished_utc) FROM runs").fetchone()
            con.close()
            rows, database_id = tables(db, window)
            clean = {
                path.name: _mask(path.read_text(encoding="utf-8").replace(str(work), "<work>"), database_id, window)
                for path in sorted(clean_dir.iterdir())
                if path.is_file()
            }
            dumps[name] = {"results": list(captured), "tables": rows, "clean": clean}
            print(f"{name}: {summary.as_dict()['new_articles']} articles, {len(clean)} clean files", file=sys.stderr)
    out.write_bytes(pickle.dumps(dumps))


def compare(a_path: Path, b_path: Path) -> int:
    """Print where two dumps differ; 0 when identical."""
    a, b = pickle.loads(a_path.read_bytes()), pickle.loads(b_path.read_bytes())
    differences = 0
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b:
            print(f"{name}: only in one dump")
            differences += 1
            continue
        for part in ("results", "tables", "clean"):
            old, new = a[name][part], b[name][part]
            if old == new:
                continue
            differences += 1
            if part == "results":
                bad = [i for i, (x, y) in enumerate(zip(old, new, strict=False)) if x != y]
                print(f"{name}: {len(old)} vs {len(new)} file results, {len(bad)} differ, first at {bad[:1]}")
            else:
                keys = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
                print(f"{name}: {part} differ: {keys[:8]}")
    print("IDENTICAL" if not differences else f"DIFFERENT ({differences})")
    return 1 if differences else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("out", type=Path)
    both = sub.add_parser("compare")
    both.add_argument("old", type=Path)
    both.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out)
    else:
        sys.exit(compare(args.old, args.new))


if __name__ == "__main__":
    main()
