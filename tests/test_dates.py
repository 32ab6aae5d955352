"""Printed dates -> ISO at their precision; UTC only when the instant is known."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from axis_ingest.normalise import choose_time
from axis_ingest.normalise.dates import month_first, parse_date


@pytest.mark.parametrize(
    ("text", "iso", "utc"),
    [
        ("17 October 2025 08:05", "2025-10-17T08:05", None),
        ("date 2025-12-01", "2025-12-01", None),
        ("November 9, 2025, 4:45 PM EST", "2025-11-09T16:45-05:00", "2025-11-09T21:45:00Z"),
        ("Dec 02, 2025 11:30 IST", "2025-12-02T11:30+05:30", "2025-12-02T06:00:00Z"),
        ("2025-06-30T22:15:00+02:00", "2025-06-30T22:15:00+02:00", "2025-06-30T20:15:00Z"),
        ("September 2025", "2025-09", None),
        ("5 ноября 2025", "2025-11-05", None),
        ("7. Oktober 2025", "2025-10-07", None),
        ("Publicado el 3 de julio de 2025", "2025-07-03", None),
    ],
)
def test_printed_dates(text: str, iso: str, utc: str | None) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert (parsed.iso(), parsed.utc()) == (iso, utc)


@pytest.mark.parametrize("text", ["today", "3 hours ago", "Views: 65", "Posted by admin", "© 1987"])
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_yearless_dateline_takes_year_from_reference() -> None:
    parsed = parse_date("Nairobi, Nov 14", reference=date(2025, 11, 14))
    assert parsed is not None and parsed.iso() == "2025-11-14"


def test_wordpress_date_and_gmt_give_offset() -> None:
    chosen, utc = choose_time(["2025-08-12T10:40:05"], ["2025-08-12T08:40:05"])
    assert chosen is not None and chosen.iso() == "2025-08-12T10:40:05+02:00"
    assert utc == "2025-08-12T08:40:05Z"


def test_local_time_stays_without_utc_unless_zone_configured() -> None:
    chosen, utc = choose_time(["14 May 2025 09:00"], [])
    assert chosen is not None and utc is None
    _, utc = choose_time(["14 May 2025 09:00"], [], zone="Europe/Berlin")
    assert utc == "2025-05-14T07:00:00Z"


def test_utc_stamp_does_not_override_the_local_day() -> None:
    chosen, utc = choose_time(["2024-03-09T02:10:00Z", "2024-03-08"], [])
    assert chosen is not None and chosen.iso() == "2024-03-08"
    assert utc == "2024-03-09T02:10:00Z"


def test_page_wide_guess_gives_the_local_day_only_at_a_plausible_offset() -> None:
    # 01:49 UTC is the evening before in California: the URL's day is the local day
    chosen, utc = choose_time(["2023-11-09T01:49:09Z"], [], guesses=["2023-11-08"])
    assert chosen is not None and chosen.iso() == "2023-11-08"
    assert utc == "2023-11-09T01:49:09Z"
    # 10:04 UTC is the next morning everywhere but Hawaii: the URL holds the day the story was created
    chosen, _ = choose_time(["2020-07-09T10:04:04Z"], [], guesses=["2020-07-08"])
    assert chosen is not None and chosen.iso() == "2020-07-09T10:04:04+00:00"
    # a date printed on the page (not a guess) still may: it is evidence of the local day
    chosen, _ = choose_time(["2020-07-09T10:04:04Z", "2020-07-08"], [])
    assert chosen is not None and chosen.iso() == "2020-07-08"


def test_a_guess_fills_the_gap_and_ranks_after_printed_dates() -> None:
    chosen, utc = choose_time([], [], guesses=["2024-04-28"])
    assert chosen is not None and chosen.iso() == "2024-04-28" and utc is None
    chosen, _ = choose_time(["Posted 3 May 2024"], [], guesses=["2024-04-28"])
    assert chosen is not None and chosen.iso() == "2024-05-03"


def test_days_agreed_by_most_sources_outvote_a_stale_first_source() -> None:
    # JSON-LD carries a draft's date; the meta tag, the <time> and the visible date line agree on another day.
    chosen, _ = choose_time(["2022-01-04T07:29:00Z", "2022-01-06T08:29:34", "2022-01-06", "06.01.2022"], [])
    assert chosen is not None and chosen.iso() == "2022-01-06T08:29:34"


def test_two_disagreeing_sources_keep_the_most_trusted() -> None:
    chosen, _ = choose_time(["2023-11-06T18:19+01:00", "2023-11-07"], [])
    assert chosen is not None and chosen.iso() == "2023-11-06T18:19+01:00"


def test_utc_stamp_and_same_instant_with_local_offset_give_the_local_day() -> None:
    chosen, utc = choose_time(["2023-11-09T02:11:03+00:00", "2023-11-08T21:11:03-05:00", "2023-11-09"], [])
    assert chosen is not None and chosen.iso() == "2023-11-08T21:11:03-05:00"
    assert utc == "2023-11-09T02:11:03Z"


@pytest.mark.parametrize(
    ("text", "languages", "iso"),
    [
        ("09.06.2020 14:32", ("en",), "2020-06-09T14:32"),  # an English article on a German site
        ("12.05.2020", (), "2020-05-12"),  # no language known
        ("Updated 9.6.20", ("en",), "2020-06-09"),
        ("06/09/2020", ("en",), "2020-06-09"),  # left alone: an English slashed date stays month-first
        ("2020.06.09", ("en",), "2020-06-09"),  # left alone: year first
    ],
)
def test_dotted_numeric_dates_are_day_first_in_any_language(text: str, languages: tuple[str, ...], iso: str) -> None:
    parsed = parse_date(text, languages=languages)
    assert parsed is not None and parsed.iso() == iso


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en", True), ("en-US", True), ("en_GB", False), ("en-IN", False), ("de", False), ("fil", True), ("xx", False)],
)
def test_month_first_follows_the_locales_date_order(locale: str, expected: bool) -> None:
    assert month_first(locale) is expected


def test_a_regional_english_page_reads_numeric_dates_day_first() -> None:
    """A British page's "01/10/2023" is 1 October (CLDR's en-GB order); a page that says only "en" keeps the US
    month-first reading (left alone)."""
    parsed = parse_date("01/10/2023", languages=("en-GB", "en"))
    assert parsed is not None and parsed.iso() == "2023-10-01"
    parsed = parse_date("01/10/2023", languages=("en",))
    assert parsed is not None and parsed.iso() == "2023-01-10"


def test_a_numeric_date_with_a_word_of_its_language_stays_day_first() -> None:
    """ "6.02.2021 г." of a Bulgarian page went to dateparser (the "г." is no English word), which settled on
    English among the languages it tried and read June 2.  A date with its month's name is left alone."""
    parsed = parse_date("6.02.2021 г.", languages=("bg",))
    assert parsed is not None and parsed.iso() == "2021-02-06"
    parsed = parse_date("6 февраля 2021 г.", languages=("bg",))
    assert parsed is not None and parsed.iso() == "2021-02-06"


