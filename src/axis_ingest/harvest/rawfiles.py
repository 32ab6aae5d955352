"""Write fetched bytes into the raw folder: as served, under a new name, never over an existing file.

A name holds the fetch time, a label (page number or the link's slug) and the
start of the bytes' SHA-256, so two different responses never share a name.
The bytes go to a hidden temporary file first (discovery skips hidden files)
and are then hard-linked to their name, which fails rather than replace a file:
an interrupted harvest leaves no half-written raw file, and a written raw file
is never changed.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from slugify import slugify

# Characters of the SHA-256 in a file name: enough to tell responses apart in one folder.
NAME_HASH_CHARS = 12
# Longest slug taken from a link's path.
NAME_SLUG_CHARS = 60


@dataclass(frozen=True)
class SavedFile:
    path: str
    sha256: str
    created: bool  # False when a file of the same name (and so the same bytes) was already there


def stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")


def link_slug(url: str) -> str:
    """A readable file-name part from a link's path (`/2025/06/03/floods-hit/` -> `2025-06-03-floods-hit`)."""
    path = url.split("://", 1)[-1].split("/", 1)[-1].split("?", 1)[0]
    return slugify(path, max_length=NAME_SLUG_CHARS, word_boundary=True) or "page"


def save_raw(folder: str | os.PathLike[str], label: str, suffix: str, content: bytes) -> SavedFile:
    """Write `content` as `folder/<time>-<label>-<sha>.<suffix>` without ever overwriting a file."""
    directory = Path(folder)
    directory.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(content).hexdigest()
    name = f"{stamp()}-{label}-{digest[:NAME_HASH_CHARS]}.{suffix}"
    final = directory / name
    temporary = directory / f".{name}.{os.getpid()}.part"
    with open(temporary, "xb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(temporary, final)
        created = True
    except FileExistsError:  # same second, same label, same bytes: the file is already there
        created = False
    finally:
        temporary.unlink()
    return SavedFile(str(final), digest, created)
