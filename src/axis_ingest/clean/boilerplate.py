"""Tell article lines from site chrome in plain text copied from a web page (`classify_lines`).

There is no HTML to help, so each line is judged the way jusText judges an
HTML block (length, stopword density) plus features that survive copy-paste
(list bullets, terminal punctuation, phrase lists of buttons/banners/legal
lines kept in ``data/boilerplate.toml``), then re-judged by its neighbours
with jusText's context smoothing: short lines between good lines are good,
short lines between chrome are chrome.  Section markers ("Most read",
"Related articles") condemn the list of teasers that follows them, an end
marker ("Comments") ends the article, and so does a feed of teasers without a marker
(units of headline lines and one summary paragraph, repeated to the end of the
text).  Lines that recur across documents of one site (`recurring.recurring_lines`) are
chrome too: a site's menu and footer repeat, its articles do not.

This module runs those steps in order (`_classify`) and judges each line before its neighbours do: why it is
chrome on its own (`_chrome_reason`), its context-free class, the article's own lists that look like menus, a
consent banner or wall above the page.  The other steps have modules of their own, each importing only the ones
before it: `phrases` (the phrase tables), `recurring` (lines recurring across a site's pages), `lines` (the line
model and its features), `context` (jusText's context pass), `after_context` (the passes that read the page as a
whole after it).
"""

from __future__ import annotations

import re

from axis_ingest.clean.after_context import (
    MARKER_REASONS,
    drop_after_end,
    drop_captions,
    drop_closing_bio,
    drop_consent_tail,
    drop_copyright_tail,
    drop_cut_teasers,
    drop_detached_blocks,
    drop_headline_tail,
    drop_repeats,
    drop_sections,
    drop_teaser_tail,
    drop_writer_notes,
    fallback_largest_block,
    has_story_line,
    is_end_marker,
    keep_lone_sentences,
)
from axis_ingest.clean.context import promote_runs, revise
from axis_ingest.clean.lines import (
    COOKIE,
    EMBEDDED_CONTENT_NOTICE,
    IMAGE_CREDIT,
    NEWSLETTER_PITCH,
    UNSPACED,
    Classified,
    Line,
    detect_language,
    item_number,
    set_features,
    split_lines,
    stopword_density,
    stopwords_for,
    table_cells,
    with_words,
)
from axis_ingest.clean.phrases import EDGE_PUNCT, Phrases, phrases
from axis_ingest.clean.recurring import RECURRING, line_fingerprint
from axis_ingest.detectors import EMAIL_ADDRESS

