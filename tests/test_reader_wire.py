"""Wire copy: furniture out of the body and into fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from axis_ingest.clean.wire_patterns import display_place, strip_trailers
from axis_ingest.readers.wire import read_wire

FIXTURES = Path(__file__).parent / "fixtures" / "wire"


def read(name: str):
    docs = read_wire((FIXTURES / name).read_text(encoding="utf-8"))
    assert len(docs) == 1
    return docs[0]


def test_reuters_headline_dateline_and_credit_line() -> None:
    doc = read("reuters_dubai.txt")
    assert doc.title == "Oil climbs as tanker attacks raise Gulf supply fears"
    assert doc.dateline == "Dubai"
    assert doc.evidence.site_names == ["Reuters"] and doc.metadata["agency"] == "Reuters"
    assert doc.evidence.published == ["March 3"]
    assert doc.evidence.bylines == [
        "(Reporting by Maha El Dahan and Ahmad Ghaddar in Dubai; Writing by Florence Tan; Editing by Kim Coghill)"
    ]
    assert doc.paragraphs[0].startswith("Oil prices rose more than 2% on Tuesday")
    assert "Reporting by" not in doc.body and "(Reuters)" not in doc.body
    assert len(doc.paragraphs) == 3


def test_ap_byline_and_copyright_out_but_mid_body_reuters_kept() -> None:
    doc = read("ap_washington.txt")
    assert doc.title is None
    assert doc.dateline == "Washington"
    assert doc.evidence.bylines == ["By JOSH BOAK and ZEKE MILLER"]
    assert doc.paragraphs[0].startswith("The White House on Friday")
    assert "the news agency (Reuters) earlier this week" in doc.body
    assert "Copyright" not in doc.body
    assert doc.evidence.site_names == ["AP"]


def test_afp_french_dateline_signoff_and_slug() -> None:
    doc = read("afp_paris_fr.txt")
    assert doc.dateline == "Paris"
    assert doc.evidence.published == ["4 mars"]
    assert doc.evidence.site_names == ["AFP"]
    assert doc.metadata["editor_slugs"] == ["ab/cd"]
    assert doc.body.endswith("lors d'une conférence de presse.") or doc.body.endswith(
        "lors d’une conférence de presse."
    )
    assert "-- AFP" not in doc.body


def test_pti_date_line_first_then_dateline_date() -> None:
    doc = read("pti_newdelhi.txt")
    assert doc.dateline == "New Delhi"
    assert doc.evidence.published == ["12/02/2026 18:45 IST", "Feb 12"]
    assert doc.body.endswith("floated by June.")
    assert "Published" not in doc.body


def test_dpa_iso_date_line_and_slug() -> None:
    doc = read("dpa_berlin.txt")
    assert doc.dateline == "Berlin"
    assert doc.evidence.published == ["2026-01-20"]
    assert doc.evidence.site_names == ["dpa"]
    assert doc.body.endswith("Genehmigungsbehörden.")
    assert "/ab" not in doc.body


def test_ians_inline_date_and_run_on_signoff() -> None:
    doc = read("ians_inline.txt")
    assert doc.dateline == "Kathmandu"
    assert doc.evidence.published == ["2025-11-08", "Nov 8"]
    assert doc.evidence.site_names == ["IANS"]
    assert doc.metadata["editor_slugs"] == ["ksk/vd"]
    assert doc.paragraphs[0].startswith("Nepal")
    assert doc.body.endswith("close to capacity.")


def test_place_case() -> None:
    assert display_place("RIO DE JANEIRO") == "Rio de Janeiro"
    assert display_place("KYIV, Ukraine") == "Kyiv, Ukraine"
    assert display_place("Brussels") == "Brussels"  # kept as printed
    # a state by its initials keeps them ("Columbia, S.c." before)
    assert display_place("COLUMBIA, S.C.") == "Columbia, S.C."
    assert display_place("SANTA FE, N.M.") == "Santa Fe, N.M."
    assert display_place("ST. LOUIS") == "St. Louis"  # an abbreviated word is still a word


def test_trailer_rules_leave_story_text_alone() -> None:
    story = [
        "Analysts at the bank, quoted by Thomson Reuters Foundation (Reuters), expect a cut.",
        "The index closed at 4,210 points, up 1.2%.",
    ]
    kept, trailer = strip_trailers(story)
    assert kept == story and trailer.agencies == [] and trailer.slugs == []
    kept, trailer = strip_trailers([*story, "--IANS", "scor/as"])
    assert kept == story and trailer.agencies == ["IANS"] and trailer.slugs == ["scor/as"]


def test_slash_in_last_sentence_is_not_a_slug() -> None:
    kept, trailer = strip_trailers(["Turnout was 61% in the north/south districts combined."])
    assert kept == ["Turnout was 61% in the north/south districts combined."]
    assert trailer.slugs == []


def test_copy_without_dateline_keeps_its_lead() -> None:
    doc = read_wire("Markets were calm on Monday as traders awaited the data.\n\nThe yen was flat.\n\n(Reuters)")[0]
    assert doc.dateline is None
    assert doc.paragraphs == ["Markets were calm on Monday as traders awaited the data.", "The yen was flat."]
    assert doc.evidence.site_names == ["Reuters"]


@pytest.mark.parametrize(
    ("text", "fields", "lead"),
    [
        (  # Spanish copy: "(EFE).-", the lead began ".- El Gobierno"
            "MADRID, 5 mar (EFE).- El Gobierno aprobó este martes el proyecto de presupuestos para el próximo año, "
            "que congela las tarifas del transporte público.\n\n"
            "La ministra de Hacienda defendió en rueda de prensa que las cuentas priorizan el gasto social.\n",
            ("Madrid", ["EFE"], ["5 mar"], []),
            "El Gobierno aprobó",
        ),
        (  # Korean copy: place and agency in one bracket, the reporters and "=" before the lead
            "(서울=연합뉴스) 김민준·이서연 기자 = 서울시는 7일 내년 예산안을 발표하며 대중교통 요금을 동결하고 "
            "노후 버스 정류장 300곳을 새로 단장한다고 밝혔다.\n\n"
            "시는 이번 예산안이 시민 생활과 직접 맞닿은 사업에 우선순위를 두었다고 설명했다.\n",
            ("서울", ["Yonhap"], [], ["김민준·이서연 기자"]),
            "서울시는 7일",
        ),
    ],
)
def test_efe_and_korean_datelines(text: str, fields: tuple[object, ...], lead: str) -> None:
    doc = read_wire(text)[0]
    assert (doc.dateline, doc.evidence.site_names, doc.evidence.published, doc.evidence.bylines) == fields
    assert doc.paragraphs[0].startswith(lead)


def test_turkish_and_russian_datelines() -> None:
    turkish = "İSTANBUL, 5 Mart (DHA) - Kentte sabah saatlerinde başlayan yağmur etkili oldu.\n\nYetkililer uyardı.\n"
    doc = read_wire(turkish)[0]
    assert (doc.dateline, doc.evidence.site_names, doc.evidence.published) == ("İstanbul", ["DHA"], ["5 Mart"])
    russian = "МОСКВА, 5 марта (ТАСС) - Правительство утвердило проект бюджета на следующий год.\n\nРешение принято.\n"
    doc = read_wire(russian)[0]
    assert (doc.dateline, doc.evidence.site_names, doc.evidence.published) == ("Москва", ["TASS"], ["5 марта"])


@pytest.mark.parametrize(
    ("text", "fields", "lead"),
    [
        (  # TASS: the agency between slashes, a full stop after it
            "MOSCOW, March 5. /TASS/. The government approved the draft budget for next year on Thursday, the "
            "cabinet's press service said.\n\nThe budget goes to the State Duma next week.\n",
            ("Moscow", ["TASS"], ["March 5"]),
            "The government approved",
        ),
        (  # ANSA: the agency first, then the place and the date
            "(ANSA) - ROMA, 05 MAR - Il governo ha approvato giovedì il progetto di bilancio per il prossimo anno, "
            "ha detto il ministero.\n\nIl bilancio passa ora al parlamento.\n",
            ("Roma", ["ANSA"], ["05 MAR"]),
            "Il governo ha approvato",
        ),
        (  # dpa: a place with a slash
            "Frankfurt/Main (dpa) - Die Börse hat am Donnerstag mit leichten Gewinnen geschlossen, wie Händler "
            "berichteten.\n\nDer Dax stieg um ein halbes Prozent.\n",
            ("Frankfurt/Main", ["dpa"], []),
            "Die Börse hat",
        ),
    ],
)
def test_tass_ansa_and_dpa_dateline_shapes(text: str, fields: tuple[object, ...], lead: str) -> None:
    """A probe of sixteen agencies' dateline styles found these read as page text (TASS, ANSA) or without their
    place (dpa's "Frankfurt/Main")."""
    doc = read_wire(text)[0]
    assert (doc.dateline, doc.evidence.site_names, doc.evidence.published) == fields
    assert doc.paragraphs[0].startswith(lead)


@pytest.mark.parametrize(
    ("text", "fields", "lead"),
    [
        (
            "Berlin (dpa/AFP) - Die Bundesregierung hat am Dienstag ein Hilfspaket für kleine Unternehmen vorgestellt, "
            "wie ein Sprecher sagte.\n\nDas Paket umfasst Steuererleichterungen.\n",
            ("Berlin", ["dpa"], []),
            "Die Bundesregierung hat",
        ),
        (
            "WASHINGTON (Reuters/AP) - The Senate passed the spending bill late on Tuesday, averting a shutdown, "
            "officials said.\n\nThe House votes next week.\n",
            ("Washington", ["Reuters"], []),
            "The Senate passed",
        ),
        (  # dpa's regional service, an editor's initials after the agency
            "Hamburg (dpa/lno) - Der Hafen hat im ersten Halbjahr mehr Container umgeschlagen als im Vorjahr, teilte "
            "die Hafengesellschaft mit.\n\nDer Umschlag stieg um drei Prozent.\n",
            ("Hamburg", ["dpa"], []),
            "Der Hafen hat",
        ),
    ],
)
def test_a_joint_agency_credit_is_a_dateline(text: str, fields: tuple[object, ...], lead: str) -> None:
    """Two agencies, or an agency and its editor's initials, in one bracket: no dateline was read and the place and
    credit stayed at the head of the text."""
    doc = read_wire(text)[0]
    assert (doc.dateline, doc.evidence.site_names, doc.evidence.published) == fields
    assert doc.paragraphs[0].startswith(lead)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "Regierung stellt Hilfspaket vor\n\nGenf (SDA) - Die Regierung hat am Dienstag ein Hilfspaket für kleine "
            "Unternehmen vorgestellt, wie ein Sprecher sagte.\n\nDas Paket umfasst Steuererleichterungen.\n",
            ("Regierung stellt Hilfspaket vor", "Genf", ["SDA"], "Die Regierung hat"),
        ),
        (
            "Texas voters head to the polls\n\nAUSTIN (KXAN) — Texas voters head to the polls on Tuesday to decide on "
            "fourteen amendments to the state constitution.\n\nPolls close at 7 p.m.\n",
            ("Texas voters head to the polls", "Austin", ["KXAN"], "Texas voters head to the polls on Tuesday"),
        ),
    ],
)
def test_copy_sniffed_as_wire_by_a_source_no_table_knows_has_its_dateline(text: str, fields: tuple) -> None:
    """The sniffer reads a dateline of any short source as wire copy; the reader knew only the agencies' table's,
    so it read no dateline, and the headline stayed the text's first paragraph with the place and credit under it."""
    doc = read_wire(text)[0]
    assert (doc.title, doc.dateline, doc.evidence.site_names, doc.paragraphs[0][: len(fields[3])]) == fields


