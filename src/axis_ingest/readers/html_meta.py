"""Metadata evidence from an HTML page: title, URL, dates, authors, site name, language.

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
"""

from __future__ import annotations

import html as html_entities
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from functools import lru_cache
from html.entities import html5 as HTML5_ENTITIES
from typing import Any
from urllib.parse import unquote, urlsplit

import json5
from lxml import etree
from lxml.html import HtmlElement
from trafilatura import extract_metadata
from trafilatura.utils import load_html

from axis_ingest.clean.boilerplate import names_a_printed_date
from axis_ingest.clean.text import without_invisible
from axis_ingest.detectors import (
    PRINTED_YEAR,
    SPACED_NUMERIC_DATE,
    VIETNAMESE_NUMERIC_DATE,
    archived_original,
    clean_site_name,
    data_table,
    is_archive_name,
    machine_date,
    match_date_line,
    saved_from_url,
)
from axis_ingest.document import Evidence
from axis_ingest.names.bylines import introduces_names
from axis_ingest.names.organisations import name_key
from axis_ingest.readers.html_title import MAX_KICKER_WORDS, MAX_TITLE_CHARS, choose_title

# JSON-LD types that describe the article itself (other nodes: WebPage, Organization, BreadcrumbList...): schema.org's
# Article and its subtypes (https://schema.org/Article, "More specific Types"), and the CreativeWork some CMSs use.
# Not DiscussionForumPosting: a forum thread's posts are each one (on the dev pages' half b: one date lost, one
# author gained).
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "analysisnewsarticle",
        "askpublicnewsarticle",
        "backgroundnewsarticle",
        "opinionnewsarticle",
        "reportagenewsarticle",  # BBC News pages (fundus), 6 of the dates dev pages
        "reviewnewsarticle",
        "advertisercontentarticle",
        "satiricalarticle",
        "scholarlyarticle",
        "medicalscholarlyarticle",
        "techarticle",
        "apireference",
        "report",
        "socialmediaposting",
        "blogposting",
        "liveblogposting",
        "posting",
        "creativework",
    }
)
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
SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
# Byline elements, most specific first: short texts only (a long "author" box is a biography).
# The last two are looser (any class naming an author; a post's meta line starting "By"/"Von")
# and were added on the authors dev set, where they found bylines on blogs without structured data.
BYLINE_XPATH = (
    "//byline",  # the news markup element (NITF, IPTC) some CMSs print as is
    '//*[@rel="author"]',
    '//*[@itemprop="author"]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " byline ")]',
    '//*[contains(@class, "byline") or contains(@class, "author-name") or contains(@class, "article-author")]',
    # "author" in the class, or the word in the site's language (autor: de/es/pt/pl/cs, auteur: fr/nl)
    '//*[contains(translate(@class, "AUTHOR", "author"), "author") or contains(translate(@class, "AUTOR", "autor"),'
    ' "autor") or contains(translate(@class, "AUTEUR", "auteur"), "auteur")]',
    '//*[re:test(@class, "(?:^|[\\s_-])(?:post-?meta|postmetadata|postdata|entry-meta|post-info|submitted|meta)'
    '(?:$|[\\s_-])", "i")]',
)
# The tests of BYLINE_XPATH, run in one walk over the tree (`_byline_elements`): each of those XPaths
# scanned every element, and the class tests called back into Python's re for each (together 7.6 of ~60 ms
# per AEB page; the three others 2.5 ms more, in the walk ~0.5).  Keyed by the XPath each stands for: an
# XPath without an entry in either table is evaluated as XPath.
_BYLINE_ELEMENT_TESTS: dict[str, Callable[[Any], bool]] = {  # XPath -> the same test on any element
    "//byline": lambda element: element.tag == "byline",
    '//*[@rel="author"]': lambda element: element.get("rel") == "author",
    '//*[@itemprop="author"]': lambda element: element.get("itemprop") == "author",
}
_XML_SPACE = re.compile(r"[ \t\r\n]+")  # what XPath's normalize-space() collapses
_META_CLASS = re.compile(
    r"(?:^|[\s_-])(?:post-?meta|postmetadata|postdata|entry-meta|post-info|submitted|meta)(?:$|[\s_-])", re.IGNORECASE
)
_BYLINE_CLASS_TESTS: dict[str, Callable[[str], bool]] = {  # XPath -> the same test on the class attribute
    '//*[contains(concat(" ", normalize-space(@class), " "), " byline ")]': lambda cls: (
        "byline" in cls and " byline " in f" {_XML_SPACE.sub(' ', cls).strip(' ')} "
    ),
    '//*[contains(@class, "byline") or contains(@class, "author-name") or contains(@class, "article-author")]': (
        lambda cls: "byline" in cls or "author-name" in cls or "article-author" in cls
    ),
    # translate() lower-cases only the letters of the word, and those are all the letters the word has: lower()
    '//*[contains(translate(@class, "AUTHOR", "author"), "author") or contains(translate(@class, "AUTOR", "autor"),'
    ' "autor") or contains(translate(@class, "AUTEUR", "auteur"), "auteur")]': lambda cls: (
        "author" in (lower := cls.lower()) or "autor" in lower or "auteur" in lower
    ),
    '//*[re:test(@class, "(?:^|[\\s_-])(?:post-?meta|postmetadata|postdata|entry-meta|post-info|submitted|meta)'
    '(?:$|[\\s_-])", "i")]': lambda cls: _META_CLASS.search(cls) is not None,
}
MAX_BYLINE_CHARS = 120
# An author box's first line is a name of MIN_FULL_NAME_WORDS to this many words (`_first_line`).  Through the
# CLI: WCXB authors 174 -> 176 / 191 -> 192 (halves a / b), the authors dev set 85 -> 86 / 86 of 127 / 126.
MAX_AUTHOR_BOX_NAME_WORDS = 5
# A link to an author's archive page: WordPress's /author/<slug>/ (151 sites among WCXB's and the authors dev
# set's pages), and the same in other words, each on 5 or more unrelated sites (authors: stackoverflow.blog,
# riverside.com, beinsure.com; autor: ingenieur.de, larepublica.pe, lostiempos.com; autoren: freitag.de,
# makronom.de, katapult-magazin.de; contributor(s): wired.com, self.com, docker.com, fivethirtyeight.com).
# "profile", "people", "team" and "staff" are left out: forum members' and staff directories' pages.
_AUTHOR_ARCHIVE = re.compile(r"/(?:authors?|autor|autoren|contributors?)/([^/?#]+)/?(?:[?#]|$)", re.IGNORECASE)
_SLUG_NUMBER = re.compile(r"-\d+$")  # WordPress's second "john-smith": "john-smith-2"
# Words of a full name, which an author link's text (`_read_author_link`) and an author box's first line
# (`_first_line`) must have: handles, admin accounts and a box's one-word heading have one.
MIN_FULL_NAME_WORDS = 2
# English dates in words, day first ("15 December 2025", "4 Dec 2025") or month first ("December 15, 2025"), and a
# numeric date whose day and month could trade places ("03/10/2023"): see `_read_long_date_order`.
_ENGLISH_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY_FIRST_LONG_DATE = re.compile(rf"(?<![\w/.-])\d{{1,2}}(?:st|nd|rd|th)?\s+{_ENGLISH_MONTH},?\s+\d{{4}}\b")
_MONTH_FIRST_LONG_DATE = re.compile(rf"\b{_ENGLISH_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b")
_AMBIGUOUS_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|1[0-2])[/.-](?:\d{4}|\d{2})(?![\d/.-])"
)
# Day-first dates in words a page must print, and no month-first one, to be read as a day-first region's.
MIN_LONG_DATES_FOR_ORDER = 2
# A Wayback Machine capture saved without its URL names the archived site through its rewritten links: the
# host this many of them lead to (dimido.de's capture on the authors dev set, half a: 30 of its own links).
ARCHIVED_HOST_MIN_LINKS = 5
# ... when at least this share of its links are archive links (a page citing archived sources has a few).
ARCHIVED_LINK_SHARE = 0.5
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
_PAGE_TAGS = frozenset({"html", "body", "article", "main"})
_ELSEWHERE_TAGS = frozenset({"aside", "nav", "form"})
# A meta line names its author after a label: "Posted by Ana", "Von R. R. am 3. Mai".
_LABELLED_AUTHOR = re.compile(r"(?:^|\s|\|)(?:by|von|par|por|posted by|geschrieben von)\s+\S", re.IGNORECASE)
_NS = {"re": "http://exslt.org/regular-expressions"}
# An author label ending in a colon, alone or before the name ("Autor: Peter Maahn/SP-X", "Von:", "Text:").
_LABEL_WORDS = r"(?:autor(?:in|en)?|autore|autrice|auteur|author|von|by|text|texte|par|por|verfasser(?:in)?)"
_AUTHOR_LABEL = re.compile(rf"^{_LABEL_WORDS}\s*:\s*(.*)$", re.IGNORECASE)
# `contains(text(), ":")` first: the label needs its colon, and the cheap test spares re:test's call into
# Python for every other element (the same elements are found; 3.5 -> ~1 ms per AEB page with the next two).
_LABEL_XPATH = f'//body//*[contains(text(), ":")][re:test(normalize-space(text()), "^{_LABEL_WORDS}\\s*:", "i")]'
# A heading-like label of its own without a colon ("<h4>Autor</h4><p>Nikolai Huke</p>"): author nouns only,
# since "von"/"by"/"text" alone are ordinary words.
_AUTHOR_NOUNS = r"(?:autor(?:in|en)?|autore|autores|autrice|auteurs?|authors?|verfasser(?:in)?)"
# (at most 11 characters match _AUTHOR_NOUNS: "verfasserin")
# A box's heading names the box by one of them: "Author Spotlight" (upwork.com), "Autoreninfo", "About the author".
_AUTHOR_NOUN = re.compile(_AUTHOR_NOUNS, re.IGNORECASE)
_BARE_LABEL_XPATH = (
    "//body//*[not(*) and string-length(normalize-space(text())) <= 11]"
    f'[re:test(normalize-space(text()), "^{_AUTHOR_NOUNS}$", "i")]'
)
MAX_LABELLED_NAME_CHARS = 60
_RDF_DATE = re.compile(r"<rdf:Description\b[^>]*?\sdc:date=\"([^\"]+)\"")
MAX_RDF_SCAN = 2_000_000  # characters of page text searched for trackback RDF
_DATE_LABEL_WORDS = r"(?:datum|date|published|veröffentlicht|erstellt|publié le|publié|fecha|data|pubblicato)"
_DATE_LABEL = re.compile(rf"^{_DATE_LABEL_WORDS}\s*:\s*(.*)$", re.IGNORECASE)
_DATE_LABEL_XPATH = (
    f'//body//*[contains(text(), ":")][re:test(normalize-space(text()), "^{_DATE_LABEL_WORDS}\\s*:", "i")]'
)


