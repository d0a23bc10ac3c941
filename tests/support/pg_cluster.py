"""A throwaway PostgreSQL cluster on a unix socket, started from the installed binaries."""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path


def find_bindir() -> Path:
    """The directory holding initdb and pg_ctl, newest version first."""
    explicit = os.environ.get("OPERATOR_CONSOLE_PG_BINDIR")
    candidates = [explicit] if explicit else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    raise RuntimeError(
        "PostgreSQL server binaries (initdb, pg_ctl) were not found: install postgresql "
        "or set OPERATOR_CONSOLE_PG_BINDIR"
    )


class PgCluster:
    """Start with `start()`, connect with `url(dbname)`, always `stop()`."""

    def __init__(self, max_connections: int = 200) -> None:
        self.bindir = find_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="oc-pg-"))
        self.datadir = self.root / "data"
        self.socketdir = self.root
        self.max_connections = max_connections
        self._as_postgres = os.geteuid() == 0
        self._started = False

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True)

    def start(self) -> PgCluster:
        if self._as_postgres:
            entry = pwd.getpwnam("postgres")
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.datadir), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        options = (
            f"-k {self.socketdir} -c listen_addresses='' -c fsync=off "
            f"-c synchronous_commit=off -c full_page_writes=off "
            f"-c max_connections={self.max_connections}"
        )
        log = str(self.root / "server.log")
        self._run("pg_ctl", "-D", str(self.datadir), "-o", options, "-l", log, "-w", "start")
        self._started = True
        atexit.register(self.stop)
        return self

    def restart(self) -> None:
        """Stop and start the server (for reconnect tests)."""
        log = str(self.root / "server.log")
        self._run("pg_ctl", "-D", str(self.datadir), "-l", log, "-m", "fast", "-w", "restart")

    def stop(self) -> None:
        if self._started:
            self._started = False
            self._run("pg_ctl", "-D", str(self.datadir), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@/{dbname}?host={self.socketdir}"
