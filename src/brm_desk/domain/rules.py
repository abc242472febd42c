"""Validation: one function per record, each returning the record tidied or raising.

Every form, import and service goes through these functions, so a rule lives here once.
Field names in messages are the JSON format's names, which the GUI's forms share.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from brm_desk.domain.enums import RequestStatus
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Action, Contact, Meeting, Partner, Request

MAX_NAME = 200
MAX_TITLE = 300
MAX_LINE = 1000
MAX_NOTES = 500_000
MAX_TAG = 60
MAX_TAGS = 50
MAX_DURATION_MINUTES = 1440
MAX_AMOUNT = Decimal("1e15")
BENEFITS_REVIEW_AFTER = timedelta(days=90)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# What each status needs before a request can be in it (JSON field names).
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

# Where a request may go from each status (staying put is always allowed).
STATUS_TRANSITIONS: dict[RequestStatus, frozenset[RequestStatus]] = {
    RequestStatus.NEW: frozenset(
        {
            RequestStatus.DEFERRED,
            RequestStatus.REDIRECTED,
            RequestStatus.REFRAMED,
            RequestStatus.DECLINED,
            RequestStatus.ACCEPTED,
        }
    ),
    RequestStatus.DEFERRED: frozenset(
        {
            RequestStatus.NEW,
            RequestStatus.REDIRECTED,
            RequestStatus.REFRAMED,
            RequestStatus.DECLINED,
            RequestStatus.ACCEPTED,
        }
    ),
    RequestStatus.REDIRECTED: frozenset({RequestStatus.NEW}),
    RequestStatus.REFRAMED: frozenset({RequestStatus.NEW}),
    RequestStatus.DECLINED: frozenset({RequestStatus.NEW}),
    RequestStatus.ACCEPTED: frozenset(
        {RequestStatus.DELIVERED, RequestStatus.DEFERRED, RequestStatus.DECLINED}
    ),
    RequestStatus.DELIVERED: frozenset({RequestStatus.BENEFITS_REVIEWED, RequestStatus.ACCEPTED}),
    RequestStatus.BENEFITS_REVIEWED: frozenset({RequestStatus.DELIVERED}),
}


def line_text(field: str, value: str, *, limit: int = MAX_LINE, required: bool = False) -> str:
    """A one-line text field, trimmed: no line breaks or control characters."""
    value = value.strip()
    if required and not value:
        raise ValidationError(field, "is required")
    if len(value) > limit:
        raise ValidationError(field, f"is too long ({len(value):,} characters; at most {limit:,})")
    if _LINE_BREAK.search(value) or _CONTROL.search(value) or "\t" in value:
        raise ValidationError(field, "must be one line without control characters")
    return value


def note_text(field: str, value: str, *, limit: int = MAX_NOTES) -> str:
    """A Markdown text: line breaks and tabs welcome, other control characters not."""
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


def check_tags(field: str, tags: tuple[str, ...]) -> tuple[str, ...]:
    """Tags trimmed, without repeats (first spelling wins, case-insensitively)."""
    tidy: list[str] = []
    seen: set[str] = set()
    for tag in tags:
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
        name=line_text("name", partner.name, limit=MAX_NAME, required=True),
        business_unit=line_text("business_unit", partner.business_unit, limit=MAX_NAME),
        sponsor=line_text("sponsor", partner.sponsor, limit=MAX_NAME),
        target_strategic_share=float(share),
        touch_cadence_days=whole_number("touch_cadence_days", partner.touch_cadence_days, 1, 3660),
        notes=note_text("notes", partner.notes),
        maturity_history=tuple(sorted(partner.maturity_history, key=lambda c: c.since)),
    )


def check_contact(contact: Contact) -> Contact:
    """A contact fit to store; an e-mail, when given, must look like one."""
    email = line_text("email", contact.email, limit=MAX_NAME)
    if email and not _EMAIL.match(email):
        raise ValidationError("email", f"'{email}' is not an e-mail address")
    return replace(
        contact,
        name=line_text("name", contact.name, limit=MAX_NAME, required=True),
        role=line_text("role", contact.role, limit=MAX_NAME),
        email=email,
        phone=line_text("phone", contact.phone, limit=60),
        notes=note_text("notes", contact.notes),
    )


def check_action(action: Action, field: str = "actions") -> Action:
    """A follow-up needs words; who owns it is free text."""
    return replace(
        action,
        text=line_text(f"{field}.text", action.text, required=True),
        owner=line_text(f"{field}.owner", action.owner, limit=MAX_NAME),
    )


def check_meeting(meeting: Meeting) -> Meeting:
    """A meeting fit to store: a title, an aware start, a duration of 1–1440 minutes."""
    if meeting.start.tzinfo is None or meeting.start.utcoffset() is None:
        raise ValidationError("start", "needs a UTC offset, e.g. 2026-03-02T09:00:00+01:00")
    if meeting.satisfaction is not None:
        whole_number("satisfaction", meeting.satisfaction, 1, 5)
    return replace(
        meeting,
        title=line_text("title", meeting.title, limit=MAX_TITLE, required=True),
        duration_minutes=whole_number(
            "duration_minutes", meeting.duration_minutes, 1, MAX_DURATION_MINUTES
        ),
        location=line_text("location", meeting.location, limit=MAX_NAME),
        notes=note_text("notes", meeting.notes),
        tags=check_tags("tags", meeting.tags),
        attendee_ids=tuple(dict.fromkeys(meeting.attendee_ids)),
        actions=tuple(check_action(a, f"actions[{i}]") for i, a in enumerate(meeting.actions)),
    )


def amount(field: str, value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
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
        title=line_text("title", request.title, limit=MAX_TITLE, required=True),
        want=note_text("want", request.want),
        need=note_text("need", request.need),
        value=whole_number("value", request.value, 1, 5),
        urgency=whole_number("urgency", request.urgency, 1, 5),
        routed_to=line_text("routed_to", request.routed_to, limit=MAX_NAME),
        outcome_note=note_text("outcome_note", request.outcome_note),
        expected_benefit=note_text("expected_benefit", request.expected_benefit),
        expected_value_amount=amount("expected_value_amount", request.expected_value_amount),
        realized_value_amount=amount("realized_value_amount", request.realized_value_amount),
        meeting_ids=tuple(dict.fromkeys(request.meeting_ids)),
        notes=note_text("notes", request.notes),
        tags=check_tags("tags", request.tags),
    )
    if request.reframed_as_id is not None and request.reframed_as_id == request.id:
        raise ValidationError("reframed_as", "cannot point to the request itself")
    for name in STATUS_REQUIRED_FIELDS[request.status]:
        if not _has(request, name):
            raise ValidationError(name, f"is required when the status is '{request.status}'")
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
    attribute = "reframed_as_id" if json_field == "reframed_as" else json_field
    value = getattr(request, attribute)
    return value is not None and value != ""


def check_transition(old: RequestStatus, new: RequestStatus) -> None:
    """Refuse a status change the workflow does not allow."""
    if old != new and new not in STATUS_TRANSITIONS[old]:
        allowed = ", ".join(sorted(s.label for s in STATUS_TRANSITIONS[old])) or "none"
        raise ValidationError(
            "status", f"cannot go from {old.label} to {new.label} (allowed: {allowed})"
        )


def benefits_review_due_on(request: Request) -> date | None:
    """The day a delivered request with an expected benefit is due for its benefits review."""
    if request.status != RequestStatus.DELIVERED or request.delivered_on is None:
        return None
    if not request.expected_benefit.strip() and request.expected_value_amount is None:
        return None
    return request.delivered_on + BENEFITS_REVIEW_AFTER
