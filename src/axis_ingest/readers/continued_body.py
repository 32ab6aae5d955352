"""An article a page prints in several containers of one kind, of which the extractor read the first.

Condé Nast's sites (The New Yorker, Vogue, Wired...) print a long article as chunks, each a
`<div class="body__inner-container">` of paragraphs between advertisements; Rzeczpospolita repeats its
`<div class="body articleBody">` after each advertisement; Die Welt, the Washington Post and the Corriere
della Sera do the same with their own classes.  trafilatura takes the first element its body expressions
find, so on fundus's pages of The New Yorker the stored text stopped after 2,196 of 4,715 words.

The containers are found by what they are, not by their names: elements with the same tag and class
attribute that hold paragraphs, one of which holds paragraphs of the extracted text.  The others' paragraphs
join the text where the page prints them, when they are prose of some length, in the same `<article>` as the
extracted ones (a page that loads the next story below the first prints it in an `<article>` of its own).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from axis_ingest.dedup.minhash import shingles
from axis_ingest.detectors import words_key

# A container adds its paragraphs only when they hold this many words not in the text already: one-line
# promotions and form messages share a body's class on some sites ("Das ist die Europäische Perspektive bei
# BR24.", 7 words; "Vielen Dank! Der Beitrag wurde erfolgreich versandt.", 6 words, FAZ), and the sentences
# of a real continuation run to hundreds of words (fundus: New Yorker 2,500, Rzeczpospolita 298).
MIN_CONTINUATION_WORDS = 20
# A paragraph matches the text when it has this many words (shorter ones, "Advertisement", repeat anywhere).
MIN_MATCH_WORDS = 8
# Paragraphs whose text is mostly link text are cross-links and lists of related stories, not article text.
MAX_LINK_SHARE = 0.5
# The containers of a kind are the article's when those holding extracted paragraphs hold at least this share of
# the text's words: a utility class shared by a standfirst box and teasers ("hidden md:block" on
# Rzeczpospolita's page, 10% of the text) names no body.
MIN_HELD_SHARE = 0.25
# A paragraph whose word 4-grams are mostly in the text already is there, changed by the cleaning (a dateline
# taken off: "DALLA NOSTRA CORRISPONDENTE NEW YORK - Giorgia Meloni ...").
MAX_SEEN_SHINGLES = 0.5

# The containers of one article sit alike in the page: this many ancestors above each have the same tags and
# classes (a page builder's generic widget class, shared by the article's text and the footer's, sits under
# differently classed sections).
SAME_ANCESTORS = 3

# Elements with a class holding paragraphs, outside the page's header, footer, navigation, asides and forms.
_PARAGRAPH_HOLDERS = etree.XPath(
    "//*[@class][p][not(ancestor::footer or ancestor::header or ancestor::nav or ancestor::aside or ancestor::form)]"
)


def _paragraphs_of(container: Any) -> list[tuple[Any, str]]:
    """The container's own paragraphs (its `<p>` children) and their printed text."""
    paragraphs = []
    for paragraph in container.iterchildren("p"):
        if text := " ".join(paragraph.text_content().split()):
            paragraphs.append((paragraph, text))
    return paragraphs


def _places_in_text(paragraphs: list[tuple[Any, str]], index_of: dict[str, int]) -> list[int]:
    """Where in the extracted text a container's paragraphs (long enough to match) stand."""
    keys = (words_key(text) for _, text in paragraphs if len(text.split()) >= MIN_MATCH_WORDS)
    return [index_of[key] for key in keys if key in index_of]


def _mostly_links(paragraph: Any, text: str) -> bool:
    return sum(len(" ".join(a.text_content().split())) for a in paragraph.iter("a")) > MAX_LINK_SHARE * len(text)


def _placement(element: Any) -> tuple[str, ...]:
    """The tags and classes of the SAME_ANCESTORS elements above `element`."""
    ancestors = []
    for ancestor in element.iterancestors():
        ancestors.append(f"{ancestor.tag}.{' '.join(ancestor.get('class', '').split())}")
        if len(ancestors) == SAME_ANCESTORS:
            break
    return tuple(ancestors)


def _articles_around(element: Any) -> list[str]:
    """The `<article>` elements holding `element`, by their place in the tree (lxml's element proxies are not
    compared by node)."""
    tree = element.getroottree()
    return [tree.getpath(article) for article in element.iterancestors("article")]


def continued_paragraphs(tree: Any, paragraphs: list[str], reads_like_prose: Callable[[str], bool]) -> list[str]:
    """`paragraphs` with those of the other containers of their kind inserted where the page prints them.

    `reads_like_prose` is the HTML reader's prose test (passed in: this module sits below the reader)."""
    groups = _containers_alike(tree)
    if not groups:
        return paragraphs
    index_of = {words_key(p): i for i, p in enumerate(paragraphs) if len(p.split()) >= MIN_MATCH_WORDS}
    index_of.pop("", None)
    insertions: dict[int, list[str]] = {}
    added: set[str] = set()
    seen: set[str] | None = None  # the text's word 4-grams (the dedup index's shingles), made when first needed
    words = sum(len(p.split()) for p in paragraphs)
    for members in groups:
        texts = [_paragraphs_of(member) for member in members]
        found = [_places_in_text(member_texts, index_of) for member_texts in texts]
        holders = [n for n, at in enumerate(found) if at]
        if not holders or sum(len(paragraphs[i].split()) for at in found for i in at) < MIN_HELD_SHARE * words:
            continue
        articles = _articles_around(members[holders[0]])
        last_index = -1  # where the text stands after the previous container that holds some of it
        for member, member_texts, at in zip(members, texts, found, strict=True):
            if at:
                last_index = max(at)
                continue
            new = [(p, t) for p, t in member_texts if (k := words_key(t)) not in index_of and k not in added]
            if sum(len(t.split()) for _, t in new) < MIN_CONTINUATION_WORDS:
                continue
            if seen is None:
                seen = set().union(*map(shingles, paragraphs))
            kept = [t for p, t in new if not _mostly_links(p, t) and not _seen(t, seen)]
            if sum(len(t.split()) for t in kept) < MIN_CONTINUATION_WORDS or not any(map(reads_like_prose, kept)):
                continue
            if _articles_around(member) != articles:
                continue
            insertions.setdefault(last_index, []).extend(kept)
            added.update(map(words_key, kept))
            seen.update(*map(shingles, kept))
    if not insertions:
        return paragraphs
    out = list(insertions.get(-1, []))
    for i, paragraph in enumerate(paragraphs):
        out.append(paragraph)
        out.extend(insertions.get(i, []))
    return out


def _containers_alike(tree: Any) -> list[list[Any]]:
    """Groups of two or more elements holding paragraphs with the same tag, class and placement (`_placement`)."""
    by_class: dict[tuple[str, str], list[Any]] = {}
    for element in _PARAGRAPH_HOLDERS(tree):
        by_class.setdefault((element.tag, " ".join(element.get("class", "").split())), []).append(element)
    groups: dict[tuple[str, ...], list[Any]] = {}
    for (tag, cls), elements in by_class.items():
        if len(elements) < 2 or not cls:  # most pages: no class holds paragraphs twice
            continue
        for element in elements:
            groups.setdefault((tag, cls, *_placement(element)), []).append(element)
    return [members for members in groups.values() if len(members) >= 2]


def _seen(paragraph: str, seen: set[str]) -> bool:
    grams = shingles(paragraph)
    return len(grams & seen) > MAX_SEEN_SHINGLES * len(grams)
