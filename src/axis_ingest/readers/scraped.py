"""Reader for scraped page text: a web page copied as plain text, chrome and all.

`axis_ingest.clean.boilerplate` decides which lines are article; this module
reads the header zone before the first article paragraph (headline,
standfirst, date line, byline) and the footer zone after the last (a closing
byline, a lone site-name line), moves those out of the body into the title,
subtitle and evidence, and returns one `Document` whose paragraphs are the kept
lines: each line its own paragraph, subheadings included, whether the page
separated paragraphs by blank lines or by single newlines.
"""

from __future__ import annotations

import re
from itertools import islice, takewhile

from axis_ingest.clean.after_context import HEADLINE_LIST, MARKER_REASONS
from axis_ingest.clean.boilerplate import classify_lines
from axis_ingest.clean.lines import (
    IMAGE_CREDIT,
    Line,
    date_text,
    page_language_sample,
    set_features,
    table_cells,
    with_words,
    word_line_indices,
)
from axis_ingest.clean.phrases import Phrases, phrases_for
from axis_ingest.clean.recurring import PageLines, page_lines
from axis_ingest.clean.text import normalise_paragraph, normalise_paragraphs, repair_text
from axis_ingest.clean.wire_patterns import Trailer, display_place, signoff_or_slug
from axis_ingest.detectors import (
    CJK_YEAR_MONTH,
    DAY_OR_HOUR,
    MAX_BYLINE_WORDS,
    META_SEPARATOR,
    READING_TIME,
    SPACED_NUMERIC_DATE,
    VIETNAMESE_NUMERIC_DATE,
    clean_site_name,
    common_era_date,
    date_line_parts,
    day_short_month_year,
    is_lone_date_label,
    match_dateline,
)
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.names.bylines import (
    credits_a_role,
    introduces_names,
    one_persons_name,
    opens_with_given_name,
    parse_byline,
    strip_byline_prefix,
)
from axis_ingest.names.common_words import is_common_word
from axis_ingest.names.given_names import popularity
from axis_ingest.punctuation import CLOSING_MARKS, FULL_STOPS

# How far above the first article paragraph a headline is looked for, in lines that hold words.
# 14 covers gallery furniture between headline and text on the AEB pages.
HEADER_LOOKBACK = 14
# A date printed right above the headline (a kicker's row: "Jan 13, 2025" over the title) is the article's when
# none is printed under it (`_read_above_the_headline`): looked for in this many lines with words above it.
# Page-text dates with chrome learnt (WCXB halves a / b, fundus a / b), right: 111, 129, 66, 55 -> 3 lines: 134,
# 153, 72, 65 (wrong dates 26 -> 33 on the four halves, one more on unlabelled pages); 6 lines: 135, 155, 73, 67
# (wrong 26 -> 38).
# A byline line ("By ...") there likewise, when none is under it: authors 90, 101, 41, 37 -> 94, 107, 43, 38.
HEADER_LINES_ABOVE_TITLE = 3
# Headline length in words; longer lines are paragraphs or teasers.  The longest of the 461 labelled headlines
# of WCXB's and fundus's halves a has 22 words; 24 leaves that margin.  Page-text titles at 30 / 26 / 24 / 22
# (WCXB halves a, b; fundus a, b): 191, 218, 65, 61 / 191, 218, 66, 61 / 191, 219, 66, 62 / 192, 219, 66, 60.
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 24
# A line that opens with a byline's label ("By", "Von"), names nobody after it and credits no desk or role is a
# headline from this many words on ("Von der Leyen warnt vor neuem Handelskrieg"); a shorter one is a credit ("Von
# Red. Hamburg").  Set, not tuned.
MIN_HEADLINE_WORDS_AFTER_LABEL = 5
# A title-like line the page prints again (in a video's caption, a share text, a "most read" list) is more likely the
# headline than a standfirst closer to the text: score bonus, in words.  Page-text titles, WCXB and fundus, halves
# a / b: 0 -> 154 / 180, 51 / 49; 1 -> 154 / 181, 54 / 49; 2 -> 157 / 179, 57 / 49; 3 -> 160 / 181, 57 / 50;
# 4 -> 159 / 180, 56 / 49; 6 -> 157 / 181, 56 / 50.
REPEATED_TITLE_BONUS = 3.0
# A headline names what the text is about; a call to action, a section label, a banner or a byline above the text
# does not ("Join Now", "Diet & Fitness", "Dylan Bailey, MS, RD, FAND").  The share of a candidate's words (4+
# letters) that the first HEADLINE_TEXT_LINES kept lines of the text use, times this bonus, is added to its score
# (in words).  Page-text titles read offline (`read_scraped`, no cross-page chrome), WCXB and fundus as text, halves
# a / b: 0 -> 152 / 180, 55 / 52; 4 -> 166 / 199, 58 / 54; 8 -> 176 / 206, 59 / 55; 12 -> 178 / 208, 61 / 57 (all
# within HEADER_LOOKBACK); with FAR_HEADER_LOOKBACK 30: 12 -> 189 / 212, 64 / 59; 16 -> 189 / 218, 65 / 61;
# 20 -> 188 / 219, 63 / 58.  Chosen on half a.
TEXT_WORDS_BONUS = 16.0
HEADLINE_TEXT_LINES = 40
# Menus, promotions and a table of contents can stand between the headline and the text: further up than
# HEADER_LOOKBACK, up to FAR_HEADER_LOOKBACK lines, a line is a candidate when at least MIN_FAR_TEXT_WORDS of its
# words are the text's (same figures: 45 and 60 lines gave those of 30, 0.3 and 0.7 the same or one title fewer).
FAR_HEADER_LOOKBACK = 30
MIN_FAR_TEXT_WORDS = 0.5
# A standfirst is a sentence of this many words directly under the headline.
MIN_SUBTITLE_WORDS, MAX_SUBTITLE_WORDS = 6, 60
# A line that opens the article text: a sentence of at least this many words.
MIN_PARAGRAPH_WORDS = 8
# Date lines and bylines are short.
MAX_DATE_WORDS = 12
# A date line of a month and a year, without a day, is a label and the date at most ("Last updated: March 2026").
MAX_MONTH_YEAR_WORDS = 4
# How many word-bearing lines after the last paragraph are searched for a closing byline/site name.
FOOTER_LOOKAHEAD = 6
# A post's meta row copied as a list ("* Selin Romano", "* In Web Design", "* Nov 20, 2025"): a bulleted name is the
# byline when a bulleted date is among the META_ROW_ITEMS - 1 items on either side (a name, a category, a date; set
# once, not tuned).  Page text, halves a / b: authors WCXB 94 -> 96 / 109 -> 113, Readability's pages 8 / 10 -> 11,
# fundus unchanged, no name more on unlabelled pages; bodies, titles and dates unchanged.
META_ROW_ITEMS = 3
# A line between the headline and the text that is only a person's name ("Mina Park") is the byline when it
# has 2-4 words and its first is a given name at least this common in gender-guesser's dictionary (1-13;
# names.given_names), so a word that is also a name ("Will", "May") does not make a phrase a person.
MIN_BARE_BYLINE_POPULARITY = 3
MAX_BARE_BYLINE_WORDS = 4
# A label over the names under it is a few words ending in a colon ("Author of the article:"; set once, not tuned).
MAX_NAMES_LABEL_WORDS = 4
# A header printed under the lead: when nothing above the text states a date (names a writer), the first date line
# (byline) among this many lines with words under the text's first paragraph is the article's
# (`_header_under_the_lead`).  Read offline (`read_scraped`, no cross-page chrome), page text of WCXB and fundus,
# halves a / b, dates right (wrong) and authors right: 6 lines: 143 (13), 89 (5) / 166 (14), 71 (4); authors 106,
# 54 / 121, 41.  10: 145 (13), 91 (5) / 167 (14), 71 (4); 111, 55 / 121, 42.  14: 146 (13), 91 (6) / 169 (14),
# 71 (6); 111, 55 / 122, 42, with one wrong name more on WCXB half a.
HEADER_UNDER_LEAD_LINES = 10

