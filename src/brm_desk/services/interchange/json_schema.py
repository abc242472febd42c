"""Reading a BRM Desk JSON document (SPEC §6) into checked records, naming the place of any fault.

This module knows the format and the domain rules, not the journal: whether an id is taken or a
reference points into the journal is decided by the import, which holds the transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from brm_desk.domain.enums import (
    Focus,
    Influence,
    Maturity,
    MeetingType,
    RequestStatus,
    Side,
    Stance,
)
from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import (
    DEFAULT_DURATION_MINUTES,
    DEFAULT_TARGET_STRATEGIC_SHARE,
    DEFAULT_TOUCH_CADENCE_DAYS,
    Action,
    Contact,
    MaturityChange,
    Meeting,
    Partner,
    Request,
)
from brm_desk.domain.rules import check_contact, check_meeting, check_partner, check_request
from brm_desk.services.interchange.json_values import (
    MISSING,
    JsonObject,
    checked,
    describe,
    quote,
)

FORMAT = "brm-desk-journal"
VERSION = 1

# The fields of each object, in the order an export writes them.
TOP_FIELDS = ("format", "version", "exported_at", "partners", "contacts", "meetings", "requests")
PARTNER_FIELDS = (
    "id", "name", "business_unit", "sponsor", "maturity", "maturity_history",
    "target_strategic_share", "touch_cadence_days", "notes", "archived",
)  # fmt: skip
MATURITY_FIELDS = ("maturity", "since")
CONTACT_FIELDS = (
    "id", "partner", "name", "role", "email", "phone", "influence", "stance", "notes",
)  # fmt: skip
MEETING_FIELDS = (
    "id", "partner", "title", "start", "duration_minutes", "type", "focus", "location",
    "attendees", "notes", "private", "tags", "satisfaction", "actions",
)  # fmt: skip
ACTION_FIELDS = ("text", "side", "owner", "due", "done")
REQUEST_FIELDS = (
    "id", "partner", "title", "raised_by", "received", "focus", "want", "need", "value",
    "urgency", "status", "routed_to", "delivered_on", "revisit_on", "reframed_as",
    "outcome_note", "expected_benefit", "expected_value_amount", "realized_value_amount",
    "benefit_reviewed_on", "meetings", "notes", "private", "tags",
)  # fmt: skip

_RECORD_KEYS = {
    "partner": frozenset(PARTNER_FIELDS),
    "contact": frozenset(CONTACT_FIELDS),
    "meeting": frozenset(MEETING_FIELDS),
    "request": frozenset(REQUEST_FIELDS),
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
    """A checked document: records in file order, where each id sits, and every reference."""

    partners: list[Partner] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)

    def record(self, value: Any, place: str, kind: str) -> tuple[JsonObject, str]:
        """The object of a record of ``kind`` and its id, refusing an id used before."""
        obj = JsonObject(value, place, _RECORD_KEYS[kind])
        record_id = obj.identifier()
        if record_id in self.places:
            raise ImportFileError(
                f"{place}: the id {quote(record_id)} is already used by {self.places[record_id]}"
                " (ids must be unique in the whole file)"
            )
        self.kinds[record_id] = kind
        self.places[record_id] = place
        return obj, record_id

    def refer(self, owner: str, name: str, kind: str, *targets: str | None) -> None:
        found = tuple(target for target in targets if target is not None)
        if found:
            self.references.append(Reference(owner, name, kind, found))


def read_partner(value: Any, place: str, document: Document) -> None:
    """A partner; its maturity history is kept as given (an import does not start one)."""
    obj, partner_id = document.record(value, place, "partner")
    history = tuple(
        read_maturity_change(item, f"{place}.maturity_history[{i}]", partner_id)
        for i, item in enumerate(obj.items("maturity_history"))
    )
    partner = Partner(
        id=partner_id,
        name=obj.required_text("name"),
        business_unit=obj.text("business_unit"),
        sponsor=obj.text("sponsor"),
        maturity=obj.choice("maturity", Maturity, Maturity.AD_HOC),
        maturity_history=history,
        target_strategic_share=obj.share("target_strategic_share", DEFAULT_TARGET_STRATEGIC_SHARE),
        touch_cadence_days=obj.integer("touch_cadence_days", DEFAULT_TOUCH_CADENCE_DAYS),
        notes=obj.text("notes"),
        archived=obj.boolean("archived", False),
    )
    document.partners.append(checked(check_partner, partner, place))


def read_maturity_change(value: Any, place: str, partner_id: str) -> MaturityChange:
    """One step of a maturity history; both fields are needed to mean anything."""
    obj = JsonObject(value, place, MATURITY_FIELDS, ("partner", partner_id))
    maturity = obj.choice("maturity", Maturity, MISSING)
    return MaturityChange(maturity, obj.required_day("since", MISSING))


def read_contact(value: Any, place: str, document: Document) -> None:
    """A contact; its partner is resolved later, against the file and the journal."""
    obj, contact_id = document.record(value, place, "contact")
    contact = Contact(
        id=contact_id,
        partner_id=obj.identifier("partner"),
        name=obj.required_text("name"),
        role=obj.text("role"),
        email=obj.text("email"),
        phone=obj.text("phone"),
        influence=obj.choice("influence", Influence, Influence.MEDIUM),
        stance=obj.choice("stance", Stance, Stance.NEUTRAL),
        notes=obj.text("notes"),
    )
    contact = checked(check_contact, contact, place)
    document.refer(contact.id, "partner", "partner", contact.partner_id)
    document.contacts.append(contact)


def read_meeting(value: Any, place: str, document: Document) -> None:
    """A meeting; without a focus it takes its type's default, as in the app."""
    obj, meeting_id = document.record(value, place, "meeting")
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
    obj = JsonObject(value, place, ACTION_FIELDS, ("meeting", meeting_id))
    return Action(
        text=obj.required_text("text"),
        side=obj.choice("side", Side, Side.MINE),
        owner=obj.text("owner"),
        due=obj.day("due"),
        done=obj.day("done"),
    )


