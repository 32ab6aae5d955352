"""The pure half of the pipeline: input records -> prepared documents, ready to store.

A batch of `InputRecord`s (bytes and SHA-256, read by `run`) goes through named
stages, each with one job, timed by the loop that runs them (as datatrove's
`PipelineStep.run` does)::

    input stages:     decode -> sniff -> chrome      (per file)
    (batch)           lines recurring on a site's pages join ReadContext.chrome_lines
    document stages:  read -> normalise -> signature  (per file)

The reader is looked up in the table of readers by the sniffed format; no
format is special-cased here.  Nothing here touches the database or the file
system, so a batch can run in a worker process and the result is a plain
picklable value.

Failures: a stage raises `RejectedInput` for bad input (the reason is shown to
users).  Any other exception raised while a stage works on a file costs only
that file, but is recorded as an internal error (reason prefix
"internal error: ", `FileResult.internal_error`, counted in the run summary,
traceback logged), never as bad input.  Errors that say the program itself is
broken whatever the file (`FATAL_ERRORS`: a failed import, an undefined name)
are never caught: they stop the run.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TypeVar

from axis_ingest.clean.recurring import PageLines, recurring_across_pages
from axis_ingest.config import Settings
from axis_ingest.decode import decode_bytes
from axis_ingest.dedup.hashing import content_hash_and_words
from axis_ingest.dedup.minhash import MinHashParams, signature_for
from axis_ingest.detectors import languages_detected_ahead
from axis_ingest.discover import printable_path
from axis_ingest.document import (
    INTERNAL_ERROR_PREFIX,
    Document,
    FileResult,
    InputRecord,
    PreparedDocument,
    RawInput,
    ReadContext,
    RejectedInput,
)
from axis_ingest.normalise import language_samples, normalise_document
from axis_ingest.normalise.writer_notes import without_writer_notes
from axis_ingest.readers import reader_for
from axis_ingest.sniff import binary_container, sniff
from axis_ingest.titles import derive_title

log = logging.getLogger(__name__)
T = TypeVar("T")

# A scraped-page line seen in this many documents (the batch's plus what the database counts) is the site's chrome.
CHROME_MIN_DOCS = 3

# Exceptions that mean the program is broken, whatever file was being read: never caught per file.
FATAL_ERRORS: tuple[type[BaseException], ...] = (ImportError, NameError, SyntaxError)

__all__ = [
    "CHROME_MIN_DOCS",
    "FATAL_ERRORS",
    "FileResult",
    "PreparedDocument",
    "batch_part",
    "prepare_batch",
    "prepare_file",
]


# The least time a file's later stages get when its earlier ones used up its limit (s): a limit of 0 means none.
MIN_SECONDS_LEFT = 0.001

# After the first alarm, how often it fires again until the block ends (s):
# a reader that swallows the first one (`except BaseException`) is stopped by the next.
TIMEOUT_REPEAT_SECONDS = 1.0


class FileTimeout(BaseException):
    """The per-file time limit expired.

    A BaseException, like KeyboardInterrupt, so that `except Exception` in a
    reader or library cannot swallow it and leave the file running unbounded.
    """


def _expire(_signum: int, _frame: object) -> None:
    raise FileTimeout


# How many `alarm_handler` blocks hold the handler installed in this process (main thread only).
_handler_kept = 0


@contextmanager
def alarm_handler() -> Iterator[None]:
    """Keep the time limit's SIGALRM handler installed over a block of many `time_limit`s (a batch).

    Installing a handler and putting the old one back costs ~20 us (Python's signal module looks
    each handler up in an enum), and a batch sets a time limit 4 times per file; inside this
    block `time_limit` only sets and clears the timer.
    """
    global _handler_kept
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire) if not _handler_kept else None
    _handler_kept += 1
    try:
        yield
    finally:
        _handler_kept -= 1
        if previous is not None:
            signal.signal(signal.SIGALRM, previous)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Abort the block after `seconds` (main thread only: worker processes and the CLI; no-op elsewhere)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire) if not _handler_kept else None
    signal.setitimer(signal.ITIMER_REAL, seconds, TIMEOUT_REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        if previous is not None:
            signal.signal(signal.SIGALRM, previous)


def ignore_interrupts() -> None:
    """A pool worker's initializer: workers leave Ctrl-C to the main process, which stops the run.

    Here, not in `run`: the pool pickles it by module, and a worker that had to import `run` to find it
    imported SQLAlchemy and the store with it (~0.45 s of CPU a worker, 10% of its time on 2,000 files).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(slots=True)
class FileWork:
    """One file between stages: its record, the documents read from it, and its result so far."""

    record: InputRecord
    result: FileResult
    documents: list[Document] = field(default_factory=list)
    chrome_candidates: PageLines | None = None  # its lines, when its format learns site chrome


@dataclass(frozen=True, slots=True)
class Stage:
    """A named step of one job; `run` raises RejectedInput when the file cannot become an article."""

    name: str
    run: Callable[[FileWork, ReadContext], None]


