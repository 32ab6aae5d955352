"""Bylines and printed dates of pages in other scripts and languages, through `axis-ingest ingest` into SQLite.

Korean, Japanese and Chinese outlets print the reporter's title beside the name ("김민준 기자") and dates as
"2025년 11월 7일" or "2025年11月7日"; Arabic, Hebrew and Hindi names have no capital letters; a Turkish page
names the month "Kasım".  Each page below is written the way such an outlet prints it, and the test reads
what the database stores.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

PARAGRAPH = {
    "ko": "서울시는 7일 내년 예산안을 발표하며 대중교통 요금을 동결하고 "
    "노후 버스 정류장 300곳을 새로 단장한다고 밝혔다. "
    "시는 이번 예산안이 시민 생활과 직접 맞닿은 사업에 우선순위를 두었다고 설명했다.",
    "ja": "東京都は7日、来年度の予算案を発表し、公共交通の運賃を据え置くとともに、"
    "古くなったバス停300か所を改修すると明らかにした。"
    "都は市民の生活に直結する事業を優先したと説明している。",
    "ar": "أعلنت بلدية المدينة يوم الجمعة عن ميزانية العام المقبل، "
    "وقالت إنها ستجمد أسعار النقل العام وتجدد ثلاثمئة موقف للحافلات. "
    "وأوضحت البلدية أن الميزانية تعطي الأولوية للمشاريع التي تمس حياة السكان اليومية بشكل مباشر.",
    "tr": "Belediye cuma günü gelecek yılın bütçesini açıkladı ve toplu taşıma ücretlerinin dondurulacağını, üç yüz "
    "otobüs durağının yenileneceğini duyurdu. Belediye, bütçenin kent sakinlerinin gündelik hayatına doğrudan "
    "dokunan projelere öncelik verdiğini belirtti.",
}


def _page(lang: str, title: str, byline: str, date_line: str) -> str:
    paragraphs = "".join(f"<p>{PARAGRAPH[lang]}</p>" for _ in range(3))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<nav><a href="/">홈</a> <a href="/news">News</a></nav><article><h1>{title}</h1>'
        f'<div class="byline">{byline}</div><div class="date">{date_line}</div>{paragraphs}</article></body></html>'
    )


IngestTexts = Callable[[dict[str, str]], Path]


def _stored(db: Path) -> dict[str, tuple[str | None, list[str]]]:
    """{file name: (published, author names in order)} as the database stores them."""
    conn = sqlite3.connect(db)
    stored: dict[str, tuple[str | None, list[str]]] = {}
    for path, article_id, published in conn.execute(
        "SELECT d.path, a.id, a.published FROM articles a JOIN article_sources s ON s.article_id = a.id "
        "JOIN raw_documents d ON d.id = s.raw_document_id"
    ):
        names = [
            name
            for (name,) in conn.execute(
                "SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id "
                "WHERE aa.article_id = ? ORDER BY aa.position",
                (article_id,),
            )
        ]
        stored[Path(path).name] = (published, names)
    return stored


def test_titles_beside_names_uncased_scripts_and_other_calendars_words(ingest_texts: IngestTexts) -> None:
    pages = {
        "seoul.html": ("ko", "서울시 내년 예산안 발표", "김민준 기자 minjun@example.co.kr", "입력 2025.11.07 09:15"),
        "tokyo.html": ("ja", "都が来年度予算案を発表", "佐藤健一記者", "2025年11月7日 09:15"),
        "city.html": ("ar", "البلدية تعلن ميزانية العام المقبل", "بقلم محمد الأحمد", "7 نوفمبر 2025"),
        "belediye.html": ("tr", "Belediye gelecek yılın bütçesini açıkladı", "Elif Kaya | İstanbul", "7 Kasım 2025"),
    }
    stored = _stored(ingest_texts({name: _page(*parts) for name, parts in pages.items()}))
    assert stored["seoul.html"] == ("2025-11-07T09:15", ["김민준"])
    assert stored["tokyo.html"] == ("2025-11-07T09:15", ["佐藤健一"])
    assert stored["city.html"] == ("2025-11-07", ["محمد الأحمد"])
    assert stored["belediye.html"] == ("2025-11-07", ["Elif Kaya"])


def test_scraped_korean_and_chinese_pages_give_their_byline_and_printed_date(ingest_texts: IngestTexts) -> None:
    korean = [
        "홈 | 뉴스 | 정치 | 경제",
        "서울시 내년 예산안 발표",
        "김민준·이서연 기자",
        "2025년 11월 7일",
        PARAGRAPH["ko"],
        "시 관계자는 예산안이 시의회 심의를 거쳐 다음 달 확정될 예정이라고 말했다. "
        "시민단체들은 복지 예산이 충분하지 않다며 증액을 요구하고 있다.",
        "저작권자 © 예시일보 무단전재 및 재배포 금지",
    ]
    chinese = [
        "首页 | 新闻 | 财经",
        "市政府公布明年预算",
        "本报记者 张伟",
        "2025年11月7日 09:15",
        "市政府7日公布明年预算草案，表示将冻结公共交通票价，并翻新三百个老旧公交车站。"
        "市政府表示，预算优先考虑与市民生活直接相关的项目。",
        "市政府官员说，预算草案将在下月经市议会审议后确定。一些市民团体认为福利预算不足，要求增加拨款。",
        "版权所有",
    ]
    db = ingest_texts({"seoul.txt": "\n\n".join(korean) + "\n", "city.txt": "\n\n".join(chinese) + "\n"})
    stored = _stored(db)
    assert stored["seoul.txt"] == ("2025-11-07", ["김민준", "이서연"])
    assert stored["city.txt"] == ("2025-11-07T09:15", ["张伟"])
    titles = dict(sqlite3.connect(db).execute("SELECT substr(body, 1, 6), title FROM articles"))
    assert titles == {"서울시는 7": "서울시 내년 예산안 발표", "市政府7日公": "市政府公布明年预算"}


def test_korean_report_text_is_unwrapped_and_its_printed_month_is_the_date(ingest_texts: IngestTexts) -> None:
    """Text pulled out of a PDF (a form feed between pages, one inside a sentence): lines wrapped at the column
    without a lower-case start to show it, and the month printed under the title."""
    page_one = (
        "서울시는 7일 내년 예산안을 발표하며 대중교통 요금을 동결하고 노후 버스\n"
        "정류장 300곳을 새로 단장한다고 밝혔다. 시는 이번 예산안이 시민\n"
        "생활과 직접 맞닿은 사업에 우선순위를 두었다고 설명했다. 시 관계자는\n"
    )
    page_two = (
        "예산안이 시의회 심의를 거쳐 다음 달 확정될 예정이라고 말했다.\n\n"
        "시민단체들은 복지 예산이 충분하지 않다며 증액을 요구하고 있다. 특히\n"
        "노인 돌봄과 청년 주거 지원 예산이 지난해보다 줄어든 점을 문제로\n"
        "지적했다.\n"
    )
    text = "서울시 예산안 보고서\n\n2025년 11월\n\n" + page_one + "\f" + page_two
    db = ingest_texts({"report.txt": text})
    title, published, body = sqlite3.connect(db).execute("SELECT title, published, body FROM articles").fetchone()
    assert (title, published) == ("서울시 예산안 보고서", "2025-11")
    paragraphs = body.split("\n\n")
    assert paragraphs[0].startswith("서울시는 7일") and paragraphs[0].endswith("확정될 예정이라고 말했다.")
    assert "노후 버스 정류장" in paragraphs[0]  # joined with a space: Korean is written with spaces
    assert paragraphs[1] == (
        "시민단체들은 복지 예산이 충분하지 않다며 증액을 요구하고 있다. 특히 노인 돌봄과 청년 주거 지원 예산이 "
        "지난해보다 줄어든 점을 문제로 지적했다."
    )


MORE_JA = (
    "予算案は来月の都議会で審議される予定で、一部の市民団体は福祉予算が不十分だとして増額を求めている。"
    "都の担当者は、財源の見通しを丁寧に説明していきたいと話した。"
)
MORE_TR = (
    "Bütçe taslağı gelecek ay belediye meclisinde görüşülecek. Bazı sivil toplum kuruluşları sosyal yardım "
    "bütçesinin yetersiz olduğunu belirterek artış talep etti."
)


def test_an_update_line_with_its_label_after_the_date_is_not_the_publication(ingest_texts: IngestTexts) -> None:
    """Japanese and Turkish pages print "2025年11月8日 10:00 更新" and "8 Kasım 2025 tarihinde güncellendi" (the
    label after the date) above the publication line: the update is never `published`."""
    japanese = ["都が来年度予算案を発表", "佐藤健一記者", "2025年11月8日 10:00 更新", "2025年11月7日 09:15 公開"]
    turkish = [
        "Belediye gelecek yılın bütçesini açıkladı",
        "Elif Kaya",
        "8 Kasım 2025 tarihinde güncellendi",
        "7 Kasım 2025 tarihinde yayımlandı",
    ]
    db = ingest_texts(
        {
            "tokyo.txt": "\n\n".join([*japanese, PARAGRAPH["ja"], MORE_JA]) + "\n",
            "belediye.txt": "\n\n".join([*turkish, PARAGRAPH["tr"], MORE_TR]) + "\n",
        }
    )
    stored = _stored(db)
    assert stored["tokyo.txt"][0] == "2025-11-07T09:15"
    assert stored["belediye.txt"][0] == "2025-11-07"


def test_a_markdown_article_is_read_without_its_markup(ingest_texts: IngestTexts) -> None:
    """A clipper's Markdown (YAML front matter, "# ", "**", "[text](url)", "![image](url)"): through the CLI the
    title, author, date and URL come from the front matter and the body holds the text without markup."""
    fixture = Path(__file__).parent / "fixtures" / "markdown" / "clipped-article.md"
    db = ingest_texts({"harbour.md": fixture.read_text(encoding="utf-8")})
    conn = sqlite3.connect(db)
    source_format, title, url, published, body = conn.execute(
        "SELECT source_format, title, url, published, body FROM articles"
    ).fetchone()
    assert (source_format, title, published) == (
        "markdown",
        "Harbour budget approved after late-night vote",
        "2026-03-14",
    )
    assert url == "https://www.harbourside-gazette.example/news/harbour-budget-approved"
    assert body.startswith("The council approved the new harbour budget after a long debate")
    assert "£4.2 million for repairs" in body and "- Work on the quay starts in the spring." in body
    assert not any(mark in body for mark in ("**", "](", "# ", "> ", "![", "*Ewan"))
    assert _stored(db)["harbour.md"][1] == ["Morag Duncan"]


def test_a_reader_services_markdown_of_a_whole_page_is_read_as_the_page(ingest_texts: IngestTexts) -> None:
    """Jina Reader's Markdown of a whole page: its menu, share buttons and "Most read" teasers as lines of links,
    the page's <title> with the site's name after it in the header.  Read as a clipped article, the menu and the
    teasers were the body and the title kept " | Harbour Gazette"; the byline and the date line under the
    headline are read as on the page, and the body is what the page-text reader finds in the page's text (the
    "Most read" heading over its teasers is no paragraph of it)."""
    fixture = Path(__file__).parent / "fixtures" / "markdown" / "reader-service-page.md"
    db = ingest_texts({"survey.md": fixture.read_text(encoding="utf-8")})
    title, published, body = sqlite3.connect(db).execute("SELECT title, published, body FROM articles").fetchone()
    assert title == "Harbour survey delayed until spring, committee says"
    assert published.startswith("2026-03-04")
    paragraphs = body.split("\n\n")
    assert len(paragraphs) == 3 and paragraphs[0].startswith("The committee met for three hours on Thursday")
    assert paragraphs[2].endswith("the council had agreed a budget for the work.")
    for chrome in ("Sport", "Subscribe", "Facebook", "Share this article", "Ferry timetable", "4 March 2026"):
        assert chrome not in body, chrome
    assert _stored(db)["survey.md"][1] == ["Jane Doe"]


def test_an_article_clipped_with_a_few_links_alone_is_read_as_before(ingest_texts: IngestTexts) -> None:
    """Left alone: a clipped article whose sources are a list of four links stays a clip: its title is the front
    matter's and every block, the list of sources too, is its body."""
    fixture = Path(__file__).parent / "fixtures" / "markdown" / "clipped-article.md"
    sources = "\n".join(
        f"- [{name}](https://www.harbourside-gazette.example/{slug})"
        for name, slug in (("Council minutes", "minutes"), ("Budget paper", "budget"),
                           ("Breakwater survey", "survey"), ("Ferry report", "ferry"))
    )  # fmt: skip
    text = fixture.read_text(encoding="utf-8") + "\n## Sources\n\n" + sources + "\n"
    db = ingest_texts({"harbour.md": text})
    title, body = sqlite3.connect(db).execute("SELECT title, body FROM articles").fetchone()
    assert title == "Harbour budget approved after late-night vote"
    assert "- Council minutes" in body and "- Ferry report" in body and "- Work on the quay" in body
