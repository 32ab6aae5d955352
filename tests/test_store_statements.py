"""A batch's articles and raw rows go into the database in one INSERT each, and each row gets its own id."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import event

from axis_ingest.run import IngestRun, RunOptions

STORY = (
    "{place}, March 3 (Reuters) - The council of {place} voted on Tuesday to close the old harbour bridge for "
    "repairs from April, after engineers found cracks in {count} of its supports, officials said.\n\n"
    "Ferries will carry foot passengers across the river while the bridge is shut, and buses will run a "
    "longer route through the industrial district, the transport office of {place} said.\n"
)
PLACES = ["Hamburg", "Bremen", "Kiel", "Rostock", "Lübeck", "Emden", "Wismar", "Stralsund"]


def test_one_insert_per_batch_and_ids_in_file_order(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for n, place in enumerate(PLACES):
        (raw / f"{n}.txt").write_text(STORY.format(place=place, count=n + 2), encoding="utf-8")
    db = tmp_path / "axis.sqlite"
    statements: list[str] = []
    run = IngestRun(RunOptions(paths=[str(raw)], db=db, clean_dir=tmp_path / "clean", workers=1))
    with run:
        event.listen(run.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
        run.process(run.discover())
    inserts = [s.split("(")[0].split()[-1] for s in statements if s.lstrip().upper().startswith("INSERT INTO")]
    assert inserts.count("articles") == 1 and inserts.count("raw_documents") == 1
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(
            "SELECT a.id, r.path, r.id FROM articles a JOIN article_sources s ON s.article_id = a.id "
            "JOIN raw_documents r ON r.id = s.raw_document_id ORDER BY a.id"
        ).fetchall()
    assert [Path(path).name for _, path, _ in rows] == [f"{n}.txt" for n in range(len(PLACES))]
    assert [a for a, _, _ in rows] == sorted({a for a, _, _ in rows}) and [r for *_, r in rows] == list(range(1, 9))
    with closing(sqlite3.connect(db)) as conn:
        titles = conn.execute("SELECT id, body FROM articles ORDER BY id").fetchall()
    assert all(PLACES[n] in body for n, (_, body) in enumerate(titles))
