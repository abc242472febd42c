"""Reminders: what needs the BRM's attention now, each with a key that outlives a restart.

The rules of what is due are not restated here: a follow-up is ours or late by
:class:`~brm_desk.domain.records.Action`, a benefits review is due by
:func:`~brm_desk.domain.benefits.benefits_review_due_on`, a partner is past its cadence by
:attr:`~brm_desk.domain.balance.PartnerBalance.overdue`. This module turns those answers into
reminders, and keeps the few rules of reminding itself: keys, snoozes, the morning digest.

A reminder's key is its kind, its record and the date it is about, so one snoozed or
dismissed comes back when that date moves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from hashlib import sha256

from brm_desk.domain.balance import PartnerBalance
from brm_desk.domain.benefits import BENEFITS_REVIEW_AFTER, benefits_review_due_on
from brm_desk.domain.records import Action, Meeting, Request
from brm_desk.domain.stakeholders import Communication
from brm_desk.domain.words import plural

COMING_DUE_DAYS = 2
"""A follow-up I owe is announced this many days before it is due."""
MEETING_SOON = timedelta(minutes=15)
MORNING = time(7, 0)
"""The digest comes at the first start of the app after this hour…"""
DIGEST_AT = time(8, 0)
"""…or at this hour when the app has been running since before ``MORNING``."""
PRIVATE_MEETING = "a private meeting"


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of reminder: how it is named and what clicking it opens."""

    name: str
    label: str
    """A noun phrase for lists and the digest ("follow-up due")."""
    labels: str
    """The same for many ("follow-ups due")."""
    opens: str
    """The record kind its ``record_id`` is: "meeting", "request" or "partner"."""
    timed: bool = False
    """About a moment (a meeting's start), not a day."""


KINDS: Mapping[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("meeting_soon", "meeting soon", "meetings soon", "meeting", timed=True),
        Kind("ours_overdue", "overdue follow-up", "overdue follow-ups", "meeting"),
        Kind("ours_due", "follow-up due", "follow-ups due", "meeting"),
        Kind("theirs_late", "follow-up to chase", "follow-ups to chase", "meeting"),
        Kind("review_due", "benefits review due", "benefits reviews due", "request"),
        Kind("touch_overdue", "partner past its cadence", "partners past their cadence", "partner"),
        Kind("message_due", "message to send", "messages to send", "partner"),
    )
}
"""Every kind of reminder, most pressing first: a new kind is one entry here (and a builder)."""


@dataclass(frozen=True, slots=True)
class Reminder:
    """One thing due: ``when`` is the moment it is about (a due date's start, a meeting's)."""

    kind: str
    record_id: str
    """The record it opens (a follow-up's: its meeting)."""
    about: str
    """The date or moment the reminder is about, as text: part of the key."""
    when: datetime
    title: str
    body: str
    partner_id: str
    partner: str
    private: bool = False
    subject: str = ""
    """What the reminder is about when that is not the record itself (a follow-up)."""

    @property
    def key(self) -> str:
        """Stable across restarts; a moved date makes a new key (a dismissed one comes back)."""
        return f"{self.kind}:{self.subject or self.record_id}:{self.about}"

    @property
    def opens(self) -> str:
        return KINDS[self.kind].opens

    @property
    def due(self) -> str:
        """When it is due in ISO form: the moment of a meeting, else the day."""
        return self.when.isoformat() if KINDS[self.kind].timed else self.when.date().isoformat()

    def notice(self) -> tuple[str, str]:
        """Title and body fit for a locked screen: a private meeting's titles left out."""
        if not self.private:
            return self.title, self.body
        if self.kind == "meeting_soon":
            return f"{self.partner}: {PRIVATE_MEETING}", self.body
        source = f"From {PRIVATE_MEETING}" if self.opens == "meeting" else "A private request"
        return f"{KINDS[self.kind].label.capitalize()}: {self.partner}", source


