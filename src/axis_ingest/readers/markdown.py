"""Reader for Markdown (source_format "markdown"): articles saved as .md by clippers, reader services and
LLM-oriented scrapers ("# Headline", "**By Jane Doe** | 14 March 2026", links as "[text](url)").

Read as text, the markup stayed in the body ("**£4.2 million**", "[harbour budget](https://...)") and the
headline kept its "# ".  markdown-it-py (CommonMark, the parser behind rich and MyST) renders it to HTML, and
the HTML reader's fragment path reads that: the first heading is the title, a byline and date line under
it are evidence, paragraphs, list items and quotes are the body.

Clippers (Obsidian's Web Clipper, MarkDownload) put the page's metadata in YAML front matter between
"---" lines: its title, source URL, author and publication date are read from there (`FRONT_MATTER_KEYS`).
Jina Reader's output opens with "Title:", "URL Source:" and "Published Time:" lines before "Markdown Content:",
read the same way.

A reader service's Markdown of a whole page (Jina Reader's default, Firecrawl's without its main-content option)
holds the page's menus, teasers and footers with the article, each link a line of its own (`_lines_of_links`).  Its
headline, dates and bylines are read as a page's are, with the service's title as the page's <title> (a title
with the site's name after it, which the headline agrees with): as a fragment, the title was the service's title
as it stood.  Its body is what the page-text reader (`readers.scraped`) finds in its blocks without the lines of
links alone: rendered Markdown has no containers for an extractor to choose between, and a page's teasers,
appeals and footers are paragraphs of text, as in a page copied from a browser.
"""

from __future__ import annotations

import html
import re
from functools import cache

import yaml
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.readers.html import read_html
from axis_ingest.readers.html_output import fragment_paragraphs
from axis_ingest.readers.scraped import read_scraped
from axis_ingest.sniff import FRONT_MATTER, FRONT_MATTER_KEYS, MARKDOWN_SERVICE_HEADER

# A whole page rendered as Markdown holds its menus and footers as lines of links alone ("*   [News](/news)",
# "[![logo](/logo.svg)](/)[Home](/)[Pricing](/#pricing)"); an article clipped as Markdown holds a few at most.
# WCXB's 709 article pages of 2025 rendered as Jina Reader renders them (`bench/wcxb.py --kind markdown`): 685
# hold 5 or more such lines; the clippers' articles of the tests 0 or 1.
MIN_PAGE_LINK_LINES = 5
_LINK = r"!?\[(?:[^\[\]\n]|\[[^\]\n]*\])*\]\([^)\n]*\)"  # "[text](url)", "![alt](src)", "[![alt](src)](url)"
_LINKS_ALONE = re.compile(rf"^[ \t]*(?:[*+-]|\d+[.)])?[ \t]*(?:{_LINK}[ \t]*)+$", re.M)
_TEXT_LINK = re.compile(r"(?<!!)\[")


# A reader service's header fields (see `sniff.MARKDOWN_SERVICE_HEADER`), as front matter keys.
_SERVICE_FIELD = re.compile(r"^(Title|URL Source|Published Time):[ \t]*(.*?)[ \t]*$", re.M)
_SERVICE_KEYS = {"Title": "title", "URL Source": "source", "Published Time": "published"}


