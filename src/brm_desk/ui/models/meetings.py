"""The meetings list, paged from SQL: it stays quick on a journal of 100,000 meetings."""

from __future__ import annotations

from typing import Any

from brm_desk.services.lists import MEETING_SORT_KEYS, Lists, MeetingFilter, MeetingLine
from brm_desk.ui.models.paged import PagedTableModel


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest:02d}"


class MeetingsModel(PagedTableModel[MeetingFilter, MeetingLine]):
    START, PARTNER, TITLE, TYPE, FOCUS, DURATION = range(6)
    HEADERS = ("Date", "Partner", "Title", "Type", "Focus", "Duration")
    SORT_KEYS = MEETING_SORT_KEYS
    NUMERIC_COLUMNS = frozenset({DURATION})

    def __init__(self, lists: Lists, parent: Any = None) -> None:
        super().__init__(MeetingFilter(), parent)
        self._lists = lists

    def set_filter(self, **changes: Any) -> None:
        """Change some of the filter (``days`` is the inclusive (since, until)) and reload."""
        if "days" in changes:
            changes["since"], changes["until"] = changes.pop("days")
        super().set_filter(**changes)

    def count(self, wanted: MeetingFilter) -> int:
        return self._lists.meeting_count(wanted)

    def read(self, wanted: MeetingFilter, offset: int, limit: int, total: int) -> list[MeetingLine]:
        return self._lists.meetings(wanted, offset, limit, total)

    def display(self, line: MeetingLine, column: int) -> str:
        if column == self.START:
            return line.start.strftime("%Y-%m-%d %H:%M")
        if column == self.PARTNER:
            return line.partner_name
        if column == self.TITLE:
            return line.title
        if column == self.TYPE:
            return line.type.label
        if column == self.FOCUS:
            return line.focus.label
        return duration_text(line.duration_minutes)

    def raw(self, line: MeetingLine, column: int) -> Any:
        values = (
            line.start,
            line.partner_name,
            line.title,
            line.type.value,
            line.focus.value,
            line.duration_minutes,
        )
        return values[column]
