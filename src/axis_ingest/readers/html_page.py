"""What every reader of an HTML page's metadata shares: the evidence they fill (`HtmlMeta`, `add_once`,
`claim_date`) and the tests of where an element sits and what it prints.

A name or a date in comments, a sidebar, navigation or a teaser card is another story's (`elsewhere`), one in a
caption or a credit an image's (`credits_an_image`); `printed_text` reads an element's text as a browser shows
it, `following_text` the inline text after a label.  The lowest of the metadata modules: `html_dates`,
`html_bylines`, `html_headings` and `html_meta` import it, and it imports none of them (only `html_json_ld`,
whose parse `HtmlMeta` carries).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from axis_ingest.detectors import machine_date
from axis_ingest.document import Evidence
from axis_ingest.readers.html_json_ld import JsonLd

# Elements per byline XPath read: the article's byline comes early, teasers further down repeat the pattern.
MAX_BYLINE_ELEMENTS = 5
# Reader comments, sidebars, related-story lists and menus carry other people's names.  Matched per
# class/id token: page-level containers (<body>, <article>) list classes such as "content-sidebar"
# or "comments-open" and are not looked at; Blogger wraps posts in "widget", so that is not a mark.
_ELSEWHERE = re.compile(
    r"^(?:.*comment.*|sidebar.*|secondary|.*related.*|.*recommend.*|.*teaser.*|menu.*|.*-menu|nav|navbar.*|"
    r"navigation|breadcrumbs?|.*share.*|.*newsletter.*|respond|site-footer|footer)$",
    re.IGNORECASE,
)
# An element in an image's caption or credit is no byline, whatever its own class says: "license-info" around a
# "span.author-name" (reset.org: the photographer of a Wikimedia picture, taken for the author), "credit" ("(Image:
# Daily Record)", dailyrecord.co.uk and others), "story-meta__credit" (a photo agency), "image-caption byline"
# (abc7ny.com: the station's name), <figcaption>.  On the dev sets' and WCXB's half a none of them gave the
# article's author.
_IMAGE_CREDIT_CLASS = re.compile(r"credit|licen[cs]e|caption|copyright", re.IGNORECASE)
PAGE_TAGS = frozenset({"html", "body", "article", "main"})
_ELSEWHERE_TAGS = frozenset({"aside", "nav", "form"})
NS = {"re": "http://exslt.org/regular-expressions"}
# A name or a date printed after a label is at most this long (`following_text` reads no further).
MAX_LABELLED_NAME_CHARS = 60
BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "table", "tr", "td", "th", "dd",
     "dt", "address", "header", "footer", "article", "figcaption"}
)  # fmt: skip
# An inline element's edge in printed_text: a NUL, which no printed text holds (a stray one in a page is dropped
# with the edges).
_INLINE_EDGE = "\x00"
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
INNER_HEADINGS = ".//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6"
HEADING_INSIDE = etree.XPath(f"boolean({INNER_HEADINGS})")
# A headline has at least this many words: a teaser's is longer, a section's linked label ("Politik", "World
# News") shorter.
MIN_HEADLINE_WORDS = 4
AUTHOR_ARCHIVE = re.compile(r"/(?:authors?|autor|autoren|contributors?)/([^/?#]+)/?(?:[?#]|$)", re.IGNORECASE)
_OWN_ADDRESS = etree.XPath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')


@dataclass(slots=True)
class HtmlMeta:
    title: str | None = None
    url: str | None = None
    hostname: str | None = None
    evidence: Evidence = field(default_factory=Evidence)
    extra: dict[str, object] = field(default_factory=dict)  # categories, tags, image -> Document.metadata
    json_ld: JsonLd = field(default_factory=JsonLd)  # parsed once, for the HTML reader too
    og_locale: str | None = None  # the first <meta property="og:locale"> content, as printed


def add_once(values: list[str], value: object) -> None:
    """Append a string, its white space collapsed, unless it is empty or the list holds it already."""
    if isinstance(value, str):
        value = " ".join(value.split())
        if value and value not in values:
            values.append(value)


def claim_date(ev: Evidence, value: object, source: str, *, modified: bool = False) -> None:
    if (text := machine_date(value)) is not None:
        ev.claim_date(text, source, modified=modified)


def elsewhere(element: Any) -> bool:
    """True when the element sits in comments, a sidebar, a widget, navigation or a related-story block, or in a
    teaser card: a link wrapping another story's headline, byline and date (a heading inside a link is a
    headline linking to its own article, which it often does: it stays)."""
    card_test = not isinstance(element.tag, str) or element.tag not in _HEADING_TAGS
    holder_judged = False  # the smallest container holding a heading decides whether the element is in a card
    for node in element.iterancestors():
        if node.tag in _ELSEWHERE_TAGS:
            return True
        if node.tag in PAGE_TAGS:
            continue
        if card_test and node.tag == "a" and (HEADING_INSIDE(node) or _holds_a_headline(node, element)):
            return True
        if card_test and not holder_judged and HEADING_INSIDE(node):
            holder_judged = True
            if _another_storys_card(node):
                return True
        tokens = f"{node.get('class', '')} {node.get('id', '')}".split()
        if any(_ELSEWHERE.match(token) for token in tokens):
            return True
    return False


def _words(text: str) -> int:
    return len(text.split())


def _holds_a_headline(link: Any, element: Any) -> bool:
    """A link holding the element and a headline's worth of other words, to a page that is no author's archive:
    another story's teaser printed as one link (spiegel.de: "<a href=other story>Headline ... Von A, Washington</a>").
    """
    href = link.get("href") or ""
    if not href or AUTHOR_ARCHIVE.search(href):
        return False
    if _words(link.text_content()) - _words(element.text_content()) < MIN_HEADLINE_WORDS:
        return False
    return _address_path(href) not in _own_addresses(link)  # the page's address is read only for a likely card


def _another_storys_card(holder: Any) -> bool:
    """The smallest container around an element that holds a heading holds only headlines linked to other pages
    (no h1): a teaser card, its byline and date printed beside the linked headline (stuttgarter-zeitung.de: "<div
    class=item><a href=other story><h3>...</h3></a><div class=appetizer-author>Von A</div></div>").  A headline
    linking to the page itself (a blog's `<h2 class=entry-title><a href=permalink>`) is the article's own, and on a
    page that gives no address of its own (canonical link, og:url) no card is assumed."""
    headings = holder.xpath(INNER_HEADINGS)
    if not headings or any(heading.tag == "h1" for heading in headings):
        return False
    own = _own_addresses(holder)
    if not own:  # a page that does not say where it lives: its own permalink cannot be told from another story's
        return False
    for heading in headings:
        links = [*heading.iterancestors("a"), *heading.iter("a")]
        hrefs = [link.get("href") for link in links if link.get("href")]
        if not hrefs or _words(heading.text_content()) < MIN_HEADLINE_WORDS:
            return False
        if any(_address_path(href) in own for href in hrefs):
            return False
    return True


def _own_addresses(element: Any) -> set[str]:
    """The paths the page gives as its own address (canonical link, og:url)."""
    root = element.getroottree()
    return {_address_path(str(url)) for url in _OWN_ADDRESS(root)}


def _address_path(href: str) -> str:
    """A link's path without its query, fragment and trailing slash: how a card's link and the page's own
    address are compared (one may be relative, the other absolute)."""
    return urlsplit(href.strip()).path.rstrip("/")


def credits_an_image(element: Any, credit_class: re.Pattern[str] = _IMAGE_CREDIT_CLASS) -> bool:
    """The element or one of its containers is an image's caption or credit (`credit_class`)."""
    for node in (element, *element.iterancestors()):
        if node.tag in PAGE_TAGS:
            return False
        if node.tag == "figcaption" or credit_class.search(node.get("class") or ""):
            return True
    return False


def following_text(element: Any) -> str:
    """Inline text printed after a label element ("<h5>Autor:</h5>Peter Maahn", "<b>Von:</b><br>Götz Warnke")."""
    parts = [element.tail or ""]
    for sibling in element.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in BLOCK_TAGS:
            break
        parts.append(sibling.text_content() or "")
        parts.append(sibling.tail or "")
        if len(" ".join("".join(parts).split())) > MAX_LABELLED_NAME_CHARS:
            break
    return " ".join("".join(parts).split())


def printed_text(element: Any, first_line: bool = False) -> str:
    """The element's text as a browser shows it: a line break or a block starts a new word
    ("<small>Einheit der Woche</small><br>Lagen-Pyramide" is not "WocheLagen-Pyramide"), and so does an inline
    element whose text runs a lower-case letter into a capital: pages lay out such spans as lines of their own
    ("<span>Mateusz Haberny</span><span>Founder at Oakywood</span>" is not "HabernyFounder").
    With `first_line`, only the text before its first line break or block.
    Recursive: lxml's trees are at most 255 elements deep (libxml2's limit)."""
    parts: list[str] = []
    line_break = "\n" if first_line else " "

    def visit(node: Any, top: bool) -> None:
        if isinstance(node.tag, str):  # a comment's text is not printed, its tail is
            breaks = not top and (node.tag == "br" or node.tag in BLOCK_TAGS)
            parts.extend([line_break if breaks else _INLINE_EDGE, node.text or ""])
            for child in node:
                visit(child, False)
            parts.append(line_break if breaks else _INLINE_EDGE)
        if not top:
            parts.append(node.tail or "")

    visit(element, True)
    text = ""
    for piece in "".join(parts).split(_INLINE_EDGE):
        if text and piece and text[-1].islower() and piece[0].isupper():
            text += " "
        text += piece
    if first_line:
        text = next((line for line in text.split("\n") if line.strip()), "")
    return " ".join(text.split())
