"""The sender: a thread that moves this device's outbox to the clinic's server, in order.

A row leaves the outbox only after the server has committed it (eduapp.deliver returns the
last row it holds). If the connection breaks between the server's commit and the answer
reaching us, the rows are sent again and the server skips them: nothing is doubled. While
the server is away the sender waits longer each time (1 s doubling to 60 s); when nothing
is waiting it sleeps until the store wakes it, so an idle kiosk costs no CPU.

A delivery the server undid because it met another device's (a deadlock or serialization
failure: Failure.CONFLICT) is tried again at once, a few times, then waited out like any
failure; the server answered, so the sender never reports it as unreachable.

Retention: on each connection, and hourly while connected (idle or not: an idle sender wakes
once an hour for it), the sender has the server delete sessions older than the clinic keeps
them (eduapp.purge_old, by the server's own setting), unless another device had it done
within the hour: one device at a time is enough, the purge is the same from any.
A device whose role cannot read results back (a kiosk) deletes its own copy of each ended
session as soon as the server holds it ended; a clinician computer keeps its copy for when
the server is away, until its own retention.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eduapp.core.storage import outbox
from eduapp.core.storage.postgres import Connection, Failure, ServerError, classify, connect

log = logging.getLogger(__name__)
FIRST_WAIT = 1.0
LONGEST_WAIT = 60.0
BATCH = 500
CONFLICT_TRIES = 4  # a delivery undone by a deadlock or serialization failure: again at once
PURGE_EVERY = 3600.0  # seconds between the server's retention purges while connected
FORGET_BATCH = 1000  # ended sessions looked up on the server at once


@dataclass(frozen=True)
class SenderState:
    """What the sender last knew: for `eduapp server status` and the clinician's notice."""

    reachable: bool | None = None  # None: not tried yet
    failure: Failure | None = None
    away_since: datetime | None = None  # when the server was first found unreachable
    last_sent_at: datetime | None = None
    waiting: int = 0


