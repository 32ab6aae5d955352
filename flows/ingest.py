"""The Prefect 3 ingest flow: a thin shell over `axis_ingest.run.IngestRun`.

Tasks work on chunks of files, never one task per document: a task run costs
about 5 ms and a Prefect server records only about 50 task runs per second,
so a run makes at most MAX_TASK_CHUNKS chunk tasks whatever the folder size.
Inside a chunk the core stores files in transaction-sized batches and uses a
process pool, exactly as `axis-ingest ingest` does without Prefect.

Run it directly (`python flows/ingest.py raw/`), through a deployment
(`prefect deployment run 'ingest/on-demand'`), or via `axis-ingest ingest --prefect`.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from axis_ingest.config import load_settings
from axis_ingest.discover import Candidate
from axis_ingest.run import DEFAULT_CLEAN, DEFAULT_RAW, IngestRun, RunSummary
from axis_ingest.store.db import DEFAULT_DB

# Most chunk tasks one flow run creates. 40 keeps the server's task-run load
# tiny (40 x ~5 ms) while still showing progress per chunk in the UI.
MAX_TASK_CHUNKS = 40


def _is_transient(_task: Any, _task_run: Any, state: Any) -> bool:
    """Retry only when the database was busy (another run held the lock), never for bad input."""
    try:
        state.result()
    except Exception as exc:  # the task's exception, re-raised by result()
        message = str(exc).lower()
        return (
            "database is locked" in message
            or "database is busy" in message
            or "could not obtain lock" in message
        )
    return False


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
    retry_condition_fn=_is_transient,
)
def ingest_chunk_task(run: IngestRun, chunk: list[Candidate]) -> dict[str, int]:
    """Read, clean, deduplicate and store one chunk of files (idempotent, so a retry is safe)."""
    outcome = run.process(chunk)
    counts = {
        "files": len(chunk),
        "loaded": len(outcome.loaded),
        "duplicates": len(outcome.duplicates),
        "rejected": len(outcome.rejected),
        "unchanged": len(outcome.unchanged),
    }
    get_run_logger().info("chunk stored: %s", counts)
    for path, reason in outcome.rejected:
        get_run_logger().warning("rejected %s: %s", path, reason)
    return counts


def publish_artifact(summary: RunSummary) -> None:
    """A table of files by status and time per stage, plus rejected files and duplicates, on the flow run."""
    data = summary.as_dict()
    rows = [{"status": key, "files": data[key]} for key in ("loaded", "duplicates", "rejected", "unchanged")]
    create_table_artifact(key="ingest-files-by-status", table=rows, description="Files by status in this run")
    stages = "\n".join(
        f"| {stage} | {seconds:.3f} |" for stage, seconds in sorted(summary.stage_seconds.items())
    )
    rejected = "\n".join(f"| `{p}` | {r} |" for p, r in summary.rejected) or "| none | |"
    near = (
        "\n".join(f"| {a} | {c} | {s:.3f} |" for a, c, s in summary.outcome.near_duplicates) or "| none | | |"
    )
    markdown = f"""# axis-ingest run

Files seen: **{data["files_seen"]}**, loaded: **{data["loaded"]}**, duplicates: **{data["duplicates"]}**,
rejected: **{data["rejected"]}**, already ingested: **{data["unchanged"]}**; new articles: **{data["new_articles"]}**;
exact duplicate copies: **{data["exact_duplicate_articles"]}**; took {summary.seconds:.2f} s.

## Rejected files
| file | reason |
|---|---|
{rejected}

## Near-duplicates found
| article | duplicate of | similarity |
|---|---|---|
{near}

## Time per stage (seconds, summed over files)
| stage | seconds |
|---|---|
{stages}
"""
    create_markdown_artifact(key="ingest-summary", markdown=markdown, description="axis-ingest run summary")


@flow(name="ingest", log_prints=True)
def ingest(
    paths: list[str] | None = None,
    db: str = DEFAULT_DB,
    clean_dir: str = DEFAULT_CLEAN,
    batch_size: int | None = None,
    config: str | None = None,
) -> RunSummary:
    """Ingest raw inputs into the database: the same pipeline as `axis-ingest ingest`."""
    started = time.perf_counter()
    run = IngestRun(paths or [DEFAULT_RAW], db, clean_dir, load_settings(config), batch_size)
    try:
        candidates = discover_task(run)
        size = max(run.batch_size, math.ceil(len(candidates) / MAX_TASK_CHUNKS))
        for start in range(0, len(candidates), size):
            ingest_chunk_task(run, candidates[start : start + size])
        summary = run.finish(started)
    finally:
        run.close()
    publish_artifact(summary)
    get_run_logger().info(
        "run finished: %s", {k: v for k, v in summary.as_dict().items() if k != "rejections"}
    )
    return summary


if __name__ == "__main__":
    given = sys.argv[1:] or [DEFAULT_RAW]
    ingest(paths=[str(Path(p)) for p in given])
