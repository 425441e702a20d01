"""Presenter mode: the clinician walks a patient through the modules.

On the left, an outline of every module and screen to jump anywhere; in the middle, the
patient-facing screen, the very same page patients see; on the right, the clinician notes
(talking points and the teach-back prompt) and the module's learning objectives.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eduapp.core.content.markup import markdown_html
from eduapp.core.content.model import Module
from eduapp.core.day_plan import SESSION_MODULE
from eduapp.ui.patient.screen_page import ScreenPage
from eduapp.ui.theme import current_palette
from eduapp.ui.widgets import TextView, down_scroll, label

ROLE = Qt.ItemDataRole.UserRole


class PresenterTab(QWidget):
    """Outline, patient screen, clinician notes."""

    def __init__(self, modules: list[Module], clinic_name: str = "", paper: str = "letter",
                 timing: Mapping[str, str] | None = None, parent: QWidget | None = None
                 ) -> None:
        """`timing`: the clinic's fasting and arrival settings, for a printed day-of plan."""
        super().__init__(parent)
        self.setObjectName("page")
        self.modules = modules
        self.clinic_name, self.paper, self.timing = clinic_name, paper, dict(timing or {})
        self.position: tuple[int, int] = (0, 0)  # module index, screen index
        self.columns = box = QHBoxLayout(self)
        box.setContentsMargins(12, 12, 12, 12)
        box.setSpacing(12)

        self.outline = QTreeWidget()
        self.outline.setHeaderHidden(True)
        self.outline.setAccessibleName(self.tr("Outline of all modules and screens"))
        self.outline.setMinimumWidth(260)
        self.outline.setWordWrap(True)
        self.outline.setUniformRowHeights(False)
        for m_index, module in enumerate(modules):
            top = QTreeWidgetItem([module.title])
            top.setData(0, ROLE, (m_index, 0))
            for s_index, screen in enumerate(module.screens):
                item = QTreeWidgetItem([f"{s_index + 1}. {screen.title}"])
                item.setData(0, ROLE, (m_index, s_index))
                top.addChild(item)
            self.outline.addTopLevelItem(top)
        self.outline.currentItemChanged.connect(self._outline_changed)

        self.page = ScreenPage()  # exactly what patients see
        self.page.next.connect(self.next)
        self.page.back.connect(self.back)
        self.page.print_checklist.connect(self.print_checklist)

        notes = QWidget()
        notes_box = QVBoxLayout(notes)
        notes_box.setContentsMargins(0, 0, 0, 0)
        notes_box.addWidget(label(self.tr("Clinician notes"), "h2"))
        self.notes = TextView()
        self.notes.setAccessibleName(self.tr("Clinician notes for this screen"))
        notes_box.addWidget(self.notes, 1)
        notes.setMinimumWidth(280)

        self.notes_panel = notes
        # the patient screen scrolls as a whole where the window is too short for it
        self.page_view = down_scroll(self.page)
        side = QWidget()  # the outline, and the notes under it where three columns do not fit
        self.side = QVBoxLayout(side)
        self.side.setContentsMargins(0, 0, 0, 0)
        self.side.setSpacing(12)
        self.side.addWidget(self.outline, 1)
        side_view = down_scroll(side)  # the notes' heading keeps its lines when short
        side_view.setMinimumWidth(max(self.outline.minimumWidth(), notes.minimumWidth())
                                  + side_view.verticalScrollBar().sizeHint().width())
        box.addWidget(side_view, 3)
        box.addWidget(self.page_view, 7)
        box.addWidget(notes, 4)
        if modules:
            self.show_screen(0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Three columns where they fit at their narrowest; else the notes under the outline."""
        super().resizeEvent(event)
        box = self.columns
        margins = box.contentsMargins()
        narrowest = sum(max(w.minimumWidth(), w.minimumSizeHint().width())
                        for w in (self.outline, self.page, self.notes_panel))
        three = (narrowest + 2 * box.spacing() + margins.left() + margins.right()
                 + self.page_view.verticalScrollBar().sizeHint().width()) <= event.size().width()
        beside = box.indexOf(self.notes_panel) >= 0
        if three and not beside:
            self.side.removeWidget(self.notes_panel)
            box.addWidget(self.notes_panel, 4)
        elif beside and not three:
            box.removeWidget(self.notes_panel)
            self.side.addWidget(self.notes_panel, 1)

    def show_screen(self, module_index: int, screen_index: int) -> None:
        """Jump to a screen of a module."""
        module = self.modules[module_index]
        screen_index = max(0, min(screen_index, len(module.screens) - 1))
        self.position = (module_index, screen_index)
        screen = module.screens[screen_index]
        last_module = module_index == len(self.modules) - 1
        self.page.show_screen(module.title, screen, (screen_index + 1, len(module.screens)),
                              printable=screen.id == module.checklist,
                              appointment=module.id == SESSION_MODULE, take_focus=False)
        if screen.is_key_points and not last_module:
            self.page.next_button.setText(self.tr("Next module"))
            self.page.next_button.setAccessibleName(self.tr("Next module"))
        self.page.next_button.setEnabled(not (last_module and screen.is_key_points))
        self.page.back_button.setEnabled((module_index, screen_index) != (0, 0))
        self.notes.show_html(self._notes_html(module, screen_index), self.tr("Clinician notes"))
        top = self.outline.topLevelItem(module_index)
        item = top.child(screen_index) if top is not None else None
        if item is not None and self.outline.currentItem() is not item:
            self.outline.blockSignals(True)
            self.outline.setCurrentItem(item)
            self.outline.blockSignals(False)

    def print_checklist(self) -> None:
        """Print the checklist on show, with the day-of plan of the session time chosen."""
        from eduapp.ui.print.checklist import print_checklist  # print support on first use
        from eduapp.ui.print.day_plan import plan_for

        module = self.modules[self.position[0]]
        print_checklist(module, self.clinic_name, self.paper, self,
                        plan_for(self.page.appointment.appointment(), self.timing))

    def next(self) -> None:
        m, s = self.position
        if s + 1 < len(self.modules[m].screens):
            self.show_screen(m, s + 1)
        elif m + 1 < len(self.modules):
            self.show_screen(m + 1, 0)

    def back(self) -> None:
        m, s = self.position
        if s > 0:
            self.show_screen(m, s - 1)
        elif m > 0:
            self.show_screen(m - 1, len(self.modules[m - 1].screens) - 1)

    def _outline_changed(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            m, s = item.data(0, ROLE)
            self.show_screen(m, s)

    def _notes_html(self, module: Module, screen_index: int) -> str:
        screen = module.screens[screen_index]
        talking = screen.talking_points
        notes = markdown_html(talking) if talking else (
            "<p>" + escape(self.tr("No notes for this screen.")) + "</p>")
        for prompt in screen.teach_back:
            notes += ("<h3>" + escape(self.tr("Teach-back")) + f"</h3>"
                      f"<p style='background:{current_palette().chosen_tint}; padding:8px'>"
                      f"{escape(prompt)}</p>")
        taught = [q for q in module.questions if q.reviews == screen.id]
        objectives = "".join(f"<li>{escape(o.text)}</li>" for o in module.objectives)
        quiz = "".join(f"<li>{escape(q.text)}</li>" for q in taught)
        html = notes
        if quiz:
            heading = escape(self.tr("Quiz questions this screen teaches"))
            html += f"<h3>{heading}</h3><ul>{quiz}</ul>"
        html += "<h3>" + escape(self.tr("Learning objectives")) + f"</h3><ul>{objectives}</ul>"
        return html
