"""What the place a raw file was fetched from says about it: a feed item's title, date, author and link.

A harvested page is saved as served, so the feed's own statements about it
cannot live in the file; they are recorded in the database (`feed_items`) and
reach the pipeline beside the file's bytes, looked up by its SHA-256.  They are
evidence like any other: the page's own structured data ranks first, the feed's
statements come after it (but before a page-wide guess), and a field the page
lacks (title, URL, structured author) is filled from them.
"""

from __future__ import annotations

from axis_ingest.document import Document, FetchedEvidence

__all__ = ["FetchedEvidence", "apply_fetched_evidence"]


def apply_fetched_evidence(doc: Document, fetched: FetchedEvidence) -> None:
    """Add the feed item's statements to a document read from the page (before normalisation)."""
    evidence = doc.evidence
    if fetched.published and fetched.published not in evidence.published:
        evidence.published.append(fetched.published)
    # Every structured name becomes an author: the feed's is added only where the page names nobody
    # in its structured data, so one person spelt two ways ("Ines"/"Inês") is not listed twice.
    if fetched.author and not evidence.author_names:
        evidence.author_names.append(fetched.author)
    if fetched.title and (not doc.title or doc.title_derived):
        doc.title, doc.title_derived = fetched.title, False
    if fetched.url and not doc.url:
        doc.url = fetched.url
    stated = {key: value for key in ("url", "title", "published", "author") if (value := getattr(fetched, key))}
    if stated:
        doc.metadata.setdefault("feed_item", stated)
