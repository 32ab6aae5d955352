"""docs/metadata.yml with a real Datasette: labels, the search box on articles and unique_articles, canned queries.

The test starts `datasette` as a separate process on a free port on 127.0.0.1,
queries it over HTTP, and stops it.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from test_docs_examples import ALL_RAW_SQL, HARVEST_SQL

METADATA = Path(__file__).resolve().parents[1] / "docs" / "metadata.yml"
STRIKE_TITLE = "Gdańsk dockworkers walk out as talks over automated cranes collapse"
# Canned queries that need harvest tables with rows; on raw/ they are valid but empty.
HARVEST_QUERIES = {"edited_posts", "latest_versions", "harvest_failures"}
# Canned queries that take a parameter, with a value that has rows on raw/.
PARAMETERS = {"by_author": {"author": "Milica Stojanović"}, "search_unique_by_relevance": {"query": "strike"}}


def _normalised(sql: str) -> str:
    return " ".join(sql.split()).rstrip(";").strip()


def _queries() -> dict[str, dict[str, str]]:
    return yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["axis"]["queries"]


def test_every_docs_example_is_a_canned_query() -> None:
    canned = {_normalised(q["sql"]) for q in _queries().values()}
    missing = [sql for sql in ALL_RAW_SQL + HARVEST_SQL if _normalised(sql) not in canned]
    assert not missing, f"docs/schema.md examples missing from docs/metadata.yml: {missing}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def datasette(sample_db: Path) -> Iterator[str]:
    port = _free_port()
    command = [sys.executable, "-m", "datasette", "serve", str(sample_db), "--metadata", str(METADATA)]
    process = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/-/versions.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode() if process.stdout else ""
                raise RuntimeError(f"datasette did not start: {output}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _rows(url: str, **params: str) -> list[dict]:
    response = httpx.get(url, params={"_shape": "array", **params}, timeout=30)
    assert response.status_code == 200, response.text[:500]
    return response.json()


def test_search_box_on_articles_and_unique_articles(datasette: str) -> None:
    everything = _rows(f"{datasette}/axis/articles.json", _search="strike")
    assert [r["title"] for r in everything].count(STRIKE_TITLE) == 2  # the canonical and its re-scraped copy
    unique = _rows(f"{datasette}/axis/unique_articles.json", _search="strike")
    assert [r["title"] for r in unique].count(STRIKE_TITLE) == 1
    assert all(r["duplicate_of"] is None for r in unique)
    assert _rows(f"{datasette}/axis/articles.json", _search="xylophone") == []
    page = httpx.get(f"{datasette}/axis/unique_articles", timeout=30).text
    assert 'name="_search"' in page  # Datasette shows the search box


@pytest.mark.parametrize("name", sorted(_queries()))
def test_canned_query_answers(datasette: str, name: str) -> None:
    rows = _rows(f"{datasette}/axis/{name}.json", **PARAMETERS.get(name, {}))
    if name not in HARVEST_QUERIES:
        assert rows, f"canned query {name} returned no rows on raw/"


def test_tables_and_columns_are_labelled(datasette: str) -> None:
    page = httpx.get(f"{datasette}/axis/unique_articles", timeout=30).text
    assert "one row per story" in page
    metadata = httpx.get(f"{datasette}/-/metadata.json", timeout=30).json()
    columns = metadata["databases"]["axis"]["tables"]["articles"]["columns"]
    assert re.search("UTC", columns["published_utc"]) and "published_date" in columns
    listing = httpx.get(f"{datasette}/axis.json", timeout=30).json()
    visible = {t["name"] for t in listing["tables"] if not t["hidden"]}
    assert {"articles", "raw_documents", "runs"} <= visible
    assert not {"minhash_buckets", "chrome_lines", "articles_fts_data"} & visible