def test_a_reading_that_lost_the_printed_year_is_no_date() -> None:
    """A birth date under a Baidu Baike headline, "1975年1月28日（农历1974年腊月十七）", was read without its year
    and given the year of the page's other date (2020-01-28).  A dateline without a year still takes it."""
    assert parse_date("1975年1月28日（农历1974年腊月十七）", languages=("zh",), reference=date(2020, 2, 14)) is None
    parsed = parse_date("March 4", reference=date(2020, 3, 10))
    assert parsed is not None and parsed.iso() == "2020-03-04"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Jun 9, 2020, 02.32 PM IST", "2020-06-09T14:32+05:30"),  # the minutes were dropped
        ("Last updated: 9 June 2020 at 2.32pm", "2020-06-09T14:32"),
        ("Tue 9 Jun 2020 14.32 BST", "2020-06-09T14:32+01:00"),  # left alone: no am/pm, already right
        ("Posted 09.06.2020 at 2.32 pm", "2020-06-09T14:32"),  # the dotted date before it is left alone
    ],
)
def test_dotted_times_before_am_pm_keep_their_minutes(text: str, iso: str) -> None:
    parsed = parse_date(text, languages=("en",))
    assert parsed is not None and parsed.iso() == iso


def test_unknown_zone_names_give_a_local_time_without_warnings(recwarn: pytest.WarningsRecorder) -> None:
    parsed = parse_date("June 9, 2020 2:32 PM XYZT", languages=("en",))
    assert parsed is not None and parsed.iso() == "2020-06-09T14:32"
    assert not [w for w in recwarn if "tzname" in str(w.message)]


