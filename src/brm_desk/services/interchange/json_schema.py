"""The JSON format of SPEC §6: its fields, records read from it (naming the place of any
fault) and records written as it.

This module knows the format and the domain rules, not the journal: whether an id is taken or a
reference points into the journal is decided by the import, which holds the transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from brm_desk.domain.assessments import Assessment
from brm_desk.domain.enums import (
    Focus,
    Influence,
    Interest,
    Maturity,
    MeetingType,
    RequestStatus,
    Side,
    Stance,
)
from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.pulses import Pulse, check_pulse
from brm_desk.domain.records import (
    DEFAULT_DURATION_MINUTES,
    DEFAULT_TARGET_STRATEGIC_SHARE,
    DEFAULT_TOUCH_CADENCE_DAYS,
    Action,
    Contact,
    Meeting,
    Partner,
    Request,
    StanceChange,
)
from brm_desk.domain.rules import check_contact, check_meeting, check_partner, check_request
from brm_desk.domain.stakeholders import Communication
from brm_desk.services.interchange import json_stakeholders
from brm_desk.services.interchange.json_assessments import (
    assessments_document,
    history_document,
    read_maturity,
)
from brm_desk.services.interchange.json_values import (
    MISSING,
    JsonObject,
    checked,
    describe,
    quote,
    shown,
)

FORMAT = "brm-desk-journal"
VERSION = 1

TOP_FIELDS = (
    "format", "version", "exported_at", "partners", "contacts", "meetings", "requests", "pulses",
)  # fmt: skip
# The fields of each record, in the order an export writes them.
FIELDS: dict[type, tuple[str, ...]] = {
    Partner: (
        "id", "name", "business_unit", "sponsor", "maturity", "maturity_history",
        "target_strategic_share", "touch_cadence_days", "notes", "archived", "next_period",
        "assessments",
    ),
    Contact: (
        "id", "partner", "name", "role", "email", "phone", "influence", "stance", "notes",
        "interest",
    ),
    Meeting: (
        "id", "partner", "title", "start", "duration_minutes", "type", "focus", "location",
        "attendees", "notes", "private_notes", "private", "tags", "satisfaction", "actions",
    ),
    Action: ("text", "side", "owner", "due", "done"),
    Request: (
        "id", "partner", "title", "raised_by", "received", "focus", "want", "need", "value",
        "urgency", "status", "routed_to", "delivered_on", "revisit_on", "reframed_as",
        "outcome_note", "expected_benefit", "expected_value_amount", "realized_value_amount",
        "benefit_reviewed_on", "meetings", "notes", "private_notes", "private", "tags",
    ),
    Pulse: (
        "id", "partner", "taken_on", "trust", "responsiveness", "value_delivered",
        "net_promoter", "comment", "answered_by",
    ),
}  # fmt: skip
_KEYS = {record_type: frozenset(names) for record_type, names in FIELDS.items()}
# The plan and a contact's history are not on the records: json_io writes them.
_KEYS[Partner] |= {json_stakeholders.FIELD}
_KEYS[Contact] |= {json_stakeholders.HISTORY_FIELD}
# Where a record keeps a field the format names differently (a reference holds ids).
_ATTRIBUTES = {
    "partner": "partner_id",
    "attendees": "attendee_ids",
    "raised_by": "raised_by_id",
    "reframed_as": "reframed_as_id",
    "meetings": "meeting_ids",
    "answered_by": "answered_by_id",
}


@dataclass(frozen=True, slots=True)
class Reference:
    """The field ``name`` of the record ``owner`` points to ``targets``, records of ``kind``."""

    owner: str
    name: str
    kind: str
    targets: tuple[str, ...]


@dataclass(slots=True)
class Document:
    """A checked document: records in file order, where each id sits, and every reference.

    ``today`` is the date a request without a ``received`` date is taken as received.
    """

    today: date
    partners: list[Partner] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    communications: list[Communication] = field(default_factory=list)
    histories: dict[str, tuple[StanceChange, ...]] = field(default_factory=dict)
    pulses: list[Pulse] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)

    def record(self, value: Any, place: str, record_type: type) -> tuple[JsonObject, str]:
        """The object of a record and its id, refusing an id used before in the file."""
        obj = JsonObject(value, place, _KEYS[record_type])
        record_id = obj.identifier()
        if record_id in self.places:
            raise ImportFileError(
                f"{place}: the id {quote(record_id)} is already used by {self.places[record_id]}"
                " (ids must be unique in the whole file)"
            )
        self.kinds[record_id] = record_type.__name__.lower()
        self.places[record_id] = place
        return obj, record_id

    def refer(self, owner: str, name: str, kind: str, *targets: str | None) -> None:
        found = tuple(target for target in targets if target is not None)
        if found:
            self.references.append(Reference(owner, name, kind, found))


# Reading


def read_partner(value: Any, place: str, document: Document) -> None:
    """A partner; its maturity history or assessments are kept as given (an import does not
    start one)."""
    obj, partner_id = document.record(value, place, Partner)
    partner = Partner(
        id=partner_id,
        name=obj.required_text("name"),
        business_unit=obj.text("business_unit"),
        sponsor=obj.text("sponsor"),
        maturity=obj.choice("maturity", Maturity, Maturity.AD_HOC),
        target_strategic_share=obj.share("target_strategic_share", DEFAULT_TARGET_STRATEGIC_SHARE),
        touch_cadence_days=obj.integer("touch_cadence_days", DEFAULT_TOUCH_CADENCE_DAYS),
        notes=obj.text("notes"),
        archived=obj.boolean("archived", False),
        next_period=obj.text("next_period"),
    )
    document.partners.append(checked(check_partner, partner, place))
    plan = json_stakeholders.read_plan(obj, partner_id)
    document.refer(partner_id, json_stakeholders.FIELD, "contact", *(e.contact_id for e in plan))
    document.communications.extend(plan)
    for i, assessment in enumerate(read_maturity(obj, place, partner_id)):
        document.refer(partner_id, f"assessments[{i}].meetings", "meeting", *assessment.meeting_ids)
        document.refer(partner_id, f"assessments[{i}].requests", "request", *assessment.request_ids)
        document.assessments.append(assessment)


def read_contact(value: Any, place: str, document: Document) -> None:
    """A contact; its partner is resolved later, against the file and the journal."""
    obj, contact_id = document.record(value, place, Contact)
    contact = Contact(
        id=contact_id,
        partner_id=obj.identifier("partner"),
        name=obj.required_text("name"),
        role=obj.text("role"),
        email=obj.text("email"),
        phone=obj.text("phone"),
        influence=obj.choice("influence", Influence, Influence.MEDIUM),
        stance=obj.choice("stance", Stance, Stance.NEUTRAL),
        interest=obj.choice("interest", Interest, Interest.MEDIUM),
        notes=obj.text("notes"),
    )
    contact = checked(check_contact, contact, place)
    document.refer(contact.id, "partner", "partner", contact.partner_id)
    document.contacts.append(contact)
    history = json_stakeholders.read_history(obj, contact_id)
    if history:
        document.histories[contact_id] = history


def read_meeting(value: Any, place: str, document: Document) -> None:
    """A meeting; without a focus it takes its type's default, as in the app."""
    obj, meeting_id = document.record(value, place, Meeting)
    meeting_type = obj.choice("type", MeetingType, MeetingType.OTHER)
    meeting = Meeting(
        id=meeting_id,
        partner_id=obj.identifier("partner"),
        title=obj.required_text("title"),
        start=obj.moment("start"),
        duration_minutes=obj.integer("duration_minutes", DEFAULT_DURATION_MINUTES),
        type=meeting_type,
        focus=obj.choice("focus", Focus, meeting_type.default_focus),
        location=obj.text("location"),
        attendee_ids=obj.identifiers("attendees"),
        notes=obj.text("notes"),
        private_notes=obj.text("private_notes"),
        private=obj.boolean("private", False),
        tags=obj.texts("tags"),
        satisfaction=obj.optional_integer("satisfaction"),
        actions=tuple(
            read_action(item, f"{place}.actions[{i}]", meeting_id)
            for i, item in enumerate(obj.items("actions"))
        ),
    )
    meeting = checked(check_meeting, meeting, place)
    document.refer(meeting.id, "partner", "partner", meeting.partner_id)
    document.refer(meeting.id, "attendees", "contact", *meeting.attendee_ids)
    document.meetings.append(meeting)


