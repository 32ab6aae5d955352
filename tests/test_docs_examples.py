"""Every example in docs/schema.md works: each SQL query returns rows, the Python runs, the console output is true.

The SQL examples before the "Harvest examples" heading run on the database the
quick start builds from raw/; the ones after it on a database that harvested a
stand-in WordPress site (with an edited post and a page that kept failing).
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest

from axis_ingest.cli import main
from harvest_servers import WordPressStandIn

SCHEMA_MD = Path(__file__).resolve().parents[1] / "docs" / "schema.md"
HARVEST_HEADING = "### Harvest examples"
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.S | re.M)


def _blocks(kind: str, text: str) -> list[str]:
    return [body for lang, body in _BLOCK.findall(text) if lang == kind]


DOC = SCHEMA_MD.read_text(encoding="utf-8")
EXAMPLES = DOC[DOC.index("## Example queries") :]
RAW_SQL = _blocks("sql", EXAMPLES[: EXAMPLES.index(HARVEST_HEADING)])
HARVEST_SQL = _blocks("sql", EXAMPLES[EXAMPLES.index(HARVEST_HEADING) : EXAMPLES.index("\n## ", 10)])
# The query in the articles_fts section is an example too.
ALL_RAW_SQL = _blocks("sql", DOC[: DOC.index("## Example queries")]) + RAW_SQL


def _label(sql: str) -> str:
    return " ".join(sql.split())[:60]


def test_the_docs_have_examples() -> None:
    assert len(RAW_SQL) >= 10 and len(HARVEST_SQL) >= 3 and len(_blocks("python", EXAMPLES)) >= 2


@pytest.mark.parametrize("sql", ALL_RAW_SQL, ids=[_label(s) for s in ALL_RAW_SQL])
def test_sql_example_returns_rows_on_raw(sample_db: Path, sql: str) -> None:
    with closing(sqlite3.connect(sample_db)) as conn:
        rows = conn.execute(sql).fetchall()
    assert rows, f"no rows on raw/:\n{sql}"


def test_authors_are_listed_in_byline_order(sample_db: Path) -> None:
    with closing(sqlite3.connect(sample_db)) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute(RAW_SQL[0]).fetchall()
        expected = {
            article_id: ", ".join(names)
            for article_id, names in (
                (
                    r["id"],
                    [
                        n
                        for (n,) in conn.execute(
                            "SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id"
                            " WHERE aa.article_id = ? ORDER BY aa.position",
                            (r["id"],),
                        )
                    ],
                )
                for r in rows
            )
        }
    assert {r["id"]: r["authors"] or "" for r in rows} == expected
    assert "Jana Dvořáková, Tomáš Hrubý" in expected.values()  # stored in another order; the editor is a credit
    dates = [r["published_date"] for r in rows]
    assert dates == sorted(dates, reverse=True)


def test_duplicates_output_in_the_docs_is_what_the_command_prints(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    console = next(body for lang, body in _BLOCK.findall(EXAMPLES) if lang == "console")
    command, _, shown = console.partition("\n")
    assert command == "$ axis-ingest duplicates"
    assert main(["duplicates", "--db", str(sample_db)]) == 0
    assert capsys.readouterr().out.strip() == shown.strip()


@pytest.mark.parametrize("index", range(len(_blocks("python", EXAMPLES))))
def test_python_example_runs(sample_db: Path, index: int) -> None:
    """Run from the folder holding db/axis.sqlite, as the quick start leaves it."""
    code = _blocks("python", EXAMPLES)[index]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=sample_db.parent.parent, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip().splitlines()) >= 3


def test_pandas_reads_and_sorts_by_time(sample_db: Path) -> None:
    with closing(sqlite3.connect(sample_db)) as conn:
        df = pd.read_sql("SELECT id, published, published_utc, published_date FROM unique_articles", conn)
    with pytest.raises((ValueError, TypeError)):
        pd.to_datetime(df["published"])  # mixed precisions and offsets: why the docs point elsewhere
    df["published_utc"] = pd.to_datetime(df["published_utc"], utc=True)
    df["published_date"] = pd.to_datetime(df["published_date"])
    assert df["published_date"].notna().sum() == df["published"].notna().sum()
    ordered = df.sort_values(["published_date", "published_utc"], ascending=False, na_position="last")
    dated = ordered["published_date"].dropna()
    assert dated.is_monotonic_decreasing and len(dated) >= 5
    assert str(df["published_utc"].dtype) == "datetime64[ns, UTC]" or "UTC" in str(df["published_utc"].dtype)


FAST_HARVEST = """
[harvest]
user_agent = "axis-ingest-test/1.0 (docs examples)"
min_interval_seconds = 0.005
backoff_seconds = 0.01
retries = 1
timeout_seconds = 5.0
max_retry_after_seconds = 5.0
"""


@pytest.fixture(scope="module")
def harvested_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database that harvested 120 posts (one page failing at first), then an edit, each followed by an ingest."""
    root = tmp_path_factory.mktemp("harvested")
    config = root / "axis-ingest.toml"
    config.write_text(FAST_HARVEST, encoding="utf-8")
    db = root / "db" / "axis.sqlite"
    common = ["--db", str(db), "--config", str(config)]
    harvest = ["harvest", "wordpress", "--raw", str(root / "raw"), *common]
    ingest = ["ingest", str(root / "raw"), "--clean-dir", str(root / "clean"), "--workers", "1", *common]
    site = WordPressStandIn(120, seed=21)
    site.script("/wp-json/wp/v2/posts", 502, times=2, query="page=2")
    with site.running():
        assert main([*harvest[:2], site.base, *harvest[2:]]) == 0
        assert main(ingest) == 0
        site.edit_post(100)  # the first post (ids start at 100)
        assert main([*harvest[:2], site.base, *harvest[2:]]) == 0
        assert main(ingest) == 0
    return db


@pytest.mark.parametrize("sql", HARVEST_SQL, ids=[_label(s) for s in HARVEST_SQL])
def test_harvest_example_returns_rows(harvested_db: Path, sql: str) -> None:
    with closing(sqlite3.connect(harvested_db)) as conn:
        assert conn.execute(sql).fetchall(), f"no rows on a harvested database:\n{sql}"