# Numeric dates, and Korean, Japanese and Chinese dates ("2025년 11월 7일", "2025年11月7日").
_NUMERIC_DATE = re.compile(
    rf"\b\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}(?:T\d)?|{CJK_YEAR_MONTH}"
    rf"|{SPACED_NUMERIC_DATE}|{VIETNAMESE_NUMERIC_DATE}"
)
# The words a headline and its text are compared by: four letters or more (no articles, short prepositions).
_TEXT_WORD = re.compile(r"[^\W\d_]{4,}")
# A navigation line: three or more short items between spaced bars, bullets or arrows
# ("Home | News | Politics", "Startseite > Politik > Inland"); a headline is not one.
_MENU_SEPARATOR = re.compile(r"\s[|•·>»/]\s")
MAX_MENU_ITEM_WORDS = 3
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
# A line that opens with a date and a time stamped in digits ("2019-09-07 19:53:27 来源: 每日经济新闻 举报",
# "2020-06-05 20:35 叨叨姐 胡一刀"): a header's meta row of the date, the source, the writers and buttons, with more
# after the stamp than a date line holds; no headline opens with a time stamp.  GNE's Chinese pages of 163.com,
# guancha.cn and huanqiu.com as page text: the row was taken for the headline.
_STAMP_FIRST = re.compile(rf"^(?:{_NUMERIC_DATE.pattern})\s*{_TIME.pattern}")
# Four digits of any script standing alone (re's \d is Unicode's: "2026", "২০২৬", "٢٠٢٦", "۲۰۲۶"), a year when
# 19xx or 20xx; letters may follow ("September 1, 2016September 8, 2016Autumn Adams": a post's dates and writer
# copied as one line, then no date line and taken for the headline; WCXB as page text, half a: dates 134 -> 135,
# every other figure unchanged).
_FOUR_DIGITS = re.compile(r"(?<!\w)\d{4}(?!\d)")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}$")
_SITE_WORD = re.compile(r"^[\w.&' -]{2,40}$")
# What no headline ends in: a full stop of any script (a sentence), a colon, a comma or a semicolon.
# "…" ends an excerpt cut short ("Cloud computing boomed during the 2010s, but growth in this next-gen IT industry
# is…": a teaser's description, taken for the headline on WCXB's pages of The Motley Fool, an insurance broker, a
# philosophy essay and a marketing agency as page text).
_NO_HEADLINE_ENDS = (*FULL_STOPS, ":", ",", ";", "，", "；", "…")
# A breadcrumb trail printed before the headline on one line ("Home > Blog > AI in Education: ...", "Home - Library -
# Blog - How Machine Learning ..."): arrows separate a trail's items; a dash or slash only in a trail of three or more
# (bars separate a meta line's items: "109 Comments | Jill Winger | Last Updated: March 11, 2019").
_TRAIL_ARROW = re.compile(r"\s[>»›]\s")
_TRAIL_DASH = re.compile(r"\s[-–/]\s")
# What a browser tab's title puts before the site's or section's name ("Headline | Site", "Headline – Site").
_SUFFIX_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
# The longest site or section name cut off a headline (as the HTML reader's MAX_SITE_NAME_WORDS).
MAX_SUFFIX_WORDS = 6
_LIST_MARKS = " *+-•"
# What separates the items of a header's meta row: a bar, a middle dot, a bullet, a spaced dash or slash ("Aashish
# Saxena / TIMESOFINDIA.COM / Sep 2, 2024, 17:07 IST").
_ROW_SEPARATOR = re.compile(r"\s*[|·•]\s*|\s+[-–—/]\s+")
# The reasons of lines that head or list other stories: the header under the lead and the footer end there.
_OTHER_STORIES = (*MARKER_REASONS, HEADLINE_LIST)
_HEADLINE_PREFIX = re.compile(r"^(?P<label>[A-Z][A-Za-z&]{1,5}):\s+\S")


