"""The calendar inbox's rules: how a waiting event's partner, type and focus are guessed.

New events from a calendar source wait in the inbox until the BRM files or ignores them.
Filing one teaches a rule: its title, normalised by :func:`title_key` (case, digits and dates,
spacing do not count), names the partner, type and focus chosen; the next event with that
title takes the rule as its guess, and a later filing of that title otherwise replaces it.
Without a rule the partner comes from the attendees' e-mail addresses (their contacts'
partner), then the source's default partner, then a partner the title names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from brm_desk.domain.enums import Focus, MeetingType

LEARNED = "learned"
ATTENDEES = "attendees"
SOURCE = "source"
TITLE = "title"

_NUMBERS = re.compile(r"\d+(?:[./:-]\d+)*")
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w&]+")


def title_key(title: str) -> str:
    """The part of a title that stays from one occurrence to the next: case folded, each run
    of digits (a date, a number, a time) as ``#``, spacing collapsed."""
    return _SPACES.sub(" ", _NUMBERS.sub("#", title.casefold())).strip()


def partner_named(title: str, names: Mapping[str, str]) -> str | None:
    """The partner (id → name) whose name the title holds as whole words; the longest name
    wins ("Finance Ops" before "Finance"); None when no name is there."""
    held = f" {_words(title)} "
    found = [
        (len(words), partner_id)
        for partner_id, name in names.items()
        if (words := _words(name)) and f" {words} " in held
    ]
    return max(found)[1] if found else None


def _words(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


@dataclass(frozen=True, slots=True)
class FilingRule:
    """What the BRM chose when filing an event with this title key."""

    key: str
    partner_id: str
    type: MeetingType
    focus: Focus


@dataclass(frozen=True, slots=True)
class InboxItem:
    """An event waiting in the inbox, with its guess (``partner_id`` None: no guess)."""

    id: int
    event_key: str
    source_id: int | None
    source_name: str
    """The calendar it came from, as a list names it ('' once that calendar is removed)."""
    title: str
    start: datetime
    duration_minutes: int
    location: str
    emails: tuple[str, ...]
    recurring: bool
    partner_id: str | None
    partner_name: str
    guessed_from: str
    """Where the partner came from: learned, attendees, source or title ('' for none)."""
    type: MeetingType
    focus: Focus

    @property
    def guess_text(self) -> str:
        """The guessed partner as the inbox shows it: "Finance (learned)", or "no guess"."""
        if self.partner_id is None:
            return "no guess"
        return (
            f"{self.partner_name} (learned)" if self.guessed_from == LEARNED else self.partner_name
        )

    @property
    def kind_text(self) -> str:
        """The guessed type and focus: "Status check-in, routine"."""
        return f"{self.type.label}, {self.focus.label.lower()}"


def guessed_focus(kind: MeetingType, recurring: bool) -> Focus:
    """A recurring event is routine; a one-off has its type's usual focus."""
    return Focus.ROUTINE if recurring else kind.default_focus
