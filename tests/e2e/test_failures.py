"""Nothing lost, nothing leaked: each test causes a real fault and checks what a patient, a
clinician and the database see afterwards."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from eduapp.commands.driver import PatientDriver
from eduapp.core.content.model import Library
from eduapp.core.quiz import Step, first_pass
from eduapp.core.startup import Options, prepare
from eduapp.core.storage.problems import StoreProblem
from eduapp.core.storage.sqlite import DB_NAME, Store
from eduapp.core.visit import RETRY_SECONDS, Visit
from tests.content_fixtures import RESOURCES

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EDUAPP_SPEECH_ENGINE": "mock"}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def answer_next(quiz, *, right: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Answer the question on show, right or wrong, and move on."""
    question = quiz.question
    chosen = ({c.id for c in question.choices if c.correct} if right
              else {next(c.id for c in question.choices if not c.correct)})
    quiz.answer(frozenset(chosen))
    quiz.next()


def answers_on_disk(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT count(*) FROM answers").fetchone()[0])


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


# a locked database, a full disk ---------------------------------------------------------

def test_a_locked_database_keeps_the_answers_and_saves_them_later(
        tmp_path: Path, library: Library) -> None:
    """Another program holds the database: answers wait in memory, in order, then land."""
    store = Store.open(tmp_path / DB_NAME)
    clock = Clock()
    visit = Visit(store, "en", clock=clock)
    module = library.for_language("en")[0]
    quiz = visit.start_quiz(module)
    answer_next(quiz)
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # a backup tool, a second app, an antivirus scan...
    answer_next(quiz)
    answer_next(quiz)
    assert visit.saving_problem is StoreProblem.BUSY
    assert visit.unsaved >= 2
    assert quiz.position[0] == 4  # the quiz went on as if nothing happened
    other.execute("ROLLBACK")
    other.close()
    answer_next(quiz)  # too soon after the failure: waits, no second freeze
    assert visit.unsaved >= 3
    clock.now += RETRY_SECONDS
    answer_next(quiz)
    assert visit.saving_problem is None and visit.unsaved == 0
    stored = store.attempts(visit.session_id)[0].answers
    assert [a.question_id for a in stored] == [a.question_id for a in quiz.answers]
    store.close()


def test_a_full_disk_keeps_the_answers_and_saves_them_when_there_is_room(
        tmp_path: Path, library: Library) -> None:
    store = Store.open(tmp_path / DB_NAME)
    visit = Visit(store, "en", clock=Clock())
    module = library.for_language("en")[1]
    quiz = visit.start_quiz(module)
    db = store._db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    given = 0
    while visit.saving_problem is None and quiz.step is Step.QUESTION:
        answer_next(quiz, right=False)
        given += 1
        if quiz.step is Step.REVIEW:
            quiz.ask_again()
    assert visit.saving_problem is StoreProblem.FULL
    waiting = visit.unsaved
    db.execute("PRAGMA max_page_count = 1073741823")  # room again
    assert visit.retry()
    assert visit.unsaved == 0 and waiting > 0
    assert len(store.attempts(visit.session_id)[0].answers) == len(quiz.answers) == given
    store.close()


def test_the_patient_sees_nothing_alarming_and_the_clinician_sees_why(
        qtbot, make_window, tmp_path: Path, library: Library) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / DB_NAME)
    window = make_window(store)
    driver = PatientDriver(window)
    module = library.for_language("en")[0]
    driver.start()
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    driver.open_module(module)
    driver.read_all(module)
    driver.take_quiz(module)  # every question wrong first, right after its review
    assert window.flow.stack.currentWidget() is window.flow.results_page
    on_screen = " ".join(w.text() for w in window.findChildren(type(window.clinic_label))
                         if w.isVisible()).lower()
    for alarming in ("database", "saved", "error", "locked"):
        assert alarming not in on_screen
    problem = window.flow.saving_problem()
    assert problem is not None and problem[0] is StoreProblem.BUSY
    assert problem[1] >= len(first_pass(module))
    window.flow.end_visit()  # the patient leaves before the database is free
    other.execute("ROLLBACK")
    other.close()
    window.flow.retry_saving()
    assert window.flow.saving_problem() is None and window.flow.unsaved == []
    session = store.attempts(max(s.id for s in store.sessions_by_id(None)))
    assert len(session[0].answers) == 2 * len(first_pass(module))
    assert session[0].finished_at is not None
    store.close()


