"""Find the raw input files under the paths a user gives.

Folders are walked recursively in a stable (sorted) order; hidden files and
folders are skipped (editor swap files, `.DS_Store`, `.git`).  Symlinks are
followed only when they resolve inside one of the input folders: a link that
points elsewhere (`raw/passwd -> /etc/passwd`) is reported as refused, so it is
recorded with a reason instead of being read.

Every path is recorded absolute, with its folders resolved (`recorded_path`): one
file is one path whatever the working directory or the spelling it was given in.

Discovery never stops at one bad path: a folder that cannot be listed (no
permission, a path longer than the system allows) or an entry that cannot be
looked at becomes a refused candidate with a reason, and the walk goes on.
The run's own output (the database with its -wal/-shm/-journal files, and the
clean folder) is passed as `exclude` and is never an input.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file to ingest, or one refused before reading (`refusal` says why).

    `identity` is the (device, inode) of the regular file found (the link's
    target for a symlink inside the inputs): the read stage opens the path again
    and refuses it if it is no longer that file.
    """

    path: str
    refusal: str | None = None
    identity: tuple[int, int] | None = None
    target: str | None = None  # the resolved file to open, for a symlink inside the inputs


def printable_path(path: str) -> str:
    """A path as text that can be stored and printed.

    A file name that is not valid UTF-8 arrives from the OS with surrogate escapes;
    those cannot be written to the database, so the undecodable bytes become U+FFFD.
    Open the file with the original path, record it with this one.
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def cannot_access(exc: OSError, what: str, path: str) -> str:
    """A reason a person can act on for an OSError met while looking at `path` (a file or folder)."""
    if exc.errno == errno.ENAMETOOLONG:
        return (
            f"the {what}'s path is too long for the file system ({len(os.fsencode(path)):,} bytes); "
            "move it higher up or shorten its folder names"
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        if what == "folder":
            return (
                "permission denied: this folder cannot be listed by the user running axis-ingest; "
                f"give that user read and search permission on it (chmod u+rx '{printable_path(path)}') "
                "or move it out of the inputs"
            )
        return (
            f"permission denied: the user running axis-ingest cannot reach this {what}; its folder needs "
            "read and search permission (chmod u+rx on the folder) and the file read permission (chmod u+r)"
        )
    if exc.errno == errno.ENOENT:
        return f"the {what} disappeared while the inputs were being listed (deleted or moved); run again if it is back"
    if exc.errno == errno.ELOOP:
        return "symlink loop: the link points (through other links) back to itself; fix or remove the link"
    return f"cannot read this {what} ({exc.strerror or exc}); check the disk and the {what}'s permissions"


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _inside(target: Path, roots: Sequence[Path]) -> bool:
    return any(target == root or root in target.parents for root in roots)


def _check_link(path: str, roots: Sequence[Path]) -> tuple[str | None, os.stat_result | None]:
    """(refusal, stat of the target) for a symlink to a file."""
    try:
        target = Path(os.path.realpath(path, strict=True))
        st = os.stat(path)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return "broken symlink: its target does not exist; fix or remove the link", None
        return cannot_access(exc, "symlink's target", path), None
    if not _inside(target, roots):
        return (
            f"symlink to {printable_path(str(target))}, outside the input folders; "
            "copy the file into the input folder to ingest it"
        ), None
    return None, st


def _folder_link_refusal(path: str, roots: Sequence[Path]) -> str | None:
    """Why a symlinked folder found while walking is refused, or None when its files are read anyway."""
    target = Path(os.path.realpath(path))
    if _inside(target, roots):
        return None
    return (
        f"symlink to the folder {printable_path(str(target))}, outside the input folders; it is not followed: "
        "copy its files into the input folder, or name the folder on the command line"
    )


def _candidate(path: str, roots: Sequence[Path], excluded: frozenset[str]) -> Candidate | None:
    """What one path found is: a candidate, a refusal, or None (excluded, or a folder link read elsewhere)."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return Candidate(path, cannot_access(exc, "file", path))
    if stat.S_ISLNK(st.st_mode):
        if os.path.realpath(path) in excluded:
            return None
        if os.path.isdir(path):
            refusal = _folder_link_refusal(path, roots)
            return Candidate(path, refusal) if refusal else None
        refusal, target = _check_link(path, roots)
        if target is None:
            return Candidate(path, refusal)
        if not stat.S_ISREG(target.st_mode):
            return Candidate(path, "not a regular file (device, socket or pipe); nothing to read")
        return Candidate(path, None, (target.st_dev, target.st_ino), os.path.realpath(path))
    if not stat.S_ISREG(st.st_mode):
        return Candidate(path, "not a regular file (device, socket or pipe); nothing to read")
    return Candidate(path, None, (st.st_dev, st.st_ino))


