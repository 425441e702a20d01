"""SQLite storage: sessions, quiz attempts, answers and screen views.

One module owns all SQL. Every write is its own committed transaction, so an answer is on
disk the moment it is given. The schema version lives in `PRAGMA user_version`; each entry
of `MIGRATIONS` takes the database one version forward.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from eduapp.core.quiz import Answer

DB_NAME = "eduapp.db"

MIGRATIONS: tuple[str, ...] = (
    # version 1
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        last_active_at TEXT NOT NULL,
        ended_at TEXT,
        label TEXT,
        language TEXT NOT NULL
    );
    CREATE TABLE quiz_attempts (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        module_id TEXT NOT NULL,
        language TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        stopped INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        attempt_id INTEGER NOT NULL REFERENCES quiz_attempts(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        objective_id TEXT NOT NULL,
        chosen TEXT NOT NULL,
        right INTEGER NOT NULL,
        try_number INTEGER NOT NULL,
        seconds REAL NOT NULL,
        answered_at TEXT NOT NULL
    );
    CREATE TABLE screen_views (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        module_id TEXT NOT NULL,
        screen_id TEXT NOT NULL,
        language TEXT NOT NULL,
        viewed_at TEXT NOT NULL,
        seconds REAL
    );
    CREATE INDEX answers_by_attempt ON answers(attempt_id);
    CREATE INDEX attempts_by_session ON quiz_attempts(session_id);
    CREATE INDEX views_by_session ON screen_views(session_id);
    CREATE INDEX sessions_by_start ON sessions(started_at);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The database cannot be used right now; the message says why, in plain words."""