# jusText's published defaults (Pomikálek 2011), kept because they scored best on
# the AEB scraped pages when LENGTH_LOW was varied over 50..90 and the stopword
# thresholds over 0.25..0.35.
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
# jusText's lengths are in characters of spaced scripts; a character of a script written without spaces
# (Chinese, Japanese, Korean, Thai, Lao, Tibetan, Burmese, Khmer) carries about as much as three, so each
# counts three (a 57-character Japanese news sentence was "short" beside 70-character English ones).
UNSPACED_EXTRA_CHARS = 2
# A line with a strong chrome fragment ("© 2026", "Be the first to respond") is condemned up to this length.
MAX_STRONG_WORDS = 40
# A weak hint ("newsletter") condemns a line this short, or any non-sentence line up to MAX_HINT_WORDS.
MAX_WEAK_WORDS = 6
MAX_HINT_WORDS = 25
# A bulleted line this short that is not a sentence is a menu entry.
MAX_MENU_WORDS = 6
# A run of at most this many such entries (and short lines among them) with prose right before and after it is a
# list in the article ("1. Multimeter", "* Fluke 117"), not a menu: a site's menu is a longer run, or sits before
# the text or after it.  Taken for menus, the lists of a 2025 buyer's guide condemned the paragraphs between them
# (jusText: a near-good paragraph between bad lines is bad).  See _lists_in_text.  A longer run is the article's
# list only when the line before it announces it (ends in a colon) and it names each entry once.  WCXB as page
# text, half a, held 27 longer runs between prose: 24 labelled article text, 16 of them announced (a guide's 16
# "soft skills", a state list after "Those states are:"); of the 3 chrome runs one was (a city list under "Check out
# these resources:"), and a staff list in a donation box on AEB's half a (snopes.com) was not.  WCXB as page text
# 0.8933 / 0.9054 -> 0.8937 / 0.9061 (all runs taken: 0.8943 / 0.9063, but AEB scraped half a 0.9501 -> 0.9494).
MAX_IN_TEXT_LIST_LINES = 8
# A list has two entries or more; one bulleted line between paragraphs is a link ("— Harbour Gazette on Twitter")
# unless it is numbered, as a guide numbers its sections ("1. Multimeter").
MIN_IN_TEXT_LIST_ENTRIES = 2
# A listicle numbers its sections ("1. On-Demand Fuel-Delivery App", a paragraph or two, "2. Countdown Timer", ...):
# this many numbered lines counting up by one, each after a sentence of its own, are the article's headings, not a
# menu; taken for menu entries they condemned the near-good paragraphs between them (WCXB as page text: a list of
# 60 app ideas kept 14 of its 120 paragraphs).  Menus and "most read" lists number consecutive lines.  The bulleted
# lists inside such sections (a buyer's guide's "Top picks: * Fluke 117 * Klein MM400" under each tool) are the
# article's too: WCXB as page text 0.8827 / 0.8965 -> 0.8849 / 0.8973, AEB scraped half a 0.9468 -> 0.9476.
MIN_NUMBERED_SECTIONS = 3
# Headings: short lines without terminal punctuation, at most this many words.
MAX_HEADING_WORDS = 15
# A consent banner (see _mark_consent_banner) sits in the first CONSENT_ZONE_LINES lines with words
# and is followed by CONSENT_MIN_BUTTONS short lines (its buttons, then the site's menu) of at most
# CONSENT_BUTTON_WORDS words.  Seen on the AEB pages of The Verge and Ascom ("I Accept" + menu).
CONSENT_ZONE_LINES = 12
CONSENT_MIN_BUTTONS = 3
CONSENT_BUTTON_WORDS = 4
CONSENT_MAX_WORDS = 150  # the IAB consent text with a heading is ~90 words
MIN_LEAD_WORDS = 20
# A consent wall ("pay or accept", with the IAB purposes listed under it) is longer than a banner: the lines above
# the site's first menu (CONSENT_MIN_BUTTONS chrome lines of at most CONSENT_BUTTON_WORDS words among the first
# CONSENT_WALL_ZONE_LINES lines), at most CONSENT_WALL_MAX_WORDS words (kicker.de's, in fundus's page text: 361),
# of which CONSENT_WALL_MIN_COOKIE_LINES name cookies ("Cookies", "cookie", "pliki cookie": the one word the
# walls of every language print).
CONSENT_WALL_ZONE_LINES = 40
CONSENT_WALL_MAX_WORDS = 400
CONSENT_WALL_MIN_COOKIE_LINES = 2
# Lines recurring across documents are chrome only while they are a minority of the page's prose:
# a story syndicated to several sites recurs across documents too, but then it is most of each
# page's sentences.  With no limit, 240 of the 423 pages of the syndication dev set (copies of
# 53 stories) lost every line and were rejected; pages of one site keep their own article.
MAX_RECURRING_PROSE_SHARE = 0.5


