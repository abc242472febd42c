"""The calendar inbox's rows: each waiting event with its guess."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

from brm_desk.domain.calendar_inbox import ATTENDEES, LEARNED, SOURCE, TITLE, InboxItem
from brm_desk.ui.models.table import Column, RecordTableModel

GUESSED_FROM = {
    LEARNED: "a rule learned when you filed an event of this title",
    ATTENDEES: "the attendees' e-mail addresses",
    SOURCE: "the calendar's default partner",
    TITLE: "the partner's name in the title",
}


def _when(item: InboxItem) -> str:
    return item.start.strftime("%a %Y-%m-%d %H:%M")


class InboxModel(RecordTableModel):
    WHEN, TITLE, PARTNER, KIND, SOURCE = range(5)
    name_column = TITLE
    columns = (
        Column("When", _when, lambda i: i.start),
        Column("Title", lambda i: i.title, lambda i: i.title.casefold()),
        Column(
            "Partner (guess)",
            lambda i: i.guess_text,
            lambda i: i.guess_text.casefold(),
            tip="From a rule learned from your filing, the attendees, the calendar's "
            "partner, or a partner the title names",
        ),
        Column("Type, focus (guess)", lambda i: i.kind_text),
        Column("Calendar", lambda i: i.source_name or "(removed)"),
    )

    def extra_data(self, record: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            details = [f"{record.duration_minutes} minutes"]
            if record.location:
                details.append(record.location)
            details += record.emails
            return "\n".join(details)
        if column == self.PARTNER and record.partner_id is None:
            if role == Qt.ItemDataRole.ForegroundRole:  # nothing to file with: a quiet note
                return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            if role == Qt.ItemDataRole.ToolTipRole:
                return "No partner guessed: press C to choose one, or I to ignore the event"
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PARTNER:
            return f"Guessed from {GUESSED_FROM[record.guessed_from]}"
        return None
