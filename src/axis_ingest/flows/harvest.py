"""The Prefect harvest flow: fetch every configured source into the raw folder, then ingest what arrived.

A thin shell over `axis_ingest.harvest.run.harvest_sources`: one task per
source (a source's pages are one batch of requests), run one after the other
through one polite client (so the per-host pace holds across sources), then
the ingest flow as a subflow over the raw folder (files stored before are
skipped unread, so files left by an interrupted run are ingested too).  A
source that fails is recorded in the database and does not stop the others;
the `harvest-and-ingest` deployment in prefect.yaml runs it on a schedule, and
each source's `every` decides whether it is due.

    python flows/harvest.py                       # every configured source, then ingest raw/

Deployments name it through `flows/harvest.py:harvest`, which re-exports it from here.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from axis_ingest.config import load_settings
from axis_ingest.flows.ingest import ingest
from axis_ingest.harvest.http import PoliteClient
from axis_ingest.harvest.report import SourceReport
from axis_ingest.harvest.run import harvest_sources, is_due
from axis_ingest.harvest.sources import HarvestSettings, Source, harvest_settings
from axis_ingest.options import DEFAULT_CLEAN, DEFAULT_RAW
from axis_ingest.store.db import DEFAULT_DB, open_database


@task(name="harvest-source", cache_policy=NO_CACHE, persist_result=False, task_run_name="harvest-{source.kind}")
def harvest_source_task(
    harvest: HarvestSettings, source: Source, db: str, raw_dir: str, client: PoliteClient
) -> SourceReport:
    report = harvest_sources(harvest, db, raw_dir, [source], force=True, client=client)
    logger = get_run_logger()
    source_report = report.sources[0]
    counts = {k: v for k, v in source_report.as_dict().items() if k not in ("saved", "failed")}
    logger.info("%s %s: %s", source.kind, source.url, counts)
    for url, reason in source_report.failed:
        logger.warning("failed: %s: %s", url, reason)
    return source_report


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def publish_artifact(reports: list[SourceReport], not_due: list[str]) -> None:
    rows = "\n".join(
        f"| {r.kind} | {_cell(r.url)} | {r.items} | {len(r.saved)} | {r.skipped} | {len(r.failed)} | "
        f"{'304' if r.not_modified else ''}{' capped' if r.capped else ''} |"
        for r in reports
    )
    failures = "\n".join(f"| {_cell(u)} | {_cell(reason)} |" for r in reports for u, reason in r.failed[:50])
    waiting = "\n".join(f"- {_cell(u)}" for u in not_due) or "none"
    create_markdown_artifact(
        key="harvest-summary",
        description="axis-ingest harvest",
        markdown=f"""# axis-ingest harvest

| kind | source | fetched | raw files saved | fetched before | failed | notes |
|---|---|---|---|---|---|---|
{rows or "| none | | | | | | |"}

## Failed URLs (recorded in harvest_fetches; the next harvest tries again)
| url | reason |
|---|---|
{failures or "| none | |"}

## Not due yet (`every`)
{waiting}
""",
    )


@flow(name="harvest", log_prints=True)
def harvest(
    raw_dir: str = DEFAULT_RAW,
    db: str = DEFAULT_DB,
    clean_dir: str = DEFAULT_CLEAN,
    config: str | None = None,
    force: bool = False,
    ingest_after: bool = True,
    db_lock: str | None = None,
) -> dict[str, Any]:
    """Harvest every configured source that is due (all with `force`), then ingest `raw_dir`.

    `db_lock` is passed to the ingest flow: None keeps its default global concurrency
    limit (`axis-ingest-db`), an empty string turns it off.
    """
    logger = get_run_logger()
    settings = load_settings(config)
    harvest_config = harvest_settings(settings)
    engine = open_database(db)
    try:
        due = [s for s in harvest_config.sources if force or is_due(engine, s)]
    finally:
        engine.dispose()
    not_due = [s.url for s in harvest_config.sources if s not in due]
    logger.info("%d sources configured, %d due", len(harvest_config.sources), len(due))
    # One client for every source: the per-host pace holds from one source's task to the next.
    with PoliteClient(harvest_config.http, harvest_config.allowed_hosts()) as client:
        reports = [harvest_source_task(harvest_config, source, db, raw_dir, client) for source in due]
    publish_artifact(reports, not_due)
    result: dict[str, Any] = {
        "sources": [r.as_dict() for r in reports],
        "not_due": not_due,
        "files_saved": sum(len(r.saved) for r in reports),
    }
    if ingest_after:
        lock = {} if db_lock is None else {"db_lock": db_lock}
        summary = ingest(paths=[raw_dir], db=db, clean_dir=clean_dir, config=config, **lock)
        result["ingest"] = summary.as_dict()
    return result


if __name__ == "__main__":
    harvest()
