"""Meetings from a calendar file (.ics): preview, then import all or nothing.

A meeting remembers the event it came from (UID plus recurrence id), so importing the same
or an updated calendar again never duplicates: an event already imported updates its meeting,
unless the BRM has edited that meeting since (its content no longer matches what the import
wrote), and a meeting the BRM moved to the trash stays there.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.errors import ImportFileError, ValidationError
from brm_desk.domain.records import Contact, Meeting, new_id
from brm_desk.domain.rules import check_meeting
from brm_desk.domain.words import plural
from brm_desk.services.interchange.ics_events import CalendarEvent, scan_calendar
from brm_desk.services.interchange.ics_meeting_type import guess_meeting_type
from brm_desk.services.interchange.ics_read import read_calendar
from brm_desk.services.interchange.ics_series import MAX_PER_FILE, MAX_PER_SERIES, SeriesCut
from brm_desk.services.interchange.import_control import NO_CONTROL, ImportControl
from brm_desk.services.journal import Journal
from brm_desk.store import calendar_rows, contact_rows, meeting_rows, partner_rows, trash_rows
from brm_desk.store.database import Transaction

WRITE_CHUNK = 200


@dataclass(frozen=True)
class CalendarPreview:
    """The events of a calendar file, each with the partner its attendees suggest."""

    path: Path
    events: tuple[CalendarEvent, ...]
    skipped: dict[str, int]
    guessed_partner: dict[str, str | None]
    """Event key → id of the partner most of its attendees belong to (None: no guess)."""
    cuts: tuple[SeriesCut, ...] = ()


@dataclass
class CalendarImportReport:
    """What an import did; ``before`` keeps updated meetings as they were (for undo)."""

    added: list[str] = field(default_factory=list)
    added_keys: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    kept_edited: int = 0
    in_trash: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    cuts: tuple[SeriesCut, ...] = ()
    before: list[tuple[str, Meeting, str]] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"Added {plural(len(self.added), 'meeting')}"]
        if self.updated:
            parts.append(f"updated {len(self.updated)} from the calendar")
        if self.unchanged:
            parts.append(f"{self.unchanged} already up to date")
        if self.kept_edited:
            parts.append(f"kept {self.kept_edited} you edited")
        if self.in_trash:
            parts.append(f"left {self.in_trash} in the trash")
        first, *series = left_out(self.skipped, self.cuts)
        return "\n".join([", ".join(parts) + ". " + first, *series])


def left_out(
    skipped: Mapping[str, int], cuts: Sequence[SeriesCut], most: int | None = None
) -> list[str]:
    """What an import leaves out, for the command line and the preview alike: one line of
    occurrences skipped by reason, then one line for each series the bounds cut short (at
    most ``most`` of them, and how many more)."""
    total = sum(skipped.values())
    details = ", ".join(f"{n:,} {reason}" for reason, n in sorted(skipped.items()))
    lines = [f"Skipped {total:,}: {details}." if total else "Skipped 0."]
    for cut in cuts[:most]:
        parts = []
        if cut.over_limit or not cut.counted_all:
            count = f"{cut.over_limit:,}"
            if not cut.counted_all:
                count = f"more than {count}" if cut.over_limit else "more (not counted)"
            limit = (
                f"{MAX_PER_SERIES:,} a series"
                if cut.limit == MAX_PER_SERIES
                else f"{MAX_PER_FILE:,} a file"
            )
            parts.append(f"{count} over the limit of {limit}")
        if cut.beyond is None or cut.beyond:
            count = "all" if cut.beyond is None else f"{cut.beyond:,}"
            parts.append(f"{count} beyond {cut.horizon.isoformat()}")
        lines.append(
            f"Series '{cut.title}' (line {cut.line}): {plural(cut.read, 'occurrence')} read; "
            f"left out: {', '.join(parts)}."
        )
    if most is not None and len(cuts) > most:
        lines.append(f"…and {len(cuts) - most:,} more series cut short.")
    return lines


def preview_calendar(
    journal: Journal, path: Path, control: ImportControl = NO_CONTROL
) -> CalendarPreview:
    """Read and expand a calendar file; guess each event's partner from its attendees."""
    scan = scan_calendar(read_calendar(path), journal.today(), control)
    with journal.database.snapshot() as tx:
        guesses = guess_partners(tx, scan.events)
    return CalendarPreview(path, scan.events, scan.skipped, guesses, scan.cuts)


def guess_partners(tx: Transaction, events: Sequence[CalendarEvent]) -> dict[str, str | None]:
    """Event key → id of the partner most of its attendees belong to (None: no guess)."""
    owners: dict[str, set[str]] = {}
    for contact in contact_rows.listing(tx):
        if contact.email:
            owners.setdefault(contact.email.casefold(), set()).add(contact.partner_id)
    return {event.key: _guess(event, owners) for event in events}


def _guess(event: CalendarEvent, owners: Mapping[str, set[str]]) -> str | None:
    votes: Counter[str] = Counter()
    for email in event.emails:
        votes.update(owners.get(email, ()))
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def import_calendar(
    journal: Journal,
    preview: CalendarPreview,
    partners: Mapping[str, str],
    control: ImportControl = NO_CONTROL,
) -> CalendarImportReport:
    """Import the events whose key is in ``partners`` (event key → partner id), in one go.

    Nothing is written unless every event makes a valid meeting; cancelling rolls back all.
    """
    chosen = [event for event in preview.events if event.key in partners]
    report = CalendarImportReport(skipped=dict(preview.skipped), cuts=preview.cuts)
    with journal.database.transaction() as tx:
        write_events(tx, preview.path, chosen, partners, report, control)
    return report