_URL = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$", re.I)
# A contact block: an e-mail address with two or more telephone or fax numbers on one line ("... Customer Service
# Center ... Telephone 03-7619056 Fax: 03-5613699 E-mail: subs@jpost.com", "Tel: 069 / 920 77 00, Fax: ...,
# Mail: ...").  An article that gives a hotline prints one number.  On AEB's 181 scraped pages one line has
# the shape (jpost.com's service footer, chrome); on trafilatura's 990 pages as text, 7 lines of 6 sites (press
# and subscription contacts, tourist-board addresses), none holding a segment of the article.
_PHONE_NUMBER = re.compile(r"(?<!\w)\+?\d[\d ().\-/]{5,}\d(?!\w)")
MIN_PHONE_DIGITS = 7
MIN_CONTACT_NUMBERS = 2
_WORD = re.compile(r"\w+")
# A row of buttons copied as one line: its words and the marks between them (`_buttons_in_a_row`).
_BUTTON_ROW_SPLIT = re.compile(r"\s*[|·•,/]\s*|\s+")
MAX_BUTTONS_IN_A_ROW = 12


def _buttons_in_a_row(bare: str, p: Phrases) -> bool:
    """A row of buttons copied as one line: two to MAX_BUTTONS_IN_A_ROW words, each a button of `chrome_lines`
    ("Facebook Twitter LinkedIn", "Facebook | Instagram | X | Pinterest"; 43 of WCXB's and fundus's 967 pages as
    text, one page a site, the row taken for the headline of thehill.com's page of the AEB set).  Asked only of lines
    of at most MAX_BUTTONS_IN_A_ROW words (the classifier asks every line), and a line joined by marks without
    spaces is split no further than it takes to see that it is no row."""
    words = _BUTTON_ROW_SPLIT.split(bare, maxsplit=MAX_BUTTONS_IN_A_ROW)
    return 2 <= len(words) <= MAX_BUTTONS_IN_A_ROW and all(p.chrome_lines.match(word) for word in words)


def _chrome_reason(line: Line, recurring: frozenset[str], p: Phrases) -> str:
    """Why a line is chrome on its own features, or '' when it is not.

    A line learnt across the batch's pages (`recurring`) is RECURRING only when nothing else names it chrome: the
    reason then says that the other pages alone condemn it, and the context pass looks past such a short line
    (`context._learnt_heading`).  One with a chrome reason of its own keeps it, and the part it plays on a page
    alone: "Subscribe" and "© Amazon" stay edges, an image's credit stays a placeholder."""
    content = line.content
    if not _WORD.search(content):
        return "no words"
    bare = content.strip(EDGE_PUNCT)
    if p.chrome_lines.match(bare) or (line.words <= MAX_BUTTONS_IN_A_ROW and _buttons_in_a_row(bare, p)):
        return "menu/button"
    if p.image_credits.match(content):
        return IMAGE_CREDIT
    if _URL.match(content):
        return "url"
    if _contact_block(content):
        return "contact details"
    if line.words <= MAX_STRONG_WORDS and p.embedded_content_notices.search(content):
        return EMBEDDED_CONTENT_NOTICE
    if line.words <= MAX_STRONG_WORDS and p.chrome_fragments.search(content):
        return "legal/banner phrase"
    if line.words <= MAX_STRONG_WORDS and p.newsletter_pitches.search(content):
        return NEWSLETTER_PITCH
    # The hints are searched last: only short lines and lines that are no sentence can be condemned by one.
    weak = line.words <= MAX_WEAK_WORDS or (line.words <= MAX_HINT_WORDS and not line.sentence)
    if weak and p.chrome_hints.search(content):
        return "chrome phrase"
    if line.bullet and line.words <= MAX_MENU_WORDS and not line.sentence:
        return "menu entry"
    if recurring and line_fingerprint(content) in recurring:
        return RECURRING
    return ""


def _contact_block(content: str) -> bool:
    if "@" not in content or not EMAIL_ADDRESS.search(content):
        return False
    numbers = [n for n in _PHONE_NUMBER.findall(content) if sum(c.isdigit() for c in n) >= MIN_PHONE_DIGITS]
    return len(numbers) >= MIN_CONTACT_NUMBERS


