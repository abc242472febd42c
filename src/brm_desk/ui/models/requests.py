"""The requests list, paged from SQL: the demand partners raise and what became of it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from brm_desk.services.lists import REQUEST_SORT_KEYS, Lists, RequestFilter, RequestLine
from brm_desk.ui.models.paged import PagedTableModel
from brm_desk.ui.models.table import Column


def received_text(line: RequestLine, today: date) -> str:
    """The day it came in, and for one still open how long it has waited: 2026-10-08 · 47 d."""
    if not line.status.is_open:
        return line.received.isoformat()
    return f"{line.received.isoformat()} · {(today - line.received).days} d"


class RequestsModel(PagedTableModel[RequestFilter, RequestLine]):
    """Rows are :class:`brm_desk.services.lists.RequestLine` (no want, need or notes)."""

    RECEIVED, PARTNER, TITLE, FOCUS, STATUS, VALUE, URGENCY = range(7)
    SORT_KEYS = REQUEST_SORT_KEYS

    def __init__(
        self, lists: Lists, today: Callable[[], date] = date.today, parent: Any = None
    ) -> None:
        super().__init__(RequestFilter(), lists.request_count, lists.requests, parent)
        self.columns = (
            Column(
                "Received",
                lambda r: received_text(r, today()),
                lambda r: r.received,
                tip="When it came in, and for open requests how many days it has waited",
            ),
            Column("Partner", lambda r: r.partner_name, lambda r: r.partner_name),
            Column("Title", lambda r: r.title, lambda r: r.title),
            Column("Focus", lambda r: r.focus.label, lambda r: r.focus.value),
            Column("Status", lambda r: r.status.label, lambda r: r.status.value),
            Column("Value", lambda r: str(r.value), lambda r: r.value, numeric=True),
            Column("Urgency", lambda r: str(r.urgency), lambda r: r.urgency, numeric=True),
        )
