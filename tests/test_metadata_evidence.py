"""Issue 14: given-name evidence in bylines, handles, sibling bylines, bare author labels, titles without the
site's name, "Updated" lines kept out of `published`.  Each rule: an input it fixes and one it leaves alone."""

from __future__ import annotations

from axis_ingest.config import load_settings
from axis_ingest.document import Document
from axis_ingest.names.bylines import parse_byline
from axis_ingest.names.given_names import popularity
from axis_ingest.normalise import normalise_authors, normalise_document
from axis_ingest.readers.html_meta import choose_title, html_metadata


def _names(byline: str) -> list[str]:
    return [a.name for a in parse_byline(byline)]


def test_given_name_popularity_comes_from_the_shipped_dictionary() -> None:
    assert popularity("Klaus") >= 8 and popularity("Kathrin") >= 5 and popularity("Gábor") >= 5
    assert popularity("Klagenfurt") == popularity("Kommentar") == popularity("Human") == 0
    assert popularity("Jean-Luc") > 0  # a hyphenated first name counts by its first part


def test_place_after_a_comma_is_not_an_author() -> None:
    assert _names("By Lena Hofbauer, Klagenfurt") == ["Lena Hofbauer"]
    assert _names("Von Jonas Weber, Innsbruck") == ["Jonas Weber"]


def test_second_full_name_after_a_comma_is_kept() -> None:
    assert _names("By Lena Hofbauer, Jonas Weber") == ["Lena Hofbauer", "Jonas Weber"]
    assert _names("Andrea, Kathrin") == ["Andrea", "Kathrin"]  # one-word names in a list: no full name first


def test_surname_comma_given_is_one_person() -> None:
    assert _names("Hofbauer, Lena") == ["Lena Hofbauer"]
    assert _names("Von van der Berg, Sophie") == ["Sophie van der Berg"]
    assert _names("Smith, John; Doe, Jane") == ["John Smith", "Jane Doe"]


def test_two_given_names_with_a_comma_stay_two_people() -> None:
    assert _names("Kathrin, Lena") == ["Kathrin", "Lena"]  # "Kathrin" is a given name: not a surname


def test_interface_phrases_are_not_names() -> None:
    assert _names("Schreibe einen Kommentar") == []
    assert _names("Leave a reply") == []


def test_lower_case_particles_and_hyphenated_middle_names_stay() -> None:
    assert _names("By Sophie van der Berg") == ["Sophie van der Berg"]
    assert _names("Ibn al Haytham") == ["Ibn al Haytham"]


def test_a_handle_becomes_the_full_name_printed_elsewhere() -> None:
    authors = normalise_authors(["arianschlichenmayer"], ["Arian Schlichenmayer"])
    assert [a.name for a in authors] == ["Arian Schlichenmayer"]
    handle_first = normalise_authors([], ["Gabor_munier", "Gàbor Muniér", "Gabor Munier"])
    assert [a.name for a in handle_first] == ["Gàbor Muniér"]  # the first printed full name


def test_a_handle_without_a_matching_full_name_is_left_alone() -> None:
    assert [a.name for a in normalise_authors(["Bebs"], ["Mara Lind"])] == ["Bebs"]


def _meta(body: str, head: str = "") -> object:
    return html_metadata(f"<html><head>{head}</head><body>{body}<p>Der Text des Artikels steht hier.</p></body></html>")


def test_author_links_in_different_blocks_stay_apart() -> None:
    meta = _meta('<p><a rel="author" href="/a">Ana Lima</a></p><div><a rel="author" href="/b">Ben Ott</a></div>')
    assert meta.evidence.bylines[:2] == ["Ana Lima", "Ben Ott"]


def test_bare_author_label_names_the_next_element() -> None:
    meta = _meta('<div class="news"><h4>Autor</h4><p><a href="/profil/nh">Nikolai Huke</a>, </p></div>')
    assert [a.name for a in normalise_authors([], meta.evidence.bylines)] == ["Nikolai Huke"]


def test_bare_author_label_in_a_book_fact_box_is_left_alone() -> None:
    meta = _meta("<div><p>Verlag: Hanser</p><h4>Autor</h4><p>Ian McEwan</p><p>Seiten: 320</p></div>")
    assert normalise_authors([], meta.evidence.bylines) == []


def test_byline_element_and_class_in_the_sites_language() -> None:
    ev = _meta('<byline>Von David Hutzler, dpa</byline><span class="autor-name">Kathrin Führes</span>').evidence
    assert ev.bylines[:2] == ["Von David Hutzler, dpa", "Kathrin Führes"]
    assert [a.name for a in normalise_authors([], ev.bylines[:1])] == ["David Hutzler"]  # the agency is not a person


