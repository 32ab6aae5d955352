"""Harvest a list of sources into the raw folder: what `axis-ingest harvest` and the flow call.

One polite client serves the whole run, so the per-host pace holds across
sources on one host; it may only reach the hosts of the configured sources
(and of the sources given on the command line).  A source whose `every` has not
passed since its last harvest is left alone unless `force` is set.  A site that
fails is recorded and the others go on: only a bug or a database error stops
the run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine

from axis_ingest.harvest.feed import harvest_feed
from axis_ingest.harvest.http import PoliteClient
from axis_ingest.harvest.report import SourceReport
from axis_ingest.harvest.sources import HarvestSettings, Source
from axis_ingest.harvest.state import source_state
from axis_ingest.harvest.wordpress import harvest_wordpress
from axis_ingest.store.db import open_database

Harvester = Callable[[Engine, PoliteClient, Source, str], SourceReport]
HARVESTERS: dict[str, Harvester] = {"wordpress": harvest_wordpress, "feed": harvest_feed}


@dataclass
class HarvestReport:
    raw_dir: str
    db: str
    sources: list[SourceReport] = field(default_factory=list)
    not_due: list[str] = field(default_factory=list)  # sources skipped because of `every`
    requests: int = 0

    @property
    def saved(self) -> list[str]:
        return [path for report in self.sources for path in report.saved]

    @property
    def failed(self) -> list[tuple[str, str]]:
        return [failure for report in self.sources for failure in report.failed]

    def as_dict(self) -> dict[str, object]:
        return {
            "raw_dir": self.raw_dir,
            "db": self.db,
            "files_saved": len(self.saved),
            "failed": len(self.failed),
            "requests": self.requests,
            "not_due": self.not_due,
            "sources": [report.as_dict() for report in self.sources],
        }


def is_due(engine: Engine, source: Source, now: datetime | None = None) -> bool:
    """True when the source has no `every`, was never harvested, or was last harvested `every` ago."""
    if not source.every_seconds:
        return True
    last = source_state(engine, source).last_harvest_utc
    if not last:
        return True
    then = datetime.strptime(last, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return ((now or datetime.now(UTC)) - then).total_seconds() >= source.every_seconds


def harvest_sources(
    harvest: HarvestSettings,
    db: str | os.PathLike[str],
    raw_dir: str | os.PathLike[str],
    sources: Sequence[Source] | None = None,
    force: bool = False,
    engine: Engine | None = None,
    client: PoliteClient | None = None,
) -> HarvestReport:
    """Harvest `sources` (default: every configured source) into `raw_dir`, keeping state in `db`.

    `client`: a client shared with other calls (the flow's tasks), so the per-host pace holds across them.
    """
    chosen = list(sources) if sources is not None else list(harvest.sources)
    report = HarvestReport(str(raw_dir), str(db))
    own_engine = engine is None
    engine = engine or open_database(db)
    own_client = client is None
    client = client or PoliteClient(harvest.http, harvest.allowed_hosts(*chosen))
    sent_before = client.requests
    try:
        for source in chosen:
            if not force and not is_due(engine, source):
                report.not_due.append(source.url)
                continue
            report.sources.append(HARVESTERS[source.kind](engine, client, source, str(raw_dir)))
        report.requests = client.requests - sent_before
    finally:
        if own_client:
            client.close()
        if own_engine:
            engine.dispose()
    return report
