"""Metadata evidence from an HTML page: title, URL, dates, authors, site name, language (`html_metadata`).

This is the metadata half of HTML reading (the body half is `readers.html`),
following trafilatura's core/metadata split.  It gathers evidence as printed,
most trusted first, and leaves parsing and choosing to `axis_ingest.normalise`:

- dates: JSON-LD of the article (datePublished with its offset, including
  `@graph` documents), then the page's own meta tags (article:published_time,
  itemprop, Dublin Core), then the publication <time datetime>, then a date after a
  label element ("<h5>Datum:</h5>03.02.2022"); htmldate's
  extensive search (via trafilatura's metadata extractor) is kept apart in
  `Evidence.published_guess`, ranked after the body's date lines;
- authors: JSON-LD Person names, then meta author tags and byline elements
  (rel=author, itemprop=author, .byline) as raw bylines;
- site names: og:site_name, JSON-LD publisher, trafilatura's site name;
- language hints: <html lang>, JSON-LD inLanguage, og:locale;
- the title: the page's headings and declared titles, chosen here by `readers.html_title.choose_title`.

This module reads what the page declares for machines (its JSON-LD's nodes, its meta tags), its copyright notice
and the site a web archive's capture was taken of, and `html_metadata` calls the readers in order of trust.  What
the page prints for readers is read by the modules below it, each of one kind: `html_dates`, `html_bylines`,
`html_headings`, on the shared evidence and element tests of `html_page`; `html_json_ld` parses the JSON-LD.
"""

from __future__ import annotations

import html as html_entities
import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import extract_metadata

from axis_ingest.detectors import archived_original, clean_site_name, is_archive_name, saved_from_url, words_key
from axis_ingest.names.bylines import in_reading_order, introduces_names
from axis_ingest.readers.html_bylines import (
    cut_at_an_entity,
    find_printed_labels,
    printed_only_in_comments,
    read_author_link,
    read_bare_by,
    read_bylines,
    read_labelled_bylines,
    read_written_by,
)
from axis_ingest.readers.html_dates import (
    copyright_year_guess,
    read_date_under_headline,
    read_labelled_dates,
    read_long_date_order,
    read_name_beside_a_date,
    read_published_label,
    read_rdf_date,
    read_time_elements,
)
from axis_ingest.readers.html_headings import page_headings, printed_as_the_sites_name
from axis_ingest.readers.html_json_ld import ARTICLE_TYPES, node_types, read_json_ld
from axis_ingest.readers.html_page import HtmlMeta, add_once, claim_date, credits_an_image, printed_text
from axis_ingest.readers.html_parse import load_page
from axis_ingest.readers.html_title import choose_title, end_parts

