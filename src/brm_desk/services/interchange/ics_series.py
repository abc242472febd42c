"""How far a repeating event is expanded, and what the bounds leave out.

A 150-byte rule may repeat every second for ever, and a file may hold thousands of rules.
So each series is expanded up to a horizon after today and a number of occurrences, and the
series of one file up to a number together (the bounds below, in one place). A rule is first
walked lazily with dateutil, to find where the bounds cut it and count what they leave out;
recurring-ical-events then expands the series with an UNTIL at that cut, so neither ever
lists more occurrences than are kept.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import islice
from typing import Any

HORIZON = timedelta(days=365)
"""A series is expanded up to a year after the day of the import (a one-off event is not cut)."""
MAX_PER_SERIES = 500
"""Occurrences of one series: a daily meeting for a year, or a weekly one for nine."""
MAX_PER_FILE = 10_000
"""Occurrences of all the series of one file together."""
COUNTED = 50_000
"""Occurrences left out that are counted one by one in a file (a rule by the second has
31 million a year; dateutil counts about 150,000 a second); past that, "more than"."""
COUNTED_AHEAD = timedelta(days=3653)
"""After the horizon, a series with an end is counted up to ten years on; past that, "all"."""
PERIODS = 20_000
"""dateutil walks a rule period by period from its start (day by day for a daily rule and
finer ones), through periods that match nothing too. So a series may start at most this many
periods before the horizon: a daily one 55 years, a weekly one 380. A rule with BYWEEKNO,
BYYEARDAY or BYSETPOS costs up to 6 ms a period, and may start at most SLOW_PERIODS before."""
SLOW_PERIODS = 1_000
_PERIOD_DAYS = {"YEARLY": 365, "MONTHLY": 30, "WEEKLY": 7}


@dataclass(frozen=True, slots=True)
class SeriesCut:
    """A series the bounds cut short: how much of it was read, and what was left out."""

    title: str
    line: int
    read: int
    """Occurrences read: each becomes a meeting, or is skipped with its reason (all-day…)."""
    over_limit: int
    """Occurrences up to the horizon past the limit."""
    limit: int
    """The limit that applied: MAX_PER_SERIES, or what the file had left of MAX_PER_FILE."""
    horizon: date
    beyond: int | None
    """Occurrences after the horizon; None: every one (no end, or too many to count)."""
    counted_all: bool
    """False when counting stopped: ``over_limit`` is then a lower bound."""


@dataclass
class Walk:
    """Where the bounds cut one series, from walking its occurrences in order."""

    within: int = 0
    """Occurrences up to the horizon: the first ``keep`` are kept, the rest over the limit."""
    beyond: int = 0
    """Occurrences after the horizon counted so far."""
    after: int | None = 0
    """All occurrences after the horizon (None: every one, no end or too many to count)."""
    rule_within: int = 0
    zone: tzinfo | None = None
    """The zone of the wall-clock times below (None: floating, or all-day)."""
    cap: datetime | None = None
    last_rule_kept: datetime | None = None
    counted_all: bool = True


@dataclass
class Counting:
    """What is left of a file's COUNTED, shared by its series."""

    left: int = COUNTED


def expand_series(
    members: list[Any], master: Any, horizon: date, keep: int, counting: Counting
) -> tuple[list[Any], Walk]:
    """The series' first ``keep`` occurrences up to ``horizon``, and how it was cut.

    ``members`` are the series' events (the master, with its rule, and moved occurrences);
    the occurrences come as icalendar components, in order.
    """
    import icalendar
    import recurring_ical_events  # type: ignore[import-untyped]

    walk = _walk(master, horizon, keep, counting)
    if keep == 0 or walk.within == 0:
        return [], walk
    capped = master.copy()
    rule = master.get("RRULE")
    if rule is not None:
        del capped["RRULE"]
        if walk.last_rule_kept is not None:
            parts = {k: v for k, v in rule.items() if k not in ("COUNT", "UNTIL")}
            until = _like(master["DTSTART"].dt, walk.last_rule_kept, walk.zone)
            capped.add("RRULE", icalendar.vRecur({**parts, "UNTIL": [until]}))
    calendar = icalendar.Calendar()
    for member in members:
        calendar.add_component(capped if member is master else member)
    first = min(_day(member["DTSTART"].dt) for member in members)
    last = walk.cap.date() if walk.cap is not None and walk.within > keep else horizon
    found = recurring_ical_events.CalendarQuery(calendar).between(
        first - timedelta(days=1), last + timedelta(days=1)
    )
    found = [c for c in found if _day(c["DTSTART"].dt) <= horizon]
    found.sort(key=lambda c: _sortable(c["DTSTART"].dt))
    return found[:keep], walk


