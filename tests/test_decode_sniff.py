"""Decoding and format detection at the edges: stray control bytes, mangled doctypes (issue 13), wire datelines."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from axis_ingest.decode import decode_bytes
from axis_ingest.detectors import match_dateline
from axis_ingest.document import RejectedInput
from axis_ingest.readers.wire import read_wire
from axis_ingest.sniff import opens_wire_copy, sniff

IngestTexts = Callable[[dict[str, str | bytes]], Path]  # the conftest fixture

PARAGRAPH = (
    "<p>The harbour authority said on Monday that the new breakwater would be finished before the winter "
    "storms, after two years of delays caused by the shortage of granite blocks from the northern quarry.</p>\n"
)


def news_page(doctype: str = "<!DOCTYPE html>", paragraphs: int = 3) -> str:
    return (
        f'{doctype}\n<html lang="en"><head><meta charset="utf-8"><title>Breakwater to open</title></head>\n'
        f"<body><article><h1>Breakwater to open before winter</h1>\n{PARAGRAPH * paragraphs}</article></body></html>\n"
    )


def test_one_nul_byte_in_a_large_page_is_not_binary():
    page = news_page(paragraphs=300).encode()  # ~70 KB, as the saved page that was rejected as binary
    damaged = page[:40_000] + b"\x00" + page[40_000:]
    text, encoding = decode_bytes(damaged)
    assert encoding == "utf-8" and "\x00" not in text
    assert text.replace("\n", "") == page.decode().replace("\n", "")


def test_control_bytes_counted_on_bytes_as_the_regex_counted_them():
    """Control characters are counted on the UTF-8 bytes (fast); removed wherever they are in the text."""
    page = news_page(paragraphs=1200).encode()  # ~280 KB: past the 200,000 characters the share is taken from
    late = page[:250_000] + b"\x07\x1f" + page[250_000:]
    text, _ = decode_bytes(late)
    assert "\x07" not in text and "\x1f" not in text and len(text) == len(page.decode())
    utf16 = ("Ölpreis steigt.\r\nDer Ölpreis stieg am Montag um drei Prozent.\r\n" * 40).encode("utf-16")
    text, encoding = decode_bytes(utf16)  # NUL bytes of UTF-16 are not control characters of the text
    assert encoding.startswith("utf-16") and text.count("\n") == 80 and "\r" not in text


def test_text_full_of_nul_bytes_stays_binary():
    text = "Old town pipes to be replaced. The council approved the plan on Monday.\n" * 20
    with pytest.raises(RejectedInput, match="binary"):
        decode_bytes(text.encode().replace(b" the ", b" the\x00\x00 "))


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("横浜港の新しい岸壁の工事は四月に始まり、来年の冬までに完成する予定です。\n" * 10, "iso2022_jp"),
        ("부산항의 새 방파제 공사는 4월에 시작되어 내년 겨울 전에 끝날 예정이다.\n" * 10, "iso2022_kr"),
    ],
)
def test_iso_2022_text_is_read_in_its_encoding_not_rejected_as_binary(text: str, codec: str) -> None:
    """ISO-2022 writes Japanese and Korean in seven bits, switching character sets with escape sequences: the
    bytes passed for UTF-8 and their escape bytes for a binary file's control bytes (a Japanese e-mail of
    mikel/mail's tests was rejected as binary).  Left alone: escape bytes that announce no character set."""
    decoded, encoding = decode_bytes(text.encode(codec))
    assert decoded == text and encoding.startswith(codec)
    with pytest.raises(RejectedInput, match="binary"):
        decode_bytes(("Terminal output \x1b[31mred\x1b[0m and more.\n" * 20).encode())


@pytest.mark.parametrize(
    "doctype",
    ["<!DOCTYPE htm>", "<!DOCTYPE html5>", '<!DOCTYPE "html">', "<!DOCTYPE HTML PUBLIC>", "<!doctype xhtml>"],
)
def test_html_with_a_mangled_doctype_is_html(doctype):
    assert sniff(news_page(doctype)).source_format == "html"


