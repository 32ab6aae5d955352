"""read_scraped on varied scraped pages (own fixtures): body, header fields and evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from axis_ingest.clean.boilerplate import classify_lines
from axis_ingest.clean.lines import split_lines
from axis_ingest.clean.phrases import phrases
from axis_ingest.clean.recurring import line_fingerprint
from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.detectors import LINE_ENDS_SENTENCE
from axis_ingest.document import RejectedInput
from axis_ingest.names.bylines import parse_byline
from axis_ingest.prepare import prepare_file
from axis_ingest.readers.scraped import _opens_with_a_byline, is_date_line, read_scraped
from axis_ingest.sniff import sniff
from test_boilerplate import ARTICLE, FOOTER, FOOTER_MENU, LANDINGS, LANDINGS_INTRO, PARA_A, PARA_B, STANDINGS

FIXTURES = Path(__file__).parent / "fixtures" / "scraped"


def read(name: str):
    docs = read_scraped((FIXTURES / name).read_text(encoding="utf-8"))
    assert len(docs) == 1
    return docs[0]


def test_news_page_with_mega_menu_and_cookie_banner():
    doc = read("news_megamenu_cookie.txt")
    assert doc.source_format == "scraped_text"
    assert doc.title == "Harbour City council approves night-train link to the coast"
    assert doc.subtitle is None
    assert doc.paragraphs[0].startswith("The Harbour City council voted on Tuesday")
    assert doc.paragraphs[-1].startswith("Service is expected to start in September")
    body = doc.body
    for chrome in ("cookie", "Accept all", "Markets", "Share this", "Most read", "Storm closes", "©", "Privacy"):
        assert chrome not in body
    # a one-word paragraph between real paragraphs survives
    assert "Yes." in doc.paragraphs
    assert doc.evidence.published == ["Published 4 March 2026, 09:25"]
    assert doc.evidence.bylines == ["By Marta Olsen"]
    assert doc.evidence.site_names == ["Harbour Daily"]
    assert doc.evidence.origin_hints == ["per The Northern Ledger"]


def test_blog_with_single_newline_paragraphs_standfirst_and_comments():
    doc = read("blog_comments.txt")
    assert doc.title == "Why my tomatoes split after the heatwave, and how I stopped it"
    assert doc.subtitle == (
        "A season of watering logs, two varieties side by side, and what actually made the difference."
    )
    # each line is its own paragraph, subheadings included
    assert "What the log showed" in doc.paragraphs
    assert "What changed" in doc.paragraphs
    assert len(doc.paragraphs) == 9
    # a sentence that mentions "share" is article text
    assert any(p.startswith("By August the share of split fruit") for p in doc.paragraphs)
    assert doc.paragraphs[-1] == "If you try this, start the mulch before the first heatwave rather than after it."
    for chrome in ("Comments", "says:", "Reply", "Leave a Reply", "Gardener's Delight", "Archive"):
        assert chrome not in doc.body


def test_related_and_most_read_lists_at_end_german():
    doc = read("related_mostread_de.txt")
    assert doc.title == "Stadtwerke senken den Gaspreis zum 1. April"
    assert doc.subtitle is not None and doc.subtitle.startswith("Kunden in Lindenfeld zahlen")
    assert doc.evidence.published == ["12.03.2026, 16:40 Uhr"]
    assert doc.evidence.bylines == ["Von Jonas Weber"]
    assert doc.evidence.site_names == ["Lindenfelder Anzeiger"]
    assert len(doc.paragraphs) == 4
    for chrome in ("Mehr zum Thema", "Solarpark", "Meistgelesen", "Bäckerei", "Impressum", "Drucken"):
        assert chrome not in doc.body


def test_russian_page():
    doc = read("russian.txt")
    assert doc.title == "В Новосибирске открыли второй мост через Обь для общественного транспорта"
    assert doc.evidence.published == ["15 января 2026 11:05"]
    assert doc.evidence.bylines == ["Автор: Ирина Соколова"]
    assert "sibvestnik.ru" in doc.evidence.site_names
    assert "Сибирский вестник" in doc.evidence.site_names
    assert len(doc.paragraphs) == 4
    for chrome in ("Читайте также", "Цены на проезд", "Подписывайтесь", "Просмотров", "Все права"):
        assert chrome not in doc.body


def test_newsletter_box_in_the_middle_of_the_article():
    doc = read("newsletter_midarticle.txt")
    assert doc.subtitle is not None and doc.subtitle.startswith("New eco-moorings at three bays")
    assert doc.evidence.bylines == ["By Daniel Achebe"]
    assert doc.evidence.published == ["2 May 2025"]
    assert "Sign up" not in doc.body and "inbox every Friday" not in doc.body
    # text after the box is kept, including a one-line quote
    assert '"It simply works."' in doc.paragraphs or "“It simply works.”" in doc.paragraphs
    assert doc.paragraphs[-1].startswith("The team now wants to test")
    assert "Kelp forests" not in doc.body and "Copyright" not in doc.body


def test_headline_prefix_is_an_origin_hint_and_stays_in_title():
    text = (
        "Home\nWorld\n\nAFP: Drought cuts Danube shipping to a third of capacity\n\n"
        "11 August 2025 08:30\n\n"
        "Barges on the Danube are sailing with a third of their usual loads after weeks without rain, "
        "shipping companies said on Monday, as water levels fell to their lowest in twenty years.\n\n"
        "Operators in Austria and Hungary said they had cut cargo to keep vessels off the riverbed, "
        "and that prices for moving grain and fuel by river had doubled since July.\n\n"
        "© 2025 River News\n"
    )
    doc = read_scraped(text)[0]
    assert doc.title == "AFP: Drought cuts Danube shipping to a third of capacity"
    assert "AFP:" in doc.evidence.origin_hints
    assert doc.evidence.published == ["11 August 2025 08:30"]


def test_label_prefix_is_not_an_origin():
    text = (
        "VIDEO: Volunteers rebuild the flooded village school\n\n"
        "Volunteers from across the region spent the weekend rebuilding the village school that was "
        "flooded in June, laying new floors and repainting every classroom before the autumn term.\n\n"
        "The headteacher said the children would be back at their desks on the first of September.\n"
    )
    doc = read_scraped(text)[0]
    assert doc.title.startswith("VIDEO:")
    assert doc.evidence.origin_hints == []


def test_recurring_site_lines_are_removed():
    from axis_ingest.clean.recurring import line_fingerprint

    text = (
        "Valley Courier\n\n"
        "Bridge repairs to close the river road for a month\n\n"
        "The river road will close for a month from Monday while engineers repair the old stone bridge, "
        "the county said, with a signed diversion through the hill villages.\n\n"
        "Buses will follow the diversion and add about ten minutes to each journey, the operator said.\n\n"
        "An independent weekly serving the upper valley since 1921, with reporters in every parish.\n"
    )
    plain = read_scraped(text)[0]
    assert any("independent weekly" in p for p in plain.paragraphs)
    # (not "Valley Courier is an independent weekly ...": a closing note that introduces a name is dropped anyway)
    footer = "An independent weekly serving the upper valley since 1921, with reporters in every parish."
    learned = read_scraped(text, None, frozenset({line_fingerprint(footer)}))[0]
    assert not any("independent weekly" in p for p in learned.paragraphs)
    assert learned.paragraphs[0].startswith("The river road will close")


def test_page_of_only_chrome_is_rejected():
    with pytest.raises(RejectedInput, match="no article text"):
        read_scraped("Home\nNews\nSport\nSearch\n© 2026 Example News. All rights reserved.\n")


# --- inputs that mix formats (issue 13) ---------------------------------------------------


def test_wire_copy_inside_a_scraped_page():
    text = (FIXTURES / "wire_copy_ians_on_site.txt").read_text(encoding="utf-8")
    assert sniff(text).source_format == "scraped_text"  # the sign-off is followed by the site's footer
    doc = read("wire_copy_ians_on_site.txt")
    assert doc.title == "EU proposes tighter rules on battery recycling"
    assert doc.dateline == "Brussels"
    assert doc.metadata["agency"] == "IANS" and doc.metadata["editor_slugs"] == ["ksk/vd"]
    assert doc.evidence.published == ["March 4, 2026", "March 4"]
    assert doc.paragraphs[0].startswith("The European Commission on Tuesday proposed")
    assert doc.paragraphs[-1].startswith("Industry groups said the targets were achievable")
    assert "(IANS)" not in doc.body and "--IANS" not in doc.body and "ksk/vd" not in doc.body


def test_wire_copy_inside_a_scraped_page_through_the_pipeline():
    data = (FIXTURES / "wire_copy_ians_on_site.txt").read_bytes()
    result = prepare_file("page.txt", data, Settings(), MinHashParams())
    [prepared] = result.documents
    doc = prepared.doc
    assert (doc.publisher, doc.origin, doc.dateline) == ("Daily Ledger", "IANS", "Brussels")
    assert doc.published == "2026-03-04"


def test_a_page_that_only_quotes_an_agency_keeps_its_lead():
    text = (FIXTURES / "wire_copy_ians_on_site.txt").read_text(encoding="utf-8")
    text = text.replace("Brussels, March 4 (IANS) The", "The").replace("--IANS\nksk/vd\n", "")
    [doc] = read_scraped(text)
    assert doc.dateline is None and "agency" not in doc.metadata
    assert doc.paragraphs[0].startswith("The European Commission on Tuesday proposed")


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("chinese_news_unwrapped.txt", "长江流域今年夏季降雨偏少"),
        ("japanese_news_unwrapped.txt", "北陸新幹線、敦賀から先の延伸ルートで地元説明会"),
    ],
)
def test_chinese_and_japanese_text_keeps_every_paragraph(name, title):
    doc = read(name)
    assert doc.title == title
    assert len(doc.paragraphs) == 4  # a 17-character closing sentence included


# Links to related stories under a marker set in brackets or after a block, as Japanese pages print it
# ("【関連記事】" on yahoo.co.jp and nikkei.com, "■関連記事" on nikkan-gendai.com).
RELATED_IN_JAPANESE = [
    "北陸新幹線の延伸、着工の時期は見通せず　沿線自治体に広がる不安の声",
    "小浜・京都ルートの工事費、当初の見込みから大幅に増える可能性が判明",
    "敦賀駅の開業から一年、観光客の数は予想を上回るペースで増え続ける",
]


@pytest.mark.parametrize("marker", ["【関連記事】", "■関連記事"])
def test_a_related_stories_marker_set_in_brackets_heads_a_list_of_links(marker):
    text = (FIXTURES / "japanese_news_unwrapped.txt").read_text(encoding="utf-8")
    links = "\n".join(f"* {headline}" for headline in RELATED_IN_JAPANESE)
    doc = read_scraped(f"{text}\n\n{marker}\n{links}\n\nアプリで開く\n")[0]
    assert "次回の説明会は来月開かれる予定だ。" in doc.body
    assert not any(headline in doc.body for headline in RELATED_IN_JAPANESE)


def test_a_heading_in_brackets_that_is_no_marker_stays_with_its_text():
    """Leave alone: a section of the article under its own heading in brackets (a commentary's "【解説】")."""
    text = (FIXTURES / "japanese_news_unwrapped.txt").read_text(encoding="utf-8")
    section = "専門家は、工事費の増加が沿線自治体の財政に与える影響を慎重に見極める必要があると指摘している。"
    doc = read_scraped(f"{text}\n\n【解説】\n\n{section}\n")[0]
    assert section in doc.body


def test_a_short_last_line_after_the_text_on_a_page_with_chrome_is_still_chrome():
    text = (FIXTURES / "japanese_news_unwrapped.txt").read_text(encoding="utf-8")
    text = text.replace("次回の説明会は来月開かれる予定だ。", "Share this:\n\n関連記事を読む。")
    doc = read_scraped(text)[0]
    assert "関連記事を読む。" not in doc.body


def test_a_consent_banner_at_the_top_is_neither_title_nor_body():
    doc = read("consent_banner_on_top.txt")
    assert doc.title == "Harbour tunnel reopens after six months of repairs"
    assert doc.evidence.bylines == ["By Sarah Lindqvist"]
    assert doc.paragraphs[0].startswith("The harbour tunnel reopened to traffic")
    for banner in ("We value your privacy", "partners", "Accept all", "Reject all"):
        assert banner not in doc.body


def test_an_article_about_cookie_banners_keeps_its_lead():
    text = "\n".join(
        [
            "Northern Gazette",
            "News",
            "Business",
            "Regulator fines online retailer over its consent banner",
            "The data protection authority fined an online retailer 2 million euros on Tuesday because its "
            "cookie banner made it harder to reject cookies than to accept them.",
            "The retailer said it would change the banner within a month and appeal against the size of the fine.",
            "Share",
            "Facebook",
            "Twitter",
            "© 2026 Northern Gazette",
        ]
    )
    [doc] = read_scraped(text)
    assert doc.title == "Regulator fines online retailer over its consent banner"
    assert doc.paragraphs[0].startswith("The data protection authority fined an online retailer")
    assert len(doc.paragraphs) == 2


_CONSENT_WALL = [
    "Wie möchtest du kicker.de nutzen?",
    "Weiter mit Werbung und Tracking",
    "Nutze kicker auf seinen digitalen Plattformen wie gewohnt mit Werbung und Tracking. Die Zustimmung kann "
    "jederzeit für die Zukunft widerrufen werden.",
    "Zustimmen & weiter",
    "Mit dem PUR-Abo nutzt du kicker auf seinen digitalen Plattformen ohne Werbetracking und praktisch werbefrei.",
    "Nur 2,49 EUR im Monat",
    "Werbung und Tracking: Um dir relevante Inhalte und personalisierte Werbung anzubieten, setzen wir Cookies und "
    "andere Technologien ein. Damit messen wir, wie und wo unsere Angebote genutzt werden.",
    "* ...Informationen auf einem Gerät speichern und/oder abrufen Für die dir angezeigten Verarbeitungszwecke "
    "können Cookies, Geräte-Kennungen oder andere Informationen auf deinem Gerät gespeichert werden.",
    "* ...Externe Inhalte einbinden Cookies helfen dabei, Inhalte von sozialen Netzwerken anzuzeigen.",
    "* ...Genaue Standortdaten und Geräteeigenschaften zur Identifikation abfragen Es können genaue Standortdaten "
    "und Informationen über Gerätemerkmale verwendet werden.",
    "* ...Personalisierte Anzeigen und Anzeigenmessung ausspielen Anzeigen können basierend auf einem Profil "
    "personalisiert werden. Es können mehr Daten hinzugefügt werden, um Anzeigen besser zu personalisieren.",
    "Hinweis zur Datenübermittlung außerhalb der EU: Je nach Einzelfall werden Daten außerhalb der Europäischen "
    "Union im Rahmen der Inanspruchnahme von Diensten Dritter verarbeitet. Dies findet nur statt, wenn die "
    "besonderen Voraussetzungen der Art. 44 ff. DSGVO erfüllt sind.",
]
_SITE_MENU = ["* Datenschutz", "* Nutzungsbedingungen", "* Impressum", "* News", "* Live", "* Bundesliga"]


def test_a_consent_wall_above_the_menu_is_neither_title_nor_body():
    """fundus's kicker.de page as page text: a "pay or accept" wall with the IAB purposes under it, 200 words
    and longer than a banner, gave the title ("Weiter mit Werbung und Tracking") and the body's first lines."""
    lead = (
        "Trainerwechsel, mit mehr als einem Bein in der Regionalliga: Der MSV Duisburg hat sich von Torsten "
        "Lieberknecht getrennt und Uwe Schubert bis zum Saisonende zum Trainer gemacht."
    )
    story = ["Schommers-Nachfolger appelliert an die Ehre", lead,
             "Rechnerisch ist der Abstieg zwar noch nicht durch, doch der Rückstand ist groß."]  # fmt: skip
    [doc] = read_scraped("\n\n".join([*_CONSENT_WALL, *_SITE_MENU, *story]))
    assert doc.title == "Schommers-Nachfolger appelliert an die Ehre"
    assert doc.paragraphs[0] == lead
    assert "Cookies" not in doc.body and "PUR-Abo" not in doc.body


def test_an_article_about_cookies_above_the_menu_with_no_article_after_it_stays():
    article = [
        "Browser blockieren bald das Tracking von Drittanbietern",
        "Ab dem kommenden Jahr blockieren alle großen Browser Cookies von Drittanbietern, teilte ein Verband mit.",
        "Werbefirmen müssen ihre Anzeigen dann ohne Cookies ausspielen, was die Branche seit Jahren beschäftigt.",
    ]
    [doc] = read_scraped("\n\n".join(["Beispiel-Zeitung", *article, *_SITE_MENU, "© 2026 Beispiel-Verlag"]))
    assert doc.title == "Browser blockieren bald das Tracking von Drittanbietern"
    assert doc.paragraphs == article[1:]


_TUNNEL_STORY = [
    "Harbour tunnel reopens after six months of repairs",
    "By Sarah Lindqvist",
    "The harbour tunnel reopened to traffic on Monday morning, two weeks later than planned, after "
    "engineers finished replacing the drainage pumps and the lighting along its whole length.",
    "Drivers reported short queues at the southern entrance, where a new toll gate is still being tested.",
    "© 2026 Harbour Weekly",
]


def test_a_consent_banner_whose_buttons_end_in_a_label_is_neither_title_nor_body():
    """The banner's button and the site's menu under it may hold a label ending in a colon ("Follow us
    online:"); that is no sentence, so it does not keep the banner in the text."""
    text = "\n".join(
        [
            "We use cookies and similar technologies to improve your browsing experience, show personalised "
            "content and ads, and analyse our traffic.",
            "By choosing I Accept, you consent to our use of cookies and other tracking technologies.",
            "I Accept",
            "Harbour Weekly homepage",
            "Follow Harbour Weekly online:",
            *_TUNNEL_STORY,
        ]
    )
    [doc] = read_scraped(text)
    assert doc.title == "Harbour tunnel reopens after six months of repairs"
    assert doc.paragraphs[0].startswith("The harbour tunnel reopened to traffic")
    assert "cookies" not in doc.body


def test_an_article_about_cookie_banners_with_a_label_keeps_its_lead():
    """Leave alone: the lead of an article about consent banners followed by a label ending in a colon
    and then the article's text (not by buttons) is the article's lead, not a banner."""
    text = "\n".join(
        [
            "Northern Gazette",
            "Regulator fines online retailer over its consent banner",
            "The data protection authority fined an online retailer 2 million euros on Tuesday because its "
            "cookie banner made it harder to reject cookies than to accept them.",
            "What the regulator found:",
            "The banner offered a large green button to accept every cookie, while rejecting them took four "
            "clicks through two menus that most visitors never opened, the authority said in its decision.",
            "Share",
            "Facebook",
            "Twitter",
            "© 2026 Northern Gazette",
        ]
    )
    [doc] = read_scraped(text)
    assert doc.paragraphs[0].startswith("The data protection authority fined an online retailer")


_BUDGET_TEXT = [
    "The city council on Friday presented next year's budget, freezing public transport fares and renovating "
    "300 old bus stops. The city said the budget puts projects that touch residents' daily lives first.",
    "A city official said the draft would be debated by the council and adopted next month. Civic groups say "
    "the welfare budget is too small and are calling for more money.",
]


def _budget_page(top: str, headline: str) -> str:
    return "\n\n".join([top, headline, "By Mina Park", "7 November 2025", *_BUDGET_TEXT, "© Example Daily"]) + "\n"


@pytest.mark.parametrize("menu", ["Home | News | Politics | Economy", "Startseite > Politik > Inland > Haushalt"])
def test_a_menu_line_above_the_headline_is_not_the_title(menu: str) -> None:
    doc = read_scraped(_budget_page(menu, "City unveils next year's budget"))[0]
    assert doc.title == "City unveils next year's budget"  # the menu was the title, the headline body text
    assert doc.paragraphs[0].startswith("The city council on Friday")
    assert doc.evidence.bylines == ["By Mina Park"]


@pytest.mark.parametrize(
    "headline", ["Budget 2026 | City freezes fares and fixes bus stops", "Fares / City freezes them for 2026"]
)
def test_a_headline_with_one_separator_stays_the_title(headline: str) -> None:
    doc = read_scraped(_budget_page("Example Daily", headline))[0]
    assert doc.title == headline


@pytest.mark.parametrize(
    "line",
    [
        "Home > Blog > City unveils next year's budget",
        "Politik » City unveils next year's budget",
        "Home - News - City - City unveils next year's budget",
        "Home / Politics / City unveils next year's budget",
    ],
)
def test_a_breadcrumb_trail_on_the_headline_line_is_not_part_of_the_title(line: str) -> None:
    """WCXB's pages as page text: "Home > Blog > AI in Education: The Rise of Intelligent Tutoring Systems" (11
    pages of 10 sites)."""
    doc = read_scraped(_budget_page("Example Daily", line))[0]
    assert doc.title == "City unveils next year's budget"


@pytest.mark.parametrize(
    "headline",
    [
        "Mexico - Economy grows 1.1% in first quarter",  # one dash: a trail's only in three items or more
        "109 Comments | Mina Park | City unveils next year's budget",  # bars separate a meta line's items
        "Cars > bikes? City bets on its buses again",  # one arrow, a longer item before it
    ],
)
def test_headlines_with_separators_that_are_no_trail_stay_whole(headline: str) -> None:
    doc = read_scraped(_budget_page("Example Daily", headline))[0]
    assert doc.title == headline


def test_an_excerpt_cut_short_is_not_the_headline() -> None:
    """A teaser's description ending in "…" above the text was taken over the headline (WCXB, four sites)."""
    excerpt = "The city council on Friday presented next year's budget, freezing public transport fares and …"
    page = "\n\n".join(["Example Daily", "City unveils next year's budget", excerpt, *_BUDGET_TEXT]) + "\n"
    assert read_scraped(page)[0].title == "City unveils next year's budget"


def test_lines_between_the_headline_and_the_text_are_no_text() -> None:
    """An image credit, a reporter's handle and a share button under the headline stayed in the body whenever
    the classifier let them pass (AEB scraped, half a: "Image Credit: WeWork", "@lewis_d_white", "Print this
    article"; 0.9445 -> 0.9468, half b 0.9266 -> 0.9286); the text starts at its first paragraph."""
    page = "\n\n".join(
        ["Example Daily", "City unveils next year's budget", "Image Credit: Example Daily", "@minapark",
         "Print this article", *_BUDGET_TEXT, "© Example Daily"]
    )  # fmt: skip
    doc = read_scraped(page)[0]
    assert doc.title == "City unveils next year's budget"
    assert doc.paragraphs == _BUDGET_TEXT
    # left alone: short lines after the first paragraph are the text's (a subheading, a one-line paragraph)
    story = [_BUDGET_TEXT[0], "What changes for riders", "Fares stay at 1.50 euros.", _BUDGET_TEXT[1]]
    page = "\n\n".join(["Example Daily", "City unveils next year's budget", *story, "© Example Daily"])
    assert read_scraped(page)[0].paragraphs == story


def test_a_headline_printed_again_on_the_page_beats_a_longer_line_nearer_the_text() -> None:
    """fundus's Financial Post page as text: the headline, printed again under the video and in the "most read"
    list, lost to the longer standfirst under it (WCXB and fundus page-text titles, halves a / b: 154 / 180, 51 / 49
    -> 160 / 181, 57 / 50)."""
    headline = "'Ends recession debate': economists weigh in on the latest jobs report"
    standfirst = "Beyond the optimistic headlines, some economists argue that the Canadian economy is barely growing"
    page = "\n\n".join(
        ["Financial Post", "* News", "* Economy", "* Markets", headline, standfirst, "By Denise Paglinawan",
         "Published Jun 05, 2026", *_BUDGET_TEXT, f"{headline} Back to video", "Most read",
         f"1. {headline}", "© 2026 Financial Post"]
    )  # fmt: skip
    doc = read_scraped(page)[0]
    assert doc.title == headline
    # left alone: a line printed once stays the headline over a repeated menu-like line far above it
    page = "\n\n".join(["Financial Post", "Economy", "Economy", "City unveils next year's budget", *_BUDGET_TEXT])
    assert read_scraped(page)[0].title == "City unveils next year's budget"


def _long_byline_page(headline: str, byline: str) -> str:
    return "\n\n".join(["Example Daily", headline, byline, *_BUDGET_TEXT, "© Example Daily"]) + "\n"


@pytest.mark.parametrize(
    "byline",
    [
        "By: Mina Park, Sr. Director of Operations, Example Daily - 10+ Years in City Politics",
        "By Mina Park – Updated Nov 7, 2025 at 1:00 PM EST | Fact-checked by Tom Berger",
    ],
)
def test_a_long_byline_under_the_headline_is_not_the_title(byline: str) -> None:
    """A byline longer than a byline line ("By Scott Levine – Updated Sep 9, 2025 at 1:00 PM EST | Fact-checked by
    Frank Bass", WCXB's pages copied as text) was the longest line near the text, and the stored title."""
    doc = read_scraped(_long_byline_page("Budget", byline))[0]
    assert doc.title != byline
    doc = read_scraped(_long_byline_page("City unveils next year's budget", byline))[0]
    assert doc.title == "City unveils next year's budget"


@pytest.mark.parametrize(
    "headline", ["By 2030, half of the city's buses will run on batteries", "By Any Means Necessary: Malcolm X at 100"]
)
def test_a_headline_opening_with_by_and_no_name_after_it_is_no_long_byline(headline: str) -> None:
    """Left alone by the long-byline test: no person's name follows the label ("Malcolm X" is in the line, but
    not after "By")."""
    [line] = classify_lines(headline).lines
    assert not _opens_with_a_byline(line, phrases())


_KOREAN_TEXT = [
    "서울시는 7일 내년 예산안을 발표하며 대중교통 요금을 동결하고 노후 버스 정류장 300곳을 새로 단장한다고 "
    "밝혔다. 시는 이번 예산안이 시민 생활과 직접 맞닿은 사업에 우선순위를 두었다고 설명했다.",
    "시 관계자는 예산안이 시의회 심의를 거쳐 다음 달 확정될 예정이라고 말했다. 시민단체들은 복지 예산이 "
    "충분하지 않다며 증액을 요구하고 있다.",
    "특히 노인 돌봄과 청년 주거 지원 예산이 지난해보다 줄어든 점을 문제로 지적했다. 시는 자료를 시민과 "
    "공유하기로 했다.",
]
_TURKISH_TEXT = [
    "Belediye cuma günü gelecek yılın bütçesini açıkladı ve toplu taşıma ücretlerinin dondurulacağını, üç yüz "
    "otobüs durağının yenileneceğini duyurdu.",
    "Belediye, bütçenin kent sakinlerinin gündelik hayatına doğrudan dokunan projelere öncelik verdiğini belirtti. "
    "Bütçe önümüzdeki ay meclise sunulacak ve ilgili haberler ajanslara paylaşıldı.",
    "Sivil toplum kuruluşları ise sosyal yardım bütçesinin yetersiz olduğunu savunarak artış talep etti.",
]


def test_korean_page_chrome_related_list_comments_and_closing_byline_are_not_the_article() -> None:
    page = [
        *("로그인 | 회원가입", "전체메뉴", "서울시 내년 예산안 발표", "김민준 기자"),
        *("입력 2025.11.07 09:15", "공유하기"),
        *_KOREAN_TEXT,
        *("김민준 기자 minjun@example.co.kr", "관련기사"),
        "부산시, 청년 주거 지원 확대한다고 밝혀 시민들 기대감 높아져",
        *("인천시 버스 노선 개편안 다음 달부터 시행된다고 발표해", "많이 본 뉴스", "댓글 0"),
        "저작권자 © 예시일보 무단전재 및 재배포 금지",
    ]
    doc = read_scraped("\n\n".join(page) + "\n")[0]
    assert doc.title == "서울시 내년 예산안 발표"
    assert doc.paragraphs == _KOREAN_TEXT  # "공유하기" (share) is a button, "공유하기로" in a sentence is not
    assert doc.evidence.bylines == ["김민준 기자", "김민준 기자 minjun@example.co.kr"]


def test_turkish_page_share_button_related_news_and_comments_are_not_the_article() -> None:
    page = [
        *("Giriş Yap", "Gündem | Ekonomi | Spor | Dünya", "Belediye gelecek yılın bütçesini açıkladı"),
        *("07.11.2025 09:15", "Paylaş", *_TURKISH_TEXT, "İlgili Haberler"),
        "İstanbul'da toplu taşımaya yeni düzenleme geliyor mu, açıklama bekleniyor",
        "Ankara'da otobüs hatları yeniden düzenlenecek, yeni hatlar belli oldu",
        *("Yorumlar", "Yorum yazmak için giriş yapın", "© 2025 Örnek Gazete Tüm hakları saklıdır."),
    ]
    doc = read_scraped("\n\n".join(page) + "\n")[0]
    assert doc.title == "Belediye gelecek yılın bütçesini açıkladı"
    assert doc.paragraphs == _TURKISH_TEXT  # "İlgili Haberler" (related news) matches despite the dotted İ


def test_a_marker_above_a_short_article_does_not_take_the_article_with_it() -> None:
    """ "Veja também" (see also) printed as a tab above a recipe condemned every line after it, and the page was
    rejected.  A trim by a section or comments marker that leaves no line of running text is undone."""
    steps = [
        "Misture o amido de milho com o açúcar e a manteiga.",
        "Acrescente o chocolate picado e mexa até ficar lisa.",
        "Faça bolinhas do tamanho de uma noz pequena.",
        "Coloque as bolinhas numa assadeira untada com manteiga.",
        "Achate cada bolinha com um garfo para marcar listras.",
        "Asse em forno médio por quinze minutos até dourar.",
        "Deixe esfriar bem antes de guardar em um pote fechado.",
    ]
    doc = read_scraped("\n".join(["Receitas", "Veja também", "Sequilho com chocolate amargo", *steps]) + "\n")[0]
    assert doc.paragraphs[-len(steps) :] == steps
    assert "Veja também" not in doc.paragraphs  # the marker itself is still chrome


def test_a_marker_after_the_article_still_trims_the_list_after_it() -> None:
    story = [
        "The council approved the harbour budget on Tuesday after a debate that lasted well into the evening, "
        "with members from all parties asking for more money for the old quays.",
        "Work on the first of the three new piers is due to start in the spring and should take two years, the "
        "harbour master told reporters after the vote.",
    ]
    teasers = ["Ferry timetable changes from May", "New fish market opens on the east quay"]
    doc = read_scraped("\n".join(["Harbour budget approved", *story, "Related", *teasers]) + "\n")[0]
    assert doc.paragraphs == story


def test_a_bare_name_under_the_headline_is_the_byline() -> None:
    page = _budget_page("Example Daily", "City unveils next year's budget").replace("By Mina Park", "Sarah Collins")
    doc = read_scraped(page)[0]
    assert doc.evidence.bylines == ["Sarah Collins"]
    assert doc.paragraphs[0].startswith("The city council on Friday")


_KEY_POINTS = [
    "* The budget freezes public transport fares for the third year running and renovates 300 bus stops.",
    "* Civic groups say the welfare budget is too small and are calling for more money before the vote.",
]


def test_the_heading_of_a_list_of_statements_under_the_headline_is_no_byline() -> None:
    """WCXB as page text (three sites): "Key Points" and "Key Takeaways" over a list of statements were stored as
    authors ("Key" is somebody's given name)."""
    page = _budget_page("Example Daily", "City unveils next year's budget").replace(
        "By Mina Park\n\n7 November 2025", "Key Takeaways\n\n" + "\n".join(_KEY_POINTS)
    )
    doc = read_scraped(page)[0]
    assert doc.evidence.bylines == []


def test_a_bare_name_over_a_row_of_dates_or_a_date_is_still_the_byline() -> None:
    """Left alone: a name over a bulleted meta row (no statement) or a date line is the byline."""
    for under in ("* April 10, 2025\n* 6 min read", "7 November 2025"):
        page = _budget_page("Example Daily", "City unveils next year's budget").replace(
            "By Mina Park\n\n7 November 2025", "Sarah Collins\n" + under
        )
        assert read_scraped(page)[0].evidence.bylines == ["Sarah Collins"], under


@pytest.mark.parametrize("line", ["Live Updates", "Photo Gallery", "Budget Explainer", "Council Budget 2026"])
def test_a_short_line_under_the_headline_that_names_nobody_is_left_alone(line: str) -> None:
    page = _budget_page("Example Daily", "City unveils next year's budget").replace("By Mina Park", line)
    doc = read_scraped(page)[0]
    assert line not in doc.evidence.bylines


@pytest.mark.parametrize(
    ("byline", "date_line", "author", "published"),
    [
        ("di Giulia Ferri", "7 novembre 2025, ore 09:15", "Giulia Ferri", "2025-11-07T09:15"),
        ("Autor: Anna Nowak", "7 listopada 2025, 09:15", "Anna Nowak", "2025-11-07T09:15"),
        ("Door Pieter de Vries", "7 november 2025", "Pieter de Vries", "2025-11-07"),
    ],
)
def test_italian_polish_and_dutch_header_lines(byline: str, date_line: str, author: str, published: str) -> None:
    from axis_ingest.config import Settings
    from axis_ingest.normalise import normalise_document

    page = _budget_page("Example Daily", "City unveils next year's budget")
    doc = read_scraped(page.replace("By Mina Park", byline).replace("7 November 2025", date_line))[0]
    normalise_document(doc, Settings())
    assert [a.name for a in doc.authors] == [author] and doc.published == published
    assert doc.paragraphs[0].startswith("The city council on Friday")


@pytest.mark.parametrize(
    ("byline", "lead", "author"),
    [  # the page-text reader had a "by" list of its own, without the Nordic "Av"/"Af" or the Turkish "Yazar"
        (
            "Av Irene Johansson",
            "Kommunfullmäktige i Uppsala beslutade på måndagen att höja skatten med",
            "Irene Johansson",
        ),
        (
            "Yazar: Ahmet Yılmaz",
            "Belediye meclisi pazartesi günü yeni yılın bütçesini oy çokluğuyla kabul",
            "Ahmet Yılmaz",
        ),
        # Catalan "Per" ("by") is read as one on a Catalan page only
        (
            "Per Dolores Arco",
            "El ple de l'ajuntament va aprovar dilluns el pressupost de l'any vinent per",
            "Dolores Arco",
        ),
    ],
)
def test_bylines_of_other_languages_in_page_text(byline: str, lead: str, author: str) -> None:
    from axis_ingest.normalise import normalise_document

    words = lead.split()
    paragraphs = [" ".join(words[n:] + words[:n]) + "." for n in range(0, 12, 3)]
    [doc] = read_scraped("\n\n".join(["Example Daily", "City budget approved", byline, *paragraphs]))
    normalise_document(doc, Settings())
    assert [a.name for a in doc.authors] == [author] and doc.evidence.bylines == [byline]


def test_a_by_word_that_is_a_given_name_elsewhere_is_left_alone_in_english_page_text() -> None:
    """Left alone: "Per Olsson" under an English headline is a man called Per Olsson."""
    from axis_ingest.normalise import normalise_document

    doc = read_scraped(
        _budget_page("Example Daily", "City unveils next year's budget").replace("Mina Park", "Per Olsson")
    )[0]
    normalise_document(doc, Settings())
    assert [a.name for a in doc.authors] == ["Per Olsson"]


def test_wordpress_comment_form_in_german_ends_the_article() -> None:
    """A German WordPress blog copied as text: the comment form heading, its privacy notes and a comment
    followed the post and stayed in the body."""
    post = [
        "Orangefarbener Wasserstoff aus der Erdkruste",
        "Französische Forscher wollen Wasserstoff gewinnen, indem sie Wasser in eisenhaltiges Gestein pressen.",
        "Das Verfahren ist bisher nur im Labor erprobt worden, und die Kosten sind noch völlig offen.",
        "Wer einen Kommentar schreiben will, sollte zuerst die Studie lesen: Sie beschreibt nur einen Versuch.",
        "Die Stahlbranche muss deshalb auch weiterhin ohne orangen Wasserstoff auskommen.",
    ]
    form = [
        "Schreibe einen Kommentar Antworten abbrechen",
        "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.",
        "Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber, wie deine Kommentardaten "
        "verarbeitet werden.",
        "Buch-Tipp: Heißzeit von Mojib Latif",
    ]
    (doc,) = read_scraped("\n\n".join(post + form))
    assert doc.paragraphs == post[1:]
    # left alone: running text about the comment form or the plugin is article text
    about = "Das Plugin Akismet prüft jeden Kommentar, bevor er erscheint, und sortiert Spam aus."
    (kept,) = read_scraped("\n\n".join([*post, about]))
    assert about in kept.paragraphs and post[3] in kept.paragraphs


def test_a_contact_block_after_the_story_is_chrome() -> None:
    """jpost.com's service footer, one long line of telephone and fax numbers and an e-mail address."""
    story = [
        "Son of former German president stabbed to death in Berlin",
        "The son of former German President Richard von Weizsäcker was stabbed to death on Tuesday evening, while "
        "another man was critically injured in an attempt to stop the assailant.",
        "Police arrested a 57-year-old man suspected of the attack, and prosecutors said he acted alone.",
    ]
    footer = (
        "The Jerusalem Post Customer Service Center can be contacted with any questions or requests: Telephone: "
        "*2421 * Extension 4 Jerusalem Post or 03-7619056 Fax: 03-5613699 E-mail: subs@jpost.com The center is "
        "staffed and provides answers on Sundays through Thursdays between 07:00 and 14:00"
    )
    (doc,) = read_scraped("\n\n".join([*story, footer]))
    assert doc.paragraphs == story[1:]
    # left alone: a story's hotline (one number) with an address, and numbers without an address
    hotline = (
        "Anyone with information is asked to call the police on 030 4664 912 or write to hinweise@polizei.berlin.de, "
        "the spokeswoman said."
    )
    figures = "The clinic treated 1,250,000 patients between 2010 and 2019, and 1,400,000 in the five years since."
    (kept,) = read_scraped("\n\n".join([*story, hotline, figures]))
    assert kept.paragraphs == [*story[1:], hotline, figures]


def test_a_teaser_page_whose_one_paragraph_is_the_standfirst_keeps_it_as_body() -> None:
    """dw.com's audio item copied as text: headline, one paragraph, the author; it was rejected as
    "only a headline and site chrome" because the paragraph was taken as the standfirst."""
    menu = "\n".join(["* Afrique", "* International", "* Allemagne", "* Sport", "* Médiathèque"])
    headline = "La perte des terres fertiles et les éléphants en Guinée-Conakry"
    teaser = (
        "24 milliards de tonnes de terres fertiles sont perdues chaque année à cause de la dégradation de la "
        "biodiversité. C’est ce qui ressort d'une étude menée par l’Institut de recherche pour le développement."
    )
    (doc,) = read_scraped(f"{menu}\n\nEnvironnement\n\n{headline}\n{teaser}\n\nAuteur : Kossivi Tiassou\n\n{menu}")
    assert doc.title == headline
    assert doc.paragraphs == [teaser]
    # left alone: with a text after it, the standfirst is the subtitle and not the body
    text = "Les chercheurs ont mesuré l'érosion sur trois sites pendant dix ans, avec des relevés chaque saison."
    (story,) = read_scraped(f"{menu}\n\n{headline}\n{teaser}\n\n{text}\n\n{text.replace('trois', 'quatre')}")
    assert story.subtitle == teaser and teaser not in story.paragraphs


def test_a_short_news_item_between_learnt_chrome_keeps_its_sentences() -> None:
    """love-hina.ch's news item in a batch whose other pages taught "Links:" and "Kommentare" as chrome: its one
    paragraph of three sentences, between the headline and those lines, was taken for chrome with them."""
    item = (
        "Kapitel 121 ist nun auch online. Wie immer können die Bilder nur von eingeloggten Usern betrachtet "
        "werden. Am Freitag folgt Kapitel 122."
    )
    menu = "\n".join(f"+ {entry}" for entry in ("News", "News-Archiv", "Disclaimer", "Gästebuch", "FAQ", "Forum"))
    text = (
        f"Site Update - Leseprobe Band 14 / Kapitel 121\n\n24. März 2004, 19:49 | Genesis\n\n{item}\nViel Spass\n\n"
        f"Links:\nBand 14 / Kapitel 121\n\nKommentare\n\nName*\nEmail\n\n{menu}\n"
    )
    learnt = frozenset(line_fingerprint(line) for line in ("Links:", "Kommentare", "Name*", "Email"))
    (doc,) = read_scraped(text, recurring=learnt)
    assert doc.paragraphs[0] == item
    # left alone: a page whose only sentence is short (an error page) is still no article
    with pytest.raises(RejectedInput, match="no article text"):
        read_scraped(f"Seite nicht gefunden.\n\nLinks:\n\n{menu}\n", recurring=learnt)


# A blog post whose opening paragraphs lead into a scripture quote with its citation in brackets: short
# lines with few stopwords between the post's date line and the long paragraphs.
CITED_POST = "\n\n".join(
    [
        "Beranda", "Tentang Kami", "Kontak", "Entries RSS | Comments RSS", "RSS - Pos", "RSS - Komentar", "Iklan",
        "Jangan Membenci Orang Lain Secara Berlebihan",
        "Posted on Maret 30, 2015 by Admin",
        "Semoga kita bisa memahami dan mengamalkan hadits ini. Jangan cuma dibaca.",
        "Jangan lebay mencintai atau membenci sesuatu. Biasa saja. Jangan sampai karena amat membenci satu kaum, "
        "akhirnya kita justru menganiaya mereka secara keji:",
        "“…Janganlah kebencian(mu) kepada sesuatu kaum karena mereka menghalang-halangi kamu dari Masjidilharam, "
        "mendorongmu berbuat aniaya…” [Al Maidah 2]",
        "Kita harus berhati-hati terhadap ajaran yang menanamkan kebencian yang amat sangat kepada satu kaum, "
        "sehingga akhirnya para pengikutnya merasa berhak menyakiti orang lain. Nabi dan para sahabat mengajak orang "
        "kepada Islam tanpa paksaan, dengan akhlak yang baik dan kata-kata yang lembut.",
        "Umar bin Khattab pernah berpesan agar cinta seseorang tidak berlebihan dan kebenciannya tidak membuatnya "
        "ingin orang lain celaka, karena hati manusia bisa berubah dari waktu ke waktu dan orang yang hari ini "
        "dibenci bisa menjadi sahabat di kemudian hari.",
        "Iklan", "Share this:", "Facebook", "Twitter",
    ]
)  # fmt: skip


def test_a_quote_ending_in_its_citation_ends_a_sentence_and_keeps_the_opening() -> None:
    """The quote did not count as a sentence (its line ends in "[Al Maidah 2]"), so the run of opening lines
    broke there and the opening went as chrome, the quote itself taken for the headline."""
    paragraphs = read_scraped(CITED_POST)[0].paragraphs
    assert paragraphs[0].startswith("Semoga kita bisa memahami")
    assert paragraphs[2].endswith("berbuat aniaya…” [Al Maidah 2]") and len(paragraphs) == 5


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("The bridge was opened to traffic in 1932.[1]", True),  # footnote markers copied from an encyclopedia
        ("Its arch was the longest of its kind.[2][3]", True),
        ("“Let them wait,” the mayor said. [Reuters]", True),
        ("History[edit]", False),  # a heading with its edit link: no sentence mark before the bracket
        ("[Advertisement]", False),
        ("Read the full report [PDF]", False),
    ],
)
def test_a_bracketed_reference_after_a_sentence_mark_still_ends_the_sentence(line: str, sentence: bool) -> None:
    assert bool(LINE_ENDS_SENTENCE.search(line)) is sentence


