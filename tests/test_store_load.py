"""store/load.py step by step, each step against a real SQLite database.

The inputs are files written here and read by the real pipeline
(`IngestRun.read_batch` and `prepare`), so every step sees the documents,
hashes and signatures a run would give it.  Each step is run inside a transaction of its own and checked
for what it writes and for what it leaves to the other steps.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Engine

from axis_ingest.dedup.index import NearDuplicateIndex
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.discover import Candidate
from axis_ingest.options import RunOptions
from axis_ingest.run import FileResult, IngestRun
from axis_ingest.store.db import open_database
from axis_ingest.store.load import (
    BatchDocument,
    BatchOutcome,
    _existing,
    _new_files,
    first_of_each_content,
    insert_new_articles,
    insert_raw_documents,
    link_sources,
    record_paths,
    set_file_statuses,
    store_batch,
    stored_articles,
    utc_now,
)

FERRY = """\
HAMBURG, March 3 (Reuters) - The operator of the Elbe harbour ferries will cut evening sailings on two of \
its six routes from April, it said on Monday, blaming a shortage of qualified skippers and rising fuel costs.

The last departures on the Finkenwerder and Teufelsbrueck routes will leave at 8 p.m. instead of 11 p.m., \
affecting about 2,400 passengers a day, according to figures from the city's transport authority.

"We have trained twelve new skippers this winter, but we lost fifteen to retirement," a spokeswoman for the \
operator said, adding that the cuts would be reviewed in September.

Commuter groups said the change would push late-shift workers at the shipyards back onto crowded buses, and \
called on the city to fund a recruitment bonus.

The transport authority said it was in talks with the operator about a temporary replacement bus service \
along the north bank of the river.

(Reporting by Jana Becker; Editing by Tom Hollis)
"""

BRIDGE = """\
LISBON, May 14 (Reuters) - Portugal will close the lower deck of the 25 de Abril bridge to trains for eight \
weekends this summer while engineers replace expansion joints, the infrastructure agency said on Wednesday.

Replacement buses will run between Pragal and Campolide, adding about 25 minutes to journeys, and the upper \
road deck will stay open with one lane closed in each direction at night.

The agency said inspections last year found wear on four of the joints that, left alone, would force a \
longer closure within three years.

Rail passenger groups asked for the work to be moved to August, when commuter numbers are lowest, but the \
agency said contractors were not available then.

The bridge, opened in 1966, carries about 150,000 vehicles and 50,000 rail passengers on a typical weekday.

