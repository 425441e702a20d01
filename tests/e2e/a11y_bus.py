"""A desktop an assistive technology can see: Xvfb, a D-Bus session, the AT-SPI bus and
registry, and the real app on them. Used by the AT-SPI test and by scripts/orca-walk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
REGISTRY = Path("/usr/libexec/at-spi2-registryd")
SYSTEM_PYTHON = Path("/usr/bin/python3")


def missing() -> str:
    """What this machine lacks for an accessibility-bus test ('' when nothing)."""
    for tool in ("Xvfb", "dbus-daemon", "xdotool", "dbus-send"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    for path in (BUS_LAUNCHER, REGISTRY):
        if not path.exists():
            return f"{path} is missing (Debian at-spi2-core)"
    probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True,
                           check=False)
    return "" if probe.returncode == 0 else "python3-pyatspi is not installed"


def stop(process: subprocess.Popen[bytes]) -> None:
    """End a process this module or its callers started: politely, then for good."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@contextmanager
def desktop(size: str = "1280x800") -> Iterator[dict[str, str]]:
    """Yield the environment of a fresh X display with an accessibility bus running."""
    started: list[subprocess.Popen[bytes]] = []
    read_end, write_end = os.pipe()
    try:
        started.append(subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size}x24", "-nolisten",
             "tcp"], pass_fds=(write_end,), stderr=subprocess.DEVNULL))
        os.close(write_end)
        with os.fdopen(read_end) as display_pipe:
            number = display_pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("DBUS_", "AT_SPI", "QT_QPA"))}
        env["DISPLAY"] = f":{number}"
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, env=env)
        started.append(bus)
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
        started.append(subprocess.Popen([str(BUS_LAUNCHER), "--launch-immediately"], env=env,
                                        stderr=subprocess.DEVNULL))
        _wait_for_accessibility_bus(env)
        started.append(subprocess.Popen([str(REGISTRY)], env=env, stderr=subprocess.DEVNULL))
        env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                   NO_AT_BRIDGE="0", GTK_MODULES="")
        yield env
    finally:
        for process in reversed(started):
            stop(process)


def _wait_for_accessibility_bus(env: dict[str, str], bound: float = 20.0) -> None:
    ask = ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
           "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:org.a11y.Bus"]
    start = time.monotonic()
    while time.monotonic() - start < bound:
        answer = subprocess.run(ask, env=env, capture_output=True, text=True, check=False)
        if "boolean true" in answer.stdout:
            return
        time.sleep(0.1)
    raise RuntimeError("the accessibility bus did not start")


def start_app(env: dict[str, str], *args: str, temp: bool = True) -> subprocess.Popen[bytes]:
    """The real app, in a new empty data folder (unless not `temp`: then `args` name one),
    on the desktop of `env`, with the keyboard focus in its window (as a window manager
    would give it)."""
    app = subprocess.Popen([sys.executable, "-m", "eduapp", *(["--temp-data"] if temp else []),
                            *args], cwd=ROOT,
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    search = ["xdotool", "search", "--onlyvisible", "--pid", str(app.pid)]
    start = time.monotonic()
    while time.monotonic() - start < 60 and app.poll() is None:
        found = subprocess.run(search, env=env, capture_output=True, text=True, timeout=20,
                               check=False).stdout.split()
        if found and subprocess.run(["xdotool", "windowfocus", "--sync", found[0]], env=env,
                                    capture_output=True, timeout=20,
                                    check=False).returncode == 0:
            return app
        time.sleep(0.2)  # the window is not mapped yet
    stop(app)
    raise RuntimeError("the app's window did not show")
