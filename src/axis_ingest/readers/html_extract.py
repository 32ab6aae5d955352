"""The article text of a whole page, from more than one extractor (`article_paragraphs`).

trafilatura's fast pass first; its full extraction with fallbacks when the fast result looks like a miss; and
Resiliparse's main text as a second, independent opinion that votes between the two, takes over where
trafilatura read another block of the page, trims a sidebar teaser kept ahead of the article and puts back a
heading or short list, or a whole section of prose, that trafilatura dropped between two paragraphs it kept.
Each result is pruned the same way (`html_prune`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

from axis_ingest.clean.lines import NUMBERED_ITEM
from axis_ingest.clean.phrases import EDGE_PUNCT, phrases
from axis_ingest.detectors import words_key
from axis_ingest.document import Evidence
from axis_ingest.readers.html_output import output_paragraphs
from axis_ingest.readers.html_prune import (
    has_article_text,
    is_printed_date,
    prune_paragraphs,
    reads_like_prose,
    squash,
)

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
# Resiliparse also misses pages (an empty result, a comment thread).  Nor does it vote when its own text is under
# FALLBACK_BELOW_CHARS (repeated lines counted once): it found as little as the fast pass (WCXB 0781, a legal aid
# page: F1 0.45 -> 0.71 with the full extraction; through the CLI nothing else changed on WCXB, fundus, AEB,
# Postlight's, Snacktory's or Readability's pages, and the bodies of 3 unlabelled dates/authors dev pages grew).
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
# A block of prose the second extractor prints between two paragraphs of trafilatura's kept text, where trafilatura
# kept nothing (a section set in a component of its own: nescafe.com's history of coffee lost its first half), is
# put back (`restore_skipped_sections`) when it holds at least SKIPPED_MIN_WORDS words, at least
# SKIPPED_MIN_PROSE_SHARE of them in lines that read as prose, no date line (a row of teaser cards prints one a
# card), no line the second extractor prints twice (an ad slot's "Remove ads") and no text of a form.  Set on half a
# of WCXB's and fundus's pages, offline with the pipeline's own bodies: WCXB 0.9448 -> 0.9485 (8 pages better, 1
# worse), fundus unchanged (at 60 words: WCXB 13 better and 3 worse, fundus 2 worse).  Through the CLI, halves a / b:
# WCXB 0.9451 / 0.9414 -> 0.9489 / 0.9444, fundus 0.9569 / 0.9546 -> 0.9569 / 0.9550, run-dev unchanged.
SKIPPED_MIN_WORDS = 100
SKIPPED_MIN_PROSE_SHARE = 0.5
# A form field's ancestors whose texts are the form's (`_form_texts`): its label, its row and the box around them
# ("<div id=bmi_newsletter><div>Lust auf gesunde Rezept-Ideen? ...</div><div><label>E-Mail<input></label></div>").
FORM_FIELD_REACH = 3
# The keys of a page's kept paragraphs and of the second extractor's lines are asked for by the skipped-section test
# and the alignment in turn (`_item_key`): remembered, a page's ~100 lines are keyed once (~0.4 -> ~0.2 ms a page).
ITEM_KEYS_CACHED = 4096
# At most this many paragraphs, and this share of the text that stays: when the second extractor begins
# much later than trafilatura (it kept only the end of a long article, or a forum's last posts), the
# paragraphs ahead are the article's, not a sidebar's.  Without these limits one page of trafilatura's
# evaluation set lost its whole article.
MAX_TRIM_PARAGRAPHS = 2
MAX_TRIM_SHARE = 0.25
# Paragraphs of this many characters may match as part of a longer line of the other extractor.
MIN_PARTIAL_MATCH_CHARS = 40
# A class token of a <details> element that names what the element does (it expands): trafilatura turns <details>
# into a block of text with its <summary> as the heading, but drops any block whose class holds "expand" as page
# chrome, so an FAQ of <details class="expandable"> under an article's "Your Questions Answered" heading was lost
# (WCXB 0073, half a: F1 0.45 -> 0.90).  Only <details>: on other elements "expand" marks a button or a teaser.
# WCXB's, fundus's and trafilatura's pages otherwise store the same text (menus in <details> keep their "menu" and
# "nav" tokens).
DISCLOSURE_CLASS_WORD = "expand"


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
    if chars < FALLBACK_BELOW_CHARS or not has_article_text(kept):
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


# <noembed>: what a browser without plugins would show instead of an <embed>.  HTML parsers read its content as
# raw text, which no browser renders (HTML's parsing rules), and Resiliparse printed it as a line of markup
# ('<div class="yt-alert yt-alert-error"> <img src=...>' inside a YouTube page of 2011, Snacktory's test page).
_NOEMBED = re.compile(r"<noembed\b.*?</noembed\s*>", re.IGNORECASE | re.DOTALL)


def second_opinion(text: str) -> list[str]:
    """The page's main text by Resiliparse (an extractor independent of trafilatura), one line a block."""
    text = _NOEMBED.sub("", text)
    try:
        extracted = extract_plain_text(
            HTMLTree.parse(text), main_content=True, preserve_formatting=True, list_bullets=True,
            alt_texts=False, links=False, form_fields=False, noscript=False, comments=False,
        )  # fmt: skip
    except (ValueError, RuntimeError):  # a page it cannot parse: trafilatura's results stand alone
        return []
    return [line for line in (squash(x) for x in extracted.splitlines()) if line]