def _names_a_year(text: str) -> bool:
    """The text holds a year 1900-2099, in ASCII digits or a script's own ("১৫ মার্চ ২০২৬", "١٥ مارس ٢٠٢٦")."""
    return any(1900 <= int(digits) <= 2099 for digits in _FOUR_DIGITS.findall(text))


def is_date_line(line: Line, p: Phrases) -> bool:
    """A short line that states a date ("23 February 2026 14:10", "Updated: 18 Nov 2019", "2. Juni 2021"), or a
    line of such dates ("Atualizado em 05/03/2026 às 09h00 | Publicado em 04/03/2026 às 14h10", "Publié le 4
    mars 2026 à 14h10, mis à jour le 5 mars 2026 à 9h00"; the normaliser sets the update aside)."""
    if _one_date_line(line, p):
        return True
    pieces = date_line_parts(line.content)
    return len(pieces) > 1 and all(_one_date_line(_line_of(piece), p) for piece in pieces)


def _one_date_line(line: Line, p: Phrases) -> bool:
    printed = date_text(line)
    text = common_era_date(printed)  # "วันพฤหัสบดีที่ 4 มี.ค. 2564": Thai month names, the Buddhist Era's year
    # a Thai date's letters are a weekday and a month, not the dozen words `line.words` makes of unspaced letters
    words = line.words if text == printed else len(text.split())
    if words > MAX_DATE_WORDS:
        return False
    month = bool(p.month.search(text))
    if month and _names_a_year(text) and not DAY_OR_HOUR.search(text):
        # a month and its year, no day (no number of one or two digits: no numeric date, no time either): "März
        # 2026", "Published: March 2026"; "Markets in March 2026 | Harbour Post" is a headline
        return words <= MAX_MONTH_YEAR_WORDS
    has_date = bool(_NUMERIC_DATE.search(text)) or (month and _names_a_year(text))
    has_date = has_date or bool(day_short_month_year().search(text))
    has_date = has_date or (month and bool(_TIME.search(text)))
    if not has_date:
        return False
    return bool(p.date_prefix.match(text)) or words <= 8 or bool(p.byline.match(text))


def _line_of(text: str) -> Line:
    """A piece of a line as a line of its own, with its features."""
    line = Line(text=text, blank_before=False)
    set_features(line)
    return line


def _meta_parts(line: Line) -> list[Line]:
    """A meta line's parts between separators ("By Ana Lima | 4 March 2026"), else the line."""
    parts = [part.strip() for part in META_SEPARATOR.split(line.content) if part.strip()]
    return [_line_of(part) for part in parts] if len(parts) > 1 else [line]


def _meta_line(line: Line, p: Phrases) -> tuple[list[Line], list[Line]] | None:
    """(date parts, byline parts) of a line of a date and a byline or a name between separators ("Ana Lima | Mar 4,
    2026 2:10 PM ET"), too long for `is_date_line`: the header's, never a headline or the text's first paragraph
    ("Markets in March 2026 | Example Daily" is a headline: None)."""
    parts = _meta_parts(line)
    dates = [part for part in parts if is_date_line(part, p)]
    names = [part for part in parts if all(part is not date for date in dates)]
    if dates and names and all(is_byline(part, p) or _names_a_person(part) for part in names):
        return dates, names
    return None


def _dated_row(line: Line, p: Phrases) -> tuple[list[Line], list[Line]] | None:
    """(date items, other items) of a header's meta row that holds a date among items of its own ("Published Aug 28,
    2024 • Last updated 1 hour ago • 4 minute read", "Kolumne von Carla Siepmann - 28.04.2024 um 08:52 Uhr - 12
    Ergänzungen"): each item is short and no sentence, so the row is no headline's or text's; None otherwise."""
    if line.content.endswith(tuple(FULL_STOPS)):
        return None
    items = [_line_of(item.strip()) for item in _ROW_SEPARATOR.split(line.content) if item.strip()]
    if len(items) < 2 or any(item.words > MAX_DATE_WORDS or item.sentence for item in items):
        return None
    # a month and its year alone is a headline's at most ("Markets in March 2026 | Harbour Post")
    dates = [item for item in items if is_date_line(item, p) and DAY_OR_HOUR.search(date_text(item))]
    return (dates, [item for item in items if all(item is not date for date in dates)]) if dates else None


def _names_row(line: Line) -> list[Line]:
    """The items of a row of persons' names between bars or dots ("Julia Vergin | Clare Roth"), else none."""
    items = _meta_parts(line)
    return items if len(items) > 1 and all(_names_a_person(item) for item in items) else []


def is_byline(line: Line, p: Phrases) -> bool:
    return line.words <= MAX_BYLINE_WORDS and bool(p.byline.match(line.content)) and not line.content.endswith(".")


def _reads_as_byline(line: Line, p: Phrases) -> bool:
    """A byline, not a headline: the label and a person's name (`_opens_with_a_byline`, or any the byline parser
    reads: "本报记者 张伟", whose label it takes for the reporter's title), a credit of a desk, an organisation or a
    role ("By Staff Writer, The Daily Ledger", "Von unserer Redaktion"), or any short one ("Von Red.").  A longer
    line after the label that names nobody and credits no one is a headline ("Von der Leyen warnt vor neuem
    Handelskrieg mit China", "Von München bis Aachen: Im Netz der China-Agenten", "By the numbers: How the city
    budget works"), which the reader had taken for a byline, leaving no title."""
    if _opens_with_a_byline(line, p):
        return True
    if not is_byline(line, p):
        return False
    short = line.words < MIN_HEADLINE_WORDS_AFTER_LABEL
    return short or credits_a_role(line.content) or bool(parse_byline(line.content))


