"""The core's facts worded for people: the same sentences as before in English, and Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eduapp.core.clinic import (
    ClinicSettings,
    SettingsError,
    load_settings,
    save_settings,
    with_changes,
)
from eduapp.core.pin import PinCheck, PinLock, PinProblem
from eduapp.core.startup import Notice, NoticeKind
from eduapp.core.storage.problems import StoreProblem
from eduapp.core.storage.sqlite import Store
from eduapp.ui import wording
from eduapp.ui.i18n import Translations
from tests.conftest import RESOURCES


@pytest.fixture
def speak(qapp) -> Iterator[Translations]:  # type: ignore[no-untyped-def]
    translations = Translations(RESOURCES)
    yield translations
    translations.use("en")


@pytest.mark.parametrize(("key", "value", "words"), [
    ("idle_seconds", "5", "30 to 3600"),
    ("idle_seconds", "ten", "whole number"),
    ("keep_days", "20", "30 to 3650"),
    ("keep_days", "4000", "30 to 3650"),
    ("clinic_name", "   ", "empty"),
    ("clinic_phone", "x" * 201, "at most 200"),
    ("session_hours", "{{clinic_name}}", "{{"),
    ("no_food_hours", "eight", "whole number of hours"),
    ("arrival_minutes", "500", "0 to 240"),
    ("clear_liquids_hours", "12", "no solid food"),
    ("languages", [], "two-letter"),
    ("default_language", "fr", "languages offered"),
    ("paper", "legal", "letter"),
    ("text_size", 3, "0, 1 or 2"),
])
def test_a_bad_setting_is_refused_with_a_message(speak: Translations, tmp_path: Path,
                                                 key: str, value: object, words: str) -> None:
    speak.use("en")
    defaults: ClinicSettings = load_settings(RESOURCES, None)
    with pytest.raises(SettingsError) as caught:
        save_settings(with_changes(defaults, {key: value}), tmp_path / "clinic.toml")
    assert words in wording.setting_problem(caught.value.problems[key])


def test_pin_outcomes_read_as_before_with_english_plurals(speak: Translations,
                                                          store: Store) -> None:
    speak.use("en")
    lock = PinLock(store)
    assert wording.pin_outcome(lock.choose("12a4")) == "Use digits only."
    assert wording.pin_outcome(lock.choose("123")) == "Use 4 to 12 digits."
    assert wording.pin_outcome(PinProblem.ALREADY_SET) == "A PIN is already set."
    assert wording.pin_outcome(PinCheck(False, 0.0, 4)) == (
        "That PIN is not right. 4 tries left before a pause.")
    assert wording.pin_outcome(PinCheck(False, 0.0, 1)) == (
        "That PIN is not right. 1 try left before a pause.")
    assert wording.pin_outcome(PinCheck(False, 29.2, 0)) == (
        "Too many wrong tries. Try again in 30 seconds.")
    assert wording.pin_outcome(None) is None and wording.pin_outcome(PinCheck(True)) is None


def test_core_messages_reach_the_spanish_workspace_in_spanish(speak: Translations) -> None:
    assert speak.use("es")
    assert wording.pin_outcome(PinCheck(False, 0.0, 1)) == (
        "Ese PIN no es correcto. Queda 1 intento antes de una pausa.")
    assert wording.pin_outcome(PinProblem.LENGTH) == "Use de 4 a 12 dígitos."
    assert wording.notice(Notice(NoticeKind.NOT_SAVING, problem=StoreProblem.BUSY)) == (
        "Los resultados no se están guardando: otro programa está usando la base de datos.")
    kept = wording.notice(Notice(NoticeKind.DAMAGED_KEPT, "eduapp.db.damaged-20261127"))
    assert "dañada" in kept and "eduapp.db.damaged-20261127" in kept
    waiting = wording.notice(Notice(NoticeKind.WAITING, problem=StoreProblem.FULL, count=3))
    assert "el disco está lleno" in waiting and "3 respuestas" in waiting
    assert wording.store_problem(StoreProblem.READ_ONLY) == (
        "no se puede escribir en la carpeta de datos")
    settings = with_changes(load_settings(RESOURCES, None), {"clinic_name": ""})
    with pytest.raises(SettingsError) as caught:
        save_settings(settings, Path("/nonexistent/clinic.toml"))
    assert wording.setting_problem(caught.value.problems["clinic_name"]) == (
        "No puede quedar vacío.")


def test_times_of_day_follow_the_interface_language(speak: Translations) -> None:
    from datetime import datetime

    from eduapp.ui.i18n import short_time, time_range

    afternoon = datetime(2026, 11, 27, 14, 5).astimezone()  # a local time
    speak.use("en")
    assert short_time(afternoon) == "2:05\u202fPM" or short_time(afternoon) == "2:05 PM"
    speak.use("es")
    assert short_time(afternoon) == "14:05"
    assert time_range(afternoon, afternoon.replace(minute=40)) == "14:05\u201314:40"


def test_plurals_in_english_and_spanish(speak: Translations) -> None:
    from eduapp.ui.i18n import tr

    speak.use("en")
    assert [tr("%n objectives to discuss", "", n) for n in (1, 2)] == [
        "1 objective to discuss", "2 objectives to discuss"]
    speak.use("es")
    assert [tr("%n objectives to discuss", "", n) for n in (1, 2)] == [
        "1 objetivo para comentar", "2 objetivos para comentar"]


def test_every_plural_has_its_english_forms(tmp_path: Path) -> None:
    """English plurals come from eduapp_en.ts: lupdate finds none missing or unfinished."""
    import shutil
    import subprocess
    import sys

    bin_dir = Path(sys.executable).parent
    source = RESOURCES / "translations" / "eduapp_en.ts"
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    code = sorted(map(str, (RESOURCES.parent / "eduapp").rglob("*.py")))
    subprocess.run([str(bin_dir / "pyside6-lupdate"), "-no-obsolete", "-pluralonly", *code,
                    "-ts", str(copy)], capture_output=True, text=True, timeout=120, check=True)
    text = copy.read_text(encoding="utf-8")  # a plural new to the file comes unfinished
    assert 'numerus="yes"' in text and 'type="unfinished"' not in text
