"""Meta lines under a headline: a byline and a date on one line, and two dates (published, updated) on one line.

Found by putting the header shapes of seven languages (a byline with one, two or three names, a bare name; a date
line in a dozen printed forms) through the whole pipeline as page text: a date read beside a name took its day for
the month, a line of two dates became the headline, a byline beside a date named nobody.
"""

from __future__ import annotations

import pytest

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.detectors import date_line_parts, split_at_date_labels
from axis_ingest.normalise.dates import parse_date
from axis_ingest.prepare import prepare_file

TITLE = "Council expands harbour ferry service with two evening crossings"
TEXT = [
    "The city council voted on Tuesday to expand the harbour ferry service, adding two evening crossings that "
    "commuters have requested for years. Officials said the new timetable would start in the spring.",
    "Residents who spoke at the meeting welcomed the decision but asked for lower fares for students and "
    "pensioners. The transport committee promised to publish a review of ticket prices before the summer.",
]


def _page_text(*header: str, title: str = TITLE) -> bytes:
    lines = ["Home | News | Sport | Business | Culture", "", title, "", *header, "", *"\n\n".join(TEXT).split("\n")]
    return ("\n".join([*lines, "", "Share this article", "© 2026 Harbour Post"]) + "\n").encode()


def _read(data: bytes, name: str = "page.txt"):
    [prepared] = prepare_file(name, data, Settings(), MinHashParams()).documents
    return prepared.doc


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Von Katharina Müller | 4. März 2026", "2026-03-04"),  # was April 2026: "4." read as the month
        ("Par Claire Dubois | mercredi 4 mars 2026", "2026-03-04"),
        ("Von Katharina Müller | 4. März 2026, 14:10 Uhr", "2026-03-04T14:10"),  # was 1 April 2026 at 14:10
    ],
)
def test_a_date_beside_a_name_keeps_its_day(text: str, published: str) -> None:
    assert parse_date(text, languages=("de", "fr")).iso() == published


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("12 March 2024 | Politics", "2024-03-12"),
        ("Mar 4, 2026 2:10 PM", "2026-03-04T14:10"),
        ("4. März 2026, 14:10 Uhr", "2026-03-04T14:10"),
    ],
)
def test_date_lines_that_read_whole_are_left_alone(text: str, published: str) -> None:
    assert parse_date(text, languages=("de",)).iso() == published


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        (
            "Publié le 04 mars 2026 à 14h10, mis à jour le 05 mars 2026",
            ["Publié le 04 mars 2026 à 14h10", "mis à jour le 05 mars 2026"],
        ),
        (
            "Aggiornato il 05/03/2026 - Pubblicato il 04/03/2026",
            ["Aggiornato il 05/03/2026", "Pubblicato il 04/03/2026"],
        ),
        ("Wednesday, March 4, 2026, updated March 5, 2026", ["Wednesday, March 4, 2026", "updated March 5, 2026"]),
        (
            "By Ana Lima | Updated: March 5, 2026 | Published: March 4, 2026",
            ["By Ana Lima", "Updated: March 5, 2026", "Published: March 4, 2026"],
        ),
        # copied page text: the second date's element joined to the first's digits with a space or nothing
        # (Rzeczpospolita, Les Echos, Habertürk as fundus's pages copy them)
        (
            "Aktualizacja: 02.02.2025 23:49 Publikacja: 02.02.2025 21:52",
            ["Aktualizacja: 02.02.2025 23:49", "Publikacja: 02.02.2025 21:52"],
        ),
        (
            "Publié le 18 juil. 2024 à 08:01Mis à jour le 18 juil. 2024 à 09:06",
            ["Publié le 18 juil. 2024 à 08:01", "Mis à jour le 18 juil. 2024 à 09:06"],
        ),
        (
            "Giriş: 03.07.2024 - 18:24 Güncelleme: 03.07.2024 - 18:57",
            ["Giriş: 03.07.2024 - 18:24", "Güncelleme: 03.07.2024 - 18:57"],
        ),
        # a slash between them (Reuters' date line over its headline)
        ("January 19, 2020 / 12:25 PM / Updated 8 hours ago", ["January 19, 2020 / 12:25 PM", "Updated 8 hours ago"]),
        ("Published 3 March 2024 / Updated 5 March 2024", ["Published 3 March 2024", "Updated 5 March 2024"]),
    ],
)
def test_a_line_of_two_dates_is_cut_before_the_second_label(line: str, parts: list[str]) -> None:
    assert date_line_parts(line) == parts


@pytest.mark.parametrize(
    "line",
    [
        "March 4, 2026, updated weekly",  # no second date
        "The report was published on 4 March 2026, updated on 5 March 2026 after readers wrote in.",  # a sentence
        "Le rapport a été publié le 4 mars 2026, mis à jour le 5 mars 2026 après des critiques.",
        "2025年11月7日 10:00 更新",  # the update label after its date: one date
        "12 March 2024 Updated",  # a label after the date, no second date
        "19/01/2020 / 12:25",  # slashes of a date and one between it and its time: no label
        "News / Politics / 4 March 2024",
    ],
)
def test_lines_that_are_no_two_date_line_stay_whole(line: str) -> None:
    assert split_at_date_labels(line) == [line]