@lru_cache(maxsize=1)
def _published_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A publication label printed alone, without a colon, the date in an element of its own after it
    ("<div>Published&ensp;<span>Apr 26, 2023</span></div>", "Veröffentlicht am <time>3. Mai 2021</time>"): only the
    words that say "published" (data/date_words.toml `published`), never a bare "Date" or "Data".  And the labels'
    first five letters, the cheap test the byline walk (`_byline_elements`) makes of every element's text first:
    an XPath with a regular expression on every element's text cost ~1.6 ms a page."""
    words = sorted(data_table("date_words.toml")["published"], key=len, reverse=True)
    whole = re.compile(rf"^(?:{'|'.join(map(re.escape, words))})\s*$", re.IGNORECASE)
    stem = re.compile(rf"\s*(?:{'|'.join(sorted({re.escape(word[:5]) for word in words}))})", re.IGNORECASE)
    return whole, stem


# "Written by" and its kin, opening an element's own text: the writer's name follows in it ("<h3>Written by Cassidy
# Horton</h3>" over an author box) or in the next element ("<div>Written by</div><div>Jack Shepherd</div>").
# Unlike a bare "By", these words start no sentence of the article.  "Posted by" is blog engines' label ("Posted
# by David at December 16, 2025 11:15 AM", Movable Type's <span class="posted">; Blogger; 13 of WCXB's pages).
_WRITTEN_BY = re.compile(
    r"\s*(?:written|posted|story|words|reported|geschrieben|verfasst|écrit|escrito|scritto)\s+(?:by|von|par|por|da)\b:?",
    re.IGNORECASE,
)
# A byline printed as a bare "By"/"Von"/"Par"/"Por"/"Door" and a name, in an element without a byline class
# ("<span class=field-field-contributor>Par <a>Matthieu Hy</a></span>", "<p>von <em>Klaus Stanjek</em></p>"):
# the element's own text opens with the word, and its whole text is a short line.  ("Di" is left out: it is
# Indonesian for "in".)
_BARE_BY = re.compile(r"\s*(?:by|von|par|por|door)(?:\s|$)", re.IGNORECASE)
# ... unless the line is a sentence ("By clicking subscribe you agree to our terms.") or a label with its text
# ("Von den Autoren: ein Nachwort"): a colon, or a full stop after a word (an initial's, "R. R.", is a name's).
_SENTENCE_OR_LABEL = re.compile(r":|\w{2}[.!?]$")
# An element's own text is tested for those labels up to this length (a label with the name after it: "Written by
# Cassidy Horton"); longer texts are paragraphs.
MAX_LABEL_TEXT_CHARS = 100


@dataclass(slots=True)
class _PrintedLabels:
    """Elements whose own text opens with a label, found in the byline walk: a publication date's, a writer's;
    and links to an author's archive page."""

    published: list[Any] = field(default_factory=list)
    written_by: list[Any] = field(default_factory=list)
    bare_by: list[Any] = field(default_factory=list)  # own text opens with a bare "By" (`_BARE_BY`)
    author_links: list[Any] = field(default_factory=list)  # <a> elements to an author's archive page