def test_a_poll_credit_beside_an_agency_is_no_joint_credit() -> None:
    """Left alone: a capitalised name that is no known agency after the slash ("Reuters/Ipsos", a poll's credit) is
    no joint credit of agencies."""
    from axis_ingest.detectors import match_dateline

    assert match_dateline("WASHINGTON (Reuters/Ipsos) - Most Americans say ...") is None


def test_slashes_without_a_known_agency_are_no_dateline() -> None:
    """Left alone: a breadcrumb or a path ("Home/News/Politics") is no dateline, even to the sniffer's reading of
    any short name as a source; ANSA's agency-first copy without a place keeps its lead."""
    from axis_ingest.detectors import match_dateline

    assert match_dateline("Home/News/Politics Budget approved", any_source=True) is None
    assert match_dateline("Die Seite /Politik/ zeigt alles") is None
    doc = read_wire("(ANSA) - Il governo ha approvato il bilancio per il prossimo anno.\n\nPassa ora al parlamento.\n")[
        0
    ]
    assert doc.dateline is None and doc.paragraphs[0].startswith("Il governo ha approvato")


def test_bracketed_text_without_an_agency_is_no_korean_dateline() -> None:
    text = "(서울=국회) 여야는 7일 예산안 처리에 합의했다.\n\n합의문은 오후에 발표됐다.\n"  # 국회: parliament
    doc = read_wire(text)[0]
    assert doc.paragraphs[0].startswith("(서울=국회)") and doc.dateline is None


