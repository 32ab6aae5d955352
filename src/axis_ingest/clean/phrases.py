"""The phrase tables of page text (``data/boilerplate.toml``), compiled once, and the printed-date test.

Chrome lines, fragments and hints, section and end markers, ad slots, byline and date prefixes, month names in
every language the date parser reads, site-name and origin patterns: `phrases()` compiles them once (~0.2 s, so
the worker preload builds them), `phrases_for` adds the "by" words of one language.  They are their own module
because more than the page-text classifier reads them: the HTML reader's pruning and gap fill, the scraped-text
reader's header, and `names_a_printed_date`, which PDF text's front matter, hard-wrap repair and the HTML
reader's line under the headline ask.  The table classes (`PhraseTable`, `Prefiltered`, `Screened`) hold the
measured ways of matching many patterns fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from axis_ingest import detectors
from axis_ingest.detectors import (
    CJK_YEAR_MONTH,
    PRINTED_YEAR,
    SPACED_NUMERIC_DATE,
    VIETNAMESE_NUMERIC_DATE,
    data_table,
    day_short_month_year,
    glued_prefix_patterns,
    month_names,
    titled_byline_pattern,
    trie_pattern,
)

# What a marker line is printed with around its words: punctuation, and the brackets and blocks Chinese, Japanese
# and Korean pages set a heading in ("【関連記事】" on yahoo.co.jp and nikkei.com, "■関連記事" on nikkan-gendai.com).
EDGE_PUNCT = " \t:|•·-–—>»«/\\*+.,!?【】〔〕［］〈〉《》■□◆◇●○▲△▼▽▶▷★☆"

# Numeric dates, and the year and month of Korean, Japanese and Chinese dates ("2025년 11월", "2025年11月7日").
NUMERIC_DATE = re.compile(
    rf"\b\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}\b|{CJK_YEAR_MONTH}|{SPACED_NUMERIC_DATE}|{VIETNAMESE_NUMERIC_DATE}"
)
# A numeric date with a two-digit year and perhaps a time, alone on its line ("6/13/25", "25.03.23 14:05").
_SHORT_NUMERIC_DATE = re.compile(r"\d{1,2}([./-])\d{1,2}\1\d{2}(?:,?\s+\d{1,2}[:.]\d{2})?")


@dataclass(frozen=True)
class Phrases:
    """The compiled phrase lists of ``data/boilerplate.toml``."""

    chrome_lines: PhraseTable
    chrome_fragments: PhraseTable
    chrome_hints: PhraseTable
    end_markers: PhraseTable
    writer_box_headings: PhraseTable
    section_markers: PhraseTable
    ad_slots: PhraseTable
    embedded_content_notices: PhraseTable
    image_credits: PhraseTable
    newsletter_pitches: PhraseTable
    byline: re.Pattern[str]
    date_prefix: re.Pattern[str]
    month: re.Pattern[str]
    site_names: Screened
    origins: tuple[Prefiltered, ...]
    headline_labels: frozenset[str]
    stoplists: dict[str, str]


class PhraseTable:
    """A table of lowercase phrase patterns, matched case-insensitively against a line.

    The line is lowercased and matched without re.IGNORECASE: Python's re tries every
    branch of an alternation at every position, and case-insensitive comparison made that
    4-8x slower (44,270 scraped-page lines: chrome_hints 22 -> 5.5 us a search,
    chrome_fragments 26-35 -> 4 us; the same lines matched).  So the table's phrases must
    be written in lowercase (tests/test_boilerplate.py checks).
    """

    def __init__(self, patterns: list[str], whole: bool) -> None:
        body = "|".join(f"(?:{p})" for p in patterns)
        self.pattern = re.compile(rf"^(?:{body})$" if whole else body)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(_lower(text))

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(_lower(text))


def _lower(text: str) -> str:
    """Lower case for the phrase tables: Turkish "İ" lowers to "i" and a combining dot, which no written
    phrase holds ("İlgili Haberler" must match 'ilgili haberler')."""
    lowered = text.lower()
    return lowered.replace("i\u0307", "i") if "\u0307" in lowered else lowered


# A `\b` opening a pattern, or opening its first named group.
_LEADING_BOUNDARY = re.compile(r"^((?:\(\?P<\w+>)?)\\b")


class Prefiltered:
    """A pattern that opens with a word boundary, searched only in texts where it can match.

    Python's re finds a pattern's literal start ("as reported by") with a fast string search,
    but not behind a leading `\b`: then it tries the whole pattern at every position.  The
    pattern without that `\b` matches wherever the pattern does (an assertion only narrows),
    so a text the cheaper one does not match is skipped: the same matches, ~5x less time on
    the origin patterns (10,366 scraped-page paragraphs: 495 -> 145 ms).
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)
        loose = _LEADING_BOUNDARY.sub(r"\1", pattern, count=1)
        self._quick = re.compile(loose) if loose != pattern else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._quick is not None and not self._quick.search(text):
            return iter(())
        return self.pattern.finditer(text)


