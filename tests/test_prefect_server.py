"""The Prefect path for real: a server, a process work pool, prefect.yaml deployed, a worker, flow runs.

One Prefect server (temporary PREFECT_HOME, free port, analytics off) serves
the module.  The end-to-end test deploys prefect.yaml exactly as
docs/scheduling.md says, starts a worker, asks for two `ingest/on-demand` runs
at once on a temporary copy of inputs written here, and checks the SQLite rows,
the artifacts and the logs through the Prefect API, and that the deployment's
concurrency limit kept the two runs from overlapping.  A second test runs the
flow in-process against the same server to check what a failing chunk does:
a locked database is retried, bad data is not, and the other chunks are kept.

Every process is started in its own session and stopped by process group
(`prefect worker start` and `prefect server start` each run as several
processes).  Each test is bounded by a deadline.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from badinputs import contract_snapshot
from prefect_env import isolated_prefect_env

pytestmark = pytest.mark.server

PROJECT = Path(__file__).resolve().parent.parent

# Wall-clock bound of each test, server start included.  Measured here: the
# server is healthy after ~9-30 s on a new database (30 s with other work on
# the 2 cores), a flow run takes ~15-20 s from submission (the run's
# subprocess imports Prefect and the pipeline), so two runs in a row plus
# deploy and worker start take ~60-90 s.
TEST_BUDGET_SECONDS = 240
SERVER_START_SECONDS = 120

# The worker polls this often (default 10 s); lower so tests do not idle.
WORKER_QUERY_SECONDS = "2"


# ---- inputs written by the test: one of each format the deployment must handle ------------------

WIRE_STORY = """\
BUENOS AIRES, March 12 (Reuters) - Argentina's soybean crushers halted work at three ports on \
Wednesday after the oilseed workers' union called a 48-hour strike over wages, industry sources said, \
threatening exports of soymeal from the world's top supplier.

The stoppage affects terminals around Rosario, where about 80% of the country's farm exports are \
shipped, according to the port chamber.

"We will not return until the companies present a serious offer," union leader Daniel Yofra told \
local radio, adding that talks with the crushing chamber had broken down late on Tuesday.

Argentina is the largest exporter of soymeal and soyoil, used for animal feed and biofuels, and any \
prolonged halt could lift global prices.

