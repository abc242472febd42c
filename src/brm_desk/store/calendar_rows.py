"""Which calendar event each imported meeting came from, so a re-import never duplicates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update

from brm_desk.store.database import Transaction
from brm_desk.store.rows import chunked, pk_map, table_of
from brm_desk.store.schema import CalendarEventRow, MeetingRow


@dataclass(frozen=True, slots=True)
class ImportedEvent:
    """A meeting that came from a calendar event: its id, the import's fingerprint, trash state."""

    meeting_id: str
    fingerprint: str
    live: bool


def imported(tx: Transaction, event_keys: Iterable[str]) -> dict[str, ImportedEvent]:
    """The meetings already imported from the given events (those in the trash too)."""
    found: dict[str, ImportedEvent] = {}
    for chunk in chunked(list(dict.fromkeys(event_keys))):
        statement = (
            select(
                CalendarEventRow.event_key,
                MeetingRow.uid,
                CalendarEventRow.fingerprint,
                MeetingRow.deleted_at,
            )
            .join(MeetingRow, MeetingRow.id == CalendarEventRow.meeting_id)
            .where(CalendarEventRow.event_key.in_(chunk))
        )
        for key, uid, fingerprint, deleted_at in tx.execute(statement):
            found[key] = ImportedEvent(uid, fingerprint, deleted_at is None)
    return found


def remember(
    tx: Transaction, links: Sequence[tuple[str, str, str]], source_id: int | None = None
) -> None:
    """Record (event key, meeting id, fingerprint) for meetings just inserted, and the
    calendar source that keeps them current (None: a file import)."""
    if not links:
        return
    pks = pk_map(tx, MeetingRow, (meeting_id for _key, meeting_id, _print in links))
    tx.execute(
        insert(table_of(CalendarEventRow)),
        [
            {
                "event_key": key,
                "meeting_id": pks[meeting_id],
                "fingerprint": fingerprint,
                "source_id": source_id,
            }
            for key, meeting_id, fingerprint in links
        ],
    )


@dataclass(frozen=True, slots=True)
class FollowedEvent:
    """An event a calendar source keeps current: its meeting's title and start, and its flag."""

    title: str
    start: str
    start_utc: str
    flag: str | None


def of_source(tx: Transaction, source_id: int) -> dict[str, FollowedEvent]:
    """The events a source keeps current, by key (meetings in the trash too)."""
    statement = (
        select(
            CalendarEventRow.event_key,
            MeetingRow.title,
            MeetingRow.start,
            MeetingRow.start_utc,
            CalendarEventRow.flag,
        )
        .join(MeetingRow, MeetingRow.id == CalendarEventRow.meeting_id)
        .where(CalendarEventRow.source_id == source_id)
    )
    return {
        key: FollowedEvent(title, start, start_utc, flag)
        for key, title, start, start_utc, flag in tx.execute(statement)
    }


def follow(tx: Transaction, source_id: int, event_keys: Iterable[str]) -> None:
    """These events (imported from a file, or by another source) are now kept by this one."""
    for chunk in chunked(list(event_keys)):
        tx.execute(
            update(CalendarEventRow)
            .where(CalendarEventRow.event_key.in_(chunk))
            .values(source_id=source_id)
        )


def set_flag(tx: Transaction, event_keys: Iterable[str], flag: str | None) -> None:
    """Flag events 'cancelled' or 'deleted' (None: the calendar holds them again)."""
    for chunk in chunked(list(event_keys)):
        tx.execute(
            update(CalendarEventRow).where(CalendarEventRow.event_key.in_(chunk)).values(flag=flag)
        )


def refresh_fingerprint(tx: Transaction, event_key: str, fingerprint: str) -> None:
    """After an update from the calendar: the meeting as the import wrote it now."""
    tx.execute(
        update(CalendarEventRow)
        .where(CalendarEventRow.event_key == event_key)
        .values(fingerprint=fingerprint)
    )


def forget(tx: Transaction, event_keys: Iterable[str]) -> None:
    """Drop the links of these events (an undone import takes its meetings away)."""
    for chunk in chunked(list(event_keys)):
        tx.execute(delete(CalendarEventRow).where(CalendarEventRow.event_key.in_(chunk)))
