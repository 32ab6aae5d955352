"""Reader for text pulled out of PDFs and laid-out pages (source_format "plain_text").

Such text states no metadata we can trust: dates and names in it may belong to
quoted material (an embedded tweet's date is not the article's).  So this reader
only rebuilds the body - page furniture out, hard wraps re-joined, list items
and headings as their own paragraphs - and takes a title and a standfirst from
the layout of the first lines.  It puts nothing into evidence, except from a
report's front matter under its title, and from a web page a browser printed to
PDF (its address in the margins of every page), which is read as the page's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from axis_ingest.clean.columns import reading_order
from axis_ingest.clean.hardwrap import (
    document_words,
    is_heading_line,
    is_list_line,
    join_lines,
    measure,
    numbered_to_dash,
    printed_page_address,
    remove_page_furniture,
    unwrap,
)
from axis_ingest.clean.phrases import names_a_printed_date
from axis_ingest.clean.text import normalise_paragraphs, repair_text
from axis_ingest.detectors import is_phrase_spaced_prose, is_uncased_letter
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.names.bylines import names_an_organisation, names_nobody, opens_with_given_name, parse_byline
from axis_ingest.punctuation import SENTENCE_TERMINALS
from axis_ingest.readers.scraped import read_scraped

# A standfirst is one or two sentences; longer opening paragraphs are the lead.
DEK_MAX_CHARS = 350
DEK_MAX_SENTENCES = 2
# A title is at most this long, and a multi-line title at most this many lines.
TITLE_MAX_CHARS = 200
TITLE_MAX_LINES = 3

# Section names that open a document's body; a first line that is one of these is a heading, not a title.
SECTION_NAMES = frozenset(
    {
        "abstract",
        "summary",
        "introduction",
        "overview",
        "contents",
        "background",
        "foreword",
        "preface",
        "at a glance",
        "key points",
        "key findings",
        "table of contents",
        "executive summary",
        "in brief",
        "highlights",
        "zusammenfassung",
        "einleitung",
        "inhalt",
        "résumé",
        "sommaire",
        "introducción",
        "resumen",
    }
)

# Front matter under a report's title: at most this many lines of at most this many words
# (authors, organisation, place, date); a date line has at most FRONT_DATE_MAX_WORDS words.
FRONT_MAX_LINES = 4
FRONT_MAX_WORDS = 12
FRONT_DATE_MAX_WORDS = 6
_NAME_JOINERS = frozenset(
    {"and", "und", "et", "y", "e", "by", "von", "van", "de", "der", "den", "da", "di", "du", "le", "la"}
)

# A masthead (the issuing organisation's name above the title) is a few words long.
MASTHEAD_MAX_WORDS = 6
# A closing copyright line: "© 2026 Vistula Policy Lab, Kraków. This brief may be reproduced ..."
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:[-–]\d{4})?)?\s*(?P<holder>[^.,;]{2,80})?", re.I)

# The attribution line of an embedded post: "— Edward Wong (@ewong) July 6, 2025".
_ATTRIBUTION = re.compile(r"^[—–-]{1,2}\s*[^()\n]{1,80}\(@\w{1,15}\)(?:\s+.{0,40})?$")
# Where one sentence ends and the next begins inside a paragraph: a full stop, "!", "?" or "…", closing quotes,
# a space, then a capital or a digit: counts the sentences of a report's opening paragraph (a standfirst
# has at most DEK_MAX_SENTENCES).  Not an end of line, so not detectors.LINE_ENDS_SENTENCE.
# Line ends (sentence marks of any script, `punctuation`): a sentence (a standfirst), a sentence or clause (no
# front matter, no title), and what no title line ends in (one that is not the last may end in ':').
_ENDS_SENTENCE = re.compile(f'[{SENTENCE_TERMINALS}…]["”’)]*$')
_ENDS_SENTENCE_OR_CLAUSE = re.compile(f"[{SENTENCE_TERMINALS};:]$")
_ENDS_TITLE_LINE = re.compile(f'[{SENTENCE_TERMINALS}…:;,]["”’)]*$')
_ENDS_INNER_TITLE_LINE = re.compile(f'[{SENTENCE_TERMINALS}…;,]["”’)]*$')
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry (see `axis_ingest.readers`)."""
    return read_plain_text(record.text, record.raw)


