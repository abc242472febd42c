"""The health score of a relationship: one number per partner and quarter, with its parts.

Five parts, each scored 0–100 and weighted by the named constants below, which the app shows
beside the score. A part the quarter has nothing for (no pulse taken, no engagement to take a
share of, no follow-up fell due, no benefits reviewed) is left out and the weights of the
parts present are rescaled to add up to one again: the score says what is known, never
guesses the rest. This module is the only place the score is computed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise

from brm_desk.domain.benefits import realization
from brm_desk.domain.pulses import NET_PROMOTER_RANGE, SCORE_RANGE, Pulse, Quarter
from brm_desk.domain.records import DEFAULT_TARGET_STRATEGIC_SHARE
from brm_desk.domain.words import plural

PULSE_WEIGHT = 0.30
"""The partner's view: the mean of trust, responsiveness and value delivered (1–5)."""
PROMOTER_WEIGHT = 0.15
"""The partner's view: would they recommend working with us (net promoter, 0–10)."""
SHARE_WEIGHT = 0.25
"""Strategic share against the partner's target (SPEC §2), capped at the target."""
FOLLOW_UP_WEIGHT = 0.15
"""Follow-ups that fell due in the quarter, both ways, done by their due date."""
VALUE_WEIGHT = 0.15
"""Realised against expected value of the requests whose benefits were reviewed."""

TREND_QUARTERS = 8
"""How many quarters the trend shows: two years."""
DECLINING_QUARTERS = 2
"""At risk: the score fell (in whole points) in each of this many consecutive quarters."""

WEIGHTS = {
    "pulse": PULSE_WEIGHT,
    "promoter": PROMOTER_WEIGHT,
    "share": SHARE_WEIGHT,
    "follow_ups": FOLLOW_UP_WEIGHT,
    "value": VALUE_WEIGHT,
}
"""Each part's weight by its key, in the order the parts are shown."""
LABELS = {
    "pulse": "Pulse",
    "promoter": "Net promoter",
    "share": "Strategic share",
    "follow_ups": "Follow-ups on time",
    "value": "Value realised",
}


@dataclass(frozen=True, slots=True)
class QuarterFacts:
    """What the journal knows of one partner in one quarter, as the score reads it."""

    quarter: Quarter
    pulses: tuple[Pulse, ...] = ()
    strategic_share: float | None = None
    target_strategic_share: float = DEFAULT_TARGET_STRATEGIC_SHARE
    follow_ups_due: int = 0
    follow_ups_late_ours: int = 0
    follow_ups_late_theirs: int = 0
    expected_value: Decimal = Decimal(0)
    realized_value: Decimal = Decimal(0)
    benefits_reviewed: int = 0

    @property
    def follow_ups_late(self) -> int:
        return self.follow_ups_late_ours + self.follow_ups_late_theirs


@dataclass(frozen=True, slots=True)
class HealthPart:
    """One part of the score: its 0–100 value (none when the quarter has nothing for it)."""

    key: str
    label: str
    weight: float
    score: float | None
    detail: str

    @property
    def counted(self) -> bool:
        return self.score is not None


@dataclass(frozen=True, slots=True)
class QuarterHealth:
    """A partner's health in one quarter: the score and every part behind it."""

    quarter: Quarter
    parts: tuple[HealthPart, ...]
    pulses: tuple[Pulse, ...] = ()

    @property
    def counted_weight(self) -> float:
        """The weights of the parts present; the score divides by this."""
        return sum(part.weight for part in self.parts if part.counted)

    @property
    def score(self) -> float | None:
        """Weighted mean of the parts present (weights rescaled), none when none is."""
        weight = self.counted_weight
        if weight == 0:
            return None
        return sum(part.weight * part.score for part in self.parts if part.score is not None) / (
            weight
        )

    @property
    def left_out(self) -> tuple[HealthPart, ...]:
        return tuple(part for part in self.parts if not part.counted)

    def share_of(self, part: HealthPart) -> float:
        """The weight a present part carries after rescaling (0 for a part left out)."""
        weight = self.counted_weight
        return part.weight / weight if part.counted and weight else 0.0


def scaled(value: float, low: float, high: float) -> float:
    """``value`` on a 0–100 scale where ``low`` is 0 and ``high`` is 100."""
    return (value - low) / (high - low) * 100


