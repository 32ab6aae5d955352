"""The headings a page prints (`page_headings`): its <h1>s, then its <h2>s, outside navigation, sidebars, teasers
and text for screen readers only, each with the kicker a news site prints over the headline inside its <h1>; and
the site's name where a blog theme prints it as an <h1>.

They are the printed candidates `html_title.choose_title` compares with the declared titles, and the first <h1>
is where `html_dates` looks for the date under the headline.  Apart from `html_title`, which compares strings and
never reads the tree.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from axis_ingest.detectors import archived_original
from axis_ingest.readers.html_page import (
    BLOCK_TAGS,
    HEADING_INSIDE,
    INNER_HEADINGS,
    PAGE_TAGS,
    elsewhere,
    printed_text,
)
from axis_ingest.readers.html_title import MAX_KICKER_WORDS, MAX_TITLE_CHARS

# Class or id of the element that prints the site's own name in a page header.
_SITE_TITLE_MARK = re.compile(
    r"(?:site|blog)[-_]?(?:title|name|logo|branding)|\blogo\b|\bbrand(?:ing)?\b|masthead", re.I
)
# A link to a site's home page: "/", "./", "index.html", "https://host/" (nothing after the host).
_HOME_LINK = re.compile(r"^(?:\.?/|(?:\./)?index\.(?:html?|php)|https?://[^/]+/?(?:index\.(?:html?|php))?)$", re.I)
# <h1>/<h2> elements read per page when looking for the printed headline (outside sidebars and navigation):
# the headline comes early.
MAX_HEADINGS = 5
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


# The element a page marks as its entry's headline where it prints no <h1>: hAtom's `entry-title` (blog themes
# and CMSs since 2006: Blogger's <h3 class="post-title entry-title">, the AP's hosted stories' <span class="headline
# entry-title">) and schema.org microdata's `itemprop="headline"`.  A <meta> carries no printed text.
_MARKED_HEADLINE = etree.XPath(
    '//body//*[@itemprop="headline" and not(self::meta)]'
    ' | //body//*[contains(concat(" ", normalize-space(@class), " "), " entry-title ")]'
)


# A text printed on its own in the page's body: the whole text of an element (a home link's) or an image's
# alternative text (a logo's).
_PRINTED_ALONE = etree.XPath("//body//text()[normalize-space(.) = $text] | //body//img[@alt = $text]/@alt")


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading as printed: its tag, its text, and the kicker printed over it on a line of its own.  `marked`: the
    element the page marks as its entry's headline, read as the <h1> of a page that prints none (`_marked_headline`)."""

    tag: str
    text: str
    kicker: str | None = None
    element: Any = field(default=None, compare=False, repr=False)
    marked: bool = False


def page_headings(tree: Any) -> tuple[list[Heading], list[str]]:
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
            text = printed_text(_without_inner_headings(element))
            if not text or len(text) > MAX_TITLE_CHARS or elsewhere(element) or _screen_reader_only(element):
                continue  # not counted: a sidebar's widget titles can come before the post's heading
            read += 1
            if tag == "h1" and _names_the_site(element):
                site_names.append(text)
            elif tag == "h1" and (split := _split_kicker(element, text)):
                headings.append(Heading(tag, split[1], split[0], element))
            else:
                headings.append(Heading(tag, text, element=element))
    if not any(heading.tag == "h1" for heading in headings) and (marked := _marked_headline(tree)):
        headings.insert(0, marked)
    return headings, site_names


def _marked_headline(tree: Any) -> Heading | None:
    """The entry's headline the page marks (`_MARKED_HEADLINE`), read as its <h1> where it prints none: the one
    marked element outside navigation, sidebars and teasers.  A blog's front page marks each post's title; with
    more than one, none is the page's.  It is a title candidate only: the date and byline readers under the
    headline were measured on printed <h1>s (the first form also read the date under it, and on one WCXB page of
    half b an ambiguous "02-12-2025" there replaced htmldate's day-first reading)."""
    marked = [element for element in _MARKED_HEADLINE(tree) if not elsewhere(element)]
    # one headline marked twice ("<div class=entry-title><h2 itemprop=headline>") is read at its innermost mark
    holders = {ancestor for element in marked for ancestor in element.iterancestors()}
    innermost = [element for element in marked if element not in holders]
    if len(innermost) != 1:
        return None
    text = printed_text(_without_inner_headings(innermost[0]))
    if not text or len(text) > MAX_TITLE_CHARS or _screen_reader_only(innermost[0]):
        return None
    return Heading("h1", text, element=innermost[0], marked=True)


