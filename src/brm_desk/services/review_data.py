"""What a review pack says, gathered once and with privacy applied.

The layout code only formats. Every choice of what to show (which requests, decisions,
follow-ups and people, the most important first, and how many) is made here, so the GUI
export and the command line cannot differ. Privacy changes words, never numbers: the figures
count every engagement, private ones too, and equal the ``balance`` command's; only the lists
leave private items out, as :mod:`brm_desk.services.privacy` says.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Generic, TypeVar

from brm_desk.domain.assessments import Assessment, maturity_path
from brm_desk.domain.balance import PartnerBalance, month_start, previous_period
from brm_desk.domain.benefits import benefits_review_due_on, realization
from brm_desk.domain.enums import RequestStatus
from brm_desk.domain.notes import decisions
from brm_desk.domain.records import (
    AgreedAction,
    Contact,
    MaturityChange,
    Meeting,
    Partner,
    Request,
    owed_both_ways,
)
from brm_desk.domain.rules import taken_as_order
from brm_desk.domain.stakeholders import INFLUENCE_FIRST
from brm_desk.services import privacy
from brm_desk.services.privacy import Audience, LeftOut
from brm_desk.store import (
    assessment_rows,
    contact_rows,
    meeting_rows,
    pack_queries,
    partner_rows,
    request_rows,
)
from brm_desk.store.pack_queries import MeetingFacts, RequestFacts

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal

DELIVERED_SHOWN = 5
DECISIONS_SHOWN = 6
DEMAND_SHOWN = 6
COMMITMENTS_SHOWN = 5  # each way
ORDERS_SHOWN = 4
"""How much of each list a partner pack shows: the budgets that keep it within six pages
whatever the volume. The rest is counted ("and 23 more…")."""

_Item = TypeVar("_Item")


@dataclass(frozen=True, slots=True)
class Shortlist(Generic[_Item]):
    """The first items of a list, the most important first, and how many the list holds."""

    items: tuple[_Item, ...] = ()
    total: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def _shortlist(items: Sequence[_Item], budget: int, total: int | None = None) -> Shortlist[_Item]:
    return Shortlist(tuple(items[:budget]), len(items) if total is None else total)


@dataclass(frozen=True, slots=True)
class Decision:
    """A line written under a meeting's decisions heading."""

    text: str
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
        return realization(self.expected_total, self.realized_total)


@dataclass(frozen=True, slots=True)
class Satisfaction:
    """The partner's mood at the end of meetings (1–5): the internal audience's trend."""

    average: float | None
    previous: float | None
    by_month: tuple[tuple[date, float], ...]


@dataclass(frozen=True, slots=True)
class PartnerPackData:
    """Everything one partner's pack (or section of the portfolio pack) shows."""

    partner: Partner
    balance: PartnerBalance
    previous: PartnerBalance
    made_on: date
    audience: Audience
    include_private: bool
    currency: str
    meetings_held: int
    requests_by_status: dict[RequestStatus, int]
    benefits: Benefits
    maturity_path: tuple[MaturityChange, ...]
    assessments: tuple[Assessment, ...]
    """Up to the period's end; for the partner's audience without evidence and notes."""
    satisfaction: Satisfaction | None
    """Only for the internal audience."""
    left_out: LeftOut
    delivered: Shortlist[Request] = Shortlist()
    decisions: Shortlist[Decision] = Shortlist()
    open_demand: Shortlist[Request] = Shortlist()
    we_owe: Shortlist[AgreedAction] = Shortlist()
    they_owe: Shortlist[AgreedAction] = Shortlist()
    people: Shortlist[Contact] = Shortlist()
    """The stakeholder map: only for the internal audience."""
    orders_taken: Shortlist[Request] = Shortlist()
    """Requests of the period accepted without a business case, with the reason given: only
    for the internal audience (the BRM's manager asks why; the partner's pack does not)."""
    log: tuple[Meeting, ...] = field(default=())

    @property
    def period_from(self) -> date:
        return self.balance.period_from

    @property
    def period_to(self) -> date:
        return self.balance.period_to

    def texts(self) -> list[str]:
        """Every piece of free text the pack may print (for the font coverage check)."""
        p = self.partner
        found = [p.name, p.sponsor, p.business_unit, p.next_period, self.currency]
        for r in (*self.delivered.items, *self.open_demand.items):
            found += [r.title, r.want, r.need, r.expected_benefit, r.routed_to]
        found += [t for d in self.decisions.items for t in (d.text, d.meeting_title)]
        for a in (*self.we_owe.items, *self.they_owe.items):
            found += [a.action.text, a.action.owner, a.meeting_title]
        found += [t for c in self.people.items for t in (c.name, c.role)]
        found += [t for r in self.orders_taken.items for t in (r.title, r.outcome_note)]
        for m in self.log:
            found += [m.title, m.notes, m.private_notes, m.location]
        for assessment in self.assessments:
            found += [assessment.note, *(goal.text for goal in assessment.goals)]
        return found