# A fashion blog's post as a browser copies it: its menu, the byline above the headline, and a first paragraph
# that ends in an emoji after its full stop.
EMOJI_POST = "\n\n".join(
    [
        "Lena Hartmann", "Fashion & Lifestyle Blog aus München",
        "* Home\n* Über mich\n* Kategorien\n+ Fashion\n+ Beauty\n+ Lifestyle\n+ Travel\n+ Kolumne\n* Kontakt",
        "By Lena Hartmann 10. Februar 2019 in Allgemein, Fashion, Kolumne 17 Comments",
        "Das Missgeschick mit dem Rucksack",
        "Zuerst dachte ich, ich könnte das, was passiert ist, verheimlichen. Dann wurde mir aufgrund einiger "
        "Nachrichten klar, dass meine Community viel zu aufmerksam ist und ich euch einweihen muss. Nun gut… 😀",
        "Wie spätestens seit meinem letzten Blogpost alle wissen, habe ich mir kürzlich einen neuen Rucksack "
        "zugelegt. Diesen gibt es in drei Größen: groß, mittel und klein.",
        "Wenn ich mir etwas in den Kopf gesetzt habe, dann muss das sofort geschehen, weshalb ich das ganze "
        "Internet nach diesem Rucksack durchforstet habe, bis ich ihn endlich in einem kleinen Laden fand.",
        "Teilen:", "Facebook", "Pinterest",
    ]
)  # fmt: skip


