"""Run the whole pipeline over input paths: the one orchestrator the CLI and the Prefect flow call.

Batches are the unit of work: files are read and hashed in the main process,
files already stored are skipped without being parsed, new ones are prepared
(decode -> ... -> signature) in a process pool, and each prepared batch is
stored in one transaction, then exported to `clean/`.  Parsing is CPU-bound
Python, so processes (not threads) use both cores.

The run loop lives here only.  `IngestRun.run` splits the files into chunks
and hands each to a `ChunkRunner`: by default the chunk is processed right
here; the Prefect flow passes a runner that wraps each chunk in a task (with
retries) and records a failed chunk instead of stopping.  Constructing an
`IngestRun` does no I/O; `start()` (or `with IngestRun(options) as run:`)
opens the database and reads the settings.

With a `Preparer` (a Dask cluster: `options.dask_address`, or the flow's Dask
task runner) the preparation runs on the cluster instead of the process pool;
this process still reads and hashes every file (so stored ones are skipped
unparsed) and stores every batch, in order: one writer, the same rows.
"""

from __future__ import annotations

import errno
import hashlib
import math
import multiprocessing
import os
import re
import shutil
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import Any, Protocol

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from axis_ingest import __version__
from axis_ingest.config import Settings
from axis_ingest.dedup.index import params_for
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.discover import Candidate, discover, printable_path
from axis_ingest.document import FetchedEvidence, FileResult, InputRecord, RawInput, ReadContext
from axis_ingest.options import DEFAULT_CLEAN, DEFAULT_RAW, RunOptions
from axis_ingest.prepare import (
    CHROME_MIN_DOCS,
    FileTimeout,
    batch_part,
    ignore_interrupts,
    load_prepared,
    prepare_batch,
    prepare_batch_to_file,
    sha256_of,
    time_limit,
)
from axis_ingest.processes import leftovers_of_ended_processes
from axis_ingest.store.db import database_files, database_id, database_url, open_database
from axis_ingest.store.export import claim_clean_dir, export_missing, write_clean_files
from axis_ingest.store.load import BatchOutcome, fetched_evidence, known_chrome, known_hashes, store_batch
from axis_ingest.store.runs import finish_run, start_run
from axis_ingest.summary import FailedChunk, RunSummary

__all__ = [
    "DEFAULT_CLEAN",
    "DEFAULT_RAW",
    "Chunk",
    "ChunkRunner",
    "IngestRun",
    "RunOptions",
    "RunSummary",
    "process_here",
    "run_ingest",
]

# Below this many new files a run prepares them in-process: starting worker
# processes (~1 s to import trafilatura and friends) costs more than it saves.
MIN_FILES_FOR_POOL = 64
# A batch split between workers (the run's last ones) gives each part at least this many files: every
# part reads the whole batch's input stages (decode, sniff, chrome lines; ~1 ms a file), its own files'
# document stages (3-100 ms a file).
MIN_FILES_PER_PART = 16

ProgressCallback = Callable[[int, int], None]

# A batch (or a part of one) handed to the pool: its input records (to retry), which part of them
# (index, count) or None for all, the pool it went to, its future.
InFlight = tuple[list[InputRecord], tuple[int, int] | None, ProcessPoolExecutor, Future[str]]

WORKER_DIED = (
    "the worker process reading this file's batch died twice (killed by the system, most likely out of "
    "memory); free memory or lower [run] workers and batch_size, then run again with --retry-rejected"
)


@dataclass(frozen=True)
class Chunk:
    """A slice of the run's files, processed as one unit (one Prefect task in a flow run)."""

    number: int  # from 1
    of: int  # chunks in the run
    candidates: Sequence[Candidate]


class Preparer(Protocol):
    """Prepares batches of new files somewhere else (a Dask cluster) while the run stays the single writer.

    `submit` takes plain picklable values (paths, not bytes: the workers read
    the files; `fetched`: what feeds said about harvested pages, by SHA-256)
    and returns a future; the run stores results in the order it
    submitted them, so what is stored does not depend on who finishes first.
    """

    def batches_in_flight(self) -> int: ...

    def submit(
        self,
        paths: Sequence[str],
        settings: Settings,
        params: MinHashParams,
        known_chrome: frozenset[str],
        min_docs: int,
        fetched: Mapping[str, FetchedEvidence],
    ) -> SupportsResult: ...

    def close(self) -> None: ...


