"""Paragraphs of an HTML body, each paragraph, heading, list item and table row its own.

trafilatura's XML-like output tree is walked (`output_paragraphs`), and a fragment (no <html>/<body>: a
snippet saved from a CMS, an e-mail's HTML part) is walked directly (`fragment_paragraphs`): it has no chrome
to detect, and trafilatura drops its headings and lists.  A <br> is a hard wrap or a paragraph break
(`join_line_breaks`).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from axis_ingest.detectors import MAX_BYLINE_WORDS
from axis_ingest.names.bylines import parse_byline
from axis_ingest.readers.html_prune import ENDS_WITH_SENTENCE_MARK, rules, squash

_BREAK = "\x00"  # marks a <br> while collecting a fragment's text
_BULLET_START = re.compile(r"^[-–—•*·]\s")
SKIP_TAGS = {"script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "svg"}
_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dt", "dd",
    "figcaption", "div", "section", "article", "ul", "ol", "table", "header", "main",
}  # fmt: skip


# --- body from trafilatura's output tree -------------------------------------------------


def join_line_breaks(lines: list[str]) -> list[str]:
    """Lines split at <br>: a break after a sentence end (or before a bullet) starts a new paragraph, and so does
    one after a byline ("Von Roland Brockmann und Sebastian Drescher<br>Kakuma /Kenia": joined, the place became
    part of a name and the byline was lost); any other break is a hard wrap inside one (trafilatura collapses
    <br><br> into one break)."""
    out: list[str] = []
    for line in lines:
        text = squash(line)
        if not text:
            continue
        if (
            out
            and not ENDS_WITH_SENTENCE_MARK.search(out[-1])
            and not _BULLET_START.match(text)
            and not _names_people(out[-1])
        ):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def _names_people(line: str) -> bool:
    """A byline of people on a line of its own ("By Ana Lima and Tom Berg", "Von Roland Brockmann")."""
    return len(line.split()) <= MAX_BYLINE_WORDS and bool(rules().byline.fullmatch(line)) and bool(parse_byline(line))


# Blocks trafilatura leaves inside a list item or paragraph (a product card's <head> and <p>s, a spec table's
# <th>/<td> inside an <item>): each is a segment of its own, joined as <br> lines are (`join_line_breaks`).  Read
# as inline text they ran together ("SimpliSafe's FeaturesLive monitoring ...").
_BLOCKS_IN_ITEMS = frozenset({"p", "head", "quote", "code", "table", "row", "cell", "th", "td", "div"})


def _inline_segments(element: etree._Element, out: list[str], prefix: str = "") -> None:
    """Text of a paragraph-like element; <lb/> splits it (sites use <br><br> as paragraph breaks), and so does a
    block trafilatura left inside it.  A list nested in a list item follows the item's text before it."""
    segments: list[list[str]] = [[]]

    def flush() -> None:
        out.extend(prefix + text for text in join_line_breaks(["".join(seg) for seg in segments]))
        segments[:] = [[]]

    def visit(node: etree._Element, top: bool, tail: bool = True) -> None:
        if not top and node.tag == "lb":
            segments.append([])
            if node.tail:
                segments[-1].append(node.tail)
            return
        if node.text:
            segments[-1].append(node.text)
        for child in node:
            if child.tag == "list":
                flush()
                _walk_output(child, out)
                if child.tail:
                    segments[-1].append(child.tail)
                continue
            if child.tag in _BLOCKS_IN_ITEMS:
                segments.append([])
                visit(child, False, tail=False)
                segments.append([child.tail] if child.tail else [])
                continue
            visit(child, False)
        if not top and tail and node.tail:
            segments[-1].append(node.tail)

    visit(element, True)
    flush()


# trafilatura's output: the elements that are one paragraph each, and the blocks a container may hold.
_PARAGRAPH_TAGS = frozenset({"p", "head", "item", "row", "cell", "code", "lb", "graphic"})
_BLOCK_OUTPUT_TAGS = frozenset({"p", "head", "list", "table", "quote", "div", "section", "article", "code"})


def _walk_output(element: etree._Element, out: list[str], lead: str | None = None) -> None:
    """The paragraphs of a body or a container of blocks.  Text between the blocks (`lead`, the container's own
    text, and a block's tail) runs to the next block, split at the <lb/>s in it and joined as a paragraph's <br>
    lines are (`join_line_breaks`): a quotation printed as "...ask the council<br>to reopen the footbridge
    before winter,<br>..." over a <p> of its signatories lost every line after its first."""
    lines = [lead] if lead else []

    def flush() -> None:
        out.extend(join_line_breaks(lines))
        lines.clear()

    for child in element:
        tag = child.tag
        if tag == "lb":
            lines.append(child.tail or "")
            continue
        flush()
        if tag in ("list", "table"):
            _walk_output(child, out)
        elif tag == "item":
            _inline_segments(child, out, prefix="- ")
        elif tag == "row":
            _walk_row(child, out)
        elif (tag == "quote" or tag not in _PARAGRAPH_TAGS) and any(c.tag in _BLOCK_OUTPUT_TAGS for c in child):
            # a quotation of paragraphs, or a container trafilatura's fallbacks leave in its output (readability's
            # <div> around the article's <p>s): its blocks are paragraphs, not one run-together paragraph
            _walk_blocks(child, out)
        elif tag != "graphic":
            _inline_segments(child, out)
        if child.tail:
            lines.append(child.tail)
    flush()


