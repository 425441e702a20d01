"""The clinician PIN in clinic mode: one PIN and one lockout for every device of the clinic.

The server keeps the hash and the lockout (wrong tries, lockouts, locked until, on the
server's clock), so five wrong tries on one kiosk lock every device. The hash is checked
here, as on a lone computer (eduapp.pin); the server only records each try through
eduapp.pin_tried. With the server away the PIN is checked against the last hash this
device saw, with this device's own lockout (eduapp.pin.PinLock on its database). The PIN
is chosen once for the clinic; only a clinician computer changes it, and only while the
server answers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from eduapp.core.pin import (
    KEYS,
    TRIES_BEFORE_LOCK,
    PinCheck,
    PinLock,
    PinProblem,
    hash_pin,
    matches,
    pin_problem,
)
from eduapp.core.storage.clinic_settings import cache_pin, read_clinic
from eduapp.core.storage.postgres import Failure, ServerError, classify, connect
from eduapp.core.storage.sqlite import Store

log = logging.getLogger(__name__)
T = TypeVar("T")
TIMEOUT = 2  # seconds to reach the server before the device's own copy is used


class ClinicPin:
    """The PIN rules of a connected device (the same questions as PinLock answers)."""

    def __init__(self, store: Store, url: str) -> None:
        assert store.path is not None
        self.local = PinLock(store)
        self._store = store
        self._folder = store.path.parent
        self._url = url

    def is_set(self) -> bool:
        if self.local.is_set():
            return True
        try:
            return self._with_server(lambda db: self._cache(read_clinic(db).pin_hash))
        except ServerError:
            return False

    def choose(self, pin: str) -> PinProblem | None:
        """The clinic's PIN, when it has none yet; offline, this device's own until then."""
        problem = pin_problem(pin)
        if problem:
            return problem

        def choose(db: Any) -> PinProblem | None:
            chosen = db.execute("SELECT eduapp.choose_pin(%s, false)", (hash_pin(pin),))
            if not chosen.fetchone()[0]:
                self._cache(read_clinic(db).pin_hash)
                return PinProblem.ALREADY_SET
            self._cache(read_clinic(db).pin_hash)
            self._unlock_here()
            return None

        try:
            return self._with_server(choose)
        except ServerError:
            return self.local.choose(pin)

    def check(self, pin: str) -> PinCheck | None:
        result = self.verify(pin)
        return None if result.ok else result

    def verify(self, pin: str) -> PinCheck:
        """Check against the clinic's hash and lockout; with the server away, this device's."""
        def verify(db: Any) -> PinCheck | None:
            clinic = read_clinic(db)
            if clinic.pin_version == 0:
                return None  # the clinic never had a PIN: this device's own is checked
            self._cache(clinic.pin_hash)
            if clinic.pin_hash is None:
                return None  # removed for the clinic: no PIN is right until one is chosen
            if clinic.locked_seconds > 0:
                return PinCheck(False, clinic.locked_seconds, 0)
            right = matches(pin, clinic.pin_hash)
            failures, _, locked = db.execute(
                "SELECT * FROM eduapp.pin_tried(%s)", (right,)).fetchone()
            if locked > 0:
                return PinCheck(False, float(locked), 0)
            if right:
                self._unlock_here()
                return PinCheck(True)
            return PinCheck(False, 0.0, TRIES_BEFORE_LOCK - int(failures))

        try:
            result = self._with_server(verify)
        except ServerError:
            result = None
        return result if result is not None else self.local.verify(pin)

    def change(self, current: str, new: str) -> PinProblem | PinCheck | None:
        """Change the clinic's PIN (a clinician computer, the server reachable)."""
        problem = pin_problem(new)
        if problem:
            return problem
        result = self.verify(current)
        if not result.ok:
            return result

        def change(db: Any) -> None:
            db.execute("SELECT eduapp.set_pin(%s)", (hash_pin(new),))
            self._cache(read_clinic(db).pin_hash)
            self._unlock_here()

        try:
            self._with_server(change)
        except ServerError as err:
            return PinProblem.NOT_HERE if err.failure is Failure.REFUSED else \
                PinProblem.SERVER_AWAY
        return None

    def _cache(self, pin_hash: str | None) -> bool:
        cache_pin(self._folder, pin_hash)
        return pin_hash is not None

    def _unlock_here(self) -> None:
        """A right PIN on the server lifts this device's own lockout too."""
        self._store.set_settings(dict.fromkeys(KEYS[1:]))

    def _with_server(self, work: Callable[[Any], T]) -> T:
        """Run `work(db)` on a short connection; ServerError when the server cannot."""
        try:
            with connect(self._url, autocommit=True, timeout=TIMEOUT) as db:
                return work(db)
        except ServerError as err:
            log.warning("the clinic's PIN is checked on this device: %s", err.failure.value)
            raise
        except Exception as err:
            problem = classify(err)
            log.warning("the clinic's PIN is checked on this device: %s", problem.failure.value)
            raise problem from None
