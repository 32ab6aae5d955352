"""What one ingest run is asked to do: the options the CLI, `run_ingest` and the Prefect flow share.

The option names are written once, here.  The CLI builds a `RunOptions` from
its arguments, scripts and tests build one directly (or through `run_ingest`'s
keywords), and the Prefect flow takes the same names as its parameters
(`RunOptions.flow_parameters()`; a test checks the flow's signature matches),
because a deployment can only pass JSON values.  To add an option, add a field
here, a parameter to `axis_ingest.flows.ingest.ingest`, and a CLI flag.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, fields

from axis_ingest.config import Settings, load_settings
from axis_ingest.store.db import DEFAULT_DB

DEFAULT_RAW = "raw"
DEFAULT_CLEAN = "clean"

PathLike = str | os.PathLike[str]

# Fields that hold Python objects rather than JSON values: not Prefect flow parameters.
IN_PROCESS_ONLY = frozenset({"settings"})


@dataclass(frozen=True)
class RunOptions:
    """Inputs, outputs and tuning of one run; frozen, so every layer sees the same values."""

    paths: tuple[str, ...] = (DEFAULT_RAW,)
    db: str = DEFAULT_DB
    clean_dir: str = DEFAULT_CLEAN
    # A settings file; `settings` (already loaded, for tests and scripts) wins over it.
    config: str | None = None
    settings: Settings | None = None
    # None: the value from settings ([run] batch_size; workers 0 = one process per core).
    batch_size: int | None = None
    workers: int | None = None
    # Read files recorded as rejected again, though their bytes are unchanged (after a limit is
    # raised or a bug fixed); without it they keep their rejection and are not parsed.
    retry_rejected: bool = False
    # A Dask scheduler (tcp://HOST:PORT): files are prepared on its workers, this process stores them.
    dask_address: str | None = None

    def __post_init__(self) -> None:
        # Accept what people pass (a list of Paths, one path, a Path db) and store plain strings.
        given: Sequence[PathLike] | PathLike = self.paths
        paths = [given] if isinstance(given, str | os.PathLike) else list(given)
        object.__setattr__(self, "paths", tuple(str(p) for p in paths) or (DEFAULT_RAW,))
        object.__setattr__(self, "db", str(self.db))
        object.__setattr__(self, "clean_dir", str(self.clean_dir))
        if self.config is not None:
            object.__setattr__(self, "config", str(self.config))
        if self.batch_size is not None and self.batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {self.batch_size}")
        if self.workers is not None and self.workers < 0:
            raise ValueError(f"workers must be 0 (one per core) or more, not {self.workers}")

    def load_settings(self) -> Settings:
        """The run's settings: the given object, else the settings file (reads it: call once per run)."""
        return self.settings if self.settings is not None else load_settings(self.config)

    @classmethod
    def flow_parameter_names(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name not in IN_PROCESS_ONLY]

    def flow_parameters(self) -> dict[str, object]:
        """These options as the Prefect flow's keyword arguments (JSON values only)."""
        if self.settings is not None:
            raise ValueError("a Prefect flow run cannot take a Settings object: pass `config` (a file) instead")
        values = {name: getattr(self, name) for name in self.flow_parameter_names()}
        values["paths"] = list(self.paths)
        return values
