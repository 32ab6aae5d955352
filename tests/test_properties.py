"""Property-based tests: no input makes a stage raise anything but RejectedInput, and cleaning is idempotent.

Example counts are kept modest (CI time); hypothesis shrinks any failure to a
small reproducer, which belongs in a regular test once fixed.
"""

from __future__ import annotations

import json

import pytest
import webencodings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from axis_ingest.clean.text import normalise_paragraphs, repair_text
from axis_ingest.config import Settings
from axis_ingest.decode import decode_bytes
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import Document, RejectedInput
from axis_ingest.prepare import prepare_file
from axis_ingest.readers import read_text
from axis_ingest.sniff import sniff

EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PARAMS = MinHashParams()
SETTINGS = Settings()

# Pieces of real inputs, recombined at random: markup, JSON punctuation, wire datelines, bullets,
# entities, control and invisible characters, mixed scripts.
FRAGMENTS = [
    "<p>",
    "</p>",
    "<div class='share'>",
    "</div>",
    "<br>",
    "<h2>",
    "</h2>",
    "<li>",
    "<ul>",
    "<script>",
    "<!DOCTYPE html>",
    "<html lang='fr'>",
    "<title>",
    "</title>",
    "<article>",
    "&amp;",
    "&#8217;",
    "&nbsp;",
    "&lt;b&gt;",
    "&amp;amp;",
    "{",
    "}",
    "[",
    "]",
    '"content":',
    '"rendered":',
    '"title":',
    "null",
    ",",
    "LONDON, May 4 (Reuters) - ",
    "(AP) —",
    "-- AFP",
    "By Jane Doe",
    "12 May 2025 09:40",
    "Share on X",
    "\n",
    "\n\n",
    "\f",
    "\t",
    "  ",
    "- ",
    "• ",
    "1. ",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "é",
    "ß",
    "Ж",
    "市",
    "ي",
    "😀",
    "Ã©",
    "â€™",
    "word",
    "The council met on Tuesday and approved the plan.",
    "hyphen-\nated",
]
composed_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=2000), composed_text)

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
post_like = st.fixed_dictionaries(
    {"content": st.one_of(json_values, st.fixed_dictionaries({"rendered": st.one_of(st.none(), composed_text)}))},
    optional={
        "title": st.one_of(json_values, st.fixed_dictionaries({"rendered": st.one_of(st.none(), composed_text)})),
        "link": json_values,
        "slug": json_values,
        "date": st.one_of(st.none(), st.text(max_size=25)),
        "date_gmt": st.one_of(st.none(), st.text(max_size=25)),
        "id": json_values,
        "_embedded": json_values,
        "excerpt": json_values,
    },
)
wordpress_text = st.one_of(post_like, st.lists(post_like, max_size=3), json_values).map(json.dumps)

FORMATS = ["html", "scraped_text", "wordpress_json", "wire_text", "plain_text"]


def _check_documents(docs: object) -> None:
    assert isinstance(docs, list)
    for doc in docs:
        assert isinstance(doc, Document)
        assert all(isinstance(p, str) for p in doc.paragraphs)


@EXAMPLES
@given(st.binary(max_size=3000))
def test_prepare_file_never_raises_on_bytes(data: bytes) -> None:
    result = prepare_file("x.txt", data, SETTINGS, PARAMS)
    assert result.rejected != bool(result.documents)
    assert result.reason is None or (result.reason and "internal error" not in result.reason), result.reason


@EXAMPLES
@given(st.one_of(any_text, wordpress_text))
def test_prepare_file_never_raises_on_text(text: str) -> None:
    result = prepare_file("x.txt", text.encode("utf-8", "surrogatepass"), SETTINGS, PARAMS)
    assert result.rejected != bool(result.documents)
    assert result.reason is None or "internal error" not in result.reason, result.reason
    for prepared in result.documents:
        body = prepared.doc.body
        assert body.strip() and "\n\n\n" not in body
        assert "\x00" not in body


