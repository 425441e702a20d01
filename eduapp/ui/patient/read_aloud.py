"""Read aloud: speaks what is on the current screen, with pause, stop and a slower speed.

The speech engine (QtTextToSpeech) runs in a helper process of its own
(`eduapp.ui.patient.speech_helper`), started on first use and only ever written to, never
waited on: an engine that hangs or crashes can neither freeze nor crash the app. Reading
counts as activity for the idle reset only until `deadline` runs out, the time the text
could take to read with a margin. An engine that fails, stops, hangs or has not finished by
then is given up (`unavailable`) and the button says read aloud is not available. Tests use
Qt's engine named "mock" (`EDUAPP_SPEECH_ENGINE=mock`).
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:  # QProcess and json load on first use, not before the first frame
    from PySide6.QtCore import QProcess

log = logging.getLogger(__name__)
SLOW_RATE = -0.35  # QTextToSpeech rates run from -1.0 to 1.0
WORDS_PER_MINUTE = 150  # a usual reading pace at the normal rate
START_SECONDS = 15.0  # speech-dispatcher took 11 s to start on first use, measured
MARGIN = 1.5


def reading_seconds(text: str, slow: bool, start: float = START_SECONDS) -> float:
    """The longest reading `text` may reasonably take: its words at a usual pace, a margin."""
    pace = WORDS_PER_MINUTE * (1 + SLOW_RATE if slow else 1)
    return start + MARGIN * 60 * len(text.split()) / pace


def helper_command(engine: str) -> list[str]:
    """How to start the speech helper: the frozen app runs itself with --speech-helper."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--speech-helper", engine]
    return [sys.executable, "-m", "eduapp.ui.patient.speech_helper", engine]


