"""Whether a process still runs: how a run tells its own leftovers from those of a run that was killed.

A process killed with SIGKILL (the OOM killer, an operator, a CI timeout) cannot remove what it was writing;
files and folders that carry their writer's process id let the next run remove them once that process is gone.
"""

from __future__ import annotations

import os


def process_alive(pid: int) -> bool:
    """True while a process with id `pid` exists (owned by anyone); a reused id only keeps leftovers longer."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True
