"""Wire-copy furniture at the end of the copy: sign-offs, editor slugs and credit lines; places as shown.

The patterns are data (``axis_ingest/data/wire.toml``) so that a new agency or a
new trailer form is a table row, not a branch.  Datelines and date lines, which
sniff needs as well, are `axis_ingest.detectors`' (`match_dateline`,
`match_date_line`).  Every function here is pure: it recognises furniture and
says what it holds; `readers.wire` decides where each piece goes in the `Document`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from axis_ingest.detectors import agency_pattern, canonical_agency, data_table, place_particles

# A dateline or a date line is looked for only this many paragraphs into the copy:
# agencies print them above or at the start of the lead (checked on IANS, Reuters,
# AP, AFP, PTI and dpa samples, where they are always within the first three).
HEADER_ZONE_PARAGRAPHS = 4
# A paragraph longer than this in the header zone is story text, never a headline.
MAX_HEADLINE_CHARS = 200

_TERMINAL = '.!?"”’)»'
# A place given by its initials ("S.C.", "D.C.", "U.K."), which title-casing would spoil ("S.c.").
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")


@dataclass(slots=True)
class Trailer:
    agencies: list[str] = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Tables:
    trailers: tuple[tuple[re.Pattern[str], str], ...]
    trailer_suffix: re.Pattern[str]


@lru_cache(maxsize=1)
def tables() -> _Tables:
    """Compile the trailer tables once per process (datelines and date lines: `axis_ingest.detectors`)."""
    data = data_table("wire.toml")
    agency_alt = agency_pattern()
    trailers = tuple(
        (re.compile(entry["regex"].replace("{AGENCY}", agency_alt), re.IGNORECASE), entry["kind"])
        for entry in data["trailers"]
    )
    signoff_or_slug = "|".join(
        entry["regex"].replace("{AGENCY}", agency_alt).replace("(?P<agency>", "(?:")
        for entry in data["trailers"]
        if entry["kind"] in ("signoff", "slug")
    )
    # Sign-off or slug run on at the end of the last sentence: "... said. --IANS ksk/vd".
    # Only after sentence-final punctuation, so "(Reuters)" inside a sentence is left alone.
    trailer_suffix = re.compile(rf"(?<=[{_TERMINAL}])(?P<tail>(?:\s+(?:{signoff_or_slug}))+)\s*$")
    return _Tables(trailers, trailer_suffix)


def display_place(place: str) -> str:
    """Keep the place as printed unless it is all capitals, then title-case it ('NEW DELHI' -> 'New Delhi')."""
    parts = []
    for segment in place.split(","):
        segment = segment.strip()
        if segment.isupper():
            words = []
            for index, word in enumerate(segment.split()):
                lower = word.lower()
                if index and lower in place_particles():
                    words.append(lower)
                elif _INITIALS.fullmatch(word):  # a state or country by its initials: "S.C.", "D.C.", "U.K."
                    words.append(word)
                else:
                    words.append("-".join(piece[:1].upper() + piece[1:].lower() for piece in word.split("-")))
            segment = " ".join(words)
        parts.append(segment)
    return ", ".join(p for p in parts if p)


def _classify(text: str) -> tuple[str, re.Match[str]] | None:
    for pattern, kind in tables().trailers:
        found = pattern.fullmatch(text)
        if found:
            return kind, found
    return None


def _record(trailer: Trailer, kind: str, text: str, found: re.Match[str]) -> None:
    if kind == "signoff":
        trailer.agencies.append(canonical_agency(found.group("agency")))
    elif kind == "slug":
        trailer.slugs.append(text)
    elif kind == "credit":
        trailer.credits.append(text)
    else:
        trailer.dropped.append(text)


def signoff_or_slug(line: str, trailer: Trailer) -> bool:
    """True when the whole line is a wire sign-off ("--IANS") or an editors' slug ("ksk/vd"),
    recorded into `trailer`.  For wire copy set inside a page, where chrome follows the sign-off."""
    text = line.strip()
    hit = _classify(text) if text else None
    if hit is None or hit[0] not in ("signoff", "slug"):
        return False
    _record(trailer, hit[0], text, hit[1])
    return True


def strip_trailers(paragraphs: list[str]) -> tuple[list[str], Trailer]:
    """Remove sign-offs, slugs, credit lines and agency furniture from the end of the copy.

    Works line by line from the end, so "--IANS" and "scor/as" are found whether
    they stand as paragraphs or as lines of the last paragraph; then once for a
    sign-off run on after the last sentence.  Nothing before the tail is touched.
    """
    out = list(paragraphs)
    trailer = Trailer()
    while out:
        lines = out[-1].strip().splitlines()
        while lines:
            text = lines[-1].strip()
            hit = _classify(text) if text else ("blank", None)
            if hit is None:
                break
            kind, found = hit
            if found is not None:
                _record(trailer, kind, text, found)
            lines.pop()
        if lines:
            out[-1] = "\n".join(lines)
            break
        out.pop()
    trailer.agencies.reverse()
    trailer.slugs.reverse()
    trailer.credits.reverse()
    if out:
        suffix = tables().trailer_suffix.search(out[-1])
        if suffix:
            out[-1] = out[-1][: suffix.start()].rstrip()
            inline = Trailer()
            for piece in _split_tail(suffix.group("tail")):
                hit = _classify(piece)
                if hit:
                    _record(inline, hit[0], piece, hit[1])
            trailer.agencies[:0] = inline.agencies
            trailer.slugs[:0] = inline.slugs
            trailer.credits[:0] = inline.credits
    return [p for p in out if p.strip()], trailer


def _split_tail(tail: str) -> list[str]:
    """Split a run-on tail such as ' --IANS ksk/vd' into its pieces."""
    pieces: list[str] = []
    for token in tail.split():
        if pieces and _classify(pieces[-1] + " " + token) and not _classify(token):
            pieces[-1] = pieces[-1] + " " + token
        else:
            pieces.append(token)
    merged: list[str] = []
    for piece in pieces:
        if merged and not _classify(merged[-1]):
            merged[-1] = merged[-1] + " " + piece
        else:
            merged.append(piece)
    return merged
