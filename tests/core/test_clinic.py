"""Clinic settings: the shipped defaults, and a clinic's own copy in the data folder.

The copy wins key by key; a broken copy is reported as `path:line: message` and the app
goes on with the defaults. Line numbers are counted in the text each test writes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eduapp.core.clinic import SETTINGS_FILE, ClinicSettings, load_settings
from tests.content_fixtures import REPO, RESOURCES, line_of


def _documented_placeholders() -> set[str]:
    """The placeholder names in the table of docs/CONTENT.md."""
    text = (REPO / "docs" / "CONTENT.md").read_text(encoding="utf-8")
    table = text.split("## Placeholders", 1)[1]
    return set(re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.MULTILINE))


def _with_copy(tmp_path: Path, text: str | bytes) -> tuple[ClinicSettings, Path]:
    path = tmp_path / SETTINGS_FILE
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return load_settings(RESOURCES, tmp_path), path


@pytest.fixture(scope="module")
def defaults() -> ClinicSettings:
    return load_settings(RESOURCES, None)


def test_defaults_load_and_fill_every_documented_placeholder(defaults: ClinicSettings) -> None:
    assert defaults.problems == []
    documented = _documented_placeholders()
    assert {"clinic_name", "clinic_phone", "driver_rule"} <= documented  # the table was read
    missing = {name for name in documented if not defaults.placeholders().get(name, "").strip()}
    assert missing == set()  # the phones are shipped unset: they read as the [unset] wording
    assert defaults.missing_phones == ("clinic_phone", "after_hours_phone")
    assert {defaults.values["clinic_phone"], defaults.values["after_hours_phone"]} == {""}
    spanish = defaults.translated_placeholders()["es"]
    assert "clínica" in spanish["clinic_phone"] and "horario" in spanish["after_hours_phone"]
    assert defaults.name == defaults.values["clinic_name"]
    assert defaults.default_language == "en"
    assert 30 <= defaults.idle_seconds <= 3600


@pytest.mark.parametrize(("phone", "valid"), [
    ("(555) 123-4567", True), ("+1 555.123.4567", True), ("911", True), ("12", False),
    ("call the desk", False), ("555-0100 ext 2", False), ("", False), ("   ", False)])
def test_a_phone_number_is_digits_and_a_few_signs(tmp_path: Path, phone: str,
                                                  valid: bool) -> None:
    text = f'[clinic]\nclinic_phone = "{phone}"\nafter_hours_phone = "555-0199"\n'
    settings, path = _with_copy(tmp_path, text)
    assert settings.missing_phones == (() if valid else ("clinic_phone",))
    bad = [p for p in settings.problems if "phone number" in p.message]
    if valid or not phone.strip():  # unset is not a broken file: `eduapp check` warns
        assert bad == []
    else:
        assert [(p.path, p.line) for p in bad] == [(path, line_of(text, "clinic_phone"))]
    if valid:
        assert settings.placeholders()["clinic_phone"] == phone
        assert "clinic_phone" not in settings.translated_placeholders().get("es", {})


def test_empty_data_folder_changes_nothing(tmp_path: Path, defaults: ClinicSettings) -> None:
    assert load_settings(RESOURCES, tmp_path) == defaults


def test_copy_in_data_folder_overrides_one_key_and_keeps_the_rest(
        tmp_path: Path, defaults: ClinicSettings) -> None:
    settings, _ = _with_copy(tmp_path, '[clinic]\nclinic_phone = "555-0199"\n')
    assert settings.problems == []
    assert settings.values["clinic_phone"] == "555-0199"
    assert settings.values == {**defaults.values, "clinic_phone": "555-0199"}
    assert settings.idle_seconds == defaults.idle_seconds
    assert settings.default_language == defaults.default_language


def test_copy_can_set_app_settings(tmp_path: Path, defaults: ClinicSettings) -> None:
    settings, _ = _with_copy(tmp_path, '[app]\nidle_seconds = 300\ndefault_language = "es"\n')
    assert settings.problems == []
    assert (settings.idle_seconds, settings.default_language) == (300, "es")
    assert settings.values == defaults.values


def test_numbers_are_accepted_as_placeholder_text(tmp_path: Path) -> None:
    settings, _ = _with_copy(tmp_path, "[clinic]\nno_food_hours = 6\n")
    assert settings.problems == []
    assert settings.values["no_food_hours"] == "6"


def test_broken_copy_is_reported_at_its_line_and_defaults_stay(
        tmp_path: Path, defaults: ClinicSettings) -> None:
    text = '[clinic]\nclinic_name = "Hope Clinic"\nclinic_phone = "555-0199\n'
    settings, path = _with_copy(tmp_path, text)
    [problem] = settings.problems
    assert (problem.path, problem.line) == (path, line_of(text, "clinic_phone"))
    assert str(problem) == f"{path}:{problem.line}: {problem.message}"
    assert "TOML" in problem.message
    # Nothing of the broken file is used, not even its valid first line.
    assert settings.values == defaults.values


@pytest.mark.parametrize("idle", ["5", "100000", "true", '"ten minutes"', "90.5"])
def test_idle_seconds_out_of_range_is_reported(tmp_path: Path, defaults: ClinicSettings,
                                               idle: str) -> None:
    text = f'[clinic]\nclinic_name = "Hope Clinic"\n\n[app]\nidle_seconds = {idle}\n'
    settings, path = _with_copy(tmp_path, text)
    [problem] = settings.problems
    assert str(problem) == f"{path}:{line_of(text, 'idle_seconds')}: {problem.message}"
    assert "idle_seconds" in problem.message
    assert settings.idle_seconds == defaults.idle_seconds
    assert settings.name == "Hope Clinic"  # the rest of the file still counts


def test_bad_language_code_is_reported(tmp_path: Path, defaults: ClinicSettings) -> None:
    text = '[app]\ndefault_language = "English"\n'
    settings, path = _with_copy(tmp_path, text)
    [problem] = settings.problems
    assert (problem.path, problem.line) == (path, line_of(text, "default_language"))
    assert settings.default_language == defaults.default_language


def test_missing_shipped_defaults_are_reported(tmp_path: Path) -> None:
    settings = load_settings(tmp_path, None)
    assert [p.path for p in settings.problems] == [tmp_path / SETTINGS_FILE]


def test_invalid_utf8_is_reported_at_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    text = '[clinic]\nclinic_name = "Hope Clinic"\nclinic_phone = "555-0199 @"\n'
    settings, path = _with_copy(tmp_path, text.encode().replace(b"@", b"\xe9"))
    [problem] = settings.problems
    assert (problem.path, problem.line) == (path, line_of(text, "@"))


def test_invalid_utf8_after_a_bom_is_reported_at_the_right_line(tmp_path: Path) -> None:
    text = '[clinic]\nclinic_name = "Hope Clinic"\n@clinic_phone = "555-0199"\n'
    data = b"\xef\xbb\xbf" + text.encode().replace(b"@", b"\xe9")
    settings, path = _with_copy(tmp_path, data)
    [problem] = settings.problems
    assert (problem.path, problem.line) == (path, line_of(text, "@"))