def _opens_with_a_byline(line: Line, p: Phrases) -> bool:
    """A byline too long for `is_byline` ("By Scott Levine – Updated Sep 9, 2025 at 1:00 PM EST | Fact-checked by
    Frank Bass", "By: Benjamin Johnson, Sr. Director of Operations, Atlas Van Lines"): a person's name right after
    the label.  The longest line near the text had been taken for the headline.  "By 2030, half of all cars ..."
    and "By Any Means Necessary: Malcolm X at 100" are headlines: no name follows the label."""
    if p.byline.match(line.content) is None:
        return False
    persons = parse_byline(line.content)
    return bool(persons) and strip_byline_prefix(line.content).casefold().startswith(persons[0].name.casefold())


def _name_beside_a_date(lines: list[Line], j: int, p: Phrases) -> bool:
    """The line is one person's name, whole, with a date line right above or under it ("Shauna Mitchell" over
    "August 25, 2024"): the byline of a header that prints no "By".  A name alone needs a common given name
    (`_names_a_person`); beside the date, the byline parser's reading of one person, whole, as for the HTML reader
    (`html_dates.read_name_beside_a_date`), that opens with any given name, a title or initials ("Dr Milan
    Milanović"), or is written in another script ("Анна Иванова").  A line of text has no markup to tell a name
    from a label: "Budget Explainer" over the date is a label.  A bulleted name is an item of a meta row copied as a
    list, beside a bulleted date (META_ROW_ITEMS)."""
    text = lines[j].content
    if not one_persons_name(text) or not opens_with_given_name(text) or _captioned(lines, j):
        return False
    if lines[j].bullet:  # a meta row copied as a list: "* Selin Romano", "* In Web Design", "* Nov 20, 2025"
        row = [*_lines_above(lines, j, META_ROW_ITEMS - 1), *_lines_below(lines, j, META_ROW_ITEMS - 1)]
        return any(line.bullet and is_date_line(line, p) for line in row)
    return any(line is not None and is_date_line(line, p) for line in (_line_above(lines, j), _line_below(lines, j)))


def _dated_name(line: Line, p: Phrases) -> bool:
    """A date line that opens with a person's name ("Tom Talbot October 14, 2025"): a byline and its date, read
    under the headline as above it (WCXB as page text, half a: authors 93 -> 94, every other figure unchanged)."""
    return is_date_line(line, p) and _opens_with_a_name(line)


def _opens_with_a_name(line: Line) -> bool:
    """A date line that opens with one person's name, no "By" before it ("Patrick Clarke Published 10:19am 19
    December 2025", "Tom Talbot October 14, 2025"): the name is the byline.  The byline parser cuts the date; the
    name left must be the line's opening words, whole, with a given name, a title or initials first ("Christmas
    Eve December 24, 2025" is no one)."""
    persons = parse_byline(line.content)
    if len(persons) != 1:
        return False
    name = persons[0].name
    return (
        line.content.casefold().startswith(name.casefold()) and one_persons_name(name) and opens_with_given_name(name)
    )


def _word_lines(lines: list[Line], indices: range, count: int) -> list[int]:
    """The first `count` of `indices` whose lines hold words (`range(j - 1, -1, -1)` walks up from line `j`)."""
    return list(islice(word_line_indices(lines, indices), count))


def _lines_above(lines: list[Line], j: int, count: int) -> list[Line]:
    """The `count` nearest lines with words above line `j`, nearest first."""
    return [lines[i] for i in _word_lines(lines, range(j - 1, -1, -1), count)]


def _lines_below(lines: list[Line], j: int, count: int) -> list[Line]:
    """The `count` nearest lines with words under line `j`, nearest first."""
    return [lines[i] for i in _word_lines(lines, range(j + 1, len(lines)), count)]


def _line_above(lines: list[Line], j: int) -> Line | None:
    """The nearest line with words above line `j`."""
    return next(with_words(lines, range(j - 1, -1, -1)), None)


def _line_below(lines: list[Line], j: int) -> Line | None:
    """The nearest line with words under line `j`."""
    return next(with_words(lines, range(j + 1, len(lines))), None)


def _date_label_above(lines: list[Line], j: int) -> str | None:
    """A date's label alone on the line above ("Posted on", "Last updated on:"): a page printed the label and the
    date in elements of their own."""
    above = _line_above(lines, j)
    return above.content if above is not None and is_lone_date_label(above.content) else None


def _under_a_names_label(lines: list[Line], j: int) -> bool:
    """The line above is only the words that introduce names ("Written by"): this line is the writer's."""
    above = _line_above(lines, j)
    return above is not None and introduces_names(above.content)


def _under_a_label(lines: list[Line], j: int, p: Phrases) -> bool:
    """The line above only introduces the names under it (`_names_label`): "Written by", "Author of the article:"."""
    above = _line_above(lines, j)
    return above is not None and _names_label(above, p)


def _names_label(line: Line, p: Phrases) -> bool:
    """The line only introduces the names printed under it: "Written by", or a byline's label ending in a colon that
    names nobody ("Author of the article:"): no byline of its own.  A credit's label ("Photo by:") is none."""
    text = line.content
    if introduces_names(text):
        return True
    if line.bullet or not text.endswith(":") or line.words > MAX_NAMES_LABEL_WORDS:
        return False  # a menu's item ("* Text Input:") is no label
    return is_byline(line, p) and not parse_byline(text)


def _labelled_name(line: Line) -> bool:
    """The line is one person's name, whole, as the byline parser reads it: under a names label, a name whose given
    name is rare ("Cazzy Magennis" under "Written By:") is still the writer's."""
    if not one_persons_name(line.content):  # two to four words, one person's name whole
        return False
    first_word = line.content.split()[0]
    return not (is_common_word(first_word) and popularity(first_word) < MIN_BARE_BYLINE_POPULARITY)


