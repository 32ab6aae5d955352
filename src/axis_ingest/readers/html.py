"""HTML reader: one Document from a web page or a fragment of one, or a rejection a person can act on.

The page is parsed once with lxml (`_parse`); its metadata comes from `readers.html_meta`, its titles and
standfirst from here, and its body from `readers.html_extract` (a whole page: trafilatura with its fallbacks
and a second extractor's vote) or `readers.html_output` (a fragment without <html>/<body>: its blocks in
order); either is pruned by `readers.html_prune`, whose prose test decides whether the page holds an article.
"""

from __future__ import annotations

import html as html_entities
import re

from lxml import etree
from lxml import html as lxml_html

from axis_ingest.caseless import CaselessPattern
from axis_ingest.clean.repeats import without_repeated_runs
from axis_ingest.clean.text import fix_mojibake, normalise_paragraphs
from axis_ingest.detectors import MAX_BYLINE_WORDS, words_key
from axis_ingest.document import Document, Evidence, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.readers.continued_body import continued_paragraphs
from axis_ingest.readers.html_extract import article_paragraphs
from axis_ingest.readers.html_json_ld import JsonLd, read_json_ld
from axis_ingest.readers.html_meta import html_metadata
from axis_ingest.readers.html_output import SKIP_TAGS, fragment_paragraphs
from axis_ingest.readers.html_page import HtmlMeta
from axis_ingest.readers.html_parse import load_page
from axis_ingest.readers.html_prune import (
    MIN_ARTICLE_WORDS,
    has_article_text,
    is_date_line,
    link_texts,
    prune_paragraphs,
    reads_like_prose,
    reads_like_verse,
    rules,
    squash,
)
from axis_ingest.readers.html_streamed import place_streamed_segments
from axis_ingest.readers.next_story import without_next_stories

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
_DEK_CLASS = CaselessPattern(
    r"(?:^|[\s_-])(dek|deck|standfirst|stand-first|subline|sub-?title|sub-?head(?:line)?|strapline|"
    r"article-?summary|article-?teaser|header-?teaser|intro-?text)(?:$|[\s_-])"
)
_BODY_CLASSES = etree.XPath("//body//*/@class", smart_strings=False)


# --- title and standfirst ----------------------------------------------------------------


def _first_text(tree: lxml_html.HtmlElement, xpath: str) -> str | None:
    for element in tree.xpath(xpath):
        if text := squash(element.text_content()):
            return text
    return None


def find_standfirst(tree: lxml_html.HtmlElement, json_ld: JsonLd | None = None) -> str | None:
    """The dek the page marks as such: JSON-LD alternativeHeadline, an element whose class
    names a dek/standfirst, or a heading right after the <h1> that repeats the meta description
    (the description alone is not enough: it is often the lead paragraph).  `json_ld`: the page's
    JSON-LD as `html_metadata` parsed it (read from the tree when not given)."""
    if dek := (json_ld if json_ld is not None else read_json_ld(tree)).first_string("alternativeHeadline"):
        return squash(html_entities.unescape(dek))  # CMSs escape JSON-LD strings as HTML ("team&#8217;s")
    # One search over all the class values first (no element objects: ~2 ms of ~80 per page); only a page
    # with a dek class walks its elements.  A newline between the values is a boundary _DEK_CLASS accepts.
    if _DEK_CLASS.found_in("\n".join(_BODY_CLASSES(tree))):
        for element in tree.xpath("//body//*[@class]"):
            if element.tag in SKIP_TAGS or not _DEK_CLASS.found_in(element.get("class", "")):
                continue
            if _NOT_IN_A_DEK(element):  # a header block the class names ("article-intro-text-container")
                continue
            text = squash(element.text_content())
            if len(text.split()) >= MIN_DEK_WORDS and not _is_byline_or_date_line(text):
                return text
    description = _meta_content(tree, '//meta[@name="description" or @property="og:description"]/@content')
    h1 = next(iter(tree.xpath("//body//h1")), None)
    if description and h1 is not None:
        sibling = h1.getnext()
        while sibling is not None and not squash(sibling.text_content() if sibling.tag != etree.Comment else ""):
            sibling = sibling.getnext()
        if sibling is not None and sibling.tag in ("h2", "h3", "h4", "p"):
            text = squash(sibling.text_content())
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
    return is_date_line(text) or bool(len(text.split()) <= MAX_BYLINE_WORDS and rules().byline.fullmatch(text))


def _meta_content(tree: lxml_html.HtmlElement, xpath: str) -> str | None:
    values = tree.xpath(xpath)
    return squash(values[0]) if values and squash(values[0]) else None


# --- the reader --------------------------------------------------------------------------


_ARTICLE_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"(?:\w*Article|BlogPosting|Report)"')


