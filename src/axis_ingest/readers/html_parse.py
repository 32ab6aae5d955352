"""A web page's text parsed into the one tree every HTML reader shares (`load_page`).

trafilatura's loader (`trafilatura.utils.load_html`) with one difference: the parser gives every element lxml.html's
`HtmlElement` class in C (`ElementDefaultClassLookup`), where lxml.html's own parser asks a Python method
(`HtmlElementClassLookup.lookup`) for each element object it hands out, to give forms, inputs and labels classes
of their own.  The page's tree is walked by trafilatura, htmldate, the byline and date readers and the pruning,
and those walks asked it ~4,100 times a page: ~7% of the HTML reader's CPU time on the AEB pages (the two loaders
alternated 14 times in one process: 41.6 -> 38.8 ms a page on the fastest pass, 45.9 -> 42.5 on the median one;
the same output on all 91 pages).  Nothing here uses the form classes' extra methods (`.inputs`, `.value`, `.form`).
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import decode_file, is_dubious_html, repair_faulty_html

# trafilatura's parser settings (trafilatura.utils.HTML_PARSER): comments and processing instructions dropped,
# no ids collected, no doctype added.
_PARSER = lxml_html.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
)
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement,
        comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity,
    )
)


def load_page(page: str | bytes) -> lxml_html.HtmlElement | None:
    """The page's tree, or None where trafilatura's loader gives none (a text that does not read as HTML).

    The steps of `trafilatura.utils.load_html` for text and bytes, in its order and with its helpers: decode,
    test whether the start looks like HTML, repair what libxml2 trips on, parse the text, and parse it as UTF-8
    bytes where lxml refuses a text that declares an encoding or the text gave no tree."""
    text = decode_file(page)
    beginning = text[:50].lower()
    dubious = is_dubious_html(beginning)
    text = repair_faulty_html(text, beginning)
    as_bytes = False
    try:
        tree = _parsed(text)
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        tree, as_bytes = _parsed(text.encode("utf8", "surrogatepass")), True
    if (tree is None or len(tree) < 1) and not as_bytes:
        tree = _parsed(text.encode("utf8", "surrogatepass"))
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


def _parsed(markup: str | bytes) -> lxml_html.HtmlElement | None:
    """The markup's tree; None where libxml2 makes nothing of it ("Document is empty": blank text)."""
    try:
        return lxml_html.fromstring(markup, parser=_PARSER)
    except etree.ParserError:
        return None
