"""The calendar inbox's events (waiting or ignored) and the filing rules learned from the BRM."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, insert, select, update

from brm_desk.domain.calendar_inbox import FilingRule
from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.store.database import Transaction
from brm_desk.store.rows import chunked, pk_map, start_columns, table_of
from brm_desk.store.schema import FilingRuleRow, InboxEventRow, PartnerRow


@dataclass(frozen=True, slots=True)
class InboxEvent:
    """An event as the inbox keeps it (``id`` 0: not stored yet)."""

    event_key: str
    source_id: int | None
    title: str
    start: datetime
    duration_minutes: int
    location: str = ""
    description: str = ""
    emails: tuple[str, ...] = ()
    recurring: bool = False
    ignored: bool = False
    id: int = 0

    def same_event(self, other: InboxEvent) -> bool:
        """Whether the calendar says the same of both (source, id and ignoring aside)."""
        mine = dataclasses.replace(self, source_id=None, ignored=False, id=0)
        return mine == dataclasses.replace(other, source_id=None, ignored=False, id=0)


_COLUMNS = (
    InboxEventRow.event_key,
    InboxEventRow.source_id,
    InboxEventRow.title,
    InboxEventRow.start,
    InboxEventRow.duration_minutes,
    InboxEventRow.location,
    InboxEventRow.description,
    InboxEventRow.emails,
    InboxEventRow.recurring,
    InboxEventRow.ignored,
    InboxEventRow.id,
)


def _event(row: Sequence[object]) -> InboxEvent:
    key, source, title, start, minutes, location, notes, emails, recurring, ignored, pk = row
    return InboxEvent(
        str(key),
        source if isinstance(source, int) else None,
        str(title),
        datetime.fromisoformat(str(start)),
        int(str(minutes)),
        str(location),
        str(notes),
        tuple(str(emails).split("\n")) if emails else (),
        bool(recurring),
        bool(ignored),
        int(str(pk)),
    )


def _values(event: InboxEvent) -> dict[str, object]:
    columns = start_columns(event.start)
    return {
        "event_key": event.event_key,
        "source_id": event.source_id,
        "title": event.title,
        "start": columns["start"],
        "start_utc": columns["start_utc"],
        "duration_minutes": event.duration_minutes,
        "location": event.location,
        "description": event.description,
        "emails": "\n".join(event.emails),
        "recurring": event.recurring,
        "ignored": event.ignored,
    }


def held(tx: Transaction, event_keys: Iterable[str]) -> dict[str, InboxEvent]:
    """The inbox's events (waiting or ignored) among these keys."""
    found: dict[str, InboxEvent] = {}
    for chunk in chunked(list(dict.fromkeys(event_keys))):
        statement = select(*_COLUMNS).where(InboxEventRow.event_key.in_(chunk))
        found.update((event.event_key, event) for event in map(_event, tx.execute(statement)))
    return found


def waiting(tx: Transaction, ids: Iterable[int] | None = None) -> list[InboxEvent]:
    """The events waiting (all, or those of ``ids``), by start."""
    statement = select(*_COLUMNS).where(InboxEventRow.ignored.is_(False))
    if ids is not None:
        statement = statement.where(InboxEventRow.id.in_(list(ids)))
    statement = statement.order_by(InboxEventRow.start_utc, InboxEventRow.title)
    return [_event(row) for row in tx.execute(statement)]


def waiting_count(tx: Transaction) -> int:
    statement = select(func.count()).where(InboxEventRow.ignored.is_(False))
    return int(tx.execute(statement.select_from(InboxEventRow)).scalar_one())


def waiting_of_source(tx: Transaction, source_id: int) -> dict[str, str]:
    """The events of a source that wait: key → start in UTC."""
    statement = select(InboxEventRow.event_key, InboxEventRow.start_utc).where(
        InboxEventRow.source_id == source_id, InboxEventRow.ignored.is_(False)
    )
    return {str(key): str(start) for key, start in tx.execute(statement)}


def put(tx: Transaction, events: Sequence[InboxEvent]) -> None:
    """Store events anew, or over those of the same key (an event the calendar changed)."""
    drop(tx, [event.event_key for event in events])
    for chunk in chunked(list(events)):
        tx.execute(insert(table_of(InboxEventRow)), [_values(event) for event in chunk])


def drop(tx: Transaction, event_keys: Iterable[str]) -> None:
    """Take events out of the inbox (filed, or gone from the calendar)."""
    for chunk in chunked(list(event_keys)):
        tx.execute(delete(InboxEventRow).where(InboxEventRow.event_key.in_(chunk)))


def set_ignored(tx: Transaction, event_keys: Iterable[str], ignored: bool) -> None:
    for chunk in chunked(list(event_keys)):
        tx.execute(
            update(InboxEventRow).where(InboxEventRow.event_key.in_(chunk)).values(ignored=ignored)
        )


def forget_source(tx: Transaction, source_id: int) -> None:
    """A source removed: its waiting events leave; its ignored ones stay ignored (by key)."""
    of_source = InboxEventRow.source_id == source_id
    tx.execute(delete(InboxEventRow).where(of_source, InboxEventRow.ignored.is_(False)))
    tx.execute(update(InboxEventRow).where(of_source).values(source_id=None))


def rules(tx: Transaction) -> dict[str, FilingRule]:
    """Every rule learned, by title key (a rule whose partner is in the trash counts not)."""
    statement = (
        select(FilingRuleRow.title_key, PartnerRow.uid, FilingRuleRow.type, FilingRuleRow.focus)
        .join(PartnerRow, PartnerRow.id == FilingRuleRow.partner_id)
        .where(PartnerRow.deleted_at.is_(None))
    )
    return {
        key: FilingRule(key, partner, MeetingType(kind), Focus(focus))
        for key, partner, kind, focus in tx.execute(statement)
    }


def keep_rules(tx: Transaction, kept: Sequence[FilingRule], forgotten: Iterable[str] = ()) -> None:
    """Learn ``kept`` (each over any rule of its key), and forget the ``forgotten`` keys."""
    keys = [rule.key for rule in kept]
    for chunk in chunked([*keys, *forgotten]):
        tx.execute(delete(FilingRuleRow).where(FilingRuleRow.title_key.in_(chunk)))
    if not kept:
        return
    pks = pk_map(tx, PartnerRow, {rule.partner_id for rule in kept})
    tx.execute(
        insert(table_of(FilingRuleRow)),
        [
            {
                "title_key": rule.key,
                "partner_id": pks[rule.partner_id],
                "type": rule.type.value,
                "focus": rule.focus.value,
            }
            for rule in kept
        ],
    )
