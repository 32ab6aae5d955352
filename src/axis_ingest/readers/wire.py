"""Reader for wire-service copy (source_format "wire_text").

Wire copy wraps the story in agency furniture: a date line, a dateline
("DUBAI, March 3 (Reuters) -"), a sign-off ("--IANS"), editors' slugs
("scor/as") and credit lines ("(Reporting by ...)").  None of it is story
text; all of it is metadata.  This reader moves each piece into its field or
evidence list and leaves the story.  Patterns live in ``data/wire.toml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from axis_ingest.clean.hardwrap import numbered_to_dash, unwrap
from axis_ingest.clean.text import normalise_paragraphs, repair_text, split_paragraphs
from axis_ingest.clean.wire_patterns import HEADER_ZONE_PARAGRAPHS, MAX_HEADLINE_CHARS, display_place, strip_trailers
from axis_ingest.detectors import Dateline, data_table, match_capitals_dateline, match_date_line, match_dateline
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.punctuation import SENTENCE_TERMINALS

_TERMINAL = re.compile(f'[{SENTENCE_TERMINALS}…:;]["”’)]*$')


@lru_cache(maxsize=1)
def _byline() -> re.Pattern[str]:
    """A byline paragraph: the "by" words of the HTML reader's byline lines (data/html_body.toml `byline`), Dutch
    "Door" and the Nordic "Av"/"Af" among them ("Door Sanne de Vries" over "DEN HAAG (ANP) -" named nobody), or
    any word that introduces names (byline_roles.toml `prefixes`) before a colon ("Autor: Anna Nowak", "Yazar:",
    "Автор:")."""
    prefixes = "|".join(sorted(map(re.escape, data_table("byline_roles.toml")["prefixes"]), key=len, reverse=True))
    return re.compile(rf"^(?:(?:by|von|par|por|di|door|av|af)\s+|(?:{prefixes})\s*:\s*)\S.{{1,120}}$", re.IGNORECASE)


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry (see `axis_ingest.readers`)."""
    return read_wire(record.text, record.raw)


def read_wire(text: str, raw: RawInput | None = None) -> list[Document]:
    """One wire story: furniture into fields and evidence, the story into paragraphs."""
    doc = Document(source_format="wire_text", raw=raw)
    paragraphs = _paragraphs(repair_text(text))
    paragraphs = _take_date_prefix(paragraphs, doc)
    paragraphs, trailer = strip_trailers(paragraphs)
    paragraphs = _take_header(paragraphs, doc)

    agencies = [a for a in doc.evidence.site_names] + trailer.agencies
    doc.evidence.site_names = list(dict.fromkeys(agencies))
    if doc.evidence.site_names:
        doc.metadata["agency"] = doc.evidence.site_names[0]
    doc.evidence.bylines.extend(trailer.credits)
    if trailer.slugs:
        doc.metadata["editor_slugs"] = trailer.slugs

    doc.paragraphs = normalise_paragraphs([numbered_to_dash(p) for p in paragraphs])
    if not doc.paragraphs:
        raise RejectedInput(
            "wire copy holds no story text once the date line, dateline, sign-off and slugs are removed"
        )
    return [doc]


def _paragraphs(text: str) -> list[str]:
    """Blank-line paragraphs; a block of several lines is unwrapped line by line (see clean.hardwrap)."""
    out: list[str] = []
    for block in split_paragraphs(text):
        out.extend(unwrap(block) if "\n" in block else [block])
    return out


def _take_date_prefix(paragraphs: list[str], doc: Document) -> list[str]:
    """A date printed before the dateline on the same line (IANS: ' date 2026-03-04 Brussels, ...')."""
    if not paragraphs:
        return paragraphs
    hit = match_date_line(paragraphs[0], inline=True)
    if hit is None:
        return paragraphs
    field_name, date, rest = hit
    getattr(doc.evidence, field_name).append(date)
    return ([rest.strip()] if rest.strip() else []) + paragraphs[1:]


def _dateline_of_any_source(paragraph: str) -> Dateline | None:
    """A dateline whose source is no known agency, with its place printed before the bracket and a date or a dash
    after it ("Genf (SDA) -"): a bracket that opens the paragraph ("(서울=국회) ...", parliament, not an agency;
    "(Analyse) -") is none, nor a headline's ticker ("DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES")."""
    if paragraph.lstrip().startswith(("(", "[")):
        return None
    found = match_dateline(paragraph, any_source=True)
    return found if found is not None and found.place and (found.date or found.dashed) else None


def _take_header(paragraphs: list[str], doc: Document) -> list[str]:
    """Date lines, bylines, a headline and the dateline from the top of the copy.

    Paragraphs above a dateline in the header zone are header; with no dateline,
    only date lines and bylines at the very top are.  A single short unpunctuated
    header paragraph is the headline; other header text stays in the body.
    """
    zone = paragraphs[:HEADER_ZONE_PARAGRAPHS]
    dateline_at = next((i for i, p in enumerate(zone) if match_dateline(p)), None)
    # The copy was sniffed as wire by a dateline of any short source ("Genf (SDA) -", "AUSTIN (KXAN) —"): with no
    # known agency's, that dateline is the one, or the headline above it stayed in the text.
    any_source = dateline_at is None
    named_by_sign_off = False  # a dateline that names no source ("CLEVELAND, Feb 26 - "): the sign-off does
    for i, paragraph in enumerate(zone if any_source else ()):
        if _dateline_of_any_source(paragraph):
            dateline_at = i
        elif match_capitals_dateline(paragraph):
            dateline_at, named_by_sign_off = i, True
        else:
            continue
        break
    if dateline_at is None:
        end = 0
        while end < len(zone) and (match_date_line(zone[end]) or _byline().match(zone[end])):
            end += 1
    else:
        end = dateline_at
    header, rest = paragraphs[:end], paragraphs[end:]
    others: list[str] = []
    for paragraph in header:
        date_hit = match_date_line(paragraph)
        if date_hit:
            getattr(doc.evidence, date_hit[0]).append(date_hit[1])
        elif _byline().match(paragraph):
            doc.evidence.bylines.append(paragraph.strip())
        else:
            others.append(paragraph)
    if len(others) == 1 and len(others[0]) <= MAX_HEADLINE_CHARS and not _TERMINAL.search(others[0]):
        doc.title = others.pop().strip()
    if dateline_at is None:
        return others + rest
    dateline = match_capitals_dateline(rest[0]) if named_by_sign_off else match_dateline(rest[0], any_source=any_source)
    assert dateline is not None
    if dateline.place:
        doc.dateline = display_place(dateline.place)
    if dateline.date:
        doc.evidence.published.append(dateline.date)
    if dateline.agency:
        doc.evidence.site_names.insert(0, dateline.agency)
    if dateline.byline:
        doc.evidence.bylines.append(dateline.byline)
    lead = [dateline.rest] if dateline.rest else []
    return others + lead + rest[1:]
