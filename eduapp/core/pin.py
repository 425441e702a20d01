"""The clinician PIN: chosen on first use, kept only as a salted hash, with a lockout.

The PIN is stored as "pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>" (PBKDF2-SHA256,
600,000 iterations, a 16-byte random salt) in the database's settings table, never as
itself. After 5 wrong tries in a row the PIN is locked for 30 s; each further lockout
doubles (60 s, 120 s, ...). The count and the end of the lock are stored too, so closing
and reopening the app does not lift a lockout. A right PIN resets both.

A forgotten PIN is removed with `eduapp reset-pin --yes`, which needs the computer's own
command line; the app itself has no way round the PIN.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from eduapp.core.storage.sqlite import Store

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000
SALT_BYTES = 16
MIN_DIGITS, MAX_DIGITS = 4, 12  # 10 to 12 where a kiosk could be taken
TRIES_BEFORE_LOCK = 5
FIRST_LOCK_SECONDS = 30.0

HASH_KEY = "pin.hash"
FAILURES_KEY = "pin.failures"  # wrong tries since the last lockout or right PIN
LOCKOUTS_KEY = "pin.lockouts"  # lockouts since the last right PIN
LOCKED_UNTIL_KEY = "pin.locked_until"  # seconds since the epoch
KEYS = (HASH_KEY, FAILURES_KEY, LOCKOUTS_KEY, LOCKED_UNTIL_KEY)


@dataclass(frozen=True)
class PinCheck:
    """The outcome of entering a PIN."""

    ok: bool
    locked_seconds: float = 0.0  # > 0: locked now, try again after this many seconds
    tries_left: int = TRIES_BEFORE_LOCK  # wrong tries left before the next lockout


class PinProblem(StrEnum):
    """Why a new PIN cannot be used; the interface words it."""

    NOT_DIGITS = "not-digits"  # only the digits 0-9
    LENGTH = "length"  # MIN_DIGITS to MAX_DIGITS of them
    ALREADY_SET = "already-set"  # a PIN is chosen only once; then it is changed
    SERVER_AWAY = "server-away"  # clinic mode: the clinic's PIN changes only on its server
    NOT_HERE = "not-here"  # clinic mode: a device's role may not change the clinic's PIN


def pin_problem(pin: str) -> PinProblem | None:
    """Why a new PIN cannot be used, or None when it can."""
    if not (pin.isascii() and pin.isdigit()):
        return PinProblem.NOT_DIGITS
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return PinProblem.LENGTH
    return None


def hash_pin(pin: str, *, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    """The stored form of a PIN: algorithm, iterations, salt and hash."""
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"{ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def matches(pin: str, stored: str) -> bool:
    """True when `pin` is the PIN `stored` was made from (compared in constant time)."""
    try:
        algorithm, iterations, salt, digest = stored.split("$")
        if algorithm != ALGORITHM:
            return False
        expected = bytes.fromhex(digest)
        got = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), bytes.fromhex(salt),
                                  int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(got, expected)


def _iterations(stored: str) -> int:
    try:
        return int(stored.split("$")[1])
    except (IndexError, ValueError):
        return 0


class PinLock:
    """The clinician PIN of one database; the UI asks it and shows what it says."""

    def __init__(self, store: Store, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._clock = clock

    def is_set(self) -> bool:
        return self._store.setting(HASH_KEY) is not None

    def choose(self, pin: str) -> PinProblem | None:
        """Set the PIN on first use; None when done, else why not."""
        if self.is_set():
            return PinProblem.ALREADY_SET
        return self._save_new(pin)

    def check(self, pin: str) -> PinCheck | None:
        """None when the PIN is right; else how the try went (wrong, or locked)."""
        result = self.verify(pin)
        return None if result.ok else result

    def change(self, current: str, new: str) -> PinProblem | PinCheck | None:
        """Change the PIN: the current one is checked first, with the same lockout.

        None when changed; else why the new PIN cannot be used, or how the current one's
        try went.
        """
        problem = pin_problem(new)
        if problem:
            return problem
        result = self.verify(current)
        return self._save_new(new) if result.ok else result

    def locked_seconds(self) -> float:
        """Seconds until a PIN may be tried again; 0 when it may be tried now."""
        until = float(self._store.setting(LOCKED_UNTIL_KEY) or 0)
        left = until - self._clock()
        # a clock set back must not stretch the lock beyond its own length
        return max(0.0, min(left, self._lock_length(self._lockouts())))

    def verify(self, pin: str) -> PinCheck:
        """Check a PIN; a wrong one counts toward the lockout. No PIN set: never ok."""
        waiting = self.locked_seconds()
        if waiting > 0:
            return PinCheck(False, waiting, 0)
        stored = self._store.setting(HASH_KEY)
        if stored is not None and matches(pin, stored):
            self._store.set_settings({FAILURES_KEY: None, LOCKOUTS_KEY: None,
                                      LOCKED_UNTIL_KEY: None})
            if _iterations(stored) < ITERATIONS:  # made by an older eduapp: strengthen it
                self._store.set_settings({HASH_KEY: hash_pin(pin)})
            return PinCheck(True)
        failures = int(self._store.setting(FAILURES_KEY) or 0) + 1
        if failures < TRIES_BEFORE_LOCK:
            self._store.set_settings({FAILURES_KEY: str(failures)})
            return PinCheck(False, 0.0, TRIES_BEFORE_LOCK - failures)
        lockouts = self._lockouts() + 1
        length = self._lock_length(lockouts)
        self._store.set_settings({FAILURES_KEY: None, LOCKOUTS_KEY: str(lockouts),
                                  LOCKED_UNTIL_KEY: repr(self._clock() + length)})
        return PinCheck(False, length, 0)

    def _lockouts(self) -> int:
        return int(self._store.setting(LOCKOUTS_KEY) or 0)

    @staticmethod
    def _lock_length(lockouts: int) -> float:
        return FIRST_LOCK_SECONDS * 2 ** (lockouts - 1) if lockouts > 0 else 0.0

    def _save_new(self, pin: str) -> PinProblem | None:
        problem = pin_problem(pin)
        if problem is None:
            self._store.set_settings({HASH_KEY: hash_pin(pin), FAILURES_KEY: None,
                                      LOCKOUTS_KEY: None, LOCKED_UNTIL_KEY: None})
        return problem


def reset_pin(store: Store) -> bool:
    """Remove the PIN and its lockout; the next clinician chooses a new one. True if one was set."""
    was_set = store.setting(HASH_KEY) is not None
    store.set_settings(dict.fromkeys(KEYS))
    return was_set