# Meta tags naming the publication time, most specific first (names compared lower-case).
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publishdate",
    "pubdate",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    "date",
    "dc.date",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "originalpublicationdate",
    "datecreated",
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
    "article.updated",
)
AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "cxenseparse:author",  # the cXense platform's tag (6 dev pages of several publishers)
    "dc.creator",
    "byl",
    "dcterms.creator",
)
# WordPress's Yoast SEO prints the author as a labelled pair, <meta name="twitter:label1" content="Written by">
# <meta name="twitter:data1" content="Ana Lima"> (in the site's language: "Verfasst von"), beside the reading
# time; it writes up to this many pairs.  206 of WCXB's 1,497 pages of 2025 and 42 of the authors dev pages have
# one, and no other author tag on many of them.
TWITTER_LABELS = 4
# Dublin Core's creator tags, one per creator, each name printed surname first ("Tollefson, Jeff").
DUBLIN_CORE_CREATORS = frozenset({"dc.creator", "dcterms.creator"})
# A name printed surname first: one word (after lower-case particles, "van der Berg"), a comma, one to three words
# (given names, initials, a particle: "Jong, Michiel de"), no digits.  "Ana Lima, Tom Berger" is two names.
_INVERTED_NAME = re.compile(r"(?:[a-z]+ ){0,2}[^\W\d_][\w'’-]*, [^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2}")
SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
# The property through which a page's microdata holds its own article (the other nested items are citations,
# reviews, comments, list entries, live-blog updates: 174, 10, 6, 214 and 40 of them on the dates/authors dev pages).
_PAGE_ITEM_PROPS = frozenset({"mainentity", "mainentityofpage", "maincontentofpage"})
# A copyright notice taken for the site's name ("© 2016 aryanews.com" from a copyright meta tag): the mark, or the
# word with a year.  Only then is the copyright furniture removed (`clean_site_name`), so that "Copyright Agency
# Limited" and "Radio 2000" stay as they are.
_COPYRIGHT_MARK = re.compile(r"©|\(c\)|copyright\s*(?:©|\(c\)|(?:19|20)\d{2})", re.IGNORECASE)
# Times a CMS may have escaped a value ("&amp;amp;copy;"): each unescaping removes one.
MAX_ESCAPES = 3
# A printed copyright notice and whom it names: the mark or the word, years, an optional "by", then the holder up
# to a separator or a sentence's end ("(c) Johannes Wolf • Weitere Rechte ...", "2006-2008 by Martin Weber",
# "COPYRIGHT ANDRÉ LOIBL | THIS IS ...").  Read from short elements outside figures and captions.
_COPYRIGHT_NOTICE = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)[\s©]*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?,?\s*)?(?:by\s+)?"
    r"(?P<holder>[^\W\d][^|•·,;:/()\n]*?)\s*(?:[|•·,;:/(\n]|\.\s|\.$|$|all rights|alle rechte)",
    re.IGNORECASE,
)
MAX_COPYRIGHT_NOTICE_WORDS = 20
# Unlike `credits_an_image`'s own classes (`html_page._IMAGE_CREDIT_CLASS`), a class naming a copyright or a
# licence does not rule a notice out: footers use them.
_CAPTION_CLASS = re.compile(r"credit|caption", re.IGNORECASE)
# The text nodes that may hold a notice, by plain contains() (translate() to fold the word's case cost ~2.5 ms a
# page, as much as the whole byline walk): the mark, "(c)", or the word in its usual spellings.
_COPYRIGHT_TEXTS = etree.XPath(
    "//body//text()[contains(., '©') or contains(., '(c)') or contains(., '(C)') or contains(., 'opyright')"
    " or contains(., 'OPYRIGHT')]"
)
# A Wayback Machine capture saved without its URL names the archived site through its rewritten links: the
# host this many of them lead to (dimido.de's capture on the authors dev set, half a: 30 of its own links).
ARCHIVED_HOST_MIN_LINKS = 5
# ... when at least this share of its links are archive links (a page citing archived sources has a few).
ARCHIVED_LINK_SHARE = 0.5
_ARCHIVE_PATH = re.compile(r"/web/\d{8}")  # every rewritten link of a capture: "/web/20080731095558..."
_LINK_TARGETS = etree.XPath("//a/@href | //img/@src | //link/@href | //script/@src", smart_strings=False)


def _read_json_ld(tree: Any, meta: HtmlMeta) -> None:
    meta.json_ld = read_json_ld(tree)
    nodes = list(meta.json_ld.nodes)
    articles = [n for n in nodes if node_types(n) & ARTICLE_TYPES]
    pages = [n for n in nodes if "webpage" in node_types(n)]
    ev = meta.evidence
    # Dates of the page's own article only: listing pages and blogs embed teaser nodes
    # (related posts, a Blog's blogPost list) whose dates would outvote the article's.
    for group in (articles, pages):
        node = next((n for n in group if n.get("datePublished") or n.get("dateCreated")), None)
        if node is not None:
            claim_date(ev, node.get("datePublished") or node.get("dateCreated"), "jsonld")
            claim_date(ev, node.get("dateModified"), "jsonld", modified=True)
    for node in articles + pages:
        add_once(ev.language_hints, node.get("inLanguage"))
    for node in _own_articles(articles):
        for name in _names(node.get("author") or node.get("creator"), persons_only=True):
            ev.claim_byline(name, "jsonld", person=True)
        for name in _names(node.get("publisher"), persons_only=False):
            _add_site(ev.site_names, name)
        if "headline" not in meta.extra and isinstance(node.get("headline"), str):
            meta.extra["headline"] = " ".join(html_entities.unescape(node["headline"]).split())
    for node in nodes:
        if node_types(node) & {"newsmediaorganization", "website"} and isinstance(node.get("name"), str):
            _add_site(ev.site_names, node["name"])


