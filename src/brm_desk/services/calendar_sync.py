"""Refresh calendar sources: each one read whole, then written in one transaction, or not at all.

An unchanged calendar costs one small request (calendar_fetch), or, when the server cannot
tell, one download whose digest matches the last one read; once a day each is read whole, as
series reach a day further. A changed one is read by the same parser and bounds as a calendar
file (ics_read, ics_events). A new event waits in the calendar inbox (calendar_inbox.take_in)
until the BRM files or ignores it; an event already filed goes through the same writer as a
file import (ics_import.write_events): changed in the calendar, it updates its meeting unless
the BRM edited that meeting, and one in the trash stays there.
An event the calendar cancels, or no longer holds, is flagged on its meeting, never deleted
with its notes. A feed may publish only a window of time, so an event missing from a feed is
flagged only if it starts no earlier than the feed's first event. A source that fails (offline,
refused, a broken event) changes nothing but the note of why, which its next success clears.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from brm_desk.domain.calendar_sources import FEED, CalendarSource
from brm_desk.domain.errors import BrmDeskError
from brm_desk.services.calendar_fetch import fetch
from brm_desk.services.calendar_inbox import first_start_utc, take_in
from brm_desk.services.calendar_sources import password_of, sources
from brm_desk.services.interchange.ics_events import CalendarScan, scan_calendar
from brm_desk.services.interchange.ics_import import CalendarImportReport, write_events
from brm_desk.services.interchange.ics_read import parse_calendar
from brm_desk.services.journal import Journal
from brm_desk.store import calendar_rows, calendar_source_rows
from brm_desk.store.database import Transaction

CANCELLED = "cancelled"
DELETED = "deleted"
_STAMP = re.compile(r"^DTSTAMP[;:].*$", re.MULTILINE | re.IGNORECASE)


@dataclass
class SyncReport:
    """What one refresh of one source did; ``problem`` says why it failed ('' if it did not)."""

    source: CalendarSource
    unchanged: bool = False
    """The server said the calendar has not changed since the last refresh."""
    new: int = 0
    """Events new to the calendar inbox (none is filed unseen)."""
    changed: int = 0
    """Meetings, and events waiting in the inbox, the calendar changed."""
    gone: int = 0
    """Events that waited in the inbox and the calendar cancelled or dropped."""
    flagged: int = 0
    left_alone: int = 0
    kept_edited: int = 0
    problem: str = ""
    newly_flagged: list[str] = field(default_factory=list)
    """The meetings flagged by this refresh: "title (start): cancelled" or "…: deleted"."""

    def summary(self) -> str:
        """A line for the command line, and one more for each meeting it flagged."""
        if self.problem:
            return f"{self.source.label}: failed: {self.problem}"
        if self.unchanged:
            return f"{self.source.label}: unchanged since the last sync."
        edited = f" ({self.kept_edited} you edited)" if self.kept_edited else ""
        gone = f", {self.gone} gone from the inbox" if self.gone else ""
        text = (
            f"{self.source.label}: {self.new} new in the inbox, changed {self.changed}, "
            f"flagged {self.flagged}, left alone {self.left_alone}{edited}{gone}"
        )
        return "\n".join([text + ".", *(f"  flagged {note}" for note in self.newly_flagged)])


def sync_all(journal: Journal) -> list[SyncReport]:
    """Refresh every source once, each on its own: one failing leaves the others to run."""
    return [sync_source(journal, source) for source in sources(journal)]


def sync_source(journal: Journal, source: CalendarSource) -> SyncReport:
    """Refresh one source; its failure is reported (and noted on the source), not raised."""
    report = SyncReport(source)
    try:
        with journal.database.snapshot() as tx:
            version, modified, digest = calendar_source_rows.validators(tx, source.id)
        if not digest.startswith(journal.today().isoformat()):
            version = modified = ""  # once a day read whole: series reach a day further
        fetched = fetch(source, version, modified, password_of(source))
        text = fetched.text
        now = _digest(text, journal.today()) if text is not None else digest
        scan = None
        if text is not None and now != digest:
            scan = scan_calendar(parse_calendar(source.url, text), journal.today())
        with journal.database.transaction() as tx:
            if scan is not None:
                _apply(tx, source, scan, report)
            report.unchanged = scan is None
            calendar_source_rows.synced(tx, source.id, fetched.version, fetched.modified, now)
    except BrmDeskError as error:
        report.problem = str(error).removeprefix(f"{source.url}: ")
        with journal.database.transaction() as tx:
            calendar_source_rows.failed(tx, source.id, report.problem)
    return report


def _digest(text: str, today: date) -> str:
    """The day, and a hash of the calendar's content: servers rewrite DTSTAMP (when the file
    was made) on every request, so it is left out."""
    content = _STAMP.sub("", text).encode()
    return f"{today.isoformat()} {hashlib.sha256(content).hexdigest()}"


def _apply(tx: Transaction, source: CalendarSource, scan: CalendarScan, report: SyncReport) -> None:
    """New events wait in the inbox; filed ones are brought up to date, and flagged when the
    calendar cancelled them or no longer holds them."""
    filed = calendar_rows.imported(tx, (event.key for event in scan.events))
    first = first_start_utc(scan.events)
    taken = take_in(
        tx, source, [e for e in scan.events if e.key not in filed], scan.cancelled, first
    )
    written = CalendarImportReport()
    write_events(tx, source.url, [e for e in scan.events if e.key in filed], {}, written)
    calendar_rows.follow(tx, source.id, [*filed, *scan.cancelled])
    followed = calendar_rows.of_source(tx, source.id)
    held = {event.key for event in scan.events}
    back = [key for key, event in followed.items() if event.flag and key in held]
    cancelled = [
        key for key, event in followed.items() if key in scan.cancelled and event.flag != CANCELLED
    ]
    deleted = [
        key
        for key, event in followed.items()
        if key not in held
        and key not in scan.cancelled
        and event.flag is None
        and (source.kind != FEED or event.start_utc >= first)
    ]
    calendar_rows.set_flag(tx, back, None)
    calendar_rows.set_flag(tx, cancelled, CANCELLED)
    calendar_rows.set_flag(tx, deleted, DELETED)
    report.new = taken.new
    report.changed = len(written.updated) + taken.changed
    report.gone = taken.gone
    report.flagged = len(cancelled) + len(deleted)
    for flag, keys in ((CANCELLED, cancelled), (DELETED, deleted)):
        for key in keys:
            meeting = followed[key]
            report.newly_flagged.append(f"'{meeting.title}' ({meeting.start[:16]}): {flag}")
    report.kept_edited = written.kept_edited
    report.left_alone = written.unchanged + written.kept_edited + written.in_trash
