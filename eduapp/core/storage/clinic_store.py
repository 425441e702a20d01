"""The whole clinic's results, read from its PostgreSQL (the clinician role), as Store reads.

The same reads as the SQLite Store (see reading.ResultStore), so Today, Questions and the
exports work on either. Sessions and quizzes are numbered by the server (their `n`), which
stands in for the local row ids; each session also says which device it came from.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from eduapp.core.quiz import Answer
from eduapp.core.storage.postgres import ServerError, classify, connect
from eduapp.core.storage.problems import StoreError, StoreProblem
from eduapp.core.storage.sqlite import (
    VISIT_CODE_MAX,
    AnswerRow,
    Attempt,
    ObjectiveTally,
    SessionRow,
)

_SESSION = (  # last_active_at: kept by the server as views and quizzes arrive (version 7)
    "SELECT s.n, s.started_at, s.last_active_at, s.ended_at, s.visit_code, s.language, d.name "
    "FROM eduapp.sessions s JOIN eduapp.devices d ON d.id = s.device_id ")

# a day's sessions (newest first) with the columns of _SESSION, then each quiz (if any) with
# its answers in order as one JSON array: one row per quiz, or per session without any
_DAY = (
    "WITH s AS MATERIALIZED (SELECT s.id, s.n, s.started_at, s.last_active_at, s.ended_at, "
    "s.visit_code, s.language, d.name "
    "FROM eduapp.sessions s JOIN eduapp.devices d ON d.id = s.device_id "
    "WHERE s.started_at >= %s AND s.started_at < %s) "
    "SELECT s.n, s.started_at, s.last_active_at, s.ended_at, s.visit_code, s.language, s.name, "
    "q.n, q.module_id, q.language, q.started_at, q.finished_at, q.stopped, "
    "(SELECT json_agg(json_build_array(a.question_id, a.chosen, a.right, a.try_number, "
    "a.seconds, a.asked_for) ORDER BY a.n)::text FROM eduapp.answers a "
    "WHERE a.attempt_id = q.id) "
    "FROM s LEFT JOIN eduapp.quiz_attempts q ON q.session_id = s.id "
    "ORDER BY s.started_at DESC, s.n DESC, q.n")

class ClinicStore:
    """Reads of the clinic's server; every failure is a StoreError (UNREACHABLE or OTHER)."""

    def __init__(self, url: str, *, timeout: int = 3) -> None:
        self._url = url
        self._timeout = timeout
        self._db: Any = None
        self.path = None
        self._answers: dict[int, tuple[str, tuple[Answer, ...]]] = {}  # last Today's quizzes
        self._choices: dict[str, frozenset[str]] = {}

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # sessions ---------------------------------------------------------------------------

    def session(self, session_id: int) -> SessionRow | None:
        rows = self._sessions("WHERE s.n = %s", (session_id,))
        return rows[0] if rows else None

    def sessions_between(self, start: datetime, end: datetime) -> list[SessionRow]:
        return self._sessions("WHERE s.started_at >= %s AND s.started_at < %s "
                              "ORDER BY s.started_at DESC, s.n DESC", (start, end))

    def scored_between(self, start: datetime, end: datetime
                       ) -> tuple[list[SessionRow], dict[int, list[Attempt]]]:
        """As Store.scored_between, in one query: the sessions, each quiz, each answer.

        Today reads again each time a device delivers; a quiz whose answers come back as
        the same text as at the last read keeps the answers made from it then.
        """
        sessions: dict[int, SessionRow] = {}
        attempts: dict[int, list[Attempt]] = {}
        known, self._answers = self._answers, {}
        for r in self._run(_DAY, (start, end)):
            if r[0] not in sessions:
                sessions[r[0]] = SessionRow(r[0], r[1], r[2], r[3], r[4], r[5], device=r[6])
                attempts[r[0]] = []
            if r[7] is not None:
                text = r[13] or "[]"
                before = known.get(r[7])
                answers = before[1] if before and before[0] == text else self._parse(text)
                self._answers[r[7]] = (text, answers)
                attempts[r[0]].append(Attempt(r[7], r[8], r[9], r[10], r[11], r[12], answers))
        return list(sessions.values()), attempts

    def _parse(self, text: str) -> tuple[Answer, ...]:
        """A quiz's answers from _DAY's JSON array of [question, chosen, right, try, ...]."""
        answers = []
        for a in json.loads(text):
            chosen = self._choices.get(a[1])
            if chosen is None:  # a clinic's answers repeat the same few choices
                chosen = self._choices[a[1]] = frozenset(filter(None, a[1].split(",")))
            answers.append(Answer(a[0], chosen, a[2], a[3], a[4], a[5] or ""))
        return tuple(answers)

    def sessions_by_id(self, session_ids: Iterable[int] | None = None) -> list[SessionRow]:
        if session_ids is None:
            return self._sessions("ORDER BY s.n", ())
        return self._sessions("WHERE s.n = ANY(%s) ORDER BY s.n", (sorted(set(session_ids)),))

    def _sessions(self, where: str, params: tuple[object, ...]) -> list[SessionRow]:
        return [SessionRow(r[0], r[1], r[2], r[3], r[4], r[5], device=r[6])
                for r in self._run(_SESSION + where, params)]

    def set_visit_code(self, session_id: int, code: str | None) -> str | None:
        text = " ".join((code or "").split())
        if len(text) > VISIT_CODE_MAX:
            raise ValueError(f"a visit code has at most {VISIT_CODE_MAX} characters")
        stored = text or None
        if not self._run("UPDATE eduapp.sessions SET visit_code = %s WHERE n = %s RETURNING n",
                         (stored, session_id)):
            raise KeyError(session_id)
        return stored

    # quizzes ----------------------------------------------------------------------------

    def attempts_of(self, session_ids: Iterable[int]) -> dict[int, list[Attempt]]:
        ids = sorted(set(session_ids))
        out: dict[int, list[Attempt]] = {i: [] for i in ids}
        rows = self._run(
            "SELECT q.n, s.n, q.module_id, q.language, q.started_at, q.finished_at, q.stopped "
            "FROM eduapp.quiz_attempts q JOIN eduapp.sessions s ON s.id = q.session_id "
            "WHERE s.n = ANY(%s) ORDER BY q.n", (ids,))
        answers: dict[int, list[Answer]] = {r[0]: [] for r in rows}
        for a in self._run(
                "SELECT q.n, a.question_id, a.chosen, a.right, a.try_number, a.seconds, "
                "a.asked_for "
                "FROM eduapp.answers a JOIN eduapp.quiz_attempts q ON q.id = a.attempt_id "
                "JOIN eduapp.sessions s ON s.id = q.session_id WHERE s.n = ANY(%s) "
                "ORDER BY a.n", (ids,)):
            answers[a[0]].append(Answer(a[1], frozenset(filter(None, a[2].split(","))),
                                        a[3], a[4], a[5], a[6] or ""))
        for r in rows:
            out[r[1]].append(Attempt(r[0], r[2], r[3], r[4], r[5], r[6], tuple(answers[r[0]])))
        return out

    def answer_rows(self, session_ids: Iterable[int] | None = None) -> Iterator[AnswerRow]:
        where, params = ("", ()) if session_ids is None else (
            "WHERE s.n = ANY(%s)", (sorted(set(session_ids)),))
        for r in self._run(
                "SELECT s.n, s.visit_code, s.started_at, q.language, q.module_id, q.n, "
                "a.question_id, a.objective_id, a.chosen, a.right, a.try_number, a.seconds, "
                "a.answered_at, a.asked_for "
                "FROM eduapp.answers a JOIN eduapp.quiz_attempts q ON q.id = a.attempt_id "
                f"JOIN eduapp.sessions s ON s.id = q.session_id {where} ORDER BY s.n, a.n",
                params):
            yield AnswerRow(r[0], r[1], _iso(r[2]), r[3], r[4], r[5], r[6], r[7],
                            tuple(filter(None, r[8].split(","))), r[9], r[10], r[11],
                            _iso(r[12]), r[13] or "")

    def screen_views(self, session_id: int) -> list[tuple[str, str, float | None]]:
        return [(r[0], r[1], r[2]) for r in self._run(
            "SELECT v.module_id, v.screen_id, v.seconds FROM eduapp.screen_views v "
            "JOIN eduapp.sessions s ON s.id = v.session_id WHERE s.n = %s ORDER BY v.n",
            (session_id,))]

    # statistics -------------------------------------------------------------------------

    def first_try_choices(self, start: datetime, end: datetime
                          ) -> list[tuple[str, str, tuple[str, ...], bool, int]]:
        return [(r[0], r[1], tuple(filter(None, r[2].split(","))), r[3], r[4])
                for r in self._counted(True, start, end)]

    def reask_counts(self, start: datetime, end: datetime
                     ) -> list[tuple[str, str, bool, int]]:
        """As Store.reask_counts: re-asks (try 2 and on) given in range."""
        totals: dict[tuple[str, str, bool], int] = {}
        for module_id, question_id, _chosen, right, n in self._counted(False, start, end):
            key = (module_id, question_id, right)
            totals[key] = totals.get(key, 0) + n
        return [(*key, n) for key, n in totals.items()]

    def _counted(self, first: bool, start: datetime, end: datetime) -> list[Any]:
        """Answers given in [start, end) by module, question, choice and right or wrong.

        The whole UTC months inside the range come from the per-month counts
        (answer_months), the other whole UTC days from the per-day counts (answer_days),
        the part-days at either end from the answers themselves: one query, exact for any
        range and time zone.
        """
        tries = "try_number = 1" if first else "try_number > 1"
        reads = {
            "rows": ('SELECT module_id, question_id, chosen, "right", 1 AS n FROM eduapp.answers '
                     f"WHERE {tries} AND answered_at >= %s AND answered_at < %s"),
            "days": ('SELECT module_id, question_id, chosen, "right", n FROM eduapp.answer_days '
                     "WHERE first_try = %s AND day >= %s AND day < %s"),
            "months": ('SELECT module_id, question_id, chosen, "right", n '
                       "FROM eduapp.answer_months WHERE first_try = %s AND month >= %s "
                       "AND month < %s")}
        parts: list[str] = []
        params: list[object] = []
        for kind, low, high in _pieces(start, end):
            parts.append(reads[kind])
            params += [low, high] if kind == "rows" else [first, low.date(), high.date()]
        return self._run(
            'SELECT module_id, question_id, chosen, "right", sum(n)::bigint FROM ('
            + " UNION ALL ".join(parts) + ") c GROUP BY 1, 2, 3, 4 HAVING sum(n) > 0",
            tuple(params))

    def objective_tally(self, start: datetime, end: datetime) -> ObjectiveTally:
        """As Store.objective_tally: the latest quiz of each module in each session.

        Read from what the server keeps as quizzes arrive: eduapp.outcome_days and
        eduapp.objective_days for whole days, eduapp.module_outcomes for the part-days at
        either end, in one query.
        """
        outcomes = ("SELECT module_id, 1 AS quizzed, open::int AS unfinished "
                    "FROM eduapp.module_outcomes WHERE started_at >= %s AND started_at < %s")
        rights = ("SELECT o.module_id, g.key AS objective_id, g.value::int AS got, 1 AS n "
                  "FROM eduapp.module_outcomes o, jsonb_each_text(o.got) g "
                  "WHERE o.open AND o.started_at >= %s AND o.started_at < %s")
        days = _whole_days(start, end)
        params: list[object]
        if days is None:
            counted, tallied, params = [outcomes], [rights], [start, end]
        else:
            first_day, last_day = days
            counted = ["SELECT module_id, quizzed, unfinished FROM eduapp.outcome_days "
                       "WHERE day >= %s AND day < %s", outcomes, outcomes]
            tallied = ["SELECT module_id, objective_id, got, n FROM eduapp.objective_days "
                       "WHERE day >= %s AND day < %s", rights, rights]
            params = [first_day.date(), last_day.date(), start, first_day, last_day, end]
        return ObjectiveTally.from_rows(self._run(
            "WITH c AS (SELECT module_id, sum(quizzed)::bigint AS q, "
            "sum(unfinished)::bigint AS u FROM (" + " UNION ALL ".join(counted) + ") c "
            "GROUP BY module_id) "
            "SELECT module_id, NULL, -1, q FROM c WHERE q > 0 "
            "UNION ALL SELECT module_id, NULL, -2, u FROM c WHERE u > 0 "
            "UNION ALL SELECT module_id, objective_id, got, sum(n)::bigint FROM ("
            + " UNION ALL ".join(tallied) + ") t GROUP BY 1, 2, 3 HAVING sum(n) > 0",
            (*params, *params)))

    # settings ---------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        rows = self._run("SELECT value FROM eduapp.settings WHERE key = %s", (key,))
        return str(rows[0][0]) if rows else None

    def set_settings(self, values: Mapping[str, str | None]) -> None:
        raise StoreError(StoreProblem.OTHER, "the clinic's settings are changed by eduapp "
                                             "server commands")

    # plumbing ---------------------------------------------------------------------------

    def _run(self, sql: str, params: tuple[object, ...]) -> list[Any]:
        for attempt in (1, 2):  # a closed connection or a deadlock: once more, afresh
            try:
                if self._db is None:
                    self._db = connect(self._url, autocommit=True, timeout=self._timeout)
                cursor = self._db.execute(sql, params)
                return cursor.fetchall() if cursor.description else []
            except Exception as err:
                problem = classify(err)
                self.close()
                if attempt == 2 or not _retry(problem):
                    raise _store_error(problem) from None
        raise AssertionError("unreachable")


