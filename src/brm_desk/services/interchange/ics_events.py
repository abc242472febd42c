"""Calendar events as the meetings they become: series expanded within bounds, zones resolved.

recurring-ical-events does the expanding (RRULE, RDATE, EXDATE, moved occurrences with a
RECURRENCE-ID) within the bounds of :mod:`ics_series`; x-wr-timezone applies Google's
X-WR-TIMEZONE; icalendar resolves each TZID through the zone database or the calendar's
VTIMEZONE, and Outlook's Windows names are read as the IANA zones they stand for. Each
occurrence keeps the UTC offset it has in its own zone, so a weekly meeting at 14:00 stays at
14:00 across a daylight-saving change. Every occurrence read is either an event or counted
with the reason it was skipped; what the bounds leave out is counted per series.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import DEFAULT_DURATION_MINUTES
from brm_desk.domain.rules import MAX_DURATION_MINUTES, MAX_NAME, MAX_NOTES, MAX_TITLE
from brm_desk.services.interchange.ics_read import CalendarFile, ComponentLines
from brm_desk.services.interchange.ics_series import (
    HORIZON,
    MAX_PER_FILE,
    MAX_PER_SERIES,
    Counting,
    SeriesCut,
    expand_series,
)
from brm_desk.services.interchange.import_control import NO_CONTROL, ImportControl

ALL_DAY = "all-day"
CANCELLED = "cancelled"
TOO_LONG = "longer than a day"
DUPLICATE = "given twice"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BREAKS = re.compile(r"[\r\n\t\x85\u2028\u2029]+")
_NO_TITLE = "(no title)"
Member = tuple[Any, ComponentLines]
"""An event as icalendar read it, with its place in the file."""


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
    """What a calendar holds for import, what it skipped (by reason) and the series cut short."""

    events: tuple[CalendarEvent, ...]
    skipped: dict[str, int]
    cuts: tuple[SeriesCut, ...] = ()
    cancelled: frozenset[str] = frozenset()
    """The keys of the events the calendar marks cancelled (a sync flags their meetings)."""


def scan_calendar(
    source: CalendarFile, today: date, control: ImportControl = NO_CONTROL
) -> CalendarScan:
    """Every one-off event, and each series' occurrences up to a year after ``today``."""
    import x_wr_timezone  # type: ignore[import-untyped]

    try:
        calendar = x_wr_timezone.to_standard(source.calendar)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ImportFileError(
            f"{source.path}: the calendar names a time zone that does not exist ({error})."
        ) from None
    _windows_zones_by_their_iana_names(calendar)
    by_uid: dict[str, list[Member]] = {}
    for component, lines in zip(calendar.walk("VEVENT"), source.events, strict=True):
        by_uid.setdefault(str(component.get("UID", "")).strip(), []).append((component, lines))
    skipped: Counter[str] = Counter()
    read, cuts = _occurrences(source, by_uid, today, skipped, control)
    series = {uid for uid, members in by_uid.items() if _is_series(members)}
    events: list[CalendarEvent] = []
    seen: set[str] = set()
    cancelled: set[str] = set()
    for number, (component, lines) in enumerate(read, start=1):
        if number % 200 == 0:
            control.step(number, len(read))
        reason, event = _event(source, component, lines, series)
        if event is not None and event.key in seen:
            reason = DUPLICATE
        if reason == CANCELLED:
            cancelled.add(_key(component, series))
        if reason:
            skipped[reason] += 1
        elif event is not None:
            seen.add(event.key)
            events.append(event)
    control.step(len(read), len(read))
    events.sort(key=lambda e: (e.start.astimezone(UTC), e.key))
    skips = {k: n for k, n in skipped.items() if n}
    return CalendarScan(tuple(events), skips, tuple(cuts), frozenset(cancelled))


def _occurrences(
    source: CalendarFile,
    by_uid: dict[str, list[Member]],
    today: date,
    skipped: Counter[str],
    control: ImportControl,
) -> tuple[list[Member], list[SeriesCut]]:
    """The events to read: one-offs as they are, series expanded within the bounds."""
    read: list[Member] = []
    cuts: list[SeriesCut] = []
    counting = Counting()
    room = MAX_PER_FILE
    for number, members in enumerate(by_uid.values(), start=1):
        latest = _latest_versions(members)
        skipped[DUPLICATE] += len(members) - len(latest)
        master = next((m for m in latest if "RECURRENCE-ID" not in m[0]), None)
        if master is None or not ("RRULE" in master[0] or "RDATE" in master[0]):
            read.extend(latest)
            continue
        control.step(number, len(by_uid))  # a series may take a moment: cancel works between
        keep = min(MAX_PER_SERIES, room)
        occurrences, cut = _expand(source, latest, master, today, keep, counting)
        room -= len(occurrences)
        read.extend((occurrence, master[1]) for occurrence in occurrences)
        cuts.extend([cut] if cut else [])
    return read, cuts


