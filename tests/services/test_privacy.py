"""The one privacy filter: what of the journal an export, pack, brief or CSV may carry."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.records import Action, AgreedAction, Contact, Meeting, Partner, Request
from brm_desk.services import privacy

MEETINGS = st.lists(
    st.builds(
        Meeting,
        id=st.text(max_size=3),
        partner_id=st.just("p"),
        title=st.text(max_size=5),
        start=st.just(datetime(2026, 3, 2, 9, tzinfo=UTC)),
        notes=st.text(max_size=5),
        private_notes=st.text(max_size=5),
        private=st.booleans(),
    ),
    max_size=6,
)
REQUESTS = st.lists(
    st.builds(
        Request,
        id=st.text(max_size=3),
        partner_id=st.just("p"),
        title=st.text(max_size=5),
        received=st.just(date(2026, 3, 1)),
        private_notes=st.text(max_size=5),
        private=st.booleans(),
    ),
    max_size=6,
)


@given(records=st.one_of(MEETINGS, REQUESTS))
def test_shared_records_carry_nothing_private(records: list[Meeting] | list[Request]) -> None:
    shared = privacy.shared(records, include_private=False)
    assert shared == [replace(r, private_notes="") for r in records if not r.private]
    assert privacy.shared(records, include_private=True) == records


@given(records=st.one_of(MEETINGS, REQUESTS))
def test_shown_leaves_out_private_records_only(records: list[Meeting] | list[Request]) -> None:
    assert privacy.shown(records, include_private=False) == [r for r in records if not r.private]
    assert privacy.shown(records, include_private=True) == records


def test_follow_ups_of_a_private_meeting_are_private_and_people_never_are() -> None:
    agreed = [
        AgreedAction(Action("Send the plan"), "Planning", date(2026, 3, 2)),
        AgreedAction(Action("Call Tomasz"), "Off the record", date(2026, 3, 3), private=True),
    ]
    assert privacy.shown(agreed, include_private=False) == agreed[:1]
    people = [Partner(id="p", name="Finance"), Contact(id="c", partner_id="p", name="Anna")]
    assert privacy.shown(people, include_private=False) == people
    assert not any(privacy.is_private(item) for item in people)


def test_what_stays_in_the_journal_of_each_kind() -> None:
    assert privacy.withheld(Contact, include_private=False) == ("notes", "stance", "history")
    assert privacy.withheld(Meeting, include_private=False) == ("private_notes",)
    assert privacy.withheld(Request, include_private=False) == ("private_notes",)
    assert privacy.withheld(Partner, include_private=False) == ()
    for kind in (Contact, Meeting, Request, Partner):
        assert privacy.withheld(kind, include_private=True) == ()


def test_a_private_meetings_follow_ups_keep_their_text_but_not_its_title() -> None:
    """Privacy changes words, never numbers: the commitment is listed, the meeting unnamed."""
    agreed = [
        AgreedAction(Action("Send the plan"), "Planning", date(2026, 3, 2)),
        AgreedAction(Action("Call Tomasz"), "Off the record", date(2026, 3, 3), private=True),
    ]
    shared = privacy.follow_ups(agreed, include_private=False)
    assert shared == [agreed[0], replace(agreed[1], meeting_title="")]
    assert privacy.follow_ups(agreed, include_private=True) == agreed


def test_judgements_of_people_are_for_the_internal_audience_only() -> None:
    assert not privacy.Audience.PARTNER.sees_judgements
    assert privacy.Audience.INTERNAL.sees_judgements
    assert privacy.Audience("internal") is privacy.Audience.INTERNAL


def test_what_is_left_out_is_said_with_right_plurals() -> None:
    one = privacy.LeftOut(1, 1, 1, 1, 1)
    assert one.describe(privacy.Audience.PARTNER) == (
        "Left out for the partner: 1 private note, 1 private meeting (counted in the figures), "
        "1 private request (counted in the figures), stances of 1 person, 1 satisfaction score."
    )
    some = one + privacy.LeftOut(private_notes=11, stances=8)
    assert some.describe(privacy.Audience.INTERNAL).startswith(
        "Left out of the internal pack: 12 private notes, 1 private meeting"
    )
    assert "stances of 9 people" in some.describe(privacy.Audience.INTERNAL)
    assert privacy.LeftOut().describe(privacy.Audience.PARTNER) == "Nothing is left out."
