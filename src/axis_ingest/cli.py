"""The `axis-ingest` command line (contract v1.1): `ingest`, and the read-only `search`, `export`,
`status` and `duplicates` (in query_commands.py).

Exit codes: 0 the run completed (even with rejected inputs), 1 the run itself
failed (or, with --strict, any input was rejected), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from sqlalchemy.exc import OperationalError

from axis_ingest import __version__
from axis_ingest.config import SettingsError
from axis_ingest.harvest.cli import add_harvest_parser, cmd_harvest
from axis_ingest.options import DEFAULT_CLEAN, DEFAULT_RAW, RunOptions
from axis_ingest.query_commands import cmd_duplicates, cmd_export, cmd_search, cmd_status
from axis_ingest.store.db import DEFAULT_DB, DatabaseError, explain_database_error
from axis_ingest.store.export import CleanDirError
from axis_ingest.summary import RUN_FAILURES, RunSummary

# Runs with at least this many files show a progress bar (on a terminal) or
# progress lines (in logs); smaller runs finish before a bar would help.
PROGRESS_MIN_FILES = 200

# How long `ingest` waits for a Prefect server's /health when PREFECT_API_URL is set (s):
# a local server answers in milliseconds; one starting up or busy within a second or two.
PREFECT_HEALTH_TIMEOUT_SECONDS = 3.0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="axis-ingest",
        description="Turn folders of raw news inputs into one clean, deduplicated SQLite database.",
    )
    parser.add_argument("--version", action="version", version=f"axis-ingest {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="ingest raw inputs (files or folders) into the database")
    ingest.add_argument(
        "paths", nargs="*", metavar="PATH", help=f"files or folders of raw inputs (default: {DEFAULT_RAW}/)"
    )
    ingest.add_argument("--db", default=DEFAULT_DB, help=f"database file or SQLAlchemy URL (default: {DEFAULT_DB})")
    ingest.add_argument(
        "--clean-dir",
        default=DEFAULT_CLEAN,
        help=f"folder for clean JSON articles (default: {DEFAULT_CLEAN}/)",
    )
    ingest.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if any input is rejected (in this run, or by an earlier one and unchanged since); lists them",
    )
    how = ingest.add_mutually_exclusive_group()
    how.add_argument("--prefect", action="store_true", help="run as a tracked Prefect flow run")
    how.add_argument(
        "--direct", action="store_true", help="run the pipeline here, without Prefect, even if PREFECT_API_URL is set"
    )
    ingest.add_argument(
        "--retry-rejected",
        action="store_true",
        help="read files recorded as rejected again, though unchanged (after raising a limit or an upgrade)",
    )
    ingest.add_argument("--config", help="settings file (default: ./axis-ingest.toml if present)")
    ingest.add_argument("--batch-size", type=int, help="files per batch (default from settings: 100)")
    ingest.add_argument("--workers", type=int, help="worker processes (default from settings; 0 = one per core)")
    ingest.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="prepare files on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:PORT); this process "
        "stores them (needs the dask extra and the inputs at the same paths on the workers)",
    )
    ingest.add_argument("--json", action="store_true", help="print the summary as JSON")

    db_help = f"database file or SQLAlchemy URL (default: {DEFAULT_DB})"
    dups = commands.add_parser("duplicates", help="list near-duplicate clusters with their members")
    dups.add_argument("--db", default=DEFAULT_DB, help=db_help)
    dups.add_argument("--limit", type=_count, default=50, help="clusters to show (default: 50; 0 shows all)")
    dups.add_argument("--json", action="store_true", help="print the clusters as JSON")

    search = commands.add_parser("search", help="full-text search of the unique articles, most relevant first")
    search.add_argument("query", metavar="QUERY", help="words that must all occur (a trailing * matches a prefix)")
    search.add_argument("--db", default=DEFAULT_DB, help=db_help)
    search.add_argument("--limit", type=_positive, default=20, help="articles to show (default: 20)")
    search.add_argument("--json", action="store_true", help="print the articles as a JSON list")

    export = commands.add_parser("export", help="write the unique articles to one JSON Lines, CSV or Parquet file")
    export.add_argument("--format", required=True, choices=("jsonl", "csv", "parquet"), help="file format")
    export.add_argument("--out", required=True, metavar="FILE", help="the file to write (replaced if it exists)")
    export.add_argument("--db", default=DEFAULT_DB, help=db_help)

    status = commands.add_parser("status", help="input files by status, the rejected ones and why, the last runs")
    status.add_argument("--db", default=DEFAULT_DB, help=db_help)
    status.add_argument("--limit", type=_positive, default=50, help="rejected files to list (default: 50)")
    status.add_argument("--json", action="store_true", help="print the report as JSON (every rejected file)")
    add_harvest_parser(commands)
    return parser


def _count(value: str) -> int:
    """argparse type: a whole number, 0 or more."""
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def _positive(value: str) -> int:
    """argparse type: a whole number, 1 or more."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _print_summary(summary: RunSummary, console: Console) -> None:
    table = Table(title="axis-ingest run", show_header=True, header_style="bold")
    table.add_column("files", justify="left")
    table.add_column("count", justify="right")
    for count in summary.file_counts():
        if count.shown:
            table.add_row(count.label, str(count.value))
    table.add_section()
    for count in summary.article_counts():
        if count.shown:
            table.add_row(count.label, str(count.value))
    table.add_row("time", f"{summary.seconds:.2f} s")
    console.print(table)
    if summary.rejected:
        rejected = Table(title="rejected inputs", show_header=True, header_style="bold")
        rejected.add_column("file", overflow="fold")
        rejected.add_column("reason", overflow="fold")
        for path, reason in summary.rejected:
            rejected.add_row(path, reason)
        console.print(rejected)
    console.print(f"database: {summary.db}   clean files: {summary.clean_dir}")