def gather_partner(
    journal: Journal,
    partner_id: str,
    period_from: date,
    period_to: date,
    *,
    audience: Audience = Audience.PARTNER,
    include_private: bool = False,
    with_log: bool = False,
) -> PartnerPackData:
    """One partner's pack data; ``with_log``: with the period's meetings for the appendix."""
    balance = journal.balances.for_partner(partner_id, period_from, period_to)
    previous = journal.balances.for_partner(partner_id, *previous_period(period_from, period_to))
    choice = _Choice(audience, include_private, with_log, lists=True)
    return _gather(journal, balance, previous, choice)


def left_out(
    journal: Journal,
    partner_id: str | None,
    period_from: date,
    period_to: date,
    *,
    audience: Audience = Audience.PARTNER,
    include_private: bool = False,
) -> LeftOut:
    """What a partner's pack (or, without ``partner_id``, the portfolio pack) would leave
    out: the export dialog says it before the pack is written."""
    if partner_id is None:
        _, sections = gather_portfolio(
            journal, period_from, period_to, audience=audience, include_private=include_private
        )
        return sum((section.left_out for section in sections), LeftOut())
    balance = journal.balances.for_partner(partner_id, period_from, period_to)
    previous = journal.balances.for_partner(partner_id, *previous_period(period_from, period_to))
    choice = _Choice(audience, include_private, with_log=False, lists=False)
    return _gather(journal, balance, previous, choice).left_out


def gather_portfolio(
    journal: Journal,
    period_from: date,
    period_to: date,
    *,
    audience: Audience = Audience.PARTNER,
    include_private: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[PartnerBalance], list[PartnerPackData]]:
    """Every active partner's balance (for the portfolio chart) and figures; two balance
    queries for all partners rather than two per partner."""
    balances = journal.balances.for_partners(period_from, period_to)
    before = previous_period(period_from, period_to)
    previous = {b.partner_id: b for b in journal.balances.for_partners(*before)}
    choice = _Choice(audience, include_private, with_log=False, lists=False, stakeholders=False)
    sections: list[PartnerPackData] = []
    for number, b in enumerate(balances, start=1):
        sections.append(_gather(journal, b, previous[b.partner_id], choice))
        if progress is not None:
            progress(number, len(balances))
    return balances, sections


@dataclass(frozen=True, slots=True)
class _Choice:
    """What the user chose to export, and what kind of pack the data is for: a partner pack
    has ``lists`` and a stakeholder map (for the internal audience); a portfolio section not."""

    audience: Audience
    include_private: bool
    with_log: bool
    lists: bool
    stakeholders: bool = True


def _gather(
    journal: Journal, balance: PartnerBalance, previous: PartnerBalance, choice: _Choice
) -> PartnerPackData:
    """The figures come from a few columns of the two periods' meetings and of every request;
    only the lists read whole records, and a partner's other years are never loaded."""
    partner_id, start, end = balance.partner_id, balance.period_from, balance.period_to
    judged = choice.audience.sees_judgements
    with journal.database.snapshot() as tx:
        partner = partner_rows.get(tx, partner_id)
        assessed = [a for a in assessment_rows.of_partner(tx, partner_id) if a.assessed_on <= end]
        facts = pack_queries.meeting_facts(tx, partner_id, min(previous.period_from, start), end)
        requests = pack_queries.request_facts(tx, partner_id)
        people = contact_rows.listing(tx, partner_id) if choice.stakeholders else []
        if choice.lists:
            meetings = meeting_rows.of_partner_between(tx, partner_id, start, end)
            every_request = request_rows.of_partner(tx, partner_id)
            agreed = pack_queries.open_actions_of_partner(tx, partner_id, end)
    held = [m for m in facts if start <= m.local_date <= end]
    in_view = [r for r in requests if _in_view(r, start, end)]
    data = PartnerPackData(
        partner=partner,
        balance=balance,
        previous=previous,
        made_on=journal.today(),
        audience=choice.audience,
        include_private=choice.include_private,
        currency=journal.settings.currency(),
        meetings_held=len(held),
        requests_by_status=dict(Counter(r.status for r in requests if start <= r.received <= end)),
        benefits=_benefits(requests, end),
        maturity_path=maturity_path(assessed),
        assessments=_assessments_shown(assessed, judged, choice.include_private),
        satisfaction=_satisfaction(facts, start, previous.period_to) if judged else None,
        left_out=privacy.left_out(
            held, in_view, len(people), choice.audience, choice.include_private
        ),
    )
    if not choice.lists:
        return data
    return _with_lists(data, meetings, every_request, agreed, people, choice.with_log)


