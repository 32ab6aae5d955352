"""The environment of a subprocess that runs Prefect in isolation, for the tests that start one."""

from __future__ import annotations

import os
from pathlib import Path


def isolated_prefect_env(home: Path, **extra: str) -> dict[str, str]:
    """This process's environment without any PREFECT_* setting, with its own PREFECT_HOME and profiles under
    `home`, analytics off and no axis-ingest settings file; `extra` adds or overrides variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_PROFILES_PATH=str(home / "profiles.toml"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        AXIS_INGEST_CONFIG="",
    )
    env.update(extra)
    return env
