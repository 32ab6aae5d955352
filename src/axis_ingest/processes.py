"""Whether a process still runs: how a run tells its own leftovers from those of a run that was killed.

A process killed with SIGKILL (the OOM killer, an operator, a CI timeout) cannot remove what it was writing;
files and folders that carry their writer's process id let the next run remove them once that process is gone.
"""

from __future__ import annotations

import os
import re


def process_alive(pid: int) -> bool:
    """True while a process with id `pid` exists (owned by anyone); a reused id only keeps leftovers longer."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def leftovers_of_ended_processes(folder: str | os.PathLike[str], name: re.Pattern[str]) -> list[str]:
    """The names in `folder` that match `name`, whose first group is the process id of their writer, of writers
    that have ended (none when there is no such folder)."""
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [entry for entry in names if (found := name.match(entry)) and not process_alive(int(found.group(1)))]
