"""Entry point of the Prefect harvest flow that `prefect.yaml` names: `flows/harvest.py:harvest`.

The flow lives in the package (`axis_ingest.flows.harvest`); this file only re-exports it.

    python flows/harvest.py                       # every configured source, then ingest raw/
"""

from __future__ import annotations

from axis_ingest.flows.harvest import harvest

__all__ = ["harvest"]

if __name__ == "__main__":
    harvest()
