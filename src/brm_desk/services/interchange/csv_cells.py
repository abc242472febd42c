"""Cell text from a service tool's export, read as request values (dates, scales, statuses).

Each reader raises ``ValueError`` with a message fit to show after "row N, column 'X': ".
"""

from __future__ import annotations

import re
from datetime import date, datetime

from brm_desk.domain.enums import Focus, RequestStatus

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: .*)?$")
_FORMATS = (
    "%d/%b/%y %I:%M %p",  # Jira: 01/Mar/26 10:22 AM
    "%d/%b/%Y %I:%M %p",
    "%d/%b/%y",
    "%d-%b-%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%B %d, %Y",
)

# Priority words of ServiceNow, Jira and friends (comma-separated), on the journal's 1–5 scale.
_SCALE_WORDS = {
    word: level
    for level, words in (
        (5, "critical, highest, blocker, urgent, very high"),
        (4, "high, major"),
        (3, "moderate, medium, normal"),
        (2, "low, minor"),
        (1, "lowest, trivial, planning, very low"),
    )
    for word in words.split(", ")
}
_SCALE_PREFIX = re.compile(r"^\d\s*-\s*")

# Service tools' states (comma-separated), as the journal's statuses.
_STATUS_WORDS = {
    word: status
    for status, words in (
        (RequestStatus.NEW, "new, open, to do, backlog, draft, submitted, on hold, pending"),
        (
            RequestStatus.ACCEPTED,
            "in progress, work in progress, assigned, approved, selected for development",
        ),
        (RequestStatus.DELIVERED, "resolved, closed, closed complete, done, complete, completed"),
        (
            RequestStatus.DECLINED,
            "cancelled, canceled, rejected, won't do, closed incomplete, closed skipped",
        ),
        (RequestStatus.REDIRECTED, "routed"),
    )
    for word in words.split(", ")
}


def read_date(text: str) -> date:
    """ISO (``2026-03-01``, ``2026-03-01 10:22:11``), ``01.03.2026``, Jira's ``01/Mar/26``.

    Slashed numeric dates (03/04/2026) are refused: month-first or day-first cannot be told.
    """
    value = text.strip()
    match = _ISO.match(value)
    if match:
        return _date(int(match[1]), int(match[2]), int(match[3]), value)
    match = _DAY_FIRST.match(value)
    if match:
        return _date(int(match[3]), int(match[2]), int(match[1]), value)
    for pattern in _FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{value}' is not a date the import can read (use YYYY-MM-DD)")


def _date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a real date") from None


def read_scale(text: str) -> int:
    """1–5, or a priority word (``2 - High`` → 4, ``Medium`` → 3)."""
    value = text.strip()
    if value.isdigit() and len(value) == 1 and 1 <= int(value) <= 5:
        return int(value)
    word = _SCALE_PREFIX.sub("", value).strip().casefold()
    if word in _SCALE_WORDS:
        return _SCALE_WORDS[word]
    raise ValueError(f"'{value}' is not 1–5 or a priority such as High, Medium or Low")


def read_status(text: str) -> RequestStatus:
    """A journal status, or a service tool's state (``In Progress`` → accepted)."""
    value = " ".join(text.strip().casefold().replace("_", " ").split())
    for status in RequestStatus:
        if value in (status.value.replace("_", " "), status.label.casefold()):
            return status
    if value in _STATUS_WORDS:
        return _STATUS_WORDS[value]
    known = ", ".join(sorted({s.value for s in RequestStatus}))
    raise ValueError(f"'{text.strip()}' is not a status the import knows ({known})")


def read_focus(text: str) -> Focus:
    value = text.strip().casefold()
    for focus in Focus:
        if value == focus.value:
            return focus
    raise ValueError(f"'{text.strip()}' is not a focus (reactive, routine or strategic)")


def read_tags(text: str) -> tuple[str, ...]:
    return tuple(tag.strip() for tag in re.split(r"[,;]", text) if tag.strip())
