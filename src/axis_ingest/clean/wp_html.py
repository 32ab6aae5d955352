"""WordPress ``content.rendered`` HTML -> clean body paragraphs.

Rendered post HTML is mostly clean, but real sites leak: block delimiters
(``<!-- wp:paragraph -->``) from exports, shortcodes that a disabled plugin no
longer expands (``[caption]...[/caption]``, page-builder ``[vc_column_text]``),
double-escaped entities, empty ``&nbsp;`` paragraphs, images and their captions,
embeds and scripts.  The HTML is parsed with lxml's HTML parser (the parser
BeautifulSoup used here before, without its Python tree: ~4x faster per post);
shortcodes are not HTML, so they are removed from the text with patterns first.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement, HTMLParser

from axis_ingest.detectors import data_table


def _tables() -> dict[str, frozenset[str]]:
    return {key: frozenset(value.split()) for key, value in data_table("wordpress.toml").items()}


_TABLES = _tables()  # data/wordpress.toml
DROP_WITH_CONTENT = _TABLES["drop_with_content"]
DROP_TAGS = sorted(_TABLES["drop_tags"])
DROP_CLASSES = tuple(sorted(_TABLES["drop_classes"]))
BLOCK_TAGS = _TABLES["block_tags"]
DEK_FIELDS = tuple(sorted(_TABLES["dek_fields"]))

_SHORTCODE_NAME = r"[A-Za-z_][\w-]*"
_SHORTCODE_TAG = re.compile(rf"\[(/?)({_SHORTCODE_NAME})((?:\s[^\[\]]*)?)(/?)\]")
_STRAY_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_PARSER = HTMLParser()
_ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|[A-Za-z]{2,10});")
# Compiled once, in the order the set iterates (the substitutions run one after the other, as before).
_DROP_WITH_CONTENT_PATTERNS = tuple(
    re.compile(rf"\[{re.escape(name)}\b[^\]]*\].*?\[/{re.escape(name)}\]", re.DOTALL | re.IGNORECASE)
    for name in DROP_WITH_CONTENT
)


def strip_shortcodes(text: str) -> str:
    """Remove leaked shortcodes; keep the text wrapped by layout shortcodes.

    A bracketed word is a shortcode only when it is closed (``[/name]``) somewhere,
    carries attributes, has a builder-style name (``vc_row``, ``et_pb_text``), or
    is a known media shortcode - so ``[sic]`` and ``[1]`` are left alone.
    """
    if "[" not in text:  # every pattern here starts with a bracket (most posts hold none)
        return text
    for pattern in _DROP_WITH_CONTENT_PATTERNS:
        text = pattern.sub(" ", text)
    closed = {m.group(2).lower() for m in _SHORTCODE_TAG.finditer(text) if m.group(1)}

    def replace(match: re.Match[str]) -> str:
        name = match.group(2).lower()
        attrs = match.group(3) or ""
        if name in closed or name in DROP_WITH_CONTENT or "_" in name or "=" in attrs or match.group(4):
            return " "
        return match.group(0)

    return _SHORTCODE_TAG.sub(replace, text)


def _drop_noise(root: HtmlElement) -> None:
    """Drop comments, DROP_TAGS and elements with a DROP_CLASSES class; the text after each stays."""
    doomed = [node for node in root.iter() if not isinstance(node.tag, str)]  # comments, PIs
    doomed += root.iter(*DROP_TAGS)
    for node in root.iter():
        classes = node.get("class") if isinstance(node.tag, str) else None
        if classes and any(name in " ".join(classes.split()) for name in DROP_CLASSES):
            doomed.append(node)
    for node in doomed:
        if node is not root and node.getparent() is not None:
            node.drop_tree()


def _paragraphs_of(root: HtmlElement) -> list[str]:
    """Walk the tree; every block element and <br> ends a paragraph; <li> starts with '- '."""
    out: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buffer).split())
        if text:
            out.append(text)
        buffer.clear()

    def walk(node: HtmlElement) -> None:
        if node.text:
            buffer.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                name = child.tag.lower()
                if name == "br":
                    flush()
                elif name in BLOCK_TAGS:
                    flush()
                    if name == "li":
                        buffer.append("- ")
                    walk(child)
                    flush()
                else:
                    walk(child)
            if child.tail:
                buffer.append(child.tail)

    walk(root)
    flush()
    return out


def _clean_text(paragraph: str) -> str:
    """Leftovers that survive parsing: double-escaped entities and tags, literal \\uXXXX escapes."""
    if "\\u" in paragraph:
        paragraph = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), paragraph)
    if "<" in paragraph and _STRAY_TAG.search(paragraph):
        paragraph = _STRAY_TAG.sub(" ", paragraph)
    return paragraph


def html_to_paragraphs(html: str) -> list[str]:
    """Rendered post HTML -> paragraphs (not yet passed through `normalise_paragraphs`)."""
    if not html or not html.strip():
        return []
    html = strip_shortcodes(html)
    document = etree.fromstring(html, _PARSER)
    if document is None:  # only comments or whitespace
        return []
    root = document.find("body")
    root = document if root is None else root
    _drop_noise(root)
    paragraphs = []
    for paragraph in _paragraphs_of(root):
        paragraph = _clean_text(paragraph)
        if _ENTITY.search(paragraph) or "[" in paragraph:
            paragraph = strip_shortcodes(paragraph)
        if paragraph.strip(" -\u00a0"):
            paragraphs.append(paragraph)
    return paragraphs


def html_to_text(html: str) -> str:
    """A short HTML fragment (a title, an excerpt) as one line of text."""
    return " ".join(html_to_paragraphs(html))
