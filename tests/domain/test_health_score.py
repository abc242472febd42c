"""The health score against a plain reference, the rescaling of missing parts, at risk."""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.errors import ValidationError
from brm_desk.domain.health import (
    WEIGHTS,
    QuarterFacts,
    QuarterHealth,
    at_risk,
    is_late,
    movement,
    quarter_health,
    weights_text,
)
from brm_desk.domain.pulses import Pulse, Quarter, check_pulse, quarters_to

Q = Quarter(2026, 3)


def pulse(trust: int = 4, responsiveness: int = 4, value: int = 4, nps: int = 8) -> Pulse:
    return Pulse("p", "finance", date(2026, 8, 1), trust, responsiveness, value, nps)


def reference_score(facts: QuarterFacts) -> float | None:
    """The rule written out the plain way: each part 0–100 when known, weighted mean."""
    weighted: list[tuple[float, float]] = []
    if facts.pulses:
        answers = len(facts.pulses)
        mean = sum((p.trust + p.responsiveness + p.value_delivered) / 3 for p in facts.pulses)
        weighted.append((0.30, (mean / answers - 1) / 4 * 100))
        weighted.append((0.15, sum(p.net_promoter for p in facts.pulses) / answers * 10))
    if facts.strategic_share is not None:
        target = facts.target_strategic_share
        share = facts.strategic_share
        weighted.append((0.25, 100.0 if share >= target else share / target * 100))
    if facts.follow_ups_due:
        on_time = facts.follow_ups_due - facts.follow_ups_late_ours - facts.follow_ups_late_theirs
        weighted.append((0.15, on_time / facts.follow_ups_due * 100))
    if facts.expected_value > 0:
        realised = float(facts.realized_value / facts.expected_value)
        weighted.append((0.15, min(realised, 1.0) * 100))
    if not weighted:
        return None
    return sum(w * s for w, s in weighted) / sum(w for w, _ in weighted)


PULSES = st.builds(
    Pulse,
    id=st.just("p"),
    partner_id=st.just("finance"),
    taken_on=st.just(date(2026, 8, 1)),
    trust=st.integers(1, 5),
    responsiveness=st.integers(1, 5),
    value_delivered=st.integers(1, 5),
    net_promoter=st.integers(0, 10),
)


@st.composite
def quarter_facts(draw: st.DrawFn) -> QuarterFacts:
    due = draw(st.integers(0, 30))
    ours = draw(st.integers(0, due))
    theirs = draw(st.integers(0, due - ours))
    expected = draw(st.sampled_from([Decimal(0), Decimal("1000"), Decimal("250000.50")]))
    realised = draw(st.sampled_from([Decimal(0), Decimal("800"), Decimal("300000")]))
    return QuarterFacts(
        quarter=Q,
        pulses=tuple(draw(st.lists(PULSES, max_size=6))),
        strategic_share=draw(st.none() | st.floats(0, 1)),
        target_strategic_share=draw(st.floats(0, 1)),
        follow_ups_due=due,
        follow_ups_late_ours=ours,
        follow_ups_late_theirs=theirs,
        expected_value=expected,
        realized_value=realised,
        benefits_reviewed=1 if expected else 0,
    )


@given(quarter_facts())
def test_the_score_equals_the_plain_reference(facts: QuarterFacts) -> None:
    health = quarter_health(facts)
    expected = reference_score(facts)
    if expected is None:
        assert health.score is None
    else:
        assert health.score is not None
        assert math.isclose(health.score, expected, abs_tol=1e-9)
        assert 0 <= health.score <= 100
    assert [part.weight for part in health.parts] == list(WEIGHTS.values())
    assert math.isclose(sum(health.share_of(part) for part in health.parts), 1.0) or (
        health.score is None
    )


def test_the_weights_add_up_to_one_and_are_stated() -> None:
    assert math.isclose(sum(WEIGHTS.values()), 1.0)
    text = weights_text()
    assert "Pulse 30%" in text
    assert "Strategic share 25%" in text
    assert "rescaled" in text


def test_a_quarter_without_a_pulse_or_reviews_rescales_the_other_weights() -> None:
    facts = QuarterFacts(Q, strategic_share=0.3, target_strategic_share=0.6, follow_ups_due=4)
    health = quarter_health(facts)
    assert [p.key for p in health.left_out] == ["pulse", "promoter", "value"]
    # Share 50 (half the target) at 25 %, follow-ups 100 at 15 %: rescaled over 40 %.
    assert health.score == pytest.approx((0.25 * 50 + 0.15 * 100) / 0.40)
    share = next(p for p in health.parts if p.key == "share")
    assert health.share_of(share) == pytest.approx(0.625)
    assert share.detail == "30% against a target of 60%"


