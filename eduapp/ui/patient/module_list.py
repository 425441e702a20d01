"""The list of modules: a card per module with its cover, title, time, and done/score badge."""

from __future__ import annotations

from functools import partial
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from eduapp.core.content.model import Module
from eduapp.core.visit import ModuleStatus
from eduapp.ui.patient.page_header import PageHeader
from eduapp.ui.widgets import Illustration, WrapButton, button, discard, label


class ModuleCard(WrapButton):
    """A whole card is one big button; it reads out as the module's title and status."""

    def __init__(self, module: Module, parent: QWidget | None = None) -> None:
        super().__init__("card", parent)
        self.module = module
        box = self.content()
        box.setSpacing(18)
        self.cover = Illustration()
        self.cover.setFixedSize(176, 132)
        self.cover.show_image(module.cover)
        self.cover.setAccessibleName("")
        self.title = label(module.title, "h2")
        self.summary = label(module.summary)
        self.minutes = label(self.tr("About %n minutes", "", module.minutes), "muted")
        self.badge = label("", "badge")  # wraps: a longer language must not widen the card
        for widget in (self.cover, self.title, self.summary, self.minutes, self.badge):
            self.add(widget)
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(self.title)
        text.addWidget(self.summary)
        text.addWidget(self.minutes)
        badge_row = QHBoxLayout()  # as wide as its words, wrapping when the card is narrower:
        badge_row.addWidget(self.badge)  # an aligned widget would get one line's height only
        badge_row.addStretch(1)
        text.addLayout(badge_row)
        text.addStretch(1)
        box.addWidget(self.cover, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(text, 1)
        self.show_status(ModuleStatus(False, None))

    def show_status(self, status: ModuleStatus) -> None:
        if status.results is None:
            self.badge.hide()
            badge = self.tr("Not started")
        else:
            r = status.results
            badge = self.tr("Done: %1 of %2 understood").replace(
                "%1", str(r.final_right)).replace("%2", str(r.total))
            self.badge.setText(badge)
            self.badge.show()
        self.setAccessibleName(f"{self.module.title}. {self.minutes.text()}. {badge}")


class ModuleListPage(QWidget):
    """Choose a topic; end the visit when done."""

    chosen = Signal(str)
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        outer.setSpacing(16)
        self.header = PageHeader(1)
        self.title = self.header.heading
        self.title.setText(self.tr("Choose a topic"))
        self.hint = label(self.tr("Start with the first one, or pick the one you want to know "
                                  "about most."), "lead")
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(20)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.grid_host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cards take the focus and scroll it
        self.finish_button = button(self.tr("I am finished"), name=self.tr(
            "I am finished: clear my answers from the screen"))
        self.finish_button.clicked.connect(self.finished)
        self.header.add_to(outer)
        outer.addWidget(self.hint)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignRight)
        self.cards: list[ModuleCard] = []

    def show_modules(self, modules: list[Module]) -> None:
        """Build the cards once per language; statuses change with `show_status`."""
        for card in self.cards:
            discard(card)
        self.cards = []
        for module in modules:
            card = ModuleCard(module)
            card.clicked.connect(partial(self.chosen.emit, module.id))
            self.cards.append(card)
        self._columns = 0
        self._arrange()
        if self.cards:
            self.setFocusProxy(self.cards[0])
            for before, after in pairwise([*self.cards, self.finish_button]):
                QWidget.setTabOrder(before, after)

    def spoken_text(self) -> str:
        lines = [self.title.text(), self.hint.text()]
        lines += [f"{card.accessibleName()}. {card.summary.text()}" for card in self.cards]
        return "\n".join(lines)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Two columns of cards, or one where two would not fit (a portrait tablet)."""
        if not self.cards:
            return
        need = 2 * max(c.minimumSizeHint().width() for c in self.cards) + self.grid.spacing()
        columns = 2 if need <= self.width() - 100 else 1
        if columns == getattr(self, "_columns", 0):
            return
        self._columns = columns
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // columns, index % columns)

    def announcement(self) -> str:
        return f"{self.title.text()}\n{self.hint.text()}"

    def show_status(self, module_id: str, status: ModuleStatus) -> None:
        for card in self.cards:
            if card.module.id == module_id:
                card.show_status(status)
