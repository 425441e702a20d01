"""SQLite storage: sessions, quiz attempts, answers and screen views.

One module owns all SQL. Every write is its own committed transaction, so an answer is on
disk the moment it is given. The schema version lives in `PRAGMA user_version`; each entry
of `MIGRATIONS` takes the database one version forward.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from eduapp.core.quiz import Answer
from eduapp.core.storage.problems import StoreError, StoreProblem

DB_NAME = "eduapp.db"
# a version-4 UUID made by SQLite, for rows written before version 3 gave each row one
_RANDOM_UUID = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
                "substr(hex(randomblob(2)), 2) || '-' || "
                "substr('89ab', 1 + (abs(random()) % 4), 1) || "
                "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))")

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
    # version 2: app state (clinician PIN, lockout); the module on each answer, and
    # indexes that let the clinician's statistics count 100,000 answers in a few ms
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    ALTER TABLE answers ADD COLUMN module_id TEXT;
    UPDATE answers SET module_id =
        (SELECT q.module_id FROM quiz_attempts q WHERE q.id = answers.attempt_id);
    CREATE INDEX answers_first_try
        ON answers(try_number, module_id, question_id, chosen, right, answered_at);
    CREATE INDEX answers_right ON answers(attempt_id, right, objective_id);
    DROP INDEX answers_by_attempt;
    CREATE INDEX attempts_by_session_module ON quiz_attempts(session_id, module_id);
    DROP INDEX attempts_by_session;
    """,
    # version 3: clinic mode. Every session, quiz, answer and screen view gets a random id
    # (the same everywhere it is copied), and the outbox keeps, in order, the changes a
    # connected device has still to send to the clinic's server. AUTOINCREMENT: a number is
    # never given twice, even after the rows before it were sent and deleted.
    f"""
    ALTER TABLE sessions ADD COLUMN uid TEXT;
    ALTER TABLE quiz_attempts ADD COLUMN uid TEXT;
    ALTER TABLE answers ADD COLUMN uid TEXT;
    ALTER TABLE screen_views ADD COLUMN uid TEXT;
    UPDATE sessions SET uid = {_RANDOM_UUID};
    UPDATE quiz_attempts SET uid = {_RANDOM_UUID};
    UPDATE answers SET uid = {_RANDOM_UUID};
    UPDATE screen_views SET uid = {_RANDOM_UUID};
    CREATE UNIQUE INDEX sessions_by_uid ON sessions(uid);
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        body TEXT NOT NULL
    );
    """,
    # version 4: a re-ask names the first-pass question it stands in for (NULL on a first
    # try); before, a re-ask was always the missed question itself, asked again
    """
    ALTER TABLE answers ADD COLUMN asked_for TEXT;
    UPDATE answers SET asked_for = question_id WHERE try_number > 1;
    """,
    # version 5: one name for the short code a clinician attaches to a session, the visit
    # code, in the table and in the outbox rows still to be sent (they were kind "label")
    """
    ALTER TABLE sessions RENAME COLUMN label TO visit_code;
    UPDATE outbox SET kind = 'visit_code',
        body = json_object('id', json_extract(body, '$.id'),
                           'visit_code', json_extract(body, '$.label'))
        WHERE kind = 'label';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


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


@dataclass(frozen=True)
class SessionRow:
    """One visit as stored; `last_activity` is its latest answer, quiz or screen view."""

    id: int
    started_at: datetime
    last_activity: datetime
    ended_at: datetime | None
    visit_code: str | None
    language: str
    device: str | None = None  # the clinic's device it came from (clinic mode), else None


@dataclass(frozen=True)
class AnswerRow:
    """One stored answer with where it belongs: a row of the CSV export."""

    session_id: int
    visit_code: str | None
    session_started: str
    language: str
    module_id: str
    attempt_id: int
    question_id: str
    objective_id: str
    chosen: tuple[str, ...]
    right: bool
    try_number: int
    seconds: float
    answered_at: str
    asked_for: str  # a re-ask: the first-pass question it stands in for; else ""


@dataclass(frozen=True)
class ObjectiveTally:
    """Counts behind "objectives most often missed", per module (see objective_tally)."""

    quizzed: dict[str, int]  # module -> sessions whose latest quiz of it has answers
    unfinished: dict[str, int]  # module -> of those, quizzes stopped or left unfinished
    # (module, objective) -> {first-pass questions of it answered right (by themselves or
    # by a re-ask standing in for them): unfinished quizzes}
    right: dict[tuple[str, str], dict[int, int]]

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str | None, int, int]]) -> ObjectiveTally:
        """Gather the query's rows: n = -1 counts quizzes, -2 unfinished ones, else rights."""
        tally = cls({}, {}, {})
        for module_id, objective_id, n, count in rows:
            if n == -1:
                tally.quizzed[module_id] = count
            elif n == -2:
                tally.unfinished[module_id] = count
            else:
                tally.right.setdefault((module_id, str(objective_id)), {})[n] = count
        return tally