@pytest.mark.parametrize(
    ("text", "languages", "iso"),
    [
        ("2024/03/09 18:20:05", ("zh",), "2024-03-09T18:20:05"),  # year first is year-month-day everywhere
        ("2024.03.09", ("de",), "2024-03-09"),
        ("09/03/2024", ("fr",), "2024-03-09"),  # a French page's day-first date is left day-first
        ("09.03.2024", ("de",), "2024-03-09"),
    ],
)
def test_year_first_dates_are_not_read_day_first(text: str, languages: tuple[str, ...], iso: str) -> None:
    parsed = parse_date(text, languages=languages)
    assert parsed is not None and parsed.iso() == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("14.03.2024 09:40 Uhr - 2. Bundesliga - Pressemitteilung", "2024-03-14T09:40"),
        ("28.11.2023 · Frauen · Regionalliga", "2023-11-28"),
        ("March 12, 2024 | Local News", "2024-03-12"),
    ],
)
def test_date_line_going_on_after_a_separator(text: str, iso: str) -> None:
    parsed = parse_date(text, languages=("de",) if "Uhr" in text or "·" in text else ("en",))
    assert parsed is not None and parsed.iso() == iso


def test_separator_without_a_date_part_stays_unparsed() -> None:
    assert parse_date("Sport - 2. Bundesliga - Pressemitteilung", languages=("de",)) is None
    assert parse_date("Brussels - Council meeting", languages=("en",)) is None


