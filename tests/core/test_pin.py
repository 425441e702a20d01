"""The clinician PIN: chosen once, stored only as a salted hash, locked after wrong tries.

Time is an injected clock, never a sleep. A real hash costs about 0.3 s (600,000
iterations), so the lockout tests store a PIN hashed with fewer iterations, as an older
eduapp might have: checking it follows the same path, and a right PIN upgrades it.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from eduapp.core import pin
from eduapp.core.pin import PinCheck, PinLock, PinProblem, hash_pin, matches, reset_pin
from eduapp.core.storage.sqlite import DB_NAME, Store

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    """Seconds since the epoch, moved by hand."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def quick_lock(store: Store, clock: Clock, code: str = "2468") -> PinLock:
    """A lock whose PIN was stored with few iterations, so wrong tries are quick."""
    store.set_settings({pin.HASH_KEY: hash_pin(code, iterations=1_000)})
    return PinLock(store, clock)


def wrong_tries(lock: PinLock, n: int) -> list[PinCheck | None]:
    return [lock.check("0000") for _ in range(n)]


def wrong(tries_left: int) -> PinCheck:
    """Not right, with this many tries left before a pause."""
    return PinCheck(False, 0.0, tries_left)


def locked(seconds: float) -> PinCheck:
    """Too many wrong tries: try again in this many seconds."""
    return PinCheck(False, seconds, 0)


def test_first_use_chooses_a_pin_that_then_opens(store: Store, clock: Clock) -> None:
    lock = PinLock(store, clock)
    assert not lock.is_set()
    assert lock.check("1234") is not None  # no PIN yet: nothing opens
    assert lock.choose("12a4") is PinProblem.NOT_DIGITS
    assert lock.choose("123") is PinProblem.LENGTH
    assert lock.choose("1234567890123") is PinProblem.LENGTH
    assert lock.choose("0٣45") is PinProblem.NOT_DIGITS  # digits of other scripts too
    assert lock.choose("493817") is None
    assert lock.is_set()
    assert lock.choose("111111") is PinProblem.ALREADY_SET
    assert lock.check("493817") is None
    assert lock.check("493818") == wrong(4)


def test_only_a_salted_600000_round_hash_is_stored(store: Store, clock: Clock,
                                                   tmp_path: Path) -> None:
    PinLock(store, clock).choose("493817")
    stored = store.setting(pin.HASH_KEY)
    assert stored is not None
    algorithm, iterations, salt, digest = stored.split("$")
    assert algorithm == "pbkdf2_sha256"
    assert int(iterations) >= 600_000
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert matches("493817", stored) and not matches("493818", stored)
    # The PIN appears nowhere in the database file, in any form.
    db = sqlite3.connect(tmp_path / DB_NAME)
    dump = "\n".join(db.iterdump())
    db.close()
    assert "493817" not in dump
    assert "493817" not in stored


def test_the_same_pin_gets_a_different_salt_each_time() -> None:
    first, second = hash_pin("2468", iterations=1_000), hash_pin("2468", iterations=1_000)
    assert first != second
    assert matches("2468", first) and matches("2468", second)
    assert not matches("2468", "something else") and not matches("2468", "md5$1$00$00")


def test_five_wrong_tries_lock_for_30_seconds(store: Store, clock: Clock) -> None:
    lock = quick_lock(store, clock)
    messages = wrong_tries(lock, 5)
    assert messages[:4] == [wrong(n) for n in (4, 3, 2, 1)]
    assert messages[4] == locked(30)
    # While locked even the right PIN does not open, and the wait is not extended.
    clock.now += 10
    assert lock.check("2468") == locked(20)
    assert lock.locked_seconds() == 20
    clock.now += 20
    assert lock.locked_seconds() == 0
    assert lock.check("2468") is None


def test_each_further_lockout_doubles(store: Store, clock: Clock) -> None:
    lock = quick_lock(store, clock)
    for expected in (30, 60, 120, 240):
        assert wrong_tries(lock, 5)[-1] == locked(expected)
        assert lock.locked_seconds() == expected
        clock.now += expected
    # A right PIN resets the count: the next lockout is 30 s again.
    assert lock.check("2468") is None
    assert wrong_tries(lock, 4)[-1] == wrong(1)
    assert wrong_tries(lock, 1)[-1] == locked(30)


def test_lockout_holds_after_closing_and_reopening(tmp_path: Path, clock: Clock) -> None:
    store = Store.open(tmp_path / DB_NAME)
    lock = quick_lock(store, clock)
    wrong_tries(lock, 3)
    store.close()
    store = Store.open(tmp_path / DB_NAME)  # the app was restarted: the count goes on
    lock = PinLock(store, clock)
    assert wrong_tries(lock, 2)[-1] == locked(30)
    store.close()
    clock.now += 5
    store = Store.open(tmp_path / DB_NAME)
    lock = PinLock(store, clock)
    assert lock.locked_seconds() == 25
    assert lock.check("2468") is not None
    store.close()


def test_a_clock_set_back_does_not_stretch_the_lock(store: Store, clock: Clock) -> None:
    lock = quick_lock(store, clock)
    wrong_tries(lock, 5)
    clock.now -= 86_400
    assert lock.locked_seconds() == 30


def test_right_pin_upgrades_an_older_weaker_hash(store: Store, clock: Clock) -> None:
    lock = quick_lock(store, clock)
    assert lock.check("2468") is None
    stored = store.setting(pin.HASH_KEY)
    assert stored is not None and stored.split("$")[1] == str(pin.ITERATIONS)
    assert lock.check("2468") is None


def test_change_needs_the_current_pin(store: Store, clock: Clock) -> None:
    lock = quick_lock(store, clock)
    assert lock.change("2468", "12") is PinProblem.LENGTH
    assert lock.change("1111", "13579") == wrong(4)
    assert lock.change("2468", "13579") is None
    assert lock.check("2468") is not None
    assert lock.check("13579") is None


def test_reset_removes_the_pin_and_the_lockout(store: Store, clock: Clock) -> None:
    lock = quick_lock(store, clock)
    wrong_tries(lock, 5)
    assert reset_pin(store) is True
    assert not lock.is_set() and lock.locked_seconds() == 0
    assert lock.choose("97531") is None
    assert reset_pin(store) is True
    assert reset_pin(store) is False


def eduapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eduapp", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


def test_reset_pin_command_needs_yes_and_the_computer(tmp_path: Path, clock: Clock) -> None:
    store = Store.open(tmp_path / DB_NAME)
    quick_lock(store, clock)
    store.close()

    asked = eduapp("reset-pin", "--data-dir", str(tmp_path))
    assert asked.returncode == 1 and "--yes" in asked.stdout
    store = Store.open(tmp_path / DB_NAME)
    assert PinLock(store, clock).is_set()  # nothing changed without --yes
    store.close()

    done = eduapp("reset-pin", "--data-dir", str(tmp_path), "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "removed" in done.stdout
    store = Store.open(tmp_path / DB_NAME)
    assert not PinLock(store, clock).is_set()
    store.close()

    nowhere = eduapp("reset-pin", "--data-dir", str(tmp_path / "none"), "--yes")
    assert nowhere.returncode == 1 and "no eduapp database" in nowhere.stdout
    assert not (tmp_path / "none").exists()
    assert "Traceback" not in asked.stderr + done.stderr + nowhere.stderr


def test_a_clinic_may_choose_a_pin_of_12_digits(store: Store, clock: Clock) -> None:
    lock = PinLock(store, clock)
    assert lock.choose("904712385566") is None
    assert lock.check("904712385566") is None
    assert lock.check("90471238556") == wrong(4)
