"""Test helpers for clinic mode: a device (data folder, store, sender) and a cutting proxy."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

from eduapp.core.content.model import Module
from eduapp.core.quiz import Step
from eduapp.core.storage.membership import join
from eduapp.core.storage.postgres import Connection
from eduapp.core.storage.sender import Sender
from eduapp.core.storage.sqlite import DB_NAME, Store
from eduapp.core.visit import Visit


class Device:
    """A kiosk or clinician computer joined to the clinic, as the app runs it."""

    def __init__(self, folder: Path, url: str, name: str, *, first_wait: float = 0.1,
                 keep_local: bool | None = None) -> None:
        """`keep_local`: as the sender's (None: a kiosk's role forgets what was delivered)."""
        folder.mkdir(parents=True, exist_ok=True)
        join(folder, url, name)
        self.folder = folder
        self.store = Store.open(folder / DB_NAME)
        self.store.outbox = True
        connection = Connection.load(folder)
        assert connection is not None
        self.sender = Sender(folder / DB_NAME, connection, first_wait=first_wait,
                             longest_wait=first_wait * 4, keep_local=keep_local)
        self.store.on_outbox = self.sender.wake

    def close(self) -> None:
        self.sender.stop()
        self.store.close()


def answer_all(visit: Visit, module: Module, *, wrong_first: int = 0,
               between: Callable[[int], None] | None = None,
               stop_after: int | None = None) -> list[str]:
    """Take a module's quiz to the end (or stop after `stop_after` answers).

    The first `wrong_first` answers are wrong; `between(n)` runs after the n-th answer.
    Returns the question ids in the order answered.
    """
    quiz = visit.start_quiz(module)
    given: list[str] = []
    while quiz.step is not Step.DONE:
        if quiz.step is Step.REVIEW:
            quiz.ask_again()
        question = quiz.question
        right = {c.id for c in question.choices if c.correct}
        wrong = {c.id for c in question.choices if not c.correct}
        quiz.answer(sorted(wrong)[:1] if len(given) < wrong_first and wrong else right)
        given.append(question.id)
        if between is not None:
            between(len(given))
        if len(given) == stop_after:
            quiz.stop()
            break
        quiz.next()
    visit.finish_quiz(quiz)
    return given


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Wait for something another thread or process does (not a fixed sleep)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


class CuttingProxy:
    """A TCP proxy to PostgreSQL that, once armed, cuts the connection at the worst moment.

    Armed, it watches for the client's query that contains `marker`, lets the server run and
    commit it, and when the server's ReadyForQuery arrives (the transaction is over) it
    closes both sides without passing the answer on: the server has committed, the client
    never hears of it. It cuts once, then forwards as before. Needs sslmode=disable.
    """

    def __init__(self, port: int, marker: bytes) -> None:
        self.target = port
        self.marker = marker
        self.armed = False
        self.cuts = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target))
            state = {"query": False}
            threading.Thread(target=self._up, args=(client, server, state), daemon=True).start()
            threading.Thread(target=self._down, args=(server, client, state), daemon=True).start()

    def _up(self, client: socket.socket, server: socket.socket, state: dict[str, bool]) -> None:
        while data := _recv(client):
            if self.armed and self.marker in data:
                state["query"] = True
            server.sendall(data)
        _close(client, server)

    def _down(self, server: socket.socket, client: socket.socket, state: dict[str, bool]) -> None:
        held = b""
        while data := _recv(server):
            if not state["query"]:
                client.sendall(data)
                continue
            held += data
            if _has_ready_for_query(held):
                self.armed, state["query"] = False, False
                self.cuts += 1
                break
        _close(client, server)


def _has_ready_for_query(stream: bytes) -> bool:
    at = 0
    while at + 5 <= len(stream):
        kind, length = stream[at:at + 1], int.from_bytes(stream[at + 1:at + 5], "big")
        if kind == b"Z":
            return True
        at += 1 + length
    return False


def _recv(sock: socket.socket) -> bytes:
    try:
        return sock.recv(65536)
    except OSError:
        return b""


def _close(*socks: socket.socket) -> None:
    for s in socks:
        with contextlib.suppress(OSError):
            s.shutdown(socket.SHUT_RDWR)
        s.close()
