"""The records that flow through the pipeline, and the results it hands to the store.

One raw file becomes one `InputRecord` (its bytes, SHA-256, decoded text,
format and parsed JSON: each computed once, by the stage that owns it), which a
reader turns into one or more `Document`s; each becomes a `PreparedDocument`
(content hash and MinHash signature), and the file's outcome is one
`FileResult`.  `ReadContext` is everything a reader may consult beyond the file
itself.  These types sit at the bottom of the layers, so every stage and the
store can use them without importing each other.

A raw file is read into one or more `Document`s (a WordPress list holds many).
Readers fill what their format states directly (body paragraphs, title, URL)
and put the *evidence* for fields that need normalising (date strings as
printed, byline strings, site names) into `Evidence`; the normalise stage turns
evidence into the contract's typed fields.  Keeping evidence separate means each
parser (dates, bylines, publisher) is written once and shared by every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams, Signature

SOURCE_FORMATS = ("html", "scraped_text", "wordpress_json", "wire_text", "plain_text", "email")


@dataclass(frozen=True, slots=True)
class FetchedEvidence:
    """What the place a raw file was fetched from says about it: a feed item's link, title, date, author.

    Kept in the database by the harvester (`feed_items`), looked up by the file's SHA-256, and
    added to the documents' evidence by the normalise stage (`axis_ingest.fetched`).
    """

    url: str | None = None
    title: str | None = None
    published: str | None = None  # as the feed states it, ISO 8601 with its offset when it has one
    author: str | None = None


@dataclass(frozen=True, slots=True)
class RawInput:
    """One raw file as discovered: never modified, identified by the SHA-256 of its bytes."""

    path: str
    sha256: str
    size_bytes: int
    fetched: FetchedEvidence | None = None  # set for a harvested page its feed described


@dataclass(slots=True)
class InputRecord:
    """One raw file on its way through the input stages: decoded and sniffed once.

    `run` reads the bytes and hashes them (`raw.sha256`); the decode stage fills
    `text` and `encoding`, the sniff stage `source_format` and, for JSON,
    `json_value` (parsed once; the WordPress reader reads it, never the text again).
    """

    raw: RawInput | None  # None only for text read outside the pipeline (tests, tools)
    data: bytes
    text: str = ""
    encoding: str | None = None
    source_format: str | None = None
    json_value: Any = None


@dataclass(frozen=True, slots=True)
class ReadContext:
    """What a reader and the later stages may consult besides the file: one object, passed to every stage.

    `chrome_lines` are `line_fingerprint`s of lines that recur across one site's
    scraped pages (learnt from the batch plus what the database already counts).
    """

    settings: Settings
    minhash: MinHashParams
    chrome_lines: frozenset[str] = frozenset()


@dataclass(slots=True)
class Author:
    name: str
    role: str | None = None


@dataclass(slots=True)
class Evidence:
    """Field values as the source prints them, before normalisation.

    Each list is in order of trust (most trustworthy first): structured data
    (JSON-LD, WordPress fields) before text found in the page's header zone.
    """

    published: list[str] = field(default_factory=list)
    published_utc: list[str] = field(default_factory=list)  # a UTC time without offset (WordPress date_gmt)
    # A page-wide guess (htmldate's search of URL and page): it votes and fills a gap, but
    # never stands for the local day of a stated UTC time, and ranks after everything printed.
    published_guess: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    modified_utc: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)  # "By A and B | date", "(Reporting by ...)"
    author_names: list[str] = field(default_factory=list)  # already person names (JSON-LD, _embedded)
    # Full names printed as a link to their author archive page (/author/<slug> spelling the name): a fallback
    author_links: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)  # og:site_name, copyright holder, agency
    # Whom the page's printed copyright notice names ("© 2006-2008 by Martin Weber", "(c) Johannes Wolf"): on a
    # personal site that prints no byline, the person is the author (`normalise._copyright_person`)
    copyright_holders: list[str] = field(default_factory=list)
    origin_hints: list[str] = field(default_factory=list)  # "per The Wall Street Journal", "WSJ:"
    language_hints: list[str] = field(default_factory=list)  # <html lang>, og:locale
    # Every date and byline claim with the kind of evidence it came from ("jsonld", "meta", "time",
    # "header", "htmldate", ...; normalise.sources): the same text may be claimed by several kinds,
    # and each kind votes with the precision measured for it (bench/evidence.py).
    date_claims: list[tuple[str, str]] = field(default_factory=list)  # (source, text)
    author_claims: list[tuple[str, str]] = field(default_factory=list)  # (source, text)

    def claim_date(self, text: str, source: str, *, modified: bool = False) -> None:
        """A printed publication (or, with `modified`, modification) date, kept once per source."""
        text = " ".join(text.split())
        if not text:
            return
        target = self.modified if modified else self.published
        if text not in target:
            target.append(text)
        if not modified and (source, text) not in self.date_claims:
            self.date_claims.append((source, text))

    def stated_as_modified(self) -> bool:
        """The first stated publication time is also stated as the modification time, letter for letter: the
        record's save time that a template writes into both fields, or an article never changed."""
        return bool(self.published) and self.published[0] in self.modified

    def take_printed(self, other: Evidence) -> None:
        """Add what a pass over the body found (date lines, bylines, credits) with their kinds."""
        for text in other.published:
            sources = [source for source, claimed in other.date_claims if claimed == text] or ["header"]
            for source in sources:
                self.claim_date(text, source)
        for text in other.bylines:
            sources = [source for source, claimed in other.author_claims if claimed == text] or ["header"]
            for source in sources:
                self.claim_byline(text, source)
        self.origin_hints.extend(other.origin_hints)

    def claim_byline(self, text: str, source: str, *, person: bool = False) -> None:
        """A byline (or, with `person`, a structured person name), kept once per source."""
        text = " ".join(text.split())
        if not text:
            return
        target = self.author_names if person else self.bylines
        if text not in target:
            target.append(text)
        if (source, text) not in self.author_claims:
            self.author_claims.append((source, text))