def _own_articles(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article nodes about the page's own article: the first, and those without a headline or with the
    first's.  A page listing other posts declares each as an article of its own (pikabu.ru: the story, then
    twenty "Article" nodes of other users' posts, metascraper's test page), and their authors are not the
    story's; nodes repeating the story (an Article in the @graph and a NewsArticle beside it) agree."""
    first = _headline_key(articles[0]) if articles else ""
    if not first:
        return articles
    return [node for node in articles if _headline_key(node) in ("", first)]


def _headline_key(node: dict[str, Any]) -> str:
    headline = node.get("headline") or node.get("name")
    return words_key(html_entities.unescape(headline)) if isinstance(headline, str) else ""


def _names(value: Any, *, persons_only: bool) -> list[str]:
    """Names in a JSON-LD author/publisher value: a string, a node, or a list of either.

    Unescaped: CMSs print JSON-LD strings HTML-escaped (`"Redacci&oacute;n Diario"`), and the `&` of an
    entity left in would split the byline as a list."""
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            out.append(html_entities.unescape(item))
        elif isinstance(item, dict):
            if persons_only and node_types(item) & {"organization", "newsmediaorganization", "corporation"}:
                continue
            name = item.get("name")
            if isinstance(name, str):
                out.append(html_entities.unescape(name))
    return out


def _add_site(values: list[str], value: object) -> None:
    """A site name, unescaped (CMSs escape some values more than once) and without a copyright notice."""
    if isinstance(value, str):
        for _ in range(MAX_ESCAPES):
            value = html_entities.unescape(value)
        add_once(values, (clean_site_name(value) or "") if _COPYRIGHT_MARK.search(value) else value)


