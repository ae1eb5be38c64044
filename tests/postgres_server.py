"""A throwaway PostgreSQL server for the tests: its own data folder in a temporary folder,
listening on a private unix socket only (no TCP port), stopped and deleted at the end.

PostgreSQL refuses to run as root, and CI runs as root: there the server runs as the
unprivileged ``nobody`` (``runuser``; a system user is made where there is none). The
binaries are found on PATH or in Debian's ``/usr/lib/postgresql/<version>/bin``; when
there are none, ``find_binaries`` says so and the PostgreSQL tests are skipped with that
reason (``make test`` prints it; CI installs the package first, .ci/run).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

SUPERUSER = "factdesk"
TEMPLATE = "factdesk_template"
RUN_AS = "nobody"
FALLBACK_USER = "factdesk-pg"


class NoPostgres(Exception):
    """Why no throwaway server can be started here (the skip reason)."""


def find_binaries() -> Path:
    """The folder holding initdb and pg_ctl, newest version first."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(os.path.realpath(on_path)).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    raise NoPostgres(
        "PostgreSQL tests skipped: no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin "
        "(install Debian's postgresql package)"
    )


def _server_user() -> str:
    """``nobody``, or a system user made for the purpose where there is no ``nobody``."""
    for name in (RUN_AS, FALLBACK_USER):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            pass
    made = subprocess.run(
        ["useradd", "--system", "--no-create-home", FALLBACK_USER], capture_output=True
    )
    if made.returncode != 0:
        raise NoPostgres("PostgreSQL tests skipped: running as root and no user to run it as")
    return FALLBACK_USER


def _as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    runuser = shutil.which("runuser")
    if runuser is None:
        raise NoPostgres("PostgreSQL tests skipped: running as root and no runuser to drop it")
    return [runuser, "-u", _server_user(), "--", *argv]


@dataclass
class PostgresServer:
    """A running server; ``new_database`` gives each test a fresh, migrated database."""

    bin_dir: Path
    root: Path
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _template_ready: bool = False

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.socket_dir}"

    def _run(self, *argv: str) -> None:
        done = subprocess.run(
            _as_server_user([str(self.bin_dir / argv[0]), *argv[1:]]),
            capture_output=True,
            text=True,
            cwd=self.root,
        )
        if done.returncode != 0:
            raise NoPostgres(f"{argv[0]} failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self) -> None:
        self.socket_dir.mkdir()
        self.data_dir.mkdir()
        if os.geteuid() == 0:
            user = pwd.getpwnam(_server_user())
            for folder in (self.root, self.socket_dir, self.data_dir):
                os.chown(folder, user.pw_uid, user.pw_gid)
        self.root.chmod(0o755)
        self.data_dir.chmod(0o700)
        self._run(
            "initdb", "-D", str(self.data_dir), "-U", SUPERUSER, "-A", "trust",
            "-E", "UTF8", "--locale", "C.UTF-8", "--no-sync",
        )  # fmt: skip
        self.launch()

    def launch(self) -> None:
        """Start the server on the initialised data folder (waits until it accepts)."""
        options = (
            f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c deadlock_timeout=50ms"
        )
        self._run(
            "pg_ctl", "-D", str(self.data_dir), "-l", str(self.root / "server.log"),
            "-o", options, "-w", "-t", "120", "start",
        )  # fmt: skip

    def halt(self) -> None:
        """Stop the server, cutting every connection, keeping its data: ``launch`` brings
        it back (a lost connection, for the tests of what the app does then)."""
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", "120", "stop")

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            subprocess.run(
                _as_server_user(
                    [str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate",
                     "-w", "stop"]
                ),
                capture_output=True,
            )  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)

    def admin(self, sql: str) -> None:
        """One statement outside a transaction (CREATE DATABASE needs that)."""
        with psycopg.connect(
            host=str(self.socket_dir), user=SUPERUSER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql.encode())

    def new_database(self) -> str:
        """A fresh database at the schema's head, copied from a template migrated once."""
        if not self._template_ready:
            from db.store import open_store

            self.admin(f"CREATE DATABASE {TEMPLATE}")
            open_store(self.url(TEMPLATE)).close()
            self._template_ready = True
        name = f"test_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def empty_database(self) -> str:
        """A database without any table (for migrating from nothing)."""
        name = f"empty_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name}")
        return self.url(name)


def start_server() -> PostgresServer:
    """Start a throwaway server (``NoPostgres`` says why one cannot be started)."""
    bin_dir = find_binaries()
    root = Path(tempfile.mkdtemp(prefix="factdesk-pg-"))
    server = PostgresServer(bin_dir, root)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