def _declares_article(tree: lxml_html.HtmlElement, json_ld: JsonLd) -> bool:
    """The page says it is one article (og:type article, or a JSON-LD Article type).

    Its text is kept even when no sentence ends like prose (a list-shaped article, a script without
    sentence punctuation): an index or login page does not declare itself an article."""
    if any(squash(v).lower() == "article" for v in tree.xpath('//meta[@property="og:type"]/@content')):
        return True
    # (an <article> element is no such statement: CMS templates wrap error and login pages in one)
    return any(_ARTICLE_TYPE.search(text) for text in json_ld.texts)


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


# A no-break space's UTF-8 bytes read as windows-1252 ("\u00c2" and a no-break space): a page saved through a
# wrong decoding once (WCXB's half a and b: four unrelated sites, up to 64 in a page, most at a paragraph's end),
# printed as a character or as an entity.  Searched case-sensitively: the literal first character makes the search
# a scan for it (0.07 ms on a 150 KB page; with IGNORECASE, 3 ms).
_DOUBLE_ENCODED_NO_BREAK_SPACE = "\u00c2\u00a0"
_DOUBLE_ENCODED_IN_MARKUP = re.compile("\u00c2(?:\u00a0|&nbsp;|&#160;|&#xa0;)")


def _repair_double_encoded_spaces(text: str, tree: lxml_html.HtmlElement) -> None:
    """Repair (ftfy, `fix_mojibake`) the text nodes that hold a double-encoded no-break space.

    The paragraphs are repaired later as well, but by then the extractors have squashed each paragraph's
    whitespace and cut its last space: "cats.\u00c2" alone is no mojibake ftfy can recognise, and the stray
    "\u00c2" stayed in the body.  In the parsed tree the pair is whole.
    """
    if not _DOUBLE_ENCODED_IN_MARKUP.search(text):
        return
    for node in tree.xpath(f'//text()[contains(., "{_DOUBLE_ENCODED_NO_BREAK_SPACE}")]'):
        parent, repaired = node.getparent(), fix_mojibake(str(node))
        if node.is_tail:
            parent.tail = repaired
        else:
            parent.text = repaired


