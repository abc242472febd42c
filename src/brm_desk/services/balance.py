"""The balance of SPEC §2 for one partner or all, computed by SQL aggregates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from brm_desk.domain.balance import PartnerBalance, assemble, default_period
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Meeting, Request
from brm_desk.store import meeting_rows, partner_rows, queries, request_rows
from brm_desk.store.database import Database


class Balances:
    """Where the time with each partner went: reactive, routine or strategic."""

    def __init__(self, database: Database, today: Callable[[], date]) -> None:
        self._db = database
        self._today = today

    def period(
        self, period_from: date | None = None, period_to: date | None = None
    ) -> tuple[date, date]:
        """The period asked for, with SPEC §5 defaults; an inverted period is refused."""
        start, end = default_period(self._today(), period_to, period_from)
        if start > end:
            raise ValidationError("from", f"{start} is after the end of the period ({end})")
        return start, end

    def for_partners(
        self,
        period_from: date | None = None,
        period_to: date | None = None,
        *,
        partner_ids: list[str] | None = None,
        include_archived: bool = False,
    ) -> list[PartnerBalance]:
        """Balances by partner name; archived partners only when asked for or named."""
        start, end = self.period(period_from, period_to)
        with self._db.snapshot() as tx:
            pks = None if partner_ids is None else queries.partner_pks_by_uid(tx, partner_ids)
            partners, partner_pks = queries.balance_partners(tx, end, pks, include_archived)
            months = queries.balance_months(
                tx, start, end, partner_pks if pks is not None else None
            )
        return [
            assemble(
                partner_id=p.id,
                name=p.name,
                period_from=start,
                period_to=end,
                target_strategic_share=p.target_strategic_share,
                touch_cadence_days=p.touch_cadence_days,
                last_strategic=p.last_strategic,
                months=months.get(pk, ()),
            )
            for p, pk in zip(partners, partner_pks, strict=True)
        ]

    def for_partner(
        self, partner_id: str, period_from: date | None = None, period_to: date | None = None
    ) -> PartnerBalance:
        with self._db.snapshot() as tx:
            partner_rows.get(tx, partner_id)
        return self.for_partners(period_from, period_to, partner_ids=[partner_id])[0]

    def engagements(
        self, partner_id: str, first: date, last: date
    ) -> tuple[list[Meeting], list[Request]]:
        """What the partner's balance counts from ``first`` to ``last``: its meetings dated
        then (in their own offset) and its requests received then, each earliest first."""
        with self._db.snapshot() as tx:
            return (
                meeting_rows.of_partner_between(tx, partner_id, first, last),
                request_rows.of_partner_between(tx, partner_id, first, last),
            )