ARABIC_WIRE = (
    "القاهرة (رويترز) - قال البنك المركزي المصري يوم الخميس إنه أبقى أسعار الفائدة دون تغيير للمرة الثالثة على "
    "التوالي، في خطوة توقعها معظم المحللين.\n\n"
    "وقال البنك في بيان إن معدل التضخم السنوي تراجع في الشهر الماضي.\n\n"
    "(إعداد أحمد علي للنشرة العربية - تحرير سامح الخطيب)\n"
)


def test_arabic_wire_copy_is_wire_copy_with_its_dateline_and_agency() -> None:
    """Arabic copy prints place and agency as Latin copy does ("القاهرة (رويترز) -"); a place without capitals
    and an agency written in Arabic were not read, so the copy was page text with its dateline in the lead."""
    from axis_ingest.sniff import sniff

    assert sniff(ARABIC_WIRE).source_format == "wire_text"
    doc = read_wire(ARABIC_WIRE)[0]
    assert (doc.dateline, doc.evidence.site_names) == ("القاهرة", ["Reuters"])
    assert doc.paragraphs[0].startswith("قال البنك المركزي المصري")


def test_an_arabic_sentence_with_a_bracketed_name_is_no_dateline() -> None:
    """Left alone: a name in brackets that is no agency ("(الشرطة)", the police) after an Arabic word opens no
    wire copy."""
    text = "القاهرة (الشرطة) - أعلنت وزارة الداخلية القبض على المتهمين.\n\nوقالت الوزارة إن التحقيق مستمر.\n"
    doc = read_wire(text)[0]
    assert doc.dateline is None and doc.paragraphs[0].startswith("القاهرة (الشرطة)")


