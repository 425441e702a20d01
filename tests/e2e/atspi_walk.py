"""An assistive-technology client: walks a module of eduapp by keyboard alone over AT-SPI.

Runs with the system Python (Debian's python3-pyatspi), not the project's virtual
environment. It presses keys as a keyboard user does (through the AT-SPI registry, so the
X server sees real key events), and after each key writes what a screen reader would get:
the object that has the focus (role, name, states), every focus change on the way, and
every notification shown (it listens as tests/e2e/atspi_keys.py does, with its code).
Usage: atspi_walk.py PLAN.json OUT.json; PLAN holds, per question text, the answers to
choose the first time and the right ones (see tests/e2e/test_atspi.py).
"""

import json
import os
import sys
import time

import pyatspi
from atspi_keys import Listener, describe, find_app  # beside this file

KEYS = {"Tab": 0xFF09, "Return": 0xFF0D, "space": 0x20, "Down": 0xFF54}


def children(obj, role):
    found = []

    def walk(node):
        for child in node:
            if child is None:
                continue
            if child.getRoleName() == role and child.getState().contains(
                    pyatspi.STATE_SHOWING):
                found.append(child)
            walk(child)
    walk(obj)
    return found


def main():
    with open(sys.argv[1]) as plan_file:
        plan = json.load(plan_file)
    out = sys.argv[2]
    listener = Listener()
    app = find_app()
    steps = []

    quiet = float(os.environ.get("WALK_QUIET", "0.4"))  # longer with a screen reader busy

    def press(key):
        pressed = time.time()
        pyatspi.Registry.generateKeyboardEvent(KEYS[key], None, pyatspi.KEY_SYM)
        listener.pump(quiet=quiet, bound=8 + 20 * quiet)
        focus = describe(listener.focus) if listener.focus is not None else {}
        for _ in range(3):  # the app may be slow to answer while a screen reader asks too
            if focus.get("role") != "gone":
                break
            listener.pump(quiet=quiet)
            focus = describe(listener.focus)
        steps.append({"key": key, "focus": focus, "events": listener.take(), "at": pressed})
        return focus

    listener.pump(quiet=1.0)
    steps.append({"key": None, "focus": describe(listener.focus) if listener.focus else {},
                  "events": listener.take()})
    try:
        walk(app, plan, listener, steps, press)
    finally:
        with open(out, "w") as out_file:
            json.dump(steps, out_file, indent=1)


def walk(app, plan, listener, steps, press):
    if listener.focus is None:  # it had the focus before this client listened
        focused = [o for role in ("push button",) for o in children(app, role)
                   if o.getState().contains(pyatspi.STATE_FOCUSED)]
        listener.focus = focused[0] if focused else None
        steps[-1]["focus"] = describe(listener.focus) if listener.focus else {}
    focus = steps[-1]["focus"]
    if focus.get("name") != plan["start"]:  # a window with no window manager: give it focus
        buttons = [b for b in children(app, "push button") if b.name == plan["start"]]
        buttons[0].queryComponent().grabFocus()
        listener.pump()
        focus = describe(listener.focus) if listener.focus else {}
        steps.append({"key": None, "focus": focus, "events": listener.take()})
    asked = set()
    for _ in range(400):
        name, role = focus.get("name", ""), focus.get("role", "")
        if name == plan["done"]:
            break
        question = next((q for q in plan["questions"] if q["text"] in name), None)
        if role == "heading" and question is not None:
            choose = question["right"] if question["text"] in asked else question["first"]
            asked.add(question["text"])
            focus = press("Tab")
            seen = []  # in the order shown, which may differ from the order written
            while True:
                if focus.get("name") not in question["choices"] or focus["name"] in seen:
                    raise SystemExit(f"after {seen}, the focus is on {focus}")
                seen.append(focus["name"])
                if focus["name"] in choose:
                    focus = press("space")
                if len(seen) == len(question["choices"]) or (
                        not question["multiple"] and focus["name"] in choose):
                    break
                focus = press("Down")
            focus = press("Return")
            continue
        if role == "push button":
            focus = press("Return")
            continue
        raise SystemExit(f"the focus is on {focus}: nothing a keyboard user can do")


main()
