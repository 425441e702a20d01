"""The Qt-free half of start-up: data folder, logging, clinic settings, content, database.

`prepare` does what the first frame needs (folder, logging, settings, which languages exist);
the content and the database load on first use or on `Context.load()`, which the app calls
right after its first frame. Every step degrades instead of failing: an unwritable folder
means no log file and no saved results (and says so); a damaged database is kept aside under a
clear name and a fresh one is made; broken content hides the broken module only.
"""

from __future__ import annotations

import atexit
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from eduapp.core.clinic import ClinicSettings, load_settings
from eduapp.core.paths import default_data_dir, installed_languages, resources_dir
from eduapp.core.storage.problems import StoreError, StoreProblem

if TYPE_CHECKING:  # loaded after the first frame: parsing content and SQLite wait till then
    from eduapp.core.content.model import Library, Module
    from eduapp.core.storage.clinic_settings import Synced
    from eduapp.core.storage.listener import Listener
    from eduapp.core.storage.sender import Sender
    from eduapp.core.storage.sqlite import Store

log = logging.getLogger(__name__)


@dataclass
class Options:
    """What the command line asked for."""

    data_dir: Path | None = None
    temp_data: bool = False
    resources: Path | None = None
    lang: str | None = None


class NoticeKind(StrEnum):
    """What the clinician must know about how the app started."""

    NOT_SAVING = "not-saving"  # no database: `problem` says why
    DAMAGED_KEPT = "damaged-kept"  # the damaged database was kept as `subject`; a new one made
    BROKEN_MODULE = "broken-module"  # module `subject` is hidden; `detail` is the problem
    WAITING = "waiting"  # `count` writes wait in memory: `problem` says why
    PHONES_UNSET = "phones-unset"  # the clinic's phone numbers are not set


@dataclass(frozen=True)
class Notice:
    """A fact for the clinician workspace, worded there; `str()` is for the log."""

    kind: NoticeKind
    subject: str = ""
    problem: StoreProblem | None = None
    detail: str = ""  # a content problem as `path:line: message`, for the educator
    count: int = 0

    def __str__(self) -> str:
        parts = [self.kind.value, self.subject, self.problem or "", self.detail,
                 str(self.count) if self.count else ""]
        return ": ".join(part for part in parts if part)


@dataclass
class Context:
    """Everything the app needs, each part loaded once.

    The content and the database load on first use (`library`, `store`) or with `load()`.
    """

    resources: Path
    data_dir: Path | None
    settings: ClinicSettings
    languages: tuple[str, ...]  # those the content is written in
    language: str
    notices: list[Notice] = field(default_factory=list)  # for the clinician, never the patient
    first_copy: bool = True  # False: another copy of eduapp uses the same data folder
    _library: Library | None = field(default=None, repr=False)
    _store: Store | None = field(default=None, repr=False)
    _store_tried: bool = field(default=False, repr=False)
    sender: Sender | None = field(default=None, repr=False)  # clinic mode: the outbox's sender
    # clinic mode: hears the clinic's settings and PIN change, and keeps this device's copy;
    # `on_clinic_change` (set by the app) is called on the listener's thread after a change
    settings_sync: Listener | None = field(default=None, repr=False)
    on_clinic_change: Callable[[Synced], None] | None = field(default=None, repr=False)

    @property
    def library(self) -> Library:
        """Every module in every language, parsed the first time it is asked for."""
        if self._library is None:
            from eduapp.core.content.loader import load_library

            library = load_library(self.resources, self.settings.placeholders(),
                                   translated=self.settings.translated_placeholders())
            for problem in library.problems:
                log.warning("content: %s", problem)
            self.notices.extend(Notice(NoticeKind.BROKEN_MODULE, m, detail=str(why))
                                for m, why in library.broken.items())
            self._library = library
        return self._library

    def reload_content(self) -> None:
        """Parse the content again when next asked for, e.g. with newly saved settings."""
        self._library = None
        self.notices[:] = [n for n in self.notices if n.kind is not NoticeKind.BROKEN_MODULE]

    @property
    def store(self) -> Store | None:
        """The database, opened the first time it is asked for; None when it cannot be."""
        if not self._store_tried:
            self._store_tried = True
            self._store = open_store(self.data_dir, self.notices)
            if self._store is not None:
                purge_old_sessions(self._store, self.settings.keep_days)
                # first: sessions ended below are sent to the clinic too
                self.sender = start_sender(self._store, self.data_dir)
                if self.sender is not None:
                    self.settings_sync = self._start_settings_sync()
                if self.first_copy:
                    end_open_sessions(self._store)
        return self._store

    @property
    def modules(self) -> list[Module]:
        return self.library.for_language(self.language)

    def load(self) -> None:
        """Parse the content and open the database now, if not done yet."""
        _ = self.library, self.store

    def _start_settings_sync(self) -> Listener | None:
        from eduapp.core.storage.clinic_settings import start_sync
        from eduapp.core.storage.postgres import Connection

        connection = Connection.load(self.data_dir)
        if connection is None or self.data_dir is None:
            return None

        def changed(synced: Synced) -> None:
            if self.on_clinic_change is not None:
                self.on_clinic_change(synced)

        return start_sync(connection.url, self.data_dir, self.resources, changed)

    def close(self) -> None:
        """Stop sending to the clinic and close the database, if they were started."""
        if self.settings_sync is not None:
            self.settings_sync.stop()
        if self.sender is not None:
            self.sender.stop()
        if self._store is not None:
            self._store.close()


