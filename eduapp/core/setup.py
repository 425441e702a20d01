"""The Qt-free half of start-up: data folder, logging, clinic settings, content, database.

Every step degrades instead of failing: an unwritable folder means no log file and no saved
results (and says so); a damaged database is kept aside under a clear name and a fresh one
is made; broken content hides the broken module only.
"""

from __future__ import annotations

import atexit
import logging
import logging.handlers
import os
import shutil
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from eduapp.core.clinic import ClinicSettings, load_settings
from eduapp.core.loader import load_library
from eduapp.core.model import Library, Module
from eduapp.core.paths import default_data_dir, resources_dir
from eduapp.core.store import DB_NAME, Store, StoreError

log = logging.getLogger(__name__)


@dataclass
class Options:
    """What the command line asked for."""

    data_dir: Path | None = None
    temp_data: bool = False
    resources: Path | None = None
    lang: str | None = None


@dataclass
class Context:
    """Everything the app needs, loaded once."""

    resources: Path
    data_dir: Path | None
    settings: ClinicSettings
    library: Library
    language: str
    store: Store | None
    notices: list[str] = field(default_factory=list)  # for the clinician, never the patient
    first_copy: bool = True  # False: another copy of eduapp uses the same data folder

    @property
    def modules(self) -> list[Module]:
        return self.library.for_language(self.language)


def resolve_data_dir(options: Options) -> Path | None:
    """Make the data folder; None when it cannot be written."""
    if options.temp_data:
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="eduapp-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        return folder
    folder = options.data_dir or default_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        import tempfile

        # a name of its own: a second copy of the app may be probing the same folder
        handle, probe = tempfile.mkstemp(prefix=".write-test-", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as err:
        log.error("the data folder %s cannot be written: %s", folder, err.strerror)
        return None
    return folder


def setup_logging(data_dir: Path | None, *, verbose: bool = False) -> None:
    """Log to data_dir/logs/eduapp.log (rotated) and warnings to stderr. No patient data."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        if getattr(handler, "eduapp", False):
            root.removeHandler(handler)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    handlers: list[logging.Handler] = [console]
    if data_dir is not None:
        try:
            (data_dir / "logs").mkdir(exist_ok=True)
            handlers.append(logging.handlers.RotatingFileHandler(
                data_dir / "logs" / "eduapp.log", maxBytes=1_000_000, backupCount=3,
                encoding="utf-8"))
        except OSError as err:
            console.setLevel(logging.INFO)
            log.warning("no log file: %s", err.strerror)
    for handler in handlers:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.eduapp = True  # type: ignore[attr-defined]
        root.addHandler(handler)


def open_store(data_dir: Path | None, notices: list[str]) -> Store | None:
    """Open the database; a damaged one is moved aside (never deleted) and a new one made."""
    if data_dir is None:
        notices.append("Results are not being saved: the data folder cannot be written.")
        return None
    path = data_dir / DB_NAME
    try:
        return Store.open(path)
    except StoreError as err:
        if "damaged" not in str(err):
            notices.append(f"Results are not being saved: {err}.")
            log.error("cannot open the database: %s", err)
            return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{DB_NAME}.damaged-{stamp}")
    number = 1
    while aside.exists():  # never overwrite an earlier damaged copy
        number += 1
        aside = path.with_name(f"{DB_NAME}.damaged-{stamp}-{number}")
    try:
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{path}{suffix}")
            if part.exists():
                part.rename(Path(f"{aside}{suffix}"))
        store = Store.open(path)
    except (OSError, StoreError) as err:
        notices.append(f"Results are not being saved: the database is damaged ({err}).")
        return None
    notices.append(f"The database was damaged. It was kept as {aside.name} and a new one "
                   "was started.")
    log.error("damaged database kept as %s; a new one was started", aside.name)
    return store


def purge_old_sessions(store: Store, keep_days: int) -> int:
    """Delete sessions older than the clinic keeps them (`keep_days`); never raises."""
    try:
        deleted = store.purge_older_than(keep_days)
    except StoreError as err:
        log.error("old sessions could not be deleted: %s", err)
        return 0
    if deleted:
        log.info("deleted %d sessions older than %d days", deleted, keep_days)
    return deleted


def prepare(options: Options) -> Context:
    """Load settings and content, open the database: steps 2 and 5-6 of app start-up."""
    resources = options.resources or resources_dir()
    data_dir = resolve_data_dir(options)
    setup_logging(data_dir)
    settings = load_settings(resources, data_dir)
    for problem in settings.problems:
        log.warning("clinic settings: %s (defaults used)", problem)
    library = load_library(resources, settings.values, translated=settings.translated)
    for problem in library.problems:
        log.warning("content: %s", problem)
    wanted = options.lang or settings.default_language
    language = wanted if wanted in library.languages else (
        "en" if "en" in library.languages else next(iter(library.languages), wanted))
    if language != wanted:
        log.warning("language %r has no content; using %r", wanted, language)
    notices = [f"Module '{m}' is broken and hidden from patients: {why}"
               for m, why in library.broken.items()]
    first_copy = data_dir is None or hold_data_folder(data_dir)
    if not first_copy:
        log.info("another copy of eduapp is using this data folder; both save to it")
    store = open_store(data_dir, notices)
    if store is not None:
        purge_old_sessions(store, settings.keep_days)
    return Context(resources, data_dir, settings, library, language, store, notices,
                   first_copy)


_held: list[object] = []  # the open lock file, for as long as this process runs


def hold_data_folder(data_dir: Path) -> bool:
    """Lock `eduapp.lock` in the data folder for this process; False when another copy holds it.

    Two copies may share a data folder (SQLite lets both write), but only the first may pick
    up a session left open by an earlier run: the other's open session is someone else's
    patient. The operating system drops the lock when the process ends, even when killed.
    """
    try:
        handle = open(data_dir / "eduapp.lock", "a+b")  # noqa: SIM115  held until exit
    except OSError:
        return True  # cannot tell; the database still works
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return False
    _held.append(handle)
    return True
