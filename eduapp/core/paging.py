"""Reading a module one screen at a time: where the patient is, and where Back/Next lead."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eduapp.core.content.model import Module, Screen


class Pager:
    """The position in a module's screens."""

    def __init__(self, module: Module, start: int = 0) -> None:
        if not module.screens:
            raise ValueError(f"module '{module.id}' has no screens")
        self.module = module
        self.index = max(0, min(start, len(module.screens) - 1))

    @property
    def screen(self) -> Screen:
        return self.module.screens[self.index]

    @property
    def position(self) -> tuple[int, int]:
        """Screen number and screen count, counting from 1: (3, 7) is '3 of 7'."""
        return self.index + 1, len(self.module.screens)

    @property
    def at_start(self) -> bool:
        return self.index == 0

    @property
    def at_end(self) -> bool:
        return self.index == len(self.module.screens) - 1

    def next(self) -> bool:
        if self.at_end:
            return False
        self.index += 1
        return True

    def back(self) -> bool:
        if self.at_start:
            return False
        self.index -= 1
        return True
