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
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
    lock_wait_seconds: float = 60.0  # how long a write waits for another writer's transaction
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


class SettingsError(ValueError):
    """A settings file that cannot be used: names the file and the key, and says what to do."""


# Each settable key: section -> key -> (type, smallest allowed value, what it is).
_INT, _NUMBER = (int,), (int, float)
SETTING_KEYS: dict[str, dict[str, tuple[tuple[type, ...], float, str]]] = {
    "limits": {
        "max_file_bytes": (_INT, 1, "a whole number of bytes, at least 1"),
        "max_text_chars": (_INT, 1, "a whole number of characters, at least 1"),
        "max_seconds_per_file": (_NUMBER, 0, "a number of seconds, 0 or more (0 turns the limit off)"),
        "max_items_per_file": (_INT, 1, "a whole number, at least 1"),
    },
    "run": {
        "batch_size": (_INT, 1, "a whole number of files, at least 1"),
        "workers": (_INT, 0, "a whole number, 0 or more (0 = one per core)"),
        "lock_wait_seconds": (_NUMBER, 0, "a number of seconds, 0 or more"),
    },
}


# Sections read and checked by the modules that use them (axis_ingest.harvest.sources).
SECTIONS_OWNED_ELSEWHERE = ("harvest", "sources")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise SettingsError(
            f"settings file {path} does not exist; check the path (--config or ${CONFIG_ENV})"
        ) from None
    except IsADirectoryError:
        raise SettingsError(f"settings file {path} is a folder; give the path of a .toml file") from None
    except OSError as exc:
        raise SettingsError(f"cannot read the settings file {path} ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"settings file {path} is not valid TOML ({exc}); fix that line") from None


def _defaults() -> dict[str, Any]:
    text = resources.files("axis_ingest.data").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _validate(user: dict[str, Any], source: Path) -> None:
    """Refuse unknown sections and keys, values of the wrong type and values out of range."""
    for section, values in user.items():
        if section == "publishers":
            _validate_publishers(values, source)
            continue
        if section in SECTIONS_OWNED_ELSEWHERE:
            continue
        keys = SETTING_KEYS.get(section)
        if keys is None:
            known = ", ".join(f"[{name}]" for name in [*SETTING_KEYS, "publishers", *SECTIONS_OWNED_ELSEWHERE])
            raise SettingsError(f"{source}: unknown section [{section}]; the sections are {known}")
        if not isinstance(values, dict):
            raise SettingsError(f"{source}: {section} must be a table ([{section}] followed by key = value lines)")
        for key, value in values.items():
            if key not in keys:
                raise SettingsError(
                    f"{source}: unknown key {key!r} in [{section}]; the keys there are {', '.join(keys)}"
                )
            types, smallest, what = keys[key]
            if isinstance(value, bool) or not isinstance(value, types) or value < smallest:
                raise SettingsError(f"{source}: [{section}] {key} = {value!r} is not valid; it must be {what}")


def _validate_publishers(publishers: object, source: Path) -> None:
    if not isinstance(publishers, dict):
        raise SettingsError(f'{source}: publishers must be tables: [publishers."example.com"] then timezone = ...')
    for name, cfg in publishers.items():
        if not isinstance(cfg, dict):
            raise SettingsError(f"{source}: [publishers] {name} must be a table with a timezone key")
        for key, value in cfg.items():
            if key != "timezone":
                raise SettingsError(
                    f"{source}: unknown key {key!r} in [publishers.{name!r}]; the key there is timezone"
                )
            try:
                ZoneInfo(str(value))
            except (ZoneInfoNotFoundError, ValueError):
                raise SettingsError(
                    f"{source}: [publishers.{name!r}] timezone = {value!r} is not an IANA time zone name "
                    "(e.g. Europe/Berlin)"
                ) from None


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Load settings, layering a user file (if any) over the shipped defaults.

    Raises SettingsError naming the file and the key for a file that cannot be used.
    """
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
        _validate(user, chosen)
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
        lock_wait_seconds=float(run.get("lock_wait_seconds", 60.0)),
        publisher_timezones=zones,
        source_path=str(chosen) if chosen else None,
        sections=data,
    )
