"""Per-file preparation on a Dask cluster, while the calling process stays the single writer.

Only the pure half of the pipeline runs on the cluster (`prepare_paths`: read
the file by path, decode -> ... -> MinHash signature) and comes back as
picklable `FileResult`s; the caller stores the batches in the order it
submitted them, exactly as after its own process pool.  So a `--dask` run
stores the same rows, the same near-duplicate links and the same clean files
as a plain run, whatever the number of workers or the order they finish in.
Two writers instead (each worker storing its own batch) would make the
canonical copy of a near-duplicate cluster depend on timing.

Workers read inputs by path, so they need the input folders at the same paths
(shared storage); the caller has already hashed each file and skipped the
stored ones, so only new files travel as paths.  Each worker loads the
language model and dateparser's data once (`WarmModels`, a worker plugin)
and prepares in its own thread: no process pool of its own (Dask's worker
processes are daemons and may not have children).  Worker threads cannot take
SIGALRM, so `limits.max_seconds_per_file` does not apply on the cluster.

Needs the `dask` extra (`pip install -e ".[dask]"`); the module imports
without it, and `DaskPreparation` says what to install.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from typing import Any

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.discover import printable_path
from axis_ingest.document import FetchedEvidence, FileResult, InputRecord, RawInput, ReadContext
from axis_ingest.prepare import prepare_batch, sha256_of

try:
    from distributed import WorkerPlugin
except ImportError:  # without the dask extra: DaskPreparation says what to install
    WorkerPlugin = object  # type: ignore[assignment,misc]

# How long to wait for the scheduler when connecting (s): a scheduler that is
# not there should fail the run quickly with its address in the message.
CONNECT_TIMEOUT_SECONDS = 30

# Batches in flight per worker thread: one being prepared, one queued, so a
# worker never waits for the caller; more would only hold results in memory.
BATCHES_PER_THREAD = 2


def prepare_paths(
    paths: Sequence[str],
    settings: Settings,
    params: MinHashParams,
    known_chrome: frozenset[str] = frozenset(),
    min_docs: int = 3,
    fetched: Mapping[str, FetchedEvidence] | None = None,
) -> list[FileResult]:
    """Read each file by path and prepare the batch (runs on a Dask worker); results in `paths` order."""
    readable: list[InputRecord] = []
    unreadable: dict[int, FileResult] = {}
    for position, path in enumerate(paths):
        try:
            with open(path, "rb") as handle:
                data = handle.read()
            # Hashed here, where the bytes were read: they are what was prepared, even if the file
            # changed since the caller hashed it to skip stored files.
            sha = sha256_of(data)
            raw = RawInput(path=path, sha256=sha, size_bytes=len(data), fetched=(fetched or {}).get(sha))
            readable.append(InputRecord(raw, data))
        except OSError as exc:
            unreadable[position] = FileResult(
                path=printable_path(path),
                sha256=sha256_of(b"unreadable:" + os.fsencode(path)),
                size_bytes=0,
                reason=(
                    f"a Dask worker cannot read the file ({exc.strerror or exc}); "
                    "workers need the inputs at the same path as the ingest (shared storage)"
                ),
            )
    prepared = iter(prepare_batch(readable, ReadContext(settings, params, known_chrome), min_docs))
    return [unreadable[i] if i in unreadable else next(prepared) for i in range(len(paths))]


class WarmModels(WorkerPlugin):  # type: ignore[misc]
    """Load what preparation needs once per worker process, before its first batch (a Dask worker plugin)."""

    name = "axis-ingest-warm-models"

    def setup(self, worker: Any) -> None:
        import axis_ingest.warmup  # noqa: F401  (loads the language model and dateparser data)


class DaskPreparation:
    """A connection to a Dask scheduler that prepares batches of paths; `submit` returns a future."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise RuntimeError("--dask needs the dask extra: pip install 'axis-ingest[dask]'") from None
        self.address = address
        self.client = Client(address, timeout=CONNECT_TIMEOUT_SECONDS, set_as_default=False)
        self.client.register_plugin(WarmModels())

    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def batches_in_flight(self) -> int:
        return self.threads() * BATCHES_PER_THREAD

    def submit(
        self,
        paths: Sequence[str],
        settings: Settings,
        params: MinHashParams,
        known_chrome: frozenset[str],
        min_docs: int,
        fetched: Mapping[str, FetchedEvidence],
    ) -> Future[list[FileResult]]:
        # pure=False: two batches with equal arguments are still two tasks (a re-run must re-read files).
        future: Future[list[FileResult]] = self.client.submit(
            prepare_paths, list(paths), settings, params, known_chrome, min_docs, dict(fetched), pure=False
        )
        return future

    def close(self) -> None:
        self.client.close()
