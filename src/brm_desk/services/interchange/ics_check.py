"""What an event must get right before it is expanded: its repeat rule and its time zones.

icalendar reads each value but not its sense: a rule may repeat every 0 days (dateutil then
loops for ever), ask for the 99th Monday of a month (dateutil fails deep inside), or never
match a date at all (February 30th: dateutil then walks day by day to the year 9999, for
minutes); a time may name a zone that neither the zone database nor the file describes
(icalendar then leaves it without a zone, which would silently become this computer's).
Each such problem is found here and named by its property, so the reader can add the event
and the line. Some parts RFC 5545 allows are refused where dateutil would walk every second
or day slowly and no calendar program writes them (BYSETPOS or BYYEARDAY by the day or finer).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from brm_desk.domain.rules import FIRST_YEAR, LAST_YEAR

YEARS = range(2, LAST_YEAR + 1)
"""Dates that can move to any zone (year 1 cannot go west of UTC); the journal takes
1000 to LAST_YEAR, which the import checks meeting by meeting."""
INTERVALS = range(1, 1001)
"""A rule repeats every 1 to 1,000 periods (every 0 never ends; more is nonsense)."""

_RANGES = {
    "BYSECOND": range(0, 60),  # RFC 5545 allows a leap second, 60; Python's time does not
    "BYMINUTE": range(0, 60),
    "BYHOUR": range(0, 24),
    "BYMONTH": range(1, 13),
    "BYMONTHDAY": range(-31, 32),
    "BYYEARDAY": range(-366, 367),
    "BYWEEKNO": range(-53, 54),
    "BYSETPOS": range(-366, 367),
}
_NOT_ZERO = ("BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS")
_KNOWN = {"FREQ", "UNTIL", "COUNT", "INTERVAL", "BYDAY", "WKST", *_RANGES}
_ONLY_WITH = {  # RFC 5545 §3.3.10, and stricter for BYYEARDAY and BYSETPOS (see above)
    "BYWEEKNO": ("YEARLY",),
    "BYYEARDAY": ("YEARLY",),
    "BYSETPOS": ("WEEKLY", "MONTHLY", "YEARLY"),
    "BYMONTHDAY": ("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "MONTHLY", "YEARLY"),
}
_WEEKDAY = re.compile(r"^([+-]?\d{1,3})?(MO|TU|WE|TH|FR|SA|SU)$")
_ZONED = ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE")


def event_problem(event: Any) -> tuple[str, str] | None:
    """The first property of a VEVENT that cannot be used, and why (``None``: all fine)."""
    for name in _ZONED:
        for value in _values(event, name):
            moments = [_start_of(moment) for moment in _moments(value)]
            if not all(isinstance(moment, date) for moment in moments):
                return name, "must be a date, or a date and a time"
            if not all(YEARS.start <= moment.year < YEARS.stop for moment in moments):
                return name, f"a date must fall in the years {YEARS[0]} to {YEARS[-1]}"
            zone = value.params.get("TZID")
            if zone and any(_floating(moment) for moment in _moments(value)):
                return name, (
                    f"the time zone '{zone}' is unknown: it is not a zone name and the file "
                    "does not describe it (no VTIMEZONE)"
                )
    duration = event.get("DURATION")
    if duration is not None and not (
        isinstance(duration.dt, timedelta) and duration.dt >= timedelta(0)
    ):
        return "DURATION", "must be a length of time, such as PT1H"
    rules = _values(event, "RRULE")
    if rules:
        problem = rule_problem(rules[0], event["DTSTART"].dt)
        if problem:
            return "RRULE", problem
    if (rules or "RDATE" in event) and event["DTSTART"].dt.year < FIRST_YEAR:
        return "DTSTART", f"a repeating event must start in the year {FIRST_YEAR} or later"
    return None


def rule_problem(rule: Any, start: date) -> str | None:
    """Why an RRULE starting at ``start`` cannot be expanded, or ``None``."""
    unknown = sorted(set(rule) - _KNOWN)
    if unknown:
        return f"{unknown[0]} is not a part of a repeat rule this program knows"
    if "FREQ" not in rule:
        return "the rule has no FREQ (how often it repeats)"
    if "COUNT" in rule and "UNTIL" in rule:
        return "the rule has both COUNT and UNTIL; it may have only one"
    if any(count < 1 for count in rule.get("COUNT", [])):
        return f"COUNT={rule['COUNT'][0]} must be at least 1"
    if any(interval not in INTERVALS for interval in rule.get("INTERVAL", [])):
        return f"INTERVAL={rule['INTERVAL'][0]} must be from 1 to {INTERVALS[-1]:,}"
    for part, allowed in _RANGES.items():
        for value in rule.get(part, []):
            number = int(value)
            if number not in allowed or (number == 0 and part in _NOT_ZERO):
                return f"{part}={value} is out of range ({allowed[0]} to {allowed[-1]})"
    frequency = str(rule["FREQ"][0]).upper()
    for part, frequencies in _ONLY_WITH.items():
        if part in rule and frequency not in frequencies:
            return f"{part} cannot go with FREQ={frequency}"
    for day in rule.get("BYDAY", []):
        problem = _weekday_problem(str(day).upper(), frequency, "BYMONTH" in rule)
        if problem:
            return problem
    if _never_matches(rule, start):
        return "the rule matches no date at all (no date fits all of its parts)"
    return None


def _never_matches(rule: Any, start: date) -> bool:
    """Whether the rule finds no start in 28 years (every kind of year), asked of dateutil
    near the year 9999, where its walk ends within 56 years even when nothing matches.

    The rule starts there on the same day and weekday, in the same place of the leap-year
    cycle, as it really starts; a rule matching some day matches within 28 years of any
    start (the years 9944–9999 have no century to break the cycle).
    """
    from dateutil.rrule import rrulestr  # type: ignore[import-untyped]

    if not isinstance(start, datetime):
        start = datetime.combine(start, time())
    moved = next(
        start.replace(year=year)
        for year in range(9944 + (start.year - 9944) % 4, 9972, 4)
        if date(year, start.month, start.day).weekday() == start.weekday()
    )
    parts = {k: v for k, v in rule.items() if k not in ("COUNT", "UNTIL")}
    text = type(rule)(parts).to_ical().decode()
    return next(iter(rrulestr(text, dtstart=moved, cache=False)), None) is None


def _weekday_problem(day: str, frequency: str, by_month: bool) -> str | None:
    match = _WEEKDAY.match(day)
    if match is None:
        return f"BYDAY={day} is not a weekday"
    if match.group(1) is None:
        return None
    number = int(match.group(1))
    if frequency not in ("MONTHLY", "YEARLY"):
        return f"BYDAY={day}: a numbered weekday goes with a monthly or yearly rule only"
    most = 5 if frequency == "MONTHLY" or by_month else 53
    if number == 0 or abs(number) > most:
        return f"BYDAY={day} is out of range (the 1st to {most}th, or from the end)"
    return None


def _values(event: Any, name: str) -> list[Any]:
    value = event.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _moments(value: Any) -> list[Any]:
    """The dates and times of a DTSTART-like value, or of an EXDATE/RDATE list."""
    if hasattr(value, "dts"):
        return [item.dt for item in value.dts]
    return [value.dt]


def _start_of(moment: Any) -> Any:
    """An RDATE period, (start, end or duration), by its start."""
    return moment[0] if isinstance(moment, tuple) else moment


def _floating(moment: Any) -> bool:
    moment = _start_of(moment)
    return isinstance(moment, datetime) and moment.tzinfo is None
