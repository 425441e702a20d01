"""The outbox of a connected device: what is still to be sent, and what was sent when.

The rows are written by Store in the same transaction as the change they describe; this
module reads them for the sender and removes them once the server has committed them.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

DEVICE_KEY = "clinic.device_id"
LAST_SENT_KEY = "clinic.last_sent_at"
HISTORY_KEY = "clinic.history_queued_for"  # the server (its database.id) given the history


@dataclass(frozen=True)
class Row:
    """One change to send: its place in the order, its kind, its body (JSON text)."""

    seq: int
    kind: str
    body: str


def device_id(db: sqlite3.Connection) -> str:
    """The database's id as a device of the clinic, made the first time it is asked for."""
    with db:
        db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                   (DEVICE_KEY, str(uuid.uuid4())))
    return str(db.execute("SELECT value FROM settings WHERE key = ?", (DEVICE_KEY,))
               .fetchone()[0])


def waiting(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT count(*) FROM outbox").fetchone()[0])


def oldest(db: sqlite3.Connection, limit: int) -> list[Row]:
    return [Row(*r) for r in db.execute(
        "SELECT seq, kind, body FROM outbox ORDER BY seq LIMIT ?", (limit,))]


def as_json(rows: list[Row]) -> str:
    """The rows as the JSON array eduapp.deliver takes (bodies are JSON already)."""
    return "[" + ",".join(f'{{"seq":{r.seq},"kind":"{r.kind}","body":{r.body}}}'
                          for r in rows) + "]"


def sent_up_to(db: sqlite3.Connection, seq: int, when: datetime | None = None) -> int:
    """The server has committed every row up to `seq`: remove them; how many were removed."""
    with db:
        removed = db.execute("DELETE FROM outbox WHERE seq <= ?", (seq,)).rowcount
        if removed:
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO "
                       "UPDATE SET value = excluded.value",
                       (LAST_SENT_KEY, (when or datetime.now(UTC)).isoformat()))
    return int(removed)


def last_sent(db: sqlite3.Connection) -> datetime | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", (LAST_SENT_KEY,)).fetchone()
    return datetime.fromisoformat(row[0]) if row else None


def queue_history(db: sqlite3.Connection, server_id: str, since: datetime) -> int | None:
    """Queue the sessions recorded here since `since` for the server `server_id`.

    They go as the rows their changes would have made. Returns how many sessions, or None
    when they were queued for that server before (joining again queues nothing twice).

    Each session goes whole, in order: itself, its quizzes and screen views, its answers,
    then how it ended. The server ignores any it holds already (every row has its id).
    """
    done = db.execute("SELECT value FROM settings WHERE key = ?", (HISTORY_KEY,)).fetchone()
    if done and done[0] == server_id:
        return None
    with db:
        sessions = db.execute("SELECT id, uid, started_at, last_active_at, ended_at, visit_code, "
                              "language FROM sessions WHERE started_at >= ? ORDER BY id",
                              (since.astimezone(UTC).isoformat(),)).fetchall()
        for sid, uid, started, active, ended, code, language in sessions:
            rows = [("session", {"id": uid, "at": started, "language": language})]
            rows += [("attempt", {"id": a, "session": uid, "module": m, "language": lang,
                                  "at": at}) for a, m, lang, at in db.execute(
                "SELECT uid, module_id, language, started_at FROM quiz_attempts "
                "WHERE session_id = ? ORDER BY id", (sid,))]
            views = db.execute("SELECT uid, module_id, screen_id, language, viewed_at, seconds "
                               "FROM screen_views WHERE session_id = ? ORDER BY id",
                               (sid,)).fetchall()
            rows += [("view", {"id": v, "session": uid, "module": m, "screen": s,
                               "language": lang, "at": at}) for v, m, s, lang, at, _ in views]
            rows += [("answer", {"id": a, "attempt": q, "question": qid, "objective": o,
                                 "chosen": c, "right": bool(r), "seconds": secs, "at": at,
                                 "asked_for": f, "try": t})
                     for a, q, qid, o, c, r, secs, at, f, t in db.execute(
                "SELECT a.uid, q.uid, a.question_id, a.objective_id, a.chosen, a.right, "
                "a.seconds, a.answered_at, a.asked_for, a.try_number FROM answers a "
                "JOIN quiz_attempts q ON q.id = a.attempt_id WHERE q.session_id = ? "
                "ORDER BY a.id", (sid,))]
            rows += [("finish", {"id": q, "at": at, "stopped": bool(s)}) for q, at, s in
                     db.execute("SELECT uid, finished_at, stopped FROM quiz_attempts WHERE "
                                "session_id = ? AND finished_at IS NOT NULL ORDER BY id", (sid,))]
            rows += [("leave", {"id": v, "seconds": s}) for v, *_, s in views if s is not None]
            if code is not None:
                rows.append(("visit_code", {"id": uid, "visit_code": code}))
            rows.append(("touch", {"id": uid, "at": active}))
            if ended is not None:
                rows.append(("end", {"id": uid, "at": ended}))
            db.executemany("INSERT INTO outbox (kind, body) VALUES (?, ?)",
                           [(k, json.dumps(b, separators=(",", ":"))) for k, b in rows])
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO "
                   "UPDATE SET value = excluded.value", (HISTORY_KEY, server_id))
    return len(sessions)
