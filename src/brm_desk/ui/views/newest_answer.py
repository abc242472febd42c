"""Questions asked off the UI thread as typing pauses, of which only the newest is answered.

Typing waits for a short pause, then a :class:`QueryOp` runs the question in a worker. Each
question is numbered, and the answer to any but the newest is dropped, so a slow early
question never overwrites the answer to what the user typed last.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from brm_desk.domain.errors import BrmDeskError
from brm_desk.ui.operations import QueryOp

TYPING_PAUSE_MS = 150


class NewestAnswer(QObject):
    """``ask_soon()`` calls ``ask_now`` after a pause in typing; :meth:`ask` runs a question.

    A child of the page that asks, so that its pending questions go with the page.
    """

    def __init__(self, parent: QObject, ask_now: Callable[[], None]) -> None:
        super().__init__(parent)
        self.newest = 0
        self.running = 0
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(TYPING_PAUSE_MS)
        self.pause.timeout.connect(ask_now)

    def ask_soon(self) -> None:
        """Ask once typing pauses (each keystroke starts the wait again)."""
        self.pause.start()

    def supersede(self) -> None:
        """Whatever is still running is stale: its answer will be dropped."""
        self.newest += 1

    def ask(
        self,
        question: Callable[[], Any],
        show: Callable[[Any], None],
        failed: Callable[[BrmDeskError], None],
    ) -> None:
        """Run ``question`` in a worker; ``show`` its answer (or ``failed`` its error) unless a
        newer question was asked meanwhile."""
        self.pause.stop()
        self.supersede()
        number = self.newest

        def answered(answer: Any) -> None:
            if number == self.newest:
                show(answer)

        def refused(error: BrmDeskError) -> None:
            if number == self.newest:
                failed(error)

        op = QueryOp(self, question).success(answered).failure(refused)
        op.sig_finished.connect(self._finished)
        self.running += 1
        op.run_in_background()

    def _finished(self) -> None:
        self.running -= 1

    def busy(self) -> bool:
        """A question waits for typing to pause, or runs."""
        return self.pause.isActive() or self.running > 0