VISIT_CODE_MAX = 32
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
        # clinic mode: every change also goes into the outbox, in the same transaction, and
        # `on_outbox` (the sender's wake-up) is called once it is committed
        self.outbox = False
        self.on_outbox: Callable[[], None] | None = None

    @classmethod
    def open(cls, path: Path | None, clock: Clock = utc_now) -> Store:
        """Open (creating or migrating) the database at `path`, or in memory for None.

        A second copy of the app opening the same new database at the same moment finds
        it locked, or half made by the first: it waits and tries again, for up to 5 s.
        """
        for attempt in range(OPEN_TRIES):
            db: sqlite3.Connection | None = None
            try:
                db = sqlite3.connect(":memory:" if path is None else str(path),
                                     isolation_level=None, timeout=2.0)
                db.execute("PRAGMA foreign_keys = ON")
                if path is not None:
                    db.execute("PRAGMA journal_mode = WAL")
                    db.execute("PRAGMA synchronous = FULL")
                migrate(db)
                return cls(db, path, clock)
            except (sqlite3.Error, _Raced, StoreError) as err:
                if db is not None:
                    db.close()  # rolls back a migration the other copy got to first
                if isinstance(err, StoreError):
                    raise
                racing = isinstance(err, _Raced) or problem_of(err) is StoreProblem.BUSY
                if not racing or attempt == OPEN_TRIES - 1:
                    raise _error(err) from err
                time.sleep(0.1)
        raise AssertionError("unreachable")

    def close(self) -> None:
        self._db.close()

    @property
    def version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # sessions -----------------------------------------------------------------------

    def start_session(self, language: str) -> int:
        now, uid = self._stamp(), _uid()
        with self._change():
            cur = self._run("INSERT INTO sessions (started_at, last_active_at, language, uid) "
                            "VALUES (?, ?, ?, ?)", (now, now, language, uid))
            self._emit("session", id=uid, at=now, language=language)
        return int(cur.lastrowid or 0)

    def touch_session(self, session_id: int) -> None:
        now = self._stamp()
        with self._change():
            self._run("UPDATE sessions SET last_active_at = ? WHERE id = ?", (now, session_id))
            self._emit("touch", id=self._uid_of("sessions", session_id), at=now)

    def end_session(self, session_id: int) -> None:
        now = self._stamp()
        with self._change():
            cur = self._run("UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                            (now, session_id))
            if cur.rowcount:
                self._emit("end", id=self._uid_of("sessions", session_id), at=now)

    def end_open_sessions(self) -> int:
        """End every session left open at its last activity; returns how many.

        Left open means the app was closed, killed or lost power; no later start continues it.
        """
        with self._change():
            left = self._run("SELECT uid, last_active_at FROM sessions WHERE ended_at IS NULL",
                             ()).fetchall()
            self._run("UPDATE sessions SET ended_at = last_active_at WHERE ended_at IS NULL", ())
            for uid, at in left:
                self._emit("end", id=uid, at=at)
        return len(left)

    def session_ids(self) -> list[int]:
        return [r[0] for r in self._run("SELECT id FROM sessions ORDER BY id", ())]

    def set_visit_code(self, session_id: int, code: str | None) -> str | None:
        """Attach a short visit code (stripped; empty removes it); returns what was stored."""
        text = " ".join((code or "").split())
        if len(text) > VISIT_CODE_MAX:
            raise ValueError(f"a visit code has at most {VISIT_CODE_MAX} characters")
        stored = text or None
        with self._change():
            cur = self._run("UPDATE sessions SET visit_code = ? WHERE id = ?", (stored, session_id))
            if cur.rowcount == 0:
                raise KeyError(session_id)
            self._emit("visit_code", id=self._uid_of("sessions", session_id), visit_code=stored)
        return stored

    def purge_older_than(self, days: int, now: datetime | None = None) -> int:
        """Delete sessions started over `days` days ago; returns how many were deleted.

        `now` is the store's clock unless given. Their quizzes, answers and screen views go
        too, all in one transaction. Deleted pages are overwritten on disk (secure_delete), so
        the answers of a purged session cannot be read back from the file.
        """
        if days < 1:
            raise ValueError("sessions are kept for at least one day")
        cutoff = _utc_stamp((now or self._now()) - timedelta(days=days))
        return self._delete_sessions("started_at < ?", (cutoff,))

    def forget_sessions(self, uids: Iterable[str]) -> int:
        """Delete this device's copy of sessions the clinic's server holds, ended; how many.

        Nothing goes to the outbox: the server keeps them. Overwritten on disk as above.
        """
        listed = sorted(set(uids))
        if not listed:
            return 0
        marks = ",".join("?" * len(listed))
        return self._delete_sessions(f"uid IN ({marks}) AND ended_at IS NOT NULL",
                                     tuple(listed))

    def _delete_sessions(self, where: str, params: tuple[object, ...]) -> int:
        """Delete the sessions `where` says, with their quizzes, answers and screen views."""
        old = f"SELECT id FROM sessions WHERE {where}"
        self._run("PRAGMA secure_delete = ON", ())
        with self.batch():
            self._run("DELETE FROM answers WHERE attempt_id IN (SELECT id FROM quiz_attempts "
                      f"WHERE session_id IN ({old}))", params)
            self._run(f"DELETE FROM quiz_attempts WHERE session_id IN ({old})", params)
            self._run(f"DELETE FROM screen_views WHERE session_id IN ({old})", params)
            deleted = self._run(f"DELETE FROM sessions WHERE {where}", params).rowcount
        return int(deleted)

    def session(self, session_id: int) -> SessionRow | None:
        rows = self._sessions("WHERE s.id = ?", (session_id,))
        return rows[0] if rows else None

    def sessions_between(self, start: datetime, end: datetime) -> list[SessionRow]:
        """Sessions started at or after `start` and before `end`, newest first."""
        return self._sessions("WHERE s.started_at >= ? AND s.started_at < ? "
                              "ORDER BY s.started_at DESC, s.id DESC",
                              (_utc_stamp(start), _utc_stamp(end)))

    def scored_between(self, start: datetime, end: datetime
                       ) -> tuple[list[SessionRow], dict[int, list[Attempt]]]:
        """What Today scores: sessions_between and their quizzes (attempts_of)."""
        rows = self.sessions_between(start, end)
        return rows, self.attempts_of(r.id for r in rows)

    def sessions_by_id(self, session_ids: Iterable[int] | None = None) -> list[SessionRow]:
        """The given sessions (all when None), oldest first; unknown ids are left out."""
        if session_ids is None:
            return self._sessions("ORDER BY s.id", ())
        ids = sorted(set(session_ids))
        found: list[SessionRow] = []
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            found += self._sessions(f"WHERE s.id IN ({','.join('?' * len(part))}) ORDER BY s.id",
                                    tuple(part))
        return found

    def _sessions(self, where: str, params: tuple[object, ...]) -> list[SessionRow]:
        rows = self._run(
            "SELECT s.id, s.started_at, MAX(s.last_active_at, "
            "COALESCE((SELECT MAX(viewed_at) FROM screen_views v WHERE v.session_id = s.id), ''),"
            "COALESCE((SELECT MAX(COALESCE(finished_at, started_at)) FROM quiz_attempts q "
            "WHERE q.session_id = s.id), '')), s.ended_at, s.visit_code, s.language "
            f"FROM sessions s {where}", params).fetchall()
        return [SessionRow(r[0], _time(r[1]), _time(r[2]), _time(r[3]) if r[3] else None,
                           r[4], r[5]) for r in rows]

    # quizzes ------------------------------------------------------------------------

    def start_attempt(self, session_id: int, module_id: str, language: str) -> int:
        now, uid = self._stamp(), _uid()
        with self._change():
            cur = self._run("INSERT INTO quiz_attempts (session_id, module_id, language, "
                            "started_at, uid) VALUES (?, ?, ?, ?, ?)",
                            (session_id, module_id, language, now, uid))
            self._emit("attempt", id=uid, session=self._uid_of("sessions", session_id),
                       module=module_id, language=language, at=now)
        return int(cur.lastrowid or 0)

    def add_answer(self, attempt_id: int, answer: Answer, objective_id: str) -> None:
        now, uid, chosen = self._stamp(), _uid(), ",".join(sorted(answer.chosen))
        with self._change():
            self._run("INSERT INTO answers (attempt_id, question_id, objective_id, chosen, "
                      "right, try_number, seconds, answered_at, module_id, uid, asked_for) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                      "(SELECT module_id FROM quiz_attempts WHERE id = ?), ?, ?)",
                      (attempt_id, answer.question_id, objective_id, chosen, int(answer.right),
                       answer.try_number, answer.seconds, now, attempt_id, uid,
                       answer.asked_for or None))
            self._emit("answer", id=uid, attempt=self._uid_of("quiz_attempts", attempt_id),
                       question=answer.question_id, objective=objective_id, chosen=chosen,
                       right=answer.right, seconds=answer.seconds, at=now,
                       asked_for=answer.asked_for or None,
                       **{"try": answer.try_number})

    def finish_attempt(self, attempt_id: int, *, stopped: bool) -> None:
        now = self._stamp()
        with self._change():
            self._run("UPDATE quiz_attempts SET finished_at = ?, stopped = ? WHERE id = ?",
                      (now, int(stopped), attempt_id))
            self._emit("finish", id=self._uid_of("quiz_attempts", attempt_id), at=now,
                       stopped=stopped)

    def attempts(self, session_id: int) -> list[Attempt]:
        """Every quiz of a session, oldest first, with its answers."""
        return self.attempts_of([session_id]).get(session_id, [])

    def attempts_of(self, session_ids: Iterable[int]) -> dict[int, list[Attempt]]:
        """The quizzes of several sessions at once: session id -> attempts, oldest first."""
        ids = sorted(set(session_ids))
        out: dict[int, list[Attempt]] = {i: [] for i in ids}
        for chunk in range(0, len(ids), 500):
            part = tuple(ids[chunk:chunk + 500])
            marks = ",".join("?" * len(part))
            rows = self._run("SELECT id, session_id, module_id, language, started_at, "
                             f"finished_at, stopped FROM quiz_attempts WHERE session_id IN "
                             f"({marks}) ORDER BY id", part).fetchall()
            answers: dict[int, list[Answer]] = {r[0]: [] for r in rows}
            for a in self._run(
                "SELECT a.attempt_id, a.question_id, a.chosen, a.right, a.try_number, "
                "a.seconds, a.asked_for FROM answers a JOIN quiz_attempts q "
                f"ON q.id = a.attempt_id WHERE q.session_id IN ({marks}) ORDER BY a.id", part):
                answers[a[0]].append(Answer(a[1], frozenset(filter(None, a[2].split(","))),
                                            bool(a[3]), a[4], a[5], a[6] or ""))
            for r in rows:
                out[r[1]].append(Attempt(r[0], r[2], r[3], _time(r[4]),
                                         _time(r[5]) if r[5] else None, bool(r[6]),
                                         tuple(answers[r[0]])))
        return out

    def answer_rows(self, session_ids: Iterable[int] | None = None) -> Iterator[AnswerRow]:
        """Every answer of the given sessions (all when None), in the order given."""
        where = ""
        params: tuple[object, ...] = ()
        if session_ids is not None:
            ids = tuple(sorted(set(session_ids)))
            where, params = f"WHERE s.id IN ({','.join('?' * len(ids))})", ids
        cur = self._run(
            "SELECT s.id, s.visit_code, s.started_at, q.language, q.module_id, q.id, "
            "a.question_id, a.objective_id, a.chosen, a.right, a.try_number, a.seconds, "
            "a.answered_at, a.asked_for "
            "FROM answers a JOIN quiz_attempts q ON q.id = a.attempt_id "
            f"JOIN sessions s ON s.id = q.session_id {where} ORDER BY s.id, a.id", params)
        for r in cur:
            yield AnswerRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                            tuple(filter(None, r[8].split(","))), bool(r[9]), r[10], r[11],
                            r[12], r[13] or "")

    # statistics over many sessions ----------------------------------------------------

    def first_try_choices(self, start: datetime, end: datetime
                          ) -> list[tuple[str, str, tuple[str, ...], bool, int]]:
        """(module, question, choices made, right, how often) of first tries given in range.

        One pass over a covering index in GROUP BY order: no table reads, no sort.
        """
        return [(r[0], r[1], tuple(filter(None, r[2].split(","))), bool(r[3]), r[4])
                for r in self._run(
            "SELECT module_id, question_id, chosen, right, COUNT(*) FROM answers "
            "WHERE try_number = 1 AND answered_at >= ? AND answered_at < ? "
            "GROUP BY module_id, question_id, chosen, right",
            (_utc_stamp(start), _utc_stamp(end)))]

    def reask_counts(self, start: datetime, end: datetime
                     ) -> list[tuple[str, str, bool, int]]:
        """(module, question, right, how often) of re-asks given in range (try 2 and on)."""
        return [(r[0], r[1], bool(r[2]), r[3]) for r in self._run(
            "SELECT module_id, question_id, right, COUNT(*) FROM answers "
            "WHERE try_number > 1 AND answered_at >= ? AND answered_at < ? "
            "GROUP BY module_id, question_id, right", (_utc_stamp(start), _utc_stamp(end)))]

    def objective_tally(self, start: datetime, end: datetime) -> ObjectiveTally:
        """What the latest quiz of each module in each session started in range left.

        A quiz finished and not stopped was answered right to the end (the quiz is taught
        to goal), so only stopped or unfinished quizzes are counted objective by objective.
        """
        return ObjectiveTally.from_rows(self._run(
            "WITH latest AS (SELECT q.module_id, MAX(q.id) AS id FROM quiz_attempts q "
            "WHERE q.session_id IN (SELECT id FROM sessions "
            "WHERE started_at >= ? AND started_at < ?) "
            "AND EXISTS (SELECT 1 FROM answers a WHERE a.attempt_id = q.id) "
            "GROUP BY q.session_id, q.module_id), "
            "open AS (SELECT latest.id, latest.module_id FROM latest "
            "JOIN quiz_attempts q ON q.id = latest.id "
            "WHERE q.stopped = 1 OR q.finished_at IS NULL), "
            "got AS (SELECT open.module_id, a.objective_id, "
            "COUNT(DISTINCT COALESCE(a.asked_for, a.question_id)) AS n FROM open "
            "JOIN answers a ON a.attempt_id = open.id AND a.right = 1 "
            "GROUP BY open.id, a.objective_id) "
            "SELECT module_id, NULL, -1, COUNT(*) FROM latest GROUP BY module_id "
            "UNION ALL SELECT module_id, NULL, -2, COUNT(*) FROM open GROUP BY module_id "
            "UNION ALL SELECT module_id, objective_id, n, COUNT(*) FROM got "
            "GROUP BY module_id, objective_id, n", (_utc_stamp(start), _utc_stamp(end))))

    # screens ------------------------------------------------------------------------

    def view_screen(self, session_id: int, module_id: str, screen_id: str, language: str) -> int:
        now, uid = self._stamp(), _uid()
        with self._change():
            cur = self._run("INSERT INTO screen_views (session_id, module_id, screen_id, "
                            "language, viewed_at, uid) VALUES (?, ?, ?, ?, ?, ?)",
                            (session_id, module_id, screen_id, language, now, uid))
            self._emit("view", id=uid, session=self._uid_of("sessions", session_id),
                       module=module_id, screen=screen_id, language=language, at=now)
        return int(cur.lastrowid or 0)

    def leave_screen(self, view_id: int, seconds: float) -> None:
        with self._change():
            self._run("UPDATE screen_views SET seconds = ? WHERE id = ?",
                      (round(seconds, 1), view_id))
            self._emit("leave", id=self._uid_of("screen_views", view_id),
                       seconds=round(seconds, 1))

    def screen_views(self, session_id: int) -> list[tuple[str, str, float | None]]:
        return [(r[0], r[1], r[2]) for r in self._run(
            "SELECT module_id, screen_id, seconds FROM screen_views WHERE session_id = ? "
            "ORDER BY id", (session_id,))]

    # app settings (clinician PIN, lockout) ---------------------------------------------

    def setting(self, key: str) -> str | None:
        row = self._run("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_settings(self, values: Mapping[str, str | None]) -> None:
        """Write several settings in one transaction; None removes a key."""
        with self.batch():
            for key, value in values.items():
                if value is None:
                    self._run("DELETE FROM settings WHERE key = ?", (key,))
                else:
                    self._run("INSERT INTO settings (key, value) VALUES (?, ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                              (key, value))

    # plumbing -----------------------------------------------------------------------

    @contextmanager
    def batch(self, *, wait_for_disk: bool = True) -> Iterator[None]:
        """Many writes as one transaction (all or nothing); nests inside another batch.

        `wait_for_disk=False` (a lone computer only): the commit does not wait for the disk.
        A crash of the app loses nothing of it; a power cut may lose it, but only with what
        followed it, since the next commit that waits (an answer) takes it to the disk too.
        In clinic mode the sender is woken once the outermost batch is committed.
        """
        try:
            nested = self._db.in_transaction
        except sqlite3.Error as err:  # a closed connection
            raise _error(err) from err
        if nested:
            yield
            return
        relaxed = not wait_for_disk and not self.outbox and self.path is not None
        if relaxed:
            self._run("PRAGMA synchronous = NORMAL", ())
        try:
            self._run("BEGIN IMMEDIATE", ())
            try:
                yield
                self._db.commit()
            except BaseException as err:
                with suppress(sqlite3.Error):  # a failed commit leaves no transaction open
                    self._db.rollback()
                if isinstance(err, sqlite3.Error):
                    raise _error(err) from err
                raise
        finally:
            if relaxed:
                with suppress(sqlite3.Error):
                    self._db.execute("PRAGMA synchronous = FULL")
        if self.outbox and self.on_outbox is not None:
            self.on_outbox()  # the sender delivers what was just committed

    def with_clock(self, clock: Clock) -> Store:
        """The same database, stamping times from another clock (demo data, tests)."""
        twin = Store(self._db, self.path, clock)
        twin.outbox, twin.on_outbox = self.outbox, self.on_outbox
        return twin

    @contextmanager
    def _change(self) -> Iterator[None]:
        """One change and its outbox row, committed together; then the sender is woken."""
        if not self.outbox:  # a lone computer: each statement commits by itself, as ever
            yield
            return
        with self.batch():  # which wakes the sender once it is committed
            yield

    def _emit(self, kind: str, **body: object) -> None:
        if self.outbox:
            self._run("INSERT INTO outbox (kind, body) VALUES (?, ?)",
                      (kind, json.dumps(body, separators=(",", ":"))))

    def _uid_of(self, table: str, row_id: int) -> str | None:
        if not self.outbox:
            return None
        row = self._run(f"SELECT uid FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return str(row[0]) if row else None

    def _stamp(self) -> str:
        return self._now().isoformat()

    def _run(self, sql: str, params: tuple[object, ...]) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, params)
        except sqlite3.Error as err:
            raise _error(err) from err


OPEN_TRIES = 50  # 0.1 s apart


class _Raced(Exception):
    """Another copy of the app migrated the same database a moment before this one."""


def migrate(db: sqlite3.Connection) -> None:
    """Bring the schema forward to SCHEMA_VERSION, one committed step per version."""
    version = _user_version(db)
    if version > SCHEMA_VERSION:
        raise StoreError(StoreProblem.NEWER, f"the database was made by a newer eduapp "
                                             f"(schema {version} > {SCHEMA_VERSION})")
    for number in range(version, SCHEMA_VERSION):
        try:
            db.executescript(f"BEGIN; {MIGRATIONS[number]}; "
                             f"PRAGMA user_version = {number + 1}; COMMIT;")
        except sqlite3.Error:
            if db.in_transaction:
                db.rollback()
            if _user_version(db) != number:
                raise _Raced from None
            raise


def _user_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _uid() -> str:
    return str(uuid.uuid4())


def _time(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def _utc_stamp(moment: datetime) -> str:
    """A bound comparable with stored stamps (UTC ISO text); naive means local time."""
    return moment.astimezone(UTC).isoformat()


# SQLite's primary result codes (the low byte of sqlite_errorcode) and what they mean here
_PROBLEMS = {
    sqlite3.SQLITE_BUSY: StoreProblem.BUSY,
    sqlite3.SQLITE_LOCKED: StoreProblem.BUSY,
    sqlite3.SQLITE_READONLY: StoreProblem.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: StoreProblem.READ_ONLY,
    sqlite3.SQLITE_PERM: StoreProblem.READ_ONLY,
    sqlite3.SQLITE_FULL: StoreProblem.FULL,
    sqlite3.SQLITE_CORRUPT: StoreProblem.DAMAGED,
    sqlite3.SQLITE_NOTADB: StoreProblem.DAMAGED,
}


def problem_of(err: BaseException) -> StoreProblem:
    """What an SQLite error means for the app, told by its result code, never its text."""
    code = getattr(err, "sqlite_errorcode", None)
    return _PROBLEMS.get(code & 0xFF, StoreProblem.OTHER) if code is not None else (
        StoreProblem.OTHER)


def _error(err: BaseException) -> StoreError:
    name = getattr(err, "sqlite_errorname", None) or type(err).__name__
    return StoreError(problem_of(err), f"{err} ({name})")