@pytest.mark.parametrize(
    "xml",
    [
        "<!DOCTYPE urlset>\n<urlset><url><loc>https://example.org/a</loc></url></urlset>",
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<lolz>&lol;</lolz>',
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol "lol">]>\n<rss version="2.0"><channel/></rss>',
    ],
    ids=["sitemap", "entity-declarations", "feed-declaring-entities"],
)
def test_sitemaps_and_xml_with_a_doctype_are_still_rejected(xml):
    with pytest.raises(RejectedInput, match="XML"):
        sniff(xml)


@pytest.mark.parametrize(
    "feed",
    [
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>News</title><item>A</item></channel></rss>',
        '<rss version="2.0"><channel><title>News</title></channel></rss>',  # it was read as page text
        '<?xml version="1.0"?><?xml-stylesheet href="feed.xsl"?><feed xmlns="http://www.w3.org/2005/Atom"/>',
    ],
    ids=["rss", "rss-without-declaration", "atom-with-stylesheet"],
)
def test_feeds_are_feeds_never_html(feed):
    assert sniff(feed).source_format == "feed"


LEAD = "Oil prices rose more than 2% on Tuesday after attacks on two tankers in the Gulf of Oman.\n\nMore follows."


@pytest.mark.parametrize(
    ("line", "wire"),
    [
        ("DUBAI, March 3 (Reuters) - " + LEAD, True),
        ("WASHINGTON (AP) -- " + LEAD, True),
        ("PARIS, 4 mars (AFP) - " + LEAD, True),
        ("Lagos, Jan 9 (Reuters) " + LEAD, True),  # with a date no dash is needed
        ("date 2026-03-04 Brussels, March 4 (IANS) " + LEAD, True),  # IANS prints its date first
        ("AUSTIN (KXAN) — " + LEAD, True),  # a station's call sign: any short capitalised source counts
        ("BERLIN (dpa) - " + LEAD, True),  # a known agency printed in lower case (dpa's own style)
        ("Berlin (dpa) said on Tuesday that oil prices rose.", False),  # no date, no dash: still a sentence
        ("BERLIN (data) - " + LEAD, False),  # a lower-case word that names no agency is no source
        ("Ana Lima (Reuters) said on Tuesday that oil prices rose.", False),  # no date, no dash: a sentence
        ("(Reuters) — " + LEAD, False),  # no place: scraped pages quote wire copy like this
        ("Ingreso mínimo garantizado (IMG): qué es y cuánto podría variar", False),  # lower-case words: no place
    ],
)
def test_a_wire_dateline_opens_wire_copy(line: str, wire: bool) -> None:
    assert opens_wire_copy(line.split("\n")[0]) is wire
    assert (sniff(line).source_format == "wire_text") is wire


def test_a_dpa_story_with_its_date_line_is_sniffed_as_wire_copy() -> None:
    """dpa prints its name in lower case; the story was read as a scraped page before (a known agency in any case)."""
    text = (Path(__file__).parent / "fixtures" / "wire" / "dpa_berlin.txt").read_text(encoding="utf-8")
    assert sniff(text).source_format == "wire_text"


def test_sniff_and_the_wire_reader_read_one_dateline() -> None:
    """The wire reader finds the dateline that made sniff call the text wire copy (one detector, detectors.py)."""
    text = "DUBAI, March 3 (Reuters) - " + LEAD
    assert sniff(text).source_format == "wire_text"
    [doc] = read_wire(text)
    assert doc.dateline == "Dubai" and doc.metadata["agency"] == "Reuters" and doc.paragraphs[0].startswith("Oil")
    assert match_dateline(text) == match_dateline(text, any_source=True)
    # Sniff takes any short capitalised source; the reader keeps known agencies only.
    assert match_dateline("AUSTIN (KXAN) — Texas voters") is None
    assert match_dateline("AUSTIN (KXAN) — Texas voters", any_source=True) is not None


