"""The balance of SPEC §2 as values, and the pure arithmetic on them.

The store sums engagements in SQL; this module turns those sums into the figures a BRM reads,
so that every formula (share, overdue, drifting) lives here once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from brm_desk.domain.enums import Focus


class FocusTally(NamedTuple):
    """Engagement counts and meeting minutes by focus.

    A named tuple, not a dataclass: a ten-year balance of every partner makes thousands of
    them, and a tuple is made three times faster.
    """

    reactive: int = 0
    routine: int = 0
    strategic: int = 0
    reactive_minutes: int = 0
    routine_minutes: int = 0
    strategic_minutes: int = 0

    def count(self, focus: Focus) -> int:
        return int(getattr(self, focus.value))

    def minutes(self, focus: Focus) -> int:
        return int(getattr(self, f"{focus.value}_minutes"))

    def hours(self, focus: Focus) -> float:
        return self.minutes(focus) / 60

    @property
    def total(self) -> int:
        return self.reactive + self.routine + self.strategic

    @property
    def strategic_share(self) -> float | None:
        return strategic_share(self.reactive, self.strategic)

    def __add__(self, other: FocusTally) -> FocusTally:  # type: ignore[override]
        """Adding tallies adds their figures (never the tuple's concatenation)."""
        return FocusTally(
            self.reactive + other.reactive,
            self.routine + other.routine,
            self.strategic + other.strategic,
            self.reactive_minutes + other.reactive_minutes,
            self.routine_minutes + other.routine_minutes,
            self.strategic_minutes + other.strategic_minutes,
        )


class MonthBalance(NamedTuple):
    """One calendar month of a partner's engagements (``month`` is its first day)."""

    month: date
    tally: FocusTally

    @property
    def label(self) -> str:
        return self.month.strftime("%Y-%m")


@dataclass(frozen=True, slots=True)
class PartnerBalance:
    """SPEC §2's figures for one partner over [period_from, period_to]."""

    partner_id: str
    name: str
    period_from: date
    period_to: date
    target_strategic_share: float
    touch_cadence_days: int
    tally: FocusTally
    last_strategic: date | None
    months: tuple[MonthBalance, ...] = field(default=())

    @property
    def strategic_share(self) -> float | None:
        return self.tally.strategic_share

    @property
    def days_since_strategic(self) -> int | None:
        return None if self.last_strategic is None else (self.period_to - self.last_strategic).days

    @property
    def touch_due_on(self) -> date | None:
        """The first day past the cadence since the last strategic meeting (none: never met)."""
        if self.last_strategic is None:
            return None
        return self.last_strategic + timedelta(days=self.touch_cadence_days + 1)

    @property
    def overdue(self) -> bool:
        """Past the cadence on ``period_to``, or never met strategically."""
        due = self.touch_due_on
        return due is None or self.period_to >= due

    @property
    def on_target(self) -> bool | None:
        share = self.strategic_share
        return None if share is None else share >= self.target_strategic_share


def strategic_share(reactive: int, strategic: int) -> float | None:
    """Strategic / (reactive + strategic); routine work is neither, and none when both are 0."""
    denominator = reactive + strategic
    return None if denominator == 0 else strategic / denominator


def share_trend(now: float | None, before: float | None) -> float | None:
    """How far the strategic share moved since before; none when either has none."""
    return None if now is None or before is None else now - before


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def months_between(period_from: date, period_to: date) -> list[date]:
    """First days of every calendar month the period touches, in order."""
    months: list[date] = []
    month = month_start(period_from)
    while month <= period_to:
        months.append(month)
        month = next_month(month)
    return months


def last_full_months(today: date, count: int) -> list[date]:
    """First days of the ``count`` calendar months before the current one, oldest first."""
    months: list[date] = []
    month = month_start(today)
    for _ in range(count):
        month = month_start(month - timedelta(days=1))
        months.insert(0, month)
    return months


DRIFT_MONTHS = 2
"""SPEC §3: drifting is a share below target in each of the last two full months."""


def drift_period(today: date) -> tuple[date, date]:
    """The last full months before today's, on which drifting is judged."""
    months = last_full_months(today, DRIFT_MONTHS)
    return months[0], next_month(months[-1]) - timedelta(days=1)


def is_drifting(monthly_shares: Iterable[float | None], target: float) -> bool:
    """Below target in each of the given months (a month with no reactive or strategic
    engagement has no share and so does not count as drifting)."""
    shares = list(monthly_shares)
    return bool(shares) and all(s is not None and s < target for s in shares)


def previous_period(period_from: date, period_to: date) -> tuple[date, date]:
    """The period of the same length that ends the day before ``period_from``."""
    length = period_to - period_from
    end = period_from - timedelta(days=1)
    return end - length, end


def default_period(
    today: date, period_to: date | None = None, period_from: date | None = None
) -> tuple[date, date]:
    """SPEC §5: ``to`` defaults to today and ``from`` to 90 days before ``to``."""
    end = period_to or today
    return (period_from or end - timedelta(days=90)), end


def assemble(
    *,
    partner_id: str,
    name: str,
    period_from: date,
    period_to: date,
    target_strategic_share: float,
    touch_cadence_days: int,
    last_strategic: date | None,
    months: Iterable[tuple[date, Sequence[int]]],
) -> PartnerBalance:
    """A partner's balance from its month sums, each (first day of the month, six integers:
    counts then meeting minutes, by focus in ``Focus`` order); months without any are filled.

    This runs for every partner on every dashboard refresh, so it stays plain arithmetic.
    """
    calendar = _calendar(period_from, period_to)
    by_month: dict[date, Sequence[int]] = dict.fromkeys(calendar, _EMPTY)
    for month, sums in months:
        known = by_month.get(month, _EMPTY)
        by_month[month] = (
            sums if known is _EMPTY else [a + b for a, b in zip(known, sums, strict=True)]
        )
    filled = [sums for sums in by_month.values() if sums is not _EMPTY]
    totals = [sum(column) for column in zip(*filled, strict=True)] if filled else _EMPTY
    ordered = by_month.items()  # the calendar's order, unless a month outside it came in
    if len(by_month) > len(calendar):
        ordered = sorted(ordered)  # type: ignore[assignment]
    tallies = tuple(
        MonthBalance(month, _EMPTY_TALLY if sums is _EMPTY else FocusTally(*sums))
        for month, sums in ordered
    )
    return PartnerBalance(
        partner_id=partner_id,
        name=name,
        period_from=period_from,
        period_to=period_to,
        target_strategic_share=target_strategic_share,
        touch_cadence_days=touch_cadence_days,
        tally=FocusTally(*totals),
        last_strategic=last_strategic,
        months=tallies,
    )


@lru_cache(maxsize=64)
def _calendar(period_from: date, period_to: date) -> tuple[date, ...]:
    """The months of a period, computed once for all the partners of one balance."""
    return tuple(months_between(period_from, period_to))


_EMPTY: Sequence[int] = (0, 0, 0, 0, 0, 0)
_EMPTY_TALLY = FocusTally()
