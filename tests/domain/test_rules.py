"""Validation rules: every bad value names its field, and nothing else ever escapes."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.enums import (
    Focus,
    Influence,
    Maturity,
    MeetingType,
    RequestStatus,
    Side,
    Stance,
)
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Action, Contact, Meeting, Partner, Request
from brm_desk.domain.rules import (
    MAX_AMOUNT,
    STATUS_REQUIRED_FIELDS,
    STATUS_TRANSITIONS,
    check_contact,
    check_meeting,
    check_partner,
    check_request,
    check_transition,
)

PARIS = timezone(timedelta(hours=1))
PARTNER = Partner(id="p1", name="Finance")
CONTACT = Contact(id="c1", partner_id="p1", name="Ada Lovelace", email="ada@example.org")
MEETING = Meeting(
    id="m1",
    partner_id="p1",
    title="Quarterly roadmap",
    start=datetime(2026, 3, 2, 9, 0, tzinfo=PARIS),
)
REQUEST = Request(id="r1", partner_id="p1", title="New dashboard", received=date(2026, 3, 1))


def field_of(call: Any, *args: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        call(*args)
    assert caught.value.reason
    assert str(caught.value).startswith(f"{caught.value.field}: ")
    return caught.value.field


# --- names and text --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "   ", "\t\n", " \u3000 "])
def test_an_empty_partner_name_is_refused(name: str) -> None:
    assert field_of(check_partner, dataclasses.replace(PARTNER, name=name)) == "name"


def test_a_partner_name_of_200_characters_is_fine_and_201_is_too_long() -> None:
    assert check_partner(dataclasses.replace(PARTNER, name="x" * 200)).name == "x" * 200
    assert field_of(check_partner, dataclasses.replace(PARTNER, name="x" * 201)) == "name"


def test_names_are_trimmed_before_their_length_is_measured() -> None:
    tidy = check_partner(dataclasses.replace(PARTNER, name="  " + "x" * 200 + "\n "))
    assert tidy.name == "x" * 200
    assert check_contact(dataclasses.replace(CONTACT, name="  Ada  ")).name == "Ada"
    assert check_meeting(dataclasses.replace(MEETING, title=" Review ")).title == "Review"
    assert check_request(dataclasses.replace(REQUEST, title="\tAsk\n")).title == "Ask"


@pytest.mark.parametrize(
    "name",
    ["Fin\x00ance", "Fin\x07ance", "Fin\nance", "Fin\rance", "Fin\tance", "Fin\x1bance",
     "Fin\x7fance", "Fin\x85ance", "Fin\x9bance", "Fin\u2028ance"],
)  # fmt: skip
def test_control_characters_and_line_breaks_in_a_name_are_refused(name: str) -> None:
    assert field_of(check_partner, dataclasses.replace(PARTNER, name=name)) == "name"
    assert field_of(check_contact, dataclasses.replace(CONTACT, name=name)) == "name"


def test_notes_keep_line_breaks_and_tabs_but_not_other_control_characters() -> None:
    notes = "# Review\n\n- point\tone\r\n"
    assert check_partner(dataclasses.replace(PARTNER, notes=notes)).notes == notes
    assert field_of(check_partner, dataclasses.replace(PARTNER, notes="a\x00b")) == "notes"
    assert field_of(check_meeting, dataclasses.replace(MEETING, notes="a\x08b")) == "notes"


@pytest.mark.parametrize(
    ("record", "check", "field", "value", "expected_field"),
    [
        (PARTNER, check_partner, "name", 42, "name"),
        (PARTNER, check_partner, "sponsor", None, "sponsor"),
        (PARTNER, check_partner, "notes", b"bytes", "notes"),
        (PARTNER, check_partner, "maturity", "guru", "maturity"),
        (PARTNER, check_partner, "archived", "yes", "archived"),
        (CONTACT, check_contact, "influence", "huge", "influence"),
        (CONTACT, check_contact, "stance", 3, "stance"),
        (MEETING, check_meeting, "start", "2026-03-02T09:00:00+01:00", "start"),
        (MEETING, check_meeting, "type", "party", "type"),
        (MEETING, check_meeting, "focus", "tactical", "focus"),
        (MEETING, check_meeting, "tags", "one tag", "tags"),
        (MEETING, check_meeting, "tags", (1, 2), "tags"),
        (MEETING, check_meeting, "attendee_ids", "c1", "attendees"),
        (MEETING, check_meeting, "actions", ("call back",), "actions[0]"),
        (MEETING, check_meeting, "private", 1, "private"),
        (REQUEST, check_request, "received", "2026-03-01", "received"),
        (REQUEST, check_request, "received", datetime(2026, 3, 1, tzinfo=PARIS), "received"),
        (REQUEST, check_request, "received", None, "received"),
        (REQUEST, check_request, "status", "done", "status"),
        (REQUEST, check_request, "value", "5", "value"),
        (REQUEST, check_request, "urgency", True, "urgency"),
        (REQUEST, check_request, "meeting_ids", ("m1", 7), "meetings"),
        (REQUEST, check_request, "raised_by_id", 12, "raised_by"),
        (REQUEST, check_request, "expected_value_amount", "100", "expected_value_amount"),
    ],
)
def test_a_value_of_the_wrong_kind_names_its_field(
    record: Any, check: Any, field: str, value: Any, expected_field: str
) -> None:
    assert field_of(check, dataclasses.replace(record, **{field: value})) == expected_field


def test_vocabulary_values_given_as_text_become_members() -> None:
    partner = check_partner(dataclasses.replace(PARTNER, maturity="trusted_advisor"))  # type: ignore[arg-type]
    assert partner.maturity is Maturity.TRUSTED_ADVISOR
    contact = check_contact(dataclasses.replace(CONTACT, influence="high", stance="blocker"))  # type: ignore[arg-type]
    assert (contact.influence, contact.stance) == (Influence.HIGH, Stance.BLOCKER)


# --- partner figures ---------------------------------------------------------------------------


@pytest.mark.parametrize("share", [-0.01, 1.01, float("nan"), float("inf"), True, False, "0.5"])
def test_a_target_share_outside_0_to_1_is_refused(share: Any) -> None:
    partner = dataclasses.replace(PARTNER, target_strategic_share=share)
    assert field_of(check_partner, partner) == "target_strategic_share"


@pytest.mark.parametrize("share", [0, 0.0, 0.6, 1, 1.0])
def test_a_target_share_from_0_to_1_is_kept_as_a_float(share: float) -> None:
    tidy = check_partner(dataclasses.replace(PARTNER, target_strategic_share=share))
    assert tidy.target_strategic_share == float(share)
    assert isinstance(tidy.target_strategic_share, float)


@pytest.mark.parametrize("cadence", [0, -1, 3661, 1.5, True])
def test_a_touch_cadence_below_one_day_is_refused(cadence: Any) -> None:
    partner = dataclasses.replace(PARTNER, touch_cadence_days=cadence)
    assert field_of(check_partner, partner) == "touch_cadence_days"


def test_a_touch_cadence_of_one_day_is_fine() -> None:
    assert check_partner(dataclasses.replace(PARTNER, touch_cadence_days=1)).touch_cadence_days == 1


# --- contacts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "email", ["ada", "ada@", "@example.org", "ada@example", "ada lovelace@example.org", "a@b@c.d"]
)
def test_an_email_that_is_not_an_email_is_refused(email: str) -> None:
    assert field_of(check_contact, dataclasses.replace(CONTACT, email=email)) == "email"


@pytest.mark.parametrize("email", ["", "ada@example.org", "  ada.l+brm@mail.example.co.uk "])
def test_an_empty_or_real_email_is_fine(email: str) -> None:
    assert check_contact(dataclasses.replace(CONTACT, email=email)).email == email.strip()


def test_a_contact_needs_a_name() -> None:
    assert field_of(check_contact, dataclasses.replace(CONTACT, name=" ")) == "name"


# --- meetings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("minutes", [0, -30, 1441, 90.0, None])
def test_a_duration_outside_1_to_1440_minutes_is_refused(minutes: Any) -> None:
    meeting = dataclasses.replace(MEETING, duration_minutes=minutes)
    assert field_of(check_meeting, meeting) == "duration_minutes"


@pytest.mark.parametrize("minutes", [1, 1440])
def test_a_duration_of_1_and_1440_minutes_is_fine(minutes: int) -> None:
    assert check_meeting(dataclasses.replace(MEETING, duration_minutes=minutes)).duration_minutes


@pytest.mark.parametrize("mood", [0, 6, -1, 3.5, True])
def test_a_satisfaction_outside_1_to_5_is_refused(mood: Any) -> None:
    assert field_of(check_meeting, dataclasses.replace(MEETING, satisfaction=mood)) == (
        "satisfaction"
    )


@pytest.mark.parametrize("mood", [None, 1, 5])
def test_no_satisfaction_or_1_to_5_is_fine(mood: int | None) -> None:
    assert check_meeting(dataclasses.replace(MEETING, satisfaction=mood)).satisfaction == mood


def test_a_naive_start_is_refused() -> None:
    meeting = dataclasses.replace(MEETING, start=datetime(2026, 3, 2, 9, 0))
    assert field_of(check_meeting, meeting) == "start"


@pytest.mark.parametrize(
    "start",
    [
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))),
        datetime(999, 12, 31, 23, 59, tzinfo=PARIS),
        datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-12))),
    ],
)
def test_a_start_outside_four_digit_years_is_refused(start: datetime) -> None:
    assert field_of(check_meeting, dataclasses.replace(MEETING, start=start)) == "start"


def test_a_meeting_needs_a_title() -> None:
    assert field_of(check_meeting, dataclasses.replace(MEETING, title="  ")) == "title"


def test_tags_are_trimmed_and_repeats_dropped_first_spelling_winning() -> None:
    meeting = dataclasses.replace(MEETING, tags=(" Cloud ", "cloud", "", "  ", "ERP", "CLOUD"))
    assert check_meeting(meeting).tags == ("Cloud", "ERP")


def test_attendees_keep_their_order_without_repeats() -> None:
    meeting = dataclasses.replace(MEETING, attendee_ids=("c3", "c1", "c3", "c2"))
    assert check_meeting(meeting).attendee_ids == ("c3", "c1", "c2")


def test_an_action_needs_words_and_its_side_is_named_with_its_position() -> None:
    actions = (Action("Send the figures"), Action("  ", Side.PARTNER))
    assert field_of(check_meeting, dataclasses.replace(MEETING, actions=actions)) == (
        "actions[1].text"
    )
    bad_side = (Action("Send", "everyone"),)  # type: ignore[arg-type]
    assert field_of(check_meeting, dataclasses.replace(MEETING, actions=bad_side)) == (
        "actions[0].side"
    )
    bad_due = (Action("Send", Side.MINE, "", "Friday"),)  # type: ignore[arg-type]
    assert field_of(check_meeting, dataclasses.replace(MEETING, actions=bad_due)) == (
        "actions[0].due"
    )


def test_actions_are_trimmed_and_keep_their_side() -> None:
    actions = (Action(" Send the figures ", Side.PROVIDER, " Ops team ", date(2026, 3, 9)),)
    tidy = check_meeting(dataclasses.replace(MEETING, actions=actions))
    assert tidy.actions == (
        Action("Send the figures", Side.PROVIDER, "Ops team", date(2026, 3, 9)),
    )


# --- requests ----------------------------------------------------------------------------------


REQUIRED = [
    (RequestStatus.DEFERRED, {}, "revisit_on"),
    (RequestStatus.REDIRECTED, {}, "routed_to"),
    (RequestStatus.REDIRECTED, {"routed_to": "   "}, "routed_to"),
    (RequestStatus.REFRAMED, {}, "reframed_as"),
    (RequestStatus.DECLINED, {}, "outcome_note"),
    (RequestStatus.DECLINED, {"outcome_note": " \n "}, "outcome_note"),
    (RequestStatus.DELIVERED, {}, "delivered_on"),
    (RequestStatus.BENEFITS_REVIEWED, {}, "delivered_on"),
    (RequestStatus.BENEFITS_REVIEWED, {"delivered_on": date(2026, 4, 1)}, "benefit_reviewed_on"),
    (RequestStatus.BENEFITS_REVIEWED, {"benefit_reviewed_on": date(2026, 9, 1)}, "delivered_on"),
]


@pytest.mark.parametrize(("status", "given", "missing"), REQUIRED)
def test_each_status_requires_its_field(
    status: RequestStatus, given: dict[str, Any], missing: str
) -> None:
    request = dataclasses.replace(REQUEST, status=status, **given)
    assert field_of(check_request, request) == missing


SATISFIED = {
    RequestStatus.NEW: {},
    RequestStatus.ACCEPTED: {},
    RequestStatus.DEFERRED: {"revisit_on": date(2026, 6, 1)},
    RequestStatus.REDIRECTED: {"routed_to": "Service desk"},
    RequestStatus.REFRAMED: {"reframed_as_id": "r2"},
    RequestStatus.DECLINED: {"outcome_note": "Covered by the ERP upgrade."},
    RequestStatus.DELIVERED: {"delivered_on": date(2026, 4, 1)},
    RequestStatus.BENEFITS_REVIEWED: {
        "delivered_on": date(2026, 4, 1),
        "benefit_reviewed_on": date(2026, 7, 1),
    },
}


@pytest.mark.parametrize("status", list(RequestStatus))
def test_each_status_with_its_field_is_accepted(status: RequestStatus) -> None:
    tidy = check_request(dataclasses.replace(REQUEST, status=status, **SATISFIED[status]))
    assert tidy.status is status
    given = {name.removesuffix("_id") for name in SATISFIED[status]}
    assert set(STATUS_REQUIRED_FIELDS[status]) == given - {"benefit_reviewed_on"} | (
        {"benefit_reviewed_on"} if status is RequestStatus.BENEFITS_REVIEWED else set()
    )


def test_a_request_cannot_be_reframed_as_itself() -> None:
    request = dataclasses.replace(REQUEST, status=RequestStatus.REFRAMED, reframed_as_id="r1")
    assert field_of(check_request, request) == "reframed_as"


def test_delivery_before_receipt_and_review_before_delivery_are_refused() -> None:
    early = dataclasses.replace(
        REQUEST, status=RequestStatus.DELIVERED, delivered_on=date(2026, 2, 28)
    )
    assert field_of(check_request, early) == "delivered_on"
    review = dataclasses.replace(
        REQUEST,
        status=RequestStatus.BENEFITS_REVIEWED,
        delivered_on=date(2026, 4, 1),
        benefit_reviewed_on=date(2026, 3, 31),
    )
    assert field_of(check_request, review) == "benefit_reviewed_on"


@pytest.mark.parametrize("field", ["value", "urgency"])
@pytest.mark.parametrize("score", [0, 6])
def test_value_and_urgency_run_from_1_to_5(field: str, score: int) -> None:
    assert field_of(check_request, dataclasses.replace(REQUEST, **{field: score})) == field


@pytest.mark.parametrize("field", ["expected_value_amount", "realized_value_amount"])
@pytest.mark.parametrize(
    "money",
    [Decimal("-0.01"), Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), MAX_AMOUNT,
     float("nan"), -1, True],
)  # fmt: skip
def test_negative_or_not_finite_amounts_are_refused(field: str, money: Any) -> None:
    assert field_of(check_request, dataclasses.replace(REQUEST, **{field: money})) == field


def test_amounts_stay_exact_decimals() -> None:
    tidy = check_request(
        dataclasses.replace(
            REQUEST, expected_value_amount=Decimal("1234567.89"), realized_value_amount=0
        )
    )
    assert tidy.expected_value_amount == Decimal("1234567.89")
    assert str(tidy.expected_value_amount) == "1234567.89"
    assert tidy.realized_value_amount == Decimal(0)
    assert isinstance(tidy.realized_value_amount, Decimal)
    floated = check_request(dataclasses.replace(REQUEST, expected_value_amount=0.1))  # type: ignore[arg-type]
    assert floated.expected_value_amount == Decimal("0.1")


def test_linked_meetings_keep_their_order_without_repeats() -> None:
    request = dataclasses.replace(REQUEST, meeting_ids=("m2", "m1", "m2"))
    assert check_request(request).meeting_ids == ("m2", "m1")


# --- the workflow ------------------------------------------------------------------------------


ALLOWED = {(old, new) for old, targets in STATUS_TRANSITIONS.items() for new in targets}


def test_the_workflow_follows_the_spec() -> None:
    s = RequestStatus
    assert {
        (s.NEW, s.DEFERRED), (s.NEW, s.REDIRECTED), (s.NEW, s.REFRAMED), (s.NEW, s.DECLINED),
        (s.NEW, s.ACCEPTED), (s.ACCEPTED, s.DELIVERED), (s.DELIVERED, s.BENEFITS_REVIEWED),
    } <= ALLOWED  # fmt: skip
    for forbidden in [
        (s.NEW, s.DELIVERED),
        (s.NEW, s.BENEFITS_REVIEWED),
        (s.DEFERRED, s.DELIVERED),
        (s.REDIRECTED, s.ACCEPTED),
        (s.DECLINED, s.DELIVERED),
        (s.REFRAMED, s.ACCEPTED),
        (s.ACCEPTED, s.BENEFITS_REVIEWED),
        (s.BENEFITS_REVIEWED, s.NEW),
    ]:
        assert forbidden not in ALLOWED


@pytest.mark.parametrize("old", list(RequestStatus))
@pytest.mark.parametrize("new", list(RequestStatus))
def test_check_transition_refuses_exactly_the_moves_the_workflow_does_not_allow(
    old: RequestStatus, new: RequestStatus
) -> None:
    if old == new or (old, new) in ALLOWED:
        check_transition(old, new)
    else:
        with pytest.raises(ValidationError) as caught:
            check_transition(old, new)
        assert caught.value.field == "status"
        assert old.label in caught.value.reason
        assert new.label in caught.value.reason


def test_check_transition_names_the_field_for_an_unknown_status() -> None:
    assert field_of(check_transition, RequestStatus.NEW, "shipped") == "status"


# --- nothing but ValidationError, whatever is put in a field ----------------------------------

ANYTHING = st.one_of(
    st.text(),
    st.integers(),
    st.none(),
    st.booleans(),
    st.floats(),
    st.decimals(),
    st.dates(),
    st.datetimes(timezones=st.none() | st.timezones()),
    st.lists(st.text(max_size=5), max_size=3).map(tuple),
    st.lists(st.integers(), max_size=3).map(tuple),
)


def _fields(record: Any) -> list[str]:
    return [f.name for f in dataclasses.fields(record)]


DELIVERED = dataclasses.replace(
    REQUEST, status=RequestStatus.DELIVERED, delivered_on=date(2026, 4, 1)
)


@pytest.mark.parametrize(
    ("record", "check"),
    [
        (PARTNER, check_partner),
        (CONTACT, check_contact),
        (MEETING, check_meeting),
        (REQUEST, check_request),
        (DELIVERED, check_request),
    ],
)
@given(data=st.data())
def test_checks_raise_nothing_but_validation_error(record: Any, check: Any, data: Any) -> None:
    changes = data.draw(
        st.dictionaries(st.sampled_from(_fields(record)), ANYTHING, min_size=1, max_size=3)
    )
    refused: ValidationError | None = None
    try:
        tidy = check(dataclasses.replace(record, **changes))
    except ValidationError as error:
        refused = error
    if refused is None:
        assert check(tidy) == tidy, "a tidied record must pass its check unchanged"
    else:
        assert refused.field
        assert refused.reason


@given(old=ANYTHING | st.sampled_from(RequestStatus), new=ANYTHING | st.sampled_from(RequestStatus))
def test_check_transition_raises_nothing_but_validation_error(old: Any, new: Any) -> None:
    refused: ValidationError | None = None
    try:
        check_transition(old, new)
    except ValidationError as error:
        refused = error
    assert refused is None or refused.field == "status"


def test_each_meeting_type_has_the_spec_default_focus() -> None:
    t = MeetingType
    expected = {
        Focus.REACTIVE: {t.ESCALATION, t.INCIDENT_REVIEW, t.SERVICE_REVIEW},
        Focus.ROUTINE: {t.STATUS_CHECKIN, t.ONE_TO_ONE, t.OTHER},
        Focus.STRATEGIC: {t.PLANNING, t.ROADMAP, t.BUSINESS_CASE, t.VALUE_REVIEW, t.INNOVATION},
    }
    for focus, types in expected.items():
        assert {m for m in MeetingType if m.default_focus is focus} == types
