"""Pages a browser saved as one file (MHTML: Chrome's "Webpage, Single File", Internet Explorer's and Word's .mht).

Before, a Chrome .mhtml was read as an e-mail: its Subject (the <title>, site name and all) was the title and its
Date header (when the page was saved) the publication date; an .mht without a sender was not recognised at all.
"""

from __future__ import annotations

import base64
import json
import plistlib
import quopri
import sqlite3
from collections.abc import Callable
from email.header import Header
from pathlib import Path

import pytest

from axis_ingest.cli import main
from axis_ingest.config import Limits, Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import RejectedInput
from axis_ingest.prepare import prepare_file
from axis_ingest.readers.html import read_html
from axis_ingest.readers.web_archive import read_web_archive
from axis_ingest.sniff import sniff

IngestTexts = Callable[[dict[str, str | bytes]], Path]  # the conftest fixture

PAGE_URL = "https://www.harbourtimes.example/news/2021/03/04/port-strike-ends"
STORY = (
    "<p>Dock workers at the city's container terminal returned to work on Thursday after union leaders accepted "
    "a three-year wage agreement that ends a strike which had idled cranes for nine days.</p>"
    "<p>The deal raises hourly pay by 4.5 per cent this year and by 3 per cent in each of the next two, according "
    "to a statement from the port authority, which said ships waiting at anchor would be cleared by the weekend.</p>"
    "<p>Shipping lines had diverted at least a dozen vessels to other ports during the dispute, and exporters of "
    "timber and machinery said the delays had cost them contracts.</p>"
)
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Port strike ends after wage deal | Harbour Times</title>
<meta property="og:title" content="Port strike ends after wage deal">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2021-03-04T08:15:00+00:00">
<meta name="author" content="Maria Jensen"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Port strike ends after wage deal</h1><p class="byline">By Maria Jensen</p>{STORY}</article>
<footer>© 2021 Harbour Times</footer></body></html>"""
PIXEL = base64.b64encode(bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")).decode()


def chrome_mhtml(html: str, *, saved: str = "Wed, 2 Dec 2026 14:03:11 -0000", url: str = PAGE_URL) -> bytes:
    """What Chrome writes for "Save page as > Webpage, Single File": quoted-printable HTML without a charset
    parameter, the page's address in Snapshot-Content-Location, the save time in Date, then the page's images."""
    boundary = "----MultipartBoundary--q7yXbK2hZ0v3mN1pL8sD4tF6gH9jW5eR----"
    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    subject = Header(title, "utf-8").encode() if not title.isascii() else title  # RFC 2047, as Chrome writes it
    return (
        (
            f"From: <Saved by Blink>\nSnapshot-Content-Location: {url}\nSubject: {subject}\n"
            f"Date: {saved}\nMIME-Version: 1.0\n"
            f'Content-Type: multipart/related;\n\ttype="text/html";\n\tboundary="{boundary}"\n\n\n'
            f"--{boundary}\nContent-Type: text/html\nContent-ID: <frame-5E0C1B2A9F@mhtml.blink>\n"
            f"Content-Transfer-Encoding: quoted-printable\nContent-Location: {url}\n\n{body}\n"
            f"--{boundary}\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n"
            f"Content-Location: https://www.harbourtimes.example/img/logo.png\n\n{PIXEL}\n"
            f"--{boundary}--\n"
        )
        .replace("\n", "\r\n")
        .encode("ascii")
    )


def ie_mht(html: str, charset: str, *, sender: bool = True) -> bytes:
    """Internet Explorer's .mht (Word's has no From line): the root part declares its charset."""
    boundary = "----=_NextPart_000_0000_01D6C8A1.5B2E3F40"
    body = quopri.encodestring(html.encode(charset)).decode("ascii")
    return (
        ("From: <Saved by Windows Internet Explorer 11>\n" if sender else "")
        + "Subject: Port strike ends\nDate: Tue, 1 Dec 2020 09:00:00 +0100\nMIME-Version: 1.0\n"
        f'Content-Type: multipart/related;\n\tboundary="{boundary}";\n\ttype="text/html"\n\n'
        f"This is a multi-part message in MIME format.\n\n--{boundary}\n"
        f'Content-Type: text/html;\n\tcharset="{charset}"\nContent-Transfer-Encoding: quoted-printable\n'
        f"Content-Location: {PAGE_URL}\n\n{body}\n--{boundary}--\n"
    ).encode("ascii")


def test_a_chrome_mhtml_is_read_as_the_page_it_holds() -> None:
    data = chrome_mhtml(PAGE)
    assert sniff(data.decode("ascii")).source_format == "web_archive"
    [doc] = read_web_archive(data)
    assert doc.source_format == "html"
    assert doc.title == "Port strike ends after wage deal"  # the page's headline, not the Subject header
    assert doc.paragraphs[0].startswith("Dock workers at the city's container terminal")
    assert doc.evidence.published[0].startswith("2021-03-04")
    assert "2026" not in " ".join(doc.evidence.published)  # the save time is not a publication date
    assert doc.metadata["saved_utc"] == "2026-12-02T14:03:11Z"
    assert doc.url == PAGE_URL  # the page declares no canonical link: the address it was saved from


def test_a_saved_page_loads_through_the_cli_with_its_page_fields(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "port-strike.mhtml").write_bytes(chrome_mhtml(PAGE))
    db = tmp_path / "out.sqlite"
    assert main(["ingest", str(raw), "--db", str(db), "--clean-dir", str(tmp_path / "clean")]) == 0
    with sqlite3.connect(db) as conn:
        title, published, url, source_format, metadata = conn.execute(
            "SELECT title, published, url, source_format, metadata FROM articles"
        ).fetchone()
        raw_format, status = conn.execute("SELECT source_format, status FROM raw_documents").fetchone()
        authors = [name for (name,) in conn.execute("SELECT name FROM authors")]
    assert (title, published[:10], url, source_format) == (
        "Port strike ends after wage deal",
        "2021-03-04",
        PAGE_URL,
        "html",
    )
    assert json.loads(metadata)["saved_utc"] == "2026-12-02T14:03:11Z"
    assert (raw_format, status) == ("web_archive", "loaded")
    assert authors == ["Maria Jensen"]  # not "Saved by Blink"


def test_a_page_without_a_date_of_its_own_is_dated_by_the_address_it_was_saved_from() -> None:
    undated = PAGE.replace('<meta property="article:published_time" content="2021-03-04T08:15:00+00:00">', "")
    [doc] = read_web_archive(chrome_mhtml(undated))
    assert any(date.startswith("2021-03-04") for date in doc.evidence.published_guess)
    assert not any(date.startswith("2026") for date in doc.evidence.published + doc.evidence.published_guess)


@pytest.mark.parametrize("sender", [True, False], ids=["internet-explorer", "word-without-sender"])
def test_an_mht_in_a_legacy_charset_is_decoded_by_its_parts_charset(sender: bool) -> None:
    page = PAGE.replace('<meta charset="utf-8">', "").replace("Port strike", "Grève portuaire")
    data = ie_mht(page, "windows-1252", sender=sender)
    assert sniff(data.decode("ascii")).source_format == "web_archive"
    [doc] = read_web_archive(data)
    assert doc.title == "Grève portuaire ends after wage deal"
    assert doc.metadata["saved_utc"] == "2020-12-01T08:00:00Z"


def test_a_saved_file_without_an_html_page_is_rejected_with_a_reason() -> None:
    data = chrome_mhtml(PAGE).replace(b"Content-Type: text/html\r\nContent-ID", b"Content-Type: text/css\r\nContent-ID")
    with pytest.raises(RejectedInput, match="without an HTML page"):
        read_web_archive(data)
    result = prepare_file("broken.mhtml", data, Settings(), MinHashParams())
    assert result.reason is not None and "MHTML" in result.reason


def test_an_html_email_with_inline_images_stays_an_email() -> None:
    """multipart/related is also how mail clients send HTML with inline images: a sent message has recipients."""
    newsletter = (
        "From: Regional Courier <news@courier.example>\nTo: reader@example.org\n"
        "Subject: Council approves the water plant\nDate: Thu, 05 Mar 2026 07:30:00 +0000\n"
        "Message-ID: <abc123@courier.example>\nMIME-Version: 1.0\n"
        'Content-Type: multipart/related; boundary="rel"; type="text/html"\n\n'
        f"--rel\nContent-Type: text/html; charset=utf-8\n\n<html><body>{STORY}</body></html>\n"
        f"--rel\nContent-Type: image/png\nContent-Transfer-Encoding: base64\nContent-ID: <logo>\n\n{PIXEL}\n--rel--\n"
    )
    assert sniff(newsletter).source_format == "email"


def test_the_address_a_browser_wrote_into_a_saved_page_is_its_url_where_it_declares_none() -> None:
    saved = f"<!DOCTYPE html>\n<!-- saved from url=(0066){PAGE_URL} -->\n" + PAGE.removeprefix("<!DOCTYPE html>")
    [doc] = read_html(saved)
    assert doc.url == PAGE_URL


def test_the_address_in_a_singlefile_pages_header_is_its_url_and_its_save_date_no_date() -> None:
    header = (
        f"<!--\n Page saved with SingleFile \n url: {PAGE_URL} \n"
        " saved date: Wed Dec 02 2026 15:03:11 GMT+0100 (Central European Standard Time)\n-->"
    )
    undated = PAGE.replace('<meta property="article:published_time" content="2021-03-04T08:15:00+00:00">', "")
    [doc] = read_html(undated.replace('<html lang="en">', f'<html lang="en">{header}'))
    assert doc.url == PAGE_URL
    assert doc.evidence.published_guess == ["2021-03-04"]  # from the address, never the save date


def test_a_declared_canonical_address_wins_and_a_local_pages_mark_is_no_address() -> None:
    canonical = "https://www.harbourtimes.example/news/port-strike-ends"
    declared = PAGE.replace("</title>", f'</title><link rel="canonical" href="{canonical}">')
    [doc] = read_html(f"<!-- saved from url=(0066){PAGE_URL} -->\n{declared}")
    assert doc.url == canonical
    [local] = read_html(f"<!-- saved from url=(0014)about:internet -->\n{PAGE}")
    assert local.url is None


def safari_webarchive(html: bytes, encoding: str = "UTF-8", url: str = PAGE_URL) -> bytes:
    """What Safari writes for "File > Save As > Web Archive": a binary property list, the page's bytes in its main
    resource with their encoding's name and the page's address, its images as subresources."""
    main = {
        "WebResourceData": html,
        "WebResourceFrameName": "",
        "WebResourceMIMEType": "text/html",
        "WebResourceTextEncodingName": encoding,
        "WebResourceURL": url,
    }
    image = {"WebResourceData": base64.b64decode(PIXEL), "WebResourceMIMEType": "image/png", "WebResourceURL": url}
    return plistlib.dumps({"WebMainResource": main, "WebSubresources": [image]}, fmt=plistlib.FMT_BINARY)


def test_a_safari_web_archive_is_read_as_the_page_it_holds() -> None:
    """It was rejected as a binary file."""
    result = prepare_file("port-strike.webarchive", safari_webarchive(PAGE.encode()), Settings(), MinHashParams())
    assert result.reason is None and result.source_format == "web_archive"
    [prepared] = result.documents
    assert prepared.doc.title == "Port strike ends after wage deal"
    assert prepared.doc.published == "2021-03-04T08:15:00+00:00"
    assert prepared.doc.url == PAGE_URL
    assert prepared.doc.paragraphs[0].startswith("Dock workers")


def test_a_safari_web_archive_is_decoded_by_the_encoding_it_names() -> None:
    page = PAGE.replace('<meta charset="utf-8">', "").replace("Port strike", "Grève portuaire")
    [doc] = read_web_archive(safari_webarchive(page.encode("latin-1"), encoding="ISO-8859-1"))
    assert doc.title == "Grève portuaire ends after wage deal"


def test_other_property_lists_and_a_broken_archive_are_rejected_with_a_reason() -> None:
    preferences = plistlib.dumps({"NSNavLastRootDirectory": "~/Documents"}, fmt=plistlib.FMT_BINARY)
    result = prepare_file("com.apple.Safari.plist", preferences, Settings(), MinHashParams())
    assert result.reason is not None and result.reason.startswith("binary file")
    broken = safari_webarchive(PAGE.encode())[:200]
    result = prepare_file("cut.webarchive", broken, Settings(), MinHashParams())
    assert result.reason is not None and "Safari web archive" in result.reason


def test_an_archives_images_count_toward_no_limit_on_text_its_page_does() -> None:
    """A Chrome .mhtml of a news page is mostly base64 images: decoded as text, one of 20 MB was over the limit."""
    images = "\r\n".join([PIXEL * 40] * 400)  # ~1.2 MB of base64 lines after the page
    data = chrome_mhtml(PAGE).replace(PIXEL.encode(), images.encode())
    settings = Settings(limits=Limits(max_text_chars=len(data) // 4))
    result = prepare_file("big.mhtml", data, settings, MinHashParams())
    assert result.reason is None and result.source_format == "web_archive"
    small = Settings(limits=Limits(max_text_chars=len(PAGE) // 2))
    result = prepare_file("big.mhtml", data, small, MinHashParams())
    assert result.reason is not None and "saved page's text" in result.reason


def _warc(responses: list[tuple[str, bytes, str, str]], gzipped: bool) -> bytes:
    """A WARC file as a crawler writes it (wget --warc-file, Browsertrix): one response record per fetch."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for uri, body, status, content_type in responses:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


