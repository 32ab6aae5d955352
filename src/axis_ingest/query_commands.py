"""The read-only commands over an existing database: `search`, `export`, `status` and `duplicates`.

None of them creates a database (a mistyped `--db` is an error, exit 2) or
takes the write lock: they read a snapshot while an ingest run writes.  Each
returns the process exit code; `cli.py` parses the arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from axis_ingest.store.db import DatabaseError, open_existing


def _engine_or_error(db: str):  # type: ignore[no-untyped-def]
    try:
        return open_existing(db)
    except DatabaseError as exc:  # a mistyped path, a folder, not an axis-ingest database
        print(f"axis-ingest: error: {exc}", file=sys.stderr)
        return None


def cmd_search(args: argparse.Namespace) -> int:
    from axis_ingest.store.fulltext import search_articles

    engine = _engine_or_error(args.db)
    if engine is None:
        return 2
    try:
        with engine.connect() as conn:
            hits = search_articles(conn, args.query, args.limit)
            conn.rollback()
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"No articles match {args.query!r}.")
        return 0
    console = Console()
    table = Table(title=f"articles matching {args.query!r}, most relevant first", header_style="bold")
    for column, justify in (("id", "right"), ("published", "left"), ("publisher", "left"), ("title", "left")):
        table.add_column(column, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for hit in hits:
        table.add_row(str(hit.id), hit.published or "-", hit.publisher or "-", hit.title or "-")
    console.print(table)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from axis_ingest.store.table_export import export_articles

    engine = _engine_or_error(args.db)
    if engine is None:
        return 2
    try:
        count = export_articles(engine, args.format, args.out)
    finally:
        engine.dispose()
    print(f"exported {count} unique article{'' if count == 1 else 's'} to {args.out} ({args.format})")
    return 0


def _status_tables(report: dict[str, Any], console: Console) -> None:
    raw = Table(title="input files by status (what each path holds now)", header_style="bold")
    raw.add_column("status")
    raw.add_column("files", justify="right")
    for status, n in report["raw"].items():
        raw.add_row(status, str(n))
    raw.add_section()
    articles = report["articles"]
    raw.add_row("articles", str(articles["total"]))
    raw.add_row("  unique", str(articles["unique"]))
    raw.add_row("  near-duplicate copies", str(articles["near_duplicates"]))
    console.print(raw)
    if report["rejected"]:
        shown, total = len(report["rejected"]), report["rejected_total"]
        title = "rejected files" + (f" (the {shown} most recent of {total})" if total > shown else "")
        rejected = Table(title=title, header_style="bold")
        rejected.add_column("file", overflow="fold")
        rejected.add_column("reason", overflow="fold")
        for item in report["rejected"]:
            rejected.add_row(item["path"], item["reason"])
        console.print(rejected)
        console.print("Fix the cause, then `axis-ingest ingest --retry-rejected` reads them again.")
    if report["runs"]:
        runs = Table(title="last runs", header_style="bold")
        for column in ("run", "started (UTC)", "status", "seen", "loaded", "duplicates", "rejected", "time"):
            runs.add_column(column, justify="left" if column in ("started (UTC)", "status") else "right")
        for run in report["runs"]:
            counts = run["counts"] or {}
            runs.add_row(
                str(run["id"]),
                run["started_utc"],
                run["status"],
                *(str(counts.get(key, "-")) for key in ("files_seen", "loaded", "duplicates", "rejected")),
                f"{run['seconds']:.1f} s" if run["seconds"] is not None else "-",
            )
        console.print(runs)


def cmd_status(args: argparse.Namespace) -> int:
    from axis_ingest.store.runs import status_report

    engine = _engine_or_error(args.db)
    if engine is None:
        return 2
    try:
        with engine.connect() as conn:
            report = status_report(conn, rejected_limit=None if args.json else args.limit)
            conn.rollback()
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _status_tables(report, Console())
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    from axis_ingest.dedup.clusters import format_clusters, list_clusters

    engine = _engine_or_error(args.db)
    if engine is None:
        return 2
    try:
        with engine.connect() as conn:
            clusters = list_clusters(conn)
            conn.rollback()
    finally:
        engine.dispose()
    shown = clusters[: args.limit] if args.limit else clusters
    if args.json:
        print(json.dumps([c.as_dict() for c in shown], ensure_ascii=False, indent=2))
    else:
        print(format_clusters(shown, total_clusters=len(clusters)))
    return 0