def test_a_first_paragraph_ending_in_an_emoji_is_the_texts_first() -> None:
    """ "Nun gut… 😀" did not end a sentence, so the paragraph was not the text's first and went with the header
    between the headline and the text (trafilatura's pages as text, a fashion blog)."""
    doc = read_scraped(EMOJI_POST)[0]
    assert doc.title == "Das Missgeschick mit dem Rucksack"
    assert doc.paragraphs[0].startswith("Zuerst dachte ich") and doc.paragraphs[0].endswith("Nun gut… 😀")
    assert len(doc.paragraphs) == 3


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("Viel Spaß beim Nachbacken! 🎉❤️", True),  # emoji, a variation selector
        ("Thanks for reading. 👍🏽", True),  # a skin tone
        ("Follow us on Instagram 👉", False),  # no sentence mark before the emoji: a button's text
        ("🔥 Hot deals of the week", False),
        ("Summer sale ☀️", False),
    ],
)
def test_emoji_after_a_sentence_mark_do_not_hide_it(line: str, sentence: bool) -> None:
    assert bool(LINE_ENDS_SENTENCE.search(line)) is sentence


GARDEN_POST = [
    "How We Saved the Old Orchard",
    "Posted on March 30, 2015 by Admin",
    "When we bought the house the orchard had not been pruned for at least a decade, and half of the apple "
    "trees were so overgrown that they no longer carried fruit worth picking.",
    "We started in the first winter with the dead wood, then opened the crowns over three seasons, taking no "
    "more than a quarter of each tree in a year so that the trees would not answer with a mass of water shoots.",
    "Last autumn the twelve trees gave us more apples than we could store, and the neighbours who had laughed "
    "at our ladders came to ask for cuttings of the old varieties.",
]


