"""Hears the clinic's server say that a device delivered results (PostgreSQL LISTEN/NOTIFY).

A thread holds one connection that LISTENs; eduapp.deliver NOTIFYs once per delivery, so a
clinician's Today can read again within a moment of a kiosk's answer without polling. When
the connection breaks, the thread reports it and tries again, waiting longer each time.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from eduapp.core.storage.postgres import CHANNEL, ServerError, classify, connect

log = logging.getLogger(__name__)


class Listener:
    """Calls `on_results()` (on its own thread) each time a device delivers results.

    Another `channel` hears other news: eduapp_settings, the clinic's settings or PIN.

    `on_link(up)` is called when the connection is made (True) or lost (False).
    """

    def __init__(self, url: str, on_results: Callable[[], None],
                 on_link: Callable[[bool], None] | None = None, *,
                 first_wait: float = 1.0, longest_wait: float = 30.0,
                 channel: str = CHANNEL) -> None:
        self._url = url
        self._channel = channel
        self._on_results = on_results
        self._on_link = on_link
        self._first_wait, self._longest_wait = first_wait, longest_wait
        self._stopping = threading.Event()
        self._db: Any = None
        self._thread = threading.Thread(target=self._loop, name="eduapp-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stopping.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        wait = self._first_wait
        while not self._stopping.is_set():
            try:
                self._listen()
                wait = self._first_wait
            except ServerError as err:
                log.info("not hearing the clinic server (%s); again in %.0f s",
                         err.failure.value, wait)
                self._tell(self._on_link, False)
                self._stopping.wait(wait)
                wait = min(wait * 2, self._longest_wait)

    def _tell(self, callback: Callable[..., None] | None, *args: object) -> None:
        """Call back; one whose receiver is gone (a closed workspace) ends the listening."""
        if callback is None:
            return
        try:
            callback(*args)
        except RuntimeError:  # e.g. a deleted Qt object's signal
            self._stopping.set()

    def _listen(self) -> None:
        db = connect(self._url, autocommit=True)
        try:
            db.execute(f"LISTEN {self._channel}")
            self._tell(self._on_link, True)
            while not self._stopping.is_set():
                # wakes every 5 s only to notice stop(); no query is sent, nothing is polled
                heard = False
                for _ in db.notifies(timeout=5.0, stop_after=1):
                    heard = True
                if heard:
                    for _ in db.notifies(timeout=0.05):  # several kiosks at once: one refresh
                        pass
                    self._tell(self._on_results)
        except ServerError:
            raise
        except Exception as err:
            raise classify(err) from None
        finally:
            with contextlib.suppress(Exception):
                db.close()
