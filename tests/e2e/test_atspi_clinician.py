"""The clinician workspace on the Linux accessibility bus, walked by keyboard alone as a
screen-reader user does, in English and in Spanish: the PIN dialog (a wrong PIN, then the
right one), every tab by Tab and the arrow keys, a session's row in Today's table, the
presenter's outline, and the change-PIN dialog. What is asserted is what the screen reader
gets: roles, names (units included), labels, table cells, focus moves and notifications."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.a11y_bus import ROOT, desktop, missing, start_app
from tests.e2e.keyboard_user import PIN, Heard, KeyboardUser, clinic_folder

pytestmark = pytest.mark.skipif(bool(missing()), reason=missing() or "ready")

CONTAINERS = {"filler", "panel", "layered pane", "unknown", "scroll pane", "viewport"}
TABS = ("Today", "Questions", "Presenter", "Settings")


def words(language: str) -> Any:
    """The interface's words in `language`: words(context, English text)."""
    from eduapp.ui.i18n import load_translator

    translator = load_translator(ROOT / "resources", language)

    def word(context: str, text: str) -> str:
        return (translator.translate(context, text) if translator else "") or text
    return word


class Walk:
    """What a screen-reader user met in the workspace, step by step."""

    def __init__(self, user: KeyboardUser, word: Any) -> None:
        self.user = user
        self.word = word
        self.pin_dialog: list[Heard] = []
        self.tabs: dict[str, list[Heard]] = {}
        self.trees: dict[str, list[dict[str, Any]]] = {}
        self.extra: dict[str, list[Heard]] = {}
        self.unlocked: list[tuple[str, str]] = []  # every object, as the PIN opened the tabs
        self.every_tab_shown: list[tuple[str, str]] = []  # and once every tab was shown

    def run(self) -> None:
        user, word = self.user, self.word
        staff = word("MainWindow", "Staff: open clinician mode")
        user.tab_until(lambda h: h.name == staff, limit=12)
        self.pin_dialog.append(user.press("Return"))
        user.type("1" * len(PIN))
        self.pin_dialog.append(user.press("Return"))  # wrong: said, and tried again
        user.type(PIN)
        self.pin_dialog.append(user.press("Return"))
        self.pin_dialog.append(user.press())  # the window has the keyboard again
        self.unlocked = user.everything()
        for number, tab in enumerate(TABS):
            if number:
                self.extra[f"to {tab}"] = [user.press("Right")]
            self.trees[tab] = user.showing()
            self.tabs[tab] = user.tab_until(lambda h: h.role == "page tab list", limit=60)
            getattr(self, f"_{tab.lower()}", lambda: None)()
        self.every_tab_shown = user.everything()

    def _today(self) -> None:
        name = self.word("TodayTab", "Sessions on this day, newest first")
        self.user.tab_until(lambda h: h.name == name)
        self.extra["session row"] = [self.user.press(key) for key in
                                     ("Down", "Home", "Right", "Right", "Right", "Right")]
        details = self.word("TodayTab", "Session details")
        self.extra["details"] = self.user.tab_until(lambda h: h.name == details, limit=12)
        self.user.tab_until(lambda h: h.role == "page tab list")
        previous, today = (self.word("TodayTab", t) for t in ("Previous day", "Show today"))
        self.user.tab_until(lambda h: h.name == previous)
        self.extra["other day"] = [self.user.press("Return")]
        self.user.tab_until(lambda h: h.name == today)
        self.extra["other day"].append(self.user.press("Return"))
        self.user.tab_until(lambda h: h.role == "page tab list")

    def _presenter(self) -> None:
        self.user.tab_until(lambda h: h.role == "tree")
        self.extra["outline"] = [self.user.press("Down"), self.user.press("Down")]
        self.user.tab_until(lambda h: h.role == "page tab list")

    def _settings(self) -> None:
        name = self.word("SettingsTab", "Change the clinician PIN")
        self.user.tab_until(lambda h: h.name == name)
        opened = self.user.press("Return")
        stops = self.user.tab_until(lambda h: h.role == "password text"
                                    and h.name == opened.name, limit=8)
        self.extra["change PIN"] = [opened, *stops, self.user.press("Escape"), self.user.press()]
        save = self.word("SettingsTab", "Save settings")
        self.user.tab_until(lambda h: h.name == save)
        self.extra["save"] = [self.user.press("Return")]
        self.user.tab_until(lambda h: h.role == "page tab list")


