"""The Settings tab: the clinic's details and choices, old sessions, and the clinician PIN.

The form shows the settings as `load_settings` reads them; on "Save settings" the rules in
`eduapp.core.clinic` check every value (a problem is shown under its field) and write the
data folder's clinic.toml in one step. Deleting old sessions and changing the PIN also go
through core (`Store.purge_older_than`, `PinLock.change`); this tab only asks and shows.

In clinic mode the settings are the clinic's: saved on its server first (then in this
computer's copy), and only while the server answers; a kiosk's role cannot save them. A save
is refused when another computer saved since this form was loaded: the tab then shows what
they changed, keeps what was typed, and offers to load the newer settings or save over them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from eduapp.core.clinic import (
    CLINIC_KEYS,
    ClinicSettings,
    SettingProblem,
    SettingsError,
    load_settings,
    save_settings,
    settings_problems,
    with_changes,
)
from eduapp.core.paths import installed_languages
from eduapp.core.pin import MAX_DIGITS, MIN_DIGITS
from eduapp.core.storage.clinic_view import ClinicView, Reach
from eduapp.core.storage.problems import StoreError
from eduapp.core.storage.sqlite import Store
from eduapp.ui.clinician.models import clinician_style
from eduapp.ui.clinician.settings_moved import NewerSettings
from eduapp.ui.i18n import language_name
from eduapp.ui.pin_dialog import PinForm, PinRules, pin_rules
from eduapp.ui.widgets import button, down_scroll, label, show_status
from eduapp.ui.wording import pin_outcome, setting_problem, settings_not_saved, store_problem
from eduapp.ui.wrap_layout import ButtonRow

if TYPE_CHECKING:
    from eduapp.core.storage.clinic_settings import SettingsMoved

NUMBER_WIDTH = 120


class SettingsTab(QWidget):
    """Clinic settings, saved to the data folder; old sessions deleted; the PIN changed."""

    saved = Signal()  # the settings file was written; `settings` holds what it says
    purged = Signal(int)  # this many old sessions were deleted

    def __init__(self, store: Store, settings_path: Path, resources: Path,
                 parent: QWidget | None = None, *, clinic: ClinicView | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic  # clinic mode: the settings are saved on the clinic's server
        self.setObjectName("page")
        self.setStyleSheet(clinician_style())
        self.store = store
        self.settings_path = settings_path  # the data folder's clinic.toml
        self.resources = resources
        self.settings = load_settings(resources, settings_path.parent)
        self.fields: dict[str, QWidget] = {}
        self.titles: dict[str, str] = {}  # each field's name, for the notice of newer settings
        self.worded: dict[tuple[str, str], QLineEdit] = {}  # (key, language): its wording
        self.problems: dict[str, QLabel] = {}
        self.based_on = self._copy_version()  # clinic mode: the server's version of the form
        self.newer: tuple[ClinicSettings, int] | None = None  # another computer's, saved first
        languages = installed_languages(resources)
        self.language_codes = tuple(sorted({*languages, *self.settings.languages,
                                            self.settings.default_language}))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 12, 0, 0)
        box.setSpacing(10)
        self.file_problems = label("", "banner")
        self.file_problems.hide()
        box.addWidget(self.file_problems)
        self.clinic_note = label("", "banner")
        self.clinic_note.hide()
        box.addWidget(self.clinic_note)
        content = QWidget()
        self._scrolled = scrolled = QVBoxLayout(content)
        scrolled.setContentsMargins(0, 0, 8, 0)
        scrolled.setSpacing(16)
        # another computer's save: at the top of what scrolls, so that on a short window it
        # keeps its whole height (the list of what changed) instead of being squeezed
        self.newer_note = NewerSettings()
        self.newer_note.load_newer.connect(self.load_newer)
        self.newer_note.save_mine.connect(self.save_mine)
        scrolled.addWidget(self.newer_note)
        # two columns side by side, or one below the other when large text or long words
        # (Spanish) make them too wide for the window: see `_fit_columns`
        self.columns = columns = QHBoxLayout()
        columns.setSpacing(16)
        scrolled.addLayout(columns)
        self.cards = [self._clinic_card(), self._computer_card(), self._data_card()]
        columns.addWidget(self.cards[0], 1, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self.cards[1])
        right.addWidget(self.cards[2])
        right.addStretch(1)
        columns.addLayout(right, 1)
        self.scroller = scroll = down_scroll(content)
        scroll.viewport().installEventFilter(self)  # its width decides: `_fit_columns`
        content.installEventFilter(self)  # and so do the cards' widths, once laid out
        box.addWidget(scroll, 1)
        box.addLayout(self._save_bar())
        self.fill(self.settings)
        if clinic is not None:
            self.show_clinic(clinic.reach)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Resize and watched is self.scroller.viewport()) or (
                event.type() == QEvent.Type.LayoutRequest
                and watched is self.scroller.widget()):
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Side by side only when both columns fit the view at their narrowest."""
        margins = self._scrolled.contentsMargins()
        wide = (self.cards[0].minimumSizeHint().width() + self.columns.spacing()
                + max(card.minimumSizeHint().width() for card in self.cards[1:])
                + margins.left() + margins.right())
        fits = wide <= self.scroller.viewport().width()
        direction = (QBoxLayout.Direction.LeftToRight if fits
                     else QBoxLayout.Direction.TopToBottom)
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    # building ---------------------------------------------------------------------------

    def _card(self, title: str) -> tuple[QFrame, QGridLayout]:
        card = QFrame()
        card.setProperty("role", "card")
        grid = QGridLayout(card)
        grid.setContentsMargins(20, 10, 20, 14)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.addWidget(label(title, "h3"), 0, 0, 1, 2)
        return card, grid

    @staticmethod
    def _end(grid: QGridLayout) -> None:
        """Rows keep their height; the card's spare room goes below them."""
        grid.setRowStretch(grid.rowCount(), 1)

    def _row(self, grid: QGridLayout, key: str, title: str, field: QWidget,
             unit: str = "", extra: QWidget | None = None) -> None:
        """A field: its name on the left, a unit or another control after it.

        The row below it holds the field's problem, shown only when there is one.
        """
        row = grid.rowCount()
        name = label(title)  # two lines rather than a form too wide for a portrait tablet
        if not unit:  # a screen reader reads a buddy label instead of the name: keep the unit
            name.setBuddy(field)
        grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignVCenter)
        field.setAccessibleName(title if not unit else f"{title} ({unit})")
        if unit or extra:
            holder = ButtonRow(spacing=12)  # the unit under the field rather than cut
            for widget in (field, extra or label(unit, "muted", wrap=False)):
                holder.addWidget(widget)
                holder.pin_left(widget)
            grid.addLayout(holder, row, 1)
        elif isinstance(field, QComboBox):
            grid.addWidget(field, row, 1, Qt.AlignmentFlag.AlignLeft)
        else:
            grid.addWidget(field, row, 1)
        self._add_problem(grid, key, row + 1)
        self.fields[key] = field
        self.titles[key] = title

    def _add_problem(self, grid: QGridLayout, key: str, row: int) -> None:
        problem = label("", "problem")
        problem.hide()
        grid.addWidget(problem, row, 1)
        self.problems[key] = problem

    def _line(self, number: bool = False) -> QLineEdit:
        field = QLineEdit()
        if number:
            field.setFixedWidth(NUMBER_WIDTH)
            field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        field.textEdited.connect(self._edited)
        return field

    def _clinic_card(self) -> QFrame:
        card, grid = self._card(self.tr("Clinic details"))
        rows = (("clinic_name", self.tr("Clinic name"), ""),
                ("clinic_phone", self.tr("Clinic phone"), ""),
                ("after_hours_phone", self.tr("After-hours phone"), ""),
                ("emergency_number", self.tr("Emergency number"), ""),
                ("no_food_hours", self.tr("No solid food for"), self.tr("hours before")),
                ("clear_liquids_hours", self.tr("Clear liquids until"), self.tr("hours before")),
                ("arrival_minutes", self.tr("Arrive early by"), self.tr("minutes")),
                ("session_hours", self.tr("Session length"), self.tr("hours, e.g. 1 to 4")))
        for key, title, unit in rows:
            numeric = key in ("no_food_hours", "clear_liquids_hours", "arrival_minutes")
            field = self._line(number=numeric)
            if key == "session_hours":
                field.setFixedWidth(NUMBER_WIDTH)
            self._row(grid, key, title, field, unit)
            for code in sorted(c for c, table in self.settings.translated.items() if key in table):
                self._worded_row(grid, key, code, title, field)
        self.driver_rule = QPlainTextEdit()
        self.driver_rule.setTabChangesFocus(True)
        self.driver_rule.setFixedHeight(72)
        self.driver_rule.textChanged.connect(self._edited)
        self.driver_rule.setAccessibleName(self.tr("Getting home after a session"))
        row = grid.rowCount()
        name = label(self.tr("Getting home after a session"), wrap=False)
        name.setBuddy(self.driver_rule)
        grid.addWidget(name, row, 0, 1, 2)
        grid.addWidget(self.driver_rule, row + 1, 0, 1, 2)
        self._add_problem(grid, "driver_rule", row + 2)
        self.fields["driver_rule"] = self.driver_rule
        self.titles["driver_rule"] = self.tr("Getting home after a session")
        self._end(grid)
        return card

    def _worded_row(self, grid: QGridLayout, key: str, code: str, title: str,
                    value: QLineEdit) -> None:
        """The value as worded for patients reading in `code` (e.g. Spanish's "1 y 4")."""
        worded = self._line()
        if value.maximumWidth() == value.minimumWidth():
            worded.setFixedWidth(value.maximumWidth())
        name = self.tr("%1 (%2)").replace("%1", title).replace("%2", language_name(code))
        self._row(grid, f"{key}@{code}", name, worded,
                  self.tr("left empty: the value above"))
        self.worded[(key, code)] = worded

    def _computer_card(self) -> QFrame:
        card, grid = self._card(self.tr("On every device") if self.clinic is not None
                                else self.tr("On this computer"))
        self._row(grid, "idle_seconds", self.tr("Start over after"), self._line(number=True),
                  self.tr("seconds without a touch"))
        self.kiosk = self._check(self.tr("Kiosk: full screen; closing needs the PIN"))
        grid.addWidget(self.kiosk, grid.rowCount(), 0, 1, 2)
        self._add_problem(grid, "kiosk", grid.rowCount())
        self.languages_holder = holder = QWidget()
        languages = QHBoxLayout(holder)
        languages.setContentsMargins(0, 0, 0, 0)
        self.language_boxes: dict[str, QCheckBox] = {}
        for code in self.language_codes:
            box = self._check(language_name(code))
            box.toggled.connect(self._edited)
            self.language_boxes[code] = box
            languages.addWidget(box)
        languages.addStretch(1)
        self._row(grid, "languages", self.tr("Languages offered"), holder)
        self.default_language = self._choice([(language_name(code), code)
                                              for code in self.language_codes])
        self._row(grid, "default_language", self.tr("First language"), self.default_language)
        self.text_size = self._choice([(self.tr("Normal text"), 0), (self.tr("Larger text"), 1),
                                       (self.tr("Largest text"), 2)])
        self.high_contrast = self._check(self.tr("High contrast"))
        self._row(grid, "text_size", self.tr("Patients start with"), self.text_size,
                  extra=self.high_contrast)
        self.text_size.setAccessibleName(self.tr("Text size patients start with"))
        self.high_contrast.setAccessibleName(self.tr("Patients start with high contrast"))
        self.titles["high_contrast"] = self.tr("Patients start with high contrast")
        self.paper = self._choice([(self.tr("Letter"), "letter"), (self.tr("A4"), "a4")])
        self._row(grid, "paper", self.tr("Paper for printouts"), self.paper)
        self._end(grid)
        return card

    def _data_card(self) -> QFrame:
        card, grid = self._card(self.tr("Old sessions and PIN"))
        keep = self._line(number=True)
        keep.textChanged.connect(self._name_purge_button)
        self._row(grid, "keep_days", self.tr("Keep sessions for"), keep,
                  self.tr("days, then delete them at start"))
        self.purge_button = button(self.tr("Delete old sessions now"))
        self.purge_button.clicked.connect(self.purge_now)
        self.pin_button = button(self.tr("Change PIN…"), name=self.tr("Change the clinician PIN"))
        self.pin_button.clicked.connect(self.change_pin)
        actions = ButtonRow(spacing=12)  # two rows rather than a cut button
        for widget in (self.purge_button, self.pin_button):
            actions.addWidget(widget)
            actions.pin_left(widget)
        grid.addLayout(actions, grid.rowCount(), 0, 1, 2)
        return card

    def _check(self, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setAccessibleName(text)
        return box

    def _choice(self, items: list[tuple[str, object]]) -> QComboBox:
        box = QComboBox()
        box.setMinimumWidth(240)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # never cut
        for text, value in items:
            box.addItem(text, value)
        return box

    def _save_bar(self) -> QVBoxLayout:
        bar = QVBoxLayout()
        bar.setSpacing(8)
        self.status = label("", "status")
        self.status.hide()
        bar.addWidget(self.status)
        bar.addWidget(label(self.tr("The languages offered and kiosk mode change the next time "
                                    "eduapp starts; the rest applies at once, or from the next "
                                    "patient."), "muted"))
        row = ButtonRow(spacing=12)  # two rows rather than a cut button
        self.discard_button = button(self.tr("Discard changes"),
                                     name=self.tr("Discard changes and show the saved settings"))
        self.discard_button.clicked.connect(self.discard)
        self.save_button = button(self.tr("Save settings"), "primary")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.discard_button)
        row.addWidget(self.save_button)
        bar.addLayout(row)
        return bar

    # the form ---------------------------------------------------------------------------

    def fill(self, settings: ClinicSettings) -> None:
        """Show `settings` in the form, and any problem of the files they came from."""
        for key in CLINIC_KEYS:
            text = settings.values.get(key, "")
            field = self.fields[key]
            if isinstance(field, QLineEdit):
                field.setText(text)
                field.setCursorPosition(0)  # show the start of a long value
        self.driver_rule.setPlainText(settings.values.get("driver_rule", ""))
        for (key, code), worded in self.worded.items():
            worded.setText(settings.translated.get(code, {}).get(key, ""))
            worded.setCursorPosition(0)
        self._line_edit("idle_seconds").setText(str(settings.idle_seconds))
        self._line_edit("keep_days").setText(str(settings.keep_days))
        self.kiosk.setChecked(settings.kiosk)
        self.high_contrast.setChecked(settings.high_contrast)
        for code, box in self.language_boxes.items():
            box.setChecked(code in settings.languages)
        _select(self.default_language, settings.default_language)
        _select(self.text_size, settings.text_size)
        _select(self.paper, settings.paper)
        self.show_problems({})
        if settings.problems:
            self.file_problems.setText(self.tr(
                "The settings file has a problem, so the defaults are shown for it. Saving "
                "writes a correct file.") + "\n" + "\n".join(map(str, settings.problems)))
        self.file_problems.setVisible(bool(settings.problems))

    def form(self) -> dict[str, object]:
        """What the form says, key by key, as typed (numbers as text)."""
        values: dict[str, object] = {}
        for key in CLINIC_KEYS:
            field = self.fields[key]
            if isinstance(field, QLineEdit):
                values[key] = field.text()
        values["driver_rule"] = self.driver_rule.toPlainText()
        translated: dict[str, dict[str, str]] = {}
        for (key, code), worded in self.worded.items():
            translated.setdefault(code, {})[key] = worded.text()
        values["translated"] = translated
        values["idle_seconds"] = self._line_edit("idle_seconds").text()
        values["keep_days"] = self._line_edit("keep_days").text()
        values["kiosk"] = self.kiosk.isChecked()
        values["high_contrast"] = self.high_contrast.isChecked()
        values["languages"] = [c for c, box in self.language_boxes.items() if box.isChecked()]
        values["default_language"] = self.default_language.currentData()
        values["text_size"] = self.text_size.currentData()
        values["paper"] = self.paper.currentData()
        return values

    def show_problems(self, facts: Mapping[str, SettingProblem]) -> None:
        """Each problem under its field; fields without one lose theirs."""
        problems = {key: setting_problem(fact) for key, fact in facts.items()}
        for key, problem in self.problems.items():
            problem.setText(problems.get(key, ""))
            problem.setAccessibleName(problems.get(key, ""))
            problem.setVisible(key in problems)
            field = self.fields.get(key)
            if field is not None:
                field.setAccessibleDescription(problems.get(key, ""))
        first = next((self.fields[k] for k in self.fields if k in problems), None)
        if first is not None:
            first.setFocus()

    def _edited(self) -> None:
        """A field was changed: its problem, if any, is out of date."""
        field = self.sender()
        if field in self.language_boxes.values():
            field = self.languages_holder
        for key, widget in self.fields.items():
            if widget is field:
                self.problems[key].hide()

    def _line_edit(self, key: str) -> QLineEdit:
        field = self.fields[key]
        assert isinstance(field, QLineEdit)
        return field

    def _name_purge_button(self, text: str) -> None:
        days = text.strip()
        name = (self.tr("Delete sessions older than %n days now", "", int(days))
                if days.isascii() and days.isdigit() and len(days) < 10
                else self.tr("Delete old sessions now"))
        self.purge_button.setText(name)
        self.purge_button.setAccessibleName(name)

    # actions ----------------------------------------------------------------------------

    def show_clinic(self, reach: Reach) -> None:
        """Clinic mode: say whose settings these are and whether they can be saved now."""
        if reach is Reach.WHOLE_CLINIC:
            text = self.tr("These are the clinic's settings: saving them changes them on every "
                           "device. Kiosk mode is this computer's own.")
        elif reach is Reach.AWAY:
            text = self.tr("The clinic's server cannot be reached. These are the clinic's "
                           "settings as this computer last saw them; changes cannot be saved "
                           "until the server answers again.")
        else:
            text = self.tr("These are the clinic's settings. This device cannot change them: "
                           "change them on a clinician computer.")
        self.clinic_note.setText(text)
        self.clinic_note.setAccessibleName(text)
        self.clinic_note.show()
        self.save_button.setEnabled(reach is not Reach.OWN_ONLY)

    def save(self) -> bool:
        """Check the form and write the settings file; True when it was saved."""
        changed = with_changes(self.settings, self.form())
        problems = settings_problems(changed)
        if not problems and self.clinic is not None and not self._save_for_clinic(changed):
            return False
        try:
            save_settings(changed, self.settings_path)
        except SettingsError as err:
            if err.problems:
                self.show_problems(err.problems)
                self.say(self.tr("Not saved: %n fields need a change.", "", len(err.problems)),
                         error=True)
            else:
                self.say(self.tr("Not saved. %1").replace("%1", settings_not_saved(err)),
                         error=True)
            return False
        self.settings = changed
        self.show_problems({})
        self.file_problems.hide()
        if self.clinic is not None:
            self.say(self.tr("Saved for every device of the clinic."))
        else:
            self.say(self.tr("Saved to %1.").replace("%1", str(self.settings_path)))
        self.saved.emit()
        return True

    def _save_for_clinic(self, changed: ClinicSettings) -> bool:
        """Save on the clinic's server first; False (and why, said) when it cannot."""
        from eduapp.core.storage.clinic_settings import (
            SettingsMoved,
            keep_settings_version,
            push_settings,
        )
        from eduapp.core.storage.postgres import Failure, ServerError

        assert self.clinic is not None
        try:
            version = push_settings(self.clinic.url, changed, based_on=self.based_on or 0)
        except SettingsMoved as moved:
            self._show_newer(moved)
            return False
        except ServerError as err:
            if err.failure is Failure.REFUSED:
                self.show_clinic(Reach.OWN_ONLY)
                self.say(self.tr("Not saved: this device cannot change the clinic's settings. "
                                 "Change them on a clinician computer."), error=True)
            elif err.failure is Failure.UNREACHABLE:
                self.show_clinic(Reach.AWAY)
                self.say(self.tr("Not saved: the clinic's server cannot be reached, and the "
                                 "settings are the same on every device. Nothing was "
                                 "changed; save again when the server answers."), error=True)
            else:
                self.say(self.tr("Not saved: the clinic's server could not save the settings. "
                                 "Nothing was changed."), error=True)
            return False
        self.show_clinic(Reach.WHOLE_CLINIC)
        keep_settings_version(self.settings_path.parent, version)
        self.based_on = version
        self.newer = None
        self.newer_note.hide()
        return True

    def _copy_version(self) -> int | None:
        """Clinic mode: the server's version of this computer's copy (0: none seen yet)."""
        if self.clinic is None:
            return None
        from eduapp.core.storage.clinic_settings import settings_version

        return settings_version(self.settings_path.parent) or 0

    def _show_newer(self, moved: SettingsMoved) -> None:
        """Another computer saved first: say what they changed, keep the form as typed.

        This computer takes their settings as its copy at once (the app uses them).
        """
        from eduapp.core.storage.clinic_settings import changed_keys, write_device_copy

        folder = self.settings_path.parent
        if moved.text is not None:
            write_device_copy(folder, moved.text, moved.version)
        newer = load_settings(self.resources, folder)
        self.newer = (newer, moved.version)
        changes = [(self.titles[key], self._shown(newer, key))
                   for key in changed_keys(self.settings, newer)]
        self.show_clinic(Reach.WHOLE_CLINIC)
        self.say(self.tr("Not saved: another computer changed the clinic's settings first."),
                 error=True)
        self.newer_note.show_newer(moved.saved_at, changes)
        self.scroller.verticalScrollBar().setValue(0)  # the note is at the top
        self.saved.emit()  # this computer's copy now holds the newer settings

    def _shown(self, settings: ClinicSettings, key: str) -> str:
        """A setting's value as the form shows it."""
        if key in CLINIC_KEYS:
            return settings.values.get(key, "")
        if key == "languages":
            return ", ".join(language_name(code) for code in settings.languages)
        if key == "default_language":
            return language_name(settings.default_language)
        if key == "high_contrast":
            return self.tr("yes") if settings.high_contrast else self.tr("no")
        boxes = {"text_size": self.text_size, "paper": self.paper}
        if key in boxes:
            box = boxes[key]
            return box.itemText(max(0, box.findData(getattr(settings, key))))
        return str(getattr(settings, key))

    def load_newer(self) -> None:
        """Show the settings another computer saved; what was typed here is left unsaved."""
        if self.newer is None:
            return
        self.settings, self.based_on = self.newer
        self.newer = None
        self.newer_note.hide()
        self.fill(self.settings)
        self.say(self.tr("The newer settings are shown. What you typed was not saved."))
        self.save_button.setFocus()

    def save_mine(self) -> None:
        """Save what was changed here over the settings another computer saved.

        The fields changed in this form take its values; the others keep the newer ones,
        so what the other computer changed elsewhere is not undone.
        """
        if self.newer is None:
            return
        from eduapp.core.storage.clinic_settings import changed_keys

        typed = self.form()
        mine = with_changes(self.settings, typed)
        edited = {*changed_keys(self.settings, mine), "kiosk"}
        if mine.translated != self.settings.translated:
            edited.add("translated")
        self.settings, self.based_on = self.newer
        self.fill(with_changes(self.settings, {k: v for k, v in typed.items() if k in edited}))
        self.save()

    def follow_clinic(self) -> None:
        """Another computer saved the clinic's settings: show them, unless the form is edited.

        A form with changes not yet saved stays as it is: its save is then refused and shows
        the newer settings beside them.
        """
        if self.clinic is None or self.newer is not None:
            return
        from eduapp.core.storage.clinic_settings import changed_keys

        typed = with_changes(self.settings, self.form())
        if changed_keys(self.settings, typed) or typed.translated != self.settings.translated \
                or typed.kiosk != self.settings.kiosk:
            return
        newer = load_settings(self.resources, self.settings_path.parent)
        version = self._copy_version()
        if version == self.based_on and not changed_keys(self.settings, newer):
            return
        self.settings, self.based_on = newer, version
        self.fill(newer)
        self.say(self.tr("Another computer changed the clinic's settings; they are shown."))

    def discard(self) -> None:
        """Show the saved settings again."""
        self.settings = load_settings(self.resources, self.settings_path.parent)
        self.based_on = self._copy_version()
        self.newer = None
        self.newer_note.hide()
        self.fill(self.settings)
        self.say(self.tr("The saved settings are shown again."))

    def purge_now(self) -> None:
        """Delete sessions older than the days in the form, after asking."""
        keep = with_changes(self.settings, {"keep_days": self._line_edit("keep_days").text()})
        problem = settings_problems(keep).get("keep_days")
        if problem:
            self.show_problems({"keep_days": problem})
            return
        days = keep.keep_days
        if not self._confirm(self.tr(
                "Delete every session that started more than %n days ago, with all its "
                "answers? This cannot be undone.", "", days)):
            return
        try:
            deleted = self.store.purge_older_than(days)
        except StoreError as err:
            self.say(self.tr("Old sessions could not be deleted: %1.").replace(
                "%1", store_problem(err.problem)), error=True)
            return
        if deleted:
            self.say(self.tr("Deleted %n sessions", "", deleted) + " "
                     + self.tr("older than %n days.", "", days))
        else:
            self.say(self.tr("No session was older than %n days.", "", days))
        self.purged.emit(deleted)

    def change_pin(self) -> None:
        rules = pin_rules(self.store)
        assert rules is not None
        dialog = ChangePinDialog(rules, self)
        if self._run_dialog(dialog):
            self.say(self.tr("The clinician PIN was changed."))

    def say(self, text: str, *, error: bool = False) -> None:
        """A message under the tab: what was done, or what went wrong."""
        show_status(self.status, text, error=error)

    # dialogs (tests replace these) ------------------------------------------------------

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete old sessions"), question,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted


def _select(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


class ChangePinDialog(PinForm):
    """The current PIN, the new one twice; the PIN rules decide and say what is wrong."""

    def __init__(self, rules: PinRules, parent: QWidget | None = None) -> None:
        self.rules = rules
        super().__init__((
            self.tr("Change the clinician PIN"), self.tr("Change the clinician PIN"),
            self.tr("The new PIN: %1 to %2 digits. Only staff should know it.").replace(
                "%1", str(MIN_DIGITS)).replace("%2", str(MAX_DIGITS)),
            self.tr("Cancel"), self.tr("Change PIN")),
            [self.tr("Current PIN"), self.tr("New PIN"), self.tr("Repeat the new PIN")], parent)
        self.current, self.new, self.repeat = self.fields

    def answer(self) -> str | None:
        if self.new.text() != self.repeat.text():
            return self.tr("The two new PINs are not the same.")
        return pin_outcome(self.rules.change(self.current.text(), self.new.text()))
