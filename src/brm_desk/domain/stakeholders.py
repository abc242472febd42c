"""The stakeholder map: where each contact sits by influence and interest, how often to touch
each quadrant, the communications plan, and the gaps a BRM should close before a review.

The map is the usual power/interest grid with three levels on each axis: only "high" counts
as the high side of a quadrant line, so a contact nobody has assessed yet (medium, medium) is
monitored, and the top row and right column hold the people who need the most care.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypeVar

from brm_desk.domain.enums import Influence, Interest, LabelledEnum, Stance
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Contact, StanceChange
from brm_desk.domain.rules import (
    MAX_NAME,
    choice,
    line_text,
    record_id,
    required_day,
    text,
    whole_number,
)

_Level = TypeVar("_Level", Influence, Interest)
INFLUENCE_LEVELS = (Influence.LOW, Influence.MEDIUM, Influence.HIGH)
INTEREST_LEVELS = (Interest.LOW, Interest.MEDIUM, Interest.HIGH)
STANCE_ORDER = (Stance.CHAMPION, Stance.SUPPORTER, Stance.NEUTRAL, Stance.SKEPTIC, Stance.BLOCKER)
INFLUENCE_FIRST = {level: rank for rank, level in enumerate(reversed(INFLUENCE_LEVELS))}
"""The sort rank of an influence: the people who weigh most come first."""
MAX_FREQUENCY_DAYS = 3650


class Quadrant(LabelledEnum):
    """A quarter of the power/interest grid, named by what the BRM does with its people."""

    MANAGE_CLOSELY = "manage_closely"
    KEEP_SATISFIED = "keep_satisfied"
    KEEP_INFORMED = "keep_informed"
    MONITOR = "monitor"


@dataclass(frozen=True, slots=True)
class TouchPlan:
    """How often, and how, a quadrant's people hear from the BRM unless the plan says else."""

    cadence_days: int
    channel: str


QUADRANT_PLANS: dict[Quadrant, TouchPlan] = {
    Quadrant.MANAGE_CLOSELY: TouchPlan(14, "In person"),
    Quadrant.KEEP_SATISFIED: TouchPlan(30, "Meeting"),
    Quadrant.KEEP_INFORMED: TouchPlan(30, "E-mail update"),
    Quadrant.MONITOR: TouchPlan(90, "Newsletter"),
}


def quadrant_of(influence: Influence, interest: Interest) -> Quadrant:
    """The quadrant of a placement: high influence is the top row, high interest the right."""
    strong, keen = influence is Influence.HIGH, interest is Interest.HIGH
    if strong:
        return Quadrant.MANAGE_CLOSELY if keen else Quadrant.KEEP_SATISFIED
    return Quadrant.KEEP_INFORMED if keen else Quadrant.MONITOR


def contact_quadrant(contact: Contact | StanceChange) -> Quadrant:
    return quadrant_of(contact.influence, contact.interest)


def step(levels: Sequence[_Level], now: _Level, by: int) -> _Level:
    """The level ``by`` steps from ``now``, kept on the grid."""
    return levels[max(0, min(len(levels) - 1, levels.index(now) + by))]


# The communications plan -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Communication:
    """An entry of a partner's communications plan: a message to one contact or to the
    people of a quadrant, by a channel, every ``frequency_days``, next on ``next_date``."""

    id: str
    partner_id: str
    message: str
    channel: str
    frequency_days: int
    next_date: date
    contact_id: str | None = None
    quadrant: Quadrant | None = None

    def is_due(self, on: date) -> bool:
        """Due on ``on``: its next date is that day or before."""
        return self.next_date <= on

    def done(self, on: date) -> Communication:
        """The entry after it was sent ``on``: the next date moves by whole frequencies
        until it lies after that day (at least once)."""
        late = max(0, (on - self.next_date).days)
        steps = late // self.frequency_days + 1
        return replace(self, next_date=self.next_date + timedelta(self.frequency_days * steps))


def default_plan(quadrant: Quadrant | None, contact: Contact | None = None) -> TouchPlan:
    """The channel and frequency a new entry starts with: its audience's quadrant's."""
    if contact is not None:
        quadrant = contact_quadrant(contact)
    return QUADRANT_PLANS[quadrant or Quadrant.MONITOR]