COPIED_PAGE_TAIL = (
    "\n\nHow To Scrape Google With Python\n\nDecember 29th 2019\n\n"
    "Ever since the web search API was deprecated in 2011, I have been searching for an alternative that gives "
    "me the links of a search in my own scripts. So I made my own, and here is a quick guide to doing it.\n"
)


@pytest.mark.parametrize(
    "opening",
    [
        "{{section.heading.text}}\n* {{link.text}}\n{{ad.text}}",
        "[Skip to content]\n* Home\n* Tutorials",
        # a text browser's dump numbers its links ("lynx -dump"): "[1]" is no JSON list
        "[1]Skip to content\n[2]Home [3]Tutorials",
        # a text copied with its first footnote's marker (a review quoting its sources, a Wikipedia extract)
        "[1] Wer im Wissenschaftsbetrieb würde sich beim Stichwort „abgebrochene Forschung“ nicht besinnen?",
        "[12]\nThe report's first note, as a copy tool puts the marker on a line of its own.",
    ],
)
def test_page_text_opening_with_a_brace_or_bracket_is_text_not_json(opening: str) -> None:
    assert sniff(opening + COPIED_PAGE_TAIL).source_format == "scraped_text"


@pytest.mark.parametrize("opening", ["[0](/cart)", "[888-209-3989](tel:8882093989)", "[[Harbour notes]]"])
def test_markdown_opening_with_a_link_is_markdown_not_invalid_json(opening: str) -> None:
    """A reader service's Markdown of a shop's page opens with its cart's link ("[0](/cart)", nine of WCXB's 2025
    pages as Jina Reader renders them) or a telephone number's; an Obsidian note with a link to another note.
    They were rejected as "invalid JSON" (a list's first value, then "Extra data")."""
    text = (
        f"{opening}\n\n[Skip to Content](#page)\n\n# Harbour budget approved\n\n"
        + MARKDOWN_FIXTURE.read_text(encoding="utf-8").split("---\n", 2)[2]
    )
    assert sniff(text).source_format == "markdown"


@pytest.mark.parametrize(
    "text",
    [
        '{"id": 7, "title": {"rendered": "Harbour',
        '  [\n  {"id": 7, "content": {"rendered": "<p>Harbour',
        "[]",
        '["Harbour budget approved after late-night',
        "[7, 8, 9",
        "[7]\n",
    ],
)
def test_json_that_opens_like_json_is_still_read_as_json(text: str) -> None:
    """Left alone: a truncated export and an empty list are JSON and are rejected with a JSON reason."""
    with pytest.raises(RejectedInput, match="JSON"):
        sniff(text)


MARKDOWN_FIXTURE = Path(__file__).parent / "fixtures" / "markdown" / "clipped-article.md"


STATIC_SITE_POST = (
    "---\n"
    'title: "Harbour board approves new ferry terminal"\n'
    "date: 2024-03-04T09:30:00+01:00\n"
    "author: Ana Lima\n"
    "tags: [harbour, ferries]\n"
    "draft: false\n"
    "---\n\n"
    "The harbour board on Monday approved plans for a new ferry terminal on the east quay, ending a two-year "
    "dispute over the site with the fishing cooperative.\n\n"
    "Construction is due to begin in the autumn and the terminal should open in 2026, the board's chair said.\n"
)


def test_a_post_with_front_matter_is_markdown_whatever_its_text_holds(ingest_texts: IngestTexts) -> None:
    """A static site's post (Hugo, Jekyll) of plain paragraphs under its front matter was read as page text: its
    title was 'title: "Harbour board approves new ferry terminal"'."""
    assert sniff(STATIC_SITE_POST).source_format == "markdown"
    db = ingest_texts({"2024-03-04-ferry-terminal.md": STATIC_SITE_POST})
    with sqlite3.connect(db) as conn:
        title, published, body = conn.execute("SELECT title, published, body FROM articles").fetchone()
        [author] = conn.execute("SELECT name FROM authors").fetchone()
    assert (title, published, author) == (
        "Harbour board approves new ferry terminal",
        "2024-03-04T09:30:00+01:00",
        "Ana Lima",
    )
    assert body.startswith("The harbour board on Monday") and "draft" not in body


