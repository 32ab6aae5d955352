"""prepare_batch runs the document stages stage by stage over a batch; a file's time limit covers them together."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from axis_ingest import prepare
from axis_ingest.config import load_settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import InputRecord, RawInput, ReadContext

WIRE = (
    "LONDON, March 3 (Reuters) - Dock workers at the northern harbour voted on Tuesday to strike for three "
    "days next month over pay, their union said, after talks with the port authority broke down.\n\n"
    "The union said the offer fell far short of the rise in living costs this year and that members had "
    "rejected it by a large majority.\n\n(Reporting by Anna Berg; Editing by Jonas Lind)\n"
)


def _records(count: int) -> list[InputRecord]:
    records = []
    for n in range(count):
        data = WIRE.replace("Tuesday", f"Tuesday ({n})").encode()
        records.append(InputRecord(RawInput(f"wire{n}.txt", prepare.sha256_of(data), len(data)), data))
    return records


def _context(max_seconds: float) -> ReadContext:
    settings = load_settings()
    limits = replace(settings.limits, max_seconds_per_file=max_seconds)
    return ReadContext(replace(settings, limits=limits), MinHashParams())


def _slowed(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """Every document stage sleeps `seconds` before its work."""

    def slow(stage: prepare.Stage) -> prepare.Stage:
        def run(work: prepare.FileWork, context: ReadContext) -> None:
            time.sleep(seconds)
            stage.run(work, context)

        return prepare.Stage(stage.name, run)

    monkeypatch.setattr(prepare, "DOCUMENT_STAGES", tuple(map(slow, prepare.DOCUMENT_STAGES)))


def test_a_batch_gives_what_each_file_alone_gives() -> None:
    records = _records(3)
    together = prepare.prepare_batch(records, _context(60))
    alone = [prepare.prepare_batch([r], _context(60))[0] for r in _records(3)]
    assert [[(d.content_hash, d.doc.language, d.doc.published) for d in r.documents] for r in together] == [
        [(d.content_hash, d.doc.language, d.doc.published) for d in r.documents] for r in alone
    ]
    assert all(r.documents and r.reason is None for r in together)


def test_the_time_limit_covers_a_files_document_stages_together(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each stage alone stays under the limit; read + normalise + signature do not.
    _slowed(monkeypatch, 0.15)
    (result,) = prepare.prepare_batch(_records(1), _context(0.4))
    assert result.reason and "limits.max_seconds_per_file" in result.reason
    assert not result.documents


def test_stages_within_the_limit_together_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    _slowed(monkeypatch, 0.05)
    (result,) = prepare.prepare_batch(_records(1), _context(2.0))
    assert result.reason is None and result.documents
