"""Run settings: limits, batch size and per-publisher settings, from an editable TOML file.

Settings are looked up in this order: explicit path, `$AXIS_INGEST_CONFIG`,
`axis-ingest.toml` in the working directory, then the defaults shipped in
`axis_ingest/data/defaults.toml`.  Per-publisher settings (time zone) are keyed
by publisher name or domain, case-insensitively.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CONFIG_ENV = "AXIS_INGEST_CONFIG"
LOCAL_CONFIG = "axis-ingest.toml"


@dataclass(frozen=True)
class Limits:
    """Per-document limits; an input over them is rejected, not hung on."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_text_chars: int = 8_000_000
    max_seconds_per_file: float = 60.0
    max_items_per_file: int = 5_000


@dataclass(frozen=True)
class Settings:
    limits: Limits = field(default_factory=Limits)
    batch_size: int = 100
    workers: int = 0  # 0 = one process per core
    publisher_timezones: dict[str, str] = field(default_factory=dict)
    source_path: str | None = None
    # The merged settings as read (defaults + user file): sections other modules own,
    # such as `[harvest]` and `[[sources]]` (axis_ingest.harvest.sources), are read from here.
    sections: dict[str, Any] = field(default_factory=dict)

    def timezone_for(self, *keys: str | None) -> str | None:
        """The configured IANA time zone for the first key (publisher or domain) that has one."""
        for key in keys:
            if key:
                zone = self.publisher_timezones.get(key.strip().lower().removeprefix("www."))
                if zone:
                    return zone
        return None


def _read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _defaults() -> dict[str, Any]:
    text = resources.files("axis_ingest.data").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Load settings, layering a user file (if any) over the shipped defaults."""
    data = _defaults()
    chosen: Path | None = None
    if path is not None:
        chosen = Path(path)
    elif os.environ.get(CONFIG_ENV):
        chosen = Path(os.environ[CONFIG_ENV])
    elif Path(LOCAL_CONFIG).is_file():
        chosen = Path(LOCAL_CONFIG)
    if chosen is not None:
        user = _read_toml(chosen)
        for section, values in user.items():
            if isinstance(values, dict) and isinstance(data.get(section), dict):
                data[section] = {**data[section], **values}
            else:
                data[section] = values
    limits = Limits(**data.get("limits", {}))
    run = data.get("run", {})
    zones = {
        name.strip().lower().removeprefix("www."): str(cfg["timezone"])
        for name, cfg in data.get("publishers", {}).items()
        if isinstance(cfg, dict) and cfg.get("timezone")
    }
    # A harvest source's time zone is its site's: `[[sources]] url = "https://site/" timezone = "..."`.
    for source in data.get("sources", []):
        if isinstance(source, dict) and source.get("timezone") and source.get("url"):
            host = (urlsplit(str(source["url"])).hostname or "").removeprefix("www.")
            if host:
                zones.setdefault(host, str(source["timezone"]))
    return Settings(
        limits=limits,
        batch_size=int(run.get("batch_size", 100)),
        workers=int(run.get("workers", 0)),
        publisher_timezones=zones,
        source_path=str(chosen) if chosen else None,
        sections=data,
    )
