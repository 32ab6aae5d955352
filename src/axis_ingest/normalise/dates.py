"""Parse publication/modification times as sources print them, keeping their precision.

Sources print times in many shapes ("23 February 2026 14:10", "date 2026-03-04",
"March 5, 2026, 9:12 AM EST", "12 марта 2026", WordPress `date` + `date_gmt`).
We try the cheap, exact parsers first (ISO 8601 via the standard library, then
dateutil) and only fall back to dateparser, which is slow, for non-English month
names.  Every parser is told not to invent parts: we record which parts the text
actually gave (year, day, time) so "January 2026" stays "2026-01" and a time
without a zone never becomes a UTC instant by guesswork.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from importlib import import_module
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateutil_parser

from axis_ingest.detectors import (
    DEFAULT_LANGUAGES,
    MIN_NEWS_YEAR,
    MORE_LATIN_LANGUAGES,
    PRINTED_YEAR,
    SCRIPT_LANGUAGES,
    common_era_date,
    data_table,
    month_names,
    month_words,
)

MIN_YEAR = MIN_NEWS_YEAR  # dates before it are noise (copyright years, birth dates, typos)
# A "published" time may run ahead of our clock by a day (time zones, scheduled posts).
MAX_FUTURE = timedelta(days=1)
# A year-less wire dateline ("March 4") may lie this far after its reference date before we
# assume it belongs to the previous year (New Year crossings).
YEARLESS_SLACK = timedelta(days=7)
# Longest string we try to parse as a date; longer text is a sentence, not a date line.
MAX_DATE_TEXT = 120
# A date line that does not parse whole is tried by its opening words, up to this many ("07/11/2025 09h15"
# of "07/11/2025 09h15 Atualizado há 2 horas"): a date with its time holds five words at most.
PREFIX_WORDS = 6
# Printed dates whose parse is remembered (`_parse_text`: the text and languages decide it; the
# reference year and the clock are applied after).  A document's evidence is parsed again for
# the year of a year-less candidate and its UTC text up to three times, and a site's pages repeat
# their date lines: over the 2,000 generated text/JSON files 1,483 of 3,544 parses repeat an
# earlier (text, languages); parsing took 0.28 ms of CPU per file, the repeats 0.066 (measured by
# timing each call).  ParsedDate is frozen, so an answer can be shared.
PARSED_DATES_CACHED = 2048

PRECISIONS = ("month", "day", "minute", "second")

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?(?!\d)"
)
_ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")
_NUMERIC_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b")
_WORD = re.compile(r"\b([A-Z]{1,5})\b")
_YEAR_FIRST = re.compile(r"^\D{0,20}?(?<!\d)\d{4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,2}(?!\d)")
_HAS_SECONDS = re.compile(r"\d:\d{2}:\d{2}")
# A numeric date written with dots ("09.06.2020") is day-first wherever it is printed (German, Russian,
# Turkish, Polish, Nordic usage; US month-first dates use slashes), whatever language the page is in.
_DOTTED_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d.])")
# A dotted time before am/pm ("02.32 PM IST", Indian and British outlets): dateutil keeps its hour and
# drops the minutes, so it is read as "02:32 PM".
_DOTTED_TIME_AM_PM = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?=\s*[ap]\.?m\b)", re.IGNORECASE)
# A time written with "h" ("09h15", French, Portuguese): read as "09:15", so that a numeric date before it
# stays day-first (dateparser, which the "h" sent the line to, read "07/11/2025 09h15" month-first).
_H_TIME = re.compile(r"(?<![\w.])(\d{1,2})h(\d{2})(?!\w)", re.IGNORECASE)
# A spaced dash, middle dot, bullet or bar between a date and what a date line prints after it.
_SEPARATOR = re.compile(r"\s+[-–—·∙•|]\s+")
_DATE_FIRST = re.compile(r"^\W*\d")  # a line that opens with its date
# One word and a colon before a number: a date's label in a language the label table does not hold ("Opublikowano:
# 4 marca 2026", Polish).  Left in, it made dateparser give up and dateutil's fuzzy reading took the day for the
# month (April 2026).
_UNKNOWN_LABEL = re.compile(r"^[^\W\d_]{2,20}\s*[:：]\s*(?=\d)")
_DIGIT = re.compile(r"\d")
# Words without a digit before the first number of a text ("Marco Pizzorno " of "Marco Pizzorno 4 Febbraio 2025").
_LEADING_WORDS = re.compile(r"^(?:[^\d\s]+\s+)+(?=\d)")
_HAS_TIME = re.compile(r"\d{1,2}[:.h]\d{2}|\d\s*[ap]\.?m\b", re.IGNORECASE)
# A number that can be the day of the month: one or two digits, not part of a time or a longer number.
_DAY_NUMBER = re.compile(r"(?<![\d:.])\d{1,2}(?![\d:])")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A time as the source states it: local wall time, how precise it is, and its UTC offset if known."""

    value: datetime  # wall time as printed (naive)
    precision: str  # one of PRECISIONS
    offset: timedelta | None = None  # known offset from UTC
    has_year: bool = True

    def iso(self) -> str:
        """The contract's `published` form: ISO 8601 at the stated precision, with offset when known."""
        v = self.value
        if self.precision == "month":
            return f"{v.year:04d}-{v.month:02d}"
        if self.precision == "day":
            return v.date().isoformat()
        text = v.strftime("%Y-%m-%dT%H:%M" if self.precision == "minute" else "%Y-%m-%dT%H:%M:%S")
        if self.offset is not None:
            text += format_offset(self.offset)
        return text

    def utc(self) -> str | None:
        """UTC instant ending in Z, only when both a time and the offset are known."""
        if self.offset is None or self.precision not in ("minute", "second"):
            return None
        return (self.value - self.offset).strftime("%Y-%m-%dT%H:%M:%SZ")

    def with_zone(self, zone: str | None) -> ParsedDate:
        """Attach the offset a configured IANA zone had at this wall time (if not already known)."""
        if zone is None or self.offset is not None or self.precision not in ("minute", "second"):
            return self
        try:
            offset = self.value.replace(tzinfo=ZoneInfo(zone)).utcoffset()
        except (ZoneInfoNotFoundError, ValueError):
            return self
        return replace(self, offset=offset)