@dataclass(frozen=True, slots=True)
class FollowUp:
    """An open follow-up and where it was agreed."""

    action: Action
    meeting_id: str
    meeting_title: str
    partner_id: str
    partner: str
    private: bool = False

    @property
    def subject(self) -> str:
        """The meeting and the follow-up's words (follow-ups have no id of their own)."""
        digest = sha256(self.action.text.encode("utf-8", "surrogatepass")).hexdigest()
        return f"{self.meeting_id}/{digest[:10]}"


@dataclass(frozen=True, slots=True)
class State:
    """What the BRM did with a reminder: snoozed it until a moment, or dismissed it."""

    snoozed_until: datetime | None = None
    dismissed: bool = False

    def hides(self, now: datetime) -> bool:
        return self.dismissed or (self.snoozed_until is not None and now < self.snoozed_until)


class Snooze(Enum):
    HOUR = "For an hour"
    TOMORROW = "Until tomorrow morning"
    WEEK = "For a week"

    def until(self, now: datetime) -> datetime:
        """When a reminder snoozed ``now`` comes back (tomorrow morning: the digest's hour)."""
        if self is Snooze.HOUR:
            return now + timedelta(hours=1)
        if self is Snooze.WEEK:
            return now + timedelta(days=7)
        return datetime.combine(now.date() + timedelta(days=1), DIGEST_AT, now.tzinfo)


def start_of(day: date, now: datetime) -> datetime:
    """Midnight starting ``day`` in ``now``'s offset."""
    return datetime.combine(day, time(), now.tzinfo)


def follow_up_reminders(
    follow_ups: Iterable[FollowUp], now: datetime, coming_days: int = COMING_DUE_DAYS
) -> Iterator[Reminder]:
    """Mine coming due within ``coming_days`` or overdue; theirs once late."""
    today = now.date()
    for item in follow_ups:
        action = item.action
        if not action.is_open or action.due is None:
            continue
        if action.is_ours:
            if action.is_overdue(today):
                kind, body = "ours_overdue", f"Overdue since {_day(action.due, today)}"
            elif action.due <= today + timedelta(days=coming_days):
                kind, body = "ours_due", f"Due {_day(action.due, today)}"
            else:
                continue
        elif action.is_overdue(today):
            kind, body = "theirs_late", f"{item.partner} owed it {_day(action.due, today)}"
        else:
            continue
        source = PRIVATE_MEETING if item.private else f"“{item.meeting_title}”"
        yield Reminder(
            kind=kind,
            record_id=item.meeting_id,
            subject=item.subject,
            about=action.due.isoformat(),
            when=start_of(action.due, now),
            title=action.text,
            body=f"{body} · from {source}",
            partner_id=item.partner_id,
            partner=item.partner,
            private=item.private,
        )


def review_reminders(
    requests: Iterable[Request], partners: Mapping[str, str], now: datetime
) -> Iterator[Reminder]:
    """Delivered requests whose benefits review is due (``partners``: names by id)."""
    today = now.date()
    for request in requests:
        due = benefits_review_due_on(request)
        if due is None or due > today:
            continue
        delivered = due - BENEFITS_REVIEW_AFTER
        yield Reminder(
            kind="review_due",
            record_id=request.id,
            about=due.isoformat(),
            when=start_of(due, now),
            title=f"Review the benefits of {request.title}",
            body=f"Due {_day(due, today)} · delivered {_day(delivered, today)}",
            partner_id=request.partner_id,
            partner=partners.get(request.partner_id, ""),
            private=request.private,
        )


def touch_reminders(balances: Iterable[PartnerBalance], now: datetime) -> Iterator[Reminder]:
    """Partners past their strategic-touch cadence (never touched: due since always)."""
    for balance in balances:
        if not balance.overdue:
            continue
        due = balance.touch_due_on
        if due is None:
            about, when, body = "never", start_of(now.date(), now), "No strategic meeting yet"
        else:
            about, when = due.isoformat(), start_of(due, now)
            body = f"Last strategic meeting {plural(balance.days_since_strategic or 0, 'day')} ago"
        yield Reminder(
            kind="touch_overdue",
            record_id=balance.partner_id,
            about=about,
            when=when,
            title="Time for a strategic conversation",
            body=f"{body} (every {plural(balance.touch_cadence_days, 'day')})",
            partner_id=balance.partner_id,
            partner=balance.name,
        )


