"""Readers: one input record (decoded and sniffed once) -> the documents it holds.

Readers are registered in `READERS`, a table keyed by the sniffed format.  Each
reader module has ``read(record: InputRecord, context: ReadContext) -> list[Document]``
(and its text function, such as ``read_html(text, raw)``, for callers outside the
pipeline) and raises `RejectedInput` (with a reason a person can act on) when
the input is of its format but holds no article.  A format whose pages share
site chrome also has ``chrome_candidates(record) -> PageLines`` (its line fingerprints
and word shingles): `prepare` counts those across a batch and hands the recurring ones back to every
reader in `ReadContext.chrome_lines`, so no reader is special-cased.  A reader that detects the
language of a whole input has ``language_sample(record) -> str`` (the text it will ask about), so
`prepare` can detect a batch's languages back to back.

Readers fill what their format states directly and leave evidence (dates,
bylines as printed) for `axis_ingest.normalise`.  A reader's paragraphs are
final: each reader ends with `clean.text.normalise_paragraphs`
(tests/test_reader_contract.py checks every reader on every fixture), so the
pipeline does not clean them a second time.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from axis_ingest.clean.recurring import PageLines
from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.sniff import parse_json, sniff

Reader = Callable[[InputRecord, ReadContext], list[Document]]
ChromeCandidates = Callable[[InputRecord], PageLines]
LanguageSample = Callable[[InputRecord], str]


@dataclass(frozen=True, slots=True)
class ReaderSpec:
    """Where a format's reader lives (imported on first use: trafilatura takes ~1 s to import)."""

    module: str
    learns_site_chrome: bool = False  # the module has chrome_candidates(record)


READERS: dict[str, ReaderSpec] = {
    "html": ReaderSpec("axis_ingest.readers.html"),
    "wordpress_json": ReaderSpec("axis_ingest.readers.wordpress"),
    "wire_text": ReaderSpec("axis_ingest.readers.wire"),
    "scraped_text": ReaderSpec("axis_ingest.readers.scraped", learns_site_chrome=True),
    "plain_text": ReaderSpec("axis_ingest.readers.plaintext"),
    "email": ReaderSpec("axis_ingest.readers.email_file"),
    "web_archive": ReaderSpec("axis_ingest.readers.web_archive"),
    "docx": ReaderSpec("axis_ingest.readers.docx_file"),
    "rtf": ReaderSpec("axis_ingest.readers.rtf_file"),
    "odt": ReaderSpec("axis_ingest.readers.odt_file"),
    "pdf": ReaderSpec("axis_ingest.readers.pdf_file"),
    "json_articles": ReaderSpec("axis_ingest.readers.json_articles"),
    "feed": ReaderSpec("axis_ingest.readers.feed_file"),
    "markdown": ReaderSpec("axis_ingest.readers.markdown"),
}


@dataclass(frozen=True, slots=True)
class LoadedReader:
    read: Reader
    chrome_candidates: ChromeCandidates | None = None
    # The text whose language `read` will ask the detector about the whole input, if it asks
    # (detected ahead for a batch: `detectors.languages_detected_ahead`).
    language_sample: LanguageSample | None = None


@cache
def reader_for(source_format: str) -> LoadedReader:
    """The reader of a sniffed format. An ImportError here is a broken installation: callers let it stop the run."""
    spec = READERS.get(source_format)
    if spec is None:
        raise ValueError(f"no reader for format {source_format!r}")
    module = importlib.import_module(spec.module)
    return LoadedReader(
        module.read,
        module.chrome_candidates if spec.learns_site_chrome else None,
        getattr(module, "language_sample", None),
    )


def read_text(
    text: str,
    raw: RawInput | None = None,
    context: ReadContext | None = None,
    source_format: str | None = None,
) -> list[Document]:
    """Read decoded text with its format's reader (sniffed unless `source_format` is given).

    For tests and tools that start from text; the pipeline itself goes through `axis_ingest.prepare`.
    """
    if source_format is None:
        sniffed = sniff(text)
        source_format, json_value = sniffed.source_format, sniffed.json_value
    else:
        json_value = parse_json(text) if source_format in ("wordpress_json", "json_articles") else None
    record = InputRecord(raw=raw, data=b"", text=text, source_format=source_format, json_value=json_value)
    return reader_for(source_format).read(record, context or ReadContext(Settings(), MinHashParams()))


__all__ = ["READERS", "LoadedReader", "Reader", "ReaderSpec", "RejectedInput", "read_text", "reader_for"]
