"""The core's facts (problem codes, notices, PIN outcomes) worded for people, in their language."""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QT_TR_NOOP

from eduapp.core.analytics import AttemptSummary, ToDiscuss
from eduapp.core.clinic import Must, SettingProblem, SettingsError
from eduapp.core.pin import MAX_DIGITS, MIN_DIGITS, PinCheck, PinProblem
from eduapp.core.quiz import Mastery
from eduapp.core.startup import Notice, NoticeKind
from eduapp.core.storage.clinic_view import Reach
from eduapp.core.storage.problems import StoreProblem
from eduapp.ui.i18n import short_time, tr

_STORE_PROBLEMS = {  # QT_TR_NOOP: lupdate collects them; store_problem translates
    StoreProblem.BUSY: QT_TR_NOOP("the database is in use by another program"),
    StoreProblem.READ_ONLY: QT_TR_NOOP("the data folder cannot be written to"),
    StoreProblem.FULL: QT_TR_NOOP("the disk is full"),
    StoreProblem.DAMAGED: QT_TR_NOOP("the database file is damaged"),
    StoreProblem.NEWER: QT_TR_NOOP("the database was made by a newer version of eduapp"),
    StoreProblem.NO_DATABASE: QT_TR_NOOP("no database is open"),
    StoreProblem.UNREACHABLE: QT_TR_NOOP("the clinic's server cannot be reached"),
    StoreProblem.OTHER: QT_TR_NOOP("the database cannot be used"),
}


def store_problem(problem: StoreProblem) -> str:
    """Why the database cannot be used, as a phrase that ends a sentence."""
    return tr(str(_STORE_PROBLEMS[problem]))


def notice(item: Notice) -> str:
    """A start-up notice for the clinician."""
    if item.kind is NoticeKind.PHONES_UNSET:
        return tr("Phone numbers are not set: patients cannot be told whom to call. Set them "
                  "in Settings.")
    why = store_problem(item.problem or StoreProblem.OTHER)
    if item.kind is NoticeKind.NOT_SAVING:
        return tr("Results are not being saved: %1.").replace("%1", why)
    if item.kind is NoticeKind.DAMAGED_KEPT:
        return tr("The database was damaged. It was kept as %1 and a new one was started."
                  ).replace("%1", item.subject)
    if item.kind is NoticeKind.WAITING:
        return " ".join((
            tr("Results are not being saved right now: %1.").replace("%1", why),
            tr("%n answers and screen visits are kept in memory and will be saved as soon as "
               "the database can be written; do not close the app until this message is "
               "gone.", "", item.count)))
    return tr("Module '%1' is broken and hidden from patients: %2").replace(
        "%1", item.subject).replace("%2", item.detail)


def clinic_reach(reach: Reach, since: datetime | None) -> str:
    """Clinic mode: whose sessions the workspace shows, and why only this device's."""
    if reach is Reach.WHOLE_CLINIC:
        return tr("Showing the whole clinic: sessions from every device.")
    if reach is Reach.OWN_ONLY:
        return tr("This device shows only its own sessions not yet on the clinic's server: "
                  "a finished session is deleted here once the server has it. Clinician "
                  "computers show the whole clinic.")
    when = short_time(since or datetime.now())
    return tr("The clinic's server cannot be reached (since %1). Only this device's sessions "
              "are shown; sessions from other devices are not.").replace("%1", when)


def pin_outcome(outcome: PinProblem | PinCheck | None) -> str | None:
    """What to tell the clinician after choosing, entering or changing a PIN; None: done."""
    if outcome is None:
        return None
    if isinstance(outcome, PinCheck):
        if outcome.ok:
            return None
        if outcome.locked_seconds > 0:
            return tr("Too many wrong tries. Try again in %n seconds.", "",
                      math.ceil(outcome.locked_seconds))
        return tr("That PIN is not right. %n tries left before a pause.", "",
                  outcome.tries_left)
    if outcome is PinProblem.NOT_DIGITS:
        return tr("Use digits only.")
    if outcome is PinProblem.LENGTH:
        return tr("Use %1 to %2 digits.").replace("%1", str(MIN_DIGITS)).replace(
            "%2", str(MAX_DIGITS))
    if outcome is PinProblem.SERVER_AWAY:
        return tr("The clinic's server cannot be reached, so the PIN cannot be changed now. "
                  "The PIN is the same on every device; try again when the server is back.")
    if outcome is PinProblem.NOT_HERE:
        return tr("This device cannot change the clinic's PIN: change it on a clinician "
                  "computer.")
    return tr("A PIN is already set.")


