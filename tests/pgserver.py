"""A private PostgreSQL cluster for the tests: `initdb` into a temporary folder, `pg_ctl start` on a free port.

The server runs as the tests' own child (never a system service) and listens
on 127.0.0.1 only, with its unix socket in the same temporary folder.  initdb
refuses to run as root, so under root (CI) the server runs as the `postgres`
user that Debian's package creates (or `nobody`), through subprocess's
`user=`/`group=`.  Durability settings are off: a test cluster is thrown away.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

# Where Debian's postgresql-NN packages put initdb and pg_ctl (they are not on PATH).
DEBIAN_BIN_GLOB = "/usr/lib/postgresql/*/bin"

# Settings for a throwaway cluster: no fsync, enough connections for concurrent runs and Dask tests.
SERVER_OPTIONS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=200")


def find_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    found = [Path(d) for d in glob.glob(DEBIAN_BIN_GLOB) if (Path(d) / "initdb").is_file()]
    if not found:
        return None
    return max(found, key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """One started cluster; `new_database()` hands out an empty database per test."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="axis-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._databases = 0
        self._account: pwd.struct_passwd | None = None
        if os.geteuid() == 0:  # initdb and postgres refuse root
            name = "postgres" if _user_exists("postgres") else "nobody"
            self._account = pwd.getpwnam(name)
            os.chown(self.root, self._account.pw_uid, self._account.pw_gid)

    def _run(self, *args: str) -> None:
        kwargs: dict[str, object] = {}
        if self._account is not None:
            kwargs = {"user": self._account.pw_uid, "group": self._account.pw_gid, "extra_groups": []}
        done = subprocess.run(
            [str(self.bin_dir / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=self.root,
            check=False,
            **kwargs,  # type: ignore[arg-type]
        )
        if done.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace")[-2000:] if args[0] == "pg_ctl" else ""
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stdout[-1500:]}{done.stderr[-1500:]}{log}")

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        options = " ".join(
            [f"-p {self.port}", f"-k {self.root}", "-c listen_addresses=127.0.0.1"]
            + [f"-c {option}" for option in SERVER_OPTIONS]
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", options, "-w", "start")

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self, prefix: str = "axis") -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        self._databases += 1
        name = f"{prefix}_{os.getpid()}_{self._databases}"
        engine = create_engine(self.url(), isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return self.url(name)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
