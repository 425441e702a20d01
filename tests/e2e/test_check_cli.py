"""`eduapp check`, run as a clinic educator runs it: a separate process, exit code and output.

Valid content exits 0 with a summary; any damage exits 1 and names the file and line; no
input ever produces a traceback.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.content_fixtures import REPO, copy_resources, line_of

pytestmark = pytest.mark.slow

FIRST_EN = Path("modules") / "01-why-pain-lasts" / "en.md"


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "eduapp", "check", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in done.stdout + done.stderr
    return done


def test_real_content_is_valid() -> None:
    done = _check()
    assert done.returncode == 0, done.stdout
    assert "en: 4 modules" in done.stdout


def test_unknown_placeholder_exits_1_and_names_file_and_line(tmp_path: Path) -> None:
    resources = copy_resources(tmp_path / "resources")
    en = resources / FIRST_EN
    lines = en.read_text(encoding="utf-8").splitlines(keepends=True)
    # Damage the first paragraph after the first screen heading.
    first_screen = next(i for i, line in enumerate(lines) if line.startswith("## "))
    target = next(i for i in range(first_screen + 1, len(lines))
                  if lines[i].strip() and not lines[i].startswith("!["))
    lines[target] = lines[target].rstrip("\n") + " Ask {{nope}}.\n"
    text = "".join(lines)
    en.write_text(text, encoding="utf-8")

    done = _check("--resources", str(resources))
    assert done.returncode == 1
    assert f"{en}:{line_of(text, '{{nope}}')}: " in done.stdout
    assert "1 problem found." in done.stdout


def test_other_modules_are_still_checked_after_a_damage(tmp_path: Path) -> None:
    resources = copy_resources(tmp_path / "resources")
    folders = sorted((resources / "modules").iterdir())
    first, last = folders[0], folders[-1]
    for folder in (first, last):
        en = folder / "en.md"
        en.write_text(en.read_text(encoding="utf-8") + "\n{{nope}}\n", encoding="utf-8")
    done = _check("--resources", str(resources))
    assert done.returncode == 1
    assert f"{first / 'en.md'}:" in done.stdout
    assert f"{last / 'en.md'}:" in done.stdout


def test_empty_resources_folder_exits_1_without_traceback(tmp_path: Path) -> None:
    done = _check("--resources", str(tmp_path))
    assert done.returncode == 1
    assert "problem" in done.stdout
    assert f"{tmp_path}" in done.stdout


def test_missing_resources_folder_exits_1_without_traceback(tmp_path: Path) -> None:
    done = _check("--resources", str(tmp_path / "nowhere"))
    assert done.returncode == 1


def test_unset_phones_warn_and_fail_only_a_deployment_check(tmp_path: Path) -> None:
    done = _check()  # the shipped defaults have no phone numbers: content authors may go on
    assert done.returncode == 0, done.stdout
    shipped = (REPO / "resources" / "clinic.toml").read_text(encoding="utf-8")
    for key in ("clinic_phone", "after_hours_phone"):
        line = line_of(shipped, f'{key} = ""')
        assert f"resources/clinic.toml:{line}: warning: '{key}' " in done.stdout
    done = _check("--deployment")
    assert done.returncode == 1
    assert "2 problems found." in done.stdout

    data = tmp_path / "data"
    data.mkdir()
    copy = '[clinic]\nclinic_phone = "(555) 123-4567"\nafter_hours_phone = "on your paper"\n'
    (data / "clinic.toml").write_text(copy, encoding="utf-8")
    done = _check("--deployment", "--data-dir", str(data))
    assert done.returncode == 1
    where = f"{data / 'clinic.toml'}:{line_of(copy, 'after_hours_phone')}: "
    assert where + "'after_hours_phone' must be a phone number" in done.stdout
    assert where + "'after_hours_phone' is not set to a phone number" in done.stdout
    assert "clinic_phone" not in done.stdout
    (data / "clinic.toml").write_text(copy.replace("on your paper", "555.987.6543"),
                                      encoding="utf-8")
    done = _check("--deployment", "--data-dir", str(data))
    assert done.returncode == 0, done.stdout
    assert ": warning:" not in done.stdout


def test_an_objective_without_a_reserve_question_names_the_file_and_objective(
        tmp_path: Path) -> None:
    resources = copy_resources(tmp_path / "resources")
    toml = resources / "modules" / "02-mind-and-body" / "module.toml"
    text = toml.read_text(encoding="utf-8")
    blocks = text.split("[[questions]]")
    reserve = next(i for i, block in enumerate(blocks) if "reserve = true" in block)
    objective = blocks[reserve].split('objective = "')[1].split('"')[0]
    others = [b for b in blocks[1:] if f'objective = "{objective}"' in b and b != blocks[reserve]]
    assert others and all("reserve = true" not in b for b in others)  # its only reserve
    blocks[reserve] = blocks[reserve].replace("reserve = true\n", "")
    text = "[[questions]]".join(blocks)
    toml.write_text(text, encoding="utf-8")

    done = _check("--resources", str(resources))
    assert done.returncode == 1
    assert (f"{toml}:{line_of(text, 'objectives =')}: objective '{objective}' has no reserve "
            "question") in done.stdout


def test_fasting_hours_that_are_not_a_whole_number_name_the_clinics_file(tmp_path: Path) -> None:
    copy = tmp_path / "clinic.toml"
    text = '[clinic]\nclinic_name = "Hillside"\nno_food_hours = "eight"\n'
    copy.write_text(text, encoding="utf-8")
    done = _check("--data-dir", str(tmp_path))
    assert done.returncode == 1
    assert (f"{copy}:{line_of(text, 'no_food_hours')}: 'no_food_hours' must be a whole number "
            "of hours from 0 to 24") in done.stdout
    assert "1 problem found." in done.stdout
