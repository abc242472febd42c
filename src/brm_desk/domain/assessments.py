"""Maturity assessments: where a relationship stands, in the BRM's view and the partner's.

A partner is assessed on a day, scored twice on the maturity model's levels, each score backed
by the meetings and requests that show it, and with the criteria to reach the next level written
down as goals. The partner's current maturity is the BRM's view in their latest assessment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from brm_desk.domain.enums import Maturity
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import MaturityChange
from brm_desk.domain.rules import (
    MAX_LINE,
    choice,
    flag,
    line_text,
    note_text,
    record_id,
    references,
    required_day,
    sequence,
)

ASSESS_EVERY_DAYS = 365
"""The body of practice reassesses maturity yearly: a partner not assessed this long is due."""
MAX_GOALS = 30
LEVELS = tuple(Maturity)
"""The maturity model's levels, lowest first: a level's rank is its place here."""


def rank(level: Maturity) -> int:
    """0 for ad hoc … 4 for strategic partner."""
    return LEVELS.index(level)


def next_level(level: Maturity) -> Maturity | None:
    """The level above ``level`` (none above strategic partner)."""
    index = rank(level) + 1
    return LEVELS[index] if index < len(LEVELS) else None


@dataclass(frozen=True, slots=True)
class MaturityGoal:
    """A criterion to reach the next level, and whether it is met yet."""

    text: str
    met: bool = False


@dataclass(frozen=True, slots=True)
class Assessment:
    """A partner's maturity on ``assessed_on``: the BRM's view, the partner's (``None`` when
    unknown), the meetings and requests that show it, a note and the goals for the next level."""

    id: str
    partner_id: str
    assessed_on: date
    brm_view: Maturity
    partner_view: Maturity | None = None
    meeting_ids: tuple[str, ...] = ()
    request_ids: tuple[str, ...] = ()
    note: str = ""
    goals: tuple[MaturityGoal, ...] = ()

    @property
    def gap(self) -> int | None:
        """Levels the partner sees above (+) or below (−) the BRM's view; none when unknown."""
        if self.partner_view is None:
            return None
        return rank(self.partner_view) - rank(self.brm_view)

    @property
    def open_goals(self) -> tuple[MaturityGoal, ...]:
        return tuple(goal for goal in self.goals if not goal.met)

    @property
    def change(self) -> MaturityChange:
        """The step of the maturity path (SPEC §6 ``maturity_history``) this assessment is."""
        return MaturityChange(self.brm_view, self.assessed_on)


def gap_text(gap: int | None) -> str:
    """The gap between the two views in words: "partner sees 1 level higher"."""
    if gap is None:
        return "partner's view unknown"
    if gap == 0:
        return "both see the same level"
    levels = "level" if abs(gap) == 1 else "levels"
    return f"partner sees {abs(gap)} {levels} {'higher' if gap > 0 else 'lower'}"


def in_order(assessments: Sequence[Assessment]) -> tuple[Assessment, ...]:
    """Oldest first; assessments of one day keep the order given (the last is the latest)."""
    return tuple(sorted(assessments, key=lambda a: a.assessed_on))


def latest(assessments: Sequence[Assessment]) -> Assessment | None:
    ordered = in_order(assessments)
    return ordered[-1] if ordered else None


def maturity_path(assessments: Sequence[Assessment]) -> tuple[MaturityChange, ...]:
    """The BRM's view over time: SPEC §6's ``maturity_history``."""
    return tuple(a.change for a in in_order(assessments))


def assessment_due(last_assessed: date | None, today: date) -> bool:
    """Whether a partner is due a (first or yearly) assessment."""
    return last_assessed is None or today - last_assessed > timedelta(days=ASSESS_EVERY_DAYS)


def check_assessment(assessment: Assessment) -> Assessment:
    """An assessment fit to store: a date, a BRM view, known levels, goals with some text."""
    if not isinstance(assessment, Assessment):
        raise ValidationError("assessments", "must list assessments")
    partner_view = assessment.partner_view
    goals = tuple(
        _goal(goal, f"goals[{i}]") for i, goal in enumerate(sequence("goals", assessment.goals))
    )
    if len(goals) > MAX_GOALS:
        raise ValidationError("goals", f"has too many goals (at most {MAX_GOALS})")
    return replace(
        assessment,
        id=record_id(assessment.id),
        partner_id=record_id(assessment.partner_id),
        assessed_on=required_day("on", assessment.assessed_on),
        brm_view=choice("brm_view", Maturity, assessment.brm_view),
        partner_view=None
        if partner_view is None
        else choice("partner_view", Maturity, partner_view),
        meeting_ids=references("meetings", assessment.meeting_ids),
        request_ids=references("requests", assessment.request_ids),
        note=note_text("note", assessment.note),
        goals=goals,
    )


def _goal(goal: object, field: str) -> MaturityGoal:
    if not isinstance(goal, MaturityGoal):
        raise ValidationError("goals", "must list goals with their text")
    text = line_text(f"{field}.text", goal.text, limit=MAX_LINE, required=True)
    return MaturityGoal(text, flag(f"{field}.met", goal.met))
