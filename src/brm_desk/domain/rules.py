"""Validation: one function per record, each returning the record tidied or raising.

Every form, import and service goes through these functions, so a rule lives here once.
Field names in messages are the JSON format's names, which the GUI's forms share.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TypeVar

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
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Action, Contact, Meeting, Partner, Request

MAX_NAME = 200
MAX_TITLE = 300
MAX_LINE = 1000
MAX_NOTES = 500_000
MAX_TAG = 60
MAX_TAGS = 50
MAX_DURATION_MINUTES = 1440
# Four-digit years whose instant in UTC is a four-digit year too (the store sorts on it).
FIRST_YEAR = 1000
LAST_YEAR = 9998
MAX_AMOUNT = Decimal("1e12")  # below 2**53 cents, so JSON numbers keep every cent

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"[\r\n\x85\u2028\u2029]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# What each status needs before a request can be in it (JSON field names). Moving a request
# to accepted needs a business case as well (check_move); history imported keeps what it has.
STATUS_REQUIRED_FIELDS: dict[RequestStatus, tuple[str, ...]] = {
    RequestStatus.NEW: (),
    RequestStatus.DEFERRED: ("revisit_on",),
    RequestStatus.REDIRECTED: ("routed_to",),
    RequestStatus.REFRAMED: ("reframed_as",),
    RequestStatus.DECLINED: ("outcome_note",),
    RequestStatus.ACCEPTED: (),
    RequestStatus.DELIVERED: ("delivered_on",),
    RequestStatus.BENEFITS_REVIEWED: ("delivered_on", "benefit_reviewed_on"),
}

# Where a request may go from each status (staying put is always allowed): one not decided
# yet (new, deferred) may take any decision; a redirected, reframed or declined one reopens.
_DECISIONS = {
    RequestStatus.DEFERRED,
    RequestStatus.REDIRECTED,
    RequestStatus.REFRAMED,
    RequestStatus.DECLINED,
    RequestStatus.ACCEPTED,
}
STATUS_TRANSITIONS: dict[RequestStatus, frozenset[RequestStatus]] = {
    RequestStatus.NEW: frozenset(_DECISIONS),
    RequestStatus.DEFERRED: frozenset(_DECISIONS - {RequestStatus.DEFERRED} | {RequestStatus.NEW}),
    RequestStatus.REDIRECTED: frozenset({RequestStatus.NEW}),
    RequestStatus.REFRAMED: frozenset({RequestStatus.NEW}),
    RequestStatus.DECLINED: frozenset({RequestStatus.NEW}),
    RequestStatus.ACCEPTED: frozenset(
        {RequestStatus.DELIVERED, RequestStatus.DEFERRED, RequestStatus.DECLINED}
    ),
    RequestStatus.DELIVERED: frozenset({RequestStatus.BENEFITS_REVIEWED, RequestStatus.ACCEPTED}),
    RequestStatus.BENEFITS_REVIEWED: frozenset({RequestStatus.DELIVERED}),
}

TAKEN_ON = frozenset(
    {RequestStatus.ACCEPTED, RequestStatus.DELIVERED, RequestStatus.BENEFITS_REVIEWED}
)
"""The statuses a request reaches only by being accepted: the provider took it on."""

_Choice = TypeVar("_Choice", bound=Enum)


_SURROGATE = re.compile("[\ud800-\udfff]")


def text(field: str, value: object) -> str:
    """Any text field must hold text, not a number or nothing, and text that can be stored."""
    if not isinstance(value, str):
        raise ValidationError(field, f"must be text (got {type(value).__name__})")
    return storable(field, value)


def storable(field: str, value: str) -> str:
    """A lone surrogate (half an emoji, from a broken paste) cannot be written as UTF-8."""
    if _SURROGATE.search(value):
        raise ValidationError(field, "contains a broken character (half of a pair)")
    return value


def line_text(field: str, value: object, *, limit: int = MAX_LINE, required: bool = False) -> str:
    """A one-line text field, trimmed: no line breaks or control characters."""
    value = text(field, value).strip()
    if required and not value:
        raise ValidationError(field, "is required")
    if len(value) > limit:
        raise ValidationError(field, f"is too long ({len(value):,} characters; at most {limit:,})")
    if _LINE_BREAK.search(value) or _CONTROL.search(value) or "\t" in value:
        raise ValidationError(field, "must be one line without control characters")
    return value


def note_text(field: str, value: object, *, limit: int = MAX_NOTES) -> str:
    """A Markdown text: line breaks and tabs welcome, other control characters not."""
    value = text(field, value)
    if len(value) > limit:
        raise ValidationError(field, f"is too long ({len(value):,} characters; at most {limit:,})")
    if _CONTROL.search(value):
        raise ValidationError(field, "contains a control character")
    return value


def whole_number(field: str, value: int, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise ValidationError(field, f"must be from {low} to {high} (got {value})")
    return value


def choice(field: str, kind: type[_Choice], value: object) -> _Choice:
    """A member of a closed vocabulary, given as the member or its stored value."""
    try:
        return kind(value)
    except (ValueError, TypeError):
        allowed = ", ".join(str(member.value) for member in kind)
        raise ValidationError(field, f"must be one of: {allowed} (got {value!r:.60})") from None


def flag(field: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(field, "must be true or false")
    return value


def day(field: str, value: object) -> date | None:
    """An optional calendar date; a date-time is refused rather than silently cut."""
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(field, "must be a date (YYYY-MM-DD)")
    return value


def required_day(field: str, value: object) -> date:
    found = day(field, value)
    if found is None:
        raise ValidationError(field, "is required")
    return found


def sequence(field: str, values: object) -> tuple[object, ...]:
    """A list field must be a list (a lone text would otherwise become its characters)."""
    if not isinstance(values, tuple | list):
        raise ValidationError(field, "must be a list")
    return tuple(values)


def reference(field: str, value: object) -> str | None:
    """An optional id of another record."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValidationError(field, "must be the id of a record (text)")
    return storable(field, value)