(Reporting by Maximilian Heath; Editing by Rosalba O'Brien)
"""

WORDPRESS_POST = {
    "id": 4812,
    "date": "2025-09-03T10:15:00",
    "date_gmt": "2025-09-03T08:15:00",
    "modified_gmt": "2025-09-03T09:00:00",
    "link": "https://lakeside-courier.example/2025/09/03/library-reopens/",
    "title": {"rendered": "Town library reopens after two-year renovation"},
    "excerpt": {"rendered": "<p>The 1912 building now has a children&#8217;s wing and a rooftop reading room.</p>"},
    "content": {
        "rendered": (
            "<p>The Lakeside public library reopened on Tuesday after a two-year renovation that cost "
            "&euro;4.2 million, with a new children&#8217;s wing and a rooftop reading room overlooking "
            "the harbour.</p>\n<p>Librarian Marta Kowalczyk said more than 600 people came through the "
            "doors in the first hour, many of them families returning books borrowed before the closure.</p>\n"
            "<h2>What changed</h2>\n<ul><li>A lift to every floor</li><li>Study rooms that can be booked "
            "online</li><li>Longer opening hours on Saturdays</li></ul>\n<p>The council said the building "
            "would also host evening language classes from October.</p>"
        )
    },
    "author": 7,
    "categories": [3],
    "tags": [11, 12],
}

SCRAPED_PAGE = """\
Skip to content
Home
News
Sport
Business
Subscribe
Bridge repairs to close river crossing for six weeks
By Hannah Okafor
14 May 2025
The Old Mill bridge will close to traffic from Monday for six weeks while engineers replace corroded \
steel supports, the county council said.
Buses will be diverted through Station Road, adding about ten minutes to journeys into the town centre, \
and a temporary footbridge will stay open for pedestrians and cyclists.
Council engineer Paul Hendricks said inspections in March found that two of the four supports had lost \
more than a third of their thickness to rust.
"We would rather close it now on our terms than in an emergency," he said.
Local traders have asked for free parking during the works to keep shoppers coming.
Share this article
Facebook
Twitter
Email
Most read
Cookie settings
© 2025 Riverside Gazette. All rights reserved.
"""


def write_inputs(folder: Path) -> None:
    """Three good inputs, a copy of one saved with Windows line ends (a duplicate), and an empty file (rejected)."""
    folder.mkdir(parents=True)
    (folder / "wire-soy-strike.txt").write_text(WIRE_STORY, encoding="utf-8")
    (folder / "wp-library.json").write_text(json.dumps(WORDPRESS_POST), encoding="utf-8")
    (folder / "gazette-bridge.txt").write_text(SCRAPED_PAGE, encoding="utf-8")
    (folder / "copies").mkdir()
    (folder / "copies" / "wire-soy-strike-crlf.txt").write_bytes(WIRE_STORY.replace("\n", "\r\n").encode())
    (folder / "empty-notes.txt").write_text("", encoding="utf-8")


# ---- processes -----------------------------------------------------------------------------------


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.seconds = seconds

    def left(self) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"the test ran over its budget of {self.seconds:.0f} s")
        return remaining


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_group(proc: subprocess.Popen[Any]) -> None:
    """Stop a process started with start_new_session=True and everything it started.

    SIGINT first (the server and worker shut down cleanly on it), then SIGTERM,
    then SIGKILL; finally SIGKILL to the group for children that outlived the leader.
    """
    for sig, wait in ((signal.SIGINT, 15), (signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            break
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        with suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=wait)
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


@dataclass
class PrefectServer:
    url: str
    env: dict[str, str]
    home: Path
    logs: Path
    started_seconds: float
    procs: list[subprocess.Popen[Any]] = field(default_factory=list)

    def prefect(self, *args: str, deadline: Deadline, cwd: Path = PROJECT) -> str:
        """Run a `prefect` CLI command against the server; returns its output, fails the test on error."""
        done = subprocess.run(
            [sys.executable, "-m", "prefect", *args],
            cwd=cwd,
            env=self.env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=min(deadline.left(), 120),
        )
        assert done.returncode == 0, f"prefect {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        return done.stdout + done.stderr

    def start(self, name: str, *args: str, cwd: Path) -> subprocess.Popen[Any]:
        log = open(self.logs / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(
            [sys.executable, "-m", "prefect", *args],
            cwd=cwd,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        self.procs.append(proc)
        return proc

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""


def prefect_env(home: Path, url: str | None) -> dict[str, str]:
    """A clean environment: this machine's profile and any outer PREFECT_* settings are not used."""
    env = isolated_prefect_env(
        home, PREFECT_WORKER_QUERY_SECONDS=WORKER_QUERY_SECONDS, PREFECT_CLI_COLORS="false", PYTHONUNBUFFERED="1"
    )
    if url:
        env["PREFECT_API_URL"] = url
    return env


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrefectServer]:
    base = tmp_path_factory.mktemp("prefect")
    home, logs = base / "home", base / "logs"
    home.mkdir()
    logs.mkdir()
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    srv = PrefectServer(url=url, env=prefect_env(home, url), home=home, logs=logs, started_seconds=0.0)
    started = time.monotonic()
    proc = srv.start("server", "server", "start", "--host", "127.0.0.1", "--port", str(port), cwd=base)
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"prefect server exited with {proc.returncode}:\n{srv.log('server')}")
            if time.monotonic() - started > SERVER_START_SECONDS:
                pytest.fail(f"prefect server not healthy after {SERVER_START_SECONDS} s:\n{srv.log('server')}")
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.25)
        srv.started_seconds = time.monotonic() - started
        print(f"prefect server healthy after {srv.started_seconds:.1f} s")
        yield srv
    finally:
        for child in reversed(srv.procs):
            stop_group(child)


