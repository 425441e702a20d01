"""The outbox of a connected device: what is still to be sent, and what was sent when.

The rows are written by Store in the same transaction as the change they describe; this
module reads them for the sender and removes them once the server has committed them.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

DEVICE_KEY = "clinic.device_id"
LAST_SENT_KEY = "clinic.last_sent_at"


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
