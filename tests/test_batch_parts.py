"""A batch prepared in parts (one per worker) gives each file the result the whole batch gives it.

The run splits its last batches, fewer than the workers, between the workers (`run.IngestRun.process`):
each part still runs the input stages and learns site chrome over the whole batch, and prepares only
its own files.  Without the split, 300 files in batches of 100 on two workers left one worker idle for
the third batch, a third of the run.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from axis_ingest import run as run_module
from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import InputRecord, RawInput, ReadContext
from axis_ingest.prepare import batch_part, prepare_batch, sha256_of
from axis_ingest.run import run_ingest

# Written as full sentences, so on one page alone they pass as prose: only the batch shows they are chrome.
CHROME = (
    "The Harbourside Gazette has been the independent voice of the northern coast since 1921, reporting on "
    "the towns, villages and islands of the firth every week.",
    "Our journalism is paid for by readers like you, and every subscription helps us keep a reporter in the "
    "council chamber, at the sheriff court and on the quayside.",
)
TOWNS = ["Fort Annan", "Kilbrae", "Inverdorn", "Port Ellis", "Glenmoray", "Ardlochan", "Balnacraig"]
TOPICS = ["harbour wall", "school roof", "ferry pier", "library", "bus depot", "sea defences", "health centre"]


def page(number: int) -> str:
    """A scraped page of the Gazette: its chrome sentences around one story of its own."""
    town, topic = TOWNS[number % len(TOWNS)], TOPICS[number // len(TOWNS) % len(TOPICS)]
    story = [
        f"Repairs to the {topic} in {town} will cost {number + 3} hundred thousand pounds, the council said "
        f"on Tuesday after engineers finished survey number {number}.",
        f"Residents of {town} have asked for the work on the {topic} to start before the winter storms, "
        f"which damaged it {number % 5 + 2} times last year.",
        f"The council's finance committee will decide in {['May', 'June', 'July'][number % 3]} whether the "
        f"money for the {topic} comes from reserves or from a loan of {number + 11} years.",
    ]
    lines = [
        "Harbourside Gazette",
        "Home  News  Sport  Community  Letters  Subscribe",
        CHROME[0],
        "",
        f"Council approves {topic} repairs in {town} ({number})",
        "By Morag Duncan",
        f"{number % 28 + 1} March 2026",
        "",
        *[line for paragraph in story for line in (paragraph, "")],
        CHROME[1],
        "",
        "Privacy  Terms  Contact us",
    ]
    return "\n".join(lines) + "\n"


def _records(count: int) -> list[InputRecord]:
    records = []
    for number in range(count):
        data = page(number).encode("utf-8")
        records.append(InputRecord(RawInput(f"gazette-{number}.txt", sha256_of(data), len(data)), data))
    return records


def _outcome(results: list) -> list[tuple]:  # type: ignore[type-arg]
    return [
        (r.path, r.reason, r.chrome_fingerprints, [(d.doc.title, d.doc.body, d.content_hash) for d in r.documents])
        for r in results
    ]


def test_batch_part_slices_in_order_and_evenly() -> None:
    items = list(range(10))
    parts = [batch_part(items, index, 3) for index in range(3)]
    assert [x for part in parts for x in part] == items
    assert sorted(len(part) for part in parts) == [3, 3, 4]
    assert batch_part([], 0, 2) == []
    with pytest.raises(ValueError):
        batch_part(items, 3, 3)


def test_parts_of_a_batch_give_the_whole_batchs_results() -> None:
    from test_chrome_learning import CHROME as GAZETTE_CHROME
    from test_chrome_learning import _records as gazette_records

    context = ReadContext(Settings(), MinHashParams())
    whole = prepare_batch(gazette_records(), context)
    # the premise: the chrome sentences are learnt across the batch and dropped from every page
    assert all(not r.rejected and r.chrome_fingerprints for r in whole)
    assert not any(line in r.documents[0].doc.body for r in whole for line in GAZETTE_CHROME)
    parts = [result for index in range(3) for result in prepare_batch(gazette_records(), context, part=(index, 3))]
    assert _outcome(parts) == _outcome(whole)
    # a part alone would not see the chrome: its pages keep the sentences
    alone = prepare_batch(batch_part(gazette_records(), 0, 3), context)
    assert any(line in r.documents[0].doc.body for r in alone for line in GAZETTE_CHROME)


def test_the_last_batch_is_split_between_the_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(70):  # one batch, enough files for the pool
        (folder / f"gazette-{number:02d}.txt").write_text(page(number), encoding="utf-8")
    submitted: list[tuple[int, int] | None] = []
    original = run_module.IngestRun._submit

    def recording(self, todo, part=None):  # type: ignore[no-untyped-def]
        submitted.append(part)
        return original(self, todo, part)

    monkeypatch.setattr(run_module.IngestRun, "_submit", recording)
    pooled = run_ingest(paths=[str(folder)], db=tmp_path / "pool.sqlite", clean_dir=tmp_path / "c1", workers=2)
    assert submitted == [(0, 2), (1, 2)]
    alone = run_ingest(paths=[str(folder)], db=tmp_path / "alone.sqlite", clean_dir=tmp_path / "c2", workers=1)
    assert len(pooled.outcome.loaded) == len(alone.outcome.loaded) == 70

    def articles(db: Path) -> list[tuple[str, str]]:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT title, body FROM articles ORDER BY title").fetchall()

    assert articles(tmp_path / "pool.sqlite") == articles(tmp_path / "alone.sqlite")


def test_the_cli_module_is_preloaded_in_the_forkserver_when_it_is_the_main_script() -> None:
    """Each worker re-runs the main script on start; in the CLI that imports axis_ingest.cli (~1 s of CPU a
    worker), unless the forkserver has imported it already."""
    import axis_ingest.cli  # noqa: F401  (as the axis-ingest script does)

    assert run_module.forkserver_preload() == ["axis_ingest.prepare", "axis_ingest.warmup", "axis_ingest.cli"]


def test_a_pool_worker_needs_no_module_the_forkserver_has_not_preloaded() -> None:
    """The pool pickles its worker initializer and each batch's function by module: a worker that had to import
    `axis_ingest.run` to find one imported SQLAlchemy and the store with it (~0.45 s of CPU a worker, outside the
    CLI where the forkserver does not preload them)."""
    import pickle
    import subprocess
    import sys

    sent = pickle.dumps((run_module.WORKER_INITIALIZER, prepare_batch))
    worker = (
        "import pickle, sys\n"
        f"for name in {run_module.forkserver_preload()[:2]!r}: __import__(name)\n"
        f"pickle.loads({sent!r})\n"
        "print(sorted(m for m in ('axis_ingest.run', 'axis_ingest.store.load', 'sqlalchemy') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", worker], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
