"""Drives the staff side of the real window as a clinician would, dialogs included.

The kiosk's phone-number gate, the PIN dialogs, each clinician tab and every dialog they
open. Used by `eduapp gallery` and the screen matrix (tests/screen_matrix.py). `on_step(name,
root)` is called at each screen or dialog with the widget that shows it (the main window, or
the dialog). A dialog runs in its own event loop, as for a clinician; the driver acts in it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget

from eduapp.commands.driver import DriveError, PatientDriver
from eduapp.core.content.model import Module
from eduapp.ui.main_window import MainWindow
from eduapp.ui.pin_dialog import PinForm

PIN = "246810"


class StaffDriver:
    """Clicks and types through the staff screens; every step checks what it expects."""

    def __init__(self, window: MainWindow, on_step: Callable[[str, QWidget], None]) -> None:
        self.window = window
        self.on_step = on_step
        self.clicker = PatientDriver(window)
        self.printed = False

    def click(self, widget: QAbstractButton) -> None:
        self.clicker.click(widget)

    def step(self, name: str, root: QWidget | None = None) -> None:
        QApplication.processEvents()
        self.on_step(name, root or self.window)

    def modal(self, open_it: Callable[[], object], act: Callable[[QDialog], None]) -> None:
        """Call `open_it`, which opens a modal dialog and waits in it, and act in the dialog.

        Once the dialog shows, `act(dialog)` runs in the dialog's own loop. What `act` leaves
        open is cancelled.
        """
        seen: list[QDialog] = []
        failed: list[BaseException] = []

        def in_dialog() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QDialog):
                return
            seen.append(dialog)
            try:
                act(dialog)
            except Exception as err:  # raised again below, outside the dialog's loop
                failed.append(err)
            if dialog.isVisible():
                dialog.reject()

        QTimer.singleShot(0, in_dialog)
        open_it()
        if failed:
            raise failed[0]
        if not seen:
            raise DriveError("no dialog opened")

    def patient_step(self, name: str) -> None:
        """A patient screen; the first with "Print my checklist" also opens its dialog.

        As a patient pressing the button would; the printing dialog is then cancelled.
        """
        self.step(name)
        page = self.window.flow.screen_page
        if not self.printed and self.window.stack.currentWidget() is page \
                and page.print_button.isVisible():
            self.printed = True
            self.modal(lambda: self.click(page.print_button), self.look_at("print-checklist"))

    def look_at(self, name: str) -> Callable[[QDialog], None]:
        """A dialog act that only looks, then leaves (the dialog is cancelled)."""
        return lambda dialog: self.step(name, dialog)

    # the PIN ----------------------------------------------------------------------------

    def _type_pins(self, dialog: QDialog, pins: list[str]) -> None:
        if not isinstance(dialog, PinForm):
            raise DriveError(f"a {type(dialog).__name__} opened, not the PIN dialog")
        for field, pin in zip(dialog.fields, pins, strict=False):
            field.clear()
            QTest.keyClicks(field, pin)
        self.click(dialog.ok_button)

    def _wrong_then_right(self, name: str, wrong: list[str],
                          right: list[str]) -> Callable[[QDialog], None]:
        def act(dialog: QDialog) -> None:
            self.step(name, dialog)
            self._type_pins(dialog, wrong)
            if not isinstance(dialog, PinForm) or not dialog.message.isVisible():
                raise DriveError(f"{name}: no message after a wrong PIN")
            self.step(f"{name}-wrong", dialog)
            if right:
                self._type_pins(dialog, right)
        return act

    def open_workspace(self, from_button: QAbstractButton, choosing: bool) -> None:
        """Press `from_button` (Staff, or the kiosk gate's) and get through the PIN dialog.

        A wrong try first (two PINs that differ, when choosing), then the right PIN opens the
        workspace.
        """
        act = (self._wrong_then_right("pin-choose", ["1234", "4321"], [PIN, PIN]) if choosing
               else self._wrong_then_right("pin-enter", ["0000"], [PIN]))
        self.modal(lambda: self.click(from_button), act)
        if self.window.workspace is None:
            raise DriveError("the right PIN did not open the clinician workspace")

    # the workspace ----------------------------------------------------------------------

    def every_tab(self) -> None:
        """Each tab, with what it shows, and the dialogs each opens; then back."""
        workspace = self.window.workspace
        if workspace is None:
            raise DriveError("the clinician workspace is not open")
        tabs = workspace.tabs  # type: ignore[attr-defined]
        for index in range(tabs.count()):
            bar = tabs.tabBar()
            QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             bar.tabRect(index).center())
            if tabs.currentIndex() != index:
                raise DriveError(f"the tab '{tabs.tabText(index)}' did not open")
            page = workspace.page(index)  # type: ignore[attr-defined]
            name = "clinician-" + type(page).__name__.lower().removesuffix("tab")
            opened = getattr(self, f"_{type(page).__name__}", None)
            if opened is not None:
                opened(page, name)
            else:
                self.step(name)
        self.click(workspace.back_button)  # type: ignore[attr-defined]
        if self.window.workspace is not None:
            raise DriveError("'Back to patient screens' did not close the workspace")

    def _TodayTab(self, today, name: str) -> None:  # type: ignore[no-untyped-def]
        if today.model.rowCount() == 0:
            raise DriveError("Today shows no sessions")
        today.table.selectRow(0)
        if today.selected() is None:
            raise DriveError("choosing a session on Today did not show it")
        self.step(name)
        self.modal(lambda: self.click(today.visit_code_button), self.look_at("visit-code-dialog"))
        self.modal(lambda: self.click(today.print_button),
                   self.look_at("print-summary-dialog"))

    def _PresenterTab(self, presenter, name: str) -> None:  # type: ignore[no-untyped-def]
        self.step(name)
        self.click(presenter.page.next_button)  # a screen with clinician notes
        self.step(f"{name}-next")

    def _SettingsTab(self, settings, name: str) -> None:  # type: ignore[no-untyped-def]
        self.step(name)
        self.modal(lambda: self.click(settings.purge_button),
                   self.look_at("delete-old-sessions-question"))
        self.modal(lambda: self.click(settings.pin_button),
                   self._wrong_then_right("change-pin", ["0000", "13579", "97531"], []))


def walk_every_screen(window: MainWindow, modules: Sequence[Module],
                      on_step: Callable[[str, QWidget], None],
                      patients_start: Callable[[], None] = lambda: None,
                      on_module: Callable[[int], None] = lambda _index: None) -> None:
    """Every screen of a kiosk whose phone numbers are not set yet, in the order met.

    The gate staff see instead of the patient screens; its button and the PIN chosen (two
    PINs that differ first); every tab and its dialogs; back to the gate, and the gate lifted
    (as saving the phone numbers does). Then `patients_start()` and every patient screen of
    `modules` (eduapp.commands.driver), with the printing dialog of the first checklist and
    the idle notice; the PIN asked for from the Staff button (a wrong PIN first); the notice
    when the PIN cannot be checked, and the calm message after an unexpected error.
    """
    from eduapp.ui import errors
    from eduapp.ui.pin_dialog import ask_for_pin

    driver = StaffDriver(window, on_step)
    gate = window.hold
    if gate is None or window.stack.currentWidget() is not gate:
        raise DriveError("the kiosk does not wait for the phone numbers")
    driver.step("phones-gate")
    driver.open_workspace(gate.settings_button, choosing=True)  # type: ignore[attr-defined]
    driver.every_tab()
    window.release_hold()
    if window.stack.currentWidget() is not window.flow.welcome:
        raise DriveError("the welcome page did not open once the gate was lifted")
    patients_start()
    PatientDriver(window, driver.patient_step).walk(modules, on_module)
    if window.idle is not None:
        window.idle._warn()  # the notice the idle reset shows, at once
        driver.step("idle-notice", window.idle.notice)  # it covers the page: only it counts
        window.idle.still_here()
    driver.open_workspace(window.staff_button, choosing=False)
    driver.click(window.workspace.back_button)  # type: ignore[union-attr]
    driver.modal(lambda: ask_for_pin(window, None), driver.look_at("pin-cannot-be-checked"))
    driver.modal(lambda: errors.sorry_box().exec(), driver.look_at("unexpected-error"))