def _heads_a_list(lines: list[Line], j: int) -> bool:
    """The line under line `j` is a list item that is a statement: line `j` is the heading of a list ("Key Points",
    "Key Takeaways" over "* Global cloud spending is projected to rise ..."), not a byline, though its first word
    is somebody's given name.  A byline is followed by a date, a job title or the text; a meta row of bullets
    under a name ("* April 10, 2025") holds no statement.  WCXB as page text, half a: three such headings of three
    sites no longer stored as authors, no byline lost (the 32 other bare-name bylines of that half are followed by
    a date, a job title, a name or the text); every probe's figures unchanged."""
    below = _line_below(lines, j)
    return below is not None and below.bullet and below.sentence and below.words >= MIN_PARAGRAPH_WORDS


def _captioned(lines: list[Line], j: int) -> bool:
    """An image's credit is the next line ("Friedrich Merz" over "Foto: REUTERS/Nadja Wohlleben"): the name is a
    portrait's caption, not the writer's byline, which a page may print under the credit."""
    below = _line_below(lines, j)
    return below is not None and below.reason == IMAGE_CREDIT


def _name_under_the_lead(lines: list[Line], first: int) -> int | None:
    """The line under the text's first paragraph, when that paragraph stands right under the headline and the line
    is a person's name alone ("Edgar Schuler" under the lead, over "Publiziert heute um 12:19 Uhr"): the writer's
    name printed under a standfirst that the text keeps.  Page text, halves a / b: authors WCXB 98 -> 99 / 113,
    fundus 42 -> 43 / 39 -> 40, Readability's pages 8 / 11 -> 12; bodies unchanged.  Taking the lead for a standfirst
    then (`_is_subtitle`, the name as a byline) gave fundus 43 / 42 but cost bodies whose labels count the standfirst
    (fundus half b 0.8849 -> 0.8845, trafilatura's pages as text 0.8386 -> 0.8371)."""
    under = next((j for j in range(first + 1, len(lines)) if lines[j].words), None)
    if under is None or not _names_a_person(lines[under]) or _heads_a_list(lines, under) or _captioned(lines, under):
        return None
    return under


def _header_under_the_lead(lines: list[Line], first: int) -> list[int]:
    """The HEADER_UNDER_LEAD_LINES lines with words under the text's first paragraph, where a header printed under
    the lead stands ("André Schmidt" / "30. Juni 2025," under a standfirst and a summary; "Article by:" / "Cara
    Dumaplin" under an editorial note).  The header ends at a marker of other stories ("Auch interessant" over a
    teaser's headline and "Von Monique de Cleur": that byline is the teaser's)."""
    under = _word_lines(lines, range(first + 1, len(lines)), HEADER_UNDER_LEAD_LINES)
    return list(takewhile(lambda j: lines[j].reason not in _OTHER_STORIES, under))


def _byline_under_the_lead(lines: list[Line], j: int, p: Phrases) -> bool:
    """A byline in the header under the lead: "By ..." (a label alone is none), or a name, whole, under a label."""
    line = lines[j]
    if is_byline(line, p) or _opens_with_a_byline(line, p):
        return not _names_label(line, p)
    return _under_a_label(lines, j, p) and _labelled_name(line)


def _names_a_person(line: Line) -> bool:
    """The line is one person's name and nothing else ("Mina Park", "Elif Kaya"): validated by the byline
    parser (no job words, places, organisations) and a known given name first."""
    words = line.content.split()
    if line.bullet or not 2 <= len(words) <= MAX_BARE_BYLINE_WORDS or popularity(words[0]) < MIN_BARE_BYLINE_POPULARITY:
        return False
    persons = parse_byline(line.content)
    return len(persons) == 1 and persons[0].name == " ".join(words)


def _title_like(line: Line) -> bool:
    if line.bullet or not (MIN_TITLE_WORDS <= line.words <= MAX_TITLE_WORDS):
        return False
    if line.reason not in ("", "repeated on the page"):
        return False
    text = line.content.rstrip()
    if _menu_line(text) or READING_TIME.fullmatch(text):
        return False
    return not text.endswith(_NO_HEADLINE_ENDS)


def _quoted_sentence(line: Line) -> bool:
    """A sentence in quotation marks or brackets, its full stop inside them ("\"The spell conjures water.\""): a quote
    (a wiki's epigraph), not a headline."""
    return line.content.rstrip().rstrip(CLOSING_MARKS).endswith(tuple(FULL_STOPS))


def _menu_line(text: str) -> bool:
    """Three or more short items between separators: a menu or breadcrumb trail, not a headline
    ("Home | News | Politics | Economy"; "Budget 2026 | Example Daily" has two items and stays)."""
    items = _MENU_SEPARATOR.split(text)
    return len(items) >= 3 and all(len(item.split()) <= MAX_MENU_ITEM_WORDS for item in items)


def _without_trail(title: str) -> str:
    """The headline without a breadcrumb trail before it: the last item, when the ones before it are a menu's
    (at most MAX_MENU_ITEM_WORDS words each) and it has a headline's words and does not start in lower case (as a
    comparison's second half would: "Cars > bikes? ...")."""
    for separator, least in ((_TRAIL_ARROW, 2), (_TRAIL_DASH, 3)):
        *trail, headline = separator.split(title)
        menu = len(trail) + 1 >= least and all(len(item.split()) <= MAX_MENU_ITEM_WORDS for item in trail)
        headline = headline.strip()
        if menu and len(headline.split()) >= MIN_TITLE_WORDS and not headline[:1].islower():
            return headline
    return title