def read_action(value: Any, place: str, meeting_id: str) -> Action:
    """A follow-up; messages name its meeting, since an action has no id of its own."""
    obj = JsonObject(value, place, _KEYS[Action], ("meeting", meeting_id))
    return Action(
        text=obj.required_text("text"),
        side=obj.choice("side", Side, Side.MINE),
        owner=obj.text("owner"),
        due=obj.day("due"),
        done=obj.day("done"),
    )


def read_request(value: Any, place: str, document: Document) -> None:
    """A request; one without a ``received`` date is taken as received today."""
    obj, request_id = document.record(value, place, Request)
    request = Request(
        id=request_id,
        partner_id=obj.identifier("partner"),
        title=obj.required_text("title"),
        received=obj.required_day("received", document.today),
        raised_by_id=obj.reference("raised_by"),
        focus=obj.choice("focus", Focus, Focus.ROUTINE),
        want=obj.text("want"),
        need=obj.text("need"),
        value=obj.integer("value", 3),
        urgency=obj.integer("urgency", 3),
        status=obj.choice("status", RequestStatus, RequestStatus.NEW),
        routed_to=obj.text("routed_to"),
        delivered_on=obj.day("delivered_on"),
        revisit_on=obj.day("revisit_on"),
        reframed_as_id=obj.reference("reframed_as"),
        outcome_note=obj.text("outcome_note"),
        expected_benefit=obj.text("expected_benefit"),
        expected_value_amount=obj.amount("expected_value_amount"),
        realized_value_amount=obj.amount("realized_value_amount"),
        benefit_reviewed_on=obj.day("benefit_reviewed_on"),
        meeting_ids=obj.identifiers("meetings"),
        notes=obj.text("notes"),
        private_notes=obj.text("private_notes"),
        private=obj.boolean("private", False),
        tags=obj.texts("tags"),
    )
    request = checked(check_request, request, place)
    document.refer(request.id, "partner", "partner", request.partner_id)
    document.refer(request.id, "raised_by", "contact", request.raised_by_id)
    document.refer(request.id, "reframed_as", "request", request.reframed_as_id)
    document.refer(request.id, "meetings", "meeting", *request.meeting_ids)
    document.requests.append(request)


