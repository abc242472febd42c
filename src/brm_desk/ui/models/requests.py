"""The requests list, paged from SQL: the demand partners raise and what became of it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from brm_desk.services.lists import REQUEST_SORT_KEYS, Lists, RequestFilter, RequestLine
from brm_desk.ui.models.paged import PagedTableModel
from brm_desk.ui.models.table import Column


def waiting_text(line: RequestLine, today: date) -> str:
    """How many days an open request has waited since it came in: 47 d ("" once closed)."""
    return f"{(today - line.received).days} d" if line.status.is_open else ""


class RequestsModel(PagedTableModel[RequestFilter, RequestLine]):
    """Rows are :class:`brm_desk.services.lists.RequestLine` (no want, need or notes)."""

    RECEIVED, WAITING, PARTNER, TITLE, FOCUS, STATUS, VALUE, URGENCY = range(8)
    name_column = TITLE
    SORT_KEYS = (REQUEST_SORT_KEYS[0], *REQUEST_SORT_KEYS)  # waiting longest: received first

    def __init__(
        self, lists: Lists, today: Callable[[], date] = date.today, parent: Any = None
    ) -> None:
        super().__init__(RequestFilter(), lists.request_count, lists.requests, parent)
        self.columns = (
            Column("Received", lambda r: r.received.isoformat(), lambda r: r.received),
            Column(
                "Waiting",
                lambda r: waiting_text(r, today()),
                lambda r: -r.received.toordinal(),
                numeric=True,
                tip="Days an open request has waited since it came in",
            ),
            Column("Partner", lambda r: r.partner_name, lambda r: r.partner_name),
            Column("Title", lambda r: r.title, lambda r: r.title),
            Column("Focus", lambda r: r.focus.label, lambda r: r.focus.value),
            Column("Status", lambda r: r.status.label, lambda r: r.status.value),
            Column("Value", lambda r: str(r.value), lambda r: r.value, numeric=True),
            Column("Urgency", lambda r: str(r.urgency), lambda r: r.urgency, numeric=True),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Waiting sorts as received, the other way round: the longest wait is the oldest."""
        if column == self.WAITING:
            ascending = order == Qt.SortOrder.AscendingOrder
            order = Qt.SortOrder.DescendingOrder if ascending else Qt.SortOrder.AscendingOrder
        super().sort(column, order)
