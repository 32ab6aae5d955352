"""Per-file preparation on a real Dask cluster (a LocalCluster of two worker processes started here).

A `--dask` run must store exactly what a plain run stores: the same raw
statuses, article hashes, near-duplicate pairs and clean files, because the
workers only prepare and the calling process stores the batches in the order
it submitted them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from axis_ingest.cluster import DaskPreparation, prepare_paths
from axis_ingest.config import load_settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.prepare import prepare_batch
from badinputs import write_corpus

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed (pip install -e '.[test]')")

PROJECT = Path(__file__).resolve().parent.parent
RAW = PROJECT / "raw"


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """Two single-threaded worker processes, as on two machines; yields the scheduler address."""
    with distributed.LocalCluster(
        processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None, silence_logs=40
    ) as local:
        yield local.scheduler_address


def _files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def test_workers_prepare_what_this_process_prepares(cluster: str) -> None:
    settings, params = load_settings(), MinHashParams()
    paths = _files(RAW)
    local = prepare_batch([(p, Path(p).read_bytes()) for p in paths], settings, params)
    preparation = DaskPreparation(cluster)
    try:
        remote = preparation.submit(paths, settings, params, frozenset(), 3).result()
        pids = preparation.client.run(os.getpid)
    finally:
        preparation.close()
    assert len(pids) == 2 and os.getpid() not in pids.values()

    def facts(results: list) -> list[tuple]:  # type: ignore[type-arg]
        return [
            (
                r.path,
                r.sha256,
                r.source_format,
                r.reason,
                [(d.content_hash, d.signature.to_bytes()) for d in r.documents],
            )
            for r in results
        ]

    assert facts(remote) == facts(local)
    assert sum(len(r.documents) for r in remote) >= 5


def test_a_file_the_workers_cannot_read_is_rejected_with_a_reason(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    present = tmp_path / "note.txt"
    present.write_text("Council members voted on the new budget today. " * 8, encoding="utf-8")
    results = prepare_paths([str(missing), str(present)], load_settings(), MinHashParams())
    assert [r.path for r in results] == [str(missing), str(present)]
    assert "shared storage" in (results[0].reason or "") and results[1].reason is None


@pytest.fixture()
def corpus(tmp_path: Path, guard_inputs: Callable[[Path], Path]) -> Path:
    folder = tmp_path / "inputs"
    write_corpus(folder / "generated", 240, seed=16)
    for path in _files(RAW):  # the samples too: every input kind and a near-duplicate pair
        target = folder / "samples" / Path(path).relative_to(RAW)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(Path(path).read_bytes())
    return guard_inputs(folder)
