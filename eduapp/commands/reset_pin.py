"""`eduapp reset-pin`: remove a forgotten clinician PIN, from the computer's own command line.

On a computer connected to a clinic the PIN is the clinic's: a clinician computer removes
it on the server for every device; a kiosk (a device's role) cannot.
"""

from __future__ import annotations

from pathlib import Path

from eduapp.core.pin import reset_pin
from eduapp.core.storage.problems import StoreError
from eduapp.core.storage.sqlite import DB_NAME, Store


def run_reset_pin(data_dir: Path, *, confirmed: bool) -> int:
    """`eduapp reset-pin [--data-dir DIR] --yes`: the exit code; one line of output."""
    path = data_dir / DB_NAME
    if not confirmed:
        print(f"This removes the clinician PIN of {path}; the next clinician to open "
              "clinician mode chooses a new one. Run again with --yes to do it.")
        return 1
    if not path.is_file():
        print(f"no eduapp database in {data_dir}")
        return 1
    from eduapp.core.storage.postgres import Connection

    connection = Connection.load(data_dir)
    if connection is not None:
        return _reset_clinic_pin(data_dir, connection.url)
    try:
        store = Store.open(path)
        try:
            was_set = reset_pin(store)
        finally:
            store.close()
    except StoreError as err:
        print(f"cannot reset the PIN: {err}")
        return 1
    print("The clinician PIN was removed; choose a new one in clinician mode."
          if was_set else "No clinician PIN was set; nothing changed.")
    return 0


def _reset_clinic_pin(data_dir: Path, url: str) -> int:
    """Clinic mode: the PIN is the clinic's, removed on its server (a clinician computer)."""
    from eduapp.commands.server import describe
    from eduapp.core.storage.clinic_settings import cache_pin, remove_pin
    from eduapp.core.storage.postgres import Failure, ServerError

    try:
        remove_pin(url)
    except ServerError as err:
        if err.failure is Failure.REFUSED:
            print("This device is connected to its clinic as a device: the clinic's PIN is "
                  "removed with `eduapp reset-pin --yes` on a clinician computer.")
        else:
            print(f"cannot reset the clinic's PIN: {describe(err)}; nothing changed.")
        return 1
    cache_pin(data_dir, None)
    print("The clinic's PIN was removed on its server, for every device; the next clinician "
          "to open clinician mode on any of them chooses a new one.")
    return 0