def resolve_data_dir(options: Options) -> Path | None:
    """Make the data folder; None when it cannot be written."""
    if options.temp_data:
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="eduapp-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        return folder
    folder = options.data_dir or default_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # a name of its own (this process's): a second copy may be probing the same folder
        probe = folder / f".write-test-{os.getpid()}"
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        probe.unlink()
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
            handlers.append(RotatingLog(data_dir / "logs" / "eduapp.log"))
        except OSError as err:
            console.setLevel(logging.INFO)
            log.warning("no log file: %s", err.strerror)
    for handler in handlers:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.eduapp = True  # type: ignore[attr-defined]
        root.addHandler(handler)


class RotatingLog(logging.FileHandler):
    """A log file that moves to .1 (then .2, .3) when it reaches `max_bytes`.

    What logging.handlers.RotatingFileHandler does, without importing that module: it brings
    socket, pickle and queue with it, 12 ms of start-up that eduapp never uses.
    """

    def __init__(self, path: Path, max_bytes: int = 1_000_000, backups: int = 3) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups
        self._rotate_if_full()

    def emit(self, record: logging.LogRecord) -> None:
        super().emit(record)  # called with the handler's lock held, as is the rotation
        try:
            self._rotate_if_full()
        except Exception:  # a log problem must never stop the app
            self.handleError(record)

    def _rotate_if_full(self) -> None:
        if self.stream is None or self.stream.tell() < self.max_bytes:
            return
        self.stream.close()
        self.stream = None  # reopened by the next emit if not here
        path = Path(self.baseFilename)
        try:
            for number in range(self.backups - 1, 0, -1):
                older = path.with_name(f"{path.name}.{number}")
                if older.exists():
                    older.replace(path.with_name(f"{path.name}.{number + 1}"))
            path.replace(path.with_name(f"{path.name}.1"))
        except OSError:
            pass  # keep writing to the full file rather than lose the log
        self.stream = self._open()


