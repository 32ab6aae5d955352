"""HTML reader: the article body of a full page or fragment, plus metadata evidence.

The page is parsed once with lxml; the tree goes to trafilatura (which copies it)
for main-content detection, and its XML-like output tree is walked so each
paragraph, heading, list item and table row stays its own paragraph.  A fragment
(no <html>/<body>) has no chrome to detect, and trafilatura drops its headings
and lists, so a fragment is walked directly.  What trafilatura leaves behind
(headline repeated in the body, dek, date and byline lines, newsletter widgets,
"You may also like" link blocks, copyright lines) is pruned with the phrase
tables in data/html_body.toml.  Metadata (title, URL, dates, authors, site) comes
from `readers.html_meta`.
"""

from __future__ import annotations

import html as html_entities
import re
import urllib.parse
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree
from trafilatura.utils import load_html

from axis_ingest.clean.boilerplate import EDGE_PUNCT, phrases
from axis_ingest.clean.text import normalise_paragraphs
from axis_ingest.detectors import (
    MAX_BYLINE_WORDS,
    PRINTED_YEAR,
    data_table,
    has_phrase_tokens,
    match_date_line,
    names_an_end,
    titled_byline_pattern,
    words_key,
)
from axis_ingest.document import Document, Evidence, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.names.bylines import parse_byline
from axis_ingest.punctuation import SENTENCE_TERMINALS, SPACED_TERMINALS, UNSPACED_TERMINALS
from axis_ingest.readers.continued_body import continued_paragraphs
from axis_ingest.readers.html_meta import META_SEPARATOR, JsonLd, html_metadata, read_json_ld