@pytest.mark.parametrize(
    "opening",
    [
        "---\nlayout: post\ncomments: true\n---\n",  # no field of an article's
        "---\n\nHarbour Gazette\n\n---\n",  # rules around a site's name in copied text
    ],
)
def test_a_block_between_rules_without_an_articles_fields_is_no_front_matter(opening: str) -> None:
    """Left alone: "---" lines around anything but an article's fields do not make page text Markdown."""
    assert sniff(opening + COPIED_PAGE_TAIL).source_format == "scraped_text"


def test_markdown_with_a_heading_and_inline_marks_is_markdown() -> None:
    assert sniff(MARKDOWN_FIXTURE.read_text(encoding="utf-8")).source_format == "markdown"
    bare = "# Harbour budget approved\n\nThe council approved [the budget](https://example.org/b) for **£4.2m**.\n"
    assert sniff(bare).source_format == "markdown"


@pytest.mark.parametrize(
    "text",
    [
        # a page copied from a browser: "* " bullets, a "#hashtag", no link or bold markup
        "Harbourside Gazette\n\n* News\n* Sport\n\nHarbour budget approved\n\n#harbour #budget\n\n"
        "The council approved the new harbour budget after a long debate on Tuesday evening, officials said.\n",
        # a heading-like line and one link: one mark is not enough
        "# 1 in the charts\n\nThe single reached number one, see [the chart](https://example.org/chart).\n",
        # bold and links without any heading line
        "The plan sets aside **£4.2 million**, see [the budget](https://example.org/b) and **more**.\n",
    ],
)
def test_copied_pages_with_bullets_hashtags_or_a_stray_mark_are_not_markdown(text: str) -> None:
    assert sniff(text).source_format != "markdown"


READER_SERVICE_MARKDOWN = """Title: Harbour budget approved after late-night vote

URL Source: https://www.harbourside-gazette.example/news/harbour-budget-approved

Published Time: 2026-03-14T21:40:00+00:00

Markdown Content:
Harbour budget approved after late-night vote
=============================================

The council approved the new harbour budget after a long debate on Tuesday evening, officials said.
"""


def test_a_reader_services_markdown_header_makes_markdown() -> None:
    """Jina Reader's output: "Title:", "URL Source:", "Published Time:", then "Markdown Content:"."""
    assert sniff(READER_SERVICE_MARKDOWN).source_format == "markdown"
    # left alone: a page whose first line happens to be "Title: ..." (no "Markdown Content:" line)
    assert sniff(READER_SERVICE_MARKDOWN.replace("Markdown Content:\n", "")).source_format != "markdown"


def test_a_reader_services_header_gives_title_url_and_date() -> None:
    from axis_ingest.readers.markdown import read_markdown

    (doc,) = read_markdown(READER_SERVICE_MARKDOWN)
    assert doc.title == "Harbour budget approved after late-night vote"
    assert doc.url == "https://www.harbourside-gazette.example/news/harbour-budget-approved"
    assert doc.evidence.published[0] == "2026-03-14T21:40:00+00:00"
    assert doc.paragraphs == [
        "The council approved the new harbour budget after a long debate on Tuesday evening, officials said."
    ]


