"""Load what every worker needs once, in the forkserver, before any worker starts.

Imported (for its effect) by the process pool's forkserver preload in `run.py`:
the language model (~0.2 s to load) and dateparser's language data (~0.3 s)
are then built once and shared copy-on-write by the forked workers, instead of
being loaded again by each worker on its first document.
"""

from __future__ import annotations

from axis_ingest.detectors import detect_language
from axis_ingest.normalise.dates import parse_date


def warm_up() -> None:
    detect_language("The council approved the budget for the new harbour after a long debate on Tuesday.")
    parse_date("12 марта 2026")


warm_up()
