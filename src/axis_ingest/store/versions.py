"""Link the versions of an edited story: an edited WordPress post is a new article, not an update.

Articles are immutable rows: their text, hash, signature and clean file never
change after they are stored.  When a post comes back with a new
`modified_gmt` and new text, the new text is a new `articles` row (the
near-duplicate index usually marks it `duplicate_of` the earlier version), and
`article_versions` records it as the next version of the same story, keyed by
the site and the post id.  An edit that leaves the text unchanged is an exact
duplicate and adds no version.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from sqlalchemy import Connection, select

from axis_ingest.document import Document
from axis_ingest.store.schema import ArticleVersion

_IN_CHUNK = 500


def story_key(doc: Document) -> str | None:
    """What stays the same across a story's edits: `wordpress:<host>:<post id>`; None when unknown."""
    post_id = doc.metadata.get("wp_id")
    host = (urlsplit(doc.url).hostname or "").lower().removeprefix("www.") if doc.url else ""
    if doc.source_format == "wordpress_json" and post_id is not None and host:
        return f"wordpress:{host}:{post_id}"
    return None


def link_versions(conn: Connection, docs: Sequence[Document], ids: Sequence[int]) -> int:
    """Add an `article_versions` row for each new article with a story key; returns how many are edits."""
    keyed = [(key, doc, aid) for doc, aid in zip(docs, ids, strict=True) if (key := story_key(doc))]
    if not keyed:
        return 0
    keys = sorted({key for key, _, _ in keyed})
    latest: dict[str, tuple[int, int]] = {}  # story key -> (version, article id)
    for start in range(0, len(keys), _IN_CHUNK):
        chunk = keys[start : start + _IN_CHUNK]
        stmt = select(ArticleVersion.story_key, ArticleVersion.version, ArticleVersion.article_id)
        for key, version, article_id in conn.execute(stmt.where(ArticleVersion.story_key.in_(chunk))):
            if key not in latest or version > latest[key][0]:
                latest[key] = (version, article_id)
    rows = []
    edits = 0
    # Within a batch, versions of one story go in the order of their modified time.
    for key, doc, article_id in sorted(keyed, key=lambda k: (k[0], k[1].modified_utc or "", k[2])):
        version, previous = latest.get(key, (0, None))
        edits += previous is not None
        rows.append(
            {
                "article_id": article_id,
                "story_key": key,
                "version": version + 1,
                "previous_id": previous,
                "modified_utc": doc.modified_utc,
            }
        )
        latest[key] = (version + 1, article_id)
    conn.execute(ArticleVersion.__table__.insert(), rows)
    return edits
