"""Every active partner at a glance (SPEC §3): balance, trend, drift, debts, waiting work,
and how often the BRM took an order instead of a business case.

The dashboard is the BRM's own screen, so private items count here like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from brm_desk.domain.assessments import assessment_due
from brm_desk.domain.balance import (
    PartnerBalance,
    drift_period,
    is_drifting,
    previous_period,
    share_trend,
)
from brm_desk.domain.health import QuarterHealth
from brm_desk.services.balance import Balances
from brm_desk.services.health import Health
from brm_desk.services.stakeholders import gaps_by_partner
from brm_desk.store import assessment_rows, dashboard_queries
from brm_desk.store.dashboard_queries import ActionDebts, WaitingRequests
from brm_desk.store.database import Database


@dataclass(frozen=True, slots=True)
class PartnerGlance:
    """One dashboard row: a partner's balance for the period and what needs doing."""

    balance: PartnerBalance
    previous_share: float | None
    drifting: bool
    debts: ActionDebts
    waiting: WaitingRequests
    reviews_due: int
    order_taking: int
    gaps: tuple[str, ...] = ()
    """What the stakeholder map says to do (private: the dashboard is the BRM's own)."""
    health: tuple[QuarterHealth, ...] = ()
    """The last quarters' health, oldest first (``domain.health``)."""
    last_assessed: date | None = None
    """The day of the latest maturity assessment (none: never assessed)."""
    assessment_due: bool = False
    """Not assessed in a year (``domain.assessments.assessment_due``)."""

    @property
    def partner_id(self) -> str:
        return self.balance.partner_id

    @property
    def name(self) -> str:
        return self.balance.name

    @property
    def trend(self) -> float | None:
        """Strategic share now minus the previous period's; none when either has none."""
        return share_trend(self.balance.strategic_share, self.previous_share)


class Dashboard:
    """Builds the dashboard rows in a handful of aggregate queries."""

    def __init__(self, database: Database, balances: Balances, today: Callable[[], date]) -> None:
        self._db = database
        self._balances = balances
        self._today = today
        self._health = Health(database, balances, today)

    def glance(self, period_from: date, period_to: date) -> list[PartnerGlance]:
        """Active partners by name for [period_from, period_to]; debts and reviews as of today."""
        today = self._today()
        current = self._balances.for_partners(period_from, period_to)
        previous = {
            b.partner_id: b.strategic_share
            for b in self._balances.for_partners(*previous_period(period_from, period_to))
        }
        drift = {
            b.partner_id: is_drifting(
                (m.tally.strategic_share for m in b.months), b.target_strategic_share
            )
            for b in self._balances.for_partners(*drift_period(today))
        }
        with self._db.snapshot() as tx:
            debts = dashboard_queries.action_debts(tx, today)
            waiting = dashboard_queries.waiting_requests(tx, today)
            reviews = dashboard_queries.benefit_reviews_due(tx, today)
            orders = dashboard_queries.order_taking(tx, period_from, period_to)
            gaps = gaps_by_partner(tx, today)
            assessed = assessment_rows.last_assessed(tx)
        health = self._health.trends()
        return [
            PartnerGlance(
                balance=balance,
                previous_share=previous.get(balance.partner_id),
                drifting=drift.get(balance.partner_id, False),
                debts=debts.get(balance.partner_id, ActionDebts()),
                waiting=waiting.get(balance.partner_id, WaitingRequests()),
                reviews_due=reviews.get(balance.partner_id, 0),
                order_taking=orders.get(balance.partner_id, 0),
                gaps=tuple(gap.text for gap in gaps.get(balance.partner_id, ())),
                health=tuple(health.get(balance.partner_id, ())),
                last_assessed=assessed.get(balance.partner_id),
                assessment_due=assessment_due(assessed.get(balance.partner_id), today),
            )
            for balance in current
        ]
