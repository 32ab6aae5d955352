"""Two Prefect flow runs over the same inputs at the same time give the database one run gives.

This is what happens when a schedule fires while the last run is still going,
or when two deployments point at one database.  The flow is called from two
threads at once (one process, Prefect's local ephemeral server), in two ways:

- `db_lock=""`: no Prefect concurrency limit at all, so only the database
  protects itself (BEGIN IMMEDIATE, re-checks inside the transaction).  The two
  runs really interleave: 40 chunk tasks each, one small transaction per batch.
- the default: both runs take a slot of one global concurrency limit, so
  Prefect runs them one after the other.

Both must leave the same raw_documents, articles (with their near-duplicate
links), article_sources and clean files as one run alone.  The script runs in
a subprocess so that its Prefect settings (a temporary PREFECT_HOME, no API
URL) cannot leak into other tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from badinputs import contract_snapshot, write_corpus
from prefect_env import isolated_prefect_env

PROJECT = Path(__file__).resolve().parent.parent

# 200 files in batches of 5 make 40 chunk tasks of one transaction each per
# run: enough for two runs to interleave many times (a run takes a few seconds).
FILES = 200
BATCH_SIZE = 5

SCRIPT = r"""
import json, sys, threading, time
sys.path.insert(0, sys.argv[1])
from flows.ingest import ingest

inputs, out = sys.argv[2], sys.argv[3]
batch_size = int(sys.argv[4])
report = {}

def one(db, lock):
    summary = ingest(paths=[inputs], db=f"{out}/{db}.sqlite", clean_dir=f"{out}/{db}-clean",
                     batch_size=batch_size, workers=1, db_lock=lock)
    return summary.as_dict()

def together(db, lock):
    barrier = threading.Barrier(2)
    results = [None, None]
    def go(i):
        barrier.wait()
        started = time.monotonic()
        results[i] = {"summary": one(db, lock), "start": started, "end": time.monotonic()}
    threads = [threading.Thread(target=go, args=(i,)) for i in range(2)]
    for t in threads: t.start()
    for t in threads: t.join()
    return results

report["alone"] = one("alone", "")
report["unlimited"] = together("unlimited", "")
report["limited"] = together("limited", "axis-ingest-test-lock")
print("REPORT " + json.dumps(report))
"""


def clean_files(folder: Path) -> list[str]:
    """Clean file names without the leading article id (ids may differ between runs)."""
    return sorted(path.name.split("-", 1)[-1] for path in folder.glob("*.json"))


def test_two_overlapping_flow_runs_equal_one_run(tmp_path: Path, guard_inputs: Callable[[Path], Path]) -> None:
    inputs, out, home = tmp_path / "inputs", tmp_path / "out", tmp_path / "prefect-home"
    write_corpus(inputs, FILES, seed=61)
    guard_inputs(inputs)
    out.mkdir()
    home.mkdir()
    script = tmp_path / "overlap.py"
    script.write_text(SCRIPT, encoding="utf-8")
    # Prefect's local server for runs without PREFECT_API_URL; it starts slowly on a busy machine.
    env = isolated_prefect_env(home, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120")
    done = subprocess.run(
        [sys.executable, str(script), str(PROJECT), str(inputs), str(out), str(BATCH_SIZE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, f"exit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    report = json.loads(lines[-1][len("REPORT ") :])

    alone = contract_snapshot(out / "alone.sqlite")
    assert alone["article_counts"][0][0] > 0 and len(alone["raw_documents"]) > 100
    for case in ("unlimited", "limited"):
        runs = report[case]
        if case == "unlimited":  # the test means something only if the two runs really overlapped
            assert runs[0]["start"] < runs[1]["end"] and runs[1]["start"] < runs[0]["end"], runs
        both = contract_snapshot(out / f"{case}.sqlite")
        for table in alone:
            assert both[table] == alone[table], f"{case}: {table} differs from one run"
        assert clean_files(out / f"{case}-clean") == clean_files(out / "alone-clean"), case
        # Between them the two runs stored each new file once: what one did, the other found stored.
        stored = sum(run["summary"]["loaded"] + run["summary"]["duplicates"] for run in runs)
        assert stored == report["alone"]["loaded"] + report["alone"]["duplicates"], (case, runs)
    # With the concurrency limit the runs took turns: one stored everything, the other found it stored.
    loaded = sorted(run["summary"]["loaded"] for run in report["limited"])
    assert loaded == [0, report["alone"]["loaded"]], report["limited"]
