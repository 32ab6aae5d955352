"""Per-file preparation on a real Dask cluster (a LocalCluster of two worker processes started here).

A `--dask` run must store exactly what a plain run stores: the same raw
statuses, article hashes, near-duplicate pairs and clean files, because the
workers only prepare and the calling process stores the batches in the order
it submitted them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from axis_ingest.cli import main
from axis_ingest.cluster import DaskPreparation, prepare_paths
from axis_ingest.config import load_settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import InputRecord, RawInput, ReadContext
from axis_ingest.prepare import prepare_batch, sha256_of
from badinputs import contract_snapshot, write_corpus
from prefect_env import isolated_prefect_env

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed (pip install -e '.[test]')")

PROJECT = Path(__file__).resolve().parent.parent
RAW = PROJECT / "raw"
# Small batches: many of them in flight on the two workers, finishing in any order.
BATCH_SIZE = 20


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
    records = [
        InputRecord(RawInput(p, sha256_of(data), len(data)), data) for p in paths for data in [Path(p).read_bytes()]
    ]
    local = prepare_batch(records, ReadContext(settings, params), 3)
    preparation = DaskPreparation(cluster)
    try:
        remote = preparation.submit(paths, settings, params, frozenset(), 3, {}).result()
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


def clean_records(folder: Path) -> dict[str, dict[str, object]]:
    """Clean files by name, without the time of ingestion (ids are the same: one writer, same order)."""
    records = {}
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        record.pop("ingested_utc")
        records[path.name] = record
    return records


def _ingest(corpus: Path, out: Path, *extra: str) -> None:
    args = ["ingest", str(corpus), "--db", str(out / "axis.sqlite"), "--clean-dir", str(out / "clean")]
    assert main([*args, "--batch-size", str(BATCH_SIZE), "--workers", "2", *extra]) == 0


def test_a_dask_run_equals_a_plain_run(cluster: str, corpus: Path, tmp_path: Path) -> None:
    _ingest(corpus, tmp_path / "plain")
    _ingest(corpus, tmp_path / "dask", "--dask", cluster)
    plain, on_dask = (
        contract_snapshot(tmp_path / "plain" / "axis.sqlite"),
        contract_snapshot(tmp_path / "dask" / "axis.sqlite"),
    )
    assert len(plain["raw_documents"]) > 200 and any(row[-2] for row in plain["articles"])  # near-duplicate pairs
    for table in plain:
        assert on_dask[table] == plain[table], f"{table} differs between a --dask run and a plain run"
    assert clean_records(tmp_path / "dask" / "clean") == clean_records(tmp_path / "plain" / "clean")
    # a second --dask run finds everything stored and prepares nothing
    _ingest(corpus, tmp_path / "dask", "--dask", cluster)
    assert contract_snapshot(tmp_path / "dask" / "axis.sqlite") == plain


FLOW_SCRIPT = r"""
import json, os, sys

def main():
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=180)
    # The Dask workers (started below, so they inherit it) report their task runs to this API.
    os.environ["PREFECT_API_URL"] = server.api_url
    from distributed import LocalCluster
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from axis_ingest.flows.ingest import ingest

    corpus, db, clean, batch_size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        with temporary_settings({PREFECT_API_URL: server.api_url}):
            summary = ingest(paths=[corpus], db=db, clean_dir=clean, batch_size=batch_size,
                             dask_address=cluster.scheduler_address, db_lock="")
            from prefect import get_client
            from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterName

            with get_client(sync_client=True) as client:
                names = [t.name for t in client.read_task_runs(limit=200)]
    server.stop()
    print("REPORT " + json.dumps({"summary": summary.as_dict(), "task_runs": names}))

if __name__ == "__main__":
    main()
"""


def test_the_flow_prepares_on_dask_and_stores_what_a_plain_run_stores(corpus: Path, tmp_path: Path) -> None:
    _ingest(corpus, tmp_path / "plain")
    home = tmp_path / "prefect-home"
    home.mkdir()
    script = tmp_path / "flow_on_dask.py"
    script.write_text(FLOW_SCRIPT, encoding="utf-8")
    env = isolated_prefect_env(home)
    flow_out = tmp_path / "flow"
    done = subprocess.run(
        [
            sys.executable,
            str(script),
            str(corpus),
            str(flow_out / "axis.sqlite"),
            str(flow_out / "clean"),
            str(BATCH_SIZE),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, f"exit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    report = json.loads(lines[-1][len("REPORT ") :])
    assert sum(name.startswith("prepare-files") for name in report["task_runs"]) >= 3, report["task_runs"]
    plain = contract_snapshot(tmp_path / "plain" / "axis.sqlite")
    assert contract_snapshot(flow_out / "axis.sqlite") == plain
    assert clean_records(flow_out / "clean") == clean_records(tmp_path / "plain" / "clean")
