"""The pure half of the pipeline: raw bytes -> prepared documents, ready to store.

decode -> sniff -> read -> clean -> normalise -> hash and MinHash signature.
Nothing here touches the database or the file system (bytes are passed in),
so a batch can run in a worker process and the result is a plain picklable
value.  Each stage's time is recorded so runs can report where time goes.
"""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from axis_ingest.config import Settings
from axis_ingest.decode import decode_bytes
from axis_ingest.dedup.hashing import content_hash
from axis_ingest.dedup.minhash import MinHashParams, Signature, signature_for
from axis_ingest.discover import printable_path
from axis_ingest.document import Document, FetchedEvidence, RawInput, RejectedInput
from axis_ingest.normalise import normalise_document
from axis_ingest.readers import reader_for
from axis_ingest.sniff import Sniffed, sniff
from axis_ingest.titles import derive_title


@dataclass(slots=True)
class PreparedDocument:
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

    @property
    def rejected(self) -> bool:
        return self.reason is not None


# After the first alarm, how often it fires again until the block ends (s):
# a reader that swallows the first one (`except BaseException`) is stopped by the next.
TIMEOUT_REPEAT_SECONDS = 1.0


class FileTimeout(BaseException):
    """The per-file time limit expired.

    A BaseException, like KeyboardInterrupt, so that `except Exception` in a
    reader or library cannot swallow it and leave the file running unbounded.
    """


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Abort the block after `seconds` (main thread only: worker processes and the CLI; no-op elsewhere)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expire(_signum: int, _frame: object) -> None:
        raise FileTimeout

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, TIMEOUT_REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Clock:
    def __init__(self, seconds: dict[str, float]) -> None:
        self.seconds = seconds
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self.last
        self.last = now


def prepare_text(
    text: str,
    raw: RawInput | None,
    settings: Settings,
    params: MinHashParams,
    recurring: frozenset[str] = frozenset(),
    clock: _Clock | None = None,
    sniffed: Sniffed | None = None,
) -> tuple[str, list[PreparedDocument]]:
    """Decoded text -> (format, prepared documents). Raises RejectedInput.

    `sniffed` is `sniff(text)` when the caller already has it (prepare_batch's chrome pass).
    """
    clock = clock or _Clock({})
    if len(text) > settings.limits.max_text_chars:
        raise RejectedInput(
            f"text of {len(text):,} characters is over the limit of {settings.limits.max_text_chars:,} "
            "(limits.max_text_chars); split the file or raise the limit"
        )
    sniffed = sniffed or sniff(text)
    clock.lap("sniff")
    if sniffed.source_format == "scraped_text":
        from axis_ingest.readers.scraped import read_scraped

        docs = read_scraped(text, raw, recurring)
    else:
        docs = reader_for(sniffed.source_format)(text, raw)
    clock.lap("read")
    if len(docs) > settings.limits.max_items_per_file:
        raise RejectedInput(
            f"{len(docs):,} articles in one file is over the limit of {settings.limits.max_items_per_file:,} "
            "(limits.max_items_per_file)"
        )
    prepared: list[PreparedDocument] = []
    for item, doc in enumerate(docs):
        doc.item = item
        doc.raw = raw
        if not doc.paragraphs:
            continue
        normalise_document(doc, settings)
        if not doc.title:
            doc.title, doc.title_derived = derive_title(doc.paragraphs), True
        clock.lap("normalise")
        body = doc.body
        prepared.append(PreparedDocument(doc, content_hash(body), signature_for(body, params)))
        clock.lap("signature")
    if not prepared:
        raise RejectedInput(f"no article text found in this {sniffed.source_format.replace('_', ' ')} input")
    return sniffed.source_format, prepared


def prepare_file(
    path: str,
    data: bytes,
    settings: Settings,
    params: MinHashParams,
    recurring: frozenset[str] = frozenset(),
    text: str | None = None,
    sniffed: Sniffed | None = None,
    fetched: Mapping[str, FetchedEvidence] | None = None,
) -> FileResult:
    """One raw file's bytes -> FileResult. Never raises for bad input: the reason is recorded instead.

    `text` and `sniffed` are the decoded text and its format when the caller has them already;
    `fetched` what feeds said about harvested pages, by SHA-256 (`store.load.fetched_evidence`).
    """
    result = FileResult(path=printable_path(path), sha256=sha256_of(data), size_bytes=len(data))
    clock = _Clock(result.seconds)
    raw = RawInput(path=path, sha256=result.sha256, size_bytes=len(data), fetched=(fetched or {}).get(result.sha256))
    try:
        with time_limit(settings.limits.max_seconds_per_file):
            if text is None:
                text, _encoding = decode_bytes(data)
            clock.lap("decode")
            result.source_format, result.documents = prepare_text(
                text, raw, settings, params, recurring, clock, sniffed
            )
    except RejectedInput as exc:
        result.reason = str(exc)
    except FileTimeout:
        result.reason = (
            f"reading took longer than {settings.limits.max_seconds_per_file:g} s "
            "(limits.max_seconds_per_file); the file is probably malformed or far larger than an article"
        )
    except RecursionError:
        result.reason = "the document is nested too deeply to parse (malformed or hostile markup)"
    except MemoryError:
        result.reason = "the document needs more memory than is available to parse"
    except Exception as exc:  # a reader bug must cost one file, never the run
        result.reason = f"internal error while reading ({type(exc).__name__}: {exc}); please report this file"
    result.documents = [] if result.reason else result.documents
    return result


def chrome_candidates(text: str) -> list[str]:
    """Fingerprints of the lines of a scraped page that may be site chrome."""
    from axis_ingest.readers.scraped import line_fingerprint

    return sorted({fp for line in text.split("\n") if line.strip() and (fp := line_fingerprint(line))})


def prepare_batch(
    items: Sequence[tuple[str, bytes]],
    settings: Settings,
    params: MinHashParams,
    known_chrome: frozenset[str] = frozenset(),
    min_docs: int = 3,
    fetched: Mapping[str, FetchedEvidence] | None = None,
) -> list[FileResult]:
    """Prepare a batch of (path, bytes). Chrome lines are learnt from the batch plus what the DB already knows.

    Each file is decoded and sniffed once: the chrome pass keeps both for `prepare_file`.
    """
    decoded: list[tuple[str, bytes, str | None, Sniffed | None, list[str]]] = []
    counts: Counter[str] = Counter()
    for path, data in items:
        text: str | None = None
        sniffed: Sniffed | None = None
        fingerprints: list[str] = []
        try:
            with time_limit(settings.limits.max_seconds_per_file):
                text, _ = decode_bytes(data)
                # Text over the size limit is rejected by prepare_file; never scan it here.
                if len(text) <= settings.limits.max_text_chars:
                    sniffed = sniff(text)
                    if sniffed.source_format == "scraped_text":
                        fingerprints = chrome_candidates(text)
                        counts.update(fingerprints)
        except (Exception, FileTimeout):
            text, sniffed, fingerprints = None, None, []  # prepare_file reports the reason
        decoded.append((path, data, text, sniffed, fingerprints))
    recurring = known_chrome | {fp for fp, n in counts.items() if n >= min_docs}
    results = []
    for path, data, text, sniffed, fingerprints in decoded:
        result = prepare_file(path, data, settings, params, recurring, text=text, sniffed=sniffed, fetched=fetched)
        result.chrome_fingerprints = fingerprints
        results.append(result)
    return results
