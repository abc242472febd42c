"""Pulses, between rows and records; and the facts of a quarter the health score reads.

Each aggregate here is the SQL of a rule in ``domain.health``, named in its docstring; a
test over generated journals holds the two equal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, cast, func, select
from sqlalchemy.orm import aliased

from brm_desk.domain.enums import Side
from brm_desk.domain.errors import NotFoundError
from brm_desk.domain.pulses import Pulse, Quarter
from brm_desk.store import rows
from brm_desk.store.database import Transaction
from brm_desk.store.schema import (
    ActionRow,
    ContactRow,
    MeetingRow,
    PartnerRow,
    PulseRow,
    RequestRow,
)

_Contact = aliased(ContactRow)
_SELECT = (
    select(
        *rows.table_of(PulseRow).c,
        PartnerRow.uid.label("partner_uid"),
        _Contact.uid.label("contact_uid"),
    )
    .join(PartnerRow, PartnerRow.id == PulseRow.partner_id)
    .outerjoin(_Contact, _Contact.id == PulseRow.answered_by_id)
)


def _values(tx: Transaction, pulse: Pulse) -> dict[str, object]:
    partner = rows.pk_of(tx, PartnerRow, pulse.partner_id, "partner")
    contact = (
        None
        if pulse.answered_by_id is None
        else rows.pk_of(tx, ContactRow, pulse.answered_by_id, "contact")
    )
    return rows.column_values(PulseRow, pulse, partner_id=partner, answered_by_id=contact)


def insert_many(tx: Transaction, pulses: Sequence[Pulse]) -> None:
    """New pulses in one statement (their partners and contacts must be in the journal)."""
    if pulses:
        tx.execute(rows.table_of(PulseRow).insert(), [_values(tx, p) for p in pulses])


def update_one(tx: Transaction, pulse: Pulse) -> None:
    pk = _pk(tx, pulse.id)
    tx.execute(rows.table_of(PulseRow).update().where(PulseRow.id == pk), _values(tx, pulse))


def _pk(tx: Transaction, uid: str) -> int:
    """The primary key of a pulse not in the trash."""
    return rows.pk_of(tx, PulseRow, uid, "pulse")


def _record(row: Any) -> Pulse:
    return Pulse(
        id=row.uid,
        partner_id=row.partner_uid,
        taken_on=row.taken_on,
        trust=row.trust,
        responsiveness=row.responsiveness,
        value_delivered=row.value_delivered,
        net_promoter=row.net_promoter,
        comment=row.comment,
        answered_by_id=row.contact_uid,
    )


def get(tx: Transaction, uid: str) -> Pulse:
    """A pulse not in the trash."""
    row = tx.execute(
        _SELECT.where(PulseRow.uid == uid, PulseRow.deleted_at.is_(None))
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"no pulse with id '{uid}' in this journal")
    return _record(row)


def listing(
    tx: Transaction, partner_id: str | None = None, since: date | None = None
) -> list[Pulse]:
    """Live pulses of live partners, latest first (of one partner, from a day on, when asked)."""
    statement = _SELECT.where(*rows.live(PulseRow))
    if partner_id is not None:
        statement = statement.where(PartnerRow.uid == partner_id)
    if since is not None:
        statement = statement.where(PulseRow.taken_on >= since)
    order = (PulseRow.taken_on.desc(), PulseRow.id.desc())
    return [_record(row) for row in tx.execute(statement.order_by(*order))]


def in_journal_order(tx: Transaction) -> list[Pulse]:
    """Every live pulse of a live partner in the order it entered the journal (for export)."""
    statement = _SELECT.where(*rows.live(PulseRow)).order_by(PulseRow.id)
    return [_record(row) for row in tx.execute(statement)]


def existing_uids(tx: Transaction, uids: Sequence[str]) -> set[str]:
    """Which of these pulse ids the journal holds (in the trash too)."""
    return set(rows.pk_map(tx, PulseRow, uids))


def _quarter_of(day: Any) -> tuple[ColumnElement[int], ColumnElement[int]]:
    """The SQL of ``Quarter.of(day)``: its year and its number 1–4."""
    month = cast(func.substr(day, 6, 2), Integer)
    return cast(func.substr(day, 1, 4), Integer), cast((month + 2) // 3, Integer)


def follow_ups(
    tx: Transaction, first: Quarter, today: date
) -> dict[tuple[str, Quarter], tuple[int, int, int]]:
    """Follow-ups of live meetings that count for a quarter from ``first`` on, by (partner
    uid, quarter): (how many, late ours, late theirs).

    The SQL of ``domain.health.is_late``: due in the quarter and before ``today``; late when
    not done by the due date.
    """
    late = ActionRow.done.is_(None) | (ActionRow.done > ActionRow.due)
    ours = ActionRow.side != Side.PARTNER.value
    year, number = _quarter_of(ActionRow.due)
    statement = (
        select(
            PartnerRow.uid,
            year,
            number,
            func.count(),
            func.sum(case((late & ours, 1), else_=0)),
            func.sum(case((late & ~ours, 1), else_=0)),
        )
        .select_from(ActionRow)
        .join(MeetingRow, MeetingRow.id == ActionRow.meeting_id)
        .join(PartnerRow, PartnerRow.id == MeetingRow.partner_id)
        .where(
            MeetingRow.deleted_at.is_(None),
            ActionRow.due >= first.start,
            ActionRow.due < today,
        )
        .group_by(PartnerRow.uid, year, number)
    )
    return {
        (uid, Quarter(int(y), int(q))): (int(n), int(ours_late), int(theirs_late))
        for uid, y, q, n, ours_late, theirs_late in tx.execute(statement)
    }


def benefits_reviewed(
    tx: Transaction, first: Quarter
) -> dict[tuple[str, Quarter], list[tuple[Decimal | None, Decimal | None]]]:
    """(expected, realised) amounts of the live requests whose benefits were reviewed from
    ``first`` on, by (partner uid, quarter of the review); the sums are done in Python, where
    money stays exact."""
    statement = (
        select(
            PartnerRow.uid,
            RequestRow.benefit_reviewed_on,
            RequestRow.expected_value_amount,
            RequestRow.realized_value_amount,
        )
        .join(PartnerRow, PartnerRow.id == RequestRow.partner_id)
        .where(RequestRow.deleted_at.is_(None), RequestRow.benefit_reviewed_on >= first.start)
    )
    found: dict[tuple[str, Quarter], list[tuple[Decimal | None, Decimal | None]]] = defaultdict(
        list
    )
    for uid, reviewed_on, expected, realized in tx.execute(statement):
        if reviewed_on is not None:  # the statement asks for a date; the type does not know
            found[(uid, Quarter.of(reviewed_on))].append((expected, realized))
    return found