def _tokens(paragraphs: list[str]) -> Counter[str]:
    return Counter(words_key(" ".join(paragraphs)).split())


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
    if _chars(list(dict.fromkeys(second))) < FALLBACK_BELOW_CHARS:
        return True  # the second extractor found as little as the fast pass: no vote against the fallbacks' text
    on_fast, on_full = agreement(fast, second), agreement(full, second)
    return on_full >= on_fast or max(on_fast, on_full) < MIN_SECOND_AGREEMENT


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
    return trimmed if has_article_text(trimmed) else paragraphs


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
            if _a_sections_gap(gap, headings, links) and sum(len(line.split()) for line in gap) <= GAP_MAX_WORDS:
                out.extend(prune_paragraphs(gap, titles, Evidence(), links))
        out.append(after)
    return out


def restore_skipped_sections(
    tree: lxml_html.HtmlElement, paragraphs: list[str], second: list[str], titles: list[str], links: frozenset[str]
) -> list[str]:
    """The kept paragraphs with the sections of prose the second extractor prints between two of them and
    trafilatura's pass skipped (SKIPPED_MIN_WORDS).  The second extractor's text is pruned as trafilatura's is and
    lined up with the kept paragraphs word for word (a list item's bullet or number aside); a run of its lines
    that falls strictly between two kept paragraphs, where the kept text has nothing, is a skipped section when
    it reads as prose and holds no date line, no line printed twice (`_a_skipped_section`) and no text of a form
    (`_form_texts`: a calculator's or a newsletter box's explanation and consent are sentences too).  The pruning
    and the alignment run only where the kept text lacks that many words between its first and last line in the
    second extractor's text (`_words_between_kept`): on most pages it lacks none."""
    second = second_paragraphs(second)
    if len(paragraphs) < 2 or _words_between_kept(paragraphs, second) < SKIPPED_MIN_WORDS:
        return paragraphs
    lines = prune_paragraphs(second, titles, Evidence(), links)
    keys = [_item_key(line) for line in lines]
    printed = Counter(keys)
    out: list[str] = []
    form_texts: frozenset[str] | None = None  # read from the tree once, where a run passes the other tests
    for start, end, first, last in _aligned(paragraphs, keys):
        out.extend(paragraphs[start:end])
        if first < last and _a_skipped_section(lines[first:last], keys[first:last], printed):
            form_texts = _form_texts(tree) if form_texts is None else form_texts
            if not form_texts.intersection(keys[first:last]):
                out.extend(lines[first:last])
    return out


_FORM_FIELDS = etree.XPath("//input[not(@type='hidden')] | //select | //textarea")


def _form_texts(tree: lxml_html.HtmlElement) -> frozenset[str]:
    """The keys of the texts inside a <form>, or in a box that holds a form field (within FORM_FIELD_REACH
    ancestors of it): a newsletter box's or a calculator's headline, explanation and consent."""
    roots = {id(form): form for form in tree.iter("form")}
    for field in _FORM_FIELDS(tree):
        for ancestor in list(field.iterancestors())[:FORM_FIELD_REACH]:
            roots[id(ancestor)] = ancestor
    return frozenset(
        words_key(element.text_content())
        for root in roots.values()
        for element in root.iter()
        if isinstance(element.tag, str) and (element.text or "").strip()
    )


def _aligned(paragraphs: list[str], keys: list[str]) -> list[tuple[int, int, int, int]]:
    """The kept paragraphs lined up with the other text's line keys: (start, end) of each stretch of paragraphs
    and (first, last) of the lines the other text holds in their place, or the lines it alone holds strictly
    between two kept paragraphs (then start == end); (first, last) is empty elsewhere."""
    matcher = SequenceMatcher(None, [_item_key(p) for p in paragraphs], keys, autojunk=False)
    return [
        (start, end, first, last) if op == "insert" and 0 < start < len(paragraphs) else (start, end, 0, 0)
        for op, start, end, first, last in matcher.get_opcodes()
    ]