def run_options(args: argparse.Namespace) -> RunOptions:
    """The `ingest` command's arguments as the run's options."""
    return RunOptions(
        paths=tuple(args.paths or [DEFAULT_RAW]),
        db=args.db,
        clean_dir=args.clean_dir,
        config=args.config,
        batch_size=args.batch_size,
        workers=args.workers,
        dask_address=args.dask,
        retry_rejected=args.retry_rejected,
    )


def prefect_server_problem(api_url: str) -> str | None:
    """Why the Prefect server at `api_url` cannot take a flow run (no answer, an error), or None when it is up.

    Asked before the run: without it Prefect's client retries for several seconds and
    fails with "Failed to reach API", after the run has been set up.
    """
    import httpx

    try:
        response = httpx.get(api_url.rstrip("/") + "/health", timeout=PREFECT_HEALTH_TIMEOUT_SECONDS)
    except httpx.HTTPError as exc:
        return f"no Prefect server answers there ({type(exc).__name__}: {exc})"
    if response.status_code != 200:
        return f"the server there answered HTTP {response.status_code} to /health"
    return None


def _print_earlier_rejections(summary: RunSummary, console: Console) -> None:
    earlier = Table(title="rejected by an earlier run (unchanged since, not read again)", header_style="bold")
    earlier.add_column("file", overflow="fold")
    earlier.add_column("reason", overflow="fold")
    for path, reason in summary.outcome.rejected_before:
        earlier.add_row(path, reason)
    console.print(earlier)


def strict_failure(summary: RunSummary) -> str | None:
    """Why --strict fails this run (rejected inputs, now or from earlier runs), or None."""
    now, before = len(summary.rejected), len(summary.outcome.rejected_before)
    if not now and not before:
        return None
    parts = [f"{now} rejected in this run"] if now else []
    if before:
        parts.append(f"{before} rejected by an earlier run and unchanged since")
    return (
        f"--strict: {now + before} input{'s are' if now + before > 1 else ' is'} rejected ({', '.join(parts)}; "
        "listed above, and under `rejections` and `earlier_rejections` in --json). Fix or remove them; "
        "`--retry-rejected` reads unchanged ones again after a limit is raised or axis-ingest is upgraded"
    )