COOP_STORY = (
    "<p>The fishing cooperative said on Tuesday it welcomed the agreement, which gives its boats a dedicated berth on "
    "the west side of the harbour for the next twenty years.</p><p>Members voted by a large majority to accept the "
    "compromise at a meeting on Monday night, after the board promised to pay for new pontoons.</p>"
)


OK, HTML = "200 OK", "text/html"


def _article_page(title: str, story: str) -> bytes:
    return (
        f"<html><head><title>{title} | Harbour Times</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{story}</article></body></html>"
    ).encode()


@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
def test_a_warc_files_article_pages_are_each_an_article(ingest_texts: IngestTexts, gzipped: bool) -> None:
    """A crawler's or web recorder's archive was rejected (a .warc.gz as "gzip-compressed", a .warc read as text):
    each HTML response with an article is one, with the address it was fetched from; the style sheet and the
    error page are skipped."""
    data = _warc(
        [
            (
                "https://harbour.example/news/ferry",
                _article_page("Port strike ends after wage deal", STORY),
                "200 OK",
                "text/html",
            ),
            ("https://harbour.example/style.css", b"body { margin: 0 }", "200 OK", "text/css"),
            ("https://harbour.example/gone", b"<html><body>Not found</body></html>", "404 Not Found", "text/html"),
            (
                "https://harbour.example/news/coop",
                _article_page("Cooperative welcomes deal", COOP_STORY),
                "200 OK",
                "text/html",
            ),
        ],
        gzipped,
    )
    with sqlite3.connect(ingest_texts({"crawl.warc.gz": data})) as conn:
        rows = conn.execute("SELECT title, url, source_format, metadata FROM articles ORDER BY id").fetchall()
    assert [(title, url, source) for title, url, source, _ in rows] == [
        ("Port strike ends after wage deal", "https://harbour.example/news/ferry", "html"),
        ("Cooperative welcomes deal", "https://harbour.example/news/coop", "html"),
    ]
    assert all("saved_utc" in json.loads(metadata) for *_, metadata in rows)