(Reporting by Rui Almeida; Editing by Sarah White)
"""

# The same story after a later edit of one sentence: a near duplicate of BRIDGE, not an exact one.
BRIDGE_EDITED = BRIDGE.replace("adding about 25 minutes to journeys", "adding about 30 minutes to journeys")


@pytest.fixture
def engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    monkeypatch.chdir(tmp_path)  # input files are written and recorded with relative paths
    engine = open_database(tmp_path / "axis.sqlite")
    yield engine
    engine.dispose()


def prepared(engine: Engine, files: dict[str, str]) -> list[FileResult]:
    """The FileResults a run hands to store_batch for these files (written to disk, read by IngestRun)."""
    for name, text in files.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_bytes(text.encode())
    options = RunOptions(paths=list(files), db=str(engine.url.database), clean_dir="clean", workers=1)
    with IngestRun(options) as run:
        todo, ready = run.read_batch([Candidate(name) for name in files])
        by_path = {result.path: result for result in ready + run.prepare(todo)}
    return [by_path[name] for name in files]


def rows(engine: Engine, sql: str) -> list[tuple[object, ...]]:
    database = engine.url.database
    assert database
    with closing(sqlite3.connect(database)) as conn:
        return conn.execute(sql).fetchall()


def test_raw_rows_one_per_new_content_loaded_or_rejected_with_its_reason(engine: Engine) -> None:
    results = prepared(engine, {"ferry.txt": FERRY, "empty.txt": ""})
    assert results[1].rejected
    out, existing = BatchOutcome(), {}
    with engine.begin() as conn:
        new_files = insert_raw_documents(conn, results, existing, utc_now(), out)

    assert [f.result.path for f in new_files] == ["ferry.txt"]
    assert out.rejected == [("empty.txt", results[1].reason)] and not out.loaded
    stored = rows(engine, "SELECT id, path, status, reason FROM raw_documents ORDER BY id")
    assert [(path, status) for _, path, status, _ in stored] == [("ferry.txt", "loaded"), ("empty.txt", "rejected")]
    assert stored[1][3] == results[1].reason and stored[0][3] is None
    assert {sha: row.id for sha, row in existing.items()} == {
        r.sha256: s[0] for r, s in zip(results, stored, strict=True)
    }
    # One job: no paths, articles or links yet.
    assert rows(engine, "SELECT count(*) FROM raw_paths") == [(0,)]
    assert rows(engine, "SELECT count(*) FROM articles") == [(0,)]
    with engine.begin() as conn:
        assert insert_raw_documents(conn, [], {}, utc_now(), BatchOutcome()) == []


def test_paths_map_every_file_and_copies_are_reported_unchanged(engine: Engine) -> None:
    earlier = prepared(engine, {"ferry.txt": FERRY, "empty.txt": ""})
    store_batch(engine, earlier, MinHashParams())
    results = prepared(
        engine,
        {"copy/ferry.txt": FERRY, "copy/empty.txt": "", "bridge.txt": BRIDGE, "bridge-again.txt": BRIDGE},
    )
    out = BatchOutcome()
    with engine.begin() as conn:
        existing = _existing(conn, results)
        new_results = _new_files(results, existing)
        assert [r.path for r in new_results] == ["bridge.txt"]
        insert_raw_documents(conn, new_results, existing, utc_now(), out)
        record_paths(conn, results, existing, new_results, utc_now(), out)

    assert out.unchanged == ["copy/ferry.txt", "copy/empty.txt"] and out.copies == ["bridge-again.txt"]
    assert [(path, reason) for path, reason in out.rejected_before] == [("copy/empty.txt", earlier[1].reason)]
    mapped = dict(
        rows(engine, "SELECT p.path, d.path FROM raw_paths p JOIN raw_documents d ON d.id = p.raw_document_id")
    )
    assert mapped == {
        "ferry.txt": "ferry.txt",
        "empty.txt": "empty.txt",
        "copy/ferry.txt": "ferry.txt",
        "copy/empty.txt": "empty.txt",
        "bridge.txt": "bridge.txt",
        "bridge-again.txt": "bridge.txt",
    }
    with engine.begin() as conn:  # the same paths again add nothing
        record_paths(conn, results, _existing(conn, results), [], utc_now(), BatchOutcome())
    assert rows(engine, "SELECT count(*) FROM raw_paths") == [(6,)]


def test_exact_duplicates_are_found_in_the_database_and_within_the_batch(engine: Engine) -> None:
    store_batch(engine, prepared(engine, {"ferry.txt": FERRY}), MinHashParams())
    # Different bytes (Windows line ends), same cleaned content as the stored ferry story.
    results = prepared(
        engine, {"ferry-crlf.txt": FERRY.replace("\n", "\r\n"), "b1.txt": BRIDGE, "b2.txt": BRIDGE + " "}
    )
    docs = [BatchDocument(raw_id, p) for raw_id, r in enumerate(results, 100) for p in r.documents]
    hashes = [d.prepared.content_hash for d in docs]
    assert hashes[1] == hashes[2] and hashes[0] != hashes[1]
    with engine.connect() as conn:
        stored = stored_articles(conn, [*hashes, "0" * 64])
    ferry_id = rows(engine, "SELECT id FROM articles")[0][0]
    assert stored == {hashes[0]: ferry_id}
    fresh = first_of_each_content(docs, stored)
    assert fresh == [docs[1].prepared], "the stored story and the second copy are not new"
    assert first_of_each_content([], stored) == []


def test_new_articles_are_inserted_with_authors_and_near_duplicates_linked(engine: Engine) -> None:
    results = prepared(engine, {"bridge.txt": BRIDGE, "bridge-edited.txt": BRIDGE_EDITED, "ferry.txt": FERRY})
    fresh = [r.documents[0] for r in results]
    out = BatchOutcome()
    with engine.begin() as conn:
        ids = insert_new_articles(conn, NearDuplicateIndex(conn, MinHashParams()), fresh, utc_now(), out)

    assert out.new_article_ids == ids and len(ids) == 3
    articles = {aid: (dup, sim) for aid, dup, sim in rows(engine, "SELECT id, duplicate_of, similarity FROM articles")}
    assert articles[ids[0]] == (None, None) and articles[ids[2]] == (None, None)
    assert articles[ids[1]][0] == ids[0] and articles[ids[1]][1] > 0.8, "the edited story points at the first"
    assert [(a, c) for a, c, _ in out.near_duplicates] == [(ids[1], ids[0])]
    authors = rows(
        engine,
        "SELECT a.article_id, w.name FROM article_authors a JOIN authors w ON w.id = a.author_id ORDER BY 1",
    )
    assert (ids[2], "Jana Becker") in authors and (ids[0], "Rui Almeida") in authors
    # One job: raw rows and links are other steps'.
    assert rows(engine, "SELECT count(*) FROM raw_documents") == [(0,)]
    assert rows(engine, "SELECT count(*) FROM article_sources") == [(0,)]
    # The index now knows them: the edited story matches the stored one in a later batch.
    with engine.connect() as conn:
        later = NearDuplicateIndex(conn, MinHashParams()).match_batch([fresh[1].signature])
    assert later[0] is not None and later[0].article_id in (ids[0], ids[1])


def test_source_links_and_statuses_loaded_for_new_content_duplicate_for_none(engine: Engine) -> None:
    store_batch(engine, prepared(engine, {"ferry.txt": FERRY}), MinHashParams())
    results = prepared(engine, {"bridge.txt": BRIDGE, "ferry-crlf.txt": FERRY.replace("\n", "\r\n")})
    out = BatchOutcome()
    with engine.begin() as conn:
        existing = _existing(conn, results)
        new_files = insert_raw_documents(conn, _new_files(results, existing), existing, utc_now(), out)
        docs = [BatchDocument(f.raw_id, p) for f in new_files for p in f.result.documents]
        article_of = stored_articles(conn, [d.prepared.content_hash for d in docs])
        fresh = first_of_each_content(docs, article_of)
        ids = insert_new_articles(conn, NearDuplicateIndex(conn, MinHashParams()), fresh, utc_now(), out)
        article_of.update((p.content_hash, aid) for p, aid in zip(fresh, ids, strict=True))
        new_of_file = link_sources(conn, docs, article_of, set(ids), out)
        assert new_of_file == {new_files[0].raw_id: 1}
        assert out.exact_duplicates == 1
        set_file_statuses(conn, new_files, new_of_file, out)

    assert out.loaded == ["bridge.txt"] and out.duplicates == ["ferry-crlf.txt"]
    status = dict(rows(engine, "SELECT path, status FROM raw_documents"))
    assert status == {"ferry.txt": "loaded", "bridge.txt": "loaded", "ferry-crlf.txt": "duplicate"}
    links = rows(
        engine,
        "SELECT d.path, a.title FROM article_sources s JOIN raw_documents d ON d.id = s.raw_document_id "
        "JOIN articles a ON a.id = s.article_id ORDER BY d.id",
    )
    assert [path for path, _ in links] == ["ferry.txt", "bridge.txt", "ferry-crlf.txt"]
    assert links[0][1] == links[2][1], "the copy is linked to the stored ferry article"


def test_store_batch_runs_the_steps_and_a_second_store_adds_nothing(engine: Engine) -> None:
    results = prepared(
        engine,
        {"bridge.txt": BRIDGE, "bridge-edited.txt": BRIDGE_EDITED, "ferry.txt": FERRY, "again.txt": FERRY, "e.txt": ""},
    )
    first = store_batch(engine, results, MinHashParams())
    assert first.loaded == ["bridge.txt", "bridge-edited.txt", "ferry.txt"]
    assert first.copies == ["again.txt"] and not first.unchanged and [p for p, _ in first.rejected] == ["e.txt"]
    assert len(first.new_article_ids) == 3 and len(first.near_duplicates) == 1
    counts = rows(
        engine,
        "SELECT (SELECT count(*) FROM raw_documents), (SELECT count(*) FROM raw_paths), "
        "(SELECT count(*) FROM articles), (SELECT count(*) FROM article_sources)",
    )
    assert counts == [(4, 5, 3, 3)]

    second = store_batch(engine, results, MinHashParams())
    assert not (second.loaded or second.duplicates or second.rejected or second.new_article_ids)
    assert sorted(second.unchanged) == sorted(r.path for r in results)
    assert [p for p, _ in second.rejected_before] == ["e.txt"]
    assert (
        rows(
            engine,
            "SELECT (SELECT count(*) FROM raw_documents), (SELECT count(*) FROM raw_paths), "
            "(SELECT count(*) FROM articles), (SELECT count(*) FROM article_sources)",
        )
        == counts
    )
