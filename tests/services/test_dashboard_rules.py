"""The dashboard's SQL counts against the domain's rules, over generated journals.

The dashboard counts follow-ups, benefits reviews and orders taken in SQL so that it stays a
few aggregate queries at 100,000 meetings; these tests hold those counts equal to the domain's
rules (``Action.is_open``/``is_ours``/``is_overdue``, ``benefits_review_due_on``,
``taken_as_order``) applied to the same records one by one.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brm_desk.domain.benefits import benefits_review_due_on
from brm_desk.domain.enums import RequestStatus, Side
from brm_desk.domain.records import Action, Meeting, Partner, Request
from brm_desk.domain.rules import taken_as_order
from brm_desk.store.dashboard_queries import ActionDebts
from empty_journal import NewJournal

TODAY = date(2026, 11, 24)
REVIEW_EDGE = TODAY - timedelta(days=90)
PARTNER = st.integers(0, 1)  # Finance or HR


def _near(*days: date) -> st.SearchStrategy[date]:
    """The given days and the days either side of them, or any day of the two years around."""
    edges = [day + timedelta(days=shift) for day in days for shift in (-1, 0, 1)]
    return st.sampled_from(edges) | st.dates(date(2025, 6, 1), date(2027, 6, 1))


ACTIONS = st.builds(
    Action,
    text=st.just("Follow up"),
    side=st.sampled_from(Side),
    due=st.none() | _near(TODAY),
    done=st.none() | _near(TODAY),
)
BLANK = st.text(st.sampled_from(" \t\n\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000"))
BENEFITS = (
    st.sampled_from(["", "Fewer tickets", "\u00a0", " \u3000\n"])
    | BLANK
    | st.builds(lambda before, after: f"{before}gain{after}", BLANK, BLANK)
)
NEEDS = st.sampled_from(["", "Close the books in three days"]) | BENEFITS


@st.composite
def planned_requests(draw: st.DrawFn) -> tuple[int, Request, bool]:
    """A request of either partner (by index), and whether it goes to the trash."""
    status = draw(
        st.sampled_from(
            [
                RequestStatus.NEW,
                RequestStatus.ACCEPTED,
                RequestStatus.ACCEPTED,
                RequestStatus.DECLINED,
                RequestStatus.DELIVERED,
                RequestStatus.DELIVERED,
                RequestStatus.DELIVERED,
                RequestStatus.BENEFITS_REVIEWED,
            ]
        )
    )
    delivered_on = draw(_near(REVIEW_EDGE))
    if status not in (RequestStatus.DELIVERED, RequestStatus.BENEFITS_REVIEWED):
        delivered_on = draw(st.none() | st.just(delivered_on))
    reviewed = status is RequestStatus.BENEFITS_REVIEWED
    received = draw(_near(REVIEW_EDGE, TODAY))
    request = Request(
        id="",
        partner_id="",
        title="Ask",
        received=min(received, delivered_on) if delivered_on else received,
        need=draw(NEEDS),
        status=status,
        delivered_on=delivered_on,
        benefit_reviewed_on=delivered_on if reviewed else None,
        outcome_note="Out of scope" if status is RequestStatus.DECLINED else "",
        expected_benefit=draw(BENEFITS),
        expected_value_amount=draw(st.sampled_from([None, None, Decimal(0), Decimal("1200.50")])),
    )
    return draw(PARTNER), request, draw(st.booleans())


@dataclass
class PlannedJournal:
    meetings: list[tuple[int, tuple[Action, ...], bool]]  # partner, actions, trashed
    requests: list[tuple[int, Request, bool]]


@st.composite
def planned_journals(draw: st.DrawFn) -> PlannedJournal:
    actions = st.lists(ACTIONS, max_size=5).map(tuple)
    meetings = draw(st.lists(st.tuples(PARTNER, actions, st.booleans()), max_size=8))
    return PlannedJournal(meetings, draw(st.lists(planned_requests(), max_size=12)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=planned_journals())
def test_dashboard_counts_equal_the_domain_rules(
    new_journal: NewJournal, plan: PlannedJournal
) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        new_journal(Path(folder) / "journal.db", today=lambda: TODAY) as journal,
    ):
        partners = [journal.partners.add(Partner(id="", name=n)) for n in ("Finance", "HR")]
        live_meetings: list[Meeting] = []
        for n, (i, actions, trashed) in enumerate(plan.meetings):
            start = datetime(2026, 11, 1, 9, tzinfo=UTC) + timedelta(days=n)
            meeting = journal.meetings.add(
                Meeting(id="", partner_id=partners[i].id, title="M", start=start, actions=actions)
            )
            if trashed:
                journal.meetings.delete(meeting.id)
            else:
                live_meetings.append(meeting)
        live_requests: list[Request] = []
        for i, planned, trashed in plan.requests:
            request = journal.requests.add(replace(planned, partner_id=partners[i].id))
            if trashed:
                journal.requests.delete(request.id)
            else:
                live_requests.append(request)

        rows = {row.partner_id: row for row in journal.dashboard.glance(REVIEW_EDGE, TODAY)}

        for partner in partners:
            actions = [a for m in live_meetings if m.partner_id == partner.id for a in m.actions]
            assert rows[partner.id].debts == _debts(actions)
            due = [benefits_review_due_on(r) for r in live_requests if r.partner_id == partner.id]
            assert rows[partner.id].reviews_due == sum(1 for d in due if d and d <= TODAY)
            orders = [
                r
                for r in live_requests
                if r.partner_id == partner.id and REVIEW_EDGE <= r.received <= TODAY
            ]
            assert rows[partner.id].order_taking == sum(map(taken_as_order, orders))


def _debts(actions: list[Action]) -> ActionDebts:
    """The domain's rules, one follow-up at a time."""
    open_ones = [a for a in actions if a.is_open]
    ours = [a for a in open_ones if a.is_ours]
    theirs = [a for a in open_ones if not a.is_ours]
    return ActionDebts(
        ours_open=len(ours),
        ours_overdue=sum(1 for a in ours if a.is_overdue(TODAY)),
        theirs_open=len(theirs),
        theirs_overdue=sum(1 for a in theirs if a.is_overdue(TODAY)),
    )
