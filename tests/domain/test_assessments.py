"""Maturity assessments as values: order, path, gap, the yearly reassessment, validation."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.assessments import (
    Assessment,
    MaturityGoal,
    assessment_due,
    check_assessment,
    gap_text,
    latest,
    maturity_path,
    next_level,
)
from brm_desk.domain.enums import Maturity
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import MaturityChange

ASSESSMENT = Assessment("a1", "p1", date(2026, 3, 2), Maturity.ORDER_TAKER)


def field_of(assessment: object) -> str:
    with pytest.raises(ValidationError) as caught:
        check_assessment(assessment)  # type: ignore[arg-type]
    return caught.value.field


def test_the_maturity_path_is_sorted_by_date() -> None:
    later = dataclasses.replace(ASSESSMENT, assessed_on=date(2026, 5, 1), brm_view=Maturity.AD_HOC)
    earlier = dataclasses.replace(ASSESSMENT, assessed_on=date(2025, 1, 1))
    assert maturity_path([later, earlier]) == (
        MaturityChange(Maturity.ORDER_TAKER, date(2025, 1, 1)),
        MaturityChange(Maturity.AD_HOC, date(2026, 5, 1)),
    )
    assert latest([later, earlier]) == later
    assert latest([]) is None


def test_an_assessment_without_a_date_is_refused() -> None:
    assert field_of(dataclasses.replace(ASSESSMENT, assessed_on=None)) == "on"


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("brm_view", "guru", "brm_view"),
        ("partner_view", "guru", "partner_view"),
        ("goals", "one goal", "goals"),
        ("goals", ("text",), "goals"),
        ("goals", (MaturityGoal("  "),), "goals[0].text"),
        ("meeting_ids", "m1", "meetings"),
        ("request_ids", (3,), "requests"),
        ("note", b"bytes", "note"),
    ],
)
def test_a_wrong_value_is_refused_naming_its_field(
    field: str, value: object, expected: str
) -> None:
    assert field_of(dataclasses.replace(ASSESSMENT, **{field: value})) == expected
    assert field_of("not an assessment") == "assessments"


def test_goals_are_trimmed_and_keep_whether_they_are_met() -> None:
    tidy = check_assessment(
        dataclasses.replace(ASSESSMENT, goals=(MaturityGoal("  Joint roadmap ", True),))
    )
    assert tidy.goals == (MaturityGoal("Joint roadmap", True),)
    assert tidy.open_goals == ()


@given(st.sampled_from(Maturity), st.one_of(st.none(), st.sampled_from(Maturity)))
def test_the_gap_is_the_levels_between_the_two_views(
    brm: Maturity, partner: Maturity | None
) -> None:
    gap = dataclasses.replace(ASSESSMENT, brm_view=brm, partner_view=partner).gap
    levels = list(Maturity)
    if partner is None:
        assert gap is None
        assert gap_text(gap) == "partner's view unknown"
    else:
        assert gap == levels.index(partner) - levels.index(brm)
        assert ("higher" in gap_text(gap)) == (gap > 0)


def test_the_next_level_and_the_yearly_reassessment() -> None:
    assert next_level(Maturity.ORDER_TAKER) is Maturity.SERVICE_PROVIDER
    assert next_level(Maturity.STRATEGIC_PARTNER) is None
    today = date(2026, 11, 24)
    assert assessment_due(None, today)
    assert not assessment_due(date(2025, 11, 24), today)
    assert assessment_due(date(2025, 11, 23), today)