def client_call(server: PrefectServer, method: str, *args: Any, **kwargs: Any) -> Any:
    """Call a sync Prefect client method against the test server (settings scoped to this call)."""
    from prefect import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: server.url}), get_client(sync_client=True) as client:
        return getattr(client, method)(*args, **kwargs)


def wait_for_runs(server: PrefectServer, run_ids: list[UUID], deadline: Deadline) -> list[Any]:
    """Poll until every flow run is in a final state; returns the runs."""
    while True:
        runs = [client_call(server, "read_flow_run", run_id) for run_id in run_ids]
        if all(run.state is not None and run.state.is_final() for run in runs):
            return runs
        try:
            deadline.left()
        except TimeoutError:
            states = [(str(run.id), run.state.type if run.state else None) for run in runs]
            pytest.fail(
                f"flow runs not finished in time: {states}\n--- worker log:\n{server.log('worker')}"
                f"\n--- server log:\n{server.log('server')[-1500:]}"
            )
        time.sleep(1)


def wait_for_scheduled_runs(server: PrefectServer, deployment_id: UUID, deadline: Deadline) -> int:
    """Poll until the deployment has runs in state SCHEDULED; returns how many."""
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    while True:
        runs = client_call(
            server,
            "read_flow_runs",
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])),
            flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))
            ),
        )
        if runs:
            return len(runs)
        try:
            deadline.left()
        except TimeoutError:
            pytest.fail(f"the scheduler made no scheduled runs:\n{server.log('server')[-3000:]}")
        time.sleep(1)


# ---- database helpers ----------------------------------------------------------------------------


# ---- the tests -----------------------------------------------------------------------------------