def format_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@lru_cache(maxsize=1)
def _date_words() -> tuple[re.Pattern[str], frozenset[str]]:
    """Label words to strip before parsing and the words dateutil may see, from data/date_words.toml."""
    table = data_table("date_words.toml")
    labels = sorted((re.escape(label) for label in [*table["labels"], *table["published"]]), key=len, reverse=True)
    label_re = re.compile(r"^(?:(?:" + "|".join(labels) + r")\b\s*[:：]?\s*)+", re.IGNORECASE)  # "：" of CJK text
    return label_re, frozenset(table["english"])


@lru_cache(maxsize=1)
def _update_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The update labels before a date ("Updated: 3 May") and after it ("2025年11月7日 10:00 更新")."""
    labels = sorted((re.escape(label) for label in data_table("date_words.toml")["updated"]), key=len, reverse=True)
    alternatives = "|".join(labels)
    before = re.compile(r"^\W*(?:" + alternatives + r")(?!\w)", re.IGNORECASE)
    # After the date: Turkish puts the verb last ("5 Mart 2025 tarihinde güncellendi"), Japanese and Chinese
    # news the label ("10:00 更新", "2025年11月7日更新"); a space, a digit or a date character comes before it.
    after = re.compile(r"(?:\s|(?<=[\d年月日時分秒号]))(?:" + alternatives + r")\W*$", re.IGNORECASE)
    return before, after


def names_an_update(line: str) -> bool:
    """True when a date line starts with an update label ("Updated: 3 May", "Aktualisiert am 4. Mai") or, when it
    starts with the date, ends with one ("5 Mart 2025 tarihinde güncellendi", "2025年11月7日 10:00 更新"): the
    date is when the page changed, never its publication time (data/date_words.toml `updated`)."""
    before, after = _update_labels()
    return bool(before.match(line) or (_DATE_FIRST.match(line) and after.search(line)))


def _without_trailing_update_label(text: str) -> str:
    """ "2025年11月7日 10:00 更新" -> "2025年11月7日 10:00": the label after the date made dateparser drop the year."""
    return _update_labels()[1].sub("", text).strip() if _DATE_FIRST.match(text) else text


def _strip_labels(text: str) -> str:
    return _without_trailing_update_label(_UNKNOWN_LABEL.sub("", _date_words()[0].sub("", text).strip()))


def _only_english_words(text: str) -> bool:
    """True when every word is one dateutil knows (English months, weekdays, am/pm)."""
    english = _date_words()[1]
    return all(word.lower() in english for word in re.findall(r"[^\W\d_]+", text))


@lru_cache(maxsize=1)
def zone_abbreviations() -> dict[str, timedelta]:
    """Time-zone abbreviation -> UTC offset, from data/timezones.toml (see the notes there on IST, CST)."""
    table = data_table("timezones.toml")["offsets"]
    return {name.upper(): timedelta(minutes=int(minutes)) for name, minutes in table.items()}


def _split_zone(text: str) -> tuple[str, timedelta | None]:
    """Remove a printed zone ("EST", "GMT+3", "UTC+05:30") from the text and return its offset."""
    match = _NUMERIC_OFFSET.search(text)
    if match:
        sign = 1 if match.group(1) == "+" else -1
        offset = sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
        return (text[: match.start()] + " " + text[match.end() :]).strip(), offset
    table = zone_abbreviations()
    for match in _WORD.finditer(text):
        name = match.group(1)
        if name in table and name not in ("Z",) and _HAS_TIME.search(text):
            return (text[: match.start()] + " " + text[match.end() :]).strip(), table[name]
    return text, None


def _parse_iso(text: str) -> ParsedDate | None:
    month_only = _ISO_MONTH.match(text)
    if month_only:
        year, month = int(month_only.group(1)), int(month_only.group(2))
        if 1 <= month <= 12:
            return ParsedDate(datetime(year, month, 1), "month")
        return None
    match = _ISO.search(text)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        value = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    precision = "second" if second else "minute" if hour else "day"
    offset = None
    if zone:
        if zone == "Z":
            offset = timedelta(0)
        else:
            digits = zone[1:].replace(":", "")
            offset = (1 if zone[0] == "+" else -1) * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    elif precision != "day":
        rest = text[match.end() :]
        _, offset = _split_zone(rest)
    return ParsedDate(value, precision, offset)


# Two different defaults: a part the text did not give differs between the two results.
_DEFAULT_A = datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2001, 2, 2, 1, 1, 1)


def _zone_for_dateutil(name: str | None, offset: int | None) -> int | None:
    """dateutil's `tzinfos` hook: the UTC offset (seconds) dateutil read, else that of a zone name in
    data/timezones.toml, else None (a naive time).

    Without the hook dateutil warns on every name it does not know ("02.32 PM IST", printed to the
    user's terminal mid-run, "in a future version, this will raise") and reads a name that the
    machine's own zone uses as the machine's local time, so a page would parse differently by host."""
    if offset is not None:
        return offset
    known = zone_abbreviations().get(name.upper()) if name else None
    return int(known.total_seconds()) if known is not None else None


def _parse_dateutil(text: str, dayfirst: bool) -> tuple[ParsedDate | None, bool]:
    """Parse with dateutil; returns (result, month_seen).  Rejects text that gave no month."""
    zones = _zone_for_dateutil
    try:
        a = dateutil_parser.parse(text, default=_DEFAULT_A, fuzzy=True, dayfirst=dayfirst, tzinfos=zones)
        b = dateutil_parser.parse(text, default=_DEFAULT_B, fuzzy=True, dayfirst=dayfirst, tzinfos=zones)
    except (ValueError, OverflowError, TypeError):
        return None, False
    if a.month != b.month:
        return None, False
    has_year = a.year == b.year
    has_day = a.day == b.day
    has_time = a.hour == b.hour
    has_seconds = a.second == b.second and bool(_HAS_SECONDS.search(text))
    if not has_day and not has_year:
        return None, True
    time_precision = "second" if has_seconds else "minute"
    # A time without a day is no reading of a moment: "4. März 2026, 14:10 Uhr" beside a name read as April 2026
    # at 14:10 (the day taken for the month); to the month only, the caller tries the text's other readings.
    has_time = has_time and has_day
    precision = time_precision if has_time else "day" if has_day else "month"
    value = a.replace(tzinfo=None)
    if not has_time:
        value = value.replace(hour=0, minute=0, second=0)
    if not has_seconds:
        value = value.replace(second=0)
    if not has_day:
        value = value.replace(day=1)
    offset = a.utcoffset() if a.tzinfo is not None else None
    return ParsedDate(value, precision, offset, has_year=has_year), True


@lru_cache(maxsize=256)
def month_first(locale: str) -> bool:
    """Whether pages in `locale` ("en", "en-GB", "pt_BR") print a numeric date month first ("03/05/2024" is
    March 5): CLDR's date order as dateparser ships it, the region's where it has one of its own (en-GB and
    en-IN print day first, en-US and bare "en" month first).  Month-first locales are few (English of the US
    and its territories, Filipino, Cherokee, ...); a language dateparser lacks is read day first, as most of
    the world prints."""
    language, _, region = locale.replace("_", "-").partition("-")
    try:
        info = import_module(f"dateparser.data.date_translation_data.{language.lower()}").info
    except (ImportError, ValueError):
        return False
    order = info.get("locale_specific", {}).get(f"{language.lower()}-{region.upper()}", {}).get("date_order")
    return (order or info.get("date_order") or "DMY").startswith("M")


@lru_cache(maxsize=16)
def _dateparser(languages: tuple[str, ...], day_first: bool):  # type: ignore[no-untyped-def]
    """A cached dateparser instance: absolute dates only (never "today"/"2 days ago"), no downloads.  Told
    `day_first`, it reads an all-numeric date day first whichever of `languages` it settles on (it took
    "6.02.2021 г." of a Bulgarian page as June 2 when English was among them)."""
    from dateparser.date import DateDataParser

    order = {"DATE_ORDER": "DMY", "PREFER_LOCALE_DATE_ORDER": False} if day_first else {}
    settings = {
        "PARSERS": ["absolute-time"],
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["month"],
        "STRICT_PARSING": False,
        **order,
    }
    return DateDataParser(languages=list(languages), settings=settings, try_previous_locales=False)


def _lost_the_day(parsed: ParsedDate | None, text: str) -> bool:
    """No reading, one to the month only of a text that prints a day ("5 Mart 2024" read as May 2024), or one
    without a year the text prints (`_misses_the_printed_year`)."""
    if parsed is None:
        return True
    if parsed.precision == "month" and bool(_DAY_NUMBER.search(text)):
        return True
    return _misses_the_printed_year(parsed, text)


def _misses_the_printed_year(parsed: ParsedDate, text: str) -> bool:
    """The text prints a year and the reading has none of the printed years: a label after the date made
    dateparser drop it ("2025年11月7日 09:15 公開"), or dateutil's fuzzy reading of a line it half understands
    took other numbers for the year ("ZDNet Japan Staff 2019年04月28日 08時00分" read as 2008-04-28, "기자 김철수
    2023년 05월 12일 09시 30분" as 2009-12-05)."""
    printed = PRINTED_YEAR.findall(text)
    return bool(printed) and (not parsed.has_year or str(parsed.value.year) not in printed)


def _fuller(parsed: ParsedDate | None, other: ParsedDate | None) -> ParsedDate | None:
    """`other` where it reads what `parsed` did not: a date where there was none, or the day."""
    return other if other is not None and (parsed is None or other.precision != "month") else parsed


def _parse_dateparser(text: str, languages: tuple[str, ...], day_first: bool) -> ParsedDate | None:
    """dateparser's reading in the first of `languages` that reads the text, or a later one that also reads
    the day the text prints: "5 Mart 2024" is May 2024 to English (a "MART" time zone and the month 5) and
    5 March 2024 to Turkish."""
    parsed, locale = _parse_dateparser_once(text, languages, day_first)
    while parsed is not None and locale and _lost_the_day(parsed, text):
        languages = tuple(code for code in languages if code != locale[:2])
        fuller, locale = _parse_dateparser_once(text, languages, day_first)
        if fuller is not None and fuller.precision != "month":
            return fuller
    return parsed


def _parse_dateparser_once(
    text: str, languages: tuple[str, ...], day_first: bool
) -> tuple[ParsedDate | None, str | None]:
    """dateparser's reading and the locale that gave it."""
    if not languages:
        return None, None
    try:
        data = _dateparser(languages, day_first).get_date_data(text)
    except (ValueError, TypeError, OverflowError, AttributeError):
        return None, None
    if data is None or data.date_obj is None:
        return None, None
    return _from_dateparser(data, text), data.locale


def _from_dateparser(data, text: str) -> ParsedDate | None:  # type: ignore[no-untyped-def]
    value = data.date_obj.replace(tzinfo=None, microsecond=0)
    parts = set(data.parts or ())
    if "month" not in parts:
        return None
    if "time" in parts and "day" in parts:
        precision = "second" if _HAS_SECONDS.search(text) else "minute"
        if precision == "minute":
            value = value.replace(second=0)
    elif "day" in parts:
        precision = "day"
        value = datetime(value.year, value.month, value.day)
    elif "year" in parts:
        precision = "month"
        value = datetime(value.year, value.month, 1)
    else:
        return None
    return ParsedDate(value, precision, None, has_year="year" in parts)


def _fill_year(parsed: ParsedDate, reference: date | None) -> ParsedDate | None:
    if parsed.has_year:
        return parsed
    if reference is None:
        return None
    value = parsed.value.replace(year=reference.year)
    if value.date() > reference + YEARLESS_SLACK:
        value = value.replace(year=reference.year - 1)
    return replace(parsed, value=value, has_year=True)


@lru_cache(maxsize=PARSED_DATES_CACHED)
def _parse_text(text: str, langs: tuple[str, ...], month_first_page: bool) -> ParsedDate | None:
    """ISO 8601 first, then dateutil for English words, dateparser for other languages."""
    parsed = _parse_iso(text)
    if parsed is not None:
        return parsed
    stripped, offset = _split_zone(_H_TIME.sub(r"\1:\2", _DOTTED_TIME_AM_PM.sub(r"\1:\2", _strip_labels(text))))
    # Day-first unless the page's locale prints month first (`month_first`: "04/10/2020" is April 10 in
    # the US, 4 October in Britain and most languages), and for dotted dates in any language, but never
    # after a leading year: "2020/10/04" is year-month-day everywhere (dateutil would read it
    # year-day-month when told dayfirst).
    dayfirst = (not month_first_page or bool(_DOTTED_DATE.search(stripped))) and not _YEAR_FIRST.match(stripped)
    month_seen = False
    english = _only_english_words(stripped)
    if english:
        parsed, month_seen = _parse_dateutil(stripped, dayfirst)
    if parsed is None and not month_seen:
        scripts = tuple(code for pattern, codes in SCRIPT_LANGUAGES if pattern.search(stripped) for code in codes)
        tried = tuple(dict.fromkeys(langs + scripts + DEFAULT_LANGUAGES))
        parsed = _parse_dateparser(stripped, tried, dayfirst)
        # Only words dateutil knows (English months, "p.m."): no other Latin language can find a month
        # in them, and trying them would load sixteen languages into the process for nothing.
        if not english and _lost_the_day(parsed, stripped):
            parsed = _fuller(
                parsed, _parse_dateparser(stripped, tuple(c for c in MORE_LATIN_LANGUAGES if c not in tried), dayfirst)
            )
    if parsed is None and not english:
        # Mixed text such as a dateline "Brussels, March 4": dateutil skips the unknown words.
        parsed, _ = _parse_dateutil(stripped, dayfirst)
    if parsed is not None and offset is not None and parsed.offset is None and parsed.precision in ("minute", "second"):
        parsed = replace(parsed, offset=offset)
    return parsed


# A year run into the next word, a Latin letter ("2020November", "2022Updated"): two printed items copied as one.
_YEAR_RUN_INTO_WORD = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?=[A-Za-z])")


def parse_date(
    text: str | None,
    *,
    languages: tuple[str, ...] | list[str] | None = None,
    reference: date | None = None,
    now: datetime | None = None,
) -> ParsedDate | None:
    """Parse one printed date/time; None when it is not a plausible absolute date.

    `languages` are the page's, most likely first; the first, with its region when known ("en-GB"), says
    whether an all-numeric date is month first (`month_first`; month first when no language is known).
    `reference` supplies the year for a year-less dateline ("March 4").  `now`
    bounds the future (defaults to the current time).
    """
    if not text:
        return None
    text = " ".join(str(text).split())
    if not text or len(text) > MAX_DATE_TEXT:
        return None
    languages = [code for code in (languages or ()) if code]
    langs = tuple(dict.fromkeys(code.lower()[:2] for code in languages))
    month_first_page = month_first(languages[0]) if languages else True
    text = common_era_date(text, thai_page=langs[:1] == ("th",))
    if glued := _YEAR_RUN_INTO_WORD.search(text):
        # The page's published and updated dates copied without a space between them ("Posted on June 29,
        # 2020November 12, 2021", "December 20, 2024September 26, 2025"): the first one, as printed first.  The
        # whole read as nothing, or as another day ("... 2025October 16, 2025" as 2016-10-26).
        text = text[: glued.end()]
    parsed = _read_date_line(text, langs, month_first_page)
    lead = _LEADING_WORDS.match(text)
    names_a_month, month_as_given_name = _months_in(lead[0]) if lead else (False, False)
    if lead and ((_lost_the_day(parsed, text) and not names_a_month) or month_as_given_name):
        # Words before the date that a parser takes for part of it ("Marco Pizzorno 4 Febbraio 2025 - 14:41": a
        # writer's name, read as April 2025; "Jan Novák 3. listopadu 2023", January 3): the date from its first
        # number on.  Not when a month is among them ("Originally published in March 2022. Last updated ..."), nor
        # a reading whose year the text does not print ("Published Oct 10, 2023*- [Updated Dec 3, 2025]*" without
        # "Oct" read as 2003-12-10).
        rest = _read_date_line(text[lead.end() :], langs, month_first_page)
        if rest is not None and str(rest.value.year) in text:  # not a reading of a date's remains ("10, 2023*-")
            parsed = _fuller(parsed, rest)
    if parsed is None or _misses_the_printed_year(parsed, text):
        # A reading without the year the text prints lost it ("1975年1月28日（农历1974年腊月十七）", a birth date
        # under a Baidu Baike headline): the year of a related date would make it a date it never was.  One with
        # another year misread the line.
        return None
    parsed = _fill_year(parsed, reference)
    if parsed is None or not _plausible(parsed, now):
        return None
    return parsed


def _read_date_line(text: str, langs: tuple[str, ...], month_first_page: bool) -> ParsedDate | None:
    """The text read whole, else where a date line goes on after its date: after a separator, or without one."""
    parsed = _parse_text(text, langs, month_first_page)
    if _lost_the_day(parsed, text) and _SEPARATOR.search(text):
        # A date line that goes on after a spaced separator ("02.02.2022 10:16 Uhr - 1. Bundesliga - PM",
        # "12 March 2024 | Politics"): the first part with a number that parses is the date.  Also where the
        # whole line read to the month only: beside a name, dateutil's fuzzy reading of "Von Anna Berger |
        # 4. März 2026" took the day for the month (April 2026).
        parsed = _fuller(
            parsed,
            next(
                (
                    p
                    for part in _SEPARATOR.split(text)
                    if _DIGIT.search(part) and (p := _parse_text(part, langs, month_first_page))
                ),
                None,
            ),
        )
    if _lost_the_day(parsed, text) and _DIGIT.search(text):
        # A date line that goes on after the date without a separator ("07/11/2025 09h15 Atualizado há 2
        # horas", "5 Mart 2025 tarihinde güncellendi"): the longest opening part, of at most PREFIX_WORDS
        # words and ending in a word with a digit, that parses is the date.
        words = text.split()
        opening = next(
            (
                p
                for n in range(min(len(words) - 1, PREFIX_WORDS), 0, -1)
                if _DIGIT.search(words[n - 1]) and (p := _parse_text(" ".join(words[:n]), langs, month_first_page))
            ),
            None,
        )
        parsed = _fuller(parsed, opening)
    return parsed


def _months_in(words: str) -> tuple[bool, bool]:
    """(a month's name among the words, in any language the date parser reads ("März", "October"); a month's
    name or abbreviation among them that is a person's given name).  A given name is followed by a capitalised
    word that is no month, as a surname follows it: "Jan" of "Jan Novák", "June" of "By June Smith,", "August" of
    "August Pettersson", which dateparser and dateutil read as the month beside the date's own."""
    tokens = [word.strip(".,:;()[]*|") for word in words.split()]
    names_a_month = given_name = False
    for word, following in zip(tokens, [*tokens[1:], ""], strict=True):
        if word.casefold() not in month_words():
            continue
        if following[:1].isupper() and following.casefold() not in month_words():
            given_name = True
        elif word.casefold() in month_names():
            names_a_month = True
    return names_a_month, given_name


def split_date_line(text: str) -> list[str]:
    """The parts of a date line without digits, between spaced separators: "11.12.2019 - Ana Lima" -> ["Ana Lima"]."""
    parts = _SEPARATOR.split(" ".join(text.split()))
    return [part.strip() for part in parts if part.strip() and not _DIGIT.search(part)]


def _plausible(parsed: ParsedDate, now: datetime | None) -> bool:
    if parsed.value.year < MIN_YEAR:
        return False
    current = now or datetime.now(UTC).replace(tzinfo=None)
    instant = parsed.value - parsed.offset if parsed.offset is not None else parsed.value
    return instant <= current + MAX_FUTURE


def offset_from_utc(local: ParsedDate, utc_text: str | None) -> ParsedDate:
    """Give `local` the offset implied by a UTC time of the same instant (WordPress `date` + `date_gmt`).

    Accepted only when the difference is a real zone offset: a multiple of 15 minutes within ±14 h.
    """
    if local.offset is not None or not utc_text or local.precision not in ("minute", "second"):
        return local
    utc = _parse_iso(" ".join(utc_text.split()))
    if utc is None or utc.precision not in ("minute", "second"):
        return local
    difference = local.value - utc.value
    minutes = difference.total_seconds() / 60
    if minutes % 15 or abs(minutes) > 14 * 60:
        return local
    return replace(local, offset=difference)


def parse_utc(text: str | None) -> str | None:
    """A UTC time given without offset (WordPress `date_gmt`) in the contract's `...Z` form."""
    if not text:
        return None
    parsed = _parse_iso(" ".join(text.split()))
    if parsed is None or parsed.precision not in ("minute", "second") or parsed.value.year < MIN_YEAR:
        return None
    value = parsed.value - parsed.offset if parsed.offset is not None else parsed.value
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")