def _retry(problem: ServerError) -> bool:
    from eduapp.core.storage.postgres import Failure

    return problem.failure in (Failure.UNREACHABLE, Failure.CONFLICT)


def _store_error(problem: ServerError) -> StoreError:
    from eduapp.core.storage.postgres import Failure

    if problem.failure is Failure.UNREACHABLE:
        return StoreError(StoreProblem.UNREACHABLE, problem.detail)
    return StoreError(StoreProblem.OTHER, f"{problem.failure.value}: {problem.detail}")


def _whole_days(start: datetime, end: datetime) -> tuple[datetime, datetime] | None:
    """The first and last UTC midnights within [start, end], or None if no whole day fits."""
    first = start.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if first < start:
        first += timedelta(days=1)
    last = end.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return (first, last) if first < last else None


def _pieces(start: datetime, end: datetime) -> list[tuple[str, datetime, datetime]]:
    """[start, end) cut into the pieces to read, none empty, none overlapping.

    "rows" for the part-days at either end, "months" for whole UTC months, "days" for the
    other whole UTC days.
    """
    days = _whole_days(start, end)
    if days is None:
        return [("rows", start, end)]
    first_day, last_day = days
    first_month = first_day.replace(day=1)
    if first_month < first_day:
        first_month = (first_month + timedelta(days=32)).replace(day=1)
    last_month = last_day.replace(day=1)
    pieces = [("rows", start, first_day), ("rows", last_day, end)]
    if first_month < last_month:
        pieces += [("days", first_day, first_month), ("months", first_month, last_month),
                   ("days", last_month, last_day)]
    else:
        pieces.append(("days", first_day, last_day))
    return [(kind, low, high) for kind, low, high in pieces if low < high]


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()
