"""Undo the layout of text pulled out of PDFs and laid-out pages.

PDF text arrives as *lines*, not paragraphs: a paragraph is wrapped at the
column width, words are hyphenated across lines, and every page repeats its
running header, footer and page number.  This module removes the page
furniture and decides, for each line break, whether it is a wrap (join) or a
real break (new paragraph, heading, list item).  The decision uses the
document's own line-length statistics: a wrapped line is about as long as the
column, while the last line of a paragraph and a heading are short.
"""

from __future__ import annotations

import functools
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from axis_ingest.clean.phrases import names_a_printed_date
from axis_ingest.detectors import PHRASE_SPACED_LETTER, data_table, is_uncased_letter, opens_with_a_date
from axis_ingest.punctuation import SPACED_TERMINALS

# --- tunable constants --------------------------------------------------------
# A line counts as "full" (filled to the column, so the break is a wrap) when its
# length is at least FULL_RATIO of the typical wrapped-line length and at most
# OVER_RATIO of it.  Calibrated on pdftotext/pdfplumber output of news reports
# (columns of 60-110 characters, ragged right edge within ~20% of the width).
FULL_RATIO = 0.78
OVER_RATIO = 1.25
# Line breaks that are certainly wraps (next line starts lower case) give the
# column width; fewer samples than this and only the certain signals are used.
MIN_WRAP_SAMPLES = 2
# A document is "densely wrapped" (every paragraph is wrapped, so even a line ending
# in a full stop continues when it is full) when this share of its prose lines is no
# longer than the column; single-line paragraphs of 200+ characters mean it is not.
DENSE_SHARE = 0.8
# A heading is a line shorter than this share of the column without final punctuation.
HEADING_RATIO = 0.62
# Without wrap samples, a heading is a line no longer than this many characters.
HEADING_MAX_CHARS = 90
# A line repeated this often (digits ignored) in a document without page marks is a
# running header/footer; with page marks twice is enough when it sits at page edges.
REPEAT_MIN_NO_PAGES = 3
# A printed web page's edge around its page count: the lines with text on each side of it, its footer and the next
# page's header (a browser prints the count and the date in the footer, the title and the address in the header),
# whatever blank lines text copied out of a PDF viewer, without form feeds, holds there.
PRINTED_EDGE_LINES = 3
RUNNING_MAX_CHARS = 90
# In scripts without capitals a wrap has no lower-case start to show it: a line this long that does not
# end a sentence, before a line that starts with a letter, is a wrap sample (a heading is shorter).
UNCASED_WRAP_MIN_CHARS = 30
# A date line (`names_a_printed_date`: a year with a month's name or a numeric date) has at most this many words:
# "domingo, 20 de agosto de 2023" (6), "Τετάρτη 21 Μαΐου 2025" (4), with a label or a time ("Publié le lundi 19
# février 2018 à 14h05": 8).
DATE_LINE_MAX_WORDS = 8
# Hard-wrapped copy that marks each paragraph by indenting its first line (typewritten and wire copy: the
# Reuters-21578 stories of 1987 indent four spaces and wrap at ~65 characters, with nothing between paragraphs):
# a line set in by at least this many spaces more than the line before opens a paragraph ...
MIN_PARAGRAPH_INDENT = 2
# ... when the text does so at least this often (one indented line is a quotation or a stray space).
MIN_INDENTED_OPENINGS = 2
# --------------------------------------------------------------------------------

