"""Plain text pulled from PDFs / laid-out pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import RejectedInput
from axis_ingest.prepare import prepare_file
from axis_ingest.readers.plaintext import read_plain_text
from axis_ingest.sniff import sniff

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


def read(name: str):
    docs = read_plain_text((FIXTURES / name).read_text(encoding="utf-8"))
    assert len(docs) == 1
    return docs[0]


def test_two_page_report_with_running_header_numbered_list_and_multiline_title() -> None:
    doc = read("report_two_pages.txt")
    assert doc.source_format == "plain_text"
    assert doc.title == "Regional Water Outlook 2026: Why the Northern Basin Faces a Dry Summer"
    assert doc.subtitle is None
    assert "Northern Basin Authority" not in doc.body
    assert "Page" not in doc.body
    assert doc.paragraphs[0] == "Summary"
    assert "the measures the authority proposes for the coming season." in doc.body
    assert "the well-established orchards" in doc.body
    items = [p for p in doc.paragraphs if p.startswith("- ")]
    assert items[0] == (
        "- Limit irrigation withdrawals to four days a week from May to September in districts "
        "below the 50 per cent threshold."
    )
    assert len(items) == 3
    assert "Causes" in doc.paragraphs and "Outlook" in doc.paragraphs
    assert "\n" not in doc.body.replace("\n\n", "")


def test_german_pdf_with_page_marks_and_hyphenation() -> None:
    doc = read("german_two_pages.txt")
    assert doc.title == "Bürgerwindparks zwischen Zustimmung und Widerstand"
    assert "die Bundesregierung plant" in doc.body
    assert "zahlt bislang höhere" in doc.body
    assert "Nord-Süd-Konflikt" in doc.body
    assert "– 1 –" not in doc.body
    assert len(doc.paragraphs) == 2


def test_dek_bullets_and_embedded_post() -> None:
    doc = read("dek_bullets_quote.txt")
    assert doc.title is None
    assert doc.subtitle.startswith("The city's new congestion charge") or doc.subtitle.startswith(
        "The city’s new congestion charge"
    )
    assert doc.paragraphs[0] == "How the Charge Works"
    assert doc.paragraphs[1].startswith("- Drivers pay 8 euros")
    # the embedded post stays as text, never as a list item, and gives no evidence
    assert any("(@transportwatch) September 2, 2025" in p and not p.startswith("- ") for p in doc.paragraphs)
    assert doc.evidence.published == [] and doc.evidence.author_names == []
    assert "first half of the year, while bus ridership" in doc.body


def test_opening_paragraph_followed_by_text_is_not_a_dek() -> None:
    text = (
        "The council approved the new budget on Monday.\n\n"
        "It includes money for two new schools and a library.\n\n"
        "Opposition members voted against it.\n"
    )
    doc = read_plain_text(text)[0]
    assert doc.subtitle is None
    assert doc.paragraphs[0] == "The council approved the new budget on Monday."


def test_only_page_furniture_is_rejected() -> None:
    with pytest.raises(RejectedInput, match="no article text"):
        read_plain_text("Page 1 of 2\n\f- 2 -\n")


BRIEF_WITH_MASTHEAD = """Harbour Research Group

Coastal Freight After the Canal Reopens:
What Ports on the Adriatic Should Expect
Traffic through the canal will return within a year, but the ports that gained share during the
closure will keep part of it only if their rail links are ready.

Summary
Shipping lines rerouted around the closure for eighteen months, and three Adriatic ports took
over feeder services that used to call elsewhere. Their contracts expire next spring, and the
lines will compare port charges, rail slots and dwell times before renewing them.

