"""The passes after jusText's context pass, which read the page as a whole rather than line by line.

The context pass judges each line by its neighbours.  What it kept can still be a stretch that the page as a
whole shows is not the article: the teaser list under a "Most read" marker (`drop_sections`), everything after an
end marker such as "Comments" (`drop_after_end`), a consent notice or a dialog's text under the article
(`drop_consent_tail`, `drop_copyright_tail`), a feed of teasers or a list of headlines that ends the page
(`drop_teaser_tail`, `drop_headline_tail`), teasers whose summaries are cut short wherever they stand
(`drop_cut_teasers`), a box the page's chrome cuts off from the article (`drop_detached_blocks`),
a closing note about the author (`drop_closing_bio`), photo captions (`drop_captions`), lines printed twice
(`drop_repeats`).  Where it kept nothing, the largest block of lines without chrome (`fallback_largest_block`) or a
lone sentence or two (`keep_lone_sentences`) is the article.  Each pass changes the lines' classes in place;
`boilerplate._classify` runs them in order after the context pass, which reads nothing they decide.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from axis_ingest.clean.lines import COOKIE, Line, item_number, placeholder, with_words
from axis_ingest.clean.phrases import EDGE_PUNCT, Phrases, names_a_printed_date
from axis_ingest.clean.recurring import RECURRING, normalise_line
from axis_ingest.detectors import PRINTED_YEAR
from axis_ingest.names.bylines import parse_byline
from axis_ingest.punctuation import CLOSING_MARKS, FULL_STOPS

# A sentence of this many words (neargood or better) ends a section marker's teaser list.
SECTION_END_WORDS = 15
# The article's header right above its text, spared from a marker above the article: its headline's length in
# words (the page-text reader's), and how far above the text its byline or date line may sit, in lines with words
# (headline, byline, date, highlights).  Page-text titles with chrome learnt (WCXB and fundus halves a / b): 209,
# 232, 73, 68 -> 212, 236, 73, 68 (the headline among the last 4 lines, a byline or date under it), 212, 237, 73,
# 68 (the headline over the last byline or date among the last 8); bodies unchanged.
HEADER_HEADLINE_WORDS = (3, 24)
HEADER_LINES = 8
HEADER_DATE_WORDS = 12  # a date line's length in words, as the page-text reader's MAX_DATE_WORDS
# The reasons given a line that heads other stories ("Related", `drop_sections`) or ends the article ("Comments",
# `drop_after_end`); the page-text reader's header and closing byline stop at either.
SECTION_MARKER = "section marker"
END_MARKER = "end marker"
MARKER_REASONS = (SECTION_MARKER, END_MARKER)
# The reason given the lines of a list of other stories' headlines (`drop_headline_tail`): like a marker, where the
# page-text reader's header under the lead and its closing byline end.
HEADLINE_LIST = "headline list"
# The reason given a consent notice printed under the article and the lines under it (`drop_consent_tail`).
CONSENT_NOTICE = "consent notice"
# The reason given the kept lines under a dated copyright notice (`drop_copyright_tail`).
COPYRIGHT_TAIL = "under the copyright notice"
# The reason given a block of kept lines that the page's chrome cuts off from the article (`drop_detached_blocks`).
DETACHED = "detached from the article"
# What a text cut to a box's width ends in (a headline of a list, a teaser's summary).
ELLIPSES = ("...", "…")
# The reason of a teaser whose summary is cut short, and of its header (`drop_cut_teasers`).
CUT_TEASERS = "cut teasers"
# The reasons of a menu's lines around a section marker that is one of its entries (`_inside_a_menu`).
_MENU_REASONS = ("menu entry", "menu/button", "repeated on the page", RECURRING)
# A comment's header as WordPress's comment template prints it: the commenter's name and "says:" (a theme may number
# it, "1. sfcgeorge says:"), over the comment's date ("December 19, 2025 at 13:01").  Matched as printed: the
# marker tables are matched without the punctuation around a line (EDGE_PUNCT), which takes the colon, and "What the
# research says" is a heading.
_COMMENT_HEADER = re.compile(r"(?:\d+\.\s*)?[^.!?:]{1,40} says:")
# A paragraph printed again within this many lines is a gallery's caption (two photos, one caption), not a story's
# lead repeated in a list of latest articles (`drop_repeats`): the one AEB page with such a pair had it on
# adjacent lines.
REPEAT_NEARBY_LINES = 3
# A heading of this many words printed again as a list item above it (a table of contents: "* What is Social Media
# Marketing?", then the section's heading) is the section's heading, not a repeat (`drop_repeats`): every heading
# of such a page was dropped (WCXB's pages as text, half a: 106 pages lost lines that were printed twice).
MIN_CONTENTS_HEADING_WORDS = 3
# The largest-block fallback needs this many words: a page of menu words alone is no article.
FALLBACK_MIN_WORDS = 30
# An end marker ends the article only after this many words of article (see drop_after_end).
END_MIN_WORDS_BEFORE = 60
# ... and only when the article text after it is under this many times the text before it: a comment count
# printed under the lead ("124 Comments" after A List Apart's 60-word standfirst, 3,388 words of article after it)
# is no end.  Comment threads copied with a post ran to at most 2.3 times the post on the half a pages read
# (WCXB's 331 and trafilatura's 495 as page text, 58 end markers).  10 cost trafilatura's pages as text half b
# 0.0006 (a thread between 10 and 20 times its post); 20 and 40 leave it unchanged.
END_MAX_AFTER_RATIO = 20
# A feed of teasers after the article ("more stories": a kicker, a headline, a byline, date or source
# line, then one summary paragraph, again and again) reads as prose line by line.  It is told by its
# shape: the page's kept text ends in at least TEASER_MIN_UNITS units of two or more short lines
# followed by exactly one paragraph (an article's sections have several paragraphs, or a heading
# alone over one), whose headlines have the length of news headlines (median of each unit's longest
# short line >= TEASER_MIN_HEADLINE_WORDS: a product roundup names things in 3-6 words).
# A paragraph is a kept sentence of TEASER_PARAGRAPH_WORDS words or more that is not in title case
# (Title Case Headlines end in "?" or hold a full stop).  AEB scraped through run-dev, half a / half b:
# 0.9115 / 0.9174 without, 0.9254 / 0.9246 with (half a: the feeds of washingtonexaminer.com, 15 units,
# and digg.com, 45, cut, precision 0.40 -> 0.99 on both; no other page changed, a zdnet roundup of 10
# products ending in a closing paragraph left alone; headline medians 10-11 words vs 5-6 for products).
TEASER_MIN_UNITS = 4
TEASER_MIN_SHORT_LINES = 2
TEASER_MIN_HEADLINE_WORDS = 7
TEASER_PARAGRAPH_WORDS = 8
# A teaser may print its headline alone over its summary (no kicker, byline or date): such a unit counts when the
# line has a headline's length in words (4 to 24: a kicker glued to a short headline, "Ukraine-Krieg Der ungehobene
# russische Schatz", up to the page-text reader's longest headline), the summary is a sentence or two
# (TEASER_MAX_SUMMARY_WORDS; the half-a feeds' summaries hold 13-27 words) and at most TEASER_MAX_SHARED_WORDS of the
# unit's words (`_topic_words`) are in the kept text above it.  Without the last test an article's closing sections
# under long subheadings were cut (WCXB 0036, 0294, 4115 as text, a t-online.de news blog: shares 0.39-0.54); the
# feeds cut with it share 0.14-0.29 (fundus as text, half a: tokyo-np.co.jp, stuttgarter-zeitung.de; trafilatura's
# pages as text, half a: lanacion.com.ar, biathlon-antholz.it).  Page text with chrome learnt, body F1 halves a / b:
# fundus 0.9033 / 0.8847 -> 0.9042 / 0.8886 with headlines of 7 words or more (shares 0.45: 0.9025 / 0.8891; 0.2:
# 0.9033 / 0.8882), and with 4 or more 0.9054 / 0.8890 -> 0.9072 / 0.8907 (trafilatura's pages 0.8587 / 0.8402 ->
# 0.8590 / 0.8401); WCXB and run-dev's AEB scraped unchanged by either.  Without the summary's limit, trafilatura's
# pages as text half b lost three segments of one article (0.8386 -> 0.8380).
TEASER_LONE_HEADLINE_WORDS = (4, 24)
TEASER_MAX_SHARED_WORDS = 0.3
TEASER_MAX_SUMMARY_WORDS = 40
# A page may print a box or two after its feed of teasers (a newsletter's sign-up form, a subscription offer, a
# note about the publisher), so the feed is not the last of the kept text.  The feed then ends at most this many
# units before the end; each of its units, kicker-and-headline ones too, must be about another story
# (`_about_another_story`), and no paragraph under it but a teaser's may be about the article's subject
# (`_goes_on_with_the_article`).  Page text with chrome learnt, body F1 halves a / b: fundus 0.9081 / 0.8919 ->
# 0.9103 / 0.8926 (half a: lto.de's feed over a sign-up form, taz.de's over a trial offer); WCXB, Readability's
# pages and run-dev's AEB scraped unchanged.  Without the first test an article's list of plants whose care notes
# read as kickers was cut (WCXB 4708 as text); four units instead of two gave WCXB's half b 0.9063 -> 0.9057.
TEASER_MAX_TRAILING_UNITS = 2
# A box of other stories whose summaries are cut short ("... can be expensive [&hellip;]", WordPress's 55-word
# excerpts; "... Mehr…") is a box of teasers wherever it stands and whatever its subject: an article's paragraphs
# are not cut to a box's length.  A run of CUT_TEASER_MIN or more kept paragraphs ending in an ellipsis, each under a
# header of one to CUT_TEASER_HEADER_LINES short lines (at most TEASER_LONE_HEADLINE_WORDS[1] words each) that holds
# a headline (TEASER_LONE_HEADLINE_WORDS), is dropped with those headers: related posts over a date, a category or
# "Posted under ...".  An article's own trailing-off lines ("... and as for the money…") follow its paragraphs or a
# speaker's name, not a headline each; two cut teasers (a previous and a next post) are left.  Half a of the
# page-text probes, `classify_lines` alone: heise.de, cottagecare.com, jiffylube.com, camphouse.io, brighterly.com,
# iceland-photo-tours.com, techcrunch.com... 1,737 words dropped, 3 of them in the labels.  The feed passes run first
# (`drop_teaser_tail`, `drop_headline_tail`): cutting the cut teasers out of a feed first left its uncut ones too few
# to be a feed (oakywood.shop).  Through the CLI, body F1 halves a / b: WCXB as text 0.8983 / 0.9099 -> 0.8991 /
# 0.9105, Readability's pages 0.8886 / 0.8553 -> 0.8963 / 0.8556; fundus and AEB scraped unchanged.
CUT_TEASER_MIN = 3
CUT_TEASER_HEADER_LINES = 4
# A block of kept lines under the article that the page's chrome cuts off from it (DETACHED_GAP_LINES or more lines of
# chrome between them: menu entries, chrome phrases, section markers, lines recurring on the site) is a box of the
# page's own when it is not about the article's subject (TEASER_MAX_SHARED_WORDS, as a teaser's) and holds fewer than
# DETACHED_MAX_SHARE of the words above it (`_a_box_under`): a donation appeal, a company's legal notes, a teaser box
# under the footer's menus.  Set on half a of the page-text probes with `classify_lines` alone (words of the blocks
# it would drop that are in / not in the label, lines printed twice still counted): 6 lines and half the words cost no
# labelled word on WCXB, fundus and AEB scraped; 5 lines cost 139 on WCXB; blocks as large as the text above (8
# lines) cost 447 (the second half of nethermind.io's article, a section of jiffylube.com's guide).
# Through the CLI, body F1 halves a / b: WCXB as text 0.8965 / 0.9075 -> 0.8978 / 0.9096, fundus as text 0.9194 /
# 0.9004 -> 0.9235 / 0.9053, run-dev's AEB scraped 0.9523 / 0.9342 -> 0.9567 / 0.9348.  With lines printed more than
# once on the page counted as chrome (`_NOT_CHROME_EVIDENCE`), a table's cells parted an article's sections (WCXB
# 4592 lost its closing one) and AEB scraped's half b fell to 0.9336.
DETACHED_GAP_LINES = 6
DETACHED_MAX_SHARE = 0.5
# A block under the article that names none of the article's key words (its KEY_WORDS topic words printed most often
# above the block, each at least twice) and holds fewer words than the text above it is a box of the page's own,
# however large beside the article: a section of the article names its key words again, a login dialog, a disclaimer
# or an author's box does not, though they share common words with the article (which the topic-word share counts).
# Asked only when the text above has MIN_KEY_WORDS key words or more.  Set on half a of the page-text probes with
# `classify_lines` alone (the blocks under the article the pass left, by how many key words they name): 14 of the
# 15 blocks that name none hold no word a label keeps (a tax guide's advertising disclosure and a garden blog's
# category list on WCXB, srf.ch's login dialog on fundus, 0.64 of the words above); the 15th, a list of
# alternatives on alternativeto.net, sits above a block the pass stops at.  Blocks of the articles' own there name
# two key words or more (a guide's list of tools, a wedding checklist, 0.78 of the words above).  The 7 blocks that
# name one key word were boxes too, but allowing one cost pages on half b (Readability's pages as text 0.8584 ->
# 0.8523, two of WCXB's as text).
# Through the CLI, body F1 halves a / b: WCXB as text 0.8978 / 0.9096 -> 0.8982 / 0.9097, fundus as text 0.9235 /
# 0.9053 -> 0.9263 / 0.9054, run-dev's AEB scraped 0.9567 / 0.9348 -> 0.9567 / 0.9392 (0.9348 with blocks limited
# to three quarters of the words above); Readability's pages as text 0.8840 / 0.8584 -> 0.8840 / 0.8553
# (mozilla.org's page, 0.53 -> 0.45).
# The same test takes the blocks above the article's, against the key words of the article's block and what follows
# it: a login dialog or a row of the site's promotions over the headline (dailymaverick.co.za, webmd.com,
# euronews.com's programme teasers, a university's notice) was the first lines of the text and often the title.
# Through the CLI, halves a / b: WCXB as text 0.8982 / 0.9097 -> 0.8983 / 0.9099 (titles 212 / 237 -> 214 / 240,
# bylines 116 / 127 -> 117 / 128, dates 143 / 170 -> 143 / 172), fundus as text 0.9263 / 0.9054 -> 0.9273 / 0.9075
# (titles 76 / 71 -> 77 / 72, bylines 61 / 47 -> 61 / 48, dates 93 / 72 -> 94 / 74), Readability's pages 0.8840 /
# 0.8553 -> 0.8886 / 0.8553, AEB scraped unchanged.  The block right above the article's that ends in a headline
# over a byline or date line (among the chrome between them) is the article's header and stays
# (`_headline_over_header`): businessinsider.de's "10 things in tech you need to know today" (AEB scraped, half a),
# whose items name none of its words, lost its title and date without it; no probe's figure moved with it.  Still
# lost on half a: theprovince.com's wine column, whose header and lead sit above a subscription box over a list of
# bottles that names none of the lead's words ("wine" and "rosé" are too short to be topic words), lost its lead,
# byline and date.  Keeping the block right above the article's when it holds a paragraph of 40 words or more kept
# them but cost titles and dates on half b (WCXB 240 -> 238, 172 -> 171; fundus 72 -> 71, 74 -> 73); leaving out the
# stopwords of the page's language from the key words cost fundus's half b (0.9075 -> 0.9056) and Readability's
# (0.8553 -> 0.8518).
KEY_WORDS = 10
MIN_KEY_WORDS = 5
# Lines that part blocks without being the page's furniture: empty lines, and cells of a table the reader dropped
# (a figure or a row's label printed more than once on the page: "15,000", "Current Price").
_NOT_CHROME_EVIDENCE = ("no words", "repeated on the page")
# A list of other stories' headlines alone, without summaries ("Lees meer over", "Recomendado", "Most read"
# without a marker the tables know), ends many news pages' text; each headline reads as prose line by line.  It is
# told by its shape: the kept text ends in at least HEADLINE_LIST_MIN headlines (HEADLINE_LIST_WORDS words, no full
# stop or colon at the end), with only short lines (a section's label, a byline) between them; the headlines
# together are about other stories (TEASER_MAX_SHARED_WORDS of their words in the text above them, as the teaser
# feed's); the list is shorter than the text above it; and no sentence ending in a colon introduces it.  An
# article's closing list goes on with its subject or is introduced.  Page text with chrome learnt, body F1 halves
# a / b: fundus 0.9103 / 0.8926 -> 0.9149 / 0.8966 (half a: nieuwsblad.be, abc.es, dailymail.co.uk,
# boersen-zeitung.de, rp-online.de: no line of a label among the 73 dropped), WCXB 0.8944 / 0.9063 -> 0.8950 /
# 0.9064, Readability's pages 0.8730 / 0.8449 -> 0.8812 / 0.8477; run-dev's AEB scraped unchanged; titles, dates
# and bylines unchanged everywhere.  Four headlines gave WCXB half b 0.9061; without the length test a brief of
# short lines lost most of its text (AEB scraped half b 0.9335 -> 0.9294).  A headline a box cut to its width ("...
# Says Diplomacy as ...", "... Cochair Ai...") ends in an ellipsis, not a full stop: fundus as page text 0.9149 /
# 0.8966 -> 0.9163 / 0.8977 (half a: japannews.yomiuri.co.jp, abc.es), WCXB 0.8950 / 0.9064 -> 0.8951 / 0.9064
# (luccaam.com); run-dev's AEB scraped, titles, dates and bylines unchanged.
HEADLINE_LIST_MIN = 5
HEADLINE_LIST_WORDS = (5, 30)
# A consent notice printed under the article (a cookie banner at the end of the page's markup, a preferences panel)
# reads as prose.  It is told by the first kept line naming cookies (`lines.COOKIE`), under which the kept text, the
# line included, holds at most CONSENT_TAIL_MAX_WORDS words (the consent wall's limit above a page,
# boilerplate.CONSENT_WALL_MAX_WORDS; the notices and panels of the probes' half a hold 25-212), fewer than the text
# above it, and is not about the article's subject (`_on_the_subject_of`).  Page text with chrome learnt, body F1 halves
# a / b: fundus 0.9163 / 0.8977 -> 0.9180 / 0.8991 (half a: mirror.co.uk, dailystar.co.uk, kleinezeitung.at,
# lefigaro.fr, ntv.com.tr), WCXB 0.8951 / 0.9064 -> 0.8955 / 0.9065 (half a: seven sites); run-dev's AEB scraped,
# titles, dates and bylines unchanged.  Without the limit, a caterer's guide that names cookies among its goods lost its
# last 922 words (WCXB 0043).
CONSENT_TAIL_MAX_WORDS = 400
# A dated copyright notice ("© 2000-2026, Украинская правда ...", "Anadolu Ajansı © 2021", "Copyright © 2007-2026 J&J
# Norris LLC. All rights reserved.") closes the page's own text; what is kept under it is a hidden dialog's (a login
# form, a consent panel) or the footer's, under the same tests as a consent notice's tail (`_a_footer_under`).  The
# page's last such line is read: a photo's dated credit inside the article comes before the footer's, and credits
# without a year ("© Rolf Zoellner/imago") are no notice.  Page text with chrome learnt, body F1 halves a / b: fundus
# 0.9180 / 0.8991 -> 0.9194 / 0.9004 (half a: aa.com.tr, pravda.com.ua, stern.de), WCXB 0.8955 / 0.9065 -> 0.8965 /
# 0.9075 (half a: 13 sites better, one worse: a list of events whose last entry's photo credit carries a year, WCXB
# 4367), run-dev's AEB scraped 0.9501 / 0.9335 -> 0.9523 / 0.9342; titles, dates and bylines unchanged.  Reading
# every dated line, not the last, gave the same but for that list.  A notice is a line with a copyright mark and a
# year (`detectors.PRINTED_YEAR`) anywhere in it.
_COPYRIGHT_MARK = re.compile(r"[©ⓒ]|\(c\)|\bcopyright\b", re.IGNORECASE)
# A closing note about the author ("Meg James is a media reporter for ...", "Pamela Wilson is an online
# educator, author and ...") among the last BIO_LAST_LINES kept lines is not the article: a person
# introduced by full name, then "is/was a/an/the", after the story has ended.  Half a of the AEB
# scraped pages has five (latimes.com, 9to5mac.com, bigbrandsystem.com twice; digg.com's and
# smithsonianmag.com's were chrome already), none of them in the article text.  AEB scraped run-dev:
# half a 0.9318 -> 0.9339 with 2 to 6 last lines (1: 0.9334), half b 0.9246 unchanged with each.
BIO_LAST_LINES = 3
# ... and closes a story: the kept text before it is longer than the note and what follows it.  A short article's
# last three paragraphs are most of it: "Producer Judy Craymer is the highest new entry in the Sunday Times' music
# rich list ...", "Howl's Moving Castle is the follow-up to Miyazaki's Spirited Away ..." opened the second
# paragraph of five, and the story after it was dropped with it (BBC News's articles of 2004-05 as text, half a:
# 5 articles).  Asking instead that fewer than 40 words of sentences follow the note kept real notes that go on
# for sentences (WCXB as page text 0.8933 / 0.9053 -> 0.8930 / 0.9052); this gives 0.8933 / 0.9054.
# A byline line ("By Scott Levine", "Written By Eduard Kovacs") has at most this many words; its writer's note may
# stand anywhere in the kept text (`drop_writer_notes`).
WRITER_BYLINE_WORDS = 8
# A note whose surname was in a paragraph of this many words or more before it is about someone in the
# story ("Mark Evans is the third harbour master to resign"): kept.  Costs one bigbrandsystem.com note
# whose author introduced herself in the text (half a 0.9383 -> 0.9381; half b unchanged).
MIN_STORY_WORDS = 8
# Title case: at least this share of the words of 4+ letters capitalised, in a line of 4 to 20 words.
TITLE_CASE_SHARE = 0.9
TITLE_CASE_MAX_WORDS = 20


def _resumes_text(line: Line) -> bool:
    """A paragraph that ends a teaser list or sign-up box: running text, not a headline."""
    return line.cf == "good" or (
        line.cf == "neargood" and line.sentence and line.words >= SECTION_END_WORDS and not line.reason
    )


def _next_item(line: Line, number: int | None) -> bool:
    """The line continues a numbered list ("5." after "4."): a long teaser of a "Most read" list is not
    the article resuming (AEB scraped run-dev half a 0.9380 -> 0.9383: twincities.com; half b unchanged)."""
    return number is not None and item_number(line) == number + 1


def _inside_a_menu(lines: list[Line], index: int) -> bool:
    """The marker is an entry of a menu: the lines with words on both sides of it are menu entries, buttons,
    lines the page prints twice (a menu printed for wide and narrow screens) or lines learnt as the site's chrome,
    and no line of running text came before it ("... Your Subscription / Popular / Latest / Newsletters ...": a
    site's menu, not a heading over a list; after the article a "Popular" box under an author's links is a
    heading).  Page-text titles, WCXB and fundus halves a / b, with chrome learnt across each corpus as the CLI
    learns it: 200, 221, 69, 64 before; the two menu reasons 200, 222, 70, 65; with lines printed twice, no
    running text before and learnt chrome 209, 232, 73, 68 (bodies: WCXB a +0.0003, the other halves within
    0.0001)."""
    before = next(with_words(lines, range(index - 1, -1, -1)), None)
    after = next(with_words(lines, range(index + 1, len(lines))), None)
    menu = all(line is not None and line.reason in _MENU_REASONS for line in (before, after))
    return menu and not has_story_line(lines[:index])


def drop_sections(lines: list[Line], p: Phrases) -> None:
    """A "Most read"/"Related" marker condemns the teaser list after it, up to the next good paragraph.  A marker
    printed as an entry of the site's menu condemns nothing: what follows the menu is the article's header
    (its headline, dek, byline and date were dropped as a teaser list)."""
    i = 0
    while i < len(lines):
        bare = lines[i].content.strip(EDGE_PUNCT)
        if lines[i].cf != "good" and p.section_markers.match(bare) and not _inside_a_menu(lines, i):
            lines[i].cls, lines[i].reason = "bad", SECTION_MARKER
            j = i + 1
            number = None
            while j < len(lines) and (not _resumes_text(lines[j]) or _next_item(lines[j], number)):
                number = item_number(lines[j]) or number
                j += 1
            header = _header_above(lines, i, j, p)
            for line in lines[i + 1 : header]:
                if line.cls == "good":
                    line.cls, line.reason = "bad", "listed under a section marker"
            i = j
        else:
            i += 1


def _header_above(lines: list[Line], marker: int, resumed: int, p: Phrases) -> int:
    """Where the lines a marker condemns end: at the text that resumes, or, for a marker above the article (no
    running text before it) followed by the text, at the article's header: the headline (a line of
    HEADER_HEADLINE_WORDS words, no list item) right over the last byline or date line among the last
    HEADER_LINES lines with words, or the only line under the marker ("Subscribe to Our Newsletter" over "Best
    Portable Projectors For 2026" and the first paragraph: the headline was dropped as the sign-up box's list).
    Two teasers of a "Most popular" box over the text are no header."""
    if resumed >= len(lines) or has_story_line(lines[:marker]):
        return resumed
    worded = [k for k in range(marker + 1, resumed) if lines[k].reason != "no words"]
    if len(worded) == 1 and _headline_shaped(lines[worded[0]]):
        return worded[0]
    tail = worded[-HEADER_LINES:]
    dated = [k for k in tail if _header_line(lines[k].content, p)]  # bylines and date lines, each asked once
    if dated:
        above = [k for k in tail if k < dated[-1] and k not in dated and _headline_shaped(lines[k])]
        if above:
            return above[-1]
    return resumed


def _headline_shaped(line: Line) -> bool:
    low, high = HEADER_HEADLINE_WORDS
    return not line.bullet and low <= line.words <= high


def _header_line(text: str, p: Phrases) -> bool:
    """A byline or a line that holds a printed date ("By A. J. Neal", "Posted Dec 19, 2025")."""
    return bool(p.byline.match(text)) or names_a_printed_date(text, HEADER_DATE_WORDS)


def has_story_line(lines: list[Line]) -> bool:
    """A kept line of running text (MIN_STORY_WORDS or more), not a menu word or a heading."""
    return any(line.good and line.words >= MIN_STORY_WORDS for line in lines)


def is_end_marker(lines: list[Line], index: int, p: Phrases) -> bool:
    """Line `index` starts the end of the article: an end marker ("Comments", "3 thoughts on “...”", "Leave a
    Reply"), or a comment's header over the comment's date (`_COMMENT_HEADER`)."""
    content = lines[index].content.strip()
    if p.end_markers.match(content.strip(EDGE_PUNCT)):
        return True
    if not _COMMENT_HEADER.fullmatch(content):
        return False
    below = next(with_words(lines, range(index + 1, len(lines))), None)
    return below is not None and names_a_printed_date(below.content, HEADER_DATE_WORDS)


def drop_after_end(lines: list[Line], p: Phrases) -> None:
    """An end marker ("Comments") after the article ends it, once enough article text preceded it.

    Comment threads are often longer than the article, so "more before than after" is not
    required; a marker before END_MIN_WORDS_BEFORE words of article (a "Comments" link in the
    header zone) is ignored unless even less follows it, and so is one followed by END_MAX_AFTER_RATIO times the
    article text before it (a comment count printed under the lead).
    """
    first_good = next((i for i, line in enumerate(lines) if line.good), None)
    if first_good is None:
        return
    for i in range(first_good + 1, len(lines)):
        if is_end_marker(lines, i, p):
            before = sum(x.words for x in lines[:i] if x.good)
            after = sum(x.words for x in lines[i + 1 :] if x.good)
            if before >= min(after, END_MIN_WORDS_BEFORE) and after < END_MAX_AFTER_RATIO * before:
                for line in lines[i:]:
                    if line.good:
                        line.cls, line.reason = "bad", "after end marker"
                lines[i].cls, lines[i].reason = "bad", END_MARKER
                return


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case(line: Line) -> bool:
    """A Title Case Headline ("Berlin Wants To Freeze Rents. Can It Do That?"), not a sentence of prose."""
    if not 4 <= line.words <= TITLE_CASE_MAX_WORDS:
        return False
    long_words = _LONG_WORD.findall(line.content)
    if len(long_words) < 3:
        return False
    return sum(w[0].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(long_words)


Unit = tuple[list[Line], list[Line]]  # a group of short lines over a group of paragraphs (`drop_teaser_tail`)


def drop_teaser_tail(lines: list[Line]) -> None:
    """A feed of teasers that ends the kept text is chrome (see TEASER_MIN_UNITS).

    The lines with words are cut into units: a group of other lines, then a group of paragraphs.
    From the last paragraph backwards, units of TEASER_MIN_SHORT_LINES or more short lines and
    exactly one paragraph are counted, and units of a lone headline over a summary about another story
    (TEASER_LONE_HEADLINE_WORDS); a unit with two paragraphs (a section of the article) or any other
    one short line (a subheading, a listed deal) stops the count.  When TEASER_MIN_UNITS or more
    were counted and their headlines are news-headline long, every line from the first of those
    units on is chrome.  The feed may end up to TEASER_MAX_TRAILING_UNITS units before the last (a
    sign-up box under it) when every unit of it is about another story.  Teasers followed by more
    paragraphs are left alone: this only cuts where the page turns into a list of teasers for good."""
    words = [line for line in lines if line.reason != "no words"]
    units: list[Unit] = []
    short: list[Line] = []
    paragraphs: list[Line] = []
    for line in words:
        if line.good and line.sentence and line.words >= TEASER_PARAGRAPH_WORDS and not _title_case(line):
            paragraphs.append(line)
            continue
        if paragraphs:
            units.append((short, paragraphs))
            short, paragraphs = [], []
        short.append(line)
    if paragraphs:
        units.append((short, paragraphs))
    for last in range(len(units) - 1, max(len(units) - 2 - TEASER_MAX_TRAILING_UNITS, -1), -1):
        boxes_under = last < len(units) - 1  # the feed ends above a box or two of the page's furniture
        run = _teaser_run(units, last, about_other_stories=boxes_under)
        if len(run) < TEASER_MIN_UNITS or len(run) == last + 1:
            continue  # too few teasers, or nothing of the article before them
        if boxes_under and _goes_on_with_the_article(units, last + 1 - len(run), last):
            continue
        headlines = sorted(max(x.words for x in unit[0]) for unit in run)
        if headlines[len(headlines) // 2] < TEASER_MIN_HEADLINE_WORDS:
            continue
        start = lines.index(run[-1][0][0])
        for line in lines[start:]:
            if line.good:
                line.cls, line.reason = "bad", "teaser list"
        return


def drop_cut_teasers(lines: list[Line]) -> None:
    """A run of teasers whose summaries are cut short is chrome (see CUT_TEASER_MIN): from the first teaser's header
    to the last one's summary.  A run with nothing of an article above it is left alone (a page of excerpts)."""
    words = [line for line in lines if line.reason != "no words"]
    runs: list[list[int]] = []
    for index, line in enumerate(words):
        if not _cut_summary(line):
            continue
        if runs and _teaser_header(words[runs[-1][-1] + 1 : index]):
            runs[-1].append(index)
        else:
            runs.append([index])
    for run in runs:
        if len(run) < CUT_TEASER_MIN:
            continue
        start = run[0]
        while run[0] - start < CUT_TEASER_HEADER_LINES and start > 0 and _header_line_above(words[start - 1]):
            start -= 1
        if not any(line.good for line in words[:start]):
            continue
        for line in words[start : run[-1] + 1]:
            if line.good:
                line.cls, line.reason = "bad", CUT_TEASERS


def _cut_summary(line: Line) -> bool:
    """A kept paragraph that ends in an ellipsis: a summary cut to a box's length."""
    return line.good and line.words >= TEASER_PARAGRAPH_WORDS and _line_end(line).endswith(ELLIPSES)


def _teaser_header(between: list[Line]) -> bool:
    """The lines between two cut summaries are the second one's header: one to CUT_TEASER_HEADER_LINES short lines,
    one of them a headline."""
    low, high = TEASER_LONE_HEADLINE_WORDS
    return (
        1 <= len(between) <= CUT_TEASER_HEADER_LINES
        and all(line.words <= high for line in between)
        and any(low <= line.words for line in between)
    )


def _line_end(line: Line) -> str:
    """A line's text without the quotes, brackets and spaces that close it: where its last mark is read."""
    return line.content.rstrip(CLOSING_MARKS + " ")


def _header_line_above(line: Line) -> bool:
    """A line over the first cut summary of a run is its header, but for an article's closing sentence."""
    closing = line.good and line.sentence and _line_end(line).endswith(tuple(FULL_STOPS))
    return line.words <= TEASER_LONE_HEADLINE_WORDS[1] and not closing and not _cut_summary(line)


def drop_consent_tail(lines: list[Line]) -> None:
    """A consent notice the page prints after the article, and every kept line under it, is chrome (see
    CONSENT_TAIL_MAX_WORDS): "At Reach and across our entities we and our partners use information collected through
    cookies ...", "This site uses cookies to enhance your user experience ...": the first kept line that names
    cookies.  An article about cookies names them before its notice does, and goes on with its subject under the
    line that names them; one that names them on the way goes on at length."""
    kept = [line for line in lines if line.good]
    first = next((index for index, line in enumerate(kept) if COOKIE.search(line.content)), 0)
    # 0: no kept line names cookies, or the first does (the headline of an article about them)
    if first and _a_footer_under(kept[:first], kept[first:]):
        for line in kept[first:]:
            line.cls, line.reason = "bad", CONSENT_NOTICE


def drop_copyright_tail(lines: list[Line]) -> None:
    """The kept lines under the page's last dated copyright notice (see _COPYRIGHT_MARK) are chrome when they are a
    footer's.  A photo's dated credit inside the article comes before the footer's notice."""
    last = next((index for index in range(len(lines) - 1, -1, -1) if _dated_copyright(lines[index].content)), None)
    if last is None:
        return
    above = [line for line in lines[:last] if line.good]
    under = [line for line in lines[last:] if line.good]
    if above and under and _a_footer_under(above, under):
        for line in under:
            line.cls, line.reason = "bad", COPYRIGHT_TAIL


def _dated_copyright(text: str) -> bool:
    return _COPYRIGHT_MARK.search(text) is not None and PRINTED_YEAR.search(text) is not None


def _a_footer_under(above: list[Line], tail: list[Line]) -> bool:
    """The kept lines `tail` under the article's kept lines `above` are a footer's (see CONSENT_TAIL_MAX_WORDS): at
    most that many words, fewer than above, and not about the article's subject."""
    return _a_box_under(above, tail, max_share=1.0, max_words=CONSENT_TAIL_MAX_WORDS)


def _a_box_under(above: list[Line], tail: list[Line], *, max_share: float, max_words: float = float("inf")) -> bool:
    """The kept lines `tail` under the kept lines `above` are a box of the page's own: fewer words than `max_share` of
    those above and at most `max_words`, and not about the subject of the text above.  More text than that is the
    article's, whatever its words; so is text that goes on with its subject."""
    words = sum(x.words for x in tail)
    if words > max_words or words >= max_share * sum(x.words for x in above):
        return False
    return not _on_the_subject_of(_topic_words(tail), _topic_words(above))


def drop_headline_tail(lines: list[Line]) -> None:
    """A list of other stories' headlines that ends the kept text is chrome (see HEADLINE_LIST_MIN)."""
    kept = [line for line in lines if line.good]
    start = len(kept)
    headlines: list[Line] = []
    low, high = HEADLINE_LIST_WORDS
    while start > 0:
        line = kept[start - 1]
        end = _line_end(line)
        cut = end.endswith(ELLIPSES)  # a headline cut to the box's width
        if low <= line.words <= high and (cut or not end.endswith((*FULL_STOPS, ":", "："))):
            headlines.append(line)
        elif line.words >= low:
            break  # a paragraph: the article, or what stands between it and the list
        start -= 1
    if len(headlines) < HEADLINE_LIST_MIN or start == 0:
        return
    if kept[start - 1].content.rstrip().endswith((":", "：")):
        return  # the article introduces the list ("Final standings after twelve regattas:"): its own
    if sum(line.words for line in kept[start:]) >= sum(line.words for line in kept[:start]):
        return  # most of the text: a page of short items, or a brief, not a list under an article
    if _on_the_subject_of(_topic_words(headlines), _topic_words(kept[:start])):
        return
    for line in kept[start:]:
        line.cls, line.reason = "bad", HEADLINE_LIST


def _goes_on_with_the_article(units: list[Unit], first: int, last: int) -> bool:
    """A paragraph after the feed (units `last` + 1 on) that is not a teaser's summary is about the article's subject:
    TEASER_MAX_SHARED_WORDS of its words are in the article above the feed (units before `first`).  The article goes
    on after a roundup of other stories; a box under the feed (a sign-up form, an offer) is about something else.  A
    teaser of a related story shares the article's words too, and is still a teaser."""
    above = _kept_words_above(units, first)
    return any(
        _on_the_subject_of(_topic_words([paragraph]), above)
        for index in range(last + 1, len(units))
        if not _teaser_unit(units, index)
        for paragraph in units[index][1]
    )


def _teaser_run(units: list[Unit], last: int, *, about_other_stories: bool) -> list[Unit]:
    """The teaser units that end at unit `last`, from it upwards; each about another story when asked."""
    run: list[Unit] = []
    for index in range(last, -1, -1):
        if not _teaser_unit(units, index) or (about_other_stories and not _about_another_story(units, index)):
            break
        run.append(units[index])
    return run


def _teaser_unit(units: list[Unit], index: int) -> bool:
    """Unit `index` reads as a teaser: short lines (a kicker, a headline, a byline, a date) over exactly one
    paragraph; or a headline alone over its summary, about another story (`_about_another_story`)."""
    short, paragraphs = units[index]
    if len(paragraphs) != 1:
        return False
    if len(short) >= TEASER_MIN_SHORT_LINES:
        return True
    low, high = TEASER_LONE_HEADLINE_WORDS
    return (
        len(short) == 1
        and low <= short[0].words <= high
        and paragraphs[0].words <= TEASER_MAX_SUMMARY_WORDS
        and _about_another_story(units, index)
    )


def _about_another_story(units: list[Unit], index: int) -> bool:
    """Few of the unit's words (TEASER_MAX_SHARED_WORDS) are in the kept text above it: a section of the article
    under its subheading goes on with the article's subject, a teaser for another story does not."""
    return not _on_the_subject_of(_topic_words([*units[index][0], *units[index][1]]), _kept_words_above(units, index))


def _kept_words_above(units: list[Unit], index: int) -> set[str]:
    """The topic words of the kept lines of the units above unit `index`."""
    return _topic_words(line for short, paragraphs in units[:index] for line in (*short, *paragraphs) if line.good)


def _on_the_subject_of(own: set[str], above: set[str]) -> bool:
    """TEASER_MAX_SHARED_WORDS of a text's topic words are the words of the text above it: it goes on with that
    text's subject, where a teaser for another story, a list of other headlines or a sign-up box does not."""
    return len(own & above) >= TEASER_MAX_SHARED_WORDS * len(own)


def drop_detached_blocks(lines: list[Line], p: Phrases) -> None:
    """Blocks of kept lines that the page's chrome cuts off from the article are the page's boxes when they are not
    about the article (see DETACHED_GAP_LINES and KEY_WORDS).  The kept lines are cut into blocks where
    DETACHED_GAP_LINES or more lines of chrome part them; the article is the block with the most words.  Each block
    above the article's that names none of the key words of the article's text is dropped (a login dialog, a row of
    promotions over the headline), but for the article's header right above it (`_headline_over_header`).  From the
    last block up, each block under the article's that is off its subject and small beside the text above it, or
    names none of the key words of the text above it, is dropped; the first that is neither ends the pass (a box
    between two parts of the article is left alone)."""
    blocks: list[list[Line]] = []
    chrome = 0
    for line in lines:
        if line.good:
            if not blocks or chrome >= DETACHED_GAP_LINES:
                blocks.append([])
            blocks[-1].append(line)
            chrome = 0
        elif line.reason and line.reason not in _NOT_CHROME_EVIDENCE:
            chrome += 1
    if len(blocks) < 2:
        return
    article = max(range(len(blocks)), key=lambda index: sum(line.words for line in blocks[index]))
    if article:
        text = [line for block in blocks[article:] for line in block]
        key_words, text_words = _key_words(text), sum(line.words for line in text)
        gap = lines[lines.index(blocks[article - 1][-1]) + 1 : lines.index(blocks[article][0])]
        header = blocks[article - 1] if _headline_over_header(blocks[article - 1], gap, p) else None
        for block in blocks[:article]:
            if block is not header and _names_none_of(key_words, text_words, block):
                _drop_block(block)
    for index in range(len(blocks) - 1, article, -1):
        above = [line for block in blocks[:index] for line in block]
        if not (
            _a_box_under(above, blocks[index], max_share=DETACHED_MAX_SHARE)
            or _names_none_of(_key_words(above), sum(line.words for line in above), blocks[index])
        ):
            return
        _drop_block(blocks[index])


def _headline_over_header(block: list[Line], gap: list[Line], p: Phrases) -> bool:
    """The block right above the article's ends in its headline: a line of a headline's length, with a byline or a
    date line among the chrome between it and the article (businessinsider.de's "10 things in tech you need to know
    today" over "Charlie Wood, Business Insider", "19.11.2019, 08:57" and share buttons).  A list article's items
    need not name its headline's words."""
    return _headline_shaped(block[-1]) and any(_header_line(line.content, p) for line in gap)


def _drop_block(block: list[Line]) -> None:
    for line in block:
        line.cls, line.reason = "bad", DETACHED


def _names_none_of(key_words: set[str], text_words: int, block: list[Line]) -> bool:
    """The kept lines `block` name none of the `key_words` of the article's text beside them (the text above a block
    under the article; the article and what follows it for a block above), which holds `text_words` words, and hold
    fewer words than it (see KEY_WORDS)."""
    return (
        len(key_words) >= MIN_KEY_WORDS
        and sum(line.words for line in block) < text_words
        and not key_words & _topic_words(block)
    )


def _key_words(lines: Iterable[Line]) -> set[str]:
    """The KEY_WORDS topic words the lines print most often, each at least twice."""
    counts = Counter(word for line in lines for word in _topic_word_list(line.content))
    return {word for word, count in counts.most_common(KEY_WORDS) if count >= 2}


# The words a text is about: words of five letters or more (function words are shorter in most languages), and in
# scripts written without spaces every pair of adjacent characters.
_TOPIC_WORD = re.compile(r"[^\W\d_]{5,}")
_UNSPACED_PAIR = re.compile(r"(?=([\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2}))")


def _topic_words(lines: Iterable[Line]) -> set[str]:
    return {word for line in lines for word in _topic_word_list(line.content)}


def _topic_word_list(text: str) -> list[str]:
    """The topic words of `text`, as often as it prints them."""
    text = text.casefold()
    return _TOPIC_WORD.findall(text) + _UNSPACED_PAIR.findall(text)


# A full name (two to four capitalised words) introduced as someone: the opening of an author's note.
_BIO = re.compile(r"^([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,3})\s(?:is|was)\s(?:a|an|the)\s")


def drop_closing_bio(lines: list[Line]) -> None:
    """An author's note among the last kept lines (BIO_LAST_LINES) is not the article; nor is what follows it."""
    kept = [i for i, line in enumerate(lines) if line.good]
    for i in kept[-BIO_LAST_LINES:]:
        match = _BIO.match(lines[i].content)
        if not (lines[i].sentence and match):
            continue
        surname = re.compile(rf"\b{re.escape(match.group(1).split()[-1])}\b")
        if any(lines[j].words >= MIN_STORY_WORDS and surname.search(lines[j].content) for j in kept if j < i):
            return  # someone the story is about
        if sum(lines[j].words for j in kept if j < i) <= sum(lines[j].words for j in kept if j >= i):
            return  # no story closes there: most of the text is still to come
        for line in lines[i:]:
            if line.good:
                line.cls, line.reason = "bad", "note about the author"
        return


def drop_writer_notes(lines: list[Line], p: Phrases) -> None:
    """A paragraph that opens with the full name a byline of the page prints ("By Scott Levine" over the story,
    "Scott Levine is a contributing Motley Fool stock market analyst ...", "Eduard Kovacs (@EduardKovacs) is the
    managing editor at SecurityWeek ...", "Elaine Chen covers biotech ...") is a note about the writer wherever
    it stands: a writer does not name themselves in their story.  `drop_closing_bio` looks only at the last
    lines, and a note followed by more chrome, or printed above the text, stayed in the body."""
    writers = {
        author.name
        for line in lines
        if line.words <= WRITER_BYLINE_WORDS and p.byline.match(line.content)
        for author in parse_byline(line.content)
        if " " in author.name
    }
    if not writers:
        return
    opening = re.compile(rf"^(?:{'|'.join(map(re.escape, sorted(writers)))})(?=[\s(,])")
    for line in lines:
        if line.good and line.sentence and line.words >= MIN_STORY_WORDS and opening.match(line.content):
            line.cls, line.reason = "bad", "note about the writer"


# A photo caption ends in its credit: "(Image: Getty)", "(Photo: Getty Images)", "(AP Photo/J. Smith)".
# AEB scraped half a: 17 such lines on six unrelated sites (express.co.uk, forbes.com, zdnet.com,
# twincities.com, chron.com and a Hearst page), none of them in the article text.  AEB scraped run-dev:
# half a 0.9349 -> 0.9367, half b 0.925662 -> 0.925666 (precision up, recall 0.92347 -> 0.92341).
# Condemned before the context pass, the captions took the short paragraphs after them (half a 0.9354).
_PHOTO_CREDIT = re.compile(r"\((?=[^()]*[:/])[^()]*\b(?:image|photo|picture)s?\b[^()]*\)$", re.I)


def drop_captions(lines: list[Line]) -> None:
    """Photo captions are not the article.  They are dropped after the context pass: a caption between
    two paragraphs interrupts the text, it does not make its neighbours chrome."""
    for line in lines:
        if line.good and _PHOTO_CREDIT.search(line.content):
            line.cls, line.reason = "bad", "photo caption"


def keep_lone_sentences(lines: list[Line]) -> None:
    """A short page whose only prose is a sentence or two between chrome (a news item of two sentences
    under its headline, a fact-check's claim cut short by a reprint): the context revision took the
    neargood sentences for chrome like their neighbours, and the page would be rejected as all chrome.
    With no good line at all, sentences of MIN_STORY_WORDS words or more that carry no chrome reason stay."""
    for line in lines:
        if line.cf == "neargood" and not line.reason and line.sentence and line.words >= MIN_STORY_WORDS:
            line.cls = "good"


def fallback_largest_block(lines: list[Line]) -> None:
    """When no line reads as running text (score tables, one-line items), keep the largest
    run of lines that carry no chrome phrase, the way boilerpipe keeps the largest block.

    Lines printed twice on the page end a block like chrome does: `drop_repeats` takes them out
    afterwards, so a block of them (a sidebar's archive list "October 2019 (1)", a PHP warning printed
    four times) would win here and leave nothing, and the page would be rejected with its article."""
    repeated = _repeated_lines([normalise_line(line.content) for line in lines])
    best: tuple[int, int, int] = (0, 0, 0)  # chars, start, end
    start = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or (lines[i].reason and not placeholder(lines[i])) or repeated[i]:
            chars = sum(len(x.content) for x in lines[start:i] if not x.reason)
            if chars > best[0]:
                best = (chars, start, i)
            start = i + 1
    block = lines[best[1] : best[2]]
    if sum(line.words for line in block) < FALLBACK_MIN_WORDS:
        return
    for line in block:
        if not line.reason:
            line.cls = "good"


def _repeated_lines(keys: list[str]) -> list[bool]:
    """For each line's `normalise_line` key, whether the page prints that line (case, digits and punctuation
    aside) more than once; a one-word line ("Share", "100") may repeat in an article."""
    counts = Counter(keys)
    return [counts[key] > 1 and " " in key for key in keys]


def drop_repeats(lines: list[Line]) -> None:
    """Lines printed twice on one page (gallery captions, "Follow us" twice) are not article paragraphs.

    A paragraph of running text printed again further down (the story's lead repeated in the page's list of
    latest articles) keeps its first printing, with the class the context pass gave it there; printed again
    within REPEAT_NEARBY_LINES lines it is a carousel's or gallery's caption, and no printing stays.  A heading
    listed above it in a table of contents keeps its class (MIN_CONTENTS_HEADING_WORDS)."""
    keys = [normalise_line(line.content) for line in lines]
    repeated = _repeated_lines(keys)
    seen_prose: set[str] = set()
    listed: set[str] = set()  # lines seen as list items above: a table of contents
    printings = Counter(keys)
    text_began = False  # a paragraph of running text came before: the headline and lead are above
    for index, line in enumerate(lines):
        text_began = text_began or (line.good and line.sentence and line.words >= MIN_STORY_WORDS)
        if not repeated[index]:
            continue
        line.repeated = True
        key = keys[index]
        if line.bullet:
            listed.add(key)
        elif key in listed and _section_heading(line, index, lines, printings[key], text_began):
            line.listed_above = True  # a section's heading, listed in the table of contents above it
            continue
        if line.cf == "good" and key not in seen_prose:
            seen_prose.add(key)
            if key not in keys[index + 1 : index + 1 + REPEAT_NEARBY_LINES]:
                continue
        line.cls, line.reason = "bad", "repeated on the page"


def _section_heading(line: Line, index: int, lines: list[Line], printings: int, text_began: bool) -> bool:
    """A line a list above printed too is a section's heading when the text has begun, it has a heading's words, the
    page prints it just twice (a table of contents lists each heading once; a "most read" headline recurs in
    several rails) and the next line with words is article text (a teaser's blurb follows a teaser's headline)."""
    if not text_began or printings != 2 or line.words < MIN_CONTENTS_HEADING_WORDS:
        return False
    return next((after.good for after in lines[index + 1 :] if after.words), False)
