"""The harvest flow: every configured source harvested, then ingested, as a tracked Prefect run.

Runs the flow in-process against a temporary Prefect server (prefect_test_harness),
with a WordPress stand-in and a feed site on 127.0.0.1.  The deployment in
prefect.yaml is checked without a server.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from harvest_servers import FeedStandIn, WordPressStandIn
from test_harvest_wordpress import FAST_HARVEST

PROJECT = Path(__file__).resolve().parent.parent


def test_prefect_yaml_has_a_scheduled_harvest_and_ingest_deployment() -> None:
    config = yaml.safe_load((PROJECT / "prefect.yaml").read_text(encoding="utf-8"))
    deployment = next(d for d in config["deployments"] if d["name"] == "harvest-and-ingest")
    assert deployment["entrypoint"] == "flows/harvest.py:harvest"
    assert deployment["schedules"][0]["cron"] and deployment["schedules"][0]["active"]
    from axis_ingest.flows.harvest import harvest

    parameters = set(harvest.parameters.properties)
    assert set(deployment["parameters"]) <= parameters


@pytest.mark.server
def test_harvest_flow_harvests_every_source_then_ingests(tmp_path: Path) -> None:
    from prefect.testing.utilities import prefect_test_harness

    from axis_ingest.flows.harvest import harvest

    site = WordPressStandIn(12, seed=21)
    feeds = FeedStandIn(seed=22)
    items = [feeds.article("rss", datetime(2025, 6, 1, 8, n, tzinfo=UTC), "Ana Lima") for n in range(2)]
    with site.running(), feeds.running():
        config = tmp_path / "axis-ingest.toml"
        config.write_text(
            FAST_HARVEST
            + f'\n[[sources]]\nkind = "wordpress"\nurl = "{site.base}"\nevery = "1h"\n'
            + f'\n[[sources]]\nkind = "feed"\nurl = "{feeds.base}/rss.xml"\n',
            encoding="utf-8",
        )
        params = {
            "raw_dir": str(tmp_path / "raw"),
            "db": str(tmp_path / "db.sqlite"),
            "clean_dir": str(tmp_path / "clean"),
            "config": str(config),
            "db_lock": "",
        }
        with prefect_test_harness(server_startup_timeout=120):
            result = harvest(**params)
            assert result["files_saved"] == 1 + len(items)
            assert result["ingest"]["new_articles"] == 12 + len(items)
            again = harvest(**params)  # the site is not due yet; the feed answers 304
    assert again["not_due"] == [site.base]
    assert again["sources"][0]["not_modified"] is True
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        assert db.execute("SELECT count(*) FROM unique_articles").fetchone()[0] == 14