def test_title_agreeing_with_h1_is_the_printed_headline() -> None:
    candidates = [("og", "Record of The Week: Luboku, 'Pale Blue Dot' | Tone Deaf"), ("title", "AKI")]
    assert choose_title(candidates, "Record of The Week: Luboku, ‘Pale Blue Dot’", ["Tone Deaf"]) == (
        "Record of The Week: Luboku, ‘Pale Blue Dot’"
    )


def test_site_name_around_a_meta_title_is_removed() -> None:
    assert choose_title([("og", "Losing face: masks stolen | The Japan Times")], None, ["The Japan Times"]) == (
        "Losing face: masks stolen"
    )
    assert choose_title([("og", "Streit ums Feuerholz - www.AussenGedanken.de")], None, ["aussengedanken.de"]) == (
        "Streit ums Feuerholz"
    )
    assert choose_title([("title", "CBC | Big news today")], None, ["CBC News"]) == "Big news today"


def test_title_parts_that_are_not_the_site_stay() -> None:
    assert (
        choose_title([("og", "Brexit - what happens next")], None, ["The Japan Times"]) == "Brexit - what happens next"
    )


def test_junk_title_loses_to_the_h1_and_editors_title_to_a_section_h1() -> None:
    assert choose_title([("title", "AKI")], "Acute kidney injury in children", []) == "Acute kidney injury in children"
    assert choose_title([("og", "Schneeflöckchen – mit Hund im Winter")], "Aktuelles", []) == (
        "Schneeflöckchen – mit Hund im Winter"
    )


def _published(lines: list[str]) -> str | None:
    doc = Document(source_format="scraped_text", paragraphs=["Der Text."])
    for line in lines:
        doc.evidence.claim_date(line, "header")
    return normalise_document(doc, load_settings()).published


def test_updated_line_is_never_the_publication_date() -> None:
    assert _published(["Updated: March 7, 2026", "Published: March 3, 2026"]) == "2026-03-03"
    assert _published(["Aktualisiert am 7. März 2026"]) is None


def test_published_line_is_left_alone_and_a_month_stays_a_month() -> None:
    assert _published(["Published: March 3, 2026"]) == "2026-03-03"
    assert _published(["March 2026"]) == "2026-03"


def _plain(text: str) -> Document:
    from axis_ingest.readers.plaintext import read_plain_text

    doc = read_plain_text(text)[0]
    return normalise_document(doc, load_settings())


REPORT = (
    "Regional Water Outlook 2026: Why the Northern\nBasin Faces a Dry Summer\n\n{line}\n\nReservoir levels across"
    " the northern basin ended the winter at 61 per cent of\ncapacity, the lowest reading since monitoring began.\n"
)


def test_pdf_text_month_under_the_title_is_the_date_and_stays_a_month() -> None:
    doc = _plain(REPORT.format(line="March 2026"))
    assert doc.published == "2026-03"
    assert "March 2026" not in doc.body


def test_pdf_text_heading_with_a_year_is_left_in_the_body() -> None:
    doc = _plain(REPORT.format(line="Outlook 2026"))
    assert doc.published is None
    assert doc.body.startswith("Outlook 2026")


def test_cxense_author_meta_tag_is_a_byline() -> None:
    ev = _meta("", head='<meta property="cXenseParse:author" content="Lisa Petrich">').evidence
    assert [a.name for a in normalise_authors(ev.author_names, ev.bylines)] == ["Lisa Petrich"]


def test_blog_name_in_the_h1_is_the_site_and_the_post_title_comes_from_the_title() -> None:
    page = (
        "<html><head><title>Was ist Virales Marketing? | DimidoBlog</title></head><body><header>"
        '<h1 class="site-title"><a href="https://dimido.de/">DimidoBlog</a></h1></header>'
        "<h2>Was ist Virales Marketing?</h2><p>Virales Marketing verbreitet sich von selbst.</p></body></html>"
    )
    assert html_metadata(page).title == "Was ist Virales Marketing?"
    assert choose_title([("og", "Rasende Polizisten - strafprozess.ch")], "strafprozess.ch", ["strafprozess.ch"]) == (
        "Rasende Polizisten"
    )


def test_headline_h1_linking_to_its_own_article_is_left_alone() -> None:
    page = (
        "<html><head><title>Big story | Site</title></head><body>"
        '<h1><a href="https://site.example/2026/03/big-story">Big story</a></h1><p>Text of the story.</p></body></html>'
    )
    assert html_metadata(page).title == "Big story"