def _reopened_body(text: str) -> str:
    """The page with its closing </body> and </html> tags dropped when block content follows the first of them."""
    end = _BODY_END.search(text)
    if end is None or not _BLOCK_CONTENT.search(text, end.end()):
        return text
    return _BODY_END.sub("", text)


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry (see `axis_ingest.readers`)."""
    return read_html(record.text, record.raw)


def read_html(
    text: str, raw: RawInput | None = None, saved_from: str | None = None, *, body_blocks: str | None = None
) -> list[Document]:
    """One Document from an HTML page or fragment; RejectedInput when it holds no article text.

    Stages, each its own function: parse the page once (`_parse`), read its metadata (`html_meta`), its titles
    (`_titles`), its body (`_body`: `html_extract.article_paragraphs` for a whole page, the fragment's blocks
    for a fragment), a declared summary for a page that is only a video or gallery (`_declared_summary`), and
    the prose test that rejects what is no article.

    `saved_from`: the address the page was saved from, when the file says so outside the page (an MHTML
    file's snapshot location); `html_meta.html_metadata` reads the one a browser writes into the page.
    `body_blocks`: HTML whose blocks are the article's body, pruned as a fragment's are, instead of an extractor's
    reading of the page (a reader service's Markdown of a whole page, `readers.markdown`: rendered, every block
    is a child of <body>, and trafilatura kept one run of them: WCXB's pages as such Markdown, body F1 0.82 ->
    0.79, recall 0.98 -> 0.4 on many)."""
    text, tree, page_text = _parse(text)
    fragment = not _FRAGMENT_MARKERS.search(text[:5000])
    meta = html_metadata(tree, None, source=text, saved_from=saved_from)  # the tree parsed above (issue 8)
    title, subtitle, titles = _titles(tree, meta, fragment)
    evidence = meta.evidence
    if body_blocks is None:
        paragraphs = _body(tree, page_text, meta.url, titles, fragment, evidence)
    else:
        blocks = lxml_html.fragment_fromstring(body_blocks, create_parent="div")
        paragraphs = _body(blocks, page_text, meta.url, titles, True, evidence)
    if subtitle and not has_article_text(paragraphs) and has_article_text([subtitle]):
        # The page's only prose is its standfirst (an audio or video piece with its intro): that is the text.
        paragraphs, subtitle = normalise_paragraphs([subtitle, *paragraphs]), None
    metadata: dict[str, object] = dict(meta.extra)
    declared = _declares_article(tree, meta.json_ld)
    if (
        not has_article_text(paragraphs)
        and declared
        and _words(paragraphs) < MIN_ARTICLE_WORDS
        and (summary := _declared_summary(tree, meta.json_ld))
    ):
        paragraphs = normalise_paragraphs([summary])
        metadata["body_from"] = "description"
    word_count = _words(paragraphs)
    if not (has_article_text(paragraphs) or reads_like_verse(paragraphs)) and not (
        word_count >= MIN_ARTICLE_WORDS and declared
    ):
        raise _reject(
            f"no article text found in the HTML page (only {word_count} word{'' if word_count == 1 else 's'} of "
            "body after removing "
            "menus, links and boilerplate): it looks like an index, login, consent or error page. "
            "Save the article page itself, or paste the article text as a .txt file."
        )
    if not evidence.language_hints:
        lang = tree.get("lang") or ((squash(meta.og_locale) or None) if meta.og_locale else None)
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


def _parse(text: str) -> tuple[str, lxml_html.HtmlElement, str]:
    """(the page's text as parsed, its tree, the text the second extractor reads): the page is parsed once."""
    if not text or not text.strip():
        raise _reject("the HTML file is empty: re-save the page from the browser (File > Save Page As).")
    text = _reopened_body(text)
    # trafilatura's loader refuses a fragment that opens with one element and no <html> ("<title>...</title>
    # <article>...", a snippet saved from a CMS): inside an <html> element the same markup parses.
    tree = load_page(text)
    if tree is not None and tree.tag != "html" and (start := _DOCUMENT_START.search(text)) and start.start() > 0:
        # Output printed before the page (an old WordPress's PHP notices: "<br />\n<b>Strict Standards</b>: ...")
        # made the parser read a fragment without <head> or <body>: the page is what follows it.
        text = text[start.start() :]
        tree = load_page(text)
    if tree is None:
        tree = load_page(f"<html>{text}</html>")
    if tree is None:
        raise _reject("the file could not be parsed as HTML: check that it is a web page and not binary data.")
    # both run: a page may hold ruby annotations and streamed segments
    changed = _drop_ruby_annotations(text, tree) | place_streamed_segments(tree)
    page_text = lxml_html.tostring(tree, encoding="unicode") if changed else text
    # The second extractor, which only votes by the words it shares with trafilatura's, reads the page as saved:
    # a page re-serialised by lxml is another page to it (WCXB, half b: one page's vote changed with it).
    _repair_double_encoded_spaces(text, tree)
    return text, tree, page_text


def _titles(tree: lxml_html.HtmlElement, meta: HtmlMeta, fragment: bool) -> tuple[str | None, str | None, list[str]]:
    """(title, standfirst, the titles a repeated headline in the body is recognised by)."""
    h1 = _first_text(tree, "//h1")
    if fragment:  # a fragment's <h2> is a section heading of the body, not a headline
        return h1, None, [t for t in (h1,) if t]
    title = meta.title or h1 or _first_text(tree, "//title")
    subtitle = find_standfirst(tree, meta.json_ld)
    return title, subtitle, [t for t in (title, h1, _meta_content(tree, '//meta[@property="og:title"]/@content')) if t]


def _body(
    tree: lxml_html.HtmlElement, page_text: str, url: str | None, titles: list[str], fragment: bool, evidence: Evidence
) -> list[str]:
    """The article's paragraphs, repaired; the dates and bylines pruned out of them become `evidence`.
    Paragraphs come out of lxml already unescaped and squashed: prune first, repair only what is kept.  A whole
    page's extractors read it without the next stories it loads under its own (`without_next_stories`), and a
    second copy of the text (a site builder's variant for another screen size) is dropped (`without_repeated_runs`)."""
    links = link_texts(tree, url)
    if fragment:
        found = Evidence()
        kept = prune_paragraphs(fragment_paragraphs(tree), titles, found, links)
    else:
        if (single := without_next_stories(tree)) is not None:
            tree, page_text = single, lxml_html.tostring(single, encoding="unicode")
        kept, found = article_paragraphs(tree, page_text, url, titles, links)
        kept = continued_paragraphs(tree, kept, reads_like_prose)
    evidence.take_printed(found)
    return without_repeated_runs(normalise_paragraphs(kept))


def _declared_summary(tree: lxml_html.HtmlElement, json_ld: JsonLd) -> str | None:
    """The summary a page declares (JSON-LD description, og:description), when it reads as prose: a news page
    around a video or a gallery says it is an article, and that summary is all its text.  Kept, marked, rather
    than rejected (the couriermail.com.au video of a veteran)."""
    description = json_ld.article_string("description") or _meta_content(
        tree, '//meta[@property="og:description" or @name="description"]/@content'
    )
    if description and has_article_text([description := squash(html_entities.unescape(description))]):
        return description
    return None


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)
