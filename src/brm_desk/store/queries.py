"""Aggregates computed in SQL: the balance by partner, month and focus."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnClause,
    Integer,
    SQLColumnExpression,
    String,
    case,
    func,
    literal,
    literal_column,
    select,
    union_all,
)

from brm_desk.domain.enums import Focus
from brm_desk.store.database import Transaction
from brm_desk.store.schema import (
    MEETING_MONTH_SQL,
    REQUEST_MONTH_SQL,
    MeetingRow,
    PartnerRow,
    RequestRow,
)

MonthSums = tuple[int, int, int, int, int, int]
"""One partner's month: counts, then meeting minutes, by focus in ``Focus`` order."""


@dataclass(frozen=True, slots=True)
class BalancePartner:
    """What the balance needs of a partner besides its engagements."""

    id: str
    name: str
    target_strategic_share: float
    touch_cadence_days: int
    last_strategic: date | None


def _by_focus(focus: SQLColumnExpression[str], value: SQLColumnExpression[int] | int) -> Any:
    """The columns of a month's sums for one table: a count and a sum per focus."""
    # Typed Integer: a sum of comparisons would otherwise come back as a bool.
    counts = [func.sum(focus == f.value, type_=Integer) for f in Focus]
    if isinstance(value, int):
        return [*counts, *(literal(value) for _ in Focus)]
    return [*counts, *(func.sum(case((focus == f.value, value), else_=0)) for f in Focus)]


def _share_of_journal(tx: Transaction, period_from: date, period_to: date) -> float:
    """Roughly which share of the meetings fall in the period, for SQLite's planner.

    A short period is best read through the date index; a period spanning most of the journal
    is faster summed along the partner-and-month index, which needs no sort. SQLite cannot
    tell the two apart without statistics, so ``likelihood()`` says it.
    """
    # Two index lookups (trashed meetings included: an estimate needs no more).
    first_utc = tx.scalar(select(func.min(MeetingRow.start_utc)))
    last_utc = tx.scalar(select(func.max(MeetingRow.start_utc)))
    if first_utc is None or last_utc is None:
        return 0.5
    first, last = date.fromisoformat(first_utc[:10]), date.fromisoformat(last_utc[:10])
    span = (last - first).days + 1
    covered = (min(last, period_to) - max(first, period_from)).days + 1
    return min(max(covered / span, 0.01), 0.99)


def _month_sums(
    row_class: Any,
    day: Any,
    month_sql: str,
    minutes: Any,
    period: tuple[date, date],
    share: ColumnClause[float],
    partner_pks: Sequence[int] | None,
) -> Any:
    """One table's sums by partner and month over ``period``: see :func:`balance_months`."""
    month = literal_column(month_sql, String())
    statement = select(
        row_class.partner_id.label("partner_id"),
        month.label("month"),
        *_by_focus(row_class.focus, minutes),
    ).where(row_class.deleted_at.is_(None), func.likelihood(day.between(*period), share))
    if partner_pks is not None:
        statement = statement.where(row_class.partner_id.in_(partner_pks))
    return statement.group_by(row_class.partner_id, month)


def balance_months(
    tx: Transaction, period_from: date, period_to: date, partner_pks: Sequence[int] | None
) -> dict[int, list[tuple[date, MonthSums]]]:
    """Each partner's months (by row id): counts and meeting minutes by focus, in one aggregate.

    Focus is pivoted into columns in SQL, so Python sees one row per partner and month
    rather than three, and meetings and requests meet in the same sums.
    """
    # likelihood() takes a constant, not a parameter: a number we computed, never user text.
    share: ColumnClause[float] = literal_column(
        f"{_share_of_journal(tx, period_from, period_to):.2f}"
    )
    period = (period_from, period_to)
    meetings = _month_sums(
        MeetingRow,
        MeetingRow.local_date,
        MEETING_MONTH_SQL,
        MeetingRow.duration_minutes,
        period,
        share,
        partner_pks,
    )
    requests = _month_sums(
        RequestRow, RequestRow.received, REQUEST_MONTH_SQL, 0, period, share, partner_pks
    )
    both = union_all(meetings, requests).subquery()
    sums = [func.sum(column) for column in list(both.c)[2:]]
    statement = select(both.c.partner_id, both.c.month, *sums).group_by(
        both.c.partner_id, both.c.month
    )
    months: dict[str, date] = {}
    found: dict[int, list[tuple[date, MonthSums]]] = {}
    for row in tx.connection().execute(statement).all():
        month = row[1]
        first_day = months.get(month)
        if first_day is None:
            first_day = months[month] = date.fromisoformat(f"{month}-01")
        partner = found.get(row[0])
        if partner is None:
            partner = found[row[0]] = []
        partner.append((first_day, row[2:]))
    return found


def _last_strategic(row_class: Any, day: Any, period_to: date) -> Any:
    """A partner's latest strategic day in ``row_class`` on or before ``period_to``."""
    return (
        select(func.max(day))
        .where(
            row_class.partner_id == PartnerRow.id,
            row_class.focus == Focus.STRATEGIC.value,
            day <= period_to,
            row_class.deleted_at.is_(None),
        )
        .scalar_subquery()
    )


def balance_partners(
    tx: Transaction, period_to: date, partner_pks: Sequence[int] | None, include_archived: bool
) -> tuple[list[BalancePartner], list[int]]:
    """Live partners by name with their latest strategic engagement on or before ``period_to``."""
    statement = select(
        PartnerRow.id,
        PartnerRow.uid,
        PartnerRow.name,
        PartnerRow.target_strategic_share,
        PartnerRow.touch_cadence_days,
        _last_strategic(MeetingRow, MeetingRow.local_date, period_to),
        _last_strategic(RequestRow, RequestRow.received, period_to),
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
