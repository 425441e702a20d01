"""One patient's visit: what they read and answered, saved as they go.

The visit keeps working when the database cannot be written: it remembers the quizzes in
memory, and `saving_problem` says why results are not being saved.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from eduapp.core.model import Module, Screen
from eduapp.core.quiz import Answer, QuizSession, Results, score
from eduapp.core.store import Store, StoreError

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class ModuleStatus:
    """What the module list shows on a module's card."""

    done: bool
    results: Results | None


class Visit:
    """A session of one patient: started fresh, or resumed after the app was reopened."""

    def __init__(self, store: Store | None, language: str, *, resume_within: int = 0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.language = language
        self.saving_problem: str | None = None if store else "no database is open"
        self._clock = clock
        self._finished: dict[str, list[Answer]] = {}  # module id -> answers of latest quiz
        self._attempt: int | None = None
        self._view: tuple[int, float] | None = None
        self.session_id = self._save(lambda s: self._open(s, resume_within)) or 0

    def _open(self, store: Store, resume_within: int) -> int:
        session = store.resumable_session(resume_within) if resume_within else None
        if session is None:
            return store.start_session(self.language)
        for attempt in store.attempts(session):
            if attempt.finished_at is not None:
                self._finished[attempt.module_id] = list(attempt.answers)
        log.info("resumed an open session")
        return session

    def status(self, module: Module) -> ModuleStatus:
        answers = self._finished.get(module.id)
        if answers is None:
            return ModuleStatus(False, None)
        return ModuleStatus(True, score(module, answers))

    def start_quiz(self, module: Module) -> QuizSession:
        self._attempt = self._save(
            lambda s: s.start_attempt(self.session_id, module.id, self.language))

        def saved(answer: Answer) -> None:
            q = next(q for q in module.questions if q.id == answer.question_id)
            if self._attempt is not None:
                attempt = self._attempt
                self._save(lambda s: s.add_answer(attempt, answer, q.objective))
                self._save(lambda s: s.touch_session(self.session_id))

        return QuizSession(module, on_answer=saved)

    def finish_quiz(self, quiz: QuizSession) -> Results:
        results = quiz.results()
        self._finished[quiz.module.id] = list(quiz.answers)
        if self._attempt is not None:
            attempt = self._attempt
            self._save(lambda s: s.finish_attempt(attempt, stopped=not results.all_understood))
        self._attempt = None
        return results

    def show_screen(self, module: Module, screen: Screen) -> None:
        """Record a screen view; the time on the previous screen is closed first."""
        self.leave_screen()
        view = self._save(lambda s: s.view_screen(self.session_id, module.id, screen.id,
                                                  self.language))
        if view:
            self._view = (view, self._clock())

    def leave_screen(self) -> None:
        if self._view is not None:
            view, since = self._view
            self._view = None
            self._save(lambda s: s.leave_screen(view, self._clock() - since))

    def end(self) -> None:
        self.leave_screen()
        self._save(lambda s: s.end_session(self.session_id))

    def _save(self, write: Callable[[Store], T]) -> T | None:
        if self.store is None:
            return None
        try:
            result = write(self.store)
        except StoreError as err:
            if self.saving_problem != str(err):
                log.warning("results are not being saved: %s", err)
            self.saving_problem = str(err)
            return None
        self.saving_problem = None
        return result
