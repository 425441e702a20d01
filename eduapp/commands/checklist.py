"""`eduapp checklist --out PDF`: the infusion session's checklist as patients print it."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from eduapp.core.clinic import Must
from eduapp.core.day_plan import SESSION_MODULE, DayPlan, DayPlanError, day_plan
from eduapp.core.startup import Options, prepare


def run_checklist(options: Options, out: Path, appointment: time | None = None) -> int:
    """`eduapp checklist --out PDF`: the clinic's checklist, as patients print it.

    With `appointment` (`--appointment HH:MM`), the sheet has its "My day" box of clock times.
    """
    from eduapp.app import make_application
    from eduapp.ui.i18n import Translations
    from eduapp.ui.print.checklist import write_pdf

    context = prepare(options)
    plan: DayPlan | None = None
    if appointment is not None:
        try:
            plan = day_plan(appointment, context.settings.values)
        except DayPlanError as err:
            for key, why in err.problems.items():
                must = ("at most no_food_hours" if why.must is Must.LIQUIDS_BEFORE_FOOD
                        else f"a whole number from {why.low} to {why.high}")
                print(f"cannot work out the day plan: the clinic setting '{key}' must be {must} "
                      "(run eduapp check)")
            return 1
    make_application()
    translations = Translations(context.resources)  # kept: the translator lives as long
    translations.use(context.language)              # as this object; the sheet's own words
    modules = [m for m in context.modules if m.id == SESSION_MODULE and m.checklist is not None]
    if not modules:
        print(f"the module '{SESSION_MODULE}' in language '{context.language}' has no checklist")
        return 1
    try:
        out.write_bytes(b"")  # a clear message now, rather than an empty PDF later
    except OSError as err:
        print(f"cannot write {out}: {err.strerror}")
        return 1
    pages = write_pdf(modules[0], context.settings.name, out, context.settings.paper, plan)
    if out.stat().st_size == 0:
        print(f"cannot write {out}")
        return 1
    times = f", with the times for a session at {appointment:%H:%M}" if plan else ""
    print(f"checklist written to {out} ({pages} page{'s' if pages != 1 else ''}{times})")
    return 0
