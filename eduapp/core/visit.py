"""One patient's visit: what they read and answered, saved as they go.

The visit keeps working when the database cannot be written (locked by another program, a
folder that cannot be written, a full disk): it remembers the quizzes in memory,
`saving_problem` says why results are not being saved, and every write that failed waits,
in order, to be written the next time anything is saved or `retry` is called. Nothing
answered is dropped while the app runs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eduapp.core.quiz import Answer, QuizSession, Results, score
from eduapp.core.storage.problems import StoreError, StoreProblem

if TYPE_CHECKING:  # the database module (and SQLite) loads when a store is first opened
    from eduapp.core.content.model import Module, Screen
    from eduapp.core.storage.sqlite import Store

log = logging.getLogger(__name__)
RETRY_SECONDS = 15.0  # after a failed write, later ones wait in memory this long before a try


@dataclass(frozen=True)
class ModuleStatus:
    """What the module list shows on a module's card."""

    done: bool
    results: Results | None


class Visit:
    """A session of one patient, always a new one.

    A session is never continued by a later visit or after a restart, so two people's answers
    never share one.
    """

    def __init__(self, store: Store | None, language: str, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.language = language
        self.saving_problem: StoreProblem | None = None if store else StoreProblem.NO_DATABASE
        self._clock = clock
        self._finished: dict[str, list[Answer]] = {}  # module id -> answers of latest quiz
        self._attempt: _Attempt | None = None
        self._view: tuple[_View, float] | None = None
        self._waiting: list[Callable[[Store], object]] = []  # failed writes, oldest first
        self._must_reach_disk = False  # something waiting is more than a screen view
        self._next_try = 0.0  # a locked database can take seconds to fail: not at every tap
        self.session_id = 0
        self._save(self._open)

    @property
    def unsaved(self) -> int:
        """How many writes are waiting for the database."""
        return len(self._waiting)

    def retry(self) -> bool:
        """Write what is waiting now; True when nothing is left waiting."""
        self._next_try = 0.0
        self._save()
        return not self._waiting

    def _open(self, store: Store) -> None:
        self.session_id = store.start_session(self.language)

    def status(self, module: Module) -> ModuleStatus:
        answers = self._finished.get(module.id)
        if answers is None:
            return ModuleStatus(False, None)
        return ModuleStatus(True, score(module, answers))

    def start_quiz(self, module: Module) -> QuizSession:
        attempt = self._attempt = _Attempt()

        def start(s: Store) -> None:
            attempt.id = s.start_attempt(self.session_id, module.id, self.language)

        self._save(start)

        def saved(answer: Answer) -> None:
            q = next(q for q in module.questions if q.id == answer.question_id)

            # committed together, so a retry never writes the answer twice
            self._save(lambda s: s.add_answer(attempt.id, answer, q.objective),
                       lambda s: s.touch_session(self.session_id))

        return QuizSession(module, on_answer=saved)

    def finish_quiz(self, quiz: QuizSession) -> Results:
        results = quiz.results()
        self._finished[quiz.module.id] = list(quiz.answers)
        attempt = self._attempt
        if attempt is not None:
            stopped = not results.all_understood
            self._save(lambda s: s.finish_attempt(attempt.id, stopped=stopped))
        self._attempt = None
        return results

    def show_screen(self, module: Module, screen: Screen) -> None:
        """Record a screen view; the time on the previous screen is closed first."""
        view = _View()

        def write(s: Store) -> None:
            view.id = s.view_screen(self.session_id, module.id, screen.id, self.language)

        self._save(*self._close_view(), write, reading=True)
        self._view = (view, self._clock())

    def leave_screen(self) -> None:
        self._save(*self._close_view(), reading=True)

    def end(self) -> None:
        self._save(*self._close_view(), lambda s: s.end_session(self.session_id))

    def _close_view(self) -> list[Callable[[Store], object]]:
        """The write that records the time spent on the screen on show, if any."""
        if self._view is None:
            return []
        view, since = self._view
        self._view = None
        seconds = self._clock() - since
        return [lambda s: s.leave_screen(view.id, seconds)]

    def _save(self, *writes: Callable[[Store], object], reading: bool = False) -> None:
        """Write what is waiting, then `writes`, in one transaction: one flush to disk.

        On failure nothing of it is written, and all of it waits, in order. Screen views
        (`reading`) alone do not wait for the disk on every page turn; the next answer's
        commit takes them there (see `Store.batch`).
        """
        if self.store is None:
            return
        self._waiting += writes
        self._must_reach_disk |= bool(writes) and not reading
        if not self._waiting or self._clock() < self._next_try:
            return  # the last try failed a moment ago: wait in memory for `retry` or later
        try:
            with self.store.batch(wait_for_disk=self._must_reach_disk):
                for write in self._waiting:
                    write(self.store)
        except StoreError as err:
            if self.saving_problem is not err.problem:
                log.warning("results are not being saved: %s (%d writes waiting)", err,
                            len(self._waiting))
            self.saving_problem = err.problem
            self._next_try = self._clock() + RETRY_SECONDS
            return
        self._waiting.clear()
        self._must_reach_disk = False
        if self.saving_problem is not None:
            log.info("results are being saved again")
        self.saving_problem = None


class _Attempt:
    """A quiz's row in the database, known once its first write succeeds."""

    id = 0


class _View:
    """A screen view's row in the database, known once it is written."""

    id = 0
