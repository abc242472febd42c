"""The partners list: who the BRM serves and where each relationship stands."""

from __future__ import annotations

from brm_desk.domain.enums import Maturity
from brm_desk.domain.records import Partner
from brm_desk.ui.models.table import Column, RecordTableModel


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


_MATURITY_RANK = {m: i for i, m in enumerate(Maturity)}


class PartnersModel(RecordTableModel):
    NAME, BUSINESS_UNIT, SPONSOR, MATURITY, TARGET, CADENCE, STATE = range(7)
    columns = (
        Column("Name", lambda p: p.name, lambda p: p.name.casefold()),
        Column("Business unit", lambda p: p.business_unit, lambda p: p.business_unit.casefold()),
        Column("Sponsor", lambda p: p.sponsor, lambda p: p.sponsor.casefold()),
        Column("Maturity", lambda p: p.maturity.label, lambda p: _MATURITY_RANK[p.maturity]),
        Column(
            "Target\nshare",
            lambda p: percent(p.target_strategic_share),
            lambda p: p.target_strategic_share,
            numeric=True,
        ),
        Column(
            "Touch\ncadence",
            lambda p: f"{p.touch_cadence_days} days",
            lambda p: p.touch_cadence_days,
            numeric=True,
        ),
        Column("State", lambda p: "Archived" if p.archived else "Active", lambda p: p.archived),
    )

    def partner_id(self, record: Partner) -> str:
        return record.id
