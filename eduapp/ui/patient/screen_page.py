"""A module screen: illustration and short text, '3 of 7', big Back and Next buttons.

The same page shows a screen again during the quiz ("review"), with one button to be
asked the question again and one to stop.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from eduapp.core.content.markup import markdown_html
from eduapp.core.content.model import Screen
from eduapp.ui.patient.appointment import AppointmentField
from eduapp.ui.patient.page_header import PageHeader
from eduapp.ui.widgets import Illustration, TextView, button, label
from eduapp.ui.wrap_layout import ButtonRow


class ScreenPage(QWidget):
    """Shows one screen; the flow decides what comes next."""

    back = Signal()
    next = Signal()
    ask_again = Signal()
    stop_quiz = Signal()
    print_checklist = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 24)
        outer.setSpacing(14)

        self.banner = label(self.tr("Let's look at this again. Then you can try the question "
                                    "once more."), "banner")
        self.header = PageHeader(1, progress=True)
        self.heading, self.progress_text = self.header.heading, self.header.position
        self.progress = self.header.progress

        body = QHBoxLayout()
        self.body = body
        body.setSpacing(32)
        figure = QVBoxLayout()
        figure.setSpacing(10)
        self.picture = _Picture()
        # on a short screen at the largest text the picture gives way, never the caption
        self.picture.setMinimumSize(120, 1)  # 0 would mean "unset": its hint would win
        self.caption = label("", "caption")  # under the picture; its alt text stays its name
        self.caption.installEventFilter(self)
        figure.addWidget(self.picture, 1)
        figure.addWidget(self.caption)
        self.text = TextView()
        body.addLayout(figure, 5)
        body.addWidget(self.text, 6)

        buttons = ButtonRow(spacing=12)  # two rows rather than a cut button
        self.back_button = button(self.tr("Back"), "", name=self.tr("Back: previous screen"))
        self.next_button = button(self.tr("Next"), "primary")
        self.stop_button = button(self.tr("Stop the quiz"), "", name=self.tr(
            "Stop the quiz and see my results"))
        self.again_button = button(self.tr("Ask me again"), "primary")
        self.print_button = button(self.tr("Print my checklist"))
        self.appointment = AppointmentField()  # the session's checklist: its day-of plan
        for b in (self.back_button, self.next_button, self.stop_button, self.again_button,
                  self.print_button):
            b.setMinimumWidth(200)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.stop_button)
        buttons.pin_left(self.back_button, self.stop_button)
        buttons.addWidget(self.appointment)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.next_button)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.again_button.clicked.connect(self.ask_again)
        self.stop_button.clicked.connect(self.stop_quiz)
        self.print_button.clicked.connect(self.print_checklist)

        self.header.add_to(outer, note=self.banner)
        outer.addLayout(body, 1)
        outer.addLayout(buttons)

        for key, signal in ((Qt.Key.Key_Right, self._key_next), (Qt.Key.Key_Left, self._key_back)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(signal)
        self.reviewing = False

    def show_screen(self, module_title: str, screen: Screen, position: tuple[int, int],
                    *, reviewing: bool = False, last: bool = False,
                    printable: bool = False, appointment: bool = False,
                    take_focus: bool = True) -> None:
        """Show `screen`; `printable` offers the module's checklist to print.

        `appointment` also offers the session time, for that checklist's day-of plan. The
        keyboard focus goes to Next (or Ask again), unless `take_focus` is False: the
        presenter's outline keeps the focus while it is browsed.
        """
        number, total = position
        self.reviewing = reviewing
        self.header.show_place(module_title, self.tr("%1 of %2").replace("%1", str(number))
                               .replace("%2", str(total)), (number, total))
        for widget in (self.progress_text, self.progress, self.back_button, self.next_button):
            widget.setVisible(not reviewing)
        self.banner.setVisible(reviewing)
        self.again_button.setVisible(reviewing)
        self.stop_button.setVisible(reviewing)
        self.print_button.setVisible(printable and not reviewing)
        self.appointment.setVisible(printable and appointment and not reviewing)
        self.back_button.setEnabled(number > 1)
        self.next_button.setText(self.tr("Start the quiz") if last else self.tr("Next"))
        self.next_button.setAccessibleName(self.next_button.text())
        self.heading.setText(screen.title)
        self.picture.show_image(screen.image)
        self.caption.setText(screen.image.caption if screen.image else "")
        self.caption.setVisible(bool(self.caption.text()))
        self.text.show_html(markdown_html(screen.markdown), screen.title)
        self.text.verticalScrollBar().setValue(0)
        focus = self.again_button if reviewing else self.next_button
        self.setFocusProxy(focus)
        if self.isVisible() and take_focus:
            focus.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The caption asks for every line its width needs.

        A layout gives a wrapped label only its preferred height, which cut long Spanish
        captions at the largest text.
        """
        if watched is self.caption and event.type() == QEvent.Type.Resize:
            needed = self.caption.heightForWidth(self.caption.width())
            if needed > 0 and needed != self.caption.minimumHeight():
                self.caption.setMinimumHeight(needed)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The picture above the text on a narrow (portrait) screen, beside it otherwise."""
        super().resizeEvent(event)
        direction = (QBoxLayout.Direction.TopToBottom if self.width() < 900
                     else QBoxLayout.Direction.LeftToRight)
        if self.body.direction() != direction:
            self.body.setDirection(direction)
        # stacked, the picture leaves most of the height to the words
        self.picture.setMaximumHeight(self.height() // 4 if self.width() < 900 else 16777215)

    def set_text_step(self, step: int) -> None:
        """Larger text gets more of the width; the picture shrinks, the words do not."""
        picture, text = ((5, 6), (4, 7), (3, 8))[max(0, min(step, 2))]
        self.body.setStretch(0, picture)
        self.body.setStretch(1, text)

    def spoken_text(self) -> str:
        """The heading, the picture's description, then the text."""
        lines = [self.banner.text()] if self.reviewing else []
        lines.append(self.heading.text())
        if self.picture.isVisibleTo(self) and self.picture.alt:
            lines.append(self.tr("Picture: %1").replace("%1", self.picture.alt))
        if self.caption.isVisibleTo(self):
            lines.append(self.caption.text())
        lines.append(self.text.toPlainText())
        return "\n".join(lines)

    def announcement(self) -> str:
        """What a screen reader says as the screen shows: all of it, as read aloud."""
        return self.spoken_text()

    def clear(self) -> None:
        """Forget the screen on show, and any review in progress."""
        self.reviewing = False
        for widget in (self.banner, self.again_button, self.stop_button, self.print_button,
                       self.appointment):
            widget.hide()
        self.appointment.clear()
        self.header.clear()
        self.text.clear()
        self.picture.show_image(None)
        self.caption.clear()
        self.caption.hide()

    def _key_next(self) -> None:
        if self.reviewing:
            self.ask_again.emit()
        else:
            self.next.emit()

    def _key_back(self) -> None:
        if not self.reviewing and self.back_button.isEnabled():
            self.back.emit()


class _Picture(Illustration):
    """The reading screen's picture: it takes the height left over by its caption.

    It keeps its shape by drawing itself, so here it does not ask for a height to match its
    width (that pushed the caption below the fold at the largest text).
    """

    def hasHeightForWidth(self) -> bool:
        return False