def test_deployment_runs_on_a_worker_and_records_rows_artifacts_and_logs(server: PrefectServer, tmp_path: Path) -> None:
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId, LogFilter, LogFilterFlowRunId

    deadline = Deadline(TEST_BUDGET_SECONDS - server.started_seconds)
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    write_inputs(inputs)
    db, clean = out / "axis.sqlite", out / "clean"

    # Exactly the steps of docs/scheduling.md.
    server.prefect("work-pool", "create", "axis-ingest-pool", "--type", "process", deadline=deadline)
    deployed = server.prefect("deploy", "--all", "--no-prompt", deadline=deadline)
    assert "ingest/scheduled" in deployed and "ingest/on-demand" in deployed, deployed
    scheduled = client_call(server, "read_deployment_by_name", "ingest/scheduled")
    assert [s.schedule.cron for s in scheduled.schedules] == ["0 * * * *"]
    on_demand = client_call(server, "read_deployment_by_name", "ingest/on-demand")
    assert on_demand.pull_steps == [{"prefect.deployments.steps.set_working_directory": {"directory": str(PROJECT)}}], (
        "prefect deploy should record this checkout's absolute path"
    )
    assert on_demand.global_concurrency_limit is not None and on_demand.global_concurrency_limit.limit == 1

    # The server's scheduler turns the cron schedule into scheduled runs (it cannot with SQLAlchemy 2.1).
    # Then the scheduled deployment is removed, with its runs: one firing on the hour during the test
    # would ingest the checkout's raw/ into its db/.
    waited = time.monotonic()
    assert wait_for_scheduled_runs(server, scheduled.id, deadline) >= 1
    print(f"scheduled runs appeared {time.monotonic() - waited:.1f} s after deploying")
    server.prefect("deployment", "delete", "ingest/scheduled", deadline=deadline)

    worker_dir = tmp_path / "worker"
    worker_dir.mkdir()
    server.start("worker", "worker", "start", "--pool", "axis-ingest-pool", cwd=worker_dir)

    params = json.dumps({"paths": [str(inputs)], "db": str(db), "clean_dir": str(clean)})
    run_ids: list[UUID] = []
    for _ in range(2):  # two at once: the deployment's concurrency limit must queue the second
        output = server.prefect("deployment", "run", "ingest/on-demand", "--params", params, deadline=deadline)
        found = re.search(r"UUID: ([0-9a-f-]{36})", output)
        assert found, output
        run_ids.append(UUID(found.group(1)))
    runs = wait_for_runs(server, run_ids, deadline)
    for run in runs:
        assert run.state.is_completed(), f"{run.name}: {run.state}\n{server.log('worker')}"

    # The two runs never overlapped, and between them they stored each file once.
    first, second = sorted(runs, key=lambda r: r.start_time)
    assert first.end_time <= second.start_time, (first.start_time, first.end_time, second.start_time)

    rows = contract_snapshot(db)
    status = {Path(path).name: (state, reason) for _, path, _, _, state, reason in rows["raw_documents"]}
    assert {name: state for name, (state, _) in status.items()} == {
        "wire-soy-strike.txt": "loaded",
        "wp-library.json": "loaded",
        "gazette-bridge.txt": "loaded",
        "wire-soy-strike-crlf.txt": "duplicate",
        "empty-notes.txt": "rejected",
    }
    assert status["empty-notes.txt"][1], "a rejected file must say why"
    titles = {title for _, title, *_ in rows["articles"]}
    assert {
        "Town library reopens after two-year renovation",
        "Bridge repairs to close river crossing for six weeks",
    } <= (titles)
    assert len(rows["articles"]) == 3, rows["articles"]
    # The wire story has two sources (the file and its copy), the others one each.
    assert len(rows["article_sources"]) == 4, rows["article_sources"]
    assert len(list(clean.glob("*.json"))) == 3

    # Artifacts and logs of each run, read back through the API.
    tables = {}
    for run in runs:
        artifacts = client_call(
            server, "read_artifacts", flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id]))
        )
        by_key = {artifact.key: artifact for artifact in artifacts}
        assert {"ingest-files-by-status", "ingest-summary"} <= set(by_key), sorted(by_key)
        table = by_key["ingest-files-by-status"].data
        table = json.loads(table) if isinstance(table, str) else table
        tables[run.id] = {row["status"]: row["files"] for row in table}
        summary = by_key["ingest-summary"].data
        for heading in ("## Rejected files", "## Near-duplicate articles found", "## Time per stage"):
            assert heading in summary
        # The run's process sends logs in batches, the last ones as it exits, just after its final state.
        while True:
            logs = client_call(server, "read_logs", log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[run.id])))
            messages = "\n".join(log.message for log in logs)
            if "run finished" in messages or deadline.end - time.monotonic() < 5:
                break
            time.sleep(1)
        assert "run finished" in messages and "chunk stored" in messages, messages[-2000:]
    # The first run did the work; the second found every file already stored.
    assert tables[first.id] == {
        "loaded": 3,
        "duplicates": 1,
        "rejected": 1,
        "unchanged": 0,
        "copies": 0,
        "not_stored": 0,
    }, tables[first.id]
    assert tables[second.id]["loaded"] == tables[second.id]["duplicates"] == 0, tables[second.id]
    assert tables[second.id]["unchanged"] + tables[second.id]["rejected"] == 5, tables[second.id]
    first_summary = next(
        a.data
        for a in client_call(
            server, "read_artifacts", flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[first.id]))
        )
        if a.key == "ingest-summary"
    )
    assert "empty-notes.txt" in first_summary and "Files seen: **5**" in first_summary
    print(f"server start {server.started_seconds:.1f} s; test {TEST_BUDGET_SECONDS - deadline.left():.1f} s")


CHUNK_FAILURE_SCRIPT = r"""
import json, sqlite3, sys
from pathlib import Path
from sqlalchemy.exc import OperationalError

import axis_ingest.flows.ingest as flows_ingest
from axis_ingest.run import IngestRun

inputs, db, clean = sys.argv[2], sys.argv[3], sys.argv[4]
attempts = {}
real_process = IngestRun.process

def process(self, chunk):
    name = Path(chunk[0].path).name
    attempts[name] = attempts.get(name, 0) + 1
    if name.startswith("locked") and attempts[name] == 1:  # another writer held the lock
        raise OperationalError("INSERT INTO raw_documents", {}, sqlite3.OperationalError("database is locked"))
    if name.startswith("poison"):  # a bug or bad data: retrying cannot help
        raise ValueError(f"cannot handle {name}")
    return real_process(self, chunk)

IngestRun.process = process
flows_ingest.ingest_chunk_task.retry_delay_seconds = [0, 0, 0]
state = flows_ingest.ingest(paths=[inputs], db=db, clean_dir=clean, batch_size=1, return_state=True)
print("RESULT " + json.dumps({"state": state.type.value, "message": state.message, "attempts": attempts,
                              "flow_run_id": str(state.state_details.flow_run_id)}))
"""