def decode_stage(work: FileWork, context: ReadContext) -> None:
    record, limit = work.record, context.settings.limits.max_text_chars
    if container := binary_container(record.data):  # read as bytes by its reader (a Word document, a web archive)
        record.source_format = work.result.source_format = container
        return
    record.text, record.encoding = decode_bytes(record.data)
    if len(record.text) > limit:
        raise RejectedInput(
            f"text of {len(record.text):,} characters is over the limit of {limit:,} "
            "(limits.max_text_chars); split the file or raise the limit"
        )


def sniff_stage(work: FileWork, context: ReadContext) -> None:
    if work.record.source_format is not None:  # known from its bytes
        return
    sniffed = sniff(work.record.text)
    work.record.source_format, work.record.json_value = sniffed.source_format, sniffed.json_value
    work.result.source_format = sniffed.source_format


def chrome_stage(work: FileWork, context: ReadContext) -> None:
    """Fingerprints of lines that may be site chrome, for formats whose reader learns it across pages."""
    candidates = reader_for(work.record.source_format or "").chrome_candidates
    if candidates is not None:
        work.chrome_candidates = candidates(work.record)
        work.result.chrome_fingerprints = sorted(work.chrome_candidates.weights)


def read_stage(work: FileWork, context: ReadContext) -> None:
    work.documents = reader_for(work.record.source_format or "").read(work.record, context)
    limit = context.settings.limits.max_items_per_file
    if len(work.documents) > limit:
        raise RejectedInput(
            f"{len(work.documents):,} articles in one file is over the limit of {limit:,} (limits.max_items_per_file)"
        )


def normalise_stage(work: FileWork, context: ReadContext) -> None:
    kept = []
    for item, doc in enumerate(work.documents):
        doc.item, doc.raw = item, work.record.raw
        if not doc.paragraphs:
            continue
        normalise_document(doc, context.settings)
        doc.paragraphs = without_writer_notes(doc.paragraphs, doc.authors)
        if not doc.title:
            doc.title, doc.title_derived = derive_title(doc.paragraphs), True
        kept.append(doc)
    work.documents = kept


def signature_stage(work: FileWork, context: ReadContext) -> None:
    prepared = work.result.documents
    for doc in work.documents:
        body = doc.body
        digest, words = content_hash_and_words(body)  # the body tokenised once for both
        prepared.append(PreparedDocument(doc, digest, signature_for(body, context.minhash, words)))
    if not work.result.documents:
        label = (work.record.source_format or "unknown").replace("_", " ")
        raise RejectedInput(f"no article text found in this {label} input")


INPUT_STAGES = (Stage("decode", decode_stage), Stage("sniff", sniff_stage), Stage("chrome", chrome_stage))
DOCUMENT_STAGES = (Stage("read", read_stage), Stage("normalise", normalise_stage), Stage("signature", signature_stage))


def run_stages(work: FileWork, stages: Sequence[Stage], context: ReadContext, spent: float = 0.0) -> None:
    """Run `stages` over one file, timing each; a failure becomes the file's reason and ends its stages.

    The file's time limit covers `stages` plus the `spent` seconds of its group's stages run before.
    """
    result, limits = work.result, context.settings.limits
    if result.rejected:
        return
    current = stages[0].name
    limit = limits.max_seconds_per_file
    try:
        with time_limit(max(limit - spent, MIN_SECONDS_LEFT) if limit > 0 else limit):
            for stage in stages:
                current, started = stage.name, time.perf_counter()
                try:
                    stage.run(work, context)
                finally:
                    result.seconds[current] = result.seconds.get(current, 0.0) + time.perf_counter() - started
    except RejectedInput as exc:
        result.reason = str(exc)
    except FileTimeout:
        result.reason = (
            f"reading took longer than {limits.max_seconds_per_file:g} s "
            "(limits.max_seconds_per_file); the file is probably malformed or far larger than an article"
        )
    except RecursionError:
        result.reason = "the document is nested too deeply to parse (malformed or hostile markup)"
    except MemoryError:
        result.reason = "the document needs more memory than is available to parse"
    except FATAL_ERRORS:
        raise
    except Exception as exc:  # a bug met on this file costs this file, and says so
        result.reason = (
            f"{INTERNAL_ERROR_PREFIX}{type(exc).__name__} in the {current} stage: {exc}; "
            "this is a bug in axis-ingest, not a fault of the file: please report it with the file"
        )
        result.internal_error = True
        log.error("internal error in the %s stage on %s", current, result.path, exc_info=True)
    if result.rejected:
        result.documents = []
        work.documents = []


def _work_for(record: InputRecord) -> FileWork:
    raw = record.raw
    assert raw is not None, "records in the pipeline carry their RawInput"
    return FileWork(record, FileResult(path=printable_path(raw.path), sha256=raw.sha256, size_bytes=raw.size_bytes))


