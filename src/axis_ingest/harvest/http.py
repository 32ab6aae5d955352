"""A polite HTTP client for harvesting: httpx with timeouts, retries, Retry-After and a per-host pace.

Every request goes through `PoliteClient.get`:
- only to hosts of the configured sources (redirects included): anything else is refused unasked;
- at least `min_interval_seconds` after the previous request to the same host;
- retried with exponential backoff after a 5xx or a connection error, and after a
  429/503 as long as the server's `Retry-After` asks (up to `max_retry_after_seconds`);
- a URL that still fails raises `FetchFailed` with the HTTP status and a reason, which
  the harvester records against the URL before going on with the next one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import httpx

from axis_ingest.harvest.sources import HttpSettings, host_of

# Statuses worth another attempt: the server is overloaded or briefly broken.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Fetched:
    """A response as served: `content` are the body bytes exactly as received."""

    url: str  # the final URL, after redirects
    status: int
    headers: Mapping[str, str]
    content: bytes
    attempts: int


class FetchFailed(Exception):
    """A URL that could not be fetched after every allowed attempt (or may not be fetched at all)."""

    def __init__(self, url: str, reason: str, http_status: int | None = None, attempts: int = 0) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.http_status = http_status
        self.attempts = attempts


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """`Retry-After` as seconds to wait: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class PoliteClient:
    """One client per harvest run; `sleep` and `clock` are injectable so callers can pace it."""

    def __init__(
        self,
        settings: HttpSettings,
        allowed_hosts: frozenset[str],
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.allowed_hosts = allowed_hosts
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}
        self.requests = 0  # sent, retries included
        self._client = httpx.Client(
            timeout=settings.timeout_seconds,
            headers={"User-Agent": settings.user_agent},
            follow_redirects=False,  # followed by hand, so every hop is checked against the allowed hosts
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _check_host(self, url: str) -> str:
        try:
            host = host_of(url)
            httpx.URL(url)
        except (ValueError, httpx.InvalidURL) as exc:  # a malformed link in a feed is bad input, not a bug
            raise FetchFailed(url, f"malformed URL ({exc})") from exc
        if host not in self.allowed_hosts:
            raise FetchFailed(
                url,
                f"host {host or '(none)'} is not one of the configured sources; "
                "add it to [[sources]] or to [harvest] allowed_hosts to fetch it",
            )
        return host

    def _pace(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.settings.min_interval_seconds - self._clock()
            if wait > 0:
                self._sleep(wait)

    def _send(self, url: str, headers: Mapping[str, str]) -> httpx.Response:
        host = self._check_host(url)
        self._pace(host)
        try:
            self.requests += 1
            return self._client.get(url, headers=dict(headers))
        finally:
            self._last_request[host] = self._clock()

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Fetched:
        """GET `url`, politely; returns any final response (2xx, 304, 4xx) or raises FetchFailed."""
        headers = headers or {}
        attempts = 0
        redirects = 0
        backoff = self.settings.backoff_seconds
        current = url
        while True:
            attempts += 1
            try:
                response = self._send(current, headers)
            except httpx.InvalidURL as exc:
                raise FetchFailed(current, f"malformed URL ({exc})", None, attempts) from exc
            except httpx.TransportError as exc:  # refused, reset, timed out, DNS
                reason = f"connection failed ({type(exc).__name__}: {exc})"
                if attempts > self.settings.retries:
                    raise FetchFailed(current, f"{reason} after {attempts} attempts", None, attempts) from exc
                self._sleep(backoff)
                backoff *= 2
                continue
            status = response.status_code
            if status in REDIRECT_STATUSES and response.headers.get("location"):
                redirects += 1
                if redirects > self.settings.max_redirects:
                    raise FetchFailed(url, f"more than {self.settings.max_redirects} redirects", status, attempts)
                try:
                    current = urljoin(current, response.headers["location"])
                except ValueError as exc:
                    raise FetchFailed(current, f"malformed redirect ({exc})", status, attempts) from exc
                attempts -= 1  # a redirect is not a failed attempt
                continue
            if status not in RETRY_STATUSES:
                return Fetched(str(response.url), status, response.headers, response.content, attempts)
            wait = retry_after_seconds(response.headers.get("retry-after")) if status in (429, 503) else None
            if wait is not None and wait > self.settings.max_retry_after_seconds:
                raise FetchFailed(
                    current,
                    f"HTTP {status}: the server asks to wait {wait:.0f} s (Retry-After), over "
                    f"max_retry_after_seconds ({self.settings.max_retry_after_seconds:g}); left for the next run",
                    status,
                    attempts,
                )
            if attempts > self.settings.retries:
                raise FetchFailed(current, f"HTTP {status} after {attempts} attempts", status, attempts)
            self._sleep(wait if wait is not None else backoff)
            if wait is None:
                backoff *= 2
