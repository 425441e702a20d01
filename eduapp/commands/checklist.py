"""`eduapp checklist --out PDF`: the infusion session's checklist as patients print it."""

from __future__ import annotations

from pathlib import Path

from eduapp.core.startup import Options, prepare


def run_checklist(options: Options, out: Path) -> int:
    """`eduapp checklist --out PDF`: the clinic's checklist, as patients print it."""
    from eduapp.app import make_application
    from eduapp.ui.i18n import Translations
    from eduapp.ui.print.checklist import SESSION_MODULE, write_pdf

    context = prepare(options)
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
    pages = write_pdf(modules[0], context.settings.name, out, context.settings.paper)
    if out.stat().st_size == 0:
        print(f"cannot write {out}")
        return 1
    print(f"checklist written to {out} ({pages} page{'s' if pages != 1 else ''})")
    return 0
