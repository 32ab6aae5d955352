"""The Prefect 3 ingest flow: a thin shell over `axis_ingest.run.IngestRun`.

The run loop is IngestRun's: the flow passes `run_chunk_as_task` as its
ChunkRunner, so each chunk becomes a task run, and it renders the run's
summary as artifacts.  Deployments name it through `flows/ingest.py:ingest`.

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

With `dask_address`, the preparation of each batch of new files (decode ->
MinHash signature) is a `prepare-files` task run on a DaskTaskRunner
(prefect-dask) connected to that scheduler; the chunk task still reads,
hashes and stores every batch, in the order it submitted them, so the flow
stores what a run without Dask stores.  The Dask workers report their task
runs to the Prefect API: give them PREFECT_API_URL (docs/scaling.md).

A chunk that fails does not stop the others: the flow goes on, publishes the
artifact, and then fails naming the chunks that did not finish.  Stored work
is kept; running again completes the rest (stored files are skipped unread).

Run it directly (`python flows/ingest.py raw/` or `python -m axis_ingest.flows.ingest raw/`), through a deployment
(`prefect deployment run 'ingest/on-demand'`), or via `axis-ingest ingest --prefect`.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from prefect import flow, get_client, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
from prefect.concurrency.sync import concurrency
from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

from axis_ingest.cluster import BATCHES_PER_THREAD, WarmModels, prepare_paths
from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.discover import Candidate
from axis_ingest.document import FetchedEvidence, FileResult
from axis_ingest.options import DEFAULT_CLEAN, DEFAULT_RAW, RunOptions
from axis_ingest.run import Chunk, IngestRun, Preparer, SupportsResult
from axis_ingest.store.db import DEFAULT_DB, is_transient_error
from axis_ingest.summary import FailedChunk, RunSummary

# The IngestRuns of this process's flow runs while a chunk task runs, by key (see ingest_chunk_task).
_ACTIVE_RUNS: dict[str, IngestRun] = {}


def active_run(key: str) -> IngestRun:
    """The run a chunk task works for.  A function, so that the task's code names no global holding a
    run: Prefect ships a task's function (pickled by value, with the globals it names) to Dask workers."""
    return _ACTIVE_RUNS[key]


# Most chunk tasks one flow run creates. 40 keeps the server's task-run load
# tiny (40 x ~5 ms) while still showing progress per chunk in the UI.
MAX_TASK_CHUNKS = 40

# The global concurrency limit every run holds while it writes; one name for
# all deployments so that two of them never write a database at once.
DEFAULT_DB_LOCK = "axis-ingest-db"

# How long a run holds its slot before renewing the lease (Prefect renews it
# in the background while the run is alive; a crashed run frees it after this).
LOCK_LEASE_SECONDS = 300


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


@task(
    name="ingest-chunk",
    cache_policy=NO_CACHE,
    persist_result=False,
    retries=3,
    retry_delay_seconds=[2, 10, 30],
    retry_condition_fn=retry_only_transient,
    task_run_name="ingest-chunk-{number}",
)
def ingest_chunk_task(run_key: str, chunk: Sequence[Candidate], number: int = 1) -> dict[str, int]:
    """Read, clean, deduplicate and store one chunk of files (idempotent, so a retry is safe).

    The run is looked up by key (`active_run`), not passed: a task's parameters
    travel with every task it submits (Prefect serialises the task-run context
    to a Dask worker), and an IngestRun (engine, process pool) cannot be pickled.
    """
    outcome = active_run(run_key).process(chunk)
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


def run_chunk_as_task(run: IngestRun, chunk: Chunk) -> FailedChunk | None:
    """IngestRun's ChunkRunner in a flow: one task run per chunk; a failed chunk is recorded, not raised."""
    logger = get_run_logger()
    if chunk.number == 1:
        logger.info("found %d input files under %s", run.summary.files_seen, ", ".join(run.paths))
    key = f"{os.getpid()}-{id(run)}"
    _ACTIVE_RUNS[key] = run
    try:
        state = ingest_chunk_task(key, chunk.candidates, chunk.number, return_state=True)
    finally:
        del _ACTIVE_RUNS[key]
    if not state.is_failed():
        return None
    error = state.data
    message = f"{type(error).__name__}: {error}" if isinstance(error, BaseException) else state.message
    logger.error("chunk %d failed, going on with the others: %s", chunk.number, message)
    return FailedChunk(chunk.number, len(chunk.candidates), message or "failed")


