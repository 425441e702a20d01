"""The speech engine in a process of its own, driven by the app through stdin and stdout.

Speech libraries can hang (speech-dispatcher with no working sound device never says it has
finished; a service that stops answering blocks its caller) or crash (libspeechd crashes its
process when speech-dispatcher goes away in the middle of a reply). Here they take only this
process with them: the app sees it go, or stop answering, and says read aloud is not
available. Started by `eduapp.ui.patient.read_aloud` as `python -m
eduapp.ui.patient.speech_helper ENGINE` (or `eduapp --speech-helper ENGINE` when frozen).

One JSON object per line each way. In: {"say": text, "language": "es", "rate": -0.35,
"ticket": 3}, {"do": "pause" | "resume" | "stop"}, {"rate": -0.35}. Out: {"languages":
[...]} once the engine works, {"state": "speaking" | "paused" | "ready" | "error", "ticket":
3}, {"rate": -0.35}, {"problem": text}. Stdin closing ends the process.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal


def report(message: dict[str, Any]) -> None:
    try:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):  # the app has gone (killed, or closed first)
        devnull = os.open(os.devnull, os.O_WRONLY)  # nothing more to say, nor at exit
        os.dup2(devnull, sys.stdout.fileno())
        QCoreApplication.quit()


class Commands(QObject):
    """Lines read from stdin on a thread of their own, handed to the main thread."""

    line = Signal(str)

    def read(self) -> None:
        for text in sys.stdin:
            self.line.emit(text)
        self.line.emit("")  # the app has gone


def main(argv: list[str]) -> int:
    app = QCoreApplication(sys.argv[:1])
    from PySide6.QtTextToSpeech import QTextToSpeech

    name = argv[0] if argv else ""
    speech = QTextToSpeech(name) if name else QTextToSpeech()
    if speech.state() == QTextToSpeech.State.Error:
        report({"problem": f"the speech engine '{speech.engine()}' does not work: "
                           f"{speech.errorString() or 'no reason given'}"})
        return 1
    ticket = 0
    speech.stateChanged.connect(lambda state: report(
        {"state": state.name.lower(), "ticket": ticket}))
    speech.rateChanged.connect(lambda rate: report({"rate": rate}))
    report({"languages": sorted({loc.name().split("_")[0]
                                 for loc in speech.availableLocales()})})

    def command(text: str) -> None:
        nonlocal ticket
        if not text:
            app.quit()
            return
        order = json.loads(text)
        if "say" in order:
            ticket = order["ticket"]
            wanted = order["language"]
            if speech.locale().name().split("_")[0] != wanted:
                speech.setLocale(next(loc for loc in speech.availableLocales()
                                      if loc.name().split("_")[0] == wanted))
            speech.setRate(order["rate"])
            speech.say(order["say"])
        elif "rate" in order:
            speech.setRate(order["rate"])
        elif order.get("do") in ("pause", "resume", "stop"):
            getattr(speech, order["do"])()

    commands = Commands()
    commands.line.connect(command)
    threading.Thread(target=commands.read, daemon=True).start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