# "Page 3 of 12" in the languages of the reports and browsers met: the word for a page, and for "of".
_PAGE_WORD = r"(?:page|p\.|pg\.?|seite|s\.|página|pagina|pag\.|strona|str\.|sayfa|sivu|sida|side|стр\.?|страница)"
_OF_PAGES = r"(?:of|/|von|de|di|sur|из|z|av|af|van)"
_PAGE_NUMBER = re.compile(
    rf"""^(?:
        {_PAGE_WORD}\s*\d{{1,4}}(?:\s*{_OF_PAGES}\s*\d{{1,4}})?
      | [-–—]?\s*\d{{1,4}}\s*[-–—]?
      | \d{{1,4}}\s*(?:/|of|von|de|di|sur)\s*\d{{1,4}}
      | \[\s*\d{{1,4}}\s*\]
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A browser's print margins: the page's address alone in its part of the line, and the page count.
# The address has a path: a report's footer may print its organisation's home page ("https://www.iea.org").
_PRINTED_URL = re.compile(r"(?:^|(?<=\s\s))https?://[^\s/]+/[^\s]*[^\s/][^\s]*(?=\s\s|$)")
# Chrome "1/3", Firefox "1 of 3" ("1 von 3", "1 sur 3", "1 de 3" in its translations), Safari "Page 1 of 3":
# a page count at the end of a margin line, after its other parts.
_PRINTED_PAGE_COUNT = re.compile(rf"(?:^|\s\s)(?:{_PAGE_WORD}\s*)?\d{{1,4}}\s*{_OF_PAGES}\s*\d{{1,4}}$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•●▪◦‣∙·–—■□➢►✓]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+\S")
_NUMBERED = re.compile(r"^\s*\(?\d{1,2}[.)]\s+(?=\S)")
_TERMINAL = re.compile(f'[{SPACED_TERMINALS}…:;]["”’»)\\]]*$')
# Chinese and Japanese are written without spaces and wrapped anywhere: a wrap is a line that ends in
# a CJK character (or a comma-like mark) and a next line that starts with one; the lines are joined
# without a space.  A line ending in a full stop (。！？, or a closing bracket after one) ends a paragraph.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_END = re.compile(f"[{_CJK}、，；・「『（]$")
_CJK_STOP = re.compile("[。！？][」』）]?$")
_CJK_START = re.compile(f"^[{_CJK}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f「『（）」』]")
_HYPHEN_END = re.compile(r"([^\W\d_]+)[-\u00ad]$")
_WORD_START = re.compile(r"^([^\W\d_]+)")
_DIGITS = re.compile(r"\d+")


def _word_table(key: str) -> frozenset[str]:
    return frozenset(data_table("hardwrap.toml")[key].split())


# Tables in data/hardwrap.toml: words a sentence does not end on, and first halves of real compounds.
CONTINUATION_WORDS = _word_table("continuation_words")
COMPOUND_PREFIXES = _word_table("compound_prefixes")
SYLLABLE_TAILS = _word_table("syllable_tails")


@dataclass(frozen=True, slots=True)
class Layout:
    """Line-length statistics of one document."""

    width: float | None  # typical length of a wrapped line, None when unknown
    width_max: float | None
    dense: bool  # every paragraph is wrapped (see DENSE_SHARE)


def is_list_line(line: str) -> bool:
    """A list item ("- Item", "1. Item", "(a) Item"); not a date whose day reads as a number ("2. Juni 2021")."""
    return bool(_LIST_ITEM.match(line)) and not opens_with_a_date(line.lstrip())


def numbered_to_dash(line: str) -> str:
    """'1. Item' -> '- Item': the contract writes every list item with '- '."""
    return line if opens_with_a_date(line.lstrip()) else _NUMBERED.sub("- ", line, count=1)


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line.strip()))


def printed_page_address(text: str) -> str | None:
    """The address a browser prints at the edge of each page of a web page it prints to PDF, or None.

    Chrome, Edge and Firefox print the page's URL and a page count ("1/3", "1 of 3") in the margins of every
    page, and the date printed and the page's <title> (`pdftotext -layout` keeps each margin on one line, the
    parts padded apart).  A URL among the first or last two lines of a page, on every page and next to a page
    count on one of them, is that furniture: the text is a web page printed, with its site's menus and footer
    in it.
    """
    pages = [page for page in text.replace("\r\n", "\n").split("\f") if page.strip()]
    addresses: list[str] = []
    counted = False
    for page in pages:
        content = [line.strip() for line in page.split("\n") if line.strip()]
        edges = content[:2] + content[-2:] if len(content) > 4 else content
        found = next((m.group() for line in edges if (m := _PRINTED_URL.search(line))), None)
        if found is None:
            return None
        addresses.append(found)
        counted = counted or any(_PRINTED_PAGE_COUNT.search(line) for line in edges)
    return addresses[0] if addresses and counted and len(set(addresses)) == 1 else None


def remove_page_furniture(text: str, *, printed_page: bool = False) -> str:
    """Drop page numbers, running headers/footers and form feeds, keeping the text's lines.

    A paragraph that runs across a page break is not split by it: blank lines left
    next to removed furniture are removed too, so the wrap decision joins the halves.
    `printed_page`: the text is a web page a browser printed (`printed_page_address`), whose margins hold more
    lines around a page count (PRINTED_EDGE_LINES) and may share a line with its address (pdftotext -layout).
    """
    pages = text.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    lines: list[str] = []
    edges: set[int] = set()  # indexes of lines at the top/bottom of a page
    page_marks = len(pages) - 1
    for page in pages:
        page_lines = page.split("\n")
        content = [i for i, line in enumerate(page_lines) if line.strip()]
        if content:
            start = len(lines)
            for offset in content[:2] + content[-2:]:
                edges.add(start + offset)
        lines.extend(page_lines)
        lines.append("\f")
    lines.pop()
    # a page number, or a browser's margin: its address and page count on one line ("https://…      1/3",
    # pdftotext -layout); a table's "Northern Basin  3/12" is neither
    marks = [
        i for i, line in enumerate(lines) if is_page_number(line) or (printed_page and _printed_margin(line.strip()))
    ]
    page_marks += len(marks)
    for i in marks:
        edges.update(_around(lines, i) if printed_page else range(i - 2, i + 3))
    drop = {i for i, line in enumerate(lines) if is_page_number(line) or line == "\f"}
    drop |= _running_lines(lines, edges, page_marks)
    kept: list[str] = []
    after_removed = False
    for i, line in enumerate(lines):
        if i in drop:
            while kept and not kept[-1].strip():
                kept.pop()  # blank lines before furniture
            after_removed = True
            continue
        if after_removed and not line.strip():
            continue  # blank lines after furniture
        after_removed = False
        kept.append(line)
    return "\n".join(kept)


def _printed_margin(line: str) -> bool:
    return bool(_PRINTED_PAGE_COUNT.search(line) and _PRINTED_URL.search(line))


def _around(lines: list[str], mark: int) -> set[int]:
    """The page mark and the PRINTED_EDGE_LINES lines with text on each side of it (a printed page's "1/3", a
    blank line, then the next page's date and title lines)."""
    found = {mark}
    for step in (-1, 1):
        i, taken = mark + step, 0
        while 0 <= i < len(lines) and taken < PRINTED_EDGE_LINES:
            if lines[i].strip():
                found.add(i)
                taken += 1
            i += step
    return found


def _running_lines(lines: list[str], edges: set[int], page_marks: int) -> set[int]:
    # spacing squashed: `pdftotext -layout` pads the parts of a running header apart ("12/3/26, 6:40 PM      Title")
    keyed = [(_DIGITS.sub("#", " ".join(line.split())).lower(), i) for i, line in enumerate(lines)]
    counts = Counter(key for key, _ in keyed if key and key != "\f")
    drop: set[int] = set()
    for key, count in counts.items():
        if count < 2 or len(key) > RUNNING_MAX_CHARS or is_list_line(key):
            continue
        where = [i for k, i in keyed if k == key]
        at_edges = all(i in edges for i in where)
        if (page_marks and at_edges) or (not page_marks and count >= REPEAT_MIN_NO_PAGES and at_edges):
            drop.update(where)
    return drop


def measure(lines: list[str]) -> Layout:
    """Estimate the column width from line breaks that are certainly wraps."""
    samples: list[int] = []
    for prev, nxt in itertools.pairwise(lines):
        prev, nxt = prev.strip(), nxt.strip()
        if not prev or not nxt or is_list_line(nxt):
            continue
        latin_wrap = (nxt[0].islower() and not _TERMINAL.search(prev)) or _HYPHEN_END.search(prev)
        if latin_wrap or (_CJK_END.search(prev) and _CJK_START.match(nxt)) or _uncased_wrap(prev, nxt):
            samples.append(len(prev))
    if len(samples) < MIN_WRAP_SAMPLES:
        return Layout(None, None, dense=False)
    width = float(statistics.median(samples))
    prose = [len(line.strip()) for line in lines if len(line.strip()) >= 20]
    short_enough = sum(1 for n in prose if n <= OVER_RATIO * width)
    dense = bool(prose) and short_enough / len(prose) >= DENSE_SHARE
    return Layout(width, float(max(samples)), dense)


def _is_full(line: str, layout: Layout) -> bool:
    if layout.width is None:
        return False
    return FULL_RATIO * layout.width <= len(line) <= OVER_RATIO * max(layout.width, layout.width_max or 0)


def _uncased_wrap(prev: str, nxt: str) -> bool:
    """A long line that does not end a sentence, then a line in a spaced script without capitals (Korean,
    Arabic, Hebrew, Hindi): the break may be a wrap, as a lower-case start is in Latin script.  Only a
    line of UNCASED_WRAP_MIN_CHARS or more counts, so that short headings do not set the column width."""
    return (
        len(prev) >= UNCASED_WRAP_MIN_CHARS
        and is_uncased_letter(nxt[0])
        and not _CJK_START.match(nxt)
        and not _TERMINAL.search(prev)
    )


def is_heading_line(line: str, layout: Layout) -> bool:
    """Short, without final punctuation, not a list item: a heading or a title line."""
    line = line.strip()
    if not line or is_list_line(line) or _TERMINAL.search(line) or line.endswith(","):
        return False
    if not (line[0].isupper() or line[0].isdigit() or is_uncased_letter(line[0])):
        return False
    limit = HEADING_RATIO * layout.width if layout.width else HEADING_MAX_CHARS
    last_word = line.split()[-1].lower()
    return len(line) <= limit and last_word not in CONTINUATION_WORDS


def should_join(prev: str, nxt: str, following: str | None, layout: Layout) -> bool:
    """Is the break between `prev` and `nxt` a wrap inside one paragraph?

    `following` is the line after `nxt` (None at a block end): a short line
    followed by a capitalised line is a heading and is never joined onto.
    """
    prev, nxt = prev.strip(), nxt.strip()
    if not prev or not nxt or is_list_line(nxt):
        return False
    if _CJK_START.match(nxt) and _CJK_STOP.search(prev):
        return layout.dense and _is_full(prev, layout)  # as for a Latin line ending in a full stop
    if _CJK_END.search(prev) and _CJK_START.match(nxt):
        return _is_full(prev, layout) or prev.endswith(("、", "，", "；"))
    if _HYPHEN_END.search(prev) and nxt[0].isalpha():
        return True
    if nxt[0].islower():
        # a lower-case start continues the line, but a date line under a short one is a line of its own
        # ("Maria Ferri" / "lundi 19 février 2018", "domingo, 20 de agosto de 2023" under a report's title)
        return _is_full(prev, layout) or not names_a_printed_date(nxt, DATE_LINE_MAX_WORDS)
    if _uncased_wrap(prev, nxt):
        return _is_full(prev, layout)  # no lower-case start to tell: the line must fill the column
    heading_next = is_heading_line(nxt, layout) and (following is None or not following.strip()[:1].islower())
    if heading_next and (not _is_full(prev, layout) or _TERMINAL.search(prev)):
        return False
    if is_heading_line(prev, layout):
        return False
    if _TERMINAL.search(prev):
        return layout.dense and _is_full(prev, layout)
    if prev.endswith((",", "–", "—", "(")) or prev.split()[-1].lower() in CONTINUATION_WORDS:
        return True
    return _is_full(prev, layout)


def join_lines(prev: str, nxt: str, evidence: Callable[[], tuple[set[str], set[str]]]) -> str:
    """Join two wrapped lines, de-hyphenating a word split across them.

    Rule for "govern-\\nment" vs "well-\\nknown", in order: the document itself spells
    the compound with a hyphen -> keep it; it spells the joined word -> drop the hyphen;
    a capitalised or numeric half ("US-\\nled", "Nord-\\nSüd"), or a first half that
    forms compounds ("well-", "self-") -> keep it; otherwise it is a syllable break -> drop it.
    `evidence()` gives the document's words and compounds (`document_words`): asked only for
    a word split at a hyphen.
    """
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if (_CJK_END.search(prev) or _CJK_STOP.search(prev)) and _CJK_START.match(nxt):
        return prev + nxt
    # Most lines do not end in a hyphen; _HYPHEN_END.search would scan the whole line to find that.
    end = _HYPHEN_END.search(prev) if prev.endswith(("-", "\u00ad")) else None
    start = _WORD_START.match(nxt)
    if end is None:
        return f"{prev} {nxt}"
    if prev.endswith("\u00ad"):
        return prev[:-1] + nxt
    if start is None:
        return prev + nxt  # "1990-\n2000", "pre-\n(war)"
    head, tail = end.group(1), start.group(1)
    hyphenated = f"{head}-{tail}".lower()
    joined = f"{head}{tail}".lower()
    vocabulary, compounds = evidence()
    if hyphenated in compounds:
        keep = True
    elif joined in vocabulary:
        keep = False
    else:
        keep = (
            tail[0].isupper()
            or (head[0].isupper() and head.isupper())
            or (head.lower() in COMPOUND_PREFIXES and tail.lower() not in SYLLABLE_TAILS)
        )
    return prev + nxt if keep else prev[:-1] + nxt


def document_words(text: str) -> tuple[set[str], set[str]]:
    """The document's own words and in-line hyphenated compounds (lower case), as de-hyphenation evidence.

    Neither pattern crosses a line break, so a word split at a line end is not
    evidence for itself.
    """
    lowered = text.lower()
    words = set(re.findall(r"[^\W\d_]+", lowered))
    compounds = set(re.findall(r"[^\W\d_]+-[^\W\d_]+", lowered))
    return words, compounds


def _wraps_unspaced(prev: str, nxt: str, layout: Layout) -> bool:
    """A full line of Thai, Lao or Khmer wrapped into the next: the break falls between two words, which these
    scripts do not space ("...ต้องกา" / "รให้มี..." is one word).  A short line (a title's) ends a phrase."""
    return bool(PHRASE_SPACED_LETTER.match(prev[-1:]) and PHRASE_SPACED_LETTER.match(nxt[:1])) and _is_full(
        prev, layout
    )


def indented_openings(raw_lines: list[str], layout: Layout) -> set[int]:
    """Indexes of the lines that open a paragraph by their indent: set in by MIN_PARAGRAPH_INDENT or more from the
    line before, starting with no lower-case letter, after a line that ends a sentence or does not fill the column
    (a list item's hanging indent goes on with the item's sentence).  Empty unless the text has MIN_INDENTED_OPENINGS
    such lines: without blank lines between paragraphs, their indents are all that tells where each begins, and a
    full line ending in a full stop was joined to the next paragraph.  `raw_lines` as printed, with their indents."""
    expanded = [line.expandtabs() for line in raw_lines]
    indents = [len(line) - len(line.lstrip()) for line in expanded]
    stripped = [line.strip() for line in expanded]
    openings = {
        i
        for i in range(1, len(stripped))
        if stripped[i]
        and stripped[i - 1]
        and not stripped[i][0].islower()
        and indents[i] - indents[i - 1] >= MIN_PARAGRAPH_INDENT
        and (_TERMINAL.search(stripped[i - 1]) or not _is_full(stripped[i - 1], layout))
    }
    return openings if len(openings) >= MIN_INDENTED_OPENINGS else set()


def unwrap(text: str) -> list[str]:
    """Text with page furniture already removed -> paragraphs (one string each).

    Blank lines separate paragraphs, except where the next line goes on with the sentence a column's or page's
    end cut (`continues_across_a_break`); an indented first line opens one (`indented_openings`); inside a block
    every other line break is decided by `should_join` on the physical lines either side of it.
    """
    raw_lines = text.split("\n")
    lines = [line.strip() for line in raw_lines]
    layout = measure(lines)
    openings = indented_openings(raw_lines, layout)
    broken = False  # a blank line came after `current`: it ends there unless the next line continues its sentence
    # The document's words are de-hyphenation evidence, needed only at a word split across lines:
    # read when the first one is met (none of the 397 PDF texts of the generated corpus has one; the two
    # findall calls cost 0.7-0.9 ms of CPU per such text on the loaded machine).
    evidence = functools.cache(functools.partial(document_words, text))
    paragraphs: list[str] = []
    current: str | None = None
    last_line = ""
    for i, line in enumerate(lines):
        if not line:
            broken = current is not None
            continue
        if broken and current is not None and not continues_across_a_break(current, line, layout):
            paragraphs.append(current)
            current = None
        following = lines[i + 1] if i + 1 < len(lines) else None
        if broken and current is not None:
            current = join_lines(current, line, evidence)
        elif current is not None and i not in openings and should_join(last_line, line, following, layout):
            current = (
                current + line if _wraps_unspaced(last_line, line, layout) else join_lines(current, line, evidence)
            )
        else:
            if current is not None:
                paragraphs.append(current)
            current = line
        broken = False
        last_line = line
    if current is not None:
        paragraphs.append(current)
    return paragraphs


def continues_across_a_break(paragraph: str, line: str, layout: Layout) -> bool:
    """A paragraph cut by a column's or page's end, the blank line between two text boxes (a PDF's layout
    analysis, pdftotext): it stops mid-sentence (no sentence mark, colon or semicolon; no heading alone) and the
    next line goes on in lower case ("... 2.3 million tonnes of cargo" | "last year, a record, ...")."""
    return (
        line[:1].islower()
        and not is_list_line(line)
        and not _TERMINAL.search(paragraph)
        and not is_heading_line(paragraph, layout)
    )