def _without_printed_suffix(title: str, lines: list[Line], index: int) -> str:
    """The headline without a last part after a separator that the page prints as a line of its own outside the
    text (a menu entry, a site-name line): the site's or the section's name, as a browser tab's title adds it ("The
    Ultimate Car Maintenance Checklist | Bridgestone Tires" over a menu entry "Bridgestone Tires"; "How meditation
    rewires brains ... | Opinion").  A subtitle after a dash that the page prints nowhere else, or as one of the
    text's headings, stays ("15 Language Learning Apps Compared - Personally Tested"; "... – das erwarten wir")."""
    separators = list(_SUFFIX_SEPARATOR.finditer(title))
    if not separators:
        return title
    headline, suffix = title[: separators[-1].start()].strip(), title[separators[-1].end() :].strip()
    if len(headline.split()) < MIN_TITLE_WORDS or not 0 < len(suffix.split()) <= MAX_SUFFIX_WORDS:
        return title
    key = suffix.casefold()
    printed = any(
        j != index
        and not line.good
        and line.words <= MAX_SUFFIX_WORDS
        and line.content.strip(_LIST_MARKS).casefold() == key
        for j, line in enumerate(lines)
    )
    return headline if printed else title


def _read_above_the_headline(doc: Document, lines: list[Line], title: int, p: Phrases) -> None:
    """The date line and the byline printed right above the headline (HEADER_LINES_ABOVE_TITLE lines with words),
    when none was read under it: a kicker's date row ("Jan 13, 2025"), a magazine's "By Jordana Cepelewicz" over
    the title, a name over its date ("Andrew King" / "* September 4, 2025")."""
    above = _word_lines(lines, range(title - 1, -1, -1), HEADER_LINES_ABOVE_TITLE)
    if not doc.evidence.date_claims:
        date = next((lines[j] for j in above if is_date_line(lines[j], p)), None)
        if date is not None:
            doc.evidence.claim_date(normalise_paragraph(date_text(date)), "header")
    if not doc.evidence.bylines:
        byline = next(
            (
                lines[j]
                for j in above
                if is_byline(lines[j], p) or _dated_name(lines[j], p) or _name_beside_a_date(lines, j, p)
            ),
            None,
        )
        if byline is not None:
            doc.evidence.claim_byline(normalise_paragraph(byline.content), "header")


def _read_under_the_lead(
    doc: Document, lines: list[Line], first: int, p: Phrases, *, lead_under_headline: bool
) -> set[int]:
    """The date line and the byline of a header printed under the lead (`_header_under_the_lead`), when none was
    read above the text; the header lines read, which the body leaves out."""
    under_the_lead = _header_under_the_lead(lines, first)
    read: set[int] = set()
    if lead_under_headline and not doc.evidence.bylines and (under := _name_under_the_lead(lines, first)) is not None:
        doc.evidence.claim_byline(normalise_paragraph(lines[under].content), "header")
        read.add(under)
    dated = None if doc.evidence.published else next((j for j in under_the_lead if is_date_line(lines[j], p)), None)
    if dated is not None:
        doc.evidence.claim_date(normalise_paragraph(date_text(lines[dated])), "header")
        if not doc.evidence.bylines and _opens_with_a_name(lines[dated]):
            doc.evidence.claim_byline(normalise_paragraph(lines[dated].content), "header")
        read.add(dated)
        at = under_the_lead.index(dated)
        beside = [j for j in under_the_lead[max(0, at - 1) : at + 2] if j != dated]
        if not doc.evidence.bylines and (name := next((j for j in beside if _name_beside_a_date(lines, j, p)), None)):
            doc.evidence.claim_byline(normalise_paragraph(lines[name].content), "header")  # "André Schmidt" over it
            read.add(name)
    if doc.evidence.bylines:
        return read
    signed = next((j for j in under_the_lead if _byline_under_the_lead(lines, j, p)), None)
    if signed is not None:
        doc.evidence.claim_byline(normalise_paragraph(lines[signed].content), "header")
        read.update(j for j in under_the_lead if j == signed or (j < signed and _names_label(lines[j], p)))
    return read


def _as_printed(content: str) -> str:
    """A body line as the HTML reader writes it: a table's row with its cells between " | " (a browser's copy puts
    tabs there, which the paragraph's spacing would squash to one space and the cells' bounds be lost)."""
    return " | ".join(cells) if (cells := table_cells(content)) else content


def _paragraph_like(line: Line) -> bool:
    """A paragraph of the text (a section's heading that ends in a question mark is none)."""
    return line.good and line.sentence and line.words >= MIN_PARAGRAPH_WORDS and not line.listed_above


def _text_words(lines: list[Line], first: int) -> set[str]:
    """The words (4+ letters, case-folded) of the first HEADLINE_TEXT_LINES kept lines from `first` on.  A list of
    other stories' headlines that ends a short text is read too, though the body drops it: TEXT_WORDS_BONUS was
    measured with those lines kept, and a related story's headline shares the article's headline's words (without
    them one headline of fundus's half b as page text was lost, and its date and byline with it)."""
    kept = [line.content for line in lines[first:] if line.good or line.reason == HEADLINE_LIST][:HEADLINE_TEXT_LINES]
    return {word.casefold() for text in kept for word in _TEXT_WORD.findall(text)}


def _share_of_text_words(line: Line, text_words: set[str]) -> float:
    words = {word.casefold() for word in _TEXT_WORD.findall(line.content)}
    return len(words & text_words) / len(words) if words else 0.0


def _find_title(lines: list[Line], first: int, p: Phrases) -> int | None:
    """The headline: a long title-like line close above the first paragraph, whose words the text uses."""
    text_words = _text_words(lines, first)
    best: tuple[float, int] | None = None
    distance = 0
    for j in range(first - 1, -1, -1):
        line = lines[j]
        if line.reason == "no words":
            continue
        distance += 1
        if distance > FAR_HEADER_LOOKBACK:
            break
        if is_date_line(line, p) or _reads_as_byline(line, p) or not _title_like(line):
            continue
        if _meta_line(line, p) or _dated_row(line, p) or _STAMP_FIRST.match(line.content):
            continue
        if _under_a_names_label(lines, j):
            continue  # "Written by" over "Eliz - Product marketer": the label's value, not a headline
        shared = _share_of_text_words(line, text_words)
        if distance > HEADER_LOOKBACK and shared < MIN_FAR_TEXT_WORDS:
            continue
        score = min(line.words, 12) - 0.5 * distance + REPEATED_TITLE_BONUS * line.repeated + TEXT_WORDS_BONUS * shared
        if best is None or score > best[0]:
            best = (score, j)
    return best[1] if best else None


