"""What a review pack says about a partner, gathered once and with privacy applied.

The pack's layout code only formats; every choice of what to show (which meetings, which
requests, which actions, and that private items stay out unless asked for) is made here, so
the GUI export and the command line cannot differ.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from brm_desk.domain.balance import PartnerBalance, month_start, previous_period
from brm_desk.domain.enums import Focus, RequestStatus, Side
from brm_desk.domain.records import Action, MaturityChange, Meeting, Partner, Request
from brm_desk.domain.rules import benefits_review_due_on
from brm_desk.store import meeting_rows, pack_queries, request_rows
from brm_desk.store.pack_queries import RequestFacts

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal


@dataclass(frozen=True, slots=True)
class OpenAction:
    """An action not done yet, with the meeting it was agreed in."""

    action: Action
    meeting_title: str
    meeting_date: date


@dataclass(frozen=True, slots=True)
class Benefits:
    """Business-case value of the partner's delivered work up to the end of the period."""

    delivered: int
    expected_total: Decimal
    realized_total: Decimal
    reviews_due: int

    @property
    def realization(self) -> float | None:
        if not self.expected_total:
            return None
        return float(self.realized_total / self.expected_total)


@dataclass(frozen=True, slots=True)
class PartnerPackData:
    """Everything one partner's section of a pack shows."""

    partner: Partner
    period_from: date
    period_to: date
    balance: PartnerBalance
    previous: PartnerBalance
    meetings: tuple[Meeting, ...]
    meetings_by_focus: dict[Focus, int]
    requests_by_status: dict[RequestStatus, int]
    open_requests: tuple[Request, ...]
    open_actions: dict[Side, tuple[OpenAction, ...]]
    benefits: Benefits
    satisfaction_by_month: tuple[tuple[date, float], ...]
    satisfaction: float | None
    previous_satisfaction: float | None
    maturity_path: tuple[MaturityChange, ...]
    generated_on: date
    include_private: bool

    def texts(self) -> list[str]:
        """Every piece of free text the pack may print (for the font coverage check)."""
        p = self.partner
        found = [p.name, p.sponsor, p.business_unit]
        for m in self.meetings:
            found += [m.title, m.notes, m.location]
            found += [a.text for a in m.actions]
        for r in self.open_requests:
            found += [r.title, r.want, r.need]
        for actions in self.open_actions.values():
            for a in actions:
                found += [a.action.text, a.action.owner, a.meeting_title]
        return found


def _visible(include_private: bool, private: bool) -> bool:
    return include_private or not private