# trafilatura settings.  The first pass is fast=True (no readability/jusText comparison): on the AEB
# pages it gives the same text as the full extraction on all but one page, where readability's longer
# text was a whole comment thread (half a: fast 0.9751, full 0.9670), and it is ~1.7x quicker.  But on
# pages nobody tuned for, fast mode alone keeps a menu, a footer or the lead and loses the article
# (issue 13: five public corpora, fast 0.906 vs full 0.916), so a fast result that looks like a miss
# (see `_looks_missed`) is replaced by the full extraction with trafilatura's fallbacks.
# include_comments=False because reader comments are not the article.
TRAFILATURA_OPTIONS: dict[str, bool] = {
    "fast": True,
    "favor_precision": False,
    "favor_recall": False,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
}
FULL_EXTRACTION_OPTIONS: dict[str, bool] = TRAFILATURA_OPTIONS | {"fast": False}
# Resiliparse's C++ parser takes time that grows faster than the nesting depth (an empty page nested
# 5,000 divs deep: 0.7 s; 20,000: 17 s; 100,000: hours), and C code cannot be stopped by the per-file
# time limit.  lxml stops building the tree at libxml2's depth limit (255), so a tree that reaches this
# depth is a page nested far deeper than any real one (the deepest of the 964 bench pages: under 60)
# and gets no second opinion.
SECOND_OPINION_MAX_DEPTH = 200
# A fast result looks like a miss when it is no article text after pruning, or shorter than this:
# the misses seen on unseen pages were a 41-word footer or a 27-word lead kept while the article was
# lost.  trafilatura's own MIN_EXTRACTED_SIZE is 250 characters; the shortest right fast result on the
# AEB pages is 427.  A longer fast result is kept: on 495 pages of the dates/authors sets, the full
# extraction replaced 4 of the 5 longer fast results that covered under half of the page's <p> text
# with a longer text that was worse (cookie notes, newsletter forms, a comment, a teaser list).
FALLBACK_BELOW_CHARS = 500
# A second, independent extractor (Resiliparse's main-content extraction, a C++ DOM heuristic; ~12 ms a
# page beside ~65 ms for the fast pass) estimates how much main text the page holds.  A fast result under
# this share of it is doubtful too (trafilatura kept a sidebar, a menu or the lead).  Measured offline on
# trafilatura's public evaluation pages (990 pages, with/without segments), fast result 0.918, full
# extraction everywhere 0.924, this trigger with the choice below 0.924 with the full extraction run on 9%
# of the pages; 0.3 and 0.7 gave 0.923 and 0.924 with more runs.  On the AEB pages it fires on 1 page of 91.
DOUBT_BELOW_SHARE_OF_SECOND = 0.5
# A fast result of GLUED_MIN_CHARS or more whose longest paragraph holds GLUED_SHARE of it is doubtful too:
# trafilatura took a container's whole text as one paragraph (site menu, article and footer run together,
# "Rezepte Kategorien Alle Rezepte ... Ihr kennt es sicher auch! ...").  The full extraction then runs and
# the vote below decides.  On trafilatura's 990 evaluation pages it fires on 13 (none of the 91 AEB pages)
# and changes 4 results: a menu replaced by the article (rnz.de), comments and menus dropped (kochbar.de,
# kulturkaufhaus.de), one mixed (a blog post: one segment lost, two unwanted ones gone).
GLUED_MIN_CHARS = 1500
GLUED_SHARE = 0.8
# The second extractor is asked only about fast results shorter than this (or ones that already look like a
# miss): it costs ~2-4 ms of CPU a page (~5-8% of the reader's).  Offline on the 990 evaluation pages the
# doubt test gave the same figure with this gate as on every page (0.9242), asking on 58% of them (2,500:
# also 0.9242 on 37%, but AEB half b 0.9831 -> 0.9830, one page's sidebar teaser no longer trimmed).
# Asked on 57 of 91 AEB pages, 312 of 476 dates pages, 232 of 397 authors pages.
SECOND_OPINION_BELOW_CHARS = 4000
# When the fast and full results differ, the one that agrees more with the second extractor (token Dice
# overlap) is kept: Bevendorff et al. (SIGIR 2023, "An Empirical Comparison of Web Content Extraction
# Algorithms") find that extractors combined by agreement beat each one alone.  When the second extractor
# agrees with neither (both overlaps under this), trafilatura's own choice (the full result) stands:
# Resiliparse also misses pages (an empty result, a comment thread).
MIN_SECOND_AGREEMENT = 0.3
# When what is kept of trafilatura's text (fast and full alike: its own fallbacks found no better) is under this
# share of the second extractor's text and they agree under MIN_SECOND_AGREEMENT, trafilatura read another block
# (a row of teaser cards, a breadcrumb and a dateline) and the second extractor's text, pruned the same way, is
# the article.  Measured offline on WCXB's half a: 2 pages of 331 (F1 0.00 -> 0.75, 0.00 -> 0.87), none of
# fundus's; on half b 2 of 378, both better, none worse.  A share of 0.5 with agreement under 0.7 fired on 3 more
# WCXB pages (+0.28) and 2 of fundus's (-0.71) (docs/extraction.md, session 19).
RESCUE_BELOW_SHARE_OF_SECOND = 0.3
# Paragraphs kept ahead of the first paragraph both extractors found, and absent from the second
# extractor's text, are a sidebar teaser or a related headline trafilatura took in before the article
# (see `trim_to_agreement`).  Shorter lines (under this many words) are left to the pruning rules.
# AEB, half a / half b: without 0.9748 / 0.9830; with it see docs/extraction.md.  Offline on
# trafilatura's 990 evaluation pages it changed 30 pages and the with/without score of one (a fix).
MIN_TRIM_WORDS = 5
# Lines the second extractor prints between two paragraphs that are neighbours in trafilatura's kept text (a
# section heading, a short list trafilatura's own pass dropped) are the article's when both neighbours have
# GAP_MIN_NEIGHBOUR_WORDS words, they are at most GAP_MAX_LINES lines apart there, and the lines between hold at
# most GAP_MAX_WORDS words (`fill_gaps`).  Set once, not tuned: a heading and a short list.  Through the CLI, halves
# a / b: WCXB 0.9358 / 0.9371 -> 0.9381 / 0.9399, fundus 0.9536 / 0.9528 -> 0.9535 / 0.9533, trafilatura's 990
# pages 0.9308 / 0.9287 -> 0.9312 / 0.9287, AEB unchanged; bench/perf.py 0.85x -> 0.84x (+0.4 ms a page: the
# second extractor runs only where `_dropped_between_kept` finds a gap).
GAP_MIN_NEIGHBOUR_WORDS = 8
GAP_MAX_LINES = 12
GAP_MAX_WORDS = 40
# At most this many paragraphs, and this share of the text that stays: when the second extractor begins
# much later than trafilatura (it kept only the end of a long article, or a forum's last posts), the
# paragraphs ahead are the article's, not a sidebar's.  Without these limits one page of trafilatura's
# evaluation set lost its whole article.
MAX_TRIM_PARAGRAPHS = 2
MAX_TRIM_SHARE = 0.25
# Paragraphs of this many characters may match as part of a longer line of the other extractor.
MIN_PARTIAL_MATCH_CHARS = 40
# The headline, dek, dates and bylines sit in the first few extracted paragraphs;
# trailers (copyright, "Reporting by") in the last few.  3 covers every AEB page.
LEAD_ZONE = 3
TAIL_ZONE = 4
# ... and the lead goes on while no more than this many paragraphs of prose (a standfirst) were kept: a video's
# title and running time ahead of the headline push a date line and a byline past the first three (fundus's WDR
# page: "Stand: 22.04.2024, 06:00 Uhr", standfirst, "Von Nina Magoley").
MAX_LEAD_PROSE = 1
# A "Read more: <headline>" line is a cross-link only when short.
MAX_CROSSLINK_WORDS = 25
# Date lines are short: anything longer is a sentence that mentions a date.
MAX_DATE_LINE_WORDS = 12
# Fewer body words than this and the page is not an article (index, login, error page).
MIN_ARTICLE_WORDS = 12
# An article has at least one sentence this long ending in . ! ? (CJK counts as one word per
# run, so a character length also counts); menus and teaser lists extracted from index pages have none.
MIN_SENTENCE_WORDS = 6
MIN_SENTENCE_CHARS = 30  # scripts written without spaces (Japanese, Chinese, Thai)
MIN_ARTICLE_CHARS = 80
# A paragraph this long is prose even without any sentence mark when it is written in a script that
# puts spaces between phrases or sentences, not words (Thai, Lao, Khmer): its space-separated tokens are
# phrases (`detectors.has_phrase_tokens`).  A menu glued into one paragraph by an extractor is long too, but its
# tokens are words (~5-6 characters).
MIN_UNPUNCTUATED_PROSE_CHARS = 250
# A page of verse (`_reads_like_verse`) holds at least MIN_VERSE_LINES lines of MIN_VERSE_LINE_WORDS words or more,
# which hold VERSE_SHARE of its words: the lyrics page of trafilatura's evaluation set has 25 such lines; no page the
# prose test rejects on the dev sets or WCXB's pages passes (the rejected index, forum and error pages of the dates
# set have lines of dates, counts and links; without the bullet test two WCXB listings of products and jobs did).
MIN_VERSE_LINES = 8
MIN_VERSE_LINE_WORDS = 5
VERSE_SHARE = 0.5
_LETTER_WORD = re.compile(r"\S*[^\W\d_]\S*")  # a token with a letter
# A standfirst is a sentence, not a kicker label.
MIN_DEK_WORDS = 5

