"""Known news organisations (wire agencies and outlets), from data/agencies.toml and data/outlets.toml.

Used three ways: to keep organisations out of author lists, to recognise a wire
agency credited in a dateline ("(IANS)"), and to expand a credited outlet's
short form ("WSJ:") into its name.  The tables are data so editors can extend
them without touching code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from axis_ingest.detectors import data_table


def name_key(text: str) -> str:
    """Comparison key: case-folded, without accents, a leading "The" and punctuation.

    Accents are folded because domains and handles cannot carry them: "La República" ~ "larepublica.pe".
    """
    text = unicodedata.normalize("NFKD", text.strip().casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\W_]+", "", text)


@dataclass(frozen=True)
class _Tables:
    agencies: dict[str, str]  # key -> canonical agency name
    outlets: dict[str, str]  # key -> canonical outlet name (names and aliases)
    abbreviations: dict[str, str]  # exact-case abbreviation -> canonical name (outlets and agencies)


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    agencies: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    for canonical, entry in data_table("agencies.toml")["agencies"].items():
        for form in [canonical, *entry.get("aliases", [])]:
            agencies[name_key(form)] = canonical
            if form.isupper() or form == canonical:
                abbreviations[form] = canonical
    outlets: dict[str, str] = {}
    for canonical, entry in data_table("outlets.toml")["outlets"].items():
        for form in [canonical, *entry.get("aliases", [])]:
            outlets[name_key(form)] = canonical
        for short in entry.get("abbreviations", []):
            abbreviations[short] = canonical
            outlets.setdefault(name_key(short), canonical)
    return _Tables(agencies, outlets, abbreviations)


def agency_name(text: str) -> str | None:
    """The canonical name of a wire agency printed as `text` ("Associated Press" -> "AP"), else None."""
    return _tables().agencies.get(name_key(text)) if text.strip() else None


def outlet_name(text: str) -> str | None:
    """The canonical name of a known outlet printed as `text`, else None."""
    return _tables().outlets.get(name_key(text)) if text.strip() else None


def expand_abbreviation(short: str) -> str | None:
    """A headline-prefix abbreviation ("WSJ") as the outlet or agency it stands for (case-sensitive)."""
    return _tables().abbreviations.get(short.strip())


def is_organisation(text: str) -> bool:
    """True when `text` names a known agency or outlet."""
    return bool(agency_name(text) or outlet_name(text))


_CREDIT = re.compile(r"\(([^()]{2,40})\)|(?:^|\n)\s*[-–—]{1,2}\s*([^\n]{2,40}?)\s*$", re.MULTILINE)


def find_agency_credit(text: str) -> str | None:
    """An agency credited in brackets or a sign-off: "Brussels, March 4 (IANS) ...", "--IANS"."""
    for match in _CREDIT.finditer(text):
        inner = (match.group(1) or match.group(2) or "").strip()
        for part in re.split(r"\s*[/,]\s*", inner):
            agency = agency_name(part)
            if agency:
                return agency
    return None