def _words_between_kept(paragraphs: list[str], lines: list[str]) -> int:
    """Words of the lines the kept paragraphs lack, between the first and the last line they hold (a set lookup a
    line: the alignment below costs ~0.5 ms a page, and on most pages nothing the kept text lacks lies inside)."""
    kept = {_item_key(p) for p in paragraphs}
    held = [key in kept for key in map(_item_key, lines)]
    if held.count(True) < 2:
        return 0
    first, last = held.index(True), len(held) - 1 - held[::-1].index(True)
    return sum(len(lines[i].split()) for i in range(first + 1, last) if not held[i])


@lru_cache(maxsize=ITEM_KEYS_CACHED)
def _item_key(line: str) -> str:
    """A line's words, without the bullet or number of a list item (trafilatura prints "- ", Resiliparse "1. ")."""
    return words_key(line[2:] if line[:2] == "- " else NUMBERED_ITEM.sub("", line, count=1))


def _a_skipped_section(lines: list[str], keys: list[str], printed: Counter[str]) -> bool:
    """A run of the second extractor's lines long enough and prosy enough to be a section (SKIPPED_MIN_WORDS), with
    no line that is a date and none it prints more than once on the page (`printed`)."""
    words = sum(len(line.split()) for line in lines)
    if words < SKIPPED_MIN_WORDS or any(printed[key] > 1 for key in keys) or any(map(is_printed_date, lines)):
        return False
    return sum(len(line.split()) for line in lines if reads_like_prose(line)) >= SKIPPED_MIN_PROSE_SHARE * words


_TEXT_BLOCKS = ("p", "div", "section", "li", "td", "dd", "blockquote")


def _prose_skipped_between_kept(tree: lxml_html.HtmlElement, kept: list[str]) -> bool:
    """Whether the page holds a block of prose the kept text lacks between two blocks it holds: a cheap test of
    whether `restore_skipped_sections` has anything to find, so that the second extractor runs only then.  A
    block is a <p>, or another block element that holds text of its own (nescafe.com prints its sections' text
    straight into a <div>).  A block is compared as printed first, and by its words only when it reads as prose
    (keying every block cost ~0.3 ms a page)."""
    kept_texts = set(kept)
    kept_keys: set[str] | None = None
    held_before = skipped = False
    for block in tree.iter(_TEXT_BLOCKS):
        if block.tag != "p" and len((block.text or "").strip()) < MIN_PARTIAL_MATCH_CHARS:
            continue  # a container of other blocks, or a line too short to be a section's
        text = block.text_content()
        if len(text) < MIN_PARTIAL_MATCH_CHARS:
            continue  # a caption's or a button's text: no section, and no anchor worth its key
        text = squash(text)
        held = text in kept_texts
        if not held and reads_like_prose(text):
            kept_keys = {_item_key(p) for p in kept} if kept_keys is None else kept_keys
            held = words_key(text) in kept_keys
            skipped = skipped or (held_before and not held)
        if held:
            if skipped:
                return True
            held_before = True
    return False


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


def _a_sections_gap(gap: list[str], headings: frozenset[str], links: frozenset[str]) -> bool:
    """List items and at most one heading of the page, none of them chrome or a marker of it ("Related stories",
    "Advertisement", "Mehr zum Thema"): a box of teasers has several headlines, a text line of its own, or a
    marker.  An ordered list's item as the second extractor prints it ("1. Wie schwer ist die Krankheit ...?",
    where trafilatura prints "- ") is a list item too (only bullets counted, so achgut.com's <ol>, the shape
    `fill_gaps` names, never came back), unless it is one whole link: a "most read" list's headline."""
    p = phrases()
    tables = (p.chrome_lines, p.end_markers, p.section_markers, p.ad_slots)
    heads = 0
    for line in gap:
        bare = line.strip(EDGE_PUNCT)
        if any(table.match(bare) for table in tables) or p.chrome_hints.search(bare):
            return False
        if line[:2] == "- ":
            continue
        if words_key(line) in headings:  # a numbered heading ("3. Umbrella") is a heading first
            heads += 1
            continue
        numbered = NUMBERED_ITEM.match(line)
        if numbered is None or words_key(line[numbered.end() :]) in links:
            return False
    return bool(gap) and heads <= 1


