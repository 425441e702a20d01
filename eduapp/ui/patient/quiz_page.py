"""A quiz question: the choices, then right away whether the answer was right and why."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from eduapp.core.content.model import Choice, Question, QuestionKind
from eduapp.core.quiz import Answer
from eduapp.ui.accessibility import announce, set_role
from eduapp.ui.patient.page_header import PageHeader
from eduapp.ui.widgets import WrapButton, button, discard, label, restyle
from eduapp.ui.wrap_layout import ButtonRow


class ChoiceButton(WrapButton):
    """One answer: a round (one answer) or square (several) mark and wrapping text.

    A screen reader meets a radio button (one answer) or a check box (several); the arrow
    keys move between the answers of a question, and Tab reaches each of them.
    """

    # the label with the answer's words (it hides QAbstractButton.text(); the accessible
    # name carries the words)
    text: QLabel  # type: ignore[assignment]

    def __init__(self, choice: Choice, multiple: bool, parent: QWidget | None = None) -> None:
        super().__init__("choice", parent)
        self.choice = choice
        self.multiple = multiple
        self.setCheckable(True)
        self.setAutoExclusive(not multiple)  # Qt exposes it as a radio button then
        box = self.content()
        box.setSpacing(16)
        self.mark = self.add(QFrame())
        self.mark.setFixedSize(30, 30)
        self.mark.setProperty("role", "mark-square" if multiple else "mark-round")
        self.text = self.add(label(choice.text))
        box.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        box.addWidget(self.text, 1)
        self.setAccessibleName(choice.text)
        self.toggled.connect(self._paint_mark)
        self._paint_mark(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down (or Left and Right) move between the answers of any question.

        For one answer, Qt's radio group does it; for several, this.
        """
        steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: 1,
                 Qt.Key.Key_Right: 1}
        step = steps.get(Qt.Key(event.key()))
        parent = self.parentWidget()
        siblings = [w for w in parent.findChildren(ChoiceButton)
                    if w.isVisible() and w.isEnabled()] if parent is not None else []
        if not self.multiple or step is None or self not in siblings:
            super().keyPressEvent(event)
            return
        index = siblings.index(self) + step
        if 0 <= index < len(siblings):
            siblings[index].setFocus(Qt.FocusReason.TabFocusReason if step > 0
                                     else Qt.FocusReason.BacktabFocusReason)

    def _paint_mark(self, on: bool) -> None:
        self.mark.setProperty("on", on)
        restyle(self.mark, children=False)

    def mark_result(self, state: str) -> None:
        self.setProperty("state", state)
        restyle(self, children=False)  # its colours; the mark and words keep theirs


