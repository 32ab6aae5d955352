"""A page text's lines and what each shows on its own: the model every pass of the classifier shares.

`split_lines` makes a `Line` of each non-empty line; `set_features` reads what survives copy-paste (a list
bullet, the words, a sentence's end) and `stopword_density` what jusText reads (the share of the words in the
stoplist of the page's language: `stopwords_for`, the language `detect_language` finds in its sentence-like
lines).  `date_text` is what a reader looks for a date in; `item_number`, `placeholder` and `table_cells` are tests
of a line that passes on both sides of the context pass ask.  A module of its own because the scraped-text reader
reads these lines too (its header and footer zones) and every pass of the classifier takes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import justext

from axis_ingest import detectors
from axis_ingest.clean.phrases import EDGE_PUNCT, phrases
from axis_ingest.clean.text import WIDE_SPACE_CHARS
from axis_ingest.detectors import LINE_ENDS_SENTENCE, SAMPLE_CHARS
from axis_ingest.punctuation import SENTENCE_TERMINALS

_BULLET = re.compile(r"^(?:[*+o•·▪●◦‣∙–—-]|\d{1,2}[.)])\s+|^[*+•]$")
# Characters of scripts written without spaces between words (two count as a word; see
# boilerplate.UNSPACED_EXTRA_CHARS): Japanese kana, CJK ideographs, Hangul syllables, Thai, Lao, Tibetan, Myanmar
# and Khmer.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]")
_TOKEN_PUNCT = ".,;:!?\"'“”«»()"
# No-break, thin, narrow and ideographic spaces: a plain space in a line (see split_lines).
_WIDE_SPACES = re.compile(f"[{WIDE_SPACE_CHARS}]")


@dataclass(slots=True, eq=False)
class Line:
    """One non-empty line of the page with its features and its class.

    Compared by identity (eq=False): two lines printed alike are two lines, and `lines.index(line)` must find
    this one, not the first alike.  With value equality, a teaser list's first line "tell us about your project",
    also printed mid-article, cut the article from there (WCXB 0256 as text)."""

    text: str  # stripped line as printed
    blank_before: bool
    bullet: bool = False
    content: str = ""  # without a list bullet
    words: int = 0
    sentence: bool = False
    stop_density: float = 0.0
    heading: bool = False
    cf: str = ""  # context-free class: good | neargood | short | bad
    cls: str = ""  # final class
    reason: str = ""
    repeated: bool = False  # printed more than once on the page (`after_context.drop_repeats`)
    listed_above: bool = False  # a heading a table of contents above it lists (`after_context.drop_repeats`)

    @property
    def good(self) -> bool:
        return self.cls == "good"


@dataclass(slots=True)
class Classified:
    lines: list[Line]
    language: str | None
    notes: list[str] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    """Non-empty lines, remembering whether a blank line preceded each.

    A line's no-break and other wide spaces are plain spaces here, as the stored text writes them
    (`normalise_paragraph`): the phrase tables spell their words with plain spaces, and "Written\xa0by\xa0Rebecca
    Lake", as pages print a byline to keep it on one line, was no byline to them (455 of WCXB's 709 pages as text
    hold a no-break space).  Tabs stay: they part a table's cells."""
    lines: list[Line] = []
    blank = True
    for raw in text.splitlines():
        stripped = _WIDE_SPACES.sub(" ", raw).strip()
        if not stripped:
            blank = True
            continue
        lines.append(Line(text=stripped, blank_before=blank))
        blank = False
    return lines


def detect_language(text: str) -> str | None:
    """The page's language from its sentence-like lines (8+ words), which are mostly article text.

    Uses the normalise stage's detector and sample size, so a worker loads one language
    model.  With py3langid this needed 3,000 characters (1,500 changed one AEB page's
    language and cost F1 0.9121 -> 0.9115); with fastText 1,000 give the same F1.
    """
    code, _ = detectors.detect_language(page_language_sample(text))
    if code is None:
        # the long lines were not the article's: a language selector ("Afrique francophone (français) América
        # Latina (español) ...", CNN's pages) holds most of the sample and the model is unsure; the page's
        # sentences decide
        code, _ = detectors.detect_language(page_language_sample(text, sentences_only=True))
    return code


# A line that ends with a sentence's own mark (then perhaps closing quotes or a bracket), unlike a list's closing
# bracket or a label's colon.
_ENDS_WITH_TERMINAL = re.compile(rf"[{SENTENCE_TERMINALS}]['\"”»’」』)]*\s*$")


