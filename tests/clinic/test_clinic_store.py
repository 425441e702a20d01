"""The clinician's views over the whole clinic read the same facts as on one computer."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from eduapp.core import analytics
from eduapp.core.content.model import Library
from eduapp.core.export import write_csv
from eduapp.core.storage.clinic_store import ClinicStore
from eduapp.core.storage.pg_schema import init
from eduapp.core.storage.problems import StoreError, StoreProblem
from eduapp.core.visit import Visit
from tests.clinic.devices import Device, answer_all
from tests.pg_cluster import free_port


def visits(tmp_path: Path, device_url: str, library: Library) -> list[Device]:
    """Kiosk 1: two patients; Kiosk 2: one who stops half way. All sent to the server."""
    modules = library.for_language("en")
    made = []
    for name, plans in (("Kiosk 1", [(0, 1, None), (1, 0, None)]), ("Kiosk 2", [(2, 2, 2)])):
        device = Device(tmp_path / name, device_url, name, keep_local=True)
        for module_index, wrong, stop in plans:
            visit = Visit(device.store, "en")
            answer_all(visit, modules[module_index], wrong_first=wrong, stop_after=stop)
            visit.end()
        device.sender.send_now()
        made.append(device)
    return made


def comparable(s: analytics.SessionSummary) -> tuple[object, ...]:
    return (s.started_at, s.visit_code, s.language, s.flagged,
            [(a.module.id, a.results.first_try_percent, a.results.final_percent, a.answers)
             for a in s.attempts])


def test_today_shows_every_devices_sessions_with_its_name(
        tmp_path: Path, admin_url: str, library: Library) -> None:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    kiosks = visits(tmp_path, report.device_url, library)
    modules = library.for_language("en")
    clinic = ClinicStore(report.clinician_url)

    everyone = analytics.today(clinic, modules, date.today())

    assert [s.device for s in everyone] == ["Kiosk 2", "Kiosk 1", "Kiosk 1"]  # newest first
    for kiosk in kiosks:
        local = analytics.today(kiosk.store, modules, date.today())
        mine = [s for s in everyone if s.device == kiosk.folder.name]
        assert [comparable(s) for s in mine] == [comparable(s) for s in local]
    stored = clinic.set_visit_code(everyone[0].id, "  V-12 ")
    assert stored == "V-12" and clinic.session(everyone[0].id).visit_code == "V-12"  # type: ignore[union-attr]
    clinic.close()
    for kiosk in kiosks:
        kiosk.close()


def test_today_read_again_shows_the_answers_given_since(
        tmp_path: Path, admin_url: str, library: Library) -> None:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    modules = library.for_language("en")
    kiosk = Device(tmp_path / "Kiosk 1", report.device_url, "Kiosk 1", keep_local=True)
    clinic = ClinicStore(report.clinician_url)
    visit = Visit(kiosk.store, "en")
    answer_all(visit, modules[1], wrong_first=1)  # a quiz finished
    midway: list[analytics.SessionSummary] = []

    def read_midway(answered: int) -> None:
        if answered == 2:
            kiosk.sender.send_now()
            midway.extend(analytics.today(clinic, modules, date.today()))

    answer_all(visit, modules[0], wrong_first=1, between=read_midway)  # read half way
    visit.end()
    kiosk.sender.send_now()
    [again] = analytics.today(clinic, modules, date.today())

    [local] = analytics.today(kiosk.store, modules, date.today())
    [first] = midway
    assert comparable(again) == comparable(local) != comparable(first)
    assert len(first.attempts[1].answers) == 2 < len(again.attempts[1].answers)
    assert again.attempts[0].answers is first.attempts[0].answers  # unchanged: kept
    clinic.close()
    kiosk.close()


def test_questions_and_exports_cover_the_whole_clinic(
        tmp_path: Path, admin_url: str, library: Library) -> None:
    report = init(admin_url)
    assert report.device_url and report.clinician_url
    kiosks = visits(tmp_path, report.device_url, library)
    modules = library.for_language("en")
    clinic = ClinicStore(report.clinician_url)
    now = datetime.now(UTC)
    start, end = now - timedelta(hours=1), now + timedelta(hours=1)

    together = analytics.item_statistics(clinic, modules, start, end)

    apart = [analytics.item_statistics(k.store, modules, start, end) for k in kiosks]
    for stats in together.questions:
        parts = [next(p for p in a.questions if p.question.id == stats.question.id)
                 for a in apart]
        assert stats.first_tries == sum(p.first_tries for p in parts)
        assert stats.first_try_right == sum(p.first_try_right for p in parts)
    for stats in together.objectives:
        parts = [next(p for p in a.objectives if p.objective.id == stats.objective.id
                      and p.module.id == stats.module.id) for a in apart]
        assert stats.sessions_missed == sum(p.sessions_missed for p in parts)
        assert stats.sessions_quizzed == sum(p.sessions_quizzed for p in parts)
    assert any(s.sessions_missed for s in together.objectives)  # Kiosk 2's patient stopped

    rows = write_csv(clinic, modules, clinic.sessions_by_id(), tmp_path / "clinic.csv")
    assert rows == sum(len(list(k.store.answer_rows())) for k in kiosks)
    clinic.close()
    for kiosk in kiosks:
        kiosk.close()


def test_the_device_role_is_refused_and_an_absent_server_is_named(
        tmp_path: Path, admin_url: str) -> None:
    report = init(admin_url)
    assert report.device_url
    with pytest.raises(StoreError) as refused:
        ClinicStore(report.device_url).sessions_by_id()
    assert refused.value.problem is StoreProblem.OTHER and "refused" in str(refused.value)

    with pytest.raises(StoreError) as away:
        ClinicStore(f"postgresql://c:pw@127.0.0.1:{free_port()}/clinic").sessions_by_id()
    assert away.value.problem is StoreProblem.UNREACHABLE


def test_eduapp_export_on_a_clinician_computer_exports_the_whole_clinic(
        tmp_path: Path, admin_url: str, library: Library,
        capsys: pytest.CaptureFixture[str]) -> None:
    from eduapp.__main__ import main
    from eduapp.core.storage.membership import join

    report = init(admin_url)
    assert report.device_url and report.clinician_url
    kiosks = visits(tmp_path, report.device_url, library)
    answers = sum(len(list(k.store.answer_rows())) for k in kiosks)
    join(tmp_path / "exam", report.clinician_url, "Exam room")

    out = tmp_path / "clinic.csv"
    assert main(["export", "--data-dir", str(tmp_path / "exam"), "--format", "csv",
                 "--out", str(out)]) == 0

    assert capsys.readouterr().out.strip() == (
        f"{answers} answers from 3 sessions written to {out} (the whole clinic)")
    # a kiosk exports only its own sessions: its role cannot read the clinic's
    assert main(["export", "--data-dir", str(tmp_path / "Kiosk 2"), "--format", "csv",
                 "--out", str(out)]) == 0
    assert "from 1 session written" in capsys.readouterr().out
    for kiosk in kiosks:
        kiosk.close()
