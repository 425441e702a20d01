"""`eduapp reset-pin`: remove a forgotten clinician PIN, from the computer's own command line."""

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