def test_raw_html_in_markdown_goes_to_the_html_reader_not_into_the_body() -> None:
    """A clipper keeps a video's <iframe> and a <script>: rendered as text they stood in the body as tags."""
    from axis_ingest.readers.markdown import read_markdown

    first = "The council approved the new [harbour budget](https://example.org/b) after a long debate, officials said."
    text = (
        f"# Harbour budget approved\n\n{first} The plan sets aside **£4.2 million**.\n\n"
        '<iframe src="https://www.youtube.com/embed/xyz"></iframe>\n\n<script>track()</script>\n\n'
        "Councillor Ewan Baird said the vote was right, while 3 < 4 opponents disagreed.\n"
    )
    (doc,) = read_markdown(text)
    assert doc.paragraphs == [
        "The council approved the new harbour budget after a long debate, officials said. "
        "The plan sets aside £4.2 million.",
        # left alone: a "<" in the text is text
        "Councillor Ewan Baird said the vote was right, while 3 < 4 opponents disagreed.",
    ]


# A Spanish news page of the kind saved before UTF-8 was usual: Latin-1 declared in its <meta>, the bytes
# windows-1252 (its curly quotes are not in Latin-1; browsers read the label as windows-1252).
LEGACY_SPANISH_PAGE = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">\n<html><head>\n'
    '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\n'
    '<title>La campaña de la cosecha empieza en Andalucía</title></head>\n<body><div id="nota">\n'
    "<h1>La campaña de la cosecha empieza en Andalucía</h1>\n"
    "<p>Los agricultores de Jaén comenzaron el lunes la recogida de la aceituna, una campaña que según la "
    "cooperativa será “la más corta en una década” por la sequía que ha sufrido España durante el verano.</p>\n"
    "<p>El precio del aceite en origen subió un 12% en octubre, y los almacenes de la provincia aún guardan "
    "parte de la cosecha anterior, según explicó el portavoz de la organización agraria.</p>\n"
    "</div></body></html>\n"
)


def test_a_page_in_a_legacy_encoding_is_read_in_the_encoding_it_declares() -> None:
    """charset-normalizer took this page for windows-1250 ("Espańa", "campańa"); the <meta> says what it is."""
    text, encoding = decode_bytes(LEGACY_SPANISH_PAGE.encode("cp1252"))
    assert text == LEGACY_SPANISH_PAGE and encoding == "cp1252 (declared)"
    chinese = LEGACY_SPANISH_PAGE.replace("iso-8859-1", "gb2312").replace(
        "Los agricultores", "北京市政府周一宣布，新的地铁线路将于明年年底前开通。Los agricultores"
    )
    text, encoding = decode_bytes(chinese.replace("“", '"').replace("”", '"').encode("gb18030"))
    assert "北京市政府周一宣布" in text and encoding == "gb18030 (declared)"


def test_a_declaration_the_bytes_do_not_follow_is_not_believed() -> None:
    """UTF-8 bytes stay UTF-8 whatever the page declares; a page declaring UTF-8 that is not goes to the detector."""
    page = LEGACY_SPANISH_PAGE
    assert decode_bytes(page.encode("utf-8")) == (page, "utf-8")  # declares iso-8859-1, is UTF-8
    mislabelled = page.replace("iso-8859-1", "utf-8").encode("cp1252")
    _, encoding = decode_bytes(mislabelled)
    assert "declared" not in encoding


def test_a_legacy_page_reaches_the_database_with_its_accents(tmp_path: Path) -> None:
    from axis_ingest.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "cosecha.html").write_bytes(LEGACY_SPANISH_PAGE.encode("cp1252"))
    db = tmp_path / "axis.sqlite"
    assert main(["ingest", str(raw), "--db", str(db), "--clean-dir", str(tmp_path / "clean")]) == 0
    with sqlite3.connect(db) as conn:
        title, body = conn.execute("SELECT title, body FROM articles").fetchone()
    assert title == "La campaña de la cosecha empieza en Andalucía"
    assert "“la más corta en una década” por la sequía que ha sufrido España" in body


SPANISH_TEXT = (
    "Los agricultores de Jaén comenzaron el lunes la recogida de la aceituna, una campaña que según la "
    "cooperativa será la más corta en una década por la sequía que ha sufrido España durante el verano.\n\n"
    "La Junta de Andalucía aprobó ayer una línea de ayudas para los municipios más afectados.\n"
)