@pytest.mark.parametrize(
    ("header", "authors", "published"),
    [
        (
            ["By Sarah Mitchell and David Okafor | Mar 4, 2026 2:10 PM ET"],
            ["Sarah Mitchell", "David Okafor"],
            "2026-03-04",
        ),
        (
            ["Von Katharina Müller, Jonas Becker und Lea Hoffmann | 4. März 2026"],
            ["Katharina Müller", "Jonas Becker", "Lea Hoffmann"],
            "2026-03-04",
        ),
        (
            ["By Sarah Mitchell and David Okafor | Updated: March 5, 2026 | Published: March 4, 2026"],
            ["Sarah Mitchell", "David Okafor"],
            "2026-03-04",
        ),
        (["Sarah Mitchell | Wed 4 Mar 2026 14.10 GMT"], ["Sarah Mitchell"], "2026-03-04"),  # a bare name beside a date
        (
            ["Door Sanne de Vries", "Bijgewerkt op 5 maart 2026, gepubliceerd op 4 maart 2026"],
            ["Sanne de Vries"],
            "2026-03-04",
        ),
        (
            ["Por Ana Ferreira", "Atualizado em 05/03/2026 às 09h00 | Publicado em 04/03/2026 às 14h10"],
            ["Ana Ferreira"],
            "2026-03-04",
        ),
        (
            ["Publié le 04 mars 2026 à 14h10, mis à jour le 05 mars 2026 à 09h00", "Par Claire Dubois"],
            ["Claire Dubois"],
            "2026-03-04",
        ),
        (  # the update first, the publication after its digits: nothing was stored (the line named an update)
            ["Aktualizacja: 05.03.2026 09:10 Publikacja: 04.03.2026 21:52", "Piotr Nowak"],
            ["Piotr Nowak"],
            "2026-03-04",
        ),
    ],
)
def test_meta_lines_in_page_text(header: list[str], authors: list[str], published: str) -> None:
    doc = _read(_page_text(*header))
    assert doc.title == TITLE
    assert [a.name for a in doc.authors] == authors
    assert (doc.published or "")[:10] == published
    assert doc.paragraphs[0].startswith("The city council voted")


@pytest.mark.parametrize(
    ("header", "published"),
    [
        (["4 March 2026 | 14:10"], "2026-03-04T14:10"),  # a date and its time stay one date
        (["By Sarah Mitchell", "Updated: March 5, 2026"], None),  # an update alone is no publication date
    ],
)
def test_date_lines_in_page_text_left_alone(header: list[str], published: str | None) -> None:
    assert _read(_page_text(*header)).published == published


@pytest.mark.parametrize("title", ["Markets in March 2026 | Harbour Post", "Fares rise in March 2026"])
def test_a_headline_that_names_a_month_and_year_is_no_date_line(title: str) -> None:
    """A month and its year without a day make a date line of a label and the date at most: the headline was
    taken for one, and its month for the publication date."""
    doc = _read(_page_text("By Sarah Mitchell", "4 March 2026", title=title))
    assert (doc.title, doc.published) == (title, "2026-03-04")


@pytest.mark.parametrize("line", ["March 2026", "Last updated: March 2026", "Stand: März 2026"])
def test_a_month_and_year_alone_is_still_a_date_line(line: str) -> None:
    from axis_ingest.clean.phrases import phrases
    from axis_ingest.readers.scraped import _line_of, is_date_line

    assert is_date_line(_line_of(line), phrases())


@pytest.mark.parametrize(
    ("text", "language", "published"),
    [
        ("Opublikowano: 4 marca 2026", "pl", "2026-03-04"),  # was April 2026: the label made dateparser give up
        ("Yayın: 4 Mart 2026", "tr", "2026-03-04"),
    ],
)
def test_a_date_after_a_label_the_table_does_not_hold_keeps_its_day(text: str, language: str, published: str) -> None:
    assert parse_date(text, languages=(language,)).iso() == published


def test_a_word_and_a_colon_before_words_is_no_label_taken_off() -> None:
    """Left alone: a colon before words, not a number ("Updated: March 5, 2026" reads as before)."""
    assert parse_date("Updated: March 5, 2026").iso() == "2026-03-05"
    assert parse_date("Veröffentlicht: 4. März 2026", languages=("de",)).iso() == "2026-03-04"


def test_a_polish_update_beside_the_publication_is_set_aside() -> None:
    doc = _read(_page_text("Autor: Anna Nowak", "Aktualizacja: 05.03.2026 | Publikacja: 04.03.2026"))
    assert doc.published == "2026-03-04"


def test_a_meta_line_long_enough_for_a_paragraph_is_the_header() -> None:
    """A byline of three names beside a date, ending in "г.", read as the text's first paragraph."""
    line = "Автор: Анна Иванова, Дмитрий Смирнов и Ольга Кузнецова | среда, 4 марта 2026 г."
    russian = [
        "Городской совет во вторник решил расширить паромное сообщение в порту и добавить два вечерних рейса.",
        "Жители поддержали решение, но попросили снизить цены на билеты для студентов и пенсионеров.",
    ]
    lines = ["Главная | Новости | Спорт", "", "Совет расширяет паромное сообщение", "", line, "", *russian]
    doc = _read(("\n\n".join(lines) + "\n").encode())
    assert [a.name for a in doc.authors] == ["Анна Иванова", "Дмитрий Смирнов", "Ольга Кузнецова"]
    assert doc.published == "2026-03-04" and doc.paragraphs[0] == russian[0]
    # left alone: a first paragraph with a separator that names nobody
    text_line = "The council voted on Tuesday | the ferry runs again from April, officials said on Friday."
    doc = _read(_page_text(text_line))
    assert doc.paragraphs[0] == text_line