@pytest.fixture(scope="module", params=["en", "es"])
def walk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
         library: Any) -> Iterator[Walk]:
    language = request.param
    folder = clinic_folder(tmp_path_factory.mktemp(f"clinic-{language}") / "data",
                           library.for_language(language))
    with desktop() as env:
        app = start_app(env, "--data-dir", str(folder), "--lang", language, temp=False)
        user = KeyboardUser(env, app.pid, quiet=0.3)
        walked = Walk(user, words(language))
        try:
            walked.run()
        except AssertionError as err:
            raise AssertionError(f"{err}\n{user.transcript()}") from None
        finally:
            user.close()
            app.terminate()
            app.wait(timeout=10)
        yield walked


def stops(walk: Walk) -> Iterator[tuple[str, Heard]]:
    for tab, heard in walk.tabs.items():
        for step in heard:
            yield tab, step


def test_every_tab_is_reached_by_keyboard_and_every_stop_says_what_it_is(walk: Walk) -> None:
    for tab, heard in walk.tabs.items():
        assert heard[-1].role == "page tab list", tab
        names = [h.name for h in heard]
        assert len(heard) >= 3, (tab, names)
        for before, after in itertools.pairwise(heard):  # one stop per control
            assert (before.role, before.name) != (after.role, after.name), (tab, names)
    for tab, step in stops(walk):
        assert step.role not in CONTAINERS | {"gone", ""}, (tab, step.focus)
        assert re.search(r"\w", step.name), (tab, step.focus)
    chosen = [walk.extra[f"to {tab}"][0] for tab in TABS[1:]]
    assert [h.role for h in chosen] == ["page tab"] * 3
    assert [h.name for h in chosen] == [walk.word("ClinicianWorkspace", t) for t in TABS[1:]]


def test_the_pin_opens_every_tab_name_and_builds_a_tab_when_it_is_shown(walk: Walk) -> None:
    """Opening the workspace puts few objects on the bus: every tab's name and Today's page,
    reachable at once; the other pages come as their tabs are opened."""
    word = walk.word
    names = [word("ClinicianWorkspace", t) for t in TABS]
    assert [n for role, n in walk.unlocked if role == "page tab"] == names
    today_table = word("TodayTab", "Sessions on this day, newest first")
    assert ("table", today_table) in walk.unlocked
    assert walk.tabs["Today"][0].focus["parent"]["role"] != "page tab list"  # a Today control
    later = {("tree", word("PresenterTab", "Outline of all modules and screens")),
             ("push button", word("SettingsTab", "Save settings")),
             ("table", word("QuestionsTab", "Questions, hardest first"))}
    assert not later & set(walk.unlocked)
    assert later <= set(walk.every_tab_shown)
    assert 2 * len(walk.unlocked) < len(walk.every_tab_shown), (len(walk.unlocked),
                                                                len(walk.every_tab_shown))


def test_a_session_is_said_in_a_line_and_its_details_read_in_full(walk: Walk) -> None:
    down, home, code, *_ = walk.extra["session row"]
    said = down.notifications()  # the row chosen, in one line; not the whole summary
    row = " ".join(f"{home.name}, {code.name}: ".split())  # the time's narrow space: a space
    assert len(said) == 1 and said[0].startswith(row), down.events
    assert len(said[0]) < 120, said
    for step in walk.extra["session row"][1:]:  # moving along the row chooses no other
        assert step.notifications() == [], step.events
    details = walk.extra["details"][-1]
    assert details.role == "text" and "read only" in details.focus["states"], details.focus
    assert details.name == walk.word("TodayTab", "Session details")
    assert code.name in details.focus["text"]  # the chosen session's, readable line by line
    whole = details.focus["description"]  # what is said as the text gets the focus
    assert code.name in whole and walk.word("", "Answers") in whole
    assert len(whole) > len(details.focus["text"]) >= 400