def test_a_pdf_the_crawl_fetched_is_an_article_with_its_address() -> None:
    """A crawl of a ministry's site fetches its reports as PDFs: they were skipped as no HTML page; each is read as
    a PDF file is, its address its URL.  A scanned PDF among them is skipped as a front page is."""
    from pdfs import image_only_pdf, report_pdf

    paragraphs = [" ".join(paragraph.split()) for paragraph in STORY.replace("</p>", "").split("<p>") if paragraph]
    report = report_pdf("Port strike: the wage deal in figures", paragraphs)
    data = _warc(
        [
            ("https://harbour.example/reports/wage-deal.pdf", report, "200 OK", "application/pdf"),
            ("https://harbour.example/reports/scan.pdf", image_only_pdf(), "200 OK", "application/pdf"),
        ],
        True,
    )
    [doc] = read_web_archive(data)
    assert (doc.source_format, doc.title) == ("pdf", "Port strike: the wage deal in figures")
    assert doc.url == "https://harbour.example/reports/wage-deal.pdf"
    assert "saved_utc" in doc.metadata
    # the limit on text holds for a fetched PDF as for a PDF file (it was read whole): over it, it is skipped
    assert read_web_archive(data, max_chars=len(STORY) * 20)[0].title == doc.title
    with pytest.raises(RejectedInput):
        read_web_archive(data, max_chars=len(STORY) // 4)


def test_a_fetched_page_is_decoded_as_browsers_read_its_declared_charset() -> None:
    """A response declared "iso-8859-1" holds windows-1252's quotes (byte 0x92), as browsers read every such page:
    decoded as ISO-8859-1 proper they were control characters.  Left alone: a page in UTF-8 under its label."""
    page = _article_page("Harbour’s strike ends", STORY).decode().encode("cp1252")
    data = _warc([("https://harbour.example/news/ferry", page, "200 OK", "text/html; charset=iso-8859-1")], False)
    [doc] = read_web_archive(data)
    assert doc.title == "Harbour’s strike ends"
    utf8 = _article_page("Grève portuaire", STORY)
    data = _warc([("https://harbour.example/news/greve", utf8, "200 OK", "text/html; charset=utf-8")], False)
    assert read_web_archive(data)[0].title == "Grève portuaire"


def test_a_warc_without_an_article_page_and_other_gzip_files_are_rejected_with_a_reason() -> None:
    """Left alone: an archive of a front page's assets holds no article; a gzipped text is still a gzip file."""
    import gzip

    assets = _warc([("https://harbour.example/style.css", b"body { margin: 0 }", "200 OK", "text/css")], True)
    result = prepare_file("assets.warc.gz", assets, Settings(), MinHashParams())
    assert result.reason is not None and "hold no article page" in result.reason
    result = prepare_file("article.txt.gz", gzip.compress(b"Harbour notes\n"), Settings(), MinHashParams())
    assert result.reason is not None and "gzip-compressed" in result.reason


def test_a_damaged_warc_is_rejected_with_a_reason_not_an_internal_error() -> None:
    """warcio raises AttributeError on a response record without its target address (a damaged file): that is
    the file's fault, said as such."""
    damaged = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n"
    result = prepare_file("crawl.warc", damaged, Settings(), MinHashParams())
    assert result.reason is not None and result.reason.startswith("a web archive (WARC) with a record that cannot")
