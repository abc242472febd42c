"""The meetings view: every meeting, paged, sorted and filtered in SQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QToolButton

from brm_desk.services.journal import Journal
from brm_desk.services.lists import Lists
from brm_desk.ui.models.meetings import MeetingsModel
from brm_desk.ui.views.list_page import PagedListPage


class MeetingsPage(PagedListPage):
    title = "Meetings"
    record_kind = "meeting"
    default_sort = (MeetingsModel.START, Qt.SortOrder.DescendingOrder)
    model: MeetingsModel

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, MeetingsModel(Lists(journal.database)))
        self.stretch_column(MeetingsModel.TITLE)
        self.days_button = QToolButton()
        self.days_button.setToolTip("Show meetings of every date")
        self.days_button.clicked.connect(lambda: self.show_partner(self.selected_partner()))
        self.days_button.hide()
        self.bar.insertWidget(2, self.days_button)

    def show_partner(
        self, partner_id: str | None, since: date | None = None, until: date | None = None
    ) -> None:
        """List the partner's meetings (all partners' for None) of [since, until], every
        date when both are None; a button names the dates and clears them."""
        self.model.wanted = replace(self.model.wanted, since=since, until=until)
        super().show_partner(partner_id)
        shown = since is not None or until is not None
        self.days_button.setText(f"{days_text(since, until)}  ✕" if shown else "")
        self.days_button.setAccessibleName(f"Dates {days_text(since, until)}: show every date")
        self.days_button.setVisible(shown)


def days_text(since: date | None, until: date | None) -> str:
    """ "1–30 Jun 2026", "from 1 Jun 2026", "until 30 Jun 2026"."""
    if since and until:
        if (since.year, since.month) == (until.year, until.month):
            return f"{since.day}–{until.day} {until:%b %Y}"
        return f"{since:%d %b %Y} – {until:%d %b %Y}"
    if since:
        return f"from {since:%d %b %Y}"
    return f"until {until:%d %b %Y}" if until else ""
