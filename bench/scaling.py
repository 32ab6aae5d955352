"""Plain vs Dask preparation, and SQLite vs PostgreSQL store time, on generated files (docs/scaling.md).

Generates --docs files with bench/corpus.py, then ingests them several ways,
each into a fresh database, and prints per run: wall time, documents per
second, and the time spent in the single writer (`IngestRun.store`: one
transaction per batch plus clean files) per 1,000 new articles.

- plain: the CLI's process pool (--workers) into SQLite;
- dask: a LocalCluster of --dask-workers single-threaded worker processes
  started here (or --dask ADDRESS), this process storing into SQLite;
- postgresql: the process pool into --pg-url (a database you created; it
  must be empty), when given.

    python bench/scaling.py [--docs 1000] [--workers 2] [--dask-workers 2] [--pg-url postgresql://...]

Timings on a shared machine are noisy: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from axis_ingest.options import RunOptions
from axis_ingest.run import IngestRun

HERE = Path(__file__).resolve().parent


class TimedRun(IngestRun):
    """An IngestRun that adds up the time spent storing (the single writer's share of the run)."""

    store_seconds = 0.0

    def store(self, results):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return super().store(results)
        finally:
            self.store_seconds += time.perf_counter() - started


def measure(label: str, options: RunOptions) -> dict[str, object]:
    run = TimedRun(options)
    started = time.perf_counter()
    summary = run.run()
    seconds = time.perf_counter() - started
    articles = len(summary.outcome.new_article_ids)
    return {
        "run": label,
        "files": summary.files_seen,
        "articles": articles,
        "seconds": round(seconds, 1),
        "files_per_s": round(summary.files_seen / seconds, 1),
        "store_s": round(run.store_seconds, 1),
        "store_s_per_1000_articles": round(1000 * run.store_seconds / max(1, articles), 2),
        "load_avg_1min": round(os.getloadavg()[0], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2, help="process pool size of the plain runs")
    parser.add_argument("--dask-workers", type=int, default=2, help="LocalCluster worker processes")
    parser.add_argument("--dask", help="an existing scheduler address instead of a LocalCluster")
    parser.add_argument("--pg-url", help="an empty PostgreSQL database for the store comparison")
    parser.add_argument("--skip", default="", help="comma list of runs to skip: plain,dask,postgresql")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    with tempfile.TemporaryDirectory(prefix="axis-scaling-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        subprocess.run([sys.executable, str(HERE / "corpus.py"), str(corpus), "--docs", str(args.docs)], check=True)

        def options(name: str, db: str | None = None, **extra: object) -> RunOptions:
            return RunOptions(
                paths=(str(corpus),),
                db=db or str(root / f"{name}.sqlite"),
                clean_dir=str(root / f"{name}-clean"),
                workers=args.workers,
                **extra,  # type: ignore[arg-type]
            )

        if "plain" not in skip:
            print(json.dumps(measure("plain (process pool) -> SQLite", options("plain"))), flush=True)
        if "dask" not in skip:
            if args.dask:
                print(json.dumps(measure("dask -> SQLite", options("dask", dask_address=args.dask))), flush=True)
            else:
                from distributed import LocalCluster

                with LocalCluster(
                    processes=True, n_workers=args.dask_workers, threads_per_worker=1, dashboard_address=None
                ) as cluster:
                    address = cluster.scheduler_address
                    print(json.dumps(measure("dask -> SQLite", options("dask", dask_address=address))), flush=True)
        if args.pg_url and "postgresql" not in skip:
            print(json.dumps(measure("plain -> PostgreSQL", options("pg", db=args.pg_url))), flush=True)


if __name__ == "__main__":
    main()