def read_request(value: Any, place: str, document: Document, today: date) -> None:
    """A request; one without a ``received`` date is taken as received today."""
    obj, request_id = document.record(value, place, "request")
    request = Request(
        id=request_id,
        partner_id=obj.identifier("partner"),
        title=obj.required_text("title"),
        received=obj.required_day("received", today),
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
        private=obj.boolean("private", False),
        tags=obj.texts("tags"),
    )
    request = checked(check_request, request, place)
    document.refer(request.id, "partner", "partner", request.partner_id)
    document.refer(request.id, "raised_by", "contact", request.raised_by_id)
    document.refer(request.id, "reframed_as", "request", request.reframed_as_id)
    document.refer(request.id, "meetings", "meeting", *request.meeting_ids)
    document.requests.append(request)


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
        shown = quote(kind) if isinstance(kind, str) else describe(kind)
        raise ImportFileError(f'format: must be "{FORMAT}", not {shown}')
    version = data.get("version", MISSING)
    if version is MISSING:
        raise ImportFileError(
            f"version: is missing; this version of BRM Desk reads version {VERSION}"
        )
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise ImportFileError(
            f"version: the file was made by a newer version of BRM Desk (format version "
            f"{version}; this version reads version {VERSION}). Update BRM Desk to import it."
        )
    if type(version) is not int or version != VERSION:
        shown = quote(version) if isinstance(version, str) else describe(version)
        raise ImportFileError(f"version: must be {VERSION}, not {shown}")
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
    document = Document()
    for i, item in enumerate(header.items("partners")):
        read_partner(item, f"partners[{i}]", document)
    for i, item in enumerate(header.items("contacts")):
        read_contact(item, f"contacts[{i}]", document)
    for i, item in enumerate(header.items("meetings")):
        read_meeting(item, f"meetings[{i}]", document)
    for i, item in enumerate(header.items("requests")):
        read_request(item, f"requests[{i}]", document, today)
    return document
