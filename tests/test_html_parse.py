"""The page's one tree (`readers.html_parse.load_page`): trafilatura's loader, with element classes chosen in C.

The loader must give the tree trafilatura's own gives on every kind of input it meets, including those its
repairs and fallbacks exist for, and None where trafilatura's gives none (the HTML reader then rejects the file
with a reason).  The one difference, the element classes, must keep every method trafilatura and the readers use.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html
from trafilatura.utils import load_html

from axis_ingest.readers.html_parse import load_page

PAGE = (
    "<!DOCTYPE html>\n<html lang='en'><head><title>Harbour reopens | Coast Herald</title></head>"
    "<body><nav><a href='/'>Home</a></nav><article><h1>Harbour reopens after storm repairs</h1>"
    "<p>The harbour at Kilmore reopened on Monday after six weeks of repairs.</p>"
    "<form><label>Newsletter <input name='email' value='you@example.org'></label></form></article></body></html>"
)

INPUTS = {
    "a page": PAGE,
    "a page as UTF-8 bytes": PAGE.replace("Kilmore", "Kilmoré").encode(),
    # lxml refuses a text that declares its encoding: the loader parses its UTF-8 bytes instead
    "an XML prolog with an encoding": "<?xml version='1.0' encoding='utf-8'?>" + PAGE.split("\n", 1)[1],
    # a doctype libxml2 trips on is repaired, as trafilatura repairs it
    "a broken doctype": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">\n' + PAGE.split("\n", 1)[1],
    "a self-closed <html/>": "<html/>\n<body><p>The harbour at Kilmore reopened on Monday.</p></body>",
    "control characters before the page": "\x00\x01" + PAGE,
    "two paragraphs without <html>": "<p>The harbour reopened.</p><p>Boats are back.</p>",
}
NO_TREE = {
    "an empty file": "",
    "white space": " \n ",
    "plain text": "The harbour at Kilmore reopened on Monday.",
    "one element without <html>": "<p>The harbour reopened.</p>",
}


@pytest.mark.parametrize("name", INPUTS)
def test_the_tree_is_trafilaturas(name: str) -> None:
    page = INPUTS[name]
    tree = load_page(page)
    assert tree is not None
    assert lxml_html.tostring(tree, encoding="unicode") == lxml_html.tostring(load_html(page), encoding="unicode")


@pytest.mark.parametrize("name", NO_TREE)
def test_no_tree_where_trafilatura_gives_none(name: str) -> None:
    assert load_html(NO_TREE[name]) is None
    assert load_page(NO_TREE[name]) is None


def test_every_element_is_an_html_element_with_its_methods() -> None:
    tree = load_page(PAGE)
    assert tree is not None
    # lxml.html's own parser hands out an InputElement here; every element is now an HtmlElement
    field = tree.find(".//input")
    assert type(field) is lxml_html.HtmlElement
    assert field.get("value") == "you@example.org"
    assert tree.find(".//article").text_content().startswith("Harbour reopens after storm repairs")
    assert [link for _, attribute, link, _ in tree.iterlinks() if attribute == "href"] == ["/"]
    assert tree.xpath("string(//title)") == "Harbour reopens | Coast Herald"