def read_pulse(value: Any, place: str, document: Document) -> None:
    """A pulse (optional in the format: a file without pulses is read as before)."""
    obj, pulse_id = document.record(value, place, Pulse)
    pulse = Pulse(
        id=pulse_id,
        partner_id=obj.identifier("partner"),
        taken_on=obj.required_day("taken_on", MISSING),
        trust=obj.integer("trust", MISSING),
        responsiveness=obj.integer("responsiveness", MISSING),
        value_delivered=obj.integer("value_delivered", MISSING),
        net_promoter=obj.integer("net_promoter", MISSING),
        comment=obj.text("comment"),
        answered_by_id=obj.reference("answered_by"),
    )
    pulse = checked(check_pulse, pulse, place)
    document.refer(pulse.id, "partner", "partner", pulse.partner_id)
    document.refer(pulse.id, "answered_by", "contact", pulse.answered_by_id)
    document.pulses.append(pulse)


def read_header(data: Any) -> JsonObject:
    """The top level: a BRM Desk journal of a version this program reads, with known fields."""
    if not isinstance(data, dict):
        raise ImportFileError(
            f'the file must hold one JSON object {{…}} with "format": "{FORMAT}", '
            f"not {describe(data)}"
        )
    kind = data.get("format", MISSING)
    if kind is MISSING:
        raise ImportFileError(f'format: is missing; a BRM Desk file says "format": "{FORMAT}"')
    if kind != FORMAT:
        raise ImportFileError(f'format: must be "{FORMAT}", not {shown(kind)}')
    version = data.get("version", MISSING)
    if version is MISSING:
        raise ImportFileError(
            f"version: is missing; this version of BRM Desk reads version {VERSION}"
        )
    if type(version) is int and version > VERSION:
        raise ImportFileError(
            f"version: the file was made by a newer version of BRM Desk (format version "
            f"{version}; this version reads version {VERSION}). Update BRM Desk to import it."
        )
    if type(version) is not int or version != VERSION:
        raise ImportFileError(f"version: must be {VERSION}, not {shown(version)}")
    header = JsonObject(data, "", TOP_FIELDS)
    if "exported_at" in data:
        exported_at = header.text("exported_at")
        try:
            datetime.fromisoformat(exported_at)
        except ValueError:
            raise header.fail(
                "exported_at", f"{quote(exported_at)} is not a date and time"
            ) from None
    return header