@EXAMPLES
@given(st.binary(max_size=2000))
def test_decode_returns_text_or_rejects(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except RejectedInput as exc:
        assert str(exc)
        return
    assert text.strip() and encoding and "\x00" not in text and "\r" not in text


@EXAMPLES
@given(st.sampled_from(sorted(webencodings.LABELS)), st.binary(min_size=1, max_size=600), st.booleans())
def test_decode_of_a_page_declaring_any_label_returns_text_or_rejects(label: str, body: bytes, xml: bool) -> None:
    """Every label of the Encoding Standard, in a <meta> or an XML declaration, over bytes that are not UTF-8."""
    declaration = f'<?xml version="1.0" encoding="{label}"?>' if xml else ""
    page = f'{declaration}<html><head><meta charset="{label}"></head><body><p>'.encode() + b"\xe9" + body
    try:
        text, encoding = decode_bytes(page + b"</p></body></html>")
    except RejectedInput as exc:
        assert str(exc)
        return
    assert text.strip() and encoding and "\x00" not in text


@EXAMPLES
@given(st.one_of(any_text, wordpress_text))
def test_sniff_returns_a_format_or_rejects(text: str) -> None:
    try:
        assert sniff(text).source_format in FORMATS
    except RejectedInput as exc:
        assert str(exc)


@pytest.mark.parametrize("source_format", FORMATS)
@FEW
@given(text=st.one_of(any_text, wordpress_text))
def test_reader_returns_documents_or_rejects(source_format: str, text: str) -> None:
    try:
        docs = read_text(text, source_format=source_format)
    except RejectedInput as exc:
        assert str(exc)
        return
    _check_documents(docs)


@FEW
@given(st.one_of(post_like, st.lists(post_like, max_size=3)).map(json.dumps))
def test_wordpress_reader_on_post_shaped_json(text: str) -> None:
    try:
        docs = read_text(text, source_format="wordpress_json")
    except RejectedInput as exc:
        assert str(exc)
        return
    _check_documents(docs)


# -- idempotence -----------------------------------------------------------------------------------

# Entities and C1 controls are included: repair_text runs to a fixed point (see the two regression tests below).
paragraph_lists = st.lists(st.one_of(composed_text, st.text(max_size=200)), max_size=8)


@EXAMPLES
@given(paragraph_lists)
def test_normalise_paragraphs_is_idempotent(paragraphs: list[str]) -> None:
    once = normalise_paragraphs(paragraphs)
    assert normalise_paragraphs(once) == once


@EXAMPLES
@given(paragraph_lists.map("\n".join))
def test_repair_text_is_idempotent(text: str) -> None:
    once = repair_text(text)
    assert repair_text(once) == once


def test_double_escaped_entity_is_stable() -> None:
    """WordPress often double-escapes (`&amp;#8217;`, `&amp;lt;`): cleaning twice must give what cleaning once gave."""
    once = normalise_paragraphs(["Use &amp;lt;p&amp;gt; for paragraphs, it&amp;#8217;s simple."])
    assert normalise_paragraphs(once) == once


def test_c1_control_after_accented_letter_is_stable() -> None:
    once = normalise_paragraphs(["\xa0Î\x80"])  # found by hypothesis
    assert normalise_paragraphs(once) == once


def test_mojibake_revealed_by_reshaping_a_repaired_paragraph_is_stable() -> None:
    """Found by hypothesis: "Â\x87ß &nbsp;" repaired to "Â‡ß" plus a no-break space, which reshaping dropped, and
    ftfy then read "Â‡" as mojibake: a second cleaning changed the text."""
    once = normalise_paragraphs(["Â\x87ß\n&nbsp;"])
    assert normalise_paragraphs(once) == once


hardwrap_text = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "The monitoring network sampled forty-two stations along the upper river between",
                "January and December, and the share of samples meeting the standard rose.",
                "agricultural run-",
                "off after heavy rain",
                "3",
                "Annual report 2024",
                "- first item",
                "1. numbered item",
                "",
                "",
            ]
        ),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=90),
    ),
    max_size=30,
).map("\n".join)


@EXAMPLES
@given(hardwrap_text)
def test_unwrap_is_idempotent(text: str) -> None:
    from axis_ingest.clean.hardwrap import unwrap

    once = unwrap(text)
    assert unwrap("\n\n".join(once)) == once


@EXAMPLES
@given(composed_text)
def test_strip_shortcodes_is_idempotent(text: str) -> None:
    from axis_ingest.clean.wp_html import strip_shortcodes

    once = strip_shortcodes(text)
    assert strip_shortcodes(once) == once


@FEW
@given(composed_text)
def test_wordpress_html_cleaner_does_not_raise(text: str) -> None:
    from axis_ingest.clean.wp_html import html_to_paragraphs

    assert all(isinstance(p, str) for p in html_to_paragraphs(text))