# Labels of a book's or product's fact box, looked for this many lines either side of an author label.
_FACT_LABEL = re.compile(
    r"^(?:verlag|publisher|éditeur|editorial|editore|isbn|seiten(?:zahl)?|pages|seiten|preis|price|prix|precio|"
    r"genre|format|erscheinungs(?:datum|termin|jahr)|erschienen|übersetz(?:er|ung)|translator|einband|reihe|"
    r"laufzeit|regie|hersteller)\b\s*:",
    re.IGNORECASE,
)
FACT_BOX_REACH = 2
_BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "table", "tr", "td", "th", "dd",
     "dt", "address", "header", "footer", "article", "figcaption"}
)  # fmt: skip
# An inline element's edge in _printed_text: a NUL, which no printed text holds (a stray one in a page is dropped
# with the edges).
_INLINE_EDGE = "\x00"
# <time> elements whose class or itemprop marks them as the publication time.
_PUBLISH_HINT = re.compile(r"publish|posted|pubdate|entry-date|article-date|created", re.IGNORECASE)
_MODIFIED_HINT = re.compile(r"updat|modif", re.IGNORECASE)
# Class or id of the element that prints the site's own name in a page header.
_SITE_TITLE_MARK = re.compile(
    r"(?:site|blog)[-_]?(?:title|name|logo|branding)|\blogo\b|\bbrand(?:ing)?\b|masthead", re.I
)
# A link to a site's home page: "/", "./", "index.html", "https://host/" (nothing after the host).
_HOME_LINK = re.compile(r"^(?:\.?/|(?:\./)?index\.(?:html?|php)|https?://[^/]+/?(?:index\.(?:html?|php))?)$", re.I)
# <h1>/<h2> elements read per page when looking for the printed headline (outside sidebars and navigation):
# the headline comes early.
MAX_HEADINGS = 5
# The article's own date line under its headline (`_read_date_under_headline`): the elements after the <h1> looked
# at, and the words of a paragraph that begins the text; a date line has at most MAX_HEADER_DATE_WORDS words
# ("Publié le 11 août 2025 à 14h05, mis à jour le 16 août 2025": 13).
HEADER_ZONE_ELEMENTS = 30
MIN_BODY_PARAGRAPH_WORDS = 15
MAX_DEKS = 1
MAX_HEADER_DATE_WORDS = 14
# A meta line's parts: a byline and a date ("By Ana Lima | 14 March 2026", "Von Anna Berger · 3. Mai 2024").
META_SEPARATOR = re.compile(r"\s+[|·•]\s+")
# Numeric dates under the headline: day, month and year ("07/03/2019", Czech and Croatian "1. 5. 2021"), or year,
# month and day ("2019-03-07", "2019/03/07", "2019年3月7日", "2019년 3월 7일", as CLDR's formats for Japanese,
# Chinese and Korean print them).  Not the CJK year-month alone that PDF text's front matter reads (dates half a
# 225 -> 224 with it); a Baidu Baike birth date under the headline, "1975年1月28日（农历...）", is a line now, and
# `parse_date` refuses it (a year before MIN_YEAR, read without its year by dateparser).
_HEADER_NUMERIC_DATE = re.compile(
    r"(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}|(?:19|20)\d{2}([./-])\d{1,2}\1\d{1,2}"
    r"|(?:19|20)\d{2}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일])(?!\d)"
    rf"|{SPACED_NUMERIC_DATE}|{VIETNAMESE_NUMERIC_DATE}"
)
# Classes that hide an element from the screen and leave it to screen readers: Bootstrap's sr-only and
# visually-hidden, WordPress's screen-reader-text, Drupal's element-invisible, HTML5 Boilerplate's
# visuallyhidden, the German federal CMS's aural and navSkip, skip links.  On the dev pages of half a, 60
# such <h1>/<h2> on 25 unrelated sites, none of them a headline ("Navigation und Service", "Beitrags-
# Navigation", "Primary Menu", "Share this story").  Responsive classes (hide-sm, hidden-xs) hide nothing
# from a reader and are not here: one page's headline is an <h1 class="hide-sm">.
_SCREEN_READER_ONLY = re.compile(
    r"^(?:.*[-_])?(?:sr-only|screen-reader(?:-text)?|visually-?hidden|aural|element-invisible|navskip|skip-?links?)"
    r"(?:[-_].*)?$",
    re.IGNORECASE,
)
_KICKER_SEPARATOR_START = re.compile(r"^[:|–—-]\s*")
# The headline under a kicker printed inside the <h1> has words of its own ("Lagen-Pyramide mit GA2").
MIN_HEADLINE_WORDS = 2
# Elements wrapping the whole of a heading's text looked into for its kicker (<h1><span class="post-title">
# <small>kicker</small><br>headline</span></h1> has one); each costs a walk of the heading.
MAX_WRAPPERS = 3


@dataclass(frozen=True, slots=True)
class JsonLd:
    """The page's JSON-LD, parsed and walked once (`read_json_ld`): this module reads its nodes for
    evidence, the HTML reader its dek (`first_string`) and whether it declares an article (`texts`)."""

    texts: tuple[str, ...] = ()  # each <script type="application/ld+json">'s text as printed
    nodes: tuple[dict[str, Any], ...] = ()  # every JSON object, in document order, lists and @graph flattened
    # For each node: (script number, positions along the lists and @graph holding it, parsed without repair).
    places: tuple[tuple[int, tuple[int, ...], bool], ...] = ()

    def first_string(self, key: str) -> str | None:
        """The first non-blank string value of `key`, in the order the HTML reader has always looked:
        scripts in page order, and in each script the last entry of a list first (a node before its
        @graph); scripts that parse only after repair (trailing commas, raw newlines) are not looked at."""
        found: tuple[int, tuple[int, ...], str] | None = None
        for node, (script, path, strict) in zip(self.nodes, self.places, strict=True):
            value = node.get(key)
            if not strict or not isinstance(value, str) or not value.strip():
                continue
            order = tuple(-position for position in path)
            if found is None or (script, order) < found[:2]:
                found = (script, order, value)
        return found[2] if found else None

    def article_string(self, key: str) -> str | None:
        """The first non-blank string value of `key` on a node that is an article (not the site's or the
        publisher's node, whose `description` describes the site)."""
        for node in self.nodes:
            value = node.get(key)
            if isinstance(value, str) and value.strip() and _types(node) & ARTICLE_TYPES:
                return value
        return None


