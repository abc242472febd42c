"""File menu: import a calendar, import requests from CSV, export the list in view as CSV.

Reading and importing run in the background behind a progress dialog whose Cancel rolls the
whole import back; a finished import goes on the undo stack as one step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog

from brm_desk.domain.errors import BrmDeskError
from brm_desk.ui.commands import (
    ImportCalendarCommand,
    ImportCommand,
    ImportRequestsCommand,
    push,
)
from brm_desk.ui.dialogs import files, messages

if TYPE_CHECKING:
    from brm_desk.services.interchange.import_control import ImportControl
    from brm_desk.services.journal import Journal
    from brm_desk.ui.dialogs.csv_mapping import CsvMappingDialog
    from brm_desk.ui.dialogs.ics_preview import CalendarPreviewDialog
    from brm_desk.ui.dialogs.progress import ProgressTask
    from brm_desk.ui.shell import Shell


class InterchangeActions(QObject):
    """What the import entries and Export list as CSV of the File menu do."""

    sig_finished = Signal()  # an import ran to its end (done, failed or cancelled)

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.shell = shell
        self.preview_dialog: CalendarPreviewDialog | None = None
        self.mapping_dialog: CsvMappingDialog | None = None
        self.progress: ProgressTask | None = None

    # Calendar ---------------------------------------------------------------------------

    def import_calendar(self) -> None:
        chosen = self._file_to_import("Import calendar", "Calendar files (*.ics);;All (*)")
        if chosen is None:
            return
        journal, path = chosen
        from brm_desk.services.interchange.ics_import import preview_calendar

        self._in_background(
            f"Reading {path.name}…",
            lambda control: preview_calendar(journal, path, control),
            lambda preview: self._show_preview(journal, preview),
        )

    def _show_preview(self, journal: Journal, preview: Any) -> None:
        from brm_desk.ui.dialogs.ics_preview import CalendarPreviewDialog

        if not preview.events:
            messages.show_info(self.shell.window, "Import calendar", _nothing_in(preview))
            return
        partners = journal.partners.listing(include_archived=False)
        dialog = CalendarPreviewDialog(
            preview, partners, self.shell.partner_in_view(), self.shell.window
        )
        self.preview_dialog = dialog
        self._open(dialog, lambda: self._import_events(journal, preview, dialog.chosen()))

    def _import_events(self, journal: Journal, preview: Any, chosen: dict[str, str]) -> None:
        from brm_desk.services.interchange.ics_import import import_calendar

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
        chosen = self._file_to_import("Import requests", "CSV files (*.csv *.txt);;All (*)")
        if chosen is None:
            return
        journal, path = chosen
        from brm_desk.services.interchange.csv_read import read_csv
        from brm_desk.ui.dialogs.csv_mapping import CsvMappingDialog

        try:
            table = read_csv(path)
        except BrmDeskError as error:
            messages.show_error(self.shell.window, "Cannot import", error.message)
            return
        shell = self.shell
        partners = journal.partners.listing(include_archived=False)
        dialog = CsvMappingDialog(
            journal, table, partners, shell.partner_in_view(), shell.settings, shell.window
        )
        self.mapping_dialog = dialog
        self._open(dialog, lambda: self._import_rows(journal, dialog.plan))

    def _import_rows(self, journal: Journal, plan: Any) -> None:
        from brm_desk.services.interchange.csv_import import import_requests

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
        """The list in view, as shown, to a CSV file; private rows only if the user says so."""
        from brm_desk.ui.list_export import table_contents, visible_table, write_list

        window, page = self.shell.window, self.shell.page()
        view = visible_table(page)
        if page is None or view is None:
            messages.show_info(window, "Export list", "This view has no list to export.")
            return None
        suggested = Path(f"{page.title.lower()}.csv")
        path = files.save_path(window, "Export list as CSV", suggested, "CSV files (*.csv)")
        if path is None:
            return None
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        contents = table_contents(view)
        private = contents.private_items()
        if private and not messages.include_private(window, private):
            contents = contents.shared()
        try:
            rows = write_list(contents, path)
        except BrmDeskError as error:
            messages.show_error(window, "Cannot export", error.message)
            return None
        self.shell.say(f"Exported {rows} rows to {path}")
        return path

    # Helpers ------------------------------------------------------------------------------

    def _file_to_import(self, title: str, pattern: str) -> tuple[Journal, Path] | None:
        journal = self.shell.journal
        path = files.open_path(self.shell.window, title, pattern) if journal else None
        return (journal, path) if journal is not None and path is not None else None

    def _in_background(
        self, text: str, work: Callable[[ImportControl], Any], then: Callable[[Any], None]
    ) -> None:
        """Run ``work`` off the UI thread with a cancellable progress dialog."""
        from brm_desk.services.interchange.import_control import ImportCancelled, ImportControl
        from brm_desk.ui.dialogs.progress import ProgressTask

        task = ProgressTask(self.shell.window, "BRM Desk", text, shown_after_ms=300)
        self.progress = task
        control = ImportControl(progress=task.report, cancelled=task.cancelled)

        def failed(error: BrmDeskError) -> None:
            if isinstance(error, ImportCancelled):
                self.shell.say(error.message)
            else:
                messages.show_error(self.shell.window, "Cannot import", error.message)

        task.sig_finished.connect(self._task_finished)
        task.run(lambda: work(control), then, failed)

    def _task_finished(self) -> None:
        """The flow ends with its background step, unless that step opened a dialog."""
        self.progress = None
        if self.preview_dialog is None and self.mapping_dialog is None:
            self.sig_finished.emit()

    def _open(self, dialog: QDialog, accepted: Callable[[], None]) -> None:
        """Open an import's dialog: accepting it runs ``accepted``, cancelling ends the import."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(accepted)
        dialog.rejected.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self) -> None:
        self.preview_dialog = None
        self.mapping_dialog = None
        self.sig_finished.emit()

    def _push(self, command: ImportCommand, summary: str) -> None:
        """The finished import on the undo stack (pushing it cannot fail: the work is done)."""
        push(self.shell.undo_stack, command)
        self.shell.say(summary + " Undo takes the whole import back.")


def _nothing_in(preview: Any) -> str:
    from brm_desk.services.interchange.ics_import import left_out
    from brm_desk.ui.dialogs.ics_preview import SHOWN_CUTS

    lines = left_out(preview.skipped, preview.cuts, SHOWN_CUTS)
    return f"{preview.path.name} holds no meetings to import. " + "\n".join(lines)
