"""`eduapp gallery`: render every screen to PNG, named in the order met.

The staff side first (the kiosk's gate while phone numbers are not set, the PIN dialogs, each
clinician tab with a day of demo sessions, and their dialogs), then every patient screen, then
the PIN asked for again and the messages (see eduapp.commands.staff_driver).
"""

from __future__ import annotations

from pathlib import Path

from eduapp.core.startup import Options, prepare


def run_gallery(options: Options, out: Path, text_step: int = 0,
                size: tuple[int, int] = (1280, 800), high_contrast: bool = False) -> int:
    from PySide6.QtWidgets import QWidget

    from eduapp.app import build_window, hold_for_phones, make_application
    from eduapp.commands.driver import DriveError, PatientDriver
    from eduapp.commands.staff_driver import walk_every_screen
    from eduapp.core.demo import generate_demo_data
    from eduapp.ui import errors

    if options.data_dir is None:
        options.temp_data = True
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        print(f"cannot write to {out}: {err.strerror}")
        return 1
    context = prepare(options)
    app = make_application(text_step)
    errors.install(interactive=False)
    if options.temp_data and context.store is not None:  # Today shows a day of sessions
        generate_demo_data(context.store, context.modules, sessions=24, days=1)
    window = build_window(context, text_step=text_step)
    if options.temp_data:
        hold_for_phones(window, context)  # the shipped settings have no phone numbers
    window.show()
    written: list[Path] = []
    prefix = ["00"]

    def show_as_asked() -> None:
        window.text_step = text_step
        window.high_contrast = high_contrast
        window.apply_theme()
        window.resize(*size)

    def number(index: int) -> None:
        prefix[0] = f"{index:02d}"

    def shoot(name: str, root: QWidget | None = None) -> None:
        app.processEvents()
        path = out / f"{prefix[0]}-{len(written):03d}-{name}.png"
        if not (root or window).grab().save(str(path)):
            raise DriveError(f"could not write {path}")
        written.append(path)

    show_as_asked()
    try:
        if options.temp_data:
            walk_every_screen(window, context.modules, shoot, show_as_asked, number)
        else:  # a clinic's own data folder: its PIN is not ours to enter
            PatientDriver(window, shoot).walk(context.modules, number)
    except DriveError as err:
        print(f"gallery stopped: {err}")
        return 1
    finally:
        window.close()
    print(f"{len(written)} screens written to {out}")
    return 0