def read_document(data: Any, *, today: date) -> Document:
    """Every record of a document, checked; the first fault found raises ImportFileError."""
    header = read_header(data)
    document = Document(today)
    for kind, read in (
        ("partners", read_partner),
        ("contacts", read_contact),
        ("meetings", read_meeting),
        ("requests", read_request),
        ("pulses", read_pulse),
    ):
        for i, item in enumerate(header.items(kind)):
            read(item, f"{kind}[{i}]", document)
    return document


# Writing


def amount_value(amount: Decimal) -> int | float:
    """Money as a JSON number: whole amounts as integers, the rest as floats.

    A float that lands on a whole number is written as an integer too, so that exporting
    what was imported from an export gives the very same text.
    """
    value = float(amount)
    return int(value) if value.is_integer() else value


def record_document(record: object) -> dict[str, Any]:
    """A record (or an action) as a JSON object of the format."""
    return {
        name: _json_value(getattr(record, _ATTRIBUTES.get(name, name)))
        for name in FIELDS[type(record)]
    }


def partner_document(
    partner: Partner,
    assessments: Sequence[Assessment],
    contents: tuple[Collection[str], Collection[str]],
    include_private: bool,
) -> dict[str, Any]:
    """A partner with its maturity path; ``assessments`` only when they say more than the path
    and ``next_period`` only when there is one, so SPEC §6 stays as it is. ``contents``: the
    ids of the meetings and requests the file holds."""
    meetings, requests = contents
    given = {
        "maturity_history": history_document(assessments),
        "assessments": assessments_document(assessments, meetings, requests, include_private),
    }
    document = {
        name: given[name] if name in given else _json_value(getattr(partner, name))
        for name in FIELDS[Partner]
    }
    for name in ("next_period", "assessments"):
        if not document[name]:
            del document[name]
    return document


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
    if type(value) in FIELDS:
        return record_document(value)
    return value


def meeting_document(meeting: Meeting, contacts: Collection[str]) -> dict[str, Any]:
    """A meeting; attendees that are not exported (e.g. contacts in the trash) are dropped."""
    document = record_document(meeting)
    document["attendees"] = [c for c in meeting.attendee_ids if c in contacts]
    return document


def pulse_document(pulse: Pulse, contacts: Collection[str]) -> dict[str, Any]:
    """A pulse; who answered becomes null when that contact is not exported."""
    document = record_document(pulse)
    if pulse.answered_by_id not in contacts:
        document["answered_by"] = None
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