def test_an_unwritable_data_folder_still_teaches(tmp_path: Path) -> None:
    """The data folder is a file: nothing can be saved, the patient can still learn."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "eduapp", "--data-dir", str(blocked),
                           "--quit-when-ready"], cwd=ROOT, env=ENV, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "first frame at" in done.stdout
    assert "cannot be written" in done.stderr
    assert "Traceback" not in done.stderr


# killed at any moment ------------------------------------------------------------------------

CHILD = textwrap.dedent("""
    import sys
    from eduapp.app import build_window, make_application
    from eduapp.core.startup import Options, prepare
    from eduapp.commands.driver import PatientDriver
    from eduapp.core.quiz import QuizSession, first_pass

    answer = QuizSession.answer
    def answer_and_say(self, *args, **kwargs):
        given = answer(self, *args, **kwargs)
        print("answer stored", flush=True)  # the answer is given and saved: it must survive
        return given
    QuizSession.answer = answer_and_say

    options = Options(data_dir=__import__("pathlib").Path(sys.argv[1]))
    context = prepare(options)
    app = make_application()
    window = build_window(context)
    window.show()
    driver = PatientDriver(window)
    while True:  # a patient who never stops: the kill comes at some moment in between
        driver.start()
        for module in context.modules:
            driver.open_module(module)
            driver.read_all(module)
            driver.take_quiz(module, wrong_first={q.id for q in first_pass(module)[::2]})
            driver.back_to_topics()
        window.flow.end_visit()
""")


@pytest.mark.parametrize("kill_after", [1, 5, 17])
def test_killed_mid_quiz_loses_no_answer(tmp_path: Path, kill_after: int) -> None:
    data = tmp_path / "data"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(data)], cwd=ROOT, env=ENV,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stored = 0
    assert child.stdout is not None
    try:
        for line in child.stdout:
            stored += line.startswith("answer stored")
            if stored == kill_after:
                break
        os.kill(child.pid, signal.SIGKILL)  # no goodbye: a power cut or a killed process
    finally:
        child.kill()
        child.wait(timeout=30)
    assert stored == kill_after
    db = data / DB_NAME
    assert integrity(db) == "ok"
    assert answers_on_disk(db) >= kill_after
    again = subprocess.run([sys.executable, "-m", "eduapp", "--data-dir", str(data),
                            "--quit-when-ready"], cwd=ROOT, env=ENV, capture_output=True,
                           text=True, timeout=120, check=False)
    assert again.returncode == 0, again.stderr
    assert not list(data.glob("*.damaged-*")), "the database was not damaged by the kill"
    assert answers_on_disk(db) >= kill_after


# two copies, a corrupt file ----------------------------------------------------------------

def test_two_copies_on_one_data_folder_both_save_everything(tmp_path: Path,
                                                           library: Library) -> None:
    data = tmp_path / "data"
    runs = [subprocess.Popen([sys.executable, "-m", "eduapp", "--data-dir", str(data),
                              "self-test"], cwd=ROOT, env=ENV, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    for run, output in zip(runs, outputs, strict=True):
        assert run.returncode == 0, output
    # each self-test answers every first-pass question wrong, then its re-ask right
    per_run = 2 * sum(len(first_pass(m)) for m in library.for_language("en"))
    assert answers_on_disk(data / DB_NAME) == 2 * per_run
    assert integrity(data / DB_NAME) == "ok"


def test_a_second_copy_never_takes_over_the_first_copys_patient(tmp_path: Path) -> None:
    """Only the copy holding the data folder may resume a session left open."""
    first = prepare(Options(data_dir=tmp_path))
    second = prepare(Options(data_dir=tmp_path))
    assert first.first_copy and not second.first_copy
    for context in (first, second):
        assert context.store is not None
        context.store.close()


def test_a_corrupt_database_is_kept_and_the_clinician_is_told(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_NAME).write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    done = subprocess.run([sys.executable, "-m", "eduapp", "--data-dir", str(data),
                           "--quit-when-ready"], cwd=ROOT, env=ENV, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    kept = list(data.glob(f"{DB_NAME}.damaged-*"))
    assert len(kept) == 1 and kept[0].stat().st_size == 5016
    assert integrity(data / DB_NAME) == "ok"
    assert kept[0].name in done.stderr  # the notice names the file; clinician mode shows it


# privacy -----------------------------------------------------------------------------------

PRIVATE = textwrap.dedent("""
    import sqlite3
    import sys
    from pathlib import Path
    from eduapp.app import build_window, make_application
    from eduapp.core.pin import PinLock
    from eduapp.core.startup import Options, prepare
    from eduapp.commands.driver import PatientDriver

    context = prepare(Options(data_dir=Path(sys.argv[1])))
    app = make_application()
    window = build_window(context, idle_seconds=120)  # no idle reset mid-visit on a slow machine
    window.show()
    driver = PatientDriver(window)
    driver.start()
    for number, module in enumerate(context.modules):
        if number == 1:  # saving fails for a while: what gets logged then?
            other = sqlite3.connect(Path(sys.argv[1]) / "eduapp.db", isolation_level=None)
            other.execute("BEGIN EXCLUSIVE")
        driver.open_module(module)
        driver.read_all(module)
        driver.take_quiz(module, wrong_first={q.id for q in module.questions})
        driver.back_to_topics()
        if number == 1:
            other.execute("ROLLBACK")
            window.flow.retry_saving()
    context.store.set_visit_code(window.flow.visit.session_id, "Room 7 Maria Lopez")
    lock = PinLock(context.store)
    lock.choose("482916")
    lock.check("111111")
    lock.check("482916")
    window.start_over()
    assert window.flow.saving_problem() is None
    print("done", flush=True)
