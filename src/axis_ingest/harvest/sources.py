"""Harvest settings: the `[harvest]` section and the `[[sources]]` list of the settings file.

```toml
[harvest]
user_agent = "axis-ingest/0.1 (research crawler; contact: you@example.org)"

[[sources]]
kind = "wordpress"            # or "feed"
url = "https://example-news.com"
timezone = "Europe/Berlin"    # optional: the site's zone, for times printed without an offset
every = "1h"                  # optional: harvest at most this often (s, m, h, d)
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from axis_ingest.config import Settings

SOURCE_KINDS = ("wordpress", "feed")

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


class SourceError(ValueError):
    """A `[[sources]]` entry or `[harvest]` value the harvester cannot use (bad usage, exit 2)."""


@dataclass(frozen=True)
class HttpSettings:
    """How politely the harvester talks to a site (defaults in data/defaults.toml, `[harvest]`)."""

    user_agent: str = "axis-ingest"
    timeout_seconds: float = 30.0
    min_interval_seconds: float = 1.0  # between two requests to one host
    retries: int = 4  # further attempts after a 5xx, a 429 or a connection error
    backoff_seconds: float = 2.0  # first wait before a retry; doubles each time
    max_retry_after_seconds: float = 300.0  # a longer Retry-After gives the URL up for this run
    max_pages_per_run: int = 200  # requests per source per run (API pages, feed, article pages)
    max_redirects: int = 5
    max_item_attempts: int = 5  # a feed link that failed this often is not tried again
    allowed_hosts: tuple[str, ...] = ()  # hosts besides the sources' own (e.g. a feed's CDN)


@dataclass(frozen=True)
class Source:
    kind: str
    url: str
    timezone: str | None = None
    every_seconds: float | None = None

    @property
    def host(self) -> str:
        return host_of(self.url)


@dataclass(frozen=True)
class HarvestSettings:
    http: HttpSettings = field(default_factory=HttpSettings)
    sources: tuple[Source, ...] = ()

    def allowed_hosts(self, *extra: Source) -> frozenset[str]:
        """Every host a request may go to: the sources' (configured and given) and `allowed_hosts`."""
        hosts = {s.host for s in (*self.sources, *extra)} | {h.lower() for h in self.http.allowed_hosts}
        return frozenset(h for h in hosts if h)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def site_folder(url: str) -> str:
    """The folder under raw/ for a source's files: its host, plus the port when one is given."""
    parts = urlsplit(url)
    host = (parts.hostname or "unknown").lower()
    return f"{host}_{parts.port}" if parts.port else host


def parse_duration(value: Any) -> float | None:
    """`every`: seconds as a number, or "90s", "30m", "1h", "1d"."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    match = _DURATION.match(str(value).lower())
    if not match:
        raise SourceError(f"cannot read the duration {value!r}: write it like 90s, 30m, 1h or 1d")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def make_source(kind: str, url: str, timezone: str | None = None, every: Any = None) -> Source:
    if kind not in SOURCE_KINDS:
        raise SourceError(f"source kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - reading it checks it (a port out of range raises ValueError)
    except ValueError as exc:
        raise SourceError(f"source URL {url!r} is malformed ({exc})") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourceError(f"source URL {url!r} is not an http(s) URL")
    return Source(kind=kind, url=url.strip(), timezone=timezone or None, every_seconds=parse_duration(every))


def _checked_http_value(key: str, value: Any) -> Any:
    """A `[harvest]` value of the type its setting takes (a wrong type is bad usage, never a TypeError later)."""
    default = getattr(HttpSettings, key)
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise SourceError(f'[harvest] {key} = {value!r} must be a list of host names, like ["cdn.example.org"]')
        return tuple(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise SourceError(f"[harvest] {key} = {value!r} must be a string in quotes")
        return value
    whole = isinstance(default, int)
    if isinstance(value, bool) or not isinstance(value, int if whole else int | float) or value < 0:
        what = "a whole number" if whole else "a number of seconds"
        raise SourceError(f"[harvest] {key} = {value!r} must be {what}, 0 or more")
    return value


def harvest_settings(settings: Settings) -> HarvestSettings:
    """The harvest part of the settings (raises SourceError on an unusable entry)."""
    raw = settings.sections.get("harvest", {}) or {}
    known = set(HttpSettings.__dataclass_fields__)
    unknown = sorted(set(raw) - known)
    if unknown:
        raise SourceError(f"unknown [harvest] setting(s): {', '.join(unknown)}")
    http = HttpSettings(**{key: _checked_http_value(key, value) for key, value in raw.items()})
    sources = []
    for number, entry in enumerate(settings.sections.get("sources", []) or [], start=1):
        if not isinstance(entry, dict) or "kind" not in entry or "url" not in entry:
            raise SourceError(f"[[sources]] entry {number} needs kind and url")
        sources.append(make_source(str(entry["kind"]), str(entry["url"]), entry.get("timezone"), entry.get("every")))
    return HarvestSettings(http=http, sources=tuple(sources))