class ReadAloud(QObject):
    """One speech engine for the app; `state_changed` says 'idle', 'speaking' or 'paused'."""

    state_changed = Signal(str)
    unavailable = Signal()  # the engine failed, stopped, hung, or has no voice for the language

    def __init__(self, engine: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine_name = engine if engine is not None else os.environ.get(
            "EDUAPP_SPEECH_ENGINE", "")
        self.command = helper_command  # tests may start another helper
        self.start_seconds = START_SECONDS
        self.problem = ""  # why read aloud is not available on this computer
        self.slow = False
        self.state = "idle"
        self.language = "en"
        self.language_problem = ""  # no voice for the language on show
        self.engine_rate = 0.0  # as the engine last reported it
        self._helper: QProcess | None = None
        self._languages: list[str] | None = None  # the engine's, once it has said
        self._waiting: str | None = None  # text to read once the engine has said them
        self._ticket = 0
        self._left_ms = 0
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.timeout.connect(self._give_up)

    # the helper process ---------------------------------------------------------------------

    def _start(self) -> bool:
        if self._helper is not None or self.problem:
            return not self.problem
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as err:  # e.g. libpulse missing on Linux
            return self._fail(f"the speech module cannot load ({err})")
        engines = QTextToSpeech.availableEngines()  # plugin names only: nothing is started
        name = self.engine_name or next((e for e in engines if e != "mock"), "")
        if not name:
            return self._fail("no speech engine is installed")
        if name not in engines:
            return self._fail(f"the speech engine '{name}' is not installed")
        from PySide6.QtCore import QProcess

        helper = self._helper = QProcess(self)
        helper.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        helper.readyReadStandardOutput.connect(self._read)
        helper.finished.connect(self._ended)
        helper.errorOccurred.connect(self._ended)
        self.destroyed.connect(lambda: _end(helper))
        program, *args = self.command(name)
        helper.start(program, args)
        return True

    @property
    def available(self) -> bool:
        return self._start()

    def _send(self, message: dict[str, object]) -> None:
        import json

        if self._helper is not None and _running(self._helper):
            self._helper.write((json.dumps(message) + "\n").encode())

    def _read(self) -> None:
        import json

        while self._helper is not None and self._helper.canReadLine():  # None once given up
            try:
                report = json.loads(bytes(self._helper.readLine().data()).decode())
            except ValueError:
                continue
            self._heard(report)

    def _heard(self, report: dict[str, object]) -> None:
        if "problem" in report:
            self._give_up(str(report["problem"]))
        elif "languages" in report:
            self._languages = [str(code) for code in report["languages"]]  # type: ignore[attr-defined]
            text, self._waiting = self._waiting, None
            if text is not None and self.state != "idle":
                self._say(text)
                if self.state == "paused":
                    self._send({"do": "pause"})
        elif "rate" in report:
            self.engine_rate = float(report["rate"])  # type: ignore[arg-type]
        elif report.get("ticket") == self._ticket and self.state != "idle":
            # speaking and paused follow the buttons; the engine tells only the end
            if report.get("state") == "error":
                self._give_up("the speech engine reported an error")
            elif report.get("state") == "ready":
                self._set("idle")  # finished reading

    def _ended(self, *_: object) -> None:
        if self._helper is not None and not self.problem:
            self._give_up(f"the speech engine stopped ({self._helper.errorString()})")

    def _fail(self, problem: str) -> bool:
        self.problem = problem
        log.warning("read aloud is not available: %s", problem)
        return False

    def shutdown(self) -> None:
        """End the helper at once, whatever it is doing (at exit)."""
        helper, self._helper = self._helper, None
        if helper is not None:
            helper.finished.disconnect(self._ended)
            helper.errorOccurred.disconnect(self._ended)
            _end(helper)

    # what the buttons do --------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Read in `language` (a two-letter code) from the next `speak` on."""
        self.stop()
        self.language = language
        self.language_problem = ""

    def speak(self, text: str) -> bool:
        """Start reading `text`; False when speech is not available (`problem` says why).

        An engine that turns out to fail, hang or lack a voice for the language emits
        `unavailable` later; `problem` or `language_problem` then says why.
        """
        if not text.strip() or not self._start():
            return False
        if self._languages is not None and self.language not in self._languages:
            self._no_voice()
            return False
        self._ticket += 1
        self._left_ms = round(1000 * reading_seconds(text, self.slow, self.start_seconds))
        self._set("speaking")
        if self._languages is None:
            self._waiting = text  # read once the engine has said which languages it has
        else:
            self._say(text)
        return True

    def _say(self, text: str) -> None:
        if self.language not in (self._languages or ()):
            self._no_voice()
            self._set("idle")
            self.unavailable.emit()
            return
        self._send({"say": text, "language": self.language, "ticket": self._ticket,
                    "rate": SLOW_RATE if self.slow else 0.0})

    def _no_voice(self) -> None:
        self.language_problem = f"no voice for the language '{self.language}'"
        log.warning("read aloud is not available: %s", self.language_problem)

    def pause(self) -> None:
        if self.state == "speaking":
            self._send({"do": "pause"})
            self._set("paused")

    def resume(self) -> None:
        if self.state == "paused":
            self._send({"do": "resume"})
            self._set("speaking")

    def stop(self) -> None:
        """Stop at once; what the engine says about the old text later is ignored."""
        if self.state != "idle":
            self._ticket += 1
            self._waiting = None
            self._set("idle")
            self._send({"do": "stop"})

    def set_slow(self, slow: bool) -> None:
        if slow != self.slow and self.deadline.isActive():  # the rest takes longer, or less
            factor = 1 / (1 + SLOW_RATE) if slow else 1 + SLOW_RATE
            self.deadline.start(round(self.deadline.remainingTime() * factor))
        self.slow = slow
        self._send({"rate": SLOW_RATE if slow else 0.0})

    def _set(self, state: str) -> None:
        if state == "speaking" and not self.deadline.isActive():
            self.deadline.start(max(1, self._left_ms))
        elif state != "speaking" and self.deadline.isActive():
            self._left_ms = self.deadline.remainingTime()  # paused: the rest waits
            self.deadline.stop()
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def _give_up(self, why: str = "the speech engine did not finish in time") -> None:
        """The engine failed, stopped, hangs or never finishes: stop counting on it."""
        if not self.problem:
            self._fail(why)
        self._waiting = None
        self._set("idle")
        self.shutdown()
        self.unavailable.emit()


def _running(helper: QProcess) -> bool:
    from PySide6.QtCore import QProcess

    return helper.state() != QProcess.ProcessState.NotRunning


def _end(helper: QProcess) -> None:
    """Kill the helper (it may hang in its engine); a killed process is gone at once."""
    if _running(helper):
        helper.kill()
        helper.waitForFinished(1000)