def read_plain_text(
    text: str, raw: RawInput | None = None, *, title: str | None = None, masthead: Sequence[str] = ()
) -> list[Document]:
    """Rebuild one article from page-layout text.  `title`: the title when the layout shows it (a PDF's largest
    type, left out of `text`); else the title is read from the first lines.  `masthead`: the short lines the
    layout shows over that title (left out of `text`): a date among them is the report's when its front matter
    has none, an organisation's name names the publisher, the rest (labels, a journal's header) is dropped."""
    text = reading_order(repair_text(text))
    if address := printed_page_address(text):
        return _read_printed_web_page(remove_page_furniture(text, printed_page=True), address, raw)
    text = remove_page_furniture(text)
    typeset = title is not None
    if not typeset:
        title, text = _take_title_block(text)
    paragraphs = _attach_attributions(unwrap(text))
    paragraphs = [numbered_to_dash(p) for p in paragraphs]
    site_names = _take_masthead(paragraphs)
    if title is None:
        title = take_title_lines(paragraphs)
    under_title = paragraphs[:]  # the front matter is taken from a copy: a masthead's reading may win instead
    front = take_front_matter(under_title) if title else None
    if (
        not typeset
        and title is not None
        and (not front or front.others)
        and (under := _title_under_masthead(title, paragraphs))
    ):
        site_names.append(title)
        title, front = under
    elif front:
        paragraphs = under_title
    subtitle = None
    if len(paragraphs) >= 3 and _is_dek(paragraphs[0], paragraphs[1], text):
        subtitle = paragraphs.pop(0)
    paragraphs = normalise_paragraphs(paragraphs)
    if not paragraphs:
        raise RejectedInput(
            "plain text holds no article text after removing page headers, footers and page numbers; "
            "check that the PDF was converted to text (not scanned images)"
        )
    doc = Document(source_format="plain_text", raw=raw, paragraphs=paragraphs)
    doc.evidence.site_names.extend(site_names)
    if front:
        doc.evidence.bylines.extend(front.bylines)
        doc.evidence.published.extend(front.dates)
        doc.evidence.site_names.extend(front.others)
    doc.evidence.published.extend(line for line in masthead if _is_front_date(line))
    doc.evidence.site_names.extend(line for line in masthead if names_an_organisation(line))
    doc.title = normalise_paragraphs([title])[0] if title else None
    doc.subtitle = normalise_paragraphs([subtitle])[0] if subtitle else None
    return [doc]


def _read_printed_web_page(text: str, address: str, raw: RawInput | None) -> list[Document]:
    """A web page a browser printed to PDF: its lines re-joined, then read as the page's text is (the site's menu,
    related links and footer are in it, its headline under the menu, its byline and date under the headline),
    with the address the browser printed in the margins as its URL.  The date the browser printed there is when
    the page was printed, and goes with the margins."""
    documents = read_scraped("\n\n".join(unwrap(text)), raw)
    for doc in documents:
        doc.source_format = "plain_text"
        doc.url = doc.url or address
    return documents


@dataclass
class FrontMatter:
    """The lines a report sets under its title: authors, organisation, date."""

    bylines: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)


def _is_front_date(line: str) -> bool:
    """A line that is a date and little else ("12 March 2026", "March 2026", "2026-03-12", "Date: 12.03.2026")."""
    return names_a_printed_date(line, FRONT_DATE_MAX_WORDS)


def take_front_matter(paragraphs: list[str]) -> FrontMatter | None:
    """Author, organisation and date lines directly under a report's title, out of the body.

    Only a run of short unpunctuated lines (not section names, not list items; a date line may end in a dot,
    "26 октября 2018 г.", "2. veljače 2023.") that holds a date line or a line of person names counts; the
    document's dates and names elsewhere stay untrusted text (see the module docstring).  The first line of
    person names is the byline, date lines are the publication date, the other lines (the issuing
    organisation) name the publisher.  Authors printed a line each ("Yusuke Shinyama" / "Satoshi Sekine") are
    one byline; a line is an author's only when every name in it opens with a given name (`opens_with_given_name`):
    a one-word label under the title ("Confidential", an invoice's "Sprzedawca") is nobody's."""
    count = 0
    while (
        count < min(FRONT_MAX_LINES, len(paragraphs) - 1)
        and len(paragraphs[count].split()) <= FRONT_MAX_WORDS
        and (not _ENDS_SENTENCE_OR_CLAUSE.search(paragraphs[count]) or _is_front_date(paragraphs[count]))
        and not is_list_line(paragraphs[count])
        and not is_phrase_spaced_prose(paragraphs[count])  # a Thai paragraph has few spaces and no full stop
        and paragraphs[count].lower() not in SECTION_NAMES
    ):
        count += 1
    front = FrontMatter()
    names: list[str] = []  # the authors' lines, one after another
    names_ended = False  # by a line of something else after them
    for line in paragraphs[:count]:
        if _is_front_date(line):
            front.dates.append(line)
        elif not names_ended and _names_authors(line):
            names.append(line)
            continue
        else:
            front.others.append(line)
        names_ended = bool(names)
    if names:
        front.bylines.append(" and ".join(names))
    if not (front.dates or front.bylines):
        return None
    del paragraphs[:count]
    return front