def test_a_quarter_with_nothing_known_has_no_score() -> None:
    assert quarter_health(QuarterFacts(Q)).score is None


def test_each_part_says_what_it_was_made_of() -> None:
    facts = QuarterFacts(
        Q,
        pulses=(pulse(5, 4, 3, 9), pulse(3, 2, 4, 6)),
        follow_ups_due=5,
        follow_ups_late_ours=1,
        follow_ups_late_theirs=2,
        expected_value=Decimal(1000),
        realized_value=Decimal(1500),
        benefits_reviewed=2,
    )
    details = {p.key: (round(p.score or -1), p.detail) for p in quarter_health(facts).parts}
    assert details == {
        "pulse": (62, "mean 3.5 of 5 (2 answers)"),
        "promoter": (75, "mean 7.5 of 10"),
        "share": (-1, "no reactive or strategic engagement"),
        "follow_ups": (40, "3 of 5 late (1 ours, 2 theirs)"),
        "value": (100, "150% of the expected value (2 reviews)"),
    }


def scored(*points: float | None, last: Quarter = Q) -> list[QuarterHealth]:
    """A trend whose quarters score the given points (None: nothing known)."""
    quarters = quarters_to(last, len(points))
    return [
        QuarterHealth(
            q,
            quarter_health(
                QuarterFacts(
                    q, strategic_share=None if p is None else p / 100, target_strategic_share=1
                )
            ).parts,
        )
        for q, p in zip(quarters, points, strict=True)
    ]


@pytest.mark.parametrize(
    ("points", "risk"),
    [
        ((80, 70, 60), True),
        ((90, 80, 70, 75), False),  # recovered in the last quarter
        ((80, 70, 70), False),  # held level
        ((80, 70), False),  # one decline only
        ((80, 70, None, 60), False),  # a quarter without a score breaks the run
        ((80, 70, 60, None), True),  # ... but the current one, not known yet, does not
        ((80.4, 80.2, 79.9), False),  # less than a whole point is no decline
    ],
)
def test_two_consecutive_quarters_of_decline_mark_a_partner_at_risk(
    points: tuple[float | None, ...], risk: bool
) -> None:
    assert at_risk(scored(*points)) is risk


def test_at_risk_needs_the_declining_quarters_to_follow_one_another() -> None:
    trend = scored(80, 70) + scored(60, last=Q.next().next())
    assert not at_risk(trend)


def test_movement_is_the_last_change_in_whole_points() -> None:
    assert movement(scored(50, 62.4)) == 12
    assert movement(scored(62)) is None


@pytest.mark.parametrize(
    ("due", "done", "late"),
    [
        (None, None, None),
        (date(2026, 6, 30), None, None),  # another quarter
        (date(2026, 7, 1), None, True),
        (date(2026, 7, 1), date(2026, 7, 1), False),
        (date(2026, 7, 1), date(2026, 7, 2), True),
        (date(2026, 9, 29), date(2026, 9, 1), False),
        (date(2026, 9, 29), None, True),
        (date(2026, 9, 30), None, None),  # due today: not late yet
    ],
)
def test_a_follow_up_is_late_when_not_done_by_its_due_date(
    due: date | None, done: date | None, late: bool | None
) -> None:
    assert is_late(due, done, Q, today=date(2026, 9, 30)) is late


def test_quarters_know_their_days_and_neighbours() -> None:
    assert Quarter.of(date(2026, 12, 31)) == Quarter(2026, 4)
    assert Quarter(2026, 4).end == date(2026, 12, 31)
    assert Quarter(2026, 4).next() == Quarter(2027, 1)
    assert Quarter(2027, 1).previous() == Quarter(2026, 4)
    assert Quarter(2026, 1).label == "2026 Q1"
    days = st.dates(date(1001, 1, 1), date(9998, 12, 31))

    @given(days)
    def each_day_lies_in_its_quarter(day: date) -> None:
        quarter = Quarter.of(day)
        assert quarter.start <= day <= quarter.end
        assert quarter.next().start == quarter.end + timedelta(days=1)
        assert quarter.next().previous() == quarter

    each_day_lies_in_its_quarter()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"trust": 0}, "trust"),
        ({"responsiveness": 6}, "responsiveness"),
        ({"value_delivered": True}, "value_delivered"),
        ({"net_promoter": 11}, "net_promoter"),
        ({"taken_on": None}, "taken_on"),
        ({"comment": "a\x00b"}, "comment"),
    ],
)
def test_a_bad_pulse_is_refused_naming_the_field(change: dict[str, object], field: str) -> None:
    from dataclasses import replace

    with pytest.raises(ValidationError) as raised:
        check_pulse(replace(pulse(), **change))  # type: ignore[arg-type]
    assert raised.value.field == field
