"""`axis-ingest harvest`: fetch from WordPress sites and feeds into the raw folder, then optionally ingest.

    axis-ingest harvest wordpress SITE_URL [--raw DIR] [--db DB]
    axis-ingest harvest feed FEED_URL [--raw DIR] [--db DB]
    axis-ingest harvest [--force]            # every [[sources]] entry of the settings file that is due

Exit 0 when the harvest ran, even if some URLs failed (they are recorded in
the database with their HTTP status and listed); 1 when it could not run; 2
on bad usage (an unusable source or setting).
"""

from __future__ import annotations

import argparse
import json
import sys

from axis_ingest.options import DEFAULT_CLEAN, DEFAULT_RAW, RunOptions
from axis_ingest.store.db import DEFAULT_DB
from axis_ingest.summary import RUN_FAILURES


def _common(parser: argparse.ArgumentParser, suppress: bool) -> None:
    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    parser.add_argument("--raw", default=default(DEFAULT_RAW), help=f"raw folder (default: {DEFAULT_RAW}/)")
    parser.add_argument("--db", default=default(DEFAULT_DB), help=f"database (default: {DEFAULT_DB})")
    parser.add_argument("--config", default=default(None), help="settings file (default: ./axis-ingest.toml)")
    parser.add_argument("--ingest", action="store_true", default=default(False), help="then ingest the raw folder")
    parser.add_argument("--clean-dir", default=default(DEFAULT_CLEAN), help="clean folder for --ingest")
    parser.add_argument("--json", action="store_true", default=default(False), help="print the report as JSON")


def add_harvest_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    harvest = commands.add_parser(
        "harvest",
        help="fetch posts from WordPress sites and pages from RSS/Atom feeds into the raw folder",
        description="Harvest one source, or every source configured in the settings file ([[sources]]).",
    )
    _common(harvest, suppress=False)
    harvest.add_argument("--force", action="store_true", help="harvest configured sources even if not due (every)")
    kinds = harvest.add_subparsers(dest="kind", metavar="KIND")
    wordpress = kinds.add_parser("wordpress", help="a WordPress site's posts, through its REST API")
    wordpress.add_argument("url", metavar="SITE_URL")
    _common(wordpress, suppress=True)
    feed = kinds.add_parser("feed", help="an RSS 2.0 or Atom feed and the pages it links to")
    feed.add_argument("url", metavar="FEED_URL")
    _common(feed, suppress=True)


def _print_report(report: object) -> None:
    from axis_ingest.harvest.run import HarvestReport

    assert isinstance(report, HarvestReport)
    for source in report.sources:
        of = f" of {source.expected}" if source.expected is not None else ""
        line = f"{source.kind} {source.url}: {source.items}{of} fetched, {len(source.saved)} raw files saved"
        if source.skipped:
            line += f", {source.skipped} links fetched before"
        if source.not_modified:
            line += ", feed not modified (304)"
        if source.capped:
            line += ", stopped at max_pages_per_run (the next harvest goes on)"
        print(line)
        if source.note:
            print(f"  note: {source.note}")
        for url, reason in source.failed:
            print(f"  failed: {url}: {reason}")
    for url in report.not_due:
        print(f"not due yet (every): {url}")
    print(f"raw folder: {report.raw_dir}   database: {report.db}   requests: {report.requests}")


def cmd_harvest(args: argparse.Namespace) -> int:
    from axis_ingest.config import load_settings
    from axis_ingest.harvest.run import harvest_sources
    from axis_ingest.harvest.sources import SourceError, harvest_settings, make_source

    try:
        settings = load_settings(args.config)
        harvest = harvest_settings(settings)
        given = None
        if args.kind:
            configured = {(s.kind, s.url.rstrip("/")): s for s in harvest.sources}
            given = [configured.get((args.kind, args.url.rstrip("/"))) or make_source(args.kind, args.url)]
        elif not harvest.sources:
            print(
                "axis-ingest: error: no sources configured: add [[sources]] to the settings file, "
                "or run `axis-ingest harvest wordpress SITE_URL` / `axis-ingest harvest feed FEED_URL`",
                file=sys.stderr,
            )
            return 2
    except (SourceError, OSError, ValueError) as exc:
        print(f"axis-ingest: error: {exc}", file=sys.stderr)
        return 2
    try:
        report = harvest_sources(harvest, args.db, args.raw, given, force=bool(given) or args.force)
    except KeyboardInterrupt:
        print("axis-ingest: interrupted; what was saved is kept, run again to go on", file=sys.stderr)
        return 1
    except RUN_FAILURES as exc:
        print(f"axis-ingest: the harvest failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    result: dict[str, object] = {"harvest": report.as_dict()}
    if not args.json:
        _print_report(report)
    if args.ingest:
        from axis_ingest.run import run_ingest

        try:
            summary = run_ingest(RunOptions(paths=(args.raw,), db=args.db, clean_dir=args.clean_dir, settings=settings))
        except RUN_FAILURES as exc:
            print(f"axis-ingest: the ingest failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        result["ingest"] = summary.as_dict()
        if not args.json:
            data = summary.as_dict()
            print(
                f"ingested: {data['files_seen']} files seen, {data['loaded']} loaded, {data['new_articles']} new "
                f"articles ({data['edited_articles']} edits of stored posts), {data['rejected']} rejected"
            )
    if args.json:
        print(json.dumps(result, indent=2))
    return 0