def _average(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def gather_partner(
    journal: Journal,
    partner_id: str,
    period_from: date,
    period_to: date,
    *,
    include_private: bool = False,
    balance: PartnerBalance | None = None,
    previous: PartnerBalance | None = None,
    with_log: bool = True,
) -> PartnerPackData:
    """One partner's pack data; ``balance``/``previous`` may be passed in when the caller
    already computed them for many partners at once. Without ``with_log`` (a portfolio
    section) the meetings, open requests and open actions, which only the partner pack
    lists, are left empty."""
    partner = journal.partners.get(partner_id)
    if balance is None:
        balance = journal.balances.for_partner(partner_id, period_from, period_to)
    if previous is None:
        before_from, before_to = previous_period(period_from, period_to)
        previous = journal.balances.for_partner(partner_id, before_from, before_to)
    # The figures count the two periods' meetings from a few columns; only the log needs
    # whole meetings, those of the period (open actions, which look back to the first
    # meeting, are read apart): a partner's ten years of meetings are never loaded.
    before_from, before_to = previous.period_from, previous.period_to
    with journal.database.transaction() as tx:
        facts = [
            f
            for f in pack_queries.meeting_facts(
                tx, partner_id, min(before_from, period_from), max(before_to, period_to)
            )
            if _visible(include_private, f.private)
        ]
        logged = (
            [
                m
                for m in meeting_rows.of_partner_between(tx, partner_id, period_from, period_to)
                if _visible(include_private, m.private)
            ]
            if with_log
            else []
        )
    in_period = [f for f in facts if period_from <= f.local_date <= period_to]
    earlier = [f for f in facts if before_from <= f.local_date <= before_to]
    # Counts and benefits from a few columns of every request; whole requests for the open
    # ones only, which the partner pack lists.
    with journal.database.transaction() as tx:
        requests = [
            r
            for r in pack_queries.request_facts(tx, partner_id)
            if _visible(include_private, r.private)
        ]
        open_requests = sorted(
            (
                r
                for r in request_rows.open_of_partner(tx, partner_id, period_to)
                if _visible(include_private, r.private)
            )
            if with_log
            else (),
            key=lambda r: (r.received, r.title),
        )
    received = [r for r in requests if period_from <= r.received <= period_to]
    by_month: dict[date, list[int]] = defaultdict(list)
    for m in in_period:
        if m.satisfaction is not None:
            by_month[month_start(m.local_date)].append(m.satisfaction)
    return PartnerPackData(
        partner=partner,
        period_from=period_from,
        period_to=period_to,
        balance=balance,
        previous=previous,
        meetings=tuple(logged),  # in time order; the same moment: in the order entered
        meetings_by_focus={f: sum(1 for m in in_period if m.focus == f) for f in Focus},
        requests_by_status=dict(Counter(r.status for r in received)),
        open_requests=tuple(open_requests),
        open_actions=_open_actions(journal, partner_id, period_to, include_private)
        if with_log
        else {},
        benefits=_benefits(requests, period_to),
        satisfaction_by_month=tuple(
            (month, sum(values) / len(values)) for month, values in sorted(by_month.items())
        ),
        satisfaction=_average([m.satisfaction for m in in_period if m.satisfaction is not None]),
        previous_satisfaction=_average(
            [m.satisfaction for m in earlier if m.satisfaction is not None]
        ),
        maturity_path=_maturity_path(partner, period_to),
        generated_on=journal.today(),
        include_private=include_private,
    )


def _open_actions(
    journal: Journal, partner_id: str, period_to: date, include_private: bool
) -> dict[Side, tuple[OpenAction, ...]]:
    """Every action not done agreed up to the end of the period, by who owes it, the first
    due first (undated last), then the earliest meeting."""
    with journal.database.transaction() as tx:
        agreed = pack_queries.open_actions_of_partner(tx, partner_id, period_to)
    found: dict[Side, list[OpenAction]] = {side: [] for side in Side}
    for item in agreed:
        if _visible(include_private, item.meeting_private):
            found[item.action.side].append(
                OpenAction(item.action, item.meeting_title, item.meeting_date)
            )
    return {
        side: tuple(sorted(items, key=lambda a: (a.action.due or date.max, a.meeting_date)))
        for side, items in found.items()
    }


def _benefits(requests: Sequence[RequestFacts], period_to: date) -> Benefits:
    delivered = [
        r
        for r in requests
        if r.delivered_on is not None
        and r.delivered_on <= period_to
        and r.status in (RequestStatus.DELIVERED, RequestStatus.BENEFITS_REVIEWED)
    ]
    with_case = [r for r in delivered if r.expected_value_amount is not None]
    due_dates = [_review_due_on(r) for r in delivered]
    return Benefits(
        delivered=len(delivered),
        expected_total=sum((r.expected_value_amount or Decimal(0) for r in with_case), Decimal(0)),
        realized_total=sum((r.realized_value_amount or Decimal(0) for r in with_case), Decimal(0)),
        reviews_due=sum(1 for d in due_dates if d is not None and d <= period_to),
    )


def _review_due_on(facts: RequestFacts) -> date | None:
    """The domain's rule for a benefits review, asked of a request holding the facts it reads."""
    request = Request(
        id="",
        partner_id="",
        title="",
        received=facts.received,
        status=facts.status,
        delivered_on=facts.delivered_on,
        expected_benefit=facts.expected_benefit,
        expected_value_amount=facts.expected_value_amount,
        realized_value_amount=facts.realized_value_amount,
    )
    return benefits_review_due_on(request)


def _maturity_path(partner: Partner, period_to: date) -> tuple[MaturityChange, ...]:
    history = sorted(
        (c for c in partner.maturity_history if c.since <= period_to), key=lambda c: c.since
    )
    return tuple(history)


def gather_portfolio(
    journal: Journal,
    period_from: date,
    period_to: date,
    *,
    include_private: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[PartnerBalance], list[PartnerPackData]]:
    """Every active partner's balance (for the portfolio chart) and section data; two balance
    queries for all partners rather than two per partner."""
    balances = journal.balances.for_partners(period_from, period_to)
    before_from, before_to = previous_period(period_from, period_to)
    previous = {b.partner_id: b for b in journal.balances.for_partners(before_from, before_to)}
    sections: list[PartnerPackData] = []
    for number, b in enumerate(balances, start=1):
        sections.append(
            gather_partner(
                journal,
                b.partner_id,
                period_from,
                period_to,
                include_private=include_private,
                balance=b,
                previous=previous[b.partner_id],
                with_log=False,
            )
        )
        if progress is not None:
            progress(number, len(balances))
    return balances, sections