def discover(
    paths: Sequence[str | os.PathLike[str]], exclude: Sequence[str | os.PathLike[str]] = ()
) -> Iterator[Candidate]:
    """Yield every input file under `paths` once, in sorted order; nothing under `exclude`."""
    roots = [Path(os.path.realpath(p)) for p in paths]
    excluded = frozenset(os.path.realpath(p) for p in exclude)
    seen: set[str] = set()
    for given in paths:
        # Recorded paths are absolute with their folders resolved (recorded_path), so one file has
        # one path whatever the working directory (`../mixed/data.csv` and `/data/mixed/data.csv`
        # are the same row); a symlinked file itself is recorded where it is, under its own name.
        root = os.path.abspath(os.fspath(given))
        if os.path.realpath(root) in excluded:
            continue
        shown = recorded_path(root)
        try:
            st = os.lstat(root)
        except OSError as exc:
            missing = exc.errno == errno.ENOENT
            reason = f"no such file or folder: {root}" if missing else cannot_access(exc, "file", root)
            yield Candidate(shown, reason)
            continue
        is_folder = stat.S_ISDIR(st.st_mode) or (stat.S_ISLNK(st.st_mode) and os.path.isdir(root))
        found = _walk(os.path.realpath(root), excluded) if is_folder else iter([(recorded_path(root), None)])
        for key, refusal in found:
            if key in seen:
                continue
            seen.add(key)
            candidate = Candidate(key, refusal) if refusal else _candidate(key, roots, excluded)
            if candidate is not None:
                yield candidate


def recorded_path(path: str | os.PathLike[str]) -> str:
    """The path a file is recorded under: absolute, its folders resolved, its own name kept.

    The same file given as `raw/a.txt`, `./raw/a.txt` or `/home/me/raw/a.txt`, or found
    through a symlinked folder, is one path whatever the working directory; a symlink
    itself keeps its own name (it is refused or read as the link it is).
    """
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(os.path.realpath(folder), name)


def _walk(root: str, excluded: frozenset[str]) -> Iterator[tuple[str, str | None]]:
    """(path, None) for each entry to check, (folder, reason) for each folder that could not be listed."""
    failures: list[OSError] = []
    for folder, dirnames, filenames in os.walk(root, onerror=failures.append, followlinks=False):
        yield from _failed_folders(failures)
        # `root` is resolved and os.walk enters no symlink, so every folder here is its real path.
        dirnames[:] = sorted(d for d in dirnames if not _hidden(d) and os.path.join(folder, d) not in excluded)
        links = [d for d in dirnames if os.path.islink(os.path.join(folder, d))]  # listed by os.walk, never entered
        for name in sorted([*filenames, *links]):
            if not _hidden(name) and os.path.join(folder, name) not in excluded:
                yield os.path.join(folder, name), None
    yield from _failed_folders(failures)


def _failed_folders(failures: list[OSError]) -> Iterator[tuple[str, str | None]]:
    while failures:
        exc = failures.pop(0)
        folder = os.fspath(exc.filename) if exc.filename is not None else "?"
        yield folder, cannot_access(exc, "folder", folder)
