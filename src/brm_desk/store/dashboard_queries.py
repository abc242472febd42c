"""What the dashboard counts besides the balance: open debts, waiting requests, reviews due.

One grouped aggregate each, across every live partner, so a dashboard refresh costs the same
few statements whether the journal holds a hundred meetings or a hundred thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select

from brm_desk.domain.enums import OPEN_STATUSES, RequestStatus, Side
from brm_desk.store.database import Transaction
from brm_desk.store.schema import ActionRow, MeetingRow, PartnerRow, RequestRow


@dataclass(frozen=True, slots=True)
class ActionDebts:
    """Open follow-ups of one partner: ours (mine and the provider's) and theirs."""

    ours_open: int = 0
    ours_overdue: int = 0
    theirs_open: int = 0
    theirs_overdue: int = 0


@dataclass(frozen=True, slots=True)
class WaitingRequests:
    """Open requests of one partner by how long they have waited."""

    open: int = 0
    over_30_days: int = 0
    over_90_days: int = 0
    oldest_received: date | None = None


def action_debts(tx: Transaction, today: date) -> dict[str, ActionDebts]:
    """Open actions of live meetings by partner uid; overdue means due before ``today``."""
    theirs = ActionRow.side == Side.PARTNER.value
    overdue = ActionRow.due < today
    statement = (
        select(
            PartnerRow.uid,
            func.sum(case((theirs, 0), else_=1)),
            func.sum(case((theirs, 0), (overdue, 1), else_=0)),
            func.sum(case((theirs, 1), else_=0)),
            func.sum(case((theirs & overdue, 1), else_=0)),
        )
        .select_from(ActionRow)
        .join(MeetingRow, MeetingRow.id == ActionRow.meeting_id)
        .join(PartnerRow, PartnerRow.id == MeetingRow.partner_id)
        .where(ActionRow.done.is_(None), MeetingRow.deleted_at.is_(None))
        .group_by(PartnerRow.uid)
    )
    return {
        uid: ActionDebts(int(a), int(b), int(c), int(d))
        for uid, a, b, c, d in tx.connection().execute(statement)
    }


def waiting_requests(tx: Transaction, today: date) -> dict[str, WaitingRequests]:
    """Live open requests by partner uid, bucketed by days since they were received."""
    age = func.julianday(today.isoformat()) - func.julianday(RequestRow.received)
    statement = (
        select(
            PartnerRow.uid,
            func.count(),
            func.sum(case((age > 30, 1), else_=0)),
            func.sum(case((age > 90, 1), else_=0)),
            func.min(RequestRow.received),
        )
        .select_from(RequestRow)
        .join(PartnerRow, PartnerRow.id == RequestRow.partner_id)
        .where(
            RequestRow.deleted_at.is_(None),
            RequestRow.status.in_([status.value for status in OPEN_STATUSES]),
        )
        .group_by(PartnerRow.uid)
    )
    return {
        uid: WaitingRequests(int(n), int(over_30), int(over_90), oldest)
        for uid, n, over_30, over_90, oldest in tx.execute(statement)
    }


def benefit_reviews_due(tx: Transaction, delivered_by: date) -> dict[str, int]:
    """Delivered requests with an expected benefit, delivered on or before ``delivered_by``.

    The caller turns "due today" into ``delivered_by`` with the domain's review delay, so the
    rule (and its 90 days) lives in one place.
    """
    has_benefit = (func.trim(RequestRow.expected_benefit, " \t\r\n") != "") | (
        RequestRow.expected_value_amount.is_not(None)
    )
    statement = (
        select(PartnerRow.uid, func.count())
        .select_from(RequestRow)
        .join(PartnerRow, PartnerRow.id == RequestRow.partner_id)
        .where(
            RequestRow.deleted_at.is_(None),
            RequestRow.status == RequestStatus.DELIVERED.value,
            RequestRow.delivered_on <= delivered_by,
            has_benefit,
        )
        .group_by(PartnerRow.uid)
    )
    return {uid: int(n) for uid, n in tx.execute(statement)}
