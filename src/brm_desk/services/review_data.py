"""What a review pack says about a partner, gathered once and with privacy applied.

The pack's layout code only formats; every choice of what to show (which meetings, which
requests, which actions, filtered by :mod:`brm_desk.services.privacy`) is made here, so the
GUI export and the command line cannot differ.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from brm_desk.domain.balance import PartnerBalance, month_start, previous_period
from brm_desk.domain.benefits import benefits_review_due_on, realization
from brm_desk.domain.enums import Focus, RequestStatus, Side
from brm_desk.domain.records import (
    AgreedAction,
    MaturityChange,
    Meeting,
    Partner,
    Request,
    due_first,
)
from brm_desk.services import privacy
from brm_desk.store import meeting_rows, pack_queries, partner_rows, request_rows
from brm_desk.store.pack_queries import RequestFacts

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal


@dataclass(frozen=True, slots=True)
class Benefits:
    """Business-case value of the partner's delivered work up to the end of the period."""

    delivered: int
    expected_total: Decimal
    realized_total: Decimal
    reviews_due: int

    @property
    def realization(self) -> float | None:
        return realization(self.expected_total, self.realized_total)


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
    open_actions: dict[Side, tuple[AgreedAction, ...]]
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


def _average(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def gather_partner(
    journal: Journal,
    partner_id: str,
    period_from: date,
    period_to: date,
    *,
    include_private: bool = False,
    with_log: bool = True,
) -> PartnerPackData:
    """One partner's pack data. Without ``with_log`` (a portfolio section) the meetings,
    open requests and open actions, which only the partner pack lists, are left empty."""
    balance = journal.balances.for_partner(partner_id, period_from, period_to)
    previous = journal.balances.for_partner(partner_id, *previous_period(period_from, period_to))
    return _gather(journal, balance, previous, include_private, with_log)


def _gather(
    journal: Journal,
    balance: PartnerBalance,
    previous: PartnerBalance,
    include_private: bool,
    with_log: bool,
) -> PartnerPackData:
    """The figures count the two periods' meetings from a few columns and every request from
    a few more; only the log reads whole records (the period's meetings, the open requests
    and actions): a partner's ten years of meetings are never loaded."""
    partner_id, period_from, period_to = balance.partner_id, balance.period_from, balance.period_to
    before_from, before_to = previous.period_from, previous.period_to
    logged: list[Meeting] = []
    open_requests: list[Request] = []
    agreed: list[AgreedAction] = []
    with journal.database.snapshot() as tx:
        partner = partner_rows.get(tx, partner_id)
        facts = pack_queries.meeting_facts(
            tx, partner_id, min(before_from, period_from), max(before_to, period_to)
        )
        requests = privacy.shown(pack_queries.request_facts(tx, partner_id), include_private)
        if with_log:
            logged = meeting_rows.of_partner_between(tx, partner_id, period_from, period_to)
            open_requests = request_rows.open_of_partner(tx, partner_id, period_to)
            agreed = pack_queries.open_actions_of_partner(tx, partner_id, period_to)
    facts = privacy.shown(facts, include_private)
    in_period = [f for f in facts if period_from <= f.local_date <= period_to]
    earlier = [f for f in facts if before_from <= f.local_date <= before_to]
    received = [r for r in requests if period_from <= r.received <= period_to]
    agreed = privacy.shown(agreed, include_private)
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
        meetings=tuple(privacy.shared(logged, include_private)),  # in time order, ties as entered
        meetings_by_focus={f: sum(1 for m in in_period if m.focus == f) for f in Focus},
        requests_by_status=dict(Counter(r.status for r in received)),
        open_requests=tuple(
            sorted(
                privacy.shared(open_requests, include_private), key=lambda r: (r.received, r.title)
            )
        ),
        open_actions={side: due_first(a for a in agreed if a.action.side == side) for side in Side}
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
        maturity_path=tuple(
            sorted((c for c in partner.maturity_history if c.since <= period_to), key=_since)
        ),
        generated_on=journal.today(),
        include_private=include_private,
    )


def _benefits(requests: Sequence[RequestFacts], period_to: date) -> Benefits:
    delivered = [
        r
        for r in requests
        if r.delivered_on is not None
        and r.delivered_on <= period_to
        and r.status in (RequestStatus.DELIVERED, RequestStatus.BENEFITS_REVIEWED)
    ]
    with_case = [r for r in delivered if r.expected_value_amount is not None]
    due_dates = [benefits_review_due_on(r) for r in delivered]
    return Benefits(
        delivered=len(delivered),
        expected_total=sum((r.expected_value_amount or Decimal(0) for r in with_case), Decimal(0)),
        realized_total=sum((r.realized_value_amount or Decimal(0) for r in with_case), Decimal(0)),
        reviews_due=sum(1 for d in due_dates if d is not None and d <= period_to),
    )


def _since(change: MaturityChange) -> date:
    return change.since


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
        sections.append(_gather(journal, b, previous[b.partner_id], include_private, False))
        if progress is not None:
            progress(number, len(balances))
    return balances, sections