def _names_authors(line: str) -> bool:
    """A front-matter line of person names: capitalised words the byline parser reads as people, each opening
    with a given name."""
    if names_nobody(line) or not _names_only(line):
        return False
    authors = parse_byline(line)
    return bool(authors) and all(opens_with_given_name(author.name) for author in authors)


def _names_only(line: str) -> bool:
    """Every word capitalised (or a joining word): "Anna Kowalska and Piotr Nowak", "By Jan de Vries"."""
    words = [w for w in re.split(r"[\s,&]+", line) if w]
    return all(w[0].isupper() or w.lower() in _NAME_JOINERS for w in words)


def _take_title_block(text: str) -> tuple[str | None, str]:
    """A title printed over several lines, set off from the text by a blank line, joined into one."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return None, text
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    block = [line.strip() for line in lines[start:end]]
    rest = "\n".join(lines[end:])
    if not 2 <= len(block) <= TITLE_MAX_LINES or not rest.strip():
        return None, text
    layout = measure(lines)
    # a word split at a hyphen across the title's lines is joined as in the text ("rock-" / "solid")
    joined = block[0]
    for line in block[1:]:
        joined = join_lines(joined, line, lambda: document_words(text))
    if len(joined) > TITLE_MAX_CHARS or any(is_list_line(line) for line in block):
        return None, text
    # a line of the title may end in ':' ("... Basin:" / "Trends, Causes and ..."), break after a comma ("... der
    # Hafenfähre: Kosten," / "Nutzen und ...") or after "for"
    first = block[0].rstrip(":,").rstrip()
    if not is_heading_line(first, layout) and not (len(block) > 1 and _is_title_line(first, last=True)):
        return None, text
    if _ENDS_SENTENCE_OR_CLAUSE.search(block[-1]):
        return None, text
    if joined.lower() in SECTION_NAMES:
        return None, text
    return joined, rest


def _is_title_line(line: str, last: bool) -> bool:
    """A short unpunctuated line that is not a section name; a title line that is not the last may end in ':'."""
    if not line or line.lower() in SECTION_NAMES or len(line) > TITLE_MAX_CHARS or is_list_line(line):
        return False
    end = _ENDS_TITLE_LINE if last else _ENDS_INNER_TITLE_LINE
    return not end.search(line) and (line[0].isupper() or line[0].isdigit() or is_uncased_letter(line[0]))


# A title line that ends so goes on in the next ("Line M1:" / "Getting ...", "... Hafenfähre: Kosten," / "Nutzen ...").
_TITLE_GOES_ON = (":", ",")


def take_title_lines(paragraphs: list[str]) -> str | None:
    """The title at the top; a title line ending in ':' or ',' continues on the next line ("Line M1:" / "Getting ...").

    A one-line title may ask or exclaim ("What's new in 2.26?") when the report's front matter (author, date)
    follows it: without that, such a line is the text's first sentence."""
    # (asked on a copy of the lines: `take_front_matter` takes what it finds out of the list it is given)
    if len(paragraphs) >= 2 and _is_question_title(paragraphs[0]) and take_front_matter(paragraphs[1:]):
        return paragraphs.pop(0)
    if len(paragraphs) < 2 or not _is_title_line(paragraphs[0].rstrip(","), last=not paragraphs[0].endswith(":")):
        return None
    count = 1
    while (
        count < min(TITLE_MAX_LINES, len(paragraphs) - 1)
        and paragraphs[count - 1].endswith(_TITLE_GOES_ON)
        and _is_title_line(paragraphs[count], last=True)
    ):
        count += 1
    if paragraphs[count - 1].endswith(_TITLE_GOES_ON) or _is_heading_run(paragraphs[:count]):
        return None
    title = " ".join(paragraphs[:count])
    del paragraphs[:count]
    return title


# Paragraph styles of a word processor's document (Word's built-in names, which python-docx reports in English
# whatever the user's language; OpenDocument's, which LibreOffice names alike): the title, a headline when there
# is no title, a subtitle, and the headings ("Heading 2").
TITLE_STYLES = frozenset({"Title"})
HEADLINE_STYLES = frozenset({"Heading 1"})
SUBTITLE_STYLES = frozenset({"Subtitle"})
HEADING_STYLE_PREFIX = "Heading "


def document_of_styled_blocks(
    blocks: list[tuple[str, str]], source_format: str, raw: RawInput | None, empty: str
) -> Document:
    """A word processor's document from its (style, text) blocks in order ("item" for a list item's, "row" for a
    table row's): a paragraph styled Title is the title, else a first Heading 1; a Subtitle among the first three
    blocks the subtitle; then `document_of_paragraphs`, its front matter ending at the first heading."""
    title = next((text for style, text in blocks if style in TITLE_STYLES), None)
    if title is None and blocks and blocks[0][0] in HEADLINE_STYLES:
        title = blocks[0][1]
    subtitle = next((text for style, text in blocks[:3] if style in SUBTITLE_STYLES), None)
    paragraphs = [text for style, text in blocks if text not in (title, subtitle) or style == "item"]
    headings = frozenset(text for style, text in blocks if style.startswith(HEADING_STYLE_PREFIX))
    return document_of_paragraphs(paragraphs, source_format, raw, empty, title, subtitle, headings)