def _without_inner_headings(heading: Any) -> Any:
    """The heading without headings inside it: an <h1> left open by the page's markup holds the meta line the
    page prints under it ("<h1>Top Strategies ...<div class=divider></div> <h3>Posted on July 1, 2024 by
    infuy</h3>", WCXB 0330), which is no part of the headline."""
    if not HEADING_INSIDE(heading):
        return heading
    copy = deepcopy(heading)
    for inner in copy.xpath(INNER_HEADINGS):
        if inner.getparent() is not None:
            inner.getparent().remove(inner)  # with its tail: what follows it is no headline either
    return copy


def _screen_reader_only(element: Any) -> bool:
    """A heading for screen readers only ("Navigation und Service", "Beitrags-Navigation", "Primary Menu"),
    marked by the accessibility classes of CSS frameworks and CMSs (see _SCREEN_READER_ONLY)."""
    for node in [element, *element.iterancestors()]:
        if node.tag in PAGE_TAGS:
            return False
        if any(_SCREEN_READER_ONLY.match(token) for token in node.get("class", "").split()):
            return True
    return False


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
        kicker = printed_text(first)
        if kicker != text or len(children) > 1:
            break
        element = first
    else:
        return None
    after = first.getnext()
    separate = (
        bool(first.get("class"))
        or first.tag in BLOCK_TAGS
        or first.tag == "small"
        or (after is not None and after.tag == "br" and not (first.tail or "").strip())
    )
    if not separate or not text.startswith(kicker) or not 0 < len(kicker.split()) <= MAX_KICKER_WORDS:
        return None
    headline = _KICKER_SEPARATOR_START.sub("", text[len(kicker) :].strip())
    return (kicker, headline) if len(headline.split()) >= MIN_HEADLINE_WORDS else None


def _names_the_site(element: Any) -> bool:
    """An <h1> marked as the site's title or logo, or linking to the home page."""
    return _in_site_identity(element, home_link_above=False) or any(map(_is_home_link, element.xpath(".//a/@href")))


def printed_as_the_sites_name(tree: Any, texts: list[str]) -> list[str]:
    """Those of `texts` (parts at the ends of the page's titles, `html_title.end_parts`) that the page prints as its
    own name: the whole text or the logo's alternative text of a link to its home page, or of an element marked
    as the site's title or logo, as `_names_the_site` reads a blog's <h1>.  A site's name sits around its
    headlines in its titles also where the page declares no site name and its address is unknown (a saved page of
    2007, "…影响交通-新华网" of a Chinese portal).  A headline's own part is printed in the headline, or as a
    link to the article itself ("Recent posts")."""
    found = []
    for text in dict.fromkeys(" ".join(text.split()) for text in texts):
        if any(_in_site_identity(node.getparent()) for node in _PRINTED_ALONE(tree, text=text)):
            found.append(text)
    return found


def _in_site_identity(element: Any, *, home_link_above: bool = True) -> bool:
    """The element is, or sits in, an element marked as the site's title or logo, or (with `home_link_above`) a
    link to the site's home page; looked for up to the page's own wrappers."""
    for node in [element, *element.iterancestors()] if element is not None else []:
        if node.tag in PAGE_TAGS:
            break
        if _SITE_TITLE_MARK.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
        if home_link_above and node.tag == "a" and _is_home_link(node.get("href", "")):
            return True
    return False


def _is_home_link(href: str) -> bool:
    """The address is the site's home page (an archived page's original address is what counts)."""
    return bool(_HOME_LINK.match(archived_original(href) or href.strip()))