def write_events(
    tx: Transaction,
    path: Path | str,
    chosen: Sequence[CalendarEvent],
    partners: Mapping[str, str],
    report: CalendarImportReport,
    control: ImportControl = NO_CONTROL,
    source_id: int | None = None,
) -> None:
    """Add or refresh the meetings of ``chosen`` events within ``tx`` (see the module's rules);
    new ones are remembered as kept current by ``source_id`` when a calendar source gives it."""
    contacts = contacts_by_partner(tx, set(partners.values()))
    existing = calendar_rows.imported(tx, (event.key for event in chosen))
    current = meeting_rows.live_by_id(tx, [held.meeting_id for held in existing.values()])
    new: list[tuple[CalendarEvent, Meeting]] = []
    for number, event in enumerate(chosen, start=1):
        if number % WRITE_CHUNK == 0:
            control.step(number, len(chosen) * 2)
        held = existing.get(event.key)
        if held is None:
            meeting = event_meeting(path, event, partners[event.key], contacts, new_id())
            new.append((event, meeting))
        elif not held.live:
            report.in_trash += 1
        else:
            _refresh(tx, path, event, held, current[held.meeting_id], contacts, report)
    for start in range(0, len(new), WRITE_CHUNK):
        batch = new[start : start + WRITE_CHUNK]
        meeting_rows.insert_many(tx, [meeting for _event, meeting in batch])
        links = [(event.key, meeting.id, fingerprint(meeting)) for event, meeting in batch]
        calendar_rows.remember(tx, links, source_id)
        control.step(len(chosen) + start + len(batch), len(chosen) * 2)
    report.added += [meeting.id for _event, meeting in new]
    report.added_keys += [event.key for event, _meeting in new]
    control.step(len(chosen) * 2, len(chosen) * 2)


def _refresh(
    tx: Transaction,
    path: Path | str,
    event: CalendarEvent,
    held: calendar_rows.ImportedEvent,
    current: Meeting,
    contacts: dict[str, list[Contact]],
    report: CalendarImportReport,
) -> None:
    """Bring an imported meeting up to date, unless the BRM has edited it since."""
    if fingerprint(current) != held.fingerprint:
        report.kept_edited += 1
        return
    if current.partner_id not in contacts:
        contacts.update(contacts_by_partner(tx, {current.partner_id}))
    fresh = event_meeting(path, event, current.partner_id, contacts, current.id)
    fresh = replace(
        fresh,
        type=current.type,  # as filed: the calendar says nothing of them
        focus=current.focus,
        private=current.private,
        tags=current.tags,
        satisfaction=current.satisfaction,
        actions=current.actions,
    )
    if fingerprint(fresh) == held.fingerprint:
        report.unchanged += 1
        return
    meeting_rows.update_one(tx, fresh)
    calendar_rows.refresh_fingerprint(tx, event.key, fingerprint(fresh))
    report.updated.append(current.id)
    report.before.append((event.key, current, held.fingerprint))


def contacts_by_partner(tx: Transaction, partner_ids: set[str]) -> dict[str, list[Contact]]:
    """Each partner's contacts (a partner not in the journal is an error)."""
    found: dict[str, list[Contact]] = {}
    for partner_id in partner_ids:
        partner_rows.get(tx, partner_id)
        found[partner_id] = contact_rows.listing(tx, partner_id)
    return found


def event_meeting(
    path: Path | str,
    event: CalendarEvent,
    partner_id: str,
    contacts: Mapping[str, Sequence[Contact]],
    meeting_id: str,
    kind: MeetingType | None = None,
    focus: Focus | None = None,
) -> Meeting:
    """The meeting an event becomes: its attendees those of the partner's contacts, its type
    and focus as given (else guessed from its title); an ImportFileError says why it cannot."""
    by_email = {c.email.casefold(): c.id for c in contacts.get(partner_id, ()) if c.email}
    attendees = tuple(dict.fromkeys(by_email[e] for e in event.emails if e in by_email))
    kind = kind or guess_meeting_type(event.title)
    try:
        return check_meeting(
            Meeting(
                id=meeting_id,
                partner_id=partner_id,
                title=event.title,
                start=event.start,
                duration_minutes=event.duration_minutes,
                type=kind,
                focus=focus or kind.default_focus,
                location=event.location,
                attendee_ids=attendees,
                notes=event.description,
            )
        )
    except ValidationError as error:
        where = f"line {event.line}: " if event.line else ""
        raise ImportFileError(
            f"{path}: {where}the event '{event.title}' cannot be a meeting: {error}"
        ) from None


def fingerprint(meeting: Meeting) -> str:
    """What the calendar import sets on a meeting, condensed: a change means an edit."""
    content = [
        meeting.partner_id,
        meeting.title,
        meeting.start.isoformat(),
        meeting.duration_minutes,
        meeting.type.value,
        meeting.focus.value,
        meeting.location,
        meeting.notes,
        sorted(meeting.attendee_ids),
    ]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()


def undo_calendar_import(journal: Journal, report: CalendarImportReport) -> None:
    """Take an import back: its new meetings go for good, updated ones get their old state."""
    with journal.database.transaction() as tx:
        for meeting_id in report.added:
            batch = trash_rows.soft_delete(tx, "meeting", meeting_id)
            trash_rows.purge(tx, batch)
        calendar_rows.forget(tx, report.added_keys)
        for key, before, old_print in report.before:
            meeting_rows.update_one(tx, before)
            calendar_rows.refresh_fingerprint(tx, key, old_print)


def all_to(preview: CalendarPreview, partner_id: str) -> dict[str, str]:
    """Every event of the preview to one partner (the command line's ``--partner``)."""
    return {event.key: partner_id for event in preview.events}
