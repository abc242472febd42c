"""The stakeholder map's fields in the JSON format (SPEC §6 extensions, README "JSON").

- ``communications``, an optional partner field: the communications plan, entries in plan
  order. An entry names its audience by ``contact`` (a contact id) or by ``quadrant`` (a
  quadrant of the map), never both; entries carry no id of their own.
- ``history``, an optional contact field: the dated steps of their influence, stance and
  interest, earliest first. It is private (it holds stances) and written only when there is
  more than one step: a contact imported without it starts their history on the import day.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any

from brm_desk.domain.enums import Influence, Interest, Stance
from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import StanceChange, new_id
from brm_desk.domain.stakeholders import Communication, Quadrant, check_communication
from brm_desk.services.interchange.json_values import MISSING, JsonObject, checked

FIELD = "communications"
ENTRY_FIELDS = ("contact", "quadrant", "message", "channel", "frequency_days", "next_date")
HISTORY_FIELD = "history"
STEP_FIELDS = ("since", "influence", "stance", "interest")


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


def read_history(obj: JsonObject, contact_id: str) -> tuple[StanceChange, ...]:
    """The steps of a contact object's ``history``, each on a later day than the one before."""
    steps: list[StanceChange] = []
    for i, item in enumerate(obj.items(HISTORY_FIELD)):
        place = f"{obj.place}.{HISTORY_FIELD}[{i}]"
        step_obj = JsonObject(item, place, STEP_FIELDS, ("contact", contact_id))
        step = StanceChange(
            since=step_obj.required_day("since", MISSING),
            influence=step_obj.choice("influence", Influence, Influence.MEDIUM),
            stance=step_obj.choice("stance", Stance, Stance.NEUTRAL),
            interest=step_obj.choice("interest", Interest, Interest.MEDIUM),
        )
        if steps and step.since <= steps[-1].since:
            raise ImportFileError(f"{place}.since: must be later than the step before")
        steps.append(step)
    return tuple(steps)


def history_document(steps: Sequence[StanceChange]) -> list[dict[str, Any]]:
    """A history as JSON (empty for a single step, which the contact's own fields say)."""
    if len(steps) < 2:
        return []
    return [
        {
            "since": step.since.isoformat(),
            "influence": step.influence.value,
            "stance": step.stance.value,
            "interest": step.interest.value,
        }
        for step in steps
    ]
