"""Calendar sources refresh in the background: when a journal opens, then every few minutes.

The refresh runs off the UI thread (QueryOp), one at a time, and only for a journal that
follows some calendar. A source that fails is said once in the status bar, and again only
when it fails anew after a success or with another problem; the app keeps working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.words import plural
from brm_desk.ui.operations import QueryOp
from brm_desk.ui.shell import Shell

if TYPE_CHECKING:
    from brm_desk.services.calendar_sync import SyncReport

REFRESH_MINUTES = 15


class CalendarRefresh(QObject):
    """Keeps the shell's journal in step with its calendar sources."""

    sig_changed = Signal()
    """A refresh brought events to the inbox, changed or flagged meetings: the views (and the
    inbox's count) should show them."""
    sig_done = Signal()

    def __init__(self, shell: Shell, minutes: float = REFRESH_MINUTES) -> None:
        super().__init__(shell)
        self._shell = shell
        self._running = False
        self._told: dict[int, str] = {}
        """The problem each failing source was last said to have."""
        self._timer = QTimer(self)
        self._timer.setInterval(round(minutes * 60_000))
        self._timer.timeout.connect(self.refresh)
        shell.sig_journal_replaced.connect(self._journal_replaced)
        self._journal_replaced()

    def _journal_replaced(self) -> None:
        self._told.clear()
        if self._shell.journal is None:
            self._timer.stop()
            return
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        """Refresh every source now, unless a refresh is running or none is followed."""
        from brm_desk.services.calendar_sources import sources
        from brm_desk.services.calendar_sync import sync_all

        journal = self._shell.journal
        if journal is None or self._running or not sources(journal):
            return
        self._running = True
        op = QueryOp(self, lambda: sync_all(journal))
        op.success(lambda reports: self._show(journal, reports)).failure(self._failed)
        op.finished(self._finished).run_in_background()

    def _finished(self) -> None:
        self._running = False
        self.sig_done.emit()

    def _show(self, journal: object, reports: list[SyncReport]) -> None:
        if journal is not self._shell.journal:
            return  # the journal was swapped meanwhile
        for report in reports:
            told = self._told.pop(report.source.id, "")
            if report.problem:
                self._told[report.source.id] = report.problem
                if report.problem != told:
                    self._shell.say(
                        f"Calendar {report.source.id} could not be refreshed: {report.problem}"
                    )
        new = sum(report.new for report in reports)
        if new:
            self._shell.say(f"{plural(new, 'new calendar event')} in the Inbox, to file")
        if any(r.new or r.changed or r.gone or r.flagged for r in reports):
            self.sig_changed.emit()

    def _failed(self, error: BrmDeskError) -> None:
        self._shell.say(f"Calendar sync: {error}")
