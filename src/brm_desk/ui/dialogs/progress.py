"""Showing that something slow runs: a busy bar in the status bar, or a progress dialog.

The status bar's bar is for opening a journal (the window stays usable to look at); the
dialog, with its Cancel, is for work the user started: imports and exports.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QProgressDialog, QWidget

from brm_desk.domain.errors import BrmDeskError
from brm_desk.ui.operations import QueryOp


class Progress:
    """A label and a busy bar in the status bar until :meth:`done`.

    Both are status-bar widgets, not a temporary message: Qt hides a status bar's widgets
    while a temporary message shows, which would hide the bar.
    """

    def __init__(self, window: QMainWindow, text: str) -> None:
        self._window = window
        self.label = QLabel(text)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(180)
        self.bar.setAccessibleName(text)
        window.statusBar().addWidget(self.label)
        window.statusBar().addWidget(self.bar)

    def done(self) -> None:
        for widget in (self.label, self.bar):
            self._window.statusBar().removeWidget(widget)
            widget.deleteLater()


class ProgressTask(QObject):
    """Work off the UI thread behind a progress dialog whose Cancel asks the work to stop.

    The work calls :meth:`report` from its own thread and checks :meth:`cancelled`;
    ``sig_finished`` follows its end, whatever the end was.
    """

    sig_finished = Signal()
    _sig_report = Signal(int, int, str)

    def __init__(self, parent: QWidget, title: str, text: str, *, shown_after_ms: int) -> None:
        super().__init__(parent)
        self.running = False
        self._cancelled = threading.Event()
        self.dialog = QProgressDialog(text, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(shown_after_ms)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.canceled.connect(self.cancel)
        self._sig_report.connect(self._show)

    def report(self, done: int, total: int, what: str = "") -> None:
        """How far the work is (from any thread); ``what`` it is doing, when it says."""
        self._sig_report.emit(done, total, what)

    def cancel(self) -> None:
        self._cancelled.set()

    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(
        self,
        work: Callable[[], Any],
        success: Callable[[Any], None],
        failure: Callable[[BrmDeskError], None],
    ) -> None:
        self.running = True
        op = QueryOp(self, work).success(success).failure(failure).finished(self._finished)
        op.run_in_background()

    def _show(self, done: int, total: int, what: str) -> None:
        if self.cancelled():
            return
        if what:
            self.dialog.setLabelText(f"{what}…")
        self.dialog.setMaximum(max(total, 1))
        # Last: a modal progress dialog handles events in setValue, where the work may end.
        self.dialog.setValue(min(done, max(total, 1)))

    def _finished(self) -> None:
        self.running = False
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.hide()
        self.dialog.deleteLater()
        self.sig_finished.emit()
        self.deleteLater()