© 2026 Harbour Research Group, Rijeka. Reproduction permitted with attribution.
"""


def test_masthead_and_copyright_footer_leave_the_body_and_name_the_publisher() -> None:
    doc = read_plain_text(BRIEF_WITH_MASTHEAD, None)[0]
    assert doc.title == "Coastal Freight After the Canal Reopens: What Ports on the Adriatic Should Expect"
    assert doc.subtitle is not None and doc.subtitle.startswith("Traffic through the canal")
    assert doc.paragraphs[0] == "Summary"
    assert not any("©" in p or p == "Harbour Research Group" for p in doc.paragraphs)
    assert doc.evidence.site_names == ["Harbour Research Group"]


def test_a_short_first_line_without_a_copyright_footer_stays_the_title() -> None:
    text = BRIEF_WITH_MASTHEAD.replace(
        "© 2026 Harbour Research Group, Rijeka. Reproduction permitted with attribution.\n", ""
    )
    doc = read_plain_text(text, None)[0]
    assert doc.title == "Harbour Research Group"
    assert doc.evidence.site_names == []


# --- inputs that mix formats (issue 13) ---------------------------------------------------


def test_report_title_over_three_lines_with_authors_organisation_and_date_under_it() -> None:
    doc = read("report_title_authors_date.txt")
    assert doc.title == (
        "Groundwater Depletion in the Lower Vistula Basin: Trends, Causes and Options for Municipal Water Suppliers"
    )
    assert doc.evidence.bylines == ["Anna Kowalska and Piotr Nowak"]
    assert doc.evidence.published == ["12 March 2026"]
    assert doc.evidence.site_names == ["Vistula Policy Lab"]
    assert doc.paragraphs[0] == "Summary"
    assert "Kowalska" not in doc.body and "12 March 2026" not in doc.body


def test_report_front_matter_through_the_pipeline() -> None:
    data = (FIXTURES / "report_title_authors_date.txt").read_bytes()
    [prepared] = prepare_file("brief.txt", data, Settings(), MinHashParams()).documents
    assert [a.name for a in prepared.doc.authors] == ["Anna Kowalska", "Piotr Nowak"]
    assert prepared.doc.published == "2026-03-12"


def test_authors_printed_a_line_each_under_the_title_are_all_authors() -> None:
    """A paper prints its authors one per line ("Yusuke Shinyama" / "Satoshi Sekine", NAACL 2006; libtasn1's
    manual): only the first line's name was the author, the second named the publisher."""
    text = (FIXTURES / "report_title_authors_date.txt").read_text(encoding="utf-8")
    text = text.replace("Anna Kowalska and Piotr Nowak\n", "Anna Kowalska\nPiotr Nowak\n")
    [prepared] = prepare_file("brief.txt", text.encode(), Settings(), MinHashParams()).documents
    assert [a.name for a in prepared.doc.authors] == ["Anna Kowalska", "Piotr Nowak"]
    assert prepared.doc.evidence.site_names == ["Vistula Policy Lab"]
    # left alone: a name after the organisation's line is not one more author of the list above it
    text = text.replace("Piotr Nowak\nVistula Policy Lab\n", "Vistula Policy Lab\nPiotr Nowak\n")
    [doc] = read_plain_text(text)
    assert doc.evidence.bylines == ["Anna Kowalska"]


def test_a_one_word_label_under_the_title_is_nobodys_name() -> None:
    """An invoice's "Sprzedawca" (seller) under its heading and a report's "Confidential" were stored as authors:
    one capitalised word the byline parser takes for a name, which opens with no given name."""
    text = (FIXTURES / "report_title_authors_date.txt").read_text(encoding="utf-8")
    for label in ("Confidential", "Sprzedawca"):
        [doc] = read_plain_text(text.replace("Anna Kowalska and Piotr Nowak\n", f"{label}\n"))
        assert doc.evidence.bylines == []
        assert doc.evidence.published == ["12 March 2026"]


def test_short_lines_under_a_title_without_names_or_date_stay_text() -> None:
    text = (FIXTURES / "report_title_authors_date.txt").read_text(encoding="utf-8")
    text = text.replace("Anna Kowalska and Piotr Nowak\nVistula Policy Lab\n12 March 2026", "Why wells run dry")
    doc = read_plain_text(text)[0]
    assert doc.evidence.bylines == [] and doc.evidence.published == []
    assert doc.paragraphs[0] == "Why wells run dry"