def _is_subtitle(lines: list[Line], title: int, p: Phrases) -> bool:
    """The line under the headline is a standfirst when it is a sentence set apart from the text:
    followed by the date line/byline that precede the text, or in one block with the headline
    while the text starts after a blank line."""
    j = title + 1
    if j >= len(lines):
        return False
    line = lines[j]
    if line.reason or line.bullet or is_date_line(line, p) or is_byline(line, p):
        return False
    if not (MIN_SUBTITLE_WORDS <= line.words <= MAX_SUBTITLE_WORDS) or line.content.endswith(":"):
        return False
    k = next((i for i in range(j + 1, len(lines)) if _paragraph_like(lines[i])), len(lines))
    if any(is_date_line(x, p) or is_byline(x, p) for x in lines[j + 1 : k]):
        return True
    following = lines[j + 1] if j + 1 < len(lines) else None
    return not line.blank_before and following is not None and following.blank_before


def _site_names(lines: list[Line], p: Phrases) -> list[str]:
    names: list[str] = []
    for line in lines:
        for match in p.site_names.searches(line.content):
            name = clean_site_name(match.group("name")) or ""  # "Baltic Courier 2026" -> "Baltic Courier"
            if name and name.lower() not in (n.lower() for n in names):
                names.append(name)
    return names


def _respell(names: list[str], body: str) -> list[str]:
    """Spell each site name as the article spells it ("Caliber.Az reports" beats "caliber.az")."""
    out: list[str] = []
    for name in names:
        match = re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", body, re.I)
        spelled = match.group(0) if match else name
        if spelled.lower() not in (n.lower() for n in out):
            out.append(spelled)
    return out


def _origin_hints(title: str | None, paragraphs: list[str], p: Phrases) -> list[str]:
    hints: list[str] = []
    for paragraph in paragraphs:
        for pattern in p.origins:
            for match in pattern.finditer(paragraph):
                phrase = match.group("phrase").rstrip(".,;:")
                if phrase not in hints:
                    hints.append(phrase)
    if title:
        prefix = _HEADLINE_PREFIX.match(title)
        if prefix and prefix.group("label").lower() not in p.headline_labels:
            hints.append(prefix.group("label") + ":")
    return hints


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry: the site chrome learnt across pages (`context.chrome_lines`) is chrome here."""
    return read_scraped(record.text, record.raw, context.chrome_lines)


def language_sample(record: InputRecord) -> str:
    """The text whose language reading the page will ask the detector (when nothing in it needs repair)."""
    return page_language_sample(record.text)


def chrome_candidates(record: InputRecord) -> PageLines:
    """The page's lines that may be site chrome, counted across a batch (`prepare`)."""
    return page_lines(record.text)


def _set_aside_wire_trailer(text: str) -> tuple[str, Trailer]:
    """Wire copy reprinted on a page ("Brussels, March 4 (IANS) ..." under the site's header): its
    sign-off and slug lines ("--IANS", "ksk/vd") sit between the story and the page's footer.  They
    are recorded and blanked, so that the line classifier does not take them for chrome around the
    story's last paragraphs.  Only on a page where a line opens with a wire dateline."""
    trailer = Trailer()
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if match_dateline(line.strip())), None)
    if start is None:
        return text, trailer
    for i in range(start + 1, len(lines)):
        if signoff_or_slug(lines[i], trailer):
            lines[i] = ""
    return "\n".join(lines), trailer


def _take_wire_dateline(body: list[str], doc: Document, trailer: Trailer) -> list[str]:
    """A wire dateline opening the story: place, date and agency into their fields, out of the body.

    The agency is where the copy comes from (metadata "agency", the origin); the page's own site
    stays the publisher.  The sign-off's agency stands in when the dateline names none."""
    dateline = match_dateline(body[0]) if body else None
    if dateline is None:
        return body
    if dateline.place:
        doc.dateline = display_place(dateline.place)
    if dateline.date:
        doc.evidence.published.append(dateline.date)
    if dateline.byline:
        doc.evidence.bylines.append(dateline.byline)
    doc.metadata["agency"] = dateline.agency or next(iter(trailer.agencies), None)
    if trailer.slugs:
        doc.metadata["editor_slugs"] = trailer.slugs
    return ([dateline.rest] if dateline.rest else []) + body[1:]