def _with_lists(
    data: PartnerPackData,
    meetings: list[Meeting],
    requests: list[Request],
    agreed: list[AgreedAction],
    people: list[Contact],
    with_log: bool,
) -> PartnerPackData:
    """The pack's lists, each the most important first and budgeted."""
    start, end, include = data.period_from, data.period_to, data.include_private
    shared_meetings = privacy.shared(meetings, include)
    said = [
        Decision(text, m.title, m.local_date)
        for m in reversed(shared_meetings)  # the latest first
        for text in decisions(m.notes)
    ]
    delivered = [r for r in requests if r.delivered_on and start <= r.delivered_on <= end]
    delivered.sort(key=lambda r: (-(r.expected_value_amount or 0), r.title))
    open_demand = [r for r in requests if r.status.is_open and r.received <= end]
    open_demand.sort(key=lambda r: (-r.value, -r.urgency, r.received, r.title))
    follow_ups = privacy.follow_ups(agreed, include)
    ours, theirs = owed_both_ways(follow_ups)
    people.sort(key=lambda c: (INFLUENCE_FIRST[c.influence], c.name.casefold()))
    orders = [r for r in requests if start <= r.received <= end and taken_as_order(r)]
    orders.sort(key=lambda r: (r.received, r.title))
    judged = data.audience.sees_judgements
    return replace(
        data,
        delivered=_shortlist(privacy.shared(delivered, include), DELIVERED_SHOWN, len(delivered)),
        decisions=_shortlist(said, DECISIONS_SHOWN),
        open_demand=_shortlist(
            privacy.shared(open_demand, include), DEMAND_SHOWN, len(open_demand)
        ),
        we_owe=_shortlist(ours, COMMITMENTS_SHOWN),
        they_owe=_shortlist(theirs, COMMITMENTS_SHOWN),
        people=_shortlist(people, len(people)) if judged else Shortlist(),  # all on the grid
        orders_taken=(
            _shortlist(privacy.shared(orders, include), ORDERS_SHOWN) if judged else Shortlist()
        ),
        log=tuple(shared_meetings) if with_log else (),
    )


def _assessments_shown(
    assessed: Sequence[Assessment], judged: bool, include_private: bool
) -> tuple[Assessment, ...]:
    """The internal audience sees the evidence; the note only with private items. The
    partner's pack never shows the BRM's evidence or note."""
    return tuple(
        privacy.assessment_shown(a, include_private)
        if judged
        else replace(a, meeting_ids=(), request_ids=(), note="")
        for a in assessed
    )


def _in_view(request: RequestFacts, start: date, end: date) -> bool:
    """Whether the pack counts or lists a request: received in the period, open at its end,
    or delivered in it."""
    delivered = request.delivered_on is not None and start <= request.delivered_on <= end
    open_then = request.status.is_open and request.received <= end
    return start <= request.received <= end or open_then or delivered


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


def _satisfaction(facts: Sequence[MeetingFacts], start: date, before_end: date) -> Satisfaction:
    """Scores of the period (from ``start``) and of the one before (to ``before_end``)."""
    by_month: dict[date, list[int]] = defaultdict(list)
    earlier: list[int] = []
    for m in facts:
        if m.satisfaction is None:
            continue
        if m.local_date >= start:
            by_month[month_start(m.local_date)].append(m.satisfaction)
        elif m.local_date <= before_end:
            earlier.append(m.satisfaction)
    now = [score for scores in by_month.values() for score in scores]
    return Satisfaction(
        average=_average(now),
        previous=_average(earlier),
        by_month=tuple((month, _average(s) or 0.0) for month, s in sorted(by_month.items())),
    )


def _average(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None
