"""Harvest an RSS 2.0 or Atom feed: fetch each new item's link (the article page) into the raw folder.

The feed is asked for with a conditional GET (`If-None-Match` with the last
`ETag`, `If-Modified-Since` with the last `Last-Modified`): a 304 fetches
nothing else.  Each link fetched is recorded in `feed_items` and never
fetched again; a link that failed is tried again the next time the feed lists
it, up to `max_item_attempts`.  The item's own title, date and author are kept
in `feed_items` as evidence for the page: the ingest looks them up by the
saved page's SHA-256.  The feed's validators are kept only when every item was
dealt with, so items left over (page cap, a server error) are seen again.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import feedparser
from sqlalchemy import Engine

from axis_ingest.harvest.http import RETRY_STATUSES, FetchFailed, PoliteClient
from axis_ingest.harvest.rawfiles import link_slug, save_raw
from axis_ingest.harvest.report import SourceReport
from axis_ingest.harvest.sources import Source
from axis_ingest.harvest.state import SourceLog, feed_items, log_fetch, record_feed_item, source_state
from axis_ingest.sniff import binary_container
from axis_ingest.store.load import utc_now

# A feed's link to a document rather than a page (an agency's press release as a PDF) is saved under the suffix
# of what its bytes are, so that a person looking into raw/ sees it (ingest knows the file by its bytes anyway).
SAVED_SUFFIXES = {"pdf": "pdf", "docx": "docx", "odt": "odt"}


def stated_time(value: str | None) -> str | None:
    """A feed's date as ISO 8601, keeping the offset it states (RFC 822 in RSS, RFC 3339 in Atom).

    A date neither parser reads is kept as written: the ingest's date parser gets another try.
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return text


def item_evidence(entry: Any) -> dict[str, str | None]:
    """The item's title, date and author as the feed states them."""
    detail = entry.get("author_detail") or {}
    author = detail.get("name") or entry.get("author")
    return {
        "title": (entry.get("title") or "").strip() or None,
        "published": stated_time(entry.get("published") or entry.get("updated")),
        "author": (author or "").strip() or None,
    }


def harvest_feed(engine: Engine, client: PoliteClient, source: Source, raw_dir: str) -> SourceReport:
    """Fetch the feed and its new links into `raw_dir/<site>/`; never raises for the site."""
    state = source_state(engine, source)
    log = SourceLog(engine, state, SourceReport("feed", source.url))
    report = log.report
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    budget = client.settings.max_pages_per_run - 1
    try:
        fetched = client.get(source.url, headers)
    except FetchFailed as failure:
        log.fetch_failed(source.url, "feed", failure)
        return log.finish()
    if fetched.status == 304:
        report.not_modified = True
        log_fetch(engine, state.id, source.url, "feed", "not_modified", http_status=304, attempts=fetched.attempts)
        return log.finish()
    parsed = None
    if fetched.status == 200:
        parsed = feedparser.parse(
            fetched.content,
            response_headers={
                "content-location": fetched.url,
                "content-type": fetched.headers.get("content-type", "application/xml"),
            },
        )
    if parsed is None or (parsed.bozo and not parsed.entries) or not parsed.get("version"):
        log.bad_response(source.url, "feed", fetched, "the response is not an RSS or Atom feed")
        return log.finish()
    log_fetch(engine, state.id, source.url, "feed", "fetched", http_status=200, attempts=fetched.attempts)

    entries = [(entry.get("link") or "").strip() for entry in parsed.entries]
    known = feed_items(engine, [link for link in entries if link])
    max_attempts = client.settings.max_item_attempts
    folder = Path(raw_dir) / state.site
    pending = False  # an item left for the next harvest: keep asking for the whole feed
    for number, (entry, link) in enumerate(zip(parsed.entries, entries, strict=True), 1):
        if not link:  # none, or one feedparser could not read ("http://[::1")
            reason = f"feed item {number} ({(entry.get('title') or 'untitled')[:80]!r}) has no usable link"
            log.failed(source.url, "page", reason)
            continue
        status, attempts = known.get(link, (None, 0))
        if status == "saved" or (status == "failed" and attempts >= max_attempts):
            report.skipped += 1
            continue
        if budget <= 0:
            report.capped = pending = True
            break
        budget -= 1
        evidence = item_evidence(entry)
        try:
            page = client.get(link)
        except FetchFailed as failure:
            pending = pending or failure.http_status is None or failure.http_status in RETRY_STATUSES
            log.fetch_failed(link, "page", failure)
            _item_failed(engine, state.id, link, failure.reason, failure.http_status, evidence)
            continue
        if page.status != 200 or not page.content:
            reason = log.bad_response(link, "page", page, "the page is empty")
            _item_failed(engine, state.id, link, reason, page.status, evidence)
            continue
        suffix = SAVED_SUFFIXES.get(binary_container(page.content) or "", "html")
        saved = save_raw(folder, f"page-{link_slug(link)}", suffix, page.content)
        log.saved(link, "page", page, saved, items=1)
        record_feed_item(
            engine,
            state.id,
            link,
            status="saved",
            raw_path=saved.path,
            sha256=saved.sha256,
            http_status=page.status,
            reason=None,
            fetched_utc=utc_now(),
            **evidence,
        )
    validators: dict[str, str | None] = {}
    if not pending:
        validators = {"etag": fetched.headers.get("etag"), "last_modified": fetched.headers.get("last-modified")}
    return log.finish(**validators)


def _item_failed(
    engine: Engine, source_id: int, link: str, reason: str, http_status: int | None, evidence: dict[str, str | None]
) -> None:
    """The feed item's row: failed (tried again next time, up to max_item_attempts), with what the feed said."""
    record_feed_item(
        engine,
        source_id,
        link,
        status="failed",
        http_status=http_status,
        reason=reason,
        fetched_utc=utc_now(),
        **evidence,
    )
