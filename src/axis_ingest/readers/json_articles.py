"""Reader for articles in JSON that is not a WordPress post (source_format "json_articles").

Analysts export articles as schema.org JSON-LD (a page's NewsArticle saved alone, a CMS's or an archive's
export) and pull them from news APIs (NewsAPI, the Guardian's Content API, Event Registry).  Each object
with a title and a body is one article; the field names of those shapes are data (data/json_articles.toml),
not code.  A body in HTML (the Guardian's `fields.body`) goes through the WordPress reader's HTML cleaner, a
body in text is split at its blank lines (or lines).  Structured fields are evidence as the WordPress
reader's are: the date, the authors (a string, a list, or objects with a name), the publisher, the URL.

A news API's search result often carries only a snippet ("Dock workers returned to work … [+2345 chars]",
NewsAPI's content field cut at 200 characters): that is no article, and an object with only that is skipped;
a file of nothing else is rejected with what to do instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from axis_ingest.clean.text import normalise_paragraphs, repair_text, split_paragraphs
from axis_ingest.clean.wp_html import html_to_paragraphs
from axis_ingest.detectors import data_table, machine_date
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.sniff import json_articles, json_field, parse_json, tag_density

# NewsAPI cuts `content` to 200 characters and says how much is missing: "… [+2345 chars]".
_TRUNCATED = re.compile(r"\[\+\d+ chars\]\s*$")
# A body in HTML: as many tags per 1,000 characters as sniff asks of an HTML fragment, or it opens with a tag.
MIN_HTML_TAG_DENSITY = 4.0


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry: reads the JSON sniff parsed (`record.json_value`), never the text again."""
    return read_articles(record.json_value, record.raw)


def read_json_articles(text: str, raw: RawInput | None = None) -> list[Document]:
    """Every article in JSON given as text (parsed here: for callers outside the pipeline)."""
    return read_articles(parse_json(text), raw)


def read_articles(value: Any, raw: RawInput | None = None) -> list[Document]:
    """One Document per article object with a body; RejectedInput when none has one."""
    fields = data_table("json_articles.toml")["fields"]
    items = json_articles(value)
    docs, snippets = [], 0
    for item in items:
        body = _first_text(item, fields["body"])
        if body is None or _TRUNCATED.search(body):
            snippets += body is not None
            continue
        doc = _article(item, body, fields, raw)
        if doc.paragraphs:
            doc.item = len(docs)
            docs.append(doc)
    if not docs:
        if snippets:
            raise RejectedInput(
                f"JSON of {len(items)} article(s) whose bodies are snippets cut short by the API ('[+N chars]'): "
                "save the articles' pages (their urls), harvest the outlets' feeds (`axis-ingest harvest feed`), "
                "or ask the API for full text"
            )
        raise RejectedInput(f"JSON of {len(items)} article object(s), none with body text")
    return docs


def _article(item: dict[str, Any], body: str, fields: dict[str, list[str]], raw: RawInput | None) -> Document:
    doc = Document(source_format="json_articles", raw=raw)
    is_html = body.lstrip().startswith("<") or tag_density(body) >= MIN_HTML_TAG_DENSITY
    paragraphs = html_to_paragraphs(body) if is_html else split_paragraphs(repair_text(body).replace("\r\n", "\n"))
    doc.paragraphs = normalise_paragraphs(paragraphs)
    if title := normalise_paragraphs([_first_text(item, fields["title"]) or ""]):
        doc.title = title[0]
    doc.url = _first_text(item, fields["url"])
    evidence = doc.evidence
    for key in ("published", "modified"):  # as the HTML reader reads JSON-LD's: Unix times, lists, @value
        if date := machine_date(_first(item, fields[key])):
            evidence.claim_date(date, "json", modified=key == "modified")
    for name, person in _names(_first(item, fields["authors"])):
        evidence.claim_byline(name, "json", person=person)  # a Person object's name; a string is a byline
    for name, _ in _names(_first(item, fields["publisher"], accept=_no_address)):
        evidence.site_names.append(name)
    if language := _first_text(item, fields["language"]):
        evidence.language_hints.append(language)
    return doc


def _first(item: dict[str, Any], paths: list[str], accept: Callable[[Any], bool] = lambda value: True) -> Any:
    return next(
        (value for path in paths if (value := json_field(item, path)) not in (None, "", [], {}) and accept(value)),
        None,
    )


def _no_address(value: Any) -> bool:
    """A publisher's field that holds no web address: trafilatura's JSON names the page's address "source",
    where NewsAPI's "source" is the outlet."""
    return not (isinstance(value, str) and value.lstrip().startswith(("http://", "https://")))


def _first_text(item: dict[str, Any], paths: list[str]) -> str | None:
    value = next((v for path in paths if isinstance(v := json_field(item, path), str) and v.strip()), None)
    return value.strip() if value else None


def _names(value: Any) -> list[tuple[str, bool]]:
    """(name, one person's name) from a string (a byline as printed), a list, or objects with a name or title
    (schema.org Person or Organization, NewsAPI's source, Event Registry's authors).  A list's strings are one
    name each (news-please's `"authors": ["Tom Hale", "Ines Roth"]`): as bylines, only the first was kept."""
    if isinstance(value, str):
        return [(value.strip(), False)] if value.strip() else []
    if isinstance(value, dict):
        name = value.get("name") or value.get("title")
        return [(name.strip(), True)] if isinstance(name, str) and name.strip() else []
    if isinstance(value, list):
        return [(name, True) for entry in value for name, _ in _names(entry)]
    return []