# A table cell holding a table or two or more blocks (paragraphs, headings, lists, quotations) is a layout table's
# cell: pages of the 2000s set the whole article in one (Paul Graham's essays, <td><p>October 2010<br><br>Silicon
# Valley ...).  A data table's cell holds a value, which a CMS wraps in one <p> (WCXB's price and rating tables).
_LAYOUT_CELL = etree.XPath("boolean(table) or count(p | head | list | quote) >= 2")
# Elements inside a data cell whose text is a word of its own: a line break, and the blocks trafilatura keeps there
# (a <br> in a cell comes out as a <p>).  Not <code> nor <quote>, which trafilatura also makes of inline <code> and
# <q> ("<code>U+0000</code>–<code>U+007F</code>", WCXB).
_SPACED_IN_CELLS = frozenset({"lb", "p", "head", "list", "item", "table", "row", "cell", "div"})


def _walk_blocks(element: etree._Element, out: list[str]) -> None:
    """A container's own text, then its blocks, each a paragraph."""
    _walk_output(element, out, lead=element.text)


def _walk_row(row: etree._Element, out: list[str]) -> None:
    """A data table's row is one line of its cells' text ("Party | Votes"); in a layout table's row a cell that
    holds the article's blocks (`_LAYOUT_CELL`) gives them as paragraphs, and each other cell is a line."""
    layout = [bool(_LAYOUT_CELL(cell)) for cell in row]
    if not any(layout):
        if line := " | ".join(text for cell in row if (text := _cell_text(cell))):
            out.append(line)
        return
    for cell, holds_blocks in zip(row, layout, strict=True):
        if holds_blocks:
            _walk_blocks(cell, out)
        else:
            _inline_segments(cell, out)


def _cell_text(cell: etree._Element) -> str:
    """A data cell's text, a line break or a block in it read as a space: "Mo-Fr<lb/>9-17 Uhr" is "Mo-Fr 9-17
    Uhr", not "Mo-Fr9-17 Uhr"; a product table's "Warbonnet Blackbird<p>View At Warbonnet</p>" (a shop's button
    under the name, on WCXB's cleverhiker.com) is "Warbonnet Blackbird View At Warbonnet", not "BlackbirdView".
    Inline markup joins as printed ("H<hi>2</hi>O", "<code>U+0000</code>–<code>U+007F</code>")."""
    if cell.find(".//*") is None:
        return squash("".join(cell.itertext()))
    parts: list[str] = []
    for event, element in etree.iterwalk(cell, events=("start", "end")):
        spaced = element is not cell and element.tag in _SPACED_IN_CELLS
        if event == "start":
            if spaced:
                parts.append(" ")
            parts.append(element.text or "")
        else:
            if spaced:
                parts.append(" ")
            if element is not cell:
                parts.append(element.tail or "")
    return squash("".join(parts))


def output_paragraphs(body: etree._Element) -> list[str]:
    """trafilatura's output tree (p/head/list/item/quote/table/row) -> paragraph strings."""
    out: list[str] = []
    _walk_output(body, out)
    return out


# --- body of a fragment ------------------------------------------------------------------


def fragment_paragraphs(tree: lxml_html.HtmlElement) -> list[str]:
    """Block elements of a fragment in order; list items get '- '; <br> as in `join_line_breaks`."""
    out: list[str] = []

    def flush(parts: list[str], prefix: str) -> None:
        out.extend(prefix + text for text in join_line_breaks("".join(parts).split(_BREAK)))
        parts.clear()

    def visit(node: lxml_html.HtmlElement, parts: list[str], prefix: str) -> None:
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in SKIP_TAGS or not tag:
                if child.tail:
                    parts.append(child.tail)
                continue
            if tag == "br":
                parts.append(_BREAK)
            elif tag in _BLOCK_TAGS:
                flush(parts, prefix)
                inner: list[str] = [child.text or ""]
                visit(child, inner, "- " if tag == "li" else "")
                flush(inner, "- " if tag == "li" else "")
            else:
                parts.append(child.text or "")
                visit(child, parts, prefix)
            if child.tail:
                parts.append(child.tail)

    root_parts: list[str] = [tree.text or ""]
    visit(tree, root_parts, "")
    flush(root_parts, "")
    return out
