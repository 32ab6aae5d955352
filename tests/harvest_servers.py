"""Local HTTP stand-ins for harvest tests: a WordPress REST API and a feed site, on 127.0.0.1.

Both run `http.server` in a thread on a free port and log every request.
The WordPress stand-in answers like WordPress 5.7+: `/wp-json/wp/v2/posts`
with `_embed`, `per_page`, `page`, `orderby=modified|date`, `order`,
`modified_after`/`modified_before`/`after`/`before` (exclusive; a time without
an offset is the site's local time, UTC+03:00 here; a time it cannot read is
a 400 `rest_invalid_param`), the headers `X-WP-Total`, `X-WP-TotalPages` and
`Link`, and `rest_post_invalid_page_number` past the last page.  `legacy=True`
makes it ignore `modified_*` like WordPress before 5.7.  Posts are generated
(seeded random words), shaped like real `?_embed` responses.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

SITE_OFFSET = timedelta(hours=3)  # the stand-in site's time zone: UTC+03:00
_WORD_TEXT = """
river council budget harbour school vote minister farmers drought bridge election court hospital
railway festival museum coast border trade factory union wages pension police mayor village
storm flood harvest market prices energy solar wind grid water pipeline tunnel airport airline
tourism students teachers exam library theatre cinema novel poet painter stadium league coach
striker goal season referee injury transfer contract salary investor bank loan interest inflation
currency export import customs tariff shipping port cargo container crane dock fishermen boat
whale forest wildfire smoke rescue volunteer charity donation shelter refugee visa embassy treaty
summit protest strike parliament senator governor cabinet reform tax audit scandal inquiry witness
judge lawyer verdict appeal prison sentence fraud bribery leak report survey census population
birth migration housing rent mortgage builder architect tower bridge road traffic bus tram cyclist
pedestrian accident ambulance doctor nurse vaccine clinic patient disease outbreak study scientist
laboratory telescope satellite rocket launch orbit mission robot software startup engineer patent
chip battery vehicle
"""
WORDS = tuple(_WORD_TEXT.split())


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def paragraphs(rng: random.Random, count: int = 4) -> list[str]:
    return [words(rng, rng.randint(28, 45)).capitalize() + "." for _ in range(count)]


def wp_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


@dataclass
class Post:
    id: int
    title: str
    paragraphs: list[str]
    date_gmt: datetime
    modified_gmt: datetime
    author: int

    def to_json(self, base: str) -> dict[str, Any]:
        slug = "-".join(self.title.lower().split()[:6])
        link = f"{base}/{self.date_gmt:%Y/%m/%d}/{slug}/"
        content = "".join(f"<p>{p}</p>\n" for p in self.paragraphs)
        return {
            "id": self.id,
            "date": wp_time(self.date_gmt + SITE_OFFSET),
            "date_gmt": wp_time(self.date_gmt),
            "guid": {"rendered": f"{base}/?p={self.id}"},
            "modified": wp_time(self.modified_gmt + SITE_OFFSET),
            "modified_gmt": wp_time(self.modified_gmt),
            "slug": slug,
            "status": "publish",
            "type": "post",
            "link": link,
            "title": {"rendered": self.title},
            "content": {"rendered": content, "protected": False},
            "excerpt": {"rendered": f"<p>{self.paragraphs[0][:120]} [&hellip;]</p>\n", "protected": False},
            "author": self.author,
            "featured_media": 0,
            "comment_status": "open",
            "ping_status": "open",
            "sticky": False,
            "template": "",
            "format": "standard",
            "meta": [],
            "categories": [5],
            "tags": [],
            "_links": {
                "self": [{"href": f"{base}/wp-json/wp/v2/posts/{self.id}"}],
                "collection": [{"href": f"{base}/wp-json/wp/v2/posts"}],
                "author": [{"embeddable": True, "href": f"{base}/wp-json/wp/v2/users/{self.author}"}],
                "wp:term": [
                    {
                        "taxonomy": "category",
                        "embeddable": True,
                        "href": f"{base}/wp-json/wp/v2/categories?post={self.id}",
                    }
                ],
                "curies": [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}],
            },
            "_embedded": {
                "author": [
                    {
                        "id": self.author,
                        "name": AUTHORS[self.author],
                        "url": "",
                        "description": "",
                        "link": f"{base}/author/{AUTHORS[self.author].lower().replace(' ', '-')}/",
                        "slug": AUTHORS[self.author].lower().replace(" ", "-"),
                    }
                ],
                "wp:term": [
                    [
                        {
                            "id": 5,
                            "link": f"{base}/category/news/",
                            "name": "News",
                            "slug": "news",
                            "taxonomy": "category",
                        }
                    ],
                    [],
                ],
            },
        }


AUTHORS = {1: "Maria Petrova", 2: "Jonas Eriksson", 3: "Aylin Demir"}


@dataclass
class Scripted:
    """A canned answer for the next requests whose path starts with `path` (and whose query holds `query`)."""

    path: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1
    query: str = ""


class StandIn:
    """Common parts: the server thread, the request log and scripted failures."""

    def __init__(self) -> None:
        self.requests: list[tuple[float, str, dict[str, str]]] = []  # (time, path?query, headers)
        self.scripted: list[Scripted] = []
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def script(
        self, path: str, status: int, headers: dict[str, str] | None = None, times: int = 1, query: str = ""
    ) -> None:
        self.scripted.append(Scripted(path, status, headers or {}, times, query))

    def _scripted_for(self, target: str) -> Scripted | None:
        path, _, query = target.partition("?")
        with self.lock:
            for entry in self.scripted:
                if entry.times > 0 and path.startswith(entry.path) and entry.query in query:
                    entry.times -= 1
                    return entry
        return None

    def answer(self, handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        raise NotImplementedError

    @contextmanager
    def running(self) -> Iterator[StandIn]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                import time

                with stand_in.lock:
                    stand_in.requests.append((time.monotonic(), self.path, dict(self.headers.items())))
                scripted = stand_in._scripted_for(self.path)
                if scripted is not None:
                    status, headers, body = scripted.status, scripted.headers, b'{"code":"scripted"}'
                else:
                    status, headers, body = stand_in.answer(self)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.server.shutdown()
            self.server.server_close()
            thread.join()


def _parse_wp_time(value: str) -> datetime | None:
    """How WordPress reads a date-time parameter: with an offset it is that instant, without it local time."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return (moment - SITE_OFFSET).replace(tzinfo=UTC)
    return moment.astimezone(UTC)


