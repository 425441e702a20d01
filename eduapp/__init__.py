"""eduapp: patient education about chronic pain and ketamine infusion therapy."""

from __future__ import annotations


def version() -> str:
    """The installed version (read on demand: importlib.metadata is slow to import)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("eduapp")
    except PackageNotFoundError:  # a frozen build or a source tree without metadata
        return "0.1.0"
