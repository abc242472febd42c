"""Frozen records the layers pass around instead of ORM objects.

Ids are the journal's public, stable string ids (the ones the JSON format carries).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

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

DEFAULT_TARGET_STRATEGIC_SHARE = 0.6
DEFAULT_TOUCH_CADENCE_DAYS = 30
DEFAULT_DURATION_MINUTES = 30


@dataclass(frozen=True, slots=True)
class MaturityChange:
    """The relationship reached ``maturity`` on ``since``: a step of the maturity path."""

    maturity: Maturity
    since: date


@dataclass(frozen=True, slots=True)
class Partner:
    """A business unit, function or executive the BRM serves."""

    id: str
    name: str
    business_unit: str = ""
    sponsor: str = ""
    maturity: Maturity = Maturity.AD_HOC
    """The BRM's view in the latest assessment (``domain.assessments``), kept here to list by."""
    target_strategic_share: float = DEFAULT_TARGET_STRATEGIC_SHARE
    touch_cadence_days: int = DEFAULT_TOUCH_CADENCE_DAYS
    notes: str = ""
    archived: bool = False
    next_period: str = ""
    """What the BRM plans for the next period, printed in the review pack and kept for the next."""


@dataclass(frozen=True, slots=True)
class Contact:
    """A person on the partner side."""

    id: str
    partner_id: str
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    influence: Influence = Influence.MEDIUM
    stance: Stance = Stance.NEUTRAL
    notes: str = ""
    interest: Interest = Interest.MEDIUM


@dataclass(frozen=True, slots=True)
class StanceChange:
    """From ``since`` on, the contact had this influence, stance and interest (the stance is
    private)."""

    since: date
    influence: Influence
    stance: Stance
    interest: Interest = Interest.MEDIUM


@dataclass(frozen=True, slots=True)
class Action:
    """A follow-up agreed in a meeting; ``side`` says who owes it.

    The dashboard counts open, ours and overdue follow-ups in SQL
    (``store.dashboard_queries.action_debts``); a test holds it to the rules here.
    """

    text: str
    side: Side = Side.MINE
    owner: str = ""
    due: date | None = None
    done: date | None = None

    @property
    def is_open(self) -> bool:
        return self.done is None

    @property
    def is_ours(self) -> bool:
        """Owed by my side: by me or by the provider I answer for, not by the partner."""
        return self.side != Side.PARTNER

    def is_overdue(self, today: date) -> bool:
        """Open, and due before ``today``."""
        return self.is_open and self.due is not None and self.due < today


@dataclass(frozen=True, slots=True)
class AgreedAction:
    """A follow-up and the meeting it was agreed in (``private`` when that meeting is)."""

    action: Action
    meeting_title: str
    meeting_date: date
    private: bool = False


Owed = tuple[tuple[AgreedAction, ...], tuple[AgreedAction, ...]]
"""What we owe (mine and the provider's) and what the partner owes."""


def owed_both_ways(agreed: Iterable[AgreedAction]) -> Owed:
    """The follow-ups we owe and those the partner owes, each list the first due first
    (undated last), then the one agreed earliest."""
    listed = sorted(agreed, key=lambda a: (a.action.due or date.max, a.meeting_date))
    ours = tuple(a for a in listed if a.action.is_ours)
    return ours, tuple(a for a in listed if not a.action.is_ours)


@dataclass(frozen=True, slots=True)
class Meeting:
    """An engagement with a partner; ``start`` is aware and keeps its own UTC offset."""

    id: str
    partner_id: str
    title: str
    start: datetime
    duration_minutes: int = DEFAULT_DURATION_MINUTES
    type: MeetingType = MeetingType.OTHER
    focus: Focus = Focus.ROUTINE
    location: str = ""
    attendee_ids: tuple[str, ...] = ()
    notes: str = ""
    private_notes: str = ""
    private: bool = False
    tags: tuple[str, ...] = ()
    satisfaction: int | None = None
    actions: tuple[Action, ...] = ()

    @property
    def local_date(self) -> date:
        """The meeting's date in its own offset: the date the balance counts it on."""
        return self.start.date()


@dataclass(frozen=True, slots=True)
class Request:
    """Demand from a partner, and what the BRM made of it."""

    id: str
    partner_id: str
    title: str
    received: date
    raised_by_id: str | None = None
    focus: Focus = Focus.ROUTINE
    want: str = ""
    need: str = ""
    value: int = 3
    urgency: int = 3
    status: RequestStatus = RequestStatus.NEW
    routed_to: str = ""
    delivered_on: date | None = None
    revisit_on: date | None = None
    reframed_as_id: str | None = None
    outcome_note: str = ""
    expected_benefit: str = ""
    expected_value_amount: Decimal | None = None
    realized_value_amount: Decimal | None = None
    benefit_reviewed_on: date | None = None
    meeting_ids: tuple[str, ...] = ()
    notes: str = ""
    private_notes: str = ""
    private: bool = False
    tags: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class TrashItem:
    """Something deleted, with what went with it (a partner takes its records along)."""

    batch: str
    kind: str
    id: str
    title: str
    partner_name: str
    deleted_at: datetime
    items: int


def open_follow_ups(meetings: Iterable[Meeting]) -> Owed:
    """:func:`owed_both_ways` of the follow-ups still open in ``meetings``."""
    return owed_both_ways(
        AgreedAction(a, m.title, m.local_date, m.private)
        for m in meetings
        for a in m.actions
        if a.is_open
    )


def new_id() -> str:
    """A fresh public id for a record made in this journal."""
    return uuid.uuid4().hex
