"""Joining a device to its clinic (`eduapp connect`) and what it sees of it (`server status`)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from eduapp.core.storage import outbox
from eduapp.core.storage.postgres import Connection, Failure, ServerError, classify, connect


@dataclass(frozen=True)
class ServerInfo:
    """What a URL reaches: the PostgreSQL version, the schema version, what the role may do."""

    server_version: int  # server_version_num, e.g. 150018
    schema_version: int
    clinician: bool  # may read the clinic's results (the clinician role)
    settings_saved: bool = False  # the clinic's settings are on the server
    pin_set: bool = False  # the clinic has a clinician PIN
    keep_days: int | None = None  # the clinic's retention; None: no settings saved yet
    purged_at: datetime | None = None  # when the server last deleted by retention


@dataclass(frozen=True)
class Status:
    """`eduapp server status`: this device's view of its clinic."""

    connection: Connection | None  # None: a lone computer
    server: ServerInfo | None  # None: not reachable (see failure)
    failure: ServerError | None
    waiting: int  # outbox rows not yet on the server
    last_sent_at: datetime | None


def inspect(url: str) -> ServerInfo:
    """Connect and check the schema is there and one this eduapp knows; raise ServerError."""
    from eduapp.core.storage.pg_schema import SCHEMA_VERSION

    with connect(url) as db:
        try:
            version = _one(db, "SELECT version FROM eduapp.schema_version")
            clinician = _one(db, "SELECT has_table_privilege('eduapp.answers', 'SELECT')")
        except Exception as err:
            raise classify(err) from None
        if version > SCHEMA_VERSION:
            raise ServerError(Failure.SCHEMA_TOO_NEW, f"schema {version} > {SCHEMA_VERSION}")
        if version < SCHEMA_VERSION:
            raise ServerError(Failure.SCHEMA_TOO_OLD, f"schema {version} < {SCHEMA_VERSION}")
        try:
            row = db.execute("SELECT settings IS NOT NULL, pin_hash IS NOT NULL, keep_days, "
                             "purged_at FROM eduapp.clinic").fetchone()
        except Exception as err:
            raise classify(err) from None
        saved, pin, days, purged = row if row else (False, False, None, None)
        return ServerInfo(db.info.server_version, int(version), bool(clinician), bool(saved),
                          bool(pin), days, purged)


@dataclass(frozen=True)
class Joined:
    """What `join` did: the server it reached, and the sessions recorded here before."""

    server: ServerInfo
    history: int | None  # sessions queued to be sent; None: queued for this server before


def join(data_dir: Path, url: str, device_name: str, *, keep_days: int = 3650) -> Joined:
    """Test the URL, register this device, queue its history, save the connection (mode 600).

    The history is every session this device recorded in the last `keep_days` days (the
    clinic's retention), once per server: the clinic's results are whole from the start.
    """
    from eduapp.core.storage.problems import StoreError
    from eduapp.core.storage.sqlite import DB_NAME, Store

    info = inspect(url)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        Store.open(data_dir / DB_NAME).close()  # made or migrated: it holds the device's id
    except (OSError, StoreError) as err:
        raise ServerError(Failure.LOCAL, str(err)) from None
    local = sqlite3.connect(data_dir / DB_NAME)
    try:
        device = outbox.device_id(local)
        with connect(url, autocommit=True) as db:
            try:
                db.execute("SELECT eduapp.register_device(%s, %s)", (device, device_name))
                server = _one(db, "SELECT value FROM eduapp.settings WHERE key = 'database.id'")
            except Exception as err:
                raise classify(err) from None
        since = datetime.now(UTC) - timedelta(days=keep_days)
        try:
            history = outbox.queue_history(local, str(server), since)
        except sqlite3.Error as err:
            raise ServerError(Failure.LOCAL, str(err)) from None
    finally:
        local.close()
    try:
        Connection(url, device_name).save(data_dir)
    except OSError as err:
        raise ServerError(Failure.LOCAL, str(err)) from None
    return Joined(info, history)


def status(data_dir: Path) -> Status:
    """What this device sees now; never raises for an unreachable server."""
    from eduapp.core.storage.sqlite import DB_NAME

    connection = Connection.load(data_dir)
    waiting, last = 0, None
    if (data_dir / DB_NAME).is_file():
        local = sqlite3.connect(f"file:{data_dir / DB_NAME}?mode=ro", uri=True)
        try:
            waiting, last = outbox.waiting(local), outbox.last_sent(local)
        except sqlite3.Error:  # a database from before clinic mode: nothing waits
            pass
        finally:
            local.close()
    if connection is None:
        return Status(None, None, None, waiting, last)
    try:
        return Status(connection, inspect(connection.url), None, waiting, last)
    except ServerError as err:
        return Status(connection, None, err, waiting, last)


def _one(db: Any, query: str) -> Any:
    row = db.execute(query).fetchone()
    return row[0] if row else None
