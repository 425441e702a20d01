"""`eduapp checklist --out PDF`: the printable checklist as patients print it."""

from __future__ import annotations

from pathlib import Path

from eduapp.core.startup import Options, prepare


def run_checklist(options: Options, out: Path) -> int:
    """`eduapp checklist --out PDF`: the clinic's checklist, as patients print it."""
    from eduapp.app import make_application
    from eduapp.ui.print.checklist import write_pdf

    context = prepare(options)
    make_application()
    modules = [m for m in context.modules if m.checklist is not None]
    if not modules:
        print(f"no module in language '{context.language}' has a checklist")
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
