"""Given-name evidence for byline names: is this word a first name people are given, and how common is it?

The data is Jörg Michael's international first-name dictionary (nam_dict.txt, about 48,000 names with their
popularity in 55 countries), shipped inside the `gender-guesser` package on PyPI: nothing is downloaded at
run time.  We read only the names and their highest popularity in any country (1 = very rare, 13 = very
common), not the genders.  Reading the file directly takes ~0.2 s once per process; the package's own
Detector class takes ~2.7 s because it keeps every country's figures.

A name is evidence, not proof: "Red" and "Min" are rare given names, "Jordan" is a country, and many real
names (Aghakazim, Kossivi) are missing.  Callers use `popularity` to tell a one-word byline that is
somebody's first name ("Kathrin") from an interface word, and to read "Surname, Given" the right way round.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

# Columns of nam_dict.txt (its header, "FILE-FORMAT DEFINITION-DATE = 2008-11-16"): the name in 3..29,
# one popularity character per country from 30 on (space = not used there, 1-9 then A-D = 10-13).
_NAME_COLUMNS = slice(3, 29)
_FREQUENCY_FROM = 30
_FREQUENCY_DIGITS = {c: i for i, c in enumerate("123456789ABCD", start=1)}


def _key(word: str) -> str:
    return unicodedata.normalize("NFC", word.strip(" .,'’-")).casefold()


@lru_cache(maxsize=1)
def _table() -> dict[str, int]:
    """Given name (case-folded) -> its highest popularity in any country."""
    text = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="utf-8")
    table: dict[str, int] = {}
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        # in ASCII " " < "1".."9" < "A".."D", so the largest character is the highest popularity
        popularity = _FREQUENCY_DIGITS.get(max(line[_FREQUENCY_FROM:].rstrip(" $\r") or " "), 0)
        name = line[_NAME_COLUMNS].strip()
        # "+" marks a compound written with a space, a hyphen or together ("Jan+Peter")
        forms = {name.replace("+", sep) for sep in ("", " ", "-")} if "+" in name else (name,)
        for form in forms:
            key = _key(form)
            if key and popularity > table.get(key, -1):
                table[key] = popularity
    return table


def popularity(word: str) -> int:
    """How common `word` is as a given name somewhere (0 = not a known given name, 13 = very common).

    Hyphenated first names count by their first part ("Jean-Luc" -> "Jean").
    """
    key = _key(word)
    table = _table()
    if key in table:
        return table[key]
    head = key.split("-")[0]
    return table.get(head, 0) if head != key else 0


def is_given_name(word: str, *, at_least: int = 1) -> bool:
    return popularity(word) >= at_least