def prepare_batch_to_file(
    records: Sequence[InputRecord],
    context: ReadContext,
    min_docs: int,
    part: tuple[int, int] | None,
    folder: str,
) -> str:
    """`prepare_batch` in a pool's worker, its results pickled into a new file of `folder`; returns the file's path
    (`load_prepared` reads it).

    Why not return the results: a pool's worker sends its result down one pipe that the pool's manager thread reads
    whole, and a worker killed while writing a batch's results (megabytes: the OOM killer, an operator) leaves half
    a message that the manager waits for ever to complete, so the run hangs instead of retrying the batch (seen
    once in CI, under load).  A path is a few hundred bytes, written to the pipe in one piece (POSIX writes up to
    PIPE_BUF bytes atomically), so a killed worker leaves a whole message or none."""
    results = prepare_batch(records, context, min_docs, part)
    with tempfile.NamedTemporaryFile(dir=folder, prefix="batch-", suffix=".pickle", delete=False) as handle:
        pickle.dump(results, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return handle.name


def load_prepared(path: str) -> list[FileResult]:
    """The results `prepare_batch_to_file` wrote (the file is removed once read)."""
    with open(path, "rb") as handle:
        results: list[FileResult] = pickle.load(handle)
    os.unlink(path)
    return results


def prepare_batch(
    records: Sequence[InputRecord],
    context: ReadContext,
    min_docs: int = CHROME_MIN_DOCS,
    part: tuple[int, int] | None = None,
) -> list[FileResult]:
    """Prepare a batch of input records. Site chrome is learnt from the batch plus `context.chrome_lines`.

    Every file goes through the input stages first, so lines recurring across the batch's
    pages of one site are known before any page is read.

    `part` = (index, count) prepares only the index-th of `count` consecutive slices of the batch
    (`batch_part`) and returns those files' results: the input stages and the chrome learning still
    see the whole batch, so each file's result is the one the whole batch gives it.  The run hands the
    parts of a batch to different workers when there are fewer batches left than workers.
    """
    with alarm_handler():
        return _prepare(records, context, min_docs, part)


def _prepare(
    records: Sequence[InputRecord], context: ReadContext, min_docs: int, part: tuple[int, int] | None
) -> list[FileResult]:
    works = [_work_for(record) for record in records]
    for work in works:
        run_stages(work, INPUT_STAGES, context)
    pages = [(work, work.chrome_candidates) for work in works if work.chrome_candidates and not work.result.rejected]
    learnt, copies = recurring_across_pages([lines for _, lines in pages], min_docs)
    for (work, _), copy in zip(pages, copies, strict=True):
        if copy:  # the database counts a story's copies once, as this batch does
            work.result.chrome_fingerprints = []
    if learnt - context.chrome_lines:
        context = replace(context, chrome_lines=context.chrome_lines | learnt)
    if part is not None:
        works = batch_part(works, *part)
    # Stage by stage over the batch, not file by file: each stage's code and tables stay in the
    # CPU's cache (measured: 9.6 -> 9.1 CPU ms per file over the 2,000 generated text/JSON files),
    # and the languages of all documents are detected back to back before they are normalised.
    read, *later = DOCUMENT_STAGES
    with languages_detected_ahead(_page_language_samples(works)):
        for work in works:
            run_stages(work, (read,), context)
            work.record.data = b""  # the bytes are not needed after this: let a batch's memory go early
    with languages_detected_ahead(language_samples(doc for work in works for doc in work.documents)):
        for stage in later:
            for work in works:
                run_stages(work, (stage,), context, spent=_seconds_in(work, DOCUMENT_STAGES))
    return [work.result for work in works]


def _page_language_samples(works: Sequence[FileWork]) -> Iterator[str]:
    for work in works:
        if not work.result.rejected:
            sample = reader_for(work.record.source_format or "").language_sample
            if sample is not None:
                yield sample(work.record)


def _seconds_in(work: FileWork, stages: Sequence[Stage]) -> float:
    return sum(work.result.seconds.get(stage.name, 0.0) for stage in stages)


def batch_part(items: Sequence[T], index: int, count: int) -> list[T]:
    """The index-th (from 0) of `count` consecutive slices of `items`, as even as can be; together in order: all."""
    if not 0 <= index < count:
        raise ValueError(f"part {index} of {count} does not exist")
    return list(items[index * len(items) // count : (index + 1) * len(items) // count])


def prepare_file(
    path: str,
    data: bytes,
    settings: Settings,
    params: MinHashParams,
    chrome_lines: frozenset[str] = frozenset(),
) -> FileResult:
    """One file's bytes -> FileResult (hashed here: for callers outside `run`). Never raises for bad input."""
    record = InputRecord(raw=RawInput(path=path, sha256=sha256_of(data), size_bytes=len(data)), data=data)
    return prepare_batch([record], ReadContext(settings, params, chrome_lines))[0]
