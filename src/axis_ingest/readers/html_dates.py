"""Dates an HTML page prints for its readers, claimed after those it declares for machines (JSON-LD, meta tags:
`html_meta`).

The publication <time datetime> (`read_time_elements`); a date after a label element ("<h5>Datum:</h5>03.02.2022",
`read_labelled_dates`) or after a publication label without a colon (`read_published_label`); the trackback RDF
blog engines leave in a comment (`read_rdf_date`); the date line under the headline (or right over it), on a page
that states its date nowhere else (`read_date_under_headline`).  And two readings of dates found elsewhere: the
order an English page prints its dates in words, for an ambiguous numeric date (`read_long_date_order`), and
htmldate's date that is only the copyright year (`copyright_year_guess`).  Each reader claims what the page prints
in `Evidence`; parsing and choosing are the normaliser's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from axis_ingest.clean.phrases import names_a_printed_date
from axis_ingest.clean.text import without_invisible
from axis_ingest.detectors import (
    PRINTED_YEAR,
    SPACED_NUMERIC_DATE,
    VIETNAMESE_NUMERIC_DATE,
    date_line_parts,
    match_date_line,
)
from axis_ingest.names.bylines import one_persons_name, parse_byline, strip_byline_prefix
from axis_ingest.names.places import is_place_name
from axis_ingest.readers.html_page import (
    MAX_BYLINE_ELEMENTS,
    MAX_LABELLED_NAME_CHARS,
    HtmlMeta,
    add_once,
    claim_date,
    elsewhere,
    following_text,
    printed_text,
)

# <time> elements whose class or itemprop marks them as the publication time.
_PUBLISH_HINT = re.compile(r"publish|posted|pubdate|entry-date|article-date|created", re.IGNORECASE)
_MODIFIED_HINT = re.compile(r"updat|modif", re.IGNORECASE)
_DATE_LABEL_WORDS = r"(?:datum|date|published|veröffentlicht|erstellt|publié le|publié|fecha|data|pubblicato)"
_DATE_LABEL = re.compile(rf"^{_DATE_LABEL_WORDS}\s*:\s*(.*)$", re.IGNORECASE)
_DATE_LABEL_START = re.compile(rf"^{_DATE_LABEL_WORDS}\s*:", re.IGNORECASE)
_RDF_DATE = re.compile(r"<rdf:Description\b[^>]*?\sdc:date=\"([^\"]+)\"")
MAX_RDF_SCAN = 2_000_000  # characters of page text searched for trackback RDF
# The article's own date line under its headline (`read_date_under_headline`): the elements after the <h1> looked
# at, and the words of a paragraph that begins the text; a date line has at most MAX_HEADER_DATE_WORDS words
# ("Publié le 11 août 2025 à 14h05, mis à jour le 16 août 2025": 13).
HEADER_ZONE_ELEMENTS = 30
MIN_BODY_PARAGRAPH_WORDS = 15
MAX_DEKS = 1
MAX_HEADER_DATE_WORDS = 14
# ... and, where none is under it, the elements right before the <h1> looked at: a channel's name and the date line
# (the dates dev set, both halves: 13 more header dates, all the labelled day).
PRE_HEADLINE_SIBLINGS = 2
# The separators a meta line prints around a name beside the date.
_META_PUNCTUATION = " |·•-–—,:"
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
# English dates in words, day first ("15 December 2025", "4 Dec 2025") or month first ("December 15, 2025"), and a
# numeric date whose day and month could trade places ("03/10/2023"): see `read_long_date_order`.
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


def read_time_elements(tree: Any, meta: HtmlMeta) -> None:
    ev = meta.evidence
    for element in tree.xpath("//time[@datetime]")[:20]:
        if elsewhere(element):
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
            claim_date(ev, value, "time", modified=True)
        elif _PUBLISH_HINT.search(marks) or element.get("pubdate") is not None:
            claim_date(ev, value, "time")


def read_labelled_dates(colon_labels: list[Any], meta: HtmlMeta) -> None:
    """A date printed after a date label of its own ("<h5>Datum:</h5>03.02.2022", "Veröffentlicht: 3. Mai").
    `colon_labels` are the elements of the page's body whose own text holds a colon (`html_bylines.PrintedLabels`)."""
    labelled = [element for element in colon_labels if _DATE_LABEL_START.match(" ".join(element.text.split()))]
    for element in labelled[:MAX_BYLINE_ELEMENTS]:
        if element.tag in ("html", "body", "script", "style", "title") or elsewhere(element):
            continue
        match = _DATE_LABEL.match(" ".join(element.text_content().split()))
        if match is not None:
            value = match.group(1) or following_text(element)
            if re.search(r"\d", value) and len(value) <= MAX_LABELLED_NAME_CHARS:
                meta.evidence.claim_date(value, "label")
                return


