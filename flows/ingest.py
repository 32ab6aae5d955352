"""The Prefect 3 ingest flow: a thin shell over `axis_ingest.run.IngestRun`.

Tasks work on chunks of files, never one task per document: a task run costs
about 5 ms and a Prefect server records only about 50 task runs per second,
so a run makes at most MAX_TASK_CHUNKS chunk tasks whatever the folder size.
Inside a chunk the core stores files in transaction-sized batches and uses a
process pool, exactly as `axis-ingest ingest` does without Prefect.

Overlapping runs (a schedule firing while a run is still going, two
deployments writing one database) are kept apart twice: each deployment has
`concurrency_limit: 1` (prefect.yaml), and every run holds a slot of the
global concurrency limit `db_lock` (created with limit 1 when missing), which
all deployments share.  Neither is needed for correctness: the store takes the
write lock before it reads (BEGIN IMMEDIATE) and re-checks inside the
transaction, so even two unlimited runs store every row once.

A chunk that fails does not stop the others: the flow goes on, publishes the
artifact, and then fails naming the chunks that did not finish.  Stored work
is kept; running again completes the rest (stored files are skipped unread).

Run it directly (`python flows/ingest.py raw/`), through a deployment
(`prefect deployment run 'ingest/on-demand'`), or via `axis-ingest ingest --prefect`.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from prefect import flow, get_client, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
from prefect.concurrency.sync import concurrency
from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

from axis_ingest.config import load_settings
from axis_ingest.discover import Candidate
from axis_ingest.run import DEFAULT_CLEAN, DEFAULT_RAW, IngestRun, RunSummary
from axis_ingest.store.db import DEFAULT_DB, is_transient_error

# Most chunk tasks one flow run creates. 40 keeps the server's task-run load
# tiny (40 x ~5 ms) while still showing progress per chunk in the UI.
MAX_TASK_CHUNKS = 40

# The global concurrency limit every run holds while it writes; one name for
# all deployments so that two of them never write a database at once.
DEFAULT_DB_LOCK = "axis-ingest-db"

# How long a run holds its slot before renewing the lease (Prefect renews it
# in the background while the run is alive; a crashed run frees it after this).
LOCK_LEASE_SECONDS = 300

# Most rows per list in the markdown artifact: a run over 100,000 files must
# not make a multi-megabyte artifact; the counts above each list stay exact.
MAX_ARTIFACT_ROWS = 200

# (chunk number, files in it, error) for a chunk task that ended Failed.
FailedChunk = tuple[int, int, str]


def retry_only_transient(_task: Any, _task_run: Any, state: Any) -> bool:
    """`retry_condition_fn` for chunk tasks: Prefect 3.8 calls it as fn(task, task_run, state).

    The task engine wraps the raised exception in a Failed state (`state.data`
    is the exception itself), so it is read from there; a state holding
    anything else is not retried.  What is transient (a busy SQLite, a
    PostgreSQL deadlock, serialization failure or dropped connection) is the
    store's call: `axis_ingest.store.db.is_transient_error`.
    """
    data = getattr(state, "data", None)
    return isinstance(data, BaseException) and is_transient_error(data)


@task(name="discover", cache_policy=NO_CACHE, persist_result=False)
def discover_task(run: IngestRun) -> list[Candidate]:
    candidates = run.discover()
    get_run_logger().info("found %d input files under %s", len(candidates), ", ".join(run.paths))
    return candidates


@task(
    name="ingest-chunk",
    cache_policy=NO_CACHE,
    persist_result=False,
    retries=3,
    retry_delay_seconds=[2, 10, 30],
    retry_condition_fn=retry_only_transient,
    task_run_name="ingest-chunk-{number}",
)
def ingest_chunk_task(run: IngestRun, chunk: list[Candidate], number: int = 1) -> dict[str, int]:
    """Read, clean, deduplicate and store one chunk of files (idempotent, so a retry is safe)."""
    outcome = run.process(chunk)
    counts = {
        "files": len(chunk),
        "loaded": len(outcome.loaded),
        "duplicates": len(outcome.duplicates),
        "rejected": len(outcome.rejected),
        "unchanged": len(outcome.unchanged),
    }
    logger = get_run_logger()
    logger.info("chunk stored: %s", counts)
    for path, reason in outcome.rejected:
        logger.warning("rejected %s: %s", path, reason)
    return counts


@contextmanager
def database_slot(name: str | None) -> Iterator[None]:
    """Hold one slot of the global concurrency limit `name` (created with limit 1 if missing).

    An empty name skips it: the run then relies on the database's own lock alone.
    """
    if not name:
        yield
        return
    logger = get_run_logger()
    with get_client(sync_client=True) as client:
        try:
            client.read_global_concurrency_limit_by_name(name)
        except ObjectNotFound:
            try:
                client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=1))
                logger.info("created global concurrency limit %r with limit 1", name)
            except ObjectAlreadyExists:  # another run created it first
                pass
    waited = time.perf_counter()
    # strict: fail rather than run unguarded if the limit vanished; but a lease renewal that fails
    # (server briefly unreachable) must not kill a long run: the database lock still protects it.
    with concurrency(
        name, occupy=1, lease_duration=LOCK_LEASE_SECONDS, strict=True, raise_on_lease_renewal_failure=False
    ):
        logger.info("holding concurrency slot %r (waited %.1f s)", name, time.perf_counter() - waited)
        yield


def _cell(value: object) -> str:
    """A markdown table cell: pipes and line breaks would break the table."""
    return str(value).replace("|", "\\|").replace("\n", " ")


def _rows(lines: list[str], empty: str, total: int) -> str:
    shown = lines[:MAX_ARTIFACT_ROWS] or [empty]
    if total > MAX_ARTIFACT_ROWS:
        shown.append(f"| ... {total - MAX_ARTIFACT_ROWS} more | |")
    return "\n".join(shown)


def publish_artifact(summary: RunSummary, failed_chunks: list[FailedChunk]) -> None:
    """A table of files by status, plus rejected files, duplicates and time per stage, on the flow run."""
    data = summary.as_dict()
    failed_files = sum(files for _, files, _ in failed_chunks)
    rows: list[dict[str, Any]] = [
        {"status": key, "files": data[key]} for key in ("loaded", "duplicates", "rejected", "unchanged")
    ]
    rows.append({"status": "not stored (chunk failed)", "files": failed_files})
    create_table_artifact(key="ingest-files-by-status", table=rows, description="Files by status in this run")
    outcome = summary.outcome
    stages = "\n".join(f"| {stage} | {seconds:.3f} |" for stage, seconds in sorted(summary.stage_seconds.items()))
    rejected = _rows(
        [f"| `{_cell(p)}` | {_cell(r)} |" for p, r in outcome.rejected], "| none | |", len(outcome.rejected)
    )
    duplicate_files = _rows([f"| `{_cell(p)}` |" for p in outcome.duplicates], "| none |", len(outcome.duplicates))
    near = _rows(
        [f"| {a} | {c} | {s:.3f} |" for a, c, s in outcome.near_duplicates],
        "| none | | |",
        len(outcome.near_duplicates),
    )
    failures = _rows(
        [f"| {number} ({files} files) | {_cell(message)} |" for number, files, message in failed_chunks],
        "| none | |",
        len(failed_chunks),
    )
    markdown = f"""# axis-ingest run