_DASH = re.compile(r"^[–—―-]\s")
_CLOSING_QUOTE = re.compile(r"[\"”»’']\W*$")
# The signature of an embedded post: "— Name (@handle) November 18, 2019".  Taken for a menu entry it
# condemned the paragraph after it; the AEB truth keeps embedded posts with their signatures (four
# sites on half a).  AEB scraped run-dev half a 0.9367 -> 0.9380, half b 0.9257 unchanged.
_EMBED_SIGNATURE = re.compile(r"\(@\w+\)\s+\w+\.?\s+\d{1,2},?\s+\d{4}$")


def _attribution(line: Line, previous: Line | None) -> bool:
    """A dash line under a quotation ("– Maria K.", "— Reader review") signs the quote: it is not a menu entry.

    Taken for menu entries, the signatures between a page of quoted reviews condemned the quotes with them
    (AEB scraped run-dev, half a 0.9254 -> 0.9300: one page's recall 0.21 -> 0.65; half b 0.9246 unchanged)."""
    if not _DASH.match(line.text):
        return False
    return bool(_EMBED_SIGNATURE.search(line.content)) or (
        previous is not None and bool(_CLOSING_QUOTE.search(previous.content))
    )


def _context_free(line: Line, stopwords: frozenset[str]) -> str:
    length = len(line.content) + UNSPACED_EXTRA_CHARS * len(UNSPACED.findall(line.content))
    if length < LENGTH_LOW:
        return "short"
    if not stopwords:  # no stoplist for this language: fall back on sentence shape
        if not line.sentence:
            return "bad" if line.words < 10 else "neargood"
        return "good" if length > LENGTH_HIGH else "neargood"
    # Counted here, only for the long lines without a chrome reason that it decides (14,471 of the 51,060
    # scraped-page lines of the generated corpus and the AEB pages): ~6.5 us a line, half of the features.
    line.stop_density = stopword_density(line.content, stopwords)
    if line.stop_density >= STOPWORDS_HIGH:
        return "good" if length > LENGTH_HIGH else "neargood"
    if line.stop_density >= STOPWORDS_LOW:
        return "neargood"
    if _a_listed_statement(line):
        return "neargood"
    return "bad"


def _a_listed_statement(line: Line) -> bool:
    """A list item that is a whole statement, ending in a full stop ("* 43.9% of graduate learners attend online
    only.", "* Book the venue and the photographer."): a list's items are terse, with few of the stopwords jusText
    counts, so its test calls them chrome and a list of findings or steps inside an article cut the article.  Such
    an item is near-good: its neighbours decide, as for a near-good paragraph.  A menu's entries and a box's teaser
    headlines end without a full stop (a headline may end in "?" or "!"), and stay bad.  As page text, halves a / b:
    WCXB 0.8903 / 0.9009 -> 0.8929 / 0.9040, fundus 0.9024 / 0.8851 -> 0.9027 / 0.8849, Readability's pages 0.8730
    / 0.8440 -> 0.8729 / 0.8450, trafilatura's pages 0.8562 / 0.8391 -> 0.8562 / 0.8386, AEB scraped unchanged; as
    Markdown of the page, WCXB 0.8766 / 0.8914 -> 0.8791 / 0.8950.  With more lines kept, one WCXB headline of half a
    was chosen otherwise (titles 211 -> 210 / 234) and one fundus byline moved into the text (read again by
    `scraped._name_under_the_lead`).  Items that are sentences of any ending, or in sentence case without a full
    stop, brought in a news site's teaser headlines (fundus 0.9015 / 0.8847, AEB scraped half b 0.9319 -> 0.9299)."""
    return line.bullet and line.sentence and line.content.rstrip().endswith(".")