def test_labels_of_an_end_date() -> None:
    from axis_ingest.detectors import names_an_end

    assert names_an_end("Video verfügbar bis:", before=True)
    assert names_an_end("Offer ends 31 March 2024")
    assert names_an_end("Disponible jusqu'au 12.05.2024")
    # a sentence mentioning availability, and an ordinary date line, are left alone
    assert not names_an_end("Die Mediathek hält das Video verfügbar bis Ende des Jahres, sagte er.", before=True)
    assert not names_an_end("Veröffentlicht am 14.10.2023")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # dates in scripts the default languages do not read: the script picks the languages
        ("2025년 11월 7일", "2025-11-07"),
        ("2025年11月7日 09:15", "2025-11-07T09:15"),
        ("7 Νοεμβρίου 2025", "2025-11-07"),
        ("7 בנובמבר 2025", "2025-11-07"),
        ("7 नवंबर 2025", "2025-11-07"),
        # scripts of one main language each (session 12): Bengali (with its own digits), Tamil, Georgian,
        # Armenian, Khmer, Amharic, Sinhala
        ("৭ নভেম্বর ২০২৫", "2025-11-07"),
        ("7 நவம்பர் 2025", "2025-11-07"),
        ("7 ნოემბერი 2025", "2025-11-07"),
        ("7 նոյեմբերի 2025", "2025-11-07"),
        ("7 វិច្ឆិកា 2025", "2025-11-07"),
        ("ኖቬምበር 7 2025", "2025-11-07"),
        ("2025 නොවැම්බර් 7", "2025-11-07"),
        # a day the first language to read the text drops: English takes "Kasım" for nothing and "Mart"
        # for a time zone; Turkish and Czech read the day
        ("7 Mart 2025", "2025-03-07"),
        ("7. listopadu 2025", "2025-11-07"),
        # Korean, Japanese and Chinese labels, with a full-width colon
        ("입력 2025.11.07 09:15", "2025-11-07T09:15"),
        ("公開日：2025年11月7日", "2025-11-07"),
    ],
)
def test_dates_in_other_scripts_and_languages_keep_their_day(text: str, iso: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.iso() == iso


def test_a_line_of_english_words_without_a_date_does_not_try_the_other_latin_languages() -> None:
    """Each language dateparser tries is loaded into the process (5-140 ms); a time with no date ("1:23 p.m.")
    holds no word another language could read as a month, so only a line with unknown words tries them."""
    from axis_ingest.normalise import dates

    def tried_more_latin() -> bool:
        return any("cs" in call for call in tried)

    tried: list[tuple[str, ...]] = []
    real = dates._parse_dateparser_once

    def recording(text: str, languages: tuple[str, ...], day_first: bool):  # type: ignore[no-untyped-def]
        tried.append(languages)
        return real(text, languages, day_first)

    dates._parse_text.cache_clear()
    try:
        dates._parse_dateparser_once = recording  # type: ignore[assignment]
        assert parse_date("Updated at 1:23 p.m.") is None
        assert not tried_more_latin()
        parsed = parse_date("5. března 2024")  # left alone: a Czech month is still found
        assert parsed is not None and parsed.iso() == "2024-03-05"
        assert tried_more_latin()
    finally:
        dates._parse_dateparser_once = real  # type: ignore[assignment]
        dates._parse_text.cache_clear()


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Mart 2025", "2025-03"),  # left alone: a month without a day stays a month
        ("November 2025", "2025-11"),
        ("7 November 2025", "2025-11-07"),
    ],
)
def test_a_month_without_a_printed_day_stays_a_month(text: str, iso: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.iso() == iso


@pytest.mark.parametrize("line", ["수정 2025.11.07 10:02", "更新日：2025年11月8日", "Güncelleme: 8 Kasım 2025"])
def test_korean_japanese_and_turkish_update_lines_name_an_update(line: str) -> None:
    from axis_ingest.normalise.dates import names_an_update

    assert names_an_update(line)
    assert not names_an_update("입력 2025.11.07 09:15")


@pytest.mark.parametrize(
    ("line", "iso", "update"),
    [
        # the update label after the date: Turkish puts the verb last, Japanese and Chinese news the label
        ("8 Kasım 2025 tarihinde güncellendi", "2025-11-08", True),
        ("2025年11月8日 10:00 更新", "2025-11-08T10:00", True),  # the label made dateparser drop the year
        ("2025年11月8日更新", "2025-11-08", True),
        ("2025.11.08 10:02 수정", "2025-11-08T10:02", True),
        # left alone: a publication verb after the date, a date alone, a line that opens with a publication label
        ("7 Kasım 2025 tarihinde yayımlandı", "2025-11-07", False),
        ("2025年11月7日 09:00", "2025-11-07T09:00", False),
        ("2025年11月7日 09:00 公開", "2025-11-07T09:00", False),  # "published" after it: read without dropping the year
        ("Published 7 November 2025, modified", "2025-11-07", False),
    ],
)
def test_an_update_label_after_the_date_names_an_update(line: str, iso: str, update: bool) -> None:
    from axis_ingest.normalise.dates import names_an_update

    parsed = parse_date(line)
    assert parsed is not None and parsed.iso() == iso
    assert names_an_update(line) is update


@pytest.mark.parametrize(
    ("line", "iso", "update"),
    [
        ("Publicerad 5 mars 2025", "2025-03-05", False),
        ("Uppdaterad 6 mars 2025", "2025-03-06", True),
        ("Julkaistu 5.3.2025", "2025-03-05", False),
        ("Diperbarui 6 Maret 2025", "2025-03-06", True),
    ],
)
def test_published_and_updated_labels_of_more_languages(line: str, iso: str, update: bool) -> None:
    from axis_ingest.normalise.dates import names_an_update

    parsed = parse_date(line)
    assert parsed is not None and parsed.iso() == iso
    assert names_an_update(line) is update


@pytest.mark.parametrize(
    ("line", "languages", "iso"),
    [
        # a date line that goes on after the date without a separator: its opening words are the date
        ("07/11/2025 09h15 Atualizado há 2 horas", ("pt",), "2025-11-07T09:15"),
        ("5 Mart 2025 tarihinde yayımlandı", (), "2025-03-05"),
        # a time written with "h" keeps a numeric date before it day-first
        ("07/11/2025 09h15", ("pt",), "2025-11-07T09:15"),
        ("Le 7 novembre 2025 à 9h15", ("fr",), "2025-11-07T09:15"),
    ],
)
def test_date_lines_with_words_after_the_date_and_h_times(line: str, languages: tuple[str, ...], iso: str) -> None:
    parsed = parse_date(line, languages=languages)
    assert parsed is not None and parsed.iso() == iso


@pytest.mark.parametrize("text", ["Posted by Ana Lima 3 comments", "12 people were hurt", "Chapter 7 of 12"])
def test_opening_words_with_a_number_but_no_month_are_no_date(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Posted on June 29, 2020November 12, 2021", "2020-06-29"),  # published, then updated, copied as one
        ("December 20, 2024September 26, 2025", "2024-12-20"),
        ("by Jill Barshay August 25, 2025August 29, 2025", "2025-08-25"),
        # left alone: a year followed by a CJK year mark, an ISO time, a plain date
        ("2024年3月5日", "2024-03-05"),
        ("2025-12-18T10:00:00Z", "2025-12-18"),
        ("March 4, 2026", "2026-03-04"),
    ],
)
def test_a_date_run_into_the_next_one_is_the_first(text: str, day: str) -> None:
    """A page's published and updated dates copied without a space read as nothing, or as another day."""
    parsed = parse_date(text, now=datetime(2026, 12, 1))
    assert parsed is not None and parsed.value.date().isoformat() == day


