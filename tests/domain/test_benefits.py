"""The business case after delivery: benefits reviews due, and realization."""

from __future__ import annotations

import dataclasses
import sys
from datetime import date
from decimal import Decimal

import pytest

from brm_desk.domain.benefits import WHITESPACE, benefits_review_due_on, realization
from brm_desk.domain.enums import RequestStatus
from brm_desk.domain.records import Request

DELIVERED = Request(
    id="r1",
    partner_id="p1",
    title="New dashboard",
    received=date(2026, 3, 1),
    status=RequestStatus.DELIVERED,
    delivered_on=date(2026, 4, 1),
    expected_benefit="Close two days faster",
)


def test_a_delivered_request_with_a_benefit_is_due_for_review_90_days_later() -> None:
    assert benefits_review_due_on(DELIVERED) == date(2026, 6, 30)
    assert benefits_review_due_on(dataclasses.replace(DELIVERED, expected_benefit="")) is None
    with_amount = dataclasses.replace(
        DELIVERED, expected_benefit="", expected_value_amount=Decimal(10)
    )
    assert benefits_review_due_on(with_amount) == date(2026, 6, 30)


@pytest.mark.parametrize("blank", [" ", "\n\t ", "\u00a0", "\u3000 \u2003", "\u2028"])
def test_an_expected_benefit_of_only_whitespace_is_no_benefit(blank: str) -> None:
    assert benefits_review_due_on(dataclasses.replace(DELIVERED, expected_benefit=blank)) is None


@pytest.mark.parametrize("status", [s for s in RequestStatus if s is not RequestStatus.DELIVERED])
def test_only_a_delivered_request_is_due(status: RequestStatus) -> None:
    assert benefits_review_due_on(dataclasses.replace(DELIVERED, status=status)) is None


def test_the_whitespace_sql_trims_is_what_python_strips() -> None:
    every = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert every == WHITESPACE


def test_realization_is_realized_over_expected_once_both_are_known() -> None:
    assert realization(Decimal(200), Decimal(50)) == 0.25
    assert realization(Decimal(200), Decimal(0)) == 0.0
    assert realization(Decimal(200), None) is None
    assert realization(None, Decimal(50)) is None
    assert realization(Decimal(0), Decimal(50)) is None
