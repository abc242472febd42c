"""The requests list: the demand partners raise and what became of it."""

from __future__ import annotations

from brm_desk.domain.enums import Focus, RequestStatus
from brm_desk.ui.models.table import Column, RecordTableModel

_FOCUS_RANK = {value: i for i, value in enumerate(Focus)}
_STATUS_RANK = {value: i for i, value in enumerate(RequestStatus)}


class RequestsModel(RecordTableModel):
    """Rows are :class:`brm_desk.services.lists.RequestLine` (no want, need or notes)."""

    RECEIVED, PARTNER, TITLE, FOCUS, STATUS, VALUE, URGENCY = range(7)
    columns = (
        Column("Received", lambda r: r.received.isoformat(), lambda r: r.received),
        Column("Partner", lambda r: r.partner_name, lambda r: r.partner_name.casefold()),
        Column("Title", lambda r: r.title, lambda r: r.title.casefold()),
        Column("Focus", lambda r: r.focus.label, lambda r: _FOCUS_RANK[r.focus]),
        Column("Status", lambda r: r.status.label, lambda r: _STATUS_RANK[r.status]),
        Column("Value", lambda r: str(r.value), lambda r: r.value, numeric=True),
        Column("Urgency", lambda r: str(r.urgency), lambda r: r.urgency, numeric=True),
    )