def test_an_indonesian_date_line_under_the_headline_is_a_date() -> None:
    doc = read_scraped("\n\n".join([GARDEN_POST[0], "Posted on Maret 30, 2015 by Admin", *GARDEN_POST[2:]]))[0]
    assert doc.evidence.date_claims == [("header", "Posted on Maret 30, 2015 by Admin")]
    assert doc.title == "How We Saved the Old Orchard" and doc.paragraphs == GARDEN_POST[2:]


@pytest.mark.parametrize(
    ("date_line", "published"),
    [
        ("2. Juni 2021", "2021-06-02"),  # German, Nordic: a day and a dot, no numbered list's "2. "
        ("14. júla 2018", "2018-07-14"),
        ("20. 12. 2023", "2023-12-20"),  # Czech, Slovak: a space after each dot
        ("2025. 5. 13.", "2025-05-13"),  # Korean, Hungarian: year first
        ("1 gen 2021", "2021-01-01"),  # Italian, Dutch, Portuguese month abbreviations
        ("18 mrt 2023", "2023-03-18"),
        ("4 de dez. de 2018", "2018-12-04"),
        ("12 tháng 3, 2018", "2018-03-12"),  # Vietnamese "month 3"
    ],
)
def test_date_lines_in_cldr_formats_under_the_headline(date_line: str, published: str) -> None:
    """Date lines as CLDR's long and medium formats print them (a probe of 35 locales' page text): they stayed
    in the body, or gave the month only ("2. Juni 2021": its "2. " was taken for a numbered list's marker)."""
    from axis_ingest.normalise import normalise_document

    [doc] = read_scraped("\n\n".join([GARDEN_POST[0], date_line, *GARDEN_POST[2:]]))
    normalise_document(doc, Settings())
    assert doc.evidence.published == [date_line] and doc.published == published
    assert doc.paragraphs == GARDEN_POST[2:]


@pytest.mark.parametrize("text", ["gen 2021", "Set 2021 Live", "Mrt 2023 Archief", "1. 2. 3.", "2. Juni"])
def test_a_short_abbreviation_or_numbers_without_a_day_and_year_are_no_date_line(text: str) -> None:
    """Left alone: an abbreviation too short to be a month on its own ("gen", "set" are words of other
    languages) without a day before it, numbers without a year, a day and month without a year."""
    line = split_lines(text)[0]
    line.content, line.words = line.text, len(text.split())
    assert not is_date_line(line, phrases())


def test_a_numbered_list_item_keeps_its_number_as_a_list_marker() -> None:
    """Left alone: "2. Die Regierung ..." is an ordered list's item, though a month name and a year follow."""
    item = "2. Die Regierung beschloss im Mai 2021, die Steuern zu senken."
    [doc] = read_scraped("\n\n".join([GARDEN_POST[0], *GARDEN_POST[2:], item]))
    assert doc.paragraphs[-1] == "Die Regierung beschloss im Mai 2021, die Steuern zu senken."
    assert doc.evidence.published == []


def test_an_indonesian_month_without_a_year_or_day_is_no_date_line() -> None:
    line = split_lines("Rencana Maret untuk pasar baru")[0]
    line.content, line.words = line.text, 5
    assert not is_date_line(line, phrases())


def test_a_date_line_ending_in_a_full_stop_is_header_not_the_first_paragraph() -> None:
    """A short table story with an ad slot in it: no line reads as running text, so the largest block of lines
    without chrome is kept, and its date line (which ends in a full stop) was taken for the first paragraph."""
    stamp = "Published 16 March 2019 | Updated 5:27 p.m."
    header = ["By Staff Writer, The Daily Ledger", stamp, STANDINGS[0], "ADVERTISEMENT"]
    doc = read_scraped("\n\n".join([*header, *STANDINGS[1:], "Share this:", "Facebook"]))[0]
    assert doc.paragraphs == STANDINGS and doc.evidence.date_claims == [("header", stamp)]
    dated = "The council met on 16 March 2019 and approved the plan for the orchard."
    doc = read_scraped("\n\n".join([GARDEN_POST[0], dated, *GARDEN_POST[2:], "Share this:", "Facebook"]))[0]
    assert doc.paragraphs[0] == dated


URDU_PAGE = [
    "روزنامہ",
    "صفحہ اول",
    "پاکستان",
    "دنیا",
    "",
    "قومی اسمبلی نے نئے مالی سال کا بجٹ منظور کر لیا",
    "اسلام آباد میں قومی اسمبلی کے اجلاس میں نئے مالی سال کا بجٹ کثرت رائے سے منظور کر لیا گیا۔"
    " اجلاس کی صدارت اسپیکر نے کی۔",
    "وزیر خزانہ نے ایوان کو بتایا کہ ترقیاتی منصوبوں کے لیے رقم میں اضافہ کیا گیا ہے"
    " اور تنخواہوں میں دس فیصد اضافہ ہوگا۔",
    "حزب اختلاف کے ارکان نے بجٹ پر تنقید کی اور کہا کہ مہنگائی سے عام آدمی کی مشکلات بڑھیں گی۔",
    "بجٹ پر بحث تین دن تک جاری رہی جس میں حکومت اور حزب اختلاف دونوں جانب کے ارکان نے بڑی تعداد میں حصہ لیا۔",
    "ہمارے بارے میں",
]


def test_an_urdu_page_whose_sentences_end_in_the_urdu_full_stop_loses_its_menu() -> None:
    """Lines ending in `۔` end sentences: the text's run of prose is found, and the site's menu around it
    goes (before, no line of the page ended a sentence and the page was kept whole, menu and all)."""
    [doc] = read_scraped("\n".join(URDU_PAGE) + "\n")
    assert doc.title == URDU_PAGE[5]
    assert doc.paragraphs == URDU_PAGE[6:10]


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("وزیر خزانہ نے ایوان کو بتایا کہ رقم میں اضافہ کیا گیا ہے۔", True),
        ("Ազգային ժողովը այսօր հաստատեց հաջորդ տարվա պետական բյուջեն։", True),
        ("የኢትዮጵያ ፓርላማ የሚቀጥለውን ዓመት በጀት ዛሬ አጸደቀ።", True),
        ("قومی اسمبلی نے نئے مالی سال کا بجٹ منظور کر لیا", False),  # a headline: no mark
        ("صفحہ اول", False),
    ],
)
def test_a_line_ending_in_its_scripts_own_full_stop_ends_a_sentence(line: str, sentence: bool) -> None:
    assert bool(LINE_ENDS_SENTENCE.search(line)) is sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "The finance minister presented the new budget to the house today.",
        "وزیر خزانہ نے آج ایوان میں نیا بجٹ پیش کیا۔",  # the Urdu full stop (it was taken for a headline)
    ],
)
def test_a_short_sentence_over_the_story_is_no_headline_in_any_script(sentence: str) -> None:
    page = [*URDU_PAGE[:5], sentence, *URDU_PAGE[6:10]]
    [doc] = read_scraped("\n".join(page) + "\n")
    assert doc.title != sentence


def test_a_headline_in_such_a_script_is_still_the_title() -> None:
    [doc] = read_scraped("\n".join(URDU_PAGE) + "\n")
    assert doc.title == "قومی اسمبلی نے نئے مالی سال کا بجٹ منظور کر لیا"


