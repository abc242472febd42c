"""Records as the JSON format of SPEC §6 writes them, field by field in the format's order."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from decimal import Decimal
from typing import Any

from brm_desk.domain.records import Action, Contact, Meeting, Partner, Request


def day_text(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def amount_value(amount: Decimal | None) -> int | float | None:
    """Money as a JSON number: whole amounts as integers, the rest as floats.

    A float that lands on a whole number is written as an integer too, so that exporting
    what was imported from an export gives the very same text.
    """
    if amount is None:
        return None
    value = float(amount)
    return int(value) if value.is_integer() else value


def partner_document(partner: Partner) -> dict[str, Any]:
    return {
        "id": partner.id,
        "name": partner.name,
        "business_unit": partner.business_unit,
        "sponsor": partner.sponsor,
        "maturity": partner.maturity.value,
        "maturity_history": [
            {"maturity": change.maturity.value, "since": change.since.isoformat()}
            for change in partner.maturity_history
        ],
        "target_strategic_share": partner.target_strategic_share,
        "touch_cadence_days": partner.touch_cadence_days,
        "notes": partner.notes,
        "archived": partner.archived,
    }


def contact_document(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "partner": contact.partner_id,
        "name": contact.name,
        "role": contact.role,
        "email": contact.email,
        "phone": contact.phone,
        "influence": contact.influence.value,
        "stance": contact.stance.value,
        "notes": contact.notes,
    }


def action_document(action: Action) -> dict[str, Any]:
    return {
        "text": action.text,
        "side": action.side.value,
        "owner": action.owner,
        "due": day_text(action.due),
        "done": day_text(action.done),
    }


def meeting_document(meeting: Meeting, contacts: Collection[str]) -> dict[str, Any]:
    """A meeting; attendees that are not exported (e.g. contacts in the trash) are dropped."""
    return {
        "id": meeting.id,
        "partner": meeting.partner_id,
        "title": meeting.title,
        "start": meeting.start.isoformat(),
        "duration_minutes": meeting.duration_minutes,
        "type": meeting.type.value,
        "focus": meeting.focus.value,
        "location": meeting.location,
        "attendees": [c for c in meeting.attendee_ids if c in contacts],
        "notes": meeting.notes,
        "private": meeting.private,
        "tags": list(meeting.tags),
        "satisfaction": meeting.satisfaction,
        "actions": [action_document(action) for action in meeting.actions],
    }


def request_document(
    request: Request,
    contacts: Collection[str],
    meetings: Collection[str],
    requests: Collection[str],
) -> dict[str, Any]:
    """A request; references to records that are not exported become null or are dropped."""
    raised_by = request.raised_by_id if request.raised_by_id in contacts else None
    reframed_as = request.reframed_as_id if request.reframed_as_id in requests else None
    return {
        "id": request.id,
        "partner": request.partner_id,
        "title": request.title,
        "raised_by": raised_by,
        "received": request.received.isoformat(),
        "focus": request.focus.value,
        "want": request.want,
        "need": request.need,
        "value": request.value,
        "urgency": request.urgency,
        "status": request.status.value,
        "routed_to": request.routed_to,
        "delivered_on": day_text(request.delivered_on),
        "revisit_on": day_text(request.revisit_on),
        "reframed_as": reframed_as,
        "outcome_note": request.outcome_note,
        "expected_benefit": request.expected_benefit,
        "expected_value_amount": amount_value(request.expected_value_amount),
        "realized_value_amount": amount_value(request.realized_value_amount),
        "benefit_reviewed_on": day_text(request.benefit_reviewed_on),
        "meetings": [m for m in request.meeting_ids if m in meetings],
        "notes": request.notes,
        "private": request.private,
        "tags": list(request.tags),
    }
