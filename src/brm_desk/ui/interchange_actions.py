"""File menu: import a calendar, import requests from CSV, export the list in view as CSV.

Reading and importing run in the background (see :mod:`brm_desk.ui.operations`) behind a
progress dialog whose Cancel rolls the whole import back; a finished import goes on the undo
stack as one step.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QProgressDialog

from brm_desk.domain.errors import BrmDeskError
from brm_desk.ui.dialogs import files, messages
from brm_desk.ui.operations import QueryOp

if TYPE_CHECKING:
    from brm_desk.services.interchange.import_control import ImportControl
    from brm_desk.services.journal import Journal
    from brm_desk.ui.dialogs.csv_mapping import CsvMappingDialog
    from brm_desk.ui.dialogs.ics_preview import CalendarPreviewDialog
    from brm_desk.ui.main_window import MainWindow

STATUS_MS = 8000


class _Relay(QObject):
    """Carries progress from the worker thread to the dialog on the UI thread."""

    sig_progress = Signal(int, int)


class InterchangeActions(QObject):
    """The three File-menu entries and what they do."""

    sig_finished = Signal()  # an import or export ran to its end (done, failed or cancelled)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.import_calendar_action = QAction("Import &calendar (.ics)…", self)
        self.import_calendar_action.triggered.connect(self.import_calendar)
        self.import_csv_action = QAction("Import requests from CS&V…", self)
        self.import_csv_action.triggered.connect(self.import_csv)
        self.export_list_action = QAction("&Export list as CSV…", self)
        self.export_list_action.setToolTip("The list in view, as filtered and sorted, as CSV")
        self.export_list_action.triggered.connect(self.export_list)
        self.actions = (
            self.import_calendar_action,
            self.import_csv_action,
            self.export_list_action,
        )
        self.preview_dialog: CalendarPreviewDialog | None = None
        self.mapping_dialog: CsvMappingDialog | None = None
        self.progress: QProgressDialog | None = None

    def install(self, file_menu: QMenu) -> None:
        """Add the entries before Quit; the menu shows them enabled once a journal is open."""
        last = file_menu.actions()[-1]
        for action in self.actions:
            file_menu.insertAction(last, action)
        file_menu.insertSeparator(last)
        file_menu.aboutToShow.connect(self.update_enabled)

    def update_enabled(self) -> None:
        journal_open = self.window.journal is not None
        for action in self.actions:
            action.setEnabled(journal_open)

    # Calendar ---------------------------------------------------------------------------

    def import_calendar(self) -> None:
        journal = self.window.journal
        if journal is None:
            return
        path = files.open_path(self.window, "Import calendar", "Calendar files (*.ics);;All (*)")
        if path is None:
            return
        from brm_desk.services.interchange.ics_import import preview_calendar

        self._in_background(
            f"Reading {path.name}…",
            lambda control: preview_calendar(journal, path, control),
            lambda preview: self._show_preview(journal, preview),
        )

    def _show_preview(self, journal: Journal, preview: Any) -> None:
        from brm_desk.ui.dialogs.ics_preview import CalendarPreviewDialog

        if not preview.events:
            messages.show_info(self.window, "Import calendar", _nothing_in(preview))
            return
        partners = journal.partners.listing(include_archived=False)
        dialog = CalendarPreviewDialog(preview, partners, self._partner_in_view(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview_dialog = dialog
        dialog.accepted.connect(lambda: self._import_events(journal, preview, dialog.chosen()))
        dialog.rejected.connect(self._dialog_closed)
        dialog.open()

    def _import_events(self, journal: Journal, preview: Any, chosen: dict[str, str]) -> None:
        from brm_desk.services.interchange.ics_import import import_calendar
        from brm_desk.ui.import_commands import ImportCalendarCommand

        self.preview_dialog = None

        def done(report: Any) -> None:
            self._push(ImportCalendarCommand(journal, preview, chosen, report), report.summary())

        self._in_background(
            f"Importing {len(chosen)} meetings…",
            lambda control: import_calendar(journal, preview, chosen, control),
            done,
        )

    # CSV ----------------------------------------------------------------------------------

    def import_csv(self) -> None:
        journal = self.window.journal
        if journal is None:
            return
        path = files.open_path(self.window, "Import requests", "CSV files (*.csv *.txt);;All (*)")
        if path is None:
            return
        from brm_desk.services.interchange.csv_read import read_csv
        from brm_desk.ui.dialogs.csv_mapping import CsvMappingDialog

        try:
            table = read_csv(path)
        except BrmDeskError as error:
            messages.show_error(self.window, "Cannot import", error.message)
            return
        partners = journal.partners.listing(include_archived=False)
        dialog = CsvMappingDialog(
            journal, table, partners, self._partner_in_view(), self.window.settings, self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.mapping_dialog = dialog
        dialog.accepted.connect(lambda: self._import_rows(journal, dialog.plan))
        dialog.rejected.connect(self._dialog_closed)
        dialog.open()

    def _import_rows(self, journal: Journal, plan: Any) -> None:
        from brm_desk.services.interchange.csv_import import import_requests
        from brm_desk.ui.import_commands import ImportRequestsCommand

        self.mapping_dialog = None

        def done(report: Any) -> None:
            self._push(ImportRequestsCommand(journal, plan, report), report.summary())

        self._in_background(
            f"Importing {len(plan.requests)} requests…",
            lambda control: import_requests(journal, plan, control),
            done,
        )

    # Export -------------------------------------------------------------------------------

    def export_list(self) -> Path | None:
        from brm_desk.ui.list_export import export_table, visible_table

        view = visible_table(self.window.current_page())
        if view is None:
            messages.show_info(self.window, "Export list", "This view has no list to export.")
            return None
        name = self.window.current_view().lower() or "list"
        suggested = Path.home() / f"{name}.csv"
        path = files.save_path(self.window, "Export list as CSV", suggested, "CSV files (*.csv)")
        if path is None:
            return None
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        try:
            rows = export_table(view, path)
        except BrmDeskError as error:
            messages.show_error(self.window, "Cannot export", error.message)
            return None
        self._say(f"Exported {rows} rows to {path}")
        return path

    # Helpers ------------------------------------------------------------------------------

    def _partner_in_view(self) -> str | None:
        page = self.window.current_page()
        finder = getattr(page, "current_partner_id", None)
        partner = finder() if callable(finder) else None
        return partner if isinstance(partner, str) else None

    def _in_background(
        self,
        text: str,
        work: Callable[[ImportControl], Any],
        success: Callable[[Any], None],
    ) -> None:
        """Run ``work`` off the UI thread with a cancellable progress dialog."""
        from brm_desk.services.interchange.import_control import ImportCancelled, ImportControl

        progress = QProgressDialog(text, "Cancel", 0, 0, self.window)
        progress.setWindowTitle("BRM Desk")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        self.progress = progress
        cancelled = threading.Event()
        progress.canceled.connect(cancelled.set)
        relay = _Relay(progress)
        relay.sig_progress.connect(lambda done, total: _show_progress(progress, done, total))
        control = ImportControl(progress=relay.sig_progress.emit, cancelled=cancelled.is_set)

        def failed(error: BrmDeskError) -> None:
            if isinstance(error, ImportCancelled):
                self._say(error.message)
            else:
                messages.show_error(self.window, "Cannot import", error.message)

        def finished() -> None:
            progress.canceled.disconnect(cancelled.set)
            progress.hide()
            progress.deleteLater()
            self.progress = None

        op = QueryOp(self.window, lambda: work(control)).success(success).failure(failed)
        op.sig_finished.connect(finished)
        op.sig_finished.connect(self._maybe_finished)
        op.sig_finished.connect(op.deleteLater)
        op.run_in_background()

    def _maybe_finished(self) -> None:
        """The flow ends with its background step, unless that step opened a dialog."""
        if self.preview_dialog is None and self.mapping_dialog is None:
            self.sig_finished.emit()

    def _dialog_closed(self) -> None:
        self.preview_dialog = None
        self.mapping_dialog = None
        self.sig_finished.emit()

    def _push(self, command: Any, summary: str) -> None:
        from brm_desk.ui.commands import push

        try:
            push(self.window.undo_stack, command)
        except BrmDeskError as error:
            messages.show_error(self.window, "Cannot import", error.message)
            return
        self._say(summary + " Undo takes the whole import back.")

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)


def _show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    dialog.setMaximum(max(total, 1))
    dialog.setValue(min(done, max(total, 1)))


def _nothing_in(preview: Any) -> str:
    from brm_desk.services.interchange.ics_import import left_out
    from brm_desk.ui.dialogs.ics_preview import SHOWN_CUTS

    lines = left_out(preview.skipped, preview.cuts, SHOWN_CUTS)
    return f"{preview.path.name} holds no meetings to import. " + "\n".join(lines)


def install_interchange(window: MainWindow, file_menu: QMenu) -> InterchangeActions:
    """One call from the main window's menu building."""
    actions = InterchangeActions(window)
    actions.install(file_menu)
    return actions
