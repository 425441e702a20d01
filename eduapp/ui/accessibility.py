"""What assistive technology is told: roles Qt cannot guess, and announcements.

A widget asks for a role with the dynamic property `accessibleRole` ("heading", "group",
"notification" or "decoration"); `install()` teaches Qt to expose it so. A stack of pages
is exposed as a plain container, so that a screen reader does not say "layered pane" at
every focus move. `Announcer` says a
sentence without moving the focus: on Linux as a notification that shows (Orca reads each
one, from version 43 on), elsewhere with Qt's announcement event (UI Automation on Windows,
VoiceOver on macOS).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QStackedWidget, QWidget

ROLES = {"heading": QAccessible.Role.Heading, "group": QAccessible.Role.Grouping,
         "notification": QAccessible.Role.Notification,
         "decoration": QAccessible.Role.Graphic}  # shown, and said by another widget
_installed = False


class RoleAccessible(QAccessibleWidget):
    """A widget with the role it asked for; a label keeps its text as its name."""

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if (kind == QAccessible.Text.Name and isinstance(widget, QLabel)
                and not widget.accessibleName()):
            return widget.text()
        return super().text(kind)


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QWidget):
        return None
    role = ROLES.get(str(obj.property("accessibleRole") or ""))
    if role is None and isinstance(obj, QStackedWidget):
        role = QAccessible.Role.Client  # a pile showing one page: not "layered pane" each time
    return RoleAccessible(obj, role) if role is not None else None


def install() -> None:
    """Once per process, before any widget is exposed to assistive technology."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def set_role(widget: QWidget, role: str) -> None:
    """Expose `widget` as a heading, a group (named by its accessible name) or notification."""
    widget.setProperty("accessibleRole", role)


class Announcer(QWidget):
    """Says a sentence to a screen reader, once, without moving the focus.

    On Linux each sentence is a notification that shows, taken in turn from a few: Orca
    skips a notification when a newer one from the same object is waiting (it is behind on
    a slow computer) and would then read the newer words twice and the older never.
    """

    NOTICES = 3

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFixedSize(1, 1)
        self.said: list[str] = []  # what was announced, newest last (tests read it)
        self._notices: list[QWidget] = []
        for _ in range(self.NOTICES):
            notice = QWidget(self)
            notice.setFixedSize(1, 1)
            set_role(notice, "notification")
            notice.hide()
            self._notices.append(notice)
        self._turn = 0
        self.hide()

    def say(self, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self.said = [*self.said[-19:], text]
        if not sys.platform.startswith("linux"):
            event = QAccessibleAnnouncementEvent(self.parentWidget(), text)
            QAccessible.updateAccessibility(event)
            return
        notice = self._notices[self._turn]
        self._turn = (self._turn + 1) % len(self._notices)
        notice.hide()
        notice.setAccessibleName(text)
        self.move(0, 0)
        self.show()
        notice.show()  # Orca speaks a notification each time it shows
        self.lower()


def announce(widget: QWidget, text: str) -> None:
    """Announce `text` through the announcer of `widget`'s window, if it has one."""
    announcer = widget.window().findChild(Announcer)
    if announcer is not None:
        announcer.say(text)
