"""RTF documents (readers/rtf_file.py): an article saved from TextEdit, a briefing saved from Word as .rtf."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from axis_ingest.readers import read_text
from axis_ingest.sniff import sniff

IngestTexts = Callable[[dict[str, str | bytes]], Path]  # the conftest fixture

FIXTURES = Path(__file__).parent / "fixtures" / "rtf"


def test_an_article_saved_from_textedit_is_read_without_its_control_words(ingest_texts: IngestTexts) -> None:
    """TextEdit's RTF was read as page text: the title "\\f0\\fs24 \\cf0 Harbour board ...", "board\\'92s" in the
    body, and the last paragraph lost behind the closing brace."""
    db = ingest_texts({"ferry.rtf": (FIXTURES / "textedit-article.rtf").read_bytes()})
    with sqlite3.connect(db) as conn:
        source_format, title, body = conn.execute("SELECT source_format, title, body FROM articles").fetchone()
    assert (source_format, title) == ("rtf", "Harbour board approves new ferry terminal")
    assert body.split("\n\n") == [
        "The harbour board on Monday approved plans for a new ferry terminal on the east quay, ending a two-year "
        "dispute over the site with the fishing cooperative. The board’s chair called it “a good day for the town”.",
        "Construction is due to begin in the autumn and the terminal should open in 2026, the chair said after the "
        "vote.",
    ]


def test_a_briefing_saved_from_word_gives_its_front_matter_not_the_files_properties() -> None:
    """The author, organisation and date lines under the title are evidence, as in a Word document; the
    document's information group (a template's title "Template", "Office User") is the file's, not read."""
    [doc] = read_text((FIXTURES / "word-report.rtf").read_text(encoding="ascii"))
    assert doc.title == "Coastal Ferries: Capacity and Demand to 2030"
    assert (doc.evidence.bylines, doc.evidence.published) == (["Ana Lima"], ["12 March 2024"])
    assert doc.evidence.site_names == ["Harbour Policy Institute"]
    assert doc.paragraphs[0].startswith("This briefing sets out how demand for the harbour’s ferry routes")
    assert doc.paragraphs[-1] == "The full tables are in the appendix, with the café concessions listed separately."
    assert not any("Office User" in paragraph or "Template" in paragraph for paragraph in doc.paragraphs)


def test_text_that_mentions_rtf_is_not_rtf() -> None:
    """Left alone: page text about the format, and text whose first brace opens no RTF group, stay page text."""
    text = (
        "How to read old documents\n\n"
        "Files that begin with {\\rtf1 are Rich Text Format, which TextEdit and WordPad still write by default, "
        "and which most word processors open without trouble.\n\n"
        "Converting them to plain text keeps the words and drops the formatting, which is usually what you want.\n"
    )
    assert sniff(text).source_format == "scraped_text"
    assert sniff("{\\rtfmagazine} " + text).source_format == "scraped_text"


def test_a_linked_phrase_keeps_its_words_without_the_links_target() -> None:
    """striprtf prints a link's target after its words ('the report("https://harbour.example/report")', its own
    test files from Word, LibreOffice and TextEdit); the words stay alone.  Left alone: a quotation in brackets."""
    rtf = (
        "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2759\n{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}\n"
        "\\f0\\fs24 \\cf0 Harbour board approves new ferry terminal\\\n\\\n"
        'The board published {\\field{\\*\\fldinst{HYPERLINK "https://harbour.example/report"}}'
        "{\\fldrslt the full report}} on Monday, after a two-year dispute over the site with the fishing "
        'cooperative.\\\n\\\nThe chair said the answer was ("yes, at last") and that work begins in the autumn.}'
    )
    [doc] = read_text(rtf)
    assert doc.paragraphs == [
        "The board published the full report on Monday, after a two-year dispute over the site with the fishing "
        "cooperative.",
        'The chair said the answer was ("yes, at last") and that work begins in the autumn.',
    ]
