"""Run the whole pipeline over input paths: the same code the CLI and the Prefect flow call.

Batches are the unit of work: files are read and hashed in the main process,
files already stored are skipped without being parsed, new ones are prepared
(decode -> ... -> signature) in a process pool, and each prepared batch is
stored in one transaction, then exported to `clean/`.  Parsing is CPU-bound
Python, so processes (not threads) use both cores.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import Engine

from axis_ingest import __version__
from axis_ingest.config import Settings, load_settings
from axis_ingest.dedup.index import params_for
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.discover import Candidate, discover, printable_path
from axis_ingest.prepare import FileResult, prepare_batch, sha256_of
from axis_ingest.store.db import DEFAULT_DB, database_files, database_id, database_url, open_database
from axis_ingest.store.export import claim_clean_dir, export_missing, write_clean_files
from axis_ingest.store.load import BatchOutcome, known_chrome, known_hashes, store_batch
from axis_ingest.store.runs import finish_run, start_run

DEFAULT_RAW = "raw"
DEFAULT_CLEAN = "clean"

# Below this many new files a run prepares them in-process: starting worker
# processes (~1 s to import trafilatura and friends) costs more than it saves.
MIN_FILES_FOR_POOL = 64

# A scraped-page line seen in this many documents is the site's chrome.
CHROME_MIN_DOCS = 3

ProgressCallback = Callable[[int, int], None]


@dataclass
class RunSummary:
    paths: list[str]
    db: str
    clean_dir: str
    files_seen: int = 0
    outcome: BatchOutcome = field(default_factory=BatchOutcome)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def rejected(self) -> list[tuple[str, str]]:
        return self.outcome.rejected

    def as_dict(self) -> dict[str, object]:
        o = self.outcome
        return {
            "paths": self.paths,
            "db": self.db,
            "clean_dir": self.clean_dir,
            "files_seen": self.files_seen,
            "loaded": len(o.loaded),
            "duplicates": len(o.duplicates),
            "rejected": len(o.rejected),
            "unchanged": len(o.unchanged),
            "new_articles": len(o.new_article_ids),
            "exact_duplicate_articles": o.exact_duplicates,
            "near_duplicate_articles": len(o.near_duplicates),
            "edited_articles": o.edited_articles,
            "rejections": [{"path": p, "reason": r} for p, r in o.rejected],
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "seconds": round(self.seconds, 3),
        }


def _hash_file(path: str, limit: int) -> tuple[bytes | None, str, int, str | None]:
    """(bytes or None when over the limit, sha256, size, refusal)."""
    try:
        size = os.path.getsize(path)
        if size > limit:
            digest = hashlib.sha256()
            with open(path, "rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
            reason = (
                f"file of {size:,} bytes is over the limit of {limit:,} (limits.max_file_bytes); "
                "split it or raise the limit"
            )
            return None, digest.hexdigest(), size, reason
        with open(path, "rb") as handle:
            data = handle.read()
        return data, sha256_of(data), len(data), None
    except OSError as exc:
        marker = sha256_of(b"unreadable:" + os.fsencode(path))
        return None, marker, 0, f"cannot read the file ({exc.strerror or exc}); check its permissions"


def _refused(candidate: Candidate) -> FileResult:
    # Refused files are never read, so the key is a hash of where they are, marked as such.
    key = "unread:" + sha256_of(os.fsencode(candidate.path))[:57]
    return FileResult(path=printable_path(candidate.path), sha256=key, size_bytes=0, reason=candidate.refusal)


def _batches(items: Sequence[Candidate], size: int) -> Iterator[Sequence[Candidate]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class IngestRun:
    """One run of the pipeline; `run()` does everything, the parts are public for the Prefect flow."""

    def __init__(
        self,
        paths: Sequence[str | os.PathLike[str]] | None = None,
        db: str | os.PathLike[str] = DEFAULT_DB,
        clean_dir: str | os.PathLike[str] = DEFAULT_CLEAN,
        settings: Settings | None = None,
        batch_size: int | None = None,
        workers: int | None = None,
    ) -> None:
        self.paths = [str(p) for p in (paths or [DEFAULT_RAW])]
        self.db = str(db)
        self.clean_dir = str(clean_dir)
        self.settings = settings or load_settings()
        self.batch_size = batch_size or self.settings.batch_size
        self.workers = workers if workers is not None else (self.settings.workers or os.cpu_count() or 1)
        self.engine: Engine = open_database(self.db, self.settings.lock_wait_seconds)
        claim_clean_dir(self.clean_dir, database_id(self.engine), self.engine.url.render_as_string())
        with self.engine.connect() as conn:  # a database built with another LSH banding keeps it
            self.params = params_for(conn, MinHashParams())
        self.summary = RunSummary(self.paths, self.db, self.clean_dir)
        self._chrome = known_chrome(self.engine, CHROME_MIN_DOCS)
        self._executor: ProcessPoolExecutor | None = None

    # -- stages ---------------------------------------------------------------------------------
    def discover(self) -> list[Candidate]:
        # The run's own output is never an input (`axis-ingest ingest .` beside db/ and clean/).
        own_output = [*database_files(database_url(self.db)), self.clean_dir]
        candidates = list(discover(self.paths, exclude=own_output))
        self.summary.files_seen = len(candidates)
        return candidates

    def read_batch(self, batch: Sequence[Candidate]) -> tuple[list[tuple[str, bytes]], list[FileResult]]:
        """Read and hash files; returns (new files to prepare, results needing no preparation)."""
        ready: list[FileResult] = []
        loaded: list[tuple[str, bytes, str]] = []
        for candidate in batch:
            if candidate.refusal:
                ready.append(_refused(candidate))
                continue
            data, sha, size, refusal = _hash_file(candidate.path, self.settings.limits.max_file_bytes)
            if data is None:
                ready.append(
                    FileResult(path=printable_path(candidate.path), sha256=sha, size_bytes=size, reason=refusal)
                )
            else:
                loaded.append((candidate.path, data, sha))
        stored = known_hashes(self.engine, [sha for _, _, sha in loaded])
        todo: list[tuple[str, bytes]] = []
        for path, data, sha in loaded:
            if sha in stored:  # unchanged since an earlier run: record the path, parse nothing
                ready.append(FileResult(path=printable_path(path), sha256=sha, size_bytes=len(data)))
            else:
                todo.append((path, data))
        return todo, ready

    def prepare(self, todo: Sequence[tuple[str, bytes]]) -> list[FileResult]:
        return prepare_batch(todo, self.settings, self.params, self._chrome, CHROME_MIN_DOCS)

    def store(self, results: Sequence[FileResult]) -> BatchOutcome:
        outcome = store_batch(self.engine, results, self.params)
        if outcome.new_article_ids:
            write_clean_files(self.engine, outcome.new_article_ids, self.clean_dir)
        for result in results:
            for stage, seconds in result.seconds.items():
                self.summary.stage_seconds[stage] = self.summary.stage_seconds.get(stage, 0.0) + seconds
        self.summary.outcome.merge(outcome)
        return outcome

    def finish(self, started: float) -> RunSummary:
        export_missing(self.engine, self.clean_dir, self.summary.outcome.new_article_ids)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    # -- the whole run -------------------------------------------------------------------------
    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["axis_ingest.prepare", "axis_ingest.warmup"])
            self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        return self._executor

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown()
            self._executor = None
        self.engine.dispose()

    def process(self, candidates: Sequence[Candidate], progress: ProgressCallback | None = None) -> BatchOutcome:
        """Read, prepare and store `candidates` batch by batch; returns what this call stored."""
        outcome = BatchOutcome()
        total, done = len(candidates), 0
        batches = _batches(candidates, self.batch_size)

        def stored(size: int, results: list[FileResult]) -> None:
            nonlocal done
            outcome.merge(self.store(results))
            done += size
            if progress:
                progress(done, total)

        if self.workers <= 1 or total < MIN_FILES_FOR_POOL:
            for batch in batches:
                todo, ready = self.read_batch(batch)
                stored(len(batch), ready + self.prepare(todo))
            return outcome
        pool = self._pool()
        pending: list[tuple[int, list[FileResult], Future[list[FileResult]]]] = []
        ahead = self.workers * 2  # batches in flight: keeps both cores busy, bounds memory
        for batch in batches:
            todo, ready = self.read_batch(batch)
            future = pool.submit(prepare_batch, todo, self.settings, self.params, self._chrome, CHROME_MIN_DOCS)
            pending.append((len(batch), ready, future))
            while len(pending) >= ahead:
                size, ready_results, oldest = pending.pop(0)
                stored(size, ready_results + oldest.result())
        for size, ready_results, future in pending:
            stored(size, ready_results + future.result())
        return outcome

    def run(self, progress: ProgressCallback | None = None) -> RunSummary:
        started = time.perf_counter()
        options = {"paths": self.paths, "db": self.db, "clean_dir": self.clean_dir, "batch_size": self.batch_size}
        run_id = start_run(self.engine, __version__, options)
        status, error = "failed", None
        try:
            candidates = self.discover()
            if progress:
                progress(0, len(candidates))
            self.process(candidates, progress)
            summary = self.finish(started)
            status = "completed"
            return summary
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            raise
        finally:
            try:
                counts = {k: v for k, v in self.summary.as_dict().items() if isinstance(v, int)}
                finish_run(self.engine, run_id, status, counts, time.perf_counter() - started, error)
            except Exception:
                if status == "completed":
                    raise
                # The run already failed: its own error is the one to report (the runs row stays `running`).
            finally:
                self.close()


def run_ingest(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    db: str | os.PathLike[str] = DEFAULT_DB,
    clean_dir: str | os.PathLike[str] = DEFAULT_CLEAN,
    settings: Settings | None = None,
    progress: ProgressCallback | None = None,
    batch_size: int | None = None,
    workers: int | None = None,
) -> RunSummary:
    """Ingest `paths` into `db`, writing clean files to `clean_dir`. Returns what the run did."""
    return IngestRun(paths, db, clean_dir, settings, batch_size, workers).run(progress)