class QuizPage(QWidget):
    """Shows a question; emits the choices made, then 'next' after the feedback."""

    submitted = Signal(frozenset)
    next = Signal()
    stop_quiz = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 24)
        outer.setSpacing(12)
        content = QWidget()
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(0, 0, 12, 0)
        self.body.setSpacing(12)
        self.header = PageHeader(2)
        self.question, self.position = self.header.heading, self.header.position
        self.question.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # focused as a question shows
        self.detail = label("", "lead")
        self.how = label("", "muted")
        self.choice_group = QWidget()  # named by the question, for screen readers
        set_role(self.choice_group, "group")
        self.choice_box = QVBoxLayout(self.choice_group)
        self.choice_box.setContentsMargins(0, 0, 0, 0)
        self.choice_box.setSpacing(10)
        self.feedback = QFrame()
        feedback_box = QVBoxLayout(self.feedback)
        feedback_box.setContentsMargins(22, 14, 18, 14)
        self.verdict = label("")
        self.explanations = label("")
        self.explanations.setTextFormat(Qt.TextFormat.RichText)
        self.explanations.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        feedback_box.addWidget(self.verdict)
        feedback_box.addWidget(self.explanations)
        for widget in (self.question, self.detail, self.how):
            self.body.addWidget(widget)
        self.body.addWidget(self.choice_group)
        self.body.addWidget(self.feedback)
        self.body.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the answers take the focus
        self.scroller.setWidget(content)

        buttons = ButtonRow(spacing=12)  # two rows rather than a cut button
        self.stop_button = button(self.tr("Stop the quiz"), name=self.tr(
            "Stop the quiz and see my results"))
        self.check_button = button(self.tr("Check my answer"), "primary")
        self.next_button = button(self.tr("Next"), "primary")
        for b in (self.stop_button, self.check_button, self.next_button):
            b.setMinimumWidth(220)
        buttons.addWidget(self.stop_button)
        buttons.pin_left(self.stop_button)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.next_button)
        self.check_button.clicked.connect(self._submit)
        self.next_button.clicked.connect(self.next)
        self.stop_button.clicked.connect(self.stop_quiz)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._enter)

        outer.addLayout(self.header.row)  # the place stays in sight; the question scrolls
        outer.addWidget(self.scroller, 1)
        outer.addLayout(buttons)
        self.group = QButtonGroup(self)
        self.choices: list[ChoiceButton] = []
        self._question: Question | None = None

    def show_question(self, module_title: str, question: Question, choices: Sequence[Choice],
                      position: tuple[int, int], *, retry: bool) -> None:
        """The question and its answers.

        The focus goes to the question, which a screen reader reads with its number and how
        to answer.
        """
        number, total = position
        self._question = question
        text = (self.tr("Once more: question %1 of %2") if retry
                else self.tr("Question %1 of %2"))
        self.header.show_place(module_title,
                               text.replace("%1", str(number)).replace("%2", str(total)))
        self.question.setText(question.text)
        self.detail.setText(question.detail)
        self.detail.setVisible(bool(question.detail))
        multiple = question.kind == QuestionKind.MULTIPLE
        self.how.setText(self.tr("Choose every answer that is true.") if multiple
                         else self.tr("Choose one answer."))
        self.question.setAccessibleName(" ".join(
            part for part in (self.position.text() + ".", question.text, question.detail,
                              self.how.text()) if part))
        self.choice_group.setAccessibleName(question.text)
        old_choices = self.choices
        self.choices = []
        for choice in choices:
            widget = ChoiceButton(choice, multiple)
            self.choice_box.addWidget(widget)
            widget.setVisible(True)
            widget.toggled.connect(self._choices_changed)
            self.choices.append(widget)
        for before, after in pairwise([self.question, *self.choices, self.stop_button,
                                       self.check_button, self.next_button]):
            QWidget.setTabOrder(before, after)  # choices first, as they are read
        self.setFocusProxy(self.question)
        if self.isVisible():  # before the old answers and Next go, so the focus never jumps
            self.question.setFocus(Qt.FocusReason.OtherFocusReason)
        for old in old_choices:
            self.group.removeButton(old)
            discard(old)
        for widget in self.choices if not multiple else ():
            # one answer: the group is one tab stop, the arrows choose (a radio group);
            # several: each answer is a tab stop of its own (check boxes)
            self.group.addButton(widget)
        self.feedback.hide()
        self.stop_button.setVisible(retry)
        self.check_button.show()
        self.check_button.setEnabled(False)
        self.next_button.hide()
        self.scroller.verticalScrollBar().setValue(0)

    def show_feedback(self, answer: Answer, *, last: bool) -> None:
        """Right away: right or not, and why, for each choice made. The answer is not given."""
        question = self._question
        if question is None:
            return
        for widget in self.choices:
            if widget.choice.id in answer.chosen:
                widget.mark_result("right" if widget.choice.correct else "wrong")
        role = "right" if answer.right else "wrong"
        self.feedback.setProperty("role", f"feedback-{role}")
        self.verdict.setProperty("role", f"verdict-{role}")
        self.verdict.setText(self.tr("Yes, that's right.") if answer.right
                             else self.tr("Not quite."))
        parts = []
        for choice in question.choices:
            if choice.id in answer.chosen:
                parts.append(f"<p><b>{escape(choice.text)}</b><br>{escape(choice.explanation)}"
                             "</p>")
        missing = question.correct_ids - answer.chosen
        some_right = answer.chosen & question.correct_ids
        if question.kind == QuestionKind.MULTIPLE and missing and some_right:
            parts.append("<p>" + escape(self.tr("There is more that is true here.")) + "</p>")
        self.explanations.setText("".join(parts))
        explained = QTextDocumentFragment.fromHtml(self.explanations.text()).toPlainText()
        self.explanations.setAccessibleName(explained)
        for shown in (self.feedback, self.verdict):  # the explanations look the same either way
            restyle(shown, children=False)
        self.feedback.show()
        self.next_button.setText(self.tr("See my results") if last else self.tr("Next"))
        self.next_button.setAccessibleName(self.next_button.text())
        self.next_button.show()
        self.setFocusProxy(self.next_button)
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)  # before Check hides
        self.check_button.hide()
        for widget in self.choices:
            widget.setEnabled(False)
        announce(self, f"{self.verdict.text()} {explained}")
        # after the layout has placed the feedback, scroll so that it shows
        QTimer.singleShot(0, self, self._scroll_to_feedback)

    def spoken_text(self) -> str:
        """The question, how to answer, each choice; then the feedback once it shows."""
        lines = [self.position.text(), self.question.text(), self.detail.text(), self.how.text()]
        for number, widget in enumerate(self.choices, start=1):
            lines.append(self.tr("Answer %1: %2").replace("%1", str(number))
                         .replace("%2", widget.choice.text))
        if self.feedback.isVisibleTo(self):
            lines += [self.verdict.text(), self.explanations.accessibleName()]
        return "\n".join(line for line in lines if line)

    def announcement(self) -> str:
        """Nothing: the focus goes to the question, and a screen reader reads it."""
        return ""

    def clear(self) -> None:
        """Forget the question and the answer on screen."""
        for old in self.choices:
            self.group.removeButton(old)
            discard(old)
        self.choices = []
        self._question = None
        self.header.clear()
        for widget in (self.question, self.detail, self.verdict, self.explanations):
            widget.clear()
            widget.setAccessibleName("")
        self.choice_group.setAccessibleName("")
        self.feedback.hide()

    def _scroll_to_feedback(self) -> None:
        self.scroller.ensureWidgetVisible(self.feedback, 0, 0)

    def chosen(self) -> frozenset[str]:
        return frozenset(w.choice.id for w in self.choices if w.isChecked())

    def _choices_changed(self) -> None:
        self.check_button.setEnabled(bool(self.chosen()))

    def _submit(self) -> None:
        if self.chosen():
            self.submitted.emit(self.chosen())

    def _enter(self) -> None:
        """Return presses the button that has the focus.

        On the question or an answer, it checks the answer (or goes on after the feedback).
        """
        focused = self.focusWidget()
        if isinstance(focused, QAbstractButton) and focused in (
                self.stop_button, self.check_button, self.next_button):
            focused.click()
        elif self.next_button.isVisible():
            self.next.emit()
        elif self.check_button.isEnabled():
            self._submit()
