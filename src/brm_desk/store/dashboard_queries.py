"""What the dashboard counts besides the balance: open debts, waiting requests, reviews due.

One grouped aggregate each, across every live partner, so a dashboard refresh costs the same
few statements whether the journal holds a hundred meetings or a hundred thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import InstrumentedAttribute

from brm_desk.domain.benefits import BENEFITS_REVIEW_AFTER, WHITESPACE
from brm_desk.domain.enums import OPEN_STATUSES, RequestStatus, Side
from brm_desk.domain.rules import TAKEN_ON
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
    """Open follow-ups of live meetings by partner uid, ours and theirs, and the overdue ones.

    The SQL of ``Action.is_open``, ``Action.is_ours`` and ``Action.is_overdue(today)`` in
    domain/records.py: not done; owed by any side but the partner; due before ``today``.
    """
    ours = ActionRow.side != Side.PARTNER.value
    overdue = ActionRow.due < today
    statement = (
        select(
            PartnerRow.uid,
            _count(ours),
            _count(ours & overdue),
            _count(~ours),
            _count(~ours & overdue),
        )
        .select_from(ActionRow)
        .join(MeetingRow, MeetingRow.id == ActionRow.meeting_id)
        .join(PartnerRow, PartnerRow.id == MeetingRow.partner_id)
        .where(ActionRow.done.is_(None), MeetingRow.deleted_at.is_(None))
        .group_by(PartnerRow.uid)
    )
    return {uid: ActionDebts(*counts) for uid, *counts in tx.execute(statement)}


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows of a group meet ``condition`` (a NULL, such as no due date, does not)."""
    return func.sum(case((condition, 1), else_=0))


def waiting_requests(tx: Transaction, today: date) -> dict[str, WaitingRequests]:
    """Live open requests by partner uid, bucketed by days since they were received."""
    age = func.julianday(today.isoformat()) - func.julianday(RequestRow.received)
    statement = (
        select(
            PartnerRow.uid,
            func.count(),
            _count(age > 30),
            _count(age > 90),
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


def _has_words(column: InstrumentedAttribute[str]) -> ColumnElement[bool]:
    """The SQL of ``text.strip() != ""``: more than whitespace."""
    return func.trim(column, WHITESPACE) != ""


def _has_benefit() -> ColumnElement[bool]:
    """An expected benefit in words, or as an amount."""
    return _has_words(RequestRow.expected_benefit) | RequestRow.expected_value_amount.is_not(None)


def benefit_reviews_due(tx: Transaction, today: date) -> dict[str, int]:
    """Live requests whose benefits review is due by ``today``, by partner uid.

    The SQL of ``benefits_review_due_on(request) <= today`` in domain/benefits.py: delivered,
    with an expected benefit (words beyond whitespace, or an amount), 90 days ago or more.
    """
    return _requests_by_partner(
        tx,
        RequestRow.status == RequestStatus.DELIVERED.value,
        RequestRow.delivered_on <= today - BENEFITS_REVIEW_AFTER,
        _has_benefit(),
    )


def order_taking(tx: Transaction, period_from: date, period_to: date) -> dict[str, int]:
    """Live requests received in the period and accepted without a business case, by
    partner uid.

    The SQL of ``taken_as_order(request)`` in domain/rules.py: accepted (or delivered or
    reviewed since), with no need or no expected benefit (words beyond whitespace, or an
    amount).
    """
    return _requests_by_partner(
        tx,
        RequestRow.status.in_([status.value for status in TAKEN_ON]),
        RequestRow.received.between(period_from, period_to),
        ~(_has_words(RequestRow.need) & _has_benefit()),
    )


def _requests_by_partner(tx: Transaction, *conditions: ColumnElement[bool]) -> dict[str, int]:
    """How many live requests meet every condition, by partner uid (none: left out)."""
    statement = (
        select(PartnerRow.uid, func.count())
        .select_from(RequestRow)
        .join(PartnerRow, PartnerRow.id == RequestRow.partner_id)
        .where(RequestRow.deleted_at.is_(None), *conditions)
        .group_by(PartnerRow.uid)
    )
    return {uid: int(n) for uid, n in tx.execute(statement)}