def _mark_consent_banner(lines: list[Line], p: Phrases) -> None:
    """A cookie or consent notice above the page: sentences, one of which names cookies, consent or
    privacy, then the banner's buttons and the site's menu (short lines), and the article after that.

    Its sentences are long enough to pass for article text, and it sits where the headline and lead
    are looked for (the chrome phrases condemn only short lines).  So when, among the first
    CONSENT_ZONE_LINES lines, a sentence is followed by CONSENT_MIN_BUTTONS short lines, the lines
    up to it hold a chrome phrase and at most CONSENT_MAX_WORDS words, and a paragraph of the article
    comes later, those lines are a banner.  An article about cookies has its lead after its headline,
    and more words than a banner before its share buttons."""
    words = [line for line in lines if line.words]
    for index, line in enumerate(words[:CONSENT_ZONE_LINES]):
        if not line.sentence:
            continue
        after = words[index + 1 : index + 1 + CONSENT_MIN_BUTTONS]
        if len(after) < CONSENT_MIN_BUTTONS or any(
            x.words > CONSENT_BUTTON_WORDS or _sentence_not_label(x) for x in after
        ):
            continue
        banner = words[: index + 1]
        if sum(x.words for x in banner) > CONSENT_MAX_WORDS:
            return
        # the notice itself names cookies or holds a strong chrome phrase ("we use cookies", a .gov banner's): a
        # chrome phrase in the menu above a short article ("Impressum", "Suchen") with its share buttons under it
        # does not make the article a banner, nor does a weak hint in a sentence ("... click here to get started"
        # above "Written By", a name and a job title: WCXB 0019 as text lost its headline, date and byline; WCXB as
        # text, halves a / b, titles 210 -> 211 / 234, authors 92 -> 93 / 109, dates 133 -> 134 / 154, bodies,
        # fundus, Readability's pages and AEB scraped unchanged)
        named = any(x.sentence and (p.chrome_fragments.search(x.content) or COOKIE.search(x.content)) for x in banner)
        article_follows = any(x.sentence and x.words >= MIN_LEAD_WORDS for x in words[index + 1 :])
        if named and article_follows:
            for x in banner:
                x.reason, x.cf = x.reason or "consent banner", "bad"
        return


def _mark_consent_wall(lines: list[Line]) -> None:
    """A consent wall above the page (see CONSENT_WALL_MAX_WORDS): its sentences pass for article text, and its
    heading ("Weiter mit Werbung und Tracking") for the headline.  The lines above the site's first menu are a
    wall when several of them name cookies and the article follows the menu; an article about cookies printed
    above the menu has more words, or no article after it."""
    words = [line for line in lines if line.words]
    zone = words[:CONSENT_WALL_ZONE_LINES]
    menu = next(
        (
            index
            for index in range(1, len(zone))
            if len(run := words[index : index + CONSENT_MIN_BUTTONS]) == CONSENT_MIN_BUTTONS
            and all(x.cf == "bad" and x.words <= CONSENT_BUTTON_WORDS for x in run)
        ),
        None,
    )
    if menu is None:
        return
    wall = words[:menu]
    if sum(x.words for x in wall) > CONSENT_WALL_MAX_WORDS:
        return
    if sum(1 for x in wall if COOKIE.search(x.content)) < CONSENT_WALL_MIN_COOKIE_LINES:
        return
    if any(x.sentence and x.words >= MIN_LEAD_WORDS for x in words[menu:]):
        for x in wall:
            x.reason, x.cf = x.reason or "consent banner", "bad"


def _tables_in_text(lines: list[Line]) -> None:
    """The rows of a table copied from a page (`table_cells`: one row a line, cells between tabs) are neargood
    where jusText's test calls them bad: figures, names and prices hold few stopwords or none, so every long row
    read as chrome, and a table set inside an article cut the article there (WCXB as page text, half a: a ranking
    table of 21 rows ended a page's body at the sentence that introduces it).  The lines around the table decide,
    as they decide for a table in the site's chrome.  A row is one of two or more: a menu copied as one line
    with tabs between its links is no table."""
    rows = [bool(table_cells(line.content)) for line in lines]
    for i, line in enumerate(lines):
        beside_a_row = (i > 0 and rows[i - 1]) or (i + 1 < len(lines) and rows[i + 1])
        if rows[i] and beside_a_row and line.cf == "bad" and not line.reason:
            line.cf = "neargood"