def read_published_label(labels: list[Any], meta: HtmlMeta) -> None:
    """A date printed after a publication label without a colon, in an element of its own
    ("<div>Published&ensp;<span>Apr 26, 2023</span></div>"), on a page with no labelled date of the colon kind.
    `labels` are the elements whose own text is such a label, found in the byline walk."""
    if any(source == "label" for source, _ in meta.evidence.date_claims):
        return
    for element in labels[:MAX_BYLINE_ELEMENTS]:
        if element.tag in ("html", "body", "script", "style", "title") or elsewhere(element) or not len(element):
            continue
        label = " ".join((element.text or "").split())
        value = printed_text(element).removeprefix(label).strip()
        if len(value) <= MAX_LABELLED_NAME_CHARS and _names_a_printed_date(value):
            meta.evidence.claim_date(value, "label")
            return


def read_rdf_date(source: str, meta: HtmlMeta) -> None:
    """dc:date of the trackback RDF that blog engines (Movable Type, goo, Seesaa) put in an HTML comment.

    The parser drops comments, so this reads the page text; a page with several entries' RDF is a
    listing, and only a single date is taken.
    """
    dates = set(_RDF_DATE.findall(source[:MAX_RDF_SCAN]))
    if len(dates) == 1:
        claim_date(meta.evidence, dates.pop(), "rdf")


def read_date_under_headline(headline: Any, meta: HtmlMeta) -> None:
    """The date printed between the headline and the text, without a label or a class that names it
    (<h1>...</h1><p>March 7, 2019</p>, a bare <time datetime> beside the byline; else the one right over the
    headline, `_read_date_over_headline`), on a page that states its date nowhere else: htmldate's page-wide
    guess took a related story's <time> or a teaser list's date there.

    The elements after the <h1> in page order are looked at until the text begins (a paragraph of prose after
    the standfirst) or HEADER_ZONE_ELEMENTS have been seen; sidebars, navigation and comments are skipped.
    Asked on every page, the line outvoted structured dates on the dates dev set (half a 225 -> 222: a local
    time without offset moved a UTC time's day, a product page's later date), so it only fills the gap, or
    challenges a stated publication time that is also the page's modification time (the normaliser's
    `_printed_before_resave` decides)."""
    prose = 0
    seen: set[str] = set()
    for element, text in _header_leaves(headline):
        # A long meta line is no paragraph of prose ("Mis à jour le ... | Publié le ...").
        if len(text.split()) >= MIN_BODY_PARAGRAPH_WORDS and not _meta_line_dates(text):
            if text in seen:
                continue  # the standfirst again, for another screen size: still the header
            seen.add(text)
            prose += 1
            if prose > MAX_DEKS:
                break  # the text has begun (one paragraph may be the standfirst above the byline and date)
            continue
        if not elsewhere(element) and _claim_date_line(element, text, meta):
            return
    _read_date_over_headline(headline, meta)


def _read_date_over_headline(headline: Any, meta: HtmlMeta) -> None:
    """The date line printed right over the headline, beside it in the article's header ("<div class=
    "ArticleHeader_date">January 19, 2020 / 12:25 PM / Updated 8 hours ago</div><h1>"): the nearest of the
    headline's PRE_HEADLINE_SIBLINGS elements before it that is a date line.  Only those: a masthead's date
    further up is today's."""
    for index, sibling in enumerate(headline.itersiblings(preceding=True)):
        if index == PRE_HEADLINE_SIBLINGS or not isinstance(sibling.tag, str) or elsewhere(sibling):
            return
        if sibling.tag in ("script", "style"):
            continue
        if _claim_date_line(sibling, " ".join(without_invisible(sibling.text_content()).split()), meta):
            return


def _meta_line_dates(text: str) -> list[str]:
    """The date parts of a meta line of a byline and a date ("Von Anna Berger · 5. Januar 2019"), or of an updated
    and a published date ("Updated March 4, 2024 | Published March 3, 2024": both; the normaliser sets the update
    aside)."""
    parts = date_line_parts(text)
    return [part for part in parts if _names_a_printed_date(part)] if len(parts) > 1 else []