@pytest.mark.parametrize(
    ("headline", "date_line", "lead"),
    [
        (
            "संसद ने नए वित्त वर्ष का बजट पारित किया",
            "15 मार्च 2026",
            "नई दिल्ली में लोकसभा ने सोमवार को नए वित्त वर्ष का बजट ध्वनिमत से पारित कर दिया।",
        ),
        (
            "הכנסת אישרה את תקציב המדינה לשנה הבאה",
            "15 במרץ 2026",
            "מליאת הכנסת אישרה ביום שני את תקציב המדינה לשנה הבאה ברוב קולות לאחר דיון שנמשך שלושה ימים.",
        ),
        (  # Eastern Arabic digits
            "البرلمان يقر ميزانية العام المالي الجديد",
            "١٥ مارس ٢٠٢٦",
            "أقر مجلس النواب يوم الاثنين ميزانية العام المالي الجديد بأغلبية الأصوات بعد نقاش استمر ثلاثة أيام.",
        ),
        (
            "সংসদে নতুন বাজেট পাস",
            "১৫ মার্চ ২০২৬",
            "ঢাকায় জাতীয় সংসদে সোমবার নতুন অর্থবছরের বাজেট কণ্ঠভোটে পাস হয়েছে।",
        ),
        (
            "Η Βουλή ενέκρινε τον προϋπολογισμό του νέου έτους",
            "15 Μαρτίου 2026",
            "Η Βουλή ενέκρινε τη Δευτέρα με μεγάλη πλειοψηφία τον κρατικό προϋπολογισμό του νέου οικονομικού έτους.",
        ),
    ],
)
def test_a_date_line_in_another_language_under_the_headline_is_a_date(headline: str, date_line: str, lead: str) -> None:
    """The month names come from dateparser's data for every language the date parser reads: a Hindi, Hebrew or
    Greek date line under the headline was kept as the first paragraph (the hand-made table had 14 languages)."""
    more = [lead + " " + lead[: len(lead) // 2] + ".", lead]
    [doc] = read_scraped("\n".join(["Home", "", headline, date_line, *more]) + "\n")
    assert doc.evidence.published == [date_line]
    assert date_line not in doc.paragraphs


def test_a_short_line_with_a_year_and_a_foreign_abbreviation_is_no_date_line() -> None:
    [doc] = read_scraped(
        "Pro Bono Award 2026\n"
        "The law society gave its pro bono award to a firm that advised tenants in two hundred eviction cases.\n"
        "The firm's partners said the cases had taken more than four thousand unpaid hours over the year.\n"
    )
    assert doc.evidence.published == []


@pytest.mark.parametrize(
    ("headline", "paragraphs"),
    [
        (  # Khmer
            "រដ្ឋសភាអនុម័តថវិកាថ្មី",
            [
                "រដ្ឋសភាបានអនុម័តថវិកាជាតិសម្រាប់ឆ្នាំក្រោយកាលពីថ្ងៃច័ន្ទដោយសំឡេងភាគច្រើន។",
                "រដ្ឋមន្ត្រីក្រសួងសេដ្ឋកិច្ចនិងហិរញ្ញវត្ថុបានមានប្រសាសន៍ថា ថវិកាសម្រាប់គម្រោងអភិវឌ្ឍន៍ត្រូវបានបង្កើន។",
                "តំណាងរាស្ត្រគណបក្សប្រឆាំងបានរិះគន់ថវិកានេះ។",
            ],
        ),
        (  # Burmese
            "လွှတ်တော်က ဘတ်ဂျက်အသစ်ကို အတည်ပြု",
            [
                "ပြည်ထောင်စုလွှတ်တော်သည် တနင်္လာနေ့တွင် နောက်နှစ်အတွက် ဘတ်ဂျက်ကို မဲအများစုဖြင့် အတည်ပြုခဲ့သည်။",
                "ဘဏ္ဍာရေးဝန်ကြီးက ဖွံ့ဖြိုးရေးစီမံကိန်းများအတွက် ငွေကြေးခွဲဝေမှုကို တိုးမြှင့်ထားကြောင်း ပြောကြားခဲ့သည်။",
                "အတိုက်အခံအမတ်များက ဘတ်ဂျက်ကို ဝေဖန်ခဲ့ကြသည်။",
            ],
        ),
    ],
)
def test_a_page_in_a_script_without_spaces_between_words_keeps_its_story(headline: str, paragraphs: list[str]) -> None:
    """Khmer and Burmese write no space between words: counted as spaced text, every line was a few "words" and
    the page was rejected as all chrome. Their characters now count as dense as Thai and Chinese ones."""
    [doc] = read_scraped("\n".join(["News", "Home", "World", "", headline, *paragraphs, "About us"]) + "\n")
    assert doc.title == headline
    assert doc.paragraphs == paragraphs


SHORT_POST_PAGE = [
    "* Impressum",
    "kleinerblog",
    "Nummer drei: Mila",
    "4. Mai 2016 · Abgelegt unter Familie",
    "Lange haben wir gewartet, und am Dienstag ist unsere Tochter Mila endlich zur Welt gekommen, gesund und "
    "ziemlich laut.",
    ":-)",
    "So sah es aus, als ihr großer Bruder sie zum ersten Mal im Arm hielt und gar nicht mehr loslassen wollte.",
    "Noch keine Kommentare »",
    "* Neueste Kommentare",
    *[
        "Warning: Use of undefined constant comments - assumed 'comments' (this will throw an Error in a future "
        "version of PHP) in /htdocs/wp-content/plugins/recent-comments/recent-comments.php on line 928"
    ]
    * 3,
    "* Archiv",
    *[f"+ {month} 2015 ({count})" for month, count in (("Mai", 3), ("April", 1), ("März", 2), ("Februar", 4))],
    *[f"+ {month} 2014 ({count})" for month, count in (("Mai", 1), ("April", 2), ("März", 5), ("Februar", 1))],
    "kleinerblog läuft mit WordPress",
]


def test_a_short_post_is_not_lost_to_a_block_of_lines_the_page_prints_twice() -> None:
    """A two-sentence post between a smiley and the blog's widgets: no line reads as running text, and the
    largest block without chrome was a PHP warning printed three times (or a sidebar's archive, whose lines
    differ only in digits), which the repeat pass then removed: the page was rejected as all chrome."""
    [doc] = read_scraped("\n\n".join(SHORT_POST_PAGE))
    assert SHORT_POST_PAGE[4] in doc.paragraphs and SHORT_POST_PAGE[6] in doc.paragraphs
    assert not any("Warning" in p or "2015" in p for p in doc.paragraphs)
    without_warnings = [line for line in SHORT_POST_PAGE if not line.startswith("Warning")]
    [doc] = read_scraped("\n\n".join(without_warnings))
    assert SHORT_POST_PAGE[4] in doc.paragraphs and not any("2015" in p for p in doc.paragraphs)


def test_a_table_whose_rows_differ_only_in_figures_is_still_no_article() -> None:
    """Left alone: rows that repeat but for their digits were taken out after the fallback before; they still
    are, and a page of nothing else is still rejected."""
    rows = [f"{n} {n + 1} {n + 2} {n + 3}" for n in range(10, 70, 10)]
    with pytest.raises(RejectedInput):
        read_scraped("\n\n".join(["Home", "Tables", *rows, "Contact", "Imprint"]))


def test_a_short_article_under_the_menu_with_share_buttons_under_it_is_no_consent_banner() -> None:
    """A blog's two-sentence post under its menu ("Impressum", "Suchen"), its share buttons under it: the
    banner test found a sentence followed by short lines, and a chrome phrase among the lines above it (the
    menu's), so the article went as a consent banner and only the blog's footer stayed.  The phrase must be
    in the notice's own sentences (the banners of the tests above name cookies there)."""
    post = [
        "Auch Polizisten im Dienst können den Rasertatbestand erfüllen, wenn sie ohne Blaulicht und ohne "
        "Dringlichkeit mit mehr als doppelter Geschwindigkeit durch die Stadt fahren.",
        "Das Obergericht hat einen Freispruch des Bezirksgerichts aufgehoben und die Sache zur neuen "
        "Beurteilung an die erste Instanz zurückgewiesen.",
    ]
    text = "\n".join(
        [
            "Aktuelles zum Straf- und Strafprozessrecht",
            "Springe zum Inhalt",
            "Startseite",
            "Downloads",
            "Suchen",
            "Impressum",
            "Rasende Polizisten",
            *post,
            "Drucken",
            "E-Mail",
            "Twitter",
            "Facebook",
            "Dieser Beitrag wurde am 04/02/2020 von kj in Bundesgericht, Strassenverkehr, Vorsatz und Fahrlässigkeit "
            "veröffentlicht. Setze ein Lesezeichen auf den Permalink.",
            "Schreibe einen Kommentar",
        ]
    )
    [doc] = read_scraped(text)
    assert all(sentence in doc.paragraphs for sentence in post)


_SECTIONS = [
    ("What is a heat pump?", "A heat pump moves heat from the air or the ground into a house, using a little "
     "electricity to move a lot of heat, much as a fridge moves heat out of its box."),
    ("How much does a heat pump cost?", "An air-source heat pump for a family house costs between 8,000 and 14,000 "
     "euros installed, and state grants pay up to a third of that in most regions this year."),
    ("Which houses suit a heat pump?", "Well insulated houses with underfloor heating suit heat pumps best, but "
     "most houses built after 1980 can be heated with one after modest changes to their radiators."),
]  # fmt: skip
_INTRO = (
    "Heat pumps are replacing gas boilers across Europe, and this guide answers the questions homeowners ask most "
    "often before they buy one."
)


def _guide(contents: list[str], after: list[str] = ()) -> str:
    lines = ["Example Home", "* Energy", "* Garden", "Heat pumps explained: a beginner's guide", _INTRO,
             "Table of contents", *contents]  # fmt: skip
    for heading, text in _SECTIONS:
        lines += [heading, text]
    return "\n\n".join([*lines, *after, "© 2026 Example Home"]) + "\n"


def test_the_headings_a_table_of_contents_lists_stay_in_the_text() -> None:
    """WCXB's 2025 pages as text: a table of contents printed every heading twice, and both printings were
    dropped (106 of 331 pages of half a lost lines so; WCXB as text 0.8742 / 0.8916 -> 0.8758 / 0.8934)."""
    doc = read_scraped(_guide([f"* {heading}" for heading, _ in _SECTIONS]))[0]
    assert doc.paragraphs[-6:] == [line for section in _SECTIONS for line in section]


def test_a_most_read_headline_printed_again_in_two_rails_stays_out() -> None:
    """Left alone: a headline of a list above, printed again in two rails of teasers after the text (a table of
    contents lists each heading once, and the page prints it twice)."""
    teaser = "Solar panels on balconies: what the new rules allow"
    blurb = (
        "Since May, tenants in most German states may install small solar panels on their balconies without "
        "asking their landlord first, and the rules for plugging them in have become simpler as well."
    )
    page = _guide([f"* {heading}" for heading, _ in _SECTIONS] + [f"* {teaser}"],
                  after=[teaser, blurb, teaser, blurb])  # fmt: skip
    assert teaser not in read_scraped(page)[0].paragraphs


_NUTRITION_TEXT = (
    "The Nutrition 2025 meeting hosted annually by the American Society for Nutrition brought together "
    "researchers, dietitians and food scientists in Orlando to share what they have learned this year.\n\n"
    "Among the trends we saw, protein from plants led the programme: more sessions than ever looked at "
    "legumes, soy and whole grains, and at what they do for muscle and metabolism.\n\n"
    "Second, researchers presented new findings on the gut microbiome and fibre, and on how nutrition "
    "research can turn them into advice that people can follow at home.\n\n"
    "Third, several trends concerned ageing: nutrition for healthy muscles and bones after fifty, and the "
    "role of vitamin D and calcium, were discussed in many sessions.\n"
)


def test_the_headline_is_the_line_whose_words_the_text_uses():
    """A call to action or a section label nearer the text than the headline is no headline: the text does not
    use its words."""
    text = (
        "Nutrition Blog\n\n"
        "5 Trends from Nutrition 2025\n\n"
        "December 10, 2025\n\n"
        "Book a free consultation with our team today\n\n"
        "Share this article\n\n" + _NUTRITION_TEXT
    )
    doc = read_scraped(text)[0]
    assert doc.title == "5 Trends from Nutrition 2025"
    assert doc.paragraphs[0].startswith("The Nutrition 2025 meeting")


def test_a_headline_the_text_does_not_repeat_is_still_the_headline():
    """Left alone: a headline in other words than the text's (a pun) is the only title-like line over it, and a
    line far above the text that shares few of its words is not taken instead."""
    menu = "".join(f"Section {n}\n\n" for n in range(16))
    text = "The week in food and health news, every Friday\n\n" + menu + "Bean there, done that\n\n" + _NUTRITION_TEXT
    doc = read_scraped(text)[0]
    assert doc.title == "Bean there, done that"


def test_a_headline_over_a_long_menu_is_found_by_the_words_the_text_uses():
    """Shop links between the headline and the text push it beyond HEADER_LOOKBACK; most of its words are the
    text's, so it is still the headline."""
    shop = "".join(f"{item}\n\n" for item in ["Gift cards", "Cookbooks", "Meal plans", "Kitchen tools"] * 4)
    text = "5 Trends from Nutrition 2025\n\n" + shop + _NUTRITION_TEXT
    doc = read_scraped(text)[0]
    assert doc.title == "5 Trends from Nutrition 2025"


def test_a_name_beside_a_date_line_is_the_byline():
    """A blog's header prints the writer's name over the date, with no "By"; the name's given name is too rare for
    a bare name alone ("Shauna"), but beside the date a given name is enough."""
    text = "Reimplementing a classic spelling corrector\n\nShauna Mitchell\n\nDec 18, 2025\n\n" + _NUTRITION_TEXT
    doc = read_scraped(text)[0]
    assert doc.title == "Reimplementing a classic spelling corrector"
    assert doc.evidence.bylines == ["Shauna Mitchell"]
    assert "Shauna Mitchell" not in doc.paragraphs


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Patrick Clarke Published 10:19am 19 December 2025", "Patrick Clarke"),
        ("Dakota Hebert July 3, 2025", "Dakota Hebert"),
        ("Matt Eland on Dec. 13, 2025", "Matt Eland"),
    ],
)
def test_a_date_line_that_opens_with_a_name_gives_the_byline(line: str, byline: str) -> None:
    """A header line of a name and the date, no "By" and no separator: the date was read, the writer was not."""
    text = "Reimplementing a classic spelling corrector\n\n" + line + "\n\n" + _NUTRITION_TEXT
    doc = read_scraped(text)[0]
    assert [author.name for author in parse_byline(doc.evidence.bylines[0])] == [byline]
    assert doc.evidence.date_claims == [("header", line)]


@pytest.mark.parametrize("line", ["Christmas Eve December 24, 2025", "Updated 10:19am 19 December 2025"])
def test_a_date_line_that_opens_with_no_persons_name_gives_no_byline(line: str) -> None:
    """Left alone: an occasion or a label before the date is no person."""
    text = "Reimplementing a classic spelling corrector\n\n" + line + "\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].evidence.bylines == []


def test_a_reading_time_is_not_the_headline():
    """A post's meta lines under its headline: the reading time has three words, as a short headline has, and sat
    closer to the text, and the text uses its one long word ("6 min read" was stored as the title of a blog post)."""
    lead = "Most advice you read online about the meeting was written before a single session had started.\n\n"
    text = "Forbidden career advice\n\nBrian Jenney\n\n6 min read\n\n" + lead + _NUTRITION_TEXT
    assert read_scraped(text)[0].title == "Forbidden career advice"


def test_a_headline_about_reading_time_stays_the_headline():
    """Left alone: a headline that speaks of minutes of reading is not a reading time."""
    text = "Why a 5 minute read beats a long report\n\nBrian Jenney\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].title == "Why a 5 minute read beats a long report"


def test_a_date_label_on_a_line_of_its_own_goes_with_the_date_under_it():
    """A page printed "Last updated on:" and the date in elements of their own: the date alone was claimed as the
    publication's; with its label the normaliser sets the update aside."""
    text = "Reimplementing a classic spelling corrector\n\nLast updated on:\n\nOctober 1, 2025\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].evidence.date_claims == [("header", "Last updated on: October 1, 2025")]
    text = "Reimplementing a classic spelling corrector\n\nPosted on\n\nNov 21, 2018\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].evidence.date_claims == [("header", "Posted on Nov 21, 2018")]


def test_the_value_under_a_lone_label_is_no_headline():
    """ "Written by" over "Eliz - Product marketer": the writer's line, three words long, was taken for the
    headline."""
    text = "Reimplementing a classic spelling corrector\n\nWritten by\n\nEliz - Product marketer\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].title == "Reimplementing a classic spelling corrector"