def message_reminders(
    entries: Iterable[Communication],
    partners: Mapping[str, str],
    audiences: Mapping[str, str],
    now: datetime,
) -> Iterator[Reminder]:
    """Communications-plan entries due today or before (``audiences``: contact names by id).

    Marking the entry done moves its next date, which makes a new key: the next one comes."""
    today = now.date()
    for entry in entries:
        if not entry.is_due(today):
            continue
        audience = audiences.get(entry.contact_id or "") or (
            f"those to {entry.quadrant.label.lower()}" if entry.quadrant else "the partner"
        )
        yield Reminder(
            kind="message_due",
            record_id=entry.partner_id,
            subject=entry.id,
            about=entry.next_date.isoformat(),
            when=start_of(entry.next_date, now),
            title=entry.message,
            body=f"{entry.channel.capitalize()} to {audience} · due {_day(entry.next_date, today)}",
            partner_id=entry.partner_id,
            partner=partners.get(entry.partner_id, ""),
        )


def meeting_reminders(
    meetings: Iterable[Meeting], partners: Mapping[str, str], now: datetime
) -> Iterator[Reminder]:
    """Meetings starting from now to :data:`MEETING_SOON` from now."""
    for meeting in meetings:
        if not now <= meeting.start <= now + MEETING_SOON:
            continue
        minutes = max(0, round((meeting.start - now).total_seconds() / 60))
        yield Reminder(
            kind="meeting_soon",
            record_id=meeting.id,
            about=meeting.start.isoformat(),
            when=meeting.start,
            title=meeting.title,
            body=f"Starts at {meeting.start.astimezone(now.tzinfo):%H:%M}, "
            f"in {plural(minutes, 'minute')}",
            partner_id=meeting.partner_id,
            partner=partners.get(meeting.partner_id, ""),
            private=meeting.private,
        )


def in_order(reminders: Iterable[Reminder]) -> list[Reminder]:
    """Most pressing kind first, then the earliest."""
    rank = {name: position for position, name in enumerate(KINDS)}
    return sorted(reminders, key=lambda r: (rank[r.kind], r.when, r.partner, r.title))


def showing(
    reminders: Iterable[Reminder], states: Mapping[str, State], now: datetime
) -> list[Reminder]:
    """The reminders neither dismissed nor snoozed past ``now``."""
    return [r for r in reminders if not (r.key in states and states[r.key].hides(now))]


def digest_due(now: datetime, started: datetime, last_digest: date | None) -> bool:
    """The morning digest: once a day, at the first start after 07:00, else at 08:00."""
    if last_digest == now.date():
        return False
    started_this_morning = started.date() == now.date() and started.time() >= MORNING
    return now.time() >= DIGEST_AT or (started_this_morning and now.time() >= MORNING)


def digest_line(meetings_today: int, reminders: Iterable[Reminder]) -> str:
    """ "3 meetings, 2 follow-ups due, 1 overdue follow-up": the day in one line."""
    counts = Counter(reminder.kind for reminder in reminders)
    parts = [plural(meetings_today, "meeting")]
    parts += [
        plural(counts[kind.name], kind.label, kind.labels)
        for kind in KINDS.values()
        if counts[kind.name] and kind.name != "meeting_soon"
    ]
    return ", ".join(parts)


def _day(due: date, today: date) -> str:
    """ "today", "tomorrow", "yesterday", else "Tue 8 Dec" (and the year, if not this one)."""
    names = {0: "today", 1: "tomorrow", -1: "yesterday"}
    year = "" if due.year == today.year else f" {due.year}"
    return names.get((due - today).days, f"{due:%a} {due.day} {due:%b}{year}")