def page_language_sample(text: str, *, sentences_only: bool = False) -> str:
    """The text `detect_language` gives the detector for a page: its lines of 8 or more words (with
    `sentences_only`, those of them that end a sentence)."""
    sample = []
    size = 0
    for line in text.splitlines():
        if len(line.split()) >= 8 and (not sentences_only or _ENDS_WITH_TERMINAL.search(line)):
            sample.append(line)
            size += len(line) + 1
            if size >= SAMPLE_CHARS:
                break
    return " ".join(sample)[:SAMPLE_CHARS] or text[:SAMPLE_CHARS]


@lru_cache(maxsize=32)
def stopwords_for(language: str | None) -> frozenset[str]:
    name = phrases().stoplists.get(language or "")
    if not name:
        return frozenset()
    return frozenset(w.lower() for w in justext.get_stoplist(name))


def word_line_indices(lines: list[Line], indices: Iterable[int]) -> Iterator[int]:
    """The `indices` whose lines hold words, in that order: `range(j - 1, -1, -1)` walks up from line `j`, the
    nearest first, past the blank lines and the lines of marks alone between a page's elements."""
    return (i for i in indices if lines[i].reason != "no words")


def with_words(lines: list[Line], indices: Iterable[int]) -> Iterator[Line]:
    """The lines at `indices` that hold words, in that order (`word_line_indices`)."""
    return (lines[i] for i in word_line_indices(lines, indices))


def date_text(line: Line) -> str:
    """What a reader looks for a date in: the line's content, or its whole text when what read as a numbered
    list's marker is the day of a date ("2. Juni 2021", "14. júla 2018", "20. 12. 2023", as German, Nordic and
    Central European pages print dates).  The line keeps its class: a date in a comment or a sidebar list is
    chrome like a menu entry (classifying it as text kept comment threads: trafilatura's pages, half a)."""
    return line.text if line.bullet and detectors.opens_with_a_date(line.text) else line.content


def set_features(line: Line) -> None:
    """What survives copy-paste: a list bullet, the content after it, its words, whether it ends a sentence."""
    match = _BULLET.match(line.text)
    line.bullet = bool(match)
    line.content = line.text[match.end() :].strip() if match else line.text
    tokens = line.content.split()
    line.words = len(tokens) + len(UNSPACED.findall(line.content)) // 2
    # Thai, Lao, Khmer and Myanmar end a sentence with a space, not a mark: a line of long phrases reads as one.
    line.sentence = (bool(LINE_ENDS_SENTENCE.search(line.content)) and line.words >= 3) or (
        detectors.is_phrase_spaced_prose(line.content)
    )


def stopword_density(content: str, stopwords: frozenset[str]) -> float:
    """Share of a line's words that are stopwords (punctuation around a word ignored)."""
    words = [t.strip(_TOKEN_PUNCT) for t in content.lower().split()]
    return sum(map(stopwords.__contains__, words)) / len(words)


# A numbered list item's marker as text prints it ("1. ", "2) "): `item_number`, and the gap filler of the HTML
# reader (`readers.html_extract`) for the items the second extractor prints.
NUMBERED_ITEM = re.compile(r"^(\d{1,2})[.)]\s")


def item_number(line: Line) -> int | None:
    match = NUMBERED_ITEM.match(line.text)
    return int(match.group(1)) if match else None


def table_cells(content: str) -> list[str]:
    """The cells of a table's row as a browser copies it (Chrome's and Firefox's copy put a tab between cells and
    a line break between rows: "1\t\tChicago Booth\t\t37% / 40%"), or [] for a line that is not such a row.  Asked
    of every line of every page by the classifier and of every body line by the page-text reader: a line without a
    tab is answered without splitting it."""
    if "\t" not in content:
        return []
    cells = [cell.strip() for cell in content.split("\t")]
    cells = [cell for cell in cells if cell]
    return cells if len(cells) >= 2 else []


# A line that names cookies: the one word the consent notices of every language print ("Cookies",
# "Cookie-Einstellungen", "pliki cookie", "çerezleri (cookie)").
COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
# The reason given a line that is the notice of an embed awaiting the reader's consent (`embedded_content_notices`).
EMBEDDED_CONTENT_NOTICE = "embedded content notice"
# The reason given a line that is an image's credit (`image_credits`), and a newsletter's pitch
# (`newsletter_pitches`): a sign-up box inside the story.
IMAGE_CREDIT = "image credit"
NEWSLETTER_PITCH = "newsletter pitch"


def placeholder(line: Line) -> bool:
    """A chrome line that stands in the article for something else: an ad slot's label (`ad_slot_labels`), the
    notice of an embedded post awaiting consent, an image's credit, a newsletter's pitch.  It interrupts the text, it
    does not end it."""
    if line.reason in (EMBEDDED_CONTENT_NOTICE, IMAGE_CREDIT, NEWSLETTER_PITCH):
        return True
    return bool(line.reason) and phrases().ad_slots.match(line.content.strip(EDGE_PUNCT)) is not None
