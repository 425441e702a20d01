"""Which results the clinician workspace shows: the whole clinic, or this device's own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from eduapp.core.storage.clinic_store import ClinicStore
from eduapp.core.storage.postgres import Connection
from eduapp.core.storage.problems import StoreError, StoreProblem


class Reach(StrEnum):
    """What the workspace can show, for the interface to say."""

    WHOLE_CLINIC = "whole-clinic"  # every device's sessions, from the server
    AWAY = "away"  # the server cannot be reached: this device's own sessions, since `since`
    OWN_ONLY = "own-only"  # a device role (a kiosk): it may not read other devices' results


@dataclass
class ClinicView:
    """The store to read the clinic from (None unless WHOLE_CLINIC), and why not."""

    reach: Reach
    store: ClinicStore | None
    url: str
    since: datetime | None = None  # AWAY: when the server was first found unreachable


def open_view(connection: Connection, away_since: datetime | None = None,
              known_away: bool = False) -> ClinicView:
    """Try the server (for at most 2 s) unless the sender already knows it is away."""
    url = connection.url
    if known_away:
        return ClinicView(Reach.AWAY, None, url, away_since or datetime.now(UTC))
    store = ClinicStore(url, timeout=2)
    try:
        now = datetime.now(UTC)
        store.sessions_between(now, now + timedelta(seconds=1))  # reads nothing; proves access
    except StoreError as err:
        store.close()
        if err.problem is StoreProblem.UNREACHABLE:
            return ClinicView(Reach.AWAY, None, url, away_since or datetime.now(UTC))
        return ClinicView(Reach.OWN_ONLY, None, url)
    return ClinicView(Reach.WHOLE_CLINIC, store, url)