def _claim_date_line(element: Any, text: str, meta: HtmlMeta) -> bool:
    """Claim the dates of a header's date line (`text`, the element's as printed) as header evidence; whether it
    was one.  A bare <time datetime> gives its machine date when it prints none."""
    parts = date_line_parts(text)
    if len(parts) > 1:
        dates = [part for part in parts if _names_a_printed_date(part)]  # a meta line's date parts
    else:
        dates = [text] if _names_a_printed_date(text) else []
    if element.tag == "time" and element.get("datetime") and not dates:
        dates = [element.get("datetime")]  # what the page prints wins: "Publié le 29 juin 2019" over 07-03
    for date in dates:
        meta.evidence.claim_date(date, "header")
    return bool(dates)


def read_name_beside_a_date(headline: Any, meta: HtmlMeta) -> None:
    """A person's name printed beside the date between the headline and the text, with no "By" and no class that
    names it ("<span>Sehernur Karsu |</span><span>05.04.2025</span>", "<p>Ana Lima · 4 March 2026</p>"): the
    byline of a meta line.  A name alone there may be a topic's ("Donald Trump" over the text); beside the date
    it is the writer's.  Asked only where the page names nobody else (the normaliser's last resort before a
    copyright notice), and the byline parser must read the text as one person and nothing more."""
    leaves: list[str] = []
    prose = 0
    for element, text in _header_leaves(headline):
        # a separator in an element of its own ("<span>2025-12-17</span><span>·</span><a>Trond Teigen</a>") stands
        # between the date and the name, not beside either
        if not text.strip(_META_PUNCTUATION) or elsewhere(element):
            continue
        # a long meta line of names and a date ("Av Anna Svensson, Erik Lindqvist och Maja Holm | Publicerad 4
        # mars 2026 kl. 14.10") is no paragraph of prose
        if len(text.split()) >= MIN_BODY_PARAGRAPH_WORDS and len(date_line_parts(text)) == 1:
            prose += 1
            if prose > MAX_DEKS:
                break
            continue
        leaves.append(text)
    for index, text in enumerate(leaves):
        parts = [part.strip(_META_PUNCTUATION) for part in date_line_parts(text)]
        # a place beside the date is a press release's dateline ("13.01.2022 • Verden an der Aller"), not its writer
        names = [part for part in parts if _names_people(part) and not is_place_name(part)]
        if not names:
            continue
        dated = len(parts) > len(names) and all(part in names or _names_a_printed_date(part) for part in parts)
        beside = [leaves[i] for i in (index - 1, index + 1) if 0 <= i < len(leaves) and len(parts) == 1]
        if dated or any(all(_names_a_printed_date(part) for part in date_line_parts(b)) for b in beside):
            meta.evidence.claim_byline(names[0], "printed")
            return


def _names_people(part: str) -> bool:
    """One person's name ("Sehernur Karsu"), or names after a word that introduces them ("Di Giulia Rossi e Marco
    Bianchi": Italian "by", left out of the bare "By" words as Indonesian "in")."""
    names = strip_byline_prefix(part)
    if names == part:
        return one_persons_name(part)
    persons = parse_byline(part)
    return bool(persons) and all(one_persons_name(person.name) for person in persons)


def _header_leaves(headline: Any) -> Iterator[tuple[Any, str]]:
    """(element, its text as printed) of the leaf elements among the HEADER_ZONE_ELEMENTS after the headline, in
    page order (a container's leaves come after it; scripts and styles are no text)."""
    for index, element in enumerate(_following(headline)):
        if index == HEADER_ZONE_ELEMENTS:
            return
        if isinstance(element.tag, str) and element.tag not in ("script", "style") and not len(element):
            yield element, " ".join(without_invisible(element.text_content()).split())


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


def read_long_date_order(page_source: str, meta: HtmlMeta) -> None:
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
        add_once(hints, "en-GB")


def copyright_year_guess(date: str, url: str | None) -> bool:
    """htmldate's last resort: the first of January of the page's copyright year ("© 2016" -> 2016-01-01).

    A copyright year is no publication date, and the day is made up: on the dev half read (half a of the dates
    and authors sets) all 8 stored dates of 1 January came from it, on pages labelled with another date or none.
    A 1 January the URL prints (`/2020/01/01/`) stays; a date printed on the page is evidence of its own.
    """
    if not re.fullmatch(r"\d{4}-01-01", date):
        return False
    year = date[:4]
    return not (url and re.search(rf"{year}[/_-]?01[/_-]?01(?!\d)", url))