def quarter_health(facts: QuarterFacts) -> QuarterHealth:
    """The score's parts for one quarter, from its facts."""
    return QuarterHealth(
        facts.quarter,
        (
            _pulse_part(facts.pulses),
            _promoter_part(facts.pulses),
            _share_part(facts.strategic_share, facts.target_strategic_share),
            _follow_up_part(facts),
            _value_part(facts),
        ),
        facts.pulses,
    )


def _part(key: str, score: float | None, detail: str) -> HealthPart:
    return HealthPart(key, LABELS[key], WEIGHTS[key], score, detail)


def _pulse_part(pulses: Sequence[Pulse]) -> HealthPart:
    if not pulses:
        return _part("pulse", None, "no pulse this quarter")
    mean = sum(p.mean_score for p in pulses) / len(pulses)
    detail = f"mean {mean:.1f} of 5 ({plural(len(pulses), 'answer')})"
    return _part("pulse", scaled(mean, *SCORE_RANGE), detail)


def _promoter_part(pulses: Sequence[Pulse]) -> HealthPart:
    if not pulses:
        return _part("promoter", None, "no pulse this quarter")
    mean = sum(p.net_promoter for p in pulses) / len(pulses)
    return _part("promoter", scaled(mean, *NET_PROMOTER_RANGE), f"mean {mean:.1f} of 10")


def _share_part(share: float | None, target: float) -> HealthPart:
    if share is None:
        return _part("share", None, "no reactive or strategic engagement")
    score = 100.0 if share >= target else scaled(share, 0, target)
    return _part("share", score, f"{share:.0%} against a target of {target:.0%}")


def _follow_up_part(facts: QuarterFacts) -> HealthPart:
    due = facts.follow_ups_due
    if due == 0:
        return _part("follow_ups", None, "none fell due")
    late = facts.follow_ups_late
    detail = (
        f"{late} of {due} late ({facts.follow_ups_late_ours} ours, "
        f"{facts.follow_ups_late_theirs} theirs)"
    )
    return _part("follow_ups", scaled(due - late, 0, due), detail)


def _value_part(facts: QuarterFacts) -> HealthPart:
    share = realization(facts.expected_value, facts.realized_value)
    if share is None:
        return _part("value", None, "no benefits reviewed")
    reviews = plural(facts.benefits_reviewed, "review")
    detail = f"{share:.0%} of the expected value ({reviews})"
    return _part("value", min(share, 1.0) * 100, detail)


def is_late(due: date | None, done: date | None, quarter: Quarter, today: date) -> bool | None:
    """Whether a follow-up counts for the quarter and was late.

    None when it does not count: no due date, due outside the quarter, or due today or later
    (not late yet). Otherwise late when it was not done by its due date.
    ``store.pulse_rows.follow_ups`` is the SQL of this rule; a test holds them equal.
    """
    if due is None or not quarter.start <= due <= quarter.end or due >= today:
        return None
    return done is None or done > due


def whole_points(trend: Sequence[QuarterHealth]) -> list[tuple[Quarter, int]]:
    """The scored quarters of a trend with their score as the app shows it: whole points."""
    return [(h.quarter, round(h.score)) for h in trend if h.score is not None]


def at_risk(trend: Sequence[QuarterHealth]) -> bool:
    """Two consecutive quarters of decline: the last three scored quarters follow one another
    and each shows fewer whole points than the one before."""
    scored = whole_points(trend)[-(DECLINING_QUARTERS + 1) :]
    return len(scored) == DECLINING_QUARTERS + 1 and all(
        before_quarter.next() == quarter and points < before_points
        for (before_quarter, before_points), (quarter, points) in pairwise(scored)
    )


def movement(trend: Sequence[QuarterHealth]) -> int | None:
    """Whole points the latest scored quarter moved from the scored one before it."""
    scored = whole_points(trend)
    return scored[-1][1] - scored[-2][1] if len(scored) >= 2 else None


def latest(trend: Sequence[QuarterHealth]) -> QuarterHealth | None:
    """The most recent quarter with a score."""
    return next((h for h in reversed(trend) if h.score is not None), None)


def weights_text() -> str:
    """The weights in words, as the health panel and the packs state them."""
    parts = " · ".join(f"{LABELS[key]} {weight:.0%}" for key, weight in WEIGHTS.items())
    return (
        f"Weights: {parts}. A part with nothing in a quarter is left out and the weights "
        "of the others are rescaled to add up to 100 %."
    )
