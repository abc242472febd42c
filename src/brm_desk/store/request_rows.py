"""Requests with their linked meetings, between rows and records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import aliased

from brm_desk.domain.enums import Focus, RequestStatus
from brm_desk.domain.records import Request
from brm_desk.store import rows
from brm_desk.store.database import Transaction
from brm_desk.store.schema import ContactRow, MeetingRow, PartnerRow, RequestMeetingRow, RequestRow
from brm_desk.store.search_index import indexing_in_bulk

_Reframed = aliased(RequestRow)
_SELECT = (
    select(
        *rows.table_of(RequestRow).c,
        PartnerRow.uid.label("partner_uid"),
        ContactRow.uid.label("raised_by_uid"),
        _Reframed.uid.label("reframed_as_uid"),
    )
    .join(PartnerRow, PartnerRow.id == RequestRow.partner_id)
    .outerjoin(
        ContactRow, (ContactRow.id == RequestRow.raised_by_id) & ContactRow.deleted_at.is_(None)
    )
    .outerjoin(
        _Reframed, (_Reframed.id == RequestRow.reframed_as_id) & _Reframed.deleted_at.is_(None)
    )
)
_MEETING_LINK = (
    RequestMeetingRow.request_id,
    RequestMeetingRow.meeting_id,
    RequestMeetingRow.position,
    MeetingRow,
)
"""The meeting link table's columns (request, meeting, position) and what it links to."""


def _values(request: Request, **pks: int | None) -> dict[str, object]:
    return rows.column_values(RequestRow, request, tags=rows.tags_text(request.tags), **pks)


def insert_many(tx: Transaction, requests: Sequence[Request]) -> None:
    """Insert requests; ``reframed_as`` may point to another request of the same batch."""
    if not requests:
        return
    partners = rows.pk_map(tx, PartnerRow, (r.partner_id for r in requests))
    contacts = rows.pk_map(tx, ContactRow, (r.raised_by_id for r in requests if r.raised_by_id))
    with indexing_in_bulk(tx, "request", len(requests)):
        rows.insert_records(
            tx,
            RequestRow,
            (
                _values(
                    r,
                    partner_id=partners[r.partner_id],
                    raised_by_id=contacts[r.raised_by_id] if r.raised_by_id else None,
                    reframed_as_id=None,
                )
                for r in requests
            ),
        )
    pks = rows.pk_map(
        tx,
        RequestRow,
        [r.id for r in requests] + [r.reframed_as_id for r in requests if r.reframed_as_id],
    )
    links = [
        {"row_id": pks[r.id], "target": pks[r.reframed_as_id]} for r in requests if r.reframed_as_id
    ]
    if links:
        table = rows.table_of(RequestRow)  # Core: the links go as one executemany
        tx.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(reframed_as_id=bindparam("target")),
            links,
        )
    _insert_meeting_links(tx, [(pks[r.id], r) for r in requests])


def _insert_meeting_links(tx: Transaction, requests: Sequence[tuple[int, Request]]) -> None:
    rows.insert_links(tx, *_MEETING_LINK, [(pk, r.meeting_ids) for pk, r in requests])


def update_one(tx: Transaction, request: Request) -> None:
    values = _values(
        request,
        partner_id=rows.pk_of(tx, PartnerRow, request.partner_id, "partner"),
        raised_by_id=(
            rows.pk_of(tx, ContactRow, request.raised_by_id, "contact")
            if request.raised_by_id
            else None
        ),
        reframed_as_id=(
            rows.pk_of(tx, RequestRow, request.reframed_as_id, "request")
            if request.reframed_as_id
            else None
        ),
    )
    pk = rows.update_record(tx, RequestRow, request.id, "request", values)
    tx.execute(delete(RequestMeetingRow).where(RequestMeetingRow.request_id == pk))
    _insert_meeting_links(tx, [(pk, request)])


def _meeting_links(tx: Transaction, pks: Sequence[int] | None) -> dict[int, list[str]]:
    return rows.linked_uids(tx, *_MEETING_LINK, pks)


def _records(tx: Transaction, statement: Any, *, everything: bool = False) -> list[Request]:
    selected = tx.execute(statement).all()
    links = _meeting_links(tx, None if everything else [row.id for row in selected])
    return [
        Request(
            id=row.uid,
            partner_id=row.partner_uid,
            title=row.title,
            received=row.received,
            raised_by_id=row.raised_by_uid,
            focus=Focus(row.focus),
            want=row.want,
            need=row.need,
            value=row.value,
            urgency=row.urgency,
            status=RequestStatus(row.status),
            routed_to=row.routed_to,
            delivered_on=row.delivered_on,
            revisit_on=row.revisit_on,
            reframed_as_id=row.reframed_as_uid,
            outcome_note=row.outcome_note,
            expected_benefit=row.expected_benefit,
            expected_value_amount=row.expected_value_amount,
            realized_value_amount=row.realized_value_amount,
            benefit_reviewed_on=row.benefit_reviewed_on,
            meeting_ids=tuple(links.get(row.id, ())),
            notes=row.notes,
            private_notes=row.private_notes,
            private=bool(row.private),
            tags=rows.tags_tuple(row.tags),
        )
        for row in selected
    ]


def get(tx: Transaction, uid: str) -> Request:
    found = _records(tx, _SELECT.where(RequestRow.uid == uid, RequestRow.deleted_at.is_(None)))
    return rows.one_found(found, "request", uid)


def _live() -> Any:
    return _SELECT.where(*rows.live(RequestRow))


def of_partner(tx: Transaction, partner_id: str) -> list[Request]:
    """A partner's rows.live requests, latest first."""
    statement = _live().where(PartnerRow.uid == partner_id)
    return _records(tx, statement.order_by(RequestRow.received.desc(), RequestRow.id.desc()))


def delivered(tx: Transaction) -> list[Request]:
    """The live requests delivered and not yet reviewed (the benefits reviews that may be due)."""
    statement = _live().where(RequestRow.status == RequestStatus.DELIVERED.value)
    return _records(tx, statement.order_by(RequestRow.delivered_on, RequestRow.id))


def raised_by(tx: Transaction, contact_id: str) -> list[Request]:
    """The live requests the contact raised, latest first."""
    statement = _live().where(ContactRow.uid == contact_id)
    return _records(tx, statement.order_by(RequestRow.received.desc(), RequestRow.id.desc()))


def of_partner_between(tx: Transaction, partner_id: str, first: date, last: date) -> list[Request]:
    """A partner's live requests received from ``first`` to ``last``, earliest first."""
    statement = _live().where(
        PartnerRow.uid == partner_id, RequestRow.received.between(first, last)
    )
    return _records(tx, statement.order_by(RequestRow.received, RequestRow.id))


def routing_targets(tx: Transaction) -> list[str]:
    """The ``routed_to`` of live requests, each once, the most used first."""
    statement = (
        select(RequestRow.routed_to)
        .where(RequestRow.deleted_at.is_(None), RequestRow.routed_to != "")
        .group_by(RequestRow.routed_to)
        .order_by(func.count().desc(), RequestRow.routed_to)
    )
    return list(tx.execute(statement).scalars())


def in_journal_order(tx: Transaction) -> list[Request]:
    """Every rows.live request of a rows.live partner, in the order it entered the journal."""
    return _records(tx, _live().order_by(RequestRow.id), everything=True)


def count(tx: Transaction) -> int:
    """Live requests of rows.live partners."""
    return rows.count_live(tx, RequestRow)