def open_store(data_dir: Path | None, notices: list[Notice]) -> Store | None:
    """Open the database; a damaged one is moved aside (never deleted) and a new one made."""
    from eduapp.core.storage.sqlite import DB_NAME, Store

    if data_dir is None:
        notices.append(Notice(NoticeKind.NOT_SAVING, problem=StoreProblem.READ_ONLY))
        return None
    path = data_dir / DB_NAME
    try:
        return Store.open(path)
    except StoreError as err:
        if err.problem is not StoreProblem.DAMAGED:
            notices.append(Notice(NoticeKind.NOT_SAVING, problem=err.problem))
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
        notices.append(Notice(NoticeKind.NOT_SAVING, problem=StoreProblem.DAMAGED))
        log.error("the damaged database could not be replaced: %s", err)
        return None
    notices.append(Notice(NoticeKind.DAMAGED_KEPT, aside.name))
    log.error("damaged database kept as %s; a new one was started", aside.name)
    return store


def start_sender(store: Store, data_dir: Path | None) -> Sender | None:
    """Clinic mode (a connection file in the data folder): send the outbox in the background.

    Every change is written to the outbox from now on; the sender thread connects to the
    server by itself, so nothing here waits for the network.
    """
    from eduapp.core.storage.postgres import Connection

    connection = Connection.load(data_dir)
    if connection is None or store.path is None:
        return None
    from eduapp.core.storage.sender import Sender

    sender = Sender(store.path, connection)
    store.outbox = True
    store.on_outbox = sender.wake
    sender.start()
    log.info("clinic mode: sending results as device %r", connection.device_name)
    return sender


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


def end_open_sessions(store: Store) -> int:
    """End the sessions an earlier run left open (closed, killed, a power cut); never raises.

    Their answers stay for the care team; the next patient always gets a session of their
    own. Only the copy holding the data folder does this: another copy's open session is a
    patient still at it (should a restart of the first copy end it anyway, its answers still
    go on being saved to it).
    """
    try:
        ended = store.end_open_sessions()
    except StoreError as err:
        log.error("sessions left open could not be ended: %s", err)
        return 0
    if ended:
        log.info("ended %d sessions left open by an earlier run", ended)
    return ended


def prepare(options: Options, *, load: bool = True) -> Context:
    """Data folder, logging and clinic settings; then the content and the database.

    With `load=False` those two wait for first use or `Context.load()`: the app loads them
    after its first frame.
    """
    resources = options.resources or resources_dir()
    data_dir = resolve_data_dir(options)
    setup_logging(data_dir)
    settings = load_settings(resources, data_dir)
    for problem in settings.problems:
        log.warning("clinic settings: %s (defaults used)", problem)
    languages = installed_languages(resources)
    language = content_language(options.lang or settings.default_language, languages)
    first_copy = data_dir is None or hold_data_folder(data_dir)
    if not first_copy:
        log.info("another copy of eduapp is using this data folder; both save to it")
    context = Context(resources, data_dir, settings, languages, language, first_copy=first_copy)
    if load:
        context.load()
    return context


def content_language(wanted: str, languages: tuple[str, ...]) -> str:
    """`wanted` when there is content in it; else English, else the first there is."""
    language = wanted if wanted in languages else (
        "en" if "en" in languages else next(iter(languages), wanted))
    if language != wanted:
        log.warning("language %r has no content; using %r", wanted, language)
    return language


def reading_context(options: Options, data_dir: Path) -> Context:
    """The settings and content of a data folder, as start-up reads them, for a command.

    Unlike `prepare`, nothing is made or locked and logging is left alone; the database is
    the command's to open.
    """
    resources = options.resources or resources_dir()
    settings = load_settings(resources, data_dir)
    languages = installed_languages(resources)
    language = content_language(options.lang or settings.default_language, languages)
    return Context(resources, data_dir, settings, languages, language, _store_tried=True)


_held: list[object] = []  # the open lock file, for as long as this process runs


def hold_data_folder(data_dir: Path) -> bool:
    """Lock `eduapp.lock` in the data folder for this process; False when another copy holds it.

    Two copies may share a data folder (SQLite lets both write), but only the first ends the
    sessions an earlier run left open: the other's open session is a patient still at it.
    The operating system drops the lock when the process ends, even when killed.
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
