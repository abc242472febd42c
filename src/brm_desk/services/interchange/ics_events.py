"""Calendar events as the meetings they become: recurring series expanded, zones resolved.

recurring-ical-events does the expanding (RRULE, RDATE, EXDATE, moved occurrences with a
RECURRENCE-ID) and applies Google's X-WR-TIMEZONE; icalendar resolves each TZID, Outlook's
Windows names included, through the calendar's VTIMEZONE. Each occurrence keeps the UTC
offset it has in its own zone, so a weekly meeting at 14:00 stays at 14:00 across a
daylight-saving change.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfoNotFoundError

from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import DEFAULT_DURATION_MINUTES
from brm_desk.domain.rules import MAX_DURATION_MINUTES, MAX_NAME, MAX_NOTES, MAX_TITLE
from brm_desk.services.interchange.ics_read import CalendarFile
from brm_desk.services.interchange.import_control import NO_CONTROL, ImportControl

HORIZON = timedelta(days=365)
"""Endless series are expanded up to one year after the day of the import."""

ALL_DAY = "all-day"
CANCELLED = "cancelled"
TOO_LONG = "longer than a day"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BREAKS = re.compile(r"[\r\n\t\x85\u2028\u2029]+")
_NO_TITLE = "(no title)"


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One meeting-to-be: one event, or one occurrence of a series."""

    key: str
    """UID, plus the occurrence's original start in UTC for a series: stable across exports."""
    uid: str
    title: str
    start: datetime
    duration_minutes: int
    location: str
    description: str
    emails: tuple[str, ...]
    line: int | None


@dataclass(frozen=True)
class CalendarScan:
    """What a calendar holds for import, and what it skipped (counted by reason)."""

    events: tuple[CalendarEvent, ...]
    skipped: dict[str, int]


def scan_calendar(
    source: CalendarFile, today: date, control: ImportControl = NO_CONTROL
) -> CalendarScan:
    """Every event and occurrence from the first one up to a year after ``today``."""
    import recurring_ical_events  # type: ignore[import-untyped]

    calendar = source.calendar
    series = _recurring_uids(calendar)
    first = _earliest_start(calendar)
    if first is None:
        return CalendarScan((), {})
    try:
        query = recurring_ical_events.of(calendar)
        components = list(query.between(first, today + HORIZON + timedelta(days=1)))
    except ZoneInfoNotFoundError as error:
        raise ImportFileError(
            f"{source.path}: the calendar names a time zone that does not exist ({error})."
        ) from None
    except (recurring_ical_events.InvalidCalendar, ValueError, TypeError) as error:
        raise ImportFileError(
            f"{source.path}: a recurring event cannot be expanded ({error})."
        ) from None
    events: list[CalendarEvent] = []
    skipped: Counter[str] = Counter()
    seen: set[str] = set()
    total = len(components)
    for number, component in enumerate(components, start=1):
        if number % 200 == 0:
            control.step(number, total)
        reason, event = _event(source, component, series)
        if reason:
            skipped[reason] += 1
        elif event is not None and event.key not in seen:
            seen.add(event.key)
            events.append(event)
    control.step(total, total)
    events.sort(key=lambda e: (e.start.astimezone(UTC), e.key))
    return CalendarScan(tuple(events), dict(skipped))


def _recurring_uids(calendar: Any) -> set[str]:
    """UIDs of series: their occurrences are told apart by their recurrence id."""
    uids = set()
    for component in calendar.walk("VEVENT"):
        if any(name in component for name in ("RRULE", "RDATE", "RECURRENCE-ID")):
            uids.add(str(component.get("UID", "")))
    return uids


def _earliest_start(calendar: Any) -> date | None:
    starts = []
    for component in calendar.walk("VEVENT"):
        value = component.get("DTSTART")
        if value is None:
            continue
        moment = value.dt
        starts.append(moment.date() if isinstance(moment, datetime) else moment)
    return min(starts) - timedelta(days=1) if starts else None


def _event(
    source: CalendarFile, component: Any, series: set[str]
) -> tuple[str, CalendarEvent | None]:
    uid = str(component.get("UID", "")).strip()
    line = source.line_of_uid(uid)
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        return CANCELLED, None
    start = component["DTSTART"].dt
    if not isinstance(start, datetime):
        return ALL_DAY, None
    start = _aware(start)
    minutes = _duration_minutes(component, start)
    if minutes > MAX_DURATION_MINUTES:
        return TOO_LONG, None
    if not uid:
        where = f" (line {line})" if line else ""
        raise ImportFileError(f"{source.path}: an event has no UID{where}.")
    key = uid
    if uid in series:
        recurrence = component.get("RECURRENCE-ID")
        original = _aware(recurrence.dt) if recurrence is not None else start
        if not isinstance(original, datetime):
            original = start
        key = f"{uid}#{original.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}"
    fixed = start.astimezone(timezone(start.utcoffset() or timedelta(0)))
    return "", CalendarEvent(
        key=key,
        uid=uid,
        title=_one_line(str(component.get("SUMMARY", "")), MAX_TITLE) or _NO_TITLE,
        start=fixed,
        duration_minutes=max(minutes, 1),
        location=_one_line(str(component.get("LOCATION", "")), MAX_NAME),
        description=_notes(str(component.get("DESCRIPTION", ""))),
        emails=_emails(component),
        line=line,
    )


def _aware(moment: Any) -> Any:
    """A floating time (no zone, no X-WR-TIMEZONE) is read in this computer's zone."""
    if isinstance(moment, datetime) and (moment.tzinfo is None or moment.utcoffset() is None):
        return moment.astimezone()
    return moment


def _duration_minutes(component: Any, start: datetime) -> int:
    """From DTEND, else DURATION (recurring-ical-events sets DTEND on each occurrence)."""
    end = component.get("DTEND")
    if end is not None and isinstance(end.dt, datetime):
        length = _aware(end.dt) - start
    elif component.get("DURATION") is not None:
        length = component["DURATION"].dt
    else:
        return DEFAULT_DURATION_MINUTES
    minutes = round(length.total_seconds() / 60)
    return minutes if minutes > 0 else DEFAULT_DURATION_MINUTES


def _emails(component: Any) -> tuple[str, ...]:
    people = component.get("ATTENDEE", [])
    if not isinstance(people, list):
        people = [people]
    organizer = component.get("ORGANIZER")
    found = []
    for person in [*people, *([organizer] if organizer is not None else [])]:
        address = str(person).strip()
        if address.lower().startswith("mailto:"):
            address = address[7:]
        if "@" in address:
            found.append(address.strip().casefold())
    return tuple(dict.fromkeys(found))


def _one_line(value: str, limit: int) -> str:
    return _CONTROL.sub("", _BREAKS.sub(" ", value)).strip()[:limit].strip()


def _notes(value: str) -> str:
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()[:MAX_NOTES]
