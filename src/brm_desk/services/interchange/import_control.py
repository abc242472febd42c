"""Progress and cancelling for long imports (calendar and CSV), free of any UI toolkit.

An import calls :meth:`ImportControl.step` as it goes; when the user has cancelled, the step
raises :class:`ImportCancelled` inside the import's one transaction, which rolls back whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from brm_desk.domain.errors import BrmDeskError


class ImportCancelled(BrmDeskError):
    """The user cancelled; nothing was imported."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was added.")


@dataclass(frozen=True)
class ImportControl:
    """``progress(done, total)`` is told how far the import got; ``cancelled()`` is asked."""

    progress: Callable[[int, int], None] = lambda _done, _total: None
    cancelled: Callable[[], bool] = lambda: False

    def step(self, done: int, total: int) -> None:
        if self.cancelled():
            raise ImportCancelled
        self.progress(done, total)


NO_CONTROL = ImportControl()
