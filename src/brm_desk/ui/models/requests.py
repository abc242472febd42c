"""The requests list, paged from SQL: the demand partners raise and what became of it."""

from __future__ import annotations

from typing import Any

from brm_desk.services.lists import REQUEST_SORT_KEYS, Lists, RequestFilter, RequestLine
from brm_desk.ui.models.paged import PagedTableModel


class RequestsModel(PagedTableModel[RequestFilter, RequestLine]):
    """Rows are :class:`brm_desk.services.lists.RequestLine` (no want, need or notes)."""

    RECEIVED, PARTNER, TITLE, FOCUS, STATUS, VALUE, URGENCY = range(7)
    HEADERS = ("Received", "Partner", "Title", "Focus", "Status", "Value", "Urgency")
    SORT_KEYS = REQUEST_SORT_KEYS
    NUMERIC_COLUMNS = frozenset({VALUE, URGENCY})

    def __init__(self, lists: Lists, parent: Any = None) -> None:
        super().__init__(RequestFilter(), parent)
        self._lists = lists

    def count(self, wanted: RequestFilter) -> int:
        return self._lists.request_count(wanted)

    def read(self, wanted: RequestFilter, offset: int, limit: int, total: int) -> list[RequestLine]:
        return self._lists.requests(wanted, offset, limit, total)

    def display(self, line: RequestLine, column: int) -> str:
        texts = (
            line.received.isoformat(),
            line.partner_name,
            line.title,
            line.focus.label,
            line.status.label,
            str(line.value),
            str(line.urgency),
        )
        return texts[column]

    def raw(self, line: RequestLine, column: int) -> Any:
        values = (
            line.received,
            line.partner_name,
            line.title,
            line.focus.value,
            line.status.value,
            line.value,
            line.urgency,
        )
        return values[column]
