"""What trafilatura's text of a page holds that is not the story, and whether what is left is an article.

The headline repeated at the top, date and byline lines (kept as evidence), cross-links and calls to action
that are one whole link, widgets and trailers (the phrase tables of data/html_body.toml), an image's credit and a
newsletter's pitch (tables the page-text reader shares, data/boilerplate.toml) are pruned; the prose tests tell
an article's text from a menu's, a teaser list's or an index page's in any script.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from functools import cache

from lxml import html as lxml_html

from axis_ingest.clean.boilerplate import MAX_STRONG_WORDS
from axis_ingest.clean.phrases import EDGE_PUNCT, names_a_printed_date, phrases
from axis_ingest.detectors import (
    DAY_OR_HOUR,
    MAX_BYLINE_WORDS,
    META_SEPARATOR,
    READING_TIME,
    data_table,
    date_line_parts,
    has_phrase_tokens,
    match_date_line,
    names_an_end,
    titled_byline_pattern,
    words_key,
)
from axis_ingest.document import Evidence
from axis_ingest.punctuation import SENTENCE_TERMINALS, SPACED_TERMINALS, UNSPACED_TERMINALS

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
# A linked line whose words recur in the paragraph after it heads that paragraph (`_heads_the_next`): this share of
# its words of MIN_CONTENT_WORD_CHARS+ characters.  On WCXB's half a, of the whole-link lines trafilatura's fast pass
# keeps, 109 with half or more of their words in the next paragraph are in the labelled text and 2 are not (below
# half: 174 in, 125 not); set at one half, not tuned.
MIN_HEADING_WORDS_REPEATED = 0.5
MIN_CONTENT_WORD_CHARS = 4
# Date lines are short: anything longer is a sentence that mentions a date.  In words, and in characters for text
# written without spaces (a Chinese paragraph is one "word"): the longest date line of the dev pages of half a
# has 79 ("1.12.2022 | Quelle: Shanghai Electric | solarserver.de © Solarthemen Media GmbH"), a Chinese meta line
# 43 ("新华网河北频道 ( 2012-06-04 09:20:26 ) 稿件来源： 河北日报").
MAX_DATE_LINE_WORDS = 12
MAX_DATE_LINE_CHARS = 100
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
# A page of verse (`reads_like_verse`) holds at least MIN_VERSE_LINES lines of MIN_VERSE_LINE_WORDS words or more,
# which hold VERSE_SHARE of its words: the lyrics page of trafilatura's evaluation set has 25 such lines; no page the
# prose test rejects on the dev sets or WCXB's pages passes (the rejected index, forum and error pages of the dates
# set have lines of dates, counts and links; without the bullet test two WCXB listings of products and jobs did).
MIN_VERSE_LINES = 8
MIN_VERSE_LINE_WORDS = 5
VERSE_SHARE = 0.5
_LETTER_WORD = re.compile(r"\S*[^\W\d_]\S*")  # a token with a letter
# A paragraph that ends with a sentence mark: Latin/Cyrillic/Greek punctuation, CJK full stops, the
# Devanagari/Bengali danda (।, ॥), then any closing quotes (German “ as in „so“, ‹ › « »).  Stricter than
# detectors.LINE_ENDS_SENTENCE, which a closing quote or parenthesis alone satisfies: here the mark must be
# there, because a <br> after "the so-called „reform“" or a caption's "(Photo: AP)" continues the
# paragraph (join_line_breaks), and such a line is not a sentence of prose (reads_like_prose).
ENDS_WITH_SENTENCE_MARK = re.compile(f"[{SENTENCE_TERMINALS}…:]['\"”“’»«›)]*$")
# A sentence ending inside a paragraph: a word of 2+ letters, its full stop and a next word starting with
# a letter or quote (so "U.S.", "Str. 12" and "12.03." do not count), or a CJK full stop.  Pages whose
# paragraphs run sentences into a caption or a credit ("... agencies. (With inputs from PTI)", "... 금지>")
# have sentences but no final full stop.
_SENTENCE_INSIDE = re.compile(
    rf"(?<=[^\W\d_]{{2}}[{SPACED_TERMINALS}…])['\"”“’»«›)]*\s+(?=[^\W\d_]|[\"'„“‘«¿¡(])|(?<=[{UNSPACED_TERMINALS}])"
)
_ENDS_LIKE_DATE = re.compile(r"(\d|\b[ap]\.?m\.?|\b(gmt|utc|[a-z]st|[a-z]dt)|[\])])\W*$", re.IGNORECASE)
# Words of the date part of a "By Name | 14 de marzo de 2026" meta line, at most.
MAX_META_DATE_WORDS = 6
# ... and characters: "2025年1月14日 01時28分 (1月14日 01時40分更新)" has 37; "14 de septiembre de 2026, 14:10 CEST" 35.
MAX_META_DATE_CHARS = 48
# A paragraph of a month and a year without a day is a date under the headline when it is only those ("März 2026").
MONTH_YEAR_WORDS = 2
_BARE_URL = re.compile(r"(https?://|www\.)\S+")


@dataclass(frozen=True, slots=True)
class _Rules:
    drop: re.Pattern[str]
    crosslink: re.Pattern[str]
    tail: re.Pattern[str]
    date_label: re.Pattern[str]
    lone_date_label: re.Pattern[str]
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
        lone_date_label=re.compile(rf"\W*(?:{labels})\W*", re.IGNORECASE),
        date_shape=_any_of(data["date_shape"]),
        byline=_any_of([*data["byline"], titled_byline_pattern()]),  # "By Ana Lima", "김민준 기자 kim@..."
    )


def squash(text: str) -> str:
    return " ".join(text.split())


def is_date_line(paragraph: str) -> bool:
    # a Chinese paragraph holding a time or a ratio ("1.1:50.3") was one word long, and dropped as a date line
    # (GNE's page of gzggw.gov.cn lost its only paragraph)
    if len(paragraph.split()) > MAX_DATE_LINE_WORDS or len(paragraph) > MAX_DATE_LINE_CHARS:
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
# text's `clean.lines._BULLET`, which also takes "1." and "o": a numbered "most read" list of links is cross-links.
_TYPED_ITEM = re.compile(r"[-–—•·*▪]\s")


def _is_whole_link(paragraph: str, key: str, links: frozenset[str]) -> bool:
    """One whole link, not a list item (in markup, or with a bullet the writer typed: "– Choose your
    accommodation", WCXB 0009) and not a bare URL (a list of sources is text)."""
    return key in links and not _TYPED_ITEM.match(paragraph) and not _BARE_URL.fullmatch(paragraph)


def _content_words(text: str) -> set[str]:
    return {word for word in words_key(text).split() if len(word) >= MIN_CONTENT_WORD_CHARS}


def _heads_the_next(line: str, following: str | None) -> bool:
    """A linked line is the heading of the paragraph after it when that paragraph is prose and repeats at least
    MIN_HEADING_WORDS_REPEATED of the line's words: a listicle's or a roundup's item heading links to its subject
    ("Tableau" over "Tableau is also primarily a visualization tool ...", "Dataminr acquires ThreatConnect" over
    "... Dataminr has acquired ThreatConnect ..."), where a cross-link's headline has nothing to do with the
    paragraph that follows it."""
    words = _content_words(line)
    if not words or following is None or not reads_like_prose(following):
        return False
    return len(words & _content_words(following)) >= MIN_HEADING_WORDS_REPEATED * len(words)


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
    not the story's text, unless the paragraph after it repeats its words (`_heads_the_next`: a section's
    heading that links to its subject).  List items are left alone: a list of links can be the article's content."""
    r, p = rules(), phrases()
    paragraphs = _labels_joined_to_values(paragraphs)
    title_keys = {k for t in titles if (k := words_key(t))}
    kept: list[str] = []
    prose_kept = 0
    n = len(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        words = len(paragraph.split())
        lead, tail = index < LEAD_ZONE or prose_kept <= MAX_LEAD_PROSE, index >= n - TAIL_ZONE
        key = words_key(paragraph)
        if not key or r.drop.fullmatch(paragraph) or READING_TIME.fullmatch(paragraph.strip()):
            continue
        if p.image_credits.match(paragraph.strip()):
            continue
        # a newsletter's pitch is as short as the page-text classifier's lines with a strong fragment
        if words <= MAX_STRONG_WORDS and p.newsletter_pitches.search(paragraph):
            continue
        short = words <= MAX_CROSSLINK_WORDS
        if short and r.crosslink.match(paragraph):
            continue
        following = paragraphs[index + 1] if index + 1 < n else None
        if short and _is_whole_link(paragraph, key, links) and not _heads_the_next(paragraph, following):
            continue
        if (lead or not kept) and key in title_keys:
            continue
        # a date printed in words alone under the headline ("March 4, 2026", "mercredi 4 mars 2026"), or two
        # ("Publié le 4 mars 2026 à 14h10, mis à jour le 5 mars 2026 à 9h00"), is the header's, as a numeric or
        # labelled one anywhere in the lead
        if ((lead or tail) and is_date_line(paragraph)) or (index < LEAD_ZONE and _printed_dates(paragraph)):
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
        if tail and p.writer_box_headings.match(paragraph.strip(EDGE_PUNCT)):
            break  # "About the Author", "Über den Autor": what follows is the box about the writer
        if tail and r.tail.fullmatch(paragraph):
            if re.match(r"\W*(additional )?(reporting|writing|editing) by", paragraph, re.IGNORECASE):
                evidence.claim_byline(paragraph, "credit")
            continue
        kept.append(paragraph)
        if prose_kept <= MAX_LEAD_PROSE:  # counted only while it decides the lead
            prose_kept += reads_like_prose(paragraph)
    return kept


def _labels_joined_to_values(paragraphs: list[str]) -> list[str]:
    """A date's label and the date printed in an element of its own ("Posted on" / "Nov 21, 2018", "PUBLISHED" /
    "3 January, 2025", "Last updated on:" / "October 1, 2025") as one line, as a page prints them side by side: the
    date line the pruning claims, with the label that sets an update's date aside (apart, the label stayed in the
    body and the date was claimed without it).  A label over anything but a date is left as it is ("Published:"
    over a DOI in a paper's list of facts)."""
    lone_label = rules().lone_date_label
    joined: list[str] = []
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        value = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if value is not None and lone_label.fullmatch(paragraph) and _printed_dates(value):
            joined.append(f"{paragraph.strip()} {value.strip()}")
            index += 2
            continue
        joined.append(paragraph)
        index += 1
    return joined


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


def _printed_dates(paragraph: str) -> bool:
    """A paragraph that is a date (`_names_a_date`) with its day ("March 4, 2026") or nothing but a month and a
    year ("März 2026"), or two, between separators or cut before the second's label; "Seit Mai 2022
    Chefkontrolleur" (fundus's Börsen-Zeitung page, a profile's line) and "Politics | 14 March 2026" are text."""
    return all(
        _names_a_date(piece) and (bool(DAY_OR_HOUR.search(piece)) or len(piece.split()) <= MONTH_YEAR_WORDS)
        for piece in date_line_parts(paragraph)
    )


def is_printed_date(paragraph: str) -> bool:
    """A paragraph that is a date and nothing more, in figures ("2026-03-03", "Posted 3:15 p.m.") or in words
    ("Mar 3, 2026", "3. Mai 2024"): what a teaser card prints under its headline."""
    return is_date_line(paragraph) or _printed_dates(paragraph)


def _names_a_date(part: str) -> bool:
    """A part of a meta line that is a date: a date line's shape, or a printed date in a few words ("14 March
    2026", "3. Mai 2024", "14 de marzo de 2026", "4. 3. 2026": `names_a_printed_date`, as PDF text's front matter
    and the line under the headline read them).  Text without spaces counts by its characters: a Japanese
    paragraph that names "2018年7月" is one word long (fundus's Tokyo Shimbun page lost one)."""
    if is_date_line(part) or match_date_line(part):
        return True
    return len(part) <= MAX_META_DATE_CHARS and names_a_printed_date(part, MAX_META_DATE_WORDS)


def reads_like_prose(paragraph: str) -> bool:
    """A sentence of some length: every article has one, a menu or teaser list has none.

    The paragraph ends like a sentence, or a sentence of that length ends inside it (an error page's
    "Request unsuccessful. Incident ID: ..." has a sentence, but a short one)."""

    def long_enough(text: str) -> bool:
        return len(text.split()) >= MIN_SENTENCE_WORDS or len(text) >= MIN_SENTENCE_CHARS

    if ENDS_WITH_SENTENCE_MARK.search(paragraph):
        return long_enough(paragraph)
    if len(paragraph) >= MIN_UNPUNCTUATED_PROSE_CHARS and has_phrase_tokens(paragraph):
        return True  # a script that ends sentences by a space, not a mark (Thai, Lao, Khmer)
    # inside a paragraph, the character length only counts for scripts written without spaces
    sentences = _SENTENCE_INSIDE.split(paragraph)[:-1]
    return any(
        len(s.split()) >= MIN_SENTENCE_WORDS or (len(s) >= MIN_SENTENCE_CHARS and " " not in s.strip())
        for s in sentences
    )


def has_article_text(paragraphs: list[str]) -> bool:
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
    return phrases >= MIN_UNPUNCTUATED_PROSE_CHARS or any(reads_like_prose(p) for p in paragraphs)


def reads_like_verse(paragraphs: list[str]) -> bool:
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