_MUST = {  # QT_TR_NOOP: lupdate collects them; setting_problem translates
    Must.NOT_EMPTY: QT_TR_NOOP("Must not be empty."),
    Must.ONE_LINE: QT_TR_NOOP("Must be one line of at most %2 characters."),
    Must.NO_BRACES: QT_TR_NOOP("Must not contain {{ or }}."),
    Must.WHOLE_HOURS: QT_TR_NOOP("Must be a whole number of hours from %1 to %2."),
    Must.WHOLE_MINUTES: QT_TR_NOOP("Must be a whole number of minutes from %1 to %2."),
    Must.WHOLE_NUMBER: QT_TR_NOOP("Must be a whole number from %1 to %2."),
    Must.LIQUIDS_BEFORE_FOOD: QT_TR_NOOP("Must not be more than the hours of no solid food."),
    Must.LANGUAGE_CODE: QT_TR_NOOP("Must be a two-letter code such as \"en\"."),
    Must.LANGUAGE_CODES:
        QT_TR_NOOP("Must be a list of different two-letter codes such as [\"en\", \"es\"]."),
    Must.TRUE_FALSE: QT_TR_NOOP("Must be true or false."),
    Must.TEXT_SIZE: QT_TR_NOOP("Must be 0, 1 or 2."),
    Must.PAPER: QT_TR_NOOP("Must be \"letter\" or \"a4\"."),
    Must.OFFERED: QT_TR_NOOP("Must be one of the languages offered."),
    Must.PHONE_NUMBER: QT_TR_NOOP("Must be a phone number: digits, spaces and + - ( ) ., "
                                  "with at least 3 digits."),
}


def setting_problem(problem: SettingProblem) -> str:
    """What a setting in the form must be."""
    return tr(str(_MUST[problem.must])).replace("%1", str(problem.low)).replace(
        "%2", str(problem.high))


def settings_not_saved(err: SettingsError) -> str:
    """Why the settings file could not be written."""
    folder = str(err.folder) if err.folder else ""
    if err.kept:
        return tr("The settings could not be saved in %1 (%2); the file there was not "
                  "changed.").replace("%1", folder).replace("%2", err.reason)
    return tr("The folder %1 cannot be written to (%2).").replace("%1", folder).replace(
        "%2", err.reason)


_MASTERY = {
    Mastery.FIRST_TRY: QT_TR_NOOP("Understood on first try"),
    Mastery.AFTER_REVIEW: QT_TR_NOOP("Understood after review"),
    Mastery.NOT_YET: QT_TR_NOOP("Not yet: discuss"),
}


def mastery_text(level: Mastery) -> str:
    """How well a learning objective was understood, as the clinician reads it."""
    return tr(str(_MASTERY[level]))


def attempt_status(attempt: AttemptSummary) -> str:
    """How a quiz ended: completed, not finished, or stopped with objectives to discuss."""
    if attempt.completed:
        return tr("Completed")
    if not attempt.finished:
        return tr("Not finished")
    missed = sum(level is Mastery.NOT_YET for _, level in attempt.results.objectives)
    return tr("Stopped: %n to discuss", "", missed)


def discuss_prompts(item: ToDiscuss) -> tuple[str, ...]:
    """The teach-back prompts for an objective; without any, ask for it in own words."""
    return item.prompts or (tr("Ask the patient to tell you in their own words: %1").replace(
        "%1", item.objective.text),)