class WordPressStandIn(StandIn):
    def __init__(self, count: int, seed: int = 7, legacy: bool = False, paging_headers: bool = True) -> None:
        super().__init__()
        self.rng = random.Random(seed)
        self.legacy = legacy
        self.paging_headers = paging_headers  # False: a proxy strips X-WP-Total, X-WP-TotalPages and Link
        self.posts: dict[int, Post] = {}
        start = datetime(2025, 3, 1, 6, 0, tzinfo=UTC)
        for number in range(count):
            # Posts share timestamps in pairs, as bulk imports do: paging must not lose the second of a pair.
            moment = start + timedelta(hours=7 * (number // 2))
            self.add_post(moment, moment)
        self.clock = start + timedelta(hours=7 * count)

    def add_post(self, date_gmt: datetime | None = None, modified_gmt: datetime | None = None) -> Post:
        post_id = 100 + 3 * len(self.posts)
        self.clock = getattr(self, "clock", datetime(2025, 1, 1, tzinfo=UTC)) + timedelta(minutes=5)
        title = words(self.rng, self.rng.randint(5, 8)).capitalize()
        post = Post(
            post_id,
            title,
            paragraphs(self.rng),
            date_gmt or self.clock,
            modified_gmt or self.clock,
            self.rng.randint(1, 3),
        )
        self.posts[post_id] = post
        return post

    def edit_post(self, post_id: int) -> Post:
        """An editor's change: a paragraph added, a new modified time."""
        self.clock += timedelta(minutes=5)
        post = self.posts[post_id]
        post.paragraphs = [*post.paragraphs, "Update: " + words(self.rng, 30) + "."]
        post.modified_gmt = self.clock
        return post

    def answer(self, handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(handler.path)
        if parts.path.rstrip("/") != "/wp-json/wp/v2/posts":
            return 404, {"Content-Type": "application/json"}, b'{"code":"rest_no_route","data":{"status":404}}'
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        by = query.get("orderby", "date")
        field_name = "modified_gmt" if by == "modified" else "date_gmt"
        filters = [("after", "date_gmt", 1), ("before", "date_gmt", -1)]
        if not self.legacy:
            filters += [("modified_after", "modified_gmt", 1), ("modified_before", "modified_gmt", -1)]
        posts = list(self.posts.values())
        for name, attr, sign in filters:
            if name not in query:
                continue
            bound = _parse_wp_time(query[name])
            if bound is None:
                body = {
                    "code": "rest_invalid_param",
                    "message": f"Invalid parameter(s): {name}",
                    "data": {"status": 400, "params": {name: "Invalid date."}},
                }
                return 400, {"Content-Type": "application/json"}, json.dumps(body).encode()
            posts = [p for p in posts if (getattr(p, attr) - bound).total_seconds() * sign > 0]
        posts.sort(key=lambda p: (getattr(p, field_name), p.id), reverse=query.get("order", "desc") == "desc")
        per_page = min(int(query.get("per_page", 10)), 100)
        page = int(query.get("page", 1))
        total = len(posts)
        pages = max(1, -(-total // per_page))
        if page > pages:
            body = {
                "code": "rest_post_invalid_page_number",
                "message": "The page number requested is larger than the number of pages available.",
                "data": {"status": 400},
            }
            return 400, {"Content-Type": "application/json"}, json.dumps(body).encode()
        chosen = posts[(page - 1) * per_page : page * per_page]
        body = json.dumps([p.to_json(self.base) for p in chosen], ensure_ascii=False).encode()
        links = []
        for rel, number in (("prev", page - 1), ("next", page + 1)):
            if 1 <= number <= pages:
                links.append(
                    f'<{self.base}{parts.path}?{parts.query.replace(f"page={page}", f"page={number}")}>; rel="{rel}"'
                )
        headers = {
            "Content-Type": "application/json; charset=UTF-8",
            "X-WP-Total": str(total),
            "X-WP-TotalPages": str(pages),
            "Allow": "GET",
            "Access-Control-Expose-Headers": "X-WP-Total, X-WP-TotalPages, Link",
        }
        if links:
            headers["Link"] = ", ".join(links)
        if not self.paging_headers:
            headers = {k: v for k, v in headers.items() if not k.startswith("X-WP-") and k != "Link"}
        return 200, headers, body


@dataclass
class FeedArticle:
    slug: str
    title: str
    paragraphs: list[str]
    published: datetime
    author: str


class FeedStandIn(StandIn):
    """`/rss.xml` (RSS 2.0) and `/atom.xml` (Atom 1.0) with ETag/Last-Modified, and the article pages."""

    def __init__(self, seed: int = 11) -> None:
        super().__init__()
        self.rng = random.Random(seed)
        self.rss: list[FeedArticle] = []
        self.atom: list[FeedArticle] = []
        self.gone: set[str] = set()  # slugs the feed lists but the site answers 404 for
        self.documents: dict[str, bytes] = {}  # slugs served as a PDF of these bytes instead of a page
        self.version = 1
        self.updated = datetime(2025, 6, 3, 9, 0, tzinfo=UTC)

    def article(self, feed: str, published: datetime, author: str) -> FeedArticle:
        title = words(self.rng, 6).capitalize()
        item = FeedArticle(
            f"{feed}-{len(self.rss) + len(self.atom)}-{title.split()[0].lower()}",
            title,
            paragraphs(self.rng, 5),
            published,
            author,
        )
        (self.rss if feed == "rss" else self.atom).append(item)
        self.version += 1
        self.updated += timedelta(minutes=1)
        return item

    def page(self, item: FeedArticle) -> bytes:
        # The page states no date and no byline: those come from the feed item.
        body = "\n".join(f"    <p>{p}</p>" for p in item.paragraphs)
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
            f"<title>{item.title} | Coastline Weekly</title>\n"
            '<meta property="og:site_name" content="Coastline Weekly">\n'
            '</head><body>\n<nav><a href="/">Home</a> <a href="/news/">News</a></nav>\n'
            f"<main><article>\n  <h1>{item.title}</h1>\n{body}\n</article></main>\n"
            "<footer>Coastline Weekly, all rights reserved.</footer>\n</body></html>\n"
        ).encode()

    def rss_xml(self) -> bytes:
        items = "".join(
            f"""    <item>
      <title>{i.title}</title>
      <link>{self.base}/news/{i.slug}/</link>
      <guid isPermaLink="true">{self.base}/news/{i.slug}/</guid>
      <pubDate>{format_datetime(i.published)}</pubDate>
      <dc:creator><![CDATA[{i.author}]]></dc:creator>
      <description><![CDATA[{i.paragraphs[0][:100]}]]></description>
    </item>
"""
            for i in self.rss
        )
        return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Coastline Weekly</title>
    <link>{self.base}/</link>
    <description>News from the coast</description>
    <lastBuildDate>{format_datetime(self.updated)}</lastBuildDate>
{items}  </channel>
</rss>
""".encode()

    def atom_xml(self) -> bytes:
        entries = "".join(
            f"""  <entry>
    <title>{i.title}</title>
    <link rel="alternate" type="text/html" href="/news/{i.slug}/"/>
    <id>tag:coastline,2025:{i.slug}</id>
    <published>{i.published.isoformat()}</published>
    <updated>{i.published.isoformat()}</updated>
    <author><name>{i.author}</name></author>
    <summary>{i.paragraphs[0][:100]}</summary>
  </entry>
"""
            for i in self.atom
        )
        return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{self.base}/">
  <title>Coastline Weekly</title>
  <link href="{self.base}/"/>
  <updated>{self.updated.isoformat()}</updated>
  <id>tag:coastline,2025:feed</id>
{entries}</feed>
""".encode()

    def answer(self, handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        path = urlsplit(handler.path).path
        if path in ("/rss.xml", "/atom.xml"):
            etag = f'"{path[1:5]}-v{self.version}"'
            modified = format_datetime(self.updated, usegmt=True)
            headers = {"ETag": etag, "Last-Modified": modified}
            if handler.headers.get("If-None-Match") == etag or (
                not handler.headers.get("If-None-Match") and handler.headers.get("If-Modified-Since") == modified
            ):
                return 304, headers, b""
            kind = "application/rss+xml" if path == "/rss.xml" else "application/atom+xml"
            body = self.rss_xml() if path == "/rss.xml" else self.atom_xml()
            return 200, {**headers, "Content-Type": f"{kind}; charset=utf-8"}, body
        for item in self.rss + self.atom:
            if path == f"/news/{item.slug}/" and item.slug in self.documents:
                return 200, {"Content-Type": "application/pdf"}, self.documents[item.slug]
            if path == f"/news/{item.slug}/" and item.slug not in self.gone:
                return 200, {"Content-Type": "text/html; charset=utf-8"}, self.page(item)
        return 404, {"Content-Type": "text/html"}, b"<html><body><h1>Not found</h1></body></html>"
