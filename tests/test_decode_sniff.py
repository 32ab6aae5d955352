"""Decoding and format detection at the edges: stray control bytes, mangled doctypes (issue 13)."""

from __future__ import annotations

import pytest

from axis_ingest.decode import decode_bytes
from axis_ingest.document import RejectedInput
from axis_ingest.sniff import sniff

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
    "doctype",
    ["<!DOCTYPE htm>", "<!DOCTYPE html5>", '<!DOCTYPE "html">', "<!DOCTYPE HTML PUBLIC>", "<!doctype xhtml>"],
)
def test_html_with_a_mangled_doctype_is_html(doctype):
    assert sniff(news_page(doctype)).source_format == "html"


@pytest.mark.parametrize(
    "xml",
    [
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>News</title><item>A</item></channel></rss>',
        "<!DOCTYPE urlset>\n<urlset><url><loc>https://example.org/a</loc></url></urlset>",
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<lolz>&lol;</lolz>',
    ],
)
def test_feeds_and_other_xml_are_still_rejected(xml):
    with pytest.raises(RejectedInput, match="XML"):
        sniff(xml)
