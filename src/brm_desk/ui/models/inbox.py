"""The calendar inbox's rows: each waiting event with its guess."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from brm_desk.domain.calendar_inbox import InboxItem
from brm_desk.ui.models.table import Column, RecordTableModel


def _when(item: InboxItem) -> str:
    return item.start.strftime("%a %d %b %Y, %H:%M")


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
        Column("Calendar", lambda i: f"{i.source_id}" if i.source_id else "(removed)"),
    )

    def extra_data(self, record: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            details = [f"{record.duration_minutes} minutes"]
            if record.location:
                details.append(record.location)
            details += record.emails
            return "\n".join(details)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PARTNER:
            return f"Guessed from: {record.guessed_from}" if record.guessed_from else None
        return None
