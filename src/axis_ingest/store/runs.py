"""The `runs` table (one row per ingest run) and the status report built from the database.

A run is recorded when it starts (`running`) and again when it ends, in
transactions of their own, so the row exists even if the run is killed: a row
still `running` after its process is gone is a run that never finished.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from axis_ingest.store.schema import SCHEMA_VERSION, Article, CurrentPath, RawDocument, Run, SchemaInfo

RUN_STATUSES = ("running", "completed", "failed", "interrupted")

# Count keys of the run summary that get a column of their own in `runs` (all of them are in `counts`).
COUNT_COLUMNS = ("files_seen", "loaded", "duplicates", "rejected", "unchanged", "new_articles")

# What `status` reports of each run (the count columns are in `counts`).
RUN_REPORT_KEYS = ("id", "started_utc", "finished_utc", "status", "version", "options", "counts", "seconds", "error")

# Rejected files and runs listed by `axis-ingest status` unless asked for more.
STATUS_REJECTED_LIMIT = 50
STATUS_RUNS_LIMIT = 5


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def start_run(engine: Engine, version: str, options: Mapping[str, Any]) -> int:
    """Record a run as started; returns its id."""
    with engine.begin() as conn:
        return int(
            conn.execute(
                insert(Run)
                .values(
                    started_utc=utc_now(),
                    status="running",
                    version=version,
                    options=json.dumps(dict(options), ensure_ascii=False, sort_keys=True, default=str),
                )
                .returning(Run.id)
            ).scalar_one()
        )


def finish_run(
    engine: Engine,
    run_id: int,
    status: str,
    counts: Mapping[str, int] | None = None,
    seconds: float | None = None,
    error: str | None = None,
) -> None:
    """Record how a run ended and what it did."""
    if status not in RUN_STATUSES:
        raise ValueError(f"unknown run status {status!r}")
    counts = dict(counts or {})
    values: dict[str, Any] = {
        "finished_utc": utc_now(),
        "status": status,
        "seconds": round(seconds, 3) if seconds is not None else None,
        "error": error,
        "counts": json.dumps(counts, sort_keys=True),
    }
    values.update({key: counts[key] for key in COUNT_COLUMNS if key in counts})
    with engine.begin() as conn:
        conn.execute(update(Run).where(Run.id == run_id).values(**values))


def raw_counts(conn: Connection) -> dict[str, int]:
    """Input files (paths, each with the content it holds now) by status; every status present, zero when none.

    The rule for a path's history (docs/schema.md, "One status per path"): a file rejected and
    then fixed counts once, as what it is now.
    """
    counts = dict.fromkeys(("loaded", "duplicate", "rejected"), 0)
    stmt = (
        select(RawDocument.status, func.count())
        .select_from(CurrentPath)
        .join(RawDocument, RawDocument.id == CurrentPath.raw_document_id)
        .group_by(RawDocument.status)
    )
    for status, n in conn.execute(stmt):
        counts[status] = n
    return counts


def rejected_files(conn: Connection, limit: int | None = STATUS_REJECTED_LIMIT) -> list[dict[str, Any]]:
    """Input files whose present content is rejected, most recent first, with the reason a person can act on."""
    stmt = (
        select(CurrentPath.path, RawDocument.reason, CurrentPath.since_utc)
        .join(RawDocument, RawDocument.id == CurrentPath.raw_document_id)
        .where(RawDocument.status == "rejected")
        .order_by(CurrentPath.since_utc.desc(), CurrentPath.path)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [{"path": p, "reason": r, "first_seen_utc": t} for p, r, t in conn.execute(stmt)]


def recent_runs(conn: Connection, limit: int = STATUS_RUNS_LIMIT) -> list[dict[str, Any]]:
    """The last runs, newest first, with their options and counts as JSON values."""
    table = Run.__table__
    out = []
    for row in conn.execute(select(table).order_by(table.c.id.desc()).limit(limit)).mappings():
        run = dict(row)
        run["options"] = json.loads(run["options"] or "{}")
        run["counts"] = json.loads(run["counts"]) if run["counts"] else None
        out.append({key: run[key] for key in RUN_REPORT_KEYS})
    return out


def status_report(
    conn: Connection, rejected_limit: int | None = STATUS_REJECTED_LIMIT, runs_limit: int = STATUS_RUNS_LIMIT
) -> dict[str, Any]:
    """What `axis-ingest status` shows: raw files by status, the rejected ones, articles, the last runs."""
    articles = conn.execute(
        select(func.count(), func.count().filter(Article.duplicate_of.is_(None)))  # type: ignore[no-untyped-call]
    ).one()
    version = conn.execute(select(SchemaInfo.value).where(SchemaInfo.key == "schema_version")).scalar()
    raw = raw_counts(conn)
    return {
        "raw": raw,
        "rejected_total": raw["rejected"],
        "rejected": rejected_files(conn, rejected_limit),
        "articles": {"total": articles[0], "unique": articles[1], "near_duplicates": articles[0] - articles[1]},
        "runs": recent_runs(conn, runs_limit),
        "schema_version": int(version) if version is not None else SCHEMA_VERSION,
    }
