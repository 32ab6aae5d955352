"""Harvest a WordPress site's posts through its REST API, asking only for what changed.

Requests go to `SITE/wp-json/wp/v2/posts?_embed&per_page=100&orderby=modified&order=asc`
with the source's cursor, the newest `modified_gmt` seen so far, as
`modified_after` (WordPress 5.7+).  WordPress reads a time without an offset
as the site's local time and a raw `+` in a query as a space, so the cursor is
sent as `2025-06-03T09:39:21%2B00:00`.  A window's upper end (`modified_before`,
the harvest's start) keeps posts edited during the harvest from shifting the
pages under it: they are left for the next harvest.  A site that ignores
`modified_after` (older WordPress) answers with posts at or before the cursor;
the source then switches to `after`/`before` on the publication date, for good.

Each response page is saved as served, as one raw file under `DIR/<site>/`
(a list of posts with `_embedded`, which the WordPress reader reads); the
cursor moves only past pages that are saved.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine

from axis_ingest.harvest.http import FetchFailed, PoliteClient
from axis_ingest.harvest.rawfiles import save_raw
from axis_ingest.harvest.report import SourceReport
from axis_ingest.harvest.sources import Source
from axis_ingest.harvest.state import SourceLog, log_fetch, source_state, update_source

PER_PAGE = 100  # the REST API's maximum
CURSOR_FORMAT = "%Y-%m-%dT%H:%M:%S"  # WordPress's *_gmt fields: UTC without an offset
PAGE_KIND = "wordpress_page"  # the kind of every fetch in the fetch log (harvest_fetches.kind)

# The cursor parameter, the post field it follows, the window's upper-end parameter, the order.
MODES = {
    "modified_after": ("modified_gmt", "modified_before", "modified"),
    "after": ("date_gmt", "before", "date"),
}


def posts_url(site_url: str, param: str, cursor: str | None, upper: str, page: int) -> str:
    """The API URL of one page, with times in UTC and the `+` of the offset percent-encoded."""
    _field, upper_param, order_by = MODES[param]
    query = [f"_embed&per_page={PER_PAGE}&orderby={order_by}&order=asc"]
    if cursor:
        query.append(f"{param}={quote(cursor + '+00:00', safe=':')}")
    query.append(f"{upper_param}={quote(upper + '+00:00', safe=':')}")
    query.append(f"page={page}")
    return f"{site_url.rstrip('/')}/wp-json/wp/v2/posts?{'&'.join(query)}"


def _times(posts: list[dict[str, object]], name: str) -> list[str]:
    """The posts' `name` times (UTC, no offset), skipping WordPress's zero date."""
    return [str(p[name])[:19] for p in posts if isinstance(p.get(name), str) and not str(p[name]).startswith("0000")]


def _earlier(cursor: str, seconds: int = 1) -> str:
    return (datetime.strptime(cursor, CURSOR_FORMAT) - timedelta(seconds=seconds)).strftime(CURSOR_FORMAT)


def _int_header(headers: object, name: str) -> int | None:
    value = getattr(headers, "get", lambda _k: None)(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def harvest_wordpress(engine: Engine, client: PoliteClient, source: Source, raw_dir: str) -> SourceReport:
    """Fetch the posts changed since the source's cursor into `raw_dir/<site>/`; never raises for the site."""
    state = source_state(engine, source)
    log = SourceLog(engine, state, SourceReport("wordpress", source.url))
    report = log.report
    folder = Path(raw_dir) / state.site
    param = state.cursor_param or "modified_after"
    upper = datetime.now(UTC).strftime(CURSOR_FORMAT)
    newest: str | None = None  # the newest time among saved pages
    last_page_last: str | None = None  # the last post's time on the last saved page
    complete = False
    page = 1
    budget = client.settings.max_pages_per_run
    while budget > 0:
        url = posts_url(source.url, param, state.cursor, upper, page)
        budget -= 1
        try:
            fetched = client.get(url)
        except FetchFailed as failure:
            log.fetch_failed(url, PAGE_KIND, failure)
            break
        if fetched.status == 400 and page > 1 and b"rest_post_invalid_page_number" in fetched.content:
            complete = True  # the posts ran out between two pages
            break
        posts = _posts_of(fetched.content) if fetched.status == 200 else None
        if posts is None:
            log.bad_response(url, PAGE_KIND, fetched, "the response is not a JSON list of posts")
            break
        field_name = MODES[param][0]
        times = _times(posts, field_name)
        if page == 1 and param == "modified_after" and state.cursor and any(t <= state.cursor for t in times):
            # The site ignored modified_after (WordPress before 5.7): follow the publication date instead.
            param = "after"
            update_source(engine, state.id, cursor_param=param)
            log_fetch(
                engine,
                state.id,
                url,
                PAGE_KIND,
                "ignored",
                http_status=fetched.status,
                reason="the site ignores modified_after; switched to after",
                attempts=fetched.attempts,
            )
            report.note = "the site ignores modified_after (WordPress before 5.7): harvesting by publication date"
            continue
        if posts:
            saved = save_raw(folder, f"wp-posts-p{page:03d}", "json", fetched.content)
            log.saved(url, PAGE_KIND, fetched, saved, items=len(posts))
            if times:
                newest = max(newest or times[-1], *times)
                last_page_last = times[-1]
        if report.expected is None:
            report.expected = _int_header(fetched.headers, "x-wp-total")
        # A proxy may strip X-WP-TotalPages: then a full page means there may be another one.
        total_pages = _int_header(fetched.headers, "x-wp-totalpages")
        if not posts or len(posts) < PER_PAGE or (total_pages is not None and page >= total_pages):
            complete = True
            break
        page += 1
    else:
        report.capped = True
    cursor = state.cursor
    if complete and newest:
        cursor = max(cursor or newest, newest)
    elif last_page_last:  # stopped part-way: posts sharing the last second are asked for again
        cursor = max(cursor or "", _earlier(last_page_last)) or None
    return log.finish(cursor=cursor, cursor_param=param)


def _posts_of(content: bytes) -> list[dict[str, object]] | None:
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, list) or not all(isinstance(p, dict) for p in data):
        return None
    return data
