"""Serve the ingest flow on a schedule without a work pool or worker: `python flows/serve.py`.

`flow.serve` registers a deployment named `ingest/<name>` and runs its flow
runs in this process's children until stopped (Ctrl+C pauses the schedule).
It suits one machine that runs nothing else; prefect.yaml with a worker
(docs/scheduling.md) is the path for anything longer-lived.  Needs a Prefect
server: `prefect server start` and `PREFECT_API_URL`.

    python flows/serve.py --cron "*/30 * * * *" raw/ --db db/axis.sqlite
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

from axis_ingest.flows.ingest import ingest
from axis_ingest.options import DEFAULT_CLEAN, DEFAULT_RAW
from axis_ingest.store.db import DEFAULT_DB

DEFAULT_CRON = "0 * * * *"  # every hour, on the hour (UTC), as the `scheduled` deployment


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Serve the axis-ingest flow on a schedule (no worker needed).")
    parser.add_argument("paths", nargs="*", default=[DEFAULT_RAW], help=f"inputs (default: {DEFAULT_RAW}/)")
    parser.add_argument("--name", default="served", help="deployment name (default: served)")
    parser.add_argument("--cron", default=DEFAULT_CRON, help=f'cron schedule in UTC (default: "{DEFAULT_CRON}")')
    parser.add_argument("--db", default=DEFAULT_DB, help=f"database (default: {DEFAULT_DB})")
    parser.add_argument("--clean-dir", default=DEFAULT_CLEAN, help=f"clean files (default: {DEFAULT_CLEAN}/)")
    parser.add_argument("--batch-size", type=int, help="files per batch (default from settings)")
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    ingest.serve(
        name=args.name,
        cron=args.cron,
        parameters={
            "paths": [str(Path(p).resolve()) for p in args.paths],
            "db": str(Path(args.db).resolve()) if "://" not in args.db else args.db,
            "clean_dir": str(Path(args.clean_dir).resolve()),
            "batch_size": args.batch_size,
        },
        tags=["axis-ingest"],
        # As in prefect.yaml: a run that fires while the last one is going waits its turn.
        global_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE),
        limit=1,
    )


if __name__ == "__main__":
    main()
