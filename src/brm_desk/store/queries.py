"""Aggregates computed in SQL: the balance by partner, month and focus."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, literal, select, union_all

from brm_desk.domain.enums import Focus
from brm_desk.store.database import Transaction
from brm_desk.store.schema import MeetingRow, PartnerRow, RequestRow


@dataclass(frozen=True, slots=True)
class BalanceCell:
    """Engagements of one partner, in one month, with one focus."""

    partner_id: str
    month: date
    focus: Focus
    count: int
    minutes: int


@dataclass(frozen=True, slots=True)
class BalancePartner:
    """What the balance needs of a partner besides its engagements."""

    id: str
    name: str
    target_strategic_share: float
    touch_cadence_days: int
    last_strategic: date | None


def balance_cells(
    tx: Transaction, period_from: date, period_to: date, partner_pks: Sequence[int] | None
) -> list[BalanceCell]:
    """Counts and meeting minutes by partner, month and focus, meetings and requests together."""
    meeting_month = func.substr(MeetingRow.local_date, 1, 7)
    meetings = select(
        MeetingRow.partner_id.label("partner_id"),
        meeting_month.label("month"),
        MeetingRow.focus.label("focus"),
        func.count().label("n"),
        func.sum(MeetingRow.duration_minutes).label("minutes"),
    ).where(
        MeetingRow.deleted_at.is_(None),
        MeetingRow.local_date.between(period_from, period_to),
    )
    request_month = func.substr(RequestRow.received, 1, 7)
    requests = select(
        RequestRow.partner_id.label("partner_id"),
        request_month.label("month"),
        RequestRow.focus.label("focus"),
        func.count().label("n"),
        literal(0).label("minutes"),
    ).where(
        RequestRow.deleted_at.is_(None),
        RequestRow.received.between(period_from, period_to),
    )
    if partner_pks is not None:
        meetings = meetings.where(MeetingRow.partner_id.in_(partner_pks))
        requests = requests.where(RequestRow.partner_id.in_(partner_pks))
    meetings = meetings.group_by(MeetingRow.partner_id, meeting_month, MeetingRow.focus)
    requests = requests.group_by(RequestRow.partner_id, request_month, RequestRow.focus)
    both = union_all(meetings, requests).subquery()
    statement = (
        select(
            PartnerRow.uid,
            both.c.month,
            both.c.focus,
            func.sum(both.c.n),
            func.sum(both.c.minutes),
        )
        .join(PartnerRow, PartnerRow.id == both.c.partner_id)
        .group_by(PartnerRow.uid, both.c.month, both.c.focus)
    )
    months: dict[str, date] = {}
    focuses = {focus.value: focus for focus in Focus}
    cells = []
    for uid, month, focus, n, minutes in tx.connection().execute(statement):
        first_day = months.get(month)
        if first_day is None:
            first_day = months[month] = date.fromisoformat(f"{month}-01")
        cells.append(BalanceCell(uid, first_day, focuses[focus], int(n), int(minutes)))
    return cells


def balance_partners(
    tx: Transaction, period_to: date, partner_pks: Sequence[int] | None, include_archived: bool
) -> tuple[list[BalancePartner], list[int]]:
    """Live partners by name with their latest strategic engagement on or before ``period_to``."""
    last_meeting = (
        select(func.max(MeetingRow.local_date))
        .where(
            MeetingRow.partner_id == PartnerRow.id,
            MeetingRow.focus == Focus.STRATEGIC.value,
            MeetingRow.local_date <= period_to,
            MeetingRow.deleted_at.is_(None),
        )
        .scalar_subquery()
    )
    last_request = (
        select(func.max(RequestRow.received))
        .where(
            RequestRow.partner_id == PartnerRow.id,
            RequestRow.focus == Focus.STRATEGIC.value,
            RequestRow.received <= period_to,
            RequestRow.deleted_at.is_(None),
        )
        .scalar_subquery()
    )
    statement = select(
        PartnerRow.id,
        PartnerRow.uid,
        PartnerRow.name,
        PartnerRow.target_strategic_share,
        PartnerRow.touch_cadence_days,
        last_meeting,
        last_request,
    ).where(PartnerRow.deleted_at.is_(None))
    if partner_pks is not None:
        statement = statement.where(PartnerRow.id.in_(partner_pks))
    elif not include_archived:
        statement = statement.where(PartnerRow.archived.is_(False))
    partners, pks = [], []
    for pk, uid, name, target, cadence, meeting_day, request_day in tx.execute(
        statement.order_by(PartnerRow.name, PartnerRow.id)
    ):
        days = [d for d in (meeting_day, request_day) if d is not None]
        partners.append(BalancePartner(uid, name, target, cadence, max(days, default=None)))
        pks.append(pk)
    return partners, pks


def partner_pks_by_uid(tx: Transaction, uids: Sequence[str]) -> list[int]:
    return [
        pk
        for (pk,) in tx.execute(
            select(PartnerRow.id).where(PartnerRow.uid.in_(uids), PartnerRow.deleted_at.is_(None))
        )
    ]