def test_undeclared_western_text_is_read_as_windows_1252_not_as_a_tied_code_page() -> None:
    """charset-normalizer scores windows-1250 and windows-1252 the same here and took the first ("Espańa")."""
    text, encoding = decode_bytes(SPANISH_TEXT.encode("cp1252"))
    assert encoding == "cp1252" and text == SPANISH_TEXT


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (
            "Rada miasta przyjęła w poniedziałek budżet na przyszły rok. Najwięcej pieniędzy trafi na budowę "
            "nowej linii tramwajowej i remont szkół, a część środków przeznaczono na żłobki.\n",
            "cp1250",
        ),
        (
            "Городской совет в понедельник утвердил бюджет на следующий год. Больше всего денег пойдёт на "
            "строительство новой линии трамвая и ремонт школ.\n",
            "cp1251",
        ),
        (
            "東京都は月曜日、来年度の予算案を発表した。新しい路面電車の建設と学校の改修に最も多くの資金が充てられる。\n",
            "cp932",
        ),
    ],
)
def test_undeclared_text_in_another_legacy_encoding_keeps_it(text: str, codec: str) -> None:
    """The order of web use only breaks ties: Polish stays windows-1250, Russian windows-1251, Japanese Shift_JIS."""
    assert decode_bytes(text.encode(codec))[0] == text


TURKISH_PAGE = (
    '<!DOCTYPE html>\n<html lang="tr"><head><title>Orman yangınlarında son durum</title></head>\n<body>\n'
    "<h1>Orman yangınlarında son durum</h1>\n"
    "<p>Muğla ve İzmir'de dün başlayan orman yangınları, rüzgârın etkisiyle geniş bir alana yayıldı. Yetkililer, "
    "söndürme çalışmalarının gece boyunca süreceğini açıkladı.</p>\n"
    "<p>Bölgedeki köylerden tahliye edilen aileler, belediyenin hazırladığı çadırlarda ağırlanıyor.</p>\n"
    "</body></html>\n"
)


@pytest.mark.parametrize(
    "opening", ['<html lang="tr">', '<html><meta property="og:locale" content="tr_TR">', "<html xml:lang='tr-TR'>"]
)
def test_an_undeclared_page_is_read_in_the_legacy_encoding_of_the_language_it_declares(opening: str) -> None:
    """windows-1254 Turkish scores the same as windows-1252 and -1250 in the detector ("yangýnlarý"); the
    language the page declares says which of the equally good guesses it is."""
    page = TURKISH_PAGE.replace('<html lang="tr">', opening)
    text, encoding = decode_bytes(page.encode("cp1254"))
    assert encoding == "cp1254" and text == page


def test_a_declared_language_does_not_overrule_a_better_guess() -> None:
    """Left alone: a Polish page whose theme declares English (WordPress's default "en-US") stays windows-1250,
    which reads its letters without the mess windows-1252 makes of them."""
    page = (
        '<html lang="en-US"><head><title>Budżet miasta</title></head><body><p>Rada miasta przyjęła w poniedziałek '
        "budżet na przyszły rok. Najwięcej pieniędzy trafi na budowę nowej linii tramwajowej i remont szkół, a "
        "część środków przeznaczono na żłobki.</p></body></html>\n"
    )
    assert decode_bytes(page.encode("cp1250")) == (page, "cp1250")


@pytest.mark.parametrize("label", ["iso-2022-kr", "hz-gb-2312", "replacement", "x-user-defined", "bogus", "utf-16"])
def test_a_label_with_no_decoder_to_follow_leaves_the_bytes_to_the_detector(label: str) -> None:
    """The standard maps some labels to its "replacement" encoding, which Python has no codec for (it was a
    LookupError, an internal error for one file); those, unknown labels and UTF-16 in a <meta> are no
    declaration to follow."""
    page = LEGACY_SPANISH_PAGE.replace("iso-8859-1", label).encode("cp1252")
    text, encoding = decode_bytes(page)
    assert "declared" not in encoding and "campaña de la cosecha" in text