def _meta_values(tree: Any, meta: HtmlMeta) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for element in tree.xpath("//meta[@content]"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or element.get("http-equiv")
        if key and not (key == element.get("itemprop") and _in_nested_item(element)):
            values.setdefault(key.strip().lower(), []).append(element.get("content", ""))
        if meta.og_locale is None and element.get("property") == "og:locale":
            meta.og_locale = element.get("content", "")
    return values


def _in_nested_item(element: Any) -> bool:
    """A microdata property of an item that is itself another item's property (a cited paper's
    `<li itemprop="citation" itemscope>`, a review, a comment): its author and date are not the page's.
    The article nested in its page (`<div itemprop="mainEntity" itemscope itemtype=".../NewsArticle">`) is."""
    scope = next((node for node in element.iterancestors() if node.get("itemscope") is not None), None)
    if scope is None or scope.get("itemprop") is None:
        return False
    return not set(scope.get("itemprop").lower().split()) & _PAGE_ITEM_PROPS


def _read_meta_tags(tree: Any, meta: HtmlMeta) -> list[str]:
    """Dates, authors, site names and language hints of the meta tags; returns the author of the SEO plugin's
    labelled pair (`_labelled_meta_authors`), which ranks after the page's byline elements."""
    values = _meta_values(tree, meta)
    ev = meta.evidence
    for key in PUBLISHED_META:
        for value in values.get(key, []):
            claim_date(ev, value, "meta")
    for key in MODIFIED_META:
        for value in values.get(key, []):
            claim_date(ev, value, "meta", modified=True)
    for key in AUTHOR_META:
        if key in DUBLIN_CORE_CREATORS and (creators := _dublin_core_creators(values.get(key, []))):
            ev.claim_byline(creators, "meta")
            continue
        for value in values.get(key, []):
            if not re.match(r"https?://|@", value.strip()):
                ev.claim_byline(value, "meta")
    for key in SITE_META:
        for value in values.get(key, []):
            if not re.match(r"https?://|@", value.strip()):
                _add_site(ev.site_names, value)
    for key in ("og:locale", "content-language", "language", "dc.language"):
        for value in values.get(key, []):
            add_once(ev.language_hints, value)
    return _labelled_meta_authors(values)


def _dublin_core_creators(values: list[str]) -> str | None:
    """Dublin Core's creators as one byline, "Xiaoying You; Mariana Lenharo; ...", when every value is a name printed
    surname first ("You, Xiaoying", "Jong, Michiel de"): Dublin Core's own order, one tag per creator (Springer
    Nature's journals, the IETF's RFCs).  Read one tag at a time, the first creator alone was the author, and
    "You, Xiaoying" two people (neither part passes the given-name test that turns "Hofbauer, Lena")."""
    names = [" ".join(value.split()) for value in values]
    if not names or not all(_INVERTED_NAME.fullmatch(name) for name in names):
        return None
    return "; ".join(in_reading_order(name) or name for name in names)


def _labelled_meta_authors(values: dict[str, list[str]]) -> list[str]:
    """The author of Yoast SEO's labelled pair ("twitter:label1" "Written by", "twitter:data1" the name).  It is
    the WordPress account that posted, which a co-author plugin's printed byline may correct (docker.com: the
    pair names the poster, the page the writer), so it is claimed after the byline elements."""
    names = []
    for number in range(1, TWITTER_LABELS + 1):
        labels, data = values.get(f"twitter:label{number}", []), values.get(f"twitter:data{number}", [])
        if len(labels) == 1 and len(data) == 1 and introduces_names(labels[0]):
            names.append(data[0])
    return names


def _read_copyright_notice(tree: Any, meta: HtmlMeta) -> None:
    """Whom the page's own copyright notice names (`Evidence.copyright_holders`): the last notice printed outside
    figures and captions.  The page's notice closes it; an image's credit ("© Niklas Grapatin / Greenpeace" on
    a stage image whose class says "copyright") is printed higher up, and a footer's class is no better sign."""
    for node in reversed(_COPYRIGHT_TEXTS(tree)):
        element = node.getparent()  # of a tail ("</a> | COPYRIGHT ANDRÉ LOIBL"), the element it follows
        element = element.getparent() if node.is_tail and element is not None else element
        if element is None or element.tag in ("script", "style", "noscript", "title"):
            continue
        if credits_an_image(element, _CAPTION_CLASS):
            continue
        text = printed_text(element)
        if len(text.split()) <= MAX_COPYRIGHT_NOTICE_WORDS and (found := _COPYRIGHT_NOTICE.search(text)):
            add_once(meta.evidence.copyright_holders, " ".join(found["holder"].split()))
            return


def _archived_host(tree: Any, url: str | None, source: str | None) -> str | None:
    """The host a Wayback Machine capture was taken of: that of its URL's original, or, for a capture saved
    without its URL, the host most of its rewritten links lead to (its own pages and images: on the dev
    pages at least ARCHIVED_HOST_MIN_LINKS of them).  The links are read only when the page's source names
    the archive (reading them cost every page ~0.5 ms)."""
    original = archived_original(url)
    if original is not None:
        return _host(original)
    if source is not None and not _ARCHIVE_PATH.search(source):
        return None
    targets = [target.strip() for target in _LINK_TARGETS(tree)]
    hosts = Counter(host for target in targets if (host := _host(archived_original(target) or "")) is not None)
    if not hosts:
        return None
    # A capture has nearly all its links rewritten; a page citing archived copies of another site has a few.
    outward = sum(1 for target in targets if target.startswith(("http:", "https:", "//", "/")))
    host, count = hosts.most_common(1)[0]
    return host if count >= ARCHIVED_HOST_MIN_LINKS and hosts.total() >= ARCHIVED_LINK_SHARE * outward else None


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:  # a malformed link ("http://[::1")
        return None
    return host.removeprefix("www.") if host else None


def _first(tree: Any, xpath: str) -> str | None:
    values = tree.xpath(xpath)
    text = " ".join(str(values[0]).split()) if values else ""
    return html_entities.unescape(text) or None


def html_metadata(
    html: str | HtmlElement, url: str | None = None, *, source: str | None = None, saved_from: str | None = None
) -> HtmlMeta:
    """Read metadata evidence from structured data, meta tags, byline elements and htmldate.

    `html` is the page text or the tree the HTML reader already parsed (parsed once, issue 8), then
    with the page text as `source` (the parsed tree has no comments); nothing here changes the tree
    (trafilatura and htmldate copy it before pruning).  `saved_from` is the address the page was saved
    from (an MHTML file's snapshot location), else the one the browser wrote into the page: the page's URL
    where it declares none (canonical link, og:url), and htmldate reads a date in it.
    """
    meta = HtmlMeta(url=url)
    tree = html if isinstance(html, HtmlElement) else load_page(html)
    page_source = html if isinstance(html, str) else source
    saved_from = saved_from or saved_from_url(page_source)
    if tree is not None:
        add_once(meta.evidence.language_hints, tree.get("lang") or tree.get("xml:lang"))
        _read_json_ld(tree, meta)
        seo_authors = _read_meta_tags(tree, meta)
        read_time_elements(tree, meta)
        labels = find_printed_labels(tree)
        read_labelled_dates(labels.colon_labels, meta)
        if page_source and "rdf:Description" in page_source:
            read_rdf_date(page_source, meta)
        read_bylines(labels, meta)
        read_published_label(labels.published, meta)
        read_labelled_bylines(labels, meta)
        read_written_by(labels.written_by, meta)
        read_author_link(labels.author_links, meta)
        if not (meta.evidence.bylines or meta.evidence.author_names or meta.evidence.author_links):
            _read_copyright_notice(tree, meta)  # it names the author only where nothing else does (~0.9 ms)
        for name in seo_authors:
            meta.evidence.claim_byline(name, "meta")
        read_bare_by(labels.bare_by, meta)
        for link in tree.xpath('//link[@rel="canonical"]/@href'):
            meta.url = meta.url or str(link).strip() or None
    if tree is None:
        return meta
    found = extract_metadata(tree, default_url=url or saved_from)
    archived_host = _archived_host(tree, meta.url or found.url, page_source)
    headline = meta.extra.pop("headline", None)
    headings, h1_site_names = page_headings(tree)
    first_h1 = headings[0] if headings and headings[0].tag == "h1" else None
    h1 = first_h1.text if first_h1 else None
    printed_h1 = first_h1 if first_h1 is not None and not first_h1.marked else None  # a marked one is a title
    if printed_h1 is not None and (not meta.evidence.published or meta.evidence.stated_as_modified()):
        read_date_under_headline(printed_h1.element, meta)
    if page_source:
        read_long_date_order(page_source, meta)
    og_title = _first(tree, '//meta[@property="og:title" or @name="og:title"]/@content')
    # A stray character in <head> ("&nbsp;<title>") makes the parser open the body before the <title>.
    page_title = _first(tree, "//head/title//text()") or _first(tree, "//title[not(ancestor::svg)]//text()")
    twitter_title = _first(tree, '//meta[@name="twitter:title" or @property="twitter:title"]/@content')
    # a part of the <title> that is the page's declared headline or its <h1> is the headline, however often the
    # page prints it ("首次采样带回 … 一图看懂-中国,嫦娥五号,月球 ——快科技(驱动之家旗下媒体)--科技改变未来")
    headline_keys = {words_key(title) for title in (headline, og_title, twitter_title, h1) if title}
    title_ends = [part for title in (page_title, og_title) if title for part in end_parts(title)]
    title_ends = [part for part in title_ends if words_key(part) not in headline_keys]
    printed_names = printed_as_the_sites_name(tree, title_ends)
    meta.title = choose_title(
        [
            ("jsonld", headline),
            ("og", og_title),
            ("twitter", twitter_title),
            ("trafilatura", found.title),
            ("title", page_title),
        ],
        h1,
        [
            name
            for name in [
                *meta.evidence.site_names,
                found.sitename,
                found.hostname,
                archived_host,
                *h1_site_names,
                *printed_names,
            ]
            if name and not is_archive_name(name)
        ],
        [heading.text for heading in headings[1 if h1 else 0 :]],
        first_h1.kicker if first_h1 else None,
    )
    meta.url = meta.url or found.url or None
    meta.hostname = found.hostname or None
    if found.date and not copyright_year_guess(found.date, meta.url):
        add_once(meta.evidence.published_guess, found.date)  # htmldate's extensive search: a guess
        meta.evidence.date_claims.append(("htmldate", found.date))
    if found.author and not cut_at_an_entity(found.author, page_source):
        for part in html_entities.unescape(found.author).split(";"):
            if not printed_only_in_comments(tree, part):
                meta.evidence.claim_byline(part, "trafilatura")
    if printed_h1 is not None and not (
        meta.evidence.bylines or meta.evidence.author_names or meta.evidence.author_links
    ):
        read_name_beside_a_date(printed_h1.element, meta)
    if found.sitename:
        _add_site(meta.evidence.site_names, found.sitename)
    if archived_host:  # a Wayback Machine capture: the archived site, never the archive, published it
        meta.evidence.site_names = [name for name in meta.evidence.site_names if not is_archive_name(name)]
        add_once(meta.evidence.site_names, archived_host)
    if found.categories:
        meta.extra["categories"] = list(found.categories)
    if found.tags:
        meta.extra["tags"] = list(found.tags)
    return meta
