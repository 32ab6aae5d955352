"""The next story a page loads under its own, left out before the text is extracted.

News sites that scroll on into another story print it below the first in an `<article>` of its own, with its own
`<h1>`, byline and date (Dagbladet's pages of 2026: "- Angsten vil øke" and under it "Null tvil: - Nei!").  The
second extractor reads both as the page's main text, the first story's text looks like a miss beside them, and the
full extraction took both in (fundus's Dagbladet page: 739 words of the story and 919 of the next) or the next
story alone.  The page's own story is the `<article>` whose `<h1>` is the page's title: the others with an `<h1>`
of their own are taken out of the copy of the page the extractors read.  A recipe's instructions or a review's
verdict printed in an `<article>` of their own have no `<h1>` and stay, and a page whose title is none of its
stories' headlines (a blog's page of posts) is read whole, as before.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from axis_ingest.detectors import words_key
from axis_ingest.readers.html_page import printed_text

# Outermost `<article>` elements with a headline of their own.
_STORIES = etree.XPath("//article[not(ancestor::article)][.//h1]")
_FIRST_HEADLINE = etree.XPath("(.//h1)[1]")
# The titles the page declares for itself (the first `<h1>` is no evidence: it opens the first story anyway).
_DECLARED_TITLES = etree.XPath(
    "//head/title/text() | //meta[@property='og:title' or @name='twitter:title' or @name='title']/@content"
)


def without_next_stories(tree: Any) -> Any | None:
    """A copy of the page without the stories other than its own (see the module's docstring); None when the page
    holds one story with a headline, or when not exactly one story's headline opens a title the page declares
    (`<title>`, og:title; a site's name may follow the headline there)."""
    stories = _STORIES(tree)
    if len(stories) < 2:
        return None
    declared = [key for title in _DECLARED_TITLES(tree) if (key := words_key(str(title)))]
    own = [i for i, story in enumerate(stories) if _opens_a_title(printed_text(_FIRST_HEADLINE(story)[0]), declared)]
    if len(own) != 1:
        return None
    single = copy.deepcopy(tree)
    for i, story in enumerate(_STORIES(single)):
        if i != own[0]:
            story.drop_tree()  # lxml.html's: the text after the element stays
    return single


def _opens_a_title(headline: str, declared: list[str]) -> bool:
    """The headline is a declared title, or its first words with the site's name after them."""
    key = words_key(headline)
    return bool(key) and any(title == key or title.startswith(key + " ") for title in declared)