def _sentence_not_label(line: Line) -> bool:
    """A sentence, not a label that ends in a colon ("Follow us online:").

    Under a consent banner's button the site's menu may hold such a label; taken for a sentence it kept
    the banner as the page's lead (AEB scraped run-dev half a 0.9300 -> 0.9318, half b 0.9246 unchanged)."""
    return line.sentence and not line.content.endswith(":")


def _lists_in_text(lines: list[Line], p: Phrases) -> None:
    """Menu entries in a short run between two prose lines (a sentence, good or near-good on its own; short lines
    such as a list's heading in between) are a list of the article: short lines, for their context to decide
    (jusText's rule for short blocks).  So is a longer run that the line before it announces ("Soft skills
    include:") and that names each entry once (a row of sharing buttons printed above and below the byline repeats
    its entries).  So are a listicle's numbered section headings (`_numbered_sections`)."""
    for span in _numbered_sections(lines, p):
        for index in span:  # the headings, and the lists of products or steps inside the sections
            if lines[index].reason == "menu entry":
                lines[index].reason, lines[index].cf = "", "short"
    index = 0
    while index < len(lines):
        if lines[index].reason != "menu entry":
            index += 1
            continue
        end = index
        while end < len(lines) and _in_list_run(lines[end]):
            end += 1
        before = next((line for line in reversed(lines[:index]) if not _neutral(line)), None)
        after = next((line for line in lines[end:] if not _neutral(line)), None)
        entries = [line for line in lines[index:end] if line.reason == "menu entry"]
        numbered = len(entries) == 1 and item_number(entries[0]) is not None
        listed = len(entries) >= MIN_IN_TEXT_LIST_ENTRIES or numbered
        between_text = (_prose(before) and _prose(after)) or (_introduces(before) and _sentence(after))
        short_run = end - index <= MAX_IN_TEXT_LIST_LINES
        distinct = len({line.content.casefold() for line in entries}) == len(entries)
        if listed and between_text and (short_run or (distinct and _announced(lines, index))):
            for line in lines[index:end]:
                if line.reason == "menu entry":
                    line.reason, line.cf = "", "short"
        index = end


def _announced(lines: list[Line], index: int) -> bool:
    """The nearest line with words above line `index` ends in a colon ("Soft skills include:", a sentence or a
    list's heading): it announces the list under it."""
    above = next(with_words(lines, range(index - 1, -1, -1)), None)
    return above is not None and above.content.rstrip().endswith(":")


def _numbered_sections(lines: list[Line], p: Phrases) -> list[range]:
    """Spans of lines from a listicle's first numbered section heading to its last: numbered lines (menu entries or
    short lines) counting up by one ("3.", "4.", "5."), each with a sentence between it and the one before, in runs
    of MIN_NUMBERED_SECTIONS or more, above the first end marker (a WordPress comment thread numbers its comments
    too: "1. thelastchargersfan says:")."""
    found: list[range] = []
    run: list[int] = []
    last_number = 0
    sentence_since = False
    for index, line in enumerate(lines):
        if is_end_marker(lines, index, p):
            break
        numbered = line.reason == "menu entry" or (line.cf == "short" and not line.reason)
        number = item_number(line) if numbered else None
        if number is not None:
            if run and sentence_since and number == last_number + 1:
                run.append(index)
            else:
                if len(run) >= MIN_NUMBERED_SECTIONS:
                    found.append(range(run[0], run[-1] + 1))
                run = [index]
            last_number, sentence_since = number, False
        elif line.sentence and line.cf in ("good", "neargood"):
            sentence_since = True
    if len(run) >= MIN_NUMBERED_SECTIONS:
        found.append(range(run[0], run[-1] + 1))
    return found


