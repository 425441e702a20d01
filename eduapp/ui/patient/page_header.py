"""The top of a patient page: where the patient is (module, count, progress), then its heading."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QProgressBar, QWidget

from eduapp.ui.accessibility import set_role
from eduapp.ui.widgets import heading, label


class PageHeader:
    """The module's title and the patient's place in it on one muted row, and the heading.

    The heading is a heading for screen readers (`level` 1 for a page, 2 for a question).
    Each part of the row shows only while it has something to say. With `progress`, a bar
    under the row shows the place too, as decoration (the count says it, without "22
    percent" on each turn). The parts go straight into the page's own layouts (`add_to`,
    or `row` and `heading` apart), so that a wrapped heading gets every line it needs.
    """

    def __init__(self, level: int = 1, *, progress: bool = False) -> None:
        self.module_title = label("", "muted")
        self.position = label("", "muted", wrap=False)
        self.row = QHBoxLayout()
        self.row.addWidget(self.module_title, 1)
        self.row.addWidget(self.position)
        self.progress = QProgressBar()  # placed by `add_to` only with `progress`
        self.progress.setTextVisible(False)
        set_role(self.progress, "decoration")
        self._with_progress = progress
        self.heading = heading("", level)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.clear()

    def add_to(self, layout: QBoxLayout, note: QWidget | None = None) -> None:
        """The row, the progress bar, `note` (if any) and the heading, in that order."""
        layout.addLayout(self.row)
        if self._with_progress:
            layout.addWidget(self.progress)
        if note is not None:
            layout.addWidget(note)
        layout.addWidget(self.heading)

    def show_place(self, module_title: str, position: str = "",
                   progress: tuple[int, int] | None = None) -> None:
        """The module's title, the count ("3 of 7") and, with a bar, how far along."""
        for part, text in ((self.module_title, module_title), (self.position, position)):
            part.setText(text)
            part.setVisible(bool(text))
        if progress is not None:
            self.progress.setRange(0, progress[1])
            self.progress.setValue(progress[0])

    def clear(self) -> None:
        """Nothing in the row and no heading."""
        self.show_place("")
        self.heading.clear()
