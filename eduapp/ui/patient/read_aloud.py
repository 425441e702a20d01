"""Read aloud: speaks what is on the current screen, with pause, stop and a slower speed.

QtTextToSpeech is loaded on first use, not at start-up. Where no speech engine works, the
button explains that instead of failing. Tests use Qt's engine named "mock"
(`EDUAPP_SPEECH_ENGINE=mock`).
"""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)
SLOW_RATE = -0.35  # QTextToSpeech rates run from -1.0 to 1.0


class ReadAloud(QObject):
    """One speech engine for the app; `state_changed` says 'idle', 'speaking' or 'paused'."""

    state_changed = Signal(str)

    def __init__(self, engine: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine_name = engine if engine is not None else os.environ.get(
            "EDUAPP_SPEECH_ENGINE", "")
        self._speech: Any = None
        self._tried = False
        self.problem = ""
        self.slow = False
        self.state = "idle"
        self.language = "en"
        self.language_problem = ""  # no voice for the language on show

    def _engine(self) -> Any:
        if self._tried:
            return self._speech
        self._tried = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as err:  # e.g. libpulse missing on Linux
            self.problem = f"the speech module cannot load ({err})"
            log.warning("read aloud is not available: %s", self.problem)
            return None
        engines = QTextToSpeech.availableEngines()
        name = self.engine_name or next((e for e in engines if e != "mock"), "")
        if not name:
            self.problem = "no speech engine is installed"
        elif name not in engines:
            self.problem = f"the speech engine '{name}' is not installed"
        else:
            speech = QTextToSpeech(name, self)
            if speech.state() == QTextToSpeech.State.Error:
                self.problem = f"the speech engine '{name}' does not work"
            else:
                speech.stateChanged.connect(self._on_state)
                self._speech = speech
        if self.problem:
            log.warning("read aloud is not available: %s", self.problem)
        return self._speech

    @property
    def available(self) -> bool:
        return self._engine() is not None

    def set_language(self, language: str) -> None:
        """Read in `language` (a two-letter code) from the next `speak` on."""
        self.stop()
        self.language = language
        self.language_problem = ""

    def _use_voice(self, speech: Any) -> bool:
        """Pick a voice of the engine for `language`; False when it has none."""
        if speech.locale().name().split("_")[0] == self.language:
            return True
        locales = [loc for loc in speech.availableLocales()
                   if loc.name().split("_")[0] == self.language]
        if not locales:
            self.language_problem = f"no voice for the language '{self.language}'"
            log.warning("read aloud is not available: %s", self.language_problem)
            return False
        speech.setLocale(locales[0])
        return True

    def speak(self, text: str) -> bool:
        """Start reading `text`; False when speech is not available in this language.

        `problem` or `language_problem` then says why.
        """
        speech = self._engine()
        if speech is None or not text.strip() or not self._use_voice(speech):
            return False
        speech.setRate(SLOW_RATE if self.slow else 0.0)
        speech.say(text)
        return True

    def pause(self) -> None:
        if self._speech is not None and self.state == "speaking":
            self._speech.pause()

    def resume(self) -> None:
        if self._speech is not None and self.state == "paused":
            self._speech.resume()

    def stop(self) -> None:
        if self._speech is not None and self.state != "idle":
            self._speech.stop()

    def set_slow(self, slow: bool) -> None:
        self.slow = slow
        if self._speech is not None:
            self._speech.setRate(SLOW_RATE if slow else 0.0)

    def _on_state(self, state: Any) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        names = {QTextToSpeech.State.Speaking: "speaking", QTextToSpeech.State.Paused: "paused"}
        new = names.get(state, "idle")
        if new != self.state:
            self.state = new
            self.state_changed.emit(new)
