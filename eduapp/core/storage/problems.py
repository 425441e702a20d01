"""Why a store cannot be used, as a code the interface words; the same for every store."""

from __future__ import annotations

from enum import StrEnum


class StoreProblem(StrEnum):
    """Why the database cannot be used; the interface words it for the clinician."""

    BUSY = "busy"  # locked by another program
    READ_ONLY = "read-only"  # the file or its folder cannot be written
    FULL = "full"  # the disk is full
    DAMAGED = "damaged"  # not a database, or a damaged one
    NEWER = "newer"  # made by a newer eduapp: left untouched
    NO_DATABASE = "no-database"  # none could be opened at start
    UNREACHABLE = "unreachable"  # the clinic's server cannot be reached (clinic mode)
    OTHER = "other"


class StoreError(Exception):
    """The database cannot be used right now: `problem` says why; the message is for logs."""

    def __init__(self, problem: StoreProblem, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem
