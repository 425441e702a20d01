"""The clinic's one set of settings and clinician PIN on its server, and each device's copy.

In clinic mode the server holds the clinic-wide settings (the TOML a clinician saved, less
what each computer keeps for itself: clinic.DEVICE_KEYS) and the PIN's hash and lockout.
Each device writes the last copy it saw to its data folder (clinic.toml, and the hash in its
database), so it starts and checks the PIN with the server away. `sync` does that when the
device connects and each time the server announces a change (NOTIFY eduapp_settings).
An empty server is given settings by the first clinician computer that has its own, and a
PIN by the first device that has one.

A clinician's save names the version its form was loaded from (the device keeps the version
of its copy in its database); the server refuses it when another computer saved since, and
`push_settings` raises SettingsMoved with the newer settings, for the clinician to choose.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eduapp.core.clinic import (
    APP_KEYS,
    CLINIC_KEYS,
    DEVICE_KEYS,
    SETTINGS_FILE,
    ClinicSettings,
    SettingsError,
    load_settings,
    settings_from_text,
    settings_problems,
    settings_toml,
    write_settings_file,
)
from eduapp.core.pin import HASH_KEY, KEYS
from eduapp.core.storage.postgres import Failure, ServerError, classify, connect

if TYPE_CHECKING:
    from eduapp.core.storage.listener import Listener

log = logging.getLogger(__name__)
SETTINGS_CHANNEL = "eduapp_settings"  # NOTIFY channel: the clinic's settings or PIN changed
VERSION_KEY = "clinic.settings_version"  # the server's version of this device's copy


@dataclass(frozen=True)
class ClinicRow:
    """The server's settings and PIN; a version of 0 means never saved on the server."""

    settings: str | None
    settings_version: int
    pin_hash: str | None
    pin_version: int
    locked_seconds: float  # > 0: the PIN is locked clinic-wide for this long


@dataclass(frozen=True)
class Synced:
    """What a sync changed in this device's copy."""

    settings: bool = False
    pin: bool = False


class SettingsMoved(Exception):
    """Not saved: another computer saved the clinic's settings after the form was loaded."""

    def __init__(self, version: int, saved_at: datetime | None, text: str | None) -> None:
        super().__init__(f"the server holds settings version {version}")
        self.version = version  # the server's version now: a save based on it goes through
        self.saved_at = saved_at
        self.text = text  # what the server holds now (write_device_copy keeps it here)


def changed_keys(old: ClinicSettings, new: ClinicSettings) -> list[str]:
    """The clinic-wide settings (form keys, in the form's order) that differ between two."""
    keys = [k for k in CLINIC_KEYS if old.values.get(k, "") != new.values.get(k, "")]
    return keys + [k for k in APP_KEYS if k not in DEVICE_KEYS
                   and getattr(old, k) != getattr(new, k)]


def read_clinic(db: Any) -> ClinicRow:
    row = db.execute(
        "SELECT settings, settings_version, pin_hash, pin_version, greatest(0, extract(epoch "
        "FROM pin_locked_until - clock_timestamp()))::float8 FROM eduapp.clinic").fetchone()
    return ClinicRow(row[0], int(row[1]), row[2], int(row[3]), float(row[4] or 0.0))


def push_settings(url: str, settings: ClinicSettings, *, based_on: int | None = None,
                  timeout: int = 3) -> int:
    """Save the clinic-wide part of `settings` on the server; the version it now has.

    `based_on`: the version the settings were edited from (None: save over whatever the
    server holds). Raises SettingsMoved when the server's version is another one, and
    ServerError otherwise; a device's role is refused (Failure.REFUSED).
    """
    with connect(url, autocommit=True, timeout=timeout) as db:
        saved = _push(db, settings, False, based_on)
        if saved is not None:
            return saved
        try:
            row = db.execute("SELECT settings, settings_version, settings_at "
                             "FROM eduapp.clinic").fetchone()
        except Exception as err:
            raise classify(err) from None
    if row is None:
        raise ServerError(Failure.NOT_INITIALISED, "no clinic row")
    raise SettingsMoved(int(row[1]), row[2], row[0])


def remove_pin(url: str, *, timeout: int = 5) -> None:
    """Remove the clinic's PIN on the server (a clinician's role); raises ServerError."""
    with connect(url, autocommit=True, timeout=timeout) as db:
        try:
            db.execute("SELECT eduapp.set_pin(NULL)")
        except Exception as err:
            raise classify(err) from None


def _push(db: Any, settings: ClinicSettings, only_if_empty: bool,
          based_on: int | None = None) -> int | None:
    """The server's new settings version, or None when it did not save them."""
    try:
        row = db.execute("SELECT eduapp.save_settings(%s, %s, %s, %s)",
                         (settings_toml(settings, clinic_only=True), settings.keep_days,
                          only_if_empty, based_on)).fetchone()
    except Exception as err:
        raise classify(err) from None
    return int(row[0]) if row is not None and row[0] is not None else None