def test_the_pin_dialog_is_named_and_says_a_wrong_pin(walk: Walk) -> None:
    opened, wrong, _right, back = walk.pin_dialog
    assert opened.role == "password text"
    assert opened.name == walk.word("PinDialog", "PIN")
    assert opened.focus["parent"]["role"] == "dialog"
    assert opened.focus["parent"]["name"] == walk.word("PinDialog", "Clinician PIN")
    said = wrong.notifications()
    assert said and all(re.search(r"\w", n) for n in said), wrong.events
    # the focus starts on the tabs (Qt names the tab list by the tab chosen)
    assert back.role in ("page tab", "page tab list"), back.focus
    assert back.name == walk.word("ClinicianWorkspace", "Today")


def test_fields_are_named_with_their_unit_and_combo_boxes_by_their_label(walk: Walk) -> None:
    tree = walk.trees["Settings"]
    units = {"hours before", "minutes", "hours, e.g. 1 to 4", "seconds without a touch",
             "days, then delete them at start"}
    said = {walk.word("SettingsTab", unit) for unit in units}
    fields = [h.focus for h in walk.tabs["Settings"] if h.role == "text"]
    for unit in said:
        assert any(unit in field["name"] for field in fields), (unit, [f["name"] for f in fields])
    labels = {o["name"] for o in tree if o["role"] == "label"}
    combos = [h.focus for h in walk.tabs["Settings"] if h.role == "combo box"]
    assert len(combos) == 3
    for combo in combos:  # Qt names a combo box by its value; its label says what it is
        assert combo["labelled_by"] and combo["labelled_by"][0] in labels, combo
        assert combo["labelled_by"][0] != combo["name"]


def test_table_cells_say_what_they_mean_not_a_dash_or_a_mark(walk: Walk) -> None:
    cells = [o for tab in ("Today", "Questions") for o in walk.trees[tab]
             if o["role"] == "table cell"]
    assert len(cells) > 20
    for cell in cells:
        assert re.search(r"\w", cell["name"]), cell
        assert not re.search("[\u2014\u2713\u25cb\u2691]", cell["name"]), cell
    row = walk.extra["session row"]
    assert all(h.role == "table cell" and re.search(r"\w", h.name) for h in row), row
    assert len({h.name for h in row[1:]}) == 5  # each column of one session's row
    assert all(h.focus["parent"]["name"] == walk.word("TodayTab", "Sessions on this day, "
                                                      "newest first") for h in row)


def test_the_presenter_outline_keeps_the_focus_while_it_is_browsed(walk: Walk) -> None:
    first, second = walk.extra["outline"]
    for step in (first, second):
        assert step.role == "table cell" and step.focus["parent"]["role"] == "tree", step.focus
    assert first.name != second.name
    assert all(f["parent"].get("role") == "tree" for f in second.focus_changes())


def test_the_change_pin_dialog_names_each_field_and_gives_the_focus_back(walk: Walk) -> None:
    steps = walk.extra["change PIN"]
    opened, *fields, _escape, back = steps
    word = walk.word
    assert opened.focus["parent"]["role"] == "dialog"
    names = [h.name for h in [opened, *fields] if h.role == "password text"]
    assert names[:3] == [word("ChangePinDialog", t) for t in
                         ("Current PIN", "New PIN", "Repeat the new PIN")]
    assert back.name == word("SettingsTab", "Change the clinician PIN")
    assert back.focus["parent"]["role"] != "dialog"



def test_what_a_button_did_is_said_where_the_focus_stays(walk: Walk) -> None:
    word = walk.word
    back, again = walk.extra["other day"]
    assert back.notifications() == [word("TodayTab", "No sessions on this day.")], back.events
    assert back.name == word("TodayTab", "Previous day")
    assert any(n.startswith("6 ") for n in again.notifications()), again.events
    assert again.name == word("TodayTab", "Day to show")  # its button went grey: the day field
    saved = walk.extra["save"][0]
    assert saved.name == word("SettingsTab", "Save settings")
    assert any(n.startswith(word("SettingsTab", "Saved to %1.").split("%1")[0])
               for n in saved.notifications()), saved.events
