"""Imports as undoable steps: undo takes the whole import back, redo imports it again.

The import itself ran in the background before the command is pushed; the command takes
that report on its first ``apply`` instead of importing a second time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from brm_desk.ui.commands import JournalCommand

if TYPE_CHECKING:
    from brm_desk.services.interchange.csv_import import RequestImportReport, RequestPlan
    from brm_desk.services.interchange.ics_import import CalendarImportReport, CalendarPreview
    from brm_desk.services.journal import Journal


class ImportCommand(JournalCommand):
    """An import already done; a redo imports again and an undo takes back ``report``."""

    def __init__(self, journal: Journal, text: str, report: Any) -> None:
        super().__init__(journal, text)
        self.report = report

    def apply(self) -> None:
        if self.performed:  # a redo; the first time, the import has run already
            self.report = self.import_again()

    def import_again(self) -> Any:
        raise NotImplementedError


class ImportCalendarCommand(ImportCommand):
    def __init__(
        self,
        journal: Journal,
        preview: CalendarPreview,
        partners: Mapping[str, str],
        report: CalendarImportReport,
    ) -> None:
        added, updated = len(report.added), len(report.updated)
        text = f"Import {preview.path.name} ({added} added, {updated} updated)"
        super().__init__(journal, text, report)
        self.preview = preview
        self.partners = dict(partners)

    def import_again(self) -> CalendarImportReport:
        from brm_desk.services.interchange.ics_import import import_calendar

        return import_calendar(self.journal, self.preview, self.partners)

    def revert(self) -> None:
        from brm_desk.services.interchange.ics_import import undo_calendar_import

        undo_calendar_import(self.journal, self.report)


class ImportRequestsCommand(ImportCommand):
    def __init__(self, journal: Journal, plan: RequestPlan, report: RequestImportReport) -> None:
        text = f"Import {len(report.added)} requests from {plan.table.path.name}"
        super().__init__(journal, text, report)
        self.plan = plan

    def import_again(self) -> RequestImportReport:
        from brm_desk.services.interchange.csv_import import import_requests

        return import_requests(self.journal, self.plan)

    def revert(self) -> None:
        from brm_desk.services.interchange.csv_import import undo_request_import

        undo_request_import(self.journal, self.report.added)
