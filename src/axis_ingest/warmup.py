"""Load what every worker needs once, in the forkserver, before any worker starts.

Imported (for its effect) by the process pool's forkserver preload in `run.py`:
the language model (~0.2 s to load), dateparser's language data and the
given-name table (~0.2 s) are then built once and shared copy-on-write by the
forked workers, instead of being loaded again by each worker on its first
documents.  Not the place-name table of `names.places`: only a byline with a
piece after a full name needs it, none of the 2,000 files of the text corpus
did, and the forkserver would pay for it on every run (each worker that needs
it reads it from the user's cache folder, ~30 ms, after the first build).

dateparser loads a language's data the first time it tries that language, and
a date line without a month in words ("Updated at 1:23 p.m.") is tried in every
language of `DEFAULT_LANGUAGES`: the first such line cost each worker ~0.7 s of
CPU (measured on the AEB pages; ~1.4 ms per page of a 1,000-page run with two
workers).  Parsing one here loads them all once.  The sixteen further Latin-script languages
(`detectors.MORE_LATIN_LANGUAGES`) are not loaded here: only a date line with words no default language
reads tries them, and loading them cost the forkserver 1.3 s before any worker could start (the preload
took 2.2 s instead of 0.9 s; 2,000 text/JSON files went from 325 to 190-290 docs/s).
"""

from __future__ import annotations

from axis_ingest.clean.phrases import phrases
from axis_ingest.detectors import detect_language, match_dateline
from axis_ingest.names.bylines import parse_byline
from axis_ingest.names.given_names import popularity
from axis_ingest.normalise.dates import parse_date
from axis_ingest.readers import READERS, reader_for


def warm_up() -> None:
    detect_language("The council approved the budget for the new harbour after a long debate on Tuesday.")
    parse_date("12 марта 2026")
    parse_date("Updated at 1:23 p.m.")  # no month: every default language is tried, so each is loaded
    popularity("Anna")  # the given-name table (~0.2 s to read), consulted for bylines
    phrases()  # the phrase tables, with month names in 53 languages from dateparser's data (~0.2 s)
    # the wire dateline's and a byline's date tail's patterns, with every language's months (~0.14 s, ~0.08 s)
    match_dateline("BRUSSELS, March 4 (Reuters) - ")
    parse_byline("By Anna Berger, 4 March 2026")
    for source_format in READERS:  # the readers are imported on first use (the HTML reader ~0.15 s)
        reader_for(source_format)


warm_up()
