"""An assistive-technology client driven line by line: press keys, report what a screen
reader gets.

Runs with the system Python (Debian's python3-pyatspi), not the project's virtual
environment. It reads one JSON command per line on stdin and answers one JSON line on
stdout:
  {"keys": ["ctrl+Tab", "Tab"]}  press each (xdotool's key names, real X key events), then
                                 {"focus": the focused object, "events": what came meanwhile};
                                 no keys: give the app's window the keyboard focus first
  {"text": "2468"}               type the text, same answer
  {"focus": true}                the focused object now, and any events since the last answer
  {"tree": true}                 {"objects": every showing object of the active window}
  {"count": true}                {"objects": how many accessible objects the app exposes,
                                 shown or not}
  {"all": true}                  {"objects": [role, name] of each of them}
An object is {"role", "name", "description", "states", "labelled_by", "parent", "text"};
events are {"focus": object} and {"notification": its name}. The app's process id in
EDUAPP_PID lets it give the app's window the keyboard focus back after a dialog closed, as a
window manager would. Everything is bounded in time.
"""

import json
import os
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

STATES = {pyatspi.STATE_FOCUSED: "focused", pyatspi.STATE_CHECKED: "checked",
          pyatspi.STATE_FOCUSABLE: "focusable", pyatspi.STATE_SHOWING: "showing",
          pyatspi.STATE_SELECTED: "selected", pyatspi.STATE_SENSITIVE: "sensitive",
          pyatspi.STATE_EDITABLE: "editable", pyatspi.STATE_MODAL: "modal",
          pyatspi.STATE_ACTIVE: "active", pyatspi.STATE_READ_ONLY: "read only"}


def describe(obj, depth=1):
    try:
        states = obj.getState()
        found = {"role": obj.getRoleName(), "name": obj.name or "",
                 "description": obj.description or "",
                 "states": [name for state, name in STATES.items() if states.contains(state)]}
        try:
            text = obj.queryText()
            found["text"] = text.getText(0, min(text.characterCount, 400))
        except NotImplementedError:
            found["text"] = ""
        found["labelled_by"] = [target.name for relation in obj.getRelationSet()
                                 if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY
                                 for target in (relation.getTarget(i) for i in
                                                range(relation.getNTargets()))]
        parent = obj.parent
        found["parent"] = describe(parent, depth - 1) if parent and depth > 0 else {}
        return found
    except Exception as err:  # the object went away meanwhile
        return {"role": "gone", "name": str(err), "states": [], "parent": {}, "text": ""}


class Listener:
    def __init__(self):
        self.events = []
        self.focus = None
        pyatspi.Registry.registerEventListener(self.on_focus, "object:state-changed:focused")
        pyatspi.Registry.registerEventListener(self.on_showing, "object:state-changed:showing")

    def on_focus(self, event):
        if event.detail1 and event.host_application and \
                event.host_application.name == "eduapp":
            self.focus = event.source
            self.events.append({"focus": describe(event.source)})

    def on_showing(self, event):
        if event.detail1 and event.source.getRoleName() == "notification":
            self.events.append({"notification": event.source.name})

    def pump(self, quiet=0.4, bound=8.0, first=0.0):
        """Deliver events until none came for `quiet` seconds (at most `bound` seconds);
        wait at least `first` seconds for the first one (a busy machine answers late)."""
        context = GLib.MainContext.default()
        start = last = time.monotonic()
        seen = before = len(self.events)
        while time.monotonic() - start < bound:
            while context.pending():
                context.iteration(False)
            if len(self.events) != seen:
                seen, last = len(self.events), time.monotonic()
            elif time.monotonic() - last > (quiet if seen != before else max(quiet, first)):
                return
            time.sleep(0.02)

    def take(self):
        events, self.events = self.events, []
        return events


def find_app(bound=30.0):
    start = time.monotonic()
    while time.monotonic() - start < bound:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == "eduapp" and app.childCount:
                return app
        time.sleep(0.2)
    raise SystemExit("eduapp did not appear on the accessibility bus")


def showing(obj, found):
    for child in obj:
        if child is None:
            continue
        try:
            if not child.getState().contains(pyatspi.STATE_SHOWING):
                continue
        except Exception:
            continue
        found.append(describe(child))
        showing(child, found)
    return found


def active_window(app):
    windows = [w for w in app if w is not None]
    for window in windows:
        if window.getState().contains(pyatspi.STATE_ACTIVE):
            return window
    return windows[-1]


def focused(app):
    """The focused object, found by walking the tree (before any focus event came)."""
    for window in app:
        for obj in _all(window):
            if obj.getState().contains(pyatspi.STATE_FOCUSED):
                return obj
    return None


def count(app):
    """How many accessible objects the app exposes now, in every window, shown or not."""
    return len(everything(app))


def everything(app):
    """[role, name] of every accessible object the app exposes now, shown or not."""
    found = []
    for window in app:
        for obj in [window, *_all(window)] if window is not None else []:
            try:
                found.append([obj.getRoleName(), obj.name or ""])
            except Exception:  # gone meanwhile
                continue
    return found


def _all(obj):
    for child in obj:
        if child is not None:
            yield child
            yield from _all(child)


def give_focus(pid):
    """Give the app's window the keyboard focus when nothing has it, as a window manager
    does when a dialog closes (Xvfb has no window manager)."""
    if not pid:
        return
    ask = subprocess.run(["xdotool", "getwindowfocus"], capture_output=True, text=True,
                         timeout=20, check=False).stdout.strip()
    shown = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", pid],
                           capture_output=True, text=True, timeout=20, check=False).stdout.split()
    if shown and ask not in shown:
        subprocess.run(["xdotool", "windowfocus", "--sync", shown[-1]], timeout=20, check=False)


def main():
    pid = os.environ.get("EDUAPP_PID", "")
    listener = Listener()
    app = find_app()
    listener.pump(quiet=1.0)
    if listener.focus is None:
        listener.focus = focused(app)
    for line in sys.stdin:
        command = json.loads(line)
        if "keys" in command or "text" in command:
            if not command.get("keys") and "text" not in command:
                give_focus(pid)  # a dialog closed: the window manager's part
                listener.pump(quiet=float(command.get("quiet", 0.4)))
            for key in command.get("keys", []):
                subprocess.run(["xdotool", "key", "--clearmodifiers", key], timeout=20,
                               check=True)
                listener.pump(quiet=float(command.get("quiet", 0.4)), first=2.0)
            if "text" in command:
                subprocess.run(["xdotool", "type", "--delay", "30", command["text"]],
                               timeout=20, check=True)
                listener.pump()
            answer = {"focus": describe(listener.focus) if listener.focus else {},
                      "events": listener.take()}
        elif "tree" in command:
            listener.pump()
            answer = {"objects": showing(active_window(app), [])}
        elif "count" in command:
            listener.pump()
            answer = {"objects": count(app)}
        elif "all" in command:
            listener.pump()
            answer = {"objects": everything(app)}
        else:
            listener.pump()
            answer = {"focus": describe(listener.focus) if listener.focus else {},
                      "events": listener.take()}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