class Sender:
    """Delivers the outbox of the database at `db_path` to the clinic in `connection`."""

    def __init__(self, db_path: Path, connection: Connection, *,
                 first_wait: float = FIRST_WAIT, longest_wait: float = LONGEST_WAIT,
                 keep_local: bool | None = None) -> None:
        """`keep_local`: keep this device's copy of delivered sessions.

        None: keep it unless the role cannot read results back (a kiosk's).
        """
        self._path = db_path
        self._keep_local = keep_local
        self._forget = False
        self._purged_at = 0.0
        self._connection = connection
        self._first_wait, self._longest_wait = first_wait, longest_wait
        self._local: sqlite3.Connection | None = None
        self._server: Any = None
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.state = SenderState()
        self.on_change: Callable[[SenderState], None] | None = None  # called on its thread

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="eduapp-sender", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Something new is in the outbox (safe from any thread)."""
        self._wake.set()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop the thread; one stuck connecting to an unreachable host is left to end."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if not self._lock.acquire(timeout=0.1):
            return  # still waiting for the network: a daemon thread, it ends with the app
        try:
            self._disconnect()
            if self._local is not None:
                self._local.close()
                self._local = None
        finally:
            self._lock.release()

    def send_now(self) -> int:
        """Deliver everything waiting now; how many rows were delivered. Raises ServerError."""
        with self._lock:
            try:
                return self._send()
            except ServerError as err:
                self._disconnect()
                self._note(err.failure is Failure.CONFLICT, err.failure)  # it answered
                raise
            finally:
                self._note_waiting()

    def _loop(self) -> None:
        wait = self._first_wait
        next_try = 0.0
        while True:
            if self._stopping.is_set():
                if next_try == 0.0:  # the server is there: what the last moments added goes too
                    with contextlib.suppress(ServerError, sqlite3.Error, OSError):
                        self.send_now()
                return
            if time.monotonic() >= next_try:
                try:
                    self.send_now()
                    wait, next_try = self._first_wait, 0.0
                except ServerError as err:
                    log.warning("cannot deliver to the clinic server (%s); trying again in "
                                "%.0f s", err.failure.value, wait)
                    next_try = time.monotonic() + wait
                    wait = min(wait * 2, self._longest_wait)
                except (sqlite3.Error, OSError) as err:
                    log.error("cannot read this device's outbox: %s", err)
                    next_try = time.monotonic() + self._longest_wait
            # asleep until woken (a new row), the next try while the server is away, or the
            # next purge while it is there
            until = next_try if next_try else self._purged_at + PURGE_EVERY
            self._wake.wait(max(0.0, until - time.monotonic()))
            self._wake.clear()

    def _send(self) -> int:
        local = self._open_local()
        if not outbox.waiting(local) and self._server is not None:
            if time.monotonic() - self._purged_at >= PURGE_EVERY:
                self._tidy(self._server)
            return 0
        fresh = self._server is None
        server = self._open_server(local)
        sent = 0
        while rows := outbox.oldest(local, BATCH):
            done = self._deliver(server, rows)
            sent += outbox.sent_up_to(local, int(done))
            self._note(True, None, outbox.last_sent(local))
            if int(done) < rows[-1].seq:
                raise ServerError(Failure.OTHER, f"the server stopped at row {done}")
        if not sent:
            self._note(True, None)
        if sent or fresh:
            self._tidy(server)
        return sent

    def _deliver(self, server: Any, rows: list[outbox.Row]) -> int:
        """The last row the server holds after delivering `rows`, retried after a conflict.

        A deadlock or serialization failure undid the whole delivery (autocommit: one call,
        one transaction) and says nothing about the server's health, so it is tried again
        at once, a few times, rather than waited out like an outage.
        """
        for attempt in range(1, CONFLICT_TRIES + 1):
            try:
                row = server.execute("SELECT eduapp.deliver(%s, %s::jsonb)",
                                     (self._device, outbox.as_json(rows))).fetchone()
                return int(row[0]) if row else 0
            except Exception as err:
                problem = classify(err)
                if problem.failure is not Failure.CONFLICT or attempt == CONFLICT_TRIES:
                    raise problem from None
                log.info("a delivery met another device's at the server; trying again")
        raise AssertionError("unreachable")

    def _tidy(self, server: Any) -> None:
        """Retention on the server; a kiosk's copy of what the server holds goes."""
        try:
            if self._purged_at == 0.0 or time.monotonic() - self._purged_at >= PURGE_EVERY:
                self._purged_at = time.monotonic()
                recent = server.execute(  # by another device: once is enough
                    "SELECT coalesce(purged_at > now() - make_interval(secs => %s), false) "
                    "FROM eduapp.clinic", (PURGE_EVERY,)).fetchone()
                gone = 0 if recent and recent[0] else \
                    server.execute("SELECT eduapp.purge_old()").fetchone()[0]
                if gone:
                    log.info("the clinic's server deleted %d sessions past retention", gone)
            if self._forget:
                self._forget_delivered(server)
        except Exception as err:  # an older server: delivery goes on without it
            log.warning("retention on the clinic's server failed: %s", classify(err).failure.value)

    def _forget_delivered(self, server: Any) -> None:
        from eduapp.core.storage.sqlite import Store

        local = self._open_local()
        ended = [r[0] for r in local.execute(
            "SELECT uid FROM sessions WHERE ended_at IS NOT NULL AND uid IS NOT NULL "
            "ORDER BY id LIMIT ?", (FORGET_BATCH,))]
        if not ended:
            return
        held = [str(r[0]) for r in server.execute(
            "SELECT eduapp.ended_sessions(%s, %s::uuid[])", (self._device, ended))]
        if held:
            store = Store.open(self._path)
            try:
                gone = store.forget_sessions(held)
            finally:
                store.close()
            log.info("%d sessions the clinic's server holds were deleted from this device", gone)

    def _open_local(self) -> sqlite3.Connection:
        if self._local is None:
            self._local = sqlite3.connect(self._path, timeout=5.0, check_same_thread=False)
            self._device = outbox.device_id(self._local)
        return self._local

    def _open_server(self, local: sqlite3.Connection) -> Any:
        """Connect, say who this device is, and forget rows the server already holds."""
        if self._server is None:
            server = connect(self._connection.url, autocommit=True)
            try:
                row = server.execute("SELECT eduapp.register_device(%s, %s)",
                                     (self._device, self._connection.device_name)).fetchone()
                held = row[0] if row else 0
                reads = server.execute(
                    "SELECT has_table_privilege('eduapp.answers', 'SELECT')").fetchone()
            except Exception as err:
                server.close()
                raise classify(err) from None
            outbox.sent_up_to(local, int(held))
            self._server = server
            keep = self._keep_local
            self._forget = not (bool(reads and reads[0]) if keep is None else keep)
        return self._server

    def _disconnect(self) -> None:
        if self._server is not None:
            with contextlib.suppress(Exception):  # a broken connection has nothing to close
                self._server.close()
            self._server = None

    def _note(self, reachable: bool, failure: Failure | None,
              last_sent: datetime | None = None) -> None:
        state = self.state
        away = None if reachable else (state.away_since or datetime.now(UTC))
        self._set(replace(state, reachable=reachable, failure=failure, away_since=away,
                          last_sent_at=last_sent or state.last_sent_at))

    def _note_waiting(self) -> None:
        if self._local is not None:
            self._set(replace(self.state, waiting=outbox.waiting(self._local)))

    def _set(self, state: SenderState) -> None:
        if state != self.state:
            self.state = state
            if self.on_change is not None:
                self.on_change(state)