def test_a_date_and_a_headline_without_a_label_above_stay_as_they_were():
    """Left alone: a date under the headline is claimed as printed, and a headline under a section's name is the
    headline."""
    text = "Reimplementing a classic spelling corrector\n\nOctober 1, 2025\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].evidence.date_claims == [("header", "October 1, 2025")]
    text = "Technology\n\nReimplementing a classic spelling corrector\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].title == "Reimplementing a classic spelling corrector"


def test_a_name_without_a_date_beside_it_is_no_byline():
    """Left alone: a rare name alone between headline and text may be the subject's, and a topic line beside the
    date is no person."""
    text = "Reimplementing a classic spelling corrector\n\nShauna Mitchell\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].evidence.bylines == []
    headline = "Reimplementing a classic spelling corrector\n\n"
    text = headline + "Machine Learning Basics\n\nDec 18, 2025\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].evidence.bylines == []


def test_a_line_of_over_24_words_opening_the_text_is_no_headline():
    """A blog post copied without its headline opens with a 26-word sentence whose end the page decorated (an
    emoji after the mark): it was stored as the title.  No labelled headline of the probes runs past 22 words."""
    opening = (
        "Guests who booked their seats through our partner came to the harbour theatre to see the winter revue "
        "and left their thoughts on the partner's site! 🙂"
    )
    assert len(opening.split()) == 27
    text = opening + "\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].title is None


def test_a_long_headline_of_22_words_stays_the_headline():
    """Left alone: a long headline, 22 words, as long as the longest the probes label."""
    headline = (
        "Council approves new budget after months of debate over school funding, road repairs and the future "
        "of the harbour ferry next year"
    )
    assert len(headline.split()) == 22
    text = headline + "\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].title == headline


def test_a_section_marker_among_the_menus_entries_leaves_the_header_after_the_menu_alone():
    """ "Popular" printed as one entry of the site's menu ("Your Subscription", "Popular", "Latest") was read as
    a "Most popular" heading: the headline, dek, byline and date under the menu were dropped as its teaser list,
    and the page had no title."""
    entries = ["Crossword Puzzle", "Magazine Archive", "Your Subscription", "Popular", "Latest", "Newsletters"]
    menu = "\n".join("* " + entry for entry in entries)
    header = "Why I Teach Poetry to Electricians\n\nBy Ana Lima\n\nApril 29, 2014"
    doc = read_scraped(menu + "\n\n" + header + "\n\n" + _NUTRITION_TEXT)[0]
    assert doc.title == "Why I Teach Poetry to Electricians"
    assert doc.evidence.bylines == ["By Ana Lima"]


_FEDERAL_BANNER = (
    "An official website of the United States government Here’s how you know\n\n"
    "The .gov means it’s official.\n"
    "Federal government websites often end in .gov or .mil. Before sharing sensitive information, make sure "
    "you're on a federal government site.\n\n"
    "The site is secure.\n"
    "The https:// ensures that you are connecting to the official website and that any information you provide "
    "is encrypted and transmitted securely.\n\n"
)


def test_the_banner_federal_sites_print_is_neither_headline_nor_text():
    """Every U.S. federal site prints the U.S. Web Design System's banner above its menu: its first line was the
    headline and its sentences opened the body (fda.gov, msha.gov and eight more agencies' pages as text)."""
    text = _FEDERAL_BANNER + "Concerns with unapproved weight loss drugs\n\n" + _NUTRITION_TEXT
    doc = read_scraped(text)[0]
    assert doc.title == "Concerns with unapproved weight loss drugs"
    assert doc.body.startswith("The Nutrition 2025 meeting")


def test_sentences_about_a_secure_site_or_a_government_website_stay_text():
    """Left alone: running text that speaks of a site being secure or of a government's website."""
    lines = [
        "The site is secure now, the fire chief said after the last of the flames were put out on Sunday.",
        "The agency moved its forms to the official website of the state government in the spring.",
    ]
    doc = read_scraped("Fire at the old mill\n\n" + "\n\n".join(lines) + "\n\n" + _NUTRITION_TEXT)[0]
    assert all(line in doc.body for line in lines)


def test_a_site_name_the_page_prints_in_its_menu_is_cut_off_the_headline():
    """The headline line copied with the tab title's suffix, the site's name that the menu prints as an entry:
    "The Ultimate Car Maintenance Checklist | Bridgestone Tires" was stored whole."""
    menu = "* Tires\n* Bridgestone Tires\n* Find a Store\n* Deals"
    text = menu + "\n\nThe Ultimate Car Maintenance Checklist | Bridgestone Tires\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].title == "The Ultimate Car Maintenance Checklist"


@pytest.mark.parametrize(
    "subheading", ["", "What we expect\n\n"], ids=["printed nowhere else", "one of the text's headings"]
)
def test_a_headlines_second_part_that_is_no_site_name_stays(subheading: str) -> None:
    """Left alone: a second part printed nowhere else, or printed as a heading of the text itself, is the
    headline's own."""
    menu = "* Tires\n* Find a Store\n* Deals"
    headline = "Galaxy Unpacked launch date for new foldables is set - What we expect"
    text = menu + "\n\n" + headline + "\n\n" + _NUTRITION_TEXT.replace("Second,", subheading + "Second,")
    assert read_scraped(text)[0].title == headline


def test_a_section_marker_among_lines_learnt_as_the_sites_chrome_heads_no_list():
    """The menu's entries around "Latest" were learnt as the site's chrome (printed on its other pages): the
    marker among them is a menu entry too, and the header under the menu stays."""
    entries = ["Magazine Archive", "Your Subscription", "Latest", "Newsletters"]
    learnt = frozenset(line_fingerprint(entry) for entry in entries if entry != "Latest")
    header = "Why I Teach Poetry to Electricians\n\nBy Ana Lima\n\nApril 29, 2014"
    doc = read_scraped("\n".join(entries) + "\n\n" + header + "\n\n" + _NUTRITION_TEXT, recurring=learnt)[0]
    assert doc.title == "Why I Teach Poetry to Electricians"


def test_a_marker_above_the_headline_and_its_date_line_leaves_the_header_alone():
    """ "Read more" printed over the post's header (headline, date, author): the three were dropped as its list
    and the page had no title."""
    header = "Read more\n\nHardened images for every team\n\nPosted Dec 19, 2025\n\nAna Lima"
    assert read_scraped(header + "\n\n" + _NUTRITION_TEXT)[0].title == "Hardened images for every team"


@pytest.mark.parametrize(("line", "byline"), [("ByNina Pineda", ["ByNina Pineda"]), ("ByteDance and the news", [])])
def test_a_by_glued_to_the_name_opens_a_byline_line(line: str, byline: list[str]) -> None:
    """ "ByNina Pineda" under the headline was no byline line (the "By" words need a space after them); left alone:
    a word that opens with "By" and goes on in lower case."""
    text = "Reimplementing a classic spelling corrector\n\n" + line + "\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].evidence.bylines == byline


def test_a_date_printed_right_above_the_headline_is_the_articles():
    """A post prints its date in a row above the headline ("Jan 13, 2025" / headline / text): only the lines
    between headline and text were read, and the page had no date."""
    text = "Home\n\nBlog\n\nJan 13, 2025\n\nReimplementing a classic spelling corrector\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].evidence.date_claims == [("header", "Jan 13, 2025")]


def test_a_date_under_the_headline_or_far_above_it_is_read_as_before():
    """Left alone: a date under the headline is the article's (the one above it is not read), and a date in the
    masthead, several lines above the headline, is today's."""
    under = "Jan 13, 2025\n\nReimplementing a classic spelling corrector\n\nFebruary 2, 2025\n\n" + _NUTRITION_TEXT
    assert read_scraped(under)[0].evidence.date_claims == [("header", "February 2, 2025")]
    masthead = "Friday, December 19, 2025\n\nHome\n\nNews\n\nSport\n\nReimplementing a classic spelling corrector\n\n"
    assert read_scraped(masthead + _NUTRITION_TEXT)[0].evidence.date_claims == []


def test_a_byline_label_glued_to_the_name_by_its_colon_is_read():
    """ "Written by:Elise Nass" (a CMS's label and name in two elements, copied without a space; WCXB 0322 as page
    text): the line was no byline, as the pattern wanted a space after the colon."""
    text = "Reimplementing a classic spelling corrector\n\nWritten by:Elise Nass\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].evidence.bylines == ["Written by:Elise Nass"]


def test_a_word_that_opens_with_by_or_a_glued_date_label_is_no_byline():
    """Left alone: "Byzantine ..." and "Updated:December 31, 2024" under the headline are no bylines."""
    for line in ("Byzantine mosaics restored in the old chapel", "Updated:December 31, 2024"):
        text = "Reimplementing a classic spelling corrector\n\n" + line + "\n\n" + _NUTRITION_TEXT
        assert read_scraped(text)[0].evidence.bylines == [], line


def test_a_line_of_dates_run_into_each_other_is_no_headline():
    """A post's published and updated dates and its writer copied as one line ("September 1, 2016September 8,
    2016Autumn Adams", WCXB 0305 as page text): a year run into the next word was no year, the line no date line,
    and it was stored as the title."""
    meta = "September 1, 2016September 8, 2016Autumn Adams"
    doc = read_scraped("Reimplementing a classic spelling corrector\n\n" + meta + "\n\n" + _NUTRITION_TEXT)[0]
    assert doc.title == "Reimplementing a classic spelling corrector"
    assert doc.evidence.date_claims == [("header", meta)]


def test_a_headline_with_a_model_number_run_into_letters_stays_the_title():
    """Left alone: four digits run into letters that are no year ("3000X") do not make a headline a date line."""
    headline = "Model 3000X review: a quiet fan for September nights"
    doc = read_scraped(headline + "\n\n" + _NUTRITION_TEXT)[0]
    assert doc.title == headline


_STANDFIRST = "The council wants the old spelling rules back in schools, and the teachers' union is against it."


def test_a_bare_name_under_the_standfirst_is_the_byline():
    """fundus's Tages-Anzeiger page as text: headline, standfirst, the writer's name alone and "Publiziert heute um
    12:19 Uhr" (no date a parser can read), then the text.  The standfirst is the text's first paragraph (the
    labels count it as the body's), and the name under it was taken for the body's too."""
    text = "\n\n".join(
        ["Reimplementing a classic spelling corrector", _STANDFIRST, "Edgar Schuler\nPubliziert heute um 12:19 Uhr"]
    )
    doc = read_scraped(text + "\n\n" + _NUTRITION_TEXT)[0]
    assert doc.evidence.bylines == ["Edgar Schuler"]
    assert doc.paragraphs[0] == _STANDFIRST
    assert "Edgar Schuler" not in doc.body


def test_a_standfirst_followed_by_the_text_stays_the_first_paragraph():
    """Left alone: a sentence under the headline with the text right after it and no name is the text's."""
    text = "\n\n".join(["Reimplementing a classic spelling corrector", _STANDFIRST, _NUTRITION_TEXT])
    doc = read_scraped(text)[0]
    assert doc.evidence.bylines == []
    assert doc.paragraphs[0] == _STANDFIRST


def test_a_byline_printed_right_above_the_headline_is_the_articles():
    """A magazine prints the writer over the headline ("By Jordana Cepelewicz" / headline / text): only the lines
    between headline and text were read, and the page named nobody."""
    text = "Mathematics\n\nBy Ana Lima\n\nReimplementing a classic spelling corrector\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].evidence.bylines == ["By Ana Lima"]


def test_a_name_and_date_line_right_above_the_headline_gives_the_byline():
    """A blog prints "Tom Talbot October 14, 2025" over its category and the headline (WCXB 0068 as text): the date
    was read, the writer was not, as the line was above the headline rather than under it."""
    text = "Tom Talbot October 14, 2025\n* Blog\n\nReimplementing a classic spelling corrector\n\n" + _NUTRITION_TEXT
    doc = read_scraped(text)[0]
    assert [author.name for author in parse_byline(doc.evidence.bylines[0])] == ["Tom Talbot"]


def test_an_occasion_and_date_line_above_the_headline_gives_no_byline():
    """Left alone: an occasion before the date over the headline names nobody; the date is still read."""
    text = "Christmas Eve December 24, 2025\n\nReimplementing a classic spelling corrector\n\n" + _NUTRITION_TEXT
    doc = read_scraped(text)[0]
    assert doc.evidence.bylines == []
    assert doc.evidence.date_claims == [("header", "Christmas Eve December 24, 2025")]


def test_a_name_in_a_meta_row_copied_as_a_list_is_the_byline():
    """A post's meta row copied as a list under the headline ("* Selin Romano", "* In Web Design", "* Nov 20, 2025";
    WCXB as page text): the date was read, the bulleted name was not."""
    row = "* Selin Romano\n* In Web Design\n* Nov 20, 2025"
    doc = read_scraped("Reimplementing a classic spelling corrector\n\n" + row + "\n\n" + _NUTRITION_TEXT)[0]
    assert doc.evidence.bylines == ["Selin Romano"]


def test_bulleted_names_without_a_bulleted_date_beside_them_give_no_byline():
    """Left alone: a list of names under the headline with no date in the list (a panel, a cast) names no writer."""
    panel = "* Selin Romano\n* Marta Ruiz\n* Ana Lima"
    doc = read_scraped("Reimplementing a classic spelling corrector\n\n" + panel + "\n\n" + _NUTRITION_TEXT)[0]
    assert doc.evidence.bylines == []


def test_a_byline_under_the_headline_or_far_above_it_is_read_as_before():
    """Left alone: a byline under the headline is the one read, and a "By" line several lines above the headline
    is the menu's or another story's."""
    under = "By Ana Lima\n\nReimplementing a classic spelling corrector\n\nBy Marta Ruiz\n\n" + _NUTRITION_TEXT
    assert read_scraped(under)[0].evidence.bylines == ["By Marta Ruiz"]
    far = "By Ana Lima\n\nHome\n\nNews\n\nSport\n\nReimplementing a classic spelling corrector\n\n" + _NUTRITION_TEXT
    assert read_scraped(far)[0].evidence.bylines == []


def test_a_tables_rows_are_written_with_their_cells_apart():
    """A browser's copy puts tabs between a row's cells; the paragraph's spacing squashed them to one space and the
    cells ran together ("Kilkeel Harbour (County Down) 64 vessels 12,480 t"): they are written between " | ", as
    the HTML reader writes a table's row.  A line without tabs is left as it is."""
    text = "\n\n".join(["Landings rose at two of the three ports", PARA_A, LANDINGS_INTRO, "\n".join(LANDINGS), PARA_B])
    doc = read_scraped("\n\n".join([text, *FOOTER]))[0]
    assert "Kilkeel Harbour (County Down) | 64 vessels | 12,480 t | £18.2m | +4.1% | 112 berths" in doc.paragraphs
    assert doc.paragraphs[-1] == PARA_B and PARA_A in doc.paragraphs