@pytest.mark.parametrize(
    ("name", "title", "first", "last"),
    [
        ("chinese_news_wrapped.txt", "长江流域今年夏季降雨偏少", "记者从水利部获悉，", "确保群众饮水安全。"),
        (
            "japanese_news_wrapped.txt",
            "北陸新幹線、敦賀から先の延伸ルートで地元説明会",
            "国土交通省は四日、",
            "予定だ。",
        ),
    ],
)
def test_chinese_and_japanese_wrapped_text_keeps_every_paragraph(name, title, first, last) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert sniff(text).source_format == "plain_text"
    doc = read(name)
    assert doc.title == title
    assert len(doc.paragraphs) == 4
    assert doc.paragraphs[0].startswith(first) and doc.paragraphs[-1].endswith(last)
    assert not any(" " in p for p in doc.paragraphs)  # wraps joined without a space


def test_a_hard_wrapped_report_in_a_script_without_capitals_is_read_as_pdf_text() -> None:
    """Hindi has no lower-case letter to show that a line continues: the sniffer took the report for a copied
    web page, whose reader kept every wrapped line as a paragraph, took a mid-paragraph line for the headline
    and lost the date.  A run of lines that fill the column without ending a sentence is the wrap sign."""
    data = (FIXTURES / "hindi_report_hard_wrapped.txt").read_bytes()
    assert sniff(data.decode("utf-8")).source_format == "plain_text"
    [prepared] = prepare_file("report.txt", data, Settings(), MinHashParams()).documents
    doc = prepared.doc
    assert doc.title == "राज्य जल आयोग की वार्षिक रिपोर्ट ग्रामीण पेयजल योजनाओं की प्रगति और आगे की चुनौतियाँ"
    assert doc.published == "2026-03"
    assert len(doc.paragraphs) == 3 and doc.paragraphs[0].startswith("पिछले वर्ष")
    assert doc.paragraphs[0].endswith("अब भी बनी हुई है।") and doc.paragraphs[2].endswith("राशि तय की गई है।")


ARABIC_PAGE = [
    "الرئيسية",
    "أخبار",
    "اقتصاد",
    "رياضة",
    "البرلمان يقر موازنة العام المقبل بعد نقاش استمر ثلاثة أيام",
    "السبت 29 أغسطس 2020 - 10:46 صباحا",
    "أقر البرلمان يوم السبت موازنة العام المقبل بأغلبية الأصوات بعد نقاش استمر ثلاثة أيام، وقال وزير المالية إن "
    "الموازنة تزيد الإنفاق على التعليم والصحة وتجمد أسعار الوقود حتى نهاية العام.",
    "وانتقد نواب المعارضة الموازنة وقالوا إنها لا تعالج ارتفاع الأسعار الذي يثقل كاهل الأسر.",
    "أخبار ذات صلة",
    "وزير المالية يعرض خطة الحكومة لخفض العجز خلال ثلاث سنوات",
    "منذ ساعتين",
    "البنك المركزي يبقي أسعار الفائدة دون تغيير للشهر الرابع",
    "منذ 3 ساعات",
    "ارتفاع أسعار الخضروات في الأسواق مع بداية فصل الصيف الحار",
    "منذ 5 ساعات",
    "جميع الحقوق محفوظة",
]


def test_a_scraped_page_in_a_script_without_capitals_stays_page_text() -> None:
    """Left alone: a copied Arabic news page whose headlines are about as long as one another, each followed by
    its date, is page text; no line of it continues onto a full line or a sentence's end."""
    assert sniff("\n".join(ARABIC_PAGE) + "\n").source_format == "scraped_text"


