"""Pulses (the partner's quarterly view) and the health score built on them.

The score itself is ``domain.health``; this module gathers each quarter's facts from the
journal: the pulses, the balance's strategic share, follow-ups that fell due and benefits
reviewed. The BRM's own view, so private meetings and requests count like any other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

from brm_desk.domain.balance import FocusTally
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.health import TREND_QUARTERS, QuarterFacts, QuarterHealth, quarter_health
from brm_desk.domain.pulses import Pulse, Quarter, check_pulse, quarters_to
from brm_desk.domain.records import new_id
from brm_desk.services.balance import Balances
from brm_desk.store import contact_rows, pulse_rows, trash_rows
from brm_desk.store.database import Database, Transaction

HealthTrend = list[QuarterHealth]
"""A partner's health quarter by quarter, oldest first."""


class Pulses:
    """The pulses of a journal; each call is one transaction."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def add(self, pulse: Pulse) -> Pulse:
        """Store a new pulse (with a fresh id unless it brings one) and read it back."""
        return self.add_many([replace(pulse, id=pulse.id or new_id())])[0]

    def add_many(self, pulses: list[Pulse]) -> list[Pulse]:
        """Store several pulses at once: all of them, or none when one is refused."""
        checked = [check_pulse(replace(p, id=p.id or new_id())) for p in pulses]
        with self._db.transaction() as tx:
            for pulse in checked:
                _check_contact(tx, pulse)
            pulse_rows.insert_many(tx, checked)
            return [pulse_rows.get(tx, p.id) for p in checked]

    def update(self, pulse: Pulse) -> Pulse:
        pulse = check_pulse(pulse)
        with self._db.transaction() as tx:
            _check_contact(tx, pulse)
            pulse_rows.update_one(tx, pulse)
            return pulse_rows.get(tx, pulse.id)

    def delete(self, pulse_id: str) -> str:
        """Move a pulse to the trash; returns its trash batch (restoring it brings it back)."""
        with self._db.transaction() as tx:
            return trash_rows.soft_delete(tx, "pulse", pulse_id)

    def delete_many(self, pulse_ids: list[str]) -> None:
        """Remove several pulses for good, all or none (an import taken back: they never
        were the BRM's to keep, so no trash entry)."""
        with self._db.transaction() as tx:
            for pulse_id in pulse_ids:
                trash_rows.purge(tx, trash_rows.soft_delete(tx, "pulse", pulse_id))

    def get(self, pulse_id: str) -> Pulse:
        with self._db.snapshot() as tx:
            return pulse_rows.get(tx, pulse_id)

    def listing(self, partner_id: str | None = None) -> list[Pulse]:
        """Pulses, latest first: of one partner, or of every live partner."""
        with self._db.snapshot() as tx:
            return pulse_rows.listing(tx, partner_id)


def _check_contact(tx: Transaction, pulse: Pulse) -> None:
    """Who answered, when named, is one of the partner's own contacts."""
    if pulse.answered_by_id is None:
        return
    contact = contact_rows.get(tx, pulse.answered_by_id)
    if contact.partner_id != pulse.partner_id:
        raise ValidationError("answered_by", f"{contact.name} is a contact of another partner")


class Health:
    """Each partner's health, quarter by quarter."""

    def __init__(self, database: Database, balances: Balances, today: Callable[[], date]) -> None:
        self._db = database
        self._balances = balances
        self._today = today

    def trends(
        self,
        partner_ids: list[str] | None = None,
        count: int = TREND_QUARTERS,
        last: Quarter | None = None,
    ) -> dict[str, HealthTrend]:
        """``count`` quarters up to ``last`` (default: the current one) of every active
        partner, or of the partners named, by partner id."""
        today = self._today()
        quarters = quarters_to(last or Quarter.of(today), count)
        first = quarters[0]
        balances = self._balances.for_partners(
            first.start, quarters[-1].end, partner_ids=partner_ids
        )
        with self._db.snapshot() as tx:
            follow_ups = pulse_rows.follow_ups(tx, first, today)
            reviewed = pulse_rows.benefits_reviewed(tx, first)
            pulses: dict[tuple[str, Quarter], list[Pulse]] = defaultdict(list)
            for pulse in pulse_rows.listing(tx, since=first.start):
                pulses[(pulse.partner_id, pulse.quarter)].insert(0, pulse)
        trends: dict[str, HealthTrend] = {}
        for balance in balances:
            tallies: dict[Quarter, FocusTally] = defaultdict(FocusTally)
            for month in balance.months:
                tallies[Quarter.of(month.month)] += month.tally
            trends[balance.partner_id] = [
                quarter_health(
                    _facts(
                        quarter,
                        tallies[quarter],
                        balance.target_strategic_share,
                        tuple(pulses.get((balance.partner_id, quarter), ())),
                        follow_ups.get((balance.partner_id, quarter), (0, 0, 0)),
                        reviewed.get((balance.partner_id, quarter), []),
                    )
                )
                for quarter in quarters
            ]
        return trends

    def trend(
        self, partner_id: str, count: int = TREND_QUARTERS, last: Quarter | None = None
    ) -> HealthTrend:
        """One partner's ``count`` quarters up to ``last`` (archived partners too)."""
        return self.trends([partner_id], count, last).get(partner_id, [])


def _facts(
    quarter: Quarter,
    tally: FocusTally,
    target: float,
    pulses: tuple[Pulse, ...],
    follow_ups: tuple[int, int, int],
    reviewed: list[tuple[Decimal | None, Decimal | None]],
) -> QuarterFacts:
    """A quarter's facts; a benefits review counts when both its amounts are known."""
    amounts = [(e, r) for e, r in reviewed if e is not None and r is not None]
    return QuarterFacts(
        quarter=quarter,
        pulses=pulses,
        strategic_share=tally.strategic_share,
        target_strategic_share=target,
        follow_ups_due=follow_ups[0],
        follow_ups_late_ours=follow_ups[1],
        follow_ups_late_theirs=follow_ups[2],
        expected_value=sum((e for e, _ in amounts), Decimal(0)),
        realized_value=sum((r for _, r in amounts), Decimal(0)),
        benefits_reviewed=len(amounts),
    )