""")


def test_logs_hold_no_answer_label_quiz_text_or_pin(tmp_path: Path, library: Library) -> None:
    data = tmp_path / "data"
    done = subprocess.run([sys.executable, "-c", PRIVATE, str(data)], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0 and "done" in done.stdout, done.stderr
    logs = "".join(p.read_text(encoding="utf-8") for p in (data / "logs").glob("*.log*"))
    assert "results are not being saved" in logs  # the log is really written
    leaks = ["Room 7", "Maria", "482916", "111111"]
    for module in library.for_language("en"):
        leaks += [q.text for q in module.questions]
        leaks += [c.text for q in module.questions for c in q.choices if len(c.text) > 12]
        leaks += [q.id for q in module.questions]
    found = [text for text in leaks if text in logs]
    assert found == []
    database = (data / DB_NAME).read_bytes()
    assert b"482916" not in database and b"111111" not in database  # only a salted hash


def test_broken_content_is_hidden_from_patients_and_named_for_the_clinician(
        tmp_path: Path) -> None:
    """A module an educator broke: the others still work; the clinician sees which and why."""
    resources = tmp_path / "resources"
    import shutil
    shutil.copytree(RESOURCES, resources)
    broken = resources / "modules" / "02-mind-and-body" / "module.toml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("[[questions]]", "[[questions",
                                                                 1), encoding="utf-8")
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from eduapp.core.startup import Options, prepare
        context = prepare(Options(temp_data=True, resources=Path(sys.argv[1])))
        print("patients see:", " ".join(m.id for m in context.modules))
        print("notices:", " | ".join(map(str, context.notices)))
    """)
    done = subprocess.run([sys.executable, "-c", script, str(resources)], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    shown = done.stdout.split("patients see:")[1].split("\n")[0].split()
    assert shown == ["why-pain-lasts", "ketamine", "your-infusion-session"]
    notices = done.stdout.split("notices:")[1]
    assert "mind-and-body" in notices and "module.toml" in notices
