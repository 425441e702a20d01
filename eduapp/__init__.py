"""eduapp: patient education about chronic pain and ketamine infusion therapy."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("eduapp")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