def sync(url: str, data_dir: Path, resources: Path, *, timeout: int = 5) -> Synced:
    """Bring this device's copy in line with the server; seed an empty server first."""
    with connect(url, autocommit=True, timeout=timeout) as db:
        try:
            row = read_clinic(db)
            seeded = False
            local_hash = local_pin(data_dir)
            if row.pin_version == 0 and local_hash:
                db.execute("SELECT eduapp.choose_pin(%s, true)", (local_hash,))
                seeded = True
            if row.settings is None and (data_dir / SETTINGS_FILE).is_file() and _clinician(db):
                own = load_settings(resources, data_dir)
                if not own.problems and not settings_problems(own):
                    seeded = _push(db, own, True) is not None or seeded
            if seeded:
                row = read_clinic(db)
        except ServerError:
            raise
        except Exception as err:
            raise classify(err) from None
    settings = row.settings is not None and write_device_copy(data_dir, row.settings,
                                                              row.settings_version)
    pin = row.pin_version > 0 and cache_pin(data_dir, row.pin_hash)
    return Synced(settings, pin)


def _clinician(db: Any) -> bool:
    return bool(db.execute("SELECT has_function_privilege("
                           "'eduapp.save_settings(text, integer, boolean, bigint)', 'EXECUTE')")
                .fetchone()[0])


def write_device_copy(data_dir: Path, clinic_text: str, version: int | None = None) -> bool:
    """Write the server's settings, with this computer's own (kiosk), to its clinic.toml.

    True when the file changed. A copy that does not read back cleanly is not written.
    `version`, the server's for this text, is kept with the copy (see settings_version).
    """
    path = data_dir / SETTINGS_FILE
    parsed = settings_from_text(clinic_text, Path("server"))
    if parsed.problems:
        log.error("the clinic's settings on the server have problems; this device keeps its "
                  "copy: %s", "; ".join(map(str, parsed.problems)))
        return False
    text = settings_toml(replace(parsed, kiosk=_own_kiosk(path)))
    same = False
    with contextlib.suppress(OSError):
        same = path.read_text(encoding="utf-8") == text
    if not same:
        try:
            write_settings_file(text, path)
        except SettingsError as err:
            log.error("the clinic's settings could not be kept on this device: %s", err)
            return False
        log.info("the clinic's settings were updated on this device")
    if version is not None:
        keep_settings_version(data_dir, version)
    return not same


def settings_version(data_dir: Path) -> int | None:
    """The server's version of the settings in this device's copy; None: not known."""
    try:
        db = _local(data_dir)
        try:
            row = db.execute("SELECT value FROM settings WHERE key = ?",
                             (VERSION_KEY,)).fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return int(row[0]) if row and str(row[0]).isdigit() else None


def keep_settings_version(data_dir: Path, version: int) -> None:
    try:
        db = _local(data_dir)
        try:
            with db:
                db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) "
                           "DO UPDATE SET value = excluded.value", (VERSION_KEY, str(version)))
        finally:
            db.close()
    except sqlite3.Error as err:
        log.error("the clinic's settings version could not be kept on this device: %s", err)


def _own_kiosk(path: Path) -> bool:
    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get("app", {}).get("kiosk")
    except (OSError, ValueError, AttributeError):
        return False
    return value if isinstance(value, bool) else False


def _local(data_dir: Path) -> sqlite3.Connection:
    from eduapp.core.storage.sqlite import DB_NAME

    return sqlite3.connect(data_dir / DB_NAME, timeout=5.0)


def local_pin(data_dir: Path) -> str | None:
    """The PIN hash this device holds (its own, or the clinic's last seen)."""
    try:
        db = _local(data_dir)
        try:
            row = db.execute("SELECT value FROM settings WHERE key = ?", (HASH_KEY,)).fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def cache_pin(data_dir: Path, pin_hash: str | None) -> bool:
    """Keep the clinic's PIN hash for checks with the server away; True when it changed.

    None: the clinic removed its PIN. This device's own lockout stays as it is.
    """
    if local_pin(data_dir) == pin_hash:
        return False
    try:
        db = _local(data_dir)
        try:
            with db:
                if pin_hash is None:
                    db.executemany("DELETE FROM settings WHERE key = ?",
                                   [(key,) for key in KEYS])
                else:
                    db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) "
                               "DO UPDATE SET value = excluded.value", (HASH_KEY, pin_hash))
        finally:
            db.close()
    except sqlite3.Error as err:
        log.error("the clinic's PIN could not be kept on this device: %s", err)
        return False
    return True


def start_sync(url: str, data_dir: Path, resources: Path,
               on_change: Callable[[Synced], None]) -> Listener:
    """Sync now and whenever the server announces a change (on the listener's thread).

    `on_change` is called when this device's copy changed. Nothing polls: the listener
    waits on its socket, and syncs again each time it reconnects.
    """
    from eduapp.core.storage.listener import Listener

    def pull() -> None:
        try:
            synced = sync(url, data_dir, resources)
        except ServerError as err:
            log.warning("the clinic's settings could not be read: %s", err.failure.value)
            return
        if synced.settings or synced.pin:
            on_change(synced)

    listener = Listener(url, pull, lambda up: pull() if up else None, channel=SETTINGS_CHANNEL)
    listener.start()
    return listener
