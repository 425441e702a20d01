"""`eduapp connect URL`: join this device to its clinic's PostgreSQL, after testing the URL."""

from __future__ import annotations

import socket
from pathlib import Path

from eduapp.commands.server import describe, postgres_version, print_clinic_state
from eduapp.core.storage.postgres import ServerError, redacted


def run_connect(data_dir: Path, url: str, name: str | None) -> int:
    """The exit code; says what this device is now, or plainly why it could not join."""
    from eduapp.core.storage.membership import join

    device_name = " ".join((name or socket.gethostname()).split())[:64] or "device"
    try:
        joined = join(data_dir, url, device_name, keep_days=_keep_days(data_dir))
    except ServerError as err:
        print(f"cannot connect to {redacted(url)}: {describe(err)}")
        print("Nothing was changed; this computer keeps working on its own.")
        return 1
    info = joined.server
    print(f"Connected to {redacted(url)} as \"{device_name}\" "
          f"({postgres_version(info.server_version)}, schema version {info.schema_version}).")
    if info.clinician:
        print("This is a clinician computer: its workspace shows the whole clinic.")
    else:
        print("This is a device: it sends its results to the clinic and cannot read them back.")
    print("Each answer is still saved here first; the app sends it on in the background.")
    if joined.history is None:
        print("The sessions recorded here before joining were queued for this clinic before.")
    else:
        print(f"{joined.history} session{'' if joined.history == 1 else 's'} recorded here "
              "before joining will be sent too.")
    from eduapp.core.paths import resources_dir
    from eduapp.core.storage.clinic_settings import sync
    from eduapp.core.storage.membership import inspect

    try:  # the clinic's settings and PIN now, so the app starts with them
        sync(url, data_dir, resources_dir())
        print_clinic_state(inspect(url))
    except ServerError as err:
        print(f"The clinic's settings could not be read yet ({describe(err)}); the app takes "
              "them when it next reaches the server.")
    return 0


def _keep_days(data_dir: Path) -> int:
    """How long the clinic keeps sessions (its settings here): older ones are not sent."""
    from eduapp.core.clinic import load_settings
    from eduapp.core.paths import resources_dir

    return load_settings(resources_dir(), data_dir).keep_days