@cache
def _renderer() -> MarkdownIt:
    # Raw HTML in the Markdown (a clipper's <iframe> embed, a caption <div>) passes through to the HTML reader,
    # which drops scripts and embeds: rendered as text, the tags stood in the body as "<iframe src=...>".
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry (see `axis_ingest.readers`)."""
    return read_markdown(record.text, record.raw)


def read_markdown(text: str, raw: RawInput | None = None) -> list[Document]:
    """One Markdown article -> one Document; RejectedInput when it holds no article text."""
    front, text = _front_matter(text)
    title = _first(front, "title")
    links = _lines_of_links(text)
    if len(links) >= MIN_PAGE_LINK_LINES:  # Markdown of a whole web page rather than of an article
        head = f"<title>{html.escape(title)}</title>" if title else ""
        page = f"<!DOCTYPE html><html><head>{head}</head><body>{_renderer().render(text)}</body></html>"
        blocks = _body_blocks(text, links)
        documents = read_html(page, raw, body_blocks=blocks)
        if body := _page_text_body(blocks):
            for doc in documents:
                doc.paragraphs = body
    else:
        documents = read_html(_renderer().render(text), raw)
        for doc in documents:
            doc.title = title or doc.title
    for doc in documents:
        doc.source_format = "markdown"
        if url := _first(front, "url"):
            doc.url = url
            doc.metadata["url"] = url
        for author in _values(front, "author"):
            doc.evidence.author_names.append(author)
        if published := _first(front, "published"):
            doc.evidence.published.insert(0, published)
    return documents


def _lines_of_links(markdown: str) -> list[re.Match[str]]:
    """The lines that hold links alone (a menu's entries, a teaser list's headlines, a footer's row of links),
    images alone not counted: a whole page's Markdown holds MIN_PAGE_LINK_LINES of them or more."""
    return [line for line in _LINKS_ALONE.finditer(markdown) if _TEXT_LINK.search(line.group(0))]


def _body_blocks(markdown: str, links: list[re.Match[str]]) -> str:
    """The whole page's blocks that may be its article's, as HTML: without its lines of links alone (a page's
    menus, teaser lists and footer rows; an image alone stays: the body drops it, a caption under it is the
    article's), and without the headings left with nothing under them ("Most read", "Share this article" over
    the links that went)."""
    starts, ends = [0, *(line.end() for line in links)], [*(line.start() for line in links), len(markdown)]
    md = _renderer()
    tokens = md.parse("".join(markdown[start:end] for start, end in zip(starts, ends, strict=True)))
    # markdown-it writes a heading as three tokens: heading_open, its inline text, heading_close
    empty = {
        i + offset
        for i, token in enumerate(tokens)
        if token.type == "heading_open" and token.level == 0
        and (i + 3 == len(tokens) or tokens[i + 3].type == "heading_open")
        for offset in range(3)
    }  # fmt: skip
    return md.renderer.render([token for i, token in enumerate(tokens) if i not in empty], md.options, {})


def _page_text_body(blocks: str) -> list[str] | None:
    """The body the page-text reader finds in the text of a whole page's blocks, or None where it finds no
    article (the blocks pruned as a fragment's are stay the body then).  A page's teasers with their summaries,
    its appeals and its footer's sentences are paragraphs of text that the fragment's pruning keeps: with the
    page-text reader's classifier, WCXB's pages as Markdown body F1 0.8538 -> 0.8766 / 0.8604 -> 0.8914 (halves
    a / b), fundus's 0.7637 -> 0.8818 / 0.7684 -> 0.8610."""
    lines = fragment_paragraphs(lxml_html.fragment_fromstring(blocks, create_parent="div"))
    try:
        return read_scraped("\n\n".join(lines))[0].paragraphs
    except RejectedInput:
        return None


def _front_matter(text: str) -> tuple[dict[str, object], str]:
    """(the YAML front matter, or a reader service's header, as a mapping; the Markdown after it), or
    ({}, text) without either."""
    service = MARKDOWN_SERVICE_HEADER.match(text)
    if service is not None:
        fields = dict(_SERVICE_FIELD.findall(service.group(0)))
        front = {key: fields[name] for name, key in _SERVICE_KEYS.items() if fields.get(name)}
        return front, text[service.end() :]
    match = FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        values = yaml.safe_load(match.group(1))
    except yaml.YAMLError:  # a "---" rule over text, not front matter: the text is read as it is
        return {}, text
    if not isinstance(values, dict):
        return {}, text
    return {str(key).casefold(): value for key, value in values.items()}, text[match.end() :]


def _values(front: dict[str, object], field: str) -> list[str]:
    """The front matter's strings for a field: a value, or each string of a list ("[[Jane Doe]]" links unwrapped)."""
    for key in FRONT_MATTER_KEYS[field]:
        value = front.get(key)
        items = value if isinstance(value, list) else [value]
        found = [" ".join(str(item).strip("[] ").split()) for item in items if item not in (None, "")]
        if found:
            return found
    return []


def _first(front: dict[str, object], field: str) -> str | None:
    values = _values(front, field)
    return values[0] if values else None