REPORT_BODY = (
    "Coastal towns in the region have spent more on flood defences in the last five years than in the\n"
    "twenty years before, and most of the new walls were built where the sea had already broken through.\n"
    "\n"
    "This brief compares the schemes of six councils and asks which of them reduced the damage of the\n"
    "storms of 2024 and 2025, using the insurers' claims as the measure of what each wall prevented.\n"
)


def test_a_title_wrapped_inside_a_word_is_joined_like_the_text() -> None:
    """A title line that ends in a hyphen ("Manage-" / "ment of ...") was joined with a space."""
    text = "Coastal Flood Risk Manage-\nment in Six Councils\n\nAnna Kowalska\n12 March 2026\n\n" + REPORT_BODY
    doc = read_plain_text(text)[0]
    assert doc.title == "Coastal Flood Risk Management in Six Councils"
    compound = text.replace("Manage-\nment in Six", "Self-\nEmployed in Six")
    assert read_plain_text(compound)[0].title == "Coastal Flood Risk Self-Employed in Six Councils"  # left alone


def test_a_title_that_asks_a_question_is_the_title_when_front_matter_follows() -> None:
    """A one-line title ending in '?' was taken for the text's first sentence, and the author and date lines
    under it went into the body."""
    text = "Did the Sea Walls Work?\n\nAnna Kowalska\n12 March 2026\n\n" + REPORT_BODY
    doc = read_plain_text(text)[0]
    assert doc.title == "Did the Sea Walls Work?"
    assert doc.evidence.bylines == ["Anna Kowalska"] and doc.evidence.published == ["12 March 2026"]
    assert doc.paragraphs[0].startswith("Coastal towns in the region")


@pytest.mark.parametrize(
    "date_line",
    [
        "lundi 19 février 2018",  # a weekday in lower case: it was joined onto the author's line
        "domingo, 20 de agosto de 2023",
        "2. Juni 2021",  # its "2. " was read as a numbered list's marker ("- Juni 2021" in the body)
        "26 октября 2018 г.",  # a date line ending in a dot ended the front matter
        "2. veljače 2023.",
        "2025. 5. 13.",
        "25.03.23",  # a short format's two-digit year
    ],
)
def test_report_date_lines_in_other_locales_under_the_title(date_line: str) -> None:
    """Date lines as CLDR's long and full formats print them (a probe of 35 locales' report text)."""
    text = f"Coastal Flood Risk in Six Councils\n\nAnna Kowalska\n{date_line}\n\n" + REPORT_BODY
    doc = read_plain_text(text)[0]
    assert doc.evidence.bylines == ["Anna Kowalska"] and doc.evidence.published == [date_line]
    assert doc.paragraphs[0].startswith("Coastal towns in the region")


def test_a_numbered_list_and_a_sentence_ending_in_a_date_are_left_alone() -> None:
    """Left alone: a numbered list item stays a list item ("2. Die Regierung ..."), and a short line that wraps
    onto a line starting in lower case still joins it when it is no date line."""
    text = REPORT_BODY + "\n1. Die Stadt plant neue Radwege.\n2. Die Regierung senkt im Mai 2021 die Steuern.\n"
    doc = read_plain_text("Coastal Flood Risk in Six Councils\n\nAnna Kowalska\n12 March 2026\n\n" + text)[0]
    assert doc.paragraphs[-2:] == ["- Die Stadt plant neue Radwege.", "- Die Regierung senkt im Mai 2021 die Steuern."]


def test_a_question_opening_the_text_without_front_matter_is_no_title() -> None:
    """Left alone: a question with the text straight under it is the text's first paragraph."""
    text = "Did the sea walls work?\n\n" + REPORT_BODY
    doc = read_plain_text(text)[0]
    assert doc.title is None and doc.paragraphs[0] == "Did the sea walls work?"


