"""A clinic's PostgreSQL: connecting, telling failures apart, and this device's connection file.

psycopg is imported only here and in the other clinic-mode modules, and only when a device is
connected to a clinic, so a lone computer never pays for it at start-up.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

if TYPE_CHECKING:
    import psycopg

CONNECTION_FILE = "clinic.json"  # in the data folder; only the device's OS user can read it
MIN_SERVER_VERSION = 130000  # PostgreSQL 13
CONNECT_TIMEOUT = 5  # seconds
SCHEMA = "eduapp"
CHANNEL = "eduapp_results"  # NOTIFY channel: a device delivered results


class Failure(Enum):
    """Why the clinic's server cannot be used, for the interface and the commands to word."""

    UNREACHABLE = "unreachable"  # no answer: host down, wrong address, network cut, firewall
    WRONG_PASSWORD = "wrong-password"  # the server answered and refused the role or password
    NO_DATABASE = "no-database"  # the database in the URL does not exist
    TOO_OLD = "too-old"  # PostgreSQL before 13
    NOT_INITIALISED = "not-initialised"  # `eduapp server init` has not been run on it
    SCHEMA_TOO_NEW = "schema-too-new"  # made by a newer eduapp: this one must be updated
    SCHEMA_TOO_OLD = "schema-too-old"  # made by an older eduapp: run `eduapp server init`
    LOCAL = "local"  # this device's own database cannot be opened
    REFUSED = "refused"  # the role may not do this (a device reading answers)
    BAD_URL = "bad-url"  # not a PostgreSQL URL
    CONFLICT = "conflict"  # a deadlock or serialization failure: nothing done, try at once
    OTHER = "other"


class ServerError(Exception):
    """The clinic's server cannot be used; `failure` says why, `detail` is for the log only.

    `detail` never holds a password: it comes from the server's or libpq's message, which
    does not repeat one (the exception's repr, which can, is never logged).
    """

    def __init__(self, failure: Failure, detail: str = "") -> None:
        super().__init__(f"{failure.value}: {detail}" if detail else failure.value)
        self.failure = failure
        self.detail = detail


def classify(err: Exception) -> ServerError:
    """Turn a psycopg error into a ServerError.

    libpq reports a failed connection with no SQLSTATE, only its message, so connection
    failures are told apart by libpq's own words (in English: libpq's messages are not
    translated in psycopg-binary); errors from a running server carry a SQLSTATE.
    """
    import psycopg

    if isinstance(err, ServerError):
        return err
    text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    state = getattr(err, "sqlstate", None)
    if state in ("40P01", "40001"):  # before OperationalError, which a deadlock also is
        return ServerError(Failure.CONFLICT, text)
    if state == "42501":
        return ServerError(Failure.REFUSED, text)
    if state in ("28P01", "28000") or "password authentication failed" in text \
            or "no password supplied" in text:
        return ServerError(Failure.WRONG_PASSWORD, text)
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return ServerError(Failure.NO_DATABASE, text)
    if state in ("3F000", "42P01", "42883"):  # no schema, table or function: not initialised
        return ServerError(Failure.NOT_INITIALISED, text)
    if isinstance(err, psycopg.OperationalError | psycopg.InterfaceError | OSError):
        return ServerError(Failure.UNREACHABLE, text)
    if isinstance(err, psycopg.ProgrammingError) and "missing" in text:
        return ServerError(Failure.BAD_URL, text)
    return ServerError(Failure.OTHER, text)


def connect(url: str, *, autocommit: bool = False, timeout: int = CONNECT_TIMEOUT,
            min_version: int | None = None) -> psycopg.Connection[Any]:
    """Open a connection, or raise ServerError (checks the server is PostgreSQL 13 or newer)."""
    import psycopg

    if not is_postgres_url(url):
        raise ServerError(Failure.BAD_URL, "a clinic URL starts with postgresql://")
    try:
        db = psycopg.connect(url, autocommit=autocommit, connect_timeout=timeout,
                             application_name="eduapp")
    except (psycopg.Error, OSError) as err:
        raise classify(err) from None  # the chained error's repr can hold the password
    try:
        check_version(db.info.server_version, min_version or MIN_SERVER_VERSION)
    except ServerError:
        db.close()
        raise
    return db


def check_version(server_version_num: int, minimum: int | None = None) -> None:
    """Raise ServerError(TOO_OLD) for a server older than `minimum` (e.g. 130000 for 13)."""
    if server_version_num < (minimum or MIN_SERVER_VERSION):
        major = server_version_num // 10000 if server_version_num >= 100000 \
            else server_version_num // 100 / 100
        raise ServerError(Failure.TOO_OLD, f"it runs PostgreSQL {major}")


def is_postgres_url(url: str) -> bool:
    return urlsplit(url).scheme in ("postgresql", "postgres")


def redacted(url: str) -> str:
    """The URL with its password replaced by ***, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = quote(parts.username or "", safe="")
    host = parts.netloc.rsplit("@", 1)[1]
    return parts._replace(netloc=f"{user}:***@{host}").geturl()


@dataclass(frozen=True)
class Connection:
    """How this device reaches its clinic: what `eduapp connect` saved in the data folder.

    The device's id is not here: it belongs to the local database (see outbox.device_id), so
    a database made afresh is a new stream of outbox rows to the server.
    """

    url: str
    device_name: str

    @staticmethod
    def load(data_dir: Path | None) -> Connection | None:
        """The saved connection, or None on a lone computer (or when the file is unreadable)."""
        if data_dir is None:
            return None
        try:
            raw = json.loads((data_dir / CONNECTION_FILE).read_text(encoding="utf-8"))
            return Connection(str(raw["url"]), str(raw["device_name"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, data_dir: Path) -> Path:
        """Write the file readable and writable by this OS user only (it holds a password)."""
        path = data_dir / CONNECTION_FILE
        data_dir.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(".tmp")
        temp.unlink(missing_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        if os.name == "nt":  # the mode means nothing there: set the file's own ACL, then write
            os.close(fd)
            try:
                subprocess.run(owner_only_command(temp, os.environ), check=True,
                               capture_output=True, creationflags=0x08000000)  # no console
            except (OSError, subprocess.CalledProcessError):
                temp.unlink(missing_ok=True)
                raise OSError(f"{temp}: its permissions could not be set") from None
            fd = os.open(temp, os.O_WRONLY | os.O_TRUNC)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"url": self.url, "device_name": self.device_name}, out, indent=2)
        os.replace(temp, path)
        return path


def owner_only_command(path: Path, env: Mapping[str, str]) -> list[str]:
    """Windows: icacls (part of Windows) giving the file to this user and SYSTEM alone.

    `/inheritance:r` drops what the file inherits from its folder (under %LOCALAPPDATA%
    that is already only the user, SYSTEM and Administrators; a --data-dir elsewhere, such
    as a shared folder, may let every user read), then full control for the user eduapp
    runs as and for SYSTEM (S-1-5-18, which runs Windows itself and its backups).
    """
    user = env.get("USERNAME", "")
    domain = env.get("USERDOMAIN", "")
    who = f"{domain}\\{user}" if domain else user
    return ["icacls", str(path), "/inheritance:r", "/grant:r", f"{who}:F",
            "/grant:r", "*S-1-5-18:F"]
