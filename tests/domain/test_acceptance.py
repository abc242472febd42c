"""Accepting needs a business case (SPEC §1): a need and an expected benefit, or a reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.enums import RequestStatus
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Request
from brm_desk.domain.rules import (
    check_acceptance,
    check_move,
    lacks_business_case,
    taken_as_order,
)

NEW = Request(id="r1", partner_id="p1", title="New report", received=date(2026, 3, 1))
ACCEPTED = replace(NEW, status=RequestStatus.ACCEPTED)
CASE = {"need": "Decide on credit limits in a day", "expected_benefit": "Fewer late payments"}
BLANKS = ["", " ", "\t\n", "\u00a0\u3000"]


def refused_field(old: RequestStatus, request: Request) -> str:
    with pytest.raises(ValidationError) as caught:
        check_move(old, request)
    assert "accept" in caught.value.reason
    return caught.value.field


@pytest.mark.parametrize("old", [RequestStatus.NEW, RequestStatus.DEFERRED])
@pytest.mark.parametrize("blank", BLANKS)
def test_accepting_names_the_missing_need_then_the_missing_benefit(
    old: RequestStatus, blank: str
) -> None:
    assert refused_field(old, replace(ACCEPTED, need=blank, expected_benefit="x")) == "need"
    assert refused_field(old, replace(ACCEPTED, need="x", expected_benefit=blank)) == (
        "expected_benefit"
    )
    assert refused_field(old, replace(ACCEPTED, need=blank, expected_benefit=blank)) == "need"


def test_a_business_case_lets_a_request_be_accepted() -> None:
    check_move(RequestStatus.NEW, replace(ACCEPTED, **CASE))
    amount_only = replace(ACCEPTED, need=CASE["need"], expected_value_amount=Decimal(0))
    check_move(RequestStatus.NEW, amount_only)  # an amount is an expected benefit too


def test_a_reason_lets_a_request_be_accepted_without_a_business_case() -> None:
    check_move(RequestStatus.NEW, replace(ACCEPTED, outcome_note="The CFO's explicit order"))
    with pytest.raises(ValidationError) as caught:
        check_acceptance(replace(ACCEPTED, outcome_note=" "), without_business_case=True)
    assert caught.value.field == "outcome_note"
    # Saying "without" is explicit: the business case is not asked for then.
    check_acceptance(replace(ACCEPTED, outcome_note="Regulator"), without_business_case=True)


def test_without_saying_so_a_reason_does_not_stand_for_the_business_case() -> None:
    noted = replace(ACCEPTED, outcome_note="Declined last year: budget")
    with pytest.raises(ValidationError) as caught:
        check_acceptance(noted, without_business_case=False)
    assert caught.value.field == "need"


def test_only_a_move_to_accepted_asks_for_the_business_case() -> None:
    check_move(RequestStatus.ACCEPTED, ACCEPTED)  # staying accepted: an edit of history
    for status in (RequestStatus.DEFERRED, RequestStatus.DELIVERED, RequestStatus.DECLINED):
        check_move(RequestStatus.ACCEPTED, replace(NEW, status=status))
    check_move(RequestStatus.NEW, replace(NEW, status=RequestStatus.REDIRECTED))


def test_a_move_the_workflow_refuses_is_refused_first() -> None:
    with pytest.raises(ValidationError) as caught:
        check_move(RequestStatus.DECLINED, replace(ACCEPTED, **CASE))
    assert caught.value.field == "status"


TEXTS = st.sampled_from(["", "Close faster", " gain "]) | st.sampled_from(BLANKS)


@given(
    status=st.sampled_from(RequestStatus),
    need=TEXTS,
    benefit=TEXTS,
    amount=st.sampled_from([None, Decimal(0), Decimal("1200.50")]),
)
def test_order_taking_is_taken_on_without_need_or_benefit(
    status: RequestStatus, need: str, benefit: str, amount: Decimal | None
) -> None:
    request = replace(
        NEW, status=status, need=need, expected_benefit=benefit, expected_value_amount=amount
    )
    lacking = not need.strip() or (not benefit.strip() and amount is None)
    assert lacks_business_case(request) is lacking
    taken_on = status in (
        RequestStatus.ACCEPTED,
        RequestStatus.DELIVERED,
        RequestStatus.BENEFITS_REVIEWED,
    )
    assert taken_as_order(request) is (lacking and taken_on)
