"""Imports as undoable steps: undo takes the whole import back, redo imports it again.

The import itself ran in the background before the command is pushed; the command takes
that result on its first ``apply`` instead of importing a second time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from brm_desk.ui.commands import JournalCommand

if TYPE_CHECKING:
    from brm_desk.services.interchange.csv_import import RequestImportReport, RequestPlan
    from brm_desk.services.interchange.ics_import import CalendarImportReport, CalendarPreview
    from brm_desk.services.journal import Journal


class ImportCalendarCommand(JournalCommand):
    def __init__(
        self,
        journal: Journal,
        preview: CalendarPreview,
        partners: Mapping[str, str],
        report: CalendarImportReport,
    ) -> None:
        added, updated = len(report.added), len(report.updated)
        super().__init__(journal, f"Import {preview.path.name} ({added} added, {updated} updated)")
        self.preview = preview
        self.partners = dict(partners)
        self.report: CalendarImportReport | None = None
        self._first: CalendarImportReport | None = report

    def apply(self) -> None:
        from brm_desk.services.interchange.ics_import import import_calendar

        if self._first is not None:
            self.report, self._first = self._first, None
            return
        self.report = import_calendar(self.journal, self.preview, self.partners)

    def revert(self) -> None:
        from brm_desk.services.interchange.ics_import import undo_calendar_import

        if self.report is not None:
            undo_calendar_import(self.journal, self.report)


class ImportRequestsCommand(JournalCommand):
    def __init__(self, journal: Journal, plan: RequestPlan, report: RequestImportReport) -> None:
        super().__init__(
            journal, f"Import {len(report.added)} requests from {plan.table.path.name}"
        )
        self.plan = plan
        self.report: RequestImportReport | None = None
        self._first: RequestImportReport | None = report

    def apply(self) -> None:
        from brm_desk.services.interchange.csv_import import import_requests

        if self._first is not None:
            self.report, self._first = self._first, None
            return
        self.report = import_requests(self.journal, self.plan)

    def revert(self) -> None:
        from brm_desk.services.interchange.csv_import import undo_request_import

        if self.report is not None:
            undo_request_import(self.journal, self.report.added)
