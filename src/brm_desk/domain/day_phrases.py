"""Dates as a person types them: "2026-12-01", "fri", "+3d", "tomorrow".

One reader for every place a date is asked, so that "fri" means the same day everywhere.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from brm_desk.domain.errors import ValidationError

DAY_HINT = "2026-12-01, fri, +3d, tomorrow"
"""What a date field's placeholder can offer as examples."""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NAMED = {"today": 0, "tomorrow": 1, "yesterday": -1}
_OFFSET = re.compile(r"([+-]?)(\d{1,6}) ?(d|days?|w|weeks?|m|months?|y|years?)")


def read_day(field: str, text: str, today: date) -> date | None:
    """The day ``text`` names, counted from ``today``; None when nothing is typed.

    Understood, in any case: an ISO date (2026-12-01, or 20261201); today, tomorrow, yesterday;
    a weekday or its first three letters or more (fri: the next Friday after today); an
    offset in days, weeks, months or years (+3d, 2w, -1m, +1y; a month later keeps the day
    of the month, or takes the month's last day). Anything else is an error naming ``field``.
    """
    phrase = " ".join(text.split()).casefold()
    if not phrase:
        return None
    try:
        return _day(phrase, today)
    except (ValueError, OverflowError):
        pass
    raise ValidationError(field, f"must be a date like {DAY_HINT} (got '{text.strip():.40}')")


def _day(phrase: str, today: date) -> date:
    """Raises ValueError (or OverflowError past year 9999) for what it cannot read."""
    if phrase in _NAMED:
        return today + timedelta(days=_NAMED[phrase])
    weekday = [n for n, name in enumerate(WEEKDAYS) if len(phrase) >= 3 and name.startswith(phrase)]
    if weekday:
        return today + timedelta(days=(weekday[0] - today.weekday() - 1) % 7 + 1)
    offset = _OFFSET.fullmatch(phrase)
    if offset:
        sign, number, unit = offset.groups()
        count = -int(number) if sign == "-" else int(number)
        if unit[0] in "dw":
            return today + timedelta(days=count * (7 if unit[0] == "w" else 1))
        return add_months(today, count * (12 if unit[0] == "y" else 1))
    return date.fromisoformat(phrase)


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later (earlier when negative), or that month's
    last day when it is shorter (31 January + 1 month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