def read_json_ld(tree: Any) -> JsonLd:
    """Every JSON object in the page's JSON-LD (see `JsonLd`); a script that does not parse is skipped."""
    texts: list[str] = []
    nodes: list[dict[str, Any]] = []
    places: list[tuple[int, tuple[int, ...], bool]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        texts.append(script.text or "")
        text = texts[-1].strip()
        if not text:
            continue
        strict = True
        try:
            data = json.loads(text)
        except ValueError:
            strict = False
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", text.replace("\n", " ")), strict=False)
            except ValueError:
                data = _json5(text)
                if data is None:
                    continue
        stack: list[tuple[Any, tuple[int, ...]]] = [(data, ())]
        while stack:
            item, path = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = [(value, (*path, i)) for i, value in enumerate(item)]
            elif isinstance(item, dict):
                nodes.append(item)
                places.append((len(texts) - 1, path, strict))
                if "@graph" in item:
                    stack.insert(0, (item["@graph"], (*path, 0)))
    return JsonLd(tuple(texts), tuple(nodes), tuple(places))


def _json5(text: str) -> Any:
    """The script read as JSON5 (single-quoted strings and names, comments, unquoted keys), or None.

    json5 is pure Python (~10-20 ms for a 2 KB script), so it is only asked after strict JSON and the
    trailing-comma repair failed: 5 of 479 scripts on half a of the dates and authors pages, 4 of which it reads.
    """
    try:
        return json5.loads(text)
    except (ValueError, RecursionError):  # the script's own fault: nested past the parser's recursion limit
        return None


@dataclass(slots=True)
class HtmlMeta:
    title: str | None = None
    subtitle: str | None = None
    url: str | None = None
    hostname: str | None = None
    evidence: Evidence = field(default_factory=Evidence)
    extra: dict[str, object] = field(default_factory=dict)  # categories, tags, image -> Document.metadata
    json_ld: JsonLd = field(default_factory=JsonLd)  # parsed once, for the HTML reader too
    og_locale: str | None = None  # the first <meta property="og:locale"> content, as printed


def _add(values: list[str], value: object) -> None:
    if isinstance(value, str):
        value = " ".join(value.split())
        if value and value not in values:
            values.append(value)


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
# Unlike `_IMAGE_CREDIT_CLASS`, a class naming a copyright or a licence does not rule a notice out: footers use them.
_CAPTION_CLASS = re.compile(r"credit|caption", re.IGNORECASE)
# The text nodes that may hold a notice, by plain contains() (translate() to fold the word's case cost ~2.5 ms a
# page, as much as the whole byline walk): the mark, "(c)", or the word in its usual spellings.
_COPYRIGHT_TEXTS = etree.XPath(
    "//body//text()[contains(., '©') or contains(., '(c)') or contains(., '(C)') or contains(., 'opyright')"
    " or contains(., 'OPYRIGHT')]"
)


def _read_copyright_notice(tree: Any, meta: HtmlMeta) -> None:
    """Whom the page's own copyright notice names (`Evidence.copyright_holders`): the last notice printed outside
    figures and captions.  The page's notice closes it; an image's credit ("© Niklas Grapatin / Greenpeace" on
    a stage image whose class says "copyright") is printed higher up, and a footer's class is no better sign."""
    for node in reversed(_COPYRIGHT_TEXTS(tree)):
        element = node.getparent()  # of a tail ("</a> | COPYRIGHT ANDRÉ LOIBL"), the element it follows
        element = element.getparent() if node.is_tail and element is not None else element
        if element is None or element.tag in ("script", "style", "noscript", "title"):
            continue
        if _credits_an_image(element, _CAPTION_CLASS):
            continue
        text = _printed_text(element)
        if len(text.split()) <= MAX_COPYRIGHT_NOTICE_WORDS and (found := _COPYRIGHT_NOTICE.search(text)):
            _add(meta.evidence.copyright_holders, " ".join(found["holder"].split()))
            return


def _add_site(values: list[str], value: object) -> None:
    """A site name, unescaped (CMSs escape some values more than once) and without a copyright notice."""
    if isinstance(value, str):
        for _ in range(MAX_ESCAPES):
            value = html_entities.unescape(value)
        _add(values, (clean_site_name(value) or "") if _COPYRIGHT_MARK.search(value) else value)


def _claim_date(ev: Evidence, value: object, source: str, *, modified: bool = False) -> None:
    if (text := machine_date(value)) is not None:
        ev.claim_date(text, source, modified=modified)


def _types(node: dict[str, Any]) -> set[str]:
    """The node's types, lower-case, without a vocabulary's prefix ("http://schema.org/NewsArticle",
    "schema:NewsArticle" -> "newsarticle")."""
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {re.split(r"[/:#]", str(k))[-1].lower() for k in kinds}


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
            if persons_only and _types(item) & {"organization", "newsmediaorganization", "corporation"}:
                continue
            name = item.get("name")
            if isinstance(name, str):
                out.append(html_entities.unescape(name))
    return out


def _read_json_ld(tree: Any, meta: HtmlMeta) -> None:
    meta.json_ld = read_json_ld(tree)
    nodes = list(meta.json_ld.nodes)
    articles = [n for n in nodes if _types(n) & ARTICLE_TYPES]
    pages = [n for n in nodes if "webpage" in _types(n)]
    ev = meta.evidence
    # Dates of the page's own article only: listing pages and blogs embed teaser nodes
    # (related posts, a Blog's blogPost list) whose dates would outvote the article's.
    for group in (articles, pages):
        node = next((n for n in group if n.get("datePublished") or n.get("dateCreated")), None)
        if node is not None:
            _claim_date(ev, node.get("datePublished") or node.get("dateCreated"), "jsonld")
            _claim_date(ev, node.get("dateModified"), "jsonld", modified=True)
    for node in articles + pages:
        _add(ev.language_hints, node.get("inLanguage"))
    for node in articles:
        for name in _names(node.get("author") or node.get("creator"), persons_only=True):
            ev.claim_byline(name, "jsonld", person=True)
        for name in _names(node.get("publisher"), persons_only=False):
            _add_site(ev.site_names, name)
        if "headline" not in meta.extra and isinstance(node.get("headline"), str):
            meta.extra["headline"] = " ".join(html_entities.unescape(node["headline"]).split())
    for node in nodes:
        if _types(node) & {"newsmediaorganization", "website"} and isinstance(node.get("name"), str):
            _add_site(ev.site_names, node["name"])


def _meta_values(tree: Any, meta: HtmlMeta) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for element in tree.xpath("//meta[@content]"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or element.get("http-equiv")
        if key and not (key == element.get("itemprop") and _in_nested_item(element)):
            values.setdefault(key.strip().lower(), []).append(element.get("content", ""))
        if meta.og_locale is None and element.get("property") == "og:locale":
            meta.og_locale = element.get("content", "")
    return values


# The property through which a page's microdata holds its own article (the other nested items are citations,
# reviews, comments, list entries, live-blog updates: 174, 10, 6, 214 and 40 of them on the dates/authors dev pages).
_PAGE_ITEM_PROPS = frozenset({"mainentity", "mainentityofpage", "maincontentofpage"})


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
            _claim_date(ev, value, "meta")
    for key in MODIFIED_META:
        for value in values.get(key, []):
            _claim_date(ev, value, "meta", modified=True)
    for key in AUTHOR_META:
        for value in values.get(key, []):
            if not re.match(r"https?://|@", value.strip()):
                ev.claim_byline(value, "meta")
    for key in SITE_META:
        for value in values.get(key, []):
            if not re.match(r"https?://|@", value.strip()):
                _add_site(ev.site_names, value)
    for key in ("og:locale", "content-language", "language", "dc.language"):
        for value in values.get(key, []):
            _add(ev.language_hints, value)
    return _labelled_meta_authors(values)


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


def _read_time_elements(tree: Any, meta: HtmlMeta) -> None:
    ev = meta.evidence
    for element in tree.xpath("//time[@datetime]")[:20]:
        if _elsewhere(element):
            continue  # a comment's or a teaser's time
        marks = " ".join(
            filter(
                None,
                [
                    element.get("itemprop"),
                    element.get("class"),
                    element.get("pubdate"),
                    element.getparent().get("class") if element.getparent() is not None else "",
                ],
            )
        )
        value = element.get("datetime")
        if _MODIFIED_HINT.search(marks):
            _claim_date(ev, value, "time", modified=True)
        elif _PUBLISH_HINT.search(marks) or element.get("pubdate") is not None:
            _claim_date(ev, value, "time")


def _elsewhere(element: Any) -> bool:
    """True when the element sits in comments, a sidebar, a widget, navigation or a related-story block, or in a
    teaser card: a link wrapping another story's headline, byline and date (a heading inside a link is a
    headline linking to its own article, which it often does: it stays)."""
    card_test = not isinstance(element.tag, str) or element.tag not in _HEADING_TAGS
    for node in element.iterancestors():
        if node.tag in _ELSEWHERE_TAGS:
            return True
        if node.tag in _PAGE_TAGS:
            continue
        if card_test and node.tag == "a" and _HEADING_INSIDE(node):
            return True
        tokens = f"{node.get('class', '')} {node.get('id', '')}".split()
        if any(_ELSEWHERE.match(token) for token in tokens):
            return True
    return False


_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_INNER_HEADINGS = ".//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6"
_HEADING_INSIDE = etree.XPath(f"boolean({_INNER_HEADINGS})")
_COMMENTS = re.compile(r"comment", re.IGNORECASE)
_TEXT_OF_LENGTH = etree.XPath(
    "//body//*[text()][string-length(normalize-space(text())) >= $shortest]"
    "[string-length(normalize-space(text())) <= $longest]"
)
NAME_LENGTH_SLACK = 4
_METADATA_TEXTS = etree.XPath('//script[@type="application/ld+json"]/text() | //meta/@content', smart_strings=False)


def _credits_an_image(element: Any, credit_class: re.Pattern[str] = _IMAGE_CREDIT_CLASS) -> bool:
    """The element or one of its containers is an image's caption or credit (`credit_class`)."""
    for node in (element, *element.iterancestors()):
        if node.tag in _PAGE_TAGS:
            return False
        if node.tag == "figcaption" or credit_class.search(node.get("class") or ""):
            return True
    return False


def _in_comments(element: Any) -> bool:
    """The element or an ancestor is a comment, a comment list or a "recent comments" widget (class or id)."""
    return any(
        _COMMENTS.search(f"{node.get('class', '')} {node.get('id', '')}")
        for node in (element, *element.iterancestors())
    )


def _copyright_year_guess(date: str, url: str | None) -> bool:
    """htmldate's last resort: the first of January of the page's copyright year ("© 2016" -> 2016-01-01).

    A copyright year is no publication date, and the day is made up: on the dev half read (half a of the dates
    and authors sets) all 8 stored dates of 1 January came from it, on pages labelled with another date or none.
    A 1 January the URL prints (`/2020/01/01/`) stays; a date printed on the page is evidence of its own.
    """
    if not re.fullmatch(r"\d{4}-01-01", date):
        return False
    year = date[:4]
    return not (url and re.search(rf"{year}[/_-]?01[/_-]?01(?!\d)", url))


def _cut_at_an_entity(author: str, source: str | None) -> bool:
    """trafilatura's author list was cut at an HTML entity the page printed escaped inside JSON-LD.

    trafilatura splits a byline at `&` and `;`, so `"name": "Redacci&oacute;n Diario Pagina Siete"` comes back
    as `Redacci; Oacute; N Diario Pagina Siete`: three "people".  A piece that is an entity's name, printed as
    that entity in the page, gives it away; the page's other sources (its JSON-LD, its byline element) still
    claim the name whole.
    """
    if source is None or "&" not in source:
        return False
    pieces = {piece.strip().lower() for piece in author.split(";")}
    return any(f"{piece};" in HTML5_ENTITIES and f"&{piece};" in source.lower() for piece in pieces if piece)


def _printed_only_in_comments(tree: Any, name: str) -> bool:
    """True when every element printing `name` (in any case: trafilatura re-cases it) is a comment's: its
    author search also reads a "Recent comments" widget's `<span class="comment-author-link">wuff</span>` and
    took the commenter for the author (unless the page's metadata names them too).  Only comments: a
    byline inside a teaser or share box is the article's on many sites (cicero.de, lastampa.it: authors dev
    set, half a).  A name printed nowhere stands."""
    name = " ".join(name.split())
    key = name.casefold()
    # Elements whose text is about as long as the name, found by XPath: comparing every element's text in
    # Python cost ~1 ms on an AEB page.  (XPath's normalize-space keeps a no-break space, so a little longer.)
    same_length = _TEXT_OF_LENGTH(tree, shortest=len(name), longest=len(name) + NAME_LENGTH_SLACK)
    elements = [e for e in same_length if " ".join((e.text or "").split()).casefold() == key]
    if not elements or not all(_in_comments(element) for element in elements):
        return False
    # The post's author answering in its comments is named in the page's metadata too (Yoast's JSON-LD Person)
    return not any(key in " ".join(text.split()).casefold() for text in _METADATA_TEXTS(tree))


_ARCHIVE_PATH = re.compile(r"/web/\d{8}")  # every rewritten link of a capture: "/web/20080731095558..."
_LINK_TARGETS = etree.XPath("//a/@href | //img/@src | //link/@href | //script/@src", smart_strings=False)


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


def _byline_elements(tree: Any, labels: _PrintedLabels | None = None) -> list[list[Any]]:
    """The elements each of BYLINE_XPATH finds, in page order: one walk for those in the two test tables.  The
    same walk puts the elements whose own text is a publication label or opens with "Written by", and the links
    to an author's archive page, into `labels`."""
    found: list[list[Any]] = [[] for _ in BYLINE_XPATH]
    by_element = [
        (_BYLINE_ELEMENT_TESTS[x], into)
        for x, into in zip(BYLINE_XPATH, found, strict=True)
        if x in _BYLINE_ELEMENT_TESTS
    ]
    by_class = [
        (_BYLINE_CLASS_TESTS[x], into) for x, into in zip(BYLINE_XPATH, found, strict=True) if x in _BYLINE_CLASS_TESTS
    ]
    published_label, published_stem = _published_labels()
    if by_element or by_class:
        for element in tree.iter(etree.Element):
            for test, into in by_element:
                if test(element):
                    into.append(element)
            text = element.text
            if labels is not None and text and len(text) <= MAX_LABEL_TEXT_CHARS:
                if published_stem.match(text) and published_label.match(" ".join(text.split())):
                    labels.published.append(element)
                elif _WRITTEN_BY.match(text):
                    labels.written_by.append(element)
                elif _BARE_BY.match(text):
                    labels.bare_by.append(element)
            if labels is not None and element.tag == "a" and _AUTHOR_ARCHIVE.search(element.get("href") or ""):
                labels.author_links.append(element)
            cls = element.get("class")
            if cls:  # an empty or missing class attribute passes none of the class tests
                for test, into in by_class:
                    if test(cls):
                        into.append(element)
    for xpath, into in zip(BYLINE_XPATH, found, strict=True):
        if xpath not in _BYLINE_ELEMENT_TESTS and xpath not in _BYLINE_CLASS_TESTS:
            into.extend(tree.xpath(xpath, namespaces=_NS))
    return found


def _read_bylines(tree: Any, meta: HtmlMeta, labels: _PrintedLabels | None = None) -> None:
    """Byline elements, most specific XPath first, each its own byline (an author box's first line when the
    element is longer than a byline: `_first_line`).

    Joining sibling elements of one XPath into one byline ("<a rel=author>A</a>, <a rel=author>B</a>") was
    tried for multi-author lists (issue 14): it cost 2 of 126 labelled pages on the dev half b, so not kept."""
    title = " ".join(str(meta.title or meta.extra.get("headline") or "").split()).casefold()
    for index, elements in enumerate(_byline_elements(tree, labels)):
        labelled_only = index == len(BYLINE_XPATH) - 1
        found: list[str] = []
        for element in elements:
            if len(found) >= MAX_BYLINE_ELEMENTS:
                break
            if element.tag in ("html", "body", "meta", "link", "script", "style") or _elsewhere(element):
                continue
            if _credits_an_image(element):
                continue
            name_nodes = element.xpath('.//*[@itemprop="name" or contains(concat(" ", @class, " "), " fn ")]')
            text = _printed_text(name_nodes[0] if name_nodes else element)
            if len(text) > MAX_BYLINE_CHARS and not labelled_only:
                text = _first_line(element)
            if not 2 < len(text) <= MAX_BYLINE_CHARS or text.casefold() == title:
                continue
            if labelled_only and not _LABELLED_AUTHOR.search(text):
                continue
            found.append(text)
            meta.evidence.claim_byline(text, "element")


def _first_line(element: Any) -> str:
    """The first line a byline element too long to be a byline prints, when it may be a full name: an author box
    shows the writer's name above a biography (Webflow's `blog_author-text`: "Lauren Vetter", then "Lauren Vetter
    is a growth-focused marketing professional ..."), and the whole box was skipped as a biography.  A line of one
    word ("Autoreninfo") is no full name, and one naming the box ("Author Spotlight") no name; the line still goes
    through the byline parser's tests of a person."""
    for node in element.iter(etree.Element):
        if node.text and node.text.strip():
            if any(child.tag in _BLOCK_TAGS for child in node.iterdescendants(etree.Element)):
                line = node.text
            else:
                line = _printed_text(node)
            line = " ".join(line.split())
            words = len(line.split())
            named = MIN_FULL_NAME_WORDS <= words <= MAX_AUTHOR_BOX_NAME_WORDS
            return line if named and not _AUTHOR_NOUN.search(line) else ""
    return ""


def _following_text(element: Any) -> str:
    """Inline text printed after a label element ("<h5>Autor:</h5>Peter Maahn", "<b>Von:</b><br>Götz Warnke")."""
    parts = [element.tail or ""]
    for sibling in element.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in _BLOCK_TAGS:
            break
        parts.append(sibling.text_content() or "")
        parts.append(sibling.tail or "")
        if len(" ".join("".join(parts).split())) > MAX_LABELLED_NAME_CHARS:
            break
    return " ".join("".join(parts).split())


def _in_fact_box(element: Any) -> bool:
    """True when the label's line sits among a book's or product's details ("Verlag:", "ISBN:", "Seiten:").

    There "Autorin:" names the book's author, not the review's.
    """
    block = element
    while block.tag not in _BLOCK_TAGS and block.getparent() is not None:
        block = block.getparent()
    neighbours = [
        *list(block.itersiblings(preceding=True))[:FACT_BOX_REACH],
        *list(block.itersiblings())[:FACT_BOX_REACH],
    ]
    return any(isinstance(n.tag, str) and _FACT_LABEL.match(" ".join(n.text_content().split())) for n in neighbours)


def _read_labelled_bylines(tree: Any, meta: HtmlMeta) -> None:
    """Names printed after an author label: "Autor: Peter Maahn", "Auteur : Kossivi Tiassou", "Text: A. Roth".

    The label is its own element or starts the element's text; the name follows in the same element
    or inline right after it.  Only labels ending in a colon count: "von"/"by" without one start sentences.
    """
    taken = 0
    for element in tree.xpath(_LABEL_XPATH, namespaces=_NS):
        if taken >= MAX_BYLINE_ELEMENTS:
            break
        if element.tag in ("html", "body", "script", "style", "title") or _elsewhere(element):
            continue
        match = _AUTHOR_LABEL.match(" ".join(element.text_content().split()))
        if match is None or _in_fact_box(element):
            continue
        name = match.group(1) or _following_text(element)
        if 2 < len(name) <= MAX_LABELLED_NAME_CHARS:
            taken += 1
            meta.evidence.claim_byline(name, "label")
    for element in tree.xpath(_BARE_LABEL_XPATH, namespaces=_NS)[:MAX_BYLINE_ELEMENTS]:
        if element.tag in ("html", "body", "script", "style", "title", "a", "button") or _elsewhere(element):
            continue
        following = element.getnext()
        name = _following_text(element) or (
            " ".join(following.text_content().split())
            if following is not None and isinstance(following.tag, str)
            else ""
        )
        if 2 < len(name) <= MAX_LABELLED_NAME_CHARS and not _in_fact_box(element):
            meta.evidence.claim_byline(name, "label")


def _read_written_by(labels: list[Any], meta: HtmlMeta) -> None:
    """The name after a "Written by" label (`_WRITTEN_BY`), in the label's element or in the next one."""
    for element in labels[:MAX_BYLINE_ELEMENTS]:
        if element.tag in ("html", "body", "script", "style", "title", "a", "button") or _elsewhere(element):
            continue
        name = _WRITTEN_BY.sub("", _printed_text(element), count=1).strip()
        following = element.getnext()
        if not name and following is not None and isinstance(following.tag, str):
            name = _printed_text(following)
        if 2 < len(name) <= MAX_LABELLED_NAME_CHARS:
            meta.evidence.claim_byline(name, "label")


def _read_bare_by(labels: list[Any], meta: HtmlMeta) -> None:
    """A short line that opens with a bare "By" (`_BARE_BY`) and holds nothing else: a byline printed without
    a class that names it.  Claimed after every other byline ("printed"), so that it only speaks where nothing
    more specific did; the name still has to pass the byline parser's tests of a person."""
    for element in labels[:MAX_BYLINE_ELEMENTS]:
        if element.tag in ("html", "body", "script", "style", "title", "a", "button", "label", "option"):
            continue
        if _elsewhere(element) or _credits_an_image(element):
            continue
        # "Von A und B<br>Kakuma/Kenia": a dateline follows; "By A | 14 March 2026": a date does
        text = META_SEPARATOR.split(_printed_text(element, first_line=True))[0].strip()
        if 2 < len(text) <= MAX_LABELLED_NAME_CHARS and not _SENTENCE_OR_LABEL.search(text):
            meta.evidence.claim_byline(text, "printed")


def _read_author_link(links: list[Any], meta: HtmlMeta) -> None:
    """The first link to an author's archive page whose address spells the full name it prints
    (`<a href="/author/chris-mcnamara">Chris McNamara</a>` after a bare "By", in an element without a class):
    the slug and the printed text agreeing is evidence that the text is a person's name, not a label or a
    headline.  A fallback for pages that name nobody otherwise (`Evidence.author_links`): the first such link
    is the byline's on an article page, and a related-story list's further down; those lists, sidebars and
    comments are skipped (`_elsewhere`).  One-word names are left out: handles and admin accounts
    ("wordpressadmin") link to their archives as well."""
    for link in links:
        if _elsewhere(link):
            continue
        text = _printed_text(link)
        found = _AUTHOR_ARCHIVE.search(link.get("href") or "")
        slug = _SLUG_NUMBER.sub("", unquote(found[1])) if found else ""
        if len(text.split()) >= MIN_FULL_NAME_WORDS and name_key(text) == name_key(slug):
            _add(meta.evidence.author_links, text)
            return


def _read_long_date_order(page_source: str, meta: HtmlMeta) -> None:
    """An English page without a region ("en") whose claimed date is numeric and ambiguous ("03/10/2023") is read
    month first, as the US prints; a page that prints its English dates in words day first ("15 December 2025",
    never "December 15, 2025") is from a day-first region, and says so by that (real evidence on the page, where
    htmldate's reading of the same string is none): it gets the hint "en-GB", which reads it 3 October."""
    hints = meta.evidence.language_hints
    if any(hint.lower().startswith("en") and len(hint) > 2 for hint in hints):
        return  # the page names its region
    if not any(_AMBIGUOUS_NUMERIC_DATE.search(text) for _, text in meta.evidence.date_claims):
        return
    day_first = len(_DAY_FIRST_LONG_DATE.findall(page_source))
    month_first = len(_MONTH_FIRST_LONG_DATE.findall(page_source))
    if day_first >= MIN_LONG_DATES_FOR_ORDER and not month_first:
        _add(hints, "en-GB")


def _read_labelled_dates(tree: Any, meta: HtmlMeta) -> None:
    """A date printed after a date label of its own ("<h5>Datum:</h5>03.02.2022", "Veröffentlicht: 3. Mai")."""
    for element in tree.xpath(_DATE_LABEL_XPATH, namespaces=_NS)[:MAX_BYLINE_ELEMENTS]:
        if element.tag in ("html", "body", "script", "style", "title") or _elsewhere(element):
            continue
        match = _DATE_LABEL.match(" ".join(element.text_content().split()))
        if match is not None:
            value = match.group(1) or _following_text(element)
            if re.search(r"\d", value) and len(value) <= MAX_LABELLED_NAME_CHARS:
                meta.evidence.claim_date(value, "label")
                return


def _read_published_label(labels: list[Any], meta: HtmlMeta) -> None:
    """A date printed after a publication label without a colon, in an element of its own
    ("<div>Published&ensp;<span>Apr 26, 2023</span></div>"), on a page with no labelled date of the colon kind.
    `labels` are the elements whose own text is such a label, found in the byline walk."""
    if any(source == "label" for source, _ in meta.evidence.date_claims):
        return
    for element in labels[:MAX_BYLINE_ELEMENTS]:
        if element.tag in ("html", "body", "script", "style", "title") or _elsewhere(element) or not len(element):
            continue
        label = " ".join((element.text or "").split())
        value = _printed_text(element).removeprefix(label).strip()
        if len(value) <= MAX_LABELLED_NAME_CHARS and _names_a_printed_date(value):
            meta.evidence.claim_date(value, "label")
            return


def _read_rdf_date(source: str, meta: HtmlMeta) -> None:
    """dc:date of the trackback RDF that blog engines (Movable Type, goo, Seesaa) put in an HTML comment.

    The parser drops comments, so this reads the page text; a page with several entries' RDF is a
    listing, and only a single date is taken.
    """
    dates = set(_RDF_DATE.findall(source[:MAX_RDF_SCAN]))
    if len(dates) == 1:
        _claim_date(meta.evidence, dates.pop(), "rdf")


def _first(tree: Any, xpath: str) -> str | None:
    values = tree.xpath(xpath)
    text = " ".join(str(values[0]).split()) if values else ""
    return html_entities.unescape(text) or None


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading as printed: its tag, its text, and the kicker printed over it on a line of its own."""

    tag: str
    text: str
    kicker: str | None = None
    element: Any = field(default=None, compare=False, repr=False)


def _page_headings(tree: Any) -> tuple[list[Heading], list[str]]:
    """The page's <h1>s, then its <h2>s, outside navigation, sidebars and teasers and not the site's name in
    the page header; and the site names printed as <h1> (blog themes print the blog's name as
    <h1 class="site-title"><a href="/">, and the post's title as an <h2>)."""
    headings: list[Heading] = []
    site_names: list[str] = []
    for tag in ("h1", "h2"):
        read = 0
        for element in tree.xpath(f"//body//{tag}"):
            if read == MAX_HEADINGS:
                break
            text = _printed_text(_without_inner_headings(element))
            if not text or len(text) > MAX_TITLE_CHARS or _elsewhere(element) or _screen_reader_only(element):
                continue  # not counted: a sidebar's widget titles can come before the post's heading
            read += 1
            if tag == "h1" and _names_the_site(element):
                site_names.append(text)
            elif tag == "h1" and (split := _split_kicker(element, text)):
                headings.append(Heading(tag, split[1], split[0], element))
            else:
                headings.append(Heading(tag, text, element=element))
    return headings, site_names


def _without_inner_headings(heading: Any) -> Any:
    """The heading without headings inside it: an <h1> left open by the page's markup holds the meta line the
    page prints under it ("<h1>Top Strategies ...<div class=divider></div> <h3>Posted on July 1, 2024 by
    infuy</h3>", WCXB 0330), which is no part of the headline."""
    if not _HEADING_INSIDE(heading):
        return heading
    copy = deepcopy(heading)
    for inner in copy.xpath(_INNER_HEADINGS):
        if inner.getparent() is not None:
            inner.getparent().remove(inner)  # with its tail: what follows it is no headline either
    return copy


def _read_date_under_headline(headline: Any, meta: HtmlMeta) -> None:
    """The date printed between the headline and the text, without a label or a class that names it
    (<h1>...</h1><p>March 7, 2019</p>, a bare <time datetime> beside the byline), on a page that states its
    date nowhere else: htmldate's page-wide guess took a related story's <time> or a teaser list's date there.

    The elements after the <h1> in page order are looked at until the text begins (a paragraph of prose after
    the standfirst) or HEADER_ZONE_ELEMENTS have been seen; sidebars, navigation and comments are skipped.
    Asked on every page, the line outvoted structured dates on the dates dev set (half a 225 -> 222: a local
    time without offset moved a UTC time's day, a product page's later date), so it only fills the gap, or
    challenges a stated publication time that is also the page's modification time (the normaliser's
    `_printed_before_resave` decides)."""
    prose = 0
    seen: set[str] = set()
    for index, element in enumerate(_following(headline)):
        if index == HEADER_ZONE_ELEMENTS:
            break
        if not isinstance(element.tag, str) or element.tag in ("script", "style") or len(element):
            continue  # a container: its leaves come next
        text = " ".join(without_invisible(element.text_content()).split())
        if len(text.split()) >= MIN_BODY_PARAGRAPH_WORDS:
            if text in seen:
                continue  # the standfirst again, for another screen size: still the header
            seen.add(text)
            prose += 1
            if prose > MAX_DEKS:
                break  # the text has begun (one paragraph may be the standfirst above the byline and date)
            continue
        if _elsewhere(element):
            continue
        # a meta line of a byline and a date ("Von Anna Berger · 5. Januar 2019"): its date part
        date = next((part for part in META_SEPARATOR.split(text) if _names_a_printed_date(part)), None)
        if element.tag == "time" and element.get("datetime") and date is None:
            date = element.get("datetime")  # what the page prints wins: "Publié le 29 juin 2019" over 07-03
        if date is not None:
            meta.evidence.claim_date(date, "header")
            return


def _following(element: Any) -> Iterator[Any]:
    """The elements after `element` in page order, its own descendants aside (XPath's following::*), one at a
    time: the XPath builds the list of the whole rest of the page before the first is looked at."""
    node = element
    while node is not None:
        for sibling in node.itersiblings():
            yield sibling
            yield from sibling.iterdescendants()
        node = node.getparent()


def _names_a_printed_date(text: str) -> bool:
    """A short text that is a date ("7. März 2019", "07/03/2019"), or a wire date line of one ("date 2026-03-04")."""
    return names_a_printed_date(text, MAX_HEADER_DATE_WORDS, _HEADER_NUMERIC_DATE) or (
        len(text.split()) <= MAX_HEADER_DATE_WORDS and bool(PRINTED_YEAR.search(text) and match_date_line(text))
    )


def _screen_reader_only(element: Any) -> bool:
    """A heading for screen readers only ("Navigation und Service", "Beitrags-Navigation", "Primary Menu"),
    marked by the accessibility classes of CSS frameworks and CMSs (see _SCREEN_READER_ONLY)."""
    for node in [element, *element.iterancestors()]:
        if node.tag in _PAGE_TAGS:
            return False
        if any(_SCREEN_READER_ONLY.match(token) for token in node.get("class", "").split()):
            return True
    return False


def _printed_text(element: Any, first_line: bool = False) -> str:
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
            breaks = not top and (node.tag == "br" or node.tag in _BLOCK_TAGS)
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


def _split_kicker(heading: Any, text: str) -> tuple[str, str] | None:
    """(kicker, headline) when a news site prints a kicker over the headline inside its <h1>: the heading's
    first child, marked
    as a line of its own (a class of its own, a block, <small>, or a <br> after it), holding the first
    one to MAX_KICKER_WORDS words of the heading ("<span class="roofline">Forderungsausfälle
    vermeiden</span> Eigentumsvorbehalt: ...").  A wrapper holding all of the heading is looked into."""
    element = heading
    for _ in range(MAX_WRAPPERS + 1):
        if (element.text or "").strip():
            return None
        children = [child for child in element if isinstance(child.tag, str)]
        if not children:
            return None
        first = children[0]
        kicker = _printed_text(first)
        if kicker != text or len(children) > 1:
            break
        element = first
    else:
        return None
    after = first.getnext()
    separate = (
        bool(first.get("class"))
        or first.tag in _BLOCK_TAGS
        or first.tag == "small"
        or (after is not None and after.tag == "br" and not (first.tail or "").strip())
    )
    if not separate or not text.startswith(kicker) or not 0 < len(kicker.split()) <= MAX_KICKER_WORDS:
        return None
    headline = _KICKER_SEPARATOR_START.sub("", text[len(kicker) :].strip())
    return (kicker, headline) if len(headline.split()) >= MIN_HEADLINE_WORDS else None


def _names_the_site(element: Any) -> bool:
    """An <h1> marked as the site's title or logo, or linking to the home page."""
    for node in [element, *element.iterancestors()]:
        if node.tag in _PAGE_TAGS:
            break
        if _SITE_TITLE_MARK.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return any(_HOME_LINK.match(archived_original(href) or href.strip()) for href in element.xpath(".//a/@href"))


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
    tree = html if isinstance(html, HtmlElement) else load_html(html)
    page_source = html if isinstance(html, str) else source
    saved_from = saved_from or saved_from_url(page_source)
    if tree is not None:
        _add(meta.evidence.language_hints, tree.get("lang") or tree.get("xml:lang"))
        _read_json_ld(tree, meta)
        seo_authors = _read_meta_tags(tree, meta)
        _read_time_elements(tree, meta)
        _read_labelled_dates(tree, meta)
        if page_source and "rdf:Description" in page_source:
            _read_rdf_date(page_source, meta)
        labels = _PrintedLabels()
        _read_bylines(tree, meta, labels)
        _read_published_label(labels.published, meta)
        _read_labelled_bylines(tree, meta)
        _read_written_by(labels.written_by, meta)
        _read_author_link(labels.author_links, meta)
        if not (meta.evidence.bylines or meta.evidence.author_names or meta.evidence.author_links):
            _read_copyright_notice(tree, meta)  # it names the author only where nothing else does (~0.9 ms)
        for name in seo_authors:
            meta.evidence.claim_byline(name, "meta")
        _read_bare_by(labels.bare_by, meta)
        for link in tree.xpath('//link[@rel="canonical"]/@href'):
            meta.url = meta.url or str(link).strip() or None
    if tree is None:
        return meta
    found = extract_metadata(tree, default_url=url or saved_from)
    archived_host = _archived_host(tree, meta.url or found.url, page_source)
    headline = meta.extra.pop("headline", None)
    headings, h1_site_names = _page_headings(tree)
    first_h1 = headings[0] if headings and headings[0].tag == "h1" else None
    h1 = first_h1.text if first_h1 else None
    if first_h1 is not None and (not meta.evidence.published or meta.evidence.stated_as_modified()):
        _read_date_under_headline(first_h1.element, meta)
    if page_source:
        _read_long_date_order(page_source, meta)
    meta.title = choose_title(
        [
            ("jsonld", headline),
            ("og", _first(tree, '//meta[@property="og:title" or @name="og:title"]/@content')),
            ("twitter", _first(tree, '//meta[@name="twitter:title" or @property="twitter:title"]/@content')),
            ("trafilatura", found.title),
            # A stray character in <head> ("&nbsp;<title>") makes the parser open the body before the <title>.
            ("title", _first(tree, "//head/title//text()") or _first(tree, "//title[not(ancestor::svg)]//text()")),
        ],
        h1,
        [
            name
            for name in [*meta.evidence.site_names, found.sitename, found.hostname, archived_host, *h1_site_names]
            if name and not is_archive_name(name)
        ],
        [heading.text for heading in headings[1 if h1 else 0 :]],
        first_h1.kicker if first_h1 else None,
    )
    meta.url = meta.url or found.url or None
    meta.hostname = found.hostname or None
    if found.date and not _copyright_year_guess(found.date, meta.url):
        _add(meta.evidence.published_guess, found.date)  # htmldate's extensive search: a guess
        meta.evidence.date_claims.append(("htmldate", found.date))
    if found.author and not _cut_at_an_entity(found.author, page_source):
        for part in html_entities.unescape(found.author).split(";"):
            if not _printed_only_in_comments(tree, part):
                meta.evidence.claim_byline(part, "trafilatura")
    if found.sitename:
        _add_site(meta.evidence.site_names, found.sitename)
    if archived_host:  # a Wayback Machine capture: the archived site, never the archive, published it
        meta.evidence.site_names = [name for name in meta.evidence.site_names if not is_archive_name(name)]
        _add(meta.evidence.site_names, archived_host)
    if found.categories:
        meta.extra["categories"] = list(found.categories)
    if found.tags:
        meta.extra["tags"] = list(found.tags)
    return meta