@dataclass(slots=True)
class _Pruned:
    """One extraction, what pruning kept of it, and the dates and bylines pruning found in it."""

    extracted: list[str]
    kept: list[str]
    found: Evidence


def _pruned(extracted: list[str], titles: list[str], links: frozenset[str]) -> _Pruned:
    found = Evidence()
    return _Pruned(extracted, prune_paragraphs(extracted, titles, found, links), found)


def article_paragraphs(
    tree: lxml_html.HtmlElement, page_text: str, url: str | None, titles: list[str], links: frozenset[str]
) -> tuple[list[str], Evidence]:
    """The article's paragraphs of a whole page, pruned, and the dates and bylines pruning found in them.

    In order (after `_unmark_disclosures`, which edits the tree's <details> classes in place): trafilatura's fast
    pass; the second extractor asked when that result is short or doubtful
    (`_asked_second`); trafilatura's full extraction when the fast result looks like a miss, kept by the second
    extractor's vote (`_full_if_missed`); the second extractor's own text where trafilatura read another block
    (`second_reads_the_article`); else the sidebar teaser ahead trimmed (`trim_to_agreement`) and a dropped
    heading or list put back (`fill_gaps`, the second extractor asked then if it was not before), and a section of
    prose trafilatura skipped between two kept paragraphs put back (`restore_skipped_sections`)."""
    _unmark_disclosures(tree)
    fast = _pruned(_extract(tree, url, TRAFILATURA_OPTIONS), titles, links)
    second = _asked_second(tree, page_text, fast)
    chosen = _full_if_missed(tree, url, fast, second, titles, links)
    if second and second_reads_the_article(chosen.kept, second):
        rescued = _pruned(second_paragraphs(second), titles, links)
        if has_article_text(rescued.kept):
            return rescued.kept, rescued.found  # nothing left to trim it against or fill from
    kept = trim_to_agreement(chosen.kept, second) if second else chosen.kept
    if headings := _dropped_between_kept(tree, kept):
        if second is None:
            second = _second_opinion_of(tree, page_text)
        kept = fill_gaps(kept, second or [], titles, links, headings)
    if second is None and _prose_skipped_between_kept(tree, kept):
        second = _second_opinion_of(tree, page_text)
    if second:
        kept = restore_skipped_sections(tree, kept, second, titles, links)
    return kept, chosen.found


def _unmark_disclosures(tree: lxml_html.HtmlElement) -> None:
    """Drop the class tokens that only say a <details> element expands (`DISCLOSURE_CLASS_WORD`), in place:
    the page's metadata has been read by now, and the extractors should judge the element by its text."""
    for details in tree.iter("details"):
        tokens = (details.get("class") or "").split()
        kept = [token for token in tokens if DISCLOSURE_CLASS_WORD not in token.casefold()]
        if len(kept) < len(tokens):
            details.set("class", " ".join(kept))


def _asked_second(tree: lxml_html.HtmlElement, page_text: str, fast: _Pruned) -> list[str] | None:
    """The second extractor's lines when the fast result is short, no article text or run together; None when
    not asked (it costs ~2-4 ms a page: SECOND_OPINION_BELOW_CHARS)."""
    short = _chars(fast.extracted) < SECOND_OPINION_BELOW_CHARS
    if short or not has_article_text(fast.kept) or _run_together(fast.extracted):
        return _second_opinion_of(tree, page_text)
    return None


def _second_opinion_of(tree: lxml_html.HtmlElement, page_text: str) -> list[str] | None:
    """The second extractor's lines, unless the page nests too deep for it (SECOND_OPINION_MAX_DEPTH)."""
    return None if _nested_deeper_than(tree, SECOND_OPINION_MAX_DEPTH) else second_opinion(page_text)


def _full_if_missed(
    tree: lxml_html.HtmlElement,
    url: str | None,
    fast: _Pruned,
    second: list[str] | None,
    titles: list[str],
    links: frozenset[str],
) -> _Pruned:
    """trafilatura's full extraction (with its fallbacks) instead of the fast result when that looks like a miss
    and the second extractor does not side with the fast one (`prefer_full`); never an article traded for none."""
    if not _looks_missed(fast.extracted, fast.kept, second):
        return fast
    extracted = _extract(tree, url, FULL_EXTRACTION_OPTIONS)
    if not extracted or extracted == fast.extracted:
        return fast
    full = _pruned(extracted, titles, links)
    use_full = prefer_full(fast.extracted, extracted, second or [])
    if has_article_text(fast.kept) != has_article_text(full.kept):  # never trade an article for none
        use_full = has_article_text(full.kept)
    return full if use_full else fast
