"""The harvester's state in the database: sources with their cursors, the fetch log, feed links.

Each function is one short transaction, so a harvest that is stopped keeps
everything it recorded so far and the next harvest carries on from there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, select

from axis_ingest.harvest.http import Fetched, FetchFailed
from axis_ingest.harvest.rawfiles import SavedFile
from axis_ingest.harvest.report import SourceReport, outcome_line
from axis_ingest.harvest.sources import Source, site_folder
from axis_ingest.store.load import utc_now
from axis_ingest.store.schema import FeedItem, HarvestFetch, HarvestSource


@dataclass
class SourceState:
    id: int
    kind: str
    url: str
    site: str
    cursor: str | None
    cursor_param: str | None
    etag: str | None
    last_modified: str | None
    last_harvest_utc: str | None


def source_state(engine: Engine, source: Source) -> SourceState:
    """The source's row, created on its first harvest."""
    table = HarvestSource.__table__
    where = (table.c.kind == source.kind) & (table.c.url == source.url)
    columns = [table.c[name] for name in SourceState.__dataclass_fields__]
    with engine.begin() as conn:
        row = conn.execute(select(*columns).where(where)).first()
        if row is None:
            conn.execute(table.insert().values(kind=source.kind, url=source.url, site=site_folder(source.url)))
            row = conn.execute(select(*columns).where(where)).one()
    return SourceState(**row._asdict())


def update_source(engine: Engine, source_id: int, **values: object) -> None:
    with engine.begin() as conn:
        conn.execute(HarvestSource.__table__.update().where(HarvestSource.id == source_id).values(**values))


def log_fetch(
    engine: Engine,
    source_id: int,
    url: str,
    kind: str,
    status: str,
    *,
    http_status: int | None = None,
    reason: str | None = None,
    attempts: int = 1,
    raw_path: str | None = None,
    sha256: str | None = None,
) -> None:
    with engine.begin() as conn:
        conn.execute(
            HarvestFetch.__table__.insert().values(
                source_id=source_id,
                url=url,
                kind=kind,
                status=status,
                http_status=http_status,
                reason=reason,
                attempts=attempts,
                raw_path=raw_path,
                sha256=sha256,
                fetched_utc=utc_now(),
            )
        )


def feed_items(engine: Engine, urls: Iterable[str]) -> dict[str, tuple[str, int]]:
    """url -> (status, attempts) of these links, for the ones seen before."""
    wanted = sorted(set(urls))
    found: dict[str, tuple[str, int]] = {}
    with engine.connect() as conn:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            stmt = select(FeedItem.url, FeedItem.status, FeedItem.attempts).where(FeedItem.url.in_(chunk))
            found.update({url: (status, attempts) for url, status, attempts in conn.execute(stmt)})
    return found


def record_feed_item(engine: Engine, source_id: int, url: str, **values: object) -> None:
    """Insert or update the link's row; `attempts` is counted up on every call."""
    now = utc_now()
    with engine.begin() as conn:
        table = FeedItem.__table__
        attempts = conn.execute(select(FeedItem.attempts).where(FeedItem.url == url)).scalar()
        if attempts is None:
            conn.execute(table.insert().values(url=url, source_id=source_id, first_seen_utc=now, attempts=1, **values))
        else:
            conn.execute(table.update().where(FeedItem.url == url).values(attempts=attempts + 1, **values))


@dataclass
class SourceLog:
    """One harvest of one source: each outcome goes to its report (printed, returned by the flow) and to
    the database (the fetch log a person reads, the cursor and validators the next harvest starts from)."""

    engine: Engine
    state: SourceState
    report: SourceReport

    def failed(self, url: str, kind: str, reason: str, *, http_status: int | None = None, attempts: int = 0) -> None:
        """A URL that could not be saved (the next harvest tries it again)."""
        self.report.failed.append((url, reason))
        log_fetch(
            self.engine, self.state.id, url, kind, "failed", http_status=http_status, reason=reason, attempts=attempts
        )

    def fetch_failed(self, url: str, kind: str, failure: FetchFailed) -> None:
        """A URL the client gave up on (refused, or failing after every retry)."""
        self.failed(url, kind, failure.reason, http_status=failure.http_status, attempts=failure.attempts)

    def bad_response(self, url: str, kind: str, fetched: Fetched, unusable: str) -> str:
        """A response that cannot be saved: its HTTP status, or for a 200 the reason `unusable`; returns the reason."""
        reason = f"HTTP {fetched.status}" if fetched.status != 200 else unusable
        self.failed(url, kind, reason, http_status=fetched.status, attempts=fetched.attempts)
        return reason

    def saved(self, url: str, kind: str, fetched: Fetched, saved: SavedFile, items: int) -> None:
        """A response saved as a raw file holding `items` posts or pages."""
        log_fetch(
            self.engine,
            self.state.id,
            url,
            kind,
            "saved",
            http_status=fetched.status,
            attempts=fetched.attempts,
            raw_path=saved.path,
            sha256=saved.sha256,
        )
        self.report.saved.append(saved.path)
        self.report.items += items

    def finish(self, **values: object) -> SourceReport:
        """Record the harvest's time and outcome on the source (with `values`: its cursor or validators)."""
        update_source(
            self.engine, self.state.id, last_harvest_utc=utc_now(), last_outcome=outcome_line(self.report), **values
        )
        return self.report
