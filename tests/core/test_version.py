"""One version: pyproject.toml's, the same in `eduapp --version`, the metadata and the build."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import eduapp
from eduapp.core import paths

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_eduapp_version_prints_the_pyproject_version_and_the_metadata_agrees():
    done = subprocess.run([sys.executable, "-m", "eduapp", "--version"], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == f"eduapp {VERSION}"
    assert importlib.metadata.version("eduapp") == VERSION


def test_a_source_tree_that_was_never_installed_reads_pyproject(monkeypatch):
    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert eduapp.version() == VERSION


def test_no_second_copy_of_the_version_in_the_code_or_the_build():
    places = [*(ROOT / "eduapp").rglob("*.py"), ROOT / "build.spec", ROOT / "hatch_build.py"]
    copies = [str(p.relative_to(ROOT)) for p in places if f'"{VERSION}"' in p.read_text()]
    assert copies == []


def test_resources_are_found_in_the_checkout_and_inside_the_frozen_app(monkeypatch, tmp_path):
    assert paths.resources_dir() == ROOT / "resources"
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "eduapp" / "resources"


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_the_data_folder_is_apart_from_the_installed_program(monkeypatch, tmp_path, platform):
    """An update replaces the program's folder; the data folder is the user's, apart from it."""
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    data = paths.default_data_dir()
    expected = {"win32": tmp_path / "AppData" / "Local" / "eduapp",
                "darwin": tmp_path / "Library" / "Application Support" / "eduapp",
                "linux": tmp_path / "share" / "eduapp"}[platform]
    assert data == expected
