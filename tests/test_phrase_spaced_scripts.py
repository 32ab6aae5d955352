"""Thai (and Lao, Khmer, Myanmar) text: spaces between phrases, not words, and no mark at a sentence's end.

Before: Thai copied from a page kept the site's menu, share buttons and footer, with no title or date (no line
read as prose, so no article block was found); a Thai report from a PDF lost its first paragraphs as "front
matter" (a paragraph has a handful of spaces and no full stop) and its wrapped lines were joined with a space in
the middle of a word.  Thai dates are printed in the Buddhist Era (2564 = 2021) with dotted month abbreviations
("4 มี.ค. 2564"), which dateparser misreads (January of 2564): no Thai page had a date of its own.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.detectors import is_phrase_spaced_prose
from axis_ingest.normalise.dates import parse_date
from axis_ingest.prepare import prepare_file
from axis_ingest.readers import read_text

PARAGRAPHS = [
    "กรุงเทพมหานครประกาศแผนการปรับปรุงระบบขนส่งสาธารณะครั้งใหญ่ โดยจะเพิ่มเส้นทางรถโดยสารประจำทางอีกสิบสองเส้นทาง"
    "ภายในสิ้นปีนี้ เพื่อรองรับผู้โดยสารที่เพิ่มขึ้นอย่างต่อเนื่องในช่วงที่ผ่านมา",
    "ผู้ว่าราชการกรุงเทพมหานครกล่าวว่า งบประมาณสำหรับโครงการนี้ได้รับการอนุมัติแล้ว และจะเริ่มดำเนินการในเดือนหน้า "
    "โดยคาดว่าจะช่วยลดปัญหาการจราจรติดขัดในเขตชั้นในได้อย่างมีนัยสำคัญ",
    "นอกจากนี้ยังมีแผนที่จะปรับปรุงป้ายรถโดยสารกว่าห้าร้อยแห่งให้มีหลังคาและที่นั่งสำหรับผู้สูงอายุ รวมทั้งติดตั้งจอแสดงเวลารถมาถึงแบบเรียลไทม์",
]
MENU = ["หน้าแรก", "ข่าว", "การเมือง", "เศรษฐกิจ", "กีฬา", "บันเทิง"]


def test_a_thai_page_copied_as_text_is_read_as_its_story() -> None:
    related = ["ข่าวที่เกี่ยวข้อง", "ตำรวจจับกุมผู้ต้องหาค้ายาเสพติดรายใหญ่ในเชียงใหม่", "ฝนตกหนักทำให้น้ำท่วมหลายพื้นที่ในภาคใต้"]
    page = "\n".join(
        [*MENU, "", "กทม. เพิ่มเส้นทางรถเมล์ 12 สาย", "4 มีนาคม 2021", ""]
        + [f"{p}\n" for p in PARAGRAPHS]
        + ["แชร์", "Facebook", "Twitter", "LINE", "", *related, "", "© 2021 ข่าวเมืองไทย สงวนลิขสิทธิ์"]
    )
    [doc] = read_text(page)
    assert doc.source_format == "scraped_text"
    assert doc.title == "กทม. เพิ่มเส้นทางรถเมล์ 12 สาย"
    assert doc.paragraphs == PARAGRAPHS
    assert doc.evidence.published == ["4 มีนาคม 2021"]


def _wrapped(paragraph: str, columns: int = 62) -> list[str]:
    """A PDF's lines: broken where the column is full, before a consonant or a leading vowel (a syllable's start),
    with no space at the break: Thai does not space its words."""
    lines, line, width = [], "", 0
    for char in paragraph:
        starts_syllable = "\u0e01" <= char <= "\u0e2e" or "\u0e40" <= char <= "\u0e44"
        if width >= columns and starts_syllable:
            lines.append(line.rstrip())
            line, width = "", 0
        line += char
        width += char not in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
    return [*lines, line.rstrip()]


def test_a_thai_report_keeps_every_paragraph_and_joins_its_lines_inside_words() -> None:
    long_paragraphs = [PARAGRAPHS[0] + " " + PARAGRAPHS[1], PARAGRAPHS[2] + " " + PARAGRAPHS[0], PARAGRAPHS[1]]
    body = "\n\n".join("\n".join(_wrapped(p)) for p in long_paragraphs)
    report = f"รายงานการศึกษาระบบขนส่งสาธารณะ\nกรุงเทพมหานคร\n\nสมชาย ใจดี\nมีนาคม 2021\n\n{body}\n"
    [doc] = read_text(report)
    assert doc.source_format == "plain_text"
    assert doc.title == "รายงานการศึกษาระบบขนส่งสาธารณะ กรุงเทพมหานคร"  # a title's short lines end phrases
    assert doc.paragraphs == long_paragraphs
    assert doc.evidence.published == ["มีนาคม 2021"]


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        (PARAGRAPHS[0], True),
        (" ".join(MENU * 3), False),  # section names: short words between the spaces
        ("กทม. เพิ่มเส้นทางรถเมล์ 12 สาย", False),  # a headline
        ("北京市政府周二宣布将在年底前新增十二条公交线路以应对不断增长的客流量并缓解市中心的交通拥堵问题" * 2, False),
        ("The council approved the new water treatment plant on Tuesday after a long debate" * 2, False),
    ],
    ids=["thai-paragraph", "thai-menu", "thai-headline", "chinese", "english"],
)
def test_phrase_spaced_prose_is_a_long_line_of_long_phrases_in_those_scripts(line: str, prose: bool) -> None:
    assert is_phrase_spaced_prose(line) is prose


# --- Thai dates: the Buddhist Era and the months' dotted abbreviations -------------------------------------------


@pytest.mark.parametrize(
    ("printed", "languages", "iso"),
    [
        ("4 มี.ค. 2564", ["th"], "2021-03-04"),  # dateparser alone: January 4 of 2564, then no date
        ("วันที่ 4 มีนาคม พ.ศ. 2564", ["th"], "2021-03-04"),
        ("วันพฤหัสบดีที่ 4 มี.ค. 2564 08:15 น.", ["th"], "2021-03-04T08:15"),
        ("๔ ธ.ค. ๒๕๖๓", ["th"], "2020-12-04"),
        ("04/03/2564", ["th"], "2021-03-04"),
        ("4 มีนาคม 2021", ["th"], "2021-03-04"),  # a year of the common era stays
        ("ค.ศ. 2021 4 มีนาคม", ["th"], "2021-03-04"),
    ],
)
def test_a_thai_date_is_read_in_the_common_era(printed: str, languages: list[str], iso: str) -> None:
    parsed = parse_date(printed, languages=languages, now=datetime(2026, 12, 3))
    assert parsed is not None and parsed.iso().startswith(iso)


def test_a_year_2564_outside_thai_text_is_no_date() -> None:
    assert parse_date("04/03/2564", languages=["en"], now=datetime(2026, 12, 3)) is None


def test_a_thai_pages_date_line_in_the_buddhist_era_is_its_date() -> None:
    page = "\n".join(
        [*MENU, "", "กทม. เพิ่มเส้นทางรถเมล์ 12 สาย", "วันพฤหัสบดีที่ 4 มี.ค. 2564 08:15 น.", ""] + [f"{p}\n" for p in PARAGRAPHS]
    )
    result = prepare_file("th.txt", page.encode(), Settings(), MinHashParams())
    [prepared] = result.documents
    assert prepared.doc.published == "2021-03-04T08:15"
