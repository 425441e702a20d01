"""`eduapp export`: sessions as a PDF summary, CSV or FHIR R4 JSON, with one line of output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eduapp.core.export import ExportError, ExportSource, open_source, write_csv, write_fhir
from eduapp.core.startup import Options
from eduapp.core.storage.problems import StoreError


def run_export(options: Options, fmt: str, out: Path, session_id: int | None) -> int:
    """`eduapp export --format csv|fhir`: exit code, and one line of output either way."""
    def write(source: ExportSource) -> str:
        count = len(source.sessions)
        sessions = f"{count} session{'s' if count != 1 else ''}"
        if fmt == "csv":
            rows = write_csv(source.store, source.modules, source.sessions, out)
            return f"{rows} answer{'s' if rows != 1 else ''} from {sessions}"
        return f"a FHIR bundle of {write_fhir(source, out)} resources from {sessions}"

    return export_with(options, session_id, out, write)


def export_with(options: Options, session_id: int | None, out: Path,
                write: Callable[[ExportSource], str]) -> int:
    """Open the database, run `write` (which says what it wrote), print one line either way.

    Every export command goes through here: a problem is one plain line and exit code 1.
    """
    try:
        source = open_source(options, session_id)
    except ExportError as err:
        print(err)
        return 1
    try:
        done = write(source)
    except OSError as err:
        print(f"cannot write {out}: {err.strerror or err}")
        return 1
    except StoreError as err:
        print(f"cannot read the database: {err}")
        return 1
    finally:
        source.close()
    print(f"{done} written to {out}" + (" (the whole clinic)" if source.whole_clinic else ""))
    return 0


def run_export_pdf(options: Options, out: Path, session_id: int | None) -> int:
    """`eduapp export --format pdf`: exit code, and one line of output either way."""
    from eduapp.app import make_application
    from eduapp.ui.print.session_summary import write_summary_pdf

    def write(source: ExportSource) -> str:
        make_application()
        summaries = source.summaries()
        out.write_bytes(b"")  # a clear message now, rather than an empty PDF later
        pages = write_summary_pdf(summaries, source.clinic_name, out, source.paper)
        return f"{pages} page{'s' if pages != 1 else ''}"

    return export_with(options, session_id, out, write)