class SupportsResult(Protocol):
    def result(self) -> list[FileResult]: ...


@dataclass(frozen=True)
class _PoolBatch:
    """A batch in this run's process pool, whole or in parts (one per worker; results in file order):
    its result() retries a part once if a worker dies (IngestRun._prepared)."""

    run: IngestRun
    parts: tuple[InFlight, ...]

    def result(self) -> list[FileResult]:
        return [result for in_flight in self.parts for result in self.run._prepared(in_flight)]


# Processes one chunk for a run: returns None once it is stored, or a FailedChunk to
# record and go on without it.  Raising stops the run (the default for direct runs).
ChunkRunner = Callable[["IngestRun", Chunk], FailedChunk | None]


def forkserver_preload() -> list[str]:
    """Modules the forkserver imports once, before it forks the pool's workers (copy-on-write in each).

    Besides the pipeline and its warm-up: a worker re-runs the main script when it starts (multiprocessing
    re-creates `__main__` in it), and the `axis-ingest` script imports `axis_ingest.cli` (rich, SQLAlchemy,
    httpx, the query commands: 0.5-1 s of CPU), so in the CLI that module is preloaded too and each worker
    finds it imported.  ("__main__" in the preload list would cover any script, but Python 3.11's forkserver
    is never given the main script's path.)
    """
    return [
        "axis_ingest.prepare",
        "axis_ingest.warmup",
        *(["axis_ingest.cli"] if "axis_ingest.cli" in sys.modules else []),
    ]


# Set by the signal handlers that stop a run (the CLI's SIGTERM and Ctrl-C), which also raise KeyboardInterrupt
# where the signal lands.  That exception is lost when it lands in a garbage-collection callback (Python prints
# "Exception ignored in ..." and goes on): a SIGTERM at 40 of 400 files in CI hit SQLAlchemy's weakref callback
# and the run went on to the end and exited 0.  The run loop checks the flag before each batch.
STOP_REQUESTED = threading.Event()


def request_stop() -> None:
    """Ask the runs of this process to stop before their next batch (as a KeyboardInterrupt)."""
    STOP_REQUESTED.set()


# The folder a pool's workers write batch results into (`prepare_batch_to_file`), in the system's temporary
# folder: "axis-ingest-batches-<pid of the run>-<random>".  close() removes it; a run killed with SIGKILL cannot,
# so each run that starts a pool removes the folders of runs whose process is gone (the crash test kills runs
# whose batches, ~300 KB each, were left in /tmp).
BATCH_FOLDER_PREFIX = "axis-ingest-batches-"
_BATCH_FOLDER = re.compile(re.escape(BATCH_FOLDER_PREFIX) + r"(\d+)-")


