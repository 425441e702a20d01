"""Saving the clinic settings from clinician mode: checked, complete, and never half-written.

What matters to a clinic: what is saved is what is read at the next start; a wrong value is
refused with a message saying what it must be; a failed write leaves the old file as it was.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from eduapp.core import clinic
from eduapp.core.clinic import (
    APP_KEYS,
    CLINIC_KEYS,
    SETTINGS_FILE,
    ClinicSettings,
    Must,
    SettingProblem,
    SettingsError,
    load_settings,
    save_settings,
    settings_problems,
    with_changes,
)
from eduapp.core.paths import installed_languages
from tests.content_fixtures import RESOURCES, line_of

EVERYTHING = {
    "clinic_name": 'Clínica "Esperanza" \\ Süd',
    "clinic_phone": "555-0100",
    "after_hours_phone": "+1 (555) 019-9000",
    "emergency_number": "112",
    "no_food_hours": "6",
    "clear_liquids_hours": "2",
    "arrival_minutes": "45",
    "session_hours": "2 to 3",
    "driver_rule": "A friend drives you home.\nNo taxi, no bus.",
    "default_language": "en",
    "languages": ["en"],
    "idle_seconds": "300",
    "kiosk": True,
    "text_size": 1,
    "high_contrast": True,
    "paper": "a4",
    "keep_days": " 90 ",
}


PHONES = '[clinic]\nclinic_phone = "555-0100"\nafter_hours_phone = "555-0199"\n'


@pytest.fixture(scope="module")
def defaults(tmp_path_factory: pytest.TempPathFactory) -> ClinicSettings:
    """The shipped defaults, with the phone numbers a clinic sets first."""
    folder = tmp_path_factory.mktemp("phones")
    (folder / SETTINGS_FILE).write_text(PHONES, encoding="utf-8")
    return load_settings(RESOURCES, folder)


def test_defaults_include_retention_and_languages(defaults: ClinicSettings) -> None:
    assert defaults.problems == []
    assert settings_problems(defaults) == {}
    defaults = load_settings(RESOURCES, None)  # as shipped
    assert defaults.keep_days == 365
    assert defaults.languages == ("en", "es")
    # shipped without phone numbers: the form cannot be saved until staff enter them
    assert settings_problems(defaults) == {"clinic_phone": SettingProblem(Must.NOT_EMPTY),
                                           "after_hours_phone": SettingProblem(Must.NOT_EMPTY)}


def test_saved_settings_load_back_the_same(tmp_path: Path, defaults: ClinicSettings) -> None:
    changed = with_changes(defaults, EVERYTHING)
    save_settings(changed, tmp_path / SETTINGS_FILE)
    loaded = load_settings(RESOURCES, tmp_path)
    assert loaded == changed
    assert loaded.problems == []
    assert loaded.name == 'Clínica "Esperanza" \\ Süd'
    assert loaded.values["driver_rule"] == "A friend drives you home. No taxi, no bus."
    assert (loaded.idle_seconds, loaded.keep_days, loaded.text_size) == (300, 90, 1)
    assert (loaded.kiosk, loaded.high_contrast, loaded.paper) == (True, True, "a4")


def test_the_file_holds_every_key_with_a_comment(tmp_path: Path,
                                                 defaults: ClinicSettings) -> None:
    path = tmp_path / SETTINGS_FILE
    save_settings(defaults, path)
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert set(data) == {"clinic", "app"}
    assert set(CLINIC_KEYS) <= set(data["clinic"])
    assert set(data["app"]) == set(APP_KEYS)
    lines = text.splitlines()
    common = text.split("[clinic.es]")[0]  # the Spanish wording repeats some keys after it
    for key in CLINIC_KEYS:
        assert lines[line_of(common, f"{key} =") - 2].startswith("# "), key
    for key in APP_KEYS:
        assert lines[line_of(text, f"{key} =") - 2].startswith("# "), key


def test_spanish_wording_is_saved_and_used_for_spanish_content(
        tmp_path: Path, defaults: ClinicSettings) -> None:
    assert defaults.values_for("es")["session_hours"] == "1 y 4"
    assert defaults.values_for("en")["session_hours"] == "1 to 4"
    save_settings(defaults, tmp_path / SETTINGS_FILE)
    again = load_settings(RESOURCES, tmp_path)
    assert again.problems == []
    assert again.translated == defaults.translated


def test_spanish_patients_read_the_session_length_as_between_two_numbers(
        defaults: ClinicSettings) -> None:
    from eduapp.core.content.loader import load_library

    library = load_library(RESOURCES, defaults.placeholders(),
                           translated=defaults.translated_placeholders())
    session = next(m for m in library.for_language("es") if m.id == "your-infusion-session")
    text = " ".join(s.markdown for s in session.screens)
    assert "suele durar entre 1 y 4 horas" in text
    english = next(m for m in library.for_language("en") if m.id == "your-infusion-session")
    assert "about 1 to 4 hours" in " ".join(s.markdown for s in english.screens)


def test_a_value_changed_without_its_spanish_wording_is_shown_as_written(
        tmp_path: Path, defaults: ClinicSettings) -> None:
    """A clinic's own rule must never be replaced by the shipped Spanish of the old rule."""
    (tmp_path / SETTINGS_FILE).write_text(
        '[clinic]\ndriver_rule = "Take a taxi home with a friend"\n', encoding="utf-8")
    mine = load_settings(RESOURCES, tmp_path)
    assert mine.values_for("es")["driver_rule"] == "Take a taxi home with a friend"
    assert mine.values_for("es")["session_hours"] == "1 y 4"  # not changed: still Spanish
    edited = with_changes(defaults, {"session_hours": "2"})
    assert edited.values_for("es")["session_hours"] == "2"
    assert edited.values_for("es")["driver_rule"] == defaults.values_for("es")["driver_rule"]


