"""A partner's communications plan in the JSON format: the optional partner field
``communications``, a list of entries in plan order (SPEC §6 extension, README "JSON").

An entry names its audience by ``contact`` (a contact id) or by ``quadrant`` (a quadrant of
the stakeholder map), never both; entries carry no id of their own.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import new_id
from brm_desk.domain.stakeholders import Communication, Quadrant, check_communication
from brm_desk.services.interchange.json_values import MISSING, JsonObject, checked

FIELD = "communications"
ENTRY_FIELDS = ("contact", "quadrant", "message", "channel", "frequency_days", "next_date")


def read_plan(obj: JsonObject, partner_id: str) -> list[Communication]:
    """The entries of a partner object's ``communications`` (none when it is left out)."""
    entries = []
    for i, item in enumerate(obj.items(FIELD)):
        place = f"{obj.place}.{FIELD}[{i}]"
        entry_obj = JsonObject(item, place, ENTRY_FIELDS, ("partner", partner_id))
        contact = entry_obj.reference("contact")
        quadrant = (
            None
            if entry_obj.values.get("quadrant") is None
            else entry_obj.choice("quadrant", Quadrant, MISSING)
        )
        if (contact is None) == (quadrant is None):
            raise ImportFileError(f"{place}: needs either a contact or a quadrant")
        entry = Communication(
            id=new_id(),
            partner_id=partner_id,
            message=entry_obj.required_text("message"),
            channel=entry_obj.required_text("channel"),
            frequency_days=entry_obj.integer("frequency_days", MISSING),
            next_date=entry_obj.required_day("next_date", MISSING),
            contact_id=contact,
            quadrant=quadrant,
        )
        entries.append(checked(check_communication, entry, place))
    return entries


def plan_documents(
    entries: Iterable[Communication], contacts: Collection[str]
) -> list[dict[str, Any]]:
    """Entries as JSON; one to a contact that is not exported is left out."""
    found = []
    for entry in entries:
        if entry.contact_id is not None and entry.contact_id not in contacts:
            continue
        audience: dict[str, Any] = (
            {"contact": entry.contact_id}
            if entry.quadrant is None
            else {"quadrant": entry.quadrant.value}
        )
        found.append(
            {
                **audience,
                "message": entry.message,
                "channel": entry.channel,
                "frequency_days": entry.frequency_days,
                "next_date": entry.next_date.isoformat(),
            }
        )
    return found
