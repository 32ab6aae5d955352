"""Bylines an HTML page prints, as raw bylines for the byline parser (`read_bylines` and the readers after it).

Byline elements (rel, itemprop and classes naming an author, BYLINE_XPATH), found in one walk over the tree that
also collects the elements a label opens (a publication date's, "Written by", a bare "By") and the links to an
author's archive page (`PrintedLabels`); names after an author label ("Autor: Peter Maahn"), after "Written by"
and after a bare "By"; the first author link whose address spells the name it prints.  And the two tests of
trafilatura's author that look for the name where the page prints it (`cut_at_an_entity`,
`printed_only_in_comments`).  The walk's publication labels are read by `html_dates.read_published_label`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from html.entities import html5 as HTML5_ENTITIES
from itertools import takewhile
from typing import Any
from urllib.parse import unquote

from lxml import etree
from slugify import slugify

from axis_ingest.caseless import CaselessPattern
from axis_ingest.detectors import META_SEPARATOR, UMLAUTS_WRITTEN_OUT, data_table
from axis_ingest.names.bylines import MIN_FULL_NAME_WORDS, is_full_name, parse_byline
from axis_ingest.names.common_words import is_function_word
from axis_ingest.names.organisations import name_key
from axis_ingest.readers.html_page import (
    AUTHOR_ARCHIVE,
    BLOCK_TAGS,
    MAX_BYLINE_ELEMENTS,
    MAX_LABELLED_NAME_CHARS,
    NS,
    HtmlMeta,
    add_once,
    credits_an_image,
    elsewhere,
    following_text,
    printed_text,
)

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
# The tests of BYLINE_XPATH, run in one walk over the tree (`find_printed_labels`): each of those XPaths
# scanned every element, and the class tests called back into Python's re for each (together 7.6 of ~60 ms
# per AEB page; the three others 2.5 ms more, in the walk ~0.5).  Keyed by the XPath each stands for: an
# XPath without an entry in either table is evaluated as XPath.
_BYLINE_ELEMENT_TESTS: dict[str, Callable[[Any], bool]] = {  # XPath -> the same test on any element
    "//byline": lambda element: element.tag == "byline",
    '//*[@rel="author"]': lambda element: element.get("rel") == "author",
    '//*[@itemprop="author"]': lambda element: element.get("itemprop") == "author",
}
_XML_SPACE = re.compile(r"[ \t\r\n]+")  # what XPath's normalize-space() collapses
# The words the class tests below look for: a class holding none of them (most do) is not put to the tests.
_BYLINE_CLASS_WORDS = CaselessPattern(r"byline|author|autor|auteur|meta|postdata|post-info|submitted")
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
_SLUG_NUMBER = re.compile(r"-\d+$")  # WordPress's second "john-smith": "john-smith-2"
_NAME_EDGE = ",;:|·-–—"  # punctuation a name's last word carries in a link's text ("Mike Rebold,")
# A meta line names its author after a label: "Posted by Ana", "Von R. R. am 3. Mai".
_LABELLED_AUTHOR = re.compile(r"(?:^|\s|\|)(?:by|von|par|por|posted by|geschrieben von)\s+\S", re.IGNORECASE)
# An author label ending in a colon, alone or before the name ("Autor: Peter Maahn/SP-X", "Von:", "Text:").
_LABEL_WORDS = r"(?:autor(?:in|en)?|autore|autrice|auteur|author|von|by|text|texte|par|por|verfasser(?:in)?)"
_AUTHOR_LABEL = re.compile(rf"^{_LABEL_WORDS}\s*:\s*(.*)$", re.IGNORECASE)
_AUTHOR_LABEL_START = re.compile(rf"^{_LABEL_WORDS}\s*:", re.IGNORECASE)
# A heading-like label of its own without a colon ("<h4>Autor</h4><p>Nikolai Huke</p>"): author nouns only,
# since "von"/"by"/"text" alone are ordinary words.
_AUTHOR_NOUNS = r"(?:autor(?:in|en)?|autore|autores|autrice|auteurs?|authors?|verfasser(?:in)?)"
# A box's heading names the box by one of them: "Author Spotlight" (upwork.com), "Autoreninfo", "About the author".
_AUTHOR_NOUN = re.compile(_AUTHOR_NOUNS, re.IGNORECASE)
_BARE_AUTHOR_LABEL = re.compile(rf"^{_AUTHOR_NOUNS}$", re.IGNORECASE)
MAX_AUTHOR_NOUN_CHARS = 11  # "verfasserin"
# "Written by" and its kin, opening an element's own text: the writer's name follows in it ("<h3>Written by Cassidy
# Horton</h3>" over an author box) or in the next element ("<div>Written by</div><div>Jack Shepherd</div>").
# Unlike a bare "By", these words start no sentence of the article.  "Posted by" is blog engines' label ("Posted
# by David at December 16, 2025 11:15 AM", Movable Type's <span class="posted">; Blogger; 13 of WCXB's pages).
# "Article by" / "Artikel von" as an author box's label ("<h2>Article by</h2><div>Matias Heikkilä</div>"): on half a
# of WCXB and trafilatura's pages three unrelated sites (a Finnish studio's blog, an HR blog's "Article by:",
# nationnews.com), on the other half three more (hausinfo.ch, journelles.de, nachrichten.at).
_WRITTEN_WORDS = (
    "written", "posted", "story", "words", "reported", "article", "geschrieben", "verfasst", "artikel", "écrit",
    "escrito", "scritto",
)  # fmt: skip
_WRITTEN_BY = re.compile(rf"\s*(?:{'|'.join(_WRITTEN_WORDS)})\s+(?:by|von|par|por|da)\b:?", re.IGNORECASE)
# A byline printed as a bare "By"/"Von"/"Par"/"Por"/"Door" and a name, in an element without a byline class
# ("<span class=field-field-contributor>Par <a>Matthieu Hy</a></span>", "<p>von <em>Klaus Stanjek</em></p>"):
# the element's own text opens with the word, and its whole text is a short line.  ("Di" is left out: it is
# Indonesian for "in".)
_BARE_BY_WORDS = ("by", "von", "par", "por", "door")
_BARE_BY = re.compile(rf"\s*(?:{'|'.join(_BARE_BY_WORDS)})(?:\s|$)", re.IGNORECASE)
_BARE_BY_ALONE = re.compile(rf"(?:{'|'.join(_BARE_BY_WORDS)})$", re.IGNORECASE)  # the label and nothing else
# ... unless the line is a sentence ("By clicking subscribe you agree to our terms.") or a label with its text
# ("Von den Autoren: ein Nachwort"): a colon, or a full stop after a word (an initial's, "R. R.", is a name's).
_SENTENCE_OR_LABEL = re.compile(r":|\w{2}[.!?]$")
# An element's own text is tested for those labels up to this length (a label with the name after it: "Written by
# Cassidy Horton"); longer texts are paragraphs.
MAX_LABEL_TEXT_CHARS = 100
# Labels of a book's or product's fact box, looked for this many lines either side of an author label.
_FACT_LABEL = re.compile(
    r"^(?:verlag|publisher|éditeur|editorial|editore|isbn|seiten(?:zahl)?|pages|seiten|preis|price|prix|precio|"
    r"genre|format|erscheinungs(?:datum|termin|jahr)|erschienen|übersetz(?:er|ung)|translator|einband|reihe|"
    r"laufzeit|regie|hersteller)\b\s*:",
    re.IGNORECASE,
)
FACT_BOX_REACH = 2
_COMMENTS = re.compile(r"comment", re.IGNORECASE)
_TEXT_OF_LENGTH = etree.XPath(
    "//body//*[text()][string-length(normalize-space(text())) >= $shortest]"
    "[string-length(normalize-space(text())) <= $longest]"
)
NAME_LENGTH_SLACK = 4
_METADATA_TEXTS = etree.XPath('//script[@type="application/ld+json"]/text() | //meta/@content', smart_strings=False)


@dataclass(slots=True)
class PrintedLabels:
    """What the one walk over a page's elements (`find_printed_labels`) finds for the byline and date readers: the
    byline elements; elements whose own text opens with a label (a publication date's, a writer's, an author's or a
    date's with a colon, an author noun alone); links to an author's archive page."""

    byline_elements: list[list[Any]] = field(default_factory=list)  # per BYLINE_XPATH, in page order
    published: list[Any] = field(default_factory=list)
    written_by: list[Any] = field(default_factory=list)
    bare_by: list[Any] = field(default_factory=list)  # own text opens with a bare "By" (`_BARE_BY`)
    # In the body, own text holds a colon: where "Autor: Peter Maahn" and "Datum: 03.02.2022" are printed
    colon_labels: list[Any] = field(default_factory=list)
    author_nouns: list[Any] = field(default_factory=list)  # in the body, without children, own text "Autor"
    author_links: list[Any] = field(default_factory=list)  # <a> elements to an author's archive page


@lru_cache(maxsize=1)
def _label_tests() -> tuple[re.Pattern[str], frozenset[str]]:
    """A publication label printed alone, without a colon, the date in an element of its own after it
    ("<div>Published&ensp;<span>Apr 26, 2023</span></div>", "Veröffentlicht am <time>3. Mai 2021</time>"): only the
    words that say "published" (data/date_words.toml `published`), never a bare "Date" or "Data".  And the first two
    letters of those labels, of the "Written by" words and of a bare "By"'s: the one test the walk
    (`find_printed_labels`) makes of every element's text before the three label tests (`_label_head`)."""
    words = sorted(data_table("date_words.toml")["published"], key=len, reverse=True)
    whole = re.compile(rf"^(?:{'|'.join(map(re.escape, words))})\s*$", re.IGNORECASE)
    return whole, frozenset(_label_head(word) for word in (*words, *_WRITTEN_WORDS, *_BARE_BY_WORDS))


def _label_head(text: str) -> str:
    """A text's first two letters as a label's are compared: case-folded, after the spaces a label's pattern
    skips (`\\s*`).  A regular expression ignoring case on every element's text cost ~0.5 ms an AEB page, this
    test ~0.05 ms."""
    return text.lstrip()[:2].casefold()[:2]


def find_printed_labels(tree: Any) -> PrintedLabels:
    """One walk over the page's elements: the elements each of BYLINE_XPATH finds (those in the two test tables),
    the elements whose own text is a label (`PrintedLabels`) and the links to an author's archive page.

    Every XPath here was a walk of its own, and those with a regular expression called back into Python for each
    element (the byline XPaths 7.6 ms, the label XPaths ~1.6 ms an AEB page).  A label is looked for in an
    element's own text before its first child: XPath's `text()` also read a child's tail when an element has no
    text of its own (no page of the probes' ~3,000 has such a label)."""
    labels = PrintedLabels(byline_elements=[[] for _ in BYLINE_XPATH])
    by_element = [
        (_BYLINE_ELEMENT_TESTS[x], into)
        for x, into in zip(BYLINE_XPATH, labels.byline_elements, strict=True)
        if x in _BYLINE_ELEMENT_TESTS
    ]
    by_class = [
        (_BYLINE_CLASS_TESTS[x], into)
        for x, into in zip(BYLINE_XPATH, labels.byline_elements, strict=True)
        if x in _BYLINE_CLASS_TESTS
    ]
    published_label, label_heads = _label_tests()
    in_body = False
    for element in tree.iter(etree.Element):
        for test, into in by_element:
            if test(element):
                into.append(element)
        tag = element.tag
        text = element.text
        if text:
            if len(text) <= MAX_LABEL_TEXT_CHARS and _label_head(text) in label_heads:
                if published_label.match(" ".join(text.split())):
                    labels.published.append(element)
                elif _WRITTEN_BY.match(text):
                    labels.written_by.append(element)
                elif _BARE_BY.match(text):
                    labels.bare_by.append(element)
            if in_body:
                if ":" in text:
                    labels.colon_labels.append(element)
                elif len(element) == 0 and len(text.strip()) <= MAX_AUTHOR_NOUN_CHARS:
                    labels.author_nouns.append(element)
        cls = element.get("class")
        if cls and _BYLINE_CLASS_WORDS.found_in(cls):
            for test, into in by_class:
                if test(cls):
                    into.append(element)
        if tag == "a" and AUTHOR_ARCHIVE.search(element.get("href") or ""):
            labels.author_links.append(element)
        elif tag == "body":
            in_body = True
    for xpath, into in zip(BYLINE_XPATH, labels.byline_elements, strict=True):
        if xpath not in _BYLINE_ELEMENT_TESTS and xpath not in _BYLINE_CLASS_TESTS:
            into.extend(tree.xpath(xpath, namespaces=NS))
    return labels


def read_bylines(labels: PrintedLabels, meta: HtmlMeta) -> None:
    """Byline elements, most specific XPath first, each its own byline (an author box's first line when the
    element is longer than a byline: `_first_line`).

    Joining sibling elements of one XPath into one byline ("<a rel=author>A</a>, <a rel=author>B</a>") was
    tried for multi-author lists (issue 14): it cost 2 of 126 labelled pages on the dev half b, so not kept.  A
    byline element made of one byline element per writer is read as their list (`_as_list_of_bylines`), and one
    that names nobody gives its first line when that is a full name (`_name_on_first_line`)."""
    title = " ".join(str(meta.title or meta.extra.get("headline") or "").split()).casefold()
    all_bylines = {element for elements in labels.byline_elements for element in elements}
    for index, elements in enumerate(labels.byline_elements):
        labelled_only = index == len(BYLINE_XPATH) - 1
        found: list[str] = []
        for element in elements:
            if len(found) >= MAX_BYLINE_ELEMENTS:
                break
            if element.tag in ("html", "body", "meta", "link", "script", "style") or elsewhere(element):
                continue
            if credits_an_image(element):
                continue
            name_nodes = element.xpath('.//*[@itemprop="name" or contains(concat(" ", @class, " "), " fn ")]')
            printed = name_nodes[0] if name_nodes else element
            text = _as_list_of_bylines(element, printed_text(printed), all_bylines)
            if not labelled_only and not parse_byline(text):
                text = _name_on_first_line(printed, text)
            if len(text) > MAX_BYLINE_CHARS and not labelled_only:
                text = _first_line(element)
            if not 2 < len(text) <= MAX_BYLINE_CHARS or text.casefold() == title:
                continue
            if labelled_only and not _LABELLED_AUTHOR.search(text):
                continue
            found.append(text)
            meta.evidence.claim_byline(text, "element")


def _name_on_first_line(element: Any, text: str) -> str:
    """The first line of a byline element that names nobody as a whole, when that line is a full name
    (`_a_full_name`): a writer's box prints the name and under it a section or a role the byline parser cannot
    read ("Kelly Sheridan<br>News", informationweek.com), and the two lines read as one "name" named nobody."""
    line = printed_text(element, first_line=True)
    return line if line != text and _a_full_name(line) else text


def _a_full_name(text: str) -> bool:
    """`text` is one person's full name (`is_full_name`) and nothing more (`_only_a_name`), opening with a given
    name that is no everyday function word ("My Top Herbs")."""
    return is_full_name(text) and not is_function_word(text.split()[0]) and _only_a_name(text)


def _as_list_of_bylines(element: Any, text: str, all_bylines: set[Any]) -> str:
    """A byline element made of two or more like byline elements (one tag and class) and nothing else, each a
    name alone, as the list it prints: "Ingrid Treborg; Marlene Lundberg Holm" for `<div class="bylines">`
    holding a `<div class="byline">` per writer (dagbladet.no), which printed as one text runs the names together
    into one long "name".  A name beside its role (`<a class="author__name">`, `<span class="author__role">`), or
    writers' boxes that print a role or a place under each name ("Journalist i Paris"), are left as printed."""
    if len(text) > MAX_BYLINE_CHARS:  # an author box's biography, a page's section: no list of names
        return text
    inner = [
        node
        for node in element.iterdescendants(etree.Element)
        if node in all_bylines
        and not any(parent in all_bylines for parent in takewhile(lambda up: up is not element, node.iterancestors()))
    ]
    if len(inner) < 2 or len({(node.tag, node.get("class")) for node in inner}) > 1:
        return text
    parts = [printed_text(node) for node in inner]
    if " ".join(parts).split() != text.split() or not all(_only_a_name(part) for part in parts):
        return text
    return "; ".join(parts)


def _only_a_name(text: str) -> bool:
    """The byline parser reads `text` as one person's name and nothing more (no role, place or date beside it)."""
    persons = parse_byline(text)
    return len(persons) == 1 and persons[0].name == text


def _first_line(element: Any) -> str:
    """The first line a byline element too long to be a byline prints, when it may be a full name: an author box
    shows the writer's name above a biography (Webflow's `blog_author-text`: "Lauren Vetter", then "Lauren Vetter
    is a growth-focused marketing professional ..."), and the whole box was skipped as a biography.  A line of one
    word ("Autoreninfo") is no full name, and one naming the box ("Author Spotlight") no name; the line still goes
    through the byline parser's tests of a person."""
    for node in element.iter(etree.Element):
        if node.text and node.text.strip():
            if any(child.tag in BLOCK_TAGS for child in node.iterdescendants(etree.Element)):
                line = node.text
            else:
                line = printed_text(node)
            line = " ".join(line.split())
            words = len(line.split())
            named = MIN_FULL_NAME_WORDS <= words <= MAX_AUTHOR_BOX_NAME_WORDS
            return line if named and not _AUTHOR_NOUN.search(line) else ""
    return ""


def read_labelled_bylines(labels: PrintedLabels, meta: HtmlMeta) -> None:
    """Names printed after an author label: "Autor: Peter Maahn", "Auteur : Kossivi Tiassou", "Text: A. Roth".

    The label is its own element or starts the element's text; the name follows in the same element
    or inline right after it.  Only labels ending in a colon count: "von"/"by" without one start sentences.
    """
    taken = 0
    for element in labels.colon_labels:
        if not _AUTHOR_LABEL_START.match(" ".join(element.text.split())):
            continue
        if taken >= MAX_BYLINE_ELEMENTS:
            break
        if element.tag in ("html", "body", "script", "style", "title") or elsewhere(element):
            continue
        match = _AUTHOR_LABEL.match(" ".join(element.text_content().split()))
        if match is None or _in_fact_box(element):
            continue
        name = match.group(1) or following_text(element)
        if 2 < len(name) <= MAX_LABELLED_NAME_CHARS:
            taken += 1
            meta.evidence.claim_byline(name, "label")
    nouns = [element for element in labels.author_nouns if _BARE_AUTHOR_LABEL.match(" ".join(element.text.split()))]
    for element in nouns[:MAX_BYLINE_ELEMENTS]:
        if element.tag in ("html", "body", "script", "style", "title", "a", "button") or elsewhere(element):
            continue
        following = element.getnext()
        name = following_text(element) or (
            " ".join(following.text_content().split())
            if following is not None and isinstance(following.tag, str)
            else ""
        )
        if 2 < len(name) <= MAX_LABELLED_NAME_CHARS and not _in_fact_box(element):
            meta.evidence.claim_byline(name, "label")


def _in_fact_box(element: Any) -> bool:
    """True when the label's line sits among a book's or product's details ("Verlag:", "ISBN:", "Seiten:").

    There "Autorin:" names the book's author, not the review's.
    """
    block = element
    while block.tag not in BLOCK_TAGS and block.getparent() is not None:
        block = block.getparent()
    neighbours = [
        *list(block.itersiblings(preceding=True))[:FACT_BOX_REACH],
        *list(block.itersiblings())[:FACT_BOX_REACH],
    ]
    return any(isinstance(n.tag, str) and _FACT_LABEL.match(" ".join(n.text_content().split())) for n in neighbours)


def read_written_by(labels: list[Any], meta: HtmlMeta) -> None:
    """The name after a "Written by" label (`_WRITTEN_BY`), in the label's element or in the next one."""
    for element in labels[:MAX_BYLINE_ELEMENTS]:
        if element.tag in ("html", "body", "script", "style", "title", "a", "button") or elsewhere(element):
            continue
        name = _WRITTEN_BY.sub("", printed_text(element), count=1).strip()
        following = element.getnext()
        if not name and following is not None and isinstance(following.tag, str):
            name = printed_text(following)
        if 2 < len(name) <= MAX_LABELLED_NAME_CHARS:
            meta.evidence.claim_byline(name, "label")


def read_author_link(links: list[Any], meta: HtmlMeta) -> None:
    """The first link to an author's archive page whose address spells the full name it prints
    (`<a href="/author/chris-mcnamara">Chris McNamara</a>` after a bare "By", in an element without a class):
    the slug and the printed text agreeing is evidence that the text is a person's name, not a label or a
    headline.  A fallback for pages that name nobody otherwise (`Evidence.author_links`): the first such link
    is the byline's on an article page, and a related-story list's further down; those lists, sidebars and
    comments are skipped (`elsewhere`).  One-word names are left out: handles and admin accounts
    ("wordpressadmin") link to their archives as well."""
    for link in links:
        if elsewhere(link):
            continue
        found = AUTHOR_ARCHIVE.search(link.get("href") or "")
        slug = _SLUG_NUMBER.sub("", unquote(found[1])) if found else ""
        if name := name_in_link(printed_text(link), slug):
            add_once(meta.evidence.author_links, name)
            return


def name_in_link(text: str, slug: str) -> str | None:
    """The words of an author link's text that the link's address spells: the whole text ("Chris McNamara" of
    /author/chris-mcnamara), else a run of MIN_FULL_NAME_WORDS or more words inside it ("Joe Kindness" of "Read more
    posts by Joe Kindness", "Kathrin Führes" of a link holding her photo's credit and her name, to
    /autoren/kathrin-fuehres).  Words are compared as a slug generator writes them (python-slugify: "Ø" as "o",
    "李白" as "li bai") and with German's spelling of umlauts; None when no run of words spells the address.
    A run that a capitalised word continues is not the name: an address may spell a name short ("Ana Lima" of
    "Ana Lima Souza", /author/ana-lima), and the link then prints more of it."""
    words, key = text.split(), name_key(slug)
    if not key:  # an address of marks and numbers ("/author/-2/") spells nobody
        return None
    if len(words) >= MIN_FULL_NAME_WORDS and name_key(text) == key:
        return text
    target = slugify(slug, separator="")
    keys = [_slug_forms(word) for word in words]
    for start in range(len(words)):
        if not keys[start][0]:  # a mark ("©", "|") opens no name
            continue
        plain = german = ""
        for end in range(start + 1, len(words) + 1):
            plain, german = plain + keys[end - 1][0], german + keys[end - 1][1]
            if end - start >= MIN_FULL_NAME_WORDS and target in (plain, german):
                if _name_ends(words, start, end):
                    return " ".join(words[start:end]).strip(_NAME_EDGE)
                break
            if min(len(plain), len(german)) > len(target):
                break
    return None


def _name_ends(words: list[str], start: int, end: int) -> bool:
    """The run words[start:end] ends the name: the link's text ends there, the run's last word closes with a mark
    ("Mike Rebold,"), the next word is not capitalised ("by", "|"), or the same name follows (a photo's credit
    before the name)."""
    following = words[end : end + (end - start)]
    if end == len(words) or words[end - 1][-1] in _NAME_EDGE or not following[0][:1].isupper():
        return True
    return following == words[start:end]


@lru_cache(maxsize=4096)
def _slug_forms(word: str) -> tuple[str, str]:
    """A word as a site's address writes it: in a slug generator's ASCII, where "ü" loses its dots, and with German's
    umlauts written out ("Führes" as "fuehres": `UMLAUTS_WRITTEN_OUT`)."""
    return slugify(word, separator=""), slugify(word.casefold().translate(UMLAUTS_WRITTEN_OUT), separator="")


def read_bare_by(labels: list[Any], meta: HtmlMeta) -> None:
    """A short line that opens with a bare "By" (`_BARE_BY`) and holds nothing else: a byline printed without
    a class that names it.  Claimed after every other byline ("printed"), so that it only speaks where nothing
    more specific did; the name still has to pass the byline parser's tests of a person."""
    for element in labels[:MAX_BYLINE_ELEMENTS]:
        if element.tag in ("html", "body", "script", "style", "title", "a", "button", "label", "option"):
            continue
        if elsewhere(element) or credits_an_image(element):
            continue
        # "Von A und B<br>Kakuma/Kenia": a dateline follows; "By A | 14 March 2026": a date does
        text = META_SEPARATOR.split(printed_text(element, first_line=True))[0].strip()
        longest = MAX_LABELLED_NAME_CHARS
        if _BARE_BY_ALONE.match(text) and (parent := element.getparent()) is not None:
            # the label in an element of its own, the names after it in the line around it: `<p><span>By</span>
            # <a>Marc Santora</a>, <a>William K. Rashbaum</a> and <a>Adam Goldman</a></p>`; a list of names
            text, longest = META_SEPARATOR.split(printed_text(parent, first_line=True))[0].strip(), MAX_BYLINE_CHARS
            if not _BARE_BY.match(text):
                continue
        if 2 < len(text) <= longest and not _SENTENCE_OR_LABEL.search(text):
            meta.evidence.claim_byline(text, "printed")


def cut_at_an_entity(author: str, source: str | None) -> bool:
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


def printed_only_in_comments(tree: Any, name: str) -> bool:
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


def _in_comments(element: Any) -> bool:
    """The element or an ancestor is a comment, a comment list or a "recent comments" widget (class or id)."""
    return any(
        _COMMENTS.search(f"{node.get('class', '')} {node.get('id', '')}")
        for node in (element, *element.iterancestors())
    )
