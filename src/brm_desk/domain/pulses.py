"""A pulse: the partner's own view of the relationship, asked once a quarter.

Trust, responsiveness and value delivered are scored 1–5, the net promoter question 0–10.
A quarter may hold several pulses (one per person who answered a survey); the health score
reads their mean.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from brm_desk.domain.rules import (
    note_text,
    record_id,
    reference,
    required_day,
    text,
    whole_number,
)

SCORE_RANGE = (1, 5)
NET_PROMOTER_RANGE = (0, 10)
MAX_COMMENT = 5000
SCORE_LABELS = {
    "trust": "Trust",
    "responsiveness": "Responsiveness",
    "value_delivered": "Value delivered",
    "net_promoter": "Net promoter",
}


@dataclass(frozen=True, slots=True)
class Pulse:
    """One answer to the quarterly pulse of a partner."""

    id: str
    partner_id: str
    taken_on: date
    trust: int
    responsiveness: int
    value_delivered: int
    net_promoter: int
    comment: str = ""
    answered_by_id: str | None = None

    @property
    def mean_score(self) -> float:
        """The mean of trust, responsiveness and value delivered (1–5)."""
        return (self.trust + self.responsiveness + self.value_delivered) / 3

    @property
    def quarter(self) -> Quarter:
        return Quarter.of(self.taken_on)


class Quarter(NamedTuple):
    """A calendar quarter: ``number`` 1–4 of ``year``."""

    year: int
    number: int

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        following = self.next()
        return date.fromordinal(following.start.toordinal() - 1)

    @property
    def label(self) -> str:
        return f"{self.year} Q{self.number}"

    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)


def quarters_to(last: Quarter, count: int) -> list[Quarter]:
    """The ``count`` quarters ending with ``last``, oldest first."""
    found = [last]
    while len(found) < count:
        found.insert(0, found[0].previous())
    return found


def check_pulse(pulse: Pulse) -> Pulse:
    """A pulse fit to store: each score in its range, a date, a one-paragraph comment."""
    low, high = SCORE_RANGE
    return replace(
        pulse,
        id=record_id(pulse.id),
        partner_id=text("partner", pulse.partner_id),
        taken_on=required_day("taken_on", pulse.taken_on),
        trust=whole_number("trust", pulse.trust, low, high),
        responsiveness=whole_number("responsiveness", pulse.responsiveness, low, high),
        value_delivered=whole_number("value_delivered", pulse.value_delivered, low, high),
        net_promoter=whole_number("net_promoter", pulse.net_promoter, *NET_PROMOTER_RANGE),
        comment=note_text("comment", pulse.comment, limit=MAX_COMMENT).strip(),
        answered_by_id=reference("answered_by", pulse.answered_by_id),
    )