def document_of_paragraphs(
    paragraphs: list[str],
    source_format: str,
    raw: RawInput | None,
    empty: str,
    title: str | None = None,
    subtitle: str | None = None,
    headings: frozenset[str] = frozenset(),
) -> Document:
    """A document whose paragraphs its format marks (a Word document's, an RTF file's): the title its styles
    give, else its title lines (`take_title_lines`); the author, organisation and date lines under the title
    as evidence (`take_front_matter`), up to the first of the `headings` its styles mark ("Summary" under the
    date line is no organisation's name).  RejectedInput with the reason `empty` when no text is left."""
    paragraphs = list(paragraphs)
    if title is None:
        title = take_title_lines(paragraphs)
    front = None
    if title:
        first_heading = next((i for i, text in enumerate(paragraphs) if text in headings), len(paragraphs))
        head = paragraphs[: first_heading + 1]  # the heading itself is never taken: the text's first line
        lines = len(head)
        front = take_front_matter(head)
        del paragraphs[: lines - len(head)]
    paragraphs = normalise_paragraphs(paragraphs)
    if not paragraphs:
        raise RejectedInput(empty)
    doc = Document(source_format=source_format, raw=raw, paragraphs=paragraphs)
    doc.title = normalise_paragraphs([title])[0] if title else None
    doc.subtitle = normalise_paragraphs([subtitle])[0] if subtitle else None
    if front:
        doc.evidence.bylines.extend(front.bylines)
        doc.evidence.published.extend(front.dates)
        doc.evidence.site_names.extend(front.others)
    return doc


def _is_question_title(line: str) -> bool:
    """A short line ending in a question or exclamation mark that is otherwise a title line."""
    return line.endswith(("?", "!", "？", "！")) and _is_title_line(line.rstrip("?!？！ "), last=True)


def _is_heading_run(lines: list[str]) -> bool:
    """Lines that each look like a section name are a run of headings, not a title."""
    return any(line.lower() in SECTION_NAMES for line in lines)


def _take_masthead(paragraphs: list[str]) -> list[str]:
    """Drop the issuing organisation's name from the top and its copyright line from the end.

    A short first line whose text recurs in a closing copyright line ("© 2026 Vistula Policy Lab")
    is the masthead, not the title; both are page furniture and name the publisher.
    """
    names: list[str] = []
    if paragraphs and _COPYRIGHT.match(paragraphs[-1]):
        footer = paragraphs.pop()
        holder = _COPYRIGHT.match(footer)
        if holder and holder.group("holder"):
            names.append(holder.group("holder").strip(" .,"))
        if paragraphs and len(paragraphs[0].split()) <= MASTHEAD_MAX_WORDS and paragraphs[0].lower() in footer.lower():
            names.insert(0, paragraphs.pop(0))
    return list(dict.fromkeys(names))


def _title_under_masthead(first: str, paragraphs: list[str]) -> tuple[str, FrontMatter] | None:
    """(title, front matter) when `first` is the issuing organisation's name over the title: a short line that
    names an organisation, then the title, then the report's author and date lines, which sit under the title
    ("Harbour Institute for Transport Policy" / "Evening ferry crossings: costs and benefits" / "Sarah Mitchell"
    / "March 2026").  Takes both out of `paragraphs`; None leaves them."""
    if len(first.split()) > MASTHEAD_MAX_WORDS or not names_an_organisation(first):
        return None
    if not paragraphs or names_an_organisation(paragraphs[0]):
        return None  # "Annual Report 2025" over "Harbour Institute for Transport Policy": the title over its issuer
    rest = paragraphs[:]
    title = take_title_lines(rest)
    front = take_front_matter(rest) if title else None
    if title is None or front is None:
        return None
    paragraphs[:] = rest
    return title, front


def _is_dek(first: str, second: str, text: str) -> bool:
    """A short summary sentence standing before the first heading is a standfirst."""
    if is_list_line(first) or len(first) > DEK_MAX_CHARS or not _ENDS_SENTENCE.search(first):
        return False
    if len(_SENTENCE_BREAK.findall(first)) + 1 > DEK_MAX_SENTENCES:
        return False
    return is_heading_line(second, measure(text.split("\n")))


def _attach_attributions(paragraphs: list[str]) -> list[str]:
    """Keep an embedded post's attribution line with the post's text, as text, not as a list item."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out and _ATTRIBUTION.match(paragraph):
            out[-1] = f"{out[-1]} {paragraph}"
        else:
            out.append(paragraph)
    return out