def due(entries: Iterable[Communication], on: date) -> list[Communication]:
    """The entries due on or before ``on``, earliest first (``store.stakeholder_rows.due`` is
    the SQL of this rule; a test holds them equal)."""
    return sorted((e for e in entries if e.is_due(on)), key=lambda e: (e.next_date, e.id))


# Replaying the history ---------------------------------------------------------------


def placement_on(history: Sequence[StanceChange], day: date) -> StanceChange | None:
    """Where the history put the contact on ``day`` (``None`` before it starts)."""
    held = [change for change in history if change.since <= day]
    return held[-1] if held else None


@dataclass(frozen=True, slots=True)
class Move:
    """A contact whose placement or stance differs between ``then`` and now."""

    contact: Contact
    then: StanceChange

    @property
    def text(self) -> str:
        """E.g. "Ada Lind: monitor → manage closely; skeptic → champion"."""
        c, then = self.contact, self.then
        parts = []
        if contact_quadrant(then) != contact_quadrant(c):
            before, after = contact_quadrant(then).label, contact_quadrant(c).label
            parts.append(f"{before.lower()} → {after.lower()}")
        elif (then.influence, then.interest) != (c.influence, c.interest):
            parts.append(
                f"influence {then.influence.value} → {c.influence.value}, "
                f"interest {then.interest.value} → {c.interest.value}"
            )
        if then.stance != c.stance:
            parts.append(f"{then.stance.value} → {c.stance.value}")
        return f"{c.name}: {'; '.join(parts)}"


def moves(
    contacts: Iterable[Contact], histories: Mapping[str, Sequence[StanceChange]], since: date
) -> list[Move]:
    """Who moved between ``since`` and now: placement or stance, by name; a contact whose
    history starts after ``since`` was not on the map then and has not moved."""
    found = []
    for contact in contacts:
        then = placement_on(histories.get(contact.id, ()), since)
        if then is None:
            continue
        if (then.influence, then.interest, then.stance) != (
            contact.influence,
            contact.interest,
            contact.stance,
        ):
            found.append(Move(contact, then))
    return sorted(found, key=lambda m: m.contact.name.casefold())


# Gaps --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Gap:
    """Something the map says the BRM should do; ``contact_id`` names who, when someone."""

    text: str
    contact_id: str | None = None


def gaps(
    contacts: Sequence[Contact],
    last_met: Mapping[str, date],
    plan: Iterable[Communication],
    today: date,
) -> list[Gap]:
    """The map's gaps for one partner: high-influence people not met within their quadrant's
    cadence, no champion at all, and blockers no entry of the plan reaches."""
    found = []
    for contact in contacts:
        if contact.influence is not Influence.HIGH:
            continue
        cadence = QUADRANT_PLANS[contact_quadrant(contact)].cadence_days
        met = last_met.get(contact.id)
        if met is None:
            found.append(Gap(f"{contact.name}: high influence, never met", contact.id))
        elif (today - met).days > cadence:
            days = (today - met).days
            text = f"{contact.name}: high influence, not met in {days} days (every {cadence})"
            found.append(Gap(text, contact.id))
    if not any(c.stance is Stance.CHAMPION for c in contacts):
        found.append(Gap("No champion"))
    entries = list(plan)
    reached = {e.contact_id for e in entries} | {e.quadrant for e in entries}
    for contact in contacts:
        if (
            contact.stance is Stance.BLOCKER
            and not {contact.id, contact_quadrant(contact)} & reached
        ):
            found.append(
                Gap(f"{contact.name}: blocker, not in the communications plan", contact.id)
            )
    return found


def check_communication(entry: Communication) -> Communication:
    """An entry fit to store: a message, a channel, 1–3650 days, a next date, and exactly one
    audience (a contact or a quadrant)."""
    if (entry.contact_id is None) == (entry.quadrant is None):
        raise ValidationError("audience", "must be one contact or one quadrant")
    return replace(
        entry,
        id=record_id(entry.id),
        partner_id=text("partner", entry.partner_id),
        message=line_text("message", entry.message, required=True),
        channel=line_text("channel", entry.channel, limit=MAX_NAME, required=True),
        frequency_days=whole_number("frequency_days", entry.frequency_days, 1, MAX_FREQUENCY_DAYS),
        next_date=required_day("next_date", entry.next_date),
        quadrant=None if entry.quadrant is None else choice("quadrant", Quadrant, entry.quadrant),
    )
