"""Which printed sheet has the session's date and time line: the session checklist only."""

from __future__ import annotations

import dataclasses

from eduapp.core.content.model import Library
from eduapp.ui.print.checklist import SESSION_MODULE, checklist_html


def test_only_the_session_checklist_asks_for_the_session_date(qapp, library: Library) -> None:
    session = next(m for m in library.for_language("en") if m.id == SESSION_MODULE)
    assert "My session: date" in checklist_html(session, "Hope Clinic")
    goals = dataclasses.replace(session, id="why-pain-lasts")  # another module's sheet
    html = checklist_html(goals, "Hope Clinic")
    assert "My session" not in html
    assert "Hope Clinic" in html and session.screen("checklist").title in html
