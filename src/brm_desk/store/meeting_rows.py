"""Meetings with their attendees and actions, between rows and records."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select

from brm_desk.domain.enums import Focus, MeetingType, Side
from brm_desk.domain.records import Action, Meeting
from brm_desk.store import rows
from brm_desk.store.database import Transaction
from brm_desk.store.schema import ActionRow, ContactRow, MeetingAttendeeRow, MeetingRow, PartnerRow
from brm_desk.store.search_index import indexing_in_bulk

_SELECT = select(*rows.table_of(MeetingRow).c, PartnerRow.uid.label("partner_uid")).join(
    PartnerRow, PartnerRow.id == MeetingRow.partner_id
)
_ATTENDEE_LINK = (
    MeetingAttendeeRow.meeting_id,
    MeetingAttendeeRow.contact_id,
    MeetingAttendeeRow.position,
    ContactRow,
)
"""The attendee link table's columns (meeting, contact, position) and what it links to."""


def _values(meeting: Meeting, partner_pk: int) -> dict[str, object]:
    return rows.column_values(
        MeetingRow,
        meeting,
        **rows.start_columns(meeting.start),
        tags=rows.tags_text(meeting.tags),
        partner_id=partner_pk,
    )


def insert_many(tx: Transaction, meetings: Sequence[Meeting]) -> None:
    if not meetings:
        return
    partners = rows.pk_map(tx, PartnerRow, (m.partner_id for m in meetings))
    with indexing_in_bulk(tx, "meeting", len(meetings)):
        for batch in rows.chunked(meetings, rows.CHUNK * 4):
            rows.insert_records(tx, MeetingRow, (_values(m, partners[m.partner_id]) for m in batch))
            pks = rows.pk_map(tx, MeetingRow, (m.id for m in batch))
            _insert_children(tx, [(pks[m.id], m) for m in batch])


def _insert_children(tx: Transaction, meetings: Sequence[tuple[int, Meeting]]) -> None:
    attendees = [(pk, meeting.attendee_ids) for pk, meeting in meetings]
    rows.insert_links(tx, *_ATTENDEE_LINK, attendees)
    actions = [
        {
            "meeting_id": pk,
            "position": i,
            "text": a.text,
            "side": a.side.value,
            "owner": a.owner,
            "due": a.due,
            "done": a.done,
        }
        for pk, meeting in meetings
        for i, a in enumerate(meeting.actions)
    ]
    if actions:
        tx.execute(insert(rows.table_of(ActionRow)), actions)


def update_one(tx: Transaction, meeting: Meeting) -> None:
    values = _values(meeting, rows.pk_of(tx, PartnerRow, meeting.partner_id, "partner"))
    pk = rows.update_record(tx, MeetingRow, meeting.id, "meeting", values)
    tx.execute(delete(MeetingAttendeeRow).where(MeetingAttendeeRow.meeting_id == pk))
    tx.execute(delete(ActionRow).where(ActionRow.meeting_id == pk))
    _insert_children(tx, [(pk, meeting)])


def _children(
    tx: Transaction, pks: Sequence[int] | None
) -> tuple[dict[int, list[str]], dict[int, list[Action]]]:
    """Attendee ids and actions of the given meetings (of all meetings when ``pks`` is None)."""
    attendees = rows.linked_uids(tx, *_ATTENDEE_LINK, pks)
    actions: dict[int, list[Action]] = defaultdict(list)
    what = select(
        ActionRow.meeting_id,
        ActionRow.text,
        ActionRow.side,
        ActionRow.owner,
        ActionRow.due,
        ActionRow.done,
    ).order_by(ActionRow.meeting_id, ActionRow.position)
    for meeting_pk, text, side, owner, due, done in rows.for_parents(
        tx, what, ActionRow.meeting_id, pks
    ):
        actions[meeting_pk].append(Action(text, Side(side), owner, due, done))
    return attendees, actions


def _records(tx: Transaction, statement: Any, *, everything: bool = False) -> list[Meeting]:
    selected = tx.execute(statement).all()
    attendees, actions = _children(tx, None if everything else [row.id for row in selected])
    return [
        Meeting(
            id=row.uid,
            partner_id=row.partner_uid,
            title=row.title,
            start=datetime.fromisoformat(row.start),
            duration_minutes=row.duration_minutes,
            type=MeetingType(row.type),
            focus=Focus(row.focus),
            location=row.location,
            attendee_ids=tuple(attendees.get(row.id, ())),
            notes=row.notes,
            private_notes=row.private_notes,
            private=bool(row.private),
            tags=rows.tags_tuple(row.tags),
            satisfaction=row.satisfaction,
            actions=tuple(actions.get(row.id, ())),
        )
        for row in selected
    ]


def get(tx: Transaction, uid: str) -> Meeting:
    found = _records(tx, _SELECT.where(MeetingRow.uid == uid, MeetingRow.deleted_at.is_(None)))
    return rows.one_found(found, "meeting", uid)


def live_by_id(tx: Transaction, uids: Sequence[str]) -> dict[str, Meeting]:
    """The rows.live meetings among the given ids, a chunk of ids per query."""
    found: dict[str, Meeting] = {}
    for chunk in rows.chunked(uids):
        statement = _SELECT.where(MeetingRow.uid.in_(chunk), MeetingRow.deleted_at.is_(None))
        found.update((meeting.id, meeting) for meeting in _records(tx, statement))
    return found


def _live() -> Any:
    return _SELECT.where(*rows.live(MeetingRow))


def of_partner(
    tx: Transaction, partner_id: str, limit: int | None = None, *, since: date | None = None
) -> list[Meeting]:
    """A partner's rows.live meetings (those on or after ``since``, local date), latest first."""
    statement = _live().where(PartnerRow.uid == partner_id).order_by(MeetingRow.start_utc.desc())
    if since is not None:
        statement = statement.where(MeetingRow.local_date >= since)
    return _records(tx, statement.limit(limit) if limit else statement)


def starting(tx: Transaction, since: datetime, until: datetime) -> list[Meeting]:
    """The live meetings starting from ``since`` to ``until`` (aware), earliest first."""
    first, last = (rows.start_columns(moment)["start_utc"] for moment in (since, until))
    statement = _live().where(MeetingRow.start_utc.between(first, last))
    return _records(tx, statement.order_by(MeetingRow.start_utc, MeetingRow.id))


def attended_by(tx: Transaction, contact_id: str) -> list[Meeting]:
    """The live meetings the contact attended, latest first."""
    statement = (
        _live()
        .join(MeetingAttendeeRow, MeetingAttendeeRow.meeting_id == MeetingRow.id)
        .join(ContactRow, ContactRow.id == MeetingAttendeeRow.contact_id)
        .where(ContactRow.uid == contact_id)
        .order_by(MeetingRow.start_utc.desc())
    )
    return _records(tx, statement)


def of_partner_between(tx: Transaction, partner_id: str, first: date, last: date) -> list[Meeting]:
    """A partner's rows.live meetings dated (local date) from ``first`` to ``last``, earliest
    first (of two at the same moment, the one entered first)."""
    statement = (
        _live()
        .where(PartnerRow.uid == partner_id, MeetingRow.local_date.between(first, last))
        .order_by(MeetingRow.start_utc, MeetingRow.id)
    )
    return _records(tx, statement)


def in_journal_order(tx: Transaction) -> list[Meeting]:
    """Every rows.live meeting of a rows.live partner, in the order it entered the journal."""
    return _records(tx, _live().order_by(MeetingRow.id), everything=True)


def count(tx: Transaction) -> int:
    """Live meetings of rows.live partners."""
    return rows.count_live(tx, MeetingRow)