@task(name="prepare-files", cache_policy=NO_CACHE, persist_result=False)
def prepare_files_task(
    paths: list[str],
    settings: Settings,
    params: MinHashParams,
    known_chrome: frozenset[str],
    min_docs: int,
    fetched: dict[str, FetchedEvidence],
) -> list[FileResult]:
    """Decode -> MinHash signature for one batch of new files, on a Dask worker that reads them by path."""
    return prepare_paths(paths, settings, params, known_chrome, min_docs, fetched)


class DaskTaskPreparation:
    """The flow's Preparer: each batch's preparation is a `prepare-files` task run on a DaskTaskRunner.

    Only plain picklable values go to the task (paths, settings, MinHash
    parameters, known chrome lines); the IngestRun with its engine and pool
    stays in the flow's process.
    """

    def __init__(self, runner: Any) -> None:
        self.runner = runner
        runner.client.register_plugin(WarmModels())

    def batches_in_flight(self) -> int:
        return max(1, sum(self.runner.client.nthreads().values())) * BATCHES_PER_THREAD

    def submit(
        self,
        paths: Sequence[str],
        settings: Settings,
        params: MinHashParams,
        known_chrome: frozenset[str],
        min_docs: int,
        fetched: Mapping[str, FetchedEvidence],
    ) -> SupportsResult:
        parameters = {
            "paths": list(paths),
            "settings": settings,
            "params": params,
            "known_chrome": known_chrome,
            "min_docs": min_docs,
            "fetched": dict(fetched),
        }
        future: SupportsResult = self.runner.submit(prepare_files_task, parameters=parameters)
        return future

    def close(self) -> None:
        """Nothing to do: `dask_preparation` closes the task runner."""


@contextmanager
def dask_preparation(address: str | None) -> Iterator[Preparer | None]:
    """A DaskTaskRunner on the scheduler at `address` for the preparation tasks (None without an address)."""
    if not address:
        yield None
        return
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise RuntimeError("dask_address needs the dask extra: pip install 'axis-ingest[dask]'") from None
    with DaskTaskRunner(address=address) as runner:
        yield DaskTaskPreparation(runner)


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


def publish_artifacts(summary: RunSummary) -> None:
    """A table of files by status and the markdown summary (rejections, duplicates, stage times) on the flow run."""
    statuses = [c for c in summary.file_counts() if c.key != "files_seen" and c.part_of is None]
    rows = [{"status": c.key, "files": c.value} for c in statuses]
    create_table_artifact(key="ingest-files-by-status", table=rows, description="Files by status in this run")
    create_markdown_artifact(
        key="ingest-summary", markdown=summary.to_markdown(), description="axis-ingest run summary"
    )


@flow(name="ingest", log_prints=True)
def ingest(
    paths: list[str] | None = None,
    db: str = DEFAULT_DB,
    clean_dir: str = DEFAULT_CLEAN,
    config: str | None = None,
    batch_size: int | None = None,
    workers: int | None = None,
    retry_rejected: bool = False,
    dask_address: str | None = None,
    db_lock: str | None = DEFAULT_DB_LOCK,
) -> RunSummary:
    """Ingest raw inputs into the database: the same pipeline as `axis-ingest ingest`.

    The parameters are `RunOptions`' fields (a deployment passes JSON values),
    plus `db_lock`: the global concurrency limit that keeps runs from writing
    at the same time (an empty value turns it off; the database stays safe either way).
    """
    options = RunOptions(
        paths=tuple(paths or [DEFAULT_RAW]),
        db=db,
        clean_dir=clean_dir,
        config=config,
        batch_size=batch_size,
        workers=workers,
        retry_rejected=retry_rejected,
        dask_address=dask_address,
    )
    with database_slot(db_lock), dask_preparation(dask_address) as preparer:
        summary = IngestRun(options, preparer).run(run_chunk=run_chunk_as_task, max_chunks=MAX_TASK_CHUNKS)
    publish_artifacts(summary)
    get_run_logger().info(
        "run finished: %s", {k: v for k, v in summary.as_dict().items() if k not in ("rejections", "failed_chunks")}
    )
    failure = summary.failure()
    if failure:
        raise RuntimeError(failure)
    return summary


def main(argv: Sequence[str] | None = None) -> None:
    """`python flows/ingest.py [PATH...]`: one flow run over the given inputs with default options."""
    given = list(sys.argv[1:] if argv is None else argv) or [DEFAULT_RAW]
    ingest(paths=[str(Path(p)) for p in given])


if __name__ == "__main__":
    main()
