"""A keyboard and screen-reader user of the real app, for the tests and scripts/orca-walk.

`KeyboardUser` talks to tests/e2e/atspi_keys.py (the system Python's pyatspi) and answers
what the screen reader got after each key. `clinic_folder` makes a data folder a clinician
opens: today's sessions made by the real quiz rules, a clinician PIN, the phone numbers.
"""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from eduapp.core.content.model import Module
from tests.e2e.a11y_bus import ROOT, SYSTEM_PYTHON

CLIENT = ROOT / "tests" / "e2e" / "atspi_keys.py"
PIN = "2468"


def clinic_folder(folder: Path, modules: list[Module], sessions: int = 6) -> Path:
    """A data folder with `sessions` sessions of today, the PIN `PIN` and phone numbers."""
    from eduapp.core.pin import PinLock
    from eduapp.core.storage.sqlite import DB_NAME, Store

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "clinic.toml").write_text(
        '[clinic]\nclinic_phone = "(555) 123-4567"\nafter_hours_phone = "555-987-6543"\n')
    store = Store.open(folder / DB_NAME)
    today_sessions(store, modules, sessions, seed=7)
    assert PinLock(store).choose(PIN) is None
    store.close()
    return folder


def today_sessions(store: Any, modules: list[Module], sessions: int, seed: int) -> None:
    """`sessions` sessions of today, in clinic hours, at any time of day the tests run (some
    may be later than now: just after midnight no clinic hour of today has passed yet)."""
    from eduapp.core.demo import generate_demo_data

    end_of_today = datetime.now().astimezone().replace(hour=23, minute=59, second=0)
    generate_demo_data(store, modules, sessions=sessions, seed=seed, days=1, until=end_of_today)


@dataclass
class Heard:
    """What a screen reader got after some keys: the focus, and the events on the way."""

    focus: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def role(self) -> str:
        return str(self.focus.get("role", ""))

    @property
    def name(self) -> str:
        return str(self.focus.get("name", ""))

    def focus_changes(self) -> list[dict[str, Any]]:
        return [e["focus"] for e in self.events if "focus" in e]

    def notifications(self) -> list[str]:
        return [e["notification"] for e in self.events if "notification" in e]


class KeyboardUser:
    """Presses keys in the app on `env`'s display and hears what a screen reader hears."""

    def __init__(self, env: dict[str, str], app_pid: int, quiet: float = 0.4) -> None:
        self.quiet = quiet
        self.client = subprocess.Popen(
            [str(SYSTEM_PYTHON), str(CLIENT)], env={**env, "EDUAPP_PID": str(app_pid)},
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.log: list[tuple[str, Heard, float]] = []  # every step: keys, heard, when pressed

    def _ask(self, command: dict[str, Any]) -> dict[str, Any]:
        assert self.client.stdin is not None and self.client.stdout is not None
        self.client.stdin.write(json.dumps(command) + "\n")
        self.client.stdin.flush()
        line = self.client.stdout.readline()
        if not line:
            assert self.client.stderr is not None
            raise RuntimeError("the AT-SPI client stopped: " + self.client.stderr.read())
        answer: dict[str, Any] = json.loads(line)
        return answer

    def press(self, *keys: str) -> Heard:
        """Press `keys` in turn; no keys: give the window the keyboard after a dialog."""
        pressed = time.time()
        heard = Heard(**self._ask({"keys": list(keys), "quiet": self.quiet}))
        self.log.append((" ".join(keys) or "(window focused)", heard, pressed))
        return heard

    def type(self, text: str) -> Heard:
        pressed = time.time()
        heard = Heard(**self._ask({"text": text}))
        self.log.append(("(typed)", heard, pressed))
        return heard

    def now(self) -> Heard:
        return Heard(**self._ask({"focus": True}))

    def showing(self) -> list[dict[str, Any]]:
        """Every object showing in the active window."""
        objects: list[dict[str, Any]] = self._ask({"tree": True})["objects"]
        return objects

    def count(self) -> int:
        """How many accessible objects the app exposes now, shown or not."""
        return int(self._ask({"count": True})["objects"])

    def everything(self) -> list[tuple[str, str]]:
        """(role, name) of every accessible object the app exposes now, shown or not."""
        return [(role, name) for role, name in self._ask({"all": True})["objects"]]

    def tab_until(self, matches: Any, limit: int = 60, key: str = "Tab") -> list[Heard]:
        """Press Tab until the focus `matches` (a predicate on Heard); every stop on the way."""
        stops = []
        for _ in range(limit):
            heard = self.press(key)
            stops.append(heard)
            if matches(heard):
                return stops
        raise AssertionError(f"not reached in {limit} presses of {key}: "
                             + "; ".join(f"{h.role} {h.name!r}" for h in stops))

    def transcript(self) -> str:
        return "\n".join(f"{keys}: {h.role} {h.name!r} {h.focus.get('states')}"
                         for keys, h, _at in self.log)

    def close(self) -> None:
        if self.client.stdin is not None:
            self.client.stdin.close()
        try:
            self.client.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.client.kill()
            self.client.wait(timeout=5)