def test_a_call_to_action_above_the_byline_block_does_not_make_the_header_a_consent_banner() -> None:
    """WCXB 0019 as page text: a sentence with "click here" (a weak hint, not a consent notice) above "Written By",
    the name and the job title (three short lines) was taken for a consent banner and its buttons, and the
    headline and the date above it went with it."""
    text = "\n\n".join(
        [
            "Blog",
            "Last updated:",
            "Dec 12, 2025",
            "The Seven Harbour Towns Worth a Winter Visit",
            "We hope you find this guide useful. If you would rather have us plan the trip, click here to book.",
            "Written By",
            "Sarah Lindqvist",
            "Travel Writer, Harbour Weekly",
            "Winter is the quiet season on the coast, and the seven harbour towns below are at their best when the "
            "summer crowds have gone home and the fishing boats have the quays to themselves again.",
            "Each of them can be reached by train from the city in under three hours, and most of them have at least "
            "one small hotel that stays open all year.",
        ]
    )
    [doc] = read_scraped(text)
    assert doc.title == "The Seven Harbour Towns Worth a Winter Visit"
    assert doc.evidence.published == ["Dec 12, 2025"]


def test_a_consent_banner_that_names_only_cookies_is_still_neither_title_nor_body() -> None:
    """Left alone: a banner whose notice names cookies without a strong phrase ("By clicking Accept, you agree to
    the storing of cookies ...") above its buttons is still a banner."""
    text = "\n".join(
        [
            "By clicking Accept, you agree to the storing of cookies on your device to enhance site navigation.",
            "Deny",
            "Accept",
            "Privacy Preferences",
            *_TUNNEL_STORY,
        ]
    )
    [doc] = read_scraped(text)
    assert doc.title == "Harbour tunnel reopens after six months of repairs"
    assert "cookies" not in doc.body


_SUMMARY = (
    "The article in brief\n"
    "* The council voted to bring back the old spelling rules in primary schools from next autumn.\n"
    "* The teachers' union says the change leaves no time to train staff or print new books."
)


def test_a_date_printed_under_the_lead_and_a_summary_is_the_articles():
    """fundus's Kleine Zeitung page as text: headline, the lead, a generated summary, then the writer's name and
    "30. Juni 2025," over the text.  Only the lines between the headline and the lead were read for a date, so the
    page had none; the date line went into the body."""
    header = "Ana Lima\nJune 30, 2025,"
    text = "\n\n".join(["Reimplementing a classic spelling corrector", _STANDFIRST, _SUMMARY, header, _NUTRITION_TEXT])
    doc = read_scraped(text)[0]
    assert doc.evidence.date_claims == [("header", "June 30, 2025,")]
    assert "June 30, 2025" not in doc.body
    assert doc.paragraphs[0] == _STANDFIRST


def test_a_name_and_date_line_under_the_lead_gives_the_byline_and_the_date():
    """il Giornale as text: "Marco Pizzorno 4 Febbraio 2025 - 14:41" under the standfirst: the writer and the day."""
    meta = "Marco Pizzorno 4 February 2025"
    text = "\n\n".join(["Reimplementing a classic spelling corrector", _STANDFIRST, _SUMMARY, meta, _NUTRITION_TEXT])
    doc = read_scraped(text)[0]
    assert doc.evidence.date_claims == [("header", "Marco Pizzorno 4 February 2025")]
    assert [author.name for author in parse_byline(doc.evidence.bylines[0])] == ["Marco Pizzorno"]


def test_a_date_under_the_headline_is_kept_over_one_under_the_lead():
    """Left alone: a page that prints its date between the headline and the text keeps it; a date line under the
    lead is then a related item's, and stays where it is."""
    text = "\n\n".join(
        ["Reimplementing a classic spelling corrector", "March 3, 2026", _STANDFIRST, "June 30, 2025", _NUTRITION_TEXT]
    )
    assert read_scraped(text)[0].evidence.date_claims == [("header", "March 3, 2026")]


def test_a_date_line_deep_in_the_text_is_not_the_articles():
    """Left alone: a date line further down than a header stands (a comment's, an event's) is no date of the
    article."""
    text = "\n\n".join(["Reimplementing a classic spelling corrector", _STANDFIRST, _NUTRITION_TEXT] * 3)
    text += "\n\nJune 30, 2025\n\n" + _NUTRITION_TEXT
    assert read_scraped(text)[0].evidence.date_claims == []


@pytest.mark.parametrize(
    ("row", "dates"),
    [
        # Postmedia's meta row (fundus's National Post and The Province as text)
        ("Published Aug 28, 2024 • Last updated 1 hour ago • 4 minute read", ["Published Aug 28, 2024"]),
        # netzpolitik.org: a column's writer, the date, the comment count between spaced dashes
        ("Kolumne von Carla Siepmann - 28.04.2024 um 08:52 Uhr - 12 Ergänzungen", ["28.04.2024 um 08:52 Uhr"]),
        # The Times of India: writer, site and date between spaced slashes
        ("Aashish Saxena / TIMESOFINDIA.COM / Sep 2, 2024, 17:07 IST", ["Sep 2, 2024, 17:07 IST"]),
        # left alone: a row without a date, a sentence with a date
        ("Sport | Football | 12 comments", []),
        ("Prices rose again in March 2026 | the office said on Tuesday.", []),
    ],
)
def test_a_meta_row_gives_its_date_whatever_its_other_items(row: str, dates: list[str]) -> None:
    """A header's meta row holds a date among items that are neither a date nor a byline (a reading time, an update
    "1 hour ago", a comment count, a site's name): the row was no date line and no meta line of a name and a date,
    and the page had no date."""
    text = "\n\n".join(["Reimplementing a classic spelling corrector", row, _NUTRITION_TEXT])
    assert read_scraped(text)[0].evidence.date_claims == [("header", date) for date in dates]


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Written By:", "Cazzy Magennis"),  # a given name no dictionary holds, under the label
        ("Author of the article:", "Joseph Brean"),  # Postmedia: the label was taken for the byline, naming nobody
    ],
)
def test_a_name_under_a_names_label_is_the_byline(label: str, name: str) -> None:
    """A label and the name printed apart under the headline (WCXB 0332, fundus's National Post as text): the
    label was stored as the byline ("Author of the article:", which names nobody) or the name was too rare for a
    bare name ("Cazzy")."""
    text = "\n\n".join(["Reimplementing a classic spelling corrector", f"{label}\n{name}", _NUTRITION_TEXT])
    assert read_scraped(text)[0].evidence.bylines == [name]


def test_an_everyday_phrase_under_a_names_label_is_no_byline():
    """Left alone: menu items run together under "By" ("Wedding ChecklistsJust EngagedWedding Planning", WCXB 4589
    as text) are no person's name, though the byline parser reads the words as one."""
    text = "\n\n".join(
        [
            "Reimplementing a classic spelling corrector",
            _STANDFIRST,
            "By\nWedding ChecklistsJust EngagedWedding Planning",
        ]
    )
    assert read_scraped(text + "\n\n" + _NUTRITION_TEXT)[0].evidence.bylines == []


def test_a_byline_under_the_lead_is_the_articles():
    """Investopedia's header as text (WCXB 0227): headline, the lead, then "By Richard Garner Updated Sep 5, 2024"
    and the text (here with a summary between).  Only the lines between the headline and the lead were read."""
    byline = "By Richard Garner Updated Sep 5, 2024"
    text = "\n\n".join(["Reimplementing a classic spelling corrector", _STANDFIRST, _SUMMARY, byline, _NUTRITION_TEXT])
    doc = read_scraped(text)[0]
    assert doc.evidence.bylines == [byline]
    assert byline not in doc.body


def test_a_labelled_name_under_the_lead_leaves_the_label_out_of_the_body():
    """A label and the name under the lead (WCXB 0158: "Written By" / "Miguel Zabludovsky"): both are the header."""
    text = "\n\n".join(
        ["Reimplementing a classic spelling corrector", _STANDFIRST, _SUMMARY, "Written By\nMiguel Zabludovsky"]
    )
    doc = read_scraped(text + "\n\n" + _NUTRITION_TEXT)[0]
    assert doc.evidence.bylines == ["Miguel Zabludovsky"]
    assert "Written By" not in doc.body and "Miguel Zabludovsky" not in doc.body


def test_a_name_under_a_credits_label_under_the_lead_is_no_byline():
    """Left alone: "Photo by:" over a name under the lead credits a photographer."""
    text = "\n\n".join(
        ["Reimplementing a classic spelling corrector", _STANDFIRST, _SUMMARY, "Photo by:\nCazzy Magennis"]
    )
    assert read_scraped(text + "\n\n" + _NUTRITION_TEXT)[0].evidence.bylines == []


def test_a_byline_printed_above_the_text_is_kept_over_one_under_the_lead():
    """Left alone: a page whose header names its writer keeps that name; a "By ..." line under the lead is then a
    related item's."""
    text = "\n\n".join(
        ["Reimplementing a classic spelling corrector", "By Ana Lima", _STANDFIRST, "By Tom Berg", _NUTRITION_TEXT]
    )
    assert read_scraped(text)[0].evidence.bylines == ["By Ana Lima"]


def test_a_meta_row_is_no_headline():
    """netzpolitik.org as text: "Kolumne von Carla Siepmann - 28.04.2024 um 08:52 Uhr - 12 Ergänzungen" stands
    between the headline and the text and, nearest the text, was taken for the headline."""
    row = "Kolumne von Carla Siepmann - 28.04.2024 um 08:52 Uhr - 12 Ergänzungen"
    text = "\n\n".join(["Breakpoint: Hilfe, die Fundis kommen!", row, _NUTRITION_TEXT])
    assert read_scraped(text)[0].title == "Breakpoint: Hilfe, die Fundis kommen!"


def test_a_name_beside_the_date_under_the_lead_is_the_byline():
    """Kleine Zeitung as text: "André Schmidt" over "30. Juni 2025," under the lead and a summary: the date was
    read, the writer over it was left in the body."""
    text = "\n\n".join(
        ["Reimplementing a classic spelling corrector", _STANDFIRST, _SUMMARY, "André Schmidt\nJune 30, 2025"]
    )
    doc = read_scraped(text + "\n\n" + _NUTRITION_TEXT)[0]
    assert doc.evidence.bylines == ["André Schmidt"]
    assert "André Schmidt" not in doc.body


def test_a_label_beside_the_date_under_the_lead_names_nobody():
    """Left alone: a section's label over the date under the lead ("Budget Explainer") is no writer."""
    text = "\n\n".join(
        ["Reimplementing a classic spelling corrector", _STANDFIRST, _SUMMARY, "Budget Explainer\nJune 30, 2025"]
    )
    assert read_scraped(text + "\n\n" + _NUTRITION_TEXT)[0].evidence.bylines == []


def test_a_menu_item_ending_in_a_colon_is_no_names_label():
    """Left alone: a menu's last item ("* Text Input:", AEB scraped's Trusted Reviews page) over the headline reads
    like "Text: Anna Svensson" without a name; the headline under it stays the title, and no name comes of it."""
    menu = "* Reviews\n* Forum\n* Text Input:"
    text = "\n\n".join([menu, "Reimplementing a classic spelling corrector", "by Lewis White", _NUTRITION_TEXT])
    doc = read_scraped(text)[0]
    assert doc.title == "Reimplementing a classic spelling corrector"
    assert doc.evidence.bylines == ["by Lewis White"]


@pytest.mark.parametrize(
    ("row", "bylines"),
    [
        ("Julia Vergin | Clare Roth", ["Julia Vergin | Clare Roth"]),  # DW as text: two writers between bars
        ("Julia Vergin · Clare Roth", ["Julia Vergin | Clare Roth"]),
        ("Wissen & Umwelt | Gesundheit", []),  # left alone: a row of sections
    ],
)
def test_a_row_of_names_is_the_byline(row: str, bylines: list[str]) -> None:
    """DW's header as text prints its writers as one row between bars, no "By", no date beside it: nobody was read."""
    text = "\n\n".join(["Reimplementing a classic spelling corrector", row, _NUTRITION_TEXT])
    assert read_scraped(text)[0].evidence.bylines == bylines


@pytest.mark.parametrize(
    ("row", "bylines"),
    [
        ("David Hartshorne • Published Jul 4, 2024 • 28 min read", ["David Hartshorne"]),
        ("Sport • Published Jul 4, 2024 • 28 min read", []),  # left alone: a section's name
    ],
)
def test_a_persons_name_in_a_meta_row_is_the_byline(row: str, bylines: list[str]) -> None:
    """A meta row of a name, a date and a reading time (WCXB 2301 as text): the date was read, the name was not."""
    text = "\n\n".join(["Reimplementing a classic spelling corrector", row, _NUTRITION_TEXT])
    assert read_scraped(text)[0].evidence.bylines == bylines


def test_a_bulleted_name_under_a_names_label_is_the_byline():
    """heise online as text: "Von" over "* Dirk Knop" (the writers as a list): a bulleted name was never a byline."""
    text = "\n\n".join(["Reimplementing a classic spelling corrector", "Von\n* Dirk Knop\n* Anzeige", _NUTRITION_TEXT])
    assert read_scraped(text)[0].evidence.bylines == ["Dirk Knop"]


def test_a_bulleted_topic_under_a_names_label_is_no_byline():
    """Left alone: a list item under "By" that is no person's name (a topic, a site section) names nobody."""
    text = "\n\n".join(["Reimplementing a classic spelling corrector", "By\n* Climate Change", _NUTRITION_TEXT])
    assert read_scraped(text)[0].evidence.bylines == []


def test_a_headline_ending_in_an_exclamation_mark_is_no_paragraph():
    """Der Postillon as text: the headline ends in "!" and has a sentence's length, so it was the text's first
    paragraph and the page had no title; nothing above it reads as a headline."""
    headline = "Bekiffte Geografen warnen: Ostsee in Wahrheit riesiges Krokodil, das Finnland fressen will!"
    doc = read_scraped("\n\n".join(["Newsticker", headline, "25.4.24", _NUTRITION_TEXT]))[0]
    assert doc.title == headline
    assert headline not in doc.body
    assert doc.evidence.date_claims == [("header", "25.4.24")]