@pytest.mark.parametrize(
    ("byline", "dateline", "lead", "place", "date"),
    [
        (
            "Por Lucía Fernández y Javier Romero",
            "MADRID, 4 de marzo (EFE) - ",
            "El ayuntamiento aprobó el martes ampliar el servicio de transbordador del puerto.",
            "Madrid",
            "4 de marzo",
        ),
        (
            "Por Ana Ferreira",
            "LISBOA, 4 de março (Lusa) - ",
            "A câmara municipal aprovou na terça-feira a ampliação do serviço de balsas no porto.",
            "Lisboa",
            "4 de março",
        ),
        (
            "Door Sanne de Vries",
            "AMSTERDAM, 4 maart (Reuters) - ",
            "De gemeenteraad heeft dinsdag besloten de veerdienst in de haven uit te breiden.",
            "Amsterdam",
            "4 maart",
        ),
    ],
)
def test_datelines_and_bylines_of_spanish_portuguese_and_dutch_copy(
    byline: str, dateline: str, lead: str, place: str, date: str
) -> None:
    """The dateline's months were a table of eight languages, without Dutch and without "4 de marzo"; the wire
    byline knew no "Door": the dateline stayed in the lead and the headline and byline in the body."""
    text = f"Ferry service expanded\n\n{byline}\n\n{dateline}{lead}\n\nThe new timetable starts in spring.\n"
    doc = read_wire(text)[0]
    assert (doc.title, doc.dateline, doc.evidence.published) == ("Ferry service expanded", place, [date])
    assert doc.evidence.bylines == [byline]
    assert doc.paragraphs[0] == lead


@pytest.mark.parametrize(
    "paragraph",
    [
        "Madrid, de hoofdstad van Spanje, trekt elk jaar miljoenen toeristen.",  # a place, no agency
        "LISBOA, março (Lusa) - A câmara aprovou o plano.",  # a month without a day is no dateline date
    ],
)
def test_a_place_and_a_month_without_the_datelines_shape_are_left_alone(paragraph: str) -> None:
    from axis_ingest.detectors import match_dateline

    found = match_dateline(paragraph)
    assert found is None or found.date is None


