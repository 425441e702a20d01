"""Exports for the health record: CSV, FHIR R4 (validated with fhir.resources) and PDF.

Sessions are made through the real path (a Visit on a Store). The command-line tests run
`eduapp export` as a clinic's IT person would, and check the one-line messages.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.procedure import Procedure
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from eduapp.core import analytics, export
from eduapp.core.content.model import Library, Module
from eduapp.core.quiz import first_pass
from eduapp.core.storage.sqlite import DB_NAME, Store
from eduapp.core.visit import Visit
from eduapp.ui.i18n import long_date
from tests.core.test_analytics import Clock, take_quiz

ROOT = Path(__file__).resolve().parents[2]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils is not installed")
R4_RESPONSE_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
FHIR_CLASSES = {"Questionnaire": Questionnaire, "QuestionnaireResponse": QuestionnaireResponse,
                "Procedure": Procedure}


@pytest.fixture
def modules(library: Library) -> list[Module]:
    return library.for_language("en")


@pytest.fixture
def clinic(tmp_path: Path, modules: list[Module]) -> tuple[Path, list[int]]:
    """A data folder with three sessions: labelled and done, stopped, and with no quiz."""
    clock = Clock(datetime(2025, 3, 14, 9, 0, tzinfo=UTC))
    store = Store.open(tmp_path / DB_NAME, clock=clock)
    first = Visit(store, "en")
    take_quiz(first, modules[0], clock, missed_once=["pain-job"])
    take_quiz(first, modules[2], clock, never=["best-evidence"])
    take_quiz(first, modules[3], clock, answers=3, finish=False)  # walked away
    store.set_visit_code(first.session_id, 'Visit "7", room 2')
    first.end()
    clock.advance(3600)
    second = Visit(store, "en")
    take_quiz(second, modules[1], clock)
    second.end()
    clock.advance(3600)
    third = Visit(store, "en")  # read, took no quiz
    third.show_screen(modules[0], modules[0].screens[0])
    clock.advance(40)
    third.end()
    store.close()
    return tmp_path, [first.session_id, second.session_id, third.session_id]


def eduapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eduapp", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=240, check=False)


# CSV ---------------------------------------------------------------------------------------

def test_csv_has_one_row_per_answer_with_the_documented_columns(
        clinic: tuple[Path, list[int]], tmp_path: Path) -> None:
    folder, (first, second, _) = clinic
    out = tmp_path / "answers.csv"
    done = eduapp("export", "--data-dir", str(folder), "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte order mark, so Excel reads UTF-8
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == list(export.CSV_COLUMNS) == [
        "session_id", "visit_code", "session_started", "language", "module_id",
        "attempt_id", "question_id", "objective_id", "kind", "chosen", "correct",
        "try_number", "asked_for", "seconds", "answered_at"]
    store = Store.open(folder / DB_NAME)
    stored = sum(len(a.answers) for s in (first, second) for a in store.attempts(s))
    store.close()
    assert len(rows) == stored
    assert f"{stored} answers from 3 sessions" in done.stdout
    # the visit code with a comma and quotes survives the round trip
    assert {r["visit_code"] for r in rows if r["session_id"] == str(first)} == {
        'Visit "7", room 2'}
    assert {r["visit_code"] for r in rows if r["session_id"] == str(second)} == {""}
    missed = next(r for r in rows if r["question_id"] == "pain-job" and r["try_number"] == "1")
    assert (missed["chosen"], missed["correct"], missed["kind"]) == ("measure", "0", "single")
    assert missed["objective_id"] == "hurt-not-harm" and missed["module_id"] == "why-pain-lasts"
    multiple = next(r for r in rows if r["question_id"] == "helpful-steps")
    assert multiple["chosen"] == "learn|tell-impact"
    # pain-job was asked again with the reserve question of its objective: a re-ask
    [reask] = [r for r in rows if r["asked_for"] == "pain-job"]
    assert (reask["question_id"], reask["try_number"], reask["correct"]) == (
        "paper-cut", "2", "1")
    assert reask["objective_id"] == "hurt-not-harm"
    assert all(r["asked_for"] == "" for r in rows if r["try_number"] == "1")
    assert multiple["kind"] == "multiple" and multiple["correct"] == "1"
    assert datetime.fromisoformat(missed["answered_at"]).tzinfo is not None
    assert float(missed["seconds"]) >= 0


def test_csv_of_one_session(clinic: tuple[Path, list[int]], tmp_path: Path) -> None:
    folder, (_, second, _) = clinic
    out = tmp_path / "one.csv"
    done = eduapp("export", "--data-dir", str(folder), "--format", "csv", "--out", str(out),
                  "--session", str(second))
    assert done.returncode == 0, done.stdout + done.stderr
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert rows and {r["session_id"] for r in rows} == {str(second)}
    assert {r["module_id"] for r in rows} == {"mind-and-body"}


# FHIR --------------------------------------------------------------------------------------

def fhir_of(folder: Path, modules: list[Module], session: int | None = None) -> dict:
    store = Store.open(folder / DB_NAME)
    rows = store.sessions_by_id(None if session is None else [session])
    bundle = export.fhir_bundle(analytics.summaries(store, modules, rows), modules,
                                export.database_id(store))
    store.close()
    return bundle


def test_fhir_bundle_validates_as_r4_and_counts_right(clinic: tuple[Path, list[int]],
                                                      modules: list[Module]) -> None:
    folder, (first, _, third) = clinic
    bundle = fhir_of(folder, modules)

    Bundle.model_validate(bundle)
    assert bundle["type"] == "collection"
    resources = [e["resource"] for e in bundle["entry"]]
    for resource in resources:
        FHIR_CLASSES[resource["resourceType"]].model_validate(resource)
    kinds = [r["resourceType"] for r in resources]
    assert kinds.count("Questionnaire") == len(modules)
    assert kinds.count("Procedure") == 3
    # a response per finished quiz: 2 in the first session (the third was left), 1 in the second
    responses = [r for r in resources if r["resourceType"] == "QuestionnaireResponse"]
    assert len(responses) == 3
    # fhir.resources checks structure, not code values: check the R4 value sets here
    assert all(r["status"] in R4_RESPONSE_STATUS for r in responses)
    assert sorted(r["status"] for r in responses) == ["completed", "completed", "stopped"]
    urls = {e["fullUrl"] for e in bundle["entry"]}
    assert len(urls) == len(bundle["entry"])  # every entry has its own address

    for procedure in (r for r in resources if r["resourceType"] == "Procedure"):
        assert procedure["status"] == "completed"
        assert procedure["code"]["coding"] == [{"system": "http://snomed.info/sct",
                                                "code": "311401005",
                                                "display": "Patient education"}]
        assert procedure["subject"] == {"display": "Anonymous patient"}
        period = procedure["performedPeriod"]
        assert datetime.fromisoformat(period["start"]) <= datetime.fromisoformat(period["end"])
    labelled = next(r for r in resources if r.get("id") == f"session-{first}")
    assert labelled["identifier"][0]["value"] == 'Visit "7", room 2'
    quiet = next(r for r in resources if r.get("id") == f"session-{third}")
    assert "identifier" not in quiet and "note" not in quiet
    # it lasted from its start to the screen it read (not to when the idle reset ended it)
    assert datetime.fromisoformat(quiet["performedPeriod"]["end"]) - datetime.fromisoformat(
        quiet["performedPeriod"]["start"]) == timedelta(0)
    # no one is named
    text = json.dumps(bundle)
    assert "birthDate" not in text and '"name": [' not in text and "Patient/" not in text


def test_questionnaire_and_response_carry_the_codes(clinic: tuple[Path, list[int]],
                                                    modules: list[Module]) -> None:
    folder, (first, _, _) = clinic
    bundle = fhir_of(folder, modules, first)
    resources = {(r["resourceType"], r["id"]): r for r in (e["resource"] for e in bundle["entry"])}
    module = modules[0]
    q = resources[("Questionnaire", module.id)]
    assert q["url"] == f"urn:eduapp:questionnaire:{module.id}"
    assert (q["title"], q["status"]) == (module.title, "active")
    assert [i["linkId"] for i in q["item"]] == [x.id for x in module.questions]
    helpful = next(i for i in q["item"] if i["linkId"] == "helpful-steps")
    assert helpful["repeats"] is True
    assert [o["valueCoding"]["code"] for o in helpful["answerOption"]] == [
        "learn", "keep-quiet", "tell-impact", "only-score"]

    store = Store.open(folder / DB_NAME)
    attempt = store.attempts(first)[0]
    store.close()
    response = resources[("QuestionnaireResponse", f"attempt-{attempt.id}")]
    assert response["questionnaire"] == q["url"]
    assert response["status"] == "completed"
    assert attempt.finished_at is not None
    assert datetime.fromisoformat(response["authored"]) == attempt.finished_at
    items = {i["linkId"]: i for i in response["item"]}
    assert len(items) == len(first_pass(module)) + 1  # every question asked, and one re-ask
    # each question's last answer: pain-job was missed ("measure"); it was then asked again
    # with paper-cut, whose item says so
    assert [a["valueCoding"]["code"] for a in items["pain-job"]["answer"]] == ["measure"]
    assert "extension" not in items["pain-job"]
    assert items["paper-cut"]["extension"] == [
        {"url": "urn:eduapp:fhir:asked-for", "valueString": "pain-job"}]
    assert [a["valueCoding"]["code"] for a in items["helpful-steps"]["answer"]] == [
        "learn", "tell-impact"]
    procedure = resources[("Procedure", f"session-{first}")]
    procedure_url = next(e["fullUrl"] for e in bundle["entry"] if e["resource"] is procedure)
    assert response["partOf"] == [{"reference": procedure_url}]


def test_fhir_export_command_writes_json(clinic: tuple[Path, list[int]], tmp_path: Path) -> None:
    folder, _ = clinic
    out = tmp_path / "bundle.json"
    done = eduapp("export", "--data-dir", str(folder), "--format", "fhir", "--out", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    bundle = json.loads(out.read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    assert len(bundle["entry"]) == 4 + 3 + 3
    again = tmp_path / "again.json"
    eduapp("export", "--data-dir", str(folder), "--format", "fhir", "--out", str(again))
    # the same database gives the same addresses, so a record system can tell repeats
    assert [e["fullUrl"] for e in json.loads(again.read_text())["entry"]] == [
        e["fullUrl"] for e in bundle["entry"]]


# PDF ---------------------------------------------------------------------------------------

def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))


@needs_poppler
def test_pdf_has_one_page_per_session_with_label_scores_and_prompts(
        themed, clinic: tuple[Path, list[int]], modules: list[Module],  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    from eduapp.ui.print.session_summary import write_summary_pdf

    folder, _ = clinic
    store = Store.open(folder / DB_NAME)
    sessions = analytics.summaries(store, modules, store.sessions_by_id())
    store.close()
    out = tmp_path / "summary.pdf"
    assert write_summary_pdf(sessions, "Hillside Pain Care", out, "a4") == 3
    assert pdf_pages(out) == 3
    pages = [" ".join(page.split()) for page in pdf_text(out).split("\f")[:3]]
    one, two, three = pages
    assert 'Visit "7", room 2' in one and "Hillside Pain Care" in one
    asked = len(first_pass(modules[0]))  # pain-job missed once, understood after a review
    assert (f"Why pain can last {asked - 1}/{asked} ({round(100 * (asked - 1) / asked)}%) "
            f"{asked}/{asked} (100%) Completed") in one
    assert "Not finished" in one and "Stopped: 1 to discuss" in one
    assert ("Teach-back: Ask the patient to tell you in their own words which kind of pain "
            "has the best evidence for ketamine") in one
    every = len(first_pass(modules[1]))
    assert "No visit code" in two and f"{every}/{every} (100%)" in two
    assert "Nothing: every objective quizzed was understood." in two
    assert "No visit code" in three and "No quiz was taken in this session." in three
    day = long_date(datetime(2025, 3, 14, 9, 0, tzinfo=UTC).astimezone().date())
    assert all(day in page for page in pages)


@needs_poppler
def test_pdf_export_command(clinic: tuple[Path, list[int]], tmp_path: Path) -> None:
    folder, (first, _, _) = clinic
    out = tmp_path / "one.pdf"
    done = eduapp("export", "--data-dir", str(folder), "--format", "pdf", "--out", str(out),
                  "--session", str(first))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == f"1 page written to {out}"
    assert pdf_pages(out) == 1
    assert 'Visit "7", room 2' in pdf_text(out)


# what goes wrong ---------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "fhir", "pdf"])
def test_export_problems_are_one_line_never_a_traceback(
        clinic: tuple[Path, list[int]], tmp_path: Path, fmt: str) -> None:
    folder, _ = clinic
    empty = tmp_path / "empty"
    empty.mkdir()
    Store.open(empty / DB_NAME).close()
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder")
    cases = {
        "there is no session 999": ("--data-dir", str(folder), "--session", "999",
                                    "--out", str(tmp_path / "x")),
        "holds no sessions": ("--data-dir", str(empty), "--out", str(tmp_path / "y")),
        "no eduapp database": ("--data-dir", str(tmp_path / "nowhere"),
                               "--out", str(tmp_path / "z")),
        "cannot write": ("--data-dir", str(folder), "--out", str(blocked / "out")),
    }
    for expected, args in cases.items():
        done = eduapp("export", "--format", fmt, *args)
        assert done.returncode == 1, (expected, done.stdout, done.stderr)
        assert expected in done.stdout
        assert len(done.stdout.strip().splitlines()) == 1
        assert "Traceback" not in done.stdout + done.stderr
    assert not (tmp_path / "nowhere").exists()


@needs_poppler
def test_pdf_stays_one_page_when_everything_needs_discussing(
        themed, tmp_path: Path, modules: list[Module]) -> None:  # type: ignore[no-untyped-def]
    from eduapp.ui.print.session_summary import write_summary_pdf

    clock = Clock(datetime(2025, 3, 14, 9, 0, tzinfo=UTC))
    store = Store.open(tmp_path / DB_NAME, clock=clock)
    visit = Visit(store, "en")
    for module in modules:  # every question wrong, then the patient stops
        take_quiz(visit, module, clock, never=[q.id for q in module.questions])
    store.set_visit_code(visit.session_id, "X" * 32)
    [summary] = analytics.summaries(store, modules, store.sessions_by_id())
    store.close()
    assert len(summary.to_discuss) == sum(len(m.objectives) for m in modules)
    out = tmp_path / "long.pdf"
    write_summary_pdf([summary], "Hillside Pain Care", out)
    assert pdf_pages(out) == 1
    text = " ".join(pdf_text(out).split())
    assert all(d.objective.text in text for d in summary.to_discuss)
    assert "Anonymous session" in text  # the foot of the page was reached, nothing cut off
