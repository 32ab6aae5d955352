"""`axis-ingest export`: JSON Lines, CSV and Parquet files read back with the libraries a user would use."""

from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from axis_ingest.cli import main
from axis_ingest.store.table_export import COLUMNS


def _expected(db: Path) -> dict[int, dict[str, object]]:
    """The unique articles straight from the database, with authors in byline order."""
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        rows = {r["id"]: dict(r) for r in conn.execute("SELECT * FROM unique_articles")}
        for article_id, name in conn.execute(
            "SELECT aa.article_id, au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id"
            " ORDER BY aa.article_id, aa.position"
        ):
            if article_id in rows:
                rows[article_id].setdefault("authors", []).append(name)
    for row in rows.values():
        row.setdefault("authors", [])
    return rows


def _export(db: Path, fmt: str, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", fmt, "--out", str(out), "--db", str(db)]) == 0
    assert f"exported {len(_expected(db))} unique articles" in capsys.readouterr().out


def test_jsonl(sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "articles.jsonl"
    _export(sample_db, "jsonl", out, capsys)
    expected = _expected(sample_db)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == sorted(expected)
    for record in records:
        assert list(record) == list(COLUMNS)
        want = expected[record["id"]]
        assert record["metadata"] == json.loads(str(want["metadata"]))
        assert {k: v for k, v in record.items() if k != "metadata"} == {k: want[k] for k in COLUMNS if k != "metadata"}
    reuters = next(r for r in records if r["publisher"] == "Reuters")
    assert reuters["authors"] == [
        "Jana Dvořáková",
        "Tomáš Hrubý",
    ]  # byline order; "Editing by Alison Pearce" is a credit
    assert json.loads(str(expected[reuters["id"]]["metadata"]))["credits"] == [
        {"name": "Alison Pearce", "role": "editing"}
    ]
    frame = pd.read_json(out, lines=True)
    assert len(frame) == len(expected)


def test_csv(sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "articles.csv"
    _export(sample_db, "csv", out, capsys)
    expected = _expected(sample_db)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(expected)
    for row in rows:
        assert list(row) == list(COLUMNS)
        want = expected[int(row["id"])]
        assert row["body"] == want["body"]  # paragraph breaks survive the quoting
        assert row["title"] == (want["title"] or "")
        assert json.loads(row["authors"]) == want["authors"]
        assert json.loads(row["metadata"]) == json.loads(str(want["metadata"]))
    frame = pd.read_csv(out)
    frame["published_date"] = pd.to_datetime(frame["published_date"])
    dated = frame.sort_values("published_date").dropna(subset=["published_date"])["published_date"]
    assert dated.is_monotonic_increasing and len(dated) == frame["published"].notna().sum()


def test_parquet_has_typed_columns(sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "articles.parquet"
    _export(sample_db, "parquet", out, capsys)
    expected = _expected(sample_db)
    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS)
    schema = table.schema
    for name in ("published_utc", "modified_utc", "ingested_utc"):
        assert schema.field(name).type == pa.timestamp("us", tz="UTC"), name
    assert schema.field("published_date").type == pa.date32()
    assert schema.field("authors").type == pa.list_(pa.string())
    assert schema.field("id").type == pa.int64() and schema.field("title_derived").type == pa.bool_()
    rows = {r["id"]: r for r in table.to_pylist()}
    assert set(rows) == set(expected)
    for article_id, row in rows.items():
        want = expected[article_id]
        assert row["authors"] == want["authors"]
        assert row["body"] == want["body"]
        utc = want["published_utc"]
        assert row["published_utc"] == (datetime.fromisoformat(str(utc)).astimezone(UTC) if utc else None)
        assert row["published_date"] == (
            date.fromisoformat(str(want["published_date"])) if want["published_date"] else None
        )
    frame = pd.read_parquet(out)
    assert str(frame["published_utc"].dtype).startswith("datetime64") and "UTC" in str(frame["published_utc"].dtype)
    newest = frame.sort_values("published_utc", ascending=False).iloc[0]
    assert newest["publisher"] == "Reuters"  # 2026-03-11T13:41Z is the latest stated instant in raw/


def test_export_replaces_the_file_and_leaves_no_temporary(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "articles.jsonl"
    out.parent.mkdir()
    out.write_text("stale line from an earlier export\n")
    _export(sample_db, "jsonl", out, capsys)
    assert "stale line" not in out.read_text(encoding="utf-8")
    assert [p.name for p in out.parent.iterdir()] == ["articles.jsonl"]


def test_export_usage_errors(sample_db: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", "--format", "xlsx", "--out", str(tmp_path / "x"), "--db", str(sample_db)])
    assert exc.value.code == 2
    missing = tmp_path / "missing.sqlite"
    assert main(["export", "--format", "csv", "--out", str(tmp_path / "x.csv"), "--db", str(missing)]) == 2
    assert not missing.exists() and not (tmp_path / "x.csv").exists()