_FRAGMENT_MARKERS = re.compile(r"<\s*(html|body|head)\b", re.IGNORECASE)
_DOCUMENT_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
# A page that closes </body> or </html> and goes on with its content: a template printed the header's closing tags
# before the article (WCXB: a whole article after "</body></html>").  A browser reads such content into the body
# (HTML's "after body" insertion mode); libxml2 leaves it outside the tree trafilatura reads, which then found only
# the menu's teaser cards.  Block content after the first closing tag (not scripts, styles or tracking pixels)
# means the closing tags are dropped, as a browser ignores them.
_BODY_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_BLOCK_CONTENT = re.compile(r"<(?:p|div|article|section|main|h[1-6]|ul|ol|table|blockquote)[\s>]", re.IGNORECASE)
_DEK_CLASS = re.compile(
    r"(?:^|[\s_-])(dek|deck|standfirst|stand-first|subline|sub-?title|sub-?head(?:line)?|strapline|"
    r"article-?summary|article-?teaser|header-?teaser|intro-?text)(?:$|[\s_-])",
    re.IGNORECASE,
)
# A paragraph that ends with a sentence mark: Latin/Cyrillic/Greek punctuation, CJK full stops, the
# Devanagari/Bengali danda (।, ॥), then any closing quotes (German “ as in „so“, ‹ › « »).  Stricter than
# detectors.LINE_ENDS_SENTENCE, which a closing quote or parenthesis alone satisfies: here the mark must be
# there, because a <br> after "the so-called „reform“" or a caption's "(Photo: AP)" continues the
# paragraph (join_line_breaks), and such a line is not a sentence of prose (_reads_like_prose).
_BODY_CLASSES = etree.XPath("//body//*/@class", smart_strings=False)
_ENDS_WITH_SENTENCE_MARK = re.compile(f"[{SENTENCE_TERMINALS}…:]['\"”“’»«›)]*$")
# A sentence ending inside a paragraph: a word of 2+ letters, its full stop and a next word starting with
# a letter or quote (so "U.S.", "Str. 12" and "12.03." do not count), or a CJK full stop.  Pages whose
# paragraphs run sentences into a caption or a credit ("... agencies. (With inputs from PTI)", "... 금지>")
# have sentences but no final full stop.
_SENTENCE_INSIDE = re.compile(
    rf"(?<=[^\W\d_]{{2}}[{SPACED_TERMINALS}…])['\"”“’»«›)]*\s+(?=[^\W\d_]|[\"'„“‘«¿¡(])|(?<=[{UNSPACED_TERMINALS}])"
)
_ENDS_LIKE_DATE = re.compile(r"(\d|\b[ap]\.?m\.?|\b(gmt|utc|[a-z]st|[a-z]dt)|[\])])\W*$", re.IGNORECASE)
_BREAK = "\x00"  # marks a <br> while collecting a fragment's text
_BULLET_START = re.compile(r"^[-–—•*·]\s")
# Words of the date part of a "By Name | 14 de marzo de 2026" meta line, at most.
MAX_META_DATE_WORDS = 6
_BARE_URL = re.compile(r"(https?://|www\.)\S+")
_WORD = re.compile(r"\w+")
_SKIP_TAGS = {"script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "svg"}
_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dt", "dd",
    "figcaption", "div", "section", "article", "ul", "ol", "table", "header", "main",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Rules:
    drop: re.Pattern[str]
    crosslink: re.Pattern[str]
    tail: re.Pattern[str]
    date_label: re.Pattern[str]
    date_shape: re.Pattern[str]
    byline: re.Pattern[str]


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def rules() -> _Rules:
    data = data_table("html_body.toml")
    labels = "|".join(f"(?:{p})" for p in data["date_label"])
    return _Rules(
        drop=_any_of(data["drop"]),
        crosslink=re.compile(rf"^(?:{'|'.join(data['crosslink_prefix'])})", re.IGNORECASE),
        tail=_any_of(data["tail"]),
        date_label=re.compile(rf"^\W*(?:{labels})\b\W*.*\d", re.IGNORECASE),
        date_shape=_any_of(data["date_shape"]),
        byline=_any_of([*data["byline"], titled_byline_pattern()]),  # "By Ana Lima", "김민준 기자 kim@..."
    )


def _squash(text: str) -> str:
    return " ".join(text.split())


# --- body from trafilatura's output tree -------------------------------------------------


def join_line_breaks(lines: list[str]) -> list[str]:
    """Lines split at <br>: a break after a sentence end (or before a bullet) starts a new paragraph, and so does
    one after a byline ("Von Roland Brockmann und Sebastian Drescher<br>Kakuma /Kenia": joined, the place became
    part of a name and the byline was lost); any other break is a hard wrap inside one (trafilatura collapses
    <br><br> into one break)."""
    out: list[str] = []
    for line in lines:
        text = _squash(line)
        if not text:
            continue
        if (
            out
            and not _ENDS_WITH_SENTENCE_MARK.search(out[-1])
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


def _walk_output(element: etree._Element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in ("list", "table"):
            _walk_output(child, out)
        elif tag == "item":
            _inline_segments(child, out, prefix="- ")
        elif tag == "row":
            cells = [_squash("".join(cell.itertext())) for cell in child]
            if row := " | ".join(c for c in cells if c):
                out.append(row)
        elif (tag == "quote" or tag not in _PARAGRAPH_TAGS) and any(c.tag in _BLOCK_OUTPUT_TAGS for c in child):
            # a quotation of paragraphs, or a container trafilatura's fallbacks leave in its output (readability's
            # <div> around the article's <p>s): its blocks are paragraphs, not one run-together paragraph
            if child.text and child.text.strip():
                out.append(_squash(child.text))
            _walk_output(child, out)
        elif tag != "graphic":
            _inline_segments(child, out)
        if tag != "lb" and child.tail and child.tail.strip():
            out.append(_squash(child.tail))


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
            if tag in _SKIP_TAGS or not tag:
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


# --- title and standfirst ----------------------------------------------------------------


def _first_text(tree: lxml_html.HtmlElement, xpath: str) -> str | None:
    for element in tree.xpath(xpath):
        if text := _squash(element.text_content()):
            return text
    return None


def find_standfirst(tree: lxml_html.HtmlElement, json_ld: JsonLd | None = None) -> str | None:
    """The dek the page marks as such: JSON-LD alternativeHeadline, an element whose class
    names a dek/standfirst, or a heading right after the <h1> that repeats the meta description
    (the description alone is not enough: it is often the lead paragraph).  `json_ld`: the page's
    JSON-LD as `html_metadata` parsed it (read from the tree when not given)."""
    if dek := (json_ld if json_ld is not None else read_json_ld(tree)).first_string("alternativeHeadline"):
        return _squash(html_entities.unescape(dek))  # CMSs escape JSON-LD strings as HTML ("team&#8217;s")
    # One search over all the class values first (no element objects: ~2 ms of ~80 per page); only a page
    # with a dek class walks its elements.  A newline between the values is a boundary _DEK_CLASS accepts.
    if _DEK_CLASS.search("\n".join(_BODY_CLASSES(tree))):
        for element in tree.xpath("//body//*[@class]"):
            if element.tag in _SKIP_TAGS or not _DEK_CLASS.search(element.get("class", "")):
                continue
            if _NOT_IN_A_DEK(element):  # a header block the class names ("article-intro-text-container")
                continue
            text = _squash(element.text_content())
            if len(text.split()) >= MIN_DEK_WORDS and not _is_byline_or_date_line(text):
                return text
    description = _meta_content(tree, '//meta[@name="description" or @property="og:description"]/@content')
    h1 = next(iter(tree.xpath("//body//h1")), None)
    if description and h1 is not None:
        sibling = h1.getnext()
        while sibling is not None and not _squash(sibling.text_content() if sibling.tag != etree.Comment else ""):
            sibling = sibling.getnext()
        if sibling is not None and sibling.tag in ("h2", "h3", "h4", "p"):
            text = _squash(sibling.text_content())
            if words_key(text) and words_key(text) == words_key(description):
                return text
    return None


# What a standfirst never holds: a headline, a list, a script, a printed time, a form or a menu.  An element
# with a dek class that holds one is the header block around the headline, the byline and the date.
_NOT_IN_A_DEK = etree.XPath(
    "boolean(.//*[self::h1 or self::h2 or self::h3 or self::ul or self::ol or self::script or self::style"
    " or self::time or self::form or self::button or self::nav])"
)


def _is_byline_or_date_line(text: str) -> bool:
    """A byline ("By JERUSALEM POST STAFF NOVEMBER 20, 2019 10:43") or a date line under a dek class."""
    return _is_date_line(text) or bool(len(text.split()) <= MAX_BYLINE_WORDS and rules().byline.fullmatch(text))


def _meta_content(tree: lxml_html.HtmlElement, xpath: str) -> str | None:
    values = tree.xpath(xpath)
    return _squash(values[0]) if values and _squash(values[0]) else None


# --- pruning -----------------------------------------------------------------------------


def _is_date_line(paragraph: str) -> bool:
    if len(paragraph.split()) > MAX_DATE_LINE_WORDS:
        return False
    r = rules()
    # a labelled date line ends in the date ("UPDATED: Tue., Nov. 19, 2019", "Posted 3:15 p.m."),
    # unlike a sentence that opens with the label ("Published in 2019, the report ...").
    labelled = r.date_label.match(paragraph) and _ENDS_LIKE_DATE.search(paragraph)
    return bool(labelled or r.date_shape.fullmatch(paragraph))


def link_texts(tree: lxml_html.HtmlElement, page_url: str | None = None) -> frozenset[str]:
    """Comparison keys of the page's link texts, except links within the page: a table of contents links to
    the article's own headings, by "#section" or by the page's own address with "#section" (a WordPress
    table-of-contents plugin), and a heading with its entry's text is the article's, not a cross-link.
    Another page's address with "#article" is a cross-link even where this page has an "article" element."""
    own = _address_key(page_url) if page_url else None
    keys = set()
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        address, hash_sign, _ = href.partition("#")
        if hash_sign and (not address or _address_key(urllib.parse.urljoin(page_url or "", address)) == own):
            continue
        if key := words_key(anchor.text_content()):
            keys.add(key)
    return frozenset(keys)


def _address_key(url: str) -> str:
    """An address without scheme, "www.", query and trailing slash: the page's own address as its links print it."""
    parts = urllib.parse.urlsplit(url.strip())
    return parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/")


# A list item: trafilatura's "- ", or a bullet typed at the start of a line ("– ", "• ", "· ", "* ").  Not page
# text's `boilerplate._BULLET`, which also takes "1." and "o": a numbered "most read" list of links is cross-links.
_TYPED_ITEM = re.compile(r"[-–—•·*▪]\s")


def _is_whole_link(paragraph: str, key: str, links: frozenset[str]) -> bool:
    """One whole link, not a list item (in markup, or with a bullet the writer typed: "– Choose your
    accommodation", WCXB 0009) and not a bare URL (a list of sources is text)."""
    return key in links and not _TYPED_ITEM.match(paragraph) and not _BARE_URL.fullmatch(paragraph)


def prune_paragraphs(
    paragraphs: list[str],
    titles: list[str],
    evidence: Evidence,
    links: frozenset[str] = frozenset(),
) -> list[str]:
    """Drop what is not the story; dates and bylines found on the way become evidence.

    The headline repeated at the top goes; a dek or lead paragraph the extractor took as article text
    stays (it is also the subtitle): labelled corpora count a lead as body text (trafilatura's 990
    evaluation pages: 29 pages lost a labelled lead to the subtitle), and a reader of the body alone
    should not lose the story's first paragraph.

    `links` are the page's link texts (`link_texts`): a short paragraph that is one whole link is a
    cross-link, a call to action or a button ("CLICK HERE TO GET THE ... APP", another story's headline),
    not the story's text.  List items are left alone: a list of links can be the article's content."""
    r = rules()
    title_keys = {k for t in titles if (k := words_key(t))}
    kept: list[str] = []
    prose_kept = 0
    n = len(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        words = len(paragraph.split())
        lead, tail = index < LEAD_ZONE or prose_kept <= MAX_LEAD_PROSE, index >= n - TAIL_ZONE
        key = words_key(paragraph)
        if not key or r.drop.fullmatch(paragraph):
            continue
        if words <= MAX_CROSSLINK_WORDS and (r.crosslink.match(paragraph) or _is_whole_link(paragraph, key, links)):
            continue
        if (lead or not kept) and key in title_keys:
            continue
        if (lead or tail) and _is_date_line(paragraph):
            # a date under "Video verfügbar bis:" / "Available until" ends something: not evidence; nor is one
            # past the first LEAD_ZONE paragraphs, as often a video's or a teaser's (the dates dev pages' half b
            # lost one page when it was)
            ends = names_an_end(paragraph) or (index and names_an_end(paragraphs[index - 1], before=True))
            if not ends and (index < LEAD_ZONE or tail):
                evidence.claim_date(paragraph, "header" if index < LEAD_ZONE else "footer")
            continue
        if (lead or tail) and words <= MAX_BYLINE_WORDS and r.byline.fullmatch(paragraph):
            evidence.claim_byline(paragraph, "header" if lead else "footer")
            continue
        if lead and (parts := _byline_and_date(paragraph)):
            # "By Morag Duncan | 14 March 2026": a meta line of a byline and a date, each evidence
            evidence.claim_byline(parts[0], "header")
            evidence.claim_date(parts[1], "header")
            continue
        if not kept and _BARE_URL.fullmatch(paragraph):
            continue
        if tail and r.tail.fullmatch(paragraph):
            if re.match(r"\W*(additional )?(reporting|writing|editing) by", paragraph, re.IGNORECASE):
                evidence.claim_byline(paragraph, "credit")
            continue
        kept.append(paragraph)
        if prose_kept <= MAX_LEAD_PROSE:  # counted only while it decides the lead
            prose_kept += _reads_like_prose(paragraph)
    return kept


def _byline_and_date(paragraph: str) -> tuple[str, str] | None:
    """(byline, date) of a meta line that is a byline and a date between a spaced bar or bullet
    ("By Morag Duncan | 14 March 2026", "Von Anna Berger · 3. Mai 2024"), else None."""
    parts = [part.strip() for part in META_SEPARATOR.split(paragraph)]
    if len(parts) != 2 or len(paragraph.split()) > MAX_BYLINE_WORDS:
        return None
    byline, date_line = parts
    if rules().byline.fullmatch(byline) and _names_a_date(date_line):
        return byline, date_line
    return None


def _names_a_date(part: str) -> bool:
    """A part of a meta line that is a date: a date line's shape, or a month's name and a year in a few words
    ("14 March 2026", "3. Mai 2024", "14 de marzo de 2026": the scraped reader's month table)."""
    if _is_date_line(part) or match_date_line(part):
        return True
    return len(part.split()) <= MAX_META_DATE_WORDS and bool(phrases().month.search(part) and PRINTED_YEAR.search(part))


def _reads_like_prose(paragraph: str) -> bool:
    """A sentence of some length: every article has one, a menu or teaser list has none.

    The paragraph ends like a sentence, or a sentence of that length ends inside it (an error page's
    "Request unsuccessful. Incident ID: ..." has a sentence, but a short one)."""

    def long_enough(text: str) -> bool:
        return len(text.split()) >= MIN_SENTENCE_WORDS or len(text) >= MIN_SENTENCE_CHARS

    if _ENDS_WITH_SENTENCE_MARK.search(paragraph):
        return long_enough(paragraph)
    if len(paragraph) >= MIN_UNPUNCTUATED_PROSE_CHARS and has_phrase_tokens(paragraph):
        return True  # a script that ends sentences by a space, not a mark (Thai, Lao, Khmer)
    # inside a paragraph, the character length only counts for scripts written without spaces
    sentences = _SENTENCE_INSIDE.split(paragraph)[:-1]
    return any(
        len(s.split()) >= MIN_SENTENCE_WORDS or (len(s) >= MIN_SENTENCE_CHARS and " " not in s.strip())
        for s in sentences
    )


def _has_article_text(paragraphs: list[str]) -> bool:
    """Enough words (or characters) and at least one sentence of prose, or (in a script that spaces phrases,
    not words) paragraphs of such phrases as long together as one paragraph of prose: a Thai story told in
    three paragraphs of 140-180 characters has no sentence mark and no paragraph of MIN_UNPUNCTUATED_PROSE_CHARS."""
    too_short = (
        sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS
        and sum(len(p) for p in paragraphs) < MIN_ARTICLE_CHARS
    )
    if too_short:
        return False
    phrases = sum(len(p) for p in paragraphs if len(p) >= MIN_ARTICLE_CHARS and has_phrase_tokens(p))
    return phrases >= MIN_UNPUNCTUATED_PROSE_CHARS or any(_reads_like_prose(p) for p in paragraphs)


def _reads_like_verse(paragraphs: list[str]) -> bool:
    """Lines of verse (a song's lyrics, a poem): many lines of several words each, holding most of the text.

    Verse ends no line like a sentence, so the prose test finds no article in it, and a lyrics page that bare
    trafilatura extracts was rejected (trafilatura's evaluation pages, the one page lost).  Words are tokens
    with a letter: a teaser list's "30.01.2022 · Männer · HBL1" lines are no verse; nor are a listing's items
    ("- Senior Software Engineer 14d WALTER Remote Full-Time ..."), which are bulleted."""
    words_of = [len(_LETTER_WORD.findall(p)) for p in paragraphs]
    verse = [
        count for p, count in zip(paragraphs, words_of, strict=True) if count >= MIN_VERSE_LINE_WORDS and p[:2] != "- "
    ]
    return len(verse) >= MIN_VERSE_LINES and sum(verse) >= VERSE_SHARE * sum(words_of)


# --- extraction with fallbacks ------------------------------------------------------------


def _extract(tree: lxml_html.HtmlElement, url: str | None, options: dict[str, bool]) -> list[str]:
    """trafilatura's main content as paragraphs (trafilatura copies the tree: it stays unchanged)."""
    extracted = trafilatura.bare_extraction(tree, url=url, **options)
    return output_paragraphs(extracted.body) if extracted is not None else []


def _chars(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs)


def _looks_missed(extracted: list[str], kept: list[str], second: list[str] | None = None) -> bool:
    """The fast pass probably kept something other than the article (a menu, a footer, the lead only):
    what survives pruning is no article text, the extraction is short, it is one paragraph run together
    from the page's text, or it is under half of the main text the second extractor finds on the page."""
    chars = _chars(extracted)
    if chars < FALLBACK_BELOW_CHARS or not _has_article_text(kept):
        return True
    if _run_together(extracted):
        return True
    return second is not None and chars < DOUBT_BELOW_SHARE_OF_SECOND * _chars(second)


def _run_together(extracted: list[str]) -> bool:
    """One paragraph is nearly all of a long extraction: the page's text run together, not segmented."""
    chars = _chars(extracted)
    return chars >= GLUED_MIN_CHARS and max(map(len, extracted)) >= GLUED_SHARE * chars


def _nested_deeper_than(tree: lxml_html.HtmlElement, depth: int) -> bool:
    """Whether any element sits under `depth` ancestors (one XPath in C: ~0.6 ms on a 700-element page)."""
    return bool(tree.xpath(f"boolean(//*[count(ancestor::*) >= {depth}])"))


def second_opinion(text: str) -> list[str]:
    """The page's main text by Resiliparse (an extractor independent of trafilatura), one line a block."""
    try:
        extracted = extract_plain_text(
            HTMLTree.parse(text), main_content=True, preserve_formatting=True, list_bullets=True,
            alt_texts=False, links=False, form_fields=False, noscript=False, comments=False,
        )  # fmt: skip
    except (ValueError, RuntimeError):  # a page it cannot parse: trafilatura's results stand alone
        return []
    return [line for line in (_squash(x) for x in extracted.splitlines()) if line]


def _tokens(paragraphs: list[str]) -> Counter[str]:
    return Counter(_WORD.findall(" ".join(paragraphs).casefold()))


def agreement(a: list[str], b: list[str]) -> float:
    """Token overlap of two extractions (Dice coefficient of their word multisets, 0..1)."""
    ta, tb = _tokens(a), _tokens(b)
    total = ta.total() + tb.total()
    return 2 * (ta & tb).total() / total if total else 1.0


def second_reads_the_article(kept: list[str], second: list[str]) -> bool:
    """trafilatura's kept text is a small part of the second extractor's and shares little with it: it read
    another block of the page than the article."""
    return _chars(kept) < RESCUE_BELOW_SHARE_OF_SECOND * _chars(second) and agreement(kept, second) < (
        MIN_SECOND_AGREEMENT
    )


def second_paragraphs(second: list[str]) -> list[str]:
    """The second extractor's lines as the paragraphs trafilatura's output gives: its list bullet is "• "."""
    return [f"- {line[2:]}" if line.startswith("• ") else line for line in second]


def prefer_full(fast: list[str], full: list[str], second: list[str]) -> bool:
    """Of two differing trafilatura results, keep the full one unless the second extractor agrees more
    with the fast one (it outvotes a fallback that took a comment thread, a cookie note or a teaser list)."""
    on_fast, on_full = agreement(fast, second), agreement(full, second)
    return on_full >= on_fast or max(on_fast, on_full) < MIN_SECOND_AGREEMENT


_ARTICLE_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"(?:\w*Article|BlogPosting|Report)"')


def _declares_article(tree: lxml_html.HtmlElement, json_ld: JsonLd) -> bool:
    """The page says it is one article (og:type article, or a JSON-LD Article type).

    Its text is kept even when no sentence ends like prose (a list-shaped article, a script without
    sentence punctuation): an index or login page does not declare itself an article."""
    if any(_squash(v).lower() == "article" for v in tree.xpath('//meta[@property="og:type"]/@content')):
        return True
    # (an <article> element is no such statement: CMS templates wrap error and login pages in one)
    return any(_ARTICLE_TYPE.search(text) for text in json_ld.texts)


def trim_to_agreement(paragraphs: list[str], second: list[str]) -> list[str]:
    """Drop the paragraphs ahead of the first paragraph the second extractor also found (two or more must
    match) that its text does not hold at all: trafilatura took in a teaser or a related headline from a
    sidebar above the article, which an independent extractor did not see as main content.  List items
    and short lines are left to the pruning rules; a trim that would leave no article text is not made."""
    second_keys = [k for line in second if (k := words_key(line))]
    if not second_keys:
        return paragraphs
    second_text = " ".join(second_keys)  # a paragraph trafilatura joined from two of its lines is found too
    exact = set(second_keys)

    def found(key: str) -> bool:
        return key in exact or (len(key) >= MIN_PARTIAL_MATCH_CHARS and key in second_text)

    matched = [i for i, p in enumerate(paragraphs) if (k := words_key(p)) and found(k)]
    if len(matched) < 2:
        return paragraphs
    trimmed = [
        p
        for i, p in enumerate(paragraphs)
        if i >= matched[0] or len(p.split()) < MIN_TRIM_WORDS or p[:2] == "- " or words_key(p) in second_text
    ]
    dropped = len(paragraphs) - len(trimmed)
    if dropped > MAX_TRIM_PARAGRAPHS or _chars(paragraphs) - _chars(trimmed) > MAX_TRIM_SHARE * _chars(trimmed):
        return paragraphs
    return trimmed if _has_article_text(trimmed) else paragraphs


def fill_gaps(
    paragraphs: list[str], second: list[str], titles: list[str], links: frozenset[str], headings: frozenset[str]
) -> list[str]:
    """The kept paragraphs with the lines the second extractor prints between two of them (GAP_MAX_WORDS):
    trafilatura's own pass (without its fallbacks) sometimes drops a section's heading or a short list between
    two paragraphs it keeps (achgut.com's "<ol>" of two questions and its "<h3>"s; WCXB 0005's headings),
    and an independent extractor that puts them between the same two paragraphs is evidence that they are
    the article's.  The lines go through the same pruning (whole links, cross-links, dates, bylines)."""
    if not second or len(paragraphs) < 2:
        return paragraphs
    second = second_paragraphs(second)
    keys = [words_key(line) for line in second]
    where: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key:
            where.setdefault(key, index)
    kept_keys = {words_key(p) for p in paragraphs}
    out = [paragraphs[0]]
    for before, after in pairwise(paragraphs):
        start, end = where.get(words_key(before)), where.get(words_key(after))
        near = start is not None and end is not None and start < end <= start + GAP_MAX_LINES
        if near and min(len(before.split()), len(after.split())) >= GAP_MIN_NEIGHBOUR_WORDS:
            gap = [second[i] for i in range(start + 1, end) if keys[i] and keys[i] not in kept_keys]
            if _a_sections_gap(gap, headings) and sum(len(line.split()) for line in gap) <= GAP_MAX_WORDS:
                out.extend(prune_paragraphs(gap, titles, Evidence(), links))
        out.append(after)
    return out


def _dropped_between_kept(tree: lxml_html.HtmlElement, kept: list[str]) -> frozenset[str]:
    """The keys of the page's section headings, when one that the kept text lacks is followed by a paragraph
    it holds, or a list it lacks sits between two paragraphs it holds: a cheap test (XPath and a few
    neighbours) of whether `fill_gaps` has anything to find, so that the second extractor runs only then.
    Empty when neither is so."""
    kept_keys = {words_key(p) for p in kept}

    def holds(element: lxml_html.HtmlElement | None) -> bool:
        return element is not None and isinstance(element.tag, str) and words_key(element.text_content()) in kept_keys

    heads = [(h, words_key(h.text_content())) for h in tree.xpath("//h2|//h3|//h4|//h5|//h6")]
    found = any(key not in kept_keys and holds(h.getnext()) for h, key in heads)
    found = found or any(
        not holds(items.find("li")) and holds(items.getprevious()) and holds(items.getnext())
        for items in tree.xpath("//ol|//ul")
    )
    return frozenset(key for _, key in heads) if found else frozenset()


def _a_sections_gap(gap: list[str], headings: frozenset[str]) -> bool:
    """List items and at most one heading of the page, none of them chrome or a marker of it ("Related stories",
    "Advertisement", "Mehr zum Thema"): a box of teasers has several headlines, a text line of its own, or a
    marker."""
    p = phrases()
    tables = (p.chrome_lines, p.end_markers, p.section_markers, p.ad_slots)
    heads = 0
    for line in gap:
        bare = line.strip(EDGE_PUNCT)
        if any(table.match(bare) for table in tables) or p.chrome_hints.search(bare):
            return False
        if line[:2] == "- ":
            continue
        if words_key(line) not in headings:
            return False
        heads += 1
    return bool(gap) and heads <= 1


# --- the reader --------------------------------------------------------------------------


def _reject(reason: str) -> RejectedInput:
    return RejectedInput(reason)


_RUBY_ANNOTATION = re.compile(r"<r[tp][\s>]", re.IGNORECASE)


def _drop_ruby_annotations(text: str, tree: lxml_html.HtmlElement) -> bool:
    """Remove ruby annotations (<rt>, <rp>); True when there were any.

    Japanese and Chinese pages for learners print a word's reading above it (<ruby>東京<rt>とうきょう</rt>
    </ruby>); the reading is a pronunciation guide, not text, and extracted inline it doubles every annotated
    word ("東京とうきょうの子こども", in the body and the title).  The text after an annotation is kept.
    """
    if not _RUBY_ANNOTATION.search(text):
        return False
    etree.strip_elements(tree, "rt", "rp", with_tail=False)
    return True


def _reopened_body(text: str) -> str:
    """The page with its closing </body> and </html> tags dropped when block content follows the first of them."""
    end = _BODY_END.search(text)
    if end is None or not _BLOCK_CONTENT.search(text, end.end()):
        return text
    return _BODY_END.sub("", text)


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry (see `axis_ingest.readers`)."""
    return read_html(record.text, record.raw)


def read_html(text: str, raw: RawInput | None = None, saved_from: str | None = None) -> list[Document]:
    """One Document from an HTML page or fragment; RejectedInput when it holds no article text.

    `saved_from`: the address the page was saved from, when the file says so outside the page (an MHTML
    file's snapshot location); `html_meta.html_metadata` reads the one a browser writes into the page."""
    if not text or not text.strip():
        raise _reject("the HTML file is empty: re-save the page from the browser (File > Save Page As).")
    text = _reopened_body(text)
    # trafilatura's loader refuses a fragment that opens with one element and no <html> ("<title>...</title>
    # <article>...", a snippet saved from a CMS): inside an <html> element the same markup parses.
    tree = load_html(text)
    if tree is not None and tree.tag != "html" and (start := _DOCUMENT_START.search(text)) and start.start() > 0:
        # Output printed before the page (an old WordPress's PHP notices: "<br />\n<b>Strict Standards</b>: ...")
        # made the parser read a fragment without <head> or <body>: the page is what follows it.
        text = text[start.start() :]
        tree = load_html(text)
    if tree is None:
        tree = load_html(f"<html>{text}</html>")
    if tree is None:
        raise _reject("the file could not be parsed as HTML: check that it is a web page and not binary data.")
    fragment = not _FRAGMENT_MARKERS.search(text[:5000])
    second_opinion_text = text
    if _drop_ruby_annotations(text, tree):
        second_opinion_text = lxml_html.tostring(tree, encoding="unicode")
    meta = html_metadata(
        tree, None, source=text, saved_from=saved_from
    )  # the tree parsed above: the page is parsed once (issue 8)

    paragraphs = fragment_paragraphs(tree) if fragment else _extract(tree, meta.url, TRAFILATURA_OPTIONS)

    h1 = _first_text(tree, "//h1")
    if fragment:  # a fragment's <h2> is a section heading of the body, not a headline
        title, subtitle, titles = h1, None, [t for t in (h1,) if t]
    else:
        title = meta.title or h1 or _first_text(tree, "//title")
        subtitle = meta.subtitle or find_standfirst(tree, meta.json_ld)
        titles = [t for t in (title, h1, _meta_content(tree, '//meta[@property="og:title"]/@content')) if t]
    evidence = meta.evidence
    # Paragraphs come out of lxml already unescaped and squashed: prune first, repair only what is kept.
    found = Evidence()
    links = link_texts(tree, meta.url)
    kept = prune_paragraphs(paragraphs, titles, found, links)
    ask = not fragment and (
        _chars(paragraphs) < SECOND_OPINION_BELOW_CHARS or not _has_article_text(kept) or _run_together(paragraphs)
    )
    ask = ask and not _nested_deeper_than(tree, SECOND_OPINION_MAX_DEPTH)
    second = second_opinion(second_opinion_text) if ask else None
    fill = not fragment  # whether `fill_gaps` may put back what the second extractor prints between paragraphs
    if not fragment and _looks_missed(paragraphs, kept, second):
        full = _extract(tree, meta.url, FULL_EXTRACTION_OPTIONS)
        if full and full != paragraphs:
            full_found = Evidence()
            full_kept = prune_paragraphs(full, titles, full_found, links)
            use_full = prefer_full(paragraphs, full, second or [])
            if _has_article_text(kept) != _has_article_text(full_kept):  # never trade an article for none
                use_full = _has_article_text(full_kept)
            if use_full:
                found, kept = full_found, full_kept
    if second and second_reads_the_article(kept, second):
        second_found = Evidence()
        second_kept = prune_paragraphs(second_paragraphs(second), titles, second_found, links)
        if _has_article_text(second_kept):
            found, kept, second = second_found, second_kept, None  # nothing left to trim it against or fill from
            fill = False
    evidence.take_printed(found)
    kept = trim_to_agreement(kept, second) if second else kept
    # trafilatura's own pass dropped a heading or a list between kept paragraphs: the second extractor, asked
    # now if it was not before, puts back what it prints between the same two (`fill_gaps`)
    if fill and (headings := _dropped_between_kept(tree, kept)):
        if second is None and not _nested_deeper_than(tree, SECOND_OPINION_MAX_DEPTH):
            second = second_opinion(second_opinion_text)
        kept = fill_gaps(kept, second or [], titles, links, headings)
    paragraphs = normalise_paragraphs(kept if fragment else continued_paragraphs(tree, kept, _reads_like_prose))

    if subtitle and not _has_article_text(paragraphs) and _has_article_text([subtitle]):
        # The page's only prose is its standfirst (an audio or video piece with its intro): that is the text.
        paragraphs, subtitle = normalise_paragraphs([subtitle, *paragraphs]), None
    metadata: dict[str, object] = dict(meta.extra)
    declared = _declares_article(tree, meta.json_ld)
    word_count = sum(len(p.split()) for p in paragraphs)
    if not _has_article_text(paragraphs) and declared and word_count < MIN_ARTICLE_WORDS:
        # A news page around a video or a gallery: the page says it is an article, and the summary it declares
        # is all its text.  Kept, marked, rather than rejected (the couriermail.com.au video of a veteran).
        description = meta.json_ld.article_string("description") or _meta_content(
            tree, '//meta[@property="og:description" or @name="description"]/@content'
        )
        if description and _has_article_text([description := _squash(html_entities.unescape(description))]):
            paragraphs = normalise_paragraphs([description])
            metadata["body_from"] = "description"
            word_count = len(description.split())
    if not (_has_article_text(paragraphs) or _reads_like_verse(paragraphs)) and not (
        word_count >= MIN_ARTICLE_WORDS and declared
    ):
        raise _reject(
            f"no article text found in the HTML page (only {word_count} words of body after removing "
            "menus, links and boilerplate): it looks like an index, login, consent or error page. "
            "Save the article page itself, or paste the article text as a .txt file."
        )
    if not evidence.language_hints:
        lang = tree.get("lang") or ((_squash(meta.og_locale) or None) if meta.og_locale else None)
        if lang:
            evidence.language_hints.append(lang)

    if meta.url:
        metadata["url"] = meta.url
    return [
        Document(
            source_format="html",
            raw=raw,
            title=title,
            subtitle=subtitle if subtitle and words_key(subtitle) != words_key(title or "") else None,
            paragraphs=paragraphs,
            url=meta.url,
            metadata=metadata,
            evidence=evidence,
        )
    ]