class Screened:
    """Patterns that each need one of a few trigger strings (in any case): searched only in texts that hold one.

    Python's re tries a pattern that opens with a group in any case (`(?i:link to)`, `^(?:...)?`) at every
    position of a line; one lower-cased search for the triggers skips most lines.  For ASCII text
    `str.lower` folds case exactly as re's IGNORECASE does; other text is screened with IGNORECASE
    itself (Unicode folds such as dotless "ı" for "i" that `lower` would miss).
    """

    def __init__(self, patterns: list[str], triggers: list[str]) -> None:
        self.patterns = tuple(re.compile(p) for p in patterns)
        alternatives = "|".join(re.escape(t.lower()) for t in triggers)
        self._lowered = re.compile(alternatives)
        self._any_case = re.compile(alternatives, re.IGNORECASE)

    def may_match(self, text: str) -> bool:
        """False when no pattern can match `text` (it holds no trigger)."""
        if self._lowered.search(text.lower()):
            return True
        return not text.isascii() and bool(self._any_case.search(text))

    def searches(self, text: str) -> Iterator[re.Match[str]]:
        """Each pattern's first match in `text`, in the patterns' order (none when the screen rules them out)."""
        if self.may_match(text):
            yield from filter(None, (pattern.search(text) for pattern in self.patterns))


@lru_cache(maxsize=1)
def phrases() -> Phrases:
    data = data_table("boilerplate.toml")
    # The name parser's "by" words (one list: the page-text reader had its own, without "Av", "Af" or "Yazar"),
    # and the credits of a reporter or a writer ("Reporting by ...").
    roles = data_table("byline_roles.toml")
    credits = [phrase for phrase, role in roles["role_prefixes"].items() if role in ("reporting", "writing")]
    prefixes = "|".join(re.escape(p) for p in sorted([*roles["prefixes"], *credits], key=len, reverse=True))
    # "By" printed glued to the name ("ByNina Pineda", "ByShivya Nath 12th February 2025": copied text of nine
    # pages of WCXB's and fundus's, eight sites), capitalised as printed (`glued_prefix_patterns`).
    glued = f"(?-i:{glued_prefix_patterns()[1]})"
    # After the "by" words a colon may stand glued to the name ("Written by:Elise Nass": a CMS's label and name
    # copied without a space; WCXB as page text, half a: authors 97 -> 98, nothing else changed), else a space.
    return Phrases(
        chrome_lines=PhraseTable(data["chrome_lines"], whole=True),
        chrome_fragments=PhraseTable(data["chrome_fragments"], whole=False),
        chrome_hints=PhraseTable([rf"\b(?:{p})\b" for p in data["chrome_hints"]], whole=False),
        end_markers=PhraseTable([*data["end_markers"], *data["writer_box_headings"]], whole=True),
        writer_box_headings=PhraseTable(data["writer_box_headings"], whole=True),
        section_markers=PhraseTable(data["section_markers"], whole=True),
        ad_slots=PhraseTable([re.escape(label) for label in data["ad_slot_labels"]], whole=True),
        embedded_content_notices=PhraseTable(data["embedded_content_notices"], whole=False),
        image_credits=PhraseTable(data["image_credits"], whole=True),
        newsletter_pitches=PhraseTable(data["newsletter_pitches"], whole=False),
        byline=re.compile(rf"^(?:{prefixes})(?:\s*:\s*|\s+)\S|{glued}|{titled_byline_pattern()}", re.I),
        date_prefix=re.compile("^(?:" + "|".join(re.escape(p) for p in data["date_prefixes"]) + r")\b", re.I),
        month=re.compile(r"(?<!\w)(?:" + trie_pattern({*data["months"], *month_names()}) + r")\.?(?!\w)", re.I),
        site_names=Screened(data["site_name_patterns"], data["site_name_triggers"]),
        origins=tuple(Prefiltered(p) for p in data["origin_patterns"]),
        headline_labels=frozenset(label.lower() for label in data["headline_labels"]),
        stoplists=dict(data["stoplists"]),
    )


@lru_cache(maxsize=64)
def phrases_for(language: str | None) -> Phrases:
    """`phrases()` whose byline lines also open with the "by" words only the page's language reads as one
    (byline_roles.toml `language_prefixes`: Indonesian "Oleh", Romanian "de", Catalan "Per")."""
    base = phrases()
    words = data_table("byline_roles.toml")["language_prefixes"].get(language or "")
    if not words:
        return base
    extra = "|".join(re.escape(word) for word in words)
    return replace(base, byline=re.compile(rf"^(?:{extra})(?:\s*:\s*|\s+)\S|{base.byline.pattern}", re.IGNORECASE))


def names_a_printed_date(text: str, max_words: int, numeric: re.Pattern[str] = NUMERIC_DATE) -> bool:
    """A short text that is a date and little else: a year and a numeric date (`numeric`) or a month's name of
    any of the date parser's languages ("12 March 2026", "7. März 2019", "2026-03-12", "2025年11月"), or a numeric
    date with a two-digit year that is the whole text ("6/13/25", "25.03.23", CLDR's short formats); PDF text's
    front matter and the HTML reader's line under the headline ask it."""
    if text and _SHORT_NUMERIC_DATE.fullmatch(text.strip()):
        return True
    text = detectors.common_era_date(text) if text else text  # "4 มี.ค. 2564": a Buddhist Era year
    if not text or len(text.split()) > max_words or not PRINTED_YEAR.search(text):
        return False
    return bool(numeric.search(text) or phrases().month.search(text) or day_short_month_year().search(text))
