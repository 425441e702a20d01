"""eduapp: patient education about chronic pain and ketamine infusion therapy."""

from __future__ import annotations


def version() -> str:
    """The version, whose one source is `version` in pyproject.toml.

    An installed eduapp (wheel, editable install, or the frozen app, which carries the
    package's metadata) reads it from its metadata; a source tree that was never installed
    reads pyproject.toml. Read on demand: importlib.metadata is slow to import.
    """
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("eduapp")
    except PackageNotFoundError:
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
