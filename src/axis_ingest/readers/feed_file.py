"""Reader for an RSS or Atom feed saved as a file (source_format "feed").

A WordPress site's feed (/feed/) carries each post's full text in `content:encoded`, and so do many blogs' and
some newsrooms' feeds: a saved feed is a list of articles, as a WordPress REST response is.  feedparser (the
harvester's parser too) reads RSS 0.9x-2.0, RDF and Atom from the file's bytes with their declared encoding.
An entry's full text is its content (`content:encoded`, Atom `<content>`), or a summary long enough to be the
text (feeds that put the whole post in `<description>`); a summary cut short ("[…]", a WordPress excerpt) is
a teaser, not the article: an entry with only that is skipped, and a feed of nothing else is rejected with
what to do instead (harvest the feed, which fetches each entry's page).  The entry's title, link, date and
author are evidence, the feed's title names the site.  sniff sends only a feed without a DOCTYPE here, so no
entity can be declared in it.
"""

from __future__ import annotations

import io
import re
from typing import Any

import feedparser

from axis_ingest.clean.text import normalise_paragraphs
from axis_ingest.clean.wp_html import html_to_paragraphs
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput

# A summary this long is the post's text (feeds that print it all in <description>); shorter, a teaser.
MIN_SUMMARY_TEXT_WORDS = 150
# The end of an excerpt: WordPress's " [&hellip;]", "…", "Read more", "Continue reading".
_EXCERPT_END = re.compile(r"(?:\[(?:…|\.\.\.|&hellip;|&#8230;)\]|…|\bread more|\bcontinue reading)\W*$", re.I)


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry; a tool that read the file as text passes no bytes."""
    return read_feed(record.data or record.text.encode("utf-8"), record.raw)


def read_feed(data: bytes, raw: RawInput | None = None) -> list[Document]:
    """One Document per entry with its full text; RejectedInput when no entry has one."""
    # a stream, never bytes or text: feedparser would try those as a file name or a URL to fetch first
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    entries = list(parsed.entries)
    if not entries:
        raise RejectedInput("a feed without entries (or one feedparser cannot read): nothing to ingest")
    site = (parsed.feed.get("title") or "").strip()
    language = (parsed.feed.get("language") or "").strip()
    docs = []
    for entry in entries:
        html = _full_text(entry)
        if html is None:
            continue
        doc = Document(source_format="feed", raw=raw, item=len(docs))
        doc.paragraphs = normalise_paragraphs(html_to_paragraphs(html))
        if not doc.paragraphs:
            continue
        if title := normalise_paragraphs([entry.get("title") or ""]):
            doc.title = title[0]
        doc.url = (entry.get("link") or "").strip() or None
        if date := entry.get("published") or entry.get("updated"):
            doc.evidence.claim_date(date, "feed")
        if author := (entry.get("author_detail") or {}).get("name") or entry.get("author"):
            doc.evidence.claim_byline(author, "feed")
        if site:
            doc.evidence.site_names.append(site)
        if language:
            doc.evidence.language_hints.append(language)
        docs.append(doc)
    if not docs:
        raise RejectedInput(
            f"a feed of {len(entries)} {'entry' if len(entries) == 1 else 'entries'} with summaries only, not the "
            "articles' text: harvest it "
            "(`axis-ingest harvest feed`), which fetches each entry's page"
        )
    return docs


def _full_text(entry: Any) -> str | None:
    """The entry's full text as HTML: its content, else a summary long enough and not cut short."""
    contents = [part.get("value") or "" for part in entry.get("content") or []]
    if html := max(contents, key=len, default=""):
        return html
    summary = entry.get("summary") or ""
    words = len(re.sub(r"<[^>]+>", " ", summary).split())
    return summary if words >= MIN_SUMMARY_TEXT_WORDS and not _EXCERPT_END.search(summary) else None
