"""Bylines -> person names with roles: shared cases (when ../shared exists) plus our own varied ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from axis_ingest.names.bylines import parse_byline, person_key, without_language_prefix
from axis_ingest.normalise import credited_persons, normalise_authors

CASES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "authors" / "byline_cases.jsonl"


def _names(text: str) -> list[str]:
    return [a.name for a in parse_byline(text)]


@pytest.mark.skipif(not CASES.is_file(), reason="../shared/bench is absent")
def test_every_shared_byline_case() -> None:
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        got = _names(case["input"])
        # Upstream keeps all-caps names ("SARA KARL"); we re-case them, so compare case-insensitively.
        assert [n.casefold() for n in got] == [e.casefold() for e in case["expected"]], case["input"]
        assert not any(len(w) > 2 and w.isupper() for n in got for w in n.split()), got


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Priya Raman and Tomás Ortega | March 5, 2026", ["Priya Raman", "Tomás Ortega"]),
        ("Автор: Елена Смирнова", ["Елена Смирнова"]),
        ("Von Katrin Hoffmann und Jonas Weber, Berlin-Korrespondent", ["Katrin Hoffmann", "Jonas Weber"]),
        ("Par Camille Lefèvre et Hugo Martin", ["Camille Lefèvre", "Hugo Martin"]),
        ("By GRACE O'NEILL, Staff Writer", ["Grace O'Neill"]),
        ("By Wendell Pierce Jr. for the Baltimore Sun", ["Wendell Pierce Jr."]),
        ("By Sophie van der Berg in The Hague", ["Sophie van der Berg"]),
    ],
)
def test_varied_bylines(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize("byline", ["By Reuters", "Associated Press", "Staff Reporter", "admin@site.org", "Updated"])
def test_organisations_and_noise_are_not_authors(byline: str) -> None:
    assert _names(byline) == []


def test_wire_credit_roles_in_order() -> None:
    authors = parse_byline(
        "(Reporting by Nadia Karim and Omar Fadel in Cairo; Writing by Lena Brooks; Editing by Kevin Liffey)"
    )
    assert [(a.name, a.role) for a in authors] == [
        ("Nadia Karim", "reporting"),
        ("Omar Fadel", "reporting"),
        ("Lena Brooks", "writing"),
        ("Kevin Liffey", "editing"),
    ]


def test_structured_names_win_and_a_credit_line_gives_roles_not_authors() -> None:
    """A story whose byline names its writer credits more people at its end ("Additional reporting by Steve
    Gorman; Editing by Marguerita Choy, ...", Reuters): they were stored as authors; the labelled pages (the
    authors dev set's Reuters page, fundus's, a reviewing editor on WCXB's) list the byline alone.  They are
    credits; a writer the credit line names too gets the role."""
    authors = normalise_authors(["Nadia Karim"], ["By Someone Else", "(Editing by Kevin Liffey)"])
    assert [(a.name, a.role) for a in authors] == [("Nadia Karim", None)]
    authors = normalise_authors(
        ["Nadia Karim"], ["(Reporting by Nadia Karim in Cairo and Omar Fadel in Beirut; Editing by Kevin Liffey)"]
    )
    assert [(a.name, a.role) for a in authors] == [("Nadia Karim", "reporting")]
    assert credited_persons(["(Additional reporting by Omar Fadel; Editing by Kevin Liffey)"], authors) == [
        {"name": "Omar Fadel", "role": "reporting"},
        {"name": "Kevin Liffey", "role": "editing"},
    ]


def test_a_credit_line_alone_names_the_authors_by_its_writing_roles() -> None:
    """Left alone: wire copy whose only byline is its credit line has its reporters and writer as authors, in
    order, with their roles; its editor is a credit."""
    authors = normalise_authors(
        [], ["(Reporting by Nadia Karim and Omar Fadel in Cairo; Writing by Lena Brooks; Editing by Kevin Liffey)"]
    )
    assert [(a.name, a.role) for a in authors] == [
        ("Nadia Karim", "reporting"),
        ("Omar Fadel", "reporting"),
        ("Lena Brooks", "writing"),
    ]


def test_a_written_by_byline_completes_the_writer_structured_data_names_without_his_title() -> None:
    """aihr.com (WCXB): JSON-LD names the first of three writers, the header prints "Written by Dr Marna van der
    Merwe, Dr Dieter Veldsman, Erik van Vulpen".  The byline lists the JSON-LD's writer (with a title) and more, so
    it completes them; its "Written by" makes writers, not credits."""
    byline = "Written by Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van Vulpen"
    authors = normalise_authors(["Marna van der Merwe"], [byline])
    assert [a.name for a in authors] == ["Marna van der Merwe", "Dr Dieter Veldsman", "Erik van Vulpen"]
    assert person_key("Dr Marna van der Merwe") == person_key("Marna van der Merwe") == "marna van der merwe"
    # left alone: a given name that is also a title, a title before a surname alone, a credit line's reporters
    assert person_key("Dean Baquet") == "dean baquet"
    assert person_key("Dr Kowalski") == "dr kowalski"
    credit = "(Reporting by Nadia Karim and Omar Fadel in Cairo; Writing by Lena Brooks; Editing by Kevin Liffey)"
    authors = normalise_authors(["Lena Brooks"], [credit])
    assert [a.name for a in authors] == ["Lena Brooks"]


def test_a_credit_phrase_inside_a_byline_starts_its_own_credit() -> None:
    """Google's SRE book prints `<p class="byline author">Written by Rob Ewaschuk<br>Edited by Betsy Beyer</p>`,
    which reads as one line: the editor was stored as the writer.  A credit phrase starts a segment wherever it
    stands, so the writer is the author and the editor a credit."""
    byline = "Written by Rob Ewaschuk Edited by Betsy Beyer"
    assert [(a.name, a.role) for a in parse_byline(byline)] == [("Rob Ewaschuk", "writing"), ("Betsy Beyer", "editing")]
    assert [a.name for a in normalise_authors([], [byline])] == ["Rob Ewaschuk"]
    labelled = "Written by: Rob Ewaschuk Edited by: Betsy Beyer"
    assert [a.name for a in normalise_authors([], [labelled])] == ["Rob Ewaschuk"]
    assert credited_persons([byline], normalise_authors([], [byline])) == [{"name": "Betsy Beyer", "role": "editing"}]
    # left alone: a phrase that opens the byline, a longer phrase holding a shorter one, a byline without one
    assert [(a.name, a.role) for a in parse_byline("Additional reporting by Tom Hale and Ana Lima")] == [
        ("Tom Hale", "reporting"),
        ("Ana Lima", "reporting"),
    ]
    assert [a.name for a in parse_byline("Words by Anna Berger and Tom Hale")] == ["Anna Berger", "Tom Hale"]
    # a category and a date row before "Written By" (a travel blog, WCXB): dropped with it, never a name
    assert [a.name for a in parse_byline("Asia Japan Dec 23 Written By Linny and Peter")] == ["Linny", "Peter"]


def test_a_person_a_second_source_adds_opens_with_a_given_name() -> None:
    """The byline completes the structured names with persons, not with a company or a job title read as a name."""
    authors = normalise_authors(["Max Mittler"], ["By Max Mittler and Model Remodel"])
    assert [a.name for a in authors] == ["Max Mittler"]
    authors = normalise_authors(["Engin Haupt"], ["Engin Haupt, MDR Sachsen-Anhalt"])
    assert [a.name for a in authors] == ["Engin Haupt"]
    authors = normalise_authors(["Nadia Karim"], ["By Nadia Karim", "(Editing by Model Remodel)"])
    assert [a.name for a in authors] == ["Nadia Karim"]
    # left alone: a second writer, a credit, a title before the given name, initials, another script
    authors = normalise_authors(["Tariq Malik"], ["By Tariq Malik, Mike Wall"])
    assert [a.name for a in authors] == ["Tariq Malik", "Mike Wall"]
    authors = normalise_authors(["Marna van der Merwe"], ["By Marna van der Merwe and Dr Dieter Veldsman"])
    assert [a.name for a in authors] == ["Marna van der Merwe", "Dr Dieter Veldsman"]
    authors = normalise_authors(["Lena Brooks"], ["By Lena Brooks and J. K. Rowe"])
    assert [a.name for a in authors] == ["Lena Brooks", "J. K. Rowe"]
    authors = normalise_authors(["Иван Петров"], ["Иван Петров и Анна Смирнова"])
    assert [a.name for a in authors] == ["Иван Петров", "Анна Смирнова"]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Rasmus Barslund Founder & Lead Reviewer", ["Rasmus Barslund"]),
        ("Written By: Catherine Boeckmann Executive Digital Editor and Master Gardener", ["Catherine Boeckmann"]),
        # left alone: a person after the title, a person after a title of its own
        ("Rasmus Barslund Founder & Anna Berger", ["Rasmus Barslund", "Anna Berger"]),
        ("By Roger Highfield, Science Editor, and Jane Doe", ["Roger Highfield", "Jane Doe"]),
    ],
)
def test_a_job_title_goes_on_after_and(byline: str, expected: list[str]) -> None:
    """ "Founder & Lead Reviewer": the words after "&" continue the title unless they open with a given name."""
    assert [a.name for a in parse_byline(byline)] == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Veröffentlicht vonMaren Albers", ["Maren Albers"]),  # label glued onto the name
        ("Yvonne Kraus", ["Yvonne Kraus"]),  # "von" inside a name is left alone
        ("Zeige alle Beiträge von Petra Lindqvist", ["Petra Lindqvist"]),
        ("View all posts by Dario Neri", ["Dario Neri"]),
        ("Por Juan Pablo Rojas C.", ["Juan Pablo Rojas C."]),  # a final initial keeps its stop
        ("By Ana Lima.", ["Ana Lima"]),
        ("J.K. Rowling", ["J.K. Rowling"]),
        ("Karl Weber im Gespräch mit Sabine Roth", ["Karl Weber", "Sabine Roth"]),
    ],
)
def test_labels_initials_and_connectors(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize(
    "byline",
    [
        "marta.kowalska",
        "nordkurier.de",
        "Bundesverband Solarwirtschaft e.V.",
        "Sonnenstrom Werke AG",
        "Super User",
        "Unbenannt",
        "siteadmin",
        "Copyright Lindner Medien GmbH",
    ],
)
def test_handles_domains_organisations_and_placeholders_are_not_authors(byline: str) -> None:
    assert _names(byline) == []


def test_site_name_printed_as_author_is_skipped() -> None:
    authors = normalise_authors([], ["Nordlicht Kurier", "Jana Petersen"], site_names=["Nordlicht Kurier"])
    assert [a.name for a in authors] == ["Jana Petersen"]
    authors = normalise_authors([], ["Kuestenblatt De", "Ole Hansen"], domain="www.kuestenblatt.de")
    assert [a.name for a in authors] == ["Ole Hansen"]
    authors = normalise_authors([], ["Jana Petersen"], site_names=["Nordlicht Kurier"], domain="nordlicht.de")
    assert [a.name for a in authors] == ["Jana Petersen"]


def test_site_name_that_signs_the_byline_gives_nobody_and_leaves_the_names_beside_it() -> None:
    """ "Kirche und Leben, Münster, Germany" on kirche-und-leben.de: the site and its address, not four people."""
    site = {"site_names": [], "domain": "www.kirche-und-leben.de"}
    assert normalise_authors([], ["Kirche und Leben, Münster, Germany"], **site) == []
    assert normalise_authors([], ["Von Kirche und Leben"], **site) == []
    # left alone: a person beside the site's name, and persons on another site
    assert [a.name for a in normalise_authors([], ["Anna Berger, Kirche und Leben"], **site)] == ["Anna Berger"]
    others = normalise_authors([], ["Anna Berger und Jens Koch"], **site)
    assert [a.name for a in others] == ["Anna Berger", "Jens Koch"]


def test_byline_completes_structured_names_only_when_it_contains_them() -> None:
    authors = normalise_authors(["Aisha Bello"], ["Aisha Bello, Tom Reyes"])
    assert [a.name for a in authors] == ["Aisha Bello", "Tom Reyes"]
    authors = normalise_authors(["Aisha Bello"], ["By Tom Reyes and Li Wen"])
    assert [a.name for a in authors] == ["Aisha Bello"]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Von Tomas Brandt Fr, 18. Oktober 2019", ["Tomas Brandt"]),
        ("Par Léa Martin le 3 mai 2024", ["Léa Martin"]),
        ("By Anh Do", ["Anh Do"]),  # a surname that is also a weekday abbreviation, with no date after it
        # a byline and a date in two spans of one element, read as one line: every language's weekdays, and a
        # label before a dangling "on"
        ("Par Claire Dubois et Julien Moreau mercredi 4 mars 2026", ["Claire Dubois", "Julien Moreau"]),
        ("Por Lucía Fernández y Javier Romero Miércoles, 4 de marzo de 2026", ["Lucía Fernández", "Javier Romero"]),
        ("Por Ana Ferreira quarta-feira, 4 de março de 2026", ["Ana Ferreira"]),
        ("By Sarah Mitchell and David Okafor Posted on March 4, 2026", ["Sarah Mitchell", "David Okafor"]),
        # left alone: a weekday's name that is a surname, with no date after it
        ("Por Ana Martes", ["Ana Martes"]),
        ("By Robinson Crusoe and Friday Jones", ["Robinson Crusoe", "Friday Jones"]),
    ],
)
def test_dates_and_dangling_prepositions_after_names(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Posted on September 21, 2020 by Noa Feldman", ["Noa Feldman"]),
        ("Posted in Reisen by Carla Mendes on August 3, 2019", ["Carla Mendes"]),
        ("Gespeichert von Ruth Albers am 24. Juli 2017 - 18:55", ["Ruth Albers"]),
    ],
)
def test_meta_lines_leading_to_the_name(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize(
    "byline",
    [
        "von",
        "Ministerium für Umwelt und Verkehr",
        "Landesverband Bayern, Presse und Öffentlichkeit",
        "KreditScout24",
        "Team 7",
    ],
)
def test_institutions_accounts_and_bare_labels_name_nobody(byline: str) -> None:
    assert _names(byline) == []


def test_persons_joined_by_und_are_still_split() -> None:
    assert _names("Lena Vogt und Paul Ritter") == ["Lena Vogt", "Paul Ritter"]


def test_fragment_of_a_byline_that_names_nobody_is_skipped() -> None:
    bylines = ["Ministerium für Umwelt und Verkehr", "Verkehr", "Jana Roth"]
    assert [a.name for a in normalise_authors([], bylines)] == ["Jana Roth"]


def test_site_printed_with_accents_or_www_as_author_is_skipped() -> None:
    # domains carry neither accents nor spaces: "La Nación" is the own name of lanacion.com.ar
    authors = normalise_authors(["La Nación"], ["Lucía Fernández"], domain="lanacion.com.ar")
    assert [a.name for a in authors] == ["Lucía Fernández"]
    authors = normalise_authors([], ["Www Kuestenblatt De", "Ole Hansen"], domain="kuestenblatt.de")
    assert [a.name for a in authors] == ["Ole Hansen"]
    # a person whose name merely contains accents is kept
    authors = normalise_authors(["José Núñez"], [], domain="lanacion.com.ar")
    assert [a.name for a in authors] == ["José Núñez"]


def test_name_printed_again_after_an_unparsed_author_box_is_kept() -> None:
    # the author box glues name and description; its first part, printed alone, is the author
    bylines = ["Tomás Weber Mitglied der Lokalredaktion des Stadtkuriers", "Tomás Weber"]
    assert [a.name for a in normalise_authors([], bylines)] == ["Tomás Weber"]
    # fragments of a web address or a rating widget still name nobody
    bylines = ["Radio Ostsee (www.radio-ostsee.example)", "Radio Ostsee"]
    assert normalise_authors([], bylines) == []
    bylines = ["Wie Gemeinden sparen 4.2 5 Stimmen", "Wie Gemeinden sparen"]
    assert normalise_authors([], bylines) == []


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("erstellt von Mirjam Keller — veröffentlicht 14.03.2024 08:15", ["Mirjam Keller"]),
        ("Paulo Sousa – publicado 2 de maio de 2024", ["Paulo Sousa"]),
        ("Hans-Peter Müller-Lüdenscheidt", ["Hans-Peter Müller-Lüdenscheidt"]),  # hyphens do not split
    ],
)
def test_spaced_dash_ends_the_name(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


def test_a_remembered_byline_gives_new_authors_each_time() -> None:
    first = parse_byline("By Anna Berg and Jonas Lind")
    first[0].role = "editor"
    first.append(first[0])
    again = parse_byline("By Anna Berg and Jonas Lind")
    assert [(a.name, a.role) for a in again] == [("Anna Berg", None), ("Jonas Lind", None)]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # scripts without upper case: the capital-letter test of Latin names does not apply
        ("محمد الأحمد", ["محمد الأحمد"]),
        ("בני כהן", ["בני כהן"]),
        ("राहुल शर्मा", ["राहुल शर्मा"]),  # Devanagari vowel signs are combining marks
        ("สมชาย ใจดี", ["สมชาย ใจดี"]),
        # a reporter's title after (Korean, Japanese) or before (Chinese) the name, spaced or not
        ("김민준 기자", ["김민준"]),
        ("이서연·박지훈 선임기자", ["이서연", "박지훈"]),
        ("佐藤健一記者", ["佐藤健一"]),
        ("本报记者 张伟", ["张伟"]),
        ("文/李娜", ["李娜"]),  # "文" ("text by") is one character: nobody's name
        # a contact address beside the name
        ("By Dana Whitfield (dwhitfield@example-gazette.com)", ["Dana Whitfield"]),
        ("정하늘 기자 haneul@example.co.kr", ["정하늘"]),
        # a place after the name in a segment of its own
        ("Elif Kaya | İstanbul", ["Elif Kaya"]),
        ("Mark Ruiz | Los Angeles", ["Mark Ruiz"]),
        # a place, an agency or a job after a spaced dash, which no name holds (read into the name, or nobody)
        ("Mehmet Öztürk - İstanbul", ["Mehmet Öztürk"]),
        ("Di Giuseppe Rossi - Milano", ["Giuseppe Rossi"]),
        ("Sarah Johnson - Reuters", ["Sarah Johnson"]),
        ("Von Jörg Schröder - dpa", ["Jörg Schröder"]),
        ("Ana Lima - Correspondente em Lisboa", ["Ana Lima"]),
        # a headline's words after its opening "Von": German articles stand in a name only after a particle
        ("Von München bis Aachen: Im Netz der China-Agenten", []),
        ("Im Netz der Spione", []),
        ("Ursula von der Leyen", ["Ursula von der Leyen"]),
        ("Karel van het Reve", ["Karel van het Reve"]),
        ("Maria das Dores", ["Maria das Dores"]),
        # left alone: a hyphen inside a name, and two names a dash parts
        ("Mary Smith-Jones", ["Mary Smith-Jones"]),
        ("Anna-Lena Meyer - Karl-Heinz Braun", ["Anna-Lena Meyer", "Karl-Heinz Braun"]),
    ],
)
def test_names_in_any_script_titles_addresses_and_places(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # a social account after the name, run into it as copied (Vox Media's sites, cnbc.com) or spaced
        ("By Grant Brisbee@GrantBrisbee Dec 6, 2016, 4:08pm EST", ["Grant Brisbee"]),
        ("Tom DiChristopher@tdichristopher WATCH LIVE", ["Tom DiChristopher"]),
        ("By Ana Lima @analima and Jo Bell @jobell", ["Ana Lima", "Jo Bell"]),
        # left alone: a contact address is no handle, and a handle alone names nobody
        ("Mike Cason | mcason@al.com", ["Mike Cason"]),
        ("@GrantBrisbee", []),
    ],
)
def test_a_social_handle_after_a_name_ends_it(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


def test_a_name_run_into_its_handle_is_no_organisation_hiding_the_name() -> None:
    """sbnation.com's header byline "By Grant Brisbee@GrantBrisbee ..." read as an address, an organisation's,
    so its clean copy "Grant Brisbee" was taken for a fragment of it and a photo credit further down was chosen."""
    bylines = ["By Grant Brisbee@GrantBrisbee Dec 6, 2016, 4:08pm EST", "Grant Brisbee", "Photo by Jo Bell/Getty"]
    assert [a.name for a in normalise_authors([], bylines)] == ["Grant Brisbee"]


@pytest.mark.parametrize(
    "byline", ["Haber Merkezi", "Dış Haberler Servisi", "온라인뉴스팀", "디지털뉴스부", "편집국", "編集部", "新闻中心"]
)
def test_news_desks_in_turkish_korean_japanese_and_chinese_are_nobody(byline: str) -> None:
    assert _names(byline) == []


@pytest.mark.parametrize(
    ("byline", "expected"),
    [("Elif Merkez", ["Elif Merkez"]), ("박보도", ["박보도"]), ("김민준 기자", ["김민준"])],
)
def test_desk_words_leave_names_alone(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Ana Lima | Kathrin", ["Ana Lima", "Kathrin"]),  # a second person's given name is no place
        ("Reporting by Dana Whitfield; Editing by Omar Haddad", ["Dana Whitfield", "Omar Haddad"]),
        ("on December", []),  # a lower-case first word still makes a phrase in Latin script
        ("记者站", []),  # "reporter station": a title with nothing after it names nobody
    ],
)
def test_script_and_title_rules_leave_these_alone(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Napisał Jan Kowalski", ["Jan Kowalski"]),  # Polish "wrote"
        ("글 김민준", ["김민준"]),  # Korean "text:"
        ("文：佐藤健一", ["佐藤健一"]),  # a full-width colon after a label
        ("Oleh Sukhov", ["Oleh Sukhov"]),  # left alone: Indonesian "oleh" ("by") is a Ukrainian given name too
        # session 14, a probe of 32 languages' bylines: these gave a name with the word in it
        ("Teksti Matti Virtanen", ["Matti Virtanen"]),  # Finnish
        ("מאת דני כהן", ["דני כהן"]),  # Hebrew
        ("Bởi Nguyễn Văn An", ["Nguyễn Văn An"]),  # Vietnamese
        ("Συντάκτης: Γιώργος Παπαδόπουλος", ["Γιώργος Παπαδόπουλος"]),  # Greek
        ("Penulis: Budi Santoso", ["Budi Santoso"]),  # Indonesian "writer"
    ],
)
def test_byline_prefixes_of_more_languages(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # fundus's page of The West Australian (JSON-LD "Dan Jervis-Bardy"): Indonesian "dan" ("and") cut the
        # given name off, and "Dan Smith" gave nobody
        ("Dan Jervis-Bardy", ["Dan Jervis-Bardy"]),
        ("By Dan Smith and Ana Lima", ["Dan Smith", "Ana Lima"]),
        ("JA MORANT", ["Ja Morant"]),
        # left alone: the connectors as those languages print them, in lower case
        ("Budi Santoso dan Siti Aminah", ["Budi Santoso", "Siti Aminah"]),
        ("Matti Virtanen ja Liisa Korhonen", ["Matti Virtanen", "Liisa Korhonen"]),
        ("Door Jan de Vries en Pieter van Dam", ["Jan de Vries", "Pieter van Dam"]),
    ],
)
def test_a_connector_that_is_a_given_name_joins_names_only_in_lower_case(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Per Olsson", ["Per Olsson"]),  # the Swedish given name was cut as Italian "per" ("for"): nobody
        ("Per Olsson for AP", ["Per Olsson"]),
        ("By Ana Lima, in Beirut", ["Ana Lima"]),  # left alone: a place after a name
        ("In Beirut", []),  # left alone: a place is nobody
    ],
)
def test_a_cut_word_opening_a_byline_before_a_name_is_a_given_name(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize(
    ("byline", "language", "expected"),
    [
        ("Oleh Kania Sirait", "id", "Kania Sirait"),  # Indonesian "by"
        ("de Ilie Dobre", "ro", "Ilie Dobre"),  # Romanian "by"
        ("Per Dolores Arco", "ca", "Dolores Arco"),  # Catalan "by"
        ("Oleh Sentsov", "en", "Oleh Sentsov"),  # left alone: a Ukrainian given name on an English page
        ("Per Olsson", "sv", "Per Olsson"),  # left alone: a Swedish given name on a Swedish page
        ("De Gaulle", None, "De Gaulle"),  # left alone: no language known
    ],
)
def test_a_by_word_that_is_a_name_elsewhere_goes_only_in_its_language(
    byline: str, language: str | None, expected: str
) -> None:
    assert without_language_prefix(byline, language) == expected


@pytest.mark.parametrize("word", ["Teilen", "Antworten", "Human", "Red", "Folgen"])
def test_a_one_word_byline_that_is_an_everyday_word_is_nobody(word: str) -> None:
    """An author element holding an interface word ("Teilen": share; "Human" on ethify.org, "Red" on ORF's
    pages) was stored as a person: one word is an everyday word of a major language (wordfreq), not a name."""
    assert parse_byline(word) == []
    assert parse_byline(f"By {word}") == []


@pytest.mark.parametrize("word", ["Kathrin", "Andrea", "reineckefuchs", "Newsdesk", "Bebs"])
def test_a_one_word_first_name_or_handle_stays_the_author(word: str) -> None:
    """Left alone: blogs print a first name ("Andrea" is an everyday word in Italian, and a common given name)
    or a handle as the author, and the authors dev set labels them so."""
    [author] = parse_byline(word)
    assert author.name.casefold() == word.casefold()


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Door Jan de Vries en Pieter van Dam", ["Jan de Vries", "Pieter van Dam"]),  # Dutch "and"
        ("Tekst: Anna Nowak i Piotr Kowalski", ["Anna Nowak", "Piotr Kowalski"]),  # Polish
        ("Szerző: Kovács Anna és Nagy Péter", ["Kovács Anna", "Nagy Péter"]),  # Hungarian
    ],
)
def test_every_author_of_a_list_joined_by_the_languages_and_is_kept(byline: str, names: list[str]) -> None:
    """The word for "and" of Dutch, Polish, Hungarian... did not split a list: one piece of six or seven words
    was no name, and the byline gave nobody."""
    assert [a.name for a in parse_byline(byline)] == names


def test_spanish_en_before_a_place_is_no_second_author() -> None:
    """Spanish "en" (in) before the place now splits like "and", and the place is still no person: one author
    (before, the piece "Ana Lima en Madrid" held a lower-case word and gave nobody)."""
    assert [a.name for a in normalise_authors([], ["Por Ana Lima en Madrid"])] == ["Ana Lima"]


@pytest.mark.parametrize(
    ("byline", "language", "expected"),
    [
        ("Autor: Jana Nováková a Petr Svoboda", "cs", ["Jana Nováková", "Petr Svoboda"]),
        (
            "Autor: Jana Nováková, Petr Svoboda a Lucie Dvořáková",
            "sk",
            ["Jana Nováková", "Petr Svoboda", "Lucie Dvořáková"],
        ),
        # left alone: "a" on a page in another language
        ("By Anna Berger and a staff writer", "en", ["Anna Berger"]),
    ],
)
def test_names_joined_by_a_word_of_the_pages_language(byline: str, language: str, expected: list[str]) -> None:
    assert [a.name for a in parse_byline(without_language_prefix(byline, language))] == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Amanda FurrerUpdated: Dec 19, 2025 1:06 PM EST", ["Amanda Furrer"]),
        ("by Jeffrey ZeldmanNovember 20, 2007", ["Jeffrey Zeldman"]),
        ("Mateusz HabernyFounder at Oakywood", ["Mateusz Haberny"]),
        # left alone: a name's own capital inside it
        ("By Craig McCarthy", ["Craig McCarthy"]),
        ("Sandee LaMotte", ["Sandee LaMotte"]),
        ("DeShawn MayField", ["DeShawn MayField"]),
        ("MixmasterFred", ["MixmasterFred"]),  # "Fred" is a given name, though Swedish prints Friday so
    ],
)
def test_a_label_run_into_the_name_is_cut_off(byline: str, expected: list[str]) -> None:
    """Copied page text joins two elements without a space ("FurrerUpdated"): a date's label, a month or a job
    word after a lower-case letter starts a word of its own."""
    assert [a.name for a in parse_byline(byline)] == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Patrick Clarke Published 10:19am 19 December 2025", ["Patrick Clarke"]),
        ("By Anna Berger 14:10 Uhr", ["Anna Berger"]),
        ("By Jane Doe 9 a.m. ET", ["Jane Doe"]),
        # left alone: no time of day after the names
        ("By Amanda Furrer and Pam Smith", ["Amanda Furrer", "Pam Smith"]),
        ("Patrick Clarke Published March 4, 2026", ["Patrick Clarke"]),
    ],
)
def test_a_time_of_day_after_the_names_opens_the_date(byline: str, expected: list[str]) -> None:
    """Page text prints the time before the day ("Published 10:19am 19 December 2025"): the names end there, as
    before a day and a month (a name holds no digit; the line gave nobody)."""
    assert [a.name for a in parse_byline(byline)] == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("by Meaghan Weeden ● December 23, 2025 ● 6 min read", ["Meaghan Weeden"]),
        ("by Jacob Trussell—10 min read", ["Jacob Trussell"]),
        ("Ntombizethu Ngcobo 2 minutes read", ["Ntombizethu Ngcobo"]),
        ("By Jane Doe 5 min read", ["Jane Doe"]),
        # left alone: a hyphen or an ampersand between names, a byline without a date or a reading time
        ("Jean-Pierre Dupont", ["Jean-Pierre Dupont"]),
        ("By Anna Berger & Tom Lee", ["Anna Berger", "Tom Lee"]),
    ],
)
def test_a_reading_time_or_a_date_after_a_separator_ends_the_names(byline: str, expected: list[str]) -> None:
    """A post's meta line runs on after the name: a reading time, or a date after a symbol used as a separator
    ("●", a dash without spaces); the names end there (the line gave nobody: a name holds no digit)."""
    assert [a.name for a in parse_byline(byline)] == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Meg James Staff Writer", ["Meg James"]),
        ("Written by Eric Gerard Ruiz Senior Staff Writer", ["Eric Gerard Ruiz"]),
        ("By Daniel Marans Senior Politics Reporter, HuffPost", ["Daniel Marans"]),
        ("Bruce Y. Lee Senior Contributor", ["Bruce Y. Lee"]),
        ("Catherine Boeckmann Executive Digital Editor", ["Catherine Boeckmann"]),
        # left alone: a desk after the name, "Senior" that ends a name, and a surname that is an everyday word
        # before the desk word (the name would be cut to its given name)
        ("Anna Berger Mitglied der Tonight News-Redaktion", []),
        ("John Smith Senior", ["John Smith Senior"]),
        ("Tim Green Digital Editor", []),
    ],
)
def test_a_job_title_after_the_name_without_a_comma_is_cut_off(byline: str, expected: list[str]) -> None:
    """ "Staff Writer" after the name gave nobody (the desk word "Staff" kept the piece whole), "Senior Politics
    Reporter" left "Senior Politics" in the name (the title was cut at its role word only), and a title opening
    at an everyday word before its desk word ("Executive Digital Editor", WCXB 0214 as page text) gave nobody."""
    assert [a.name for a in parse_byline(byline)] == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Von Katharina Müller Erstellt: 04.03.2026", ["Katharina Müller"]),
        ("Autor: Anna Nowak i Piotr Kowalski Opublikowano: 4 marca 2026", ["Anna Nowak", "Piotr Kowalski"]),
        ("Yazar: Ayşe Yılmaz Yayınlanma: 04.03.2026", ["Ayşe Yılmaz"]),
        # left alone: a surname right before a date, a name without a date
        ("By Anh Le 04/03/2026", ["Anh Le"]),
        ("Von Anna Berger", ["Anna Berger"]),
    ],
)
def test_a_labelled_date_after_the_names_goes_with_its_label(byline: str, expected: list[str]) -> None:
    """Two spans of one element run together ("Lea Hoffmann" and "Erstellt: 04.03.2026"): the label before the
    date's colon was read as the last name's last word, in any language ("Opublikowano", "Yayınlanma")."""
    assert [a.name for a in parse_byline(byline)] == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("von David Straub, MDR THÜRINGEN", ["David Straub"]),
        ("von David Straub, MDR THÜRINGEN Stand: 28. April 2023, 05:00 Uhr", ["David Straub"]),
        # left alone: a byline in capitals, a person in capitals joined by a word
        ("JOHN SMITH, JANE DOE", ["John Smith", "Jane Doe"]),
        ("By Anna Berger and JANE DOE", ["Anna Berger", "Jane Doe"]),
    ],
)
def test_an_outlet_in_capitals_after_a_name_is_no_person(byline: str, expected: list[str]) -> None:
    """A broadcaster prints its name as its logo after the writer's ("MDR THÜRINGEN"): stored as a second author
    once the date label after it no longer hid it (fundus half b)."""
    assert [a.name for a in parse_byline(byline)] == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("ByNina Pineda", ["Nina Pineda"]),
        ("ByAngela Kaye Carpenter Updated onFebruary 16, 2026", ["Angela Kaye Carpenter"]),
        # left alone: a glued lower-case prefix as before, and capitals that open no name after "By"
        ("Veröffentlicht vonChris Jung", ["Chris Jung"]),
        ("By BYD Press Office", []),
    ],
)
def test_a_capitalised_by_glued_to_the_name_is_the_prefix(byline: str, expected: list[str]) -> None:
    """Copied page text runs "By" into the name ("ByNina Pineda"): the name was stored with it."""
    assert [a.name for a in parse_byline(byline)] == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("ByShivya Nath 12th February 2025", ["Shivya Nath"]),
        ("By Chen Zhao December 2nd, 2025", ["Chen Zhao"]),
        # left alone: no day's number before or after a month
        ("By Mary St Clair", ["Mary St Clair"]),
    ],
)
def test_a_days_ordinal_ending_opens_the_date(byline: str, expected: list[str]) -> None:
    """English dates print the day as an ordinal ("12th February 2025"): the names ran on into the date and the
    byline gave nobody."""
    assert [a.name for a in parse_byline(byline)] == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # a post after the name, its institution's words after that (aclu.org, as Mozilla readability's test page)
        (
            "By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project",
            ["Daniel Kahn Gillmor"],
        ),
        # the Associated Press's byline as chron.com and sfgate.com print its copy: outlet, beat, title
        ("By ROBERT BURNS, AP National Security Writer", ["Robert Burns"]),
        ("By HILLEL ITALIE, AP National Writer", ["Hillel Italie"]),
        ("Tom Krisher, Ap Auto Writer", ["Tom Krisher"]),  # chron.com's author element, re-cased
        # a blog template's "Written By" with its writer's field empty, after the post's date
        ("Jun 2 Written By", []),
        # Reuters's header element: a reading time ("Min" is a given name, "Read" a surname to the parser)
        ("1 Min Read", []),
        # a German reading time, its label first: read to "Min" of "Minuten", it left "Uten" as a name
        ("Lesezeit 3 Minuten", []),
        ("Lesedauer: 4 Minuten", []),
    ],
)
def test_posts_outlets_and_empty_credits_after_a_name_name_nobody(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jane Smith, Washington Bureau, Tom Jones", ["Jane Smith", "Tom Jones"]),  # a second person after a desk
        ("By Jane Smith, Science Editor, and Tom Jones, Health Reporter", ["Jane Smith", "Tom Jones"]),
        ("Apr 12 Written By Tina Flint Huffman", ["Tina Flint Huffman"]),  # the template with its writer filled in
        ("JOHN SMITH, JANE DOE", ["John Smith", "Jane Doe"]),  # a byline in capitals names its people so
        ("By Min Lee", ["Min Lee"]),  # the given name without a reading time's number before it
        ("3 min read By Ana Lima", ["Ana Lima"]),
        ("Lesezeit 3 Min. Von Anna Berger", ["Anna Berger"]),
    ],
)
def test_persons_after_a_post_or_a_date_are_kept(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # an avatar's alt text and the name copied together (Dagbladet as page text): one person, once
        ("Martin Gramnæs Martin Gramnæs", ["Martin Gramnæs"]),
        # left alone: a name whose words repeat but not as a whole, two people of one family
        ("John John", ["John John"]),
        ("By Anna Berger and Thomas Berger", ["Anna Berger", "Thomas Berger"]),
    ],
)
def test_a_name_printed_twice_is_one_name(byline: str, expected: list[str]) -> None:
    assert _names(byline) == expected


def test_a_name_printed_twice_is_one_persons_name_whole():
    """A line of the name printed twice is one person's name (the page-text reader's bare-name test); two names
    joined by a connector are not."""
    from axis_ingest.names.bylines import one_persons_name

    assert one_persons_name("Martin Gramnæs Martin Gramnæs")
    assert not one_persons_name("Martin Gramnæs and Martin Gramnæs")


def test_wire_copys_editor_is_kept_as_a_credit_not_an_author() -> None:
    """Through the whole pipeline: the reporter of a wire story is its author, its editor is in metadata
    "credits" with the role the credit line gives."""
    from axis_ingest.config import Settings
    from axis_ingest.dedup.minhash import MinHashParams
    from axis_ingest.prepare import prepare_file

    text = (
        "WASHINGTON (Reuters) - Scientists on Monday unveiled the first global geological map of Saturn's moon "
        "Titan, a world of lakes and dunes of liquid methane that resembles the early Earth in some ways.\n\n"
        "The map was built from radar and infrared images taken by the Cassini spacecraft over 13 years, the "
        "researchers said in a study published in the journal Nature Astronomy.\n\n"
        "(Reporting by Will Dunham; Editing by Tom Brown)\n"
    )
    [prepared] = prepare_file("titan.txt", text.encode(), Settings(), MinHashParams()).documents
    assert [(a.name, a.role) for a in prepared.doc.authors] == [("Will Dunham", "reporting")]
    assert prepared.doc.metadata["credits"] == [{"name": "Tom Brown", "role": "editing"}]