def test_a_first_paragraph_ending_in_a_full_stop_stays_the_texts():
    """Left alone: with no headline above, a first paragraph that ends in a full stop is the text's, not a title."""
    doc = read_scraped("Newsticker\n\n" + _NUTRITION_TEXT)[0]
    assert doc.title is None
    assert doc.paragraphs[0].startswith("The Nutrition 2025 meeting")


def test_a_name_over_its_date_above_the_headline_is_the_byline():
    """A blog prints "Andrew King" over "* September 4, 2025" and "* 5:50 am" above the headline (WCXB 0001 as
    text): the date was read, the name over it was not."""
    header = "Andrew King\n* September 4, 2025\n* 5:50 am"
    doc = read_scraped("\n\n".join([header, "Reimplementing a classic spelling corrector", _NUTRITION_TEXT]))[0]
    assert doc.evidence.bylines == ["Andrew King"]


def test_a_label_over_a_date_above_the_headline_names_nobody():
    """Left alone: a section's label over the date above the headline is no writer."""
    header = "Budget Explainer\n* September 4, 2025"
    doc = read_scraped("\n\n".join([header, "Reimplementing a classic spelling corrector", _NUTRITION_TEXT]))[0]
    assert doc.evidence.bylines == []


def test_a_lone_question_under_no_headline_stays_the_text():
    """Left alone: a page whose one paragraph ends in a question mark, with nothing above that reads as a headline,
    keeps it as its text (it was rejected as "only a headline" once the headline rule took it)."""
    question = "Is there any way to make the spelling corrector learn the words of my own field of work?"
    doc = read_scraped("Forum\n\n" + question)[0]
    assert doc.paragraphs == [question]


def test_a_quoted_sentence_under_no_headline_stays_the_text():
    """Left alone: a wiki's epigraph ("\"The Water-Making Spell conjures clean, drinkable water ...\"", trafilatura's
    pages as text) ends in a full stop inside its quotation marks: a quote of the text, not a headline."""
    quote = '"The Water-Making Spell conjures clean, drinkable water from the end of the wand."'
    doc = read_scraped("\n\n".join(["Contents", quote, _NUTRITION_TEXT]))[0]
    assert doc.title is None
    assert doc.paragraphs[0] == quote


_GERMAN_TEXT = [
    "Selten sind Ermittler so massiv gegen Spione an deutschen Universitäten vorgegangen wie in diesem Fall, "
    "berichten mehrere Quellen aus Sicherheitskreisen übereinstimmend.",
    "Die Eheleute sind Deutsche mit chinesischen Wurzeln. Von München bis Aachen sollen sie Kontakte zu Forschern "
    "aufgebaut haben, heißt es in der Anklage der Bundesanwaltschaft.",
    "Das mutmaßliche Agenten-Ehepaar tarnte sich offenbar teils als Dolmetscher oder Vermittler für "
    "Forschungskooperationen mit chinesischen Partnern.",
]


@pytest.mark.parametrize(
    "headline",
    [
        "Von München bis Aachen: Im Netz der China-Agenten",
        "Von der Leyen warnt vor neuem Handelskrieg mit China",
        "By the numbers: How the city budget works this year",
    ],
)
def test_a_headline_opening_with_a_bylines_label_is_the_title(headline: str) -> None:
    """A headline that opens with "Von" or "By" and names nobody after it was taken for a byline: no title, and the
    words after "Von München bis Aachen:" read as a person ("Im Netz der China-Agenten")."""
    from axis_ingest.normalise import normalise_document

    text = "\n\n".join(["Home\nNews\nPolitik", headline, "Von Anna Berger", "3. November 2023, 17:45", *_GERMAN_TEXT])
    doc = normalise_document(read_scraped(text)[0], Settings())
    assert doc.title == headline
    assert [author.name for author in doc.authors] == ["Anna Berger"]


_CREDITS = ["By Staff Reporter", "Von Anna Berger", "By Staff Writer, The Daily Ledger", "By a correspondent in Kabul"]


@pytest.mark.parametrize("credit", _CREDITS)
def test_a_credit_or_a_byline_over_the_text_is_no_title(credit: str) -> None:
    """Left alone: a credit of a desk, an outlet or a role without a name, and a byline, are no headline; the
    headline above them is (the dev set's near-duplicates print "By Staff Writer, The Daily Ledger" over copies)."""
    text = "\n\n".join(["Home\nNews", "Koalition ringt um Kompromiss im Haushaltsstreit", credit, *_GERMAN_TEXT])
    assert read_scraped(text)[0].title == "Koalition ringt um Kompromiss im Haushaltsstreit"


def test_a_meta_row_opening_with_a_time_stamp_is_no_headline() -> None:
    """Chinese pages copied from a browser print the headline, then a row of the date and time, the source or the
    writers and buttons ("2020-06-05 20:35 叨叨姐 胡一刀 李小飞刀": huanqiu.com; 163.com and guancha.cn alike in
    GNE's test pages), too long for a date line: the row, closer to the text, was taken for the headline."""
    page = (
        "* 首页\n* 国际\n* 军事\n\n环球TIME客户端\n\n登录\n退出\n\n"
        "补壹刀：别笑！18人的“新八国联军”今天成立了\n\n"
        "2020-06-05 20:35 叨叨姐 胡一刀 李小飞刀\n\n"
        "西方世界的一些反华分子正试图串联起来，今天来自八个国家的政客和议员组成了一个所谓的政策联盟，号称要协调立场。\n\n"
        "这个联盟的成员大多是各国议会中的资深反华人士，他们此前就多次发表过不负责任的言论，这次又聚到了一起。\n\n"
        "分析人士指出，这个联盟的成立并不会改变各国政府的既定政策，各国政府在处理对华关系时仍然会以本国利益为重。\n\n"
        "外交部发言人在例行记者会上回应说，奉劝这些政客尊重基本事实，停止散布谎言，不要在错误的道路上越走越远。\n"
    )
    assert read_scraped(page)[0].title == "补壹刀：别笑！18人的“新八国联军”今天成立了"
    # left alone: a headline that holds a date and a time later on
    headline = "Markets close higher on 2020-06-05 after 20:35 rally in late trading"
    text = (
        "Shares rose across the board on Friday as investors welcomed the news from the central bank in Frankfurt.\n\n"
        "Traders said the rally was led by banks and carmakers, which had fallen sharply earlier in the week.\n\n"
        "The index ended the session at its highest level since March, with volumes well above the average.\n"
    )
    assert read_scraped(f"Home\nMarkets\n\n{headline}\n\n{text}")[0].title == headline


_HEADLINE = "Reimplementing a classic spelling corrector"


def _header_bylines(header: str) -> list[str]:
    """The bylines read from a header printed between a standfirst and the text."""
    return read_scraped("\n\n".join([_HEADLINE, _STANDFIRST, header, _NUTRITION_TEXT]))[0].evidence.bylines


def test_a_byline_the_header_prints_outranks_a_bare_name_in_it():
    """fundus's Les Echos page as text: the live page's topic tags ("Donald Trump", "Dow Jones") stand between the
    standfirst and "Par Les Echos"; the tag, a bare name, was stored as the author beside the newspaper's credit."""
    header = "Donald Trump\nDow Jones\n\nPar Les Echos\n\nPublié le 18 juil. 2024 à 08:01"
    assert _header_bylines(header) == ["Par Les Echos"]


def test_a_bare_name_in_a_header_that_prints_no_byline_is_still_read():
    """Left alone: the writer's name alone under the standfirst, over the date, with no "By" line in the header."""
    header = "Mina Park\n\nPublié le 18 juil. 2024 à 08:01"
    assert _header_bylines(header) == ["Mina Park"]


def test_a_name_over_an_images_credit_is_a_caption_and_the_writer_follows_it():
    """fundus's Rzeczpospolita page as text: the date line, the portrait's caption ("Friedrich Merz") over its
    credit, then the writer's name alone; the caption, beside the date, was taken for the byline."""
    header = "Aktualizacja: 02.02.2025 23:49\n\nFriedrich Merz\n\nFoto: REUTERS/Nadja Wohlleben\n\nPiotr Jendroszczyk"
    assert _header_bylines(header) == ["Piotr Jendroszczyk"]


def test_a_name_under_an_images_credit_beside_the_date_is_the_byline():
    """Left alone: the credit of the picture above, then the writer's name over the date."""
    header = "Foto: REUTERS/Nadja Wohlleben\n\nPiotr Jendroszczyk\n\nAktualizacja: 02.02.2025 23:49"
    assert _header_bylines(header) == ["Piotr Jendroszczyk"]


_SEILBAHN_TEXT = [
    "Die Stadt hat am Freitag erstmals ein Bild der geplanten Seilbahn gezeigt, die den Hauptbahnhof mit dem neuen "
    "Quartier im Süden verbinden soll. Es zeigt eine der Haltestellen, die an der alten Halle des früheren Werks "
    "entstehen könnte, und den Weg, den die Kabinen über die Gleise und den Wald nehmen würden.",
    "Nach den Plänen der städtischen Gesellschaft würden die Kabinen alle dreißig Sekunden fahren und für die "
    "Strecke weniger als zehn Minuten brauchen. Wer heute mit dem Bus in das Quartier fahren will, ist mehr als "
    "doppelt so lange unterwegs, und in den Stunden am Morgen ist der Bus oft voll.",
    "Ob die Seilbahn gebaut wird, ist noch offen: Der Rat muss über die Finanzierung entscheiden, und die Förderung "
    "durch das Land ist nicht zugesagt. Die Gesellschaft will bis zum Herbst eine Studie vorlegen, die zeigen soll, "
    "wie viele Menschen die Bahn jeden Tag nutzen würden und was sie kosten wird.",
    "Auf der Fläche des früheren Ausbesserungswerks sollen in den nächsten Jahren Wohnungen, Büros und ein Campus "
    "für die Universität entstehen. Dort sollen sich auch Firmen ansiedeln, die mit der Forschung an der "
    "Hochschule zusammenarbeiten, und es soll einen Park am Ufer der Seen geben.",
]
_TEASER_BOX = "Auch interessant\n\n{headline}\nVon {writer}"


def test_a_teasers_byline_under_a_marker_of_other_stories_is_not_the_writers():
    """fundus's WAZ page as text (no byline of its own): an "Auch interessant" box inside the text and another after
    it, each a headline and "Von <writer>"; the first was read as a byline under the lead, the second as a closing
    byline."""
    first_box = _TEASER_BOX.format(headline="Bereitet die Gesellschaft jetzt die Seilbahn vor?", writer="Monique Engel")
    last_box = _TEASER_BOX.format(headline="Wann Bürger bei der Planung mitreden können", writer="Martin Albers")
    text = "\n\n".join(["Erstes Bild: So könnte die Seilbahn aussehen", *_SEILBAHN_TEXT[:2], first_box,
                          *_SEILBAHN_TEXT[2:], last_box])  # fmt: skip
    assert read_scraped(text)[0].evidence.bylines == []


def test_a_closing_byline_right_after_the_text_is_still_read():
    """Left alone: the writer's "Von" line right after the last paragraph, no marker between."""
    text = "\n\n".join(["Erstes Bild: So könnte die Seilbahn aussehen", *_SEILBAHN_TEXT, "Von Monique Engel"])
    assert "Von Monique Engel" in read_scraped(text)[0].evidence.bylines


def test_a_byline_printed_with_no_break_spaces_is_read():
    """WCXB 0116 as text: "Written\xa0by\xa0Rebecca Lake, CEPF®" (no-break spaces keep a byline on one line; 455 of
    WCXB's 709 pages as text hold one): the phrase tables spell "written by" with a plain space, so the header
    named nobody."""
    header = "Written\xa0by\xa0Rebecca\xa0Lake\n\nPublished on November 7, 2025"
    doc = read_scraped("\n\n".join([_HEADLINE, header, _NUTRITION_TEXT]))[0]
    assert doc.evidence.bylines == ["Written by Rebecca Lake"]


def test_a_tables_cells_stay_apart_when_no_break_spaces_become_plain():
    """Left alone: tabs part a table's cells; only the wide spaces inside a cell become plain spaces."""
    lines = split_lines("Team\tPlayed\tPoints\nHarbour\xa0United\t12\t28\n")
    assert [line.text.split("\t") for line in lines] == [["Team", "Played", "Points"], ["Harbour United", "12", "28"]]


def test_a_byline_in_the_list_of_other_stories_is_not_the_articles() -> None:
    """The list of other stories' headlines under the article is dropped (`drop_headline_tail`); the closing
    byline is looked for under the article's last paragraph, and stops where the list begins: "By Tom Reid" there
    is a listed story's, not the article's."""
    from test_boilerplate import ARTICLE, OTHER_HEADLINES

    listed = [line for headline in OTHER_HEADLINES for line in (headline, "By Tom Reid")]
    text = "\n\n".join(["Harbour repairs delayed until the spring", *ARTICLE, *listed, "© 2025 Harbour Gazette"])
    doc = read_scraped(text)[0]
    assert doc.paragraphs == ARTICLE
    assert doc.evidence.bylines == []


def test_a_dialog_above_the_article_is_neither_its_title_nor_its_text() -> None:
    """dailymaverick.co.za (fundus as text, half a): the messages of a login dialog the page hides until it is opened
    were stored as the title ("A code has been sent to") and the first lines of the text, as were webmd.com's service
    promotions over its headline (Readability's pages, half a).  The site's menu parts them from the article, and they
    name none of the words the article is about."""
    dialog = [
        "Hi there",
        "Your account",
        "A code has been sent to your e-mail address. Please check your inbox and enter the one-time pin we sent you "
        "below:",
        "Didn't get the code?",
        "It looks like we do not have an account for this e-mail address yet. Do you want us to create one for you?",
        "Sign in with a password",
        "Forgot your password?",
    ]
    headline = "Harbour committee delays its report on the east quay"
    doc = read_scraped("\n\n".join([*dialog, *FOOTER_MENU, headline, *ARTICLE]))[0]
    assert doc.title == headline
    assert "code has been sent" not in doc.body
