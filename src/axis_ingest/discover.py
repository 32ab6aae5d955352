"""Find the raw input files under the paths a user gives.

Folders are walked recursively in a stable (sorted) order; hidden files and
folders are skipped (editor swap files, `.DS_Store`, `.git`).  Symlinks are
followed only when they resolve inside one of the input folders: a link that
points elsewhere (`raw/passwd -> /etc/passwd`) is reported as refused, so it is
recorded with a reason instead of being read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file to ingest, or one refused before reading (`refusal` says why)."""

    path: str
    refusal: str | None = None


def printable_path(path: str) -> str:
    """A path as text that can be stored and printed.

    A file name that is not valid UTF-8 arrives from the OS with surrogate escapes;
    those cannot be written to the database, so the undecodable bytes become U+FFFD.
    Open the file with the original path, record it with this one.
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _inside(target: Path, roots: Sequence[Path]) -> bool:
    return any(target == root or root in target.parents for root in roots)


def _check_link(path: Path, roots: Sequence[Path]) -> str | None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "broken symlink: its target does not exist; fix or remove the link"
    if not _inside(target, roots):
        return f"symlink to {target}, outside the input folders; copy the file into the input folder to ingest it"
    return None


def _check_folder_link(path: Path, roots: Sequence[Path]) -> str | None:
    """Why a symlinked folder found while walking is refused, or None when its files are read anyway."""
    target = path.resolve()
    if _inside(target, roots):
        return None
    return (
        f"symlink to the folder {target}, outside the input folders; it is not followed: "
        "copy its files into the input folder, or name the folder on the command line"
    )


def discover(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Candidate]:
    """Yield every input file under `paths` once, in sorted order."""
    roots = [Path(p).resolve() for p in paths]
    seen: set[str] = set()
    for given in paths:
        root = Path(given)
        if root.is_file() or (root.is_symlink() and not root.is_dir()):
            candidates: Iterator[Path] = iter([root])
        elif root.is_dir():
            candidates = _walk(root)
        else:
            yield Candidate(str(root), f"no such file or folder: {root}")
            continue
        for path in candidates:
            key = os.path.normpath(str(path))
            if key in seen:
                continue
            seen.add(key)
            if path.is_symlink() and path.is_dir():
                if (refusal := _check_folder_link(path, roots)) is not None:
                    yield Candidate(key, refusal)
                continue
            refusal = _check_link(path, roots) if path.is_symlink() else None
            if refusal is None and not path.is_file():
                refusal = "not a regular file (device, socket or pipe); nothing to read"
            yield Candidate(key, refusal)


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
        links = [d for d in dirnames if (Path(folder) / d).is_symlink()]  # os.walk lists them but never enters
        for name in sorted([*filenames, *links]):
            if not _hidden(name):
                yield Path(folder) / name
