"""The requests list, paged from SQL: the demand partners raise and what became of it."""

from __future__ import annotations

from typing import Any

from brm_desk.services.lists import REQUEST_SORT_KEYS, Lists, RequestFilter, RequestLine
from brm_desk.ui.models.paged import PagedTableModel
from brm_desk.ui.models.table import Column


class RequestsModel(PagedTableModel[RequestFilter, RequestLine]):
    """Rows are :class:`brm_desk.services.lists.RequestLine` (no want, need or notes)."""

    RECEIVED, PARTNER, TITLE, FOCUS, STATUS, VALUE, URGENCY = range(7)
    SORT_KEYS = REQUEST_SORT_KEYS
    columns = (
        Column("Received", lambda r: r.received.isoformat(), lambda r: r.received),
        Column("Partner", lambda r: r.partner_name, lambda r: r.partner_name),
        Column("Title", lambda r: r.title, lambda r: r.title),
        Column("Focus", lambda r: r.focus.label, lambda r: r.focus.value),
        Column("Status", lambda r: r.status.label, lambda r: r.status.value),
        Column("Value", lambda r: str(r.value), lambda r: r.value, numeric=True),
        Column("Urgency", lambda r: str(r.urgency), lambda r: r.urgency, numeric=True),
    )

    def __init__(self, lists: Lists, parent: Any = None) -> None:
        super().__init__(RequestFilter(), lists.request_count, lists.requests, parent)
