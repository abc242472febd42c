"""Date pickers: a named calendar-popup date edit, and the day it shows as a ``date``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def date_edit(name: str, day: date | None = None, shown_as: str = "yyyy-MM-dd") -> QDateEdit:
    """A date edit with a calendar popup, named for screen readers, showing ``day`` if given."""
    edit = QDateEdit(QDate(day.year, day.month, day.day)) if day is not None else QDateEdit()
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(shown_as)
    return edit


def shown_day(edit: QDateEdit) -> date:
    """The day ``edit`` shows."""
    shown = edit.date()
    return date(shown.year(), shown.month(), shown.day())
