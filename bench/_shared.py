"""Where the labelled benchmark data lives (../shared/bench, beside the project)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCH = Path(os.environ.get("AXIS_SHARED_BENCH", PROJECT_ROOT.parent / "shared" / "bench"))


def require_shared_bench() -> Path:
    """The bench folder, or exit cleanly with a message when ../shared is absent."""
    if not SHARED_BENCH.is_dir():
        print(f"skipped: {SHARED_BENCH} not found (the labelled data lives in ../shared/bench)")
        sys.exit(0)
    return SHARED_BENCH
