"""The meetings list, paged from SQL: it stays quick on a journal of 100,000 meetings.

Sorting and filtering go to SQL (the model never holds every meeting), so this model is used
without a QSortFilterProxyModel; rows arrive a page at a time through ``fetchMore``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from brm_desk.domain.enums import Focus
from brm_desk.services.lists import MEETING_SORT_KEYS, Lists, MeetingFilter, MeetingLine
from brm_desk.ui.models.table import PARTNER_ROLE, RECORD_ROLE, SORT_ROLE, AnyIndex, sortable

PAGE_SIZE = 200
_UNCHANGED: Any = object()


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest:02d}"


class MeetingsModel(QAbstractTableModel):
    START, PARTNER, TITLE, TYPE, FOCUS, DURATION = range(6)
    HEADERS = ("Date", "Partner", "Title", "Type", "Focus", "Duration")

    def __init__(self, lists: Lists, parent: Any = None) -> None:
        super().__init__(parent)
        self._lists = lists
        self.wanted = MeetingFilter()
        self._lines: list[MeetingLine] = []
        self.total = 0

    def reload(self) -> None:
        """Start again from the first page (after a change or a new filter)."""
        self.beginResetModel()
        self.total = self._lists.meeting_count(self.wanted)
        self._lines = self._lists.meetings(self.wanted, 0, PAGE_SIZE)
        self.endResetModel()

    def set_filter(
        self,
        *,
        text: str = _UNCHANGED,
        partner_id: str | None = _UNCHANGED,
        focus: Focus | None = _UNCHANGED,
        days: tuple[date | None, date | None] = _UNCHANGED,
    ) -> None:
        """Change some of the filter (``days`` is the inclusive (since, until)) and reload."""
        wanted = self.wanted
        since, until = (wanted.since, wanted.until) if days is _UNCHANGED else days
        self.wanted = replace(
            wanted,
            text=wanted.text if text is _UNCHANGED else text,
            partner_id=wanted.partner_id if partner_id is _UNCHANGED else partner_id,
            focus=wanted.focus if focus is _UNCHANGED else focus,
            since=since,
            until=until,
        )
        self.reload()

    def line(self, row: int) -> MeetingLine:
        return self._lines[row]

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._lines) < self.total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._lists.meetings(self.wanted, len(self._lines), PAGE_SIZE)
        if not page:
            self.total = len(self._lines)
            return
        first = len(self._lines)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._lines.extend(page)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(MEETING_SORT_KEYS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.wanted = replace(self.wanted, sort=MEETING_SORT_KEYS[column], descending=descending)
        self.reload()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == SORT_ROLE:
            return sortable(self._raw(line, column))
        if role == PARTNER_ROLE:
            return line.partner_id
        if role == RECORD_ROLE:
            return line
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, line: MeetingLine, column: int) -> str:
        texts = (
            line.start.strftime("%Y-%m-%d %H:%M"),
            line.partner_name,
            line.title,
            line.type.label,
            line.focus.label,
            duration_text(line.duration_minutes),
        )
        return texts[column]

    def _raw(self, line: MeetingLine, column: int) -> Any:
        values = (
            line.start,
            line.partner_name,
            line.title,
            line.type.value,
            line.focus.value,
            line.duration_minutes,
        )
        return values[column]

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
