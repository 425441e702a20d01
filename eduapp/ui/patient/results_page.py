"""Results of a module's quiz: first-try and final scores, and each learning objective."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from eduapp.core.quiz import Mastery, Results
from eduapp.ui.patient.page_header import PageHeader
from eduapp.ui.widgets import button, discard, label
from eduapp.ui.wrap_layout import ButtonRow


class ResultsPage(QWidget):
    """What the patient now understands, and what to talk over with their care team."""

    to_modules = Signal()
    read_again = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        outer.setSpacing(14)
        self.header = PageHeader(1)
        self.heading = self.header.heading
        self.message = label("", "lead")

        tiles = QHBoxLayout()
        tiles.setSpacing(20)
        self.first_try, self.first_try_tile = self._tile(self.tr("Right the first time"))
        self.final, self.final_tile = self._tile(self.tr("Understood in the end"))
        tiles.addWidget(self.first_try_tile)
        tiles.addWidget(self.final_tile)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(14)
        self.objective_box = QVBoxLayout()
        self.objective_box.setSpacing(10)
        self.header.add_to(column)
        column.addWidget(self.message)
        column.addLayout(tiles)
        column.addLayout(self.objective_box)
        column.addStretch(1)  # top-aligned; an aligned layout would get one line per row
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # arrow keys scroll a long list
        scroll.setProperty("focusRing", True)
        self.scroller = scroll
        scroll.setWidget(content)

        buttons = ButtonRow(spacing=12)  # two rows rather than a cut button
        self.again_button = button(self.tr("Read this topic again"))
        self.modules_button = button(self.tr("Back to all topics"), "primary")
        self.again_button.clicked.connect(self.read_again)
        self.modules_button.clicked.connect(self.to_modules)
        buttons.addWidget(self.again_button)
        buttons.pin_left(self.again_button)
        buttons.addWidget(self.modules_button)

        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)
        self.objective_rows: list[QFrame] = []
        self.setFocusProxy(self.modules_button)

    def spoken_text(self) -> str:
        lines = [self.heading.text(), self.message.text(), self.first_try_tile.accessibleName(),
                 self.final_tile.accessibleName()]
        lines += [row.accessibleName() for row in self.objective_rows]
        return "\n".join(lines)

    def announcement(self) -> str:
        return self.spoken_text()

    def clear(self) -> None:
        """Forget the scores and objectives on screen."""
        for row in self.objective_rows:
            discard(row)
        self.objective_rows = []
        self.header.clear()
        for widget in (self.message, self.first_try, self.final):
            widget.clear()

    def _tile(self, caption: str) -> tuple[QLabel, QFrame]:
        tile = QFrame()
        tile.setProperty("role", "tile")
        box = QVBoxLayout(tile)
        box.setContentsMargins(20, 12, 20, 12)
        value = label("", "score")
        box.addWidget(value)
        box.addWidget(label(caption, "muted"))
        return value, tile

    def show_results(self, module_title: str, results: Results) -> None:
        self.header.show_place(module_title)
        self.heading.setText(self.tr("Your results"))
        self.scroller.setAccessibleName(self.heading.text())
        if results.all_understood:
            self.message.setText(self.tr("Well done. You understood every idea in this topic."))
        else:
            self.message.setText(self.tr(
                "Some ideas are worth talking over with your care team. That is normal: "
                "these are new ideas, and your team is glad to explain them."))
        of = self.tr("%1 of %2")
        self.first_try.setText(of.replace("%1", str(results.first_try_right))
                               .replace("%2", str(results.total)))
        self.final.setText(of.replace("%1", str(results.final_right))
                           .replace("%2", str(results.total)))
        self.first_try_tile.setAccessibleName(
            self.tr("Right the first time: %1").replace("%1", self.first_try.text()))
        self.final_tile.setAccessibleName(
            self.tr("Understood in the end: %1").replace("%1", self.final.text()))
        for row in self.objective_rows:
            discard(row)
        self.objective_rows = []
        for objective, mastery in results.objectives:
            understood = mastery != Mastery.NOT_YET
            row = QFrame()
            row.setProperty("role", "feedback-right" if understood else "feedback-wrong")
            box = QVBoxLayout(row)
            box.setContentsMargins(20, 10, 16, 10)
            box.setSpacing(2)
            verdict = label(self.tr("You understand this") if understood
                            else self.tr("Talk with your care team about this"),
                            "verdict-right" if understood else "verdict-wrong")
            text = label(objective.text)
            box.addWidget(verdict)
            box.addWidget(text)
            row.setAccessibleName(f"{verdict.text()}: {objective.text}")
            self.objective_box.addWidget(row)
            row.setVisible(True)
            self.objective_rows.append(row)