Files seen: **{data["files_seen"]}**, loaded: **{data["loaded"]}**, duplicates: **{data["duplicates"]}**,
rejected: **{data["rejected"]}**, already ingested: **{data["unchanged"]}**;
new articles: **{data["new_articles"]}** (near-duplicates: **{data["near_duplicate_articles"]}**);
exact duplicate copies: **{data["exact_duplicate_articles"]}**; took {summary.seconds:.2f} s.
Database: `{_cell(summary.db)}`, clean files: `{_cell(summary.clean_dir)}`.

## Rejected files
| file | reason |
|---|---|
{rejected}

## Duplicate files (everything in them was already stored)
| file |
|---|
{duplicate_files}

## Near-duplicate articles found
| article | duplicate of | similarity |
|---|---|---|
{near}

## Failed chunks (their files are not stored; run again to retry them)
| chunk | error |
|---|---|
{failures}

## Time per stage (seconds, summed over files)
| stage | seconds |
|---|---|
{stages or "| none | |"}
"""
    create_markdown_artifact(key="ingest-summary", markdown=markdown, description="axis-ingest run summary")


@flow(name="ingest", log_prints=True)
def ingest(
    paths: list[str] | None = None,
    db: str = DEFAULT_DB,
    clean_dir: str = DEFAULT_CLEAN,
    batch_size: int | None = None,
    config: str | None = None,
    workers: int | None = None,
    db_lock: str | None = DEFAULT_DB_LOCK,
) -> RunSummary:
    """Ingest raw inputs into the database: the same pipeline as `axis-ingest ingest`.

    `db_lock` names the global concurrency limit that keeps runs from writing at
    the same time (an empty value turns it off; the database stays safe either way).
    """
    logger = get_run_logger()
    failed_chunks: list[FailedChunk] = []
    with database_slot(db_lock):
        started = time.perf_counter()
        run = IngestRun(paths or [DEFAULT_RAW], db, clean_dir, load_settings(config), batch_size, workers)
        try:
            candidates = discover_task(run)
            size = max(run.batch_size, math.ceil(len(candidates) / MAX_TASK_CHUNKS))
            for number, start in enumerate(range(0, len(candidates), size), 1):
                chunk = candidates[start : start + size]
                state = ingest_chunk_task(run, chunk, number, return_state=True)
                if state.is_failed():
                    error = state.data
                    message = f"{type(error).__name__}: {error}" if isinstance(error, BaseException) else state.message
                    failed_chunks.append((number, len(chunk), message or "failed"))
                    logger.error("chunk %d failed, going on with the others: %s", number, message)
            summary = run.finish(started)
        finally:
            run.close()
    publish_artifact(summary, failed_chunks)
    logger.info("run finished: %s", {k: v for k, v in summary.as_dict().items() if k != "rejections"})
    if failed_chunks:
        number, files, message = failed_chunks[0]
        raise RuntimeError(
            f"{len(failed_chunks)} of {math.ceil(len(candidates) / size)} chunks failed "
            f"(first: chunk {number}, {files} files: {message}); the other chunks are stored, "
            "run again to retry the failed files"
        )
    return summary


if __name__ == "__main__":
    given = sys.argv[1:] or [DEFAULT_RAW]
    ingest(paths=[str(Path(p)) for p in given])