def test_failed_chunk_keeps_the_others_and_only_a_locked_database_is_retried(
    server: PrefectServer, tmp_path: Path
) -> None:
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    deadline = Deadline(TEST_BUDGET_SECONDS)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    # Files sort by name into chunks of one (batch_size=1): a good file, one that meets a locked
    # database once, one that always raises, and another good file after it.
    (inputs / "a-wire.txt").write_text(WIRE_STORY, encoding="utf-8")
    (inputs / "locked-bridge.txt").write_text(SCRAPED_PAGE, encoding="utf-8")
    (inputs / "poison-post.json").write_text(json.dumps(WORDPRESS_POST), encoding="utf-8")
    (inputs / "z-library.json").write_text(
        json.dumps({**WORDPRESS_POST, "id": 4999, "title": {"rendered": "Library adds Sunday hours"}}),
        encoding="utf-8",
    )
    db, clean = tmp_path / "out" / "axis.sqlite", tmp_path / "out" / "clean"
    script = tmp_path / "chunk_failure.py"
    script.write_text(CHUNK_FAILURE_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(PROJECT), str(inputs), str(db), str(clean)],
        env=server.env,
        cwd=tmp_path,  # outside the checkout: the flow is imported from the installed package
        capture_output=True,
        text=True,
        timeout=deadline.left(),
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, f"exit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    result = json.loads(lines[-1][len("RESULT ") :])

    assert result["state"] == "FAILED", result
    assert "1 of 4 chunks failed" in result["message"], result["message"]
    # The locked database was retried once and then stored; the poisoned chunk was tried once only.
    assert result["attempts"] == {"a-wire.txt": 1, "locked-bridge.txt": 2, "poison-post.json": 1, "z-library.json": 1}
    stored = {Path(path).name for _, path, *_ in contract_snapshot(db)["raw_documents"]}
    assert stored == {"a-wire.txt", "locked-bridge.txt", "z-library.json"}

    artifacts = client_call(
        server,
        "read_artifacts",
        flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[UUID(result["flow_run_id"])])),
    )
    summary = next(a.data for a in artifacts if a.key == "ingest-summary")
    assert "ValueError: cannot handle poison-post.json" in summary, summary


def test_cli_runs_the_flow_from_outside_the_checkout(server: PrefectServer, tmp_path: Path) -> None:
    """With PREFECT_API_URL set, `axis-ingest ingest` runs the flow; from any folder (no `flows` on sys.path)."""
    deadline = Deadline(TEST_BUDGET_SECONDS)
    inputs = tmp_path / "inputs"
    write_inputs(inputs)
    work = tmp_path / "elsewhere"
    work.mkdir()
    cli = Path(sys.executable).parent / "axis-ingest"
    done = subprocess.run(
        [str(cli), "ingest", "--json", "--workers", "1", str(inputs), "--db", "axis.sqlite"],
        cwd=work,
        env=server.env,
        capture_output=True,
        text=True,
        timeout=deadline.left(),
    )
    assert done.returncode == 0, f"{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    lines = done.stdout.splitlines()
    start = len(lines) - 1 - lines[::-1].index("{")  # the summary is the last JSON object printed
    data = json.loads("\n".join(lines[start:]))
    assert (data["files_seen"], data["loaded"], data["duplicates"], data["rejected"]) == (5, 3, 1, 1), data
    assert len(contract_snapshot(work / "axis.sqlite")["raw_documents"]) == 5
    assert len(list((work / "clean").glob("*.json"))) == 3
    assert "ingest-chunk" in done.stdout + done.stderr, "the run went through the Prefect flow"
