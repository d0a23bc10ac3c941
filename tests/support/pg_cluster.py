"""A throwaway PostgreSQL cluster on a unix socket, started from the installed binaries."""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
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

    def __init__(self, max_connections: int = 200, tcp_passwords: bool = False) -> None:
        """With `tcp_passwords`, the server also listens on 127.0.0.1 (a free port) and asks
        for a password there (scram-sha-256); the unix socket stays trusted for the superuser."""
        self.bindir = find_bindir()
        self.tcp_passwords = tcp_passwords
        self.port = _free_port() if tcp_passwords else None
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
        host_auth = "scram-sha-256" if self.tcp_passwords else "trust"
        self._run(
            "initdb", "-D", str(self.datadir), "-U", "postgres", "-E", "UTF8",
            "--auth-local=trust", f"--auth-host={host_auth}",
        )  # fmt: skip
        listen = "-c listen_addresses=''"
        if self.port:
            listen = f"-c listen_addresses='127.0.0.1' -p {self.port}"
        options = (
            f"-k {self.socketdir} {listen} -c fsync=off "
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
        if self.port:
            return f"postgresql+psycopg://{user}@/{dbname}?host={self.socketdir}&port={self.port}"
        return f"postgresql+psycopg://{user}@/{dbname}?host={self.socketdir}"

    def tcp_url(self, dbname: str, user: str) -> str:
        """A URL over TCP, where a `tcp_passwords` cluster asks for the password."""
        assert self.port, "start the cluster with tcp_passwords=True"
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{dbname}"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
