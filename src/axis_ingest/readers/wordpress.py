"""Reader for WordPress REST API JSON (source_format "wordpress_json").

Accepts what ``/wp-json/wp/v2/posts`` returns: one post object or a list of
them, with or without ``_embed``.  The structured fields are the most
trusted evidence there is, so they go first in each evidence list:
``date``/``date_gmt``/``modified``/``modified_gmt``, ``_embedded.author`` names,
Yoast's ``yoast_head_json``.  ``link`` is the URL (``guid`` is an internal
permalink such as ``?p=123``).  The excerpt is an automatic teaser, not a
standfirst, so it never becomes the subtitle.
"""

from __future__ import annotations

from typing import Any

from axis_ingest.clean.text import normalise_paragraphs
from axis_ingest.clean.wire_patterns import strip_trailers
from axis_ingest.clean.wp_html import DEK_FIELDS, html_to_paragraphs, html_to_text
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.sniff import parse_json, unwrap_post_list, wordpress_objects

# Metadata keys of embedded term names: the same keys the HTML reader uses for a page's
# categories and tags, so one query finds them whatever the source (docs/schema.md).
TERM_NAME_KEYS = {"category": "categories", "post_tag": "tags"}


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry: reads the JSON sniff parsed (`record.json_value`), never the text again."""
    return read_posts(record.json_value, record.raw)


def read_wordpress(text: str, raw: RawInput | None = None) -> list[Document]:
    """Every post in a WordPress REST response given as text (parsed here: for callers outside the pipeline)."""
    return read_posts(parse_json(text), raw)


def read_posts(data: Any, raw: RawInput | None = None) -> list[Document]:
    """Every post in a parsed WordPress REST response; posts without text are skipped, none at all is rejected."""
    posts = _posts(data)
    docs: list[Document] = []
    skipped: list[str] = []
    for item, post in enumerate(posts):
        doc = _read_post(post, item, raw)
        if doc.paragraphs:
            docs.append(doc)
        else:
            skipped.append(str(post.get("id", item)))
    if not docs:
        raise RejectedInput(
            f"WordPress JSON holds {len(posts)} post(s) but none has text in content.rendered "
            f"(post ids {', '.join(skipped[:10])}); password-protected or empty posts cannot be ingested"
        )
    return docs


def _posts(data: Any) -> list[dict[str, Any]]:
    data = unwrap_post_list(data)
    candidates = data if isinstance(data, list) else [data]
    posts = [c for c in candidates if isinstance(c, dict) and "content" in c]
    if posts and len(posts) == len(candidates):
        return posts
    shape = type(data).__name__
    sample = next((c for c in candidates if isinstance(c, dict)), None)
    keys = ", ".join(sorted(sample)[:8]) if sample else "none"
    hint = ""
    if (objects := wordpress_objects(data)) is not None:  # the sniffer's table of the API's other endpoints
        hint = f" This is a response of {objects}."
    elif sample and "code" in sample and "message" in sample:
        hint = f" This is a WordPress error response: {sample.get('message')}."
    raise RejectedInput(
        f"JSON is not a WordPress post or list of posts: expected objects with 'content.rendered' "
        f"(as returned by /wp-json/wp/v2/posts), found a {shape} with keys {keys}.{hint}"
    )


def _rendered(value: Any) -> str:
    """`{"rendered": "..."}` or a bare string (some exports flatten it); None -> ''."""
    if isinstance(value, dict):
        value = value.get("rendered") or value.get("raw")
    return value if isinstance(value, str) else ""


def _read_post(post: dict[str, Any], item: int, raw: RawInput | None) -> Document:
    doc = Document(source_format="wordpress_json", item=item, raw=raw)
    title = html_to_text(_rendered(post.get("title")))
    doc.title = (normalise_paragraphs([title]) or [None])[0]
    paragraphs, trailer = strip_trailers(html_to_paragraphs(_rendered(post.get("content"))))
    doc.paragraphs = normalise_paragraphs(paragraphs)
    doc.subtitle = _dek(post)
    yoast = post.get("yoast_head_json") if isinstance(post.get("yoast_head_json"), dict) else {}
    doc.url = _str(post.get("link")) or _str(yoast.get("canonical")) or _str(yoast.get("og_url"))

    ev = doc.evidence
    _add(ev.published, post.get("date"))
    _add(ev.published, yoast.get("article_published_time"))
    _add(ev.published_utc, post.get("date_gmt"))
    _add(ev.modified, post.get("modified"))
    _add(ev.modified, yoast.get("article_modified_time"))
    _add(ev.modified_utc, post.get("modified_gmt"))
    embedded = post.get("_embedded") if isinstance(post.get("_embedded"), dict) else {}
    for author in embedded.get("author") or []:
        if isinstance(author, dict) and "code" not in author:
            _add(ev.author_names, author.get("name"))
    _add(ev.author_names, yoast.get("author"))
    misc = yoast.get("twitter_misc") if isinstance(yoast.get("twitter_misc"), dict) else {}
    _add(ev.author_names, misc.get("Written by"))
    _add(ev.site_names, yoast.get("og_site_name"))
    _add(ev.language_hints, yoast.get("og_locale"))
    ev.origin_hints.extend(trailer.agencies)  # republished wire copy: "--IANS" at the end
    doc.metadata = _metadata(post, embedded, trailer.slugs)
    return doc


def _metadata(post: dict[str, Any], embedded: dict[str, Any], slugs: list[str]) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "wp_id": post.get("id"),
        "wp_type": post.get("type"),
        "wp_slug": post.get("slug"),
        "wp_author_id": post.get("author"),
        "wp_categories": post.get("categories") or [],
        "wp_tags": post.get("tags") or [],
        "wp_featured_media": post.get("featured_media") or None,
        "wp_guid": _rendered(post.get("guid")) or None,
        "wp_status": post.get("status"),
    }
    names: dict[str, list[str]] = {}
    for group in embedded.get("wp:term") or []:
        for term in group if isinstance(group, list) else []:
            if isinstance(term, dict) and term.get("name"):
                key = TERM_NAME_KEYS.get(term.get("taxonomy", ""), f"wp_{term.get('taxonomy', 'term')}_names")
                names.setdefault(key, []).append(html_to_text(str(term["name"])))
    meta.update(names)
    if slugs:
        meta["editor_slugs"] = slugs
    meta["provenance"] = {"title": "title.rendered", "url": "link" if post.get("link") else "yoast canonical"}
    return {k: v for k, v in meta.items() if v not in (None, "", [])}


def _dek(post: dict[str, Any]) -> str | None:
    for source in (post, post.get("meta"), post.get("acf")):
        if not isinstance(source, dict):
            continue
        for key in DEK_FIELDS:
            text = html_to_text(_rendered(source.get(key)))
            if text.strip():
                return normalise_paragraphs([text])[0]
    return None


def _str(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _add(target: list[str], value: Any) -> None:
    text = _str(value)
    if text and text not in target:
        target.append(text)
