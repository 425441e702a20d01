"""`eduapp gallery`: render every patient-facing screen to PNG, named in the order met."""

from __future__ import annotations

from pathlib import Path

from eduapp.core.quiz import first_pass
from eduapp.core.startup import Options, prepare


def run_gallery(options: Options, out: Path, text_step: int = 0,
                size: tuple[int, int] = (1280, 800), high_contrast: bool = False) -> int:
    from eduapp.app import build_window, make_application
    from eduapp.commands.driver import DriveError, PatientDriver
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
    window = build_window(context, text_step=text_step)
    window.high_contrast = high_contrast
    window.apply_theme()
    window.resize(*size)
    window.show()
    app.processEvents()
    written: list[Path] = []
    prefix = ["00"]

    def shoot(name: str) -> None:
        app.processEvents()
        path = out / f"{prefix[0]}-{len(written):03d}-{name}.png"
        if not window.grab().save(str(path)):
            raise DriveError(f"could not write {path}")
        written.append(path)

    driver = PatientDriver(window, shoot)
    try:
        driver.start()
        for index, module in enumerate(context.modules, start=1):
            prefix[0] = f"{index:02d}"
            driver.open_module(module)
            driver.read_all(module)
            # the first question wrong shows the feedback, review and retry screens
            asked = first_pass(module)
            wrong = {asked[0].id} if asked else set()
            driver.take_quiz(module, wrong_first=wrong, stop_at_review=index % 2 == 0)
            driver.back_to_topics()
        prefix[0] = "99"
        shoot("modules-after")
    except DriveError as err:
        print(f"gallery stopped: {err}")
        return 1
    finally:
        window.close()
    print(f"{len(written)} screens written to {out}")
    return 0