def test_an_institutes_masthead_over_the_title_and_its_front_matter() -> None:
    """A report's issuer printed over its title ("Institut für Verkehrspolitik Hamburg" / the title / authors /
    date) was taken for the title, and the author and date lines went into the body: they sit under the title,
    never under a masthead."""
    text = (
        "Institut für Verkehrspolitik Hamburg\n\nFlood defences in six councils: costs and benefits\n\n"
        "Anna Kowalska und Piotr Nowak\n4. März 2026\n\n" + REPORT_BODY
    )
    doc = read_plain_text(text)[0]
    assert doc.title == "Flood defences in six councils: costs and benefits"
    assert doc.evidence.site_names == ["Institut für Verkehrspolitik Hamburg"]
    assert doc.evidence.bylines == ["Anna Kowalska und Piotr Nowak"] and doc.evidence.published == ["4. März 2026"]
    assert doc.paragraphs[0].startswith("Coastal towns in the region")


def test_a_title_over_its_issuer_stays_the_title() -> None:
    """Left alone: a short title with the issuing institute as the first line of its front matter."""
    text = (
        "Annual Report 2025\n\nHarbour Institute for Transport Policy\nAnna Kowalska\n12 March 2026\n\n" + REPORT_BODY
    )
    doc = read_plain_text(text)[0]
    assert doc.title == "Annual Report 2025"
    assert doc.evidence.bylines == ["Anna Kowalska"] and doc.evidence.published == ["12 March 2026"]


def test_a_title_wrapped_after_a_comma_is_joined() -> None:
    """ "Abendfahrten der Hafenfähre: Kosten," / "Nutzen und die Gründe für einen Ausbau": the first line ending in
    a comma was no title line, and the title's second half became the title."""
    title = "Abendfahrten der Hafenfähre: Kosten,\nNutzen und die Gründe für einen Ausbau\n\n"
    doc = read_plain_text(title + "Anna Kowalska\n4. März 2026\n\n" + REPORT_BODY)[0]
    assert doc.title == "Abendfahrten der Hafenfähre: Kosten, Nutzen und die Gründe für einen Ausbau"
    assert doc.evidence.bylines == ["Anna Kowalska"]
    # left alone: an opening sentence wrapped after a comma is text
    sentence = "In the harbour towns of the coast,\nthe ferries ran late all winter.\n\n"
    doc = read_plain_text(sentence + REPORT_BODY)[0]
    assert doc.title is None and doc.paragraphs[0].startswith("In the harbour towns of the coast,")


def test_a_title_is_derived_from_a_chinese_or_japanese_lead_as_from_any_other() -> None:
    """A Chinese page's text whose headline the reader cannot tell (GNE's guancha.cn page as page text: the headline
    is a list item) was stored with no title at all: the lead sentence, one "word" by its spaces, was too short to
    derive one from.  Two characters count a word: the lead's first sentence, cut at 28 characters."""
    from axis_ingest.titles import derive_title

    lead = "据中新网9月9日报道，针对外媒“苹果公司违反中国劳动法”的报道，苹果公司9日对记者表示，调查了说法。"
    assert derive_title([lead]) == "据中新网9月9日报道，针对外媒“苹果公司违反中国劳动法”…"
    japanese = "東京都は月曜日、来年度の予算案を発表した。新しい路面電車の建設に資金が充てられる。"
    assert derive_title([japanese]) == "東京都は月曜日、来年度の予算案を発表した"
    # left alone: a short line (a caption, a heading) gives none, and English and Korean leads, their words parted
    # by spaces, are cut by words as before
    assert derive_title(["小花母亲供图"]) is None
    korean = (
        "역사적 예수 연구자들은 복음서나 사도들의 서신서 속의 교리적 예수가 아닌, 역사적 인간으로서의 예수를 추구한다."
    )
    assert derive_title([korean]) == korean.rstrip(".")
    assert derive_title(["The council voted on Tuesday to close the harbour road for repairs."]) == (
        "The council voted on Tuesday to close the harbour road for repairs"
    )