def test_a_glued_pair_of_dates_is_no_longer_read_as_a_third_day():
    """ "DesignSeptember 26, 2025October 16, 2025" was read as 2016-10-26; now as no date (the category run into
    the first date is left for the reader)."""
    assert parse_date("DesignSeptember 26, 2025October 16, 2025", now=datetime(2026, 12, 1)) is None


@pytest.mark.parametrize(
    ("line", "languages", "iso"),
    [
        # a writer's name before the date: read as the month of a "Mar..." word, April 2025 (il Giornale as text)
        ("Marco Pizzorno 4 Febbraio 2025 - 14:41", ("it",), "2025-02-04T14:41"),
        ("von Landesspiegel 30. Juni 2025", ("de",), "2025-06-30"),
        # a name before a CJK date, which dateutil's fuzzy reading took for another year (Postlight's
        # japan.zdnet.com page: 2008-04-28; a Korean reporter's line: 2009-12-05)
        ("ZDNet Japan Staff 2019年04月28日 08時00分", ("ja",), "2019-04-28T08:00"),
        ("기자 김철수 2023년 05월 12일 09시 30분", ("ko",), "2023-05-12T09:30"),
        # a name before a date line that is read by its opening part (its time in words of the language, UTC): the
        # date from its first number on is read as any date line is (CLDR's long formats after a name: none, March,
        # December)
        ("Jonas Jonaitis 2019 m. balandžio 28 d.", ("lt",), "2019-04-28"),
        ("Claire Dubois 3 novembre 2023, 17:45:00 TU", ("fr",), "2023-11-03T17:45:00"),
        ("Mette Jensen 12. januar 2025 23.30.00 UTC", ("da",), "2025-01-12"),
        # a given name that is a month's name or abbreviation, read as the month beside the date's own (January 3,
        # none)
        ("Jan Novák 3. listopadu 2023", ("cs",), "2023-11-03"),
        ("Jan Kowalski 3 listopada 2023, 17:45", ("pl",), "2023-11-03T17:45"),
        ("By June Smith, 4 March 2024", ("en",), "2024-03-04"),
        ("August Pettersson 3 november 2023", ("sv",), "2023-11-03"),
        # left alone: a month's name before a capitalised word that is no name, a given name the parser ignored
        ("May Day 2023", ("en",), "2023-05"),
        ("Jan Müller, 3. November 2023", ("de",), "2023-11-03"),
        # left alone: the year a date line prints is read, whatever comes before it
        ("記者 王小明 2023年05月12日 09時30分", ("zh",), "2023-05-12T09:30"),
        ("By Jane Doe 2023年5月12日", ("ja",), "2023-05-12"),
        # left alone: what parsed with its words before it still does; a month and year stays a month
        ("Tom Talbot October 14, 2025", ("en",), "2025-10-14"),
        ("Published March 2026", ("en",), "2026-03"),
        # left alone: the words before the first number hold the month, or what follows reads as a year the line
        # does not print (WCXB's pages as Markdown: read from the first number on, these gave 2003-12-10,
        # 2019-12-19 and 2022-12-20)
        ("Published Oct 10, 2023*- [Updated Dec 3, 2025]*", ("en",), None),
        ("Dec 19, 2025|Last updated on Dec 19, 2025|xx min read", ("en",), None),
        ("Originally published in March 2022. Last updated on December 20, 2024.", ("en",), "2022-03"),
    ],
)
def test_words_before_a_date_do_not_change_its_day(line: str, languages: tuple[str, ...], iso: str | None) -> None:
    parsed = parse_date(line, languages=languages)
    assert (parsed.iso() if parsed else None) == iso