def _windows_zones_by_their_iana_names(calendar: Any) -> None:
    """Outlook names its zones the Windows way ("W. Europe Standard Time") and describes each
    in a VTIMEZONE, from which icalendar builds a zone that takes ~0.3 ms to give each UTC
    offset: seconds for a few thousand meetings. Such a time is given the IANA zone the name
    stands for (Europe/Berlin), as icalendar does when the file has no VTIMEZONE."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    for event in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE"):
            found = event.get(name, [])
            for value in found if isinstance(found, list) else [found]:
                iana = WINDOWS_TO_OLSON.get(str(value.params.get("TZID", "")))
                for item in value.dts if hasattr(value, "dts") else [value]:
                    if iana and isinstance(item.dt, datetime) and item.dt.tzinfo is not None:
                        item.dt = item.dt.replace(tzinfo=ZoneInfo(iana))


def _latest_versions(members: list[Member]) -> list[Member]:
    """One event per recurrence id: the highest SEQUENCE, the first of equals (as
    recurring-ical-events chooses); the others are the same event given twice."""
    chosen: dict[str, Member] = {}
    for member in members:
        recurrence = member[0].get("RECURRENCE-ID")
        which = recurrence.to_ical().decode() if recurrence is not None else ""
        held = chosen.get(which)
        if held is None or _sequence(member[0]) > _sequence(held[0]):
            chosen[which] = member
    return list(chosen.values())


def _sequence(component: Any) -> int:
    return int(component.get("SEQUENCE", 0))


def _is_series(members: list[Member]) -> bool:
    """Occurrences of a series are told apart by their recurrence id."""
    names = ("RRULE", "RDATE", "RECURRENCE-ID")
    return any(name in component for component, _lines in members for name in names)


def _expand(
    source: CalendarFile,
    members: list[Member],
    master: Member,
    today: date,
    keep: int,
    counting: Counting,
) -> tuple[list[Any], SeriesCut | None]:
    """A series' occurrences within the bounds, and the cut if the bounds left any out."""
    import recurring_ical_events  # type: ignore[import-untyped]

    horizon = today + HORIZON
    component, lines = master
    try:
        occurrences, walk = expand_series(
            [m for m, _lines in members], component, horizon, keep, counting
        )
    except (recurring_ical_events.InvalidCalendar, ValueError, OverflowError) as error:
        raise source.problem(lines, f"the repeating event cannot be expanded ({error})") from None
    over_limit = max(walk.within - keep, 0)
    if over_limit == 0 and walk.after == 0 and walk.counted_all:
        return occurrences, None
    title = _one_line(str(component.get("SUMMARY", "")), MAX_TITLE) or _NO_TITLE
    cut = SeriesCut(
        title=title,
        line=lines.line,
        read=len(occurrences),
        over_limit=over_limit,
        limit=keep,
        horizon=horizon,
        beyond=walk.after,
        counted_all=walk.counted_all,
    )
    return occurrences, cut


def _event(
    source: CalendarFile, component: Any, lines: ComponentLines, series: set[str]
) -> tuple[str, CalendarEvent | None]:
    try:
        return _event_of(component, lines, series)
    except (ValueError, OverflowError) as error:
        raise source.problem(lines, f"the event cannot be read: {error}") from None


def _event_of(
    component: Any, lines: ComponentLines, series: set[str]
) -> tuple[str, CalendarEvent | None]:
    uid = str(component.get("UID", "")).strip()
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
        raise ValueError("it has no UID")
    fixed = start.astimezone(timezone(start.utcoffset() or timedelta(0)))
    return "", CalendarEvent(
        key=_key(component, series),
        uid=uid,
        title=_one_line(str(component.get("SUMMARY", "")), MAX_TITLE) or _NO_TITLE,
        start=fixed,
        duration_minutes=max(minutes, 1),
        location=_one_line(str(component.get("LOCATION", "")), MAX_NAME),
        description=_notes(str(component.get("DESCRIPTION", ""))),
        emails=_emails(component),
        line=lines.line,
    )


def _key(component: Any, series: set[str]) -> str:
    """The UID, and for an occurrence of a series its original start in UTC."""
    uid = str(component.get("UID", "")).strip()
    if uid not in series:
        return uid
    start = _aware(component["DTSTART"].dt)
    recurrence = component.get("RECURRENCE-ID")
    original = _aware(recurrence.dt) if recurrence is not None else start
    if not isinstance(original, datetime):
        original = start
    if not isinstance(original, datetime):
        return uid  # an all-day occurrence never becomes a meeting
    return f"{uid}#{original.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}"


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