def test_placeholders_of_the_clinic_own_are_kept(tmp_path: Path,
                                                 defaults: ClinicSettings) -> None:
    (tmp_path / SETTINGS_FILE).write_text(PHONES + 'parking = "Level 2"\n"odd key" = "x"\n',
                                          encoding="utf-8")
    mine = load_settings(RESOURCES, tmp_path)
    save_settings(mine, tmp_path / SETTINGS_FILE)
    again = load_settings(RESOURCES, tmp_path)
    assert again.values["parking"] == "Level 2"
    assert again.values["odd key"] == "x"


@pytest.mark.parametrize(("key", "value", "must"), [
    ("idle_seconds", "5", SettingProblem(Must.WHOLE_NUMBER, 30, 3600)),
    ("idle_seconds", "ten", SettingProblem(Must.WHOLE_NUMBER, 30, 3600)),
    ("keep_days", "20", SettingProblem(Must.WHOLE_NUMBER, 30, 3650)),
    ("keep_days", "4000", SettingProblem(Must.WHOLE_NUMBER, 30, 3650)),
    ("clinic_name", "   ", SettingProblem(Must.NOT_EMPTY)),
    ("clinic_phone", "x" * 201, SettingProblem(Must.ONE_LINE, high=200)),
    ("clinic_phone", "the number on your paperwork", SettingProblem(Must.PHONE_NUMBER)),
    ("after_hours_phone", "55", SettingProblem(Must.PHONE_NUMBER)),
    ("session_hours", "{{clinic_name}}", SettingProblem(Must.NO_BRACES)),
    ("no_food_hours", "eight", SettingProblem(Must.WHOLE_HOURS, 0, 24)),
    ("arrival_minutes", "500", SettingProblem(Must.WHOLE_MINUTES, 0, 240)),
    ("clear_liquids_hours", "12", SettingProblem(Must.LIQUIDS_BEFORE_FOOD)),
    ("languages", [], SettingProblem(Must.LANGUAGE_CODES)),
    ("default_language", "fr", SettingProblem(Must.OFFERED)),
    ("paper", "legal", SettingProblem(Must.PAPER)),
    ("text_size", 3, SettingProblem(Must.TEXT_SIZE)),
])
def test_bad_values_are_refused_with_what_they_must_be(
        tmp_path: Path, defaults: ClinicSettings, key: str, value: object,
        must: SettingProblem) -> None:
    path = tmp_path / SETTINGS_FILE
    bad = with_changes(defaults, {key: value})
    with pytest.raises(SettingsError) as caught:
        save_settings(bad, path)
    assert caught.value.problems == {key: must}
    assert not path.exists()


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, defaults: ClinicSettings,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / SETTINGS_FILE
    path.write_text('[clinic]\nclinic_name = "Old Name"\n', encoding="utf-8")

    def broken_replace(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(clinic.os, "replace", broken_replace)
    with pytest.raises(SettingsError) as caught:
        save_settings(with_changes(defaults, {"clinic_name": "New Name"}), path)
    assert "not changed" in str(caught.value) and "No space left" in str(caught.value)
    assert caught.value.problems == {}
    assert path.read_text(encoding="utf-8") == '[clinic]\nclinic_name = "Old Name"\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == [SETTINGS_FILE]  # no temp file left


def test_a_folder_that_cannot_be_written_is_named(tmp_path: Path,
                                                  defaults: ClinicSettings) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        save_settings(defaults, blocker / SETTINGS_FILE)
    assert "cannot be written" in str(caught.value) and str(blocker) in str(caught.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root can write to a read-only folder")
def test_a_read_only_folder_is_refused(tmp_path: Path, defaults: ClinicSettings) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(SettingsError, match="cannot be written"):
            save_settings(defaults, tmp_path / SETTINGS_FILE)
    finally:
        tmp_path.chmod(0o700)


def test_the_saved_file_keeps_its_permissions(tmp_path: Path, defaults: ClinicSettings) -> None:
    path = tmp_path / SETTINGS_FILE
    path.write_text("", encoding="utf-8")
    path.chmod(0o644)
    save_settings(defaults, path)
    assert path.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(("line", "words"), [
    ("keep_days = 10", "keep_days must be a whole number from 30 to 3650"),
    ('languages = "en"', "languages must be a list"),
    ('languages = ["en", "en"]', "languages must be a list of different"),
])
def test_bad_retention_or_languages_in_a_copy_are_reported(tmp_path: Path,
                                                           defaults: ClinicSettings,
                                                           line: str, words: str) -> None:
    text = f"[app]\nidle_seconds = 200\n{line}\n"
    (tmp_path / SETTINGS_FILE).write_text(text, encoding="utf-8")
    settings = load_settings(RESOURCES, tmp_path)
    [problem] = settings.problems
    assert problem.line == 3 and words in problem.message
    assert (settings.keep_days, settings.languages) == (defaults.keep_days, defaults.languages)
    assert settings.idle_seconds == 200


def test_installed_languages_are_those_of_the_content() -> None:
    assert installed_languages(RESOURCES) == ("en", "es")
    assert installed_languages(RESOURCES / "nowhere") == ()