def references(field: str, values: object) -> tuple[str, ...]:
    """Ids of other records, without repeats, in the order given."""
    ids = sequence(field, values)
    for value in ids:
        if not isinstance(value, str) or not value:
            raise ValidationError(field, "must hold ids of records (text)")
        storable(field, value)
    return tuple(dict.fromkeys(str(value) for value in ids))


def record_id(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError("id", "must be text")
    return storable("id", value)


def check_tags(field: str, tags: tuple[str, ...]) -> tuple[str, ...]:
    """Tags trimmed, without repeats (first spelling wins, case-insensitively)."""
    tidy: list[str] = []
    seen: set[str] = set()
    for tag in sequence(field, tags):
        tag = line_text(field, tag, limit=MAX_TAG)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tidy.append(tag)
    if len(tidy) > MAX_TAGS:
        raise ValidationError(field, f"has too many tags (at most {MAX_TAGS})")
    return tuple(tidy)


def check_partner(partner: Partner) -> Partner:
    """A partner fit to store: trimmed name of 1–200 characters, share 0–1, cadence ≥ 1."""
    share = partner.target_strategic_share
    if isinstance(share, bool) or not isinstance(share, int | float) or not math.isfinite(share):
        raise ValidationError("target_strategic_share", "must be a number from 0 to 1")
    if not 0 <= share <= 1:
        raise ValidationError("target_strategic_share", f"must be from 0 to 1 (got {share})")
    return replace(
        partner,
        id=record_id(partner.id),
        name=line_text("name", partner.name, limit=MAX_NAME, required=True),
        business_unit=line_text("business_unit", partner.business_unit, limit=MAX_NAME),
        sponsor=line_text("sponsor", partner.sponsor, limit=MAX_NAME),
        maturity=choice("maturity", Maturity, partner.maturity),
        target_strategic_share=float(share),
        touch_cadence_days=whole_number("touch_cadence_days", partner.touch_cadence_days, 1, 3660),
        notes=note_text("notes", partner.notes),
        archived=flag("archived", partner.archived),
        next_period=note_text("next_period", partner.next_period),
    )


def check_contact(contact: Contact) -> Contact:
    """A contact fit to store; an e-mail, when given, must look like one."""
    email = line_text("email", contact.email, limit=MAX_NAME)
    if email and not _EMAIL.match(email):
        raise ValidationError("email", f"'{email}' is not an e-mail address")
    return replace(
        contact,
        id=record_id(contact.id),
        partner_id=text("partner", contact.partner_id),
        name=line_text("name", contact.name, limit=MAX_NAME, required=True),
        role=line_text("role", contact.role, limit=MAX_NAME),
        email=email,
        phone=line_text("phone", contact.phone, limit=60),
        influence=choice("influence", Influence, contact.influence),
        stance=choice("stance", Stance, contact.stance),
        notes=note_text("notes", contact.notes),
        interest=choice("interest", Interest, contact.interest),
    )


def check_action(action: object, field: str = "actions") -> Action:
    """A follow-up needs words; who owns it is free text."""
    if not isinstance(action, Action):
        raise ValidationError(field, "must be a follow-up with text, side, owner, due and done")
    return replace(
        action,
        text=line_text(f"{field}.text", action.text, required=True),
        side=choice(f"{field}.side", Side, action.side),
        owner=line_text(f"{field}.owner", action.owner, limit=MAX_NAME),
        due=day(f"{field}.due", action.due),
        done=day(f"{field}.done", action.done),
    )


def check_meeting(meeting: Meeting) -> Meeting:
    """A meeting fit to store: a title, an aware start, a duration of 1–1440 minutes."""
    start = meeting.start
    if not isinstance(start, datetime):
        raise ValidationError("start", "must be a date and time, e.g. 2026-03-02T09:00:00+01:00")
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValidationError("start", "needs a UTC offset, e.g. 2026-03-02T09:00:00+01:00")
    if not FIRST_YEAR <= start.year <= LAST_YEAR:
        raise ValidationError("start", f"must be in a year from {FIRST_YEAR} to {LAST_YEAR}")
    if meeting.satisfaction is not None:
        whole_number("satisfaction", meeting.satisfaction, 1, 5)
    actions = sequence("actions", meeting.actions)
    return replace(
        meeting,
        id=record_id(meeting.id),
        partner_id=text("partner", meeting.partner_id),
        title=line_text("title", meeting.title, limit=MAX_TITLE, required=True),
        duration_minutes=whole_number(
            "duration_minutes", meeting.duration_minutes, 1, MAX_DURATION_MINUTES
        ),
        type=choice("type", MeetingType, meeting.type),
        focus=choice("focus", Focus, meeting.focus),
        location=line_text("location", meeting.location, limit=MAX_NAME),
        notes=note_text("notes", meeting.notes),
        private_notes=note_text("private_notes", meeting.private_notes),
        private=flag("private", meeting.private),
        tags=check_tags("tags", meeting.tags),
        attendee_ids=references("attendees", meeting.attendee_ids),
        actions=tuple(check_action(a, f"actions[{i}]") for i, a in enumerate(actions)),
    )


def amount(field: str, value: object) -> Decimal | None:
    """Money as an exact Decimal; a whole number or a float is taken at its written value."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
        raise ValidationError(field, "must be an amount (a number)")
    if isinstance(value, float):
        value = Decimal(repr(value))
    elif isinstance(value, int):
        value = Decimal(value)
    if not value.is_finite():
        raise ValidationError(field, "must be a finite amount")
    if value < 0:
        raise ValidationError(field, "cannot be negative")
    if value >= MAX_AMOUNT:
        raise ValidationError(field, "is implausibly large")
    return value


def check_request(request: Request) -> Request:
    """A request fit to store, including the field its status requires."""
    request = replace(
        request,
        id=record_id(request.id),
        partner_id=text("partner", request.partner_id),
        title=line_text("title", request.title, limit=MAX_TITLE, required=True),
        received=required_day("received", request.received),
        raised_by_id=reference("raised_by", request.raised_by_id),
        focus=choice("focus", Focus, request.focus),
        want=note_text("want", request.want),
        need=note_text("need", request.need),
        value=whole_number("value", request.value, 1, 5),
        urgency=whole_number("urgency", request.urgency, 1, 5),
        status=choice("status", RequestStatus, request.status),
        routed_to=line_text("routed_to", request.routed_to, limit=MAX_NAME),
        delivered_on=day("delivered_on", request.delivered_on),
        revisit_on=day("revisit_on", request.revisit_on),
        reframed_as_id=reference("reframed_as", request.reframed_as_id),
        outcome_note=note_text("outcome_note", request.outcome_note),
        expected_benefit=note_text("expected_benefit", request.expected_benefit),
        expected_value_amount=amount("expected_value_amount", request.expected_value_amount),
        realized_value_amount=amount("realized_value_amount", request.realized_value_amount),
        benefit_reviewed_on=day("benefit_reviewed_on", request.benefit_reviewed_on),
        meeting_ids=references("meetings", request.meeting_ids),
        notes=note_text("notes", request.notes),
        private_notes=note_text("private_notes", request.private_notes),
        private=flag("private", request.private),
        tags=check_tags("tags", request.tags),
    )
    if request.reframed_as_id is not None and request.reframed_as_id == request.id:
        raise ValidationError("reframed_as", "cannot point to the request itself")
    for name in STATUS_REQUIRED_FIELDS[request.status]:
        if not _has(request, name):
            raise ValidationError(name, f"is required when the status is '{request.status.value}'")
    if request.delivered_on and request.delivered_on < request.received:
        raise ValidationError("delivered_on", "cannot be before the request was received")
    if (
        request.benefit_reviewed_on
        and request.delivered_on
        and request.benefit_reviewed_on < request.delivered_on
    ):
        raise ValidationError("benefit_reviewed_on", "cannot be before delivery")
    return request


def _has(request: Request, json_field: str) -> bool:
    """Whether a field holds something (a note of blanks says nothing)."""
    attribute = "reframed_as_id" if json_field == "reframed_as" else json_field
    value = getattr(request, attribute)
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def check_transition(old: RequestStatus, new: RequestStatus) -> None:
    """Refuse a status change the workflow does not allow."""
    old = choice("status", RequestStatus, old)
    new = choice("status", RequestStatus, new)
    if old != new and new not in STATUS_TRANSITIONS[old]:
        allowed = ", ".join(sorted(s.label for s in STATUS_TRANSITIONS[old])) or "none"
        raise ValidationError(
            "status", f"cannot go from {old.label} to {new.label} (allowed: {allowed})"
        )


def lacks_business_case(request: Request) -> bool:
    """No need stated, or no expected benefit (neither in words nor as an amount)."""
    return not _has(request, "need") or (
        not _has(request, "expected_benefit") and request.expected_value_amount is None
    )


def taken_as_order(request: Request) -> bool:
    """Accepted without a business case: order-taking (SPEC §1), delivered since or not.

    The dashboard counts these in SQL (``store.dashboard_queries.order_taking``); a test over
    generated journals holds the two equal.
    """
    return request.status in TAKEN_ON and lacks_business_case(request)


def check_acceptance(request: Request, *, without_business_case: bool) -> None:
    """Accepting needs a business case: a need and an expected benefit (SPEC §1).

    A BRM may accept without one, but says so (``without_business_case``) and why, in the
    ``outcome_note``: the dashboard counts such requests as order-taking.
    """
    if without_business_case:
        if not _has(request, "outcome_note"):
            raise ValidationError(
                "outcome_note", "is required to accept without a business case: say why"
            )
        return
    missing = "need" if not _has(request, "need") else "expected_benefit"
    if lacks_business_case(request):
        raise ValidationError(
            missing, "is required to accept a request (or accept it without a business case)"
        )


def check_move(old: RequestStatus, request: Request) -> None:
    """A change of status the BRM makes: it follows the workflow, and a request accepted now
    has its business case, or the reason it goes without one in ``outcome_note``.

    Imports keep history as it was and do not come through here.
    """
    check_transition(old, request.status)
    if request.status is RequestStatus.ACCEPTED and old is not RequestStatus.ACCEPTED:
        check_acceptance(request, without_business_case=_has(request, "outcome_note"))