def remove_abandoned_batch_folders(parent: str) -> list[str]:
    """Delete the batch-result folders in `parent` of runs whose process is gone; returns their names."""
    removed = []
    for name in leftovers_of_ended_processes(parent, _BATCH_FOLDER):
        path = os.path.join(parent, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(name)
    return removed


def _stop_if_requested() -> None:
    if STOP_REQUESTED.is_set():
        raise KeyboardInterrupt("stop requested")


# What a pool worker runs first; it and `prepare_batch_to_file` are pickled by module, so both live in
# `prepare`, which the forkserver preloads (a worker never imports this module, SQLAlchemy or the store).
WORKER_INITIALIZER = ignore_interrupts


def process_here(run: IngestRun, chunk: Chunk) -> None:
    """The default ChunkRunner: process the chunk in this process; an error stops the run."""
    run.process(chunk.candidates)


# Open flags for reading an input: never follow a link (a file swapped for a symlink after
# discovery is refused, not read), never block (a FIFO swapped in returns at once and is refused).
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def _open_input(candidate: Candidate) -> int:
    """Open the file discovery found, refusing (ValueError with the reason) anything else now there.

    Discovery checked the path; the file can change before it is read.  So the file is
    opened without following links or blocking, and the open descriptor is checked: a
    regular file, the same one (device and inode) that was discovered.
    """
    fd = os.open(candidate.target or candidate.path, _OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError("the file was replaced by a pipe, device or folder after it was found; nothing to read")
        if candidate.identity is not None and (st.st_dev, st.st_ino) != candidate.identity:
            raise ValueError(
                "the file was replaced by another file after it was found (while the run was going); "
                "run again to ingest what is there now"
            )
        os.set_blocking(fd, True)
    except BaseException:  # not a catch: the descriptor is closed on every way out (FileTimeout too), then re-raised
        os.close(fd)
        raise
    return fd


def _unreadable(exc: OSError) -> str:
    """Why an input could not be opened or read, and what to do."""
    if exc.errno == errno.ENOENT:
        return "the file disappeared after it was found (deleted or moved during the run); run again if it is back"
    if exc.errno == errno.ELOOP:
        return (
            "the file was replaced by a symlink after it was found; links are not followed when reading: "
            "copy the file into the input folder to ingest it"
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: the user running axis-ingest may not read this file; chmod u+r it"
    return f"cannot read the file ({exc.strerror or exc}); check the disk and the file"


def _hash_file(candidate: Candidate, limit: int, seconds: float) -> tuple[bytes | None, str, int, str | None]:
    """(bytes or None when refused or over the limit, sha256, size, refusal), within the per-file time limit."""
    path = candidate.path
    try:
        with time_limit(seconds):
            fd = _open_input(candidate)
            with os.fdopen(fd, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > limit:
                    digest = hashlib.sha256()
                    for chunk in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(chunk)
                    reason = (
                        f"file of {size:,} bytes is over the limit of {limit:,} (limits.max_file_bytes); "
                        "split it or raise the limit"
                    )
                    return None, digest.hexdigest(), size, reason
                data = handle.read()
        return data, sha256_of(data), len(data), None
    except (OSError, ValueError, FileTimeout) as exc:
        marker = sha256_of(b"unreadable:" + os.fsencode(path))
        if isinstance(exc, FileTimeout):
            reason = (
                f"opening and reading the file took longer than {seconds:g} s (limits.max_seconds_per_file); "
                "check the disk or network share it is on"
            )
        else:
            reason = _unreadable(exc) if isinstance(exc, OSError) else str(exc)
        return None, marker, 0, reason


def _refused(candidate: Candidate) -> FileResult:
    # Refused files are never read, so the key is a hash of where they are, marked as such.
    key = "unread:" + sha256_of(os.fsencode(candidate.path))[:57]
    return FileResult(path=printable_path(candidate.path), sha256=key, size_bytes=0, reason=candidate.refusal)


def _batches(items: Sequence[Candidate], size: int) -> Iterator[Sequence[Candidate]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class IngestRun:
    """One run of the pipeline; `run()` does everything, the steps are public for tests and benches."""

    # Set by start(): the run's settings and resources.
    settings: Settings
    batch_size: int
    workers: int
    engine: Engine
    params: MinHashParams

    def __init__(self, options: RunOptions | None = None, preparer: Preparer | None = None) -> None:
        """`preparer` prepares batches elsewhere (the flow's Dask task runner); without one, a run
        with `options.dask_address` connects to that scheduler when it starts."""
        self.options = options or RunOptions()
        self._preparer = preparer
        self._owns_preparer = False
        self.summary = RunSummary(list(self.options.paths), self.options.db, self.options.clean_dir)
        self._chrome: frozenset[str] = frozenset()
        self._executor: ProcessPoolExecutor | None = None
        self._results_folder: str | None = None  # where the pool's workers write batch results (prepare_batch_to_file)
        self._started = False
        self._progress: ProgressCallback | None = None
        self._done = 0
        self._read_hashes: set[str] = set()  # contents read in this run: a later identical file is a copy

    @property
    def paths(self) -> list[str]:
        return list(self.options.paths)

    def start(self) -> IngestRun:
        """Read the settings, open (create, migrate) the database, read what earlier runs learnt."""
        if self._started:
            return self
        self.settings = self.options.load_settings()
        self.batch_size = self.options.batch_size or self.settings.batch_size
        workers = self.options.workers if self.options.workers is not None else self.settings.workers
        self.workers = workers or os.cpu_count() or 1
        self.engine = open_database(self.options.db, self.settings.lock_wait_seconds)
        self._started = True
        claim_clean_dir(self.options.clean_dir, database_id(self.engine), self.engine.url.render_as_string())
        with self.engine.connect() as conn:  # a database built with another LSH banding keeps it
            self.params = params_for(conn, MinHashParams())
        self._chrome = known_chrome(self.engine, CHROME_MIN_DOCS)
        if self._preparer is None and self.options.dask_address:
            from axis_ingest.cluster import DaskPreparation

            self._preparer, self._owns_preparer = DaskPreparation(self.options.dask_address), True
        return self

    def __enter__(self) -> IngestRun:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            # After an interrupt (Ctrl-C, SIGTERM) batches not started are dropped; running ones end.
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        if self._results_folder is not None:  # results of batches never collected (an interrupted run)
            shutil.rmtree(self._results_folder, ignore_errors=True)
            self._results_folder = None
        if self._owns_preparer and self._preparer is not None:
            self._preparer.close()
            self._preparer, self._owns_preparer = None, False
        if self._started:
            self.engine.dispose()
            self._started = False

    # -- steps ------------------------------------------------------------------------------------
    def discover(self) -> list[Candidate]:
        # The run's own output is never an input (`axis-ingest ingest .` beside db/ and clean/).
        own_output = [*database_files(database_url(self.options.db)), self.options.clean_dir]
        candidates = list(discover(self.options.paths, exclude=own_output))
        self.summary.files_seen = len(candidates)
        return candidates

    def read_batch(self, batch: Sequence[Candidate]) -> tuple[list[InputRecord], list[FileResult]]:
        """Read and hash files; returns (input records of new files to prepare, results needing no preparation).

        The SHA-256 computed here is the file's identity for the rest of the run: nothing hashes the bytes again.
        """
        ready: list[FileResult] = []
        loaded: list[tuple[str, bytes, str]] = []
        for candidate in batch:
            if candidate.refusal:
                ready.append(_refused(candidate))
                continue
            limits = self.settings.limits
            data, sha, size, refusal = _hash_file(candidate, limits.max_file_bytes, limits.max_seconds_per_file)
            if data is None:
                ready.append(
                    FileResult(path=printable_path(candidate.path), sha256=sha, size_bytes=size, reason=refusal)
                )
            else:
                loaded.append((candidate.path, data, sha))
        stored = known_hashes(self.engine, [sha for _, _, sha in loaded], except_rejected=self.options.retry_rejected)
        # What feeds said about harvested pages among them travels in their records (one indexed query).
        fetched = fetched_evidence(self.engine, [sha for _, _, sha in loaded if sha not in stored])
        todo: list[InputRecord] = []
        for path, data, sha in loaded:
            if sha in stored:  # unchanged since an earlier run: record the path, parse nothing
                ready.append(FileResult(path=printable_path(path), sha256=sha, size_bytes=len(data)))
            else:
                raw = RawInput(path=path, sha256=sha, size_bytes=len(data), fetched=fetched.get(sha))
                todo.append(InputRecord(raw, data))
        return todo, ready

    @property
    def context(self) -> ReadContext:
        """What every stage may consult: settings, MinHash parameters, the site chrome the database knows."""
        return ReadContext(self.settings, self.params, self._chrome)

    def prepare(self, todo: Sequence[InputRecord]) -> list[FileResult]:
        return prepare_batch(todo, self.context, CHROME_MIN_DOCS)

    def store(self, results: Sequence[FileResult]) -> BatchOutcome:
        outcome = store_batch(
            self.engine,
            results,
            self.params,
            retry_rejected=self.options.retry_rejected,
            read_this_run=self._read_hashes,
        )
        outcome.internal_errors += sum(result.internal_error for result in results)
        self._read_hashes.update(r.sha256 for r in results if r.reason is not None or r.documents)
        if outcome.new_article_ids:
            write_clean_files(self.engine, outcome.new_article_ids, self.options.clean_dir)
        for result in results:
            for stage, seconds in result.seconds.items():
                self.summary.stage_seconds[stage] = self.summary.stage_seconds.get(stage, 0.0) + seconds
        self.summary.outcome.merge(outcome)
        return outcome

    def finish(self, started: float) -> RunSummary:
        export_missing(self.engine, self.options.clean_dir, self.summary.outcome.new_article_ids)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    # -- the run loop -------------------------------------------------------------------------------
    def _pool(self) -> ProcessPoolExecutor:
        if self._results_folder is None:
            remove_abandoned_batch_folders(tempfile.gettempdir())
            self._results_folder = tempfile.mkdtemp(prefix=f"{BATCH_FOLDER_PREFIX}{os.getpid()}-")
        if self._executor is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(forkserver_preload())
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=context, initializer=WORKER_INITIALIZER
            )
        return self._executor

    def _stored(self, files: int) -> None:
        self._done += files
        if self._progress:
            self._progress(self._done, self.summary.files_seen)

    def process(self, candidates: Sequence[Candidate]) -> BatchOutcome:
        """Read, prepare and store `candidates` batch by batch; returns what this call stored."""
        if not self._started:
            raise RuntimeError("IngestRun.process needs a started run: call start() or use `with IngestRun(...)`")
        outcome = BatchOutcome()
        batches = _batches(candidates, self.batch_size)

        def stored(size: int, results: list[FileResult]) -> None:
            outcome.merge(self.store(results))
            self._stored(size)

        submit: Callable[[list[InputRecord]], SupportsResult]
        if self._preparer is not None:
            preparer = self._preparer
            ahead = preparer.batches_in_flight()

            def submit(todo: list[InputRecord]) -> SupportsResult:
                paths = [record.raw.path for record in todo if record.raw]
                fetched = {r.raw.sha256: r.raw.fetched for r in todo if r.raw and r.raw.fetched is not None}
                return preparer.submit(paths, self.settings, self.params, self._chrome, CHROME_MIN_DOCS, fetched)

        elif self.workers <= 1 or len(candidates) < MIN_FILES_FOR_POOL:
            for batch in batches:
                _stop_if_requested()
                todo, ready = self.read_batch(batch)
                stored(len(batch), ready + self.prepare(todo))
            return outcome
        else:
            ahead = self.workers * 2  # batches in flight: keeps both cores busy, bounds memory
            # The last batches, fewer than the workers, are split so that every worker has a part
            # (300 files in batches of 100 on 2 workers: the third batch alone took a third of the run).
            whole = len(candidates) // self.batch_size + bool(len(candidates) % self.batch_size)
            whole -= whole % self.workers

            def submit(todo: list[InputRecord]) -> SupportsResult:
                nonlocal whole
                whole -= 1
                count = 1 if whole >= 0 else min(self.workers, len(todo) // MIN_FILES_PER_PART)
                if count <= 1:
                    return _PoolBatch(self, (self._submit(todo),))
                return _PoolBatch(self, tuple(self._submit(todo, (index, count)) for index in range(count)))

        pending: list[tuple[int, list[FileResult], SupportsResult]] = []
        for batch in batches:
            _stop_if_requested()
            todo, ready = self.read_batch(batch)
            pending.append((len(batch), ready, submit(todo)))
            while len(pending) >= ahead:
                size, ready_results, oldest = pending.pop(0)
                stored(size, ready_results + oldest.result())
        for size, ready_results, future in pending:
            stored(size, ready_results + future.result())
        return outcome

    def _prepared(self, in_flight: InFlight) -> list[FileResult]:
        """A batch's results from the pool; a batch whose worker died is prepared once more in a new pool.

        A worker killed from outside (the OOM killer, an operator) breaks the whole pool: every
        batch in flight fails with BrokenProcessPool.  Each is retried once in a fresh pool, one
        at a time; a batch that kills its worker again is recorded as rejected, file by file.
        """
        todo, part, pool, future = in_flight
        try:
            return load_prepared(future.result())
        except BrokenProcessPool:
            self._drop_pool(pool)
        _, _, retry, again = self._submit(todo, part)
        try:
            return load_prepared(again.result())
        except BrokenProcessPool:
            self._drop_pool(retry)
        return [
            FileResult(
                path=printable_path(r.raw.path), sha256=r.raw.sha256, size_bytes=r.raw.size_bytes, reason=WORKER_DIED
            )
            for r in (todo if part is None else batch_part(todo, *part))
            if r.raw is not None
        ]

    def _submit(self, todo: list[InputRecord], part: tuple[int, int] | None = None) -> InFlight:
        """Hand a batch (or `part` of it) to the pool; a pool found broken on submit (a worker died) is replaced."""
        arguments = (todo, self.context, CHROME_MIN_DOCS, part)
        pool = self._pool()
        try:
            return todo, part, pool, pool.submit(prepare_batch_to_file, *arguments, self._results_folder)
        except BrokenProcessPool:
            self._drop_pool(pool)
        pool = self._pool()
        return todo, part, pool, pool.submit(prepare_batch_to_file, *arguments, self._results_folder)

    def _drop_pool(self, pool: ProcessPoolExecutor) -> None:
        """Forget a broken pool (once, whichever batch noticed first); the next _pool() starts a new one.

        Not waited for: joining a pool whose worker died while the call queue was being
        written can block for ever; its manager thread has already stopped the other workers.
        """
        pool.shutdown(wait=False, cancel_futures=True)
        if self._executor is pool:
            self._executor = None

    def chunks(self, candidates: Sequence[Candidate], max_chunks: int) -> list[Chunk]:
        """At most `max_chunks` chunks, each at least a batch (so a chunk never splits a transaction)."""
        if not candidates:
            return []
        size = max(self.batch_size, math.ceil(len(candidates) / max_chunks))
        slices = [candidates[start : start + size] for start in range(0, len(candidates), size)]
        return [Chunk(number, len(slices), part) for number, part in enumerate(slices, 1)]

    def run(
        self,
        progress: ProgressCallback | None = None,
        run_chunk: ChunkRunner = process_here,
        max_chunks: int = 1,
    ) -> RunSummary:
        """Discover, process every chunk through `run_chunk`, export; recorded in `runs`; closes at the end."""
        started = time.perf_counter()
        self._progress = progress
        STOP_REQUESTED.clear()  # a stop asked of an earlier run of this process is not this one's
        with self:
            run_id = start_run(self.engine, __version__, self._options_record())
            status, error, returning = "failed", None, False
            try:
                candidates = self.discover()
                if progress:
                    progress(0, len(candidates))
                chunks = self.chunks(candidates, max_chunks)
                self.summary.chunks = len(chunks)
                for chunk in chunks:
                    failed = run_chunk(self, chunk)
                    if failed is not None:
                        self.summary.failed_chunks.append(failed)
                summary = self.finish(started)
                error = summary.failure()
                status = "failed" if error else "completed"
                returning = True
                return summary
            except KeyboardInterrupt:
                status = "interrupted"
                raise
            except Exception as exc:  # not a catch: the error is recorded in the runs row, then re-raised
                error = f"{type(exc).__name__}: {exc}"
                raise
            finally:
                counts = {k: v for k, v in self.summary.as_dict().items() if isinstance(v, int)}
                try:
                    finish_run(self.engine, run_id, status, counts, time.perf_counter() - started, error)
                except SQLAlchemyError:
                    if returning:
                        raise
                    # The run is raising its own error, the one to report (the database may be what failed);
                    # its runs row stays `running`.

    def _options_record(self) -> dict[str, object]:
        """The options as the `runs` table records them (settings resolved; no Settings object)."""
        record: dict[str, object] = {name: getattr(self.options, name) for name in RunOptions.flow_parameter_names()}
        record.update(paths=list(self.options.paths), batch_size=self.batch_size, workers=self.workers)
        return record


def run_ingest(
    options: RunOptions | None = None, progress: ProgressCallback | None = None, **changes: Any
) -> RunSummary:
    """Ingest with `options`, changed by keyword (`run_ingest(paths=[...], db=..., workers=1)`).

    Returns what the run did.
    """
    if options is not None and not isinstance(options, RunOptions):
        raise TypeError("run_ingest takes RunOptions or keywords, e.g. run_ingest(paths=[...], db=..., workers=1)")
    return IngestRun(replace(options or RunOptions(), **changes)).run(progress)