@dataclass(frozen=True)
class Attempt:
    """One quiz of one module, with its answers in the order given."""

    id: int
    module_id: str
    language: str
    started_at: datetime
    finished_at: datetime | None
    stopped: bool
    answers: tuple[Answer, ...]


Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Store:
    """The database of one data folder."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None,
                 clock: Clock = utc_now) -> None:
        self._db = connection
        self.path = path
        self._now = clock

    @classmethod
    def open(cls, path: Path | None, clock: Clock = utc_now) -> Store:
        """Open (creating or migrating) the database at `path`, or in memory for None."""
        try:
            db = sqlite3.connect(":memory:" if path is None else str(path),
                                 isolation_level=None, timeout=2.0)
            db.execute("PRAGMA foreign_keys = ON")
            if path is not None:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = FULL")
            migrate(db)
        except sqlite3.Error as err:
            raise StoreError(_plain(err)) from err
        return cls(db, path, clock)

    def close(self) -> None:
        self._db.close()

    @property
    def version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # sessions -----------------------------------------------------------------------

    def start_session(self, language: str) -> int:
        now = self._stamp()
        cur = self._run("INSERT INTO sessions (started_at, last_active_at, language) "
                          "VALUES (?, ?, ?)", (now, now, language))
        return int(cur.lastrowid or 0)

    def touch_session(self, session_id: int) -> None:
        self._run("UPDATE sessions SET last_active_at = ? WHERE id = ?",
                    (self._stamp(), session_id))

    def end_session(self, session_id: int) -> None:
        self._run("UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                    (self._stamp(), session_id))

    def resumable_session(self, within_seconds: int) -> int | None:
        """The open session last active within the window, if any; older open ones end."""
        cutoff = (self._now() - timedelta(seconds=within_seconds)).isoformat()
        row = self._run("SELECT id FROM sessions WHERE ended_at IS NULL AND last_active_at >= ? "
                         "ORDER BY last_active_at DESC LIMIT 1", (cutoff,)).fetchone()
        keep = row[0] if row else -1
        self._run("UPDATE sessions SET ended_at = last_active_at "
                    "WHERE ended_at IS NULL AND id != ?", (keep,))
        return int(row[0]) if row else None

    def session_ids(self) -> list[int]:
        return [r[0] for r in self._run("SELECT id FROM sessions ORDER BY id", ())]

    # quizzes ------------------------------------------------------------------------

    def start_attempt(self, session_id: int, module_id: str, language: str) -> int:
        cur = self._run("INSERT INTO quiz_attempts (session_id, module_id, language, "
                          "started_at) VALUES (?, ?, ?, ?)",
                          (session_id, module_id, language, self._stamp()))
        return int(cur.lastrowid or 0)

    def add_answer(self, attempt_id: int, answer: Answer, objective_id: str) -> None:
        self._run("INSERT INTO answers (attempt_id, question_id, objective_id, chosen, right, "
                    "try_number, seconds, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (attempt_id, answer.question_id, objective_id,
                     ",".join(sorted(answer.chosen)), int(answer.right), answer.try_number,
                     answer.seconds, self._stamp()))

    def finish_attempt(self, attempt_id: int, *, stopped: bool) -> None:
        self._run("UPDATE quiz_attempts SET finished_at = ?, stopped = ? WHERE id = ?",
                    (self._stamp(), int(stopped), attempt_id))

    def attempts(self, session_id: int) -> list[Attempt]:
        """Every quiz of a session, oldest first, with its answers."""
        rows = self._run("SELECT id, module_id, language, started_at, finished_at, stopped "
                          "FROM quiz_attempts WHERE session_id = ? ORDER BY id",
                          (session_id,)).fetchall()
        answers: dict[int, list[Answer]] = {r[0]: [] for r in rows}
        for a in self._run(
            "SELECT a.attempt_id, a.question_id, a.chosen, a.right, a.try_number, a.seconds "
            "FROM answers a JOIN quiz_attempts q ON q.id = a.attempt_id "
            "WHERE q.session_id = ? ORDER BY a.id", (session_id,)):
            answers[a[0]].append(Answer(a[1], frozenset(filter(None, a[2].split(","))),
                                        bool(a[3]), a[4], a[5]))
        return [Attempt(r[0], r[1], r[2], datetime.fromisoformat(r[3]),
                        datetime.fromisoformat(r[4]) if r[4] else None, bool(r[5]),
                        tuple(answers[r[0]])) for r in rows]

    # screens ------------------------------------------------------------------------

    def view_screen(self, session_id: int, module_id: str, screen_id: str, language: str) -> int:
        cur = self._run("INSERT INTO screen_views (session_id, module_id, screen_id, language, "
                          "viewed_at) VALUES (?, ?, ?, ?, ?)",
                          (session_id, module_id, screen_id, language, self._stamp()))
        return int(cur.lastrowid or 0)

    def leave_screen(self, view_id: int, seconds: float) -> None:
        self._run("UPDATE screen_views SET seconds = ? WHERE id = ?", (round(seconds, 1), view_id))

    def screen_views(self, session_id: int) -> list[tuple[str, str, float | None]]:
        return [(r[0], r[1], r[2]) for r in self._run(
            "SELECT module_id, screen_id, seconds FROM screen_views WHERE session_id = ? "
            "ORDER BY id", (session_id,))]

    # plumbing -----------------------------------------------------------------------

    def _stamp(self) -> str:
        return self._now().isoformat()

    def _run(self, sql: str, params: tuple[object, ...]) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, params)
        except sqlite3.Error as err:
            raise StoreError(_plain(err)) from err


def migrate(db: sqlite3.Connection) -> None:
    """Bring the schema forward to SCHEMA_VERSION, one committed step per version."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"the database was made by a newer eduapp (schema {version} > {SCHEMA_VERSION})")
    for number in range(version, SCHEMA_VERSION):
        db.executescript(f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version = {number + 1}; "
                         "COMMIT;")


def _plain(err: sqlite3.Error) -> str:
    text = str(err)
    if "locked" in text or "busy" in text:
        return "the database is in use by another program"
    if "readonly" in text or "unable to open" in text:
        return "the data folder cannot be written to"
    if "disk" in text and "full" in text:
        return "the disk is full"
    if "not a database" in text or "malformed" in text:
        return "the database file is damaged"
    return text
