"""A throw-away PostgreSQL cluster for the clinic-mode tests: a temporary folder, a free port."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
ADMIN = "postgres"


def bin_dir() -> Path | None:
    """Debian's newest PostgreSQL binaries, or None when PostgreSQL is not installed."""
    for found in BIN_DIRS:
        if (found / "initdb").exists():
            return found
    found_initdb = shutil.which("initdb")
    return Path(found_initdb).parent if found_initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """One PostgreSQL server in a temporary folder, listening on 127.0.0.1 only.

    initdb refuses to run as root, so as root the cluster runs as the `postgres` OS user
    (Debian's package creates it) in a folder that user owns.
    """

    def __init__(self, binaries: Path) -> None:
        self.bin = binaries
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="eduapp-pg-"))
        self.data = self.root / "data"
        self._user: str | None = None
        if os.geteuid() == 0:
            self._user = "postgres"
            entry = pwd.getpwnam(self._user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self.root.chmod(0o700)
        self._as_owner("initdb", "-D", str(self.data), "-U", ADMIN, "--auth=trust",
                       "-E", "UTF8", "--no-sync")
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(f"listen_addresses = '127.0.0.1'\nport = {self.port}\n"
                       f"unix_socket_directories = '{self.root}'\nfsync = off\n"
                       "max_connections = 200\n")
        # passwords are checked for every role but the administrator (as on a real server)
        (self.data / "pg_hba.conf").write_text(
            f"host all {ADMIN} 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n"
            f"local all {ADMIN} trust\n")
        self.start()

    def admin_url(self, database: str = "postgres") -> str:
        return f"postgresql://{ADMIN}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        self._as_owner("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"),
                       "-w", "-t", "30", "start")

    def stop(self, mode: str = "fast") -> None:
        self._as_owner("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        done = subprocess.run(self._command("pg_ctl", "-D", str(self.data), "status"),
                              capture_output=True, check=False)
        return done.returncode == 0

    def destroy(self) -> None:
        if self.running():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    def _command(self, program: str, *args: str) -> list[str]:
        command = [str(self.bin / program), *args]
        return command if self._user is None else ["runuser", "-u", self._user, "--", *command]

    def _as_owner(self, program: str, *args: str) -> None:
        subprocess.run(self._command(program, *args), check=True, capture_output=True,
                       cwd=self.root)