def _walk(master: Any, horizon: date, keep: int, counting: Counting) -> Walk:
    """Walk the series in order, keeping ``keep`` and counting the rest within COUNTED.

    Times are compared as wall-clock times in the series' zone: a zone Outlook describes in
    the file answers each UTC offset slowly, and 50,000 of them would take half a minute.
    """
    rule = master.get("RRULE")
    zone = _zone(master)
    first = _wall(master["DTSTART"].dt, zone)
    last = datetime.combine(horizon, time.max)
    until = _wall(rule["UNTIL"][0], zone) if rule and "UNTIL" in rule else None
    count = int(rule["COUNT"][0]) if rule and "COUNT" in rule else None
    stop = last if until is None else min(until, last + COUNTED_AHEAD)
    if rule is not None:
        _check_periods(rule, first, stop)
    walk = Walk(zone=zone)
    for when, by_rule, excluded in _occurrences(master, zone, first, stop, count):
        walk.rule_within += by_rule and when <= last
        if excluded:
            continue
        if when <= last and walk.within < keep:
            walk.cap = when
            walk.last_rule_kept = when if by_rule else walk.last_rule_kept
        elif counting.left > 0:
            counting.left -= 1
        else:
            walk.counted_all = False
            break
        if when <= last:
            walk.within += 1
        else:
            walk.beyond += 1
    if not walk.counted_all or (rule is not None and count is None and until != stop):
        walk.after = None  # not all counted, no end, or an end too far to count to
    elif count is not None:  # COUNT counts the rule's starts, excluded ones too
        walk.after = count - walk.rule_within + walk.beyond
    else:
        walk.after = walk.beyond
    return walk


def _check_periods(rule: Any, first: datetime, stop: datetime) -> None:
    frequency = str(rule["FREQ"][0]).upper()
    days = _PERIOD_DAYS.get(frequency, 1) * int(rule.get("INTERVAL", [1])[0])
    slow = any(part in rule for part in ("BYWEEKNO", "BYYEARDAY", "BYSETPOS"))
    most = SLOW_PERIODS if slow else PERIODS
    if (stop - first).days > most * days:
        raise ValueError(
            f"it starts too long ago: its rule is walked from its start, which may be at most "
            f"{most:,} repeats before {stop.date()}"
        )


def _occurrences(
    master: Any, zone: tzinfo | None, first: datetime, stop: datetime, count: int | None
) -> Iterator[tuple[datetime, bool, bool]]:
    """Starts in order, each with whether the rule made it and whether an EXDATE removes it.

    The rule's starts up to ``stop``, DTSTART and the RDATEs, as recurring-ical-events takes
    them: DTSTART counts even when the rule does not match it.
    """
    from dateutil.rrule import rrulestr  # type: ignore[import-untyped]

    rule = master.get("RRULE")
    by_rule: Iterator[datetime] = iter(())
    if rule is not None:
        parts = {k: v for k, v in rule.items() if k not in ("COUNT", "UNTIL")}
        text = type(rule)(parts).to_ical().decode()
        by_rule = islice(rrulestr(text, dtstart=first, cache=False).replace(until=stop), count)
    extra = {_wall(moment, zone) for moment in _dates(master, "RDATE")}
    if first <= stop:  # after it, DTSTART is the rule's first start, counted by COUNT
        extra.add(first)
    excluded = {_wall(moment, zone) for moment in _dates(master, "EXDATE")}
    excluded_days = {m for m in _dates(master, "EXDATE") if not isinstance(m, datetime)}
    merged = heapq.merge(
        ((when, True) for when in by_rule),
        ((when, False) for when in sorted(extra)),
        key=lambda pair: pair[0],
    )
    previous = None
    for when, made_by_rule in merged:
        if when != previous:
            yield when, made_by_rule, when in excluded or when.date() in excluded_days
        previous = when


def _dates(master: Any, name: str) -> list[Any]:
    """The dates of every EXDATE or RDATE line (a period counts by its start)."""
    lines = master.get(name, [])
    found = []
    for line in lines if isinstance(lines, list) else [lines]:
        for item in line.dts:
            found.append(item.dt[0] if isinstance(item.dt, tuple) else item.dt)
    return found


def _zone(master: Any) -> tzinfo | None:
    """The series' zone as recurring-ical-events takes it: the first one any date names."""
    moments = [master["DTSTART"].dt, *_dates(master, "RDATE"), *_dates(master, "EXDATE")]
    for moment in moments:
        if isinstance(moment, datetime) and moment.tzinfo is not None:
            return moment.tzinfo
    return None


def _wall(moment: date, zone: tzinfo | None) -> datetime:
    """A date or time as a wall-clock time in the series' zone (a date is its midnight)."""
    if not isinstance(moment, datetime):
        return datetime.combine(moment, time())
    if moment.tzinfo is None or zone is None:
        return moment.replace(tzinfo=None)
    return moment.astimezone(zone).replace(tzinfo=None)


def _like(start: date, moment: datetime, zone: tzinfo | None) -> date:
    """An UNTIL of the kind RFC 5545 asks: a date, a floating time or a time in UTC."""
    if not isinstance(start, datetime):
        return moment.date()
    return moment.replace(tzinfo=zone).astimezone(UTC) if zone is not None else moment


def _day(moment: date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _sortable(moment: date) -> tuple[date, float]:
    if isinstance(moment, datetime):
        aware = moment if moment.tzinfo is not None else moment.astimezone()
        return moment.date(), aware.timestamp()
    return moment, 0.0
