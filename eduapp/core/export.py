"""Exports for the health record and for scripts: CSV (one row per answer) and FHIR R4.

`eduapp export` opens the data folder with `open_source`, which turns every problem (no
database, no sessions, an unknown session) into an `ExportError` with a one-line message.
The PDF summary is drawn by Qt (`eduapp.ui.print.session_summary`); this module has no Qt.
Sessions are anonymous: the FHIR resources name no patient, only "Anonymous patient".
"""

from __future__ import annotations

import csv
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eduapp.core.analytics import AttemptSummary, SessionSummary, summaries
from eduapp.core.content.model import Module, QuestionKind
from eduapp.core.paths import default_data_dir
from eduapp.core.startup import Options, reading_context
from eduapp.core.storage.problems import StoreError
from eduapp.core.storage.reading import ResultStore
from eduapp.core.storage.sqlite import DB_NAME, SessionRow, Store

CSV_COLUMNS = ("session_id", "visit_code", "session_started", "language", "module_id",
               "attempt_id", "question_id", "objective_id", "kind", "chosen", "correct",
               "try_number", "asked_for", "seconds", "answered_at")
REASK_EXTENSION = "urn:eduapp:fhir:asked-for"  # on an item answered as a re-ask
SNOMED = "http://snomed.info/sct"
PATIENT_EDUCATION = "311401005"
ANONYMOUS = {"display": "Anonymous patient"}
DATABASE_ID_KEY = "database.id"


class ExportError(Exception):
    """An export cannot be made; the message is one line for the person at the terminal."""


@dataclass
class ExportSource:
    """What an export reads: the database, the content, and the sessions asked for."""

    store: ResultStore
    modules: list[Module]
    sessions: list[SessionRow]
    clinic_name: str
    paper: str
    whole_clinic: bool = False  # clinic mode: every device's sessions, read from the server

    def summaries(self) -> list[SessionSummary]:
        return summaries(self.store, self.modules, self.sessions)

    def close(self) -> None:
        self.store.close()


def open_source(options: Options, session_id: int | None) -> ExportSource:
    """Open the data folder's database read for export; raises ExportError."""
    data_dir = options.data_dir or default_data_dir()
    path = data_dir / DB_NAME
    store: ResultStore
    clinic = _clinic_store(data_dir)
    if clinic is not None:
        store, where = clinic, "the clinic's server"
    elif not path.is_file():
        raise ExportError(f"no eduapp database in {data_dir}")
    else:
        where = str(path)
        try:
            store = Store.open(path)
        except StoreError as err:
            raise ExportError(f"cannot open {path}: {err}") from err
    try:
        if session_id is not None:
            sessions = store.sessions_by_id([session_id])
            if not sessions:
                raise ExportError(f"there is no session {session_id} in {where}")
        else:
            sessions = store.sessions_by_id()
            if not sessions:
                raise ExportError(f"{where} holds no sessions yet")
        context = reading_context(options, data_dir)
        modules = context.modules
    except (ExportError, StoreError) as err:
        store.close()
        raise ExportError(str(err)) from err
    return ExportSource(store, modules, sessions, context.settings.name,
                        context.settings.paper, whole_clinic=clinic is not None)


def _clinic_store(data_dir: Path) -> ResultStore | None:
    """On a clinician computer, the whole clinic; None on a lone computer or a kiosk.

    A kiosk's role cannot read the clinic's results: it exports its own sessions. When the
    server cannot be reached nothing is exported rather than a part taken for the whole.
    """
    from eduapp.core.storage.postgres import Connection

    connection = Connection.load(data_dir)
    if connection is None:
        return None
    from eduapp.core.storage.clinic_view import Reach, open_view

    view = open_view(connection)
    if view.reach is Reach.AWAY:
        raise ExportError("the clinic's server cannot be reached, so the whole clinic cannot "
                          "be exported; try again when it can (eduapp server status)")
    return view.store


# CSV ------------------------------------------------------------------------------------

def write_csv(store: ResultStore, modules: Iterable[Module], sessions: Sequence[SessionRow],
              out: Path) -> int:
    """One row per answer, UTF-8 with a byte order mark (so Excel reads it right)."""
    kinds = {(m.id, q.id): q.kind.value for m in modules for q in m.questions}
    rows = 0
    with out.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(CSV_COLUMNS)
        for a in store.answer_rows(s.id for s in sessions):
            writer.writerow((a.session_id, a.visit_code or "", a.session_started, a.language,
                             a.module_id, a.attempt_id, a.question_id, a.objective_id,
                             kinds.get((a.module_id, a.question_id), ""), "|".join(a.chosen),
                             int(a.right), a.try_number, a.asked_for, a.seconds,
                             a.answered_at))
            rows += 1
    return rows


# FHIR R4 --------------------------------------------------------------------------------

def questionnaire_url(module_id: str) -> str:
    return f"urn:eduapp:questionnaire:{module_id}"


def choice_system(module_id: str, question_id: str) -> str:
    return f"urn:eduapp:choice:{module_id}:{question_id}"