def _run_direct(options: RunOptions, console: Console, show_bar: bool) -> RunSummary:
    from axis_ingest.run import IngestRun

    run = IngestRun(options)
    if show_bar:
        columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("ingest", total=None)

            def show(done: int, total: int) -> None:
                if total >= PROGRESS_MIN_FILES:
                    bar.update(task, completed=done, total=total)

            return run.run(show)
    step = {"next": 0.1}

    def log(done: int, total: int) -> None:
        if total >= PROGRESS_MIN_FILES and done >= step["next"] * total:
            print(f"progress: {done}/{total} files", file=sys.stderr, flush=True)
            step["next"] += 0.1

    return run.run(log)


def _run_prefect(options: RunOptions) -> RunSummary:
    from axis_ingest.flows.ingest import ingest as ingest_flow

    return ingest_flow(**options.flow_parameters())  # type: ignore[no-any-return]


def stop_on_signals() -> None:
    """Handle SIGTERM (how schedulers and `kill` stop a run) like Ctrl-C, with one handler for both.

    The KeyboardInterrupt unwinds the run: the open batch's transaction rolls back, the
    worker pool is shut down (workers, forkserver, resource tracker exit), the run is
    recorded as interrupted and the process exits 1.  Without it SIGTERM killed only this
    process and left the pool running.  The handler also asks the run loop to stop before its
    next batch (`run.request_stop`): the KeyboardInterrupt is lost when it lands in a
    garbage-collection callback.
    """
    from axis_ingest.run import request_stop  # imported here, not in the handler (it may land mid-import)

    def interrupt(_signum: int, _frame: object) -> None:
        request_stop()
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not where Ctrl-C is ignored
            signal.signal(signal.SIGINT, interrupt)


def cmd_ingest(args: argparse.Namespace) -> int:
    console = Console(stderr=False)
    options = run_options(args)
    missing = [p for p in options.paths if not os.path.lexists(p)]
    if missing:
        print(f"axis-ingest: error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    api_url = os.environ.get("PREFECT_API_URL", "")
    if not args.direct and api_url:
        problem = prefect_server_problem(api_url)
        if problem:
            print(
                f"axis-ingest: PREFECT_API_URL is set to {api_url}, but {problem}. Start the server "
                "(prefect server start, see docs/scheduling.md), or run the pipeline here without Prefect: "
                "add --direct, or unset PREFECT_API_URL. Nothing was read or written.",
                file=sys.stderr,
            )
            return 1
    stop_on_signals()
    try:
        if not args.direct and (args.prefect or api_url):
            summary = _run_prefect(options)
        else:
            summary = _run_direct(options, console, show_bar=console.is_terminal and not args.json)
    except KeyboardInterrupt:
        print("axis-ingest: interrupted; stored batches are kept, run again to finish", file=sys.stderr)
        return 1
    except (DatabaseError, SettingsError, CleanDirError) as exc:
        print(f"axis-ingest: error: {exc}", file=sys.stderr)
        return 2
    except OperationalError as exc:
        explained = explain_database_error(exc, args.db)
        print(f"axis-ingest: the run failed: {explained or f'{type(exc).__name__}: {exc}'}", file=sys.stderr)
        return 1
    except RUN_FAILURES as exc:
        print(f"axis-ingest: the run failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    failure = strict_failure(summary) if args.strict else None
    if args.json:
        data = summary.as_dict()
        if args.strict:
            data["strict"] = {"exit": 1 if failure else 0, "failure": failure}
        print(json.dumps(data, indent=2))
    else:
        _print_summary(summary, console)
        if args.strict and summary.outcome.rejected_before:
            _print_earlier_rejections(summary, console)
    if failure:
        print(f"axis-ingest: {failure}", file=sys.stderr)
        return 1
    return 0


READ_COMMANDS = {"duplicates": cmd_duplicates, "search": cmd_search, "export": cmd_export, "status": cmd_status}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "ingest":
        if args.batch_size is not None and args.batch_size < 1:
            print("axis-ingest: error: --batch-size must be at least 1", file=sys.stderr)
            return 2
        if args.workers is not None and args.workers < 0:
            print("axis-ingest: error: --workers must be 0 (one per core) or more", file=sys.stderr)
            return 2
        return cmd_ingest(args)
    if args.command == "harvest":
        return cmd_harvest(args)
    return READ_COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
