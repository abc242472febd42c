"""The meetings list, paged from SQL: it stays quick on a journal of 100,000 meetings."""

from __future__ import annotations

from typing import Any

from brm_desk.services.lists import MEETING_SORT_KEYS, Lists, MeetingFilter, MeetingLine
from brm_desk.ui.models.paged import PagedTableModel
from brm_desk.ui.models.table import Column


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest:02d}"


class MeetingsModel(PagedTableModel[MeetingFilter, MeetingLine]):
    START, PARTNER, TITLE, TYPE, FOCUS, DURATION = range(6)
    name_column = TITLE
    SORT_KEYS = MEETING_SORT_KEYS
    columns = (
        Column("Date", lambda m: m.start.strftime("%Y-%m-%d %H:%M"), lambda m: m.start),
        Column("Partner", lambda m: m.partner_name, lambda m: m.partner_name),
        Column("Title", lambda m: m.title, lambda m: m.title),
        Column("Type", lambda m: m.type.label, lambda m: m.type.value),
        Column("Focus", lambda m: m.focus.label, lambda m: m.focus.value),
        Column(
            "Duration",
            lambda m: duration_text(m.duration_minutes),
            lambda m: m.duration_minutes,
            numeric=True,
        ),
    )

    def __init__(self, lists: Lists, parent: Any = None) -> None:
        super().__init__(MeetingFilter(), lists.meeting_count, lists.meetings, parent)