@dataclass(slots=True)
class Document:
    """An article on its way through the pipeline.

    `paragraphs` is the body: one string per paragraph, heading or list item
    (list items start with "- "). `body` joins them per the contract.
    """

    source_format: str
    item: int = 0  # position inside the raw file
    raw: RawInput | None = None
    title: str | None = None
    title_derived: bool = False
    subtitle: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    published: str | None = None
    published_utc: str | None = None
    modified_utc: str | None = None
    url: str | None = None
    publisher: str | None = None
    origin: str | None = None
    dateline: str | None = None
    language: str | None = None
    authors: list[Author] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    evidence: Evidence = field(default_factory=Evidence)

    @property
    def body(self) -> str:
        return "\n\n".join(p for p in self.paragraphs if p.strip())

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


class RejectedInput(Exception):
    """Raised by a stage when a raw input cannot become any article.

    The message is shown to users as the file's `reason`: say what is wrong and
    what they can do about it.
    """


# Reason prefix of a file rejected because the program failed on it (a bug to report), never bad input.
INTERNAL_ERROR_PREFIX = "internal error: "


@dataclass(slots=True)
class PreparedDocument:
    """A normalised document with its content hash and MinHash signature: ready to store."""

    doc: Document
    content_hash: str
    signature: Signature


@dataclass(slots=True)
class FileResult:
    """What one raw file became: documents, or a rejection reason."""

    path: str
    sha256: str
    size_bytes: int
    source_format: str | None = None
    reason: str | None = None
    documents: list[PreparedDocument] = field(default_factory=list)
    chrome_fingerprints: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    internal_error: bool = False  # the reason is a bug in the program, not a fault of the file

    @property
    def rejected(self) -> bool:
        return self.reason is not None
