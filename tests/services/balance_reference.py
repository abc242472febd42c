"""SPEC §2's balance, computed the slow and obvious way, to check the real one against.

Nothing here is shared with the application: it reads the records and the period and
counts, one engagement at a time, exactly as the specification words it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from brm_desk.domain.enums import Focus
from brm_desk.domain.records import Meeting, Partner, Request


@dataclass(frozen=True)
class MonthFigures:
    """One calendar month: counts and hours by focus."""

    month: str  # "YYYY-MM"
    reactive: int
    routine: int
    strategic: int
    reactive_hours: float
    routine_hours: float
    strategic_hours: float


@dataclass(frozen=True)
class Figures:
    """Every figure of SPEC §2 for one partner and one period."""

    partner_id: str
    name: str
    reactive: int
    routine: int
    strategic: int
    strategic_share: float | None
    target_strategic_share: float
    reactive_hours: float
    routine_hours: float
    strategic_hours: float
    last_strategic: date | None
    days_since_strategic: int | None
    overdue: bool
    months: tuple[MonthFigures, ...]


def calendar_months(period_from: date, period_to: date) -> list[tuple[int, int]]:
    """(year, month) of every calendar month with at least one day in the period."""
    months = []
    year, month = period_from.year, period_from.month
    while (year, month) <= (period_to.year, period_to.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _count(
    meetings: list[Meeting], requests: list[Request], first: date, last: date
) -> tuple[dict[Focus, int], dict[Focus, int]]:
    """Engagements by focus, and meeting minutes by focus, dated from ``first`` to ``last``."""
    counts = dict.fromkeys(Focus, 0)
    minutes = dict.fromkeys(Focus, 0)
    for meeting in meetings:
        day = meeting.start.date()  # the date in the meeting's own offset
        if first <= day <= last:
            counts[meeting.focus] += 1
            minutes[meeting.focus] += meeting.duration_minutes
    for request in requests:
        if first <= request.received <= last:
            counts[request.focus] += 1
    return counts, minutes


def _last_day_of(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def figures_for(
    partner: Partner,
    meetings: list[Meeting],
    requests: list[Request],
    period_from: date,
    period_to: date,
) -> Figures:
    """The balance of one partner, given only that partner's live meetings and requests."""
    counts, minutes = _count(meetings, requests, period_from, period_to)
    reactive, strategic = counts[Focus.REACTIVE], counts[Focus.STRATEGIC]
    share = None if reactive + strategic == 0 else strategic / (reactive + strategic)

    strategic_days = [
        m.start.date()
        for m in meetings
        if m.focus is Focus.STRATEGIC and m.start.date() <= period_to
    ] + [r.received for r in requests if r.focus is Focus.STRATEGIC and r.received <= period_to]
    last_strategic = max(strategic_days) if strategic_days else None
    days_since = None if last_strategic is None else (period_to - last_strategic).days
    overdue = days_since is None or days_since > partner.touch_cadence_days

    months = []
    for year, month in calendar_months(period_from, period_to):
        first = max(period_from, date(year, month, 1))
        last = min(period_to, _last_day_of(year, month))
        month_counts, month_minutes = _count(meetings, requests, first, last)
        months.append(
            MonthFigures(
                month=f"{year:04d}-{month:02d}",
                reactive=month_counts[Focus.REACTIVE],
                routine=month_counts[Focus.ROUTINE],
                strategic=month_counts[Focus.STRATEGIC],
                reactive_hours=month_minutes[Focus.REACTIVE] / 60,
                routine_hours=month_minutes[Focus.ROUTINE] / 60,
                strategic_hours=month_minutes[Focus.STRATEGIC] / 60,
            )
        )
    return Figures(
        partner_id=partner.id,
        name=partner.name,
        reactive=reactive,
        routine=counts[Focus.ROUTINE],
        strategic=strategic,
        strategic_share=share,
        target_strategic_share=partner.target_strategic_share,
        reactive_hours=minutes[Focus.REACTIVE] / 60,
        routine_hours=minutes[Focus.ROUTINE] / 60,
        strategic_hours=minutes[Focus.STRATEGIC] / 60,
        last_strategic=last_strategic,
        days_since_strategic=days_since,
        overdue=overdue,
        months=tuple(months),
    )


def reference_balances(
    partners: Iterable[Partner],
    meetings: Iterable[Meeting],
    requests: Iterable[Request],
    period_from: date,
    period_to: date,
    *,
    trashed: Iterable[str] = (),
    partner_ids: Iterable[str] | None = None,
    include_archived: bool = False,
) -> dict[str, Figures]:
    """Balances by partner id.

    Records whose id is in ``trashed``, or whose partner's id is, are left out. Archived
    partners are left out unless named in ``partner_ids`` or ``include_archived`` is set.
    """
    gone = set(trashed)
    wanted = None if partner_ids is None else set(partner_ids)
    live_meetings = [m for m in meetings if m.id not in gone and m.partner_id not in gone]
    live_requests = [r for r in requests if r.id not in gone and r.partner_id not in gone]
    result = {}
    for partner in partners:
        if partner.id in gone:
            continue
        if wanted is not None and partner.id not in wanted:
            continue
        if wanted is None and partner.archived and not include_archived:
            continue
        result[partner.id] = figures_for(
            partner,
            [m for m in live_meetings if m.partner_id == partner.id],
            [r for r in live_requests if r.partner_id == partner.id],
            period_from,
            period_to,
        )
    return result
