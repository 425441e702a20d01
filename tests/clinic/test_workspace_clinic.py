"""A clinician's workspace shows the whole clinic, hears new results, and says when it cannot."""

from __future__ import annotations

import threading
from pathlib import Path

from eduapp.core.content.model import Library
from eduapp.core.storage.clinic_view import Reach, open_view
from eduapp.core.storage.pg_schema import init
from eduapp.core.storage.postgres import Connection
from eduapp.core.visit import Visit
from tests.clinic.devices import Device, answer_all
from tests.pg_cluster import Cluster


def rows(today) -> list[str]:  # type: ignore[no-untyped-def]
    model = today.model
    return [model.data(model.index(r, model.TIME)) for r in range(model.rowCount())]


def test_today_shows_every_device_and_follows_the_server(
        qtbot, themed, tmp_path: Path, cluster: Cluster, admin_url: str,  # type: ignore[no-untyped-def]
        library: Library) -> None:
    from eduapp.ui.clinician.workspace import ClinicianWorkspace, WorkspaceContext

    report = init(admin_url)
    assert report.device_url and report.clinician_url
    modules = library.for_language("en")
    kiosk = Device(tmp_path / "kiosk", report.device_url, "Kiosk 1")
    kiosk.sender.start()
    first = Visit(kiosk.store, "en")
    answer_all(first, modules[0])
    first.end()
    qtbot.waitUntil(lambda: kiosk.sender.state.waiting == 0, timeout=10000)
    exam = Device(tmp_path / "exam", report.clinician_url, "Exam room")
    mine = Visit(exam.store, "en")  # a session given on the clinician's own computer
    answer_all(mine, modules[1])
    connection = Connection.load(exam.folder)
    assert connection is not None
    view = open_view(connection)
    assert view.reach is Reach.WHOLE_CLINIC

    workspace = ClinicianWorkspace(WorkspaceContext(
        exam.store, modules, "Clinic", "letter", None, tmp_path, [], view))
    qtbot.addWidget(workspace)
    workspace.show()
    today = workspace.today
    assert "whole clinic" in workspace.reach.text()
    assert [r.split("\n")[1] for r in rows(today)] == ["Kiosk 1"]  # the exam room's: not sent

    # a patient answers at the kiosk: Today reads again when the server announces it
    qtbot.waitUntil(lambda: workspace._relay is not None, timeout=1000)
    second = Visit(kiosk.store, "en")
    answer_all(second, modules[2], stop_after=1)
    qtbot.waitUntil(lambda: len(rows(today)) == 2, timeout=5000)
    assert all(r.endswith("Kiosk 1") for r in rows(today))

    # the server goes away: this device's own sessions, and a plain notice
    cluster.stop()
    try:
        qtbot.waitUntil(lambda: "cannot be reached" in workspace.reach.text(), timeout=15000)
        assert "other devices are not" in workspace.reach.text()
        assert len(rows(today)) == 1 and "\n" not in rows(today)[0]  # the exam room's own
    finally:
        cluster.start()
    qtbot.waitUntil(lambda: "whole clinic" in workspace.reach.text(), timeout=20000)
    workspace.today.refresh()
    assert len(rows(today)) == 2
    workspace.close()
    kiosk.close()
    exam.close()


def test_today_keeps_up_while_kiosks_deliver_without_a_pause(
        qtbot, themed, tmp_path: Path, admin_url: str,  # type: ignore[no-untyped-def]
        library: Library, monkeypatch) -> None:
    """News every few milliseconds must not put the read off until the kiosks stop."""
    from eduapp.ui.clinician import workspace as workspace_module
    from eduapp.ui.clinician.workspace import ClinicianWorkspace, WorkspaceContext

    heard: list[bool] = []

    class Heard(workspace_module._Relay):  # hears the link from before the listener starts
        def __init__(self, parent: object) -> None:
            super().__init__(parent)
            self.link.connect(heard.append)

    monkeypatch.setattr(workspace_module, "_Relay", Heard)

    report = init(admin_url)
    assert report.device_url and report.clinician_url
    modules = library.for_language("en")
    exam = Device(tmp_path / "exam", report.clinician_url, "Exam room")
    connection = Connection.load(exam.folder)
    assert connection is not None
    workspace = ClinicianWorkspace(WorkspaceContext(
        exam.store, modules, "Clinic", "letter", None, tmp_path, [], open_view(connection)))
    qtbot.addWidget(workspace)
    workspace.show()
    qtbot.waitUntil(lambda: heard == [True], timeout=10000)  # listening

    stop, done = threading.Event(), threading.Event()

    def patients() -> None:  # one kiosk, an answer every 20 ms, until told to stop
        kiosk = Device(tmp_path / "kiosk", report.device_url, "Kiosk 1")
        kiosk.sender.start()
        try:
            for _ in range(40):
                visit = Visit(kiosk.store, "en")
                for module in modules:
                    answer_all(visit, module, between=lambda _n: stop.wait(0.02))
                visit.end()
                if stop.is_set():
                    break
        finally:
            kiosk.close()
            done.set()

    worker = threading.Thread(target=patients)
    worker.start()
    try:
        qtbot.waitUntil(lambda: len(rows(workspace.today)) >= 1, timeout=15000)
        assert not done.is_set()  # read while the kiosk was still delivering
    finally:
        stop.set()
        worker.join(30)
    workspace.close()
    exam.close()