def _neutral(line: Line) -> bool:
    """A line that takes its class from its context: no words, or a short line with no chrome of its own."""
    return line.reason == "no words" or (line.cf == "short" and not line.reason)


def _in_list_run(line: Line) -> bool:
    """A menu entry, a short line, or a list item long enough to be near-good ("Large volumes of data that are
    overwhelming your on-premises data storage resources"), which no more ends the list than a short one."""
    if line.reason == "menu entry":
        return True
    return not line.reason and (line.cf == "short" or line.bullet)


def _introduces(line: Line | None) -> bool:
    """A sentence that announces a list ("If your organization experiences any of the following, ...:")."""
    return line is not None and line.cf in ("good", "neargood") and line.content.rstrip().endswith(":")


def _sentence(line: Line | None) -> bool:
    return line is not None and line.sentence and line.cf in ("good", "neargood")


def _prose(line: Line | None) -> bool:
    return line is not None and line.sentence and line.cf == "good"


def classify_lines(text: str, recurring: frozenset[str] = frozenset(), language: str | None = None) -> Classified:
    """Classify every non-empty line of `text` as good (article) or bad (chrome).

    `recurring` (fingerprints of lines seen across several documents) is set aside when the
    sentences it would remove outweigh the article left (MAX_RECURRING_PROSE_SHARE).
    """
    classified = _classify(text, recurring, language)
    if recurring:
        learnt = sum(line.words for line in classified.lines if line.reason == RECURRING and line.sentence)
        kept = sum(line.words for line in classified.lines if line.good)
        if learnt and learnt > MAX_RECURRING_PROSE_SHARE * (learnt + kept):
            classified = _classify(text, frozenset(), classified.language)
            classified.notes.append(f"recurring lines ignored: they held {learnt} of {learnt + kept} words of prose")
    return classified


def _classify(text: str, recurring: frozenset[str], language: str | None) -> Classified:
    p = phrases()
    lines = split_lines(text)
    language = language or detect_language(text)
    stopwords = stopwords_for(language)
    previous: Line | None = None
    for line in lines:
        set_features(line)
        line.reason = _chrome_reason(line, recurring, p)
        if line.reason == "menu entry" and _attribution(line, previous):
            line.reason = ""
        line.cf = "bad" if line.reason else _context_free(line, stopwords)
        if line.reason != "no words":
            previous = line
        line.heading = (
            line.cf == "short" and not line.bullet and not line.sentence and 1 <= line.words <= MAX_HEADING_WORDS
        )
    _lists_in_text(lines, p)
    _tables_in_text(lines)
    _mark_consent_banner(lines, p)
    _mark_consent_wall(lines)
    promote_runs(lines)
    revise(lines)
    if not any(line.good for line in lines):
        fallback_largest_block(lines)
    if not any(line.good for line in lines):
        keep_lone_sentences(lines)
    drop_captions(lines)
    drop_repeats(lines)
    before_markers = [(line.cls, line.reason) for line in lines]
    had_story = has_story_line(lines)
    drop_sections(lines, p)
    drop_after_end(lines, p)
    if had_story and not has_story_line(lines):
        # A "Related"/"Comments" marker trims what follows the article; one printed above it (a tab, a
        # link in the header) must not take the whole article with it: a trim that leaves no line of
        # running text is undone.
        for line, (cls, reason) in zip(lines, before_markers, strict=True):
            if line.reason not in MARKER_REASONS:  # the marker itself stays chrome
                line.cls, line.reason = cls, reason
    drop_consent_tail(lines)
    drop_copyright_tail(lines)
    drop_teaser_tail(lines)
    drop_headline_tail(lines)
    drop_cut_teasers(lines)
    drop_detached_blocks(lines, p)
    drop_closing_bio(lines)
    drop_writer_notes(lines, p)
    return Classified(lines=lines, language=language)
