"""`eduapp server init` and `eduapp server status`: the clinic's PostgreSQL, for its IT person."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

from eduapp.core.storage.postgres import Failure, ServerError, redacted

if TYPE_CHECKING:
    from eduapp.core.storage.membership import ServerInfo

WHY = {
    Failure.UNREACHABLE: "the server cannot be reached (is it running, and is the host and "
                         "port right? is a firewall in the way?)",
    Failure.WRONG_PASSWORD: "the server refused the user name or password",
    Failure.NO_DATABASE: "the database does not exist: create it first (createdb eduapp)",
    Failure.TOO_OLD: "the server is too old: eduapp needs PostgreSQL 13 or newer",
    Failure.NOT_INITIALISED: "the database has no eduapp schema yet: run `eduapp server init "
                             "ADMIN_URL` on it first",
    Failure.SCHEMA_TOO_NEW: "the database was set up by a newer eduapp: update eduapp on "
                            "this computer",
    Failure.SCHEMA_TOO_OLD: "the clinic database was set up by an older eduapp: run `eduapp "
                            "server init ADMIN_URL` again to migrate it",
    Failure.LOCAL: "this computer's own database cannot be opened",
    Failure.REFUSED: "this user may not do that",
    Failure.BAD_URL: "that is not a PostgreSQL URL (postgresql://USER:PASSWORD@HOST/DATABASE)",
    Failure.CONFLICT: "the server was busy with another computer's change: try again",
    Failure.OTHER: "the server reported an error",
}


def describe(err: ServerError) -> str:
    """One plain line for a failure; the server's own words follow for the IT person."""
    if err.failure in (Failure.OTHER, Failure.TOO_OLD, Failure.LOCAL) and err.detail:
        return f"{WHY[err.failure]} ({err.detail})"
    return WHY[err.failure]


def run_server_init(admin_url: str, *, new_passwords: bool, host: str | None) -> int:
    """`eduapp server init ADMIN_URL`: exit code; says what it did and the URLs to hand out."""
    from eduapp.core.storage.pg_schema import init

    print(f"Setting up eduapp on {redacted(admin_url)}")
    try:
        report = init(admin_url, new_passwords=new_passwords, host=host)
    except ServerError as err:
        print(f"cannot set up the clinic database: {describe(err)}")
        return 1
    if report.version_before == report.version_after:
        print(f"Schema: already at version {report.version_after}; nothing to migrate.")
    elif report.version_before == 0:
        print(f"Schema: created at version {report.version_after}.")
    else:
        print(f"Schema: migrated from version {report.version_before} to "
              f"{report.version_after}.")
    for role in report.roles_created:
        print(f"Role created: {role}")
    print("Privileges set: devices add results and read settings; clinicians read everything.")
    if report.device_url is None:
        print("The roles already existed and keep their passwords; the URLs handed out earlier "
              "still work. Run again with --new-passwords to replace both.")
        return 0
    print("\nHand these out (they contain passwords: give them to people, not to a log):")
    print(f"  for kiosks and other devices:  eduapp connect '{report.device_url}'")
    print(f"  for clinician computers:       eduapp connect '{report.clinician_url}'")
    return 0


def print_clinic_state(info: ServerInfo) -> None:
    """The clinic's settings and PIN: on the server, or not yet."""
    print("Clinic settings: " + (
        "saved on the server; every device uses them" if info.settings_saved else
        "none saved on the server yet; each device uses its own until a clinician computer "
        "saves them"))
    print("Clinician PIN: " + (
        "one for the whole clinic, kept on the server" if info.pin_set else
        "none chosen yet; the first one chosen on any device is the clinic's"))
    if info.keep_days is None:
        print("Retention on the server: none yet (it deletes nothing until settings are saved)")
    else:
        last = info.purged_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC") \
            if info.purged_at else "never"
        print(f"Retention on the server: sessions kept {info.keep_days} days; "
              f"last purge {last} (connected devices have it done hourly)")


def postgres_version(number: int) -> str:
    return f"PostgreSQL {number // 10000}.{number % 10000}"


def run_server_status(data_dir: Path) -> int:
    """`eduapp server status`: 0 when the clinic's server is reachable (or there is none)."""
    from eduapp.core.storage.membership import status

    seen = status(data_dir)
    if seen.connection is None:
        print("This computer is not connected to a clinic: its results stay on it "
              "(eduapp connect URL joins one).")
        return 0
    print(f"Clinic server: {redacted(seen.connection.url)}")
    print(f"This device: {seen.connection.device_name}")
    if seen.server is not None:
        role = "clinician (reads the whole clinic)" if seen.server.clinician else \
            "device (adds results, cannot read them)"
        print(f"Server: reachable, {postgres_version(seen.server.server_version)}, "
              f"schema version {seen.server.schema_version}, role: {role}")
        print_clinic_state(seen.server)
    elif seen.failure is not None:
        print(f"Server: not reachable: {describe(seen.failure)}")
    rows = seen.waiting
    print(f"Waiting to be sent: {rows} change{'s' if rows != 1 else ''}")
    last = seen.last_sent_at
    print("Last send: " + (last.strftime("%Y-%m-%d %H:%M:%S UTC") if last else "never"))
    return 0 if seen.server is not None else 1
