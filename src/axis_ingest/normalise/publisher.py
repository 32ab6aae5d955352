"""Who published this copy (publisher) and whose story it republishes (origin).

publisher: the site's own name (evidence.site_names, best first), the wire agency
for wire copy, else the URL's domain.  When the body refers to the site by name
("Caliber.Az reports per ..."), that editorial spelling wins over a lower-case
form from a copyright line.

origin: an outlet or agency the copy credits: a headline prefix ("WSJ: ..."),
a credit phrase in the lead ("reports per The Wall Street Journal", "citing
Reuters") or an agency in the dateline ("Brussels, March 4 (IANS)").  Unknown
names are only accepted after the strongest credit phrases; weaker ones
("according to X") need X to be a known outlet or agency, since they usually
cite people.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from axis_ingest.detectors import clean_site_name
from axis_ingest.document import Document
from axis_ingest.names.organisations import (
    agency_name,
    expand_abbreviation,
    find_agency_credit,
    name_key,
    outlet_name,
)

# How many leading paragraphs count as "the lead" where credits are printed.
LEAD_PARAGRAPHS = 3
# Longest credited name we accept (words); longer captures are clauses, not names.
MAX_ORIGIN_WORDS = 7

_NAME = r"((?:[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|the|and|&|[A-Z][\w.&'’-]*)){0,6})"
# Credit phrases that name the source outlet on their own (any proper name is accepted).
_STRONG = re.compile(
    rf"\b(?:reports?|reported|writes|wrote|said)\s+(?:per|citing)\s+{_NAME}"
    rf"|\bas\s+(?:first\s+)?reported\s+by\s+{_NAME}"
    rf"|\b(?:via|courtesy\s+of|source:)\s+{_NAME}"
)
# Weaker phrases: accepted only for known outlets/agencies.
_WEAK = re.compile(rf"\b(?:per|citing|according\s+to|reported\s+by|told)\s+{_NAME}")
# "<Name> reports per ..." - the publisher naming itself in its lead.
_SELF = re.compile(
    r"([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+(?:reports?|reported|writes|learned)\s+(?:per|citing)\b"
)
_HEADLINE_PREFIX = re.compile(r"^\s*([A-Za-z][\w.&]{1,12})\s*:\s+\S")


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    return host.removeprefix("www.") if host else None


def _lead(doc: Document) -> str:
    return "\n".join(p for p in doc.paragraphs[:LEAD_PARAGRAPHS] if p)


def _trim_name(name: str) -> str:
    words = name.split()[:MAX_ORIGIN_WORDS]
    while words and words[-1].lower() in ("the", "of", "and", "&"):
        words.pop()
    if words and words[0] == "the":
        words[0] = "The"
    return " ".join(words).rstrip(".,;:")


def _known(name: str) -> str | None:
    return agency_name(name) or outlet_name(name) or expand_abbreviation(name)


def find_origin(doc: Document) -> str | None:
    """The outlet or agency this copy credits, or None.

    Wire copy credits the agency in its dateline ("Lagos, Jan 9 (Reuters) -"); the wire reader
    records it as metadata["agency"], and it outranks names cited later in the story.
    """
    # wire copy, or wire copy reprinted on a page (its dateline read by the scraped reader)
    credited = doc.metadata.get("agency") if doc.source_format == "wire_text" or doc.dateline else None
    if isinstance(credited, str) and credited.strip():
        return agency_name(credited) or credited.strip()
    for hint in doc.evidence.origin_hints:
        found = _origin_in(hint) or _known(hint.strip())
        if found:
            return found
    if doc.title:
        prefix = _HEADLINE_PREFIX.match(doc.title)
        if prefix and expand_abbreviation(prefix.group(1)):
            return expand_abbreviation(prefix.group(1))
    lead = _lead(doc)
    found = _origin_in(lead)
    if found:
        return found
    if doc.dateline or doc.source_format == "wire_text":
        return find_agency_credit(lead)
    return find_agency_credit(doc.paragraphs[0]) if doc.paragraphs else None


def _origin_in(text: str) -> str | None:
    for match in _STRONG.finditer(text):
        name = _trim_name(next(g for g in match.groups() if g))
        if name:
            return _known(name) or name
    for match in _WEAK.finditer(text):
        name = _trim_name(match.group(1))
        known = _known(name)
        if known:
            return known
    return None


def _self_reference(doc: Document) -> str | None:
    match = _SELF.search(_lead(doc))
    return match.group(1) if match else None


def _same_site(mention: str, site: str) -> bool:
    """ "Caliber.Az" ~ "Caliber.az"; "Baku Daily Post" ~ "bakudailypost.az" (a domain without its suffix)."""
    bare = re.sub(r"\.[a-z]{2,6}(?:\.[a-z]{2})?$", "", site.strip().lower()) if " " not in site.strip() else site
    return name_key(mention) in (name_key(site), name_key(bare))


def choose_publisher(doc: Document) -> str | None:
    """Who published this copy: the site's name, the agency for wire copy, else the domain."""
    domain = domain_of(doc.url)
    mention = _self_reference(doc)
    for printed in doc.evidence.site_names:
        site = clean_site_name(printed)
        if not site:
            continue
        if mention and _same_site(mention, site):
            return mention
        return agency_name(site) or site
    if doc.source_format == "wire_text":
        agency = find_agency_credit(_lead(doc)) or next(
            (agency_name(h) for h in doc.evidence.origin_hints if agency_name(h)), None
        )
        if agency:
            return agency
    if mention and domain and _same_site(mention, domain):
        return mention
    return domain