@pytest.mark.parametrize(
    ("byline", "dateline"),
    [
        ("Autor: Anna Nowak", "WARSZAWA, 4 marca (PAP) - "),
        ("Yazar: Ayşe Yılmaz", "ANKARA (AA) - "),
        ("Автор: Анна Иванова", "МОСКВА, 4 марта (ТАСС) - "),
    ],
)
def test_a_byline_of_a_word_and_a_colon_over_the_dateline(byline: str, dateline: str) -> None:
    """ "Autor:", "Yazar:", "Автор:" (the byline words of byline_roles.toml before a colon) opened no wire byline."""
    lead = "The council approved the plan on Tuesday.\n\nIt starts in spring.\n"
    text = f"Ferry service expanded\n\n{byline}\n\n{dateline}{lead}"
    doc = read_wire(text)[0]
    assert doc.evidence.bylines == [byline] and doc.title == "Ferry service expanded"


def test_a_headline_opening_with_a_byline_word_without_a_colon_stays_the_headline() -> None:
    text = "Text messages show the ferry deal\n\nBRUSSELS, March 4 (Reuters) - The council approved it.\n\nMore.\n"
    doc = read_wire(text)[0]
    assert doc.title == "Text messages show the ferry deal" and doc.evidence.bylines == []


# Reuters' copy of the 1980s as Reuters-21578 keeps it: the headline, a byline, the place in capitals and the date
# before a dash (no agency printed there), each paragraph's first line set in, and " Reuter" alone at the end.
TYPEWRITTEN = """HARBOUR LINES <HBL> TO SELL TWO FERRIES

    By Anna Kowalski, Reuters
    PORTLAND, Ore., Feb 26 - Harbour Lines Inc said it will sell
its two oldest ferries to a Greek operator for about 14 mln dlrs
and lease two newer ships for its island routes.
    The company said the sale would be completed by the end of
April and would not affect its summer timetable.
    Harbour Lines shares rose 1/4 to 18-1/2 in early trading.
 Reuter
"""


def test_copy_whose_dateline_names_no_agency_is_wire_copy_signed_off_by_the_agency() -> None:
    """The copy was page text: the headline and byline ran together as the title, "PORTLAND, Ore., Feb 26 -" stayed
    in the lead, " Reuter" ended the body and no agency was known."""
    from axis_ingest.config import Settings
    from axis_ingest.dedup.minhash import MinHashParams
    from axis_ingest.prepare import prepare_file

    (prepared,) = prepare_file("ferries.txt", TYPEWRITTEN.encode(), Settings(), MinHashParams()).documents
    doc = prepared.doc
    assert doc.source_format == "wire_text"
    assert (doc.title, doc.dateline, doc.metadata["agency"]) == (
        "HARBOUR LINES <HBL> TO SELL TWO FERRIES",
        "Portland, Ore.",
        "Reuters",
    )
    assert [author.name for author in doc.authors] == ["Anna Kowalski"]
    assert doc.paragraphs[0].startswith("Harbour Lines Inc said it will sell its two oldest ferries")
    assert len(doc.paragraphs) == 3
    assert doc.paragraphs[-1] == "Harbour Lines shares rose 1/4 to 18-1/2 in early trading."


@pytest.mark.parametrize(
    "text",
    [
        TYPEWRITTEN.replace(" Reuter\n", " Shares of the line have doubled since the spring.\n"),  # no sign-off
        TYPEWRITTEN.replace("PORTLAND, Ore., Feb 26 - ", "Portland company "),  # no dateline
    ],
    ids=["no-sign-off", "no-dateline"],
)
def test_a_place_in_capitals_or_an_agencys_name_at_the_end_alone_is_no_wire_copy(text: str) -> None:
    """Leave alone: capitals and a date before a dash without a known agency's sign-off, or a sign-off without a
    dateline, are not enough to read text as wire copy."""
    from axis_ingest.sniff import sniff

    assert sniff(text).source_format != "wire_text"


def test_a_ticker_in_a_headline_and_capitals_without_a_date_are_no_dateline() -> None:
    """Leave alone: "DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES" (a ticker in brackets, no dash, no date) and "NOTE -",
    "US - China talks" (capitals before a dash, no date)."""
    from axis_ingest.detectors import match_capitals_dateline

    text = TYPEWRITTEN.replace("HARBOUR LINES <HBL> TO SELL TWO FERRIES", "HARBOUR LINES (HBL) SELLS TWO FERRIES")
    assert read_wire(text)[0].title == "HARBOUR LINES (HBL) SELLS TWO FERRIES"
    assert match_capitals_dateline("NOTE - the figures are unaudited.") is None
    assert match_capitals_dateline("US - China talks resume in Geneva") is None