def read_scraped(text: str, raw: RawInput | None = None, recurring: frozenset[str] = frozenset()) -> list[Document]:
    """Read one scraped page into one document (see the module docstring).

    `recurring` holds `line_fingerprint`s of lines that recur across this site's pages
    (from `recurring_lines`); those lines are treated as chrome.
    """
    text, trailer = _set_aside_wire_trailer(repair_text(text))
    classified = classify_lines(text, recurring)
    p = phrases_for(classified.language)
    lines = classified.lines
    kept = [i for i, line in enumerate(lines) if line.good]
    if not kept:
        raise RejectedInput("no article text found: every line looks like menu, footer or other site chrome")
    doc = Document(source_format="scraped_text", raw=raw)
    # The first paragraph of the text: a date line that ends in a full stop ("Published 16 March 2019 |
    # Updated 5:27 p.m.") is not one, nor a meta line ("Автор: Анна Иванова, Дмитрий Смирнов и Ольга Кузнецова |
    # среда, 4 марта 2026 г."): they belong to the header above the text.
    first = next(
        (
            i
            for i in kept
            if _paragraph_like(lines[i]) and not is_date_line(lines[i], p) and not _meta_line(lines[i], p)
        ),
        kept[0],
    )
    last = kept[-1]

    title = _find_title(lines, first, p)
    if title is None and _title_like(lines[first]) and not _quoted_sentence(lines[first]):
        # Nothing above reads as a headline and the text's first "paragraph" is one, ending in a question or
        # exclamation mark ("Bekiffte Geografen warnen: Ostsee in Wahrheit riesiges Krokodil, das Finnland fressen
        # will!" over "25.4.24"): the headline, and the text starts at the next paragraph.  A page whose only
        # paragraph it is keeps it as its text.
        after_first = next((i for i in kept if i > first and _paragraph_like(lines[i])), None)
        if after_first is not None:
            title, first = first, after_first
    start = first
    if title is not None:
        doc.title = normalise_paragraph(_without_printed_suffix(_without_trail(lines[title].content), lines, title))
        start = title + 1
        if _is_subtitle(lines, title, p):
            doc.subtitle = normalise_paragraph(lines[title + 1].content)
            start = title + 2
            first = next((i for i in kept if i >= start and _paragraph_like(lines[i])), max(first, start))
    header = range(title if title is not None else max(0, first - HEADER_LOOKBACK), first)
    named: set[int] = set()  # header lines read below the headline (bare names, lines under the lead): not the text
    # A header that prints a byline ("Par Les Echos") is not read for a bare name too: there, a name alone on its
    # line is a topic's tag ("Donald Trump" over "Dow Jones").
    signed = any(j != title and is_byline(lines[j], p) and not _names_label(lines[j], p) for j in header)
    for j in header:
        # A meta line is read by its parts: a byline and a date ("By Ana Lima | 4 March 2026", "Ana Lima · 4.
        # März 2026"): the whole line read as a date took the day for the month beside the name, and as a
        # byline was too long.  A line of a date and a time ("4 March 2026 | 14:10") stays one date.
        if meta := _meta_line(lines[j], p):
            dates, others = meta
        elif is_date_line(lines[j], p):
            dates, others = [lines[j]], [lines[j]]
        elif meta := _dated_row(lines[j], p):
            dates, others = meta
        elif names := _names_row(lines[j]):
            if not doc.evidence.bylines:  # "Julia Vergin | Clare Roth": every name, as a byline of bars
                doc.evidence.claim_byline(" | ".join(normalise_paragraph(name.content) for name in names), "header")
                named.add(j)
            continue
        else:
            dates, others = [], [lines[j]]
        for part in others:
            if is_byline(part, p) and not _names_label(part, p) and j != title:
                doc.evidence.claim_byline(normalise_paragraph(part.content), "header")
            elif not doc.evidence.bylines and (
                (
                    j >= start
                    and len(others) == 1
                    and (
                        (_names_a_person(part) and not signed) or (_under_a_label(lines, j, p) and _labelled_name(part))
                    )
                    and not _heads_a_list(lines, j)
                    and not _captioned(lines, j)
                )
                or (j != title and not meta and _name_beside_a_date(lines, j, p))
                or (bool(dates) and not meta and _opens_with_a_name(part))
                or (bool(meta) and _names_a_person(part))
            ):
                doc.evidence.claim_byline(normalise_paragraph(part.content), "header")
                named.add(j)
        for date in dates:
            printed = date_text(date)
            if not meta and (label := _date_label_above(lines, j)):
                printed = f"{label} {printed}"  # "Last updated on:" over "October 1, 2025": an update's date
            doc.evidence.claim_date(normalise_paragraph(printed), "header")
    if title is not None:
        _read_above_the_headline(doc, lines, title, p)
    named |= _read_under_the_lead(doc, lines, first, p, lead_under_headline=title is not None and first == start)

    # Closing byline and lone site-name line just after the text.
    site_names = _site_names(lines, p)
    footer: list[int] = []
    for j in range(last + 1, len(lines)):
        if lines[j].reason == "no words":
            continue
        if lines[j].reason in _OTHER_STORIES:
            break  # "Auch interessant", a teaser's headline, "Von Martin Ahlers": the teaser's byline
        footer.append(j)
        if len(footer) >= FOOTER_LOOKAHEAD:
            break
    closing: set[int] = set()
    for j in [last, *footer]:
        line = lines[j]
        if is_byline(line, p):
            doc.evidence.bylines.append(normalise_paragraph(line.content))
            closing.add(j)
        elif j in footer and line.words <= 3 and not line.bullet and _SITE_WORD.match(line.content):
            known = line.content.lower() in (n.lower() for n in site_names)
            if known or (_DOMAIN.match(line.content) and closing):
                site_names.append(line.content)

    # The text starts at its first paragraph: what the classifier let pass between it and the headline (an image
    # credit, a reporter's handle, "Print this article") is the header.
    body = [
        _as_printed(lines[i].content)
        for i in kept
        if i >= max(start, first)
        and i not in closing
        and i not in named
        and not (i == last and lines[i].words <= MAX_DATE_WORDS and is_date_line(lines[i], p))
    ]
    if not body and doc.subtitle and title is not None:
        # A teaser page (an audio or video item) prints one paragraph under its headline: the standfirst is
        # all the article there is, so it is the body too, as a dek the HTML reader keeps.
        body = [lines[title + 1].content]
    doc.paragraphs = normalise_paragraphs(_take_wire_dateline(body, doc, trailer))
    if not doc.paragraphs:
        raise RejectedInput("no article text found: only a headline and site chrome")
    body_text = "\n".join(doc.paragraphs)
    doc.evidence.site_names = _respell(site_names, body_text)
    doc.evidence.origin_hints = _origin_hints(doc.title, doc.paragraphs, p)
    if classified.language:
        doc.metadata["detected_language"] = classified.language
    return [doc]
