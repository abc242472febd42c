"""Records as the JSON format of SPEC §6 writes them: the format's fields, in its order.

The fields and their order are named once, in :mod:`json_schema`, for reading and writing.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from brm_desk.domain.records import Action, Contact, MaturityChange, Meeting, Partner, Request
from brm_desk.services.interchange.json_schema import (
    ACTION_FIELDS,
    CONTACT_FIELDS,
    MATURITY_FIELDS,
    MEETING_FIELDS,
    PARTNER_FIELDS,
    REQUEST_FIELDS,
)

_FIELDS: dict[type, tuple[str, ...]] = {
    Partner: PARTNER_FIELDS,
    MaturityChange: MATURITY_FIELDS,
    Contact: CONTACT_FIELDS,
    Meeting: MEETING_FIELDS,
    Action: ACTION_FIELDS,
    Request: REQUEST_FIELDS,
}
# Where a record keeps a field the format names differently (a reference holds ids).
_ATTRIBUTES = {
    "partner": "partner_id",
    "attendees": "attendee_ids",
    "raised_by": "raised_by_id",
    "reframed_as": "reframed_as_id",
    "meetings": "meeting_ids",
}


def amount_value(amount: Decimal) -> int | float:
    """Money as a JSON number: whole amounts as integers, the rest as floats.

    A float that lands on a whole number is written as an integer too, so that exporting
    what was imported from an export gives the very same text.
    """
    value = float(amount)
    return int(value) if value.is_integer() else value


def record_document(record: object) -> dict[str, Any]:
    """A record (or a maturity change, or an action) as a JSON object of the format."""
    return {
        name: _json_value(getattr(record, _ATTRIBUTES.get(name, name)))
        for name in _FIELDS[type(record)]
    }


def _json_value(value: Any) -> Any:
    """Choices and dates as text, money as a number, lists and nested records as JSON."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return amount_value(value)
    if isinstance(value, tuple):
        return [_json_value(item) for item in value]
    if type(value) in _FIELDS:
        return record_document(value)
    return value


def meeting_document(meeting: Meeting, contacts: Collection[str]) -> dict[str, Any]:
    """A meeting; attendees that are not exported (e.g. contacts in the trash) are dropped."""
    document = record_document(meeting)
    document["attendees"] = [c for c in meeting.attendee_ids if c in contacts]
    return document


def request_document(
    request: Request,
    contacts: Collection[str],
    meetings: Collection[str],
    requests: Collection[str],
) -> dict[str, Any]:
    """A request; references to records that are not exported become null or are dropped."""
    document = record_document(request)
    if request.raised_by_id not in contacts:
        document["raised_by"] = None
    if request.reframed_as_id not in requests:
        document["reframed_as"] = None
    document["meetings"] = [m for m in request.meeting_ids if m in meetings]
    return document
