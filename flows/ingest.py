"""Entry point of the Prefect flow that `prefect.yaml` and deployments name: `flows/ingest.py:ingest`.

The flow itself lives in the package (`axis_ingest.flows.ingest`), so it can
be imported from any working directory; this file only re-exports it.

    python flows/ingest.py raw/
"""

from __future__ import annotations

from axis_ingest.flows.ingest import ingest, main

__all__ = ["ingest"]

if __name__ == "__main__":
    main()
