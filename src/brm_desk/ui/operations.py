"""Work that may take longer than a frame runs off the UI thread (after Anki's QueryOp).

The operation itself must not touch any widget; ``success`` and ``failure`` are called back
on the UI thread. A :class:`BrmDeskError` goes to ``failure``; anything else is a bug and is
re-raised on the UI thread. The operation deletes itself once it has finished, so nothing it
holds (a journal, say) outlives it. :class:`NewestAnswer` asks as typing pauses, and shows
only the answer to the newest question.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from brm_desk.domain.errors import BrmDeskError

TYPING_PAUSE_MS = 150


class _Outcome(QObject):
    """Lives on the UI thread; the worker's signals reach it queued.

    The worker holds this, never the query: its thread lets go of the worker a moment after
    the answer arrives, and the query's callbacks would keep the view that asked alive that
    long, past its deletion (tests/durability/test_hostile_input.py saw it).
    """

    sig_succeeded = Signal(object)
    sig_failed = Signal(object)


class _Worker(QRunnable):
    def __init__(self, op: Callable[[], Any], outcome: _Outcome) -> None:
        super().__init__()
        self._op = op
        self._outcome = outcome

    def run(self) -> None:
        try:
            result = self._op()
        except Exception as error:  # handed to the UI thread, which decides
            self._tell("sig_failed", error)
        else:
            self._tell("sig_succeeded", result)

    def _tell(self, signal: str, value: object) -> None:
        """Hand ``value`` to the UI thread, unless the window that asked has closed meanwhile
        (the user quit during the work): then no one is waiting for it."""
        try:
            getattr(self._outcome, signal).emit(value)
        except RuntimeError:
            if shiboken6.isValid(self._outcome):
                raise  # not the deleted receiver: a real error


class QueryOp(QObject):
    """``QueryOp(parent, op).success(show).failure(explain).run_in_background()``, with
    ``.finished(then)`` for what follows either."""

    sig_finished = Signal()

    def __init__(self, parent: QObject, op: Callable[[], Any]) -> None:
        super().__init__(parent)
        self._op = op
        self._on_success: Callable[[Any], None] = lambda _result: None
        self._on_failure: Callable[[BrmDeskError], None] | None = None
        self._outcome = _Outcome(self)
        self._outcome.sig_succeeded.connect(self._succeeded)
        self._outcome.sig_failed.connect(self._failed)

    def success(self, callback: Callable[[Any], None]) -> QueryOp:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BrmDeskError], None]) -> QueryOp:
        self._on_failure = callback
        return self

    def finished(self, callback: Callable[[], object]) -> QueryOp:
        """``callback`` after success or failure, whichever came."""
        self.sig_finished.connect(callback)
        return self

    def run_in_background(self) -> None:
        QThreadPool.globalInstance().start(_Worker(self._op, self._outcome))

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        try:
            self._on_success(result)
        finally:
            self._finished()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        try:
            if isinstance(error, BrmDeskError) and self._on_failure is not None:
                self._on_failure(error)
            else:
                raise error
        finally:
            self._finished()

    def _finished(self) -> None:
        self.sig_finished.emit()
        self.deleteLater()


class NewestAnswer(QObject):
    """``ask_soon()`` calls ``ask_now`` after a pause in typing; :meth:`ask` runs a question.

    Each question is numbered, and the answer to any but the newest is dropped, so a slow
    early question never overwrites the answer to what the user typed last. A child of the
    page that asks, so that its pending questions go with the page.
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

        self.running += 1
        op = QueryOp(self, question).success(answered).failure(refused)
        op.finished(self._finished).run_in_background()

    def _finished(self) -> None:
        self.running -= 1

    def busy(self) -> bool:
        """A question waits for typing to pause, or runs."""
        return self.pause.isActive() or self.running > 0
