"""Metadata evidence from an HTML page: title, URL, dates, authors, site name, language.

This is the metadata half of HTML reading (the body half is `readers.html`),
following trafilatura's core/metadata split.  It gathers evidence as printed;
`axis_ingest.normalise` parses and chooses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trafilatura import extract_metadata

from axis_ingest.document import Evidence


@dataclass(slots=True)
class HtmlMeta:
    title: str | None = None
    subtitle: str | None = None
    url: str | None = None
    hostname: str | None = None
    evidence: Evidence = field(default_factory=Evidence)
    extra: dict[str, object] = field(default_factory=dict)  # categories, tags, image -> Document.metadata


def html_metadata(html: str, url: str | None = None) -> HtmlMeta:
    """Read metadata evidence with trafilatura's metadata extractor (JSON-LD, OpenGraph, meta tags, htmldate)."""
    meta = HtmlMeta(url=url)
    found = extract_metadata(html, default_url=url)
    if found is None:
        return meta
    meta.title = found.title or None
    meta.url = found.url or url
    meta.hostname = found.hostname or None
    if found.date:
        meta.evidence.published.append(found.date)
    if found.author:
        meta.evidence.bylines.extend(part.strip() for part in found.author.split(";") if part.strip())
    if found.sitename:
        meta.evidence.site_names.append(found.sitename)
    if found.categories:
        meta.extra["categories"] = list(found.categories)
    if found.tags:
        meta.extra["tags"] = list(found.tags)
    return meta
