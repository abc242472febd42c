"""The calendar inbox: new events wait here until the BRM files them as meetings or ignores them.

A sync puts each new event of a source here (:func:`take_in`), never straight into the balance;
an event that changes while it waits is updated, one the calendar cancels or drops leaves (it
has nothing of the BRM's yet). Guesses are made when the inbox is read (rules of
:mod:`brm_desk.domain.calendar_inbox`), so a contact or rule added since counts at once.
Filing makes each event a meeting linked to its calendar event (later changes follow it, as
for any synced meeting) and teaches a rule for its title. An ignored event stays, marked,
and never returns, even when the calendar changes it: a personal appointment stays personal.
Filing and ignoring can be undone (:func:`unfile`, :func:`unignore`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from brm_desk.domain.calendar_inbox import (
    ATTENDEES,
    LEARNED,
    SOURCE,
    TITLE,
    FilingRule,
    InboxItem,
    guessed_focus,
    partner_named,
    title_key,
)
from brm_desk.domain.calendar_sources import FEED, CalendarSource
from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.errors import NotFoundError, ValidationError
from brm_desk.domain.records import new_id
from brm_desk.services.interchange.ics_events import CalendarEvent
from brm_desk.services.interchange.ics_import import (
    contacts_by_partner,
    event_meeting,
    fingerprint,
    guess_partners,
)
from brm_desk.services.interchange.ics_meeting_type import guess_meeting_type
from brm_desk.services.journal import Journal
from brm_desk.store import (
    calendar_rows,
    calendar_source_rows,
    inbox_rows,
    meeting_rows,
    partner_rows,
    trash_rows,
)
from brm_desk.store.database import Transaction
from brm_desk.store.inbox_rows import InboxEvent
from brm_desk.store.rows import start_columns

INBOX = "calendar inbox"


@dataclass
class TakenIn:
    """What a sync did to the inbox: events new to it, changed in it, gone from it."""

    new: int = 0
    changed: int = 0
    gone: int = 0


@dataclass(frozen=True, slots=True)
class Filing:
    """File the waiting event ``event_key`` as a meeting of this partner, type and focus."""

    event_key: str
    partner_id: str
    type: MeetingType
    focus: Focus


@dataclass
class Filed:
    """What a filing did, to undo it: the events as they waited, the meetings made, and the
    rules their titles had before (None: none)."""

    events: list[InboxEvent] = field(default_factory=list)
    meeting_ids: list[str] = field(default_factory=list)
    rules_before: dict[str, FilingRule | None] = field(default_factory=dict)


def waiting(journal: Journal) -> list[InboxItem]:
    """Every event that waits, by start, each with its guess."""
    with journal.database.snapshot() as tx:
        return _guessed(tx, inbox_rows.waiting(tx))


def waiting_count(journal: Journal) -> int:
    """How many events wait in the inbox (the sidebar's and the Today view's count)."""
    with journal.database.snapshot() as tx:
        return inbox_rows.waiting_count(tx)


def _guessed(tx: Transaction, events: Sequence[InboxEvent]) -> list[InboxItem]:
    rules = inbox_rows.rules(tx)
    calendars = {source.id: source for source in calendar_source_rows.listing(tx)}
    names = {p.id: p.name for p in partner_rows.listing(tx)}
    by_attendees = guess_partners(tx, [_calendar_event(event) for event in events])
    items = []
    for event in events:
        calendar = calendars.get(event.source_id or 0)
        kind = guess_meeting_type(event.title)
        focus = guessed_focus(kind, event.recurring)
        partner, origin = by_attendees[event.event_key], ATTENDEES
        if (rule := rules.get(title_key(event.title))) is not None:
            partner, origin, kind, focus = rule.partner_id, LEARNED, rule.type, rule.focus
        elif partner is None and (default := calendar.partner_id if calendar else None):
            partner, origin = default, SOURCE
        elif partner is None:
            partner, origin = partner_named(event.title, names), TITLE
        items.append(
            InboxItem(
                event.id,
                event.event_key,
                event.source_id,
                calendar.short_label if calendar else "",
                event.title,
                event.start,
                event.duration_minutes,
                event.location,
                event.emails,
                event.recurring,
                partner if partner in names else None,
                names.get(partner or "", ""),
                origin if partner in names else "",
                kind,
                focus,
            )
        )
    return items


def _calendar_event(event: InboxEvent) -> CalendarEvent:
    """The event again as the calendar gave it (the meeting it becomes is made from it)."""
    key = event.event_key
    return CalendarEvent(key, key.split("#")[0], event.title, event.start,
                         event.duration_minutes, event.location, event.description,
                         event.emails, None)  # fmt: skip


def take_in(
    tx: Transaction,
    source: CalendarSource,
    events: Sequence[CalendarEvent],
    cancelled: Iterable[str],
    first_utc: str,
) -> TakenIn:
    """Within a sync's transaction: the source's events not yet meetings wait (new ones added,
    changed ones updated, ignored ones left ignored); those it cancelled or no longer holds
    leave, unless they start before the window a feed publishes (``first_utc``)."""
    taken = TakenIn()
    incoming = [
        InboxEvent(
            e.key,
            source.id,
            e.title,
            e.start,
            e.duration_minutes,
            e.location,
            e.description,
            e.emails,
            recurring=e.key != e.uid,
        )
        for e in events
    ]
    held = inbox_rows.held(tx, (event.event_key for event in incoming))
    fresh = []
    for event in incoming:
        was = held.get(event.event_key)
        if was is None:
            taken.new += 1
        elif was.ignored or (was.same_event(event) and was.source_id == source.id):
            continue
        elif not was.same_event(event):
            taken.changed += 1
        fresh.append(event)
    inbox_rows.put(tx, fresh)
    still = {event.event_key for event in incoming}
    ended = set(cancelled)
    gone = [
        key
        for key, start_utc in inbox_rows.waiting_of_source(tx, source.id).items()
        if key in ended or (key not in still and (source.kind != FEED or start_utc >= first_utc))
    ]
    inbox_rows.drop(tx, gone)
    taken.gone = len(gone)
    return taken


def as_guessed(items: Sequence[InboxItem]) -> list[Filing]:
    """Each item filed with its guess; an item without a partner guess is refused by name."""
    unguessed = [item.title for item in items if item.partner_id is None]
    if unguessed:
        more = f" (and {len(unguessed) - 1} more)" if len(unguessed) > 1 else ""
        raise ValidationError(
            "partner", f"'{unguessed[0]}'{more} has no partner guess: choose one (C) to file it"
        )
    return [Filing(i.event_key, i.partner_id or "", i.type, i.focus) for i in items]


def file_events(journal: Journal, filings: Sequence[Filing]) -> Filed:
    """Make each waiting event a meeting, all in one transaction, and learn each title's rule
    (the newest filing of a title wins)."""
    filed = Filed()
    with journal.database.transaction() as tx:
        held = inbox_rows.held(tx, (f.event_key for f in filings))
        for filing in filings:
            event = held.get(filing.event_key)
            if event is None or event.ignored:
                raise NotFoundError("the event no longer waits in the calendar inbox")
        contacts = contacts_by_partner(tx, {filing.partner_id for filing in filings})
        rules = inbox_rows.rules(tx)
        learned: dict[str, FilingRule] = {}
        links: dict[int | None, list[tuple[str, str, str]]] = {}
        meetings = []
        for filing in filings:
            event = held[filing.event_key]
            meeting = event_meeting(
                INBOX,
                _calendar_event(event),
                filing.partner_id,
                contacts,
                new_id(),
                filing.type,
                filing.focus,
            )
            meetings.append(meeting)
            links.setdefault(event.source_id, []).append(
                (event.event_key, meeting.id, fingerprint(meeting))
            )
            key = title_key(event.title)
            filed.rules_before.setdefault(key, rules.get(key))
            learned[key] = FilingRule(key, filing.partner_id, filing.type, filing.focus)
            filed.events.append(event)
        meeting_rows.insert_many(tx, meetings)
        for source_id, source_links in links.items():
            calendar_rows.remember(tx, source_links, source_id)
        filed.meeting_ids = [meeting.id for meeting in meetings]
        inbox_rows.drop(tx, held)
        inbox_rows.keep_rules(tx, list(learned.values()))
    return filed


def unfile(journal: Journal, filed: Filed) -> None:
    """Take a filing back: its meetings go for good, its events wait again, its rules are
    as they were."""
    with journal.database.transaction() as tx:
        for meeting_id in filed.meeting_ids:
            trash_rows.purge(tx, trash_rows.soft_delete(tx, "meeting", meeting_id))
        calendar_rows.forget(tx, [event.event_key for event in filed.events])
        inbox_rows.put(tx, filed.events)
        before = filed.rules_before
        inbox_rows.keep_rules(
            tx,
            [rule for rule in before.values() if rule is not None],
            [key for key, rule in before.items() if rule is None],
        )


def ignore(journal: Journal, event_keys: Sequence[str]) -> None:
    """Ignore these waiting events (personal appointments): they never return."""
    with journal.database.transaction() as tx:
        inbox_rows.set_ignored(tx, event_keys, True)


def unignore(journal: Journal, event_keys: Sequence[str]) -> None:
    """Let ignored events wait again (undo of :func:`ignore`)."""
    with journal.database.transaction() as tx:
        inbox_rows.set_ignored(tx, event_keys, False)


def first_start_utc(events: Sequence[CalendarEvent]) -> str:
    """The earliest start of a calendar's events, in the stored UTC form ('' for none)."""
    return min((start_columns(event.start)["start_utc"] for event in events), default="")