def questionnaire(module: Module) -> dict[str, Any]:
    """A module's quiz as a FHIR Questionnaire: one choice item per question."""
    items = []
    for q in module.questions:
        items.append({
            "linkId": q.id,
            "text": q.text,
            "type": "choice",
            "required": not q.reserve,  # a reserve question is asked only after a miss
            "repeats": q.kind is QuestionKind.MULTIPLE,
            "answerOption": [{"valueCoding": {"system": choice_system(module.id, q.id),
                                              "code": c.id, "display": c.text}}
                             for c in q.choices],
        })
    return {
        "resourceType": "Questionnaire",
        "id": module.id,
        "url": questionnaire_url(module.id),
        "name": "".join(part.capitalize() for part in module.id.split("-")) + "Quiz",
        "title": module.title,
        "status": "active",
        "language": module.language,
        "subjectType": ["Patient"],
        "description": module.summary,
        "item": items,
    }


def questionnaire_response(attempt: AttemptSummary, procedure_url: str) -> dict[str, Any]:
    """A finished quiz: the last answer to each question, as codes of the chosen choices.

    An answer given as a re-ask (after a review) carries an extension naming the first-pass
    question it was asked for, so a receiving system tells first tries from re-asks.
    """
    module = attempt.module
    last = {a.question_id: a for a in attempt.answers}
    items = []
    for q in module.questions:
        answer = last.get(q.id)
        if answer is None:
            continue
        item: dict[str, Any] = {
            "linkId": q.id,
            "text": q.text,
            "answer": [{"valueCoding": {"system": choice_system(module.id, q.id), "code": c.id,
                                        "display": c.text}}
                       for c in q.choices if c.id in answer.chosen],
        }
        if answer.is_reask:
            item["extension"] = [{"url": REASK_EXTENSION, "valueString": answer.asked_for}]
        items.append(item)
    assert attempt.finished_at is not None
    return {
        "resourceType": "QuestionnaireResponse",
        "id": f"attempt-{attempt.id}",
        "questionnaire": questionnaire_url(module.id),
        # a quiz ended with something not yet understood was stopped by the patient
        "status": "completed" if attempt.completed else "stopped",
        "language": attempt.language,
        "subject": ANONYMOUS,
        "partOf": [{"reference": procedure_url}],
        "authored": _stamp(attempt.finished_at),
        "item": items,
    }


def procedure(session: SessionSummary) -> dict[str, Any]:
    """The education itself: SNOMED CT 311401005, from the start to the last activity."""
    resource: dict[str, Any] = {
        "resourceType": "Procedure",
        "id": f"session-{session.id}",
        "status": "completed",
        "code": {"coding": [{"system": SNOMED, "code": PATIENT_EDUCATION,
                             "display": "Patient education"}], "text": "Patient education"},
        "subject": ANONYMOUS,
        "performedPeriod": {"start": _stamp(session.started_at),
                            "end": _stamp(max(session.last_activity, session.started_at))},
    }
    if session.visit_code:
        resource["identifier"] = [{"system": "urn:eduapp:visit-code", "value": session.visit_code}]
    scores = [f"{a.module.title}: first try {a.results.first_try_percent}%, "
              f"final {a.results.final_percent}%" for a in session.attempts if a.finished]
    if scores:
        resource["note"] = [{"text": "eduapp quizzes. " + "; ".join(scores) + "."}]
    return resource


def fhir_bundle(sessions: Sequence[SessionSummary], modules: Sequence[Module],
                database_id: str, now: datetime | None = None) -> dict[str, Any]:
    """The FHIR R4 Bundle (a collection) of the given sessions.

    A Questionnaire per module, a QuestionnaireResponse per finished quiz (linked to its
    session by `partOf`) and a Procedure per session.
    """
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"urn:eduapp:database:{database_id}")

    def full_url(name: str) -> str:
        return f"urn:uuid:{uuid.uuid5(namespace, name)}"

    entries = [{"fullUrl": full_url(f"questionnaire:{m.id}"), "resource": questionnaire(m)}
               for m in modules]
    for session in sessions:
        procedure_url = full_url(f"session:{session.id}")
        entries.append({"fullUrl": procedure_url, "resource": procedure(session)})
        for attempt in session.attempts:
            if attempt.finished:
                entries.append({"fullUrl": full_url(f"attempt:{attempt.id}"),
                                "resource": questionnaire_response(attempt, procedure_url)})
    return {"resourceType": "Bundle", "type": "collection",
            "timestamp": _stamp(now or datetime.now(UTC)), "entry": entries}


def database_id(store: ResultStore) -> str:
    """A random id of this database, made once: keeps exported FHIR ids apart across clinics."""
    existing = store.setting(DATABASE_ID_KEY)
    if existing:
        return existing
    made = uuid.uuid4().hex
    store.set_settings({DATABASE_ID_KEY: made})
    return made


def write_fhir(source: ExportSource, out: Path) -> int:
    """Write the FHIR bundle as JSON; returns the number of resources."""
    bundle = fhir_bundle(source.summaries(), source.modules, database_id(source.store))
    out.write_text(json.dumps(bundle, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(bundle["entry"])


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")
